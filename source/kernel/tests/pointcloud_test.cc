// Point clouds: creation as Blender 3.4 makes them, resizing, implicit sharing between
// copies, attributes with point cloud rules, bounds grown by the radii, objects using
// them, and the generic AttributeOwner over meshes and point clouds.

#include <gtest/gtest.h>

#include "whisk/base/error.hh"
#include "whisk/kernel/attribute_owner.hh"
#include "whisk/kernel/id_type.hh"
#include "whisk/kernel/lib_id.hh"
#include "whisk/kernel/lib_remove.hh"
#include "whisk/kernel/main.hh"
#include "whisk/kernel/mesh.hh"
#include "whisk/kernel/object.hh"
#include "whisk/kernel/pointcloud.hh"

using namespace whisk;
using namespace whisk::kernel;

namespace {

void fill_line(PointCloud &pointcloud, int32_t count)
{
  pointcloud_resize(pointcloud, count);
  std::span<float3> positions = pointcloud_positions_for_write(pointcloud);
  for (int32_t i = 0; i < count; i++) {
    positions[size_t(i)] = float3(float(i), 0, 0);
  }
}

}  // namespace

TEST(PointCloud, new_has_position_and_no_points)
{
  Main bmain;
  PointCloud *pointcloud = id_new<PointCloud>(bmain, "PointCloud");
  EXPECT_EQ(std::string(pointcloud->id.name), "PointCloud");
  EXPECT_EQ(pointcloud->points_num, 0);
  /* Blender 3.4: `position` only; radius appears when something sets it. */
  ASSERT_EQ(pointcloud->attributes.attributes.size(), 1u);
  EXPECT_EQ(pointcloud->attributes.attributes[0]->name, "position");
  EXPECT_EQ(id_type_info(dna::IDType::PointCloud).name_plural, std::string("pointclouds"));
  EXPECT_EQ(bmain.list(dna::IDType::PointCloud).size(), 1u);
}

TEST(PointCloud, resize_keeps_leading_values_and_zeroes_new_ones)
{
  PointCloud pointcloud;
  fill_line(pointcloud, 3);
  pointcloud_radii_for_write(pointcloud, 0.5f);
  Attribute &weight = pointcloud_attribute_add(pointcloud, "weight", AttrType::Float,
                                               AttrDomain::Point);
  EXPECT_EQ(weight.size(), 3);
  pointcloud_resize(pointcloud, 5);
  EXPECT_EQ(pointcloud_positions(pointcloud)[2], float3(2, 0, 0));
  EXPECT_EQ(pointcloud_positions(pointcloud)[4], float3(0, 0, 0));
  EXPECT_EQ(pointcloud_radii(pointcloud)[1], 0.5f);
  EXPECT_EQ(pointcloud_radii(pointcloud)[4], 0.0f);
  EXPECT_EQ(pointcloud.attributes.find("weight")->size(), 5);
  pointcloud_resize(pointcloud, 1);
  EXPECT_EQ(pointcloud_positions(pointcloud).size(), 1u);
  EXPECT_THROW(pointcloud_resize(pointcloud, -1), Error);
}

TEST(PointCloud, missing_radius_reads_empty_and_is_added_on_write)
{
  PointCloud pointcloud;
  fill_line(pointcloud, 2);
  EXPECT_TRUE(pointcloud_radii(pointcloud).empty());
  pointcloud_radii_for_write(pointcloud)[1] = 0.25f;
  ASSERT_EQ(pointcloud_radii(pointcloud).size(), 2u);
  EXPECT_EQ(pointcloud_radii(pointcloud)[0], 0.0f);
  EXPECT_EQ(pointcloud_radii(pointcloud)[1], 0.25f);
}

TEST(PointCloud, copies_share_arrays_until_written)
{
  Main bmain;
  PointCloud *a = id_new<PointCloud>(bmain, "A");
  fill_line(*a, 4);
  pointcloud_radii_for_write(*a, 1.0f);
  auto *b = reinterpret_cast<PointCloud *>(id_copy(bmain, &a->id));
  EXPECT_EQ(b->points_num, 4);
  EXPECT_EQ(pointcloud_positions(*a).data(), pointcloud_positions(*b).data());
  EXPECT_EQ(pointcloud_radii(*a).data(), pointcloud_radii(*b).data());
  pointcloud_positions_for_write(*b)[0] = float3(9, 9, 9);
  EXPECT_NE(pointcloud_positions(*a).data(), pointcloud_positions(*b).data());
  EXPECT_EQ(pointcloud_positions(*a)[0], float3(0, 0, 0));
  EXPECT_EQ(pointcloud_positions(*b)[0], float3(9, 9, 9));
  /* Untouched arrays stay shared. */
  EXPECT_EQ(pointcloud_radii(*a).data(), pointcloud_radii(*b).data());
}

TEST(PointCloud, attributes_follow_blenders_point_cloud_rules)
{
  PointCloud pointcloud;
  fill_line(pointcloud, 2);
  EXPECT_THROW(pointcloud_attribute_add(pointcloud, "e", AttrType::Float, AttrDomain::Edge),
               Error);
  EXPECT_THROW(pointcloud_attribute_add(pointcloud, "c", AttrType::Float, AttrDomain::Corner),
               Error);
  /* As Blender 3.4: a taken name, position included, gets a suffix. */
  EXPECT_EQ(pointcloud_attribute_add(pointcloud, "position", AttrType::Float, AttrDomain::Point)
                .name,
            "position.001");
  Attribute &color = pointcloud_attribute_add(pointcloud, "col", AttrType::FloatColor,
                                              AttrDomain::Point);
  EXPECT_EQ(color.span<float4>()[1], float4(1, 1, 1, 1));
  EXPECT_EQ(pointcloud.active_color_attribute, "col");
  EXPECT_EQ(pointcloud.default_color_attribute, "col");
  EXPECT_THROW(pointcloud_attribute_remove(pointcloud, "position"), Error);
  EXPECT_THROW(pointcloud_attribute_remove(pointcloud, "nothing"), Error);
  pointcloud_radii_for_write(pointcloud);
  pointcloud_attribute_remove(pointcloud, "radius"); /* optional, as in Blender */
  pointcloud_attribute_remove(pointcloud, "col");
  EXPECT_EQ(pointcloud.active_color_attribute, "");
  Attribute &w = pointcloud_attribute_add(pointcloud, "w", AttrType::Int, AttrDomain::Point);
  pointcloud.active_attribute = "w";
  pointcloud_attribute_rename(pointcloud, w, "weight");
  EXPECT_EQ(pointcloud.active_attribute, "weight");
  EXPECT_THROW(pointcloud_attribute_rename(pointcloud, w, "position"), Error);
}

TEST(PointCloud, bounds_include_the_radii)
{
  PointCloud pointcloud;
  EXPECT_FALSE(pointcloud_bounds(pointcloud).has_value());
  fill_line(pointcloud, 3);
  /* Without radius: the positions (Blender's result with the radius removed). */
  std::optional<Bounds> bounds = pointcloud_bounds(pointcloud);
  ASSERT_TRUE(bounds);
  EXPECT_EQ(bounds->min, float3(0, 0, 0));
  EXPECT_EQ(bounds->max, float3(2, 0, 0));
  /* With radius 0.25: Blender 3.4's bound_box is (-0.25, -0.25, -0.25)..(2.25, 0.25, 0.25). */
  pointcloud_radii_for_write(pointcloud, 0.25f);
  bounds = pointcloud_bounds(pointcloud);
  EXPECT_EQ(bounds->min, float3(-0.25f, -0.25f, -0.25f));
  EXPECT_EQ(bounds->max, float3(2.25f, 0.25f, 0.25f));
  /* A larger radius on one point grows the box only around it. */
  pointcloud_radii_for_write(pointcloud)[0] = 1.0f;
  bounds = pointcloud_bounds(pointcloud);
  EXPECT_EQ(bounds->min, float3(-1, -1, -1));
  EXPECT_EQ(bounds->max, float3(2.25f, 1, 1));
}

TEST(PointCloud, objects_use_point_clouds_with_materials)
{
  Main bmain;
  PointCloud *pointcloud = id_new<PointCloud>(bmain, "P");
  dna::Material *material = id_new<dna::Material>(bmain, "M");
  data_material_append(bmain, &pointcloud->id, material);
  EXPECT_EQ(material->id.users, 1);
  dna::Object *object = object_new(bmain, "O", &pointcloud->id);
  EXPECT_EQ(object->type, dna::ObjectType::PointCloud);
  EXPECT_EQ(pointcloud->id.users, 1);
  EXPECT_EQ(object->material_slots.size(), 1u);
  /* A point cloud is no mesh: the object refuses to switch data type. */
  Mesh *mesh = id_new<Mesh>(bmain, "Me");
  EXPECT_THROW(object_set_data(bmain, object, &mesh->id), Error);
  id_delete(bmain, &pointcloud->id);
  EXPECT_EQ(material->id.users, 0);
}

TEST(AttributeOwner, dispatches_to_each_geometrys_rules)
{
  Main bmain;
  PointCloud *pointcloud = id_new<PointCloud>(bmain, "P");
  Mesh *mesh = id_new<Mesh>(bmain, "Me");
  dna::Material *material = id_new<dna::Material>(bmain, "M");
  EXPECT_FALSE(AttributeOwner::from_id(&material->id));
  EXPECT_FALSE(AttributeOwner::from_id(nullptr));

  const AttributeOwner pc = AttributeOwner::from_id(&pointcloud->id);
  const AttributeOwner me = AttributeOwner::from_id(&mesh->id);
  ASSERT_TRUE(pc && me);
  pointcloud_resize(*pointcloud, 3);
  mesh_resize(*mesh, 4, 0, 0, 0);
  EXPECT_EQ(&pc.storage(), &pointcloud->attributes);
  EXPECT_EQ(pc.domain_size(AttrDomain::Point), 3);
  EXPECT_EQ(pc.domain_size(AttrDomain::Face), 0);
  EXPECT_EQ(me.domain_size(AttrDomain::Point), 4);
  EXPECT_TRUE(pc.is_required("position"));
  EXPECT_FALSE(pc.is_required(".edge_verts"));
  EXPECT_TRUE(me.is_required(".edge_verts"));
  EXPECT_TRUE(me.is_topology(".corner_vert"));
  EXPECT_FALSE(me.is_topology("position"));
  EXPECT_FALSE(pc.is_topology("position"));

  EXPECT_EQ(pc.add("w", AttrType::Float, AttrDomain::Point).size(), 3);
  EXPECT_THROW(pc.add("f", AttrType::Float, AttrDomain::Face), Error);
  EXPECT_EQ(me.add("f", AttrType::Float, AttrDomain::Face).size(), 0);
  pc.active_attribute() = "w";
  pc.remove("w");
  EXPECT_EQ(pointcloud->active_attribute, "");
  EXPECT_THROW(me.remove("position"), Error);
  pc.values_changed("position"); /* nothing cached: a no-op that must not crash */
  me.values_changed("position");
}
