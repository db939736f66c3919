// The Mirror modifier against Blender 3.4 (tests/fixtures/modifiers_array.json, from
// tools/oracle/gen_modifiers_array.py): element for element, except the edges and faces of
// the bisect cases, which are compared as sets (faces with their corner order, UVs and
// materials): Blender cuts through BMesh, whose new edges and faces come in an order driven
// by its face stack (see mesh_mirror_bisect.cc). Their vertices do match in order.
// Also Blender's vertex group name flipping (bpy.utils.flip_name).

#include "modifier_test_util.hh"
#include "whisk/geometry/mesh_mirror.hh"

namespace whisk::geometry {
namespace {

using namespace test;

std::array<bool, 3> bools3(const json &p, const char *key, std::array<bool, 3> fallback)
{
  if (!p.contains(key)) {
    return fallback;
  }
  return {p[key][0].get<bool>(), p[key][1].get<bool>(), p[key][2].get<bool>()};
}

MirrorParams mirror_params(const json &p)
{
  MirrorParams params;
  params.use_axis = bools3(p, "use_axis", params.use_axis);
  params.use_bisect_axis = bools3(p, "use_bisect_axis", params.use_bisect_axis);
  params.use_bisect_flip_axis = bools3(p, "use_bisect_flip_axis", params.use_bisect_flip_axis);
  params.use_mirror_merge = p.value("use_mirror_merge", params.use_mirror_merge);
  params.merge_threshold = p.value("merge_threshold", params.merge_threshold);
  params.bisect_threshold = p.value("bisect_threshold", params.bisect_threshold);
  if (p.contains("mirror_matrix")) {
    params.use_mirror_object = true;
    params.mirror_matrix = to_matrix(p["mirror_matrix"]);
    params.object_matrix = to_matrix(p["object_matrix"]);
  }
  params.use_mirror_vertex_groups = p.value("use_mirror_vertex_groups",
                                            params.use_mirror_vertex_groups);
  params.use_mirror_u = p.value("use_mirror_u", params.use_mirror_u);
  params.use_mirror_v = p.value("use_mirror_v", params.use_mirror_v);
  params.use_mirror_udim = p.value("use_mirror_udim", params.use_mirror_udim);
  params.mirror_offset_u = p.value("mirror_offset_u", params.mirror_offset_u);
  params.mirror_offset_v = p.value("mirror_offset_v", params.mirror_offset_v);
  params.offset_u = p.value("offset_u", params.offset_u);
  params.offset_v = p.value("offset_v", params.offset_v);
  return params;
}

TEST(MirrorModifier, MatchesBlender)
{
  const auto cases = fixture_cases("MIRROR");
  ASSERT_GE(cases.size(), 15u);
  for (const json *c : cases) {
    const json &p = (*c)["params"];
    const dna::Mesh input = build_mesh(fixture_mesh((*c)["mesh"]));
    const MirrorParams params = mirror_params(p);
    const bool bisect = std::ranges::any_of(params.use_bisect_axis, [](bool b) { return b; });
    expect_mesh_matches(mesh_mirror(input, params), (*c)["result"],
                        bisect ? MatchOrder::Vertices : MatchOrder::Exact, (*c)["name"]);
  }
}

TEST(MirrorModifier, DefaultsMatchBlender)
{
  const json &d = modifiers_fixture()["defaults"]["MIRROR"];
  const MirrorParams params;
  EXPECT_EQ(params.use_axis, bools3(d, "use_axis", {}));
  EXPECT_EQ(params.use_bisect_axis, bools3(d, "use_bisect_axis", {}));
  EXPECT_EQ(params.use_mirror_merge, d["use_mirror_merge"].get<bool>());
  EXPECT_FLOAT_EQ(params.merge_threshold, d["merge_threshold"].get<float>());
  EXPECT_FLOAT_EQ(params.bisect_threshold, d["bisect_threshold"].get<float>());
  EXPECT_EQ(params.use_mirror_vertex_groups, d["use_mirror_vertex_groups"].get<bool>());
  EXPECT_EQ(params.use_mirror_u, d["use_mirror_u"].get<bool>());
}

TEST(MirrorModifier, FlipNamesMatchBlender)
{
  for (const auto &[name, flipped] : modifiers_fixture()["flip_names"].items()) {
    EXPECT_EQ(flip_side_name(name), flipped.get<std::string>()) << name;
  }
  for (const auto &[name, flipped] : modifiers_fixture()["flip_names_strip"].items()) {
    EXPECT_EQ(flip_side_name(name, true), flipped.get<std::string>()) << name;
  }
}

TEST(MirrorModifier, EmptyMeshAndNoAxis)
{
  dna::Mesh empty;
  EXPECT_EQ(mesh_mirror(empty, {}).verts_num, 0);
  const dna::Mesh cube = build_mesh(fixture_mesh("cube"));
  MirrorParams params;
  params.use_axis = {false, false, false};
  const dna::Mesh same = mesh_mirror(cube, params);
  expect_mesh_matches(same, fixture_mesh("cube"), MatchOrder::Exact, "no axis");
}

}  // namespace
}  // namespace whisk::geometry
