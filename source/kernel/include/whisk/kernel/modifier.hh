#pragma once
// The modifier stack of objects: types, creation with Blender's defaults and names,
// removal and order. Evaluation lives in the modifiers layer.

#include <memory>
#include <span>
#include <string_view>

#include "whisk/dna/modifier.hh"
#include "whisk/dna/object.hh"
#include "whisk/kernel/main.hh"

namespace whisk::kernel {

using dna::ModifierData;
using dna::ModifierType;
using dna::Object;

enum ModifierTypeFlag : uint32_t {
  /** Works in edit mode, and new modifiers show there (show_in_editmode). */
  MODIFIER_TYPE_EDITMODE = 1 << 0,
  /** Moves vertices but keeps the topology (deform-only). */
  MODIFIER_TYPE_DEFORM_ONLY = 1 << 1,
};

struct ModifierTypeInfo {
  ModifierType type;
  /** RNA enum identifier ("SUBSURF"). */
  const char *identifier;
  /** Name a new modifier gets ("Subdivision"). */
  const char *default_name;
  /** RNA struct name ("SubsurfModifier"). */
  const char *struct_name;
  uint32_t flags;
  std::unique_ptr<ModifierData> (*create)();
};

const ModifierTypeInfo &modifier_type_info(ModifierType type);
/** nullptr for unknown identifiers. */
const ModifierTypeInfo *modifier_type_find(std::string_view identifier);
/** Every supported type, in RNA enum order. */
std::span<const ModifierTypeInfo *const> modifier_types();

/** Whether objects of this type can have modifiers (meshes, for now). */
bool object_supports_modifiers(const Object &object);
/** Adds a modifier at the end of the stack with a name unique in the stack; it becomes the
 * active one. RuntimeError for objects that do not support modifiers. */
ModifierData &object_modifier_add(Main &bmain, Object &object, std::string_view name,
                                  ModifierType type);
/** Removes a modifier of this object's stack; ReferenceError if it is not there. */
void object_modifier_remove(Main &bmain, Object &object, const ModifierData &modifier);
void object_modifiers_clear(Main &bmain, Object &object);
/** Moves the modifier at `from` to `to`; IndexError out of range. */
void object_modifier_move(Object &object, int64_t from, int64_t to);
ModifierData *object_modifier_find(const Object &object, std::string_view name);
void object_modifier_set_active(Object &object, ModifierData *modifier);
/** Renames so that the name is unique in the object's stack. */
void object_modifier_rename(Object &object, ModifierData &modifier, std::string_view name);

/** Visits the object references a modifier holds (mirror object, offset object...). */
class IDRefVisitor;
void modifier_foreach_id(ID *owner, ModifierData &modifier, const IDRefVisitor &visitor);

}  // namespace whisk::kernel
