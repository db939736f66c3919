// Helpers shared by mesh_subdivide and mesh_triangulate (see mesh_result.hh).

#include "mesh_result.hh"

#include <cstring>

namespace whisk::geometry::mesh_result {

dna::Mesh new_like(const dna::Mesh &src)
{
  dna::Mesh mesh;
  mesh.id.type = dna::IDType::Mesh;
  std::memcpy(mesh.id.name, src.id.name, sizeof(mesh.id.name));
  mesh.materials = src.materials;
  mesh.use_auto_smooth = src.use_auto_smooth;
  mesh.auto_smooth_angle = src.auto_smooth_angle;
  std::memcpy(mesh.texspace_location, src.texspace_location, sizeof(mesh.texspace_location));
  std::memcpy(mesh.texspace_size, src.texspace_size, sizeof(mesh.texspace_size));
  mesh.use_auto_texspace = src.use_auto_texspace;
  mesh.active_attribute = src.active_attribute;
  mesh.active_color_attribute = src.active_color_attribute;
  mesh.default_color_attribute = src.default_color_attribute;
  mesh.active_uv_map = src.active_uv_map;
  mesh.default_uv_map = src.default_uv_map;
  mesh.vertex_group_names = src.vertex_group_names;
  mesh.vertex_group_active_index = src.vertex_group_active_index;
  return mesh;
}

bool attribute_is_topology(const std::string_view name)
{
  return name == kernel::ATTR_POSITION || name == kernel::ATTR_EDGE_VERTS ||
         name == kernel::ATTR_CORNER_VERT || name == kernel::ATTR_CORNER_EDGE;
}

bool attribute_is_uv_map(const dna::Attribute &attribute)
{
  return attribute.domain == dna::AttrDomain::Corner && attribute.type == dna::AttrType::Float2 &&
         !attribute.name.empty() && attribute.name[0] != '.';
}

}  // namespace whisk::geometry::mesh_result
