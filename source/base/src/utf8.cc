#include "whisk/base/utf8.hh"

#include <cstdint>

namespace whisk::utf8 {

size_t sequence_length(std::string_view s)
{
  if (s.empty()) {
    return 0;
  }
  const auto byte = [&](size_t i) { return uint8_t(s[i]); };
  const uint8_t lead = byte(0);
  if (lead < 0x80) {
    return 1;
  }
  size_t length;
  uint32_t code;
  if ((lead & 0xE0) == 0xC0) {
    length = 2;
    code = lead & 0x1F;
  }
  else if ((lead & 0xF0) == 0xE0) {
    length = 3;
    code = lead & 0x0F;
  }
  else if ((lead & 0xF8) == 0xF0) {
    length = 4;
    code = lead & 0x07;
  }
  else {
    return 0;
  }
  if (s.size() < length) {
    return 0;
  }
  for (size_t i = 1; i < length; i++) {
    if ((byte(i) & 0xC0) != 0x80) {
      return 0;
    }
    code = (code << 6) | (byte(i) & 0x3F);
  }
  /* Reject overlong forms, surrogates and code points past U+10FFFF. */
  static constexpr uint32_t min_code[5] = {0, 0, 0x80, 0x800, 0x10000};
  if (code < min_code[length] || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) {
    return 0;
  }
  return length;
}

bool is_valid(std::string_view s)
{
  while (!s.empty()) {
    const size_t length = sequence_length(s);
    if (length == 0) {
      return false;
    }
    s.remove_prefix(length);
  }
  return true;
}

std::string strip_invalid(std::string_view s)
{
  std::string result;
  result.reserve(s.size());
  while (!s.empty()) {
    const size_t length = sequence_length(s);
    if (length == 0) {
      s.remove_prefix(1);
      continue;
    }
    result.append(s.substr(0, length));
    s.remove_prefix(length);
  }
  return result;
}

size_t truncated_length(std::string_view s, size_t max_bytes)
{
  if (s.size() <= max_bytes) {
    return s.size();
  }
  size_t end = max_bytes;
  /* Step back over continuation bytes to the start of the cut character. */
  while (end > 0 && (uint8_t(s[end]) & 0xC0) == 0x80) {
    end--;
  }
  return end;
}

}  // namespace whisk::utf8
