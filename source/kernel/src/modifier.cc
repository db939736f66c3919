#include "whisk/kernel/modifier.hh"

#include <array>

#include "whisk/base/error.hh"
#include "whisk/kernel/lib_id.hh"
#include "whisk/kernel/lib_query.hh"
#include "whisk/kernel/name_map.hh"

namespace whisk::kernel {
using namespace dna;

namespace {

template<typename T> std::unique_ptr<ModifierData> create() { return std::make_unique<T>(); }

const ModifierTypeInfo TYPES[] = {
    {ModifierType::Array, "ARRAY", "Array", "ArrayModifier", MODIFIER_TYPE_EDITMODE,
     create<ArrayModifierData>},
    {ModifierType::Mirror, "MIRROR", "Mirror", "MirrorModifier", MODIFIER_TYPE_EDITMODE,
     create<MirrorModifierData>},
    {ModifierType::Solidify, "SOLIDIFY", "Solidify", "SolidifyModifier", MODIFIER_TYPE_EDITMODE,
     create<SolidifyModifierData>},
    {ModifierType::Subsurf, "SUBSURF", "Subdivision", "SubsurfModifier", MODIFIER_TYPE_EDITMODE,
     create<SubsurfModifierData>},
    {ModifierType::Triangulate, "TRIANGULATE", "Triangulate", "TriangulateModifier",
     MODIFIER_TYPE_EDITMODE, create<TriangulateModifierData>},
    {ModifierType::Weld, "WELD", "Weld", "WeldModifier", MODIFIER_TYPE_EDITMODE,
     create<WeldModifierData>},
    {ModifierType::Displace, "DISPLACE", "Displace", "DisplaceModifier",
     MODIFIER_TYPE_EDITMODE | MODIFIER_TYPE_DEFORM_ONLY, create<DisplaceModifierData>},
};

const std::array<const ModifierTypeInfo *, std::size(TYPES)> TYPE_LIST = [] {
  std::array<const ModifierTypeInfo *, std::size(TYPES)> list{};
  for (size_t i = 0; i < std::size(TYPES); i++) {
    list[i] = &TYPES[i];
  }
  return list;
}();

std::string unique_modifier_name(const Object &object, const ModifierData *self,
                                 std::string_view wanted)
{
  NameMap names;
  for (const auto &md : object.modifiers) {
    if (md.get() != self) {
      names.add(md->name);
    }
  }
  std::string clean = sanitize_id_name(wanted);
  return names.make_unique(clean.empty() ? "Modifier" : clean);
}

uint32_t next_persistent_uid(const Object &object)
{
  uint32_t uid = 1;
  for (const auto &md : object.modifiers) {
    uid = std::max(uid, md->persistent_uid + 1);
  }
  return uid;
}

}  // namespace

const ModifierTypeInfo &modifier_type_info(ModifierType type)
{
  for (const ModifierTypeInfo &info : TYPES) {
    if (info.type == type) {
      return info;
    }
  }
  raise(ErrorKind::Value, "unknown modifier type ", int(type));
}

const ModifierTypeInfo *modifier_type_find(std::string_view identifier)
{
  for (const ModifierTypeInfo &info : TYPES) {
    if (identifier == info.identifier) {
      return &info;
    }
  }
  return nullptr;
}

std::span<const ModifierTypeInfo *const> modifier_types() { return TYPE_LIST; }

bool object_supports_modifiers(const Object &object)
{
  return object.type == ObjectType::Mesh;
}

ModifierData &object_modifier_add(Main &bmain, Object &object, std::string_view name,
                                  ModifierType type)
{
  if (!object_supports_modifiers(object)) {
    raise(ErrorKind::Runtime, "Object '", object.id.name, "' does not support modifiers");
  }
  const ModifierTypeInfo &info = modifier_type_info(type);
  std::unique_ptr<ModifierData> md = info.create();
  md->name = unique_modifier_name(object, nullptr, name.empty() ? info.default_name : name);
  if (info.flags & MODIFIER_TYPE_EDITMODE) {
    md->mode |= MODIFIER_MODE_EDITMODE;
  }
  md->persistent_uid = next_persistent_uid(object);
  ModifierData &added = object.modifiers.append(std::move(md));
  object_modifier_set_active(object, &added);
  bmain.relations_version++;
  id_tag_update(&object.id, ID_RECALC_GEOMETRY | ID_RECALC_HIERARCHY);
  data_generation_bump();
  return added;
}

void object_modifier_remove(Main &bmain, Object &object, const ModifierData &modifier)
{
  const int64_t index = object.modifiers.index_of(&modifier);
  if (index < 0) {
    raise(ErrorKind::Reference, "Modifier '", modifier.name, "' not in object '",
          object.id.name, "'");
  }
  modifier_foreach_id(&object.id, object.modifiers[index],
                      IDRefLambda([&](ID *owner, ID *target, uint32_t flags) -> ID * {
                        ID *slot = target;
                        id_ref_assign_raw(bmain, owner, slot, nullptr, flags);
                        return nullptr;
                      }));
  const bool was_active = modifier.is_active;
  object.modifiers.remove(index);
  if (was_active && !object.modifiers.empty()) {
    object_modifier_set_active(object, object.modifiers.get(std::max<int64_t>(0, index - 1)));
  }
  bmain.relations_version++;
  id_tag_update(&object.id, ID_RECALC_GEOMETRY | ID_RECALC_HIERARCHY);
  data_generation_bump();
}

void object_modifiers_clear(Main &bmain, Object &object)
{
  while (!object.modifiers.empty()) {
    object_modifier_remove(bmain, object, object.modifiers[object.modifiers.size() - 1]);
  }
}

void object_modifier_move(Object &object, int64_t from, int64_t to)
{
  const int64_t count = object.modifiers.size();
  if (from < 0 || from >= count || to < 0 || to >= count) {
    raise(ErrorKind::Index, "modifier index out of range: ", from, " to ", to, " of ", count);
  }
  object.modifiers.move(from, to);
  id_tag_update(&object.id, ID_RECALC_GEOMETRY);
  data_generation_bump();
}

ModifierData *object_modifier_find(const Object &object, std::string_view name)
{
  for (const auto &md : object.modifiers) {
    if (md->name == name) {
      return md.get();
    }
  }
  return nullptr;
}

void object_modifier_set_active(Object &object, ModifierData *modifier)
{
  for (const auto &md : object.modifiers) {
    md->is_active = md.get() == modifier;
  }
}

void object_modifier_rename(Object &object, ModifierData &modifier, std::string_view name)
{
  modifier.name = unique_modifier_name(object, &modifier, name);
}

void modifier_foreach_id(ID *owner, ModifierData &modifier, const IDRefVisitor &visitor)
{
  switch (modifier.type) {
    case ModifierType::Mirror:
      visit_slot(visitor, owner, static_cast<MirrorModifierData &>(modifier).mirror_object, 0);
      break;
    case ModifierType::Array: {
      auto &amd = static_cast<ArrayModifierData &>(modifier);
      visit_slot(visitor, owner, amd.offset_object, 0);
      visit_slot(visitor, owner, amd.start_cap, 0);
      visit_slot(visitor, owner, amd.end_cap, 0);
      visit_slot(visitor, owner, amd.curve, 0);
      break;
    }
    case ModifierType::Displace:
      visit_slot(visitor, owner,
                 static_cast<DisplaceModifierData &>(modifier).texture_coords_object, 0);
      break;
    default:
      break;
  }
}

}  // namespace whisk::kernel
