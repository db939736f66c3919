// The Solidify modifier (simple mode) against Blender 3.4 (tests/fixtures/modifiers_array.json,
// from tools/oracle/gen_modifiers_array.py): every case element for element, in Blender's
// order.

#include "modifier_test_util.hh"
#include "whisk/base/error.hh"
#include "whisk/geometry/mesh_solidify.hh"

namespace whisk::geometry {
namespace {

using namespace test;

SolidifyParams solidify_params(const json &p)
{
  SolidifyParams params;
  params.thickness = p.value("thickness", params.thickness);
  params.offset = p.value("offset", params.offset);
  params.use_even_offset = p.value("use_even_offset", params.use_even_offset);
  params.use_quality_normals = p.value("use_quality_normals", params.use_quality_normals);
  params.use_rim = p.value("use_rim", params.use_rim);
  params.use_rim_only = p.value("use_rim_only", params.use_rim_only);
  params.use_flip_normals = p.value("use_flip_normals", params.use_flip_normals);
  params.material_offset = p.value("material_offset", params.material_offset);
  params.material_offset_rim = p.value("material_offset_rim", params.material_offset_rim);
  /* The fixture's objects have no material slots unless the case says so. */
  params.material_count = p.value("material_count", 0);
  return params;
}

TEST(SolidifyModifier, MatchesBlender)
{
  const auto cases = fixture_cases("SOLIDIFY");
  ASSERT_GE(cases.size(), 10u);
  for (const json *c : cases) {
    const dna::Mesh input = build_mesh(fixture_mesh((*c)["mesh"]));
    const dna::Mesh result = mesh_solidify(input, solidify_params((*c)["params"]));
    expect_mesh_matches(result, (*c)["result"], MatchOrder::Exact, (*c)["name"]);
  }
}

TEST(SolidifyModifier, DefaultsMatchBlender)
{
  const json &d = modifiers_fixture()["defaults"]["SOLIDIFY"];
  const SolidifyParams params;
  EXPECT_EQ(d["solidify_mode"], "EXTRUDE");
  EXPECT_FLOAT_EQ(params.thickness, d["thickness"].get<float>());
  EXPECT_FLOAT_EQ(params.offset, d["offset"].get<float>());
  EXPECT_EQ(params.use_even_offset, d["use_even_offset"].get<bool>());
  EXPECT_EQ(params.use_quality_normals, d["use_quality_normals"].get<bool>());
  EXPECT_EQ(params.use_rim, d["use_rim"].get<bool>());
  EXPECT_EQ(params.use_rim_only, d["use_rim_only"].get<bool>());
  EXPECT_EQ(params.use_flip_normals, d["use_flip_normals"].get<bool>());
  EXPECT_EQ(params.material_offset, d["material_offset"].get<int>());
}

TEST(SolidifyModifier, UnknownMaterialCountStillOffsets)
{
  const dna::Mesh input = build_mesh(fixture_mesh("ngon"));
  SolidifyParams params;
  params.material_offset = 3;
  params.material_offset_rim = -10;
  const dna::Mesh result = mesh_solidify(input, params);
  ASSERT_EQ(result.faces_num, 12);
  EXPECT_EQ(kernel::mesh_material_index(result, 2), 3);
  EXPECT_EQ(kernel::mesh_material_index(result, 3), 4);
  EXPECT_EQ(kernel::mesh_material_index(result, 4), 0);
}

TEST(SolidifyModifier, EmptyAndLooseGeometry)
{
  dna::Mesh empty;
  EXPECT_EQ(mesh_solidify(empty, {}).verts_num, 0);
  /* Loose vertices and edges are doubled but get no rim. */
  dna::Mesh loose;
  const float3 verts[] = {{0, 0, 0}, {1, 0, 0}, {2, 1, 0}};
  const int2 edges[] = {{0, 1}, {1, 2}};
  kernel::mesh_from_pydata(loose, verts, edges, {}, {});
  const dna::Mesh result = mesh_solidify(loose, {});
  EXPECT_EQ(result.verts_num, 6);
  EXPECT_EQ(result.edges_num, 4);
  EXPECT_EQ(result.faces_num, 0);
  EXPECT_TRUE(kernel::mesh_is_valid(result));
}

}  // namespace
}  // namespace whisk::geometry
