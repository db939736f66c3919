// Element numbering of mesh_subdivide's result (see subdiv_layout.hh).

#include "subdiv_layout.hh"

#include <limits>

#include "whisk/base/error.hh"

namespace whisk::geometry::subdiv {

namespace {

/** Inner vertices, inner edges and quads of a face with `n` corners. */
struct FaceCounts {
  int64_t verts, edges, quads;
};

FaceCounts face_counts(const int64_t n, const int64_t res, const int64_t pres)
{
  if (n == 4) {
    const int64_t inner = res - 2;
    return {inner * inner, 2 * inner * (inner - 1) + 4 * inner, (res - 1) * (res - 1)};
  }
  const int64_t m = pres - 1;
  /* Per corner: its grid (rows 1..m-1 of m vertices), the edges counted in
   * FaceGrid::foreach_inner_edge group by group. */
  const int64_t own_edges = (m - 1) * (m - 1) + std::max<int64_t>(0, m - 2) * m;
  const int64_t edges = own_edges + (m - 1) + (m > 1 ? 1 : 0) + m + (m - 1);
  return {1 + n * (m - 1) * m, n * edges, n * m * m};
}

}  // namespace

Layout layout_compute(const int level, const int32_t verts_num, const int32_t edges_num,
                      std::span<const int32_t> face_offsets)
{
  constexpr int64_t max_count = std::numeric_limits<int32_t>::max();
  /* Past level 30 even one edge gets more than 2^31 pieces. */
  if (level < 1 || level > 30) {
    raise(ErrorKind::Memory, "subdivision level ", level, " is out of range");
  }
  Layout layout;
  layout.level = level;
  layout.res = (1 << level) + 1;
  layout.pres = (1 << (level - 1)) + 1;
  layout.coarse_verts = verts_num;
  layout.coarse_edges = edges_num;
  const int faces_num = face_offsets.empty() ? 0 : int(face_offsets.size()) - 1;

  /* Counts in 64 bits, checked as they grow. Past level 16 a single face already has more
   * than 2^31 quads; below it one face's counts stay far from overflowing. */
  if (faces_num > 0 && level > 16) {
    raise(ErrorKind::Memory, "subdivision at level ", level, " would make more than ",
          max_count, " faces");
  }
  auto check = [&](const int64_t count, const char *what) {
    if (count > max_count) {
      raise(ErrorKind::Memory, "subdivision at level ", level, " would make more than ",
            max_count, " ", what);
    }
  };
  int64_t verts = verts_num + int64_t(edges_num) * (layout.res - 2);
  int64_t edges = int64_t(edges_num) * (layout.res - 1);
  int64_t quads = 0;
  check(verts, "vertices");
  check(edges, "edges");
  layout.face_vert_start.resize(size_t(faces_num) + 1);
  layout.face_edge_start.resize(size_t(faces_num) + 1);
  layout.face_quad_start.resize(size_t(faces_num) + 1);
  for (int f = 0; f < faces_num; f++) {
    layout.face_vert_start[size_t(f)] = int32_t(verts);
    layout.face_edge_start[size_t(f)] = int32_t(edges);
    layout.face_quad_start[size_t(f)] = int32_t(quads);
    const int64_t n = face_offsets[size_t(f) + 1] - face_offsets[size_t(f)];
    const FaceCounts counts = face_counts(n, layout.res, layout.pres);
    verts += counts.verts;
    edges += counts.edges;
    quads += counts.quads;
    check(verts, "vertices");
    check(edges, "edges");
    check(quads * 4, "face corners");
  }
  layout.face_vert_start[size_t(faces_num)] = int32_t(verts);
  layout.face_edge_start[size_t(faces_num)] = int32_t(edges);
  layout.face_quad_start[size_t(faces_num)] = int32_t(quads);
  layout.verts_num = int32_t(verts);
  layout.edges_num = int32_t(edges);
  layout.faces_num = int32_t(quads);
  return layout;
}

int32_t FaceGrid::side_vert(const int side, const int t) const
{
  const int res = layout.res;
  const int n = size();
  if (t == 0) {
    return verts[size_t(side)];
  }
  if (t == res - 1) {
    return verts[size_t((side + 1) % n)];
  }
  const int32_t edge = edges[size_t(side)];
  const bool forward = all_edges[size_t(edge)].x == verts[size_t(side)];
  return layout.edge_vert_start(edge) + (forward ? t : res - 1 - t) - 1;
}

int32_t FaceGrid::vert(const GridPoint p) const
{
  const int32_t start = layout.face_vert_start[size_t(face)];
  if (is_quad()) {
    const int m = layout.res - 1;
    if (p.y == 0) return side_vert(0, p.x);
    if (p.x == m) return side_vert(1, p.y);
    if (p.y == m) return side_vert(2, m - p.x);
    if (p.x == 0) return side_vert(3, m - p.y);
    return start + (p.y - 1) * (m - 1) + (p.x - 1);
  }
  const int n = size();
  const int m = layout.pres - 1;
  if (p.x == m && p.y == m) {
    return start;
  }
  if (p.y == 0) {
    return side_vert(p.corner, p.x);
  }
  const int prev = (p.corner + n - 1) % n;
  if (p.x == 0) {
    return side_vert(prev, layout.res - 1 - p.y);
  }
  /* The far row is the previous corner's spoke column. */
  const int c = p.y == m ? prev : p.corner;
  const int x = p.y == m ? m : p.x;
  const int y = p.y == m ? p.x : p.y;
  return start + 1 + c * (m - 1) * m + (y - 1) * m + (x - 1);
}

GridPoint FaceGrid::side_point(const int side, const int t) const
{
  if (is_quad()) {
    const int m = layout.res - 1;
    switch (side) {
      case 0: return {0, t, 0};
      case 1: return {0, m, t};
      case 2: return {0, m - t, m};
      default: return {0, 0, m - t};
    }
  }
  const int m = layout.pres - 1;
  if (t <= m) {
    return {side, t, 0};
  }
  return {(side + 1) % size(), 0, layout.res - 1 - t};
}

GridPoint FaceGrid::corner_point(const int c) const
{
  if (is_quad()) {
    const int m = layout.res - 1;
    static constexpr int corner_xy[4][2] = {{0, 0}, {1, 0}, {1, 1}, {0, 1}};
    return {0, corner_xy[c][0] * m, corner_xy[c][1] * m};
  }
  return {c, 0, 0};
}

}  // namespace whisk::geometry::subdiv
