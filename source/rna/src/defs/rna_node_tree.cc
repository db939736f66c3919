// NodeTree: the data-block shell, with its type. Nodes, sockets and links arrive with the
// node-tree work.

#include "defs.hh"

namespace whisk::rna {
using namespace define;
using namespace dna;
using defs::item;

void define_node_tree(BlenderRNA &rna)
{
  StructDef<NodeTree> def = struct_<NodeTree>(rna, "NodeTree");
  def.ui("Node Tree", "Nodes and links: shaders, geometry nodes, compositing or textures");
  def.enumeration("type", &NodeTree::tree_type,
                  {item("SHADER", "Shader", int(NodeTreeType::Shader), "Shader nodes"),
                   item("TEXTURE", "Texture", int(NodeTreeType::Texture), "Texture nodes"),
                   item("COMPOSITING", "Compositing", int(NodeTreeType::Compositor),
                        "Compositing nodes"),
                   item("GEOMETRY", "Geometry", int(NodeTreeType::Geometry), "Geometry nodes")})
      .ui("Type", "Kind of node tree, set when it is created")
      .read_only();
}

}  // namespace whisk::rna
