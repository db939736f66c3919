// Face, vertex and corner normals, and auto-smooth sharp edges (whisk/kernel/mesh_topology.hh).
//
// Behaviour follows what Blender 3.4 prints (tools/oracle/gen_mesh_topology.py):
// - face normals: cross product of the two edges for triangles, of the diagonals for quads,
//   Newell's sum for n-gons; a zero result becomes (0, 0, 1). (Blender 3.4 leaves degenerate
//   triangles and quads at (0, 0, 0) in MeshPolygon.normal but uses (0, 0, 1) when it
//   accumulates vertex normals; we keep (0, 0, 1) everywhere.)
// - vertex normals: sum over corners of face normal times the corner's angle; a zero sum
//   falls back to the normalized position (which is how loose vertices get theirs).
// - corner normals: the same angle-weighted sum, over the smooth fan of the corner only.
//
// Everything is deterministic: sums are gathered per vertex in corner order, never
// accumulated with atomics in whatever order threads happen to run.

#include <atomic>

#include "mesh_topology_intern.hh"

namespace whisk::kernel {

using namespace mesh_intern;

namespace {

float3 face_normal_calc(std::span<const float3> positions, std::span<const int32_t> verts)
{
  float3 normal;
  const size_t size = verts.size();
  if (size == 3) {
    normal = cross(positions[verts[0]] - positions[verts[1]],
                   positions[verts[1]] - positions[verts[2]]);
  }
  else if (size == 4) {
    normal = cross(positions[verts[0]] - positions[verts[2]],
                   positions[verts[1]] - positions[verts[3]]);
  }
  else if (size > 4) {
    /* Newell's method: the sum of the edges' projected trapezoid areas on each axis plane is
     * twice the polygon's vector area, even when the polygon is not flat. */
    float3 prev = positions[verts[size - 1]];
    for (size_t i = 0; i < size; i++) {
      const float3 curr = positions[verts[i]];
      normal.x += (prev.y - curr.y) * (prev.z + curr.z);
      normal.y += (prev.z - curr.z) * (prev.x + curr.x);
      normal.z += (prev.x - curr.x) * (prev.y + curr.y);
      prev = curr;
    }
  }
  if (normalize_checked(normal) == 0.0f) {
    return float3(0.0f, 0.0f, 1.0f);
  }
  return normal;
}

/** The interior angle at `corner`, computed from normalized edge directions the way Blender
 * weights normals (a zero-length edge gives a right angle, not NaN). */
float corner_angle_calc(std::span<const float3> positions, const MeshTopology &topology,
                        int32_t face_start, int32_t face_end, int32_t corner)
{
  const float3 center = positions[topology.corner_verts[corner]];
  float3 to_prev = positions[topology.corner_verts[corner_prev(face_start, face_end, corner)]] -
                   center;
  float3 to_next = positions[topology.corner_verts[corner_next(face_start, face_end, corner)]] -
                   center;
  normalize_checked(to_prev);
  normalize_checked(to_next);
  return safe_acos(dot(to_prev, to_next));
}

/** For each edge the two corners that use it when it joins two faces smoothly (used by
 * exactly two faces, in opposite directions), else {-1, -1}. `edge_usable(edge, c0, c1)`
 * adds the caller's own conditions (sharp flags). */
template<typename EdgeUsable>
std::vector<int2> smooth_edge_corners_calc(const MeshTopology &topology,
                                           const EdgeUsable &edge_usable)
{
  const int64_t edges_num = int64_t(topology.edges.size());
  std::vector<int2> edge_corners(size_t(edges_num), int2(-1, -1));
  std::vector<int32_t> users(size_t(edges_num), 0);
  parallel_each(topology.corners_num(), 4096, [&](int64_t corner) {
    const int32_t edge = topology.corner_edges[corner];
    const int32_t slot = std::atomic_ref<int32_t>(users[edge]).fetch_add(1, std::memory_order_relaxed);
    if (slot < 2) {
      edge_corners[edge][slot] = int32_t(corner);
    }
  });
  parallel_each(edges_num, 4096, [&](int64_t edge) {
    int2 &corners = edge_corners[edge];
    const bool manifold = users[edge] == 2 &&
                          topology.corner_verts[corners.x] != topology.corner_verts[corners.y];
    if (!manifold || !edge_usable(int32_t(edge), corners.x, corners.y)) {
      corners = int2(-1, -1);
    }
  });
  return edge_corners;
}

}  // namespace

void face_normals_calc(std::span<const float3> positions, const MeshTopology &topology,
                       std::span<float3> r_normals)
{
  parallel_each(topology.faces_num(), 1024, [&](int64_t face) {
    const int32_t start = topology.face_offsets[face];
    r_normals[face] = face_normal_calc(
        positions, topology.corner_verts.subspan(start, size_t(topology.face_size(int32_t(face)))));
  });
}

void vert_normals_calc(std::span<const float3> positions, const MeshTopology &topology,
                       std::span<const float3> face_normals, std::span<float3> r_normals)
{
  /* Each corner's weighted contribution, computed per face where the edge directions are at
   * hand, then gathered per vertex in corner order. */
  UninitializedArray<float3> contributions(size_t(topology.corners_num()));
  parallel_each(topology.faces_num(), 1024, [&](int64_t face) {
    const int32_t start = topology.face_offsets[face];
    const int32_t end = topology.face_offsets[face + 1];
    if (end - start < 2) {
      return;
    }
    auto edge_dir = [&](int32_t from, int32_t to) {
      float3 dir = positions[topology.corner_verts[to]] - positions[topology.corner_verts[from]];
      normalize_checked(dir);
      return dir;
    };
    /* dir_in: direction of the edge arriving at the corner; dir_out: of the one leaving it. */
    float3 dir_in = edge_dir(end - 1, start);
    for (int32_t corner = start; corner < end; corner++) {
      const float3 dir_out = edge_dir(corner, corner_next(start, end, corner));
      const float angle = safe_acos(-dot(dir_in, dir_out));
      contributions[corner] = face_normals[face] * angle;
      dir_in = dir_out;
    }
  });

  const GroupedIndices vert_corners = vert_to_corner_map(topology);
  parallel_each(topology.verts_num, 4096, [&](int64_t vert) {
    float3 sum;
    for (const int32_t corner : vert_corners[int32_t(vert)]) {
      sum = sum + contributions[corner];
    }
    if (normalize_checked(sum) == 0.0f) {
      sum = positions[vert];
      normalize_checked(sum);
    }
    r_normals[vert] = sum;
  });
}

void corner_normals_calc(std::span<const float3> positions, const MeshTopology &topology,
                         std::span<const float3> face_normals,
                         std::span<const bool> sharp_edges, std::span<const bool> sharp_faces,
                         std::span<float3> r_normals)
{
  auto face_sharp = [&](int32_t face) { return !sharp_faces.empty() && sharp_faces[face]; };
  const UninitializedArray<int32_t> corner_faces = corner_to_face_calc(topology);
  const std::vector<int2> smooth_edges = smooth_edge_corners_calc(
      topology, [&](int32_t edge, int32_t corner_a, int32_t corner_b) {
        return !(!sharp_edges.empty() && sharp_edges[edge]) &&
               !face_sharp(corner_faces[corner_a]) && !face_sharp(corner_faces[corner_b]);
      });
  const GroupedIndices vert_corners = vert_to_corner_map(topology);
  std::vector<uint8_t> done(size_t(topology.corners_num()), 0);

  auto face_start = [&](int32_t corner) { return topology.face_offsets[corner_faces[corner]]; };
  auto face_end = [&](int32_t corner) { return topology.face_offsets[corner_faces[corner] + 1]; };
  /* Across the edge that arrives at `corner`: the neighbour face's corner at the same vertex,
   * or -1 where the fan ends. */
  auto across_prev = [&](int32_t corner) {
    const int32_t prev = corner_prev(face_start(corner), face_end(corner), corner);
    const int2 pair = smooth_edges[topology.corner_edges[prev]];
    return pair.x == -1 ? -1 : (pair.x == prev ? pair.y : pair.x);
  };
  /* Across the edge that leaves `corner`. The other face runs that edge the other way, so
   * its corner on the edge sits at the far vertex and ours is the one after it. */
  auto across_next = [&](int32_t corner) {
    const int2 pair = smooth_edges[topology.corner_edges[corner]];
    if (pair.x == -1) {
      return -1;
    }
    const int32_t other = pair.x == corner ? pair.y : pair.x;
    return corner_next(face_start(other), face_end(other), other);
  };

  parallel_each(topology.verts_num, 1024, [&](int64_t vert) {
    const std::span<const int32_t> corners = vert_corners[int32_t(vert)];
    const size_t max_steps = corners.size();
    for (const int32_t corner : corners) {
      if (done[corner]) {
        continue;
      }
      const int32_t face = corner_faces[corner];
      if (face_sharp(face)) {
        r_normals[corner] = face_normals[face];
        done[corner] = 1;
        continue;
      }
      /* Walk back to where the fan starts (or all the way round a closed fan). */
      int32_t fan_start = corner;
      for (size_t step = 0; step < max_steps; step++) {
        const int32_t prev = across_prev(fan_start);
        if (prev == -1 || prev == corner) {
          break;
        }
        fan_start = prev;
      }
      /* Sum the fan forward, then give every corner of it the result. */
      float3 sum;
      int32_t fan_corner = fan_start;
      for (size_t step = 0; step < max_steps && fan_corner != -1; step++) {
        const float angle = corner_angle_calc(positions, topology, face_start(fan_corner),
                                              face_end(fan_corner), fan_corner);
        sum = sum + face_normals[corner_faces[fan_corner]] * angle;
        fan_corner = across_next(fan_corner);
        if (fan_corner == fan_start) {
          break;
        }
      }
      if (normalize_checked(sum) == 0.0f) {
        sum = face_normals[face];
      }
      fan_corner = fan_start;
      for (size_t step = 0; step < max_steps && fan_corner != -1; step++) {
        r_normals[fan_corner] = sum;
        done[fan_corner] = 1;
        fan_corner = across_next(fan_corner);
        if (fan_corner == fan_start) {
          break;
        }
      }
    }
  });
}

void edges_sharp_from_angle(const MeshTopology &topology, std::span<const float3> face_normals,
                            float angle, std::span<bool> r_sharp_edges)
{
  /* Blender 3.x only tests the angle below 180 degrees; at pi nothing splits (a dot product
   * rounding just below -1 must not mark opposite faces sharp). */
  if (!(angle < float(M_PI))) {
    return;
  }
  const float cos_angle = std::cos(angle);
  const UninitializedArray<int32_t> corner_faces = corner_to_face_calc(topology);
  smooth_edge_corners_calc(topology, [&](int32_t edge, int32_t corner_a, int32_t corner_b) {
    /* Each edge is visited once, by one thread, so writing its flag here is race-free. */
    const float cosine = dot(face_normals[corner_faces[corner_a]],
                             face_normals[corner_faces[corner_b]]);
    if (cosine < cos_angle) {
      r_sharp_edges[edge] = true;
    }
    return true;
  });
}

}  // namespace whisk::kernel
