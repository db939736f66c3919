#include "whisk/base/math.hh"

#include <algorithm>
#include <cfloat>
#include <numbers>

namespace whisk {

Quaternion operator*(const Quaternion &a, const Quaternion &b)
{
  return {a.w * b.w - a.x * b.x - a.y * b.y - a.z * b.z,
          a.w * b.x + a.x * b.w + a.y * b.z - a.z * b.y,
          a.w * b.y + a.y * b.w + a.z * b.x - a.x * b.z,
          a.w * b.z + a.z * b.w + a.x * b.y - a.y * b.x};
}

Quaternion normalize(const Quaternion &q)
{
  const float len = std::sqrt(q.w * q.w + q.x * q.x + q.y * q.y + q.z * q.z);
  if (len == 0.0f) {
    return {0, 1, 0, 0};  // a zero quaternion has no rotation to keep; Blender's fallback
  }
  const float s = 1.0f / len;
  return {q.w * s, q.x * s, q.y * s, q.z * s};
}

Quaternion conjugate(const Quaternion &q) { return {q.w, -q.x, -q.y, -q.z}; }

float3x3 float3x3::identity()
{
  float3x3 r{};
  r.m[0][0] = r.m[1][1] = r.m[2][2] = 1.0f;
  return r;
}

float3x3 operator*(const float3x3 &a, const float3x3 &b)
{
  float3x3 r{};
  for (int c = 0; c < 3; c++) {
    for (int row = 0; row < 3; row++) {
      r.m[c][row] = a.m[0][row] * b.m[c][0] + a.m[1][row] * b.m[c][1] + a.m[2][row] * b.m[c][2];
    }
  }
  return r;
}

float3 operator*(const float3x3 &a, float3 v)
{
  return a.column(0) * v.x + a.column(1) * v.y + a.column(2) * v.z;
}

float determinant(const float3x3 &m)
{
  return dot(m.column(0), cross(m.column(1), m.column(2)));
}

float3x3 transpose(const float3x3 &m)
{
  float3x3 r;
  for (int c = 0; c < 3; c++) {
    for (int row = 0; row < 3; row++) {
      r.m[c][row] = m.m[row][c];
    }
  }
  return r;
}

float4x4 float4x4::identity()
{
  float4x4 r{};
  r.m[0][0] = r.m[1][1] = r.m[2][2] = r.m[3][3] = 1.0f;
  return r;
}

float4x4 float4x4::from_loc_rot_scale(float3 loc, const float3x3 &rot, float3 scale)
{
  float4x4 r = identity();
  for (int c = 0; c < 3; c++) {
    for (int row = 0; row < 3; row++) {
      r.m[c][row] = rot.m[c][row] * scale[c];
    }
  }
  r.m[3][0] = loc.x, r.m[3][1] = loc.y, r.m[3][2] = loc.z;
  return r;
}

float3x3 float4x4::to_3x3() const
{
  float3x3 r;
  for (int c = 0; c < 3; c++) {
    for (int row = 0; row < 3; row++) {
      r.m[c][row] = m[c][row];
    }
  }
  return r;
}

float4x4 operator*(const float4x4 &a, const float4x4 &b)
{
  float4x4 r;
  for (int c = 0; c < 4; c++) {
    for (int row = 0; row < 4; row++) {
      float sum = 0.0f;
      for (int k = 0; k < 4; k++) {
        sum += a.m[k][row] * b.m[c][k];
      }
      r.m[c][row] = sum;
    }
  }
  return r;
}

bool operator==(const float4x4 &a, const float4x4 &b)
{
  return std::equal(a.data(), a.data() + 16, b.data());
}

float4x4 invert(const float4x4 &m, bool *r_ok)
{
  /* Gauss-Jordan with partial pivoting in double precision. */
  double a[4][8];
  for (int row = 0; row < 4; row++) {
    for (int c = 0; c < 4; c++) {
      a[row][c] = m.m[c][row];
      a[row][c + 4] = (row == c) ? 1.0 : 0.0;
    }
  }
  for (int col = 0; col < 4; col++) {
    int pivot = col;
    for (int row = col + 1; row < 4; row++) {
      if (std::abs(a[row][col]) > std::abs(a[pivot][col])) {
        pivot = row;
      }
    }
    if (std::abs(a[pivot][col]) < 1e-30) {
      if (r_ok) {
        *r_ok = false;
      }
      return float4x4::identity();
    }
    std::swap(a[pivot], a[col]);
    const double inv = 1.0 / a[col][col];
    for (int k = 0; k < 8; k++) {
      a[col][k] *= inv;
    }
    for (int row = 0; row < 4; row++) {
      if (row != col) {
        const double f = a[row][col];
        for (int k = 0; k < 8; k++) {
          a[row][k] -= f * a[col][k];
        }
      }
    }
  }
  float4x4 r;
  for (int row = 0; row < 4; row++) {
    for (int c = 0; c < 4; c++) {
      r.m[c][row] = float(a[row][c + 4]);
    }
  }
  if (r_ok) {
    *r_ok = true;
  }
  return r;
}

/* Euler orders are handled by relabelling axes: an order (i, j, k) sees the matrix with
 * rows and columns permuted into the XYZ case. Odd permutations flip handedness, which
 * reverses the sense of every angle. */
struct EulerAxes {
  int axis[3];
  bool odd;
};

static EulerAxes euler_axes(RotationMode order)
{
  switch (order) {
    case RotationMode::XZY: return {{0, 2, 1}, true};
    case RotationMode::YXZ: return {{1, 0, 2}, true};
    case RotationMode::YZX: return {{1, 2, 0}, false};
    case RotationMode::ZXY: return {{2, 0, 1}, false};
    case RotationMode::ZYX: return {{2, 1, 0}, true};
    default: return {{0, 1, 2}, false};
  }
}

/* XYZ order: R = Rz * Ry * Rx. n[row][col]. */
static void xyz_matrix(float ax, float ay, float az, double n[3][3])
{
  const double cx = std::cos(ax), sx = std::sin(ax);
  const double cy = std::cos(ay), sy = std::sin(ay);
  const double cz = std::cos(az), sz = std::sin(az);
  n[0][0] = cy * cz, n[0][1] = sx * sy * cz - cx * sz, n[0][2] = cx * sy * cz + sx * sz;
  n[1][0] = cy * sz, n[1][1] = sx * sy * sz + cx * cz, n[1][2] = cx * sy * sz - sx * cz;
  n[2][0] = -sy, n[2][1] = sx * cy, n[2][2] = cx * cy;
}

float3x3 euler_to_matrix(float3 euler, RotationMode order)
{
  const EulerAxes ax = euler_axes(order);
  const float sign = ax.odd ? -1.0f : 1.0f;
  double n[3][3];
  xyz_matrix(sign * euler[ax.axis[0]], sign * euler[ax.axis[1]], sign * euler[ax.axis[2]], n);
  float3x3 r;
  for (int a = 0; a < 3; a++) {
    for (int b = 0; b < 3; b++) {
      r.m[ax.axis[b]][ax.axis[a]] = float(n[a][b]);
    }
  }
  return r;
}

static float3 nearest_angles(float3 e, const float3 &old)
{
  constexpr float two_pi = float(2.0 * std::numbers::pi);
  for (int i = 0; i < 3; i++) {
    const float turns = std::round((old[i] - e[i]) / two_pi);
    e[i] += turns * two_pi;
  }
  return e;
}

float3 matrix_to_euler(const float3x3 &rot, RotationMode order, const float3 *compat)
{
  const EulerAxes ax = euler_axes(order);
  double n[3][3];
  for (int a = 0; a < 3; a++) {
    for (int b = 0; b < 3; b++) {
      n[a][b] = rot.m[ax.axis[b]][ax.axis[a]];
    }
  }
  /* Two solutions exist for the XYZ form; they coincide at gimbal lock. */
  const double cy = std::hypot(n[0][0], n[1][0]);
  double s1[3], s2[3];
  if (cy > 16.0 * FLT_EPSILON) {
    s1[0] = std::atan2(n[2][1], n[2][2]);
    s1[1] = std::atan2(-n[2][0], cy);
    s1[2] = std::atan2(n[1][0], n[0][0]);
    s2[0] = std::atan2(-n[2][1], -n[2][2]);
    s2[1] = std::atan2(-n[2][0], -cy);
    s2[2] = std::atan2(-n[1][0], -n[0][0]);
  }
  else {
    s1[0] = std::atan2(-n[1][2], n[1][1]);
    s1[1] = std::atan2(-n[2][0], cy);
    s1[2] = 0.0;
    std::copy(s1, s1 + 3, s2);
  }
  const float sign = ax.odd ? -1.0f : 1.0f;
  float3 e1, e2;
  for (int a = 0; a < 3; a++) {
    e1[ax.axis[a]] = sign * float(s1[a]);
    e2[ax.axis[a]] = sign * float(s2[a]);
  }
  const auto abs_sum = [](float3 e) { return std::abs(e.x) + std::abs(e.y) + std::abs(e.z); };
  if (compat) {
    e1 = nearest_angles(e1, *compat);
    e2 = nearest_angles(e2, *compat);
    return abs_sum(e1 - *compat) <= abs_sum(e2 - *compat) ? e1 : e2;
  }
  return abs_sum(e1) <= abs_sum(e2) ? e1 : e2;
}

float3x3 quaternion_to_matrix(const Quaternion &q)
{
  const double w = q.w, x = q.x, y = q.y, z = q.z;
  float3x3 r;
  r.m[0][0] = float(1 - 2 * (y * y + z * z));
  r.m[0][1] = float(2 * (x * y + w * z));
  r.m[0][2] = float(2 * (x * z - w * y));
  r.m[1][0] = float(2 * (x * y - w * z));
  r.m[1][1] = float(1 - 2 * (x * x + z * z));
  r.m[1][2] = float(2 * (y * z + w * x));
  r.m[2][0] = float(2 * (x * z + w * y));
  r.m[2][1] = float(2 * (y * z - w * x));
  r.m[2][2] = float(1 - 2 * (x * x + y * y));
  return r;
}

Quaternion matrix_to_quaternion(const float3x3 &rot)
{
  /* Pick the largest diagonal term for numerical stability. */
  const auto &m = rot.m;
  const double trace = m[0][0] + m[1][1] + m[2][2];
  double w, x, y, z;
  if (trace > 0) {
    const double s = 2.0 * std::sqrt(1.0 + trace);
    w = 0.25 * s;
    x = (m[1][2] - m[2][1]) / s;
    y = (m[2][0] - m[0][2]) / s;
    z = (m[0][1] - m[1][0]) / s;
  }
  else if (m[0][0] > m[1][1] && m[0][0] > m[2][2]) {
    const double s = 2.0 * std::sqrt(1.0 + m[0][0] - m[1][1] - m[2][2]);
    w = (m[1][2] - m[2][1]) / s;
    x = 0.25 * s;
    y = (m[1][0] + m[0][1]) / s;
    z = (m[2][0] + m[0][2]) / s;
  }
  else if (m[1][1] > m[2][2]) {
    const double s = 2.0 * std::sqrt(1.0 + m[1][1] - m[0][0] - m[2][2]);
    w = (m[2][0] - m[0][2]) / s;
    x = (m[1][0] + m[0][1]) / s;
    y = 0.25 * s;
    z = (m[2][1] + m[1][2]) / s;
  }
  else {
    const double s = 2.0 * std::sqrt(1.0 + m[2][2] - m[0][0] - m[1][1]);
    w = (m[0][1] - m[1][0]) / s;
    x = (m[2][0] + m[0][2]) / s;
    y = (m[2][1] + m[1][2]) / s;
    z = 0.25 * s;
  }
  if (w < 0) {
    w = -w, x = -x, y = -y, z = -z;  // keep the canonical hemisphere
  }
  return normalize(Quaternion{float(w), float(x), float(y), float(z)});
}

float3x3 axis_angle_to_matrix(float3 axis, float angle)
{
  const float3 n = normalize(axis);
  if (n == float3()) {
    return float3x3::identity();
  }
  const float s = std::sin(angle * 0.5f);
  return quaternion_to_matrix({std::cos(angle * 0.5f), n.x * s, n.y * s, n.z * s});
}

void quaternion_to_axis_angle(const Quaternion &q_in, float3 &r_axis, float &r_angle)
{
  const Quaternion q = normalize(q_in);
  const float w = std::clamp(q.w, -1.0f, 1.0f);
  r_angle = 2.0f * std::acos(w);
  const float s = std::sqrt(std::max(0.0f, 1.0f - w * w));
  if (s < 1e-6f) {
    r_axis = {0.0f, 1.0f, 0.0f};  // no rotation: Blender's default axis
    return;
  }
  r_axis = {q.x / s, q.y / s, q.z / s};
}

Quaternion euler_to_quaternion(float3 euler, RotationMode order)
{
  return matrix_to_quaternion(euler_to_matrix(euler, order));
}

void decompose(const float4x4 &m, float3 &r_loc, float3x3 &r_rot, float3 &r_scale)
{
  r_loc = m.translation();
  const float3x3 m3 = m.to_3x3();
  r_scale = {length(m3.column(0)), length(m3.column(1)), length(m3.column(2))};
  if (determinant(m3) < 0.0f) {
    r_scale = -r_scale;
  }
  for (int c = 0; c < 3; c++) {
    r_rot.set_column(c, r_scale[c] != 0.0f ? m3.column(c) * (1.0f / r_scale[c]) : float3());
  }
}

}  // namespace whisk
