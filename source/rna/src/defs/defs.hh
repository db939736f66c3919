#pragma once
// One function per area, each in its own defs/rna_<area>.cc.

#include "define.hh"
#include "whisk/dna/all_types.hh"
#include "whisk/kernel/lib_id.hh"
#include "whisk/kernel/main.hh"

namespace whisk::rna {

void define_id(BlenderRNA &rna);
void define_blend_data(BlenderRNA &rna);
void define_object(BlenderRNA &rna);
void define_collection(BlenderRNA &rna);
void define_scene(BlenderRNA &rna);
void define_camera(BlenderRNA &rna);
void define_light(BlenderRNA &rna);
void define_material(BlenderRNA &rna);
void define_world(BlenderRNA &rna);
void define_mesh(BlenderRNA &rna);
void define_image(BlenderRNA &rna);
void define_action(BlenderRNA &rna);
void define_text(BlenderRNA &rna);
void define_node_tree(BlenderRNA &rna);

/* Shared helpers for declarations. */
namespace defs {

/** The Main a pointer belongs to; raises if it has none (data outside any file). */
kernel::Main &main_of(const PointerRNA &ptr);

/** A pointer property to an ID held in a member, assigned through the kernel so users and
 * relations stay exact. `flags` are kernel IDRefFlags. */
template<typename T, typename Target>
define::PropertyDef id_pointer(define::StructDef<T> &def, std::string identifier,
                               const char *target_struct, Target *T::*member, uint32_t flags)
{
  return def.pointer(
      std::move(identifier), target_struct,
      [member](const PointerRNA &p) {
        return pointer_from_id(p.main, reinterpret_cast<ID *>(static_cast<T *>(p.data)->*member));
      },
      [member, flags](const PointerRNA &p, const PointerRNA &value) {
        T &data = *static_cast<T *>(p.data);
        kernel::id_ref_assign(main_of(p), p.owner_id, data.*member,
                              static_cast<Target *>(value.data), flags);
      });
}

/** A read-only pointer to an ID computed from the data. */
template<typename T>
define::PropertyDef id_pointer_ro(define::StructDef<T> &def, std::string identifier,
                                  const char *target_struct, std::function<ID *(T &)> get)
{
  return def.pointer(std::move(identifier), target_struct, [get](const PointerRNA &p) {
    return pointer_from_id(p.main, get(*static_cast<T *>(p.data)));
  });
}

/** A collection over a vector of IDs, looked up by name. */
PropertyRNA *id_vector_collection_accessors(PropertyRNA *prop,
                                            std::function<std::vector<ID *>(const PointerRNA &)> items);

EnumItem item(const char *identifier, const char *name, int value, const char *description = "");

}  // namespace defs
}  // namespace whisk::rna
