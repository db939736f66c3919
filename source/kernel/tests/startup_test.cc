// build_factory_startup() against what Blender 3.4 shows after --factory-startup
// (tests/fixtures/startup_scene.json, printed by tools/oracle/gen_startup.py): the IDs of
// every type with names and users, object transforms and matrices, the values of the
// camera, light, material and world, the collections, view layer, context and scene
// settings. Fixture matrices are row-major lists of rows; float4x4 is m[column][row].

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "kernel_test_util.hh"
#include "whisk/kernel/lib_remove.hh"
#include "whisk/kernel/startup.hh"

namespace whisk::kernel::test {
namespace {

using namespace dna;

using Names = std::vector<std::string>;

constexpr float EPS = 1e-5f;

/** IDs that Blender's startup has and Whisk deliberately does not: Grease Pencil's stroke
 * material and the render pipeline's images. */
const std::map<std::string, std::set<std::string>> &blender_only_ids()
{
  static const std::map<std::string, std::set<std::string>> ids = {
      {"materials", {"Dots Stroke"}},
      {"images", {"Render Result", "Viewer Node"}},
  };
  return ids;
}

class Startup : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { data_ = new json(load_fixture("startup_scene.json")); }
  static void TearDownTestSuite()
  {
    delete data_;
    data_ = nullptr;
  }
  static const json &data() { return *data_; }

  void SetUp() override { state_ = build_factory_startup(bmain_); }
  /* Whatever a test did, user counts and relations are exact. */
  void TearDown() override { EXPECT_TRUE(relations_verify(bmain_)); }

  /** The fixture record of one ID, by collection and name. */
  static const json &record(const std::string &collection, const std::string &name)
  {
    for (const json &rec : data().at("ids").at(collection)) {
      if (rec.at("name") == name) {
        return rec;
      }
    }
    throw std::runtime_error("fixture has no " + collection + " \"" + name + "\"");
  }
  static const json &props(const std::string &collection, const std::string &name)
  {
    return record(collection, name).at("properties");
  }

  template<typename T> T *get(const std::string &name)
  {
    ID *id = bmain_.find(T::id_type, name);
    EXPECT_NE(id, nullptr) << name;
    return id_cast<T>(id);
  }

  Main bmain_;
  StartupState state_;

 private:
  static inline json *data_ = nullptr;
};

void expect_value(float got, const json &expected, const std::string &what)
{
  EXPECT_NEAR(got, expected.get<float>(), EPS) << what;
}
template<typename V> void expect_values(const V &got, int n, const json &expected,
                                        const std::string &what)
{
  ASSERT_EQ(expected.size(), size_t(n)) << what;
  for (int i = 0; i < n; i++) {
    EXPECT_NEAR(got[i], expected.at(i).get<float>(), EPS) << what << "[" << i << "]";
  }
}
void expect_float3(float3 got, const json &expected, const std::string &what)
{
  expect_values(got, 3, expected, what);
}
void expect_matrix(const float4x4 &got, const json &rows, const std::string &what)
{
  ASSERT_EQ(rows.size(), 4u) << what;
  for (int r = 0; r < 4; r++) {
    for (int c = 0; c < 4; c++) {
      EXPECT_NEAR(got.m[c][r], rows.at(r).at(c).get<float>(), EPS)
          << what << " row " << r << " column " << c;
    }
  }
}

const char *object_type_name(ObjectType type)
{
  switch (type) {
    case ObjectType::Empty: return "EMPTY";
    case ObjectType::Mesh: return "MESH";
    case ObjectType::Camera: return "CAMERA";
    case ObjectType::Light: return "LIGHT";
    case ObjectType::PointCloud: return "POINTCLOUD";
  }
  return "?";
}
const char *display_type_name(ObjectDisplayType type)
{
  static const char *names[] = {"BOUNDS", "WIRE", "SOLID", "TEXTURED"};
  return names[int(type)];
}
const char *empty_display_type_name(EmptyDisplayType type)
{
  static const char *names[] = {"PLAIN_AXES", "ARROWS", "SINGLE_ARROW", "CIRCLE",
                                "CUBE",       "SPHERE", "CONE",         "IMAGE"};
  return names[int(type)];
}

/* ---- The set of IDs ---- */

TEST_F(Startup, same_ids_with_same_users)
{
  const std::map<std::string, IDType> collections = {
      {"scenes", IDType::Scene},       {"collections", IDType::Collection},
      {"objects", IDType::Object},     {"meshes", IDType::Mesh},
      {"cameras", IDType::Camera},     {"lights", IDType::Light},
      {"materials", IDType::Material}, {"worlds", IDType::World},
      {"images", IDType::Image},       {"actions", IDType::Action},
      {"texts", IDType::Text},         {"node_groups", IDType::NodeTree},
  };
  ASSERT_EQ(data().at("ids").size(), collections.size());
  for (const auto &[collection, type] : collections) {
    SCOPED_TRACE(collection);
    Names expected;
    std::set<std::string> extras;
    for (const json &rec : data().at("ids").at(collection)) {
      const std::string name = rec.at("name");
      auto skip = blender_only_ids().find(collection);
      if (skip != blender_only_ids().end() && skip->second.count(name)) {
        extras.insert(name);
        continue;
      }
      expected.push_back(name);
      ID *id = bmain_.find(type, name);
      if (!id) {
        ADD_FAILURE() << "missing " << name;
        continue;
      }
      EXPECT_EQ(id->users, rec.at("users").get<int>()) << name;
      EXPECT_EQ(bool(id->flag & ID_FLAG_FAKEUSER), rec.at("use_fake_user").get<bool>()) << name;
    }
    /* Main's order is Blender's order. */
    EXPECT_EQ(list_names(bmain_, type), expected);
    /* The deliberate extras are exactly the listed ones (if Blender grew another one,
     * it must be looked at). */
    auto skip = blender_only_ids().find(collection);
    EXPECT_EQ(extras, skip == blender_only_ids().end() ? std::set<std::string>{} : skip->second);
  }
  EXPECT_TRUE(relations_verify(bmain_));
}

TEST_F(Startup, extra_and_fake_users_as_in_blender)
{
  const json &scene = props("scenes", "Scene");
  EXPECT_EQ(bool(state_.scene->id.flag & ID_FLAG_EXTRA_USER), scene.at("use_extra_user").get<bool>());
  bmain_.for_each_id([&](ID *id) {
    if (id->type != IDType::Scene) {
      EXPECT_EQ(id->flag & ID_FLAG_EXTRA_USER, 0u) << id->name;
    }
  });
  /* Nothing is an orphan: a purge removes nothing. */
  EXPECT_EQ(orphans_purge(bmain_, true), 0);
  EXPECT_FALSE(bmain_.is_dirty);
}

/* ---- Objects ---- */

TEST_F(Startup, object_transforms_and_matrices)
{
  for (const json &rec : data().at("ids").at("objects")) {
    const std::string name = rec.at("name");
    SCOPED_TRACE(name);
    Object *ob = get<Object>(name);
    ASSERT_NE(ob, nullptr);
    const json &p = rec.at("properties");
    expect_float3(ob->location, p.at("location"), "location");
    expect_float3(ob->rotation_euler, p.at("rotation_euler"), "rotation_euler");
    expect_float3(ob->scale, p.at("scale"), "scale");
    EXPECT_EQ(p.at("rotation_mode"), "XYZ");
    EXPECT_EQ(ob->rotation_mode, RotationMode::XYZ);
    const Quaternion q = ob->rotation_quaternion;
    expect_values(std::array<float, 4>{q.w, q.x, q.y, q.z}, 4, p.at("rotation_quaternion"),
                  "rotation_quaternion");
    expect_values(std::array<float, 4>{ob->rotation_angle, ob->rotation_axis.x,
                                       ob->rotation_axis.y, ob->rotation_axis.z},
                  4, p.at("rotation_axis_angle"), "rotation_axis_angle");
    expect_float3(ob->delta_location, p.at("delta_location"), "delta_location");
    expect_float3(ob->delta_rotation_euler, p.at("delta_rotation_euler"), "delta_rotation_euler");
    expect_float3(ob->delta_scale, p.at("delta_scale"), "delta_scale");
    const Quaternion dq = ob->delta_rotation_quaternion;
    expect_values(std::array<float, 4>{dq.w, dq.x, dq.y, dq.z}, 4,
                  p.at("delta_rotation_quaternion"), "delta_rotation_quaternion");
    expect_matrix(object_matrix_basis(*ob), p.at("matrix_basis"), "matrix_basis");
    expect_matrix(object_matrix_local(*ob), p.at("matrix_local"), "matrix_local");
    expect_matrix(ob->parent_inverse, p.at("matrix_parent_inverse"), "matrix_parent_inverse");
    /* The stored world matrix is up to date, and is what a recomputation gives. */
    expect_matrix(ob->object_to_world, p.at("matrix_world"), "matrix_world");
    expect_matrix(object_compute_world_matrix(*ob), p.at("matrix_world"), "computed world");
  }
}

TEST_F(Startup, object_settings)
{
  for (const json &rec : data().at("ids").at("objects")) {
    const std::string name = rec.at("name");
    SCOPED_TRACE(name);
    Object *ob = get<Object>(name);
    ASSERT_NE(ob, nullptr);
    const json &p = rec.at("properties");
    EXPECT_EQ(object_type_name(ob->type), p.at("type").get<std::string>());
    ASSERT_NE(ob->data, nullptr);
    EXPECT_EQ(std::string(ob->data->name), p.at("data").get<std::string>());
    EXPECT_TRUE(p.at("parent").is_null());
    EXPECT_EQ(ob->parent, nullptr);
    EXPECT_EQ(p.at("parent_type"), "OBJECT");
    EXPECT_EQ(ob->parent_type, ObjectParentType::Object);
    EXPECT_EQ(display_type_name(ob->display_type), p.at("display_type").get<std::string>());
    EXPECT_EQ(empty_display_type_name(ob->empty_display_type),
              p.at("empty_display_type").get<std::string>());
    expect_value(ob->empty_display_size, p.at("empty_display_size"), "empty_display_size");
    expect_values(ob->color, 4, p.at("color"), "color");
    EXPECT_EQ(ob->hide_viewport, p.at("hide_viewport").get<bool>());
    EXPECT_EQ(ob->hide_render, p.at("hide_render").get<bool>());
    EXPECT_EQ(ob->hide_select, p.at("hide_select").get<bool>());
    EXPECT_EQ(ob->is_holdout, p.at("is_holdout").get<bool>());
    EXPECT_EQ(ob->is_shadow_catcher, p.at("is_shadow_catcher").get<bool>());
    EXPECT_EQ(ob->pass_index, p.at("pass_index").get<int>());
    EXPECT_EQ(ob->show_name, p.at("show_name").get<bool>());
    EXPECT_EQ(ob->show_axis, p.at("show_axis").get<bool>());
    EXPECT_EQ(ob->show_wire, p.at("show_wire").get<bool>());
    EXPECT_EQ(ob->show_in_front, p.at("show_in_front").get<bool>());
    EXPECT_EQ(ob->show_bounds, p.at("show_bounds").get<bool>());
    EXPECT_EQ(ob->instance_type, 0);
    EXPECT_EQ(p.at("instance_type"), "NONE");
    EXPECT_EQ(ob->instance_collection, nullptr);
    const std::pair<const char *, uint8_t> visibility[] = {
        {"visible_camera", OB_VISIBLE_CAMERA},
        {"visible_diffuse", OB_VISIBLE_DIFFUSE},
        {"visible_glossy", OB_VISIBLE_GLOSSY},
        {"visible_transmission", OB_VISIBLE_TRANSMISSION},
        {"visible_volume_scatter", OB_VISIBLE_SCATTER},
        {"visible_shadow", OB_VISIBLE_SHADOW},
    };
    for (const auto &[key, bit] : visibility) {
      EXPECT_EQ(bool(ob->visibility & bit), p.at(key).get<bool>()) << key;
    }
    EXPECT_EQ(ob->active_material_index, p.at("active_material_index").get<int>());
    const Material *active = object_material_get(*ob, ob->active_material_index);
    if (p.at("active_material").is_null()) {
      EXPECT_EQ(active, nullptr);
    }
    else {
      ASSERT_NE(active, nullptr);
      EXPECT_EQ(std::string(active->id.name), p.at("active_material").get<std::string>());
    }
  }
}

TEST_F(Startup, object_slots_collections_and_children)
{
  for (const json &rec : data().at("ids").at("objects")) {
    const std::string name = rec.at("name");
    SCOPED_TRACE(name);
    Object *ob = get<Object>(name);
    ASSERT_NE(ob, nullptr);
    const json &slots = rec.at("material_slots");
    ASSERT_EQ(object_material_slot_count(*ob), int(slots.size()));
    for (int i = 0; i < int(slots.size()); i++) {
      EXPECT_EQ(ob->material_slots[i].link_object ? "OBJECT" : "DATA",
                slots.at(i).at("link").get<std::string>());
      const Material *material = object_material_get(*ob, i);
      ASSERT_NE(material, nullptr);
      EXPECT_EQ(std::string(material->id.name), slots.at(i).at("material").get<std::string>());
    }
    EXPECT_EQ(names_of(object_users_collection(bmain_, ob)),
              rec.at("users_collection").get<Names>());
    EXPECT_EQ(names_of(object_scenes(bmain_, ob)), rec.at("users_scene").get<Names>());
    Names children;
    for (ID *id : bmain_.list(IDType::Object)) {
      if (id_cast<Object>(id)->parent == ob) {
        children.emplace_back(id->name);
      }
    }
    EXPECT_EQ(children, rec.at("children").get<Names>());
  }
}

/* ---- Object data ---- */

TEST_F(Startup, camera_values)
{
  Camera *cam = get<Camera>("Camera");
  ASSERT_NE(cam, nullptr);
  const json &p = props("cameras", "Camera");
  EXPECT_EQ(p.at("type"), "PERSP");
  EXPECT_EQ(cam->type, CameraType::Persp);
  EXPECT_EQ(p.at("lens_unit"), "MILLIMETERS");
  EXPECT_EQ(cam->lens_unit, CameraLensUnit::Millimeters);
  EXPECT_EQ(p.at("sensor_fit"), "AUTO");
  EXPECT_EQ(cam->sensor_fit, CameraSensorFit::Auto);
  expect_value(cam->lens, p.at("lens"), "lens");
  expect_value(cam->ortho_scale, p.at("ortho_scale"), "ortho_scale");
  expect_value(cam->clip_start, p.at("clip_start"), "clip_start");
  expect_value(cam->clip_end, p.at("clip_end"), "clip_end");
  expect_value(cam->sensor_x, p.at("sensor_width"), "sensor_width");
  expect_value(cam->sensor_y, p.at("sensor_height"), "sensor_height");
  expect_value(cam->shift_x, p.at("shift_x"), "shift_x");
  expect_value(cam->shift_y, p.at("shift_y"), "shift_y");
  expect_value(cam->display_size, p.at("display_size"), "display_size");
  expect_value(cam->passepartout_alpha, p.at("passepartout_alpha"), "passepartout_alpha");
  EXPECT_EQ(cam->show_passepartout, p.at("show_passepartout").get<bool>());
  EXPECT_EQ(cam->show_limits, p.at("show_limits").get<bool>());
  EXPECT_EQ(cam->show_name, p.at("show_name").get<bool>());
  const json &dof = p.at("dof");
  EXPECT_EQ(cam->dof.use_dof, dof.at("use_dof").get<bool>());
  EXPECT_TRUE(dof.at("focus_object").is_null());
  EXPECT_EQ(cam->dof.focus_object, nullptr);
  expect_value(cam->dof.focus_distance, dof.at("focus_distance"), "dof.focus_distance");
  expect_value(cam->dof.aperture_fstop, dof.at("aperture_fstop"), "dof.aperture_fstop");
  expect_value(cam->dof.aperture_rotation, dof.at("aperture_rotation"), "dof.aperture_rotation");
  expect_value(cam->dof.aperture_ratio, dof.at("aperture_ratio"), "dof.aperture_ratio");
  EXPECT_EQ(cam->dof.aperture_blades, dof.at("aperture_blades").get<int>());
}

TEST_F(Startup, light_values)
{
  Light *light = get<Light>("Light");
  ASSERT_NE(light, nullptr);
  const json &rec = record("lights", "Light");
  const json &p = rec.at("properties");
  EXPECT_EQ(p.at("type"), "POINT");
  EXPECT_EQ(light->type, LightType::Point);
  EXPECT_EQ(rec.at("python_class"), "PointLight");
  expect_values(light->color, 3, p.at("color"), "color");
  expect_value(light->energy, p.at("energy"), "energy");
  expect_value(light->specular_factor, p.at("specular_factor"), "specular_factor");
  expect_value(light->diffuse_factor, p.at("diffuse_factor"), "diffuse_factor");
  expect_value(light->volume_factor, p.at("volume_factor"), "volume_factor");
  expect_value(light->shadow_soft_size, p.at("shadow_soft_size"), "shadow_soft_size");
  EXPECT_EQ(light->use_shadow, p.at("use_shadow").get<bool>());
  EXPECT_EQ(light->use_custom_distance, p.at("use_custom_distance").get<bool>());
  expect_value(light->cutoff_distance, p.at("cutoff_distance"), "cutoff_distance");
  expect_value(light->shadow_buffer_clip_start, p.at("shadow_buffer_clip_start"),
               "shadow_buffer_clip_start");
  expect_value(light->shadow_buffer_bias, p.at("shadow_buffer_bias"), "shadow_buffer_bias");
  EXPECT_EQ(light->use_nodes, p.at("use_nodes").get<bool>());
  EXPECT_TRUE(p.at("node_tree").is_null());
  EXPECT_EQ(light->node_tree, nullptr);
}

TEST_F(Startup, material_values)
{
  Material *material = get<Material>("Material");
  ASSERT_NE(material, nullptr);
  const json &rec = record("materials", "Material");
  const json &p = rec.at("properties");
  expect_values(material->diffuse_color, 4, p.at("diffuse_color"), "diffuse_color");
  expect_values(material->specular_color, 3, p.at("specular_color"), "specular_color");
  expect_value(material->metallic, p.at("metallic"), "metallic");
  expect_value(material->roughness, p.at("roughness"), "roughness");
  expect_value(material->specular_intensity, p.at("specular_intensity"), "specular_intensity");
  EXPECT_EQ(material->pass_index, p.at("pass_index").get<int>());
  EXPECT_EQ(material->use_nodes, p.at("use_nodes").get<bool>());
  EXPECT_EQ(material->use_backface_culling, p.at("use_backface_culling").get<bool>());
  EXPECT_EQ(p.at("blend_method"), "OPAQUE");
  EXPECT_EQ(material->blend_method, MaterialBlendMethod::Opaque);
  expect_value(material->alpha_threshold, p.at("alpha_threshold"), "alpha_threshold");
  EXPECT_EQ(material->line_priority, p.at("line_priority").get<int>());
  expect_values(material->line_color, 4, p.at("line_color"), "line_color");
  /* The node tree: embedded, owned, named as in Blender. */
  EXPECT_TRUE(rec.at("has_node_tree").get<bool>());
  ASSERT_NE(material->node_tree, nullptr);
  EXPECT_EQ(std::string(material->node_tree->id.name), p.at("node_tree").get<std::string>());
  EXPECT_TRUE(material->node_tree->id.flag & ID_FLAG_EMBEDDED);
  EXPECT_EQ(material->node_tree->id.owner, &material->id);
  EXPECT_EQ(material->node_tree->tree_type, NodeTreeType::Shader);
  /* Used by the mesh, once. */
  Mesh *mesh = get<Mesh>("Cube");
  ASSERT_EQ(mesh->materials.size(), 1u);
  EXPECT_EQ(mesh->materials[0], material);
}

TEST_F(Startup, world_values)
{
  World *world = get<World>("World");
  ASSERT_NE(world, nullptr);
  const json &rec = record("worlds", "World");
  const json &p = rec.at("properties");
  expect_values(world->color, 3, p.at("color"), "color");
  EXPECT_EQ(world->use_nodes, p.at("use_nodes").get<bool>());
  const json &mist = p.at("mist_settings");
  expect_value(world->mist_start, mist.at("start"), "mist start");
  expect_value(world->mist_depth, mist.at("depth"), "mist depth");
  expect_value(world->mist_height, mist.at("height"), "mist height");
  expect_value(world->mist_intensity, mist.at("intensity"), "mist intensity");
  EXPECT_EQ(mist.at("falloff"), "QUADRATIC");
  EXPECT_EQ(world->mist_falloff, 0);
  EXPECT_TRUE(rec.at("has_node_tree").get<bool>());
  ASSERT_NE(world->node_tree, nullptr);
  EXPECT_EQ(std::string(world->node_tree->id.name), p.at("node_tree").get<std::string>());
  EXPECT_EQ(world->node_tree->id.owner, &world->id);
}

/* ---- Collections, scene, view layer ---- */

TEST_F(Startup, collections)
{
  for (const json &rec : data().at("ids").at("collections")) {
    const std::string name = rec.at("name");
    SCOPED_TRACE(name);
    Collection *c = get<Collection>(name);
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(names_of(collection_all_objects(c)), rec.at("properties").at("all_objects").get<Names>());
    Names objects;
    c->objects.for_each([&](Object *o) { objects.emplace_back(o->id.name); });
    EXPECT_EQ(objects, rec.at("objects").get<Names>());
    EXPECT_EQ(names_of(c->children), rec.at("children").get<Names>());
    const json &p = rec.at("properties");
    EXPECT_EQ(bool(c->flag & COLLECTION_HIDE_VIEWPORT), p.at("hide_viewport").get<bool>());
    EXPECT_EQ(bool(c->flag & COLLECTION_HIDE_RENDER), p.at("hide_render").get<bool>());
    EXPECT_EQ(bool(c->flag & COLLECTION_HIDE_SELECT), p.at("hide_select").get<bool>());
    EXPECT_EQ(p.at("color_tag"), "NONE");
    EXPECT_EQ(c->color_tag, -1);
    expect_float3(c->instance_offset, p.at("instance_offset"), "instance_offset");
  }
}

TEST_F(Startup, scene_hierarchy_camera_world)
{
  Scene *scene = state_.scene;
  ASSERT_NE(scene, nullptr);
  const json &rec = record("scenes", "Scene");
  const json &p = rec.at("properties");
  const json &master = rec.at("master_collection");
  EXPECT_EQ(std::string(scene->master_collection->id.name), master.at("name").get<std::string>());
  EXPECT_EQ(names_of(scene->master_collection->children), master.at("children").get<Names>());
  Names master_objects;
  scene->master_collection->objects.for_each(
      [&](Object *o) { master_objects.emplace_back(o->id.name); });
  EXPECT_EQ(master_objects, master.at("objects").get<Names>());
  Names all = names_of(collection_all_objects(scene->master_collection));
  std::sort(all.begin(), all.end());
  EXPECT_EQ(all, master.at("all_objects").get<Names>()); /* the fixture sorts them */
  EXPECT_EQ(names_of(scene_objects(scene)), rec.at("scene_objects").get<Names>());
  EXPECT_EQ(names_of(scene_objects(scene)), p.at("objects").get<Names>());

  ASSERT_NE(scene->camera, nullptr);
  EXPECT_EQ(std::string(scene->camera->id.name), p.at("camera").get<std::string>());
  ASSERT_NE(scene->world, nullptr);
  EXPECT_EQ(std::string(scene->world->id.name), p.at("world").get<std::string>());
  EXPECT_TRUE(p.at("background_set").is_null());
  EXPECT_EQ(scene->background_set, nullptr);
  Names layers;
  for (const auto &layer : scene->view_layers) {
    layers.emplace_back(layer->name);
  }
  EXPECT_EQ(layers, p.at("view_layers").get<Names>());
}

TEST_F(Startup, scene_frames_render_units)
{
  const Scene *scene = state_.scene;
  const json &p = props("scenes", "Scene");
  EXPECT_EQ(scene->frame_start, p.at("frame_start").get<int>());
  EXPECT_EQ(scene->frame_end, p.at("frame_end").get<int>());
  EXPECT_EQ(scene->frame_current, p.at("frame_current").get<int>());
  EXPECT_EQ(scene->frame_step, p.at("frame_step").get<int>());
  expect_value(scene->frame_subframe, p.at("frame_subframe"), "frame_subframe");
  EXPECT_EQ(scene->use_preview_range, p.at("use_preview_range").get<bool>());
  EXPECT_EQ(scene->frame_preview_start, p.at("frame_preview_start").get<int>());
  EXPECT_EQ(scene->frame_preview_end, p.at("frame_preview_end").get<int>());
  EXPECT_EQ(scene->use_gravity, p.at("use_gravity").get<bool>());
  expect_float3(scene->gravity, p.at("gravity"), "gravity");
  expect_value(scene->audio_volume, p.at("audio_volume"), "audio_volume");

  const RenderSettings &r = scene->render;
  const json &rp = p.at("render");
  EXPECT_EQ(r.resolution_x, rp.at("resolution_x").get<int>());
  EXPECT_EQ(r.resolution_y, rp.at("resolution_y").get<int>());
  EXPECT_EQ(r.resolution_percentage, rp.at("resolution_percentage").get<int>());
  expect_value(r.pixel_aspect_x, rp.at("pixel_aspect_x"), "pixel_aspect_x");
  expect_value(r.pixel_aspect_y, rp.at("pixel_aspect_y"), "pixel_aspect_y");
  EXPECT_EQ(r.fps, rp.at("fps").get<int>());
  expect_value(r.fps_base, rp.at("fps_base"), "fps_base");
  EXPECT_EQ(r.frame_map_old, rp.at("frame_map_old").get<int>());
  EXPECT_EQ(r.frame_map_new, rp.at("frame_map_new").get<int>());
  EXPECT_EQ(std::string(r.engine), rp.at("engine").get<std::string>());
  EXPECT_EQ(std::string(r.filepath), rp.at("filepath").get<std::string>());
  EXPECT_EQ(r.film_transparent, rp.at("film_transparent").get<bool>());
  EXPECT_EQ(r.use_border, rp.at("use_border").get<bool>());
  EXPECT_EQ(r.use_crop_to_border, rp.at("use_crop_to_border").get<bool>());
  expect_value(r.border_min_x, rp.at("border_min_x"), "border_min_x");
  expect_value(r.border_max_y, rp.at("border_max_y"), "border_max_y");
  EXPECT_EQ(r.use_file_extension, rp.at("use_file_extension").get<bool>());
  EXPECT_EQ(r.use_overwrite, rp.at("use_overwrite").get<bool>());
  EXPECT_EQ(r.use_placeholder, rp.at("use_placeholder").get<bool>());
  EXPECT_EQ(r.use_persistent_data, rp.at("use_persistent_data").get<bool>());
  EXPECT_EQ(rp.at("threads_mode"), "AUTO"); /* "threads" is the machine's CPU count */
  EXPECT_EQ(r.threads_mode, 0);

  /* Unit kinds store 0 for ADAPTIVE and 1 for the base metric unit (see dna/scene.hh). */
  const UnitSettings &u = scene->unit_settings;
  const json &up = p.at("unit_settings");
  EXPECT_EQ(up.at("length_unit"), "METERS");
  EXPECT_EQ(u.length_unit, 1);
  EXPECT_EQ(up.at("mass_unit"), "KILOGRAMS");
  EXPECT_EQ(u.mass_unit, 1);
  EXPECT_EQ(up.at("time_unit"), "SECONDS");
  EXPECT_EQ(u.time_unit, 1);
  EXPECT_EQ(up.at("temperature_unit"), "KELVIN");
  EXPECT_EQ(u.temperature_unit, 1);
  EXPECT_EQ(up.at("system"), "METRIC");
  EXPECT_EQ(u.system, UnitSystem::Metric);
  EXPECT_EQ(up.at("system_rotation"), "DEGREES");
  EXPECT_EQ(u.system_rotation, UnitRotation::Degrees);
  expect_value(u.scale_length, up.at("scale_length"), "scale_length");
  EXPECT_EQ(u.use_separate, up.at("use_separate").get<bool>());

  const View3DCursor &cursor = scene->cursor;
  const json &cp = p.at("cursor");
  expect_float3(cursor.location, cp.at("location"), "cursor location");
  expect_float3(cursor.rotation_euler, cp.at("rotation_euler"), "cursor rotation_euler");
  EXPECT_EQ(cursor.rotation_mode, RotationMode::XYZ);
  expect_values(std::array<float, 4>{cursor.rotation_angle, cursor.rotation_axis.x,
                                     cursor.rotation_axis.y, cursor.rotation_axis.z},
                4, cp.at("rotation_axis_angle"), "cursor rotation_axis_angle");
}

TEST_F(Startup, view_layer_and_context)
{
  Scene *scene = state_.scene;
  ViewLayer *layer = state_.view_layer;
  ASSERT_NE(layer, nullptr);
  EXPECT_EQ(layer, scene->view_layers.front().get());
  EXPECT_EQ(bmain_.context_scene, scene);
  EXPECT_EQ(bmain_.context_view_layer, layer);
  const json &context = data().at("context");
  const json &vl = record("scenes", "Scene").at("view_layers_detail").at(0);
  EXPECT_EQ(std::string(scene->id.name), context.at("scene").get<std::string>());
  EXPECT_EQ(std::string(layer->name), context.at("view_layer").get<std::string>());
  EXPECT_EQ(std::string(layer->name), vl.at("name").get<std::string>());

  EXPECT_EQ(names_of(view_layer_objects(scene, layer)), vl.at("objects").get<Names>());
  ASSERT_NE(layer->active_object, nullptr);
  EXPECT_EQ(std::string(layer->active_object->id.name), vl.at("objects_active").get<std::string>());
  EXPECT_EQ(std::string(layer->active_object->id.name), context.at("active_object").get<std::string>());
  ASSERT_NE(layer->active_layer_collection, nullptr);
  EXPECT_EQ(std::string(layer->active_layer_collection->collection->id.name),
            vl.at("active_layer_collection_name").get<std::string>());
  EXPECT_EQ(std::string(layer->active_layer_collection->collection->id.name),
            context.at("collection").get<std::string>());

  /* Per-object states, and the context lists built from them in base order. */
  Names selected, visible;
  for (Object *ob : view_layer_objects(scene, layer)) {
    const json &state = vl.at("object_states").at(ob->id.name);
    Base *base = view_layer_base_find(scene, layer, ob);
    ASSERT_NE(base, nullptr);
    EXPECT_EQ(bool(base->flag & BASE_SELECTED), state.at("select_get").get<bool>()) << ob->id.name;
    EXPECT_EQ(bool(base->flag & BASE_HIDDEN), state.at("hide_get").get<bool>()) << ob->id.name;
    EXPECT_EQ(object_visible_in_view_layer(scene, layer, ob), state.at("visible_get").get<bool>())
        << ob->id.name;
    if (base->flag & BASE_SELECTED) {
      selected.emplace_back(ob->id.name);
    }
    if (object_visible_in_view_layer(scene, layer, ob)) {
      visible.emplace_back(ob->id.name);
    }
  }
  EXPECT_EQ(selected, context.at("selected_objects_order").get<Names>());
  EXPECT_EQ(visible, context.at("visible_objects").get<Names>());

  /* Settings of the layer. */
  EXPECT_EQ(layer->use, vl.at("use").get<bool>());
  EXPECT_EQ(layer->samples, vl.at("samples").get<int>());
  EXPECT_EQ(layer->use_pass_combined, vl.at("use_pass_combined").get<bool>());
  EXPECT_EQ(layer->use_pass_z, vl.at("use_pass_z").get<bool>());
  EXPECT_EQ(layer->use_pass_mist, vl.at("use_pass_mist").get<bool>());
  EXPECT_EQ(layer->use_pass_normal, vl.at("use_pass_normal").get<bool>());
  EXPECT_EQ(layer->use_solid, vl.at("use_solid").get<bool>());
  EXPECT_EQ(layer->use_sky, vl.at("use_sky").get<bool>());
  EXPECT_EQ(layer->use_freestyle, vl.at("use_freestyle").get<bool>());
  EXPECT_EQ(layer->use_motion_blur, vl.at("use_motion_blur").get<bool>());

  /* The layer collection tree mirrors the hierarchy with Blender's flags. */
  auto check_tree = [&](auto &self, const LayerCollection &lc, const json &expected) -> void {
    SCOPED_TRACE(expected.at("name").get<std::string>());
    EXPECT_EQ(std::string(lc.collection->id.name), expected.at("collection").get<std::string>());
    EXPECT_EQ(bool(lc.flag & LAYER_COLLECTION_EXCLUDE), expected.at("exclude").get<bool>());
    EXPECT_EQ(bool(lc.flag & LAYER_COLLECTION_HIDE), expected.at("hide_viewport").get<bool>());
    EXPECT_EQ(bool(lc.flag & LAYER_COLLECTION_HOLDOUT), expected.at("holdout").get<bool>());
    EXPECT_EQ(bool(lc.flag & LAYER_COLLECTION_INDIRECT_ONLY),
              expected.at("indirect_only").get<bool>());
    ASSERT_EQ(lc.children.size(), expected.at("children").size());
    for (size_t i = 0; i < lc.children.size(); i++) {
      self(self, *lc.children[i], expected.at("children").at(i));
    }
  };
  ASSERT_NE(layer->layer_collection, nullptr);
  check_tree(check_tree, *layer->layer_collection, vl.at("layer_collection_tree"));
  EXPECT_TRUE(relations_verify(bmain_));
}

TEST_F(Startup, is_repeatable_in_several_mains)
{
  /* Another startup next to this one is identical and independent. */
  Main other;
  const StartupState other_state = build_factory_startup(other);
  for (int t = 0; t < dna::ID_TYPE_COUNT; t++) {
    EXPECT_EQ(list_names(other, IDType(t)), list_names(bmain_, IDType(t)));
  }
  EXPECT_NE(other_state.scene, state_.scene);
  id_delete(other, other.find(IDType::Object, "Cube"));
  EXPECT_NE(bmain_.find(IDType::Object, "Cube"), nullptr);
  EXPECT_EQ(state_.view_layer->active_object, id_cast<Object>(bmain_.find(IDType::Object, "Cube")));
  EXPECT_EQ(other_state.view_layer->active_object, nullptr);
  EXPECT_TRUE(relations_verify(other));
  EXPECT_TRUE(relations_verify(bmain_));
}

}  // namespace
}  // namespace whisk::kernel::test
