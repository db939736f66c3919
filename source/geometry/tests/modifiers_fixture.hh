#pragma once
// Shared by the subdivide, triangulate and displace tests: the oracle fixture
// (tests/fixtures/modifiers_subdiv.json, from tools/oracle/gen_modifiers_subdiv.py) and
// rebuilding its input meshes exactly (Blender's vertex, edge, face and corner order).

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "whisk/dna/mesh.hh"
#include "whisk/kernel/mesh.hh"

namespace whisk::geometry::testing {

using json = nlohmann::json;

inline const json &modifiers_fixture()
{
  static const json data = [] {
    const std::string path = WHISK_FIXTURE_DIR "/modifiers_subdiv.json";
    std::ifstream stream(path);
    if (!stream) {
      ADD_FAILURE() << "missing fixture " << path;
      return json::object(
          {{"meshes", json::object()}, {"subdiv", json::array()}, {"triangulate", json::array()},
           {"displace", json::array()}});
    }
    return json::parse(stream);
  }();
  return data;
}

inline float3 to_float3(const json &v) { return {v[0].get<float>(), v[1].get<float>(), v[2].get<float>()}; }
inline float2 to_float2(const json &v) { return {v[0].get<float>(), v[1].get<float>()}; }

/** The fixture's mesh record as a whisk mesh, element for element. */
inline dna::Mesh mesh_from_record(const json &rec)
{
  std::vector<float3> verts;
  for (const json &v : rec["verts"]) {
    verts.push_back(to_float3(v));
  }
  std::vector<int2> edges;
  for (const json &e : rec["edges"]) {
    edges.push_back({e[0].get<int>(), e[1].get<int>()});
  }
  std::vector<int32_t> offsets{0}, face_verts;
  for (const json &f : rec["faces"]) {
    for (const json &v : f) {
      face_verts.push_back(v.get<int>());
    }
    offsets.push_back(int32_t(face_verts.size()));
  }
  dna::Mesh mesh;
  mesh.id.type = dna::IDType::Mesh;
  kernel::mesh_from_pydata(mesh, verts, edges, rec["faces"].empty() ? std::span<const int32_t>() :
                                                                      std::span<const int32_t>(offsets),
                           face_verts);
  if (rec.contains("uvs")) {
    for (const auto &[name, values] : rec["uvs"].items()) {
      auto uvs = kernel::mesh_uv_map_add(mesh, name).mutable_span<float2>();
      for (size_t i = 0; i < uvs.size(); i++) {
        uvs[i] = to_float2(values[i]);
      }
    }
  }
  if (rec.contains("material_index")) {
    for (size_t f = 0; f < rec["material_index"].size(); f++) {
      kernel::mesh_material_index_set(mesh, int64_t(f), rec["material_index"][f].get<int>());
    }
  }
  auto add_floats = [&](const char *key, const char *name, dna::AttrDomain domain) {
    if (rec.contains(key)) {
      auto values = kernel::mesh_attribute_add(mesh, name, dna::AttrType::Float, domain)
                        .mutable_span<float>();
      for (size_t i = 0; i < values.size(); i++) {
        values[i] = rec[key][i].get<float>();
      }
    }
  };
  add_floats("edge_creases", "crease_edge", dna::AttrDomain::Edge);
  add_floats("vert_creases", "crease_vert", dna::AttrDomain::Point);
  if (rec.contains("vertex_group")) {
    const int32_t group = kernel::mesh_vertex_group_add(mesh, "grp");
    for (size_t v = 0; v < rec["vertex_group"].size(); v++) {
      const float w = rec["vertex_group"][v].get<float>();
      if (w >= 0.0f) {
        const int32_t vert = int32_t(v);
        kernel::mesh_vertex_group_weights_add(mesh, group, {&vert, 1}, w,
                                              kernel::WeightMode::Replace);
      }
    }
  }
  return mesh;
}

inline dna::Mesh fixture_mesh(const std::string &name)
{
  return mesh_from_record(modifiers_fixture()["meshes"][name]);
}

/** Faces as vertex lists. */
inline std::vector<std::vector<int>> mesh_faces(const dna::Mesh &mesh)
{
  const auto offsets = kernel::mesh_face_offsets(mesh);
  const auto corner_verts = kernel::mesh_corner_verts(mesh);
  std::vector<std::vector<int>> faces;
  for (int f = 0; f < mesh.faces_num; f++) {
    faces.emplace_back(corner_verts.begin() + offsets[size_t(f)],
                       corner_verts.begin() + offsets[size_t(f) + 1]);
  }
  return faces;
}

inline std::vector<std::vector<int>> record_faces(const json &rec)
{
  std::vector<std::vector<int>> faces;
  for (const json &f : rec["faces"]) {
    faces.push_back(f.get<std::vector<int>>());
  }
  return faces;
}

inline std::vector<std::vector<int>> mesh_edge_list(const dna::Mesh &mesh)
{
  std::vector<std::vector<int>> edges;
  for (const int2 e : kernel::mesh_edges(mesh)) {
    edges.push_back({e.x, e.y});
  }
  return edges;
}

}  // namespace whisk::geometry::testing
