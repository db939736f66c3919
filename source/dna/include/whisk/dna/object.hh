#pragma once
#include <vector>

#include "whisk/base/math.hh"
#include "whisk/base/owned_vector.hh"
#include "whisk/dna/id.hh"
#include "whisk/dna/modifier.hh"

namespace whisk::dna {

struct Material;
struct Collection;

enum class ObjectType : uint8_t { Empty, Mesh, Camera, Light, PointCloud };
enum class ObjectParentType : uint8_t { Object, Armature, Lattice, Vertex, Vertex3, Bone };
enum class EmptyDisplayType : uint8_t {
  PlainAxes,
  Arrows,
  SingleArrow,
  Circle,
  Cube,
  Sphere,
  Cone,
  Image,
};
enum class ObjectDisplayType : uint8_t { Bounds, Wire, Solid, Textured };

/** Per-object ray visibility, as Cycles reads it. */
enum ObjectVisibility : uint8_t {
  OB_VISIBLE_CAMERA = 1 << 0,
  OB_VISIBLE_DIFFUSE = 1 << 1,
  OB_VISIBLE_GLOSSY = 1 << 2,
  OB_VISIBLE_TRANSMISSION = 1 << 3,
  OB_VISIBLE_SCATTER = 1 << 4,
  OB_VISIBLE_SHADOW = 1 << 5,
  OB_VISIBLE_ALL = 0x3F,
};

/** One material slot: the object-level material and whether the slot uses it. */
struct MaterialSlotData {
  Material *material = nullptr;
  /** True: the slot shows `material` (link OBJECT); false: the data's material. */
  bool link_object = false;
};

struct Object {
  static constexpr IDType id_type = IDType::Object;
  ID id;
  ObjectType type = ObjectType::Empty;
  ID *data = nullptr;

  Object *parent = nullptr;
  ObjectParentType parent_type = ObjectParentType::Object;
  float4x4 parent_inverse = float4x4::identity();

  float3 location;
  float3 rotation_euler;
  Quaternion rotation_quaternion;
  float3 rotation_axis = {0.0f, 1.0f, 0.0f};
  float rotation_angle = 0.0f;
  float3 scale = {1.0f, 1.0f, 1.0f};
  RotationMode rotation_mode = RotationMode::XYZ;

  float3 delta_location;
  float3 delta_rotation_euler;
  Quaternion delta_rotation_quaternion;
  float3 delta_scale = {1.0f, 1.0f, 1.0f};

  /** World matrix as last computed; the depsgraph owns its evaluation. */
  float4x4 object_to_world = float4x4::identity();

  bool hide_viewport = false;
  bool hide_render = false;
  bool hide_select = false;
  uint8_t visibility = OB_VISIBLE_ALL;
  bool is_holdout = false;
  bool is_shadow_catcher = false;

  ObjectDisplayType display_type = ObjectDisplayType::Textured;
  EmptyDisplayType empty_display_type = EmptyDisplayType::PlainAxes;
  float empty_display_size = 1.0f;
  bool show_name = false;
  bool show_axis = false;
  bool show_wire = false;
  bool show_in_front = false;
  bool show_bounds = false;
  float color[4] = {1.0f, 1.0f, 1.0f, 1.0f};
  int32_t pass_index = 0;

  std::vector<MaterialSlotData> material_slots;
  int32_t active_material_index = 0;

  /** The modifier stack, evaluated first to last. */
  OwnedVector<ModifierData> modifiers;

  Collection *instance_collection = nullptr;

  /** Evaluation results, never saved. An evaluated object's `data` is its geometry after
   * modifiers; both it and its original (synced by the active graph) keep the bounds. */
  struct Runtime {
    bool has_bounds = false;
    float3 bounds_min;
    float3 bounds_max;
  } runtime;
  uint8_t instance_type = 0; /* 0 NONE, 1 VERTS, 2 FACES, 3 COLLECTION */
};

}  // namespace whisk::dna
