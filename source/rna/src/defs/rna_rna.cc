// RNA describing RNA: the `Struct`, `Property` (refined to BoolProperty, IntProperty,
// FloatProperty, StringProperty, EnumProperty, PointerProperty, CollectionProperty),
// `Function` and `EnumPropertyItem` types, so that `bpy.types.Object.bl_rna` and
// `bl_rna.properties["location"]` read through the generic access API like any data.
//
// The data of these pointers are the process-wide StructRNA, PropertyRNA, FunctionRNA and
// EnumItem objects; owner_id and main are null. Every property is read-only, as in
// Blender. Names, descriptions, enum items and their values follow Blender 3.4.
//
// Where Whisk and Blender differ:
// - `rna_type`: Blender declares an `rna_type` pointer on every struct. Whisk does not put
//   it in StructRNA::properties (the Python layer answers `x.rna_type` itself), but
//   `Struct.properties` lists one shared `rna_type` property first and finds it by key,
//   as Blender's does (see rna_type_property()).
// - Dynamic enums (enum_items_fn) need the data they describe, which a Property has not:
//   `enum_items` lists their static items (often none), like `enum_items_static`.
// - `icon` is always 'NONE' and lists only that item (Whisk has no icons).
// - Flags Whisk has no concept of read False: is_overridable (no library overrides),
//   is_library_editable (linked data is never editable), is_hidden, is_skip_save (no
//   presets), is_argument_optional, is_registered(_optional) (no registrable classes),
//   is_path_output. Functions: use_self True, use_self_type False (Whisk has no static
//   or class-method RNA functions).
// - Strings are never None (is_never_none), as in Blender.

#include <array>

#include "defs.hh"

namespace whisk::rna {
using namespace define;
using defs::item;

namespace {

/** Blender's own limit for `default_array` and `array_dimensions`
 * (RNA_MAX_ARRAY_DIMENSION); the real length is dynamic. */
constexpr int MAX_ARRAY_DIMENSION = 3;

/** Blender's translation context of every struct and property. */
constexpr const char *DEFAULT_TRANSLATION_CONTEXT = "*";

/* Items of Property.type, .subtype and .unit, with Blender's values (subtype values carry
 * their unit in the upper bits, as Blender's do). */
std::vector<EnumItem> type_items()
{
  return {item("BOOLEAN", "Boolean", 0), item("INT", "Integer", 1),
          item("FLOAT", "Float", 2),     item("STRING", "String", 3),
          item("ENUM", "Enumeration", 4), item("POINTER", "Pointer", 5),
          item("COLLECTION", "Collection", 6)};
}

std::vector<EnumItem> subtype_items()
{
  return {
      item("NONE", "None", 0),
      item("FILE_PATH", "File Path", 1),
      item("DIR_PATH", "Directory Path", 2),
      item("FILE_NAME", "File Name", 3),
      item("BYTE_STRING", "Byte String", 4),
      item("PASSWORD", "Password", 6, "A string that is displayed hidden ('********')"),
      item("PIXEL", "Pixel", 12),
      item("UNSIGNED", "Unsigned", 13),
      item("PERCENTAGE", "Percentage", 14),
      item("FACTOR", "Factor", 15),
      item("ANGLE", "Angle", 327696),
      item("TIME", "Time (Scene Relative)", 393233,
           "Time specified in frames, converted to seconds based on scene frame rate"),
      item("TIME_ABSOLUTE", "Time (Absolute)", 458769,
           "Time specified in seconds, independent of the scene"),
      item("DISTANCE", "Distance", 65554),
      item("DISTANCE_CAMERA", "Camera Distance", 655379),
      item("POWER", "Power", 720938),
      item("TEMPERATURE", "Temperature", 786475),
      item("COLOR", "Color", 20),
      item("TRANSLATION", "Translation", 65557),
      item("DIRECTION", "Direction", 22),
      item("VELOCITY", "Velocity", 524311),
      item("ACCELERATION", "Acceleration", 589848),
      item("MATRIX", "Matrix", 25),
      item("EULER", "Euler Angles", 327706),
      item("QUATERNION", "Quaternion", 27),
      item("AXISANGLE", "Axis-Angle", 28),
      item("XYZ", "XYZ", 29),
      item("XYZ_LENGTH", "XYZ Length", 65565),
      item("COLOR_GAMMA", "Color", 30),
      item("COORDINATES", "Coordinates", 31),
      item("LAYER", "Layer", 40),
      item("LAYER_MEMBER", "Layer Member", 41),
  };
}

std::vector<EnumItem> unit_items()
{
  return {
      item("NONE", "None", 0),
      item("LENGTH", "Length", 65536),
      item("AREA", "Area", 131072),
      item("VOLUME", "Volume", 196608),
      item("ROTATION", "Rotation", 327680),
      item("TIME", "Time (Scene Relative)", 393216),
      item("TIME_ABSOLUTE", "Time (Absolute)", 458752),
      item("VELOCITY", "Velocity", 524288),
      item("ACCELERATION", "Acceleration", 589824),
      item("MASS", "Mass", 262144),
      item("CAMERA", "Camera", 655360),
      item("POWER", "Power", 720896),
      item("TEMPERATURE", "Temperature", 786432),
  };
}

/** The value of the item named `identifier`; raises when there is none (a Whisk subtype
 * or unit missing from Blender's list is a declaration bug). */
int item_value(const std::vector<EnumItem> &items, const char *identifier)
{
  for (const EnumItem &entry : items) {
    if (entry.identifier == identifier) {
      return entry.value;
    }
  }
  raise(ErrorKind::Runtime, "RNA: no Blender enum item for ", identifier);
}

std::vector<EnumItem> icon_items() { return {item("NONE", "", 0)}; }

/** The types whose pointers describe RNA, looked up once the registry is built. */
struct RnaTypes {
  const StructRNA *struct_type = nullptr;
  const StructRNA *function = nullptr;
  const StructRNA *enum_item = nullptr;
  /** By PropertyType. */
  const StructRNA *property[7] = {};
};

const RnaTypes &rna_types()
{
  static const RnaTypes types = [] {
    const BlenderRNA &rna = blender_rna();
    RnaTypes t;
    t.struct_type = rna.find("Struct");
    t.function = rna.find("Function");
    t.enum_item = rna.find("EnumPropertyItem");
    const char *names[] = {"BoolProperty", "IntProperty",     "FloatProperty",
                           "StringProperty", "EnumProperty", "PointerProperty",
                           "CollectionProperty"};
    for (int i = 0; i < 7; i++) {
      t.property[i] = rna.find(names[i]);
    }
    return t;
  }();
  return types;
}

PointerRNA pointer_from_function_rna(const FunctionRNA *func)
{
  if (!func) {
    return {};
  }
  return {nullptr, nullptr, rna_types().function, const_cast<FunctionRNA *>(func)};
}

PointerRNA pointer_from_enum_item(const EnumItem *entry)
{
  return {nullptr, nullptr, rna_types().enum_item, const_cast<EnumItem *>(entry)};
}

/** Functions of a struct and its bases, base types first (Blender's order). */
std::vector<const FunctionRNA *> all_functions(const StructRNA &srna)
{
  std::vector<const StructRNA *> chain;
  for (const StructRNA *s = &srna; s; s = s->base) {
    chain.push_back(s);
  }
  std::vector<const FunctionRNA *> result;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    for (const auto &func : (*it)->functions) {
      result.push_back(func.get());
    }
  }
  return result;
}

/* ---- Read-only property helpers ---- */

template<typename T, typename Get>
PropertyDef ro_string(StructDef<T> &def, const char *identifier, const char *name,
                      const char *description, Get get)
{
  PropertyDef prop = def.add(identifier, PropertyType::String);
  prop.ui(name, description).read_only();
  prop.get()->get_string = [get](const PointerRNA &p) {
    return std::string(get(StructDef<T>::data(p)));
  };
  return prop;
}

template<typename T, typename Get>
PropertyDef ro_bool(StructDef<T> &def, const char *identifier, const char *name,
                    const char *description, Get get)
{
  PropertyDef prop = def.add(identifier, PropertyType::Boolean);
  prop.ui(name, description).read_only();
  prop.get()->get_bool = [get](const PointerRNA &p, int) {
    return bool(get(StructDef<T>::data(p)));
  };
  return prop;
}

/** An integer; `unsign` gives Blender's PROP_UNSIGNED range (0 to INT_MAX). */
template<typename T, typename Get>
PropertyDef ro_int(StructDef<T> &def, const char *identifier, const char *name,
                   const char *description, bool unsign, Get get)
{
  PropertyDef prop = def.add(identifier, PropertyType::Int);
  prop.ui(name, description).read_only();
  if (unsign) {
    prop.subtype(PropertySubtype::Unsigned).range(0, INT_HUGE).soft_range(0, 10000);
  }
  prop.get()->get_int = [get](const PointerRNA &p, int) {
    return int64_t(get(StructDef<T>::data(p)));
  };
  return prop;
}

template<typename T, typename Get>
PropertyDef ro_float(StructDef<T> &def, const char *identifier, const char *name,
                     const char *description, Get get)
{
  PropertyDef prop = def.add(identifier, PropertyType::Float);
  prop.ui(name, description).read_only();
  prop.get()->get_float = [get](const PointerRNA &p, int) {
    return double(get(StructDef<T>::data(p)));
  };
  return prop;
}

template<typename T, typename Get>
PropertyDef ro_enum(StructDef<T> &def, const char *identifier, const char *name,
                    const char *description, std::vector<EnumItem> items, Get get)
{
  PropertyDef prop = def.add(identifier, PropertyType::Enum);
  prop.ui(name, description).items(std::move(items)).read_only();
  prop.get()->get_enum = [get](const PointerRNA &p) { return int(get(StructDef<T>::data(p))); };
  return prop;
}

/* ---- Struct ---- */

void define_struct(BlenderRNA &rna)
{
  using D = StructDef<StructRNA>;
  D def = struct_<StructRNA>(rna, "Struct");
  def.ui("Struct Definition", "RNA structure definition");

  ro_string(def, "name", "Name", "Human readable name",
            [](const StructRNA &s) { return s.name; });
  PropertyRNA *identifier = ro_string(def, "identifier", "Identifier",
                                      "Unique name used in the code and scripting",
                                      [](const StructRNA &s) { return s.identifier; })
                                .get();
  def.srna()->name_property = identifier;
  ro_string(def, "description", "Description", "Description of the Struct's purpose",
            [](const StructRNA &s) { return s.description; });
  ro_string(def, "translation_context", "Translation Context",
            "Translation context of the struct's name",
            [](const StructRNA &) { return DEFAULT_TRANSLATION_CONTEXT; });
  def.pointer("base", "Struct",
              [](const PointerRNA &p) { return pointer_from_struct_rna(D::data(p).base); })
      .ui("Base", "Struct definition this is derived from");
  def.pointer("nested", "Struct", [](const PointerRNA &) { return PointerRNA{}; })
      .ui("Nested",
          "Struct in which this struct is always nested, and to which it logically belongs");
  def.pointer("name_property", "StringProperty",
              [](const PointerRNA &p) {
                const PropertyRNA *prop = D::data(p).name_property;
                /* Only a string names items; Blender's fixed type says so too. */
                return prop && prop->type == PropertyType::String ?
                           pointer_from_property_rna(prop) :
                           PointerRNA{};
              })
      .ui("Name Property", "Property that gives the name of the struct");

  /* Every property, inherited ones first, after Blender's `rna_type`. */
  def.collection(
         "properties", "Property",
         [](const PointerRNA &p) { return int64_t(D::data(p).all_properties().size()) + 1; },
         [](const PointerRNA &p, int64_t i) {
           if (i == 0) {
             return pointer_from_property_rna(&rna_type_property());
           }
           return pointer_from_property_rna(D::data(p).all_properties().at(size_t(i - 1)));
         },
         [](const PointerRNA &p, std::string_view key) -> std::optional<PointerRNA> {
           if (key == "rna_type") {
             return pointer_from_property_rna(&rna_type_property());
           }
           if (const PropertyRNA *prop = D::data(p).find_property(key)) {
             return pointer_from_property_rna(prop);
           }
           return std::nullopt;
         })
      .ui("Properties", "Properties in the struct");
  def.collection(
         "functions", "Function",
         [](const PointerRNA &p) { return int64_t(all_functions(D::data(p)).size()); },
         [](const PointerRNA &p, int64_t i) {
           return pointer_from_function_rna(all_functions(D::data(p)).at(size_t(i)));
         },
         [](const PointerRNA &p, std::string_view key) -> std::optional<PointerRNA> {
           if (const FunctionRNA *func = D::data(p).find_function(key)) {
             return pointer_from_function_rna(func);
           }
           return std::nullopt;
         })
      .ui("Functions", "");
  /* Whisk declares no property tags. */
  def.collection(
         "property_tags", "EnumPropertyItem", [](const PointerRNA &) { return int64_t(0); },
         [](const PointerRNA &, int64_t) { return PointerRNA{}; })
      .ui("Property Tags", "Tags that properties can use to influence behavior");
}

/* ---- Property and its refinements ---- */

void define_property(BlenderRNA &rna)
{
  using D = StructDef<PropertyRNA>;
  D def = struct_<PropertyRNA>(rna, "Property");
  def.ui("Property Definition", "RNA property definition");
  def.srna()->refine = [](const PointerRNA &p) {
    return rna_types().property[int(D::data(p).type)];
  };

  ro_string(def, "name", "Name", "Human readable name",
            [](const PropertyRNA &prop) { return prop.name; });
  PropertyRNA *identifier = ro_string(def, "identifier", "Identifier",
                                      "Unique name used in the code and scripting",
                                      [](const PropertyRNA &prop) { return prop.identifier; })
                                .get();
  def.srna()->name_property = identifier;
  ro_string(def, "description", "Description", "Description of the property for tooltips",
            [](const PropertyRNA &prop) { return prop.description; });
  ro_string(def, "translation_context", "Translation Context",
            "Translation context of the property's name",
            [](const PropertyRNA &) { return DEFAULT_TRANSLATION_CONTEXT; });
  ro_enum(def, "type", "Type", "Data type of the property", type_items(),
          [](const PropertyRNA &prop) { return int(prop.type); });

  /* Whisk's subtype and unit enums are dense; Blender's values are not. */
  static const std::vector<EnumItem> subtypes = subtype_items();
  static const std::vector<EnumItem> units = unit_items();
  static const auto subtype_values = [] {
    std::array<int, size_t(PropertySubtype::LayerMember) + 1> values{};
    for (size_t i = 0; i < values.size(); i++) {
      values[i] = item_value(subtypes, property_subtype_name(PropertySubtype(i)));
    }
    return values;
  }();
  static const auto unit_values = [] {
    std::array<int, size_t(PropertyUnit::Temperature) + 1> values{};
    for (size_t i = 0; i < values.size(); i++) {
      values[i] = item_value(units, property_unit_name(PropertyUnit(i)));
    }
    return values;
  }();
  ro_enum(def, "subtype", "Subtype", "Semantic interpretation of the property", subtypes,
          [](const PropertyRNA &prop) { return subtype_values[size_t(prop.subtype)]; });
  def.pointer("srna", "Struct", [](const PointerRNA &) { return PointerRNA{}; })
      .ui("Base", "Struct definition used for properties assigned to this item");
  ro_enum(def, "unit", "Unit", "Type of units for this property", units,
          [](const PropertyRNA &prop) { return unit_values[size_t(prop.unit)]; });
  ro_enum(def, "icon", "Icon", "Icon of the item", icon_items(),
          [](const PropertyRNA &) { return 0; });

  struct Flag {
    const char *identifier, *name, *description;
    bool (*get)(const PropertyRNA &);
  };
  static const Flag flags[] = {
      {"is_readonly", "Read Only", "Property is editable through RNA",
       [](const PropertyRNA &prop) { return !prop.is_editable(); }},
      {"is_animatable", "Animatable", "Property is animatable through RNA",
       [](const PropertyRNA &prop) { return prop.is_animatable(); }},
      {"is_overridable", "Overridable", "Property is overridable through RNA",
       [](const PropertyRNA &) { return false; }},
      {"is_required", "Required",
       "False when this property is an optional argument in an RNA function",
       [](const PropertyRNA &prop) { return bool(prop.flag & PARM_REQUIRED); }},
      {"is_argument_optional", "Optional Argument",
       "True when the property is optional in a Python function implementing an RNA function",
       [](const PropertyRNA &) { return false; }},
      {"is_never_none", "Never None", "True when this value can't be set to None",
       [](const PropertyRNA &prop) {
         return bool(prop.flag & PROP_NEVER_NULL) || prop.type == PropertyType::String;
       }},
      {"is_hidden", "Hidden", "True when the property is hidden",
       [](const PropertyRNA &) { return false; }},
      {"is_skip_save", "Skip Save", "True when the property is not saved in presets",
       [](const PropertyRNA &) { return false; }},
      {"is_output", "Return", "True when this property is an output value from an RNA function",
       [](const PropertyRNA &prop) { return bool(prop.flag & PARM_OUTPUT); }},
      {"is_registered", "Registered", "Property is registered as part of type registration",
       [](const PropertyRNA &) { return false; }},
      {"is_registered_optional", "Registered Optionally",
       "Property is optionally registered as part of type registration",
       [](const PropertyRNA &) { return false; }},
      {"is_runtime", "Runtime", "Property has been dynamically created at runtime",
       [](const PropertyRNA &prop) { return bool(prop.flag & PROP_RUNTIME); }},
      {"is_enum_flag", "Enum Flag", "True when multiple enums ",
       [](const PropertyRNA &prop) { return prop.is_enum_flag(); }},
      {"is_library_editable", "Library Editable",
       "Property is editable from linked instances (changes not saved)",
       [](const PropertyRNA &) { return false; }},
      {"is_path_output", "Path Output", "Property is a filename, filepath or directory output",
       [](const PropertyRNA &) { return false; }},
  };
  for (const Flag &flag : flags) {
    ro_bool(def, flag.identifier, flag.name, flag.description, flag.get);
  }
  /* Whisk declares no property tags: an empty flag set. */
  ro_enum(def, "tags", "Tags",
          "Subset of tags (defined in parent struct) that are set for this property", {},
          [](const PropertyRNA &) { return 0; })
      .flag(PROP_ENUM_FLAG);
}

/** Length of a described property's default array: 0 for scalars and for arrays whose
 * length depends on the data. */
int default_array_length(const PropertyRNA &prop)
{
  /* Dynamic arrays report their declared (maximum or usual) length, as Blender's do. */
  return prop.array_length();
}

/** `default_array`, `array_length`, `array_dimensions` and `is_array` of Bool, Int and
 * Float properties. `element` is the default of element i. */
template<typename Element>
void define_array_part(StructDef<PropertyRNA> &def, PropertyType type, Element element)
{
  using D = StructDef<PropertyRNA>;
  PropertyDef defaults = def.add("default_array", type);
  defaults.ui("Default Array", "Default value for this array").read_only();
  PropertyRNA *prop = defaults.get();
  prop->array_dimensions[0] = MAX_ARRAY_DIMENSION;
  prop->dynamic_length = [](const PointerRNA &p) { return default_array_length(D::data(p)); };
  if (type == PropertyType::Boolean) {
    prop->get_bool = [element](const PointerRNA &p, int i) {
      return bool(element(D::data(p), i));
    };
  }
  else if (type == PropertyType::Int) {
    prop->get_int = [element](const PointerRNA &p, int i) {
      return int64_t(element(D::data(p), i));
    };
  }
  else {
    prop->get_float = [element](const PointerRNA &p, int i) {
      return double(element(D::data(p), i));
    };
  }

  ro_int(def, "array_length", "Array Length", "Maximum length of the array, 0 means unlimited",
         true, [](const PropertyRNA &p) { return default_array_length(p); });
  PropertyRNA *dims = ro_int(def, "array_dimensions", "Array Dimensions",
                             "Length of each dimension of the array", true,
                             [](const PropertyRNA &) { return 0; })
                          .get();
  dims->array_dimensions[0] = MAX_ARRAY_DIMENSION;
  dims->get_int = [](const PointerRNA &p, int i) {
    /* Two-dimensional arrays are stored as {columns, rows}; Blender lists the dimension
     * Python indexes first (rows) first. */
    const PropertyRNA &prop = D::data(p);
    if (prop.array_dimensions[1] > 0 && prop.array_dimensions[2] == 0 && i < 2) {
      return int64_t(prop.array_dimensions[1 - i]);
    }
    return int64_t(prop.array_dimensions[i]);
  };
  ro_bool(def, "is_array", "Is Array", "", [](const PropertyRNA &p) {
    return p.is_array() || bool(p.dynamic_length);
  });
}

/** Element i of a number array's default: default_array, or default_number repeated. */
double number_default_element(const PropertyRNA &prop, int i)
{
  if (size_t(i) < prop.default_array.size()) {
    return prop.default_array[size_t(i)];
  }
  return prop.default_number;
}

/** hard_min ... soft_max and step, for Int (`type` Int) and Float properties. */
void define_range_part(StructDef<PropertyRNA> &def, PropertyType type)
{
  struct Limit {
    const char *identifier, *name, *description;
    double PropertyRNA::*member;
  };
  static const Limit limits[] = {
      {"hard_min", "Hard Minimum", "Minimum value used by buttons", &PropertyRNA::hard_min},
      {"hard_max", "Hard Maximum", "Maximum value used by buttons", &PropertyRNA::hard_max},
      {"soft_min", "Soft Minimum", "Minimum value used by buttons", &PropertyRNA::soft_min},
      {"soft_max", "Soft Maximum", "Maximum value used by buttons", &PropertyRNA::soft_max},
  };
  for (const Limit &limit : limits) {
    auto member = limit.member;
    auto get = [member](const PropertyRNA &prop) { return prop.*member; };
    if (type == PropertyType::Int) {
      ro_int(def, limit.identifier, limit.name, limit.description, false, get);
    }
    else {
      ro_float(def, limit.identifier, limit.name, limit.description, get);
    }
  }
  const char *step_description =
      "Step size used by number buttons, for floats 1/100th of the step size";
  auto step = [](const PropertyRNA &prop) { return prop.step; };
  if (type == PropertyType::Int) {
    ro_int(def, "step", "Step", step_description, true, step);
  }
  else {
    ro_float(def, "step", "Step", step_description, step)
        .subtype(PropertySubtype::Unsigned)
        .range(0, FLT_HUGE)
        .soft_range(0, 10000);
  }
}

void define_bool_property(BlenderRNA &rna)
{
  StructDef<PropertyRNA> def = struct_<PropertyRNA>(rna, "BoolProperty", "Property");
  def.ui("Boolean Definition", "RNA boolean property definition");
  ro_bool(def, "default", "Default", "Default value for this number",
          [](const PropertyRNA &prop) { return prop.default_bool; });
  define_array_part(def, PropertyType::Boolean, [](const PropertyRNA &prop, int i) {
    return size_t(i) < prop.default_array.size() ? prop.default_array[size_t(i)] != 0 :
                                                   prop.default_bool;
  });
}

void define_int_property(BlenderRNA &rna)
{
  StructDef<PropertyRNA> def = struct_<PropertyRNA>(rna, "IntProperty", "Property");
  def.ui("Int Definition", "RNA integer number property definition");
  ro_int(def, "default", "Default", "Default value for this number", false,
         [](const PropertyRNA &prop) { return prop.default_number; });
  define_array_part(def, PropertyType::Int, number_default_element);
  define_range_part(def, PropertyType::Int);
}

void define_float_property(BlenderRNA &rna)
{
  StructDef<PropertyRNA> def = struct_<PropertyRNA>(rna, "FloatProperty", "Property");
  def.ui("Float Definition",
         "RNA floating-point number (single precision) property definition");
  ro_float(def, "default", "Default", "Default value for this number",
           [](const PropertyRNA &prop) { return prop.default_number; });
  define_array_part(def, PropertyType::Float, number_default_element);
  define_range_part(def, PropertyType::Float);
  ro_int(def, "precision", "Precision",
         "Number of digits after the dot used by buttons. Fraction is automatically hidden for "
         "exact integer values of fields with unit 'NONE' or 'TIME' (frame count) and step "
         "divisible by 100",
         true, [](const PropertyRNA &prop) { return prop.precision; });
}

void define_string_property(BlenderRNA &rna)
{
  StructDef<PropertyRNA> def = struct_<PropertyRNA>(rna, "StringProperty", "Property");
  def.ui("String Definition", "RNA text string property definition");
  ro_string(def, "default", "Default", "String default value",
            [](const PropertyRNA &prop) { return prop.default_string; });
  ro_int(def, "length_max", "Maximum Length", "Maximum length of the string, 0 means unlimited",
         true, [](const PropertyRNA &prop) { return prop.string_max_length; });
}

/** The items of EnumProperty.default (`flag` false) or .default_flag (true): the described
 * property's static items, or none when it is not that kind of enum (as in Blender). */
EnumItemsFn enum_default_items(bool flag)
{
  return [flag](const PointerRNA &p) {
    const PropertyRNA &prop = StructDef<PropertyRNA>::data(p);
    return prop.is_enum_flag() == flag ? prop.enum_items : std::vector<EnumItem>{};
  };
}

void define_enum_property(BlenderRNA &rna)
{
  using D = StructDef<PropertyRNA>;
  D def = struct_<PropertyRNA>(rna, "EnumProperty", "Property");
  def.ui("Enum Definition",
         "RNA enumeration property definition, to choose from a number of predefined options");
  /* Blender's static placeholder item; the real ones come from the described property. */
  const std::vector<EnumItem> dummy = {item("DUMMY", "", 0)};
  ro_enum(def, "default", "Default", "Default value for this enum", dummy,
          [](const PropertyRNA &prop) { return prop.default_enum; })
      .get()
      ->enum_items_fn = enum_default_items(false);
  ro_enum(def, "default_flag", "Default", "Default value for this enum", dummy,
          [](const PropertyRNA &prop) { return prop.default_enum; })
      .flag(PROP_ENUM_FLAG)
      .get()
      ->enum_items_fn = enum_default_items(true);

  /* Dynamic items need the data the property belongs to: both list the static ones. */
  auto length = [](const PointerRNA &p) { return int64_t(D::data(p).enum_items.size()); };
  auto at = [](const PointerRNA &p, int64_t i) {
    return pointer_from_enum_item(&D::data(p).enum_items.at(size_t(i)));
  };
  auto lookup = [](const PointerRNA &p, std::string_view key) -> std::optional<PointerRNA> {
    for (const EnumItem &entry : D::data(p).enum_items) {
      if (entry.identifier == key) {
        return pointer_from_enum_item(&entry);
      }
    }
    return std::nullopt;
  };
  def.collection("enum_items", "EnumPropertyItem", length, at, lookup)
      .ui("Items", "Possible values for the property");
  def.collection("enum_items_static", "EnumPropertyItem", length, at, lookup)
      .ui("Static Items",
          "Possible values for the property (never calls optional dynamic generation of those)");
}

void define_pointer_properties(BlenderRNA &rna)
{
  for (const char *name : {"PointerProperty", "CollectionProperty"}) {
    using D = StructDef<PropertyRNA>;
    D def = struct_<PropertyRNA>(rna, name, "Property");
    if (std::string_view(name) == "PointerProperty") {
      def.ui("Pointer Definition", "RNA pointer property to point to another RNA struct");
    }
    else {
      def.ui("Collection Definition",
             "RNA collection property to define lists, arrays and mappings");
    }
    def.pointer("fixed_type", "Struct",
                [](const PointerRNA &p) { return pointer_from_struct_rna(D::data(p).item_type); })
        .ui("Pointer Type", "Fixed pointer type, empty if variable type");
  }
}

void define_enum_item(BlenderRNA &rna)
{
  StructDef<EnumItem> def = struct_<EnumItem>(rna, "EnumPropertyItem");
  def.ui("Enum Item Definition", "Definition of a choice in an RNA enum property");
  ro_string(def, "name", "Name", "Human readable name",
            [](const EnumItem &entry) { return entry.name; });
  ro_string(def, "description", "Description", "Description of the item's purpose",
            [](const EnumItem &entry) { return entry.description; });
  PropertyRNA *identifier = ro_string(def, "identifier", "Identifier",
                                      "Unique name used in the code and scripting",
                                      [](const EnumItem &entry) { return entry.identifier; })
                                .get();
  def.srna()->name_property = identifier;
  ro_int(def, "value", "Value", "Value of the item", true,
         [](const EnumItem &entry) { return entry.value; });
  ro_enum(def, "icon", "Icon", "Icon of the item", icon_items(),
          [](const EnumItem &) { return 0; });
}

void define_function(BlenderRNA &rna)
{
  using D = StructDef<FunctionRNA>;
  D def = struct_<FunctionRNA>(rna, "Function");
  def.ui("Function Definition", "RNA function definition");
  PropertyRNA *identifier = ro_string(def, "identifier", "Identifier",
                                      "Unique name used in the code and scripting",
                                      [](const FunctionRNA &func) { return func.identifier; })
                                .get();
  def.srna()->name_property = identifier;
  ro_string(def, "description", "Description", "Description of the Function's purpose",
            [](const FunctionRNA &func) { return func.description; });
  def.collection(
         "parameters", "Property",
         [](const PointerRNA &p) { return int64_t(D::data(p).parameters.size()); },
         [](const PointerRNA &p, int64_t i) {
           return pointer_from_property_rna(D::data(p).parameters.at(size_t(i)).get());
         },
         [](const PointerRNA &p, std::string_view key) -> std::optional<PointerRNA> {
           if (const PropertyRNA *param = D::data(p).find_parameter(key)) {
             return pointer_from_property_rna(param);
           }
           return std::nullopt;
         })
      .ui("Parameters", "Parameters for the function");
  ro_bool(def, "is_registered", "Registered",
          "Function is registered as callback as part of type registration",
          [](const FunctionRNA &) { return false; });
  ro_bool(def, "is_registered_optional", "Registered Optionally",
          "Function is optionally registered as callback part of type registration",
          [](const FunctionRNA &) { return false; });
  ro_bool(def, "use_self", "No Self",
          "Function does not pass itself as an argument (becomes a static method in python)",
          [](const FunctionRNA &) { return true; });
  ro_bool(def, "use_self_type", "Use Self Type",
          "Function passes itself type as an argument (becomes a class method in python if "
          "use_self is false)",
          [](const FunctionRNA &) { return false; });
}

}  // namespace

void define_rna(BlenderRNA &rna)
{
  define_struct(rna);
  define_property(rna);
  define_bool_property(rna);
  define_int_property(rna);
  define_float_property(rna);
  define_string_property(rna);
  define_enum_property(rna);
  define_pointer_properties(rna);
  define_enum_item(rna);
  define_function(rna);
}

const PropertyRNA &rna_type_property()
{
  static const PropertyRNA *prop = [] {
    auto *rna_type = new PropertyRNA();
    rna_type->identifier = "rna_type";
    rna_type->name = "RNA";
    rna_type->description = "RNA type definition";
    rna_type->type = PropertyType::Pointer;
    rna_type->flag = 0; /* read-only, not animatable */
    rna_type->item_type = rna_types().struct_type;
    rna_type->get_pointer = [](const PointerRNA &p) { return pointer_from_struct_rna(p.type); };
    return rna_type;
  }();
  return *prop;
}

PointerRNA pointer_from_struct_rna(const StructRNA *srna)
{
  if (!srna) {
    return {};
  }
  return {nullptr, nullptr, rna_types().struct_type, const_cast<StructRNA *>(srna)};
}

PointerRNA pointer_from_property_rna(const PropertyRNA *prop)
{
  if (!prop) {
    return {};
  }
  return {nullptr, nullptr, rna_types().property[int(prop->type)],
          const_cast<PropertyRNA *>(prop)};
}

}  // namespace whisk::rna
