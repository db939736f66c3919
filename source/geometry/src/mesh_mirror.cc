// The Mirror modifier (see mesh_mirror.hh), rebuilt from what Blender 3.4 outputs.
//
// Per enabled axis: the mesh is (optionally) bisected, then doubled. The copy's vertices,
// edges and faces follow the originals in the same order; each copied face keeps its first
// corner and reverses the others (so quads split the same way on both sides). A vertex whose
// image lies within the merge threshold is moved with it to their midpoint and the copy is
// merged into the original (mesh_merge_verts, dropping faces whose vertices all merged).

#include "whisk/geometry/mesh_mirror.hh"

#include <tbb/parallel_for.h>

#include <cctype>
#include <cmath>

#include "mesh_modifier_util.hh"
#include "whisk/kernel/mesh.hh"

namespace whisk::geometry {

using namespace detail;

dna::Mesh mesh_mirror_bisect(const dna::Mesh &mesh, float3 plane_no, float plane_d, float eps);

std::string flip_side_name(std::string_view from, bool strip_number)
{
  /* Group names hold at most 63 bytes. */
  std::string name(from.substr(0, 63));
  if (name.size() < 3) {
    return name;
  }
  auto digit = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; };
  std::string number;
  if (digit(name.back())) {
    const size_t dot = name.rfind('.');
    if (dot != std::string::npos && dot + 1 < name.size() && digit(name[dot + 1])) {
      if (!strip_number) {
        number = name.substr(dot);
      }
      name.resize(dot);
    }
  }
  const size_t len = name.size();
  auto separator = [](char c) { return c == '.' || c == ' ' || c == '-' || c == '_'; };
  auto other_side = [](char c) -> char {
    switch (c) {
      case 'l': return 'r';
      case 'r': return 'l';
      case 'L': return 'R';
      case 'R': return 'L';
      default: return 0;
    }
  };
  /* "arm.L": a separator then the side letter at the end. */
  if (len > 1 && separator(name[len - 2]) && other_side(name[len - 1])) {
    return name.substr(0, len - 1) + other_side(name[len - 1]) + number;
  }
  /* "L.arm": the side letter then a separator at the start. */
  if (len > 1 && separator(name[1]) && other_side(name[0])) {
    return other_side(name[0]) + name.substr(1) + number;
  }
  /* "Left..." or "...Left" (any case; only the first occurrence counts). */
  if (len > 5) {
    std::string lower = name;
    for (char &c : lower) {
      c = char(std::tolower(static_cast<unsigned char>(c)));
    }
    const size_t right = lower.find("right");
    if (right != std::string::npos && (right == 0 || right == len - 5)) {
      const char *repl = name[right] == 'r' ? "left" : name[right + 1] == 'I' ? "LEFT" : "Left";
      return name.substr(0, right) + repl + name.substr(right + 5) + number;
    }
    const size_t left = lower.find("left");
    if (left != std::string::npos && (left == 0 || left == len - 4)) {
      const char *repl = name[left] == 'l' ? "right" : name[left + 1] == 'E' ? "RIGHT" : "Right";
      return name.substr(0, left) + repl + name.substr(left + 4) + number;
    }
  }
  return name + number;
}

namespace {

/** For each vertex group, the index of its other side's group (-1: none). */
std::vector<int32_t> group_flip_map(const std::vector<std::string> &names)
{
  std::vector<int32_t> map(names.size(), -1);
  for (size_t i = 0; i < names.size(); i++) {
    if (map[i] != -1) {
      continue;
    }
    const std::string flipped = flip_side_name(names[i]);
    if (flipped == names[i]) {
      continue;
    }
    const auto it = std::ranges::find(names, flipped);
    if (it != names.end()) {
      map[i] = int32_t(it - names.begin());
      map[size_t(map[i])] = int32_t(i);
    }
  }
  return map;
}

void flip_weights(std::vector<dna::DeformWeight> &weights, const std::vector<int32_t> &map)
{
  for (dna::DeformWeight &dw : weights) {
    if (dw.group >= 0 && size_t(dw.group) < map.size() && map[dw.group] >= 0) {
      dw.group = map[dw.group];
    }
  }
}

/** A vertex merged with its image belongs to both sides: each group and its flipped group
 * get the mean of their two weights (a group missing on one side counts as 0). */
void flip_weights_merged(std::vector<dna::DeformWeight> &weights, const std::vector<int32_t> &map)
{
  const size_t count = weights.size();
  for (size_t i = 0; i < count; i++) {
    const int32_t group = weights[i].group;
    if (group < 0 || size_t(group) >= map.size() || map[group] < 0) {
      continue;
    }
    size_t other = 0;
    while (other < weights.size() && weights[other].group != map[group]) {
      other++;
    }
    if (other == weights.size()) {
      weights.push_back({map[group], 0.0f});
    }
    const float mean = 0.5f * (weights[other].weight + weights[i].weight);
    weights[other].weight = mean;
    weights[i].weight = mean;
  }
}

float mirror_uv(float value, bool udim, float offset)
{
  return udim ? std::ceil(value) - std::fmod(value, 1.0f) + offset : 1.0f - value + offset;
}

dna::Mesh mirror_on_axis(const dna::Mesh &input, const MirrorParams &params, int axis)
{
  float4x4 mtx = float4x4::identity();
  mtx.m[axis][axis] = -1.0f;
  const bool bisect = params.use_bisect_axis[axis];
  float3 plane_co{}, plane_no{};
  if (params.use_mirror_object) {
    const float4x4 &to_object = params.mirror_matrix;
    mtx = to_object * mtx * invert(to_object);
    plane_co = to_object.translation();
    plane_no = {to_object.m[axis][0], to_object.m[axis][1], to_object.m[axis][2]};
    /* The object's non-uniform scale tilts the plane as Blender does it. */
    float3 scale;
    for (int c = 0; c < 3; c++) {
      const float3 col{params.object_matrix.m[c][0], params.object_matrix.m[c][1],
                       params.object_matrix.m[c][2]};
      scale[c] = length_squared(col);
    }
    const float scale_max = std::max({scale.x, scale.y, scale.z});
    if (scale_max != 0.0f) {
      plane_no = plane_no * (scale * (1.0f / scale_max));
    }
  }
  else {
    plane_no[axis] = 1.0f;
  }
  dna::Mesh bisected;
  const dna::Mesh *mesh = &input;
  if (bisect) {
    /* Without flip the kept side is the positive one: the cut removes what the plane's
     * negated normal points into. */
    const float3 n = params.use_bisect_flip_axis[axis] ? plane_no : -plane_no;
    bisected = mesh_mirror_bisect(input, n, -dot(n, plane_co), params.bisect_threshold);
    mesh = &bisected;
  }

  const int32_t nv = mesh->verts_num, ne = mesh->edges_num, nf = mesh->faces_num;
  const int32_t nc = mesh->corners_num;
  check_result_size("Mirror", *mesh, int64_t(nv) * 2, int64_t(ne) * 2, int64_t(nf) * 2,
                    int64_t(nc) * 2);
  auto twice = [](int32_t n) {
    std::vector<int32_t> map(size_t(n) * 2);
    for (int32_t i = 0; i < n; i++) {
      map[i] = map[size_t(n) + i] = i;
    }
    return map;
  };
  const std::span<const int32_t> src_offsets = kernel::mesh_face_offsets(*mesh);
  std::vector<int32_t> corner_map = twice(nc);
  for (int32_t f = 0; f < nf; f++) {
    const int32_t start = src_offsets[f], size = src_offsets[f + 1] - start;
    for (int32_t k = 1; k < size; k++) {
      corner_map[size_t(nc) + start + k] = start + size - k;
    }
  }
  dna::Mesh result = mesh_new_like(*mesh);
  gather_domain(*mesh, result, AttrDomain::Point, twice(nv));
  gather_domain(*mesh, result, AttrDomain::Edge, twice(ne));
  gather_domain(*mesh, result, AttrDomain::Face, twice(nf));
  gather_domain(*mesh, result, AttrDomain::Corner, corner_map);

  std::span<float3> positions = kernel::mesh_positions_for_write(result);
  const bool merge = params.use_mirror_merge;
  const float tolerance_sq = params.merge_threshold * params.merge_threshold;
  std::vector<int32_t> targets(merge ? size_t(nv) * 2 : 0, -1);
  int64_t merged = 0;
  for (int32_t v = 0; v < nv; v++) {
    float3 &image = positions[size_t(nv) + v];
    image = transform_point(mtx, image);
    if (merge && length_squared(positions[v] - image) < tolerance_sq) {
      targets[size_t(nv) + v] = v;
      merged++;
      const float3 mid = (positions[v] + image) * 0.5f;
      image = positions[v] = mid;
    }
  }
  for (int2 &e : kernel::mesh_edges_for_write(result).subspan(size_t(ne))) {
    e = {e.x + nv, e.y + nv};
  }
  std::span<int32_t> corner_verts = kernel::mesh_corner_verts_for_write(result);
  std::span<int32_t> corner_edges = kernel::mesh_corner_edges_for_write(result);
  const std::span<const int32_t> src_edges = kernel::mesh_corner_edges(*mesh);
  if (nf) {
    result.face_offsets = SharedArray<int32_t>(size_t(nf) * 2 + 1, 0);
  }
  std::span<int32_t> offsets = result.face_offsets.mutable_span();
  tbb::parallel_for(0, nf, [&](int32_t f) {
    const int32_t start = src_offsets[f], size = src_offsets[f + 1] - start;
    offsets[f] = start;
    offsets[size_t(nf) + f] = start + nc;
    /* Corner k of the reversed face runs along the edge the source corner after it began. */
    for (int32_t k = 0; k < size; k++) {
      const int32_t next = k + 1 < size ? start + size - k - 1 : start;
      corner_verts[size_t(nc) + start + k] += nv;
      corner_edges[size_t(nc) + start + k] = src_edges[next] + ne;
    }
  });
  if (nf) {
    offsets[size_t(nf) * 2] = nc * 2;
  }

  const bool mirror_uvs = params.use_mirror_u || params.use_mirror_v ||
                          params.offset_u != 0.0f || params.offset_v != 0.0f;
  if (mirror_uvs) {
    for (const std::string &name : uv_map_names(result)) {
      std::span<float2> uvs = result.attributes.find(name)->mutable_span<float2>();
      for (float2 &uv : uvs.subspan(size_t(nc))) {
        if (params.use_mirror_u) {
          uv.x = mirror_uv(uv.x, params.use_mirror_udim, params.mirror_offset_u);
        }
        if (params.use_mirror_v) {
          uv.y = mirror_uv(uv.y, params.use_mirror_udim, params.mirror_offset_v);
        }
        uv = uv + float2(params.offset_u, params.offset_v);
      }
    }
  }

  if (params.use_mirror_vertex_groups && !result.deform_verts.empty()) {
    const std::vector<int32_t> flip = group_flip_map(result.vertex_group_names);
    for (int32_t v = 0; v < nv; v++) {
      if (merge && targets[size_t(nv) + v] != -1) {
        flip_weights_merged(result.deform_verts[size_t(v)], flip);
      }
      else {
        flip_weights(result.deform_verts[size_t(nv) + v], flip);
      }
    }
  }
  mesh_finish(result);
  if (merged == 0) {
    return result;
  }
  return mesh_merge_verts(result, targets, MergeMode::DumpIfMapped);
}

}  // namespace

dna::Mesh mesh_mirror(const dna::Mesh &mesh, const MirrorParams &params)
{
  dna::Mesh result = mesh_copy(mesh);
  for (int axis = 0; axis < 3; axis++) {
    if (params.use_axis[axis]) {
      result = mirror_on_axis(result, params, axis);
    }
  }
  return result;
}

}  // namespace whisk::geometry
