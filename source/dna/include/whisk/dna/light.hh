#pragma once
#include "whisk/dna/id.hh"

namespace whisk::dna {

struct NodeTree;

enum class LightType : uint8_t { Point, Sun, Spot, Area };
enum class AreaLightShape : uint8_t { Square, Rectangle, Disk, Ellipse };

struct Light {
  static constexpr IDType id_type = IDType::Light;
  ID id;
  LightType type = LightType::Point;
  float color[3] = {1.0f, 1.0f, 1.0f};
  /** Watts for point, spot and area lights; irradiance (W/m^2) for the sun. */
  float energy = 10.0f;
  float specular_factor = 1.0f;
  float diffuse_factor = 1.0f;
  float volume_factor = 1.0f;
  float shadow_soft_size = 0.25f;
  bool use_shadow = true;
  bool use_custom_distance = false;
  float cutoff_distance = 40.0f;
  float shadow_buffer_clip_start = 0.05f;
  float shadow_buffer_bias = 1.0f;
  /* Spot. */
  float spot_size = 0.785398f;
  float spot_blend = 0.15f;
  bool show_cone = false;
  /* Area. */
  AreaLightShape shape = AreaLightShape::Square;
  float size = 0.25f;
  float size_y = 0.25f;
  /* Sun. */
  float angle = 0.00918043f;
  bool use_nodes = false;
  NodeTree *node_tree = nullptr;
};

}  // namespace whisk::dna
