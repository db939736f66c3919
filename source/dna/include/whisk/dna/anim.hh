#pragma once
// Animation data: keyframes on F-curves, F-curve modifiers, drivers, and the AnimData an
// animatable ID carries. Enum values are Blender's DNA numbers (files store them).

#include <string>
#include <vector>

#include "whisk/base/math.hh"
#include "whisk/base/owned_vector.hh"
#include "whisk/dna/id.hh"
#include "whisk/dna/runtime_holder.hh"

namespace whisk::dna {

struct Action;

enum class HandleType : uint8_t { Free = 0, Auto = 1, Vector = 2, Aligned = 3, AutoClamped = 4 };

enum class KeyInterpolation : uint8_t {
  Constant = 0,
  Linear = 1,
  Bezier = 2,
  /* The easing family (Robert Penner's equations). */
  Back = 3,
  Bounce = 4,
  Circ = 5,
  Cubic = 6,
  Elastic = 7,
  Expo = 8,
  Quad = 9,
  Quart = 10,
  Quint = 11,
  Sine = 12,
};

enum class KeyEasing : uint8_t { Auto = 0, In = 1, Out = 2, InOut = 3 };

enum class KeyframeType : uint8_t {
  Keyframe = 0,
  Extreme = 1,
  Breakdown = 2,
  Jitter = 3,
  MovingHold = 4,
};

/** One keyframe: the key and its two handles, each (frame, value). */
struct BezTriple {
  float2 handle_left;
  float2 co;
  float2 handle_right;
  HandleType handle_left_type = HandleType::AutoClamped;
  HandleType handle_right_type = HandleType::AutoClamped;
  KeyInterpolation interpolation = KeyInterpolation::Bezier;
  KeyEasing easing = KeyEasing::Auto;
  KeyframeType type = KeyframeType::Keyframe;
  /* Parameters of the BACK and ELASTIC easings. */
  float back = 1.70158f;
  float amplitude = 0.8f;
  float period = 4.1f;
  bool select_left_handle = false;
  bool select_control_point = true;
  bool select_right_handle = false;
};

enum class FCurveExtrapolation : uint8_t { Constant = 0, Linear = 1 };
enum class FCurveAutoSmoothing : uint8_t { None = 0, ContinuousAcceleration = 1 };

enum class FModifierType : uint8_t {
  Null = 0,
  Generator = 1,
  FnGenerator = 2,
  Envelope = 3,
  Cycles = 4,
  Noise = 5,
  Python = 7,
  Limits = 8,
  Stepped = 9,
};
enum class FModifierCycleMode : uint8_t { None = 0, Repeat = 1, RepeatOffset = 2, Mirror = 3 };
enum class FModifierNoiseBlend : uint8_t { Replace = 0, Add = 1, Subtract = 2, Multiply = 3 };
enum class FModifierGeneratorMode : uint8_t { Polynomial = 0, PolynomialFactorised = 1 };

/** A modifier on an F-curve. The fields of every supported type live side by side; `type`
 * says which apply. */
struct FModifier {
  FModifierType type = FModifierType::Null;
  bool mute = false;
  bool show_expanded = true;
  bool active = false;
  bool use_restricted_range = false;
  bool use_influence = false;
  float frame_start = 0.0f;
  float frame_end = 0.0f;
  float blend_in = 0.0f;
  float blend_out = 0.0f;
  float influence = 1.0f;

  struct Generator {
    FModifierGeneratorMode mode = FModifierGeneratorMode::Polynomial;
    bool use_additive = false;
    int32_t poly_order = 1;
    /** poly_order + 1 values (Polynomial) or 2 * poly_order (factorised pairs). */
    std::vector<float> coefficients = {0.0f, 1.0f};
  } generator;

  struct Cycles {
    FModifierCycleMode mode_before = FModifierCycleMode::Repeat;
    FModifierCycleMode mode_after = FModifierCycleMode::Repeat;
    /** 0: forever. */
    int16_t cycles_before = 0;
    int16_t cycles_after = 0;
  } cycles;

  struct Noise {
    FModifierNoiseBlend blend_type = FModifierNoiseBlend::Replace;
    float scale = 1.0f;
    float strength = 1.0f;
    float phase = 1.0f;
    float offset = 0.0f;
    int16_t depth = 0;
  } noise;
};

/** A named group of F-curves in an action; F-curves point at their group. */
struct ActionGroup {
  std::string name;
  bool select = false;
  bool lock = false;
  bool mute = false;
  bool show_expanded = true;
  bool show_expanded_graph = true;
  bool use_pin = false;
  int32_t color_set = 0;
};

enum class DriverType : uint8_t { Average = 0, Scripted = 1, Sum = 2, Min = 3, Max = 4 };
enum class DriverVarType : uint8_t {
  SingleProp = 0,
  RotationDiff = 1,
  LocationDiff = 2,
  Transforms = 3,
};
/** Blender's numbering: note ROT_W and SCALE_AVG after the XYZ channels. */
enum class DriverTransformChannel : uint8_t {
  LocX = 0,
  LocY = 1,
  LocZ = 2,
  RotX = 3,
  RotY = 4,
  RotZ = 5,
  ScaleX = 6,
  ScaleY = 7,
  ScaleZ = 8,
  ScaleAvg = 9,
  RotW = 10,
};
enum class DriverTransformSpace : uint8_t { World = 0, Transform = 1, Local = 2 };
/** AUTO, the Euler orders as RotationMode numbers them plus one, QUATERNION and the swing
 * twist modes. */
enum class DriverRotationMode : uint8_t {
  Auto = 0,
  XYZ = 1,
  XZY = 2,
  YXZ = 3,
  YZX = 4,
  ZXY = 5,
  ZYX = 6,
  Quaternion = 7,
  SwingTwistX = 8,
  SwingTwistY = 9,
  SwingTwistZ = 10,
};

struct DriverTarget {
  ID *id = nullptr;
  IDType id_type = IDType::Object;
  std::string data_path;
  std::string bone_target;
  DriverTransformChannel transform_type = DriverTransformChannel::LocX;
  DriverRotationMode rotation_mode = DriverRotationMode::Auto;
  DriverTransformSpace transform_space = DriverTransformSpace::World;
  /** Runtime: the last evaluation could not resolve this target. */
  bool is_invalid = false;
};

struct DriverVariable {
  std::string name = "var";
  DriverVarType type = DriverVarType::SingleProp;
  /** SINGLE_PROP and TRANSFORMS use the first; the DIFF types use both. */
  DriverTarget targets[2];
  /** The name is a usable Python identifier (not a keyword, no leading digit...). */
  bool is_name_valid = true;
  /** Runtime: the value of the last evaluation. */
  float value = 0.0f;
};

struct DriverRuntime;

struct ChannelDriver {
  DriverType type = DriverType::Scripted;
  std::string expression;
  OwnedVector<DriverVariable> variables;
  bool use_self = false;
  /** False once evaluation failed (bad expression, invalid target); editing clears it. */
  bool is_valid = true;
  /** Set when a scripted expression would need Python but the file is untrusted. */
  bool is_blocked_untrusted = false;
  /** Runtime: the value of the last evaluation. */
  float value = 0.0f;
  /** Compiled expression, rebuilt when the expression or the variable names change. */
  RuntimeHolder<DriverRuntime> runtime;
};

enum FCurveFlag : uint16_t {
  FCURVE_SELECTED = 1 << 0,
  FCURVE_MUTED = 1 << 1,
  FCURVE_LOCKED = 1 << 2,
  FCURVE_HIDDEN = 1 << 3,
  /** The path could not be resolved when last evaluated. */
  FCURVE_DISABLED = 1 << 4,
  /** Values are rounded to integers (integer properties). */
  FCURVE_INT_VALUES = 1 << 5,
  /** Values are discrete (booleans, enums): no interpolation between keys. */
  FCURVE_DISCRETE_VALUES = 1 << 6,
  FCURVE_ACTIVE = 1 << 7,
};

struct FCurve {
  std::string data_path;
  int32_t array_index = 0;
  /** Owned by the action; nullptr for none and for drivers. */
  ActionGroup *group = nullptr;
  /** Sorted by frame. */
  std::vector<BezTriple> keyframe_points;
  OwnedVector<FModifier> modifiers;
  OwnedPtr<ChannelDriver> driver;
  FCurveExtrapolation extrapolation = FCurveExtrapolation::Constant;
  FCurveAutoSmoothing auto_smoothing = FCurveAutoSmoothing::None;
  uint16_t flag = FCURVE_SELECTED;
  uint8_t color_mode = 0; /* AUTO_RAINBOW */
  float color[3] = {0.0f, 0.0f, 0.0f};
};

enum class AnimBlendType : uint8_t { Replace = 0, Multiply = 1, Subtract = 2, Add = 3, Combine = 4 };
enum class AnimExtrapolation : uint8_t { HoldForward = 0, Hold = 1, Nothing = 2 };

/** What animates one ID: its action and its drivers. NLA tracks arrive later. */
struct AnimData {
  Action *action = nullptr;
  OwnedVector<FCurve> drivers;
  float action_influence = 1.0f;
  AnimBlendType action_blend_type = AnimBlendType::Replace;
  AnimExtrapolation action_extrapolation = AnimExtrapolation::HoldForward;
  bool use_nla = true;
  bool use_tweak_mode = false;
  bool use_pin = false;
};

}  // namespace whisk::dna
