// Building and editing meshes: from_pydata, edges from faces, transform, flipping.

#include <algorithm>
#include <cstring>
#include <limits>

#include <tbb/parallel_for.h>

#include "whisk/base/error.hh"
#include "whisk/kernel/mesh.hh"

namespace whisk::kernel {

void mesh_from_pydata(Mesh &mesh, std::span<const float3> verts, std::span<const int2> edges,
                      std::span<const int32_t> face_offsets, std::span<const int32_t> face_verts)
{
  /* Check everything first: a bad index must leave the mesh as it was. */
  const int64_t verts_num = int64_t(verts.size());
  constexpr int64_t max_count = std::numeric_limits<int32_t>::max();
  if (verts_num > max_count || int64_t(edges.size()) > max_count ||
      int64_t(face_verts.size()) > max_count)
  {
    raise(ErrorKind::Value, "from_pydata: too many elements for a mesh");
  }
  for (size_t i = 0; i < edges.size(); i++) {
    for (int k = 0; k < 2; k++) {
      if (edges[i][k] < 0 || edges[i][k] >= verts_num) {
        raise(ErrorKind::Value, "from_pydata: edge ", i, " uses vertex ", edges[i][k],
              ", but the mesh has ", verts_num, " vertices");
      }
    }
  }
  const size_t faces_num = face_offsets.empty() ? 0 : face_offsets.size() - 1;
  for (size_t f = 0; f < faces_num; f++) {
    const int32_t begin = face_offsets[f], end = face_offsets[f + 1];
    if (end - begin < 3) {
      raise(ErrorKind::Value, "from_pydata: face ", f, " has ", end - begin,
            " vertices; faces need at least 3");
    }
    for (int32_t c = begin; c < end; c++) {
      const int32_t v = face_verts[size_t(c)];
      if (v < 0 || v >= verts_num) {
        raise(ErrorKind::Value, "from_pydata: face ", f, " uses vertex ", v,
              ", but the mesh has ", verts_num, " vertices");
      }
    }
  }

  mesh_clear_geometry(mesh);
  mesh_resize(mesh, int32_t(verts_num), int32_t(edges.size()), int32_t(faces_num),
              int32_t(face_verts.size()));
  if (!verts.empty()) {
    std::memcpy(mesh_positions_for_write(mesh).data(), verts.data(), verts.size_bytes());
  }
  if (!edges.empty()) {
    std::memcpy(mesh_edges_for_write(mesh).data(), edges.data(), edges.size_bytes());
  }
  if (faces_num) {
    std::memcpy(mesh_face_offsets_for_write(mesh).data(), face_offsets.data(),
                face_offsets.size_bytes());
    std::memcpy(mesh_corner_verts_for_write(mesh).data(), face_verts.data(),
                face_verts.size_bytes());
    mesh_calc_edges(mesh);
  }
  mesh_tag_topology_changed(mesh);
}

void mesh_calc_edges(Mesh &mesh)
{
  mesh_faces_check(mesh);
  const std::span<const int32_t> offsets = mesh_face_offsets(mesh);
  const std::span<const int32_t> corner_verts = mesh_corner_verts(mesh);
  const std::span<const int2> old_edges = mesh_edges(mesh);
  if (old_edges.size() != size_t(mesh.edges_num)) {
    raise(ErrorKind::Runtime, "Mesh \"", mesh.id.name,
          "\" has an edge array of the wrong size; call Mesh.validate() to repair it");
  }
  if (mesh.faces_num == 0) {
    return; /* no faces, no edges to find; the existing ones stay */
  }

  /* Edges are found by bucketing every (old edge, corner) by its lower vertex: each bucket
   * is small and contiguous, so finding duplicates is cache friendly and parallel, where
   * one big hash table of millions of pairs misses the cache on every insert. */
  const int32_t verts_num = mesh.verts_num;
  const size_t corners_num = corner_verts.size();
  auto next_corner = [&](int32_t face, int32_t c) {
    return c + 1 < offsets[size_t(face) + 1] ? c + 1 : offsets[size_t(face)];
  };
  auto valid_vert = [&](int32_t v) { return v >= 0 && v < verts_num; };
  std::vector<int32_t> bucket_start(size_t(verts_num) + 1, 0);
  for (const int2 &edge : old_edges) {
    if (valid_vert(edge.x) && valid_vert(edge.y)) {
      bucket_start[size_t(std::min(edge.x, edge.y)) + 1]++;
    }
  }
  for (int32_t f = 0; f < mesh.faces_num; f++) {
    for (int32_t c = offsets[size_t(f)]; c < offsets[size_t(f) + 1]; c++) {
      const int32_t v1 = corner_verts[size_t(c)], v2 = corner_verts[size_t(next_corner(f, c))];
      bucket_start[size_t(std::min(v1, v2)) + 1]++;
    }
  }
  for (size_t v = 0; v < size_t(verts_num); v++) {
    bucket_start[v + 1] += bucket_start[v];
  }
  /* Entries: the higher vertex, and the old edge (-1 - index) or the corner. Old edges go
   * first, then corners in order, so the first entry of a pair is what it maps to. */
  struct Entry {
    int32_t other;
    int32_t id;
  };
  std::unique_ptr<Entry[]> entries(new Entry[size_t(bucket_start.back())]);
  std::vector<int32_t> fill(bucket_start.begin(), bucket_start.end() - 1);
  for (size_t e = 0; e < old_edges.size(); e++) {
    const int2 edge = old_edges[e];
    if (valid_vert(edge.x) && valid_vert(edge.y)) {
      entries[size_t(fill[size_t(std::min(edge.x, edge.y))]++)] = {std::max(edge.x, edge.y),
                                                                   -1 - int32_t(e)};
    }
  }
  for (int32_t f = 0; f < mesh.faces_num; f++) {
    for (int32_t c = offsets[size_t(f)]; c < offsets[size_t(f) + 1]; c++) {
      const int32_t v1 = corner_verts[size_t(c)], v2 = corner_verts[size_t(next_corner(f, c))];
      entries[size_t(fill[size_t(std::min(v1, v2))]++)] = {std::max(v1, v2), c};
    }
  }
  /* match[c]: the old edge (-1 - index) or the first corner with the same edge. Every
   * corner is in exactly one bucket, so every entry is written (no zeroing needed). */
  std::unique_ptr<int32_t[]> match(new int32_t[corners_num]);
  tbb::parallel_for(tbb::blocked_range<int32_t>(0, verts_num, 1024), [&](auto range) {
    for (int32_t v = range.begin(); v < range.end(); v++) {
      const Entry *bucket = entries.get() + bucket_start[size_t(v)];
      const int32_t size = bucket_start[size_t(v) + 1] - bucket_start[size_t(v)];
      for (int32_t i = 0; i < size; i++) {
        if (bucket[i].id < 0) {
          continue;
        }
        int32_t first = bucket[i].id;
        for (int32_t j = 0; j < i; j++) {
          if (bucket[j].other == bucket[i].other) {
            first = bucket[j].id < 0 ? bucket[j].id : match[size_t(bucket[j].id)];
            break;
          }
        }
        match[size_t(bucket[i].id)] = first;
      }
    }
  });
  /* New edges are numbered in the order of their first corner (face order); corner edges
   * go straight into the mesh (its corner array keeps its size). */
  std::vector<int2> new_edges;
  new_edges.reserve(corners_num / 2);
  const std::span<int32_t> corner_edges = mesh_corner_edges_for_write(mesh);
  int32_t next = int32_t(old_edges.size());
  for (int32_t f = 0; f < mesh.faces_num; f++) {
    for (int32_t c = offsets[size_t(f)]; c < offsets[size_t(f) + 1]; c++) {
      const int32_t m = match[size_t(c)];
      if (m < 0) {
        corner_edges[size_t(c)] = -1 - m;
      }
      else if (m == c) {
        corner_edges[size_t(c)] = next++;
        new_edges.push_back({corner_verts[size_t(c)], corner_verts[size_t(next_corner(f, c))]});
      }
      else {
        corner_edges[size_t(c)] = corner_edges[size_t(m)];
      }
    }
  }
  const int32_t old_count = int32_t(old_edges.size());
  if (!new_edges.empty()) {
    mesh_resize(mesh, mesh.verts_num, old_count + int32_t(new_edges.size()), mesh.faces_num,
                mesh.corners_num);
    std::memcpy(mesh_edges_for_write(mesh).data() + old_count, new_edges.data(),
                new_edges.size() * sizeof(int2));
  }
  mesh_tag_topology_changed(mesh);
}

void mesh_transform(Mesh &mesh, const float4x4 &m)
{
  if (mesh.verts_num == 0) {
    return;
  }
  std::span<float3> positions = mesh_positions_for_write(mesh);
  tbb::parallel_for(tbb::blocked_range<size_t>(0, positions.size(), 4096), [&](auto range) {
    for (size_t i = range.begin(); i < range.end(); i++) {
      const float3 p = positions[i];
      positions[i] = {m.m[0][0] * p.x + m.m[1][0] * p.y + m.m[2][0] * p.z + m.m[3][0],
                      m.m[0][1] * p.x + m.m[1][1] * p.y + m.m[2][1] * p.z + m.m[3][1],
                      m.m[0][2] * p.x + m.m[1][2] * p.y + m.m[2][2] * p.z + m.m[3][2]};
    }
  });
  mesh_tag_positions_changed(mesh);
}

void mesh_flip_normals(Mesh &mesh)
{
  if (mesh.faces_num == 0) {
    return;
  }
  mesh_faces_check(mesh);
  if (mesh_corner_edges(mesh).size() != size_t(mesh.corners_num)) {
    raise(ErrorKind::Runtime, "Mesh \"", mesh.id.name, "\" has no loop edges; call update(calc_edges=True)");
  }
  /* Reversing corners [begin+1, end) keeps each face's first corner, as Blender does.
   * Corner attributes move with their corners; corner edges shift by one because the edge
   * of a corner leads to the next corner, which is now the previous one. */
  const std::span<const int32_t> offsets = mesh_face_offsets(mesh);
  for (const auto &attribute : mesh.attributes.attributes) {
    if (attribute->domain != AttrDomain::Corner || attribute->name == ATTR_CORNER_EDGE) {
      continue;
    }
    const size_t width = dna::attr_type_size(attribute->type);
    std::span<std::byte> bytes = attribute->data.mutable_span();
    tbb::parallel_for(int32_t(0), mesh.faces_num, [&](int32_t f) {
      int32_t a = offsets[size_t(f)] + 1, b = offsets[size_t(f) + 1] - 1;
      std::byte tmp[sizeof(dna::AttrString)];
      for (; a < b; a++, b--) {
        std::memcpy(tmp, &bytes[size_t(a) * width], width);
        std::memcpy(&bytes[size_t(a) * width], &bytes[size_t(b) * width], width);
        std::memcpy(&bytes[size_t(b) * width], tmp, width);
      }
    });
  }
  /* Corner i's edge led to corner i + 1; after the flip corner i is followed by what was
   * corner i - 1, so each face's list of edges simply reverses. */
  std::span<int32_t> corner_edges = mesh_corner_edges_for_write(mesh);
  tbb::parallel_for(int32_t(0), mesh.faces_num, [&](int32_t f) {
    std::reverse(corner_edges.begin() + offsets[size_t(f)],
                 corner_edges.begin() + offsets[size_t(f) + 1]);
  });
  mesh_tag_topology_changed(mesh);
}

}  // namespace whisk::kernel
