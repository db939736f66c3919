#include "whisk/kernel/anim_data.hh"

#include <algorithm>

#include "whisk/base/error.hh"
#include "whisk/kernel/id_type.hh"
#include "whisk/kernel/lib_id.hh"
#include "whisk/kernel/lib_query.hh"

namespace whisk::kernel {

bool id_is_animatable(const ID *id)
{
  return id && (id_type_info(id->type).flags & IDTYPE_FLAG_ANIMATABLE);
}

AnimData &id_anim_data_ensure(ID *id)
{
  if (!id_is_animatable(id)) {
    raise(ErrorKind::Type, id_type_info(id->type).name, " \"", id->name,
          "\" cannot hold animation data");
  }
  if (!id->anim_data) {
    id->anim_data = new AnimData();
  }
  return *id->anim_data;
}

void anim_data_action_set(Main &bmain, ID *owner, dna::Action *action)
{
  AnimData &adt = id_anim_data_ensure(owner);
  id_ref_assign(bmain, owner, adt.action, action, IDREF_USER);
  id_tag_update(owner, dna::ID_RECALC_ANIMATION | dna::ID_RECALC_HIERARCHY);
}

void id_anim_data_free(Main &bmain, ID *id)
{
  if (!id->anim_data) {
    return;
  }
  anim_data_action_set(bmain, id, nullptr);
  /* Driver targets are references without users: forget them in the relation index. */
  for (const auto &fcu : id->anim_data->drivers) {
    if (!fcu->driver) {
      continue;
    }
    for (const auto &var : fcu->driver->variables) {
      for (dna::DriverTarget &target : var->targets) {
        id_ref_assign_raw(bmain, id, target.id, nullptr, 0);
      }
    }
  }
  anim_data_destroy(id->anim_data);
  id->anim_data = nullptr;
  id_tag_update(id, dna::ID_RECALC_ANIMATION | dna::ID_RECALC_HIERARCHY);
}

FCurve *anim_data_driver_find(const AnimData &adt, std::string_view path, int index)
{
  for (const auto &fcu : adt.drivers) {
    if (fcu->data_path == path && fcu->array_index == index) {
      return fcu.get();
    }
  }
  return nullptr;
}

bool anim_data_driver_remove(AnimData &adt, std::string_view path, int index)
{
  bool removed = false;
  for (int64_t i = adt.drivers.size() - 1; i >= 0; i--) {
    const FCurve &fcu = adt.drivers[i];
    if (fcu.data_path == path && (index < 0 || fcu.array_index == index)) {
      adt.drivers.remove(i);
      removed = true;
    }
  }
  return removed;
}

AnimData *anim_data_copy(const AnimData *src) { return src ? new AnimData(*src) : nullptr; }

void anim_data_destroy(AnimData *adt) { delete adt; }

void anim_data_foreach_id(ID *owner, AnimData &adt, const IDRefVisitor &visitor)
{
  visit_slot(visitor, owner, adt.action, IDREF_USER);
  for (const auto &fcu : adt.drivers) {
    if (!fcu->driver) {
      continue;
    }
    for (const auto &var : fcu->driver->variables) {
      for (dna::DriverTarget &target : var->targets) {
        visit_slot(visitor, owner, target.id, 0);
      }
    }
  }
}

}  // namespace whisk::kernel
