#pragma once
// Where mesh_subdivide puts each element, in Blender 3.4's order (see mesh_subdivide.hh).
//
// Every face is sampled on grids: a quad on one `res` x `res` grid (res = 2^level + 1),
// any other face on one `pres` x `pres` grid per corner (pres = 2^(level - 1) + 1), whose
// origin is the corner, x running along the edge to the next corner, y along the edge to
// the previous one, and far corner the face center. These are OpenSubdiv's ptex faces.
// The functions here map grid points to output vertex indices and enumerate a face's
// inner vertices, inner edges and quads in Blender's order.

#include <cstdint>
#include <span>
#include <vector>

#include "whisk/base/math.hh"

namespace whisk::geometry::subdiv {

struct Layout {
  int level = 1;
  int res = 3;
  int pres = 2;
  int32_t coarse_verts = 0;
  int32_t coarse_edges = 0;
  /* Per face, where its inner elements start (faces + 1 entries each). */
  std::vector<int32_t> face_vert_start;
  std::vector<int32_t> face_edge_start;
  std::vector<int32_t> face_quad_start;
  int32_t verts_num = 0;
  int32_t edges_num = 0;
  int32_t faces_num = 0;

  /** First inner vertex of an original edge. */
  int32_t edge_vert_start(int32_t edge) const { return coarse_verts + edge * (res - 2); }
};

/** Counts everything; raises Memory when a count exceeds int32. */
Layout layout_compute(int level, int32_t verts_num, int32_t edges_num,
                      std::span<const int32_t> face_offsets);

/** A point of a face's grid: the ptex face (0 for quads, the corner otherwise) and the
 * integer coordinates on it. */
struct GridPoint {
  int corner;
  int x, y;
};

/** One original face seen through its grids. */
struct FaceGrid {
  const Layout &layout;
  int32_t face;
  std::span<const int32_t> verts; /* the face's corner vertices */
  std::span<const int32_t> edges; /* the face's corner edges */
  std::span<const int2> all_edges;

  int size() const { return int(verts.size()); }
  bool is_quad() const { return verts.size() == 4; }
  /** Grid size of one ptex face (res for quads, pres otherwise). */
  int grid_res() const { return is_quad() ? layout.res : layout.pres; }

  /** Vertex at `t` (0..res-1) along the side from corner `side` to the next corner. */
  int32_t side_vert(int side, int t) const;
  /** Vertex at a grid point. */
  int32_t vert(GridPoint p) const;
  /** Where a side vertex lies on a grid (the first ptex face that has it). */
  GridPoint side_point(int side, int t) const;
  /** Where corner `c`'s vertex lies on a grid. */
  GridPoint corner_point(int c) const;
  /** Ptex u, v of a grid point. */
  float2 uv(GridPoint p) const
  {
    const float scale = 1.0f / float(grid_res() - 1);
    return {float(p.x) * scale, float(p.y) * scale};
  }

  /** Calls fn(vertex, point) for the face's own inner vertices, in index order. */
  template<typename Fn> void foreach_inner_vert(const Fn &fn) const;
  /** Calls fn(a, b) with the grid points of each inner edge, in Blender's order (index
   * order). Both points are on one grid except for edges joining a corner's spoke column
   * (x = m) to the next corner's grid. */
  template<typename Fn> void foreach_inner_edge(const Fn &fn) const;
  /** Calls fn(p0, p1, p2, p3) for each quad (corners in order), in Blender's order. */
  template<typename Fn> void foreach_quad(const Fn &fn) const;
};

/* ---- Templates --------------------------------------------------------------------------- */

template<typename Fn> void FaceGrid::foreach_inner_vert(const Fn &fn) const
{
  int32_t index = layout.face_vert_start[size_t(face)];
  if (is_quad()) {
    const int res = layout.res;
    for (int y = 1; y < res - 1; y++) {
      for (int x = 1; x < res - 1; x++) {
        fn(index++, GridPoint{0, x, y});
      }
    }
    return;
  }
  const int m = layout.pres - 1;
  fn(index++, GridPoint{0, m, m});
  for (int c = 0; c < size(); c++) {
    for (int y = 1; y < m; y++) {
      for (int x = 1; x <= m; x++) {
        fn(index++, GridPoint{c, x, y});
      }
    }
  }
}

template<typename Fn> void FaceGrid::foreach_inner_edge(const Fn &fn) const
{
  if (is_quad()) {
    const int m = layout.res - 1;
    auto v = [](int x, int y) { return GridPoint{0, x, y}; };
    /* The inner grid, row by row: a row's edges, then the edges up to the next row. */
    for (int y = 1; y < m; y++) {
      for (int x = 1; x < m - 1; x++) {
        fn(v(x, y), v(x + 1, y));
      }
      if (y < m - 1) {
        for (int x = 1; x < m; x++) {
          fn(v(x, y), v(x, y + 1));
        }
      }
    }
    /* Then from each side inwards, walking the sides in winding order. */
    for (int t = 1; t < m; t++) fn(v(t, 0), v(t, 1));
    for (int t = 1; t < m; t++) fn(v(m, t), v(m - 1, t));
    for (int t = 1; t < m; t++) fn(v(m - t, m), v(m - t, m - 1));
    for (int t = 1; t < m; t++) fn(v(0, m - t), v(1, m - t));
    return;
  }
  const int n = size();
  const int m = layout.pres - 1;
  auto v = [](int c, int x, int y) { return GridPoint{c, x, y}; };
  /* Each corner's own inner grid (rows 1..m-1, columns 1..m). */
  for (int c = 0; c < n; c++) {
    for (int y = 1; y < m; y++) {
      for (int x = 1; x < m; x++) {
        fn(v(c, x, y), v(c, x + 1, y));
      }
      if (y < m - 1) {
        for (int x = 1; x <= m; x++) {
          fn(v(c, x, y), v(c, x, y + 1));
        }
      }
    }
  }
  /* Between a corner's spoke column and the next corner's last row. */
  for (int c = 0; c < n; c++) {
    for (int i = 1; i < m; i++) {
      fn(v(c, m, i), v((c + 1) % n, i, m - 1));
    }
  }
  /* The spokes' last pieces, to the center. */
  if (m > 1) {
    for (int c = 0; c < n; c++) {
      fn(v(c, m, m), v(c, m, m - 1));
    }
  }
  /* From the sides inwards. */
  for (int c = 0; c < n; c++) {
    for (int x = 1; x <= m; x++) {
      fn(v(c, x, 0), v(c, x, 1));
    }
    for (int y = 1; y < m; y++) {
      fn(v(c, 0, y), v(c, 1, y));
    }
  }
}

template<typename Fn> void FaceGrid::foreach_quad(const Fn &fn) const
{
  auto cell = [&](int c, int x, int y) {
    fn(GridPoint{c, x, y}, GridPoint{c, x + 1, y}, GridPoint{c, x + 1, y + 1},
       GridPoint{c, x, y + 1});
  };
  if (is_quad()) {
    const int m = layout.res - 1; /* cells 0..m-1 */
    for (int y = 1; y < m - 1; y++) {
      for (int x = 1; x < m - 1; x++) {
        cell(0, x, y);
      }
    }
    /* The outer ring, side by side in winding order. */
    for (int x = 0; x < m; x++) cell(0, x, 0);
    for (int y = 1; y < m; y++) cell(0, m - 1, y);
    for (int x = m - 2; x >= 0; x--) cell(0, x, m - 1);
    for (int y = m - 2; y >= 1; y--) cell(0, 0, y);
    return;
  }
  const int n = size();
  const int m = layout.pres - 1; /* cells 0..m-1 per corner */
  for (int c = 0; c < n; c++) {
    for (int y = 1; y < m - 1; y++) {
      for (int x = 1; x < m; x++) {
        cell(c, x, y);
      }
    }
  }
  if (m > 1) {
    for (int c = 0; c < n; c++) {
      for (int x = 1; x < m - 1; x++) {
        cell((c + 1) % n, x, m - 1);
      }
    }
    for (int c = 0; c < n; c++) {
      cell(c, m - 1, m - 1);
    }
  }
  for (int c = 0; c < n; c++) {
    for (int x = 0; x < m; x++) cell(c, x, 0);
    for (int y = 1; y < m; y++) cell(c, 0, y);
  }
}

}  // namespace whisk::geometry::subdiv
