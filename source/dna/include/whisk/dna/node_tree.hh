#pragma once
// Node trees. Here only the data-block shell: materials and worlds embed one. Nodes,
// sockets and links arrive with the node-tree work.

#include "whisk/dna/id.hh"

namespace whisk::dna {

enum class NodeTreeType : uint8_t { Shader, Geometry, Compositor, Texture };

struct NodeTree {
  static constexpr IDType id_type = IDType::NodeTree;
  ID id;
  NodeTreeType tree_type = NodeTreeType::Shader;
};

}  // namespace whisk::dna
