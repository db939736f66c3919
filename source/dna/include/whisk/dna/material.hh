#pragma once
#include "whisk/dna/id.hh"

namespace whisk::dna {

struct NodeTree;

enum class MaterialBlendMethod : uint8_t { Opaque, Clip, Hashed, Blend };

struct Material {
  static constexpr IDType id_type = IDType::Material;
  ID id;
  float diffuse_color[4] = {0.8f, 0.8f, 0.8f, 1.0f};
  float specular_color[3] = {1.0f, 1.0f, 1.0f};
  float metallic = 0.0f;
  float roughness = 0.4f;
  float specular_intensity = 0.5f;
  int16_t pass_index = 0;
  bool use_nodes = false;
  bool use_backface_culling = false;
  MaterialBlendMethod blend_method = MaterialBlendMethod::Opaque;
  float alpha_threshold = 0.5f;
  int16_t line_priority = 0;
  float line_color[4] = {0.0f, 0.0f, 0.0f, 0.0f};
  /** Embedded; owned by this material. */
  NodeTree *node_tree = nullptr;
};

}  // namespace whisk::dna
