// ID types whose data is plain fields plus, for some, an embedded node tree.

#include "type_helpers.hh"
#include "whisk/kernel/fcurve.hh"
#include "whisk/kernel/pointcloud.hh"

namespace whisk::kernel {
using namespace types;
using namespace dna;

/* Materials, worlds and lights own their node tree. */
template<typename T> static ID *duplicate_with_node_tree(Main &bmain, const ID *src)
{
  T *copy = new T(cast<T>(src));
  copy->node_tree = reinterpret_cast<NodeTree *>(
      id_copy_embedded(bmain, as_id(cast<T>(src).node_tree), &copy->id));
  return &copy->id;
}

template<typename T> static void destroy_with_node_tree(ID *id)
{
  T &data = cast<T>(id);
  if (data.node_tree) {
    id_destroy(&data.node_tree->id);
  }
  delete &data;
}

template<typename T> static void foreach_node_tree(ID *id, const IDRefVisitor &visitor)
{
  visit_slot(visitor, id, cast<T>(id).node_tree, IDREF_EMBEDDED);
}

const IDTypeInfo IDType_LI = {
    .type = IDType::Library,
    .code = "LI",
    .name = "Library",
    .name_plural = "libraries",
    .default_name = "Library",
    .flags = IDTYPE_FLAG_NO_COPY | IDTYPE_FLAG_NEVER_UNUSED,
    .alloc = alloc<Library>,
    .init = nullptr,
    .duplicate = duplicate_plain<Library>,
    .destroy = destroy_plain<Library>,
    .foreach_id = nullptr,
    .unlink_runtime = nullptr,
};

const IDTypeInfo IDType_NT = {
    .type = IDType::NodeTree,
    .code = "NT",
    .name = "NodeTree",
    .name_plural = "node_groups",
    .default_name = "NodeTree",
    .flags = IDTYPE_FLAG_ANIMATABLE,
    .alloc = alloc<NodeTree>,
    .init = nullptr,
    .duplicate = duplicate_plain<NodeTree>,
    .destroy = destroy_plain<NodeTree>,
    .foreach_id = [](ID *id, const IDRefVisitor &visitor) {
      visit_slot(visitor, id, id->owner, IDREF_LOOPBACK);
    },
    .unlink_runtime = nullptr,
};

const IDTypeInfo IDType_MA = {
    .type = IDType::Material,
    .code = "MA",
    .name = "Material",
    .name_plural = "materials",
    .default_name = "Material",
    .flags = IDTYPE_FLAG_ANIMATABLE,
    .alloc = alloc<Material>,
    .init = nullptr,
    .duplicate = duplicate_with_node_tree<Material>,
    .destroy = destroy_with_node_tree<Material>,
    .foreach_id = foreach_node_tree<Material>,
    .unlink_runtime = nullptr,
};

const IDTypeInfo IDType_WO = {
    .type = IDType::World,
    .code = "WO",
    .name = "World",
    .name_plural = "worlds",
    .default_name = "World",
    .flags = IDTYPE_FLAG_ANIMATABLE,
    .alloc = alloc<World>,
    .init = nullptr,
    .duplicate = duplicate_with_node_tree<World>,
    .destroy = destroy_with_node_tree<World>,
    .foreach_id = foreach_node_tree<World>,
    .unlink_runtime = nullptr,
};

const IDTypeInfo IDType_LA = {
    .type = IDType::Light,
    .code = "LA",
    .name = "Light",
    .name_plural = "lights",
    .default_name = "Light",
    .flags = IDTYPE_FLAG_ANIMATABLE,
    .alloc = alloc<Light>,
    .init = nullptr,
    .duplicate = duplicate_with_node_tree<Light>,
    .destroy = destroy_with_node_tree<Light>,
    .foreach_id = foreach_node_tree<Light>,
    .unlink_runtime = nullptr,
};

const IDTypeInfo IDType_CA = {
    .type = IDType::Camera,
    .code = "CA",
    .name = "Camera",
    .name_plural = "cameras",
    .default_name = "Camera",
    .flags = IDTYPE_FLAG_ANIMATABLE,
    .alloc = alloc<Camera>,
    .init = nullptr,
    .duplicate = duplicate_plain<Camera>,
    .destroy = destroy_plain<Camera>,
    .foreach_id = [](ID *id, const IDRefVisitor &visitor) {
      visit_slot(visitor, id, cast<Camera>(id).dof.focus_object, 0);
    },
    .unlink_runtime = nullptr,
};

const IDTypeInfo IDType_ME = {
    .type = IDType::Mesh,
    .code = "ME",
    .name = "Mesh",
    .name_plural = "meshes",
    .default_name = "Mesh",
    .flags = IDTYPE_FLAG_ANIMATABLE,
    .alloc = alloc<Mesh>,
    .init = nullptr,
    .duplicate = duplicate_plain<Mesh>,
    .destroy = destroy_plain<Mesh>,
    .foreach_id = [](ID *id, const IDRefVisitor &visitor) {
      for (Material *&material : cast<Mesh>(id).materials) {
        visit_slot(visitor, id, material, IDREF_USER);
      }
    },
    .unlink_runtime = nullptr,
};

/* Point clouds: a plain copy shares every attribute array (implicit sharing). */
const IDTypeInfo IDType_PT = {
    .type = IDType::PointCloud,
    .code = "PT",
    .name = "PointCloud",
    .name_plural = "pointclouds",
    .default_name = "PointCloud",
    .flags = IDTYPE_FLAG_ANIMATABLE,
    .alloc = alloc<PointCloud>,
    /* As Blender 3.4: a new point cloud has no points but already a `position`. */
    .init = [](Main &, ID *id) { pointcloud_resize(cast<PointCloud>(id), 0); },
    .duplicate = duplicate_plain<PointCloud>,
    .destroy = destroy_plain<PointCloud>,
    .foreach_id = [](ID *id, const IDRefVisitor &visitor) {
      for (Material *&material : cast<PointCloud>(id).materials) {
        visit_slot(visitor, id, material, IDREF_USER);
      }
    },
    .unlink_runtime = nullptr,
};

const IDTypeInfo IDType_IM = {
    .type = IDType::Image,
    .code = "IM",
    .name = "Image",
    .name_plural = "images",
    .default_name = "Image",
    .flags = 0,
    .alloc = alloc<Image>,
    .init = nullptr,
    .duplicate = duplicate_plain<Image>,
    .destroy = destroy_plain<Image>,
    .foreach_id = nullptr,
    .unlink_runtime = nullptr,
};

const IDTypeInfo IDType_AC = {
    .type = IDType::Action,
    .code = "AC",
    .name = "Action",
    .name_plural = "actions",
    .default_name = "Action",
    .flags = 0,
    .alloc = alloc<Action>,
    .init = nullptr,
    /* F-curves and groups copy item by item; the copies' group pointers then point at
     * the copied groups. */
    .duplicate = [](Main &, const ID *src) -> ID * {
      Action *copy = new Action(cast<Action>(src));
      action_copy_remap_groups(*copy, cast<Action>(src));
      return &copy->id;
    },
    .destroy = destroy_plain<Action>,
    .foreach_id = nullptr,
    .unlink_runtime = nullptr,
};

const IDTypeInfo IDType_TXT = {
    .type = IDType::Text,
    .code = "TX",
    .name = "Text",
    .name_plural = "texts",
    .default_name = "Text",
    .flags = 0,
    .alloc = alloc<Text>,
    /* Texts start with a fake user, as in Blender: a script is kept even when unused. */
    .init = [](Main &, ID *id) { id_fake_user_set(id, true); },
    .duplicate = duplicate_plain<Text>,
    .destroy = destroy_plain<Text>,
    .foreach_id = nullptr,
    .unlink_runtime = nullptr,
};

}  // namespace whisk::kernel
