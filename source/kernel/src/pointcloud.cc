// Point clouds: point count, positions and radii, attributes with Blender's rules, bounds.

#include "whisk/kernel/pointcloud.hh"

#include <algorithm>

#include "whisk/base/error.hh"
#include "whisk/kernel/main.hh"

namespace whisk::kernel {

namespace {

const Attribute *find_typed(const PointCloud &pointcloud, std::string_view name, AttrType type)
{
  const Attribute *attribute = pointcloud.attributes.find(name);
  if (attribute && attribute->domain == AttrDomain::Point && attribute->type == type &&
      attribute->size() == pointcloud.points_num)
  {
    return attribute;
  }
  return nullptr;
}

/** The attribute with this name, type and size; a mismatching one is replaced by zeros. */
Attribute &ensure(PointCloud &pointcloud, std::string_view name, AttrType type)
{
  if (const Attribute *found = find_typed(pointcloud, name, type)) {
    return *const_cast<Attribute *>(found);
  }
  attribute_remove(pointcloud.attributes, name);
  return attribute_add(pointcloud.attributes, std::string(name), AttrDomain::Point, type,
                       pointcloud.points_num);
}

/** Points names (active, colors) at `to` where they named `from`. */
void rename_references(PointCloud &pointcloud, std::string_view from, std::string_view to)
{
  for (std::string *ref : {&pointcloud.active_attribute, &pointcloud.active_color_attribute,
                           &pointcloud.default_color_attribute})
  {
    if (*ref == from) {
      *ref = to;
    }
  }
}

bool is_color(const Attribute &attribute)
{
  return attribute.type == AttrType::FloatColor || attribute.type == AttrType::ByteColor;
}

}  // namespace

int64_t pointcloud_domain_size(const PointCloud &pointcloud, AttrDomain domain)
{
  return domain == AttrDomain::Point ? pointcloud.points_num : 0;
}

void pointcloud_resize(PointCloud &pointcloud, int32_t points)
{
  if (points < 0) {
    raise(ErrorKind::Value, "point count cannot be negative");
  }
  ensure(pointcloud, ATTR_POSITION, AttrType::FloatVector);
  attributes_resize_domain(pointcloud.attributes, AttrDomain::Point, points);
  pointcloud.points_num = points;
  /* Element handles (points[i]) past the new end must stop resolving to cached data. */
  data_generation_bump();
}

std::span<const float3> pointcloud_positions(const PointCloud &pointcloud)
{
  const Attribute *attribute = find_typed(pointcloud, ATTR_POSITION, AttrType::FloatVector);
  return attribute ? attribute->span<float3>() : std::span<const float3>();
}

std::span<float3> pointcloud_positions_for_write(PointCloud &pointcloud)
{
  return ensure(pointcloud, ATTR_POSITION, AttrType::FloatVector).mutable_span<float3>();
}

std::span<const float> pointcloud_radii(const PointCloud &pointcloud)
{
  const Attribute *attribute = find_typed(pointcloud, ATTR_RADIUS, AttrType::Float);
  return attribute ? attribute->span<float>() : std::span<const float>();
}

std::span<float> pointcloud_radii_for_write(PointCloud &pointcloud, float initial)
{
  const bool existed = find_typed(pointcloud, ATTR_RADIUS, AttrType::Float) != nullptr;
  std::span<float> radii = ensure(pointcloud, ATTR_RADIUS, AttrType::Float).mutable_span<float>();
  if (!existed) {
    std::ranges::fill(radii, initial);
  }
  return radii;
}

bool pointcloud_attribute_required(std::string_view name) { return name == ATTR_POSITION; }

Attribute &pointcloud_attribute_add(PointCloud &pointcloud, std::string_view name,
                                    AttrType type, AttrDomain domain)
{
  if (domain != AttrDomain::Point) {
    raise(ErrorKind::Runtime, "Attribute domain not supported by this geometry type");
  }
  /* As Blender 3.4: a taken name, `position` included, gets a numbered suffix. */
  const std::string unique = attribute_unique_name(pointcloud.attributes, name);
  Attribute &attribute = attribute_add(pointcloud.attributes, unique, domain, type,
                                       pointcloud.points_num);
  attribute_fill_default(attribute);
  if (is_color(attribute)) {
    if (pointcloud.active_color_attribute.empty()) {
      pointcloud.active_color_attribute = attribute.name;
    }
    if (pointcloud.default_color_attribute.empty()) {
      pointcloud.default_color_attribute = attribute.name;
    }
  }
  return attribute;
}

void pointcloud_attribute_remove(PointCloud &pointcloud, std::string_view name)
{
  if (!pointcloud.attributes.find(name)) {
    raise(ErrorKind::Runtime, "Attribute \"", name, "\" does not exist");
  }
  if (pointcloud_attribute_required(name)) {
    raise(ErrorKind::Runtime, "Attribute \"", name, "\" is required and can't be removed");
  }
  const std::string removed(name);
  attribute_remove(pointcloud.attributes, removed);
  rename_references(pointcloud, removed, "");
  data_generation_bump();
}

void pointcloud_attribute_rename(PointCloud &pointcloud, Attribute &attribute,
                                 std::string_view name)
{
  if (attribute.name == name) {
    return;
  }
  if (pointcloud_attribute_required(attribute.name) || pointcloud_attribute_required(name)) {
    raise(ErrorKind::Runtime, "Attribute \"", attribute.name, "\" can't be renamed to \"",
          name, "\"");
  }
  const std::string old = attribute.name;
  attribute.name.clear(); /* so the unique name may keep the base */
  attribute.name = attribute_unique_name(pointcloud.attributes, name);
  rename_references(pointcloud, old, attribute.name);
  data_generation_bump();
}

std::optional<Bounds> pointcloud_bounds(const PointCloud &pointcloud)
{
  /* Each point is a sphere: Blender's bounds (and so an object's bound_box) enclose them. */
  return bounds_calc(pointcloud_positions(pointcloud), pointcloud_radii(pointcloud));
}

}  // namespace whisk::kernel
