// mesh_subdivide against Blender 3.4's Subdivision Surface modifier (the "subdiv" cases of
// tests/fixtures/modifiers_subdiv.json): counts, element order, positions and UVs within
// 1e-4. Outputs the oracle only samples (big levels) are compared at the sampled vertices
// and on the sum of all positions.

#include <gtest/gtest.h>

#include <cmath>

#include "modifiers_fixture.hh"
#include "whisk/base/error.hh"
#include "whisk/geometry/mesh_subdivide.hh"

namespace whisk::geometry {
namespace {

using namespace testing;
constexpr float tolerance = 1e-4f;

UVSmooth uv_smooth_from(const std::string &name)
{
  if (name == "NONE") return UVSmooth::None;
  if (name == "PRESERVE_CORNERS") return UVSmooth::PreserveCorners;
  if (name == "PRESERVE_CORNERS_AND_JUNCTIONS") return UVSmooth::PreserveCornersAndJunctions;
  if (name == "PRESERVE_CORNERS_JUNCTIONS_AND_CONCAVE") {
    return UVSmooth::PreserveCornersJunctionsAndConcave;
  }
  if (name == "SMOOTH_ALL") return UVSmooth::SmoothAll;
  return UVSmooth::PreserveBoundaries;
}

SubdivideParams params_from(const json &p)
{
  SubdivideParams params;
  params.level = p.value("level", 1);
  params.simple = p.value("subdivision_type", "CATMULL_CLARK") == "SIMPLE";
  params.uv_smooth = uv_smooth_from(p.value("uv_smooth", "PRESERVE_BOUNDARIES"));
  params.boundary_smooth = p.value("boundary_smooth", "ALL") == "PRESERVE_CORNERS" ?
                               BoundarySmooth::PreserveCorners :
                               BoundarySmooth::All;
  params.use_creases = p.value("use_creases", true);
  params.use_limit_surface = p.value("use_limit_surface", true);
  params.quality = p.value("quality", 3);
  return params;
}

void expect_near(float3 a, float3 b, const std::string &what)
{
  EXPECT_TRUE(std::abs(a.x - b.x) <= tolerance && std::abs(a.y - b.y) <= tolerance &&
              std::abs(a.z - b.z) <= tolerance)
      << what << ": (" << a.x << ", " << a.y << ", " << a.z << ") vs oracle (" << b.x << ", "
      << b.y << ", " << b.z << ")";
}

void check_case(const json &c)
{
  SCOPED_TRACE(c["name"].get<std::string>());
  const dna::Mesh src = fixture_mesh(c["mesh"]);
  const dna::Mesh result = mesh_subdivide(src, params_from(c["params"]));
  const json &r = c["result"];
  ASSERT_EQ(result.verts_num, r["verts_num"].get<int>());
  ASSERT_EQ(result.edges_num, r["edges_num"].get<int>());
  ASSERT_EQ(result.faces_num, r["faces_num"].get<int>());
  ASSERT_EQ(result.corners_num, r["corners_num"].get<int>());
  EXPECT_TRUE(kernel::mesh_is_valid(result));
  const auto positions = kernel::mesh_positions(result);
  if (r.contains("samples")) {
    for (const json &s : r["samples"]) {
      const int v = s[0].get<int>();
      expect_near(positions[size_t(v)], to_float3(s[1]), "vertex " + std::to_string(v));
    }
    double sum[3] = {0, 0, 0};
    for (const float3 p : positions) {
      sum[0] += p.x, sum[1] += p.y, sum[2] += p.z;
    }
    for (int k = 0; k < 3; k++) {
      EXPECT_NEAR(sum[k], r["position_sum"][k].get<double>(), 1e-2);
    }
    return;
  }
  for (size_t v = 0; v < positions.size(); v++) {
    expect_near(positions[v], to_float3(r["verts"][v]), "vertex " + std::to_string(v));
  }
  EXPECT_EQ(mesh_edge_list(result), r["edges"].get<std::vector<std::vector<int>>>());
  EXPECT_EQ(mesh_faces(result), record_faces(r));
  if (r.contains("uvs")) {
    for (const auto &[name, values] : r["uvs"].items()) {
      const dna::Attribute *uv_map = result.attributes.find(name);
      ASSERT_NE(uv_map, nullptr) << name;
      const auto uvs = uv_map->span<float2>();
      int bad = 0;
      for (size_t i = 0; i < uvs.size(); i++) {
        const float2 expected = to_float2(values[i]);
        if (std::abs(uvs[i].x - expected.x) > tolerance ||
            std::abs(uvs[i].y - expected.y) > tolerance) {
          if (bad++ < 5) {
            ADD_FAILURE() << name << " corner " << i << ": (" << uvs[i].x << ", " << uvs[i].y
                          << ") vs oracle (" << expected.x << ", " << expected.y << ")";
          }
        }
      }
      EXPECT_EQ(bad, 0) << name;
    }
  }
  if (r.contains("material_index")) {
    for (size_t f = 0; f < r["material_index"].size(); f++) {
      EXPECT_EQ(kernel::mesh_material_index(result, int64_t(f)), r["material_index"][f].get<int>());
    }
  }
}

TEST(Subdiv, MatchesOracle)
{
  const json &cases = modifiers_fixture()["subdiv"];
  EXPECT_GE(cases.size(), 40u);
  for (const json &c : cases) {
    check_case(c);
  }
}

TEST(Subdiv, LevelZeroCopies)
{
  const dna::Mesh cube = fixture_mesh("cube");
  SubdivideParams params;
  params.level = 0;
  const dna::Mesh copy = mesh_subdivide(cube, params);
  EXPECT_EQ(copy.verts_num, 8);
  EXPECT_EQ(mesh_faces(copy), mesh_faces(cube));
  EXPECT_NE(copy.attributes.find("UVMap"), nullptr);
}

TEST(Subdiv, RefusesHugeResults)
{
  const dna::Mesh cube = fixture_mesh("cube");
  SubdivideParams params;
  params.level = 20;
  try {
    mesh_subdivide(cube, params);
    FAIL() << "level 20 should raise";
  }
  catch (const Error &error) {
    EXPECT_EQ(error.kind(), ErrorKind::Memory);
  }
  params.level = -1;
  EXPECT_THROW(mesh_subdivide(cube, params), Error);
  /* 14 on a cube: 6 * 4^14 faces, more than 2^31 corners. */
  params.level = 14;
  EXPECT_THROW(mesh_subdivide(cube, params), Error);
}

TEST(Subdiv, EmptyAndLooseOnly)
{
  dna::Mesh empty;
  empty.id.type = dna::IDType::Mesh;
  SubdivideParams params;
  params.level = 2;
  const dna::Mesh result = mesh_subdivide(empty, params);
  EXPECT_EQ(result.verts_num, 0);
  EXPECT_EQ(result.faces_num, 0);

  /* Only loose edges and a loose vertex: the edges are split, nothing else changes. */
  dna::Mesh loose;
  const float3 verts[] = {{0, 0, 0}, {1, 0, 0}, {2, 1, 0}, {5, 5, 5}};
  const int2 edges[] = {{0, 1}, {1, 2}};
  kernel::mesh_from_pydata(loose, verts, edges, {}, {});
  const dna::Mesh split = mesh_subdivide(loose, params);
  EXPECT_EQ(split.verts_num, 4 + 2 * 3);
  EXPECT_EQ(split.edges_num, 2 * 4);
  EXPECT_EQ(split.faces_num, 0);
  EXPECT_TRUE(kernel::mesh_is_valid(split));
  EXPECT_EQ(kernel::mesh_positions(split)[3], float3(5, 5, 5));
}

TEST(Subdiv, KeepsOtherAttributes)
{
  dna::Mesh mesh = fixture_mesh("ngon");
  auto weights = kernel::mesh_attribute_add(mesh, "w", dna::AttrType::Float,
                                            dna::AttrDomain::Point)
                     .mutable_span<float>();
  for (size_t v = 0; v < weights.size(); v++) {
    weights[v] = float(v);
  }
  SubdivideParams params;
  params.level = 2;
  const dna::Mesh result = mesh_subdivide(mesh, params);
  const auto w = result.attributes.find("w")->span<float>();
  for (int v = 0; v < mesh.verts_num; v++) {
    EXPECT_EQ(w[size_t(v)], float(v));
  }
  /* The first inner vertex of edge 0 lies a quarter of the way along it. */
  const int2 e = kernel::mesh_edges(mesh)[0];
  EXPECT_NEAR(w[size_t(mesh.verts_num)], 0.75f * float(e.x) + 0.25f * float(e.y), 1e-5f);
  EXPECT_EQ(result.attributes.find("material_index")->span<int32_t>().size(),
            size_t(result.faces_num));
}

TEST(Subdiv, Level7Cube)
{
  /* The benchmarked size: valid topology (its positions are sampled in cube_level7). */
  const dna::Mesh cube = fixture_mesh("cube");
  SubdivideParams params;
  params.level = 7;
  const dna::Mesh result = mesh_subdivide(cube, params);
  EXPECT_EQ(result.verts_num, 98306);
  EXPECT_EQ(result.edges_num, 196608);
  EXPECT_EQ(result.faces_num, 6 * 128 * 128);
  EXPECT_TRUE(kernel::mesh_is_valid(result));
}

}  // namespace
}  // namespace whisk::geometry
