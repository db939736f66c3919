// Plane, cube, grid and circle, as Blender 3.4's primitive operators build them.

#include <cmath>
#include <numbers>

#include "primitive_builder.hh"

namespace whisk::geometry {

using namespace detail;

MeshPrimitive primitive_plane(const float size, const bool calc_uvs)
{
  /* Blender's plane is its 1x1 grid. */
  return primitive_grid(1, 1, size, calc_uvs);
}

MeshPrimitive primitive_cube(float size, const bool calc_uvs)
{
  size = clamp_size(size);
  const float h = size * 0.5f;
  MeshPrimitive mesh;
  PrimitiveBuilder builder(mesh, calc_uvs);
  builder.reserve(8, 12, 6, 24);
  /* Vertex index bits: 4 = +x, 2 = +y, 1 = +z. */
  for (int i = 0; i < 8; i++) {
    builder.add_vert({i & 4 ? h : -h, i & 2 ? h : -h, i & 1 ? h : -h});
  }
  /* Faces and the UV layout (a cross unfolded around the sides) as the oracle prints them. */
  static constexpr int faces[6][4] = {
      {0, 1, 3, 2}, {2, 3, 7, 6}, {6, 7, 5, 4}, {4, 5, 1, 0}, {2, 6, 4, 0}, {7, 3, 1, 5}};
  static constexpr float2 face_uv_min[6] = {
      {0.375f, 0.0f}, {0.375f, 0.25f}, {0.375f, 0.5f}, {0.375f, 0.75f}, {0.125f, 0.5f},
      {0.625f, 0.5f}};
  for (int f = 0; f < 6; f++) {
    const float2 lo = face_uv_min[f];
    const float2 hi = lo + float2(0.25f, 0.25f);
    builder.add_face({faces[f][0], faces[f][1], faces[f][2], faces[f][3]},
                     {lo, {hi.x, lo.y}, hi, {lo.x, hi.y}});
  }
  return mesh;
}

MeshPrimitive primitive_grid(int x_subdivisions, int y_subdivisions, float size,
                             const bool calc_uvs)
{
  /* Subdivisions count faces along each side (Blender 3.x): 1 x 1 is a single quad. */
  const int nx = clamp_count(x_subdivisions, 1, max_grid_subdivisions);
  const int ny = clamp_count(y_subdivisions, 1, max_grid_subdivisions);
  size = clamp_size(size);
  const int64_t verts = int64_t(nx + 1) * (ny + 1);
  const int64_t faces = int64_t(nx) * ny;
  check_element_counts("grid", verts, faces * 4);

  MeshPrimitive mesh;
  PrimitiveBuilder builder(mesh, calc_uvs);
  builder.reserve(verts, verts * 2, faces, faces * 4);
  const float half = size * 0.5f;
  for (int j = 0; j <= ny; j++) {
    const float y = -half + size * float(j) / float(ny);
    for (int i = 0; i <= nx; i++) {
      builder.add_vert({-half + size * float(i) / float(nx), y, 0.0f});
    }
  }
  const int row = nx + 1;
  for (int j = 0; j < ny; j++) {
    const float v0 = float(j) / float(ny), v1 = float(j + 1) / float(ny);
    for (int i = 0; i < nx; i++) {
      const float u0 = float(i) / float(nx), u1 = float(i + 1) / float(nx);
      const int v = j * row + i;
      builder.add_face({v, v + 1, v + row + 1, v + row}, {{u0, v0}, {u1, v0}, {u1, v1}, {u0, v1}});
    }
  }
  return mesh;
}

MeshPrimitive primitive_circle(int vertices, float radius, const FillType fill_type,
                               const bool calc_uvs)
{
  const int n = clamp_count(vertices, 3, max_circle_vertices);
  radius = clamp_size(radius);
  const bool fan = fill_type == FillType::TriangleFan;
  MeshPrimitive mesh;
  PrimitiveBuilder builder(mesh, calc_uvs);
  builder.reserve(n + 1, int64_t(n) * 2, n, int64_t(n) * 3);

  /* The ring starts at +Y and runs counter-clockwise. UVs map the circle onto the unit
   * square; they come from the unit direction so a zero radius gives no NaN (Blender's
   * are NaN there). */
  std::vector<float2> dirs(static_cast<size_t>(n));
  for (int i = 0; i < n; i++) {
    const double angle = 2.0 * std::numbers::pi * double(i) / double(n);
    dirs[size_t(i)] = {float(-std::sin(angle)), float(std::cos(angle))};
  }
  auto ring_uv = [&](int i) { return float2(0.5f, 0.5f) + dirs[size_t(i)] * 0.5f; };
  const int center = fan ? builder.add_vert({0.0f, 0.0f, 0.0f}) : -1;
  const int first = fan ? 1 : 0;
  for (int i = 0; i < n; i++) {
    builder.add_vert({dirs[size_t(i)].x * radius, dirs[size_t(i)].y * radius, 0.0f});
  }
  /* Each new ring vertex is joined to the previous one (new -> previous); a fan also
   * joins it to the center and closes the triangle behind it. */
  for (int i = 1; i < n; i++) {
    builder.ensure_edge(first + i, first + i - 1);
    if (fan) {
      builder.ensure_edge(first + i, center);
      builder.add_face({center, first + i - 1, first + i},
                       {{0.5f, 0.5f}, ring_uv(i - 1), ring_uv(i)});
    }
  }
  builder.ensure_edge(first, first + n - 1);
  if (fan) {
    builder.add_face({center, first + n - 1, first}, {{0.5f, 0.5f}, ring_uv(n - 1), ring_uv(0)});
  }
  else if (fill_type == FillType::NGon) {
    std::vector<int> verts(static_cast<size_t>(n));
    std::vector<float2> uvs(static_cast<size_t>(n));
    for (int i = 0; i < n; i++) {
      verts[size_t(i)] = i;
      uvs[size_t(i)] = ring_uv(i);
    }
    builder.add_face(verts, uvs);
  }
  return mesh;
}

}  // namespace whisk::geometry
