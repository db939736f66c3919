#pragma once
// An insertion-ordered set of pointers with O(1) add, remove and membership.
//
// Collections hold their objects in the order they were linked, and removing one of a
// million objects must not scan the others. Removal leaves a hole that iteration skips;
// holes are compacted away once they outnumber the live entries, which keeps iteration
// linear and index access amortized O(1) after a compaction.

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace whisk {

template<typename T> class OrderedPtrSet {
 public:
  bool contains(const T *value) const { return index_.count(value) != 0; }
  int64_t size() const { return int64_t(index_.size()); }
  bool empty() const { return index_.empty(); }

  /** Appends; returns false if the value was present already. */
  bool add(T *value)
  {
    auto [it, inserted] = index_.try_emplace(value, slots_.size());
    if (inserted) {
      slots_.push_back(value);
    }
    return inserted;
  }

  bool remove(const T *value)
  {
    auto it = index_.find(value);
    if (it == index_.end()) {
      return false;
    }
    slots_[it->second] = nullptr;
    index_.erase(it);
    if (slots_.size() > 16 && slots_.size() > 2 * index_.size()) {
      compact();
    }
    return true;
  }

  /** Puts `replacement` in the place of `value`; false if `value` is absent. When
   * `replacement` is in the set already, the two entries merge at the earlier position
   * (as Blender keeps the first of two duplicates after a remap). */
  bool replace(const T *value, T *replacement)
  {
    auto it = index_.find(value);
    if (it == index_.end()) {
      return false;
    }
    if (value == replacement) {
      return true;
    }
    const size_t slot = it->second;
    index_.erase(it);
    slots_[slot] = nullptr;
    auto existing = index_.find(replacement);
    if (existing == index_.end()) {
      index_.emplace(replacement, slot);
      slots_[slot] = replacement;
    }
    else if (slot < existing->second) {
      slots_[existing->second] = nullptr;
      existing->second = slot;
      slots_[slot] = replacement;
    }
    if (slots_.size() > 16 && slots_.size() > 2 * index_.size()) {
      compact();
    }
    return true;
  }

  void clear()
  {
    slots_.clear();
    index_.clear();
  }

  /** The i-th live entry in insertion order. */
  T *at(int64_t i)
  {
    if (int64_t(slots_.size()) != size()) {
      compact();
    }
    return slots_[i];
  }

  /** Position of a live entry in insertion order, or -1. */
  int64_t index_of(const T *value)
  {
    if (!contains(value)) {
      return -1;
    }
    if (int64_t(slots_.size()) != size()) {
      compact();
    }
    return int64_t(index_.at(value));
  }

  template<typename Fn> void for_each(Fn &&fn) const
  {
    for (T *value : slots_) {
      if (value) {
        fn(value);
      }
    }
  }

  /** A snapshot, safe to iterate while the set changes. */
  std::vector<T *> to_vector() const
  {
    std::vector<T *> result;
    result.reserve(index_.size());
    for_each([&](T *value) { result.push_back(value); });
    return result;
  }

 private:
  void compact()
  {
    size_t write = 0;
    for (T *value : slots_) {
      if (value) {
        index_[value] = write;
        slots_[write++] = value;
      }
    }
    slots_.resize(write);
  }

  std::vector<T *> slots_;
  std::unordered_map<const T *, size_t> index_;
};

}  // namespace whisk
