// Tests of whisk/kernel/mesh_topology.hh against what Blender 3.4 printed in
// tests/fixtures/mesh_topology.json (tools/oracle/gen_mesh_topology.py), plus brute-force
// checks of the maps and coverage checks of the triangulation.

#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>

#include <nlohmann/json.hpp>
#include <tbb/global_control.h>

#include "whisk/kernel/mesh_topology.hh"

namespace whisk::kernel {
namespace {

using json = nlohmann::json;
using dna::AttrDomain;
using dna::AttrType;

const json &fixture()
{
  static const json data = [] {
    std::ifstream stream(std::filesystem::path(WHISK_FIXTURE_DIR) / "mesh_topology.json");
    return stream ? json::parse(stream) : json();
  }();
  return data;
}

#define REQUIRE_FIXTURE() \
  if (fixture().is_null()) { \
    GTEST_SKIP() << "tests/fixtures/mesh_topology.json is not there"; \
  }

/** A mesh's arrays, owned, with MeshTopology spans over them. */
struct TestMesh {
  std::string name;
  std::vector<float3> positions;
  std::vector<int2> edges;
  std::vector<int32_t> face_offsets, corner_verts, corner_edges;

  MeshTopology topology() const
  {
    return {int32_t(positions.size()), edges, face_offsets, corner_verts, corner_edges};
  }

  static TestMesh from_json(const json &j)
  {
    TestMesh mesh;
    mesh.name = j.value("name", "");
    for (const json &v : j["verts"]) {
      mesh.positions.emplace_back(v[0].get<float>(), v[1].get<float>(), v[2].get<float>());
    }
    for (const json &e : j["edges"]) {
      mesh.edges.emplace_back(e[0].get<int>(), e[1].get<int>());
    }
    mesh.face_offsets = j["face_offsets"].get<std::vector<int32_t>>();
    mesh.corner_verts = j["loop_verts"].get<std::vector<int32_t>>();
    mesh.corner_edges = j["loop_edges"].get<std::vector<int32_t>>();
    return mesh;
  }

  /** A grid of nx * ny vertices, with edges and corner_edges built by hand. */
  static TestMesh grid(int nx, int ny)
  {
    TestMesh mesh;
    for (int y = 0; y < ny; y++) {
      for (int x = 0; x < nx; x++) {
        mesh.positions.emplace_back(float(x), float(y), 0.1f * float((x * 7 + y * 3) % 5));
      }
    }
    auto vert = [&](int x, int y) { return y * nx + x; };
    std::vector<int32_t> horizontal(size_t(nx * ny), -1), vertical(size_t(nx * ny), -1);
    for (int y = 0; y < ny; y++) {
      for (int x = 0; x < nx; x++) {
        if (x + 1 < nx) {
          horizontal[vert(x, y)] = int32_t(mesh.edges.size());
          mesh.edges.emplace_back(vert(x, y), vert(x + 1, y));
        }
        if (y + 1 < ny) {
          vertical[vert(x, y)] = int32_t(mesh.edges.size());
          mesh.edges.emplace_back(vert(x, y), vert(x, y + 1));
        }
      }
    }
    mesh.face_offsets.push_back(0);
    for (int y = 0; y + 1 < ny; y++) {
      for (int x = 0; x + 1 < nx; x++) {
        mesh.corner_verts.insert(mesh.corner_verts.end(),
                                 {vert(x, y), vert(x + 1, y), vert(x + 1, y + 1), vert(x, y + 1)});
        mesh.corner_edges.insert(mesh.corner_edges.end(),
                                 {horizontal[vert(x, y)], vertical[vert(x + 1, y)],
                                  horizontal[vert(x, y + 1)], vertical[vert(x, y)]});
        mesh.face_offsets.push_back(int32_t(mesh.corner_verts.size()));
      }
    }
    return mesh;
  }
};

std::vector<TestMesh> fixture_meshes()
{
  std::vector<TestMesh> meshes;
  for (const json &j : fixture()["meshes"]) {
    meshes.push_back(TestMesh::from_json(j));
  }
  return meshes;
}

float3 to_float3(const json &v) { return {v[0].get<float>(), v[1].get<float>(), v[2].get<float>()}; }

void expect_near(const float3 &actual, const float3 &expected, const std::string &what)
{
  EXPECT_NEAR(actual.x, expected.x, 1e-5f) << what;
  EXPECT_NEAR(actual.y, expected.y, 1e-5f) << what;
  EXPECT_NEAR(actual.z, expected.z, 1e-5f) << what;
}

std::vector<float3> face_normals_of(const TestMesh &mesh)
{
  std::vector<float3> normals(size_t(mesh.topology().faces_num()));
  face_normals_calc(mesh.positions, mesh.topology(), normals);
  return normals;
}

/* ---- Normals ----------------------------------------------------------------------------- */

TEST(MeshTopology, FaceNormalsMatchBlender)
{
  REQUIRE_FIXTURE();
  for (const json &j : fixture()["meshes"]) {
    const TestMesh mesh = TestMesh::from_json(j);
    const std::vector<float3> normals = face_normals_of(mesh);
    for (size_t face = 0; face < normals.size(); face++) {
      float3 expected = to_float3(j["poly_normals"][face]);
      /* Blender 3.4 leaves degenerate triangles and quads at zero in MeshPolygon.normal but
       * uses (0, 0, 1) for them everywhere else; we always give (0, 0, 1). */
      if (expected == float3()) {
        expected = float3(0, 0, 1);
      }
      expect_near(normals[face], expected, mesh.name + " face " + std::to_string(face));
    }
  }
}

TEST(MeshTopology, VertNormalsMatchBlender)
{
  REQUIRE_FIXTURE();
  for (const json &j : fixture()["meshes"]) {
    const TestMesh mesh = TestMesh::from_json(j);
    const std::vector<float3> face_normals = face_normals_of(mesh);
    std::vector<float3> normals(mesh.positions.size());
    vert_normals_calc(mesh.positions, mesh.topology(), face_normals, normals);
    for (size_t vert = 0; vert < normals.size(); vert++) {
      expect_near(normals[vert], to_float3(j["vert_normals"][vert]),
                  mesh.name + " vert " + std::to_string(vert));
    }
  }
}

TEST(MeshTopology, CornerNormalsMatchBlenderAutoSmooth)
{
  REQUIRE_FIXTURE();
  for (const json &j : fixture()["meshes"]) {
    const TestMesh mesh = TestMesh::from_json(j);
    const MeshTopology topology = mesh.topology();
    const std::vector<float3> face_normals = face_normals_of(mesh);
    /* Blender 3.4 auto smooth: marked sharp edges, plus edges sharper than the angle. */
    std::unique_ptr<bool[]> sharp_edges(new bool[mesh.edges.size()]);
    for (size_t edge = 0; edge < mesh.edges.size(); edge++) {
      sharp_edges[edge] = j["sharp_edge_flags"][edge].get<bool>();
    }
    edges_sharp_from_angle(topology, face_normals, j["angle"].get<float>(),
                           {sharp_edges.get(), mesh.edges.size()});
    std::unique_ptr<bool[]> sharp_faces(new bool[face_normals.size()]());
    for (const json &face : j["flat_faces"]) {
      sharp_faces[face.get<int>()] = true;
    }
    std::vector<float3> normals(mesh.corner_verts.size());
    corner_normals_calc(mesh.positions, topology, face_normals,
                        {sharp_edges.get(), mesh.edges.size()},
                        {sharp_faces.get(), face_normals.size()}, normals);
    for (size_t corner = 0; corner < normals.size(); corner++) {
      expect_near(normals[corner], to_float3(j["loop_normals"][corner]),
                  mesh.name + " corner " + std::to_string(corner));
    }
  }
}

TEST(MeshTopology, CornerNormalsWithoutSharpnessEqualVertNormals)
{
  const TestMesh mesh = TestMesh::grid(200, 150); /* takes the parallel code paths */
  const std::vector<float3> face_normals = face_normals_of(mesh);
  std::vector<float3> vert_normals(mesh.positions.size());
  vert_normals_calc(mesh.positions, mesh.topology(), face_normals, vert_normals);
  std::vector<float3> corner_normals(mesh.corner_verts.size());
  corner_normals_calc(mesh.positions, mesh.topology(), face_normals, {}, {}, corner_normals);
  for (size_t corner = 0; corner < corner_normals.size(); corner++) {
    expect_near(corner_normals[corner], vert_normals[mesh.corner_verts[corner]],
                "corner " + std::to_string(corner));
  }
}

/* The sequential and the parallel paths sum in the same order: bit-identical results. */
TEST(MeshTopology, NormalsSameWithOneThread)
{
  const TestMesh mesh = TestMesh::grid(300, 200);
  const std::vector<float3> face_normals = face_normals_of(mesh);
  std::unique_ptr<bool[]> sharp(new bool[mesh.edges.size()]());
  for (size_t edge = 0; edge < mesh.edges.size(); edge += 7) {
    sharp[edge] = true;
  }
  auto calc = [&](std::vector<float3> &verts, std::vector<float3> &corners) {
    verts.resize(mesh.positions.size());
    corners.resize(mesh.corner_verts.size());
    vert_normals_calc(mesh.positions, mesh.topology(), face_normals, verts);
    corner_normals_calc(mesh.positions, mesh.topology(), face_normals,
                        {sharp.get(), mesh.edges.size()}, {}, corners);
  };
  std::vector<float3> verts, corners, verts_1, corners_1;
  calc(verts, corners);
  {
    tbb::global_control one(tbb::global_control::max_allowed_parallelism, 1);
    calc(verts_1, corners_1);
  }
  EXPECT_EQ(std::memcmp(verts.data(), verts_1.data(), verts.size() * sizeof(float3)), 0);
  EXPECT_EQ(std::memcmp(corners.data(), corners_1.data(), corners.size() * sizeof(float3)), 0);
}

TEST(MeshTopology, SharpFromAngleKeepsExistingAndIgnoresPi)
{
  const TestMesh mesh = TestMesh::grid(3, 2);
  const std::vector<float3> face_normals = {float3(0, 0, 1), float3(0, 0, -1)};
  bool sharp[7] = {true, false, false, false, false, false, false};
  edges_sharp_from_angle(mesh.topology(), face_normals, float(M_PI), sharp);
  EXPECT_EQ(std::count(sharp, sharp + 7, true), 1);
  edges_sharp_from_angle(mesh.topology(), face_normals, 0.1f, sharp);
  EXPECT_TRUE(sharp[0]);
  /* The edge between the two faces is the only other one marked. */
  EXPECT_EQ(std::count(sharp, sharp + 7, true), 2);
}

/* ---- Triangulation ----------------------------------------------------------------------- */

std::pair<std::vector<int3>, std::vector<int32_t>> tris_of(const TestMesh &mesh)
{
  const MeshTopology topology = mesh.topology();
  std::vector<int3> tris(size_t(corner_tris_num(topology)));
  std::vector<int32_t> tri_faces(tris.size());
  corner_tris_calc(mesh.positions, topology, face_normals_of(mesh), tris, tri_faces);
  return {tris, tri_faces};
}

TEST(MeshTopology, CornerTrisMatchBlender)
{
  REQUIRE_FIXTURE();
  for (const json &j : fixture()["meshes"]) {
    const TestMesh mesh = TestMesh::from_json(j);
    const auto [tris, tri_faces] = tris_of(mesh);
    ASSERT_EQ(tris.size(), j["loop_tris"].size()) << mesh.name;
    for (size_t i = 0; i < tris.size(); i++) {
      const json &expected = j["loop_tris"][i];
      EXPECT_EQ(tris[i], int3(expected[0], expected[1], expected[2])) << mesh.name << " tri " << i;
      EXPECT_EQ(tri_faces[i], j["loop_tri_polys"][i].get<int32_t>()) << mesh.name;
    }
  }
}

/** Whether no two non-adjacent edges of the face cross (in the face's plane). */
bool face_is_simple(const TestMesh &mesh, int32_t face, const float3 &normal)
{
  const MeshTopology t = mesh.topology();
  const int32_t start = t.face_offsets[face];
  const int32_t size = t.face_size(face);
  auto point = [&](int32_t i) { return mesh.positions[mesh.corner_verts[start + (i % size)]]; };
  auto side = [&](float3 a, float3 b, float3 c) { return dot(cross(b - a, c - a), normal); };
  for (int32_t i = 0; i < size; i++) {
    for (int32_t j = i + 2; j < size; j++) {
      if (i == 0 && j == size - 1) {
        continue;
      }
      const float3 a = point(i), b = point(i + 1), c = point(j), d = point(j + 1);
      if (side(a, b, c) * side(a, b, d) < 0.0f && side(c, d, a) * side(c, d, b) < 0.0f) {
        return false;
      }
    }
  }
  return true;
}

/** Each face's triangles use exactly its corners and, for polygons that are simple (when
 * `simple` is set and the face does not cross itself), wind with it and cover its area
 * once. */
void check_coverage(const TestMesh &mesh, bool maybe_simple)
{
  const MeshTopology topology = mesh.topology();
  const auto [tris, tri_faces] = tris_of(mesh);
  const std::vector<float3> face_normals = face_normals_of(mesh);
  size_t tri = 0;
  for (int32_t face = 0; face < topology.faces_num(); face++) {
    std::set<int32_t> used;
    float tri_area = 0.0f;
    const bool simple = maybe_simple && face_is_simple(mesh, face, face_normals[face]);
    for (int32_t n = 0; n < topology.face_size(face) - 2; n++, tri++) {
      ASSERT_EQ(tri_faces[tri], face);
      const int3 t = tris[tri];
      for (int k = 0; k < 3; k++) {
        EXPECT_GE(t[k], topology.face_offsets[face]);
        EXPECT_LT(t[k], topology.face_offsets[face + 1]);
        used.insert(t[k]);
      }
      EXPECT_TRUE(t.x != t.y && t.y != t.z && t.x != t.z);
      const float3 a = mesh.positions[mesh.corner_verts[t.x]];
      const float3 b = mesh.positions[mesh.corner_verts[t.y]];
      const float3 c = mesh.positions[mesh.corner_verts[t.z]];
      const float signed_area = 0.5f * dot(cross(b - a, c - a), face_normals[face]);
      if (simple) {
        EXPECT_GE(signed_area, -1e-5f) << mesh.name << " tri " << tri << " winds backwards";
      }
      tri_area += std::abs(signed_area);
    }
    EXPECT_EQ(used.size(), size_t(topology.face_size(face))) << mesh.name;
    if (simple) {
      /* Polygon area from the shoelace formula in the face's plane. */
      float3 twice_area;
      for (int32_t c = topology.face_offsets[face]; c < topology.face_offsets[face + 1]; c++) {
        const int32_t next = c + 1 == topology.face_offsets[face + 1] ? topology.face_offsets[face] : c + 1;
        twice_area = twice_area + cross(mesh.positions[mesh.corner_verts[c]],
                                        mesh.positions[mesh.corner_verts[next]]);
      }
      EXPECT_NEAR(tri_area, 0.5f * std::abs(dot(twice_area, face_normals[face])),
                  1e-4f * std::max(1.0f, tri_area))
          << mesh.name << " face " << face;
    }
  }
}

TEST(MeshTopology, CornerTrisCoverFixturePolygons)
{
  REQUIRE_FIXTURE();
  for (const TestMesh &mesh : fixture_meshes()) {
    const bool simple = mesh.name.rfind("ngon_", 0) == 0 && mesh.name.find("collinear") == std::string::npos;
    check_coverage(mesh, simple);
  }
}

TEST(MeshTopology, CornerTrisSurviveSelfIntersectingAndDegenerateNgons)
{
  std::mt19937 rng(7);
  std::uniform_real_distribution<float> coord(-1.0f, 1.0f);
  for (int round = 0; round < 200; round++) {
    TestMesh mesh;
    const int size = 5 + round % 30;
    mesh.face_offsets = {0, size};
    for (int i = 0; i < size; i++) {
      /* Random points (self-intersecting) with some repeated and snapped to a line. */
      float3 p(coord(rng), coord(rng), round % 3 == 0 ? 0.0f : 0.05f * coord(rng));
      if (i > 0 && i % 4 == 0) {
        p = mesh.positions.back();
      }
      if (round % 5 == 0) {
        p.y = 0.0f;
      }
      mesh.positions.push_back(p);
      mesh.corner_verts.push_back(i);
    }
    check_coverage(mesh, false);
  }
}

/* ---- Bounds and maps --------------------------------------------------------------------- */

TEST(MeshTopology, Bounds)
{
  EXPECT_FALSE(bounds_calc({}).has_value());
  std::vector<float3> positions;
  for (int i = 0; i < 100000; i++) {
    positions.emplace_back(float(i % 97) - 40.0f, float(i % 13), -float(i % 1001));
  }
  const std::optional<Bounds> bounds = bounds_calc(positions);
  ASSERT_TRUE(bounds.has_value());
  EXPECT_EQ(bounds->min, float3(-40, 0, -1000));
  EXPECT_EQ(bounds->max, float3(56, 12, 0));
}

void expect_groups(const GroupedIndices &groups, const std::vector<std::vector<int32_t>> &expected)
{
  ASSERT_EQ(groups.size(), int32_t(expected.size()));
  for (size_t i = 0; i < expected.size(); i++) {
    const std::span<const int32_t> group = groups[int32_t(i)];
    EXPECT_EQ(std::vector<int32_t>(group.begin(), group.end()), expected[i]) << "group " << i;
  }
}

void check_maps(const TestMesh &mesh)
{
  const MeshTopology t = mesh.topology();
  std::vector<std::vector<int32_t>> vert_faces(mesh.positions.size()), vert_corners(mesh.positions.size()),
      vert_edges(mesh.positions.size()), edge_faces(mesh.edges.size());
  for (int32_t face = 0; face < t.faces_num(); face++) {
    for (int32_t c = t.face_offsets[face]; c < t.face_offsets[face + 1]; c++) {
      vert_faces[t.corner_verts[c]].push_back(face);
      edge_faces[t.corner_edges[c]].push_back(face);
    }
  }
  for (int32_t c = 0; c < t.corners_num(); c++) {
    vert_corners[t.corner_verts[c]].push_back(c);
  }
  for (int32_t e = 0; e < int32_t(mesh.edges.size()); e++) {
    vert_edges[mesh.edges[e].x].push_back(e);
    vert_edges[mesh.edges[e].y].push_back(e);
  }
  expect_groups(vert_to_face_map(t), vert_faces);
  expect_groups(vert_to_corner_map(t), vert_corners);
  expect_groups(vert_to_edge_map(t), vert_edges);
  expect_groups(edge_to_face_map(t), edge_faces);
}

TEST(MeshTopology, MapsMatchBruteForce)
{
  check_maps(TestMesh::grid(40, 30));
  check_maps(TestMesh::grid(300, 120)); /* big enough for the parallel map building */
  REQUIRE_FIXTURE();
  for (const TestMesh &mesh : fixture_meshes()) {
    SCOPED_TRACE(mesh.name);
    check_maps(mesh);
  }
}

}  // namespace
}  // namespace whisk::kernel
