#pragma once
// Shared pieces of the mesh declarations (rna_mesh*.cc): element pointers and properties
// backed by attributes.
//
// Mesh elements have no struct of their own in memory (the mesh is structure of arrays):
// an element pointer has owner_id = the Mesh, data = the domain's count member (a stable
// address that names the domain) and index = the element.

#include "attribute_common.hh"
#include "defs.hh"
#include "whisk/kernel/mesh.hh"

namespace whisk::rna::defs {

using namespace define;

using dna::Mesh;
using kernel::AttrDomain;
using kernel::AttrType;

/** The declared data type of element structs: they have no members; accessors read the
 * mesh through owner_id and the element through index. */
struct MeshElement {};

inline Mesh &mesh_of(const PointerRNA &p) { return *reinterpret_cast<Mesh *>(p.owner_id); }
inline int32_t element_index(const PointerRNA &p) { return int32_t(p.index); }

/** The member whose address stands for a domain in element pointers. */
inline int32_t *domain_container(Mesh &mesh, AttrDomain domain)
{
  switch (domain) {
    case AttrDomain::Point: return &mesh.verts_num;
    case AttrDomain::Edge: return &mesh.edges_num;
    case AttrDomain::Face: return &mesh.faces_num;
    default: return &mesh.corners_num;
  }
}

/** Tags and invalidation after a change of one kind. */
enum class MeshChange { Positions, Topology, Sharpness, Other };
void mesh_changed(const PointerRNA &p, MeshChange change);

/** A raw array over an attribute's values (nullopt when absent and not writing). */
std::optional<RawArray> attribute_raw(Mesh &mesh, std::string_view name, AttrDomain domain,
                                      AttrType type, RawType raw, bool for_write);

/** A boolean element property stored in attribute `name` (absent = all false), or with
 * `inverted` its negation (use_smooth is the negation of sharp_face). */
template<typename T>
PropertyDef element_flag(StructDef<T> &def, std::string identifier, const char *name,
                         AttrDomain domain, MeshChange change, bool inverted = false)
{
  PropertyDef prop = def.add(std::move(identifier), PropertyType::Boolean);
  prop.get()->get_bool = [=](const PointerRNA &p, int) {
    return kernel::mesh_flag_get(mesh_of(p), name, domain, p.index) != inverted;
  };
  prop.get()->set_bool = [=](const PointerRNA &p, int, bool v) {
    kernel::mesh_flag_set(mesh_of(p), name, domain, p.index, v != inverted);
  };
  if (!inverted) {
    prop.get()->raw_array = [=](const PointerRNA &owner, bool for_write) {
      return attribute_raw(mesh_of(owner), name, domain, AttrType::Bool, RawType::Bool,
                           for_write);
    };
  }
  prop.update([change](Main &, const PointerRNA &p) { mesh_changed(p, change); });
  prop.recalc(dna::ID_RECALC_GEOMETRY);
  return prop;
}

/** Blender's metadata for element indices: unsigned, soft maximum 10000. */
inline PropertyDef &unsigned_index(PropertyDef &prop)
{
  return prop.subtype(PropertySubtype::Unsigned).range(0, INT_HUGE).soft_range(0, 10000);
}

/** A read-only `index` property. */
template<typename T> PropertyDef element_index_property(StructDef<T> &def, const char *what)
{
  PropertyDef index = def.add("index", PropertyType::Int);
  index.ui("Index", std::string("Index of this ") + what).read_only();
  unsigned_index(index);
  index.get()->get_int = [](const PointerRNA &p, int) { return p.index; };
  return index;
}

/** Declares an element struct's path: `<collection>[index]`. */
inline void element_path(StructRNA *srna, const char *collection)
{
  srna->path = [collection](const PointerRNA &p) -> std::optional<std::string> {
    return std::string(collection) + "[" + std::to_string(p.index) + "]";
  };
}

}  // namespace whisk::rna::defs
