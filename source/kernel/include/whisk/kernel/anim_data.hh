#pragma once
// AnimData: the action and drivers an animatable ID carries. The ID owns it: copies of the
// ID copy it, freeing the ID frees it, and its references (the action counts as a user;
// driver targets do not) are walked with the ID's own (foreach_id).

#include <string_view>

#include "whisk/dna/action.hh"
#include "whisk/dna/anim.hh"
#include "whisk/kernel/main.hh"

namespace whisk::kernel {

using dna::AnimData;
using dna::FCurve;

bool id_is_animatable(const ID *id);
inline AnimData *id_anim_data(const ID *id) { return id ? id->anim_data : nullptr; }
/** Creates the ID's AnimData if missing. TypeError for IDs that cannot be animated. */
AnimData &id_anim_data_ensure(ID *id);
/** Removes the AnimData, releasing its action. */
void id_anim_data_free(Main &bmain, ID *id);
void anim_data_action_set(Main &bmain, ID *owner, dna::Action *action);

/** The driver F-curve of a path and array index, or nullptr. */
FCurve *anim_data_driver_find(const AnimData &adt, std::string_view path, int index);
/** Removes drivers of the path; index -1 removes every index. Returns whether any went. */
bool anim_data_driver_remove(AnimData &adt, std::string_view path, int index);

/* Used by the ID lifecycle (lib_id.cc). */
AnimData *anim_data_copy(const AnimData *src);
void anim_data_destroy(AnimData *adt);
class IDRefVisitor;
void anim_data_foreach_id(ID *owner, AnimData &adt, const IDRefVisitor &visitor);

}  // namespace whisk::kernel
