#pragma once
// The source mesh of mesh_subdivide as its two files (mesh_subdivide.cc and
// subdiv_attributes.cc) read it: its arrays and how its elements are used.

#include <array>
#include <span>
#include <vector>

#include "subdiv_evaluator.hh"
#include "subdiv_layout.hh"
#include "whisk/dna/mesh.hh"

namespace whisk::geometry::subdiv {

/** The source mesh's arrays and how its elements are used. */
struct Source {
  const dna::Mesh &mesh;
  std::span<const float3> positions;
  std::span<const int2> edges;
  std::span<const int32_t> face_offsets;
  std::span<const int32_t> corner_verts;
  std::span<const int32_t> corner_edges;
  std::vector<int32_t> corner_faces;
  /* The first corner using a vertex / along an edge, or -1 for loose ones. */
  std::vector<int32_t> vert_corner;
  std::vector<int32_t> edge_corner;
  /* Per vertex, its loose edges when it has exactly two (a chain), else -1. */
  std::vector<std::array<int32_t, 2>> loose_chain;

  int faces_num() const { return face_offsets.empty() ? 0 : int(face_offsets.size()) - 1; }
  FaceGrid grid(const Layout &layout, const int32_t face) const
  {
    const size_t start = size_t(face_offsets[size_t(face)]);
    const size_t size = size_t(face_offsets[size_t(face) + 1]) - start;
    return FaceGrid{layout, face, corner_verts.subspan(start, size),
                    corner_edges.subspan(start, size), edges};
  }
};

Source source_read(const dna::Mesh &mesh);

/** Adds to `dst` (already sized, topology built) every attribute of the source but the
 * topology: UV maps evaluated as face-varying data, the rest interpolated bilinearly over
 * each face's grids (points and corners), copied to the pieces (edges, faces). */
void subdivide_attributes(const Source &src, const Layout &layout, const Evaluator *eval,
                          dna::Mesh &dst);

}  // namespace whisk::geometry::subdiv
