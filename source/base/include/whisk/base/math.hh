#pragma once
// Small value types for transforms. Matrices are column-major like Blender's
// (`m[column][row]`, translation in m[3]), so RNA can expose them with Blender's layout.

#include <array>
#include <cmath>
#include <cstdint>

namespace whisk {

struct float3 {
  float x = 0, y = 0, z = 0;
  constexpr float3() = default;
  constexpr float3(float x, float y, float z) : x(x), y(y), z(z) {}
  float &operator[](int i) { return (&x)[i]; }
  float operator[](int i) const { return (&x)[i]; }
  float *data() { return &x; }
  const float *data() const { return &x; }
  friend float3 operator+(float3 a, float3 b) { return {a.x + b.x, a.y + b.y, a.z + b.z}; }
  friend float3 operator-(float3 a, float3 b) { return {a.x - b.x, a.y - b.y, a.z - b.z}; }
  friend float3 operator*(float3 a, float3 b) { return {a.x * b.x, a.y * b.y, a.z * b.z}; }
  friend float3 operator*(float3 a, float s) { return {a.x * s, a.y * s, a.z * s}; }
  friend float3 operator-(float3 a) { return {-a.x, -a.y, -a.z}; }
  friend bool operator==(const float3 &, const float3 &) = default;
};

struct float2 {
  float x = 0, y = 0;
  constexpr float2() = default;
  constexpr float2(float x, float y) : x(x), y(y) {}
  float &operator[](int i) { return (&x)[i]; }
  float operator[](int i) const { return (&x)[i]; }
  friend float2 operator+(float2 a, float2 b) { return {a.x + b.x, a.y + b.y}; }
  friend float2 operator-(float2 a, float2 b) { return {a.x - b.x, a.y - b.y}; }
  friend float2 operator*(float2 a, float s) { return {a.x * s, a.y * s}; }
  friend bool operator==(const float2 &, const float2 &) = default;
};

struct float4 {
  float x = 0, y = 0, z = 0, w = 0;
  constexpr float4() = default;
  constexpr float4(float x, float y, float z, float w) : x(x), y(y), z(z), w(w) {}
  float &operator[](int i) { return (&x)[i]; }
  float operator[](int i) const { return (&x)[i]; }
  friend bool operator==(const float4 &, const float4 &) = default;
};

struct int2 {
  int32_t x = 0, y = 0;
  constexpr int2() = default;
  constexpr int2(int32_t x, int32_t y) : x(x), y(y) {}
  int32_t &operator[](int i) { return (&x)[i]; }
  int32_t operator[](int i) const { return (&x)[i]; }
  friend bool operator==(const int2 &, const int2 &) = default;
};

struct int3 {
  int32_t x = 0, y = 0, z = 0;
  constexpr int3() = default;
  constexpr int3(int32_t x, int32_t y, int32_t z) : x(x), y(y), z(z) {}
  int32_t &operator[](int i) { return (&x)[i]; }
  int32_t operator[](int i) const { return (&x)[i]; }
  friend bool operator==(const int3 &, const int3 &) = default;
};

/** Four bytes of color (a BYTE_COLOR attribute: sRGB encoded, straight alpha). */
struct uchar4 {
  uint8_t r = 0, g = 0, b = 0, a = 0;
  friend bool operator==(const uchar4 &, const uchar4 &) = default;
};

inline float dot(float3 a, float3 b) { return a.x * b.x + a.y * b.y + a.z * b.z; }
inline float3 cross(float3 a, float3 b)
{
  return {a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x};
}
inline float length(float3 a) { return std::sqrt(dot(a, a)); }
inline float length_squared(float3 a) { return dot(a, a); }
inline float3 normalize(float3 a)
{
  const float len = length(a);
  return len > 0.0f ? a * (1.0f / len) : float3();
}

/** Quaternion stored (w, x, y, z), as Blender's rotation_quaternion. */
struct Quaternion {
  float w = 1, x = 0, y = 0, z = 0;
  friend bool operator==(const Quaternion &, const Quaternion &) = default;
};

Quaternion operator*(const Quaternion &a, const Quaternion &b);
Quaternion normalize(const Quaternion &q);
Quaternion conjugate(const Quaternion &q);

struct float3x3 {
  float m[3][3];  // m[column][row]
  static float3x3 identity();
  float3 column(int c) const { return {m[c][0], m[c][1], m[c][2]}; }
  void set_column(int c, float3 v) { m[c][0] = v.x, m[c][1] = v.y, m[c][2] = v.z; }
  friend float3x3 operator*(const float3x3 &a, const float3x3 &b);
  friend float3 operator*(const float3x3 &a, float3 v);
};

float determinant(const float3x3 &m);
float3x3 transpose(const float3x3 &m);

struct float4x4 {
  float m[4][4];  // m[column][row]
  static float4x4 identity();
  static float4x4 from_loc_rot_scale(float3 loc, const float3x3 &rot, float3 scale);
  float3 translation() const { return {m[3][0], m[3][1], m[3][2]}; }
  float3x3 to_3x3() const;
  float *data() { return &m[0][0]; }
  const float *data() const { return &m[0][0]; }
  friend float4x4 operator*(const float4x4 &a, const float4x4 &b);
  friend bool operator==(const float4x4 &a, const float4x4 &b);
};

/** Inverse; a singular matrix gives the identity-safe pseudo result (never NaN). */
float4x4 invert(const float4x4 &m, bool *r_ok = nullptr);

/** Euler rotation orders, numbered as Blender's rotation_mode values. */
enum class RotationMode : int8_t {
  AxisAngle = -1,
  Quaternion = 0,
  XYZ = 1,
  XZY = 2,
  YXZ = 3,
  YZX = 4,
  ZXY = 5,
  ZYX = 6,
};

inline bool rotation_mode_is_euler(RotationMode mode) { return int(mode) >= 1; }

/** Rotation matrix of an Euler triple applied in `order` (first letter first). */
float3x3 euler_to_matrix(float3 euler, RotationMode order);
/** The Euler triple for a normalized rotation matrix, the solution nearest `compat`. */
float3 matrix_to_euler(const float3x3 &rot, RotationMode order, const float3 *compat = nullptr);

float3x3 quaternion_to_matrix(const Quaternion &q);
Quaternion matrix_to_quaternion(const float3x3 &rot);
float3x3 axis_angle_to_matrix(float3 axis, float angle);
void quaternion_to_axis_angle(const Quaternion &q, float3 &r_axis, float &r_angle);
Quaternion euler_to_quaternion(float3 euler, RotationMode order);

/** Splits a matrix into location, a normalized rotation and a signed scale. */
void decompose(const float4x4 &m, float3 &r_loc, float3x3 &r_rot, float3 &r_scale);

}  // namespace whisk
