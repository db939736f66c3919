// AttributeOwner: dispatch from an ID to its geometry type's attribute rules.

#include "whisk/kernel/attribute_owner.hh"

#include "whisk/kernel/mesh.hh"
#include "whisk/kernel/pointcloud.hh"

namespace whisk::kernel {

namespace {

dna::Mesh *as_mesh(dna::ID *id)
{
  return id->type == dna::IDType::Mesh ? reinterpret_cast<dna::Mesh *>(id) : nullptr;
}
dna::PointCloud &as_pointcloud(dna::ID *id) { return *reinterpret_cast<dna::PointCloud *>(id); }

}  // namespace

AttributeOwner AttributeOwner::from_id(dna::ID *id)
{
  if (id && (id->type == dna::IDType::Mesh || id->type == dna::IDType::PointCloud)) {
    return AttributeOwner(id);
  }
  return AttributeOwner();
}

/* Every member below runs on a non-empty owner of one of the types from_id accepts: a
 * Mesh, else a PointCloud. */

AttributeStorage &AttributeOwner::storage() const
{
  if (dna::Mesh *mesh = as_mesh(id_)) {
    return mesh->attributes;
  }
  return as_pointcloud(id_).attributes;
}

int64_t AttributeOwner::domain_size(AttrDomain domain) const
{
  if (dna::Mesh *mesh = as_mesh(id_)) {
    return mesh_domain_size(*mesh, domain);
  }
  return pointcloud_domain_size(as_pointcloud(id_), domain);
}

bool AttributeOwner::is_required(std::string_view name) const
{
  if (as_mesh(id_)) {
    return mesh_attribute_required(name);
  }
  return pointcloud_attribute_required(name);
}

bool AttributeOwner::is_topology(std::string_view name) const
{
  return as_mesh(id_) && mesh_attribute_required(name) && name != ATTR_POSITION;
}

Attribute &AttributeOwner::add(std::string_view name, AttrType type, AttrDomain domain) const
{
  if (dna::Mesh *mesh = as_mesh(id_)) {
    return mesh_attribute_add(*mesh, name, type, domain);
  }
  return pointcloud_attribute_add(as_pointcloud(id_), name, type, domain);
}

void AttributeOwner::remove(std::string_view name) const
{
  if (dna::Mesh *mesh = as_mesh(id_)) {
    mesh_attribute_remove(*mesh, name);
    return;
  }
  pointcloud_attribute_remove(as_pointcloud(id_), name);
}

void AttributeOwner::rename(Attribute &attribute, std::string_view name) const
{
  if (dna::Mesh *mesh = as_mesh(id_)) {
    mesh_attribute_rename(*mesh, attribute, name);
    return;
  }
  pointcloud_attribute_rename(as_pointcloud(id_), attribute, name);
}

void AttributeOwner::values_changed(std::string_view name) const
{
  dna::Mesh *mesh = as_mesh(id_);
  if (!mesh) {
    return; /* point cloud bounds are computed on request: nothing cached */
  }
  if (name == ATTR_POSITION) {
    mesh_tag_positions_changed(*mesh);
  }
  else if (mesh_attribute_required(name)) {
    mesh_tag_topology_changed(*mesh);
  }
  else if (name == "sharp_edge" || name == "sharp_face") {
    mesh_tag_sharpness_changed(*mesh);
  }
}

std::string &AttributeOwner::active_attribute() const
{
  if (dna::Mesh *mesh = as_mesh(id_)) {
    return mesh->active_attribute;
  }
  return as_pointcloud(id_).active_attribute;
}

std::string &AttributeOwner::active_color_attribute() const
{
  if (dna::Mesh *mesh = as_mesh(id_)) {
    return mesh->active_color_attribute;
  }
  return as_pointcloud(id_).active_color_attribute;
}

std::string &AttributeOwner::default_color_attribute() const
{
  if (dna::Mesh *mesh = as_mesh(id_)) {
    return mesh->default_color_attribute;
  }
  return as_pointcloud(id_).default_color_attribute;
}

}  // namespace whisk::kernel
