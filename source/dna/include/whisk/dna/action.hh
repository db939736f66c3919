#pragma once
// Actions: F-curves over time for one kind of data-block, optionally in groups.
#include "whisk/base/owned_vector.hh"
#include "whisk/dna/anim.hh"
#include "whisk/dna/id.hh"

namespace whisk::dna {

struct Action {
  static constexpr IDType id_type = IDType::Action;
  ID id;
  /** Which ID type this action is meant for (0 = any); stored as IDType + 1. */
  uint8_t id_root = 0;
  bool use_frame_range = false;
  bool use_cyclic = false;
  float frame_start = 0.0f;
  float frame_end = 0.0f;
  OwnedVector<FCurve> fcurves;
  /** The F-curves' `group` pointers point in here; a copy remaps them (kernel). */
  OwnedVector<ActionGroup> groups;
};

}  // namespace whisk::dna
