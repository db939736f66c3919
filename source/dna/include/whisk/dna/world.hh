#pragma once
#include "whisk/dna/id.hh"

namespace whisk::dna {

struct NodeTree;

struct World {
  static constexpr IDType id_type = IDType::World;
  ID id;
  float color[3] = {0.05f, 0.05f, 0.05f};
  bool use_nodes = false;
  /* Mist settings, as the world's mist pass uses them. */
  bool use_mist = false;
  float mist_start = 5.0f;
  float mist_depth = 25.0f;
  float mist_height = 0.0f;
  float mist_intensity = 0.0f;
  uint8_t mist_falloff = 0;
  NodeTree *node_tree = nullptr;
};

}  // namespace whisk::dna
