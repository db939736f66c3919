// Displace without a texture (see mesh_displace.hh).

#include "whisk/geometry/mesh_displace.hh"

#include <algorithm>

#include "mesh_result.hh"
#include "whisk/kernel/mesh.hh"

namespace whisk::geometry {

namespace {

using Direction = DisplaceParams::Direction;

/** Per-vertex factor from the vertex group, or empty when no group applies. */
std::vector<float> group_weights(const dna::Mesh &mesh, const DisplaceParams &params)
{
  if (params.vertex_group.empty()) {
    return {};
  }
  const auto &names = mesh.vertex_group_names;
  const auto it = std::find(names.begin(), names.end(), params.vertex_group);
  if (it == names.end()) {
    return {};
  }
  const int32_t group = int32_t(it - names.begin());
  std::vector<float> weights(static_cast<size_t>(mesh.verts_num), 0.0f);
  for (size_t v = 0; v < weights.size() && v < mesh.deform_verts.size(); v++) {
    for (const dna::DeformWeight &dw : mesh.deform_verts[v]) {
      if (dw.group == group) {
        weights[v] = dw.weight;
      }
    }
  }
  if (params.invert_vertex_group) {
    for (float &w : weights) {
      w = 1.0f - w;
    }
  }
  return weights;
}

/** Corner normals summed per vertex and normalized. */
std::vector<float3> custom_vertex_normals(const dna::Mesh &mesh)
{
  const std::span<const float3> corner_normals = kernel::mesh_corner_normals(mesh);
  const std::span<const int32_t> corner_verts = kernel::mesh_corner_verts(mesh);
  std::vector<float3> normals(static_cast<size_t>(mesh.verts_num));
  for (size_t c = 0; c < corner_verts.size(); c++) {
    normals[size_t(corner_verts[c])] = normals[size_t(corner_verts[c])] + corner_normals[c];
  }
  for (float3 &n : normals) {
    n = normalize(n);
  }
  return normals;
}

}  // namespace

void mesh_displace(dna::Mesh &mesh, const DisplaceParams &params)
{
  if (params.direction == Direction::RGBToXYZ || mesh.verts_num == 0) {
    return; /* the texture's color is the only input of RGB to XYZ */
  }
  const float delta = (1.0f - params.mid_level) * params.strength;
  const std::vector<float> weights = group_weights(mesh, params);
  if (!weights.empty() && mesh.deform_verts.empty()) {
    return; /* as Blender: a group that no vertex is in moves nothing, inverted or not */
  }

  std::span<const float3> normals;
  std::vector<float3> custom;
  float3 axis;
  switch (params.direction) {
    case Direction::Normal: normals = kernel::mesh_vert_normals(mesh); break;
    case Direction::CustomNormal:
      if (mesh.use_auto_smooth) {
        custom = custom_vertex_normals(mesh);
        normals = custom;
      }
      else {
        normals = kernel::mesh_vert_normals(mesh);
      }
      break;
    default: {
      const int a = int(params.direction) - int(Direction::X);
      if (params.global_space && params.object_to_world) {
        const float4x4 &m = *params.object_to_world;
        axis = {m.m[0][a], m.m[1][a], m.m[2][a]};
      }
      else {
        axis[a] = 1.0f;
      }
      break;
    }
  }
  /* Copy the normals first: writing positions invalidates the cached ones. */
  std::vector<float3> directions(normals.begin(), normals.end());
  std::span<float3> positions = kernel::mesh_positions_for_write(mesh);
  mesh_result::parallel_range(mesh.verts_num, 4096, [&](const int64_t v) {
    const float d = weights.empty() ? delta : delta * weights[size_t(v)];
    if (d == 0.0f) {
      return;
    }
    const float3 dir = directions.empty() ? axis : directions[size_t(v)];
    positions[size_t(v)] = positions[size_t(v)] + dir * d;
  });
  kernel::mesh_tag_positions_changed(mesh);
}

}  // namespace whisk::geometry
