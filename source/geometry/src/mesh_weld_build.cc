// The Weld modifier's result from a merge map (see mesh_weld.cc for the order rules).

#include <algorithm>
#include <unordered_map>

#include "mesh_modifier_util.hh"
#include "whisk/kernel/mesh.hh"

namespace whisk::geometry {

using namespace detail;

namespace {

struct VectorHash {
  size_t operator()(const std::vector<int32_t> &v) const
  {
    size_t h = v.size();
    for (const int32_t x : v) {
      h = h * 0x100000001B3ull ^ size_t(uint32_t(x));
    }
    return h;
  }
};

/** A face's kept corners (its own or split off from it), and which of its corners live:
 * the others mix into the next live corner. */
struct Piece {
  int32_t face;
  std::vector<int32_t> corners;
  std::vector<uint8_t> alive;
};

/** Splits a face whose corners come back to a vertex, as Blender's weld does: scanning from
 * the first corner, at the first repeat the corners from the first visit up to the second
 * become a face of their own (split further, appended after all faces) and the face goes on
 * from the second visit. A part of only two corners goes instead (its corners die), and the
 * face goes when both parts are that small. pieces[0] is the face itself (empty: gone). */
template<typename VertOf>
void split_face(int32_t face, std::vector<int32_t> corners, std::vector<uint8_t> &alive,
                const VertOf &vert_of, int32_t begin, std::vector<Piece> &pieces)
{
  const size_t self = pieces.size();
  pieces.push_back(Piece{face, {}, {}});
  auto kill = [&](int32_t c) { alive[size_t(c - begin)] = 0; };
  for (size_t i = 0; i < corners.size(); i++) {
    size_t j = i + 1;
    while (j < corners.size() && vert_of(corners[j]) != vert_of(corners[i])) {
      j++;
    }
    if (j == corners.size()) {
      continue;
    }
    const size_t dist_a = j - i, dist_b = corners.size() - dist_a;
    if (dist_a == 2 && dist_b == 2) {
      for (const int32_t c : corners) {
        kill(c);
      }
      return;
    }
    if (dist_a == 2) {
      kill(corners[i]);
      kill(corners[i + 1]);
      corners.erase(corners.begin() + i, corners.begin() + i + 2);
      i--; /* scan again from the second visit, now at i (wraps like below) */
      continue;
    }
    if (dist_b == 2) {
      const size_t prev = (i + corners.size() - 1) % corners.size();
      kill(corners[j]);
      kill(corners[prev]);
      const int32_t keep = corners[i];
      corners.erase(corners.begin() + std::max(j, prev));
      corners.erase(corners.begin() + std::min(j, prev));
      i = size_t(std::ranges::find(corners, keep) - corners.begin());
      continue;
    }
    std::vector<int32_t> part(corners.begin() + i, corners.begin() + j);
    corners.erase(corners.begin() + i, corners.begin() + j);
    split_face(face, std::move(part), alive, vert_of, begin, pieces);
    /* The face goes on from the second visit, now at i (and first when i was 0); i-- wraps
     * to SIZE_MAX when i is 0, and the loop's i++ brings it back. */
    i--;
  }
  pieces[self].corners = std::move(corners);
}

}  // namespace

/** `dest[v]`: -1 for vertices that stay, else the vertex of its group that is kept (which
 * maps to itself). */
dna::Mesh mesh_weld_apply(const dna::Mesh &mesh, std::span<const int32_t> dest)
{
  const std::span<const int2> edges = kernel::mesh_edges(mesh);
  const std::span<const int32_t> offsets = kernel::mesh_face_offsets(mesh);
  const std::span<const int32_t> corner_verts = kernel::mesh_corner_verts(mesh);
  const std::span<const int32_t> corner_edges = kernel::mesh_corner_edges(mesh);
  const int32_t nv = mesh.verts_num, ne = mesh.edges_num, nf = mesh.faces_num;
  auto target = [&](int32_t v) { return dest[v] == -1 ? v : dest[v]; };

  /* Vertices: each group where its kept vertex is, mixed from its members. */
  std::vector<int32_t> group_offsets(size_t(nv) + 1, 0), group_members(static_cast<size_t>(nv));
  for (int32_t v = 0; v < nv; v++) {
    group_offsets[target(v) + 1]++;
  }
  for (int32_t v = 0; v < nv; v++) {
    group_offsets[v + 1] += group_offsets[v];
  }
  {
    std::vector<int32_t> fill(group_offsets.begin(), group_offsets.end() - 1);
    for (int32_t v = 0; v < nv; v++) {
      group_members[fill[target(v)]++] = v;
    }
  }
  MixMap vert_mix;
  std::vector<int32_t> vert_final(size_t(nv), -1);
  int32_t out_verts = 0;
  for (int32_t v = 0; v < nv; v++) {
    if (dest[v] != -1 && dest[v] != v) {
      continue;
    }
    const int32_t begin = group_offsets[v], end = group_offsets[v + 1];
    for (int32_t k = begin; k < end; k++) {
      vert_mix.add(group_members[k], 1.0f / float(end - begin));
    }
    vert_mix.close();
    vert_final[v] = out_verts++;
  }
  for (int32_t v = 0; v < nv; v++) {
    vert_final[v] = vert_final[target(v)];
  }

  /* Edges: collapsed ones go, duplicates join the first (mixing their attributes). */
  std::vector<int32_t> edge_rep(size_t(ne), -1);
  EdgeMap first_edge{size_t(ne)};
  for (int32_t e = 0; e < ne; e++) {
    const int32_t a = target(edges[e].x), b = target(edges[e].y);
    if (dest[edges[e].x] == -1 && dest[edges[e].y] == -1) {
      edge_rep[e] = e;
    }
    else if (a != b) {
      edge_rep[e] = first_edge.try_emplace(edge_key(a, b), e).first;
    }
  }
  std::vector<int32_t> dup_count(size_t(ne), 0);
  for (int32_t e = 0; e < ne; e++) {
    if (edge_rep[e] >= 0) {
      dup_count[edge_rep[e]]++;
    }
  }
  std::vector<std::vector<int32_t>> dups;
  std::unordered_map<int32_t, size_t> dup_index;
  for (int32_t e = 0; e < ne; e++) {
    if (edge_rep[e] >= 0 && dup_count[edge_rep[e]] > 1) {
      const auto [it, added] = dup_index.try_emplace(edge_rep[e], dups.size());
      if (added) {
        dups.emplace_back();
      }
      dups[it->second].push_back(e);
    }
  }
  MixMap edge_mix;
  std::vector<int32_t> edge_final(size_t(ne), -1);
  std::vector<int2> out_edges;
  for (int32_t e = 0; e < ne; e++) {
    if (edge_rep[e] != e) {
      continue;
    }
    if (dup_count[e] > 1) {
      const std::vector<int32_t> &group = dups[dup_index[e]];
      for (const int32_t d : group) {
        edge_mix.add(d, 1.0f / float(group.size()));
      }
    }
    else {
      edge_mix.add(e, 1.0f);
    }
    edge_mix.close();
    edge_final[e] = int32_t(out_edges.size());
    out_edges.push_back({vert_final[edges[e].x], vert_final[edges[e].y]});
  }
  for (int32_t e = 0; e < ne; e++) {
    if (edge_rep[e] >= 0) {
      edge_final[e] = edge_final[edge_rep[e]];
    }
  }

  /* Faces: corners on collapsed edges go; a face that comes back to a vertex is split
   * there (see split_face); every corner that goes mixes into the next kept one. */
  MixMap corner_mix;
  std::vector<int32_t> face_src, out_offsets{0}, out_corner_verts, out_corner_edges;
  std::unordered_map<std::vector<int32_t>, int32_t, VectorHash> seen_faces;
  std::vector<uint8_t> alive;
  std::vector<int32_t> kept;
  std::vector<Piece> pieces, split_off;
  auto vert_of = [&](int32_t c) { return vert_final[corner_verts[c]]; };
  auto emit = [&](const Piece &piece, bool split) {
    if (piece.corners.size() < 3) {
      return;
    }
    std::vector<int32_t> key;
    for (const int32_t c : piece.corners) {
      key.push_back(vert_of(c));
    }
    std::ranges::sort(key);
    if (!seen_faces.try_emplace(std::move(key), piece.face).second) {
      return; /* a later duplicate of a face already made */
    }
    const int32_t begin = offsets[piece.face], size = offsets[piece.face + 1] - begin;
    for (const int32_t c : piece.corners) {
      int32_t first = c;
      for (int32_t k = 1; k < size; k++) {
        const int32_t prev = begin + (c - begin - k + size) % size;
        if (piece.alive[size_t(prev - begin)]) {
          break;
        }
        first = prev;
      }
      const int32_t n = (c - first + size) % size + 1;
      for (int32_t k = 0; k < n; k++) {
        corner_mix.add(begin + (first - begin + k) % size, 1.0f / float(n));
      }
      corner_mix.close();
      out_corner_verts.push_back(vert_of(c));
      out_corner_edges.push_back(edge_final[corner_edges[c]]);
    }
    /* Split-off faces get default face attributes, as in Blender. */
    face_src.push_back(split ? -1 : piece.face);
    out_offsets.push_back(int32_t(out_corner_verts.size()));
  };
  for (int32_t f = 0; f < nf; f++) {
    const int32_t begin = offsets[f], end = offsets[f + 1];
    bool in_context = false;
    for (int32_t c = begin; c < end; c++) {
      in_context |= dest[corner_verts[c]] != -1;
    }
    alive.assign(size_t(end - begin), 1);
    kept.clear();
    for (int32_t c = begin; c < end; c++) {
      if (!in_context || edge_rep[corner_edges[c]] >= 0) {
        kept.push_back(c);
      }
      else {
        alive[size_t(c - begin)] = 0;
      }
    }
    if (!in_context) {
      emit(Piece{f, kept, alive}, false);
      continue;
    }
    if (kept.size() < 3) {
      continue;
    }
    pieces.clear();
    split_face(f, kept, alive, vert_of, begin, pieces);
    for (Piece &piece : pieces) {
      piece.alive = alive;
    }
    for (size_t i = 0; i < pieces.size(); i++) {
      if (i == 0) {
        emit(pieces[0], false);
      }
      else {
        split_off.push_back(std::move(pieces[i]));
      }
    }
  }
  for (const Piece &piece : split_off) {
    emit(piece, true);
  }

  dna::Mesh result = mesh_new_like(mesh);
  mix_domain(mesh, result, AttrDomain::Point, vert_mix);
  mix_domain(mesh, result, AttrDomain::Edge, edge_mix);
  gather_domain(mesh, result, AttrDomain::Face, face_src);
  mix_domain(mesh, result, AttrDomain::Corner, corner_mix);
  std::ranges::copy(out_edges, kernel::mesh_edges_for_write(result).begin());
  std::ranges::copy(out_corner_verts, kernel::mesh_corner_verts_for_write(result).begin());
  std::ranges::copy(out_corner_edges, kernel::mesh_corner_edges_for_write(result).begin());
  if (!face_src.empty()) {
    result.face_offsets = SharedArray<int32_t>(std::span<const int32_t>(out_offsets));
  }
  mesh_finish(result);
  return result;
}

}  // namespace whisk::geometry
