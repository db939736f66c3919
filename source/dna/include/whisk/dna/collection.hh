#pragma once
#include <vector>

#include "whisk/base/math.hh"
#include "whisk/base/ordered_set.hh"
#include "whisk/dna/id.hh"

namespace whisk::dna {

struct Object;

enum CollectionFlag : uint8_t {
  COLLECTION_HIDE_SELECT = 1 << 0,
  COLLECTION_HIDE_VIEWPORT = 1 << 1,
  COLLECTION_HIDE_RENDER = 1 << 2,
};

struct Collection {
  static constexpr IDType id_type = IDType::Collection;
  ID id;
  /** Objects in link order; O(1) link, unlink and membership. */
  OrderedPtrSet<Object> objects;
  std::vector<Collection *> children;
  /** Runtime: the collections that list this one as a child. Kept for cycle checks. */
  std::vector<Collection *> parents;
  uint8_t flag = 0;
  /** -1 is NONE, 0..7 are COLOR_01..COLOR_08. */
  int8_t color_tag = -1;
  float3 instance_offset;
};

}  // namespace whisk::dna
