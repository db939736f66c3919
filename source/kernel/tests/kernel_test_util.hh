#pragma once
// Shared helpers of the kernel test suites: fixture loading, name lists, error checks.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "whisk/base/error.hh"
#include "whisk/dna/all_types.hh"
#include "whisk/kernel/collection.hh"
#include "whisk/kernel/lib_id.hh"
#include "whisk/kernel/main.hh"
#include "whisk/kernel/object.hh"
#include "whisk/kernel/scene.hh"

namespace whisk::kernel::test {

using json = nlohmann::json;

inline std::filesystem::path fixture_path(std::string_view name)
{
  return std::filesystem::path(WHISK_FIXTURE_DIR) / std::string(name);
}

/** The parsed fixture, or nullopt if it does not exist (yet). A fixture that exists but
 * does not parse fails the calling test. */
inline std::optional<json> try_load_fixture(std::string_view name)
{
  const std::filesystem::path path = fixture_path(name);
  std::ifstream stream(path);
  if (!stream) {
    return std::nullopt;
  }
  try {
    return json::parse(stream);
  }
  catch (const json::exception &e) {
    ADD_FAILURE() << "fixture " << path << " does not parse: " << e.what();
    return std::nullopt;
  }
}

/** A fixture the suite cannot do without. */
inline json load_fixture(std::string_view name)
{
  std::optional<json> data = try_load_fixture(name);
  if (!data) {
    throw std::runtime_error("missing fixture " + fixture_path(name).string());
  }
  return std::move(*data);
}

/** Names of one Main list, in list order. */
inline std::vector<std::string> list_names(const Main &bmain, dna::IDType type)
{
  std::vector<std::string> names;
  for (const dna::ID *id : bmain.list(type)) {
    names.emplace_back(id->name);
  }
  return names;
}

template<typename T> std::vector<std::string> names_of(const std::vector<T *> &items)
{
  std::vector<std::string> names;
  for (const T *item : items) {
    names.emplace_back(reinterpret_cast<const dna::ID *>(item)->name);
  }
  return names;
}

/** Runs `fn` and returns the whisk::Error it throws; fails the test if it throws none. */
template<typename Fn> std::optional<Error> catch_error(Fn &&fn)
{
  try {
    fn();
  }
  catch (const Error &e) {
    return e;
  }
  ADD_FAILURE() << "expected a whisk::Error";
  return std::nullopt;
}

/** A scene with one child collection holding a cube (mesh + material), a camera that is
 * the scene camera, and a light parented to the cube. */
struct TestScene {
  using Scene = dna::Scene;
  using ViewLayer = dna::ViewLayer;
  using Collection = dna::Collection;
  using Material = dna::Material;
  using Mesh = dna::Mesh;
  using Object = dna::Object;
  using Camera = dna::Camera;
  using Light = dna::Light;
  using NodeTree = dna::NodeTree;

  Main bmain;
  Scene *scene = nullptr;
  ViewLayer *view_layer = nullptr;
  Collection *collection = nullptr;
  Material *material = nullptr;
  Mesh *mesh = nullptr;
  Object *cube = nullptr;
  Camera *camera_data = nullptr;
  Object *camera = nullptr;
  Light *light_data = nullptr;
  Object *light = nullptr;

  TestScene()
  {
    scene = id_new<Scene>(bmain, "Scene");
    view_layer = scene->view_layers.front().get();
    collection = id_new<Collection>(bmain, "Collection");
    collection_child_link(bmain, scene->master_collection, collection);
    material = id_new<Material>(bmain, "Material");
    material->node_tree = reinterpret_cast<NodeTree *>(
        id_new_embedded(bmain, dna::IDType::NodeTree, &material->id, "Shader Nodetree"));
    mesh = id_new<Mesh>(bmain, "Cube");
    data_material_append(bmain, &mesh->id, material);
    cube = object_new(bmain, "Cube", &mesh->id);
    camera_data = id_new<Camera>(bmain, "Camera");
    camera = object_new(bmain, "Camera", &camera_data->id);
    light_data = id_new<Light>(bmain, "Light");
    light = object_new(bmain, "Light", &light_data->id);
    for (Object *object : {cube, camera, light}) {
      collection_object_link(bmain, collection, object);
    }
    scene_set_camera(bmain, scene, camera);
    EXPECT_TRUE(object_set_parent(bmain, light, cube));
    view_layer_base_find(scene, view_layer, cube)->flag |= dna::BASE_SELECTED;
    view_layer->active_object = cube;
  }
};

}  // namespace whisk::kernel::test

/** Expects `statement` to throw whisk::Error of `kind` whose message contains each of
 * the given substrings. */
#define EXPECT_WHISK_ERROR(statement, error_kind, ...) \
  do { \
    std::optional<::whisk::Error> caught_ = ::whisk::kernel::test::catch_error( \
        [&] { statement; }); \
    if (caught_) { \
      EXPECT_EQ(caught_->kind(), (error_kind)) << caught_->message(); \
      for (std::string_view part_ : std::initializer_list<std::string_view>{__VA_ARGS__}) { \
        EXPECT_NE(caught_->message().find(part_), std::string::npos) \
            << "message \"" << caught_->message() << "\" lacks \"" << part_ << "\""; \
      } \
    } \
  } while (false)
