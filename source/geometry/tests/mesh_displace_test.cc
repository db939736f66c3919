// mesh_displace against Blender 3.4's Displace modifier without a texture (the "displace"
// cases of tests/fixtures/modifiers_subdiv.json): every direction in local and global
// space, with and without a vertex group, inverted, and a group name the mesh lacks.

#include <gtest/gtest.h>

#include "modifiers_fixture.hh"
#include "whisk/geometry/mesh_displace.hh"

namespace whisk::geometry {
namespace {

using namespace testing;
using Direction = DisplaceParams::Direction;

Direction direction_from(const std::string &name)
{
  if (name == "X") return Direction::X;
  if (name == "Y") return Direction::Y;
  if (name == "Z") return Direction::Z;
  if (name == "CUSTOM_NORMAL") return Direction::CustomNormal;
  if (name == "RGB_TO_XYZ") return Direction::RGBToXYZ;
  return Direction::Normal;
}

TEST(Displace, MatchesOracle)
{
  const json &cases = modifiers_fixture()["displace"];
  EXPECT_GE(cases.size(), 20u);
  for (const json &c : cases) {
    SCOPED_TRACE(c["name"].get<std::string>());
    dna::Mesh mesh = fixture_mesh(c["mesh"]);
    const json &p = c["params"];
    float4x4 matrix;
    for (int row = 0; row < 4; row++) {
      for (int col = 0; col < 4; col++) {
        matrix.m[col][row] = c["matrix_world"][row][col].get<float>();
      }
    }
    DisplaceParams params;
    params.strength = p.value("strength", 1.0f);
    params.mid_level = p.value("mid_level", 0.5f);
    params.direction = direction_from(p.value("direction", "NORMAL"));
    params.global_space = p.value("space", "LOCAL") == "GLOBAL";
    params.object_to_world = &matrix;
    params.vertex_group = p.value("vertex_group", "");
    params.invert_vertex_group = p.value("invert_vertex_group", false);
    mesh_displace(mesh, params);
    const auto positions = kernel::mesh_positions(mesh);
    const json &expected = c["result"]["verts"];
    ASSERT_EQ(positions.size(), expected.size());
    for (size_t v = 0; v < positions.size(); v++) {
      const float3 e = to_float3(expected[v]);
      EXPECT_NEAR(positions[v].x, e.x, 1e-5f) << "vertex " << v;
      EXPECT_NEAR(positions[v].y, e.y, 1e-5f) << "vertex " << v;
      EXPECT_NEAR(positions[v].z, e.z, 1e-5f) << "vertex " << v;
    }
  }
}

TEST(Displace, EmptyMeshAndGroupWithoutWeights)
{
  dna::Mesh empty;
  DisplaceParams params;
  mesh_displace(empty, params);
  EXPECT_EQ(empty.verts_num, 0);

  /* A group that exists but no vertex is in: nothing moves, even inverted (as Blender). */
  dna::Mesh mesh = fixture_mesh("cube");
  kernel::mesh_vertex_group_add(mesh, "empty");
  const std::vector<float3> before(kernel::mesh_positions(mesh).begin(),
                                   kernel::mesh_positions(mesh).end());
  params.vertex_group = "empty";
  params.invert_vertex_group = true;
  mesh_displace(mesh, params);
  EXPECT_EQ(std::vector<float3>(kernel::mesh_positions(mesh).begin(),
                                kernel::mesh_positions(mesh).end()),
            before);
  /* Global space without a matrix is local space. */
  params = DisplaceParams();
  params.direction = Direction::Z;
  params.global_space = true;
  mesh_displace(mesh, params);
  EXPECT_FLOAT_EQ(kernel::mesh_positions(mesh)[0].z, before[0].z + 0.5f);
}

}  // namespace
}  // namespace whisk::geometry
