// Mesh attributes with Blender's rules, element flags, UV maps and vertex groups.

#include <algorithm>
#include <cstring>

#include "whisk/base/error.hh"
#include "whisk/kernel/main.hh"
#include "whisk/kernel/mesh.hh"

namespace whisk::kernel {

namespace {

bool is_mesh_domain(AttrDomain domain) { return int(domain) <= int(AttrDomain::Corner); }

/** Replaces references to a name (active color, UV maps) after a rename or removal. */
void rename_references(Mesh &mesh, std::string_view from, std::string_view to)
{
  for (std::string *ref : {&mesh.active_attribute, &mesh.active_color_attribute,
                           &mesh.default_color_attribute, &mesh.active_uv_map,
                           &mesh.default_uv_map})
  {
    if (*ref == from) {
      *ref = to;
    }
  }
}

}  // namespace

bool mesh_attribute_required(std::string_view name)
{
  return name == ATTR_POSITION || name == ATTR_EDGE_VERTS || name == ATTR_CORNER_VERT ||
         name == ATTR_CORNER_EDGE;
}

Attribute &mesh_attribute_add(Mesh &mesh, std::string_view name, AttrType type,
                              AttrDomain domain)
{
  if (!is_mesh_domain(domain)) {
    raise(ErrorKind::Runtime, "Attribute domain not supported by this geometry type");
  }
  if (mesh_attribute_required(name)) {
    raise(ErrorKind::Runtime, "Attribute name \"", name, "\" is reserved");
  }
  const std::string unique = attribute_unique_name(mesh.attributes, name);
  Attribute &attribute = attribute_add(mesh.attributes, unique, domain, type,
                                       mesh_domain_size(mesh, domain));
  attribute_fill_default(attribute);
  /* The first color attribute becomes the active and the rendered one. */
  if (attribute_is_color(attribute)) {
    if (mesh.active_color_attribute.empty()) {
      mesh.active_color_attribute = attribute.name;
    }
    if (mesh.default_color_attribute.empty()) {
      mesh.default_color_attribute = attribute.name;
    }
  }
  return attribute;
}

void mesh_attribute_remove(Mesh &mesh, std::string_view name)
{
  const Attribute *attribute = mesh.attributes.find(name);
  if (!attribute) {
    raise(ErrorKind::Runtime, "Attribute \"", name, "\" does not exist");
  }
  if (mesh_attribute_required(name)) {
    raise(ErrorKind::Runtime, "Attribute \"", name, "\" is required and can't be removed");
  }
  const std::string removed(name);
  attribute_remove(mesh.attributes, removed);
  rename_references(mesh, removed, "");
  if (removed == "sharp_edge" || removed == "sharp_face") {
    mesh_tag_sharpness_changed(mesh);
  }
  data_generation_bump();
}

void mesh_attribute_rename(Mesh &mesh, Attribute &attribute, std::string_view name)
{
  if (attribute.name == name) {
    return;
  }
  if (mesh_attribute_required(attribute.name) || mesh_attribute_required(name)) {
    raise(ErrorKind::Runtime, "Attribute \"", attribute.name, "\" can't be renamed to \"",
          name, "\"");
  }
  const std::string old = attribute.name;
  attribute.name.clear(); /* so the unique name may keep the base */
  attribute.name = attribute_unique_name(mesh.attributes, name);
  rename_references(mesh, old, attribute.name);
  data_generation_bump();
}

std::span<const bool> mesh_bool_attribute(const Mesh &mesh, std::string_view name,
                                          AttrDomain domain)
{
  const Attribute *attribute = mesh.attributes.find(name);
  if (attribute && attribute->domain == domain && attribute->type == AttrType::Bool) {
    return attribute->span<bool>();
  }
  return {};
}

bool mesh_flag_get(const Mesh &mesh, std::string_view name, AttrDomain domain, int64_t index)
{
  const std::span<const bool> values = mesh_bool_attribute(mesh, name, domain);
  return !values.empty() && values[size_t(index)];
}

void mesh_flag_set(Mesh &mesh, std::string_view name, AttrDomain domain, int64_t index,
                   bool value)
{
  Attribute *attribute = mesh.attributes.find(name);
  if (!attribute || attribute->domain != domain || attribute->type != AttrType::Bool) {
    if (!value) {
      return;
    }
    if (attribute) {
      attribute_remove(mesh.attributes, name);
    }
    attribute = &attribute_add(mesh.attributes, std::string(name), domain, AttrType::Bool,
                               mesh_domain_size(mesh, domain));
  }
  attribute->mutable_span<bool>()[size_t(index)] = value;
  if (name == "sharp_edge" || name == "sharp_face") {
    mesh_tag_sharpness_changed(mesh);
  }
}

int32_t mesh_material_index(const Mesh &mesh, int64_t face)
{
  const Attribute *attribute = mesh.attributes.find("material_index");
  if (attribute && attribute->domain == AttrDomain::Face && attribute->type == AttrType::Int) {
    return attribute->span<int32_t>()[size_t(face)];
  }
  return 0;
}

void mesh_material_index_set(Mesh &mesh, int64_t face, int32_t value)
{
  Attribute *attribute = mesh.attributes.find("material_index");
  if (!attribute || attribute->domain != AttrDomain::Face || attribute->type != AttrType::Int) {
    if (value == 0) {
      return;
    }
    if (attribute) {
      attribute_remove(mesh.attributes, "material_index");
    }
    attribute = &attribute_add(mesh.attributes, "material_index", AttrDomain::Face,
                               AttrType::Int, mesh.faces_num);
  }
  attribute->mutable_span<int32_t>()[size_t(face)] = value;
}

std::vector<Attribute *> mesh_uv_maps(Mesh &mesh)
{
  std::vector<Attribute *> maps;
  for (const auto &attribute : mesh.attributes.attributes) {
    if (attribute->domain == AttrDomain::Corner && attribute->type == AttrType::Float2 &&
        !attribute->name.starts_with('.'))
    {
      maps.push_back(attribute.get());
    }
  }
  return maps;
}

Attribute &mesh_uv_map_add(Mesh &mesh, std::string_view name)
{
  Attribute &attribute = mesh_attribute_add(mesh, name.empty() ? "UVMap" : name,
                                            AttrType::Float2, AttrDomain::Corner);
  if (mesh.active_uv_map.empty()) {
    mesh.active_uv_map = attribute.name;
  }
  if (mesh.default_uv_map.empty()) {
    mesh.default_uv_map = attribute.name;
  }
  return attribute;
}

bool attribute_is_color(const Attribute &attribute)
{
  return (attribute.type == AttrType::FloatColor || attribute.type == AttrType::ByteColor) &&
         (attribute.domain == AttrDomain::Point || attribute.domain == AttrDomain::Corner);
}

/* ---- Vertex groups ----------------------------------------------------------------------- */

int32_t mesh_vertex_group_add(Mesh &mesh, std::string_view name)
{
  std::string unique(name.empty() ? "Group" : name);
  const std::string base = unique;
  for (int number = 1;
       std::ranges::find(mesh.vertex_group_names, unique) != mesh.vertex_group_names.end();
       number++)
  {
    char suffix[16];
    std::snprintf(suffix, sizeof(suffix), ".%03d", number);
    unique = base + suffix;
  }
  mesh.vertex_group_names.push_back(unique);
  mesh.vertex_group_active_index = int32_t(mesh.vertex_group_names.size()) - 1;
  return mesh.vertex_group_active_index;
}

void mesh_vertex_group_remove(Mesh &mesh, int32_t group)
{
  if (group < 0 || size_t(group) >= mesh.vertex_group_names.size()) {
    raise(ErrorKind::Runtime, "vertex group index ", group, " out of range");
  }
  mesh.vertex_group_names.erase(mesh.vertex_group_names.begin() + group);
  for (std::vector<dna::DeformWeight> &weights : mesh.deform_verts) {
    std::erase_if(weights, [&](const dna::DeformWeight &w) { return w.group == group; });
    for (dna::DeformWeight &w : weights) {
      if (w.group > group) {
        w.group--;
      }
    }
  }
  const int32_t count = int32_t(mesh.vertex_group_names.size());
  if (mesh.vertex_group_active_index >= count || mesh.vertex_group_active_index > group) {
    mesh.vertex_group_active_index--;
  }
  if (count == 0) {
    mesh.vertex_group_active_index = -1;
    mesh.deform_verts.clear();
  }
  data_generation_bump();
}

void mesh_vertex_groups_clear(Mesh &mesh)
{
  mesh.vertex_group_names.clear();
  mesh.vertex_group_active_index = -1;
  mesh.deform_verts.clear();
  data_generation_bump();
}

void mesh_vertex_group_weights_add(Mesh &mesh, int32_t group, std::span<const int32_t> verts,
                                   float weight, WeightMode mode)
{
  for (const int32_t v : verts) {
    if (v < 0 || v >= mesh.verts_num) {
      raise(ErrorKind::Index, "VertexGroup.add(): index out of range");
    }
  }
  if (mesh.deform_verts.empty()) {
    mesh.deform_verts.resize(size_t(mesh.verts_num));
  }
  weight = std::clamp(weight, 0.0f, 1.0f);
  for (const int32_t v : verts) {
    std::vector<dna::DeformWeight> &weights = mesh.deform_verts[size_t(v)];
    auto it = std::ranges::find(weights, group, &dna::DeformWeight::group);
    if (it == weights.end()) {
      if (mode == WeightMode::Subtract) {
        continue;
      }
      weights.push_back({group, weight});
      continue;
    }
    switch (mode) {
      case WeightMode::Replace: it->weight = weight; break;
      case WeightMode::Add: it->weight = std::min(1.0f, it->weight + weight); break;
      case WeightMode::Subtract: it->weight = std::max(0.0f, it->weight - weight); break;
    }
  }
  data_generation_bump();
}

void mesh_vertex_group_weights_remove(Mesh &mesh, int32_t group, std::span<const int32_t> verts)
{
  for (const int32_t v : verts) {
    if (v < 0 || v >= mesh.verts_num) {
      raise(ErrorKind::Index, "VertexGroup.remove(): index out of range");
    }
  }
  if (mesh.deform_verts.empty()) {
    return;
  }
  for (const int32_t v : verts) {
    std::erase_if(mesh.deform_verts[size_t(v)],
                  [&](const dna::DeformWeight &w) { return w.group == group; });
  }
  data_generation_bump();
}

std::optional<float> mesh_vertex_group_weight(const Mesh &mesh, int32_t group, int32_t vert)
{
  if (vert < 0 || vert >= mesh.verts_num) {
    raise(ErrorKind::Runtime, "Vertex not in group");
  }
  if (mesh.deform_verts.empty()) {
    return std::nullopt;
  }
  for (const dna::DeformWeight &w : mesh.deform_verts[size_t(vert)]) {
    if (w.group == group) {
      return w.weight;
    }
  }
  return std::nullopt;
}

}  // namespace whisk::kernel
