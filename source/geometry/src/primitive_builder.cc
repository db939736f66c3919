#include "primitive_builder.hh"

#include <algorithm>
#include <limits>

#include "whisk/base/error.hh"

namespace whisk::geometry::detail {

void check_element_counts(const char *primitive, int64_t verts, int64_t corners)
{
  constexpr int64_t limit = std::numeric_limits<int32_t>::max();
  if (verts > limit || corners > limit) {
    raise(ErrorKind::Memory, "mesh primitive ", primitive, ": ", verts, " vertices and ",
          corners, " face corners are more than a mesh can index (", limit, ")");
  }
}

void PrimitiveBuilder::reserve(int64_t verts, int64_t edges, int64_t faces, int64_t corners)
{
  mesh_.positions.reserve(size_t(verts));
  mesh_.edges.reserve(size_t(edges));
  mesh_.face_offsets.reserve(size_t(faces + 1));
  mesh_.corner_verts.reserve(size_t(corners));
  if (calc_uvs_) {
    mesh_.uvs.reserve(size_t(corners));
  }
  edge_index_.reserve(size_t(edges));
}

uint64_t PrimitiveBuilder::edge_key(int v1, int v2)
{
  const auto [lo, hi] = std::minmax(v1, v2);
  return (uint64_t(uint32_t(lo)) << 32) | uint32_t(hi);
}

void PrimitiveBuilder::ensure_edge(int v1, int v2)
{
  auto [it, inserted] = edge_index_.try_emplace(edge_key(v1, v2), int(mesh_.edges.size()));
  if (inserted) {
    mesh_.edges.push_back({v1, v2});
  }
}

void PrimitiveBuilder::add_face(std::span<const int> verts, std::span<const float2> uvs)
{
  const size_t n = verts.size();
  if (mesh_.face_offsets.empty()) {
    mesh_.face_offsets.push_back(0);
  }
  for (size_t i = 0; i < n; i++) {
    ensure_edge(verts[(i + n - 1) % n], verts[i]);
  }
  mesh_.corner_verts.insert(mesh_.corner_verts.end(), verts.begin(), verts.end());
  mesh_.face_offsets.push_back(int32_t(mesh_.corner_verts.size()));
  if (calc_uvs_) {
    mesh_.uvs.insert(mesh_.uvs.end(), uvs.begin(), uvs.end());
    mesh_.uvs.resize(mesh_.corner_verts.size());
  }
}

void remove_vertex(MeshPrimitive &mesh, int vert)
{
  mesh.positions.erase(mesh.positions.begin() + vert);
  std::erase_if(mesh.edges, [&](const int2 &e) { return e.x == vert || e.y == vert; });
  for (int2 &edge : mesh.edges) {
    edge.x -= edge.x > vert ? 1 : 0;
    edge.y -= edge.y > vert ? 1 : 0;
  }
  for (int32_t &v : mesh.corner_verts) {
    v -= v > vert ? 1 : 0;
  }
}

}  // namespace whisk::geometry::detail
