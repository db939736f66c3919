// The Weld modifier against Blender 3.4 (tests/fixtures/modifiers_array.json, from
// tools/oracle/gen_modifiers_array.py): every case element for element, in Blender's order.

#include "modifier_test_util.hh"
#include "whisk/geometry/mesh_weld.hh"

namespace whisk::geometry {
namespace {

using namespace test;

WeldParams weld_params(const json &p)
{
  WeldParams params;
  params.mode = p.value("mode", "ALL") == "CONNECTED" ? WeldParams::Mode::Connected :
                                                        WeldParams::Mode::All;
  params.merge_threshold = p.value("merge_threshold", params.merge_threshold);
  params.loose_edges = p.value("loose_edges", params.loose_edges);
  return params;
}

TEST(WeldModifier, MatchesBlender)
{
  const auto cases = fixture_cases("WELD");
  ASSERT_GE(cases.size(), 10u);
  for (const json *c : cases) {
    const dna::Mesh input = build_mesh(fixture_mesh((*c)["mesh"]));
    const dna::Mesh result = mesh_weld(input, weld_params((*c)["params"]));
    expect_mesh_matches(result, (*c)["result"], MatchOrder::Exact, (*c)["name"]);
  }
}

TEST(WeldModifier, DefaultsMatchBlender)
{
  const json &d = modifiers_fixture()["defaults"]["WELD"];
  const WeldParams params;
  EXPECT_FLOAT_EQ(params.merge_threshold, d["merge_threshold"].get<float>());
  EXPECT_EQ(d["mode"], "ALL");
  EXPECT_EQ(params.mode, WeldParams::Mode::All);
  EXPECT_EQ(params.loose_edges, d["loose_edges"].get<bool>());
}

TEST(WeldModifier, EmptyAndCoincidentMeshes)
{
  dna::Mesh empty;
  EXPECT_EQ(mesh_weld(empty, {}).verts_num, 0);
  /* Many vertices at one point (a worst case for the k-d tree) become one. */
  dna::Mesh points;
  std::vector<float3> verts(5000, float3(1, 2, 3));
  kernel::mesh_from_pydata(points, verts, {}, {}, {});
  for (const auto mode : {WeldParams::Mode::All, WeldParams::Mode::Connected}) {
    WeldParams params;
    params.mode = mode;
    const dna::Mesh result = mesh_weld(points, params);
    EXPECT_EQ(result.verts_num, mode == WeldParams::Mode::All ? 1 : 5000);
  }
}

}  // namespace
}  // namespace whisk::geometry
