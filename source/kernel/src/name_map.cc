#include "whisk/kernel/name_map.hh"

#include <cstdio>

#include "whisk/base/utf8.hh"
#include "whisk/dna/id.hh"

namespace whisk::kernel {

/* Numbers above this are not tracked in the bitmap: suffix search never gets there before
 * exhausting the numbers below, and a full-name check catches the rest. */
static constexpr int64_t MAX_TRACKED_NUMBER = 1 << 24;

SplitName split_name_number(std::string_view name)
{
  /* A trailing dot is part of the base ("Cube."), unless it is the whole name. */
  if (name.size() > 1 && name.back() == '.') {
    return {name, 0};
  }
  size_t digits = 0;
  while (digits < name.size() && name[name.size() - 1 - digits] >= '0' &&
         name[name.size() - 1 - digits] <= '9')
  {
    digits++;
  }
  if (digits == name.size() || name[name.size() - 1 - digits] != '.') {
    return {name, 0};
  }
  /* Any run of digits is a suffix (".001" has an empty base). Numbers too large to
   * matter saturate: suffix search never reaches them. */
  constexpr int64_t saturated = int64_t(1) << 60;
  int64_t number = 0;
  for (size_t i = name.size() - digits; i < name.size(); i++) {
    number = number >= saturated / 10 ? saturated : number * 10 + (name[i] - '0');
  }
  return {name.substr(0, name.size() - digits - 1), number};
}

std::string sanitize_id_name(std::string_view name)
{
  std::string clean = utf8::strip_invalid(name);
  clean.resize(utf8::truncated_length(clean, dna::MAX_ID_NAME - 1));
  return clean;
}

bool NameMap::UsedNumbers::test(int64_t n) const
{
  const size_t word = size_t(n >> 6);
  return word < bits.size() && (bits[word] >> (n & 63)) & 1;
}

void NameMap::UsedNumbers::set(int64_t n, bool value)
{
  if (n > MAX_TRACKED_NUMBER) {
    return;
  }
  const size_t word = size_t(n >> 6);
  if (word >= bits.size()) {
    if (!value) {
      return;
    }
    bits.resize(word + 1, 0);
  }
  const uint64_t mask = uint64_t(1) << (n & 63);
  if (value) {
    bits[word] |= mask;
  }
  else {
    bits[word] &= ~mask;
    if (n >= 1 && n < lowest_free_hint) {
      lowest_free_hint = n;
    }
  }
}

int64_t NameMap::UsedNumbers::lowest_free_from_one() const
{
  int64_t n = lowest_free_hint;
  size_t word = size_t(n >> 6);
  /* Skip whole words of taken numbers. */
  if (word < bits.size() && ((bits[word] >> (n & 63)) == (~uint64_t(0) >> (n & 63)))) {
    word++;
    while (word < bits.size() && bits[word] == ~uint64_t(0)) {
      word++;
    }
    n = int64_t(word) << 6;
  }
  while (test(n)) {
    n++;
  }
  lowest_free_hint = n;
  return n;
}

void NameMap::add(std::string_view name)
{
  auto it = names_.find(name);
  if (it != names_.end()) {
    it->second++;
    return;
  }
  names_.emplace(std::string(name), 1);
  const SplitName split = split_name_number(name);
  auto base_it = bases_.find(split.base);
  if (base_it == bases_.end()) {
    base_it = bases_.emplace(std::string(split.base), UsedNumbers()).first;
  }
  UsedNumbers &used = base_it->second;
  used.set(split.number, true);
  used.count++;
}

void NameMap::remove(std::string_view name)
{
  auto it = names_.find(name);
  if (it == names_.end()) {
    return;
  }
  if (--it->second > 0) {
    return;
  }
  names_.erase(it);
  const SplitName split = split_name_number(name);
  auto base_it = bases_.find(split.base);
  if (base_it == bases_.end()) {
    return;
  }
  /* Another spelling of the same number ("a.1" and "a.001") may still hold it. */
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), ".%03lld", (long long)split.number);
  const bool canonical_spelling = split.number == 0 ? name == split.base :
                                                      name.substr(split.base.size()) == buffer;
  if (canonical_spelling || !contains(std::string(split.base) + buffer)) {
    base_it->second.set(split.number, false);
  }
  if (--base_it->second.count == 0) {
    bases_.erase(base_it);
  }
}

bool NameMap::contains(std::string_view name) const
{
  return names_.find(name) != names_.end();
}

std::string NameMap::make_unique(std::string_view wanted) const
{
  if (!contains(wanted)) {
    return std::string(wanted);
  }
  std::string base(split_name_number(wanted).base);
  while (true) {
    auto it = bases_.find(base);
    int64_t number = it == bases_.end() ? 1 : it->second.lowest_free_from_one();
    while (true) {
      char suffix[32];
      std::snprintf(suffix, sizeof(suffix), ".%03lld", (long long)number);
      const size_t suffix_len = std::char_traits<char>::length(suffix);
      const size_t max_base = dna::MAX_ID_NAME - 1 - suffix_len;
      if (base.size() > max_base) {
        /* No room for the suffix: shorten the base. The shortened name itself is taken
         * when free; otherwise suffixes continue under the shortened base. */
        base.resize(utf8::truncated_length(base, max_base));
        if (!contains(base)) {
          return base;
        }
        break;
      }
      std::string candidate = base + suffix;
      if (!contains(candidate)) {
        return candidate;
      }
      number++;
    }
  }
}

}  // namespace whisk::kernel
