// The Array modifier against Blender 3.4 (tests/fixtures/modifiers_array.json, from
// tools/oracle/gen_modifiers_array.py): every case element for element, in Blender's
// order. Also the guards against results too big to build.

#include <chrono>

#include "modifier_test_util.hh"
#include "whisk/base/error.hh"
#include "whisk/geometry/mesh_array.hh"

namespace whisk::geometry {
namespace {

using namespace test;

ArrayParams array_params(const json &p, std::vector<dna::Mesh> &caps)
{
  ArrayParams params;
  if (p.value("fit_type", "FIXED_COUNT") == "FIT_LENGTH") {
    params.fit_type = ArrayParams::FitType::FitLength;
  }
  params.count = p.value("count", params.count);
  params.fit_length = p.value("fit_length", params.fit_length);
  params.use_relative_offset = p.value("use_relative_offset", params.use_relative_offset);
  if (p.contains("relative_offset_displace")) {
    params.relative_offset_displace = to_float3(p["relative_offset_displace"]);
  }
  params.use_constant_offset = p.value("use_constant_offset", params.use_constant_offset);
  if (p.contains("constant_offset_displace")) {
    params.constant_offset_displace = to_float3(p["constant_offset_displace"]);
  }
  params.use_object_offset = p.value("use_object_offset", params.use_object_offset);
  if (p.contains("offset_matrix")) {
    params.offset_matrix = to_matrix(p["offset_matrix"]);
  }
  params.use_merge_vertices = p.value("use_merge_vertices", params.use_merge_vertices);
  params.use_merge_vertices_cap = p.value("use_merge_vertices_cap", params.use_merge_vertices_cap);
  params.merge_threshold = p.value("merge_threshold", params.merge_threshold);
  params.offset_u = p.value("offset_u", params.offset_u);
  params.offset_v = p.value("offset_v", params.offset_v);
  caps.reserve(2);
  if (p.contains("start_cap")) {
    caps.push_back(build_mesh(fixture_mesh(p["start_cap"])));
    params.start_cap = &caps.back();
  }
  if (p.contains("end_cap")) {
    caps.push_back(build_mesh(fixture_mesh(p["end_cap"])));
    params.end_cap = &caps.back();
  }
  return params;
}

TEST(ArrayModifier, MatchesBlender)
{
  const auto cases = fixture_cases("ARRAY");
  ASSERT_GE(cases.size(), 15u);
  for (const json *c : cases) {
    const dna::Mesh input = build_mesh(fixture_mesh((*c)["mesh"]));
    std::vector<dna::Mesh> caps;
    const ArrayParams params = array_params((*c)["params"], caps);
    const dna::Mesh result = mesh_array(input, params);
    expect_mesh_matches(result, (*c)["result"], MatchOrder::Exact, (*c)["name"]);
  }
}

TEST(ArrayModifier, DefaultsMatchBlender)
{
  const json &d = modifiers_fixture()["defaults"]["ARRAY"];
  const ArrayParams params;
  EXPECT_EQ(params.count, d["count"].get<int>());
  EXPECT_EQ(params.fit_type, ArrayParams::FitType::FixedCount);
  EXPECT_FLOAT_EQ(params.merge_threshold, d["merge_threshold"].get<float>());
  EXPECT_EQ(params.use_relative_offset, d["use_relative_offset"].get<bool>());
  EXPECT_EQ(params.use_merge_vertices, d["use_merge_vertices"].get<bool>());
  EXPECT_EQ(params.relative_offset_displace, to_float3(d["relative_offset_displace"]));
  EXPECT_EQ(params.constant_offset_displace, to_float3(d["constant_offset_displace"]));
}

TEST(ArrayModifier, HugeCountRaisesBeforeAllocating)
{
  const dna::Mesh cube = build_mesh(fixture_mesh("cube"));
  ArrayParams params;
  params.count = 1'000'000'000;
  const auto start = std::chrono::steady_clock::now();
  EXPECT_THROW(mesh_array(cube, params), Error);
  /* 640 million vertices and 1.9 billion corners fit in int32, not in the memory budget. */
  params.count = 80'000'000;
  try {
    mesh_array(cube, params);
    ADD_FAILURE() << "expected an error";
  }
  catch (const Error &error) {
    EXPECT_EQ(error.kind(), ErrorKind::Memory) << error.what();
  }
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
}

TEST(ArrayModifier, FitLengthGuards)
{
  const dna::Mesh cube = build_mesh(fixture_mesh("cube"));
  ArrayParams params;
  params.fit_type = ArrayParams::FitType::FitLength;
  params.fit_length = 1e9f;
  EXPECT_THROW(mesh_array(cube, params), Error);
  /* A tiny (but not zero) offset: more than Blender's 2^26 vertices. */
  params.fit_length = 1000.0f;
  params.use_relative_offset = false;
  params.use_constant_offset = true;
  params.constant_offset_displace = {2e-6f, 0, 0};
  EXPECT_THROW(mesh_array(cube, params), Error);
  /* No offset at all: one copy, as Blender, and no endless loop. */
  params.constant_offset_displace = {0, 0, 0};
  EXPECT_EQ(mesh_array(cube, params).verts_num, 8);
  params.fit_length = std::numeric_limits<float>::infinity();
  EXPECT_EQ(mesh_array(cube, params).verts_num, 8);
  params.constant_offset_displace = {1, 0, 0};
  EXPECT_THROW(mesh_array(cube, params), Error);
  params.fit_length = std::numeric_limits<float>::quiet_NaN();
  EXPECT_THROW(mesh_array(cube, params), Error);
  params.fit_length = -1e30f;
  EXPECT_EQ(mesh_array(cube, params).verts_num, 8);
}

TEST(ArrayModifier, EmptyAndBadCounts)
{
  dna::Mesh empty;
  EXPECT_EQ(mesh_array(empty, {}).verts_num, 0);
  const dna::Mesh cube = build_mesh(fixture_mesh("cube"));
  ArrayParams params;
  params.count = -5;
  EXPECT_EQ(mesh_array(cube, params).verts_num, 8);
}

}  // namespace
}  // namespace whisk::geometry
