#include "whisk/kernel/startup.hh"

#include <algorithm>
#include <cstring>

#include "whisk/dna/all_types.hh"
#include "whisk/kernel/collection.hh"
#include "whisk/kernel/lib_id.hh"
#include "whisk/kernel/mesh.hh"
#include "whisk/kernel/object.hh"
#include "whisk/kernel/scene.hh"

namespace whisk::kernel {

/** The startup file's cube: its vertex, edge and face order and UVs (as Blender 3.4's
 * factory startup prints them), flat shaded and all selected. */
static void default_cube_geometry(Mesh &mesh)
{
  static constexpr float3 verts[8] = {{1, 1, 1},   {1, 1, -1},   {1, -1, 1},   {1, -1, -1},
                                      {-1, 1, 1},  {-1, 1, -1},  {-1, -1, 1},  {-1, -1, -1}};
  static constexpr int2 edges[12] = {{5, 7}, {1, 5}, {0, 1}, {7, 6}, {2, 3}, {4, 5},
                                     {2, 6}, {0, 2}, {7, 3}, {6, 4}, {4, 0}, {3, 1}};
  static constexpr int32_t offsets[7] = {0, 4, 8, 12, 16, 20, 24};
  static constexpr int32_t corner_verts[24] = {0, 4, 6, 2, 3, 2, 6, 7, 7, 6, 4, 5,
                                               5, 1, 3, 7, 1, 0, 2, 3, 5, 4, 0, 1};
  static constexpr float2 uvs[24] = {
      {0.625, 0.5},  {0.875, 0.5},  {0.875, 0.75}, {0.625, 0.75}, {0.375, 0.75}, {0.625, 0.75},
      {0.625, 1.0},  {0.375, 1.0},  {0.375, 0.0},  {0.625, 0.0},  {0.625, 0.25}, {0.375, 0.25},
      {0.125, 0.5},  {0.375, 0.5},  {0.375, 0.75}, {0.125, 0.75}, {0.375, 0.5},  {0.625, 0.5},
      {0.625, 0.75}, {0.375, 0.75}, {0.375, 0.25}, {0.625, 0.25}, {0.625, 0.5},  {0.375, 0.5}};
  mesh_from_pydata(mesh, verts, edges, offsets, corner_verts);
  std::ranges::copy(uvs, mesh_uv_map_add(mesh, "UVMap").mutable_span<float2>().begin());
  for (const auto &[name, domain] : {std::pair{".select_vert", AttrDomain::Point},
                                     std::pair{".select_edge", AttrDomain::Edge},
                                     std::pair{".select_poly", AttrDomain::Face},
                                     std::pair{"sharp_face", AttrDomain::Face}})
  {
    std::ranges::fill(attribute_add(mesh.attributes, name, domain, AttrType::Bool,
                                    mesh_domain_size(mesh, domain))
                          .mutable_span<bool>(),
                      true);
  }
}

using namespace dna;

StartupState build_factory_startup(Main &bmain)
{
  Scene *scene = id_new<Scene>(bmain, "Scene");
  /* The window showing the scene holds it. */
  id_extra_user_set(&scene->id, true);
  std::strcpy(scene->render.filepath, "/tmp/");

  World *world = id_new<World>(bmain, "World");
  world->color[0] = world->color[1] = world->color[2] = 0.050876f;
  world->use_nodes = true;
  world->node_tree = reinterpret_cast<NodeTree *>(
      id_new_embedded(bmain, IDType::NodeTree, &world->id, "Shader Nodetree"));
  scene_set_world(bmain, scene, world);

  Collection *collection = id_new<Collection>(bmain, "Collection");
  collection_child_link(bmain, scene->master_collection, collection);

  Material *material = id_new<Material>(bmain, "Material");
  material->roughness = 0.5f;
  material->alpha_threshold = 0.0f;
  material->line_color[3] = 1.0f;
  material->use_nodes = true;
  material->node_tree = reinterpret_cast<NodeTree *>(
      id_new_embedded(bmain, IDType::NodeTree, &material->id, "Shader Nodetree"));

  Mesh *mesh = id_new<Mesh>(bmain, "Cube");
  data_material_append(bmain, &mesh->id, material);
  default_cube_geometry(*mesh);
  Object *cube = object_new(bmain, "Cube", &mesh->id);
  cube->empty_display_type = EmptyDisplayType::Arrows;

  Light *light_data = id_new<Light>(bmain, "Light");
  light_data->type = LightType::Point;
  light_data->energy = 1000.0f;
  light_data->shadow_soft_size = 0.1f;
  Object *light = object_new(bmain, "Light", &light_data->id);
  light->location = {4.076245f, 1.005454f, 5.903862f};
  light->rotation_euler = {0.650328f, 0.055217f, 1.866391f};
  light->empty_display_type = EmptyDisplayType::Arrows;
  /* As stored in Blender's startup file. */
  light->is_shadow_catcher = true;
  light->visibility &= ~OB_VISIBLE_CAMERA;
  for (float &c : light->color) {
    c = 0.0f;
  }

  Camera *camera_data = id_new<Camera>(bmain, "Camera");
  camera_data->clip_end = 100.0f;
  camera_data->ortho_scale = 7.314286f;
  Object *camera = object_new(bmain, "Camera", &camera_data->id);
  camera->location = {7.358891f, -6.925791f, 4.958309f};
  camera->rotation_euler = {1.109319f, 0.0f, 0.814928f};
  camera->display_type = ObjectDisplayType::Wire;
  camera->empty_display_type = EmptyDisplayType::Arrows;
  for (float &c : camera->color) {
    c = 0.0f;
  }

  for (Object *object : {cube, light, camera}) {
    collection_object_link(bmain, collection, object);
    object_update_world_matrix(*object);
  }
  scene_set_camera(bmain, scene, camera);

  ViewLayer *view_layer = scene->view_layers.front().get();
  view_layer->use_pass_z = false;
  view_layer_ensure_synced(scene, view_layer);
  view_layer_base_find(scene, view_layer, cube)->flag |= BASE_SELECTED;
  view_layer->active_object = cube;
  view_layer->active_layer_collection = view_layer_find_layer_collection(scene, view_layer,
                                                                         collection);
  bmain.context_scene = scene;
  bmain.context_view_layer = view_layer;
  bmain.is_dirty = false;
  return {scene, view_layer};
}

}  // namespace whisk::kernel
