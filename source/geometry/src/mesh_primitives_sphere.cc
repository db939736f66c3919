// UV sphere: Blender 3.4's positions, vertex order, faces (each with Blender's first corner)
// and UVs, inferred from the oracle (tests/fixtures/mesh_primitives.json).
//
// Blender makes one meridian (north pole to south pole), extrudes and rotates it `segments`
// times (the last copy lands on the first meridian), and then welds the copies that
// coincide: the poles, and the first and last meridians. Which copy of a welded point
// survives decides the vertex order (the survivors keep their creation order), and that
// choice comes from a k-d tree built over the slightly noisy float positions of all copies:
// the survivor is the copy the tree's node array lists first. So the float arithmetic is
// replayed exactly (this file is compiled without FMA contraction, see CMakeLists.txt) and
// the tree's median partitioning is reproduced; the result matched Blender for every
// segments x rings in 3..64 x 3..32 and several radii.
//
// Face order: Blender 3.4 emits the faces column by column (the `ring_count` faces between
// meridians k and k+1 form block k), but the order inside a block comes from a pointer hash
// and changes from run to run, so no fixed order can match it. Within a block this builder
// uses south triangle, quads northwards, north triangle. Edge order varies the same way;
// edges are left to be computed.

#include <algorithm>
#include <cmath>
#include <numbers>

#include "primitive_builder.hh"

namespace whisk::geometry {

using namespace detail;

namespace {

/** sin and cos of the fraction n/d of a full turn, in float. The angle is folded into the
 * first octant, evaluated there with sinf/cosf, and mapped back, so that mirrored points get
 * mirrored values and quarter turns give exact 0 and +-1 (which is what Blender's profile
 * shows; evaluating the unfolded angle does not match it). Blender rounds these like
 * glibc's sinf/cosf, which std::sin/std::cos on float call there; another libm may round a
 * near-tie differently, which moves a position by one float step and can change which
 * welded copy survives (the vertex order), never the geometry. */
void sin_cos_of_turn(const int n, const int d, float &r_sin, float &r_cos)
{
  const int64_t n8 = int64_t(n) * 8; /* The turn counted in d-ths of an eighth. */
  const int64_t quarter = int64_t(d) * 2;
  const int octant = int(std::min<int64_t>(n8 / d, 7));
  /* Folded numerator, whether sin and cos swap, and their signs, for each octant. */
  int64_t folded = 0;
  bool swap = false;
  float sign_sin = 1.0f, sign_cos = 1.0f;
  switch (octant) {
    case 0: folded = n8; break;
    case 1: folded = quarter - n8, swap = true; break;
    case 2: folded = n8 - quarter, swap = true, sign_cos = -1.0f; break;
    case 3: folded = 2 * quarter - n8, sign_cos = -1.0f; break;
    case 4: folded = n8 - 2 * quarter, sign_sin = -1.0f, sign_cos = -1.0f; break;
    case 5: folded = 3 * quarter - n8, swap = true, sign_sin = -1.0f, sign_cos = -1.0f; break;
    case 6: folded = n8 - 3 * quarter, swap = true, sign_sin = -1.0f; break;
    default: folded = 4 * quarter - n8, sign_sin = -1.0f; break;
  }
  const float phi = float(2.0 * std::numbers::pi) * (float(folded) / float(int64_t(d) * 8));
  const float s = std::sin(phi), c = std::cos(phi);
  r_sin = sign_sin * (swap ? c : s);
  r_cos = sign_cos * (swap ? s : c);
}

float axis_value(const float3 &p, const int axis)
{
  return axis == 0 ? p.x : (axis == 1 ? p.y : p.z);
}

/** Reorders `order[lo, lo + n)` the way a k-d tree is balanced in place: the median (by
 * `axis`) moves to the middle through a quickselect that partitions around the last
 * element, and both halves recurse on the next axis. Only the resulting order is used. */
void kd_balance(std::vector<int> &order, const std::vector<float3> &co, const int64_t lo,
                const int64_t n, const int axis)
{
  if (n <= 1) {
    return;
  }
  auto at = [&](int64_t i) { return axis_value(co[size_t(order[size_t(lo + i)])], axis); };
  auto swap = [&](int64_t a, int64_t b) { std::swap(order[size_t(lo + a)], order[size_t(lo + b)]); };
  const int64_t median = n / 2;
  int64_t left = 0, right = n - 1;
  while (right > left) {
    const float pivot = at(right);
    int64_t i = left - 1, j = right;
    while (true) {
      do {
        i++;
      } while (at(i) < pivot);
      do {
        j--;
      } while (at(j) > pivot && j > left);
      if (i >= j) {
        break;
      }
      swap(i, j);
    }
    swap(i, right);
    if (i >= median) {
      right = i - 1;
    }
    if (i <= median) {
      left = i + 1;
    }
  }
  kd_balance(order, co, lo, median, (axis + 1) % 3);
  kd_balance(order, co, lo + median + 1, n - median - 1, (axis + 1) % 3);
}

}  // namespace

MeshPrimitive primitive_uv_sphere(int segments, int ring_count, float radius, const bool calc_uvs)
{
  const int s = clamp_count(segments, 3, max_sphere_segments);
  const int r = clamp_count(ring_count, 3, max_sphere_segments);
  radius = clamp_size(radius);
  const int64_t verts = int64_t(s) * (r - 1) + 2;
  const int64_t corners = int64_t(s) * (int64_t(r - 2) * 4 + 6);
  check_element_counts("uv_sphere", verts, corners);

  /* Every copy Blender creates: slot k * (r + 1) + j is ring j (0 = north pole) of meridian
   * k (0 = the profile at +Y; k = s lands back on it). Meridian k + 1 is meridian k turned
   * clockwise (seen from +Z) by 2*pi/s about the Z axis through the south pole, with the
   * float rotation matrix and the pivot's translation. */
  const int64_t column = r + 1;
  std::vector<float3> co(size_t((s + 1) * column));
  for (int j = 0; j <= r; j++) {
    float sin_phi, cos_phi;
    sin_cos_of_turn(j, 2 * r, sin_phi, cos_phi);
    co[size_t(j)] = float3(0.0f, radius * sin_phi, radius * cos_phi);
  }
  const float angle = float(-(std::numbers::pi * 2.0) / double(s));
  const float sn = std::sin(angle), cs = std::cos(angle);
  const float m22 = (1.0f - cs) + cs; /* Not always exactly 1. */
  const float tz = radius * m22 - radius;
  for (int64_t k = 1; k <= s; k++) {
    for (int64_t j = 0; j <= r; j++) {
      const float3 &p = co[size_t((k - 1) * column + j)];
      const float x = cs * p.x, y = -sn * p.y, u = sn * p.x, v = cs * p.y, z = m22 * p.z;
      co[size_t(k * column + j)] = float3(x + y, u + v, z + tz);
    }
  }

  /* Welded groups: 0 = north pole, 1 = south pole, 2 + k * (r - 1) + (j - 1) = ring j of
   * meridian k (meridian s is meridian 0). The survivor of each is its slot that comes
   * first in the balanced tree's node array; survivors keep slot order. */
  auto group_of = [&](int64_t slot) -> int64_t {
    const int64_t k = slot / column, j = slot % column;
    return j == 0 ? 0 : (j == r ? 1 : 2 + (k % s) * (r - 1) + (j - 1));
  };
  std::vector<int> order(co.size());
  for (size_t i = 0; i < order.size(); i++) {
    order[i] = int(i);
  }
  kd_balance(order, co, 0, int64_t(order.size()), 0);
  std::vector<int> survivor(static_cast<size_t>(verts), -1);
  for (const int slot : order) {
    int &kept = survivor[size_t(group_of(slot))];
    kept = kept < 0 ? slot : kept;
  }
  std::vector<int> kept_slots = survivor;
  std::sort(kept_slots.begin(), kept_slots.end());
  std::vector<int> group_vert(static_cast<size_t>(verts));

  MeshPrimitive mesh;
  PrimitiveBuilder builder(mesh, calc_uvs);
  builder.reserve(verts, verts * 2, int64_t(s) * r, corners);
  for (const int slot : kept_slots) {
    group_vert[size_t(group_of(slot))] = builder.add_vert(co[size_t(slot)]);
  }
  const int north = group_vert[0], south = group_vert[1];
  auto vert = [&](int k, int j) { return group_vert[size_t(group_of(int64_t(k) * column + j))]; };
  auto ring_v = [&](int j) { return float(r - j) / float(r); };

  /* U falls by 1/s per meridian; the seam is at meridian q = floor(3s/4) (the one nearest
   * -X, reached clockwise from +Y), whose left edge is u = 1 and whose right edge starts
   * again. */
  const int seam = int(int64_t(s) * 3 / 4);
  for (int k = 0; k < s; k++) {
    const float u_left = k == seam ? 1.0f : float((seam - k + s) % s) / float(s);
    const float u_right = u_left - 1.0f / float(s);
    const float u_mid = (u_left + u_right) * 0.5f;
    builder.add_face({south, vert(k, r - 1), vert(k + 1, r - 1)},
                     {{u_mid, 0.0f}, {u_left, ring_v(r - 1)}, {u_right, ring_v(r - 1)}});
    for (int j = r - 2; j >= 1; j--) {
      builder.add_face({vert(k, j + 1), vert(k, j), vert(k + 1, j), vert(k + 1, j + 1)},
                       {{u_left, ring_v(j + 1)},
                        {u_left, ring_v(j)},
                        {u_right, ring_v(j)},
                        {u_right, ring_v(j + 1)}});
    }
    builder.add_face({vert(k, 1), north, vert(k + 1, 1)},
                     {{u_left, ring_v(1)}, {u_mid, 1.0f}, {u_right, ring_v(1)}});
  }
  mesh.edges.clear();
  return mesh;
}

}  // namespace whisk::geometry
