// Keys in and out of an F-curve: what keyframe_insert, keyframe_points.insert/add/remove
// and keyframe_delete do to the curve, with Blender 3.4's rules (probed with the oracle):
// a key within 0.01 frame of the new one is replaced (only its value moves, handles with
// it); new keys get the factory-preference defaults and, on curves of three keys or more,
// the interpolation of their neighbour; handles are recalculated afterwards.

#include <cfloat>
#include <cmath>

#include "whisk/kernel/fcurve.hh"
#include "whisk/kernel/main.hh"

namespace whisk::kernel {

using dna::BezTriple;

namespace {

/** Moves a key to a new value, its handles with it. */
void replace_value(BezTriple &dst, const BezTriple &src)
{
  const float dy = src.co.y - dst.co.y;
  dst.handle_left.y += dy;
  dst.co.y += dy;
  dst.handle_right.y += dy;
  dst.select_left_handle = src.select_left_handle;
  dst.select_control_point = src.select_control_point;
  dst.select_right_handle = src.select_right_handle;
}

/** Puts `key` in the curve; returns its index, or -1 when REPLACE finds none to replace. */
int insert_key(FCurve &fcu, const BezTriple &key, uint32_t flags)
{
  std::vector<BezTriple> &keys = fcu.keyframe_points;
  bool exact = false;
  const int i = fcurve_key_search(fcu, key.co.x, KEY_FRAME_THRESHOLD, &exact);
  if (exact) {
    if (flags & INSERTKEY_OVERWRITE_FULL) {
      keys[size_t(i)] = key;
    }
    else {
      replace_value(keys[size_t(i)], key);
    }
    if ((flags & INSERTKEY_CYCLE_AWARE) && fcurve_is_cyclic(fcu) &&
        (i == 0 || i == int(keys.size()) - 1))
    {
      /* A cycle without offset repeats its end keys: keep both ends equal. */
      const FModifier &fcm = fcu.modifiers[0];
      if (fcm.cycles.mode_before == dna::FModifierCycleMode::Repeat &&
          fcm.cycles.mode_after == dna::FModifierCycleMode::Repeat)
      {
        replace_value(keys[i == 0 ? keys.size() - 1 : 0], key);
      }
    }
    return i;
  }
  if (flags & INSERTKEY_REPLACE) {
    return -1;
  }
  keys.insert(keys.begin() + i, key);
  data_generation_bump();
  return i;
}

/** Whether a key at (frame, value) changes the curve, and which neighbour it makes
 * redundant: Blender's "only needed" keying. */
enum class Needed { No, Add, DeletePrevious, DeleteNext };

bool eq(float a, float b) { return std::abs(a - b) < FLT_EPSILON; }

Needed key_needed(const FCurve &fcu, float frame, float value)
{
  const std::vector<BezTriple> &keys = fcu.keyframe_points;
  if (keys.empty()) {
    return Needed::Add;
  }
  const BezTriple *prev = nullptr;
  for (size_t i = 0; i < keys.size(); i++) {
    const BezTriple &key = keys[i];
    if (prev) {
      const float px = prev->co.x, py = prev->co.y, kx = key.co.x, ky = key.co.y;
      if (eq(px, frame) && eq(kx, frame) && eq(kx, px)) {
        return Needed::No;
      }
      if (px <= frame && frame <= kx) {
        if (eq(py, value) && eq(ky, value) && eq(py, ky)) {
          return Needed::No;
        }
        return eq(fcurve_evaluate(fcu, frame), value) ? Needed::No : Needed::Add;
      }
      if (frame < px) {
        return (eq(py, value) && eq(ky, value) && eq(py, ky)) ? Needed::DeleteNext : Needed::Add;
      }
    }
    else if (frame < key.co.x && keys.size() == 1) {
      return Needed::Add;
    }
    if (i + 1 < keys.size()) {
      prev = &key;
    }
  }
  /* After every key: the last key is redundant if the new one continues a flat end. */
  const float last = keys.back().co.y;
  const float before = prev ? prev->co.y : last + 1.0f;
  return (eq(last, value) && eq(last, before)) ? Needed::DeletePrevious : Needed::Add;
}

}  // namespace

int fcurve_insert_keyframe(FCurve &fcu, float frame, float value, dna::KeyframeType type,
                           uint32_t flags)
{
  Needed needed = Needed::Add;
  if (flags & INSERTKEY_NEEDED) {
    needed = key_needed(fcu, frame, value);
    if (needed == Needed::No) {
      return -1;
    }
  }
  BezTriple key;
  key.co = {frame, value};
  /* Handles a frame to each side, so that free handles start usable. */
  key.handle_left = {frame - 1.0f, value};
  key.handle_right = {frame + 1.0f, value};
  key.select_left_handle = key.select_control_point = key.select_right_handle = true;
  key.handle_left_type = key.handle_right_type = dna::HandleType::AutoClamped;
  /* Discrete values (booleans, enums) step; integers move in straight lines. */
  key.interpolation = (fcu.flag & dna::FCURVE_DISCRETE_VALUES) ? dna::KeyInterpolation::Constant :
                      (fcu.flag & dna::FCURVE_INT_VALUES)      ? dna::KeyInterpolation::Linear :
                                                                 dna::KeyInterpolation::Bezier;
  key.type = type;
  key.back = 1.70158f;
  key.amplitude = 0.8f;
  key.period = 4.1f;

  const size_t old_count = fcu.keyframe_points.size();
  const int index = insert_key(fcu, key, flags);
  if (index < 0) {
    return -1;
  }
  std::vector<BezTriple> &keys = fcu.keyframe_points;
  if (keys.size() > 2 && !(flags & INSERTKEY_REPLACE) && keys.size() > old_count) {
    /* A new key continues the interpolation of the segment it splits. */
    BezTriple &added = keys[size_t(index)];
    if (index > 0) {
      added.interpolation = keys[size_t(index - 1)].interpolation;
    }
    else if (size_t(index) + 1 < keys.size()) {
      added.interpolation = keys[size_t(index + 1)].interpolation;
    }
  }
  if (!(flags & INSERTKEY_FAST)) {
    fcurve_handles_recalc(fcu);
  }
  int result = index;
  if (needed == Needed::DeletePrevious && keys.size() >= 2) {
    fcurve_key_remove(fcu, int(keys.size()) - 2);
    result = int(keys.size()) - 1;
  }
  else if (needed == Needed::DeleteNext && keys.size() >= 2) {
    fcurve_key_remove(fcu, 1);
  }
  return result;
}

void fcurve_keys_add(FCurve &fcu, int count)
{
  for (int i = 0; i < count; i++) {
    BezTriple key;
    key.co = key.handle_left = key.handle_right = {0.0f, 0.0f};
    key.select_left_handle = key.select_control_point = key.select_right_handle = true;
    key.handle_left_type = key.handle_right_type = dna::HandleType::AutoClamped;
    key.interpolation = dna::KeyInterpolation::Bezier;
    key.back = key.amplitude = key.period = 0.0f;
    fcu.keyframe_points.push_back(key);
  }
  data_generation_bump();
}

void fcurve_key_remove(FCurve &fcu, int index, bool recalc)
{
  std::vector<BezTriple> &keys = fcu.keyframe_points;
  if (index < 0 || size_t(index) >= keys.size()) {
    return;
  }
  keys.erase(keys.begin() + index);
  data_generation_bump();
  if (recalc) {
    fcurve_handles_recalc(fcu);
  }
}

bool fcurve_delete_keyframe(FCurve &fcu, float frame)
{
  bool exact = false;
  const int i = fcurve_key_search(fcu, frame, KEY_FRAME_THRESHOLD, &exact);
  if (!exact) {
    return false;
  }
  fcurve_key_remove(fcu, i);
  return true;
}

void fcurve_keys_clear(FCurve &fcu)
{
  fcu.keyframe_points.clear();
  data_generation_bump();
}

}  // namespace whisk::kernel
