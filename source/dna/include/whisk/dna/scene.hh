#pragma once
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "whisk/base/math.hh"
#include "whisk/dna/id.hh"

namespace whisk::dna {

struct Collection;
struct Object;
struct World;

enum class UnitSystem : uint8_t { None, Metric, Imperial };
enum class UnitRotation : uint8_t { Degrees, Radians };

struct UnitSettings {
  UnitSystem system = UnitSystem::Metric;
  UnitRotation system_rotation = UnitRotation::Degrees;
  float scale_length = 1.0f;
  bool use_separate = false;
  /* Per unit kind: 0 is ADAPTIVE, 1 the base metric unit (meters, kilograms, seconds,
   * kelvin), 2.. the other metric units, as the RNA items (defs/rna_scene.cc) number them. */
  uint8_t length_unit = 1;
  uint8_t mass_unit = 1;
  uint8_t time_unit = 1;
  uint8_t temperature_unit = 1;
};

struct RenderSettings {
  int32_t resolution_x = 1920;
  int32_t resolution_y = 1080;
  int32_t resolution_percentage = 100;
  float pixel_aspect_x = 1.0f;
  float pixel_aspect_y = 1.0f;
  int32_t fps = 24;
  float fps_base = 1.0f;
  int32_t frame_map_old = 100;
  int32_t frame_map_new = 100;
  /* "//" (next to the blend-file) for new scenes; the startup file has "/tmp/". */
  char filepath[1024] = "//";
  char engine[32] = "BLENDER_EEVEE";
  bool film_transparent = false;
  bool use_border = false;
  bool use_crop_to_border = false;
  float border_min_x = 0.0f, border_min_y = 0.0f, border_max_x = 1.0f, border_max_y = 1.0f;
  bool use_file_extension = true;
  bool use_overwrite = true;
  bool use_placeholder = false;
  bool use_persistent_data = false;
  int32_t threads = 1;
  uint8_t threads_mode = 0; /* 0 AUTO, 1 FIXED */
};

struct View3DCursor {
  float3 location;
  float3 rotation_euler;
  Quaternion rotation_quaternion;
  float3 rotation_axis = {0.0f, 1.0f, 0.0f};
  float rotation_angle = 0.0f;
  RotationMode rotation_mode = RotationMode::XYZ;
};

enum BaseFlag : uint16_t {
  BASE_SELECTED = 1 << 0,
  /** Hidden in this view layer only (`Object.hide_set`). */
  BASE_HIDDEN = 1 << 1,
};

/** An object's presence in a view layer: selection and per-layer visibility. */
struct Base {
  Object *object = nullptr;
  uint16_t flag = 0;
};

enum LayerCollectionFlag : uint8_t {
  LAYER_COLLECTION_EXCLUDE = 1 << 0,
  LAYER_COLLECTION_HOLDOUT = 1 << 1,
  LAYER_COLLECTION_INDIRECT_ONLY = 1 << 2,
  LAYER_COLLECTION_HIDE = 1 << 3,
};

/** Mirrors the collection hierarchy inside one view layer, with per-layer flags. */
struct LayerCollection {
  Collection *collection = nullptr;
  uint8_t flag = 0;
  std::vector<std::unique_ptr<LayerCollection>> children;
};

struct ViewLayer {
  char name[64] = "ViewLayer";
  bool use = true;
  int32_t samples = 0;
  bool use_pass_combined = true;
  bool use_pass_z = true;
  bool use_pass_mist = false;
  bool use_pass_normal = false;
  bool use_solid = true;
  bool use_sky = true;
  bool use_freestyle = true;
  bool use_motion_blur = true;

  std::unique_ptr<LayerCollection> layer_collection;
  LayerCollection *active_layer_collection = nullptr;
  /** Bases in hierarchy order. Rebuilt lazily when the hierarchy changes. */
  std::vector<std::unique_ptr<Base>> bases;
  std::unordered_map<const Object *, Base *> base_map;
  bool bases_dirty = true;
  Object *active_object = nullptr;
};

struct Scene {
  static constexpr IDType id_type = IDType::Scene;
  ID id;
  /** Embedded master collection ("Scene Collection"). */
  Collection *master_collection = nullptr;
  std::vector<std::unique_ptr<ViewLayer>> view_layers;
  Object *camera = nullptr;
  World *world = nullptr;
  Scene *background_set = nullptr;

  int32_t frame_start = 1;
  int32_t frame_end = 250;
  int32_t frame_current = 1;
  int32_t frame_step = 1;
  float frame_subframe = 0.0f;
  bool use_preview_range = false;
  /* 0 and 0: never set; enabling the preview range starts it from the scene range. */
  int32_t frame_preview_start = 0;
  int32_t frame_preview_end = 0;

  bool use_gravity = true;
  float3 gravity = {0.0f, 0.0f, -9.81f};
  float audio_volume = 1.0f;

  RenderSettings render;
  UnitSettings unit_settings;
  View3DCursor cursor;
};

}  // namespace whisk::dna
