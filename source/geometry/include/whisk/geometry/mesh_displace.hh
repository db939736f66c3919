#pragma once
// Displace without a texture (Blender's Displace modifier with no texture set), in place.
//
// With no texture every vertex reads the value 1, so the offset is
// (1 - mid_level) * strength, times the vertex group weight when a group is named (vertices
// outside the group do not move; with invert_vertex_group the weight is 1 - weight and they
// move fully; a name the mesh lacks means no group). Directions, as the oracle shows them:
// - X, Y, Z: along that local axis; in global space along the world axis expressed in the
//   object's local space the way Blender does it, the matrix's row for that axis;
// - NORMAL: along the vertex normal (either space);
// - CUSTOM_NORMAL: along the per-vertex average of the corner normals (the vertex normal
//   unless auto smooth splits normals);
// - RGB_TO_XYZ: the texture's color drives each axis; without a texture nothing moves.

#include <string>

#include "whisk/base/math.hh"
#include "whisk/dna/mesh.hh"

namespace whisk::geometry {

struct DisplaceParams {
  enum class Direction { X, Y, Z, Normal, CustomNormal, RGBToXYZ };

  float strength = 1.0f;
  float mid_level = 0.5f;
  Direction direction = Direction::Normal;
  bool global_space = false;
  /** The object's transform; needed for X, Y, Z in global space (identity when null). */
  const float4x4 *object_to_world = nullptr;
  std::string vertex_group;
  bool invert_vertex_group = false;
};

void mesh_displace(dna::Mesh &mesh, const DisplaceParams &params);

}  // namespace whisk::geometry
