#pragma once
// Shared by the modifier tests: the fixture of tools/oracle/gen_modifiers_array.py, input
// meshes rebuilt exactly as Blender numbered them, and comparison of a result with what
// Blender evaluated, element by element or, where the order cannot be matched, as sets.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "whisk/dna/mesh.hh"
#include "whisk/kernel/mesh.hh"

namespace whisk::geometry::test {

using json = nlohmann::json;
inline constexpr float kTolerance = 1e-4f;

inline const json &modifiers_fixture()
{
  static const json data = [] {
    const std::string path = WHISK_FIXTURE_DIR "/modifiers_array.json";
    std::ifstream stream(path);
    if (!stream) {
      ADD_FAILURE() << "missing fixture " << path;
      return json::object({{"cases", json::array()}, {"meshes", json::object()}});
    }
    return json::parse(stream);
  }();
  return data;
}

/** The fixture's cases for one modifier type (ARRAY, MIRROR, SOLIDIFY, WELD). */
inline std::vector<const json *> fixture_cases(const std::string &modifier)
{
  std::vector<const json *> cases;
  for (const json &c : modifiers_fixture()["cases"]) {
    if (c["modifier"] == modifier) {
      cases.push_back(&c);
    }
  }
  return cases;
}

inline float3 to_float3(const json &v)
{
  return {v[0].get<float>(), v[1].get<float>(), v[2].get<float>()};
}

inline float4x4 to_matrix(const json &columns)
{
  float4x4 m;
  for (int c = 0; c < 4; c++) {
    for (int r = 0; r < 4; r++) {
      m.m[c][r] = columns[c][r].get<float>();
    }
  }
  return m;
}

/** Rebuilds a recorded mesh with Blender's exact element order. */
inline dna::Mesh build_mesh(const json &rec)
{
  dna::Mesh mesh;
  const auto &offsets = rec["face_offsets"];
  const int32_t faces = offsets.empty() ? 0 : int32_t(offsets.size()) - 1;
  kernel::mesh_resize(mesh, int32_t(rec["verts"].size()), int32_t(rec["edges"].size()), faces,
                      int32_t(rec["corner_verts"].size()));
  std::span<float3> positions = kernel::mesh_positions_for_write(mesh);
  for (size_t i = 0; i < positions.size(); i++) {
    positions[i] = to_float3(rec["verts"][i]);
  }
  std::span<int2> edges = kernel::mesh_edges_for_write(mesh);
  for (size_t i = 0; i < edges.size(); i++) {
    edges[i] = {rec["edges"][i][0].get<int>(), rec["edges"][i][1].get<int>()};
  }
  if (faces) {
    std::span<int32_t> out = mesh.face_offsets.mutable_span();
    for (int32_t i = 0; i <= faces; i++) {
      out[i] = offsets[i].get<int32_t>();
    }
    std::span<int32_t> cv = kernel::mesh_corner_verts_for_write(mesh);
    std::span<int32_t> ce = kernel::mesh_corner_edges_for_write(mesh);
    for (size_t i = 0; i < cv.size(); i++) {
      cv[i] = rec["corner_verts"][i].get<int32_t>();
      ce[i] = rec["corner_edges"][i].get<int32_t>();
    }
  }
  for (const auto &[name, values] : rec["uvs"].items()) {
    std::span<float2> uvs = kernel::mesh_uv_map_add(mesh, name).mutable_span<float2>();
    for (size_t i = 0; i < uvs.size(); i++) {
      uvs[i] = {values[i][0].get<float>(), values[i][1].get<float>()};
    }
  }
  const auto &materials = rec["material_index"];
  if (std::ranges::any_of(materials, [](const json &m) { return m.get<int>() != 0; })) {
    for (int32_t f = 0; f < faces; f++) {
      kernel::mesh_material_index_set(mesh, f, materials[f].get<int32_t>());
    }
  }
  for (const json &name : rec["group_names"]) {
    kernel::mesh_vertex_group_add(mesh, name.get<std::string>());
  }
  if (!rec["weights"].empty()) {
    mesh.deform_verts.resize(size_t(mesh.verts_num));
    for (size_t v = 0; v < mesh.deform_verts.size(); v++) {
      for (const json &w : rec["weights"][v]) {
        mesh.deform_verts[v].push_back({w[0].get<int32_t>(), w[1].get<float>()});
      }
    }
  }
  kernel::mesh_tag_topology_changed(mesh);
  return mesh;
}

inline const json &fixture_mesh(const std::string &name)
{
  return modifiers_fixture()["meshes"][name];
}

inline std::map<int, float> weights_of(const dna::Mesh &mesh, int32_t v)
{
  std::map<int, float> out;
  if (size_t(v) < mesh.deform_verts.size()) {
    for (const dna::DeformWeight &dw : mesh.deform_verts[size_t(v)]) {
      out[dw.group] = dw.weight;
    }
  }
  return out;
}

inline std::map<int, float> weights_of(const json &rec, size_t v)
{
  std::map<int, float> out;
  if (v < rec["weights"].size()) {
    for (const json &w : rec["weights"][v]) {
      out[w[0].get<int>()] = w[1].get<float>();
    }
  }
  return out;
}

inline void expect_weights_eq(const std::map<int, float> &got, const std::map<int, float> &want,
                              const std::string &where)
{
  ASSERT_EQ(got.size(), want.size()) << where;
  for (const auto &[group, weight] : want) {
    ASSERT_TRUE(got.contains(group)) << where << " group " << group;
    EXPECT_NEAR(got.at(group), weight, kTolerance) << where << " group " << group;
  }
}

/** For result vertex i, the expected vertex at the same position (-1: none). */
inline std::vector<int> match_vertices(const dna::Mesh &mesh, const json &want)
{
  const std::span<const float3> positions = kernel::mesh_positions(mesh);
  std::vector<int> map(positions.size(), -1);
  std::vector<bool> used(want["verts"].size(), false);
  /* Coincident vertices (a mirror without merging) go to the same half of the vertices,
   * then to the nearest index. */
  const size_t half = used.size() / 2;
  for (size_t i = 0; i < positions.size(); i++) {
    size_t best_gap = SIZE_MAX;
    for (size_t j = 0; j < used.size(); j++) {
      const float d = length_squared(positions[i] - to_float3(want["verts"][j]));
      const size_t gap = (i > j ? i - j : j - i) + ((i < half) != (j < half) ? used.size() : 0);
      if (!used[j] && d <= kTolerance * kTolerance * 3 && gap < best_gap) {
        best_gap = gap;
        map[i] = int(j);
      }
    }
    if (map[i] >= 0) {
      used[size_t(map[i])] = true;
    }
  }
  return map;
}

/** How much of Blender's element order a comparison requires. */
enum class MatchOrder {
  Exact,    /* vertices, edges (with direction), faces and corners in order */
  Vertices, /* vertices in order; edges and faces as sets */
  Sets,     /* everything as sets, vertices matched by position */
};

/** Compares counts, then positions, edges, faces, UVs, materials and vertex groups. */
inline void expect_mesh_matches(const dna::Mesh &mesh, const json &want, MatchOrder order,
                                const std::string &name)
{
  const bool ordered = order == MatchOrder::Exact;
  const auto &offsets = want["face_offsets"];
  const int32_t faces = offsets.empty() ? 0 : int32_t(offsets.size()) - 1;
  ASSERT_EQ(mesh.verts_num, int32_t(want["verts"].size())) << name;
  ASSERT_EQ(mesh.edges_num, int32_t(want["edges"].size())) << name;
  ASSERT_EQ(mesh.faces_num, faces) << name;
  ASSERT_EQ(mesh.corners_num, int32_t(want["corner_verts"].size())) << name;
  std::vector<int> vmap(size_t(mesh.verts_num));
  if (order != MatchOrder::Sets) {
    for (size_t i = 0; i < vmap.size(); i++) {
      vmap[i] = int(i);
    }
  }
  else {
    vmap = match_vertices(mesh, want);
  }
  const std::span<const float3> positions = kernel::mesh_positions(mesh);
  for (size_t i = 0; i < vmap.size(); i++) {
    ASSERT_GE(vmap[i], 0) << name << ": no expected vertex at result vertex " << i;
    const float3 p = to_float3(want["verts"][size_t(vmap[i])]);
    for (int a = 0; a < 3; a++) {
      ASSERT_NEAR(positions[i][a], p[a], kTolerance) << name << " vertex " << i;
    }
    expect_weights_eq(weights_of(mesh, int32_t(i)), weights_of(want, size_t(vmap[i])),
                      name + " weights of vertex " + std::to_string(i));
  }
  /* Edges: in order with their direction, or as a set of vertex pairs. */
  const std::span<const int2> edges = kernel::mesh_edges(mesh);
  std::multiset<std::pair<int, int>> got_edges, want_edges;
  for (size_t e = 0; e < edges.size(); e++) {
    const int a = vmap[edges[e].x], b = vmap[edges[e].y];
    const int wa = want["edges"][e][0].get<int>(), wb = want["edges"][e][1].get<int>();
    if (ordered) {
      EXPECT_TRUE(a == wa && b == wb) << name << " edge " << e << ": (" << a << ", " << b
                                      << ") vs (" << wa << ", " << wb << ")";
    }
    got_edges.insert(std::minmax(a, b));
    want_edges.insert(std::minmax(wa, wb));
  }
  EXPECT_EQ(got_edges, want_edges) << name << ": edge sets differ";
  /* Faces: corner vertices, UVs and material; as sets each face starts at its smallest
   * vertex (the winding must still match). */
  const std::span<const int32_t> got_offsets = kernel::mesh_face_offsets(mesh);
  const std::span<const int32_t> corner_verts = kernel::mesh_corner_verts(mesh);
  const std::span<const int32_t> corner_edges = kernel::mesh_corner_edges(mesh);
  using FaceRecord = std::vector<std::vector<float>>;
  auto face_record = [&](auto vert_of, auto uv_of, int begin, int end, int material) {
    std::vector<std::vector<float>> corners;
    for (int c = begin; c < end; c++) {
      std::vector<float> item{float(vert_of(c))};
      for (const auto &[layer, _] : want["uvs"].items()) {
        const float2 uv = uv_of(layer, c);
        item.push_back(std::round(uv.x * 1e4f));
        item.push_back(std::round(uv.y * 1e4f));
      }
      corners.push_back(item);
    }
    if (!ordered) {
      std::ranges::rotate(corners, std::ranges::min_element(corners));
    }
    corners.push_back({float(material)});
    return corners;
  };
  std::vector<FaceRecord> got_faces, want_faces;
  for (int32_t f = 0; f < faces; f++) {
    got_faces.push_back(face_record(
        [&](int c) { return vmap[corner_verts[c]]; },
        [&](const std::string &layer, int c) {
          const dna::Attribute *a = mesh.attributes.find(layer);
          return a ? a->span<float2>()[size_t(c)] : float2(-1, -1);
        },
        got_offsets[f], got_offsets[f + 1], kernel::mesh_material_index(mesh, f)));
    want_faces.push_back(face_record(
        [&](int c) { return want["corner_verts"][size_t(c)].get<int>(); },
        [&](const std::string &layer, int c) {
          const json &uv = want["uvs"][layer][size_t(c)];
          return float2(uv[0].get<float>(), uv[1].get<float>());
        },
        offsets[f].get<int>(), offsets[f + 1].get<int>(), want["material_index"][f].get<int>()));
    if (ordered) {
      EXPECT_EQ(got_faces.back(), want_faces.back()) << name << " face " << f;
      for (int c = got_offsets[f]; c < got_offsets[f + 1]; c++) {
        EXPECT_EQ(corner_edges[c], want["corner_edges"][size_t(c)].get<int>())
            << name << " corner edge " << c;
      }
    }
  }
  if (!ordered) {
    std::ranges::sort(got_faces);
    std::ranges::sort(want_faces);
    EXPECT_EQ(got_faces, want_faces) << name << ": face sets differ";
  }
  EXPECT_EQ(mesh.vertex_group_names.size(), want["group_names"].size()) << name;
  EXPECT_TRUE(kernel::mesh_is_valid(mesh)) << name << ": result is not a valid mesh";
}

}  // namespace whisk::geometry::test
