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
void define_mesh_elements(BlenderRNA &rna);   /* rna_mesh_elements.cc */
void define_attributes(BlenderRNA &rna);      /* rna_attribute.cc */
void define_mesh_attributes(BlenderRNA &rna); /* rna_mesh_attributes.cc */
void define_mesh_functions(BlenderRNA &rna);  /* rna_mesh_functions.cc */
void define_pointcloud(BlenderRNA &rna);      /* rna_pointcloud.cc */
void define_image(BlenderRNA &rna);
void define_fcurves(BlenderRNA &rna); /* rna_fcurve.cc, rna_fmodifier.cc: before Action */
void define_action(BlenderRNA &rna);
void define_anim(BlenderRNA &rna);      /* rna_anim.cc: AnimData and drivers, after F-curves */
void define_modifiers(BlenderRNA &rna); /* rna_modifier.cc */
void define_depsgraph(BlenderRNA &rna); /* rna_depsgraph.cc: last, it extends others */
void define_text(BlenderRNA &rna);
void define_node_tree(BlenderRNA &rna);
void define_property_group(BlenderRNA &rna);
/** Struct, Property (and its kinds), Function, EnumPropertyItem: RNA describing RNA. */
void define_rna(BlenderRNA &rna);

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

/** Light.type's items (POINT, SUN, SPOT, AREA); BlendDataLights.new takes them too. */
const std::vector<EnumItem> &light_type_items();
/** The node tree classes by identifier (ShaderNodeTree...), valued by dna::NodeTreeType,
 * as BlendDataNodeTrees.new takes them. */
const std::vector<EnumItem> &node_tree_class_items();

}  // namespace defs
}  // namespace whisk::rna

/* ---- Helpers shared by the scene, collection and data-block declarations ---- */

namespace whisk::rna::defs {

/** `["name"]` with quotes and backslashes escaped: the key part of a struct path such as
 * `view_layers["ViewLayer"]`. */
inline std::string path_key(std::string_view name)
{
  std::string out = "[\"";
  for (const char c : name) {
    if (c == '"' || c == '\\') {
      out += '\\';
    }
    out += c;
  }
  return out + "\"]";
}

/** The ID that pointer argument `index` of an RNA function names. Raises TypeError when the
 * argument is None (unless `allow_none`) or not a T, and ValueError for data of another
 * Main. `where` names the function ("CollectionObjects.link"), `param` the parameter. */
template<typename T>
T *id_argument(const FunctionCall &call, size_t index, const char *where, const char *param,
               bool allow_none = false)
{
  const char *expected = kernel::id_type_info(T::id_type).name;
  const PointerRNA *value = index < call.args.size() ? std::get_if<PointerRNA>(&call.args[index]) :
                                                       nullptr;
  if (!value || value->is_null()) {
    if (allow_none) {
      return nullptr;
    }
    raise(ErrorKind::Type, where, "(): error with argument ", index + 1, ", \"", param,
          "\" - expected a ", expected, " type, not NoneType");
  }
  ID *id = value->owner_id;
  if (!id || value->data != static_cast<void *>(id) || id->type != T::id_type) {
    raise(ErrorKind::Type, where, "(): error with argument ", index + 1, ", \"", param,
          "\" - expected a ", expected, " type, not ",
          value->type ? value->type->identifier : "unknown");
  }
  if (value->main && call.main && value->main != call.main) {
    raise(ErrorKind::Value, where, "(): argument \"", param,
          "\" belongs to another file (Main)");
  }
  return reinterpret_cast<T *>(id);
}

}  // namespace whisk::rna::defs
