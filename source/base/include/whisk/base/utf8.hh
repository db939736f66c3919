#pragma once
// UTF-8 helpers. Names and strings are stored as UTF-8; anything cut to a byte limit is
// cut at a code-point boundary so that no partial character survives.

#include <cstddef>
#include <string>
#include <string_view>

namespace whisk::utf8 {

/** Byte length of the valid UTF-8 sequence starting at s[0], or 0 if it is invalid. */
size_t sequence_length(std::string_view s);

bool is_valid(std::string_view s);

/** Removes every invalid byte sequence, keeping the valid code points around them. */
std::string strip_invalid(std::string_view s);

/** Largest prefix length <= max_bytes that ends on a code-point boundary (s is valid). */
size_t truncated_length(std::string_view s, size_t max_bytes);

inline std::string_view truncate(std::string_view s, size_t max_bytes)
{
  return s.substr(0, truncated_length(s, max_bytes));
}

}  // namespace whisk::utf8
