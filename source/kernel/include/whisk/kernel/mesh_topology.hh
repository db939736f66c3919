#pragma once
// Mesh algorithms over plain arrays: normals, triangulation, bounds, topology maps and
// interpolation between attribute domains. They take spans, not a Mesh, so point clouds,
// evaluated geometry and tests use them directly; whisk/kernel/mesh.hh caches their
// results per mesh.
//
// Conventions (Blender 4's): face i uses corners [face_offsets[i], face_offsets[i + 1]);
// corner c belongs to vertex corner_verts[c] and to the edge corner_edges[c] that leads
// from it to the next corner of the face.

#include <optional>
#include <span>
#include <vector>

#include "whisk/base/math.hh"
#include "whisk/dna/attribute.hh"

namespace whisk::kernel {

/** The arrays that define a mesh's topology. face_offsets has faces + 1 entries (or none
 * when there are no faces). corner_edges may be empty where an algorithm needs none. */
struct MeshTopology {
  int32_t verts_num = 0;
  std::span<const int2> edges;
  std::span<const int32_t> face_offsets;
  std::span<const int32_t> corner_verts;
  std::span<const int32_t> corner_edges;

  int32_t faces_num() const
  {
    return face_offsets.empty() ? 0 : int32_t(face_offsets.size()) - 1;
  }
  int32_t corners_num() const { return int32_t(corner_verts.size()); }
  int32_t face_size(int32_t face) const
  {
    return face_offsets[face + 1] - face_offsets[face];
  }
};

/** Offsets and indices: group i is indices[offsets[i] .. offsets[i + 1]). */
struct GroupedIndices {
  std::vector<int32_t> offsets;
  std::vector<int32_t> indices;
  std::span<const int32_t> operator[](int32_t group) const
  {
    return {indices.data() + offsets[group], size_t(offsets[group + 1] - offsets[group])};
  }
  int32_t size() const { return offsets.empty() ? 0 : int32_t(offsets.size()) - 1; }
};

struct Bounds {
  float3 min;
  float3 max;
};

/* ---- Normals ------------------------------------------------------------------------------
 * All normals are unit length; degenerate faces get (0, 0, 1) as in Blender. */

/** Face normals by Newell's method (robust for non-planar n-gons). r_normals: faces. */
void face_normals_calc(std::span<const float3> positions, const MeshTopology &topology,
                       std::span<float3> r_normals);

/** Vertex normals: the corner angle weighted mean of the normals of the faces around the
 * vertex. Loose vertices get their normalized position, as Blender gives them. */
void vert_normals_calc(std::span<const float3> positions, const MeshTopology &topology,
                       std::span<const float3> face_normals, std::span<float3> r_normals);

/** Corner (split) normals. A corner of a smooth face shares the normal of its smooth fan
 * around the vertex; fans split at sharp edges, at sharp faces and at edges used by other
 * than two faces. Corners of sharp faces take the face normal. sharp_edges and sharp_faces
 * may be empty (nothing sharp). Needs topology.corner_edges. */
void corner_normals_calc(std::span<const float3> positions, const MeshTopology &topology,
                         std::span<const float3> face_normals,
                         std::span<const bool> sharp_edges, std::span<const bool> sharp_faces,
                         std::span<float3> r_normals);

/** Marks edges whose faces meet at more than `angle` (radians) sharp, for Blender 3.x's
 * auto smooth; edges already sharp stay sharp. r_sharp_edges: edges. */
void edges_sharp_from_angle(const MeshTopology &topology, std::span<const float3> face_normals,
                            float angle, std::span<bool> r_sharp_edges);

/* ---- Triangulation ----------------------------------------------------------------------- */

/** Number of triangles: corners - 2 * faces. */
int32_t corner_tris_num(const MeshTopology &topology);

/** Splits every face into triangles of corner indices, face by face in order. Triangles
 * wind as their face does. Quads split along the diagonal from their first corner;
 * n-gons are triangulated in their plane robustly (concave, degenerate and
 * self-overlapping input still gives face_size - 2 triangles). r_tris: corner_tris_num;
 * r_tri_faces: the face of each triangle. face_normals may be empty. */
void corner_tris_calc(std::span<const float3> positions, const MeshTopology &topology,
                      std::span<const float3> face_normals, std::span<int3> r_tris,
                      std::span<int32_t> r_tri_faces);

/* ---- Bounds and maps --------------------------------------------------------------------- */

/** Axis-aligned bounds; nullopt for no positions. With `radii` (one per position) each
 * point is a sphere and the bounds enclose them (point clouds). */
std::optional<Bounds> bounds_calc(std::span<const float3> positions,
                                  std::span<const float> radii = {});

/** For each vertex the faces using it, in face order. */
GroupedIndices vert_to_face_map(const MeshTopology &topology);
/** For each vertex the corners using it, in corner order. */
GroupedIndices vert_to_corner_map(const MeshTopology &topology);
/** For each vertex the edges using it, in edge order. */
GroupedIndices vert_to_edge_map(const MeshTopology &topology);
/** For each edge the faces using it, in face order. Needs corner_edges. */
GroupedIndices edge_to_face_map(const MeshTopology &topology);

/* ---- Domain interpolation ----------------------------------------------------------------- */

/** Adapts values of one attribute from one domain to another the way Blender does
 * (averages for numbers and colors, with its rules for booleans and integers). `src` has
 * one value of `type` per element of `from`; the result one per element of `to`. Equal
 * domains copy. Needs corner_edges for EDGE. Types without meaningful mixing (STRING)
 * take the first contributing value. */
std::vector<std::byte> adapt_domain(const MeshTopology &topology, dna::AttrType type,
                                    std::span<const std::byte> src, dna::AttrDomain from,
                                    dna::AttrDomain to);

}  // namespace whisk::kernel
