// mesh_is_valid: the rules mesh_validate enforces, checked without changing anything. Written
// apart from the repair code on purpose, so that tests catch a repair that leaves damage
// behind. Safe on any input: sizes are checked before anything is indexed.

#include <algorithm>
#include <cmath>

#include "mesh_validate.hh"

namespace whisk::kernel {

namespace {

using validate::BUILTINS;

bool storage_valid(const Mesh &mesh)
{
  if (mesh.verts_num < 0 || mesh.edges_num < 0 || mesh.faces_num < 0 || mesh.corners_num < 0) {
    return false;
  }
  const auto &list = mesh.attributes.attributes;
  for (size_t i = 0; i < list.size(); i++) {
    const Attribute &attribute = *list[i];
    if (validate::attribute_unfit(mesh.attributes, i)) {
      return false;
    }
    const size_t bytes = size_t(mesh_domain_size(mesh, attribute.domain)) *
                         dna::attr_type_size(attribute.type);
    if (attribute.data.size() != bytes) {
      return false;
    }
    if (attribute.type == AttrType::Bool &&
        std::ranges::any_of(attribute.data.span(), [](std::byte b) { return b > std::byte(1); }))
    {
      return false;
    }
  }
  for (const validate::Builtin &builtin : BUILTINS) {
    if (builtin.required && mesh_domain_size(mesh, builtin.domain) > 0 &&
        !mesh.attributes.find(builtin.name))
    {
      return false;
    }
  }
  if (!mesh.active_attribute.empty() && !mesh.attributes.find(mesh.active_attribute)) {
    return false;
  }
  return mesh.deform_verts.empty() || mesh.deform_verts.size() == size_t(mesh.verts_num);
}

bool edges_valid(const Mesh &mesh, EdgeHash &hash)
{
  const std::span<const int2> edges = mesh_edges(mesh);
  for (size_t e = 0; e < edges.size(); e++) {
    const int2 edge = edges[e];
    if (edge.x < 0 || edge.x >= mesh.verts_num || edge.y < 0 || edge.y >= mesh.verts_num ||
        edge.x == edge.y || hash.insert(edge.x, edge.y, int32_t(e)) != int32_t(e))
    {
      return false;
    }
  }
  return true;
}

/** Offsets increasing from 0 to corners_num in steps of at least 3, corner vertices and
 * edges in range and consistent, no vertex twice in a face, no two faces on one vertex set. */
bool faces_valid(const Mesh &mesh)
{
  const std::span<const int32_t> offsets = mesh.face_offsets.span();
  if (mesh.faces_num == 0) {
    return offsets.empty() && mesh.corners_num == 0;
  }
  if (offsets.size() != size_t(mesh.faces_num) + 1 || offsets[0] != 0 ||
      offsets.back() != mesh.corners_num)
  {
    return false;
  }
  for (size_t f = 0; f + 1 < offsets.size(); f++) {
    if (int64_t(offsets[f + 1]) - offsets[f] < 3) {
      return false;
    }
  }
  const std::span<const int32_t> corner_verts = mesh_corner_verts(mesh);
  const std::span<const int32_t> corner_edges = mesh_corner_edges(mesh);
  const std::span<const int2> edges = mesh_edges(mesh);
  std::vector<int32_t> vert_stamp(size_t(mesh.verts_num), -1);
  std::vector<std::vector<int32_t>> keys(size_t(mesh.faces_num));
  for (int32_t f = 0; f < mesh.faces_num; f++) {
    const int32_t begin = offsets[size_t(f)], end = offsets[size_t(f) + 1];
    for (int32_t c = begin; c < end; c++) {
      const int32_t v1 = corner_verts[size_t(c)];
      const int32_t v2 = corner_verts[size_t(c + 1 < end ? c + 1 : begin)];
      const int32_t e = corner_edges[size_t(c)];
      if (v1 < 0 || v1 >= mesh.verts_num || vert_stamp[size_t(v1)] == f || e < 0 ||
          e >= mesh.edges_num)
      {
        return false;
      }
      vert_stamp[size_t(v1)] = f;
      if (edges[size_t(e)] != int2(v1, v2) && edges[size_t(e)] != int2(v2, v1)) {
        return false;
      }
    }
    keys[size_t(f)].assign(corner_verts.begin() + begin, corner_verts.begin() + end);
    std::ranges::sort(keys[size_t(f)]);
  }
  std::ranges::sort(keys);
  return std::adjacent_find(keys.begin(), keys.end()) == keys.end();
}

bool values_valid(const Mesh &mesh)
{
  for (const float3 &p : mesh_positions(mesh)) {
    if (!std::isfinite(p.x) || !std::isfinite(p.y) || !std::isfinite(p.z)) {
      return false;
    }
  }
  if (const Attribute *materials = mesh.attributes.find("material_index")) {
    if (std::ranges::any_of(materials->span<int32_t>(), [](int32_t i) { return i < 0; })) {
      return false;
    }
  }
  const int32_t groups = int32_t(mesh.vertex_group_names.size());
  if (mesh.vertex_group_active_index < -1 || mesh.vertex_group_active_index >= groups) {
    return false;
  }
  for (const std::vector<dna::DeformWeight> &weights : mesh.deform_verts) {
    for (const dna::DeformWeight &w : weights) {
      if (w.group < 0 || w.group >= groups || !(w.weight >= 0.0f && w.weight <= 1.0f)) {
        return false;
      }
    }
  }
  return true;
}

}  // namespace

bool mesh_is_valid(const Mesh &mesh)
{
  if (!storage_valid(mesh)) {
    return false; /* the other checks index arrays by the counts */
  }
  EdgeHash hash(size_t(mesh.edges_num) + 1);
  return edges_valid(mesh, hash) && faces_valid(mesh) && values_valid(mesh);
}

}  // namespace whisk::kernel
