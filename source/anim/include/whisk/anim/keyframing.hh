#pragma once
// Keyframes and drivers added through a struct's property path, as bpy_struct's
// keyframe_insert, keyframe_delete, driver_add and driver_remove do (Blender 3.4's rules
// and messages; tests/fixtures/animation_api.json).

#include <optional>
#include <string_view>
#include <vector>

#include "whisk/dna/anim.hh"
#include "whisk/kernel/main.hh"
#include "whisk/rna/access.hh"

namespace whisk::anim {

enum KeyframeOptions : uint32_t {
  KEYFRAME_NEEDED = 1 << 0,
  KEYFRAME_REPLACE = 1 << 1,
  KEYFRAME_AVAILABLE = 1 << 2,
  KEYFRAME_CYCLE_AWARE = 1 << 3,
};

/** Keys the property at `path` (relative to `ptr`) on `frame`; every array element when
 * `index` is -1. Creates the owner's action ("<name>Action") and curves as needed.
 * TypeError for a missing or unanimatable property or an index out of range. Returns
 * whether any key was inserted. */
bool keyframe_insert(kernel::Main &bmain, const rna::PointerRNA &ptr, std::string_view path,
                     int index, float frame, std::string_view group, uint32_t options);
/** Deletes the keys on `frame`; curves left without keys go. False when there was none. */
bool keyframe_delete(kernel::Main &bmain, const rna::PointerRNA &ptr, std::string_view path,
                     int index, float frame);

/** Adds drivers (one per element when `index` is -1 on an array) or returns the existing
 * ones. A new driver is SCRIPTED, its expression the property's current value, and its
 * curve has a Generator modifier, as Blender makes them. */
std::vector<dna::FCurve *> driver_add(kernel::Main &bmain, const rna::PointerRNA &ptr,
                                      std::string_view path, int index);
bool driver_remove(kernel::Main &bmain, const rna::PointerRNA &ptr, std::string_view path,
                   int index);

}  // namespace whisk::anim
