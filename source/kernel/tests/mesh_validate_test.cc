// mesh_validate against Blender 3.4's Mesh.validate() (tests/fixtures/mesh_validate.json,
// from tools/oracle/gen_mesh_validate.py), damage only Whisk's storage can have, and a fuzz
// test: random garbage in every array must never crash and must always end valid.

#include <cmath>
#include <cstring>
#include <map>
#include <random>
#include <set>

#include "kernel_test_util.hh"
#include "whisk/kernel/mesh.hh"

namespace whisk::kernel::test {
namespace {

float parse_float(const json &value)
{
  if (value.is_string()) {
    const std::string s = value.get<std::string>();
    return s == "nan" ? NAN : (s == "-inf" ? -INFINITY : INFINITY);
  }
  return value.get<float>();
}

/** The case's damaged mesh, built directly on the arrays (as Blender's low-level API). */
Mesh build(const json &c)
{
  const json verts = c.value("verts", json::array()), edges = c.value("edges", json::array());
  const std::vector<int32_t> offsets = c.value("offsets", std::vector<int32_t>());
  const std::vector<int32_t> corner_verts = c.value("corner_verts", std::vector<int32_t>());
  const std::vector<int32_t> corner_edges = c.value("corner_edges", std::vector<int32_t>());
  const int32_t faces = std::max<int32_t>(int32_t(offsets.size()) - 1, 0);
  Mesh mesh;
  mesh_resize(mesh, int32_t(verts.size()), int32_t(edges.size()), faces,
              int32_t(corner_verts.size()));
  for (size_t v = 0; v < verts.size(); v++) {
    mesh_positions_for_write(mesh)[v] = {parse_float(verts[v][0]), parse_float(verts[v][1]),
                                         parse_float(verts[v][2])};
  }
  for (size_t e = 0; e < edges.size(); e++) {
    mesh_edges_for_write(mesh)[e] = {edges[e][0].get<int32_t>(), edges[e][1].get<int32_t>()};
  }
  if (faces) {
    std::ranges::copy(offsets, mesh_face_offsets_for_write(mesh).begin());
    std::ranges::copy(corner_verts, mesh_corner_verts_for_write(mesh).begin());
    std::ranges::copy(corner_edges, mesh_corner_edges_for_write(mesh).begin());
  }
  mesh.materials.resize(size_t(c.value("materials", 0)), nullptr);
  const std::vector<int32_t> materials = c.value("material_index", std::vector<int32_t>());
  for (size_t f = 0; f < materials.size(); f++) {
    mesh_material_index_set(mesh, int64_t(f), materials[f]);
  }
  if (c.contains("deform")) {
    for (int i = 0; i < c["groups"].get<int>(); i++) {
      mesh_vertex_group_add(mesh, "g" + std::to_string(i));
    }
    mesh.deform_verts.resize(size_t(mesh.verts_num));
    for (size_t v = 0; v < c["deform"].size(); v++) {
      /* BMesh's `dvert[group] = weight` semantics: setting a group again replaces it. */
      for (const json &pair : c["deform"][v]) {
        auto &list = mesh.deform_verts[v];
        const int32_t group = pair[0].get<int32_t>();
        auto it = std::ranges::find(list, group, &dna::DeformWeight::group);
        (it == list.end() ? list.emplace_back(group, 0.0f) : *it).weight = parse_float(pair[1]);
      }
    }
  }
  return mesh;
}

std::array<int32_t, 2> sorted_pair(int32_t a, int32_t b)
{
  return {std::min(a, b), std::max(a, b)};
}

void expect_like_blender(const json &c)
{
  SCOPED_TRACE(c["title"].get<std::string>());
  const json &r = c["result"];
  Mesh mesh = build(c);
  const MeshValidateReport report = mesh_validate(mesh);
  /* Blender 3.4 resets a negative material index but returns False; Whisk says changed. */
  const bool quirk = c["title"] == "material index negative";
  EXPECT_EQ(report.changed, r["changed"].get<bool>() || quirk);
  EXPECT_EQ(report.changed, !report.messages.empty());
  EXPECT_TRUE(mesh_is_valid(mesh));
  EXPECT_FALSE(mesh_validate(mesh).changed) << "a second validate must find nothing";

  ASSERT_EQ(mesh.verts_num, int32_t(r["positions"].size()));
  for (int32_t v = 0; v < mesh.verts_num; v++) {
    for (int k = 0; k < 3; k++) {
      EXPECT_FLOAT_EQ(mesh_positions(mesh)[size_t(v)][k], parse_float(r["positions"][v][k]));
    }
  }
  const std::span<const int2> edges = mesh_edges(mesh);
  ASSERT_EQ(mesh.edges_num, int32_t(r["edges"].size()));
  const bool edges_as_set = c["edges_as_set"].get<bool>();
  std::set<std::array<int32_t, 2>> got_edges, want_edges;
  for (int32_t e = 0; e < mesh.edges_num; e++) {
    const json &want = r["edges"][e];
    if (!edges_as_set) {
      EXPECT_EQ(edges[size_t(e)], int2(want[0].get<int32_t>(), want[1].get<int32_t>()));
    }
    got_edges.insert(sorted_pair(edges[size_t(e)].x, edges[size_t(e)].y));
    want_edges.insert(sorted_pair(want[0].get<int32_t>(), want[1].get<int32_t>()));
  }
  EXPECT_EQ(got_edges, want_edges);

  ASSERT_EQ(mesh.faces_num, int32_t(r["faces"].size()));
  const std::span<const int32_t> offsets = mesh_face_offsets(mesh);
  /* Blender 3.4 fixes the corner edges of a face before finding it overlaps a kept one, and
   * so breaks the kept face's shared corner (its own second validate changes it again).
   * Whisk only fixes corners of kept faces. */
  const bool blender_inconsistent = r["changed_again"].get<bool>();
  for (int32_t f = 0; f < mesh.faces_num; f++) {
    SCOPED_TRACE("face " + std::to_string(f));
    const json &want = r["faces"][f];
    ASSERT_EQ(offsets[size_t(f) + 1] - offsets[size_t(f)], int32_t(want.size()));
    for (size_t k = 0; k < want.size(); k++) {
      const int32_t corner = offsets[size_t(f)] + int32_t(k);
      EXPECT_EQ(mesh_corner_verts(mesh)[size_t(corner)], want[k].get<int32_t>());
      /* Corner edges by the pair they name (indices too when edges kept their order). Blender
       * may keep polygons out of corner order; Whisk moves the corners instead. */
      const int32_t blender_corner = r["loop_start"][f].get<int32_t>() + int32_t(k);
      const int32_t want_edge = r["corner_edges"][blender_corner].get<int32_t>();
      const int32_t got_edge = mesh_corner_edges(mesh)[size_t(corner)];
      if (blender_inconsistent) {
        continue; /* checked by mesh_is_valid above instead */
      }
      if (!edges_as_set) {
        EXPECT_EQ(got_edge, want_edge);
      }
      const json &we = r["edges"][want_edge];
      EXPECT_EQ(sorted_pair(edges[size_t(got_edge)].x, edges[size_t(got_edge)].y),
                sorted_pair(we[0].get<int32_t>(), we[1].get<int32_t>()));
    }
    EXPECT_EQ(mesh_material_index(mesh, f), r["material_index"][f].get<int32_t>());
  }
  EXPECT_EQ(mesh.corners_num, int32_t(r["corner_verts"].size()));

  if (c.contains("deform")) {
    /* Blender keeps weights in groups past the mesh's groups; Whisk removes them. */
    const int32_t groups = c["groups"].get<int32_t>();
    ASSERT_EQ(mesh.deform_verts.size(), r["deform"].size());
    for (size_t v = 0; v < mesh.deform_verts.size(); v++) {
      std::vector<dna::DeformWeight> want;
      for (const json &pair : r["deform"][v]) {
        if (pair[0].get<int32_t>() < groups) {
          want.push_back({pair[0].get<int32_t>(), parse_float(pair[1])});
        }
      }
      EXPECT_EQ(mesh.deform_verts[v], want) << "vertex " << v;
    }
  }
}

TEST(MeshValidate, MatchesBlender)
{
  const json fixture = load_fixture("mesh_validate.json");
  ASSERT_GT(fixture["cases"].size(), 20u);
  for (const json &c : fixture["cases"]) {
    expect_like_blender(c);
  }
}

/** A valid grid of two quads (6 vertices, 7 edges, 8 corners). */
Mesh two_quads()
{
  const float3 verts[] = {{0, 0, 0}, {1, 0, 0}, {2, 0, 0}, {0, 1, 0}, {1, 1, 0}, {2, 1, 0}};
  const int32_t offsets[] = {0, 4, 8};
  const int32_t corners[] = {0, 1, 4, 3, 1, 2, 5, 4};
  Mesh mesh;
  mesh_from_pydata(mesh, verts, {}, offsets, corners);
  return mesh;
}

TEST(MeshValidate, ValidMeshUnchanged)
{
  Mesh mesh = two_quads();
  EXPECT_TRUE(mesh_is_valid(mesh));
  const MeshValidateReport report = mesh_validate(mesh);
  EXPECT_FALSE(report.changed);
  EXPECT_TRUE(report.messages.empty());
  EXPECT_TRUE(mesh_is_valid(Mesh()));
  Mesh empty;
  EXPECT_FALSE(mesh_validate(empty).changed);
}

TEST(MeshValidate, AttributesFollowRemovedElements)
{
  Mesh mesh = two_quads();
  Attribute &uv = mesh_uv_map_add(mesh, "UVMap");
  Attribute &edge_weight = mesh_attribute_add(mesh, "w", AttrType::Float, AttrDomain::Edge);
  Attribute &face_id = mesh_attribute_add(mesh, "id", AttrType::Int, AttrDomain::Face);
  for (int32_t c = 0; c < 8; c++) {
    uv.mutable_span<float2>()[size_t(c)] = {float(c), 0.0f};
  }
  for (int32_t e = 0; e < 7; e++) {
    edge_weight.mutable_span<float>()[size_t(e)] = float(e);
  }
  face_id.mutable_span<int32_t>()[0] = 10;
  face_id.mutable_span<int32_t>()[1] = 11;
  /* Edge 0 becomes degenerate; face 0 uses a vertex twice (removed with its corners). */
  mesh_edges_for_write(mesh)[0] = {3, 3};
  mesh_corner_verts_for_write(mesh)[1] = 3;
  const MeshValidateReport report = mesh_validate(mesh);
  EXPECT_TRUE(report.changed);
  ASSERT_TRUE(mesh_is_valid(mesh));
  ASSERT_EQ(mesh.faces_num, 1);
  EXPECT_EQ(face_id.span<int32_t>()[0], 11);
  ASSERT_EQ(mesh.corners_num, 4);
  for (int32_t c = 0; c < 4; c++) {
    EXPECT_EQ(uv.span<float2>()[size_t(c)].x, float(c + 4));
  }
  ASSERT_EQ(mesh.edges_num, 6);
  EXPECT_EQ(edge_weight.span<float>()[0], 1.0f);
  EXPECT_EQ(edge_weight.span<float>()[5], 6.0f);
}

TEST(MeshValidate, AddedEdgesGetZeroAttributes)
{
  Mesh mesh = two_quads();
  Attribute &weight = mesh_attribute_add(mesh, "w", AttrType::Float, AttrDomain::Edge);
  std::ranges::fill(weight.mutable_span<float>(), 5.0f);
  /* Drop the last edge by shrinking the edge domain: a corner now needs a missing edge. */
  mesh_resize(mesh, mesh.verts_num, 6, mesh.faces_num, mesh.corners_num);
  EXPECT_FALSE(mesh_is_valid(mesh));
  EXPECT_TRUE(mesh_validate(mesh).changed);
  ASSERT_TRUE(mesh_is_valid(mesh));
  ASSERT_EQ(mesh.edges_num, 7);
  EXPECT_EQ(weight.span<float>()[5], 5.0f);
  EXPECT_EQ(weight.span<float>()[6], 0.0f);
}

TEST(MeshValidate, InconsistentStorage)
{
  Mesh mesh = two_quads();
  mesh.verts_num = 1000;                                   /* more than `position` holds */
  mesh.faces_num = 5;                                      /* offsets hold 3 entries */
  mesh.corners_num = -4;                                   /* negative */
  mesh.attributes.find(ATTR_CORNER_EDGE)->data.resize(10); /* not even whole ints */
  mesh_attribute_add(mesh, "flag", AttrType::Bool, AttrDomain::Edge).mutable_span<uint8_t>()[2] =
      7;
  attribute_add(mesh.attributes, "curvy", AttrDomain::Curve, AttrType::Float, 3);
  attribute_add(mesh.attributes, "dup", AttrDomain::Point, AttrType::Float, 6);
  mesh.attributes.attributes.push_back(std::make_unique<Attribute>(*mesh.attributes.find("dup")));
  mesh.active_attribute = "gone";
  mesh.deform_verts.resize(3);
  mesh.vertex_group_active_index = 9;
  EXPECT_FALSE(mesh_is_valid(mesh));
  const MeshValidateReport report = mesh_validate(mesh);
  EXPECT_TRUE(report.changed);
  EXPECT_GE(report.messages.size(), 8u);
  EXPECT_TRUE(mesh_is_valid(mesh));
  EXPECT_EQ(mesh.verts_num, 6);
  EXPECT_EQ(mesh.attributes.find("curvy"), nullptr);
  EXPECT_FALSE(mesh_validate(mesh).changed);
}

TEST(MeshValidate, ManyFixesAreSummarized)
{
  Mesh mesh;
  mesh_resize(mesh, 5000, 0, 0, 0);
  std::ranges::fill(mesh_positions_for_write(mesh), float3(NAN, 0, 0));
  const MeshValidateReport report = mesh_validate(mesh);
  EXPECT_LE(report.messages.size(), 201u);
  EXPECT_NE(report.messages.back().find("more"), std::string::npos);
}

/* ---- Fuzz ---------------------------------------------------------------------------------- */

/** A small mesh, mostly well-formed in shape (so that the deeper checks run), with garbage
 * in every array and, now and then, counts and array sizes that disagree. */
Mesh random_mesh(std::mt19937 &rng)
{
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  auto chance = [&](int percent) { return pick(0, 99) < percent; };
  const int32_t verts = pick(0, 7), edges = pick(0, 9), faces = pick(0, 5);
  std::vector<int32_t> offsets{chance(10) ? pick(-2, 3) : 0};
  for (int32_t f = 0; f < faces; f++) {
    offsets.push_back(offsets.back() + (chance(10) ? pick(-3, 2) : pick(3, 4)));
  }
  const int32_t corners = std::max(0, offsets.back() + (chance(15) ? pick(-2, 2) : 0));
  Mesh mesh;
  mesh_resize(mesh, verts, edges, faces, corners);
  const float garbage[] = {0.0f, 1.5f, -2.0f, NAN, INFINITY, -INFINITY, 1e30f};
  for (float3 &p : mesh_positions_for_write(mesh)) {
    p = {garbage[pick(0, 6)], garbage[pick(0, 2)], garbage[chance(20) ? pick(0, 6) : 0]};
  }
  for (int2 &e : mesh_edges_for_write(mesh)) {
    e = {pick(-1, verts), pick(-1, verts)};
  }
  if (faces) {
    std::ranges::copy(offsets, mesh_face_offsets_for_write(mesh).begin());
  }
  if (corners) {
    for (int32_t &v : mesh_corner_verts_for_write(mesh)) {
      v = chance(5) ? pick(-3, verts + 3) : pick(0, std::max(verts - 1, 0));
    }
    for (int32_t &e : mesh_corner_edges_for_write(mesh)) {
      e = pick(-2, edges + 2);
    }
    for (float2 &uv : mesh_uv_map_add(mesh, "UVMap").mutable_span<float2>()) {
      uv = {garbage[pick(0, 6)], 0.0f};
    }
  }
  for (int32_t f = 0; f < faces; f++) {
    mesh_material_index_set(mesh, f, pick(-3, 3));
  }
  for (uint8_t &b : mesh_attribute_add(mesh, "flag", AttrType::Bool, AttrDomain::Edge)
                        .mutable_span<uint8_t>())
  {
    b = uint8_t(pick(0, 3));
  }
  const int groups = pick(0, 2);
  for (int g = 0; g < groups; g++) {
    mesh_vertex_group_add(mesh, "g");
  }
  if (chance(50)) {
    mesh.deform_verts.resize(size_t(chance(90) ? verts : pick(0, 9)));
    for (auto &list : mesh.deform_verts) {
      for (int k = pick(0, 2); k > 0; k--) {
        list.push_back({pick(-1, 3), garbage[pick(0, 6)]});
      }
    }
  }
  /* Sizes that disagree with the counts. */
  if (chance(10)) {
    mesh.face_offsets.resize(size_t(pick(0, faces + 3)), pick(-1, corners + 1));
  }
  if (chance(3) && !mesh.face_offsets.empty()) {
    const int32_t extreme[] = {INT32_MIN, INT32_MAX, -1};
    mesh.face_offsets.mutable_span()[size_t(pick(0, int(mesh.face_offsets.size()) - 1))] =
        extreme[pick(0, 2)];
  }
  for (const auto &attribute : mesh.attributes.attributes) {
    if (chance(4)) {
      attribute->data.resize(size_t(pick(0, 40)), std::byte(0xff));
    }
  }
  int32_t *counts[] = {&mesh.verts_num, &mesh.edges_num, &mesh.faces_num, &mesh.corners_num};
  if (chance(10)) {
    *counts[pick(0, 3)] = pick(-5, 1000);
  }
  if (chance(5)) {
    mesh.active_attribute = "attribute" + std::to_string(pick(0, 9));
  }
  return mesh;
}

TEST(MeshValidate, FuzzNeverCrashesAndEndsValid)
{
  /* Kinds of fixes the fuzz must reach, so that it keeps testing the deep paths. */
  std::map<std::string, int> reached = {
      {"non-finite", 0},     {"twice", 0},         {"repeats edge", 0}, {"same vertices", 0},
      {"share corners", 0},  {"missing edge", 0},  {"fixed using", 0},  {"used by no face", 0},
      {"material index", 0}, {"do not exist", 0},  {"has weight", 0},   {"but data for", 0},
      {"bytes", 0},          {"boolean values", 0}};
  for (const uint32_t seed : {1u, 2u, 3u}) {
    std::mt19937 rng(seed);
    for (int i = 0; i < 1500; i++) {
      Mesh mesh = random_mesh(rng);
      const MeshValidateReport report = mesh_validate(mesh);
      ASSERT_EQ(report.changed, !report.messages.empty()) << "seed " << seed << " mesh " << i;
      for (auto &[kind, count] : reached) {
        count += std::ranges::count_if(report.messages, [&](const std::string &message) {
          return message.find(kind) != std::string::npos;
        });
      }
      ASSERT_TRUE(mesh_is_valid(mesh)) << "seed " << seed << " mesh " << i;
      const MeshValidateReport again = mesh_validate(mesh);
      ASSERT_FALSE(again.changed) << "seed " << seed << " mesh " << i << ": "
                                  << (again.messages.empty() ? "" : again.messages[0]);
    }
  }
  for (const auto &[kind, count] : reached) {
    EXPECT_GT(count, 0) << "no fuzz mesh needed a fix of kind \"" << kind << "\"";
  }
}

}  // namespace
}  // namespace whisk::kernel::test
