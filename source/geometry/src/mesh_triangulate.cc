// Triangulate: quads split along the chosen diagonal, n-gons by ear clipping (CLIP) or ear
// clipping followed by beauty edge flips (BEAUTY), in the order Blender 3.4 produces them
// (see mesh_triangulate.hh). The oracle shows:
// - a quad split along corners (a, a + 2) becomes [a, a+1, a+2] (appended) and
//   [a, a+2, a+3] (kept in the face's slot); a is 0 for the 0-2 diagonal, 1 for 1-3; ties
//   of the shortest/longest/beauty tests go to 1-3;
// - ear clipping starts at corner 0, takes the first ear it finds, and after cutting an ear
//   looks next two corners further on; ears are (previous, tip, next), the new edge is
//   (next, previous); the three corners left, starting at the first remaining corner,
//   stay in the face's slot. A corner is an ear when it is convex and no concave corner
//   lies inside or on its triangle.

#include "whisk/geometry/mesh_triangulate.hh"

#include <algorithm>
#include <array>
#include <cstring>
#include <unordered_map>
#include <unordered_set>

#include "mesh_result.hh"
#include "whisk/base/error.hh"
#include "whisk/kernel/attribute.hh"
#include "whisk/kernel/mesh.hh"

namespace whisk::geometry {

namespace {

using Tri = std::array<int, 3>; /* corners of the face, 0..n-1 */

float cross2(const float2 a, const float2 b) { return a.x * b.y - a.y * b.x; }
float tri_area2(const float2 a, const float2 b, const float2 c) { return cross2(b - a, c - a); }
float len2(const float2 a) { return std::sqrt(a.x * a.x + a.y * a.y); }

/** The face's corners in its own plane, counter-clockwise. */
std::vector<float2> project_face(std::span<const float3> points)
{
  float3 normal;
  for (size_t i = 0; i < points.size(); i++) {
    const float3 a = points[i], b = points[(i + 1) % points.size()];
    normal = normal + float3((a.y - b.y) * (a.z + b.z), (a.z - b.z) * (a.x + b.x),
                             (a.x - b.x) * (a.y + b.y));
  }
  normal = normalize(normal);
  const float3 helper = std::abs(normal.z) > 0.5f ? float3(0, 1, 0) : float3(0, 0, 1);
  const float3 u = normalize(cross(helper, normal));
  const float3 v = cross(normal, u);
  std::vector<float2> result(points.size());
  float area = 0.0f;
  for (size_t i = 0; i < points.size(); i++) {
    result[i] = {dot(points[i], u), dot(points[i], v)};
  }
  for (size_t i = 0; i < points.size(); i++) {
    area += cross2(result[i], result[(i + 1) % points.size()]);
  }
  if (area < 0.0f) {
    for (float2 &p : result) {
      p.y = -p.y;
    }
  }
  return result;
}

/** Beauty of a triangle: area over perimeter (larger is rounder); 0 when flipped. */
float tri_fitness(const float2 a, const float2 b, const float2 c)
{
  const float area = tri_area2(a, b, c);
  if (area <= 0.0f) {
    return 0.0f;
  }
  const float perimeter = len2(b - a) + len2(c - b) + len2(a - c);
  return perimeter > 0.0f ? area / perimeter : 0.0f;
}

/** How much better splitting quad (a, b, c, d) along b-d is than along a-c; negative or
 * zero when a-c is at least as good, or when b-d would flip a triangle. */
float flip_gain(const float2 a, const float2 b, const float2 c, const float2 d)
{
  if (tri_area2(b, c, d) <= 0.0f || tri_area2(b, d, a) <= 0.0f) {
    return -1.0f;
  }
  if (tri_area2(a, b, c) <= 0.0f || tri_area2(a, c, d) <= 0.0f) {
    return 1.0f;
  }
  const float ac = tri_fitness(a, b, c) + tri_fitness(a, c, d);
  const float bd = tri_fitness(b, c, d) + tri_fitness(b, d, a);
  return bd - ac - 1e-6f * (ac + bd);
}

/** 0 to split along corners 0-2, 1 for 1-3. */
int quad_diagonal(std::span<const float3> p, const QuadMethod method)
{
  switch (method) {
    case QuadMethod::Fixed: return 0;
    case QuadMethod::FixedAlternate: return 1;
    case QuadMethod::ShortestDiagonal:
      return length_squared(p[2] - p[0]) < length_squared(p[3] - p[1]) ? 0 : 1;
    case QuadMethod::LongestDiagonal:
      return length_squared(p[2] - p[0]) > length_squared(p[3] - p[1]) ? 0 : 1;
    case QuadMethod::Beauty: {
      /* 1-3 never when it folds the quad over (its triangles face opposite ways). */
      if (dot(cross(p[2] - p[1], p[3] - p[1]), cross(p[3] - p[1], p[0] - p[1])) < 0.0f) {
        return 0;
      }
      const std::vector<float2> q = project_face(p);
      /* 0-2 only when it beats 1-3 (a tie goes to 1-3). */
      return flip_gain(q[1], q[2], q[3], q[0]) > 0.0f ? 0 : 1;
    }
  }
  return 0;
}

std::vector<Tri> ear_clip(std::span<const float2> p)
{
  const int n = int(p.size());
  std::vector<int> prev(p.size()), next(p.size());
  for (int i = 0; i < n; i++) {
    prev[size_t(i)] = (i + n - 1) % n;
    next[size_t(i)] = (i + 1) % n;
  }
  auto convex = [&](int v) {
    return tri_area2(p[size_t(prev[size_t(v)])], p[size_t(v)], p[size_t(next[size_t(v)])]) > 0.0f;
  };
  auto is_ear = [&](int v) {
    if (!convex(v)) {
      return false;
    }
    const int a = prev[size_t(v)], c = next[size_t(v)];
    const float2 pa = p[size_t(a)], pb = p[size_t(v)], pc = p[size_t(c)];
    for (int u = next[size_t(c)]; u != a; u = next[size_t(u)]) {
      if (convex(u)) {
        continue;
      }
      const float2 q = p[size_t(u)];
      if (tri_area2(pa, pb, q) >= 0.0f && tri_area2(pb, pc, q) >= 0.0f &&
          tri_area2(pc, pa, q) >= 0.0f) {
        return false;
      }
    }
    return true;
  };
  std::vector<Tri> tris;
  int head = 0, cur = 0, remaining = n;
  while (remaining > 3) {
    int ear = cur;
    for (int step = 0; step < remaining && !is_ear(ear); step++) {
      ear = next[size_t(ear)];
    }
    if (!is_ear(ear)) {
      ear = cur; /* degenerate polygon: no ear anywhere, cut anyway */
    }
    const int a = prev[size_t(ear)], c = next[size_t(ear)];
    tris.push_back({a, ear, c});
    next[size_t(a)] = c;
    prev[size_t(c)] = a;
    if (ear == head) {
      head = c;
    }
    remaining--;
    cur = next[size_t(c)];
  }
  tris.push_back({head, next[size_t(head)], next[size_t(next[size_t(head)])]});
  return tris;
}

/** Flips inner edges while that makes the triangles rounder (see flip_gain), best flip
 * first. Triangle (u, v, w) and its neighbour (v, u, x) across u-v form the quad
 * (u, x, v, w); the flip replaces them with (x, v, w) and (w, u, x). */
void beautify(std::span<const float2> p, std::vector<Tri> &tris)
{
  for (size_t iteration = 0; iteration < 4 * p.size(); iteration++) {
    float best_gain = 0.0f;
    size_t best_i = 0, best_j = 0;
    int u = -1, v = -1, w = -1, x = -1;
    for (size_t i = 0; i < tris.size(); i++) {
      for (size_t j = i + 1; j < tris.size(); j++) {
        for (size_t e = 0; e < 3; e++) {
          const int tu = tris[i][e], tv = tris[i][(e + 1) % 3], tw = tris[i][(e + 2) % 3];
          for (size_t f = 0; f < 3; f++) {
            if (tris[j][f] != tv || tris[j][(f + 1) % 3] != tu) {
              continue;
            }
            const int tx = tris[j][(f + 2) % 3];
            const float gain = flip_gain(p[size_t(tu)], p[size_t(tx)], p[size_t(tv)],
                                         p[size_t(tw)]);
            if (gain > best_gain) {
              best_gain = gain;
              best_i = i, best_j = j;
              u = tu, v = tv, w = tw, x = tx;
            }
          }
        }
      }
    }
    if (u < 0) {
      return;
    }
    tris[best_i] = {x, v, w};
    tris[best_j] = {w, u, x};
  }
}

std::vector<Tri> triangulate_face(std::span<const float3> points,
                                  const TriangulateParams &params)
{
  if (points.size() == 4) {
    const int a = quad_diagonal(points, params.quad_method);
    return {{a, a + 1, a + 2}, {a, a + 2, (a + 3) % 4}};
  }
  const std::vector<float2> p = project_face(points);
  std::vector<Tri> tris = ear_clip(p);
  if (params.ngon_method == NgonMethod::Beauty) {
    beautify(p, tris);
  }
  return tris;
}

/** A triangle's sorted vertices. */
struct TriKey {
  std::array<int32_t, 3> v;
  friend bool operator==(const TriKey &, const TriKey &) = default;
};
struct TriKeyHash {
  size_t operator()(const TriKey &key) const
  {
    return std::hash<uint64_t>()((uint64_t(uint32_t(key.v[0])) << 32 | uint32_t(key.v[1])) ^
                                 (uint64_t(uint32_t(key.v[2])) * 0x9E3779B97F4A7C15ull));
  }
};

uint64_t edge_key(int32_t a, int32_t b)
{
  if (a > b) {
    std::swap(a, b);
  }
  return (uint64_t(uint32_t(a)) << 32) | uint32_t(b);
}

/** dst element i gets src element map[i] of each attribute on the domain (zero for -1). */
void gather_attributes(const dna::Mesh &src, dna::Mesh &dst, const dna::AttrDomain domain,
                       std::span<const int32_t> map)
{
  for (const auto &attribute : src.attributes.attributes) {
    if (attribute->domain != domain || mesh_result::attribute_is_topology(attribute->name)) {
      continue;
    }
    const size_t size = dna::attr_type_size(attribute->type);
    dna::Attribute &out = kernel::attribute_add(dst.attributes, attribute->name, domain,
                                                attribute->type, int64_t(map.size()));
    const std::byte *in = attribute->data.data();
    std::byte *values = out.data.mutable_span().data();
    mesh_result::parallel_range(int64_t(map.size()), 4096, [&](const int64_t i) {
      if (map[size_t(i)] >= 0) {
        std::memcpy(values + size_t(i) * size, in + size_t(map[size_t(i)]) * size, size);
      }
    });
  }
}

}  // namespace

dna::Mesh mesh_triangulate(const dna::Mesh &src, const TriangulateParams &params)
{
  kernel::mesh_topology_check(src);
  const std::span<const float3> positions = kernel::mesh_positions(src);
  const std::span<const int2> edges = kernel::mesh_edges(src);
  const std::span<const int32_t> offsets = kernel::mesh_face_offsets(src);
  const std::span<const int32_t> corner_verts = kernel::mesh_corner_verts(src);
  const int faces_num = src.faces_num;
  const int min_vertices = std::max(params.min_vertices, 4);

  /* Triangles per face (empty: the face stays as it is). */
  std::vector<std::vector<Tri>> face_tris(static_cast<size_t>(faces_num));
  mesh_result::parallel_range(faces_num, 256, [&](const int64_t f) {
    const int start = offsets[size_t(f)], size = offsets[size_t(f) + 1] - start;
    if (size < min_vertices) {
      return;
    }
    std::vector<float3> points(static_cast<size_t>(size));
    for (int i = 0; i < size; i++) {
      points[size_t(i)] = positions[size_t(corner_verts[size_t(start + i)])];
    }
    face_tris[size_t(f)] = triangulate_face(points, params);
  });

  /* Result faces: each face's slot (its last triangle), then the other triangles. Maps from
   * result faces and corners to the source ones carry the attributes. */
  int64_t extra_faces = 0;
  for (const auto &tris : face_tris) {
    extra_faces += tris.empty() ? 0 : int64_t(tris.size()) - 1;
  }
  /* A triangle that another face already covers is dropped (Blender refuses to create a
   * face twice): two quads sharing two edges may each produce the same triangle. */
  std::unordered_set<TriKey, TriKeyHash> made;
  auto tri_key = [&](const int32_t start, const Tri &tri) {
    TriKey key;
    for (int k = 0; k < 3; k++) {
      key.v[size_t(k)] = corner_verts[size_t(start + tri[size_t(k)])];
    }
    std::sort(key.v.begin(), key.v.end());
    return key;
  };
  for (int f = 0; f < faces_num; f++) {
    if (offsets[size_t(f) + 1] - offsets[size_t(f)] == 3) {
      made.insert(tri_key(offsets[size_t(f)], {0, 1, 2}));
    }
  }
  for (int f = 0; f < faces_num; f++) {
    auto &tris = face_tris[size_t(f)];
    if (tris.empty()) {
      continue;
    }
    std::vector<Tri> kept;
    for (size_t t = 0; t < tris.size(); t++) {
      const bool is_new = made.insert(tri_key(offsets[size_t(f)], tris[t])).second;
      if (is_new || t + 1 == tris.size()) {
        kept.push_back(tris[t]);
      }
    }
    extra_faces -= int64_t(tris.size() - kept.size());
    tris = std::move(kept);
  }
  const int64_t result_faces = faces_num + extra_faces;
  std::vector<int32_t> face_map(static_cast<size_t>(result_faces));
  std::vector<int32_t> face_sizes(static_cast<size_t>(result_faces));
  std::vector<std::array<int32_t, 3>> tri_corners; /* per appended face */
  std::vector<std::array<int32_t, 3>> slot_corners(static_cast<size_t>(faces_num));
  for (int f = 0; f < faces_num; f++) {
    face_map[size_t(f)] = f;
    const auto &tris = face_tris[size_t(f)];
    const int32_t start = offsets[size_t(f)];
    face_sizes[size_t(f)] = tris.empty() ? offsets[size_t(f) + 1] - start : 3;
    for (size_t t = 0; t < tris.size(); t++) {
      const std::array<int32_t, 3> corners = {start + tris[t][0], start + tris[t][1],
                                              start + tris[t][2]};
      if (t + 1 == tris.size()) {
        slot_corners[size_t(f)] = corners;
      }
      else {
        face_map[size_t(faces_num) + tri_corners.size()] = f;
        face_sizes[size_t(faces_num) + tri_corners.size()] = 3;
        tri_corners.push_back(corners);
      }
    }
  }
  std::vector<int32_t> corner_map;
  corner_map.reserve(corner_verts.size() + size_t(extra_faces) * 3);
  for (int f = 0; f < faces_num; f++) {
    if (face_tris[size_t(f)].empty()) {
      for (int32_t c = offsets[size_t(f)]; c < offsets[size_t(f) + 1]; c++) {
        corner_map.push_back(c);
      }
    }
    else {
      corner_map.insert(corner_map.end(), slot_corners[size_t(f)].begin(),
                        slot_corners[size_t(f)].end());
    }
  }
  for (const auto &corners : tri_corners) {
    corner_map.insert(corner_map.end(), corners.begin(), corners.end());
  }
  if (result_faces > INT32_MAX || corner_map.size() > size_t(INT32_MAX)) {
    raise(ErrorKind::Memory, "triangulation would make more than 2^31 - 1 faces or corners");
  }

  /* New edges in the order the triangles are made: each face's appended triangles, then
   * its slot; an edge is new when neither the mesh nor an earlier triangle has it. */
  std::unordered_map<uint64_t, int32_t> edge_index;
  edge_index.reserve(edges.size() + size_t(extra_faces));
  for (size_t e = 0; e < edges.size(); e++) {
    edge_index.emplace(edge_key(edges[e].x, edges[e].y), int32_t(e));
  }
  std::vector<int2> new_edges;
  auto add_edges = [&](const std::array<int32_t, 3> &corners) {
    /* The closing edge (last corner to first) is the new one of an ear: check it first. */
    for (const int k : {2, 0, 1}) {
      const int32_t a = corner_verts[size_t(corners[size_t(k)])];
      const int32_t b = corner_verts[size_t(corners[size_t((k + 1) % 3)])];
      if (edge_index.emplace(edge_key(a, b), int32_t(edges.size() + new_edges.size())).second) {
        new_edges.push_back({a, b});
      }
    }
  };
  size_t appended = 0;
  for (int f = 0; f < faces_num; f++) {
    const size_t count = face_tris[size_t(f)].size();
    for (size_t t = 0; t + 1 < count; t++) {
      add_edges(tri_corners[appended++]);
    }
    if (count) {
      add_edges(slot_corners[size_t(f)]);
    }
  }

  dna::Mesh dst = mesh_result::new_like(src);
  const int32_t edges_num = int32_t(edges.size() + new_edges.size());
  kernel::mesh_resize(dst, src.verts_num, edges_num, int32_t(result_faces),
                      int32_t(corner_map.size()));
  std::copy(positions.begin(), positions.end(), kernel::mesh_positions_for_write(dst).begin());
  std::span<int2> dst_edges = kernel::mesh_edges_for_write(dst);
  std::copy(edges.begin(), edges.end(), dst_edges.begin());
  std::copy(new_edges.begin(), new_edges.end(), dst_edges.begin() + int64_t(edges.size()));
  std::span<int32_t> dst_offsets = kernel::mesh_face_offsets_for_write(dst);
  int32_t offset = 0;
  for (size_t f = 0; f < face_sizes.size(); f++) {
    dst_offsets[f] = offset;
    offset += face_sizes[f];
  }
  if (!dst_offsets.empty()) {
    dst_offsets[face_sizes.size()] = offset;
  }
  std::span<int32_t> dst_corner_verts = kernel::mesh_corner_verts_for_write(dst);
  std::span<int32_t> dst_corner_edges = kernel::mesh_corner_edges_for_write(dst);
  for (size_t f = 0; f < face_sizes.size(); f++) {
    const int32_t start = dst_offsets[f], end = dst_offsets[f + 1];
    for (int32_t c = start; c < end; c++) {
      dst_corner_verts[size_t(c)] = corner_verts[size_t(corner_map[size_t(c)])];
    }
    for (int32_t c = start; c < end; c++) {
      const int32_t next = c + 1 == end ? start : c + 1;
      dst_corner_edges[size_t(c)] = edge_index.at(
          edge_key(dst_corner_verts[size_t(c)], dst_corner_verts[size_t(next)]));
    }
  }

  std::vector<int32_t> vert_map(static_cast<size_t>(src.verts_num));
  for (size_t v = 0; v < vert_map.size(); v++) {
    vert_map[v] = int32_t(v);
  }
  std::vector<int32_t> edge_map(size_t(edges_num), -1);
  for (size_t e = 0; e < edges.size(); e++) {
    edge_map[e] = int32_t(e);
  }
  gather_attributes(src, dst, dna::AttrDomain::Point, vert_map);
  gather_attributes(src, dst, dna::AttrDomain::Edge, edge_map);
  gather_attributes(src, dst, dna::AttrDomain::Face, face_map);
  gather_attributes(src, dst, dna::AttrDomain::Corner, corner_map);
  dst.deform_verts = src.deform_verts;
  kernel::mesh_tag_topology_changed(dst);
  return dst;
}

}  // namespace whisk::geometry
