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
// Everything is deterministic: every sum runs in the same order (a vertex's corners in
// corner order, a fan from its start) with 1 thread or many, never with atomics in whatever
// order threads happen to run; the parallel paths give each task its own range of vertices.

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

/** Passes add(corner, contribution) each corner's share of its vertex normal, the face
 * normal weighted by the corner's angle, in corner order. The edge directions are computed
 * once per face (the one arriving at a corner is the one leaving the previous corner);
 * the angle equals corner_angle_calc's bit for bit, as the negations are exact. */
template<typename Add>
inline void face_corner_contributions(std::span<const float3> positions,
                                      const MeshTopology &topology,
                                      std::span<const float3> face_normals, int64_t face,
                                      const Add &add)
{
  const int32_t start = topology.face_offsets[face];
  const int32_t end = topology.face_offsets[face + 1];
  if (end - start < 2) {
    for (int32_t corner = start; corner < end; corner++) {
      add(corner, float3()); /* no angle: adds nothing, but callers see every corner */
    }
    return;
  }
  auto edge_dir = [&](int32_t from, int32_t to) {
    float3 dir = positions[topology.corner_verts[to]] - positions[topology.corner_verts[from]];
    normalize_checked(dir);
    return dir;
  };
  const float3 normal = face_normals[face];
  /* dir_in: direction of the edge arriving at the corner; dir_out: of the one leaving it. */
  float3 dir_in = edge_dir(end - 1, start);
  for (int32_t corner = start; corner < end; corner++) {
    const float3 dir_out = edge_dir(corner, corner_next(start, end, corner));
    add(corner, normal * safe_acos(-dot(dir_in, dir_out)));
    dir_in = dir_out;
  }
}

/** A vertex normal from its summed contributions; a zero sum (loose vertices) falls back
 * to the normalized position. */
inline float3 vert_normal_finish(std::span<const float3> positions, int64_t vert, float3 sum)
{
  if (normalize_checked(sum) == 0.0f) {
    sum = positions[vert];
    normalize_checked(sum);
  }
  return sum;
}

/** Whether `flags` has a true value; an empty span has none. */
bool any_true(std::span<const bool> flags)
{
  return std::find(flags.begin(), flags.end(), true) != flags.end();
}

/** How many corners use each edge, and the first two of them. */
struct EdgeUsers {
  UninitializedArray<int2> corners; /* only the first min(count, 2) slots are set */
  UninitializedArray<int32_t> count;
};

EdgeUsers edge_users_calc(const MeshTopology &topology)
{
  const size_t edges_num = topology.edges.size();
  EdgeUsers users{UninitializedArray<int2>(edges_num), UninitializedArray<int32_t>(edges_num)};
  std::fill(users.count.data(), users.count.data() + edges_num, 0);
  const int32_t corners_num = topology.corners_num();
  if (thread_count() == 1 || corners_num < 65536) {
    for (int32_t corner = 0; corner < corners_num; corner++) {
      const int32_t edge = topology.corner_edges[corner];
      const int32_t slot = users.count[edge]++;
      if (slot < 2) {
        users.corners[edge][slot] = corner;
      }
    }
    return users;
  }
  /* Which of the two corners lands in which slot varies with thread timing; users of the
   * pair treat both alike, so results do not. */
  parallel_each(corners_num, 4096, [&](int64_t corner) {
    const int32_t edge = topology.corner_edges[corner];
    const int32_t slot =
        std::atomic_ref<int32_t>(users.count[edge]).fetch_add(1, std::memory_order_relaxed);
    if (slot < 2) {
      users.corners[edge][slot] = int32_t(corner);
    }
  });
  return users;
}

/** Corner normals where fans split: each corner sums the angle weighted face normals of
 * its smooth fan, the corners around its vertex reached across smooth edges (used by
 * exactly two faces in opposite directions, neither face nor edge sharp).
 *
 * fan_prev(c) is the corner across the edge arriving at c, at the same vertex; it is
 * one-to-one (an edge has one partner per corner), so the fans are chains and cycles and
 * fan_next, its inverse, walks them forward. */
void corner_normals_split(std::span<const float3> positions, const MeshTopology &topology,
                          std::span<const float3> face_normals,
                          std::span<const bool> sharp_edges, std::span<const bool> sharp_faces,
                          std::span<float3> r_normals)
{
  auto face_sharp = [&](int32_t face) { return !sharp_faces.empty() && sharp_faces[face]; };
  const int32_t corners_num = topology.corners_num();
  const UninitializedArray<int32_t> corner_faces = corner_to_face_calc(topology);
  const EdgeUsers users = edge_users_calc(topology);
  auto face_bounds = [&](int32_t corner) {
    const int32_t face = corner_faces[corner];
    return std::pair(topology.face_offsets[face], topology.face_offsets[face + 1]);
  };
  /* The other corner on `corner`'s leaving edge when that edge joins two smooth faces
   * smoothly, else -1. Symmetric, so the links below are each other's inverse. Computed
   * on the fly rather than stored: fresh per-corner arrays cost more in page faults. */
  auto smooth_partner = [&](int32_t corner) {
    const int32_t edge = topology.corner_edges[corner];
    if (users.count[edge] != 2 || (!sharp_edges.empty() && sharp_edges[edge])) {
      return -1;
    }
    const int2 pair = users.corners[edge];
    const int32_t other = pair.x == corner ? pair.y : pair.x;
    if (topology.corner_verts[other] == topology.corner_verts[corner] ||
        face_sharp(corner_faces[other]) || face_sharp(corner_faces[corner]))
    {
      return -1;
    }
    return other;
  };
  /* The fan neighbours of a corner. A link must stay at the corner's vertex (it does in a
   * valid mesh), so fans never cross vertices and tasks owning vertex ranges never meet. */
  auto fan_prev = [&](int32_t corner) {
    const auto [start, end] = face_bounds(corner);
    const int32_t prev = smooth_partner(corner_prev(start, end, corner));
    return prev != -1 && topology.corner_verts[prev] == topology.corner_verts[corner] ? prev :
                                                                                        -1;
  };
  auto fan_next = [&](int32_t corner) {
    const int32_t other = smooth_partner(corner);
    if (other == -1) {
      return -1;
    }
    const auto [start, end] = face_bounds(other);
    const int32_t next = corner_next(start, end, other);
    return topology.corner_verts[next] == topology.corner_verts[corner] ? next : -1;
  };

  /* Corners in order; the first corner met of each fan (its lowest) walks back to where
   * the fan starts, or round a closed fan to the corner after it, sums forward from there
   * and marks the whole fan done: the order the former per-vertex walk used. */
  std::vector<uint8_t> done(size_t(corners_num), 0);
  auto process = [&](int32_t corner) {
    const int32_t face = corner_faces[corner];
    if (face_sharp(face)) {
      r_normals[corner] = face_normals[face];
      return;
    }
    int32_t first = corner;
    for (int32_t prev = fan_prev(corner); prev != -1; prev = fan_prev(prev)) {
      if (prev == corner) {
        first = fan_next(corner); /* closed fan */
        break;
      }
      first = prev;
    }
    float3 sum;
    int32_t fan_corner = first;
    do {
      const auto [start, end] = face_bounds(fan_corner);
      sum = sum + face_normals[corner_faces[fan_corner]] *
                      corner_angle_calc(positions, topology, start, end, fan_corner);
      fan_corner = fan_next(fan_corner);
    } while (fan_corner != -1 && fan_corner != first);
    if (normalize_checked(sum) == 0.0f) {
      sum = face_normals[face];
    }
    fan_corner = first;
    do {
      r_normals[fan_corner] = sum;
      done[fan_corner] = 1;
      fan_corner = fan_next(fan_corner);
    } while (fan_corner != -1 && fan_corner != first);
  };
  const int64_t chunks = corners_num < 65536 ? 1 : std::min(thread_count(), 16);
  tbb::parallel_for(int64_t(0), chunks, [&](int64_t chunk) {
    const int32_t first = int32_t(int64_t(topology.verts_num) * chunk / chunks);
    const int32_t last = int32_t(int64_t(topology.verts_num) * (chunk + 1) / chunks);
    for (int32_t corner = 0; corner < corners_num; corner++) {
      const int32_t vert = topology.corner_verts[corner];
      if (vert >= first && vert < last && !done[corner]) {
        process(corner);
      }
    }
  });
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
  const int32_t verts_num = topology.verts_num;
  const int64_t chunks = topology.corners_num() < 65536 ? 1 : std::min(thread_count(), 16);
  if (chunks == 1) {
    /* One pass scattering into the result, faces in order, so each vertex sums its corners
     * in corner order. */
    std::fill(r_normals.begin(), r_normals.begin() + verts_num, float3());
    for (int64_t face = 0; face < topology.faces_num(); face++) {
      face_corner_contributions(positions, topology, face_normals, face,
                                [&](int32_t corner, const float3 &contribution) {
                                  float3 &sum = r_normals[topology.corner_verts[corner]];
                                  sum = sum + contribution;
                                });
    }
    for (int64_t vert = 0; vert < verts_num; vert++) {
      r_normals[vert] = vert_normal_finish(positions, vert, r_normals[vert]);
    }
    return;
  }
  /* In parallel, each task owns a range of vertices and scans all faces for their corners:
   * no map, no per-corner buffer, and the same sums in the same order as above (the
   * corner angle is computed the other way round, which is exact). Scanning the corner
   * indices is cheap next to the angles, which each corner still computes once. */
  tbb::parallel_for(int64_t(0), chunks, [&](int64_t chunk) {
    const int32_t first = int32_t(int64_t(verts_num) * chunk / chunks);
    const int32_t last = int32_t(int64_t(verts_num) * (chunk + 1) / chunks);
    std::fill(r_normals.begin() + first, r_normals.begin() + last, float3());
    for (int64_t face = 0; face < topology.faces_num(); face++) {
      const int32_t start = topology.face_offsets[face];
      const int32_t end = topology.face_offsets[face + 1];
      if (end - start < 2) {
        continue;
      }
      for (int32_t corner = start; corner < end; corner++) {
        const int32_t vert = topology.corner_verts[corner];
        if (vert >= first && vert < last) {
          r_normals[vert] = r_normals[vert] +
                            face_normals[face] *
                                corner_angle_calc(positions, topology, start, end, corner);
        }
      }
    }
    for (int64_t vert = first; vert < last; vert++) {
      r_normals[vert] = vert_normal_finish(positions, vert, r_normals[vert]);
    }
  });
}

void corner_normals_calc(std::span<const float3> positions, const MeshTopology &topology,
                         std::span<const float3> face_normals,
                         std::span<const bool> sharp_edges, std::span<const bool> sharp_faces,
                         std::span<float3> r_normals)
{
  const int32_t faces_num = topology.faces_num();
  const bool any_sharp_face = any_true(sharp_faces);
  const bool all_sharp_faces = any_sharp_face &&
                               std::find(sharp_faces.begin(), sharp_faces.end(), false) ==
                                   sharp_faces.end();
  if (all_sharp_faces) {
    parallel_each(faces_num, 1024, [&](int64_t face) {
      std::fill(&r_normals[topology.face_offsets[face]], &r_normals[topology.face_offsets[face + 1]],
                face_normals[face]);
    });
    return;
  }
  /* No "nothing sharp: take the vertex normals" shortcut: fans still split at non-manifold
   * edges, and a zero sum falls back to the face normal, as Blender 3.4's auto smooth does
   * (the bowtie and degenerate oracle meshes differ otherwise). */
  corner_normals_split(positions, topology, face_normals, sharp_edges, sharp_faces, r_normals);
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
  const EdgeUsers users = edge_users_calc(topology);
  parallel_each(int64_t(topology.edges.size()), 4096, [&](int64_t edge) {
    if (users.count[edge] != 2) {
      return;
    }
    const int2 corners = users.corners[edge];
    if (topology.corner_verts[corners.x] == topology.corner_verts[corners.y]) {
      return; /* both faces run the edge the same way: not a smooth join, leave it */
    }
    const float cosine = dot(face_normals[corner_faces[corners.x]],
                             face_normals[corner_faces[corners.y]]);
    if (cosine < cos_angle) {
      r_sharp_edges[edge] = true;
    }
  });
}

}  // namespace whisk::kernel
