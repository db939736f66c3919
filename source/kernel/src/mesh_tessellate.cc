// Face triangulation (whisk/kernel/mesh_topology.hh), reproducing the triangles Blender 3.4
// gives (MeshLoopTriangle, checked against tools/oracle/gen_mesh_topology.py):
// - triangles as they are;
// - quads split along corners 0-2, unless corners 1 and 3 do not lie on opposite sides of
//   that diagonal (concave or degenerate quad), then along 1-3;
// - n-gons projected onto their plane and ear-clipped. The clipping order is Blender's:
//   it starts at the first corner, sweeps back and forth around the polygon (so it does not
//   build long fans), accepts as an ear any non-reflex corner whose triangle contains no
//   reflex or collinear corner (boundary included; for flat triangles only within their
//   bounding box), and when no ear exists (degenerate input) takes the first non-reflex
//   corner, so it always makes size - 2 triangles.

#include <algorithm>

#include "mesh_topology_intern.hh"

namespace whisk::kernel {

using namespace mesh_intern;

namespace {

/** Corner classes in the projected polygon, which winds clockwise after projection. */
enum Sign : int8_t { Reflex = -1, Collinear = 0, Convex = 1 };

inline Sign sign_of(float value)
{
  return value == 0.0f ? Collinear : (value > 0.0f ? Convex : Reflex);
}

/** Convex when a -> b -> c turns clockwise (the inner side of a clockwise polygon). */
inline Sign turn_sign(const float2 &a, const float2 &b, const float2 &c)
{
  const float2 d_b = b - c;
  const float2 d_a = a - c;
  return sign_of(d_b.x * d_a.y - d_a.x * d_b.y);
}

/** Scratch memory of one ear-clipping run, kept per thread and reused across faces. */
struct PolyFill {
  struct Node {
    int32_t prev;
    int32_t next;
    Sign sign;
  };
  std::vector<float2> coords;
  std::vector<Node> nodes;
  int32_t head = 0;
  int32_t remaining = 0;
  int32_t non_convex = 0; /* corners whose sign is not Convex */

  void update_sign(int32_t i)
  {
    nodes[i].sign = turn_sign(coords[nodes[i].prev], coords[i], coords[nodes[i].next]);
  }

  /** No reflex or collinear corner may lie inside or on the ear's triangle. */
  bool is_ear(int32_t tip) const
  {
    if (non_convex == 0) {
      return true;
    }
    if (nodes[tip].sign == Reflex) {
      return false;
    }
    const float2 &v1 = coords[nodes[tip].prev];
    const float2 &v2 = coords[tip];
    const float2 &v3 = coords[nodes[tip].next];
    /* The bounding box test only matters for flat (zero area) ears, where "inside" would
     * otherwise mean anywhere on their line. Blender prunes by it (its spatial tree does). */
    const float2 box_min(std::min({v1.x, v2.x, v3.x}), std::min({v1.y, v2.y, v3.y}));
    const float2 box_max(std::max({v1.x, v2.x, v3.x}), std::max({v1.y, v2.y, v3.y}));
    int32_t checked = 0;
    for (int32_t i = nodes[nodes[tip].next].next; i != nodes[tip].prev; i = nodes[i].next) {
      if (nodes[i].sign == Convex) {
        continue;
      }
      const float2 &p = coords[i];
      if (p.x >= box_min.x && p.x <= box_max.x && p.y >= box_min.y && p.y <= box_max.y &&
          turn_sign(v3, v1, p) != Reflex && turn_sign(v1, v2, p) != Reflex &&
          turn_sign(v2, v3, p) != Reflex)
      {
        return false;
      }
      if (++checked == non_convex) {
        break;
      }
    }
    return true;
  }

  int32_t find_ear(int32_t start, bool reverse) const
  {
    int32_t i = start;
    for (int32_t n = 0; n < remaining; n++) {
      if (is_ear(i)) {
        return i;
      }
      i = reverse ? nodes[i].prev : nodes[i].next;
    }
    /* Degenerate polygon (or one made degenerate by earlier clips): any corner that is not
     * reflex will do, so the triangle count stays size - 2. */
    i = start;
    for (int32_t n = 0; n < remaining; n++) {
      if (nodes[i].sign != Reflex) {
        return i;
      }
      i = nodes[i].next;
    }
    return i;
  }

  /** Triangulates coords (clockwise), writing triangles of local indices. */
  template<typename EmitTri> void run(const EmitTri &emit_tri)
  {
    const int32_t size = int32_t(coords.size());
    nodes.resize(size_t(size));
    for (int32_t i = 0; i < size; i++) {
      nodes[i].prev = i == 0 ? size - 1 : i - 1;
      nodes[i].next = i == size - 1 ? 0 : i + 1;
    }
    non_convex = 0;
    for (int32_t i = 0; i < size; i++) {
      update_sign(i);
      non_convex += nodes[i].sign != Convex;
    }
    head = 0;
    remaining = size;
    int32_t start = 0;
    bool reverse = false;
    while (remaining > 3) {
      const int32_t ear = find_ear(start, reverse);
      const int32_t prev = nodes[ear].prev;
      const int32_t next = nodes[ear].next;
      non_convex -= nodes[ear].sign != Convex;
      emit_tri(prev, ear, next);
      nodes[prev].next = next;
      nodes[next].prev = prev;
      if (head == ear) {
        head = next;
      }
      remaining--;
      /* Clipping can only turn the neighbours convex; re-test those that were not. */
      for (const int32_t neighbour : {prev, next}) {
        if (nodes[neighbour].sign != Convex) {
          update_sign(neighbour);
          non_convex -= nodes[neighbour].sign == Convex;
        }
      }
      /* Continue two corners further in the sweep direction; if that corner is a poor
       * candidate, step once more and sweep the other way. */
      start = reverse ? nodes[prev].prev : nodes[next].next;
      if (nodes[start].sign != Convex) {
        start = reverse ? nodes[start].prev : nodes[start].next;
        reverse = !reverse;
      }
    }
    if (remaining == 3) {
      emit_tri(head, nodes[head].next, nodes[nodes[head].next].next);
    }
  }
};

/** Two axes spanning the plane with normal -normal, so that projecting a polygon wound
 * counter-clockwise around `normal` gives a clockwise 2D polygon. */
void plane_axes_flipped(float3 normal, float3 &r_x, float3 &r_y)
{
  const float3 n = -normal;
  const float xy_len_sq = n.x * n.x + n.y * n.y;
  if (xy_len_sq > 1.1920929e-07f) {
    const float inv = 1.0f / std::sqrt(xy_len_sq);
    r_x = float3(n.y * inv, -n.x * inv, 0.0f);
    r_y = float3(-n.z * r_x.y, n.z * r_x.x, n.x * r_x.y - n.y * r_x.x);
  }
  else {
    r_x = float3(n.z < 0.0f ? -1.0f : 1.0f, 0.0f, 0.0f);
    r_y = float3(0.0f, 1.0f, 0.0f);
  }
}

float3 ngon_normal(std::span<const float3> positions, std::span<const int32_t> verts)
{
  float3 normal;
  float3 prev = positions[verts.back()];
  for (const int32_t vert : verts) {
    const float3 curr = positions[vert];
    normal.x += (prev.y - curr.y) * (prev.z + curr.z);
    normal.y += (prev.z - curr.z) * (prev.x + curr.x);
    normal.z += (prev.x - curr.x) * (prev.y + curr.y);
    prev = curr;
  }
  if (normalize_checked(normal) == 0.0f) {
    normal = float3(0.0f, 0.0f, 1.0f);
  }
  return normal;
}

/** Whether a quad must be split along 1-3: corners 1 and 3 are not strictly on opposite
 * sides of the 0-2 diagonal, measured across it within the face's plane. */
bool quad_split_other_diagonal(const float3 &p0, const float3 &p1, const float3 &p2,
                               const float3 &p3, const float3 &normal)
{
  const float3 across = cross(p2 - p0, normal);
  const float level = dot(p0, across);
  return dot(p3, across) >= level || dot(p1, across) <= level;
}

}  // namespace

int32_t corner_tris_num(const MeshTopology &topology)
{
  return topology.corners_num() - 2 * topology.faces_num();
}

void corner_tris_calc(std::span<const float3> positions, const MeshTopology &topology,
                      std::span<const float3> face_normals, std::span<int3> r_tris,
                      std::span<int32_t> r_tri_faces)
{
  tbb::parallel_for(tbb::blocked_range<int32_t>(0, topology.faces_num(), 512),
                    [&](const tbb::blocked_range<int32_t> &range) {
    thread_local PolyFill fill;
    for (int32_t face = range.begin(); face != range.end(); ++face) {
      const int32_t start = topology.face_offsets[face];
      const int32_t size = topology.face_size(face);
      /* Triangles of face i start after the (corners - 2) triangles of each earlier face. */
      int32_t tri = start - 2 * face;
      auto emit = [&](int32_t a, int32_t b, int32_t c) {
        r_tris[tri] = int3(start + a, start + b, start + c);
        r_tri_faces[tri] = face;
        tri++;
      };
      if (size < 3) {
        continue;
      }
      if (size == 3) {
        emit(0, 1, 2);
        continue;
      }
      const std::span<const int32_t> verts = topology.corner_verts.subspan(size_t(start),
                                                                           size_t(size));
      if (size == 4) {
        const float3 normal = face_normals.empty() ? ngon_normal(positions, verts) :
                                                     face_normals[face];
        if (quad_split_other_diagonal(positions[verts[0]], positions[verts[1]],
                                      positions[verts[2]], positions[verts[3]], normal))
        {
          emit(0, 1, 3);
          emit(1, 2, 3);
        }
        else {
          emit(0, 1, 2);
          emit(0, 2, 3);
        }
        continue;
      }
      const float3 normal = face_normals.empty() ? ngon_normal(positions, verts) :
                                                   face_normals[face];
      float3 axis_x, axis_y;
      plane_axes_flipped(normal, axis_x, axis_y);
      fill.coords.resize(size_t(size));
      for (int32_t i = 0; i < size; i++) {
        const float3 &p = positions[verts[i]];
        fill.coords[i] = float2(dot(axis_x, p), dot(axis_y, p));
      }
      fill.run(emit);
    }
  });
}

}  // namespace whisk::kernel
