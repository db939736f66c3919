// The Mirror modifier's bisect: cuts a mesh at a plane and keeps the side the plane's normal
// points away from. Vertices within `eps` of the plane are moved onto it; edges crossing it
// get a new vertex (attributes, vertex groups and face-corner data interpolated along the
// edge); faces crossing it keep their part on the kept side, closed by a new edge along the
// cut. Everything with a vertex on the far side goes.
//
// Vertices come in Blender's order: the kept ones, then one per cut edge in edge order.
// Edges and faces are the same sets as Blender's but not always in its order: Blender cuts
// through BMesh, which makes the new edges and faces in the order of a face stack (and, when
// the kept part of a face is the one BMesh split off, moves that face to the end). A concave
// face the plane crosses more than twice keeps one polygon joining its pieces along the cut
// where Blender makes one face per piece.

#include "mesh_modifier_util.hh"
#include "whisk/kernel/mesh.hh"

namespace whisk::geometry {

using namespace detail;

dna::Mesh mesh_mirror_bisect(const dna::Mesh &mesh, float3 plane_no, float plane_d, float eps)
{
  const std::span<const float3> positions = kernel::mesh_positions(mesh);
  const std::span<const int2> edges = kernel::mesh_edges(mesh);
  const std::span<const int32_t> offsets = kernel::mesh_face_offsets(mesh);
  const std::span<const int32_t> corner_verts = kernel::mesh_corner_verts(mesh);
  const std::span<const int32_t> corner_edges = kernel::mesh_corner_edges(mesh);
  const int32_t nv = mesh.verts_num, ne = mesh.edges_num, nf = mesh.faces_num;
  const float len_sq = length_squared(plane_no);

  std::vector<float> dist(static_cast<size_t>(nv));
  std::vector<int8_t> side(static_cast<size_t>(nv));
  std::vector<float3> snapped(positions.begin(), positions.end());
  for (int32_t v = 0; v < nv; v++) {
    dist[v] = dot(plane_no, positions[v]) + plane_d;
    side[v] = dist[v] <= -eps ? -1 : dist[v] >= eps ? 1 : 0;
    if (side[v] == 0 && len_sq > 0.0f) {
      snapped[v] = positions[v] - plane_no * (dist[v] / len_sq);
    }
  }
  auto killed = [&](int32_t v) { return side[v] != 0 && dist[v] - eps > 0.0f; };

  /* Vertices: the kept ones, then one per crossing edge. */
  MixMap vert_mix;
  std::vector<int32_t> new_vert(size_t(nv), -1), cut_vert(size_t(ne), -1);
  std::vector<float3> out_positions;
  for (int32_t v = 0; v < nv; v++) {
    if (!killed(v)) {
      new_vert[v] = int32_t(out_positions.size());
      out_positions.push_back(snapped[v]);
      vert_mix.add(v, 1.0f);
      vert_mix.close();
    }
  }
  std::vector<float> cut_fac(size_t(ne), 0.0f);
  for (int32_t e = 0; e < ne; e++) {
    const int32_t a = edges[e].x, b = edges[e].y;
    if (side[a] && side[b] && side[a] != side[b]) {
      const float fac = dist[a] / (dist[a] - dist[b]);
      cut_fac[e] = fac;
      cut_vert[e] = int32_t(out_positions.size());
      out_positions.push_back(positions[a] + (positions[b] - positions[a]) * fac);
      vert_mix.add(a, 1.0f - fac);
      vert_mix.add(b, fac);
      vert_mix.close();
    }
  }

  /* Edges: kept ones (a cut edge keeps its half on the kept side), then cut chords. */
  std::vector<int32_t> edge_src;
  std::vector<int2> out_edges;
  EdgeMap edge_index(size_t(ne) + size_t(nf));
  auto add_edge = [&](int32_t a, int32_t b, int32_t src) {
    const auto [index, added] = edge_index.try_emplace(edge_key(a, b), int32_t(out_edges.size()));
    if (added) {
      out_edges.push_back({a, b});
      edge_src.push_back(src);
    }
    return index;
  };
  for (int32_t e = 0; e < ne; e++) {
    const int32_t a = edges[e].x, b = edges[e].y;
    if (cut_vert[e] >= 0) {
      add_edge(killed(a) ? cut_vert[e] : new_vert[a], killed(a) ? new_vert[b] : cut_vert[e], e);
    }
    else if (!killed(a) && !killed(b)) {
      add_edge(new_vert[a], new_vert[b], e);
    }
  }

  /* Faces: walk the corners, keeping those on the kept side and adding the cut vertex of
   * each crossing edge. */
  MixMap corner_mix;
  std::vector<int32_t> face_src, out_offsets{0}, out_corner_verts;
  for (int32_t f = 0; f < nf; f++) {
    const int32_t begin = offsets[f], end = offsets[f + 1];
    bool any_killed = false;
    for (int32_t c = begin; c < end; c++) {
      any_killed |= killed(corner_verts[c]);
    }
    const size_t start = out_corner_verts.size();
    bool off_plane = false;
    for (int32_t c = begin; c < end; c++) {
      const int32_t v = corner_verts[c], e = corner_edges[c];
      const int32_t next = c + 1 < end ? c + 1 : begin;
      if (!killed(v)) {
        off_plane |= side[v] != 0;
        out_corner_verts.push_back(new_vert[v]);
        corner_mix.add(c, 1.0f);
        corner_mix.close();
      }
      if (any_killed && cut_vert[e] >= 0) {
        /* The cut sits at cut_fac from the edge's first vertex. */
        const float fac = edges[e].x == v ? cut_fac[e] : 1.0f - cut_fac[e];
        out_corner_verts.push_back(cut_vert[e]);
        corner_mix.add(c, 1.0f - fac);
        corner_mix.add(next, fac);
        corner_mix.close();
      }
    }
    /* A part left lying in the plane (a face touching it with 3 corners whose other corners
     * went) is no face: Blender's cut never separates it. */
    if (out_corner_verts.size() - start < 3 || !off_plane) {
      corner_mix.offsets.resize(corner_mix.offsets.size() - (out_corner_verts.size() - start));
      corner_mix.indices.resize(size_t(corner_mix.offsets.back()));
      corner_mix.weights.resize(size_t(corner_mix.offsets.back()));
      out_corner_verts.resize(start);
      continue;
    }
    face_src.push_back(f);
    out_offsets.push_back(int32_t(out_corner_verts.size()));
  }
  std::vector<int32_t> out_corner_edges(out_corner_verts.size());
  for (size_t f = 0; f + 1 < out_offsets.size(); f++) {
    for (int32_t c = out_offsets[f]; c < out_offsets[f + 1]; c++) {
      const int32_t next = c + 1 < out_offsets[f + 1] ? c + 1 : out_offsets[f];
      out_corner_edges[c] = add_edge(out_corner_verts[c], out_corner_verts[next], -1);
    }
  }

  dna::Mesh result = mesh_new_like(mesh);
  mix_domain(mesh, result, AttrDomain::Point, vert_mix);
  gather_domain(mesh, result, AttrDomain::Edge, edge_src);
  gather_domain(mesh, result, AttrDomain::Face, face_src);
  mix_domain(mesh, result, AttrDomain::Corner, corner_mix);
  std::ranges::copy(out_positions, kernel::mesh_positions_for_write(result).begin());
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
