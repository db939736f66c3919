#pragma once
// Node trees. Here only the data-block shell: materials and worlds embed one. Nodes,
// sockets and links arrive with the node-tree work.

#include "whisk/dna/id.hh"

namespace whisk::dna {

/** Undefined: a tree whose class is unknown (a linked tree gone missing). */
enum class NodeTreeType : uint8_t { Shader, Geometry, Compositor, Texture, Undefined };

struct NodeTree {
  static constexpr IDType id_type = IDType::NodeTree;
  ID id;
  NodeTreeType tree_type = NodeTreeType::Shader;
};

}  // namespace whisk::dna
