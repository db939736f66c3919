// NodeTree: the data-block shell, with its type, refined to the tree's class
// (ShaderNodeTree, GeometryNodeTree, CompositorNodeTree, TextureNodeTree) as in Blender.
// Nodes, sockets and links arrive with the node-tree work.

#include "defs.hh"

namespace whisk::rna {
using namespace define;
using namespace dna;
using defs::item;

namespace {

/** One built-in node tree class: its struct, and what its bl_* properties say. */
struct TreeClass {
  NodeTreeType type;
  const char *idname;
  const char *struct_name;
  const char *struct_description;
  const char *label;
  const char *description;
};

/* In the order Blender lists the registered classes. */
const TreeClass tree_classes[] = {
    {NodeTreeType::Compositor, "CompositorNodeTree", "Compositor Node Tree",
     "Nodes that composite rendered and other images", "Compositor", "Compositing nodes"},
    {NodeTreeType::Texture, "TextureNodeTree", "Texture Node Tree",
     "Nodes that make procedural textures", "Texture Node Editor", "Texture nodes"},
    {NodeTreeType::Geometry, "GeometryNodeTree", "Geometry Node Tree",
     "Nodes that make and change geometry", "Geometry Node Editor", "Geometry nodes"},
    {NodeTreeType::Shader, "ShaderNodeTree", "Shader Node Tree",
     "Nodes that shade materials, worlds and lights", "Shader Editor", "Shader nodes"},
};

const TreeClass *tree_class(NodeTreeType type)
{
  for (const TreeClass &c : tree_classes) {
    if (c.type == type) {
      return &c;
    }
  }
  return nullptr;
}

}  // namespace

const std::vector<EnumItem> &defs::node_tree_class_items()
{
  static const std::vector<EnumItem> items = [] {
    std::vector<EnumItem> out;
    for (const TreeClass &c : tree_classes) {
      out.push_back(item(c.idname, c.struct_name, int(c.type), c.description));
    }
    return out;
  }();
  return items;
}

void define_node_tree(BlenderRNA &rna)
{
  using D = StructDef<NodeTree>;
  D def = struct_<NodeTree>(rna, "NodeTree");
  def.ui("Node Tree", "Nodes and links: shaders, geometry nodes, compositing or textures");

  std::vector<std::pair<NodeTreeType, const StructRNA *>> refined;
  for (const TreeClass &c : tree_classes) {
    D sub = struct_<NodeTree>(rna, c.idname, "NodeTree");
    sub.ui(c.struct_name, c.struct_description);
    refined.emplace_back(c.type, sub.srna());
  }
  def.srna()->refine = [refined](const PointerRNA &p) -> const StructRNA * {
    for (const auto &[type, srna] : refined) {
      if (type == D::data(p).tree_type) {
        return srna;
      }
    }
    return nullptr;
  };

  def.enumeration("type", &NodeTree::tree_type,
                  {item("UNDEFINED", "Undefined", int(NodeTreeType::Undefined),
                        "A tree of an unknown class (a linked tree gone missing)"),
                   item("SHADER", "Shader", int(NodeTreeType::Shader), "Shader nodes"),
                   item("TEXTURE", "Texture", int(NodeTreeType::Texture), "Texture nodes"),
                   item("COMPOSITING", "Compositing", int(NodeTreeType::Compositor),
                        "Compositing nodes"),
                   item("GEOMETRY", "Geometry", int(NodeTreeType::Geometry), "Geometry nodes")})
      .ui("Type", "Kind of node tree, set when it is created (bl_idname names the class)")
      .default_value(int(NodeTreeType::Shader))
      .read_only();

  /* The class's registration strings. Blender lets a script overwrite them, which renames
   * the class for every tree of it; Whisk declares them editable as Blender does but
   * refuses the change for its built-in classes. */
  struct ClassString {
    const char *identifier, *name, *description;
    const char *TreeClass::*member;
  };
  static const ClassString strings[] = {
      {"bl_idname", "ID Name", "Identifier of the tree's class", &TreeClass::idname},
      {"bl_label", "Label", "The node tree label", &TreeClass::label},
      {"bl_description", "bl_description", "Description of the tree's class",
       &TreeClass::description},
  };
  for (const ClassString &string : strings) {
    const char *TreeClass::*member = string.member;
    PropertyRNA *prop = def.add(string.identifier, PropertyType::String)
                            .ui(string.name, string.description)
                            .not_animatable()
                            .get();
    prop->get_string = [member](const PointerRNA &p) {
      const TreeClass *c = tree_class(D::data(p).tree_type);
      return std::string(c ? c->*member : "");
    };
    prop->set_string = [prop](const PointerRNA &p, std::string_view) {
      raise(ErrorKind::Attribute, "bpy_struct: attribute \"", prop->identifier, "\" from \"",
            p.type->identifier, "\" belongs to the built-in class and cannot be changed");
    };
  }
  /* Blender declares this one so (its flags are shared with the other bl_* strings'). */
  PropertyRNA *description = def.srna()->properties.back().get();
  description->subtype = PropertySubtype::Translation;
  description->unit = PropertyUnit::Length;
}

}  // namespace whisk::rna
