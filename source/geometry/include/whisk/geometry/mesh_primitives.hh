#pragma once
// Mesh primitives, built exactly as Blender builds them: the same vertex order, face
// order, positions and UVs (checked against the oracle, tests/fixtures/mesh_primitives.json).
// The `bpy.ops.mesh.primitive_*_add` operators and Python's `whisk.primitives` reuse these.
// Parameters and defaults are those of Blender's operators; out-of-range values are clamped
// to the operators' hard limits (counts, sizes >= 0). A result too large for 32-bit
// indices raises whisk::Error (MemoryError).
//
// Exactness: plane, cube, grid, circle, cylinder, cone, ico sphere and monkey match
// Blender's vertex, edge, face and corner order. Torus matches except edges (left empty).
// The UV sphere matches vertex order and each face's corners; its faces come in Blender's
// column blocks, but Blender's own order inside a block (and its edge order) changes from
// run to run, so edges are left empty; see mesh_primitives_sphere.cc.

#include <vector>

#include "whisk/base/math.hh"

namespace whisk::geometry {

/** A primitive's arrays, before they become a mesh (mesh_from_primitive). */
struct MeshPrimitive {
  std::vector<float3> positions;
  /** Edges in Blender's order; empty when the builder leaves them to be computed. */
  std::vector<int2> edges;
  /** faces + 1 offsets into corner_verts (empty when there are no faces). */
  std::vector<int32_t> face_offsets;
  std::vector<int32_t> corner_verts;
  /** One UV per corner; empty when UVs are not generated. */
  std::vector<float2> uvs;
};

/** How a circle or the ends of a cylinder/cone are filled (Blender's fill_type). */
enum class FillType { Nothing, NGon, TriangleFan };

MeshPrimitive primitive_plane(float size = 2.0f, bool calc_uvs = true);
MeshPrimitive primitive_cube(float size = 2.0f, bool calc_uvs = true);
MeshPrimitive primitive_grid(int x_subdivisions = 10, int y_subdivisions = 10, float size = 2.0f,
                             bool calc_uvs = true);
MeshPrimitive primitive_circle(int vertices = 32, float radius = 1.0f,
                               FillType fill_type = FillType::Nothing, bool calc_uvs = true);
MeshPrimitive primitive_uv_sphere(int segments = 32, int ring_count = 16, float radius = 1.0f,
                                  bool calc_uvs = true);
MeshPrimitive primitive_ico_sphere(int subdivisions = 2, float radius = 1.0f,
                                   bool calc_uvs = true);
MeshPrimitive primitive_cylinder(int vertices = 32, float radius = 1.0f, float depth = 2.0f,
                                 FillType end_fill_type = FillType::NGon, bool calc_uvs = true);
MeshPrimitive primitive_cone(int vertices = 32, float radius1 = 1.0f, float radius2 = 0.0f,
                             float depth = 2.0f, FillType end_fill_type = FillType::NGon,
                             bool calc_uvs = true);
/** How the torus radii are given (Blender's mode): major/minor radius, or the exterior
 * and interior radii (abso_major_rad, abso_minor_rad), from which major = (ext + int) / 2
 * and minor = (ext - int) / 2. */
enum class TorusMode { MajorMinor, ExteriorInterior };

MeshPrimitive primitive_torus(int major_segments = 48, int minor_segments = 12,
                              float major_radius = 1.0f, float minor_radius = 0.25f,
                              bool generate_uvs = true, TorusMode mode = TorusMode::MajorMinor,
                              float abso_major_rad = 1.25f, float abso_minor_rad = 0.75f);
MeshPrimitive primitive_monkey(float size = 2.0f, bool calc_uvs = true);

}  // namespace whisk::geometry
