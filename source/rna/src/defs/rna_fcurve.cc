// FCurve and Keyframe, with their collections' functions (FCurveKeyframePoints), Blender's
// names and metadata. Edits of a curve's settings re-sort it and recalculate handles, as
// Blender's do; edits of one key only tag the animation (FCurve.update() recalculates).
//
// Difference from Blender 3.4: its keyframe_points.insert() swaps `options` and
// `keyframe_type` internally (the key type gets the option bits); Whisk's follows the
// documented meaning of both.

#include "fcurve_common.hh"

namespace whisk::rna {
using namespace define;
using namespace defs;
using dna::KeyframeType;

namespace {

using D = StructDef<FCurve>;
using K = StructDef<BezTriple>; /* element pointers: data is the FCurve, see key_of */

void curve_changed(Main &, const PointerRNA &p)
{
  kernel::fcurve_update(curve_of(p));
  tag_animation(p);
}

std::vector<EnumItem> handle_type_items()
{
  return {item("FREE", "Free", 0, "Handle moves on its own"),
          item("ALIGNED", "Aligned", 3, "Handle stays in line with the other handle"),
          item("VECTOR", "Vector", 2, "Handle points at the neighbouring key"),
          item("AUTO", "Automatic", 1, "Handle placed for a smooth curve"),
          item("AUTO_CLAMPED", "Auto Clamped", 4,
               "Automatic, without overshooting the neighbouring keys")};
}

std::vector<EnumItem> keyframe_type_items()
{
  return {item("KEYFRAME", "Keyframe", 0, "A regular key"),
          item("BREAKDOWN", "Breakdown", 2, "A key between two main poses"),
          item("MOVING_HOLD", "Moving Hold", 4, "A key that nearly holds the previous pose"),
          item("EXTREME", "Extreme", 1, "A key at an extreme of the motion"),
          item("JITTER", "Jitter", 3, "A key for small noise-like motion")};
}

/** A key-level enum or float whose storage is a member of the key. */
template<typename M> PropertyDef key_enum(K &def, const char *id, M BezTriple::*member,
                                          std::vector<EnumItem> items)
{
  PropertyDef prop = def.add(id, PropertyType::Enum);
  prop.items(std::move(items));
  prop.get()->default_enum = prop.get()->enum_items.front().value;
  prop.get()->get_enum = [member](const PointerRNA &p) { return int(key_of(p).*member); };
  prop.get()->set_enum = [member](const PointerRNA &p, int v) { key_of(p).*member = M(v); };
  prop.update([](Main &, const PointerRNA &p) { tag_animation(p); });
  return prop;
}

PropertyDef key_bool(K &def, const char *id, bool BezTriple::*member)
{
  PropertyDef prop = def.add(id, PropertyType::Boolean);
  prop.get()->get_bool = [member](const PointerRNA &p, int) { return key_of(p).*member; };
  prop.get()->set_bool = [member](const PointerRNA &p, int, bool v) { key_of(p).*member = v; };
  return prop;
}

PropertyDef key_float(K &def, const char *id, float BezTriple::*member)
{
  PropertyDef prop = def.add(id, PropertyType::Float);
  prop.get()->get_float = [member](const PointerRNA &p, int) { return double(key_of(p).*member); };
  prop.get()->set_float = [member](const PointerRNA &p, int, double v) {
    key_of(p).*member = float(v);
  };
  prop.update([](Main &, const PointerRNA &p) { tag_animation(p); });
  return prop;
}

PropertyDef key_point(K &def, const char *id, float2 BezTriple::*member)
{
  PropertyDef prop = def.add(id, PropertyType::Float);
  prop.subtype(PropertySubtype::Coords);
  prop.get()->array_dimensions[0] = 2;
  prop.get()->get_float = [member](const PointerRNA &p, int i) {
    return double((key_of(p).*member)[i]);
  };
  prop.get()->set_float = [member](const PointerRNA &p, int i, double v) {
    (key_of(p).*member)[i] = float(v);
  };
  prop.update([](Main &, const PointerRNA &p) { tag_animation(p); });
  return prop;
}

void define_keyframe(BlenderRNA &rna)
{
  K def = struct_<BezTriple>(rna, "Keyframe");
  def.ui("Keyframe", "A key of an F-curve: its point and the Bezier handles on each side");
  def.srna()->path_internal = true; /* Blender gives keyframes no path */
  def.srna()->path = [](const PointerRNA &p) -> std::optional<std::string> {
    std::optional<std::string> curve = fcurve_path(p, &curve_of(p));
    if (!curve) {
      return std::nullopt;
    }
    return *curve + ".keyframe_points[" + std::to_string(p.index) + "]";
  };
  key_bool(def, "select_left_handle", &BezTriple::select_left_handle)
      .ui("Handle 1 selected", "The left handle is selected");
  key_bool(def, "select_right_handle", &BezTriple::select_right_handle)
      .ui("Handle 2 selected", "The right handle is selected");
  key_bool(def, "select_control_point", &BezTriple::select_control_point)
      .ui("Select", "The key point is selected");
  key_enum(def, "handle_left_type", &BezTriple::handle_left_type, handle_type_items())
      .ui("Left Handle Type", "How the left handle is placed");
  key_enum(def, "handle_right_type", &BezTriple::handle_right_type, handle_type_items())
      .ui("Right Handle Type", "How the right handle is placed");
  key_enum(def, "interpolation", &BezTriple::interpolation,
           {item("CONSTANT", "Constant", 0, "Hold the value until the next key"),
            item("LINEAR", "Linear", 1, "Straight line to the next key"),
            item("BEZIER", "Bezier", 2, "Bezier curve through the handles"),
            item("SINE", "Sinusoidal", 12, "Sine easing"),
            item("QUAD", "Quadratic", 9, "Quadratic easing"),
            item("CUBIC", "Cubic", 6, "Cubic easing"),
            item("QUART", "Quartic", 10, "Quartic easing"),
            item("QUINT", "Quintic", 11, "Quintic easing"),
            item("EXPO", "Exponential", 8, "Exponential easing"),
            item("CIRC", "Circular", 5, "Circular easing"),
            item("BACK", "Back", 3, "Easing that overshoots, then settles"),
            item("BOUNCE", "Bounce", 4, "Easing that bounces like a dropped ball"),
            item("ELASTIC", "Elastic", 7, "Easing that oscillates like a spring")})
      .ui("Interpolation", "How the curve goes from this key to the next");
  key_enum(def, "type", &BezTriple::type, keyframe_type_items())
      .ui("Type", "What the key stands for (display only)");
  key_enum(def, "easing", &BezTriple::easing,
           {item("AUTO", "Automatic Easing", 0, "The interpolation's usual easing"),
            item("EASE_IN", "Ease In", 1, "The effect is at the start"),
            item("EASE_OUT", "Ease Out", 2, "The effect is at the end"),
            item("EASE_IN_OUT", "Ease In and Out", 3, "The effect is at both ends")})
      .ui("Easing", "Which end of the segment the easing affects");
  key_float(def, "back", &BezTriple::back).ui("Back", "Overshoot of the BACK easing");
  key_float(def, "amplitude", &BezTriple::amplitude)
      .ui("Amplitude", "Height of the ELASTIC easing's oscillation")
      .range(0, FLT_HUGE);
  key_float(def, "period", &BezTriple::period).ui("Period", "Period of the ELASTIC oscillation");
  key_point(def, "handle_left", &BezTriple::handle_left)
      .ui("Left Handle", "Left handle (frame, value)");
  key_point(def, "co", &BezTriple::co).ui("Control Point", "The key (frame, value)");
  PropertyDef co_ui = key_point(def, "co_ui", &BezTriple::co);
  co_ui.ui("Control Point", "The key (frame, value); setting it moves the handles along");
  co_ui.get()->set_float = [](const PointerRNA &p, int i, double v) {
    BezTriple &key = key_of(p);
    const float delta = float(v) - key.co[i];
    key.handle_left[i] += delta;
    key.handle_right[i] += delta;
    key.co[i] = float(v);
  };
  key_point(def, "handle_right", &BezTriple::handle_right)
      .ui("Right Handle", "Right handle (frame, value)");
}

/** The Keyframe argument of remove(): it must be a key of this curve. */
int key_argument(const FunctionCall &call, size_t index)
{
  const PointerRNA *arg = std::get_if<PointerRNA>(&call.args[index]);
  const FCurve &fcu = curve_of(call.self);
  if (!arg || arg->data != call.self.data || arg->index < 0 ||
      size_t(arg->index) >= fcu.keyframe_points.size())
  {
    raise(ErrorKind::Runtime, "Keyframe not in F-Curve");
  }
  return int(arg->index);
}

void define_keyframe_points(BlenderRNA &rna, const StructRNA *key_type)
{
  D def = struct_<FCurve>(rna, "FCurveKeyframePoints");
  def.ui("Keyframe Points", "The keys of an F-curve");
  FunctionRNA &insert = def.function(
      "insert", "Add a key at a frame, or set the value of the key already there",
      [key_type](FunctionCall &call) {
        FCurve &fcu = curve_of(call.self);
        const uint32_t options = uint32_t(std::get<int64_t>(call.args[2]));
        const int index = kernel::fcurve_insert_keyframe(
            fcu, float(std::get<double>(call.args[0])), float(std::get<double>(call.args[1])),
            KeyframeType(std::get<int64_t>(call.args[3])), options & ~kernel::INSERTKEY_NEEDED);
        tag_animation(call.self);
        call.result = index < 0 ? PointerRNA{} :
                                  pointer_from_element(call.self, key_type, call.self.data, index);
      });
  parameter(insert, "frame", PropertyType::Float, nullptr, PARM_REQUIRED)
      .ui("", "Frame of the key");
  parameter(insert, "value", PropertyType::Float, nullptr, PARM_REQUIRED)
      .ui("", "Value of the key");
  parameter(insert, "options", PropertyType::Enum)
      .ui("", "REPLACE: only replace an existing key; NEEDED: no effect on a curve; FAST: do "
              "not recalculate handles")
      .items({item("REPLACE", "Replace", int(kernel::INSERTKEY_REPLACE)),
              item("NEEDED", "Needed", int(kernel::INSERTKEY_NEEDED)),
              item("FAST", "Fast", int(kernel::INSERTKEY_FAST))})
      .flag(PROP_ENUM_FLAG);
  parameter(insert, "keyframe_type", PropertyType::Enum)
      .ui("", "Type of the new key")
      .items(keyframe_type_items());
  parameter(insert, "keyframe", PropertyType::Pointer, key_type, PARM_OUTPUT)
      .ui("", "The new (or replaced) key");

  FunctionRNA &add = def.function("add", "Append keys at (0, 0), unsorted", [](FunctionCall &call) {
    kernel::fcurve_keys_add(curve_of(call.self), int(std::get<int64_t>(call.args[0])));
    tag_animation(call.self);
  });
  parameter(add, "count", PropertyType::Int, nullptr, PARM_REQUIRED)
      .ui("", "How many keys to add")
      .range(0, INT_HUGE)
      .default_value(1);

  FunctionRNA &remove = def.function("remove", "Remove a key", [](FunctionCall &call) {
    const int index = key_argument(call, 0);
    kernel::fcurve_key_remove(curve_of(call.self), index, !std::get<bool>(call.args[1]));
    tag_animation(call.self);
  });
  parameter(remove, "keyframe", PropertyType::Pointer, key_type, PARM_REQUIRED | PROP_NEVER_NULL)
      .ui("", "The key to remove");
  parameter(remove, "fast", PropertyType::Boolean)
      .ui("Fast", "Do not recalculate handles (call FCurve.update() afterwards)");

  def.function("clear", "Remove every key", [](FunctionCall &call) {
    kernel::fcurve_keys_clear(curve_of(call.self));
    tag_animation(call.self);
  });
}

void define_fcurve_properties(BlenderRNA &rna, const StructRNA *key_type)
{
  D def = struct_<FCurve>(rna, "FCurve");
  def.ui("F-Curve", "Values of one property over time, from keys, modifiers or a driver");
  def.srna()->path_internal = true; /* Blender gives F-curves no path */
  def.srna()->path = [](const PointerRNA &p) { return fcurve_path(p, &curve_of(p)); };

  def.enumeration("extrapolation", &FCurve::extrapolation,
                  {item("CONSTANT", "Constant", 0, "Hold the end keys' values"),
                   item("LINEAR", "Linear", 1, "Continue in the direction of the end keys")})
      .ui("Extrapolation", "What the curve does before its first and after its last key")
      .update(curve_changed);
  /* The driver's struct belongs to the drivers' declarations; declared when they are. */
  if (const StructRNA *driver_type = rna.find("Driver")) {
    def.pointer("driver", "Driver", [driver_type](const PointerRNA &p) {
         return pointer_from_data(p, driver_type, curve_of(p).driver.get());
       }).ui("Driver", "The curve's driver, for driver F-curves");
  }
  const StructRNA *group_type = rna.find("ActionGroup");
  def.pointer(
         "group", "ActionGroup",
         [group_type](const PointerRNA &p) {
           return pointer_from_data(p, group_type, curve_of(p).group);
         },
         [](const PointerRNA &p, const PointerRNA &value) {
           /* Only curves of an action can be grouped, with groups of the same action. */
           if (!p.owner_id || p.owner_id->type != dna::IDType::Action ||
               (!value.is_null() && value.owner_id != p.owner_id))
           {
             return;
           }
           auto &action = *reinterpret_cast<dna::Action *>(p.owner_id);
           auto *group = static_cast<dna::ActionGroup *>(value.data);
           if (group && action.groups.index_of(group) < 0) {
             return;
           }
           kernel::action_fcurve_set_group(action, curve_of(p), group);
         })
      .ui("Group", "The action group the curve is in");
  PropertyDef path = def.add("data_path", PropertyType::String);
  path.ui("Data Path", "Path of the property the curve animates, from its ID");
  path.get()->get_string = [](const PointerRNA &p) { return curve_of(p).data_path; };
  path.get()->set_string = [](const PointerRNA &p, std::string_view v) {
    FCurve &fcu = curve_of(p);
    fcu.data_path = std::string(v);
    fcu.flag &= ~dna::FCURVE_DISABLED; /* try the new path */
  };
  path.update([](Main &, const PointerRNA &p) { tag_animation(p); });
  def.integer("array_index", &FCurve::array_index)
      .ui("RNA Array Index", "Element of the property's array the curve animates")
      .subtype(PropertySubtype::Unsigned)
      .range(0, INT_HUGE)
      .soft_range(0, 10000)
      .update([](Main &, const PointerRNA &p) { tag_animation(p); });
  def.enumeration("color_mode", &FCurve::color_mode,
                  {item("AUTO_RAINBOW", "Auto Rainbow", 0, "Colors spread along the rainbow"),
                   item("AUTO_RGB", "Auto XYZ to RGB", 1, "X, Y, Z curves red, green, blue"),
                   item("AUTO_YRGB", "Auto WXYZ to YRGB", 3, "W yellow, then X, Y, Z as RGB"),
                   item("CUSTOM", "User Defined", 2, "The curve's own color")})
      .ui("Color Mode", "How the curve's display color is chosen");
  def.floats("color", &FCurve::color)
      .ui("Color", "Display color of the curve")
      .subtype(PropertySubtype::ColorGamma)
      .range(0, 1);
  def.bit("select", &FCurve::flag, dna::FCURVE_SELECTED).ui("Select", "The curve is selected");
  def.bit("lock", &FCurve::flag, dna::FCURVE_LOCKED).ui("Lock", "The curve cannot be edited");
  def.bit("mute", &FCurve::flag, dna::FCURVE_MUTED)
      .ui("Muted", "The curve does not animate its property")
      .update([](Main &, const PointerRNA &p) { tag_animation(p); });
  def.bit("hide", &FCurve::flag, dna::FCURVE_HIDDEN).ui("Hide", "The curve is not shown");
  def.enumeration("auto_smoothing", &FCurve::auto_smoothing,
                  {item("NONE", "None", 0, "Automatic handles only look at the next keys"),
                   item("CONT_ACCEL", "Continuous Acceleration", 1,
                        "Automatic handles keep the acceleration continuous")})
      .ui("Auto Handle Smoothing", "How automatic handles are smoothed")
      .update(curve_changed);
  def.bit("is_valid", &FCurve::flag, dna::FCURVE_DISABLED, true)
      .ui("Valid", "False when the path could not be resolved; set it to try again");
  PropertyDef empty = def.add("is_empty", PropertyType::Boolean);
  empty.ui("Empty", "The curve has no keys, no driver and no modifier that makes values")
      .read_only();
  empty.get()->get_bool = [](const PointerRNA &p, int) {
    return kernel::fcurve_is_empty(curve_of(p));
  };

  def.collection(
         "keyframe_points", "Keyframe",
         [](const PointerRNA &p) { return int64_t(curve_of(p).keyframe_points.size()); },
         [key_type](const PointerRNA &p, int64_t i) {
           return pointer_from_element(p, key_type, p.data, i);
         })
      .functions(rna.find("FCurveKeyframePoints"))
      .ui("Keyframes", "The curve's keys, by frame");
  const StructRNA *fmod = rna.find("FModifier");
  def.collection(
         "modifiers", "FModifier",
         [](const PointerRNA &p) { return curve_of(p).modifiers.size(); },
         [fmod](const PointerRNA &p, int64_t i) {
           return pointer_from_data(p, fmod, curve_of(p).modifiers.get(i));
         })
      .functions(rna.find("FCurveModifiers"))
      .ui("Modifiers", "Modifiers that change the curve's time or values, in order");
}

void define_fcurve_functions(BlenderRNA &rna)
{
  D def = struct_<FCurve>(rna, "FCurve");
  FunctionRNA &evaluate = def.function(
      "evaluate", "The curve's value at a frame", [](FunctionCall &call) {
        call.result = double(kernel::fcurve_evaluate(curve_of(call.self),
                                                     float(std::get<double>(call.args[0]))));
      });
  parameter(evaluate, "frame", PropertyType::Float, nullptr, PARM_REQUIRED)
      .ui("Frame", "Frame to evaluate at")
      .default_value(1);
  parameter(evaluate, "value", PropertyType::Float, nullptr, PARM_OUTPUT)
      .ui("Value", "The curve's value");

  def.function("update", "Sort the keys by frame and recalculate handles", [](FunctionCall &call) {
    kernel::fcurve_update(curve_of(call.self));
    tag_animation(call.self);
  });

  FunctionRNA &range = def.function("range", "Frames of the first and last keys",
                                    [](FunctionCall &call) {
                                      const auto [a, b] = kernel::fcurve_frame_range(
                                          curve_of(call.self));
                                      call.result = std::vector<double>{a, b};
                                    });
  PropertyDef out = parameter(range, "range", PropertyType::Float, nullptr, PARM_OUTPUT);
  out.ui("Range", "First and last frame").subtype(PropertySubtype::XYZ);
  out.get()->array_dimensions[0] = 2;
}

}  // namespace

void define_fcurves(BlenderRNA &rna)
{
  /* Shells first: F-curves and groups point at each other. */
  struct_<FCurve>(rna, "FCurve");
  struct_<dna::ActionGroup>(rna, "ActionGroup");
  define_keyframe(rna);
  const StructRNA *key_type = rna.find("Keyframe");
  define_keyframe_points(rna, key_type);
  define_fmodifiers(rna); /* FModifier and FCurveModifiers, for FCurve.modifiers */
  define_fcurve_properties(rna, key_type);
  define_fcurve_functions(rna);
}

}  // namespace whisk::rna
