// FModifier, refined by type to FModifierGenerator, FModifierCycles and FModifierNoise, and
// FCurveModifiers (FCurve.modifiers' new, remove and active). A modifier pointer holds the
// FModifier's address (stable in its OwnedVector); its curve is found through the owner.
// Types Whisk does not evaluate yet (FNGENERATOR, ENVELOPE, LIMITS, STEPPED) cannot be
// added: new() raises rather than make a modifier that silently does nothing.

#include "fcurve_common.hh"

namespace whisk::rna {
using namespace define;
using namespace defs;
using dna::FModifierType;

namespace {

using M = StructDef<FModifier>;

FCurve &owner_curve(const PointerRNA &p)
{
  FCurve *fcu = modifier_curve(p, static_cast<const FModifier *>(p.data));
  if (!fcu) {
    raise(ErrorKind::Reference, "StructRNA of type FModifier has been removed");
  }
  return *fcu;
}

/** After a change that may alter the curve's cyclic handles: recalculate them. */
void modifier_changed(Main &, const PointerRNA &p)
{
  if (FCurve *fcu = modifier_curve(p, static_cast<const FModifier *>(p.data))) {
    if (static_cast<const FModifier *>(p.data)->type == FModifierType::Cycles) {
      kernel::fcurve_handles_recalc(*fcu);
    }
  }
  tag_animation(p);
}

std::vector<EnumItem> type_items()
{
  return {item("NULL", "Invalid", 0, ""),
          item("GENERATOR", "Generator", 1, "Values of a polynomial of the frame"),
          item("FNGENERATOR", "Built-In Function", 2, "Values of a built-in function"),
          item("ENVELOPE", "Envelope", 3, "Reshape values between control points"),
          item("CYCLES", "Cycles", 4, "Repeat the keys before and after their range"),
          item("NOISE", "Noise", 5, "Add random variation"),
          item("LIMITS", "Limits", 8, "Clamp time and values"),
          item("STEPPED", "Stepped Interpolation", 9, "Hold values in steps")};
}

PropertyDef frame_setter(PropertyDef prop, bool start)
{
  /* Blender's frame limits; the other end follows so that start <= end. */
  prop.get()->set_float = [start](const PointerRNA &p, int, double v) {
    FModifier &m = M::data(p);
    const float value = float(std::clamp(v, -1048574.0, 1048574.0));
    if (start) {
      m.frame_start = value;
      m.frame_end = std::max(m.frame_end, value);
    }
    else {
      m.frame_end = value;
      m.frame_start = std::min(m.frame_start, value);
    }
  };
  return prop;
}

PropertyDef blend_setter(PropertyDef prop, float FModifier::*member)
{
  /* A blend lasts at most the whole range. */
  prop.get()->set_float = [member](const PointerRNA &p, int, double v) {
    FModifier &m = M::data(p);
    m.*member = std::clamp(float(v), 0.0f, std::max(m.frame_end - m.frame_start, 0.0f));
  };
  return prop;
}

void define_base(BlenderRNA &rna)
{
  M def = struct_<FModifier>(rna, "FModifier");
  def.ui("F-Modifier", "Changes an F-curve's time or values");
  def.srna()->path_internal = true; /* Blender gives modifiers no path */
  def.srna()->path = [](const PointerRNA &p) -> std::optional<std::string> {
    const auto *fcm = static_cast<const FModifier *>(p.data);
    FCurve *fcu = modifier_curve(p, fcm);
    std::optional<std::string> curve = fcu ? fcurve_path(p, fcu) : std::nullopt;
    if (!curve) {
      return std::nullopt;
    }
    return *curve + ".modifiers[" + std::to_string(fcu->modifiers.index_of(fcm)) + "]";
  };
  def.enumeration("type", &FModifier::type, type_items())
      .ui("Type", "What the modifier does")
      .read_only();
  def.boolean("show_expanded", &FModifier::show_expanded)
      .ui("Expanded", "Show the modifier's settings in the interface");
  def.boolean("mute", &FModifier::mute)
      .ui("Enabled", "The modifier has no effect while muted")
      .update(modifier_changed);
  PropertyDef valid = def.add("is_valid", PropertyType::Boolean);
  valid.ui("Disabled", "False when the modifier cannot work where it is (Cycles not first)")
      .read_only();
  valid.get()->get_bool = [](const PointerRNA &p, int) {
    return kernel::fmodifier_is_valid(owner_curve(p), M::data(p));
  };
  PropertyDef active = def.boolean("active", &FModifier::active);
  active.ui("Active", "The modifier the interface edits; setting it makes it the only active one");
  active.get()->set_bool = [](const PointerRNA &p, int, bool) {
    /* Never switched off directly: another modifier becoming active does that. */
    kernel::fcurve_modifier_set_active(owner_curve(p), &M::data(p));
  };
  def.boolean("use_restricted_range", &FModifier::use_restricted_range)
      .ui("Restrict Frame Range", "Only act between frame_start and frame_end")
      .update(modifier_changed);
  frame_setter(def.floats("frame_start", &FModifier::frame_start), true)
      .ui("Start Frame", "First frame of the restricted range")
      .update(modifier_changed);
  frame_setter(def.floats("frame_end", &FModifier::frame_end), false)
      .ui("End Frame", "Last frame of the restricted range")
      .update(modifier_changed);
  blend_setter(def.floats("blend_in", &FModifier::blend_in), &FModifier::blend_in)
      .ui("Blend In", "Frames over which the influence rises at the range's start")
      .update(modifier_changed);
  blend_setter(def.floats("blend_out", &FModifier::blend_out), &FModifier::blend_out)
      .ui("Blend Out", "Frames over which the influence falls at the range's end")
      .update(modifier_changed);
  def.boolean("use_influence", &FModifier::use_influence)
      .ui("Use Influence", "Blend the modifier's result with its input by the influence")
      .update(modifier_changed);
  def.floats("influence", &FModifier::influence)
      .ui("Influence", "How much of the modifier's result is used")
      .subtype(PropertySubtype::Factor)
      .range(0, 1)
      .default_value(1)
      .update(modifier_changed);
}

void define_generator(BlenderRNA &rna)
{
  M def = struct_<FModifier>(rna, "FModifierGenerator", "FModifier");
  def.ui("Generator F-Modifier", "Values of a polynomial of the frame");
  PropertyDef additive = def.add("use_additive", PropertyType::Boolean);
  additive.ui("Additive", "Add the polynomial to the curve's value instead of replacing it");
  additive.get()->get_bool = [](const PointerRNA &p, int) {
    return M::data(p).generator.use_additive;
  };
  additive.get()->set_bool = [](const PointerRNA &p, int, bool v) {
    M::data(p).generator.use_additive = v;
  };
  additive.update(modifier_changed);
  PropertyDef mode = def.add("mode", PropertyType::Enum);
  mode.ui("Mode", "How the coefficients make the polynomial")
      .items({item("POLYNOMIAL", "Expanded Polynomial", 0, "Sum of c[i] * frame^i"),
              item("POLYNOMIAL_FACTORISED", "Factorized Polynomial", 1,
                   "Product of (c[2i] * frame + c[2i+1])")});
  mode.get()->get_enum = [](const PointerRNA &p) { return int(M::data(p).generator.mode); };
  mode.get()->set_enum = [](const PointerRNA &p, int v) {
    M::data(p).generator.mode = dna::FModifierGeneratorMode(v);
    kernel::fmodifier_generator_verify(M::data(p));
  };
  mode.update(modifier_changed);
  PropertyDef order = def.add("poly_order", PropertyType::Int);
  order.ui("Polynomial Order", "Highest power of the frame").range(1, 100);
  order.get()->get_int = [](const PointerRNA &p, int) {
    return int64_t(M::data(p).generator.poly_order);
  };
  order.get()->set_int = [](const PointerRNA &p, int, int64_t v) {
    M::data(p).generator.poly_order = int32_t(v);
    kernel::fmodifier_generator_verify(M::data(p));
  };
  order.update(modifier_changed);
  PropertyDef co = def.add("coefficients", PropertyType::Float);
  co.ui("Coefficients", "The polynomial's coefficients (order + 1, or two per factor)");
  co.get()->array_dimensions[0] = 32;
  co.get()->dynamic_length = [](const PointerRNA &p) {
    return int(M::data(p).generator.coefficients.size());
  };
  co.get()->get_float = [](const PointerRNA &p, int i) {
    const std::vector<float> &c = M::data(p).generator.coefficients;
    return size_t(i) < c.size() ? double(c[size_t(i)]) : 0.0;
  };
  co.get()->set_float = [](const PointerRNA &p, int i, double v) {
    std::vector<float> &c = M::data(p).generator.coefficients;
    if (size_t(i) < c.size()) {
      c[size_t(i)] = float(v);
    }
  };
  co.update(modifier_changed);
}

/** A float or int16 setting of a modifier type's own data. */
template<typename S, typename V>
PropertyDef sub_number(M &def, const char *id, PropertyType type, S FModifier::*sub, V S::*member)
{
  PropertyDef prop = def.add(id, type);
  if (type == PropertyType::Float) {
    prop.get()->get_float = [=](const PointerRNA &p, int) { return double(M::data(p).*sub.*member); };
    prop.get()->set_float = [=](const PointerRNA &p, int, double v) { M::data(p).*sub.*member = V(v); };
  }
  else {
    prop.get()->get_int = [=](const PointerRNA &p, int) { return int64_t(M::data(p).*sub.*member); };
    prop.get()->set_int = [=](const PointerRNA &p, int, int64_t v) { M::data(p).*sub.*member = V(v); };
  }
  prop.update(modifier_changed);
  return prop;
}

template<typename S, typename V>
PropertyDef sub_enum(M &def, const char *id, S FModifier::*sub, V S::*member,
                     std::vector<EnumItem> items)
{
  PropertyDef prop = def.add(id, PropertyType::Enum);
  prop.items(std::move(items));
  prop.get()->get_enum = [=](const PointerRNA &p) { return int(M::data(p).*sub.*member); };
  prop.get()->set_enum = [=](const PointerRNA &p, int v) { M::data(p).*sub.*member = V(v); };
  prop.update(modifier_changed);
  return prop;
}

void define_cycles(BlenderRNA &rna)
{
  using C = FModifier::Cycles;
  M def = struct_<FModifier>(rna, "FModifierCycles", "FModifier");
  def.ui("Cycles F-Modifier", "Repeats the keys before the first and after the last");
  auto modes = [] {
    return std::vector<EnumItem>{
        item("NONE", "No Cycles", 0, "The curve's own extrapolation"),
        item("REPEAT", "Repeat Motion", 1, "Repeat the keys"),
        item("REPEAT_OFFSET", "Repeat with Offset", 2, "Repeat, each cycle continuing the last"),
        item("MIRROR", "Repeat Mirrored", 3, "Repeat, every other cycle backwards")};
  };
  sub_enum(def, "mode_before", &FModifier::cycles, &C::mode_before, modes())
      .ui("Before Mode", "Cycling before the first key");
  sub_number(def, "cycles_before", PropertyType::Int, &FModifier::cycles, &C::cycles_before)
      .ui("Before Cycles", "Number of cycles before the keys; 0 for no limit")
      .range(-32768, 32767);
  sub_enum(def, "mode_after", &FModifier::cycles, &C::mode_after, modes())
      .ui("After Mode", "Cycling after the last key");
  sub_number(def, "cycles_after", PropertyType::Int, &FModifier::cycles, &C::cycles_after)
      .ui("After Cycles", "Number of cycles after the keys; 0 for no limit")
      .range(-32768, 32767);
}

void define_noise(BlenderRNA &rna)
{
  using N = FModifier::Noise;
  M def = struct_<FModifier>(rna, "FModifierNoise", "FModifier");
  def.ui("Noise F-Modifier", "Adds random variation (Whisk's noise: values differ from "
                             "Blender's)");
  sub_enum(def, "blend_type", &FModifier::noise, &N::blend_type,
           {item("REPLACE", "Replace", 0, "Noise centred on the curve"),
            item("ADD", "Add", 1, "Add the noise"),
            item("SUBTRACT", "Subtract", 2, "Subtract the noise"),
            item("MULTIPLY", "Multiply", 3, "Multiply by the noise")})
      .ui("Blend Type", "How the noise combines with the curve");
  sub_number(def, "scale", PropertyType::Float, &FModifier::noise, &N::scale)
      .ui("Scale", "Size of the noise's features, in frames");
  sub_number(def, "strength", PropertyType::Float, &FModifier::noise, &N::strength)
      .ui("Strength", "Amplitude of the noise");
  sub_number(def, "phase", PropertyType::Float, &FModifier::noise, &N::phase)
      .ui("Phase", "Picks another stretch of the noise");
  sub_number(def, "offset", PropertyType::Float, &FModifier::noise, &N::offset)
      .ui("Offset", "Shifts the noise in time");
  sub_number(def, "depth", PropertyType::Int, &FModifier::noise, &N::depth)
      .ui("Depth", "Extra octaves of finer detail")
      .subtype(PropertySubtype::Unsigned)
      .range(0, 32767);
}

void define_collection_functions(BlenderRNA &rna)
{
  const StructRNA *fmod = rna.find("FModifier");
  StructDef<FCurve> def = struct_<FCurve>(rna, "FCurveModifiers");
  def.ui("F-Curve Modifiers", "The modifiers of an F-curve");
  FunctionRNA &add = def.function("new", "Add a modifier", [fmod](FunctionCall &call) {
    const auto type = FModifierType(std::get<int64_t>(call.args[0]));
    if (type != FModifierType::Null && type != FModifierType::Generator &&
        type != FModifierType::Cycles && type != FModifierType::Noise)
    {
      raise(ErrorKind::Runtime, "FCurveModifiers.new(): modifier type '",
            type_items()[size_t(type) <= 5 ? size_t(type) : size_t(type) - 2].identifier,
            "' is not supported by Whisk yet");
    }
    FModifier *fcm = kernel::fcurve_modifier_add(curve_of(call.self), type);
    tag_animation(call.self);
    call.result = pointer_from_data(call.self, fmod, fcm);
  });
  parameter(add, "fmodifier", PropertyType::Pointer, fmod, PARM_OUTPUT).ui("", "The new modifier");
  parameter(add, "type", PropertyType::Enum, nullptr, PARM_REQUIRED)
      .ui("", "Type of the modifier")
      .items(type_items())
      .default_value(1);
  FunctionRNA &remove = def.function("remove", "Remove a modifier", [](FunctionCall &call) {
    const PointerRNA *arg = std::get_if<PointerRNA>(&call.args[0]);
    if (!arg || !kernel::fcurve_modifier_remove(curve_of(call.self),
                                                static_cast<const FModifier *>(arg->data)))
    {
      raise(ErrorKind::Runtime, "F-Curve modifier not found in F-Curve");
    }
    tag_animation(call.self);
  });
  parameter(remove, "modifier", PropertyType::Pointer, fmod, PARM_REQUIRED | PROP_NEVER_NULL)
      .ui("", "The modifier to remove");
  def.pointer(
         "active", "FModifier",
         [fmod](const PointerRNA &p) {
           return pointer_from_data(p, fmod, kernel::fcurve_modifier_active(curve_of(p)));
         },
         [](const PointerRNA &p, const PointerRNA &value) {
           FCurve &fcu = curve_of(p);
           auto *fcm = static_cast<FModifier *>(value.data);
           if (!fcm || fcu.modifiers.index_of(fcm) >= 0) {
             kernel::fcurve_modifier_set_active(fcu, fcm);
           }
         })
      .ui("Active F-Curve Modifier", "The modifier the interface edits");
}

}  // namespace

namespace defs {
void define_fmodifiers(BlenderRNA &rna)
{
  define_base(rna);
  define_generator(rna);
  define_cycles(rna);
  define_noise(rna);
  const StructRNA *generator = rna.find("FModifierGenerator");
  const StructRNA *cycles = rna.find("FModifierCycles");
  const StructRNA *noise = rna.find("FModifierNoise");
  rna.find_mutable("FModifier")->refine = [=](const PointerRNA &p) -> const StructRNA * {
    switch (static_cast<const FModifier *>(p.data)->type) {
      case FModifierType::Generator: return generator;
      case FModifierType::Cycles: return cycles;
      case FModifierType::Noise: return noise;
      default: return nullptr;
    }
  };
  define_collection_functions(rna);
}
}  // namespace defs

}  // namespace whisk::rna
