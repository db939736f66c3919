#include <gtest/gtest.h>

#include "whisk/base/math.hh"

using namespace whisk;

static void expect_near(const float3x3 &a, const float3x3 &b, float eps = 1e-5f)
{
  for (int c = 0; c < 3; c++) {
    for (int r = 0; r < 3; r++) {
      EXPECT_NEAR(a.m[c][r], b.m[c][r], eps) << "column " << c << " row " << r;
    }
  }
}

TEST(math, xyz_euler_is_z_after_y_after_x)
{
  const float3 e{0.3f, -0.7f, 1.1f};
  const float3x3 rx = euler_to_matrix({e.x, 0, 0}, RotationMode::XYZ);
  const float3x3 ry = euler_to_matrix({0, e.y, 0}, RotationMode::XYZ);
  const float3x3 rz = euler_to_matrix({0, 0, e.z}, RotationMode::XYZ);
  expect_near(euler_to_matrix(e, RotationMode::XYZ), rz * ry * rx);
  /* ZYX applies Z first. */
  expect_near(euler_to_matrix(e, RotationMode::ZYX), rx * ry * rz);
  expect_near(euler_to_matrix(e, RotationMode::YZX), rx * rz * ry);
}

TEST(math, euler_round_trips_in_every_order)
{
  const float3 e{0.3f, -0.7f, 1.1f};
  for (int mode = 1; mode <= 6; mode++) {
    const RotationMode order = RotationMode(mode);
    const float3 back = matrix_to_euler(euler_to_matrix(e, order), order);
    EXPECT_NEAR(back.x, e.x, 1e-5f) << mode;
    EXPECT_NEAR(back.y, e.y, 1e-5f) << mode;
    EXPECT_NEAR(back.z, e.z, 1e-5f) << mode;
  }
}

TEST(math, quaternion_matrix_round_trip)
{
  const Quaternion q = normalize(Quaternion{0.8f, 0.2f, -0.3f, 0.4f});
  const Quaternion back = matrix_to_quaternion(quaternion_to_matrix(q));
  EXPECT_NEAR(back.w, q.w, 1e-5f);
  EXPECT_NEAR(back.x, q.x, 1e-5f);
  EXPECT_NEAR(back.y, q.y, 1e-5f);
  EXPECT_NEAR(back.z, q.z, 1e-5f);
}

TEST(math, invert_and_decompose)
{
  const float3x3 rot = euler_to_matrix({0.1f, 0.2f, 0.3f}, RotationMode::XYZ);
  const float4x4 m = float4x4::from_loc_rot_scale({1, 2, 3}, rot, {2, -1, 0.5f});
  bool ok = false;
  const float4x4 prod = m * invert(m, &ok);
  EXPECT_TRUE(ok);
  for (int c = 0; c < 4; c++) {
    for (int r = 0; r < 4; r++) {
      EXPECT_NEAR(prod.m[c][r], c == r ? 1.0f : 0.0f, 1e-5f);
    }
  }
  float3 loc, scale;
  float3x3 back_rot;
  decompose(m, loc, back_rot, scale);
  EXPECT_EQ(loc, float3(1, 2, 3));
  /* A single negative axis is reported as negative scale on every axis. */
  EXPECT_LT(scale.x, 0);
  EXPECT_NEAR(determinant(back_rot), 1.0f, 1e-5f);

  float4x4 singular{};
  invert(singular, &ok);
  EXPECT_FALSE(ok);
}
