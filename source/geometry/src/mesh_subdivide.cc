// Subdivision surface: topology in Blender 3.4's order (subdiv_layout.hh), positions and UV
// maps from OpenSubdiv (subdiv_evaluator.hh), other attributes interpolated bilinearly over
// each face's grids.

#include "whisk/geometry/mesh_subdivide.hh"

#include <algorithm>
#include <array>

#include "mesh_result.hh"
#include "subdiv_evaluator.hh"
#include "subdiv_layout.hh"
#include "subdiv_source.hh"
#include "whisk/base/error.hh"
#include "whisk/kernel/attribute.hh"
#include "whisk/kernel/mesh.hh"

namespace whisk::geometry {

using namespace subdiv;
using mesh_result::parallel_range;

Source subdiv::source_read(const dna::Mesh &mesh)
{
  Source src{mesh};
  src.positions = kernel::mesh_positions(mesh);
  src.edges = kernel::mesh_edges(mesh);
  src.face_offsets = kernel::mesh_face_offsets(mesh);
  src.corner_verts = kernel::mesh_corner_verts(mesh);
  src.corner_edges = kernel::mesh_corner_edges(mesh);
  src.corner_faces.resize(src.corner_verts.size());
  for (int f = 0; f < src.faces_num(); f++) {
    std::fill(src.corner_faces.begin() + src.face_offsets[size_t(f)],
              src.corner_faces.begin() + src.face_offsets[size_t(f) + 1], f);
  }
  src.vert_corner.assign(size_t(mesh.verts_num), -1);
  src.edge_corner.assign(size_t(mesh.edges_num), -1);
  for (size_t corner = src.corner_verts.size(); corner-- > 0;) {
    src.vert_corner[size_t(src.corner_verts[corner])] = int32_t(corner);
    src.edge_corner[size_t(src.corner_edges[corner])] = int32_t(corner);
  }
  std::vector<int> loose_count(size_t(mesh.verts_num), 0);
  src.loose_chain.assign(size_t(mesh.verts_num), {-1, -1});
  for (size_t e = 0; e < src.edges.size(); e++) {
    if (src.edge_corner[e] >= 0) {
      continue;
    }
    for (const int32_t v : {src.edges[e].x, src.edges[e].y}) {
      const int count = loose_count[size_t(v)]++;
      if (count < 2) {
        src.loose_chain[size_t(v)][size_t(count)] = int32_t(e);
      }
    }
  }
  for (size_t v = 0; v < loose_count.size(); v++) {
    if (loose_count[v] != 2) {
      src.loose_chain[v] = {-1, -1};
    }
  }
  return src;
}

namespace {

/** Blender's crease (0..1) as OpenSubdiv sharpness (0..10). */
float crease_to_sharpness(const float crease)
{
  const float c = std::clamp(crease, 0.0f, 1.0f);
  return c * c * 10.0f;
}

const dna::Attribute *find_float_attribute(const dna::Mesh &mesh, std::string_view name,
                                           dna::AttrDomain domain)
{
  const dna::Attribute *attribute = mesh.attributes.find(name);
  return attribute && attribute->domain == domain && attribute->type == dna::AttrType::Float ?
             attribute :
             nullptr;
}

std::unique_ptr<Evaluator> make_evaluator(const Source &src, const SubdivideParams &params,
                                          std::span<const dna::Attribute *const> uv_maps)
{
  /* OpenSubdiv sees only the vertices of faces. */
  std::vector<int32_t> osd_vert(src.vert_corner.size(), -1);
  std::vector<float3> positions;
  for (size_t v = 0; v < osd_vert.size(); v++) {
    if (src.vert_corner[v] >= 0) {
      osd_vert[v] = int32_t(positions.size());
      positions.push_back(src.positions[v]);
    }
  }
  std::vector<int32_t> corner_verts(src.corner_verts.size());
  for (size_t i = 0; i < corner_verts.size(); i++) {
    corner_verts[i] = osd_vert[size_t(src.corner_verts[i])];
  }
  EvaluatorTopology topo;
  topo.verts_num = int(positions.size());
  topo.face_offsets = src.face_offsets;
  topo.corner_verts = corner_verts;

  std::vector<float> vert_sharpness(positions.size(), 0.0f);
  if (params.use_creases) {
    if (const dna::Attribute *crease = find_float_attribute(src.mesh, "crease_edge",
                                                            dna::AttrDomain::Edge)) {
      const std::span<const float> values = crease->span<float>();
      for (size_t e = 0; e < src.edges.size(); e++) {
        if (values[e] > 0.0f && src.edge_corner[e] >= 0) {
          topo.crease_edge_verts.push_back(osd_vert[size_t(src.edges[e].x)]);
          topo.crease_edge_verts.push_back(osd_vert[size_t(src.edges[e].y)]);
          topo.crease_edge_sharpness.push_back(crease_to_sharpness(values[e]));
        }
      }
    }
    if (const dna::Attribute *crease = find_float_attribute(src.mesh, "crease_vert",
                                                            dna::AttrDomain::Point)) {
      const std::span<const float> values = crease->span<float>();
      for (size_t v = 0; v < osd_vert.size(); v++) {
        if (osd_vert[v] >= 0) {
          vert_sharpness[size_t(osd_vert[v])] = crease_to_sharpness(values[v]);
        }
      }
    }
  }
  /* A face vertex that loose edges also use stays put (Blender keeps it infinitely sharp). */
  for (size_t e = 0; e < src.edges.size(); e++) {
    if (src.edge_corner[e] < 0) {
      for (const int32_t v : {src.edges[e].x, src.edges[e].y}) {
        if (osd_vert[size_t(v)] >= 0) {
          vert_sharpness[size_t(osd_vert[size_t(v)])] = 10.0f;
        }
      }
    }
  }
  for (size_t v = 0; v < vert_sharpness.size(); v++) {
    if (vert_sharpness[v] > 0.0f) {
      topo.crease_verts.push_back(int32_t(v));
      topo.crease_vert_sharpness.push_back(vert_sharpness[v]);
    }
  }

  EvaluatorSettings settings;
  settings.simple = params.simple;
  settings.adaptive = params.use_limit_surface;
  settings.level = params.simple ? 1 :
                   params.use_limit_surface ? std::clamp(params.quality, 1, 10) :
                                              params.level;
  settings.boundary_keep_corners = params.boundary_smooth == BoundarySmooth::PreserveCorners;
  settings.fvar_linear = FVarLinear(int(params.uv_smooth));
  std::vector<std::span<const float2>> uvs;
  for (const dna::Attribute *uv_map : uv_maps) {
    uvs.push_back(uv_map->span<float2>());
  }
  return std::make_unique<Evaluator>(topo, settings, positions, uvs);
}

/** Uniform cubic B-spline weights at t, for points along chains of loose edges. */
std::array<float, 4> bspline_weights(const float t)
{
  const float t2 = t * t, t3 = t2 * t;
  return {(1.0f - t) * (1.0f - t) * (1.0f - t) / 6.0f, (3.0f * t3 - 6.0f * t2 + 4.0f) / 6.0f,
          (-3.0f * t3 + 3.0f * t2 + 3.0f * t + 1.0f) / 6.0f, t3 / 6.0f};
}

/** The four control points of a loose edge: its ends and, past each end, the next vertex
 * of the chain, or the end mirrored where the chain stops. */
std::array<float3, 4> loose_edge_points(const Source &src, const int32_t edge)
{
  const int2 e = src.edges[size_t(edge)];
  const float3 a = src.positions[size_t(e.x)], b = src.positions[size_t(e.y)];
  auto beyond = [&](const int32_t v, const float3 self, const float3 other) {
    for (const int32_t next : src.loose_chain[size_t(v)]) {
      if (next >= 0 && next != edge) {
        const int2 n = src.edges[size_t(next)];
        return src.positions[size_t(n.x == v ? n.y : n.x)];
      }
    }
    return self * 2.0f - other;
  };
  return {beyond(e.x, a, b), a, b, beyond(e.y, b, a)};
}

float3 bspline_point(const std::array<float3, 4> &points, const float t)
{
  const std::array<float, 4> w = bspline_weights(t);
  return points[0] * w[0] + points[1] * w[1] + points[2] * w[2] + points[3] * w[3];
}

void compute_positions(const Source &src, const Layout &layout, const Evaluator *eval,
                       std::span<float3> dst)
{
  auto eval_at = [&](const FaceGrid &grid, const GridPoint p) {
    const float2 uv = grid.uv(p);
    const int ptex = eval->ptex_offset(grid.face) + (grid.is_quad() ? 0 : p.corner);
    return eval->position(ptex, uv.x, uv.y);
  };
  parallel_range(layout.coarse_verts, 1024, [&](const int64_t v) {
    const int32_t corner = src.vert_corner[size_t(v)];
    if (corner >= 0) {
      const int32_t face = src.corner_faces[size_t(corner)];
      const FaceGrid grid = src.grid(layout, face);
      dst[size_t(v)] = eval_at(grid, grid.corner_point(corner - src.face_offsets[size_t(face)]));
    }
    else if (src.loose_chain[size_t(v)][0] >= 0) {
      /* Inside a chain of loose edges: the curve's point at this vertex. */
      const int32_t edge = src.loose_chain[size_t(v)][0];
      const bool at_start = src.edges[size_t(edge)].x == int32_t(v);
      dst[size_t(v)] = bspline_point(loose_edge_points(src, edge), at_start ? 0.0f : 1.0f);
    }
    else {
      dst[size_t(v)] = src.positions[size_t(v)];
    }
  });
  const int res = layout.res;
  parallel_range(layout.coarse_edges, 256, [&](const int64_t e) {
    const int32_t corner = src.edge_corner[size_t(e)];
    const int32_t start = layout.edge_vert_start(int32_t(e));
    if (corner < 0) {
      const std::array<float3, 4> points = loose_edge_points(src, int32_t(e));
      for (int k = 1; k < res - 1; k++) {
        dst[size_t(start + k - 1)] = bspline_point(points, float(k) / float(res - 1));
      }
      return;
    }
    const int32_t face = src.corner_faces[size_t(corner)];
    const FaceGrid grid = src.grid(layout, face);
    const int side = corner - src.face_offsets[size_t(face)];
    const bool forward = src.edges[size_t(e)].x == grid.verts[size_t(side)];
    for (int k = 1; k < res - 1; k++) {
      dst[size_t(start + k - 1)] = eval_at(grid, grid.side_point(side, forward ? k : res - 1 - k));
    }
  });
  parallel_range(src.faces_num(), 1, [&](const int64_t f) {
    const FaceGrid grid = src.grid(layout, int32_t(f));
    grid.foreach_inner_vert([&](const int32_t v, const GridPoint p) { dst[size_t(v)] = eval_at(grid, p); });
  });
}

/** Vertex and edge indices of one face's grid points, so that edges and quads find theirs
 * without a search: per ptex grid, each point's vertex and the edges from it to its right
 * and up neighbours. For faces other than quads a corner's spoke column (x = m) is the
 * next corner's last row (y = m), recorded in both grids. */
class GridIndex {
 public:
  explicit GridIndex(const FaceGrid &grid)
      : grid_(grid), res_(grid.grid_res()), m_(res_ - 1), n_(grid.is_quad() ? 1 : grid.size())
  {
    index_.resize(size_t(n_ * res_ * res_ * 3));
    for (int c = 0; c < n_; c++) {
      for (int y = 0; y < res_; y++) {
        for (int x = 0; x < res_; x++) {
          index_[at(c, x, y)] = grid.vert({c, x, y});
        }
      }
    }
  }
  int32_t vert(const GridPoint p) const { return index_[at(p.corner, p.x, p.y)]; }
  int32_t &right(int c, int x, int y) { return index_[at(c, x, y) + 1]; }
  int32_t &up(int c, int x, int y) { return index_[at(c, x, y) + 2]; }

  void record(GridPoint a, GridPoint b, const int32_t edge)
  {
    if (a.corner != b.corner) {
      /* (c, m, i) is (c + 1, i, m): bring both points onto one grid. */
      GridPoint &p = a.x == m_ ? a : b;
      const GridPoint &other = a.x == m_ ? b : a;
      p = {other.corner, p.y, m_};
    }
    const int c = a.corner;
    if (a.y == b.y) {
      const int x = std::min(a.x, b.x);
      right(c, x, a.y) = edge;
      if (n_ > 1 && a.y == m_) {
        up((c + n_ - 1) % n_, m_, x) = edge;
      }
    }
    else {
      const int y = std::min(a.y, b.y);
      up(c, a.x, y) = edge;
      if (n_ > 1 && a.x == m_) {
        right((c + 1) % n_, y, m_) = edge;
      }
    }
  }

  /** The pieces of the original edges along the grids' outer rows and columns. */
  void record_sides(const Layout &layout, const Source &src)
  {
    const int res = layout.res;
    auto piece = [&](const int side, const int k) {
      const int32_t e = grid_.edges[size_t(side)];
      const bool forward = src.edges[size_t(e)].x == grid_.verts[size_t(side)];
      return e * (res - 1) + (forward ? k : res - 2 - k);
    };
    if (n_ == 1) {
      for (int t = 0; t < m_; t++) {
        right(0, t, 0) = piece(0, t);
        up(0, m_, t) = piece(1, t);
        right(0, t, m_) = piece(2, m_ - 1 - t);
        up(0, 0, t) = piece(3, m_ - 1 - t);
      }
      return;
    }
    for (int c = 0; c < n_; c++) {
      for (int t = 0; t < m_; t++) {
        right(c, t, 0) = piece(c, t);
        up(c, 0, t) = piece((c + n_ - 1) % n_, res - 2 - t);
      }
    }
  }

 private:
  size_t at(int c, int x, int y) const { return size_t(((c * res_ + y) * res_ + x) * 3); }

  const FaceGrid &grid_;
  int res_, m_, n_;
  std::vector<int32_t> index_;
};

void build_topology(const Source &src, const Layout &layout, dna::Mesh &dst)
{
  const int res = layout.res;
  std::span<int2> edges = kernel::mesh_edges_for_write(dst);
  parallel_range(layout.coarse_edges, 512, [&](const int64_t e) {
    const int2 edge = src.edges[size_t(e)];
    const int32_t start = layout.edge_vert_start(int32_t(e));
    auto vert = [&](int k) { return k == 0 ? edge.x : k == res - 1 ? edge.y : start + k - 1; };
    for (int k = 0; k < res - 1; k++) {
      edges[size_t(e * (res - 1) + k)] = {vert(k), vert(k + 1)};
    }
  });
  std::span<int32_t> offsets = kernel::mesh_face_offsets_for_write(dst);
  parallel_range(int64_t(offsets.size()), 4096,
                 [&](const int64_t i) { offsets[size_t(i)] = int32_t(i * 4); });
  std::span<int32_t> corner_verts = kernel::mesh_corner_verts_for_write(dst);
  std::span<int32_t> corner_edges = kernel::mesh_corner_edges_for_write(dst);
  parallel_range(src.faces_num(), 1, [&](const int64_t f) {
    const FaceGrid grid = src.grid(layout, int32_t(f));
    GridIndex grid_index(grid);
    grid_index.record_sides(layout, src);
    int32_t edge = layout.face_edge_start[size_t(f)];
    grid.foreach_inner_edge([&](const GridPoint a, const GridPoint b) {
      edges[size_t(edge)] = {grid_index.vert(a), grid_index.vert(b)};
      grid_index.record(a, b, edge++);
    });
    size_t corner = size_t(layout.face_quad_start[size_t(f)]) * 4;
    grid.foreach_quad([&](GridPoint p0, GridPoint p1, GridPoint p2, GridPoint p3) {
      const int c = p0.corner, x = p0.x, y = p0.y;
      const int32_t quad_edges[4] = {grid_index.right(c, x, y), grid_index.up(c, x + 1, y),
                                     grid_index.right(c, x, y + 1), grid_index.up(c, x, y)};
      for (int k = 0; k < 4; k++) {
        corner_verts[corner] = grid_index.vert(k == 0 ? p0 : k == 1 ? p1 : k == 2 ? p2 : p3);
        corner_edges[corner++] = quad_edges[k];
      }
    });
  });
}

}  // namespace


dna::Mesh mesh_subdivide(const dna::Mesh &mesh, const SubdivideParams &params)
{
  if (params.level < 0) {
    raise(ErrorKind::Value, "subdivision level must not be negative, not ", params.level);
  }
  kernel::mesh_topology_check(mesh);
  if (params.level == 0) {
    dna::Mesh copy = mesh_result::new_like(mesh);
    copy.verts_num = mesh.verts_num;
    copy.edges_num = mesh.edges_num;
    copy.faces_num = mesh.faces_num;
    copy.corners_num = mesh.corners_num;
    copy.face_offsets = mesh.face_offsets;
    copy.attributes = mesh.attributes;
    copy.deform_verts = mesh.deform_verts;
    return copy;
  }
  const Source src = source_read(mesh);
  const Layout layout = layout_compute(params.level, mesh.verts_num, mesh.edges_num,
                                       src.face_offsets);

  std::vector<const dna::Attribute *> uv_maps;
  for (const auto &attribute : mesh.attributes.attributes) {
    if (mesh_result::attribute_is_uv_map(*attribute)) {
      uv_maps.push_back(attribute.get());
    }
  }
  std::unique_ptr<Evaluator> eval;
  if (src.faces_num() > 0) {
    eval = make_evaluator(src, params, uv_maps);
  }

  dna::Mesh dst = mesh_result::new_like(mesh);
  kernel::mesh_resize(dst, layout.verts_num, layout.edges_num, layout.faces_num,
                      layout.faces_num * 4);
  compute_positions(src, layout, eval.get(), kernel::mesh_positions_for_write(dst));
  build_topology(src, layout, dst);
  subdivide_attributes(src, layout, eval.get(), dst);
  return dst;
}

}  // namespace whisk::geometry
