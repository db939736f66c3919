// Handle calculation for F-curve keys, rebuilt from Blender 3.4's behaviour (checked against
// tests/fixtures/fcurves.json):
//
// * AUTO / AUTO_CLAMPED: the handle direction is the sum of the unit-x slopes towards the
//   previous and next keys; its x length comes from the neighbouring intervals (Blender's
//   constant 2.5614 sizes it, or exactly a third of the interval with CONT_ACCEL smoothing).
//   End keys mirror their only neighbour. AUTO_CLAMPED keys at an extreme get flat handles;
//   elsewhere their handles may not pass the neighbours' values (the other handle follows,
//   to stay aligned). With CONSTANT extrapolation, end keys with auto handles are flat.
// * VECTOR: a third of the way towards the neighbouring key.
// * ALIGNED: turned to point away from the other handle, keeping its own length.
// * CONT_ACCEL: after that first pass, runs of free auto keys are solved together for
//   continuous acceleration (C2): a tridiagonal system in the handles' heights, bounded so
//   AUTO_CLAMPED handles neither reverse nor overshoot (fcurve_smooth.cc).
//
// Keys whose handles must not be moved by smoothing (flat extremes, flat ends, keys sharing
// a frame) are "locked"; the smoothing pass works between them.

#include <algorithm>
#include <cmath>
#include <vector>

#include "fcurve_intern.hh"
#include "whisk/kernel/fcurve.hh"

namespace whisk::kernel {

using dna::HandleType;

namespace {

float length(float2 v) { return std::sqrt(v.x * v.x + v.y * v.y); }

/** Blender's factor between the summed slope vector and the handle length. */
constexpr float AUTO_HANDLE_SCALE = 2.5614f;

/** Auto and Vector handles of one key (and the alignment of Aligned ones), given its
 * neighbours (either may be null at the ends of a non-cyclic curve). Sets *r_locked when
 * a clamped extreme makes the handles final. */
void calc_key(BezTriple &key, const BezTriple *prev, const BezTriple *next, bool smoothing,
              bool *r_locked)
{
  *r_locked = false;
  const HandleType h1 = key.handle_left_type, h2 = key.handle_right_type;
  if (h1 == HandleType::Free && h2 == HandleType::Free) {
    return;
  }
  const float2 p2 = key.co;
  /* A missing neighbour mirrors the other one through the key. */
  float2 p1, p3;
  if (prev) {
    p1 = prev->co;
  }
  else {
    p1 = p2 * 2.0f - next->co;
  }
  if (next) {
    p3 = next->co;
  }
  else {
    p3 = p2 * 2.0f - p1;
  }
  const float2 da = p2 - p1, db = p3 - p2;
  /* F-curves measure the intervals along x only. */
  float len_a = da.x == 0.0f ? 1.0f : da.x;
  float len_b = db.x == 0.0f ? 1.0f : db.x;

  const bool auto1 = is_auto(h1), auto2 = is_auto(h2);
  if (auto1 || auto2) {
    const float2 tvec = {db.x / len_b + da.x / len_a, db.y / len_b + da.y / len_a};
    /* With smoothing the x extent is fixed to a third of each interval (tvec.x is 2). */
    const float len = (smoothing ? 6.0f / AUTO_HANDLE_SCALE : tvec.x) * AUTO_HANDLE_SCALE;
    if (len != 0.0f) {
      bool left_violate = false, right_violate = false;
      if (!smoothing) {
        /* Very uneven intervals: keep the short side's handle from dominating. */
        len_a = std::min(len_a, 5.0f * len_b);
        len_b = std::min(len_b, 5.0f * len_a);
      }
      auto is_extreme = [&] {
        const float d1 = prev->co.y - key.co.y, d2 = next->co.y - key.co.y;
        return (d1 <= 0.0f && d2 <= 0.0f) || (d1 >= 0.0f && d2 >= 0.0f);
      };
      if (auto1) {
        key.handle_left = p2 - tvec * (len_a / len);
        if (h1 == HandleType::AutoClamped && prev && next) {
          if (is_extreme()) {
            key.handle_left.y = key.co.y;
            *r_locked = true;
          }
          else if ((prev->co.y - key.co.y <= 0.0f) ? prev->co.y > key.handle_left.y :
                                                     prev->co.y < key.handle_left.y)
          {
            /* The handle would pass the previous key's value. */
            key.handle_left.y = prev->co.y;
            left_violate = true;
          }
        }
      }
      if (auto2) {
        key.handle_right = p2 + tvec * (len_b / len);
        if (h2 == HandleType::AutoClamped && prev && next) {
          if (is_extreme()) {
            key.handle_right.y = key.co.y;
            *r_locked = true;
          }
          else if ((prev->co.y - key.co.y <= 0.0f) ? next->co.y < key.handle_right.y :
                                                     next->co.y > key.handle_right.y)
          {
            key.handle_right.y = next->co.y;
            right_violate = true;
          }
        }
      }
      if (left_violate || right_violate) {
        /* Keep both handles on one line through the key. */
        const float h1_x = key.handle_left.x - p2.x;
        const float h2_x = p2.x - key.handle_right.x;
        if (left_violate) {
          key.handle_right.y = p2.y + ((p2.y - key.handle_left.y) / h1_x) * h2_x;
        }
        else {
          key.handle_left.y = p2.y + ((p2.y - key.handle_right.y) / h2_x) * h1_x;
        }
      }
    }
  }

  if (h1 == HandleType::Vector) {
    key.handle_left = p2 - da * (1.0f / 3.0f);
  }
  if (h2 == HandleType::Vector) {
    key.handle_right = p2 + db * (1.0f / 3.0f);
  }

  /* Aligned handles: only when neither handle is free and one of them is aligned. */
  if (h1 == HandleType::Free || h2 == HandleType::Free ||
      (h1 != HandleType::Aligned && h2 != HandleType::Aligned))
  {
    return;
  }
  float la = length(p2 - key.handle_left), lb = length(p2 - key.handle_right);
  if (la == 0.0f) {
    la = 1.0f;
  }
  if (lb == 0.0f) {
    lb = 1.0f;
  }
  const float ratio = la / lb;
  constexpr float eps = 1e-5f;
  auto align_right = [&] {
    if (h2 == HandleType::Aligned && la > eps) {
      key.handle_right = p2 + (p2 - key.handle_left) * (1.0f / ratio);
    }
  };
  auto align_left = [&] {
    if (h1 == HandleType::Aligned && lb > eps) {
      key.handle_left = p2 + (p2 - key.handle_right) * ratio;
    }
  };
  /* A selected left handle leads: the right one turns to it, and the other way round. */
  if (key.select_left_handle) {
    align_right();
    align_left();
  }
  else {
    align_left();
    align_right();
  }
}

/** A copy of `key` moved by (to - from): the neighbour across the cycle boundary. */
BezTriple shifted(const BezTriple &key, const BezTriple &from, const BezTriple &to)
{
  BezTriple out = key;
  const float2 delta = to.co - from.co;
  out.handle_left = out.handle_left + delta;
  out.co = out.co + delta;
  out.handle_right = out.handle_right + delta;
  return out;
}

}  // namespace

bool fcurve_is_cyclic(const FCurve &fcu)
{
  if (fcu.modifiers.empty()) {
    return false;
  }
  const FModifier &fcm = fcu.modifiers[0];
  if (fcm.type != dna::FModifierType::Cycles || fcm.mute || fcm.use_restricted_range ||
      fcm.use_influence)
  {
    return false;
  }
  using dna::FModifierCycleMode;
  auto cycling = [](FModifierCycleMode m) {
    return m == FModifierCycleMode::Repeat || m == FModifierCycleMode::RepeatOffset;
  };
  return fcm.cycles.cycles_before == 0 && fcm.cycles.cycles_after == 0 &&
         cycling(fcm.cycles.mode_before) && cycling(fcm.cycles.mode_after);
}

void fcurve_handles_recalc(FCurve &fcu)
{
  std::vector<BezTriple> &keys = fcu.keyframe_points;
  const size_t n = keys.size();
  if (n < 2) {
    return;
  }
  const bool smoothing = fcu.auto_smoothing != dna::FCurveAutoSmoothing::None;
  const bool cycle = fcurve_is_cyclic(fcu) && both_auto(keys.front()) && both_auto(keys.back());
  const bool constant_ends = fcu.extrapolation == dna::FCurveExtrapolation::Constant;
  std::vector<uint8_t> locked(n, 0);

  for (size_t i = 0; i < n; i++) {
    BezTriple &key = keys[i];
    /* Across the cycle boundary the neighbour is the key one period away. The keys before
     * this one already have their handles; only positions are read from neighbours. */
    BezTriple wrap_prev, wrap_next;
    const BezTriple *prev = i > 0 ? &keys[i - 1] : nullptr;
    const BezTriple *next = i + 1 < n ? &keys[i + 1] : nullptr;
    if (cycle && i == 0) {
      wrap_prev = shifted(keys[n - 2], keys.back(), keys.front());
      prev = &wrap_prev;
    }
    if (cycle && i == n - 1) {
      wrap_next = shifted(keys[1], keys.front(), keys.back());
      next = &wrap_next;
    }
    /* Handles stay on their side of the key. */
    key.handle_left.x = std::min(key.handle_left.x, key.co.x);
    key.handle_right.x = std::max(key.handle_right.x, key.co.x);

    bool lock = false;
    calc_key(key, prev, next, smoothing, &lock);
    locked[i] = lock;

    /* Ease in and out at the ends: flat handles when the curve holds its end values. */
    if (both_auto(key) && !cycle && (i == 0 || i == n - 1) && constant_ends) {
      key.handle_left.y = key.handle_right.y = key.co.y;
      locked[i] = true;
    }
    /* Keys sharing a frame would break the smoothing: keep them as they are. */
    if (i > 0 && keys[i - 1].co.x >= key.co.x) {
      locked[i - 1] = locked[i] = true;
    }
  }

  /* A clamped end of a cyclic curve makes both ends flat, so the cycle joins smoothly. */
  if (cycle && (locked.front() || locked.back())) {
    for (BezTriple *key : {&keys.front(), &keys.back()}) {
      key->handle_left.y = key->handle_right.y = key->co.y;
    }
    locked.front() = locked.back() = true;
  }

  if (smoothing) {
    fcurve_smooth_handles(keys, locked, cycle);
  }
}

void fcurve_sort(FCurve &fcu)
{
  std::vector<BezTriple> &keys = fcu.keyframe_points;
  std::stable_sort(keys.begin(), keys.end(),
                   [](const BezTriple &a, const BezTriple &b) { return a.co.x < b.co.x; });
  for (BezTriple &key : keys) {
    if (key.handle_left.x > key.co.x && key.handle_right.x < key.co.x) {
      /* Both handles crossed over: they swapped sides. */
      std::swap(key.handle_left, key.handle_right);
    }
    else {
      key.handle_left.x = std::min(key.handle_left.x, key.co.x);
      key.handle_right.x = std::max(key.handle_right.x, key.co.x);
    }
  }
}

void fcurve_update(FCurve &fcu)
{
  fcurve_sort(fcu);
  fcurve_handles_recalc(fcu);
}

}  // namespace whisk::kernel
