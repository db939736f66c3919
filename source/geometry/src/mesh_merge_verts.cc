// Vertex merge by target map, as Blender's array and mirror modifiers do it (see
// mesh_modifier_util.hh). Reproduces Blender's element order: unmerged vertices, the first
// of each set of duplicate edges and the surviving faces keep their relative order; edges
// made to close a face whose corners were removed come after the kept ones.

#include <algorithm>
#include <tuple>

#include "mesh_modifier_util.hh"
#include "whisk/kernel/mesh.hh"

namespace whisk::geometry::detail {

namespace {

/** First-level face match (vertex index sum, xor and count): cheap, not exact. */
struct FaceKey {
  uint32_t sum = 0, xr = 0;
  int32_t count = 0;
  std::tuple<uint32_t, uint32_t, int32_t> tuple() const { return {sum, xr, count}; }
};

/** Whether the merged vertices of face `src` run around face `dst` (raw vertices) in the
 * same (dir 1) or reverse (dir -1) order, consecutive repeats in `src` counted once. */
bool face_matches(std::span<const int32_t> offsets, std::span<const int32_t> corner_verts,
                  std::span<const int32_t> targets, int32_t src, int32_t dst, int dir)
{
  const int32_t s0 = offsets[src], ns = offsets[src + 1] - s0;
  const int32_t t0 = offsets[dst], nt = offsets[dst + 1] - t0;
  int32_t vs = targets[corner_verts[s0]];
  int32_t start = 0;
  while (start < nt && corner_verts[t0 + start] != vs) {
    start++;
  }
  if (start == nt) {
    return false;
  }
  const int32_t first = vs;
  int32_t i_src = 0, step = 0;
  int32_t vt = corner_verts[t0 + start];
  while (true) {
    do {
      if (++i_src == ns) {
        return step == nt - 1;
      }
      vs = targets[corner_verts[s0 + i_src]];
    } while (vs == vt);
    if (++step == nt) {
      /* The target face ended: only a tail merged onto its first vertex still matches. */
      for (; i_src < ns; i_src++) {
        if (targets[corner_verts[s0 + i_src]] != first) {
          return false;
        }
      }
      return true;
    }
    const int32_t at = ((start + dir * step) % nt + nt) % nt;
    vt = corner_verts[t0 + at];
    if (vt != vs) {
      return false;
    }
  }
}

}  // namespace

dna::Mesh mesh_merge_verts(const dna::Mesh &mesh, std::span<const int32_t> targets,
                           MergeMode mode)
{
  const std::span<const int2> edges = kernel::mesh_edges(mesh);
  const std::span<const int32_t> offsets = kernel::mesh_face_offsets(mesh);
  const std::span<const int32_t> corner_verts = kernel::mesh_corner_verts(mesh);
  const std::span<const int32_t> corner_edges = kernel::mesh_corner_edges(mesh);
  const int32_t verts_num = mesh.verts_num, edges_num = mesh.edges_num;
  const int32_t faces_num = mesh.faces_num;
  auto mapped = [&](int32_t v) { return targets[v] >= 0 ? targets[v] : v; };

  std::vector<int32_t> old_vert, new_vert(size_t(verts_num), 0);
  for (int32_t v = 0; v < verts_num; v++) {
    if (targets[v] < 0) {
      new_vert[v] = int32_t(old_vert.size());
      old_vert.push_back(v);
    }
  }
  for (int32_t v = 0; v < verts_num; v++) {
    if (targets[v] >= 0) {
      new_vert[v] = new_vert[targets[v]];
    }
  }

  /* Edges keep their raw vertices until the end; the hash knows them by merged ones. */
  EdgeMap edge_hash{size_t(edges_num)};
  std::vector<int32_t> old_edge, new_edge(size_t(edges_num), -1);
  std::vector<int2> out_edges;
  for (int32_t e = 0; e < edges_num; e++) {
    const int32_t v1 = mapped(edges[e].x), v2 = mapped(edges[e].y);
    if (v1 == v2) {
      continue;
    }
    const auto [index, added] = edge_hash.try_emplace(edge_key(v1, v2), int32_t(old_edge.size()));
    if (added) {
      old_edge.push_back(e);
      out_edges.push_back(edges[e]);
    }
    new_edge[e] = index;
  }

  /* Only needed (and so only built) when a face has all its vertices merged. */
  std::vector<FaceKey> face_keys;
  std::vector<int32_t> vert_face_offsets, vert_faces;
  auto build_face_lookup = [&]() {
    face_keys.reserve(size_t(faces_num));
    vert_face_offsets.assign(size_t(verts_num) + 1, 0);
    for (int32_t f = 0; f < faces_num; f++) {
      FaceKey key;
      for (int32_t c = offsets[f]; c < offsets[f + 1]; c++) {
        key.sum += uint32_t(corner_verts[c]);
        key.xr ^= uint32_t(corner_verts[c]);
        key.count++;
        vert_face_offsets[corner_verts[c] + 1]++;
      }
      face_keys.push_back(key);
    }
    std::ranges::sort(face_keys, std::less<>(), &FaceKey::tuple);
    for (int32_t v = 0; v < verts_num; v++) {
      vert_face_offsets[v + 1] += vert_face_offsets[v];
    }
    vert_faces.resize(size_t(vert_face_offsets.back()));
    std::vector<int32_t> fill(vert_face_offsets.begin(), vert_face_offsets.end() - 1);
    for (int32_t f = 0; f < faces_num; f++) {
      for (int32_t c = offsets[f]; c < offsets[f + 1]; c++) {
        vert_faces[fill[corner_verts[c]]++] = f;
      }
    }
  };

  std::vector<uint8_t> vert_tag(size_t(verts_num), 0);
  std::vector<int32_t> old_corner, out_corner_raw, out_corner_edge, out_corner_src_edge;
  std::vector<int32_t> old_face, out_offsets{0};
  for (int32_t f = 0; f < faces_num; f++) {
    const int32_t begin = offsets[f], end = offsets[f + 1];
    bool all_merged = true;
    for (int32_t c = begin; c < end; c++) {
      all_merged &= targets[corner_verts[c]] >= 0;
      vert_tag[mapped(corner_verts[c])] = 0;
    }
    if (all_merged) {
      if (mode == MergeMode::DumpIfMapped) {
        continue;
      }
      FaceKey key;
      for (int32_t c = begin; c < end; c++) {
        key.sum += uint32_t(targets[corner_verts[c]]);
        key.xr ^= uint32_t(targets[corner_verts[c]]);
        key.count++;
      }
      if (vert_face_offsets.empty()) {
        build_face_lookup();
      }
      if (std::ranges::binary_search(face_keys, key.tuple(), std::less<>(), &FaceKey::tuple)) {
        const int32_t v = targets[corner_verts[begin]];
        bool found = false;
        for (int32_t k = vert_face_offsets[v]; k < vert_face_offsets[v + 1] && !found; k++) {
          found = face_matches(offsets, corner_verts, targets, f, vert_faces[k], 1) ||
                  face_matches(offsets, corner_verts, targets, f, vert_faces[k], -1);
        }
        if (found) {
          continue;
        }
      }
    }

    /* Keep the corners whose edge survives and whose vertex the face has not used yet;
     * bridge the gaps they leave with an edge (found or made). */
    const size_t face_start = out_corner_raw.size();
    const size_t edges_before = old_edge.size();
    int64_t last = -1, first = -1;
    bool need_from_last = false, need_to_first = false;
    auto bridge = [&](int64_t from, int32_t to_raw) {
      const int32_t v1 = mapped(out_corner_raw[from]), v2 = mapped(to_raw);
      const auto [index, added] = edge_hash.try_emplace(edge_key(v1, v2),
                                                        int32_t(old_edge.size()));
      if (added) {
        old_edge.push_back(out_corner_src_edge[from]);
        out_edges.push_back({out_corner_raw[from], to_raw});
      }
      out_corner_edge[from] = index;
    };
    for (int32_t c = begin; c < end; c++) {
      const int32_t v = mapped(corner_verts[c]);
      if (new_edge[corner_edges[c]] != -1 && !vert_tag[v]) {
        vert_tag[v] = 1;
        if (last >= 0 && need_from_last) {
          bridge(last, corner_verts[c]);
          need_from_last = false;
        }
        old_corner.push_back(c);
        out_corner_raw.push_back(corner_verts[c]);
        out_corner_edge.push_back(new_edge[corner_edges[c]]);
        out_corner_src_edge.push_back(corner_edges[c]);
        last = int64_t(out_corner_raw.size()) - 1;
        if (first < 0) {
          first = last;
        }
      }
      else if (last >= 0) {
        need_from_last = true;
      }
      else {
        need_to_first = true;
      }
    }
    if (last >= 0 && first != last && (need_to_first || need_from_last)) {
      bridge(last, out_corner_raw[first]);
    }
    const size_t kept = out_corner_raw.size() - face_start;
    if (kept == 0) {
      continue;
    }
    if (kept < 3) {
      for (size_t e = edges_before; e < old_edge.size(); e++) {
        edge_hash.erase(edge_key(mapped(out_edges[e].x), mapped(out_edges[e].y)));
      }
      old_edge.resize(edges_before);
      out_edges.resize(edges_before);
      old_corner.resize(face_start);
      out_corner_raw.resize(face_start);
      out_corner_edge.resize(face_start);
      out_corner_src_edge.resize(face_start);
      continue;
    }
    old_face.push_back(f);
    out_offsets.push_back(int32_t(out_corner_raw.size()));
  }

  dna::Mesh result = mesh_new_like(mesh);
  gather_domain(mesh, result, AttrDomain::Point, old_vert);
  gather_domain(mesh, result, AttrDomain::Edge, old_edge);
  gather_domain(mesh, result, AttrDomain::Face, old_face);
  gather_domain(mesh, result, AttrDomain::Corner, old_corner);
  std::span<int2> result_edges = kernel::mesh_edges_for_write(result);
  for (size_t e = 0; e < out_edges.size(); e++) {
    result_edges[e] = {new_vert[out_edges[e].x], new_vert[out_edges[e].y]};
  }
  std::span<int32_t> result_verts = kernel::mesh_corner_verts_for_write(result);
  std::span<int32_t> result_corner_edges = kernel::mesh_corner_edges_for_write(result);
  for (size_t c = 0; c < out_corner_raw.size(); c++) {
    result_verts[c] = new_vert[out_corner_raw[c]];
    result_corner_edges[c] = out_corner_edge[c];
  }
  if (!old_face.empty()) {
    result.face_offsets = SharedArray<int32_t>(std::span<const int32_t>(out_offsets));
  }
  mesh_finish(result);
  return result;
}

}  // namespace whisk::geometry::detail
