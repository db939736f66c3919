// Cylinder and cone, as Blender 3.4's primitive operators build them.
//
// What the oracle shows: the rings start at +Y and run clockwise seen from above (unlike
// the circle's); the bottom ring is at z = -depth/2. A ring of radius 0 is a single apex
// vertex. TRIFAN builds, step by step, the bottom fan triangle, the top fan triangle and
// the side face. NGON is that same build with the fan centers dissolved: the vertices,
// edges and side faces keep the TRIFAN order (less the centers and their spokes) and the
// caps take the places the dissolve leaves them, which build_cone reproduces.

#include <algorithm>
#include <cmath>
#include <numbers>

#include "primitive_builder.hh"

namespace whisk::geometry {

using namespace detail;

namespace {

/** The UV discs of the caps (and of a pointed cone's sides when the ends are filled). */
constexpr float2 bottom_disc_center{0.75f, 0.25f};
constexpr float2 top_disc_center{0.25f, 0.25f};
constexpr float disc_radius = 0.24f;

struct ConeBuild {
  MeshPrimitive mesh;
  /** Faces of the fans (index in mesh), to be replaced by an n-gon cap. */
  std::vector<bool> is_fan;
};

MeshPrimitive replace_fans_with_caps(const ConeBuild &build, const std::vector<int> &centers,
                                     std::vector<std::vector<int>> caps,
                                     std::vector<std::vector<float2>> cap_uvs,
                                     const std::vector<int> &cap_positions, bool calc_uvs)
{
  const MeshPrimitive &fan = build.mesh;
  MeshPrimitive out;
  out.positions = fan.positions;
  out.edges = fan.edges;
  out.face_offsets.push_back(0);
  auto append = [&](std::span<const int> verts, std::span<const float2> uvs) {
    out.corner_verts.insert(out.corner_verts.end(), verts.begin(), verts.end());
    out.face_offsets.push_back(int32_t(out.corner_verts.size()));
    if (calc_uvs) {
      out.uvs.insert(out.uvs.end(), uvs.begin(), uvs.end());
    }
  };
  auto append_caps_at = [&](int position) {
    for (size_t c = 0; c < caps.size(); c++) {
      if (cap_positions[c] == position) {
        append(caps[c], cap_uvs[c]);
      }
    }
  };
  int kept = 0;
  for (size_t f = 0; f + 1 < fan.face_offsets.size(); f++) {
    if (build.is_fan[f]) {
      continue;
    }
    append_caps_at(kept);
    const int begin = fan.face_offsets[f], end = fan.face_offsets[f + 1];
    append(std::span<const int>(fan.corner_verts.data() + begin, size_t(end - begin)),
           calc_uvs ? std::span<const float2>(fan.uvs.data() + begin, size_t(end - begin)) :
                      std::span<const float2>());
    kept++;
  }
  append_caps_at(kept);
  /* Remove the centers, highest index first so the other stays valid. */
  std::vector<int> sorted = centers;
  std::sort(sorted.rbegin(), sorted.rend());
  for (const int center : sorted) {
    remove_vertex(out, center);
  }
  return out;
}

MeshPrimitive build_cone(int vertices, float radius1, float radius2, float depth,
                         const FillType fill, const bool calc_uvs)
{
  const int n = clamp_count(vertices, 3, max_circle_vertices);
  const float r1 = clamp_size(radius1), r2 = clamp_size(radius2);
  const float half = clamp_size(depth) * 0.5f;
  check_element_counts("cone", int64_t(n) * 2 + 2, int64_t(n) * 10);
  const bool bottom_ring = r1 > 0.0f, top_ring = r2 > 0.0f;

  if (!bottom_ring && !top_ring) {
    /* Every ring vertex merges into the two apexes: Blender leaves two loose vertices. */
    MeshPrimitive mesh;
    mesh.positions = {{0.0f, 0.0f, -half}, {0.0f, 0.0f, half}};
    return mesh;
  }

  const bool filled = fill != FillType::Nothing;
  ConeBuild build;
  PrimitiveBuilder builder(build.mesh, calc_uvs);
  builder.reserve(int64_t(n) * 2 + 2, int64_t(n) * 4, int64_t(n) * 3, int64_t(n) * 10);

  std::vector<float2> dirs(static_cast<size_t>(n));
  for (int i = 0; i < n; i++) {
    const double angle = 2.0 * std::numbers::pi * double(i) / double(n);
    dirs[size_t(i)] = {float(std::sin(angle)), float(std::cos(angle))};
  }
  auto dir = [&](int i) { return dirs[size_t(i % n)]; };

  /* Vertex creation order (by what the oracle shows): fan centers first, bottom before
   * top; a bottom apex before the top ring; rings interleaved; a top apex last. */
  const bool fan = filled;
  const int bottom_center = fan && bottom_ring ? builder.add_vert({0, 0, -half}) : -1;
  const int top_center = fan && top_ring ? builder.add_vert({0, 0, half}) : -1;
  const int bottom_apex = bottom_ring ? -1 : builder.add_vert({0, 0, -half});
  std::vector<int> bottom(size_t(n), bottom_apex), top(size_t(n), -1);
  for (int i = 0; i < n; i++) {
    if (bottom_ring) {
      bottom[size_t(i)] = builder.add_vert({dir(i).x * r1, dir(i).y * r1, -half});
    }
    if (top_ring) {
      top[size_t(i)] = builder.add_vert({dir(i).x * r2, dir(i).y * r2, half});
    }
  }
  if (!top_ring) {
    top.assign(size_t(n), builder.add_vert({0, 0, half}));
  }

  /* UVs: cylinder-like sides unroll onto the top half (or all) of the square; caps, and
   * the sides of a pointed cone, project onto discs. */
  auto disc_uv = [&](float2 center, float radius, int i) { return center + dir(i) * radius; };
  const float2 bottom_disc = filled ? bottom_disc_center : float2(0.5f, 0.5f);
  const float2 top_disc = filled ? top_disc_center : float2(0.5f, 0.5f);
  const float disc = filled ? disc_radius : 0.5f;
  const float side_v0 = filled ? 0.5f : 0.0f;

  for (int step = 1; step <= n; step++) {
    const int a = step - 1, b = step % n;
    const size_t ua = size_t(a), ub = size_t(b);
    if (fan && bottom_ring) {
      builder.add_face({bottom_center, bottom[ua], bottom[ub]},
                       {bottom_disc_center, disc_uv(bottom_disc_center, disc_radius, a),
                        disc_uv(bottom_disc_center, disc_radius, b)});
      build.is_fan.push_back(true);
    }
    if (fan && top_ring) {
      builder.add_face({top_center, top[ub], top[ua]},
                       {top_disc_center, disc_uv(top_disc_center, disc_radius, b),
                        disc_uv(top_disc_center, disc_radius, a)});
      build.is_fan.push_back(true);
    }
    if (bottom_ring && top_ring) {
      const float u0 = 1.0f - float(a) / float(n), u1 = 1.0f - float(step) / float(n);
      builder.add_face({bottom[ua], top[ua], top[ub], bottom[ub]},
                       {{u0, side_v0}, {u0, 1.0f}, {u1, 1.0f}, {u1, side_v0}});
    }
    else if (bottom_ring) {
      builder.add_face({bottom[ua], top[ua], bottom[ub]},
                       {disc_uv(top_disc, disc, a), top_disc, disc_uv(top_disc, disc, b)});
    }
    else {
      /* Blender makes this face from (ring a, ring b, apex), which orders its new edges,
       * and stores it from the apex. */
      builder.ensure_edge(bottom_apex, top[ua]);
      builder.ensure_edge(top[ua], top[ub]);
      builder.ensure_edge(top[ub], bottom_apex);
      builder.add_face({bottom[ua], top[ua], top[ub]},
                       {bottom_disc, disc_uv(bottom_disc, disc, a), disc_uv(bottom_disc, disc, b)});
    }
    build.is_fan.push_back(false);
  }
  if (fill != FillType::NGon) {
    return std::move(build.mesh);
  }

  /* NGON: the caps replace the fans. The top cap starts at the ring's second vertex and
   * runs backwards; the bottom cap runs forwards from the first. */
  std::vector<std::vector<int>> caps;
  std::vector<std::vector<float2>> cap_uvs;
  std::vector<int> positions;
  const int sides = n;
  if (top_ring) {
    std::vector<int> cap;
    std::vector<float2> uvs;
    for (int k = 0; k < n; k++) {
      const int i = (1 - k + n) % n;
      cap.push_back(top[size_t(i)]);
      uvs.push_back(disc_uv(top_disc_center, disc_radius, i));
    }
    caps.push_back(cap);
    cap_uvs.push_back(uvs);
    /* The dissolve puts the top cap before the last two sides (before the last one when
     * there are three). */
    positions.push_back(n == 3 ? 2 : sides - 2);
  }
  if (bottom_ring) {
    std::vector<int> cap;
    std::vector<float2> uvs;
    for (int i = 0; i < n; i++) {
      cap.push_back(bottom[size_t(i)]);
      uvs.push_back(disc_uv(bottom_disc_center, disc_radius, i));
    }
    caps.push_back(cap);
    cap_uvs.push_back(uvs);
    positions.push_back(top_ring ? sides : sides - 2);
  }
  std::vector<int> centers;
  for (const int center : {bottom_center, top_center}) {
    if (center >= 0) {
      centers.push_back(center);
    }
  }
  return replace_fans_with_caps(build, centers, caps, cap_uvs, positions, calc_uvs);
}

}  // namespace

MeshPrimitive primitive_cylinder(const int vertices, const float radius, const float depth,
                                 const FillType end_fill_type, const bool calc_uvs)
{
  const float r = clamp_size(radius);
  return build_cone(vertices, r, r, depth, end_fill_type, calc_uvs);
}

MeshPrimitive primitive_cone(const int vertices, const float radius1, const float radius2,
                             const float depth, const FillType end_fill_type,
                             const bool calc_uvs)
{
  return build_cone(vertices, radius1, radius2, depth, end_fill_type, calc_uvs);
}

}  // namespace whisk::geometry
