// Torus (a Python operator in Blender 3.4) and monkey (Suzanne, from generated data).

#include <cmath>
#include <numbers>

#include "primitive_builder.hh"

namespace whisk::geometry {

using namespace detail;

namespace {
#include "monkey_data.inc"
}  // namespace

MeshPrimitive primitive_torus(int major_segments, int minor_segments, float major_radius,
                              float minor_radius, const bool generate_uvs, const TorusMode mode,
                              float abso_major_rad, float abso_minor_rad)
{
  const int nu = clamp_count(major_segments, 3, max_torus_segments);
  const int nv = clamp_count(minor_segments, 3, max_torus_segments);
  if (mode == TorusMode::ExteriorInterior) {
    abso_major_rad = clamp_size(abso_major_rad, max_torus_radius);
    abso_minor_rad = clamp_size(abso_minor_rad, max_torus_radius);
    major_radius = (abso_major_rad + abso_minor_rad) * 0.5f;
    minor_radius = (abso_major_rad - abso_minor_rad) * 0.5f;
  }
  else {
    major_radius = clamp_size(major_radius, max_torus_radius);
    minor_radius = clamp_size(minor_radius, max_torus_radius);
  }

  MeshPrimitive mesh;
  PrimitiveBuilder builder(mesh, generate_uvs);
  builder.reserve(nu * nv, 0, nu * nv, nu * nv * 4);
  /* Ring i of the major circle (counter-clockwise from +X), vertex j of its minor circle
   * (from the outside, upwards). */
  for (int i = 0; i < nu; i++) {
    const double theta = 2.0 * std::numbers::pi * double(i) / double(nu);
    const double ct = std::cos(theta), st = std::sin(theta);
    for (int j = 0; j < nv; j++) {
      const double phi = 2.0 * std::numbers::pi * double(j) / double(nv);
      const double reach = double(major_radius) + double(minor_radius) * std::cos(phi);
      builder.add_vert(
          {float(reach * ct), float(reach * st), float(double(minor_radius) * std::sin(phi))});
    }
  }
  /* The UV grid is rotated by half a turn both ways (rounded up): face (0, 0) starts at
   * ((nu + 1) / 2 / nu, (nv + 1) / 2 / nv), and faces past the edge wrap to 0. */
  const int u_shift = (nu + 1) / 2, v_shift = (nv + 1) / 2;
  for (int i = 0; i < nu; i++) {
    const int i1 = (i + 1) % nu;
    const float u0 = float((i + u_shift) % nu) / float(nu), u1 = u0 + 1.0f / float(nu);
    for (int j = 0; j < nv; j++) {
      const int j1 = (j + 1) % nv;
      const float v0 = float((j + v_shift) % nv) / float(nv), v1 = v0 + 1.0f / float(nv);
      builder.add_face({i * nv + j, i1 * nv + j, i1 * nv + j1, i * nv + j1},
                       {{u0, v0}, {u1, v0}, {u1, v1}, {u0, v1}});
    }
  }
  /* Blender's Python operator lets the mesh compute its edges, in an order that does not
   * follow the faces; leave them to be computed. */
  mesh.edges.clear();
  return mesh;
}

MeshPrimitive primitive_monkey(float size, const bool calc_uvs)
{
  const float scale = clamp_size(size) * 0.5f;
  MeshPrimitive mesh;
  PrimitiveBuilder builder(mesh, calc_uvs);
  builder.reserve(monkey_vert_count, 1005, monkey_face_count, monkey_corner_count);
  for (const auto &p : monkey_positions) {
    builder.add_vert(float3(p[0], p[1], p[2]) * scale);
  }
  int corner = 0;
  for (const uint8_t face_size : monkey_face_sizes) {
    int verts[4];
    float2 uvs[4];
    for (int k = 0; k < face_size; k++, corner++) {
      verts[k] = monkey_corner_verts[corner];
      uvs[k] = {monkey_uvs[corner][0], monkey_uvs[corner][1]};
    }
    builder.add_face(std::span<const int>(verts, face_size),
                     std::span<const float2>(uvs, face_size));
  }
  return mesh;
}

}  // namespace whisk::geometry
