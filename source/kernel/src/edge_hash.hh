#pragma once
// An open-addressing hash from undirected edges (vertex pairs) to edge indices, for
// validate, which looks up edges of arbitrary (possibly damaged) data: a million-face mesh
// inserts millions of pairs, which a node-based std::unordered_map makes several times
// slower. (mesh_calc_edges buckets by vertex instead; its input is checked first.)

#include <bit>
#include <cstdint>
#include <utility>
#include <vector>

namespace whisk::kernel {

class EdgeHash {
 public:
  /** Room for `expected` edges without growing. */
  explicit EdgeHash(size_t expected)
  {
    const size_t capacity = std::bit_ceil(std::max<size_t>(16, expected * 2));
    slots_.assign(capacity, Slot{kEmpty, 0});
    mask_ = capacity - 1;
  }

  /** The index stored for edge (a, b) in either direction; stores `index` and returns it
   * when the edge is new. */
  int32_t insert(int32_t a, int32_t b, int32_t index)
  {
    if (a > b) {
      std::swap(a, b);
    }
    if ((count_ + 1) * 2 > slots_.size()) {
      grow();
    }
    const uint64_t key = (uint64_t(uint32_t(a)) << 32) | uint32_t(b);
    for (size_t i = hash(key) & mask_;; i = (i + 1) & mask_) {
      Slot &slot = slots_[i];
      if (slot.key == key) {
        return slot.index;
      }
      if (slot.key == kEmpty) {
        slot = {key, index};
        count_++;
        return index;
      }
    }
  }

 private:
  struct Slot {
    uint64_t key;
    int32_t index;
  };
  static constexpr uint64_t kEmpty = ~uint64_t(0);

  static size_t hash(uint64_t key)
  {
    key ^= key >> 33;
    key *= 0xff51afd7ed558ccdull;
    key ^= key >> 33;
    return size_t(key);
  }
  void grow()
  {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.size() * 2, Slot{kEmpty, 0});
    mask_ = slots_.size() - 1;
    for (const Slot &slot : old) {
      if (slot.key != kEmpty) {
        for (size_t i = hash(slot.key) & mask_;; i = (i + 1) & mask_) {
          if (slots_[i].key == kEmpty) {
            slots_[i] = slot;
            break;
          }
        }
      }
    }
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t count_ = 0;
};

}  // namespace whisk::kernel
