#pragma once
// Shared pieces of the attribute declarations, for every geometry ID (Mesh, PointCloud):
// the attribute owner behind a pointer and the `attributes` / `color_attributes`
// collections (AttributeGroup). See kernel/attribute_owner.hh.

#include "defs.hh"
#include "whisk/kernel/attribute_owner.hh"

namespace whisk::rna::defs {

/** The attribute an Attribute (or MeshUVLoopLayer, or value element) pointer holds. */
inline dna::Attribute &attribute_of(const PointerRNA &p)
{
  return *static_cast<dna::Attribute *>(p.data);
}

/** The geometry that owns p's data (p.owner_id); Runtime error for an ID without
 * attributes (never for pointers RNA made itself). */
inline kernel::AttributeOwner attribute_owner(const PointerRNA &p)
{
  kernel::AttributeOwner owner = kernel::AttributeOwner::from_id(p.owner_id);
  if (!owner) {
    raise(ErrorKind::Runtime, p.type ? p.type->identifier : "data",
          " does not belong to a geometry with attributes");
  }
  return owner;
}

/** Declares `attributes` and `color_attributes` on a geometry ID struct (defined in
 * rna_mesh_attributes.cc, after AttributeGroup). */
void define_attribute_collections(BlenderRNA &rna, StructRNA *srna);

}  // namespace whisk::rna::defs
