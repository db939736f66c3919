#pragma once
// Object modifiers: a stack of typed settings an object's geometry goes through during
// evaluation. Type numbers are Blender's (files store them). Each type is a struct derived
// from ModifierData; `clone()` copies it whole (objects copy their stacks deeply).

#include <memory>
#include <string>

#include "whisk/base/math.hh"
#include "whisk/dna/id.hh"

namespace whisk::dna {

struct Object;

enum class ModifierType : uint8_t {
  Subsurf = 1,
  Mirror = 5,
  Array = 12,
  Displace = 14,
  Solidify = 33,
  Triangulate = 44,
  Weld = 55,
};

enum ModifierMode : uint8_t {
  MODIFIER_MODE_REALTIME = 1 << 0, /* show_viewport */
  MODIFIER_MODE_RENDER = 1 << 1,   /* show_render */
  MODIFIER_MODE_EDITMODE = 1 << 2, /* show_in_editmode */
  MODIFIER_MODE_ON_CAGE = 1 << 3,  /* show_on_cage */
};

struct ModifierData {
  virtual ~ModifierData() = default;
  virtual std::unique_ptr<ModifierData> clone() const = 0;

  ModifierType type = ModifierType::Subsurf;
  std::string name;
  uint8_t mode = MODIFIER_MODE_REALTIME | MODIFIER_MODE_RENDER;
  bool show_expanded = true;
  bool is_active = false;
  /** Unique within the object's stack, kept across renames. */
  uint32_t persistent_uid = 0;
  /** Runtime: why the last evaluation skipped or limited this modifier (empty if none). */
  std::string error;

 protected:
  ModifierData() = default;
  ModifierData(const ModifierData &) = default;
  ModifierData &operator=(const ModifierData &) = default;
};

/** Gives a modifier struct its type number and its clone(). */
template<typename Derived, ModifierType Type> struct ModifierOf : ModifierData {
  static constexpr ModifierType static_type = Type;
  ModifierOf() { type = Type; }
  std::unique_ptr<ModifierData> clone() const override
  {
    return std::make_unique<Derived>(static_cast<const Derived &>(*this));
  }
};

struct SubsurfModifierData : ModifierOf<SubsurfModifierData, ModifierType::Subsurf> {
  uint8_t subdivision_type = 0; /* CATMULL_CLARK, SIMPLE */
  int16_t levels = 1;
  int16_t render_levels = 2;
  int16_t quality = 3;
  /* NONE, PRESERVE_CORNERS, PRESERVE_CORNERS_AND_JUNCTIONS,
   * PRESERVE_CORNERS_JUNCTIONS_AND_CONCAVE, PRESERVE_BOUNDARIES, SMOOTH_ALL */
  uint8_t uv_smooth = 4;
  uint8_t boundary_smooth = 1; /* PRESERVE_CORNERS, ALL */
  bool use_creases = true;
  bool use_custom_normals = false;
  bool use_limit_surface = true;
  bool show_only_control_edges = true;
};

struct MirrorModifierData : ModifierOf<MirrorModifierData, ModifierType::Mirror> {
  bool use_axis[3] = {true, false, false};
  bool use_bisect_axis[3] = {false, false, false};
  bool use_bisect_flip_axis[3] = {false, false, false};
  Object *mirror_object = nullptr;
  bool use_clip = false;
  bool use_mirror_merge = true;
  bool use_mirror_vertex_groups = true;
  bool use_mirror_u = false;
  bool use_mirror_v = false;
  bool use_mirror_udim = false;
  float merge_threshold = 0.001f;
  float bisect_threshold = 0.001f;
  float mirror_offset_u = 0.0f;
  float mirror_offset_v = 0.0f;
  float offset_u = 0.0f;
  float offset_v = 0.0f;
};

struct ArrayModifierData : ModifierOf<ArrayModifierData, ModifierType::Array> {
  uint8_t fit_type = 0; /* FIXED_COUNT, FIT_LENGTH, FIT_CURVE */
  int32_t count = 2;
  float fit_length = 0.0f;
  Object *curve = nullptr;
  bool use_relative_offset = true;
  float3 relative_offset_displace = {1.0f, 0.0f, 0.0f};
  bool use_constant_offset = false;
  float3 constant_offset_displace = {1.0f, 0.0f, 0.0f};
  bool use_object_offset = false;
  Object *offset_object = nullptr;
  bool use_merge_vertices = false;
  bool use_merge_vertices_cap = false;
  float merge_threshold = 0.01f;
  Object *start_cap = nullptr;
  Object *end_cap = nullptr;
  float offset_u = 0.0f;
  float offset_v = 0.0f;
};

struct DisplaceModifierData : ModifierOf<DisplaceModifierData, ModifierType::Displace> {
  float strength = 1.0f;
  float mid_level = 0.5f;
  uint8_t direction = 3; /* X, Y, Z, NORMAL, CUSTOM_NORMAL, RGB_TO_XYZ */
  uint8_t space = 0;     /* LOCAL, GLOBAL */
  uint8_t texture_coords = 0; /* LOCAL, GLOBAL, OBJECT, UV */
  Object *texture_coords_object = nullptr;
  std::string uv_layer;
  std::string vertex_group;
  bool invert_vertex_group = false;
};

struct SolidifyModifierData : ModifierOf<SolidifyModifierData, ModifierType::Solidify> {
  float thickness = 0.01f;
  float offset = -1.0f;
  bool use_even_offset = false;
  bool use_quality_normals = false;
  bool use_rim = true;
  bool use_rim_only = false;
  bool use_flip_normals = false;
  uint8_t solidify_mode = 0; /* EXTRUDE, NON_MANIFOLD */
  int16_t material_offset = 0;
  int16_t material_offset_rim = 0;
  float thickness_clamp = 0.0f;
  std::string vertex_group;
  bool invert_vertex_group = false;
  float thickness_vertex_group = 0.0f;
};

struct TriangulateModifierData
    : ModifierOf<TriangulateModifierData, ModifierType::Triangulate> {
  /* BEAUTY, FIXED, FIXED_ALTERNATE, SHORTEST_DIAGONAL, LONGEST_DIAGONAL */
  uint8_t quad_method = 3;
  uint8_t ngon_method = 0; /* BEAUTY, CLIP */
  int32_t min_vertices = 4;
  bool keep_custom_normals = false;
};

struct WeldModifierData : ModifierOf<WeldModifierData, ModifierType::Weld> {
  float merge_threshold = 0.001f;
  uint8_t mode = 0; /* ALL, CONNECTED */
  bool loose_edges = false;
  std::string vertex_group;
  bool invert_vertex_group = false;
};

}  // namespace whisk::dna
