#pragma once
// Scenes and view layers. A view layer mirrors the collection hierarchy with layer
// collections, and holds a base per object for selection and per-layer visibility.
// Bases are a cache of the hierarchy: rebuilt lazily on first use after a change.

#include <string_view>
#include <vector>

#include "whisk/dna/scene.hh"
#include "whisk/kernel/main.hh"

namespace whisk::kernel {

using dna::Base;
using dna::LayerCollection;
using dna::Object;
using dna::Scene;
using dna::ViewLayer;

dna::ViewLayer *scene_view_layer_add(Main &bmain, Scene *scene, std::string_view name);
/** RuntimeError when removing the last view layer. */
void scene_view_layer_remove(Main &bmain, Scene *scene, ViewLayer *view_layer);
ViewLayer *scene_view_layer_find(const Scene *scene, std::string_view name);
void view_layer_rename(Scene *scene, ViewLayer *view_layer, std::string_view name);

/** Brings layer collections and bases in line with the collection hierarchy. */
void view_layer_ensure_synced(Scene *scene, ViewLayer *view_layer);
/** The base of an object in this layer, or nullptr if the object is not in the scene. */
Base *view_layer_base_find(Scene *scene, ViewLayer *view_layer, const Object *object);
/** Objects of the layer in base order. */
std::vector<Object *> view_layer_objects(Scene *scene, ViewLayer *view_layer);
LayerCollection *view_layer_find_layer_collection(Scene *scene, ViewLayer *view_layer,
                                                  const dna::Collection *collection);

/** Whether the object is visible in the layer: not hidden by itself, by the layer, or
 * by an excluded or hidden collection. */
bool object_visible_in_view_layer(Scene *scene, ViewLayer *view_layer, const Object *object);

/** All objects of the scene, each once (Scene.objects). */
std::vector<Object *> scene_objects(const Scene *scene);
/** Scenes whose hierarchy contains the object. */
std::vector<Scene *> object_scenes(const Main &bmain, const Object *object);

void scene_set_camera(Main &bmain, Scene *scene, Object *camera);
void scene_set_world(Main &bmain, Scene *scene, dna::World *world);
/** Frame numbers are clamped to Blender's limits; end never precedes start. */
void scene_set_frame_start(Scene *scene, int32_t frame);
void scene_set_frame_end(Scene *scene, int32_t frame);
/** The current frame is only kept from going negative (frame_start and frame_end limit
 * nothing here), as in Blender. */
void scene_set_frame_current(Scene *scene, int32_t frame);

inline constexpr int32_t MINAFRAME = -1048574;
inline constexpr int32_t MAXFRAME = 1048574;

}  // namespace whisk::kernel
