#pragma once
// F-curves: keyframes with Bezier handles, their evaluation (Bezier, easing, extrapolation),
// F-curve modifiers, keyframe insertion and deletion, and the action-level helpers that
// find, create and group F-curves. Numbers follow Blender 3.4 (tests/fixtures/fcurves.json,
// printed by tools/oracle/gen_fcurves.py), except the NOISE modifier, whose noise is
// Whisk's own (see fcurve_modifiers.cc).
//
// Split over fcurve_handles.cc (handle calculation and smoothing), fcurve_eval.cc (keys,
// easing, extrapolation), fcurve_modifiers.cc, fcurve_insert.cc (keys in and out) and
// fcurve_action.cc (actions and groups).

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "whisk/dna/action.hh"
#include "whisk/dna/anim.hh"

namespace whisk::kernel {

using dna::Action;
using dna::ActionGroup;
using dna::BezTriple;
using dna::FCurve;
using dna::FModifier;

/* ---- Keys and handles (fcurve_handles.cc) ---------------------------------------------- */

/** Recomputes the AUTO, AUTO_CLAMPED, VECTOR and ALIGNED handles of every key from the keys'
 * positions, as Blender does after an edit: first and last keys, clamping of AUTO_CLAMPED
 * extremes, the cycle-aware case (a first Cycles modifier repeating forever) and the
 * F-curve's auto_smoothing (CONT_ACCEL solves for continuous acceleration). Curves with
 * fewer than two keys are left alone. */
void fcurve_handles_recalc(FCurve &fcu);
/** Sorts the keys by frame (stable: keys on the same frame keep their order) and puts each
 * key's handles on the right side of it. */
void fcurve_sort(FCurve &fcu);
/** FCurve.update(): sort, then recalculate the handles. */
void fcurve_update(FCurve &fcu);
/** The curve repeats forever through its first modifier (a Cycles modifier, unmuted, no
 * restricted range or influence, cycling both ways without a count). */
bool fcurve_is_cyclic(const FCurve &fcu);

/* ---- Evaluation (fcurve_eval.cc) ----------------------------------------------------------- */

/** The value at `frame`: the modifiers' time changes, the keys, the modifiers' value changes,
 * then rounding for integer curves. A curve without keys starts from 0. */
float fcurve_evaluate(const FCurve &fcu, float frame);
/** Like fcurve_evaluate, but a curve without keys starts from `base_value` (a driver's value:
 * the modifiers then shape it). */
float fcurve_evaluate_ex(const FCurve &fcu, float frame, float base_value);
/** A driver's F-curve mapping the driver's value: the curve evaluated at `driver_value`.
 * Without keys the value passes through (then shaped by the modifiers), unless a modifier
 * with a restricted range excludes that value, as in Blender. */
float fcurve_evaluate_driver(const FCurve &fcu, float driver_value);
/** The keys alone at `frame` (no modifiers, no rounding); 0 without keys. */
float fcurve_evaluate_keys(const FCurve &fcu, float frame);

/** Index of the key at `frame` (within `threshold`), with *r_exact set; otherwise the index
 * where a key at `frame` would be inserted. Keys must be sorted. */
int fcurve_key_search(const FCurve &fcu, float frame, float threshold, bool *r_exact);
/** Blender's tolerance for "a key on this frame" when inserting and deleting. */
inline constexpr float KEY_FRAME_THRESHOLD = 0.01f;

/** FCurve.range(): the first and last keys' frames (unsorted curves give them as they are);
 * (0, 0) without keys. */
std::pair<float, float> fcurve_frame_range(const FCurve &fcu);
/** No keys, no driver and no modifier that generates values (Generator). */
bool fcurve_is_empty(const FCurve &fcu);

/* ---- Modifiers (fcurve_modifiers.cc) -------------------------------------------------------- */

/** Adds a modifier of `type` with Blender's defaults, active when it is the only one.
 * Returns nullptr for NULL and for a Cycles modifier when the stack is not empty (Cycles
 * must come first), as Blender does. */
FModifier *fcurve_modifier_add(FCurve &fcu, dna::FModifierType type);
/** Removes a modifier of this curve; false when it is not one of them. */
bool fcurve_modifier_remove(FCurve &fcu, const FModifier *fcm);
/** Makes `fcm` the only active modifier of the curve. */
void fcurve_modifier_set_active(FCurve &fcu, FModifier *fcm);
FModifier *fcurve_modifier_active(const FCurve &fcu);
/** False for a modifier that cannot apply where it is (Cycles anywhere but first). */
bool fmodifier_is_valid(const FCurve &fcu, const FModifier &fcm);
/** Number of generator coefficients for its mode and order, and the resize to it (new
 * coefficients are 0, existing ones stay). */
int fmodifier_generator_coefficient_count(const FModifier &fcm);
void fmodifier_generator_verify(FModifier &fcm);
/** Whisk's turbulence noise for the NOISE modifier: sum of `depth + 1` octaves of 2D
 * gradient noise at (x / scale, phase), mapped to [0, 1]. Deterministic; not Blender's
 * noise tables, so NOISE values differ from Blender's. */
float fmodifier_noise_turbulence(float scale, float x, float phase, int depth);

/* Used by the evaluation: the modifiers' time and value passes. */
float fmodifiers_evaluate_time(const FCurve &fcu, float frame, float *r_cycle_offset);
float fmodifiers_evaluate_value(const FCurve &fcu, float value, float frame, float cycle_offset);

/* ---- Inserting and deleting keys (fcurve_insert.cc) ------------------------------------- */

enum InsertKeyFlags : uint32_t {
  INSERTKEY_NONE = 0,
  /** Only insert where the curve does not already pass through the value, and drop keys
   * the new one makes redundant (bpy_struct.keyframe_insert's INSERTKEY_NEEDED). */
  INSERTKEY_NEEDED = 1 << 0,
  /** Only replace existing keys; never add one (keyframe_points.insert's REPLACE). */
  INSERTKEY_REPLACE = 1 << 1,
  /** Do not recalculate handles (keyframe_points.insert's FAST). */
  INSERTKEY_FAST = 1 << 2,
  /** A replaced key is overwritten entirely, handles and types included. */
  INSERTKEY_OVERWRITE_FULL = 1 << 3,
  /** On a cyclic curve, replacing one end key also replaces the other. */
  INSERTKEY_CYCLE_AWARE = 1 << 4,
};

/** What keyframe_insert does to the curve: a key within KEY_FRAME_THRESHOLD of `frame` gets
 * the value (its handles move with it; handle types, interpolation and key type stay);
 * otherwise a new key is inserted in frame order with the defaults of Blender's factory
 * preferences (BEZIER, AUTO_CLAMPED handles at +-1 frame, `type`), taking the interpolation
 * of its neighbour when the curve has more than two keys. Handles are recalculated unless
 * INSERTKEY_FAST. Returns the key's index, or -1 when nothing was inserted (REPLACE without
 * a key there, or NEEDED deciding the key adds nothing). */
int fcurve_insert_keyframe(FCurve &fcu, float frame, float value,
                           dna::KeyframeType type = dna::KeyframeType::Keyframe,
                           uint32_t flags = INSERTKEY_NONE);
/** keyframe_points.add(count): `count` keys at (0, 0) appended unsorted, BEZIER with
 * AUTO_CLAMPED handles, selected, easing parameters 0, as Blender's API adds them. */
void fcurve_keys_add(FCurve &fcu, int count);
/** Removes key `index`, then recalculates handles when `recalc`. */
void fcurve_key_remove(FCurve &fcu, int index, bool recalc = true);
/** Removes the key at `frame` (within KEY_FRAME_THRESHOLD); false when there is none. */
bool fcurve_delete_keyframe(FCurve &fcu, float frame);
/** Removes every key. */
void fcurve_keys_clear(FCurve &fcu);

/* ---- Actions and groups (fcurve_action.cc) ----------------------------------------------- */

/** A new F-curve as Blender creates it for an action: selected, CONT_ACCEL auto smoothing
 * (Blender's default preference for new curves). */
std::unique_ptr<FCurve> fcurve_create(std::string_view path, int index);

FCurve *action_fcurve_find(Action &action, std::string_view path, int index);
const FCurve *action_fcurve_find(const Action &action, std::string_view path, int index);
/** The F-curve of `path`/`index`, created if missing. A new curve joins group
 * `group_name` (created if missing) when one is named, placed after the group's last
 * curve as Blender keeps groups contiguous; ungrouped curves go last. */
FCurve &action_fcurve_ensure(Action &action, std::string_view path, int index,
                             std::string_view group_name = {});
/** Removes (and frees) an F-curve of the action; false when it is not one of them. The
 * group stays, even when empty. */
bool action_fcurve_remove(Action &action, const FCurve *fcu);
/** Removes every F-curve (groups stay, as in Blender). */
void action_fcurves_clear(Action &action);

ActionGroup *action_group_find(Action &action, std::string_view name);
/** A new group, named uniquely ("Group", "Group.001"...), selected. */
ActionGroup &action_group_add(Action &action, std::string_view name);
/** Removes a group; its F-curves move, ungrouped, to the end of the action. False when it
 * is not a group of the action. */
bool action_group_remove(Action &action, const ActionGroup *group);
/** Moves `fcu` into `group` (after its last curve), or out of any group (to the end of the
 * action) with nullptr. */
void action_fcurve_set_group(Action &action, FCurve &fcu, ActionGroup *group);
/** Renames a group, keeping names unique. */
void action_group_rename(Action &action, ActionGroup &group, std::string_view name);

/** The frames the action's keys cover (first to last key over all curves, at least one
 * frame long), or (0, 1) without keys. Modifiers do not extend it. */
std::pair<float, float> action_frame_range_of_keys(const Action &action);

/** After copying an action (the F-curves and groups are copied item by item), points each
 * copied F-curve's group at the copy of its group. */
void action_copy_remap_groups(Action &dst, const Action &src);

/** The group Blender's keying tools use for a new curve of `path` on an ID of `type`:
 * "Object Transforms" for an object's location, rotation and scale (the UI's keying
 * sets). Blender 3.4's Python keyframe_insert() with no `group` argument puts curves in
 * no group at all (tests/fixtures/fcurves.json "keyframe_insert"); use this only where the
 * UI's rule is wanted. Empty for no group. */
std::string default_group_for_path(dna::IDType type, std::string_view path);

}  // namespace whisk::kernel
