#pragma once
// Shared helpers of the primitive builders (internal to the geometry layer).
//
// Blender builds primitives in a BMesh and copies it to a mesh in creation order, so
// vertex, edge and face order follow the order in which its operators create them. A
// face created from vertices (v0 .. vn-1) creates its missing edges in the order
// (vn-1, v0), (v0, v1), ..., (vn-2, vn-1), each oriented that way; an edge that exists
// keeps its first orientation. PrimitiveBuilder reproduces that bookkeeping.

#include <cstdint>
#include <initializer_list>
#include <span>
#include <unordered_map>

#include "whisk/geometry/mesh_primitives.hh"

namespace whisk::geometry::detail {

/** Blender's hard limits of the operator properties (bpy.ops.mesh.primitive_*_add). */
inline constexpr float max_size = 999999995904.0f;
inline constexpr int max_circle_vertices = 10000000;
inline constexpr int max_grid_subdivisions = 10000000;
inline constexpr int max_sphere_segments = 100000;
inline constexpr int max_ico_subdivisions = 10;
inline constexpr int max_torus_segments = 256;
inline constexpr float max_torus_radius = 10000.0f;

/** Clamps a size or radius to [0, max]; NaN becomes 0. */
inline float clamp_size(float value, float max = max_size)
{
  if (!(value >= 0.0f)) {
    return 0.0f;
  }
  return value > max ? max : value;
}
inline int clamp_count(int value, int min, int max)
{
  return value < min ? min : (value > max ? max : value);
}

/** Raises a MemoryError (instead of overflowing int32 indices) for meshes too large to
 * index: Blender's meshes use 32-bit indices too. */
void check_element_counts(const char *primitive, int64_t verts, int64_t corners);

class PrimitiveBuilder {
 public:
  PrimitiveBuilder(MeshPrimitive &mesh, bool calc_uvs) : mesh_(mesh), calc_uvs_(calc_uvs) {}
  void reserve(int64_t verts, int64_t edges, int64_t faces, int64_t corners);

  int add_vert(float3 position)
  {
    mesh_.positions.push_back(position);
    return int(mesh_.positions.size()) - 1;
  }
  /** Appends the edge unless it exists (in either orientation). */
  void ensure_edge(int v1, int v2);
  /** Appends a face and its missing edges; `uvs` (one per corner) is used with calc_uvs. */
  void add_face(std::span<const int> verts, std::span<const float2> uvs = {});
  void add_face(std::initializer_list<int> verts, std::initializer_list<float2> uvs = {})
  {
    add_face(std::span<const int>(verts.begin(), verts.size()),
             std::span<const float2>(uvs.begin(), uvs.size()));
  }
  bool calc_uvs() const { return calc_uvs_; }

 private:
  static uint64_t edge_key(int v1, int v2);
  MeshPrimitive &mesh_;
  bool calc_uvs_;
  std::unordered_map<uint64_t, int> edge_index_;
};

/** Removes vertex `vert` and every edge that uses it; later vertices move down by one.
 * Faces must not use it. */
void remove_vertex(MeshPrimitive &mesh, int vert);

}  // namespace whisk::geometry::detail
