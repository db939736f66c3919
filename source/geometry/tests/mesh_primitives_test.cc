// The primitive builders against what Blender 3.4's bpy.ops.mesh.primitive_*_add built
// (tests/fixtures/mesh_primitives.json, from tools/oracle/gen_mesh_primitives.py), and
// their clamping of bad parameters.
//
// Every primitive must match element for element, with one exception Blender forces: the
// UV sphere's faces come in blocks of `ring_count` (one block per column of faces, in
// order), but their order inside a block changes from one Blender run to the next (see
// mesh_primitives_sphere.cc), so inside a block they are compared as a set: each face with
// its exact corner order and UVs. Builders that leave edges empty (UV sphere, torus) are
// not compared on edges. WHISK_MESH_PRIMITIVES_FIXTURE may name another fixture of the same
// form (a larger one generated locally, say).

#include <gtest/gtest.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "whisk/base/error.hh"
#include "whisk/geometry/mesh_primitives.hh"

namespace whisk::geometry {
namespace {

using json = nlohmann::json;
constexpr float tolerance = 1e-5f;

const json &fixture()
{
  static const json data = [] {
    const char *override_path = std::getenv("WHISK_MESH_PRIMITIVES_FIXTURE");
    const std::string path = override_path && *override_path ? override_path :
                                             WHISK_FIXTURE_DIR "/mesh_primitives.json";
    std::ifstream stream(path);
    if (!stream) {
      ADD_FAILURE() << "missing fixture " << path;
      return json::object({{"cases", json::array()}});
    }
    return json::parse(stream);
  }();
  return data;
}

FillType fill_type(const json &params, const char *key, const char *fallback)
{
  const std::string name = params.value(key, fallback);
  return name == "NGON" ? FillType::NGon :
         name == "TRIFAN" ? FillType::TriangleFan :
                            FillType::Nothing;
}

MeshPrimitive build(const json &c)
{
  const std::string kind = c["primitive"];
  const json &p = c["params"];
  const bool uvs = p.value("calc_uvs", true);
  if (kind == "plane") {
    return primitive_plane(p.value("size", 2.0f), uvs);
  }
  if (kind == "cube") {
    return primitive_cube(p.value("size", 2.0f), uvs);
  }
  if (kind == "grid") {
    return primitive_grid(p.value("x_subdivisions", 10), p.value("y_subdivisions", 10),
                          p.value("size", 2.0f), uvs);
  }
  if (kind == "circle") {
    return primitive_circle(p.value("vertices", 32), p.value("radius", 1.0f),
                            fill_type(p, "fill_type", "NOTHING"), uvs);
  }
  if (kind == "uv_sphere") {
    return primitive_uv_sphere(p.value("segments", 32), p.value("ring_count", 16),
                               p.value("radius", 1.0f), uvs);
  }
  if (kind == "ico_sphere") {
    return primitive_ico_sphere(p.value("subdivisions", 2), p.value("radius", 1.0f), uvs);
  }
  if (kind == "cylinder") {
    return primitive_cylinder(p.value("vertices", 32), p.value("radius", 1.0f),
                              p.value("depth", 2.0f), fill_type(p, "end_fill_type", "NGON"),
                              uvs);
  }
  if (kind == "cone") {
    return primitive_cone(p.value("vertices", 32), p.value("radius1", 1.0f),
                          p.value("radius2", 0.0f), p.value("depth", 2.0f),
                          fill_type(p, "end_fill_type", "NGON"), uvs);
  }
  if (kind == "torus") {
    const TorusMode mode = p.value("mode", "MAJOR_MINOR") == "EXT_INT" ?
                               TorusMode::ExteriorInterior :
                               TorusMode::MajorMinor;
    return primitive_torus(p.value("major_segments", 48), p.value("minor_segments", 12),
                           p.value("major_radius", 1.0f), p.value("minor_radius", 0.25f),
                           p.value("generate_uvs", true), mode, p.value("abso_major_rad", 1.25f),
                           p.value("abso_minor_rad", 0.75f));
  }
  if (kind == "monkey") {
    return primitive_monkey(p.value("size", 2.0f), uvs);
  }
  ADD_FAILURE() << "unknown primitive " << kind;
  return {};
}

/** How many consecutive faces may come in any order (1: every face in Blender's order). */
size_t face_block(const json &c)
{
  if (c["primitive"] == "uv_sphere") {
    return size_t(c["params"].value("ring_count", 16));
  }
  return 1;
}

bool near(float3 a, const json &b)
{
  return std::abs(a.x - b[0].get<float>()) <= tolerance &&
         std::abs(a.y - b[1].get<float>()) <= tolerance &&
         std::abs(a.z - b[2].get<float>()) <= tolerance;
}
bool near(float2 a, const json &b)
{
  return std::abs(a.x - b[0].get<float>()) <= tolerance &&
         std::abs(a.y - b[1].get<float>()) <= tolerance;
}
std::string str(float3 v)
{
  return "(" + std::to_string(v.x) + ", " + std::to_string(v.y) + ", " + std::to_string(v.z) + ")";
}
std::string str(float2 v)
{
  return "(" + std::to_string(v.x) + ", " + std::to_string(v.y) + ")";
}

/** Oracle faces as vertex lists, and the UVs of their corners (empty without UVs). */
struct OracleFaces {
  std::vector<std::vector<int>> faces;
  std::vector<std::vector<float2>> uvs;
};
OracleFaces oracle_faces(const json &c)
{
  OracleFaces out;
  size_t corner = 0;
  for (const json &face : c["faces"]) {
    out.faces.push_back(face.get<std::vector<int>>());
    std::vector<float2> uvs;
    for (size_t k = 0; k < face.size() && !c["uvs"].is_null(); k++, corner++) {
      uvs.push_back({c["uvs"][corner][0].get<float>(), c["uvs"][corner][1].get<float>()});
    }
    out.uvs.push_back(uvs);
  }
  return out;
}

std::vector<int> face_of(const MeshPrimitive &m, size_t f)
{
  return {m.corner_verts.begin() + m.face_offsets[f], m.corner_verts.begin() + m.face_offsets[f + 1]};
}
std::vector<float2> face_uvs(const MeshPrimitive &m, size_t f)
{
  if (m.uvs.empty()) {
    return {};
  }
  return {m.uvs.begin() + m.face_offsets[f], m.uvs.begin() + m.face_offsets[f + 1]};
}

void expect_uvs(const std::vector<float2> &uvs, const std::vector<float2> &expected, size_t f)
{
  ASSERT_EQ(uvs.size(), expected.size()) << "face " << f;
  for (size_t k = 0; k < uvs.size(); k++) {
    ASSERT_TRUE(near(uvs[k], json::array({expected[k].x, expected[k].y})))
        << "face " << f << " corner " << k << ": " << str(uvs[k]) << " vs " << str(expected[k]);
  }
}

/** Positions and edges in order; faces (corner order and UVs included) in order, except
 * that within each run of `block` faces any order is accepted. */
void expect_matches(const json &c, const MeshPrimitive &m, const size_t block)
{
  const json &positions = c["positions"];
  ASSERT_EQ(m.positions.size(), positions.size());
  for (size_t v = 0; v < positions.size(); v++) {
    ASSERT_TRUE(near(m.positions[v], positions[v]))
        << "vertex " << v << ": " << str(m.positions[v]) << " vs " << positions[v];
  }
  const OracleFaces oracle = oracle_faces(c);
  ASSERT_EQ(m.face_offsets.size(), oracle.faces.empty() ? 0 : oracle.faces.size() + 1);
  ASSERT_EQ(m.uvs.empty(), c["uvs"].is_null() || oracle.faces.empty());
  for (size_t start = 0; start < oracle.faces.size(); start += block) {
    const size_t end = std::min(start + block, oracle.faces.size());
    /* Blender's faces of this block by their corners (no two alike). */
    std::map<std::vector<int>, size_t> blender_faces;
    for (size_t f = start; f < end; f++) {
      blender_faces[oracle.faces[f]] = f;
    }
    for (size_t f = start; f < end; f++) {
      auto it = blender_faces.find(face_of(m, f));
      ASSERT_NE(it, blender_faces.end())
          << "face " << f << " is not among Blender's faces " << start << " to " << end - 1
          << (block == 1 ? "" : " (in any order)");
      if (!m.uvs.empty()) {
        expect_uvs(face_uvs(m, f), oracle.uvs[it->second], f);
      }
      blender_faces.erase(it);
    }
  }
  if (!m.edges.empty()) {
    ASSERT_EQ(m.edges.size(), c["edges"].size());
    for (size_t e = 0; e < m.edges.size(); e++) {
      ASSERT_EQ(m.edges[e].x, c["edges"][e][0].get<int>()) << "edge " << e;
      ASSERT_EQ(m.edges[e].y, c["edges"][e][1].get<int>()) << "edge " << e;
    }
  }
}

TEST(MeshPrimitivesOracle, EveryCaseMatchesBlender)
{
  const json &cases = fixture()["cases"];
  EXPECT_GT(cases.size(), 0u);
  for (const json &c : cases) {
    SCOPED_TRACE(c["primitive"].get<std::string>() + " " + c["params"].dump());
    const MeshPrimitive mesh = build(c);
    expect_matches(c, mesh, face_block(c));
  }
}

/* ---- Bad parameters: clamped to the operators' hard limits, never a crash. ---- */

size_t face_count(const MeshPrimitive &m)
{
  return m.face_offsets.empty() ? 0 : m.face_offsets.size() - 1;
}

TEST(MeshPrimitivesClamp, CountsBelowTheMinimum)
{
  EXPECT_EQ(primitive_circle(0).positions.size(), 3u);
  EXPECT_EQ(primitive_circle(-7, 1.0f, FillType::TriangleFan).positions.size(), 4u);
  EXPECT_EQ(primitive_cylinder(2).positions.size(), 6u);
  EXPECT_EQ(primitive_cone(INT_MIN).positions.size(), 4u);
  EXPECT_EQ(primitive_grid(0, -4).positions.size(), 4u);
  const MeshPrimitive sphere = primitive_uv_sphere(1, 2);
  EXPECT_EQ(sphere.positions.size(), 3u * 2u + 2u);
  EXPECT_EQ(face_count(sphere), 9u);
  EXPECT_EQ(primitive_ico_sphere(0).positions.size(), 12u);
  EXPECT_EQ(primitive_ico_sphere(-3).positions.size(), 12u);
  EXPECT_EQ(primitive_torus(1, 2).positions.size(), 9u);
}

TEST(MeshPrimitivesClamp, NegativeAndNanSizesBecomeZero)
{
  for (const float bad : {-1.0f, -1e30f, std::nanf("")}) {
    for (const MeshPrimitive &m :
         {primitive_plane(bad), primitive_cube(bad), primitive_grid(3, 3, bad),
          primitive_circle(8, bad), primitive_uv_sphere(8, 4, bad), primitive_ico_sphere(2, bad),
          primitive_cylinder(8, bad, bad), primitive_monkey(bad)})
    {
      for (const float3 &p : m.positions) {
        EXPECT_EQ(p, float3()) << "size " << bad;
      }
      for (const float2 &uv : m.uvs) {
        EXPECT_TRUE(std::isfinite(uv.x) && std::isfinite(uv.y)) << "size " << bad;
      }
    }
  }
  /* Zero radii on both ends leave the two apexes, as in Blender. */
  EXPECT_EQ(primitive_cone(8, -1.0f, 0.0f).positions.size(), 2u);
}

TEST(MeshPrimitivesClamp, HugeValuesAreCappedToBlendersMaximum)
{
  const MeshPrimitive torus = primitive_torus(1 << 20, INT_MAX, 1e9f, 1e9f);
  EXPECT_EQ(torus.positions.size(), 256u * 256u);
  for (const float3 &p : torus.positions) {
    ASSERT_LE(std::abs(p.x), 20000.0f + 1.0f);
  }
  const MeshPrimitive sphere = primitive_uv_sphere(INT_MAX, 3);
  EXPECT_EQ(sphere.positions.size(), 100000u * 2u + 2u);
  const MeshPrimitive plane = primitive_plane(std::numeric_limits<float>::infinity());
  EXPECT_FLOAT_EQ(plane.positions[3].x, 999999995904.0f * 0.5f);
  /* Within the limits but too many elements for 32-bit indices: an error, not a crash. */
  try {
    primitive_grid(INT_MAX, INT_MAX);
    ADD_FAILURE() << "expected an error";
  }
  catch (const Error &e) {
    EXPECT_EQ(e.kind(), ErrorKind::Memory);
  }
}

TEST(MeshPrimitives, UvsOffLeavesNoUvs)
{
  EXPECT_TRUE(primitive_cube(2.0f, false).uvs.empty());
  EXPECT_TRUE(primitive_torus(6, 3, 1.0f, 0.25f, false).uvs.empty());
  EXPECT_TRUE(primitive_ico_sphere(3, 1.0f, false).uvs.empty());
  EXPECT_FALSE(primitive_ico_sphere(3).uvs.empty());
}

}  // namespace
}  // namespace whisk::geometry
