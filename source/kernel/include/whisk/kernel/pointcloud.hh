#pragma once
// Point cloud behaviour over dna::PointCloud: the point count, positions and radii, and
// attributes with Blender's rules for point clouds (POINT domain only, `position`
// required). Bounds include each point's radius, as Blender's do.

#include <optional>
#include <span>
#include <string_view>

#include "whisk/base/math.hh"
#include "whisk/dna/pointcloud.hh"
#include "whisk/kernel/attribute.hh"
#include "whisk/kernel/mesh_topology.hh"

namespace whisk::kernel {

using dna::PointCloud;

inline constexpr std::string_view ATTR_RADIUS = "radius";

/** Number of elements of a domain: the points, or 0 for any other domain. */
int64_t pointcloud_domain_size(const PointCloud &pointcloud, AttrDomain domain);

/** Sets the number of points, resizing every attribute (new points are zero: at the
 * origin, radius 0). Creates `position` when missing. Raises Value for a negative count. */
void pointcloud_resize(PointCloud &pointcloud, int32_t points);

/** Positions; empty when the attribute is missing or damaged (size not points_num). */
std::span<const float3> pointcloud_positions(const PointCloud &pointcloud);
/** Writable positions, created when missing; copies the array first if shared. */
std::span<float3> pointcloud_positions_for_write(PointCloud &pointcloud);
/** Radii, or empty when the point cloud has no `radius` attribute (radius 0). */
std::span<const float> pointcloud_radii(const PointCloud &pointcloud);
/** Writable radii, adding the attribute (filled with `initial`) when missing. */
std::span<float> pointcloud_radii_for_write(PointCloud &pointcloud, float initial = 0.0f);

/** Whether an attribute is one a point cloud cannot do without (`position`). */
bool pointcloud_attribute_required(std::string_view name);
/** Adds an attribute with Blender's rules: POINT domain only (else Runtime "Attribute
 * domain not supported by this geometry type"), the name made unique, default values. */
Attribute &pointcloud_attribute_add(PointCloud &pointcloud, std::string_view name,
                                    AttrType type, AttrDomain domain);
/** Raises Runtime for `position` or a missing name; clears references to the name. */
void pointcloud_attribute_remove(PointCloud &pointcloud, std::string_view name);
/** Renames, keeping names unique and the active/color references on it. */
void pointcloud_attribute_rename(PointCloud &pointcloud, Attribute &attribute,
                                 std::string_view name);

/** Axis-aligned bounds of the points grown by their radii; nullopt without points. */
std::optional<Bounds> pointcloud_bounds(const PointCloud &pointcloud);

}  // namespace whisk::kernel
