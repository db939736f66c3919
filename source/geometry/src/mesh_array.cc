// The Array modifier (see mesh_array.hh), rebuilt from what Blender 3.4 outputs.
//
// Layout of the result before merging: `count` copies of the mesh (each domain in copy
// order), then the start cap, then the end cap. Copy c is the mesh transformed by the
// offset matrix multiplied c times. Merging maps vertices of copy c onto copy c-1 (found by
// a scan over vertices sorted by the sum of their coordinates, as Blender does, so that the
// same vertex wins ties), the first copy onto the last, and the caps onto the first and
// last copies; then mesh_merge_verts removes the merged vertices.

#include "whisk/geometry/mesh_array.hh"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <numeric>
#include <unordered_map>

#include "mesh_modifier_util.hh"
#include "whisk/base/error.hh"
#include "whisk/kernel/mesh.hh"

namespace whisk::geometry {

using namespace detail;

namespace {

/** Blender's limit on vertices made by a fit length (about 67 million). */
constexpr int64_t kMaxFitVerts = int64_t(1) << 26;

/** Maps each not yet mapped vertex of the source range onto the nearest vertex of the target
 * range within `dist` (following the target's own mapping while it stays within `dist`).
 *
 * Blender scans the targets sorted by the sum of their coordinates, in a window of sums
 * around each source's, keeping the last of the nearest. The same choice comes here from a
 * hash grid of cells `dist` wide (still within that window, ties to the later sorted
 * position), which stays linear where many vertices share a sum (a plane across the
 * (1, 1, 1) diagonal, say), where the scan is quadratic. */
void map_doubles(std::vector<int32_t> &map, std::span<const float3> positions, int32_t target,
                 int32_t target_num, int32_t source, int32_t source_num, float dist)
{
  if (target_num <= 0 || source_num <= 0 || !(dist >= 0.0f)) {
    return;
  }
  const float dist3 = (1.7320508075688772f + 0.00005f) * dist;
  const float cell = dist > 0.0f ? dist : 1.0f;
  auto sum = [](float3 co) { return co.x + co.y + co.z; };
  auto index = [&](float v) -> int64_t {
    const float f = std::floor(v / cell);
    /* Far-off and non-finite coordinates share edge cells (never undefined conversions). */
    return std::abs(f) < 1e15f ? int64_t(f) : (f > 0.0f ? int64_t(1e15) : -int64_t(1e15));
  };
  auto cell_of = [&](float3 co, int dx, int dy, int dz) {
    const int64_t x = index(co.x) + dx, y = index(co.y) + dy, z = index(co.z) + dz;
    return uint64_t(x * 73856093) ^ uint64_t(y * 19349663) ^ uint64_t(z * 83492791);
  };
  /* Sorted position of each target (stable, like glibc's merge-sort qsort). */
  std::vector<int32_t> order(static_cast<size_t>(target_num));
  std::iota(order.begin(), order.end(), target);
  std::stable_sort(order.begin(), order.end(), [&](int32_t a, int32_t b) {
    return sum(positions[a]) < sum(positions[b]);
  });
  std::vector<int32_t> rank(static_cast<size_t>(target_num));
  for (int32_t i = 0; i < target_num; i++) {
    rank[order[i] - target] = i;
  }
  std::unordered_multimap<uint64_t, int32_t> grid;
  grid.reserve(size_t(target_num));
  for (int32_t t = target; t < target + target_num; t++) {
    grid.emplace(cell_of(positions[t], 0, 0, 0), t);
  }
  /* Sources in order of their sums, as Blender visits them (it matters through `map`). */
  std::vector<int32_t> sources(static_cast<size_t>(source_num));
  std::iota(sources.begin(), sources.end(), source);
  std::stable_sort(sources.begin(), sources.end(), [&](int32_t a, int32_t b) {
    return sum(positions[a]) < sum(positions[b]);
  });
  const float dist_sq = dist * dist;
  for (const int32_t s : sources) {
    if (map[s] != -1) {
      continue;
    }
    const float3 co = positions[s];
    const float s_sum = sum(co);
    int32_t best = -1, best_rank = -1;
    float best_dist_sq = dist_sq;
    for (int dx = -1; dx <= 1; dx++) {
      for (int dy = -1; dy <= 1; dy++) {
        for (int dz = -1; dz <= 1; dz++) {
          const auto range = grid.equal_range(cell_of(co, dx, dy, dz));
          for (auto it = range.first; it != range.second; ++it) {
            const int32_t t = it->second;
            const float t_sum = sum(positions[t]);
            if (t_sum < s_sum - dist3 || t_sum > s_sum + dist3) {
              continue;
            }
            const float d = length_squared(co - positions[t]);
            const int32_t r = rank[t - target];
            if (d < best_dist_sq || (d == best_dist_sq && d <= dist_sq && r > best_rank)) {
              best_dist_sq = d;
              best = t;
              best_rank = r;
            }
          }
        }
      }
    }
    while (best != -1 && map[best] != -1 && map[best] != best) {
      best = length_squared(co - positions[map[best]]) <= dist_sq ? map[best] : -1;
    }
    map[s] = best;
  }
}

float3 bounds_size(std::span<const float3> positions)
{
  float3 lo{FLT_MAX, FLT_MAX, FLT_MAX}, hi{-FLT_MAX, -FLT_MAX, -FLT_MAX};
  for (const float3 &p : positions) {
    for (int a = 0; a < 3; a++) {
      lo[a] = std::min(lo[a], p[a]);
      hi[a] = std::max(hi[a], p[a]);
    }
  }
  return hi - lo;
}

int copy_count(const ArrayParams &params, const float4x4 &offset, int64_t chunk_verts,
               int64_t cap_verts)
{
  if (params.fit_type == ArrayParams::FitType::FixedCount) {
    return std::max(params.count, 1);
  }
  const float eps = 1e-6f;
  const float dist = length(offset.translation());
  if (!(dist > eps)) {
    /* No translation: Blender makes a single copy (and reports the offset as too small). */
    return 1;
  }
  const double count = std::floor(double((params.fit_length + eps) / dist + 1.0f));
  if (!(count * double(chunk_verts) + double(cap_verts) <= double(kMaxFitVerts))) {
    raise(ErrorKind::Value, "Array: the offset (", dist, ") is too small for fit length ",
          params.fit_length, ": it would take ", count, " copies");
  }
  return count < 1.0 ? 1 : int(count);
}

/** Places a cap's elements at the given element offsets of `result`, transformed. */
void copy_cap(dna::Mesh &result, const dna::Mesh &cap, const float4x4 &matrix, int32_t v_ofs,
              int32_t e_ofs, int32_t f_ofs, int32_t c_ofs)
{
  const std::pair<AttrDomain, int32_t> ranges[] = {{AttrDomain::Point, v_ofs},
                                                   {AttrDomain::Edge, e_ofs},
                                                   {AttrDomain::Face, f_ofs},
                                                   {AttrDomain::Corner, c_ofs}};
  for (const auto &attribute : result.attributes.attributes) {
    const dna::Attribute *source = cap.attributes.find(attribute->name);
    if (!source || source->type != attribute->type || source->domain != attribute->domain) {
      continue;
    }
    for (const auto &[domain, ofs] : ranges) {
      if (domain == attribute->domain) {
        const size_t elem = dna::attr_type_size(attribute->type);
        std::ranges::copy(source->data.span(),
                          attribute->data.mutable_span().begin() + size_t(ofs) * elem);
      }
    }
  }
  std::span<float3> positions = kernel::mesh_positions_for_write(result);
  for (int32_t v = 0; v < cap.verts_num; v++) {
    positions[v_ofs + v] = transform_point(matrix, positions[v_ofs + v]);
  }
  for (int2 &e : kernel::mesh_edges_for_write(result).subspan(e_ofs, size_t(cap.edges_num))) {
    e = {e.x + v_ofs, e.y + v_ofs};
  }
  const auto corners = size_t(cap.corners_num);
  for (int32_t &v : kernel::mesh_corner_verts_for_write(result).subspan(c_ofs, corners)) {
    v += v_ofs;
  }
  for (int32_t &e : kernel::mesh_corner_edges_for_write(result).subspan(c_ofs, corners)) {
    e += e_ofs;
  }
  std::span<int32_t> offsets = result.face_offsets.mutable_span();
  const std::span<const int32_t> cap_offsets = kernel::mesh_face_offsets(cap);
  for (int32_t f = 0; f < cap.faces_num; f++) {
    offsets[f_ofs + f] = cap_offsets[f] + c_ofs;
  }
  /* Vertex groups by name; weights in groups the mesh lacks are dropped. */
  if (!result.deform_verts.empty()) {
    std::vector<int32_t> group_map;
    for (const std::string &name : cap.vertex_group_names) {
      const auto it = std::ranges::find(result.vertex_group_names, name);
      group_map.push_back(it == result.vertex_group_names.end() ?
                              -1 :
                              int32_t(it - result.vertex_group_names.begin()));
    }
    for (int32_t v = 0; v < cap.verts_num; v++) {
      std::vector<dna::DeformWeight> &out = result.deform_verts[size_t(v_ofs + v)];
      out.clear();
      if (size_t(v) < cap.deform_verts.size()) {
        for (const dna::DeformWeight &dw : cap.deform_verts[size_t(v)]) {
          if (dw.group >= 0 && size_t(dw.group) < group_map.size() && group_map[dw.group] >= 0) {
            out.push_back({group_map[dw.group], dw.weight});
          }
        }
      }
    }
  }
}

}  // namespace

dna::Mesh mesh_array(const dna::Mesh &mesh, const ArrayParams &params)
{
  const int32_t nv = mesh.verts_num, ne = mesh.edges_num, nf = mesh.faces_num;
  const int32_t nc = mesh.corners_num;
  if (nv == 0) {
    return mesh_copy(mesh);
  }
  const std::span<const float3> src_positions = kernel::mesh_positions(mesh);

  float4x4 offset = float4x4::identity();
  if (params.use_relative_offset) {
    const float3 size = bounds_size(src_positions);
    for (int a = 0; a < 3; a++) {
      offset.m[3][a] += params.relative_offset_displace[a] * size[a];
    }
  }
  if (params.use_constant_offset) {
    for (int a = 0; a < 3; a++) {
      offset.m[3][a] += params.constant_offset_displace[a];
    }
  }
  bool offset_has_scale = false;
  if (params.use_object_offset) {
    offset = offset * params.offset_matrix;
    for (int c = 0; c < 3; c++) {
      const float3 column{offset.m[c][0], offset.m[c][1], offset.m[c][2]};
      offset_has_scale |= length(column) != 1.0f;
    }
  }

  /* Caps without vertices count as none. */
  const dna::Mesh *start_cap = params.start_cap && params.start_cap->verts_num ?
                                   params.start_cap :
                                   nullptr;
  const dna::Mesh *end_cap = params.end_cap && params.end_cap->verts_num ? params.end_cap :
                                                                           nullptr;
  auto cap_size = [&](auto member) {
    return int64_t(start_cap ? start_cap->*member : 0) + int64_t(end_cap ? end_cap->*member : 0);
  };
  const int count = copy_count(params, offset, nv, cap_size(&dna::Mesh::verts_num));
  const int64_t total_v = int64_t(count) * nv + cap_size(&dna::Mesh::verts_num);
  const int64_t total_e = int64_t(count) * ne + cap_size(&dna::Mesh::edges_num);
  const int64_t total_f = int64_t(count) * nf + cap_size(&dna::Mesh::faces_num);
  const int64_t total_c = int64_t(count) * nc + cap_size(&dna::Mesh::corners_num);
  check_result_size("Array", mesh, total_v, total_e, total_f, total_c);

  /* Every copy's elements come from the same source elements; caps are filled later. */
  auto chunk_map = [&](int32_t n, int64_t total) {
    std::vector<int32_t> map(size_t(total), -1);
    tbb::parallel_for(int64_t(0), int64_t(count) * n, int64_t(1) << 14, [&](int64_t begin) {
      const int64_t end = std::min(begin + (int64_t(1) << 14), int64_t(count) * n);
      for (int64_t i = begin; i < end; i++) {
        map[i] = int32_t(i % n);
      }
    });
    return map;
  };
  dna::Mesh result = mesh_new_like(mesh);
  gather_domain(mesh, result, AttrDomain::Point, chunk_map(nv, total_v));
  gather_domain(mesh, result, AttrDomain::Edge, chunk_map(ne, total_e));
  gather_domain(mesh, result, AttrDomain::Face, chunk_map(nf, total_f));
  gather_domain(mesh, result, AttrDomain::Corner, chunk_map(nc, total_c));

  std::vector<float4x4> matrices(static_cast<size_t>(count));
  matrices[0] = float4x4::identity();
  for (int c = 1; c < count; c++) {
    matrices[c] = matrices[c - 1] * offset;
  }
  std::span<float3> positions = kernel::mesh_positions_for_write(result);
  std::span<int2> edges = kernel::mesh_edges_for_write(result);
  std::span<int32_t> corner_verts = kernel::mesh_corner_verts_for_write(result);
  std::span<int32_t> corner_edges = kernel::mesh_corner_edges_for_write(result);
  if (total_f) {
    result.face_offsets = SharedArray<int32_t>(size_t(total_f) + 1, int32_t(total_c));
  }
  std::span<int32_t> face_offsets = result.face_offsets.mutable_span();
  const std::span<const int32_t> src_offsets = kernel::mesh_face_offsets(mesh);
  const std::vector<std::string> uv_names = uv_map_names(result);
  const bool offset_uvs = params.offset_u != 0.0f || params.offset_v != 0.0f;
  tbb::parallel_for(1, count, [&](int c) {
    const float4x4 &matrix = matrices[c];
    for (int32_t v = 0; v < nv; v++) {
      float3 &p = positions[int64_t(c) * nv + v];
      p = transform_point(matrix, p);
    }
    for (int32_t e = 0; e < ne; e++) {
      int2 &edge = edges[int64_t(c) * ne + e];
      edge = {edge.x + c * nv, edge.y + c * nv};
    }
    for (int32_t i = 0; i < nc; i++) {
      corner_verts[int64_t(c) * nc + i] += c * nv;
      corner_edges[int64_t(c) * nc + i] += c * ne;
    }
    for (int32_t f = 0; f < nf; f++) {
      face_offsets[int64_t(c) * nf + f] = src_offsets[f] + c * nc;
    }
  });
  if (nf) {
    std::copy_n(src_offsets.begin(), nf, face_offsets.begin());
  }
  if (offset_uvs && nc) {
    for (const std::string &name : uv_names) {
      std::span<float2> uvs = result.attributes.find(name)->mutable_span<float2>();
      tbb::parallel_for(1, count, [&](int c) {
        const float2 delta{params.offset_u * float(c), params.offset_v * float(c)};
        for (int32_t i = 0; i < nc; i++) {
          uvs[int64_t(c) * nc + i] = uvs[int64_t(c) * nc + i] + delta;
        }
      });
    }
  }

  const bool use_merge = params.use_merge_vertices;
  const float dist = params.merge_threshold;
  std::vector<int32_t> doubles;
  if (use_merge) {
    doubles.assign(size_t(total_v), -1);
    for (int c = 1; c < count; c++) {
      if (!offset_has_scale && c >= 2) {
        /* A rigid offset moves copy c onto c-1 as it moved c-1 onto c-2. */
        for (int32_t k = 0; k < nv; k++) {
          const int64_t self = int64_t(c) * nv + k;
          int32_t target = doubles[self - nv];
          if (target != -1) {
            target += nv;
            while (target != -1 && doubles[target] != -1 && doubles[target] != target) {
              target = length_squared(positions[self] - positions[doubles[target]]) <=
                               dist * dist ?
                           doubles[target] :
                           -1;
            }
          }
          doubles[self] = target;
        }
      }
      else {
        map_doubles(doubles, positions, (c - 1) * nv, nv, c * nv, nv, dist);
      }
    }
    if (params.use_merge_vertices_cap && count > 1) {
      map_doubles(doubles, positions, (count - 1) * nv, nv, 0, nv, dist);
    }
  }

  int32_t v_ofs = count * nv, e_ofs = count * ne, f_ofs = count * nf, c_ofs = count * nc;
  if (start_cap) {
    copy_cap(result, *start_cap, invert(offset), v_ofs, e_ofs, f_ofs, c_ofs);
    if (use_merge) {
      map_doubles(doubles, positions, 0, nv, v_ofs, start_cap->verts_num, dist);
    }
    v_ofs += start_cap->verts_num, e_ofs += start_cap->edges_num;
    f_ofs += start_cap->faces_num, c_ofs += start_cap->corners_num;
  }
  if (end_cap) {
    copy_cap(result, *end_cap, matrices[count - 1] * offset, v_ofs, e_ofs, f_ofs, c_ofs);
    if (use_merge) {
      map_doubles(doubles, positions, (count - 1) * nv, nv, v_ofs, end_cap->verts_num, dist);
    }
  }
  mesh_finish(result);
  if (!use_merge) {
    return result;
  }

  /* Resolve chains (first onto last onto the one before...): each vertex onto its final
   * target, which is not merged itself. */
  int64_t merged = 0;
  for (int64_t v = 0; v < total_v; v++) {
    int32_t target = doubles[v];
    if (target == -1) {
      continue;
    }
    /* Chains end on an unmerged vertex; the step bound only guards against a cycle. */
    for (int64_t steps = 0; doubles[target] != -1 && doubles[target] != target && steps < total_v;
         steps++)
    {
      target = doubles[target];
    }
    doubles[v] = target == v ? -1 : target;
    merged += target != v;
  }
  if (merged == 0) {
    return result;
  }
  return mesh_merge_verts(result, doubles, MergeMode::DumpIfEqual);
}

}  // namespace whisk::geometry
