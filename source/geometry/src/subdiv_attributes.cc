// mesh_subdivide's attributes other than positions and topology (see subdiv_source.hh).
//
// UV maps are face-varying data of the subdivision (smoothed by the uv_smooth rule); every
// other attribute is interpolated bilinearly over each face's grids, the way a simple
// subdivision would place it: points and corners mix the face's corners, edge pieces and
// sub-faces copy their original element, inner edges get the default (zero, false).

#include <algorithm>

#include "mesh_result.hh"
#include "subdiv_source.hh"
#include "whisk/kernel/attribute.hh"

namespace whisk::geometry::subdiv {

using mesh_result::parallel_range;

namespace {

/** Weights of a face's corners at a grid point: bilinear over the ptex face, whose corners
 * for faces other than quads are the corner, the next edge's middle, the center and the
 * previous edge's middle. */
void grid_point_weights(const FaceGrid &grid, const GridPoint p, std::span<float> w)
{
  const float2 uv = grid.uv(p);
  const float u = uv.x, v = uv.y;
  const float w00 = (1.0f - u) * (1.0f - v), w10 = u * (1.0f - v), w11 = u * v,
              w01 = (1.0f - u) * v;
  if (grid.is_quad()) {
    w[0] = w00, w[1] = w10, w[2] = w11, w[3] = w01;
    return;
  }
  const int n = grid.size();
  std::fill(w.begin(), w.end(), w11 / float(n));
  w[size_t(p.corner)] += w00 + 0.5f * (w10 + w01);
  w[size_t((p.corner + 1) % n)] += 0.5f * w10;
  w[size_t((p.corner + n - 1) % n)] += 0.5f * w01;
}

template<typename T>
void interpolate_points(const Source &src, const Layout &layout, std::span<const T> in,
                        std::span<T> out)
{
  parallel_range(layout.coarse_verts, 4096, [&](const int64_t v) { out[size_t(v)] = in[size_t(v)]; });
  const int res = layout.res;
  parallel_range(layout.coarse_edges, 512, [&](const int64_t e) {
    const int2 edge = src.edges[size_t(e)];
    const int32_t indices[2] = {edge.x, edge.y};
    for (int k = 1; k < res - 1; k++) {
      const float t = float(k) / float(res - 1);
      const float weights[2] = {1.0f - t, t};
      out[size_t(layout.edge_vert_start(int32_t(e)) + k - 1)] = mesh_result::mix_values<T>(
          in, indices, weights);
    }
  });
  parallel_range(src.faces_num(), 1, [&](const int64_t f) {
    const FaceGrid grid = src.grid(layout, int32_t(f));
    std::vector<float> weights(grid.verts.size());
    grid.foreach_inner_vert([&](const int32_t vert, const GridPoint p) {
      grid_point_weights(grid, p, weights);
      out[size_t(vert)] = mesh_result::mix_values<T>(in, grid.verts, weights);
    });
  });
}

template<typename T>
void interpolate_corners(const Source &src, const Layout &layout, std::span<const T> in,
                         std::span<T> out)
{
  parallel_range(src.faces_num(), 1, [&](const int64_t f) {
    const FaceGrid grid = src.grid(layout, int32_t(f));
    const int32_t start = src.face_offsets[size_t(f)];
    std::vector<int32_t> corners(grid.verts.size());
    for (size_t i = 0; i < corners.size(); i++) {
      corners[i] = start + int32_t(i);
    }
    std::vector<float> weights(grid.verts.size());
    size_t corner = size_t(layout.face_quad_start[size_t(f)]) * 4;
    grid.foreach_quad([&](GridPoint p0, GridPoint p1, GridPoint p2, GridPoint p3) {
      for (const GridPoint p : {p0, p1, p2, p3}) {
        grid_point_weights(grid, p, weights);
        out[corner++] = mesh_result::mix_values<T>(in, corners, weights);
      }
    });
  });
}

template<typename T>
void copy_edges(const Source &src, const Layout &layout, std::span<const T> in, std::span<T> out)
{
  const int pieces = layout.res - 1;
  parallel_range(layout.coarse_edges, 1024, [&](const int64_t e) {
    std::fill_n(out.begin() + e * pieces, pieces, in[size_t(e)]);
  });
}

template<typename T>
void copy_faces(const Source &src, const Layout &layout, std::span<const T> in, std::span<T> out)
{
  parallel_range(src.faces_num(), 256, [&](const int64_t f) {
    const int32_t start = layout.face_quad_start[size_t(f)];
    std::fill(out.begin() + start, out.begin() + layout.face_quad_start[size_t(f) + 1],
              in[size_t(f)]);
  });
}

/** UVs at every grid point of a face, then at each corner of its quads. The grid points are
 * evaluated once each (a point is shared by up to four quads). */
void evaluate_uv_map(const Source &src, const Layout &layout, const Evaluator &eval,
                     const int channel, std::span<float2> out)
{
  parallel_range(src.faces_num(), 1, [&](const int64_t f) {
    const FaceGrid grid = src.grid(layout, int32_t(f));
    const int res = grid.grid_res();
    const int ptex_count = grid.is_quad() ? 1 : grid.size();
    std::vector<float2> values(static_cast<size_t>(ptex_count * res * res));
    for (int c = 0; c < ptex_count; c++) {
      const int ptex = eval.ptex_offset(int32_t(f)) + c;
      for (int y = 0; y < res; y++) {
        for (int x = 0; x < res; x++) {
          const float2 uv = grid.uv({c, x, y});
          values[size_t((c * res + y) * res + x)] = eval.uv(channel, ptex, uv.x, uv.y);
        }
      }
    }
    size_t corner = size_t(layout.face_quad_start[size_t(f)]) * 4;
    grid.foreach_quad([&](GridPoint p0, GridPoint p1, GridPoint p2, GridPoint p3) {
      for (const GridPoint p : {p0, p1, p2, p3}) {
        out[corner++] = values[size_t((p.corner * res + p.y) * res + p.x)];
      }
    });
  });
}

/** Vertex group weights, mixed like point attributes. */
void interpolate_deform_verts(const Source &src, const Layout &layout, dna::Mesh &dst)
{
  const auto &in = src.mesh.deform_verts;
  auto &out = dst.deform_verts;
  out.assign(size_t(layout.verts_num), {});
  auto mix = [&](std::span<const int32_t> verts, std::span<const float> weights,
                 std::vector<dna::DeformWeight> &result) {
    for (size_t i = 0; i < verts.size(); i++) {
      if (weights[i] == 0.0f) {
        continue;
      }
      for (const dna::DeformWeight &dw : in[size_t(verts[i])]) {
        auto it = std::find_if(result.begin(), result.end(),
                               [&](const dna::DeformWeight &r) { return r.group == dw.group; });
        if (it == result.end()) {
          result.push_back({dw.group, dw.weight * weights[i]});
        }
        else {
          it->weight += dw.weight * weights[i];
        }
      }
    }
  };
  parallel_range(layout.coarse_verts, 4096, [&](const int64_t v) { out[size_t(v)] = in[size_t(v)]; });
  const int res = layout.res;
  parallel_range(layout.coarse_edges, 512, [&](const int64_t e) {
    const int32_t verts[2] = {src.edges[size_t(e)].x, src.edges[size_t(e)].y};
    for (int k = 1; k < res - 1; k++) {
      const float t = float(k) / float(res - 1);
      const float weights[2] = {1.0f - t, t};
      mix(verts, weights, out[size_t(layout.edge_vert_start(int32_t(e)) + k - 1)]);
    }
  });
  parallel_range(src.faces_num(), 1, [&](const int64_t f) {
    const FaceGrid grid = src.grid(layout, int32_t(f));
    std::vector<float> weights(grid.verts.size());
    grid.foreach_inner_vert([&](const int32_t vert, const GridPoint p) {
      grid_point_weights(grid, p, weights);
      mix(grid.verts, weights, out[size_t(vert)]);
    });
  });
}

}  // namespace

void subdivide_attributes(const Source &src, const Layout &layout, const Evaluator *eval,
                          dna::Mesh &dst)
{
  int channel = 0;
  for (const auto &attribute : src.mesh.attributes.attributes) {
    const dna::Attribute &in = *attribute;
    if (mesh_result::attribute_is_topology(in.name)) {
      continue;
    }
    const int64_t size = kernel::mesh_domain_size(dst, in.domain);
    dna::Attribute &out = kernel::attribute_add(dst.attributes, in.name, in.domain, in.type,
                                                size);
    if (mesh_result::attribute_is_uv_map(in)) {
      if (eval) {
        evaluate_uv_map(src, layout, *eval, channel, out.mutable_span<float2>());
      }
      channel++;
      continue;
    }
    mesh_result::attribute_type_dispatch(in.type, [&]<typename T>() {
      const std::span<const T> values = in.span<T>();
      const std::span<T> result = out.mutable_span<T>();
      switch (in.domain) {
        case dna::AttrDomain::Point: interpolate_points<T>(src, layout, values, result); break;
        case dna::AttrDomain::Edge: copy_edges<T>(src, layout, values, result); break;
        case dna::AttrDomain::Face: copy_faces<T>(src, layout, values, result); break;
        case dna::AttrDomain::Corner: interpolate_corners<T>(src, layout, values, result); break;
        default: break;
      }
    });
  }
  if (!src.mesh.deform_verts.empty()) {
    interpolate_deform_verts(src, layout, dst);
  }
}

}  // namespace whisk::geometry::subdiv
