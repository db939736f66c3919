#pragma once
// Unique data-block names. Blender's rules: names are at most 63 bytes, cut at a UTF-8
// boundary; a clash takes the lowest free ".NNN" suffix of the name's base; an existing
// numeric suffix counts as that number. A map per base name tracks which numbers are in
// use, so making a name unique never scans the list of IDs.

#include <cstdint>
#include <string>
#include <string_view>
#include <functional>
#include <unordered_map>
#include <vector>

namespace whisk::kernel {

/** "Cube.012" -> ("Cube", 12); "Cube" -> ("Cube", 0); "Cube." -> ("Cube.", 0);
 * ".001" -> ("", 1); "." -> ("", 0); any number of digits counts, as in Blender. */
struct SplitName {
  std::string_view base;
  int64_t number;
};
SplitName split_name_number(std::string_view name);

class NameMap {
 public:
  void add(std::string_view name);
  void remove(std::string_view name);
  bool contains(std::string_view name) const;

  /** A name not in the map, derived from `wanted` the way Blender derives it. `wanted`
   * must already be valid UTF-8 of at most 63 bytes and not empty. */
  std::string make_unique(std::string_view wanted) const;

 private:
  /** Which numeric suffixes of one base name are taken; 0 is the bare base name. */
  struct UsedNumbers {
    std::vector<uint64_t> bits;
    /** Every number below this is known to be taken (a search hint). */
    mutable int64_t lowest_free_hint = 1;
    int64_t count = 0;
    bool test(int64_t n) const;
    void set(int64_t n, bool value);
    int64_t lowest_free_from_one() const;
  };
  /** Looks up std::string keys by string_view without building a string. */
  struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  template<typename V>
  using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;
  StringMap<UsedNumbers> bases_;
  StringMap<int32_t> names_;
};

/** Cuts to 63 bytes at a UTF-8 boundary and drops invalid UTF-8. */
std::string sanitize_id_name(std::string_view name);

}  // namespace whisk::kernel
