// Mesh storage and editing: from_pydata, edges, implicit sharing on copy, attributes with
// Blender's rules, flags, vertex groups, transforms, flipping and cache invalidation.

#include <gtest/gtest.h>

#include <numbers>

#include "whisk/base/error.hh"
#include "whisk/kernel/lib_id.hh"
#include "whisk/kernel/main.hh"
#include "whisk/kernel/mesh.hh"
#include "whisk/kernel/startup.hh"

using namespace whisk;
using namespace whisk::kernel;

namespace {

/** A unit quad split in two (a quad and a triangle sharing an edge). */
void make_quad_and_triangle(Mesh &mesh)
{
  const float3 verts[5] = {{0, 0, 0}, {1, 0, 0}, {1, 1, 0}, {0, 1, 0}, {2, 0, 0}};
  const int32_t offsets[3] = {0, 4, 7};
  const int32_t face_verts[7] = {0, 1, 2, 3, 1, 4, 2};
  mesh_from_pydata(mesh, verts, {}, offsets, face_verts);
}

}  // namespace

TEST(Mesh, from_pydata_builds_faces_and_edges)
{
  Mesh mesh;
  make_quad_and_triangle(mesh);
  EXPECT_EQ(mesh.verts_num, 5);
  EXPECT_EQ(mesh.faces_num, 2);
  EXPECT_EQ(mesh.corners_num, 7);
  /* Edges in face order, shared edge (1, 2) once. */
  const std::vector<int2> expected = {{0, 1}, {1, 2}, {2, 3}, {3, 0}, {1, 4}, {4, 2}};
  const std::span<const int2> edges = mesh_edges(mesh);
  ASSERT_EQ(edges.size(), expected.size());
  for (size_t i = 0; i < expected.size(); i++) {
    EXPECT_EQ(edges[i], expected[i]) << i;
  }
  /* Corner edges lead from each corner to the next one. */
  const std::span<const int32_t> corner_edges = mesh_corner_edges(mesh);
  const std::vector<int32_t> expected_corner_edges = {0, 1, 2, 3, 4, 5, 1};
  EXPECT_EQ(std::vector<int32_t>(corner_edges.begin(), corner_edges.end()),
            expected_corner_edges);
  EXPECT_TRUE(mesh_is_valid(mesh));
  EXPECT_NO_THROW(mesh_topology_check(mesh));
}

TEST(Mesh, from_pydata_rejects_bad_indices_and_keeps_the_mesh)
{
  Mesh mesh;
  make_quad_and_triangle(mesh);
  const float3 verts[2] = {{0, 0, 0}, {1, 0, 0}};
  const int32_t offsets[2] = {0, 3};
  const int32_t bad_face[3] = {0, 1, 7};
  EXPECT_THROW(mesh_from_pydata(mesh, verts, {}, offsets, bad_face), Error);
  const int2 bad_edge[1] = {{0, -1}};
  EXPECT_THROW(mesh_from_pydata(mesh, verts, bad_edge, {}, {}), Error);
  const int32_t two[2] = {0, 2};
  EXPECT_THROW(mesh_from_pydata(mesh, verts, {}, two, std::span<const int32_t>(bad_face, 2)),
               Error);
  EXPECT_EQ(mesh.verts_num, 5);
  EXPECT_EQ(mesh.faces_num, 2);
  EXPECT_TRUE(mesh_is_valid(mesh));
}

TEST(Mesh, copies_share_arrays_until_written)
{
  Mesh a;
  make_quad_and_triangle(a);
  Mesh b(a);
  EXPECT_EQ(mesh_positions(a).data(), mesh_positions(b).data());
  EXPECT_EQ(mesh_corner_verts(a).data(), mesh_corner_verts(b).data());
  mesh_positions_for_write(b)[0] = {5, 5, 5};
  EXPECT_NE(mesh_positions(a).data(), mesh_positions(b).data());
  EXPECT_EQ(mesh_positions(a)[0], float3(0, 0, 0));
  /* Untouched arrays stay shared. */
  EXPECT_EQ(mesh_corner_verts(a).data(), mesh_corner_verts(b).data());
}

TEST(Mesh, a_buffer_with_writers_is_never_shared)
{
  Mesh a;
  make_quad_and_triangle(a);
  Attribute *position = a.attributes.find(ATTR_POSITION);
  position->data.ensure_mutable();
  const ImplicitSharingInfo *info = position->data.sharing_info();
  info->add_view();
  info->add_writer();
  Mesh b(a);
  EXPECT_NE(mesh_positions(a).data(), mesh_positions(b).data());
  info->remove_writer();
  info->remove_view_and_delete_if_last();
}

TEST(Mesh, attributes_follow_blenders_rules)
{
  Mesh mesh;
  make_quad_and_triangle(mesh);
  Attribute &foo = mesh_attribute_add(mesh, "foo", AttrType::Float, AttrDomain::Point);
  Attribute &foo2 = mesh_attribute_add(mesh, "foo", AttrType::Float, AttrDomain::Point);
  EXPECT_EQ(foo.name, "foo");
  EXPECT_EQ(foo2.name, "foo.001");
  EXPECT_EQ(foo.size(), 5);
  Attribute &color = mesh_attribute_add(mesh, "Col", AttrType::ByteColor, AttrDomain::Corner);
  EXPECT_EQ(color.span<uchar4>()[0], (uchar4{255, 255, 255, 255}));
  EXPECT_EQ(mesh.active_color_attribute, "Col");
  Attribute &rot = mesh_attribute_add(mesh, "rot", AttrType::Quaternion, AttrDomain::Face);
  EXPECT_EQ(rot.span<float4>()[1], float4(1, 0, 0, 0));
  EXPECT_THROW(mesh_attribute_add(mesh, "position", AttrType::Float, AttrDomain::Face), Error);
  EXPECT_THROW(mesh_attribute_add(mesh, "x", AttrType::Float, AttrDomain::Curve), Error);
  EXPECT_THROW(mesh_attribute_remove(mesh, ".corner_vert"), Error);
  EXPECT_THROW(mesh_attribute_remove(mesh, "missing"), Error);
  mesh_attribute_rename(mesh, color, "Paint");
  EXPECT_EQ(mesh.active_color_attribute, "Paint");
  mesh_attribute_remove(mesh, "Paint");
  EXPECT_EQ(mesh.active_color_attribute, "");
  /* Resizing a domain resizes its attributes. */
  mesh_resize(mesh, 7, mesh.edges_num, mesh.faces_num, mesh.corners_num);
  EXPECT_EQ(mesh.attributes.find("foo")->size(), 7);
}

TEST(Mesh, flags_are_attributes_added_on_first_true)
{
  Mesh mesh;
  make_quad_and_triangle(mesh);
  EXPECT_FALSE(mesh_flag_get(mesh, ".select_vert", AttrDomain::Point, 2));
  mesh_flag_set(mesh, ".select_vert", AttrDomain::Point, 2, false);
  EXPECT_EQ(mesh.attributes.find(".select_vert"), nullptr);
  mesh_flag_set(mesh, ".select_vert", AttrDomain::Point, 2, true);
  EXPECT_TRUE(mesh_flag_get(mesh, ".select_vert", AttrDomain::Point, 2));
  EXPECT_FALSE(mesh_flag_get(mesh, ".select_vert", AttrDomain::Point, 1));
  mesh_material_index_set(mesh, 1, 3);
  EXPECT_EQ(mesh_material_index(mesh, 1), 3);
  EXPECT_EQ(mesh_material_index(mesh, 0), 0);
}

TEST(Mesh, vertex_groups)
{
  Mesh mesh;
  make_quad_and_triangle(mesh);
  EXPECT_EQ(mesh_vertex_group_add(mesh, "G"), 0);
  EXPECT_EQ(mesh_vertex_group_add(mesh, "G"), 1);
  EXPECT_EQ(mesh.vertex_group_names[1], "G.001");
  const int32_t verts[2] = {0, 3};
  mesh_vertex_group_weights_add(mesh, 1, verts, 0.5f, WeightMode::Replace);
  mesh_vertex_group_weights_add(mesh, 1, verts, 0.75f, WeightMode::Add);
  EXPECT_FLOAT_EQ(*mesh_vertex_group_weight(mesh, 1, 3), 1.0f);
  mesh_vertex_group_weights_add(mesh, 1, verts, 0.25f, WeightMode::Subtract);
  EXPECT_FLOAT_EQ(*mesh_vertex_group_weight(mesh, 1, 0), 0.75f);
  EXPECT_FALSE(mesh_vertex_group_weight(mesh, 0, 0));
  const int32_t bad[1] = {9};
  EXPECT_THROW(mesh_vertex_group_weights_add(mesh, 0, bad, 1.0f, WeightMode::Replace), Error);
  mesh_vertex_group_remove(mesh, 0);
  EXPECT_EQ(mesh.vertex_group_names.size(), 1u);
  EXPECT_FLOAT_EQ(*mesh_vertex_group_weight(mesh, 0, 0), 0.75f); /* renumbered */
}

TEST(Mesh, transform_and_normals_invalidation)
{
  Mesh mesh;
  make_quad_and_triangle(mesh);
  EXPECT_EQ(mesh_face_normals(mesh)[0], float3(0, 0, 1));
  float4x4 flip = float4x4::identity();
  flip.m[2][2] = -1.0f; /* mirror z: normals unchanged for a flat mesh in z = 0 */
  flip.m[3][0] = 2.0f;  /* and move +2 in x */
  mesh_transform(mesh, flip);
  EXPECT_EQ(mesh_positions(mesh)[1], float3(3, 0, 0));
  const std::optional<Bounds> bounds = mesh_bounds(mesh);
  ASSERT_TRUE(bounds);
  EXPECT_EQ(bounds->min, float3(2, 0, 0));
  EXPECT_EQ(bounds->max, float3(4, 1, 0));
  /* Positions written directly: the tag makes the caches recompute. */
  mesh_positions_for_write(mesh)[4] = {9, 0, 0};
  mesh_tag_positions_changed(mesh);
  EXPECT_EQ(mesh_bounds(mesh)->max.x, 9.0f);
}

TEST(Mesh, flip_normals_reverses_corners_and_keeps_edges_consistent)
{
  Mesh mesh;
  make_quad_and_triangle(mesh);
  Attribute &uv = mesh_uv_map_add(mesh, "UVMap");
  for (int c = 0; c < mesh.corners_num; c++) {
    uv.mutable_span<float2>()[size_t(c)] = {float(c), 0};
  }
  mesh_flip_normals(mesh);
  const std::span<const int32_t> corner_verts = mesh_corner_verts(mesh);
  EXPECT_EQ(std::vector<int32_t>(corner_verts.begin(), corner_verts.end()),
            (std::vector<int32_t>{0, 3, 2, 1, 1, 2, 4}));
  EXPECT_EQ(uv.span<float2>()[1].x, 3.0f); /* corner data moved with its corner */
  EXPECT_EQ(mesh_face_normals(mesh)[0], float3(0, 0, -1));
  EXPECT_TRUE(mesh_is_valid(mesh));
}

TEST(Mesh, damaged_topology_raises_instead_of_reading_out_of_bounds)
{
  Mesh mesh;
  make_quad_and_triangle(mesh);
  mesh_corner_verts_for_write(mesh)[2] = 1000;
  mesh_tag_topology_changed(mesh);
  EXPECT_THROW(mesh_face_normals(mesh), Error);
  EXPECT_THROW(mesh_corner_tris(mesh), Error);
  EXPECT_THROW(mesh_vert_to_face_map(mesh), Error);
  const MeshValidateReport report = mesh_validate(mesh);
  EXPECT_TRUE(report.changed);
  EXPECT_NO_THROW(mesh_face_normals(mesh));
}

TEST(Mesh, startup_cube_has_blenders_geometry)
{
  Main main;
  build_factory_startup(main);
  const Mesh *cube = reinterpret_cast<const Mesh *>(main.find(dna::IDType::Mesh, "Cube"));
  ASSERT_NE(cube, nullptr);
  EXPECT_EQ(cube->verts_num, 8);
  EXPECT_EQ(cube->edges_num, 12);
  EXPECT_EQ(cube->faces_num, 6);
  EXPECT_EQ(cube->corners_num, 24);
  EXPECT_EQ(mesh_positions(*cube)[1], float3(1, 1, -1));
  EXPECT_EQ(mesh_edges(*cube)[0], int2(5, 7));
  EXPECT_TRUE(mesh_is_valid(*cube));
  EXPECT_EQ(mesh_corner_tris(*cube).size(), 12u);
  const float3 n = mesh_vert_normals(*cube)[0];
  EXPECT_NEAR(n.x, 0.57735f, 1e-5f);
}
