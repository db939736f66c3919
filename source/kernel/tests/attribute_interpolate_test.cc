// Tests of adapt_domain (whisk/kernel/mesh_topology.hh) against Blender 3.4's
// geometry.attribute_convert, recorded in tests/fixtures/mesh_topology.json
// ("interpolation_mesh" and "interpolation"; tools/oracle/gen_mesh_topology.py).

#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

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

struct Arrays {
  std::vector<int2> edges;
  std::vector<int32_t> face_offsets, corner_verts, corner_edges;
  int32_t verts_num = 0;
  MeshTopology topology() const
  {
    return {verts_num, edges, face_offsets, corner_verts, corner_edges};
  }
};

Arrays fixture_arrays(const json &j)
{
  Arrays a;
  a.verts_num = int32_t(j["verts"].size());
  for (const json &e : j["edges"]) {
    a.edges.emplace_back(e[0].get<int>(), e[1].get<int>());
  }
  a.face_offsets = j["face_offsets"].get<std::vector<int32_t>>();
  a.corner_verts = j["loop_verts"].get<std::vector<int32_t>>();
  a.corner_edges = j["loop_edges"].get<std::vector<int32_t>>();
  return a;
}

AttrDomain domain_from_name(const std::string &name)
{
  if (name == "POINT") return AttrDomain::Point;
  if (name == "EDGE") return AttrDomain::Edge;
  if (name == "FACE") return AttrDomain::Face;
  return AttrDomain::Corner;
}

AttrType type_from_name(const std::string &name)
{
  static const std::pair<const char *, AttrType> names[] = {
      {"FLOAT", AttrType::Float},         {"INT", AttrType::Int},
      {"FLOAT_VECTOR", AttrType::FloatVector}, {"FLOAT_COLOR", AttrType::FloatColor},
      {"BYTE_COLOR", AttrType::ByteColor}, {"BOOLEAN", AttrType::Bool},
      {"FLOAT2", AttrType::Float2},       {"INT8", AttrType::Int8}};
  for (const auto &[n, type] : names) {
    if (name == n) return type;
  }
  ADD_FAILURE() << "unknown type " << name;
  return AttrType::Float;
}

/** A fixture value list as the bytes of `type`. */
std::vector<std::byte> to_bytes(AttrType type, const json &values)
{
  std::vector<std::byte> bytes(values.size() * dna::attr_type_size(type));
  for (size_t i = 0; i < values.size(); i++) {
    std::byte *dst = bytes.data() + i * dna::attr_type_size(type);
    const json &v = values[i];
    switch (type) {
      case AttrType::Float: {
        const float f = v.get<float>();
        std::memcpy(dst, &f, 4);
        break;
      }
      case AttrType::Int: {
        const int32_t n = v.get<int32_t>();
        std::memcpy(dst, &n, 4);
        break;
      }
      case AttrType::Int8: *reinterpret_cast<int8_t *>(dst) = int8_t(v.get<int>()); break;
      case AttrType::Bool: *reinterpret_cast<bool *>(dst) = v.get<bool>(); break;
      case AttrType::ByteColor:
        for (int c = 0; c < 4; c++) {
          dst[c] = std::byte(v[c].get<int>());
        }
        break;
      default:
        for (size_t c = 0; c < v.size(); c++) {
          const float f = v[c].get<float>();
          std::memcpy(dst + 4 * c, &f, 4);
        }
    }
  }
  return bytes;
}

/** Compares converted bytes with the fixture: floats within 1e-5, the rest exactly. */
void expect_values(AttrType type, const std::vector<std::byte> &actual, const json &expected,
                   const std::string &what)
{
  const std::vector<std::byte> expected_bytes = to_bytes(type, expected);
  ASSERT_EQ(actual.size(), expected_bytes.size()) << what;
  const bool is_float = type == AttrType::Float || type == AttrType::Float2 ||
                        type == AttrType::FloatVector || type == AttrType::FloatColor;
  if (!is_float) {
    for (size_t i = 0; i < actual.size(); i++) {
      EXPECT_EQ(int(actual[i]), int(expected_bytes[i]))
          << what << " value " << i / dna::attr_type_size(type);
    }
    return;
  }
  const float *a = reinterpret_cast<const float *>(actual.data());
  const float *e = reinterpret_cast<const float *>(expected_bytes.data());
  for (size_t i = 0; i < actual.size() / 4; i++) {
    EXPECT_NEAR(a[i], e[i], 1e-5f) << what << " value " << i / (dna::attr_type_size(type) / 4);
  }
}

TEST(MeshTopologyInterpolate, MatchesBlenderAttributeConvert)
{
  if (fixture().is_null()) {
    GTEST_SKIP() << "tests/fixtures/mesh_topology.json is not there";
  }
  const Arrays arrays = fixture_arrays(fixture()["interpolation_mesh"]);
  int checked = 0;
  for (const json &record : fixture()["interpolation"]) {
    const AttrType type = type_from_name(record["type"]);
    const std::string what = record["type"].get<std::string>() + " " +
                             record["from"].get<std::string>() + " -> " +
                             record["to"].get<std::string>();
    const std::vector<std::byte> result =
        adapt_domain(arrays.topology(), type, to_bytes(type, record["src"]),
                     domain_from_name(record["from"]), domain_from_name(record["to"]));
    expect_values(type, result, record["dst"], what);
    checked++;
  }
  EXPECT_GE(checked, 8 * 12);
}

/** A quad and a triangle sharing edge 1-2 (corner_edges by hand). */
Arrays two_faces()
{
  Arrays a;
  a.verts_num = 5;
  a.edges = {{0, 1}, {1, 2}, {2, 3}, {3, 0}, {1, 4}, {4, 2}};
  a.face_offsets = {0, 4, 7};
  a.corner_verts = {0, 1, 2, 3, 1, 4, 2};
  a.corner_edges = {0, 1, 2, 3, 4, 5, 1};
  return a;
}

template<typename T> std::vector<std::byte> bytes_of(const std::vector<T> &values)
{
  std::vector<std::byte> bytes(values.size() * sizeof(T));
  std::memcpy(bytes.data(), values.data(), bytes.size());
  return bytes;
}

template<typename T> std::vector<T> values_of(const std::vector<std::byte> &bytes)
{
  std::vector<T> values(bytes.size() / sizeof(T));
  std::memcpy(values.data(), bytes.data(), bytes.size());
  return values;
}

TEST(MeshTopologyInterpolate, SameDomainCopies)
{
  const Arrays a = two_faces();
  const std::vector<int32_t> src = {1, 2, 3, 4, 5};
  EXPECT_EQ(values_of<int32_t>(adapt_domain(a.topology(), AttrType::Int, bytes_of(src),
                                            AttrDomain::Point, AttrDomain::Point)),
            src);
}

TEST(MeshTopologyInterpolate, StringsTakeFirstSource)
{
  const Arrays a = two_faces();
  std::vector<dna::AttrString> src(2);
  std::strcpy(src[0].s, "quad");
  src[0].length = 4;
  std::strcpy(src[1].s, "tri");
  src[1].length = 3;
  const std::vector<dna::AttrString> points = values_of<dna::AttrString>(
      adapt_domain(a.topology(), AttrType::String, bytes_of(src), AttrDomain::Face,
                   AttrDomain::Point));
  ASSERT_EQ(points.size(), 5u);
  EXPECT_STREQ(points[1].s, "quad"); /* faces 0 and 1: the first wins */
  EXPECT_STREQ(points[4].s, "tri");
}

TEST(MeshTopologyInterpolate, Int2AndQuaternion)
{
  const Arrays a = two_faces();
  const std::vector<int2> src = {{0, 10}, {1, -3}, {2, 5}, {3, 0}, {4, 1}};
  const std::vector<int2> faces = values_of<int2>(adapt_domain(
      a.topology(), AttrType::Int2, bytes_of(src), AttrDomain::Point, AttrDomain::Face));
  EXPECT_EQ(faces[0], int2(2, 3));   /* (6 / 4 = 1.5 -> 2, 12 / 4 = 3) */
  EXPECT_EQ(faces[1], int2(2, 1));   /* (7 / 3 -> 2, 3 / 3 = 1) */

  const std::vector<Quaternion> quats = {Quaternion{1, 0, 0, 0}, Quaternion{0, 1, 0, 0}};
  const std::vector<Quaternion> edges = values_of<Quaternion>(adapt_domain(
      a.topology(), AttrType::Quaternion, bytes_of(quats), AttrDomain::Face, AttrDomain::Edge));
  EXPECT_NEAR(edges[1].w, std::sqrt(0.5f), 1e-6f); /* shared edge: normalized mean */
  EXPECT_NEAR(edges[1].x, std::sqrt(0.5f), 1e-6f);
  EXPECT_EQ(edges[0], quats[0]);
}

TEST(MeshTopologyInterpolate, RejectsWrongSizes)
{
  const Arrays a = two_faces();
  const std::vector<float> src = {1.0f, 2.0f};
  EXPECT_ANY_THROW(
      adapt_domain(a.topology(), AttrType::Float, bytes_of(src), AttrDomain::Point, AttrDomain::Face));
}

}  // namespace
}  // namespace whisk::kernel
