#pragma once
// Turns a primitive's arrays into mesh data, as Blender's primitive operators leave it:
// flat shaded, everything selected, UVs in the "UVMap" layer.

#include "whisk/dna/mesh.hh"
#include "whisk/geometry/mesh_primitives.hh"

namespace whisk::geometry {

/** Replaces the mesh's geometry with the primitive's. */
void mesh_from_primitive(const MeshPrimitive &primitive, dna::Mesh &mesh);

}  // namespace whisk::geometry
