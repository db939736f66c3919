#pragma once
// Shared pieces of the F-curve declarations (rna_fcurve.cc, rna_fmodifier.cc, rna_action.cc).
//
// F-curves live in an action (owner = the Action) or among an ID's drivers (owner = that
// ID); their pointers hold the FCurve's address, stable in its OwnedVector. Keyframes live
// in a std::vector that moves when keys are added or removed, so a Keyframe pointer is an
// element pointer: data = the FCurve, index = the key. Handles re-resolve them by path
// (fcurves[2].keyframe_points[5]); a key index past the end raises ReferenceError.

#include "defs.hh"
#include "whisk/kernel/fcurve.hh"

namespace whisk::rna::defs {

using dna::BezTriple;
using dna::FCurve;
using dna::FModifier;

/** The F-curves that can hold `fcu` for the owner of `p`: the action's curves, or the
 * drivers of the ID's animation data; with the path prefix of that list. */
struct CurveList {
  OwnedVector<FCurve> *list = nullptr;
  const char *prefix = "";
};
inline CurveList curve_lists(const PointerRNA &p, int which)
{
  ID *id = p.owner_id;
  if (!id) {
    return {};
  }
  if (which == 0 && id->type == dna::IDType::Action) {
    return {&reinterpret_cast<dna::Action *>(id)->fcurves, "fcurves"};
  }
  if (which == 1 && id->anim_data) {
    return {&id->anim_data->drivers, "animation_data.drivers"};
  }
  return {};
}

/** `fcurves[i]` or `animation_data.drivers[i]`; nullopt when the curve is in neither. */
inline std::optional<std::string> fcurve_path(const PointerRNA &p, const FCurve *fcu)
{
  for (int which = 0; which < 2; which++) {
    CurveList l = curve_lists(p, which);
    if (!l.list) {
      continue;
    }
    const int64_t i = l.list->index_of(fcu);
    if (i >= 0) {
      return std::string(l.prefix) + "[" + std::to_string(i) + "]";
    }
  }
  return std::nullopt;
}

/** The curve that owns modifier `fcm`, or nullptr. */
inline FCurve *modifier_curve(const PointerRNA &p, const FModifier *fcm)
{
  for (int which = 0; which < 2; which++) {
    CurveList l = curve_lists(p, which);
    if (!l.list) {
      continue;
    }
    for (auto &fcu : *l.list) {
      if (fcu->modifiers.index_of(fcm) >= 0) {
        return fcu.get();
      }
    }
  }
  return nullptr;
}

inline FCurve &curve_of(const PointerRNA &p) { return *static_cast<FCurve *>(p.data); }

/** The key a Keyframe pointer names; ReferenceError when it is gone. */
inline BezTriple &key_of(const PointerRNA &p)
{
  FCurve &fcu = curve_of(p);
  if (p.index < 0 || size_t(p.index) >= fcu.keyframe_points.size()) {
    raise(ErrorKind::Reference, "StructRNA of type Keyframe has been removed");
  }
  return fcu.keyframe_points[size_t(p.index)];
}

/** Tags the owner for re-evaluation after an edit of its animation. */
inline void tag_animation(const PointerRNA &p)
{
  if (p.owner_id) {
    kernel::id_tag_update(p.owner_id, dna::ID_RECALC_ANIMATION);
  }
}

void define_fmodifiers(BlenderRNA &rna); /* rna_fmodifier.cc */

}  // namespace whisk::rna::defs
