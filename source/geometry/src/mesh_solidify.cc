// The Solidify modifier, simple mode (see mesh_solidify.hh), rebuilt from what Blender 3.4
// outputs.
//
// Layout of the result: the original vertices, edges, faces and corners; then (unless rim
// only) a copy of each, whose faces keep their first corner and reverse the others; then
// (with a rim) one quad per boundary edge, in edge order, and one edge per boundary vertex
// joining it to its copy. With rim only, the copies are only those of boundary vertices and
// edges. Each shell moves along the vertex normals: the originals by one offset and the
// copies by the other, which two depending on the offset's sign and the flip option.

#include "whisk/geometry/mesh_solidify.hh"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <numbers>

#include "mesh_modifier_util.hh"
#include "whisk/kernel/mesh.hh"

namespace whisk::geometry {

using namespace detail;

namespace {

constexpr int64_t kUnused = -1;
constexpr int64_t kPair = -2;

float safe_asin(float x) { return std::asin(std::clamp(x, -1.0f, 1.0f)); }

/** Angle between unit vectors, accurate for small and large angles. */
float angle_normalized(float3 a, float3 b)
{
  if (dot(a, b) >= 0.0f) {
    return 2.0f * safe_asin(length(a - b) / 2.0f);
  }
  return std::numbers::pi_v<float> - 2.0f * safe_asin(length(-a - b) / 2.0f);
}

/** How much farther than 1 a shell must move along `a` to be 1 away from a face with
 * normal `b`. */
float shell_distance(float3 a, float3 b)
{
  const float angle_cos = std::abs(dot(a, b));
  return angle_cos < 1e-8f ? 1.0f : 1.0f / angle_cos;
}

/** Vertex normals from the edges' normals, each the mean of its two faces' normals scaled
 * by the angle between them (one face: that face's normal). Edges with 3 or more faces do
 * not count and are flagged in `r_non_manifold`. Vertices left without a normal keep the
 * mesh's. */
std::vector<float3> quality_normals(const dna::Mesh &mesh, std::vector<bool> &r_non_manifold)
{
  const std::span<const float3> face_normals = kernel::mesh_face_normals(mesh);
  const std::span<const float3> vert_normals = kernel::mesh_vert_normals(mesh);
  const std::span<const int2> edges = kernel::mesh_edges(mesh);
  const std::span<const int32_t> offsets = kernel::mesh_face_offsets(mesh);
  const std::span<const int32_t> corner_edges = kernel::mesh_corner_edges(mesh);
  std::vector<int2> edge_faces(size_t(mesh.edges_num), int2(-2, -2));
  r_non_manifold.assign(size_t(mesh.edges_num), false);
  for (int32_t f = 0; f < mesh.faces_num; f++) {
    for (int32_t c = offsets[f]; c < offsets[f + 1]; c++) {
      int2 &ref = edge_faces[corner_edges[c]];
      if (ref.x == -2) {
        ref = {f, -1};
      }
      else if (ref.x != -1 && ref.y == -1) {
        ref.y = f;
      }
      else {
        ref = {-1, -1};
        r_non_manifold[corner_edges[c]] = true;
      }
    }
  }
  std::vector<float3> normals(size_t(mesh.verts_num));
  for (int32_t e = 0; e < mesh.edges_num; e++) {
    const int2 ref = edge_faces[e];
    if (ref.x < 0) {
      continue;
    }
    float3 normal = face_normals[ref.x];
    if (ref.y >= 0) {
      normal = face_normals[ref.x] + face_normals[ref.y];
      const float len = length(normal);
      normal = len > 0.0f ? normal * (1.0f / len) : float3();
      /* Scaled by the angle between the faces, as a 0..2 factor of a right angle. */
      const float angle = 2.0f * std::acos(std::min(len / 2.0f, 1.0f));
      normal = normal * (float(2.0 / std::numbers::pi) * angle);
    }
    normals[edges[e].x] = normals[edges[e].x] + normal;
    normals[edges[e].y] = normals[edges[e].y] + normal;
  }
  for (int32_t v = 0; v < mesh.verts_num; v++) {
    const float len = length(normals[v]);
    normals[v] = len > 0.0f ? normals[v] * (1.0f / len) : vert_normals[v];
  }
  return normals;
}

/** With even thickness: per vertex, the factor that keeps each face's shell at the full
 * distance (mean over its faces of 1 / cos(vertex normal, face normal), weighted by the
 * corner angles); 0 for vertices without faces, which then do not move. */
std::vector<float> even_factors(const dna::Mesh &mesh, std::span<const float3> vert_normals,
                                const std::vector<bool> &non_manifold)
{
  const std::span<const float3> positions = kernel::mesh_positions(mesh);
  const std::span<const float3> face_normals = kernel::mesh_face_normals(mesh);
  const std::span<const int32_t> offsets = kernel::mesh_face_offsets(mesh);
  const std::span<const int32_t> corner_verts = kernel::mesh_corner_verts(mesh);
  const std::span<const int32_t> corner_edges = kernel::mesh_corner_edges(mesh);
  std::vector<float> angles(size_t(mesh.verts_num), 0.0f), accum(size_t(mesh.verts_num), 0.0f);
  for (int32_t f = 0; f < mesh.faces_num; f++) {
    const int32_t start = offsets[f], size = offsets[f + 1] - start;
    auto pos = [&](int32_t k) { return positions[corner_verts[start + k]]; };
    int32_t curr = size - 1;
    float3 dir_prev = normalize(pos(curr - 1) - pos(curr));
    for (int32_t next = 0; next < size; curr = next, next++) {
      const float3 dir_next = normalize(pos(curr) - pos(next));
      const float angle = std::max(angle_normalized(dir_prev, dir_next), FLT_EPSILON);
      const int32_t v = corner_verts[start + curr];
      accum[v] += angle;
      const bool skip = !non_manifold.empty() && (non_manifold[corner_edges[start + curr]] ||
                                                  non_manifold[corner_edges[start + next]]);
      angles[v] += (skip ? 1.0f : shell_distance(vert_normals[v], face_normals[f])) * angle;
      dir_prev = dir_next;
    }
  }
  for (int32_t v = 0; v < mesh.verts_num; v++) {
    angles[v] = accum[v] != 0.0f ? angles[v] / accum[v] : 0.0f;
  }
  return angles;
}

}  // namespace

dna::Mesh mesh_solidify(const dna::Mesh &mesh, const SolidifyParams &params)
{
  const int32_t nv = mesh.verts_num, ne = mesh.edges_num, nf = mesh.faces_num;
  const int32_t nc = mesh.corners_num;
  const std::span<const int2> src_edges = kernel::mesh_edges(mesh);
  const std::span<const int32_t> src_offsets = kernel::mesh_face_offsets(mesh);
  const std::span<const int32_t> src_verts = kernel::mesh_corner_verts(mesh);
  const std::span<const int32_t> src_corner_edges = kernel::mesh_corner_edges(mesh);
  const bool do_rim = params.use_rim;
  const bool do_shell = !(do_rim && params.use_rim_only);
  const int32_t stride = do_shell ? 2 : 1;
  const float ofs_orig = -(((-params.offset + 1.0f) * 0.5f) * params.thickness);
  const float ofs_new = params.thickness + ofs_orig;

  /* Boundary edges (one face) and, per such edge, the face and where it runs in it. */
  std::vector<int64_t> edge_users;
  std::vector<int32_t> edge_order, rim_edges, rim_verts, rim_index;
  if (do_rim) {
    edge_users.assign(size_t(ne), kUnused);
    edge_order.assign(size_t(ne), 0);
    for (int32_t f = 0; f < nf; f++) {
      const int32_t start = src_offsets[f], size = src_offsets[f + 1] - start;
      for (int32_t j = 0; j < size; j++) {
        const int32_t prev = start + (j + size - 1) % size;
        const int32_t e = src_corner_edges[prev];
        if (edge_users[e] == kUnused) {
          /* A face running the edge from its higher vertex to its lower one owns it as is;
           * the other way round the rim quad is flipped. */
          const bool same = (src_verts[prev] > src_verts[start + j]) ==
                            (src_edges[e].x < src_edges[e].y);
          edge_users[e] = same ? f : int64_t(f) + nf;
          edge_order[e] = j;
        }
        else {
          edge_users[e] = kPair;
        }
      }
    }
    std::vector<bool> tagged(size_t(nv), false);
    for (int32_t e = 0; e < ne; e++) {
      if (edge_users[e] >= 0) {
        tagged[src_edges[e].x] = tagged[src_edges[e].y] = true;
        rim_edges.push_back(e);
      }
    }
    rim_index.assign(size_t(nv), -1);
    for (int32_t v = 0; v < nv; v++) {
      if (tagged[v]) {
        rim_index[v] = int32_t(rim_verts.size());
        rim_verts.push_back(v);
      }
    }
  }
  const int32_t rim_faces = int32_t(rim_edges.size()), rim_vert_num = int32_t(rim_verts.size());
  const int32_t new_verts = do_shell ? 0 : rim_vert_num;
  const int32_t new_edges = do_shell ? 0 : rim_faces;
  const int64_t total_v = int64_t(nv) * stride + new_verts;
  const int64_t total_e = int64_t(ne) * stride + new_edges + rim_vert_num;
  const int64_t total_f = int64_t(nf) * stride + rim_faces;
  const int64_t total_c = int64_t(nc) * stride + int64_t(rim_faces) * 4;
  check_result_size("Solidify", mesh, total_v, total_e, total_f, total_c);

  std::vector<int32_t> vert_map(static_cast<size_t>(total_v)), edge_map(size_t(total_e), -1);
  std::vector<int32_t> face_map(static_cast<size_t>(total_f));
  std::vector<int32_t> corner_map(static_cast<size_t>(total_c));
  for (int32_t v = 0; v < nv; v++) {
    vert_map[v] = v;
    if (do_shell) {
      vert_map[size_t(nv) + v] = v;
    }
  }
  for (int32_t i = 0; i < new_verts; i++) {
    vert_map[size_t(nv) + i] = rim_verts[i];
  }
  for (int32_t e = 0; e < ne; e++) {
    edge_map[e] = e;
    if (do_shell) {
      edge_map[size_t(ne) + e] = e;
    }
  }
  for (int32_t i = 0; i < new_edges; i++) {
    edge_map[size_t(ne) + i] = rim_edges[i];
  }
  for (int32_t f = 0; f < nf; f++) {
    face_map[f] = f;
    if (do_shell) {
      face_map[size_t(nf) + f] = f;
    }
  }
  for (int32_t c = 0; c < nc; c++) {
    corner_map[c] = c;
  }
  if (do_shell) {
    for (int32_t f = 0; f < nf; f++) {
      const int32_t start = src_offsets[f], size = src_offsets[f + 1] - start;
      for (int32_t k = 0; k < size; k++) {
        corner_map[size_t(nc) + start + k] = k == 0 ? start : start + size - k;
      }
    }
  }
  /* Rim quads: the face's corners at the edge's end, start, start, end. */
  const size_t rim_face_start = size_t(nf) * stride, rim_corner_start = size_t(nc) * stride;
  for (int32_t i = 0; i < rim_faces; i++) {
    const int32_t e = rim_edges[i];
    const int32_t f = int32_t(edge_users[e] % nf);
    const int32_t start = src_offsets[f], size = src_offsets[f + 1] - start;
    const int32_t k1 = start + (edge_order[e] - 1 + size) % size, k2 = start + edge_order[e];
    face_map[rim_face_start + i] = f;
    const int32_t data[4] = {k2, k1, k1, k2};
    std::copy_n(data, 4, corner_map.begin() + rim_corner_start + size_t(i) * 4);
  }

  dna::Mesh result = mesh_new_like(mesh);
  gather_domain(mesh, result, AttrDomain::Point, vert_map);
  gather_domain(mesh, result, AttrDomain::Edge, edge_map);
  gather_domain(mesh, result, AttrDomain::Face, face_map);
  gather_domain(mesh, result, AttrDomain::Corner, corner_map);

  std::span<int2> edges = kernel::mesh_edges_for_write(result);
  std::span<int32_t> corner_verts = kernel::mesh_corner_verts_for_write(result);
  std::span<int32_t> corner_edges = kernel::mesh_corner_edges_for_write(result);
  if (total_f) {
    result.face_offsets = SharedArray<int32_t>(size_t(total_f) + 1, int32_t(total_c));
  }
  std::span<int32_t> offsets = result.face_offsets.mutable_span();
  for (int32_t f = 0; f < nf; f++) {
    offsets[f] = src_offsets[f];
  }
  if (do_shell) {
    for (int32_t e = 0; e < ne; e++) {
      edges[size_t(ne) + e] = {src_edges[e].x + nv, src_edges[e].y + nv};
    }
    tbb::parallel_for(0, nf, [&](int32_t f) {
      const int32_t start = src_offsets[f], size = src_offsets[f + 1] - start;
      offsets[size_t(nf) + f] = start + nc;
      for (int32_t k = 0; k < size; k++) {
        const int32_t next = k + 1 < size ? start + size - k - 1 : start;
        corner_verts[size_t(nc) + start + k] += nv;
        corner_edges[size_t(nc) + start + k] = src_corner_edges[next] + ne;
      }
    });
  }
  else {
    for (int32_t i = 0; i < new_edges; i++) {
      const int2 e = src_edges[rim_edges[i]];
      edges[size_t(ne) + i] = {rim_index[e.x] + nv, rim_index[e.y] + nv};
    }
  }

  if (do_rim) {
    const size_t rim_edge_start = size_t(ne) * stride + new_edges;
    for (int32_t i = 0; i < rim_vert_num; i++) {
      edges[rim_edge_start + i] = {rim_verts[i], (do_shell ? rim_verts[i] : i) + nv};
    }
    auto copy_of = [&](int32_t v) { return (do_shell ? v : rim_index[v]) + nv; };
    auto rim_edge = [&](int32_t v) { return int32_t(rim_edge_start) + rim_index[v]; };
    for (int32_t i = 0; i < rim_faces; i++) {
      const int32_t e = rim_edges[i];
      const bool flip = edge_users[e] >= nf;
      const int32_t a = flip ? src_edges[e].y : src_edges[e].x;
      const int32_t b = flip ? src_edges[e].x : src_edges[e].y;
      const size_t c = rim_corner_start + size_t(i) * 4;
      const int32_t copied_edge = (do_shell ? e : i) + ne;
      const int32_t verts[4] = {a, b, copy_of(b), copy_of(a)};
      const int32_t vedges[4] = {e, rim_edge(b), copied_edge, rim_edge(a)};
      std::copy_n(verts, 4, corner_verts.begin() + c);
      std::copy_n(vedges, 4, corner_edges.begin() + c);
      offsets[rim_face_start + i] = int32_t(c);
    }
  }

  /* Materials: shells and rims shifted, only for objects with several materials. */
  const int max_index = params.material_count < 0 ? INT32_MAX : params.material_count - 1;
  const int shell_ofs = max_index > 0 ? params.material_offset : 0;
  const int rim_ofs = max_index > 0 ? params.material_offset_rim : 0;
  if ((shell_ofs && do_shell) || (rim_ofs && rim_faces)) {
    if (!result.attributes.find("material_index")) {
      kernel::attribute_add(result.attributes, "material_index", AttrDomain::Face,
                            dna::AttrType::Int, total_f);
    }
    std::span<int32_t> materials =
        result.attributes.find("material_index")->mutable_span<int32_t>();
    auto shift = [&](size_t begin, size_t end, int ofs) {
      for (size_t f = begin; f < end && ofs; f++) {
        materials[f] = std::clamp(int(int64_t(materials[f]) + ofs), 0, max_index);
      }
    };
    if (do_shell) {
      shift(size_t(nf), size_t(nf) * 2, shell_ofs);
    }
    shift(rim_face_start, size_t(total_f), rim_ofs);
  }

  /* Offsets along the vertex normals. */
  std::vector<bool> non_manifold;
  std::vector<float3> hq_normals;
  if (params.use_quality_normals) {
    hq_normals = quality_normals(mesh, non_manifold);
  }
  const std::span<const float3> normals = params.use_quality_normals ?
                                              std::span<const float3>(hq_normals) :
                                              kernel::mesh_vert_normals(mesh);
  std::vector<float> factors;
  if (params.use_even_offset) {
    factors = even_factors(mesh, normals, non_manifold);
  }
  std::span<float3> positions = kernel::mesh_positions_for_write(result);
  auto apply = [&](bool test, float ofs) {
    if (ofs == 0.0f) {
      return;
    }
    const bool first_half = ((ofs_new >= ofs_orig) == params.use_flip_normals) == test;
    const bool align = first_half || do_shell;
    const int32_t count = align ? nv : new_verts;
    const size_t base = first_half ? 0 : size_t(nv);
    tbb::parallel_for(0, count, [&](int32_t i) {
      const int32_t v = align ? i : rim_verts[i];
      const float scale = params.use_even_offset ? ofs * factors[v] : ofs;
      if (!params.use_even_offset || factors[v] != 0.0f) {
        positions[base + i] = positions[base + i] + normals[v] * scale;
      }
    });
  };
  apply(false, ofs_new);
  apply(true, ofs_orig);
  mesh_finish(result);
  return result;
}

}  // namespace whisk::geometry
