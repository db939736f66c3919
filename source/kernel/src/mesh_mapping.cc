// Bounds and topology maps of whisk/kernel/mesh_topology.hh.
//
// Every map is a counting sort over chunks of sources (build_groups in
// mesh_topology_intern.hh): no atomics, no sorting, groups in source order.

#include <algorithm>

#include <tbb/parallel_reduce.h>

#include "mesh_topology_intern.hh"

namespace whisk::kernel {

using namespace mesh_intern;

std::optional<Bounds> bounds_calc(std::span<const float3> positions,
                                  std::span<const float> radii)
{
  if (positions.empty()) {
    return std::nullopt;
  }
  const bool spheres = radii.size() == positions.size();
  auto radius = [&](size_t i) { return spheres ? radii[i] : 0.0f; };
  const float r0 = radius(0);
  const Bounds init{positions[0] - float3(r0, r0, r0), positions[0] + float3(r0, r0, r0)};
  return tbb::parallel_reduce(
      tbb::blocked_range<size_t>(0, positions.size(), 16384), init,
      [&](const tbb::blocked_range<size_t> &range, Bounds bounds) {
        for (size_t i = range.begin(); i != range.end(); ++i) {
          const float r = radius(i);
          for (int axis = 0; axis < 3; axis++) {
            bounds.min[axis] = std::min(bounds.min[axis], positions[i][axis] - r);
            bounds.max[axis] = std::max(bounds.max[axis], positions[i][axis] + r);
          }
        }
        return bounds;
      },
      [](Bounds a, const Bounds &b) {
        for (int axis = 0; axis < 3; axis++) {
          a.min[axis] = std::min(a.min[axis], b.min[axis]);
          a.max[axis] = std::max(a.max[axis], b.max[axis]);
        }
        return a;
      });
}

GroupedIndices vert_to_face_map(const MeshTopology &topology)
{
  return build_groups(topology.verts_num, topology.faces_num(), [&](int64_t face, auto &&emit) {
    for (int32_t corner = topology.face_offsets[face]; corner < topology.face_offsets[face + 1];
         corner++)
    {
      emit(topology.corner_verts[corner], int32_t(face));
    }
  });
}

GroupedIndices vert_to_corner_map(const MeshTopology &topology)
{
  return build_groups(topology.verts_num, topology.corners_num(), [&](int64_t corner, auto &&emit) {
    emit(topology.corner_verts[corner], int32_t(corner));
  });
}

GroupedIndices vert_to_edge_map(const MeshTopology &topology)
{
  return build_groups(topology.verts_num, int64_t(topology.edges.size()),
                      [&](int64_t edge, auto &&emit) {
                        const int2 verts = topology.edges[edge];
                        emit(verts.x, int32_t(edge));
                        if (verts.y != verts.x) {
                          emit(verts.y, int32_t(edge));
                        }
                      });
}

GroupedIndices edge_to_face_map(const MeshTopology &topology)
{
  return build_groups(int32_t(topology.edges.size()), topology.faces_num(),
                      [&](int64_t face, auto &&emit) {
                        for (int32_t corner = topology.face_offsets[face];
                             corner < topology.face_offsets[face + 1]; corner++)
                        {
                          emit(topology.corner_edges[corner], int32_t(face));
                        }
                      });
}

}  // namespace whisk::kernel
