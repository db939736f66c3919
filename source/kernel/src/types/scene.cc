#include "whisk/kernel/scene.hh"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <unordered_map>
#include <unordered_set>

#include "type_helpers.hh"
#include "whisk/base/error.hh"
#include "whisk/kernel/collection.hh"
#include "whisk/kernel/name_map.hh"

namespace whisk::kernel {
using namespace types;
using namespace dna;

/* ---- Type table ---- */

static void init_scene(Main &bmain, ID *id)
{
  Scene &scene = cast<Scene>(id);
  scene.master_collection = reinterpret_cast<Collection *>(
      id_new_embedded(bmain, IDType::Collection, id, "Scene Collection"));
  scene_view_layer_add(bmain, &scene, "ViewLayer");
  /* As in Blender, a new scene holds an extra user (it is there to be shown), so it is
   * no orphan; a copy starts without one and an unused copy is purged. */
  id_extra_user_set(id, true);
}

static std::unique_ptr<LayerCollection> copy_layer_collection(
    const LayerCollection &src, const Collection *old_master, Collection *new_master)
{
  auto copy = std::make_unique<LayerCollection>();
  copy->collection = src.collection == old_master ? new_master : src.collection;
  copy->flag = src.flag;
  for (const auto &child : src.children) {
    copy->children.push_back(copy_layer_collection(*child, old_master, new_master));
  }
  return copy;
}

static ID *duplicate_scene(Main &bmain, const ID *src_id)
{
  const Scene &src = cast<Scene>(src_id);
  Scene *scene = new Scene();
  std::memcpy(&scene->id, &src.id, sizeof(ID));
  scene->camera = src.camera;
  scene->world = src.world;
  scene->background_set = src.background_set;
  scene->frame_start = src.frame_start;
  scene->frame_end = src.frame_end;
  scene->frame_current = src.frame_current;
  scene->frame_step = src.frame_step;
  scene->frame_subframe = src.frame_subframe;
  scene->use_preview_range = src.use_preview_range;
  scene->frame_preview_start = src.frame_preview_start;
  scene->frame_preview_end = src.frame_preview_end;
  scene->use_gravity = src.use_gravity;
  scene->gravity = src.gravity;
  scene->audio_volume = src.audio_volume;
  scene->render = src.render;
  scene->unit_settings = src.unit_settings;
  scene->cursor = src.cursor;
  scene->master_collection = reinterpret_cast<Collection *>(
      id_copy_embedded(bmain, &src.master_collection->id, &scene->id));
  for (const auto &src_layer : src.view_layers) {
    auto layer = std::make_unique<ViewLayer>();
    std::memcpy(layer->name, src_layer->name, sizeof(layer->name));
    layer->use = src_layer->use;
    layer->samples = src_layer->samples;
    layer->use_pass_combined = src_layer->use_pass_combined;
    layer->use_pass_z = src_layer->use_pass_z;
    layer->use_pass_mist = src_layer->use_pass_mist;
    layer->use_pass_normal = src_layer->use_pass_normal;
    layer->use_solid = src_layer->use_solid;
    layer->use_sky = src_layer->use_sky;
    layer->use_freestyle = src_layer->use_freestyle;
    layer->use_motion_blur = src_layer->use_motion_blur;
    if (src_layer->layer_collection) {
      layer->layer_collection = copy_layer_collection(
          *src_layer->layer_collection, src.master_collection, scene->master_collection);
      layer->active_layer_collection = layer->layer_collection.get();
    }
    for (const auto &base : src_layer->bases) {
      if (base->object) {
        auto copy = std::make_unique<Base>(*base);
        layer->base_map[copy->object] = copy.get();
        layer->bases.push_back(std::move(copy));
      }
    }
    layer->active_object = src_layer->active_object;
    layer->bases_dirty = true;
    scene->view_layers.push_back(std::move(layer));
  }
  return &scene->id;
}

static void destroy_scene(ID *id)
{
  Scene *scene = &cast<Scene>(id);
  if (scene->master_collection) {
    id_destroy(&scene->master_collection->id);
  }
  delete scene;
}

static void foreach_scene_id(ID *id, const IDRefVisitor &visitor)
{
  Scene &scene = cast<Scene>(id);
  visit_slot(visitor, id, scene.master_collection, IDREF_EMBEDDED);
  visit_slot(visitor, id, scene.camera, 0);
  visit_slot(visitor, id, scene.world, IDREF_USER);
  visit_slot(visitor, id, scene.background_set, 0);
}

const IDTypeInfo IDType_SCE = {
    .type = IDType::Scene,
    .code = "SC",
    .name = "Scene",
    .name_plural = "scenes",
    .default_name = "Scene",
    .flags = IDTYPE_FLAG_ANIMATABLE,
    .alloc = alloc<Scene>,
    .init = init_scene,
    .duplicate = duplicate_scene,
    .destroy = destroy_scene,
    .foreach_id = foreach_scene_id,
    .unlink_runtime = [](Main &bmain, ID *id) {
      /* The master collection goes with the scene: its children forget it as a parent. */
      if (Collection *master = cast<Scene>(id).master_collection) {
        for (Collection *child : master->children) {
          std::erase(child->parents, master);
        }
      }
      if (bmain.context_scene == &cast<Scene>(id)) {
        bmain.context_scene = nullptr;
        bmain.context_view_layer = nullptr;
      }
    },
};

/* ---- View layers ---- */

ViewLayer *scene_view_layer_find(const Scene *scene, std::string_view name)
{
  for (const auto &layer : scene->view_layers) {
    if (name == layer->name) {
      return layer.get();
    }
  }
  return nullptr;
}

/** View layers take "_NNN" suffixes ("Beauty_001"), unlike IDs' ".NNN", as in Blender. */
static std::string unique_view_layer_name(const Scene *scene, std::string_view wanted,
                                          const ViewLayer *ignore)
{
  std::unordered_set<std::string> taken;
  for (const auto &layer : scene->view_layers) {
    if (layer.get() != ignore) {
      taken.insert(layer->name);
    }
  }
  std::string name = sanitize_id_name(wanted);
  if (name.empty()) {
    name = "ViewLayer";
  }
  if (!taken.count(name)) {
    return name;
  }
  std::string base = name;
  const size_t underscore = base.rfind('_');
  if (underscore != std::string::npos && underscore + 1 < base.size() &&
      base.find_first_not_of("0123456789", underscore + 1) == std::string::npos)
  {
    base.resize(underscore);
  }
  for (int number = 1;; number++) {
    char suffix[16];
    std::snprintf(suffix, sizeof(suffix), "_%03d", number);
    std::string candidate = base.substr(0, 63 - std::strlen(suffix)) + suffix;
    if (!taken.count(candidate)) {
      return candidate;
    }
  }
}

ViewLayer *scene_view_layer_add(Main &bmain, Scene *scene, std::string_view name)
{
  auto layer = std::make_unique<ViewLayer>();
  const std::string unique = unique_view_layer_name(scene, name, nullptr);
  std::memcpy(layer->name, unique.c_str(), unique.size() + 1);
  layer->bases_dirty = true;
  scene->view_layers.push_back(std::move(layer));
  bmain.is_dirty = true;
  return scene->view_layers.back().get();
}

void scene_view_layer_remove(Main &bmain, Scene *scene, ViewLayer *view_layer)
{
  if (scene->view_layers.size() <= 1) {
    raise(ErrorKind::Runtime, "View layer '", view_layer->name,
          "' could not be removed from scene '", scene->id.name, "'");
  }
  auto it = std::find_if(scene->view_layers.begin(), scene->view_layers.end(),
                         [&](const auto &layer) { return layer.get() == view_layer; });
  if (it == scene->view_layers.end()) {
    raise(ErrorKind::Runtime, "view layer '", view_layer->name, "' not found in scene '",
          scene->id.name, "'");
  }
  bmain.depsgraphs_remove(scene, view_layer);
  scene->view_layers.erase(it);
  if (bmain.context_view_layer == view_layer) {
    bmain.context_view_layer = scene->view_layers.front().get();
  }
}

void view_layer_rename(Scene *scene, ViewLayer *view_layer, std::string_view name)
{
  const std::string unique = unique_view_layer_name(scene, name, view_layer);
  std::memcpy(view_layer->name, unique.c_str(), unique.size() + 1);
}

namespace {

struct SyncState {
  std::unordered_map<const Collection *, uint8_t> old_flags;
  std::unordered_map<const Object *, uint16_t> old_base_flags;
  ViewLayer *layer;
  std::unordered_set<const Collection *> on_path;
  /* Base order, see sync_layer_collection: a key per base, the first base appended. */
  std::unordered_map<const Base *, uint64_t> order;
  uint64_t next_order = 0;
  const Base *first = nullptr;
};

void collect_old_flags(const LayerCollection &lc, SyncState &state)
{
  state.old_flags.emplace(lc.collection, lc.flag);
  for (const auto &child : lc.children) {
    collect_old_flags(*child, state);
  }
}

/* Bases come in Blender's order: children before their parent's own objects (depth first,
 * children in link order), each collection's objects in link order. An object met again
 * moves to the end, unless its base is the first of the list or already the last. */
std::unique_ptr<LayerCollection> sync_layer_collection(Collection *collection, SyncState &state,
                                                       bool parent_excluded)
{
  auto lc = std::make_unique<LayerCollection>();
  lc->collection = collection;
  auto it = state.old_flags.find(collection);
  lc->flag = it == state.old_flags.end() ? 0 : it->second;
  const bool excluded = parent_excluded || (lc->flag & LAYER_COLLECTION_EXCLUDE);
  state.on_path.insert(collection);
  for (Collection *child : collection->children) {
    if (!state.on_path.count(child)) { /* cycles are refused on link; stay safe anyway */
      lc->children.push_back(sync_layer_collection(child, state, excluded));
    }
  }
  state.on_path.erase(collection);
  if (!excluded) {
    collection->objects.for_each([&](Object *object) {
      auto found = state.layer->base_map.find(object);
      if (found != state.layer->base_map.end()) {
        uint64_t &key = state.order[found->second];
        if (found->second != state.first && key + 1 != state.next_order) {
          key = state.next_order++;
        }
        return;
      }
      auto base = std::make_unique<Base>();
      base->object = object;
      auto old = state.old_base_flags.find(object);
      base->flag = old == state.old_base_flags.end() ? 0 : old->second;
      state.layer->base_map[object] = base.get();
      state.order[base.get()] = state.next_order++;
      if (!state.first) {
        state.first = base.get();
      }
      state.layer->bases.push_back(std::move(base));
    });
  }
  return lc;
}

LayerCollection *find_layer_collection(LayerCollection *lc, const Collection *collection)
{
  if (!lc) {
    return nullptr;
  }
  if (lc->collection == collection) {
    return lc;
  }
  for (auto &child : lc->children) {
    if (LayerCollection *found = find_layer_collection(child.get(), collection)) {
      return found;
    }
  }
  return nullptr;
}

}  // namespace

void view_layer_ensure_synced(Scene *scene, ViewLayer *view_layer)
{
  if (!view_layer->bases_dirty && view_layer->layer_collection) {
    return;
  }
  data_generation_bump(); /* layer collections and bases are rebuilt */
  SyncState state;
  state.layer = view_layer;
  const Collection *active_collection = nullptr;
  if (view_layer->layer_collection) {
    collect_old_flags(*view_layer->layer_collection, state);
    if (view_layer->active_layer_collection) {
      active_collection = view_layer->active_layer_collection->collection;
    }
  }
  for (const auto &base : view_layer->bases) {
    if (base->object) {
      state.old_base_flags.emplace(base->object, base->flag);
    }
  }
  view_layer->bases.clear();
  view_layer->base_map.clear();
  view_layer->layer_collection = sync_layer_collection(scene->master_collection, state, false);
  std::stable_sort(view_layer->bases.begin(), view_layer->bases.end(),
                   [&](const auto &a, const auto &b) {
                     return state.order.at(a.get()) < state.order.at(b.get());
                   });
  LayerCollection *active = find_layer_collection(view_layer->layer_collection.get(),
                                                  active_collection);
  view_layer->active_layer_collection = active ? active : view_layer->layer_collection.get();
  if (view_layer->active_object && !view_layer->base_map.count(view_layer->active_object)) {
    view_layer->active_object = nullptr;
  }
  view_layer->bases_dirty = false;
}

Base *view_layer_base_find(Scene *scene, ViewLayer *view_layer, const Object *object)
{
  view_layer_ensure_synced(scene, view_layer);
  auto it = view_layer->base_map.find(object);
  return it == view_layer->base_map.end() ? nullptr : it->second;
}

std::vector<Object *> view_layer_objects(Scene *scene, ViewLayer *view_layer)
{
  view_layer_ensure_synced(scene, view_layer);
  std::vector<Object *> result;
  result.reserve(view_layer->bases.size());
  for (const auto &base : view_layer->bases) {
    result.push_back(base->object);
  }
  return result;
}

LayerCollection *view_layer_find_layer_collection(Scene *scene, ViewLayer *view_layer,
                                                  const Collection *collection)
{
  view_layer_ensure_synced(scene, view_layer);
  return find_layer_collection(view_layer->layer_collection.get(), collection);
}

/* Visible when some path from the master collection reaches the object through
 * collections that are neither excluded nor hidden, and the object itself is not. */
static bool visible_through(const LayerCollection &lc, const Object *object)
{
  if (lc.flag & (LAYER_COLLECTION_EXCLUDE | LAYER_COLLECTION_HIDE)) {
    return false;
  }
  if (lc.collection->flag & COLLECTION_HIDE_VIEWPORT) {
    return false;
  }
  if (lc.collection->objects.contains(object)) {
    return true;
  }
  for (const auto &child : lc.children) {
    if (visible_through(*child, object)) {
      return true;
    }
  }
  return false;
}

bool object_visible_in_view_layer(Scene *scene, ViewLayer *view_layer, const Object *object)
{
  Base *base = view_layer_base_find(scene, view_layer, object);
  if (!base || (base->flag & BASE_HIDDEN) || object->hide_viewport) {
    return false;
  }
  return visible_through(*view_layer->layer_collection, object);
}

std::vector<Object *> scene_objects(const Scene *scene)
{
  return collection_all_objects(scene->master_collection);
}

std::vector<Scene *> object_scenes(const Main &bmain, const Object *object)
{
  std::vector<Scene *> result;
  for (ID *id : bmain.list(IDType::Scene)) {
    Scene *scene = &cast<Scene>(id);
    for (const Object *candidate : scene_objects(scene)) {
      if (candidate == object) {
        result.push_back(scene);
        break;
      }
    }
  }
  return result;
}

void scene_set_camera(Main &bmain, Scene *scene, Object *camera)
{
  id_ref_assign(bmain, &scene->id, scene->camera, camera, 0);
}

void scene_set_world(Main &bmain, Scene *scene, World *world)
{
  id_ref_assign(bmain, &scene->id, scene->world, world, IDREF_USER);
}

void scene_set_frame_start(Scene *scene, int32_t frame)
{
  scene->frame_start = std::clamp(frame, MINAFRAME, MAXFRAME);
  if (scene->frame_start > scene->frame_end) {
    scene->frame_end = scene->frame_start;
  }
}

void scene_set_frame_end(Scene *scene, int32_t frame)
{
  scene->frame_end = std::clamp(frame, MINAFRAME, MAXFRAME);
  if (scene->frame_end < scene->frame_start) {
    scene->frame_start = scene->frame_end;
  }
}

void scene_set_frame_current(Scene *scene, int32_t frame)
{
  /* Negative frames are refused (Blender's default preference); there is no upper limit
   * beyond the integer's, as in Blender. */
  scene->frame_current = std::max(frame, 0);
}

}  // namespace whisk::kernel
