// The typed Attribute structs with their `data` values, for every geometry type (meshes,
// point clouds). Attribute pointers hold the dna::Attribute with owner_id = the geometry's
// ID; value pointers hold the attribute and an index (see mesh_common.hh). The geometry's
// rules are reached through kernel::AttributeOwner (attribute_owner() below).

#include <cmath>

#include "mesh_common.hh"

namespace whisk::rna {
using namespace define;
using namespace defs;
using dna::Attribute;
using kernel::Main;

namespace {


float srgb_to_linear(float c)
{
  return c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f);
}
float linear_to_srgb(float c)
{
  return c <= 0.0031308f ? c * 12.92f : 1.055f * std::pow(c, 1.0f / 2.4f) - 0.055f;
}
uint8_t unit_to_byte(double v) { return uint8_t(std::lround(std::clamp(v, 0.0, 1.0) * 255.0)); }

/** The value of element p.index as T, checked against the array (damage reads as 0). */
template<typename T> T *value_ptr(const PointerRNA &p, bool for_write)
{
  Attribute &attribute = attribute_of(p);
  if (p.index < 0 || p.index >= attribute.size()) {
    return nullptr;
  }
  if (for_write) {
    return &attribute.mutable_span<T>()[size_t(p.index)];
  }
  return const_cast<T *>(&attribute.span<T>()[size_t(p.index)]);
}

/** Runs after a value changed: invalidates what the attribute feeds (mesh normals...). */
void value_changed(Main &, const PointerRNA &p)
{
  attribute_owner(p).values_changed(attribute_of(p).name);
}

/** A number (or fixed array of numbers) value property over element type T made of
 * `width` components of C. */
template<typename T, typename C>
PropertyDef value_property(StructDef<Attribute> &def, const char *identifier, PropertyType type,
                           int width, RawType raw)
{
  PropertyDef prop = def.add(identifier, type);
  if (width > 1) {
    prop.get()->array_dimensions[0] = width;
  }
  auto component = [](const PointerRNA &p, int k, bool for_write) -> C * {
    T *value = value_ptr<T>(p, for_write);
    return value ? reinterpret_cast<C *>(value) + k : nullptr;
  };
  if (type == PropertyType::Float) {
    prop.get()->get_float = [component](const PointerRNA &p, int k) {
      const C *c = component(p, k, false);
      return c ? double(*c) : 0.0;
    };
    prop.get()->set_float = [component](const PointerRNA &p, int k, double v) {
      if (C *c = component(p, k, true)) {
        *c = C(v);
      }
    };
  }
  else if (type == PropertyType::Int) {
    prop.get()->get_int = [component](const PointerRNA &p, int k) -> int64_t {
      const C *c = component(p, k, false);
      return c ? int64_t(*c) : 0;
    };
    prop.get()->set_int = [component](const PointerRNA &p, int k, int64_t v) {
      if (C *c = component(p, k, true)) {
        *c = C(v);
      }
    };
  }
  else {
    prop.get()->get_bool = [component](const PointerRNA &p, int k) {
      const C *c = component(p, k, false);
      return c && bool(*c);
    };
    prop.get()->set_bool = [component](const PointerRNA &p, int k, bool v) {
      if (C *c = component(p, k, true)) {
        *c = C(v);
      }
    };
  }
  prop.get()->raw_array = [raw](const PointerRNA &owner, bool for_write) -> std::optional<RawArray> {
    Attribute &attribute = attribute_of(owner);
    if (attribute.size() == 0) {
      return std::nullopt;
    }
    void *data = for_write ? static_cast<void *>(attribute.data.mutable_span().data()) :
                             const_cast<std::byte *>(attribute.data.data());
    return RawArray{data, raw, int64_t(sizeof(T)), attribute.size()};
  };
  prop.update(value_changed).recalc(dna::ID_RECALC_GEOMETRY);
  return prop;
}

/** Color values: `color` as stored, `color_srgb` converted (or the reverse for bytes). */
void color_properties(StructDef<Attribute> &def, bool bytes)
{
  for (const bool srgb : {false, true}) {
    PropertyDef prop = def.add(srgb ? "color_srgb" : "color", PropertyType::Float);
    prop.ui(srgb ? "Color" : "Color", srgb ? "RGBA color in sRGB color space" :
                                             "RGBA color in scene linear color space")
        .subtype(PropertySubtype::Color)
        .range(0, bytes ? 1 : FLT_HUGE)
        .soft_range(0, 1);
    prop.get()->array_dimensions[0] = 4;
    /* Stored linear (floats) or sRGB (bytes); alpha is never converted. */
    const bool convert_to_srgb = srgb && !bytes, convert_to_linear = !srgb && bytes;
    prop.get()->get_float = [=](const PointerRNA &p, int k) -> double {
      float v = 0.0f;
      if (bytes) {
        const uchar4 *c = value_ptr<uchar4>(p, false);
        v = c ? float((&c->r)[k]) / 255.0f : 0.0f;
      }
      else {
        const float4 *c = value_ptr<float4>(p, false);
        v = c ? (*c)[k] : 0.0f;
      }
      if (k < 3 && convert_to_srgb) {
        v = linear_to_srgb(v);
      }
      else if (k < 3 && convert_to_linear) {
        v = srgb_to_linear(v);
      }
      return v;
    };
    prop.get()->set_float = [=](const PointerRNA &p, int k, double value) {
      float v = float(value);
      if (k < 3 && convert_to_srgb) {
        v = srgb_to_linear(v);
      }
      else if (k < 3 && convert_to_linear) {
        v = linear_to_srgb(v);
      }
      if (bytes) {
        if (uchar4 *c = value_ptr<uchar4>(p, true)) {
          (&c->r)[k] = unit_to_byte(v);
        }
      }
      else if (float4 *c = value_ptr<float4>(p, true)) {
        (*c)[k] = v;
      }
    };
    if (!bytes && !srgb) {
      prop.get()->raw_array = [](const PointerRNA &owner, bool for_write) -> std::optional<RawArray> {
        Attribute &attribute = attribute_of(owner);
        if (attribute.size() == 0) {
          return std::nullopt;
        }
        void *data = for_write ? static_cast<void *>(attribute.data.mutable_span().data()) :
                                 const_cast<std::byte *>(attribute.data.data());
        return RawArray{data, RawType::Float32, 16, attribute.size()};
      };
    }
    prop.update(value_changed).recalc(dna::ID_RECALC_GEOMETRY);
  }
}

void string_property(StructDef<Attribute> &def)
{
  PropertyDef prop = def.add("value", PropertyType::String);
  prop.ui("Value", "").max_length(255);
  prop.get()->get_string = [](const PointerRNA &p) {
    const dna::AttrString *s = value_ptr<dna::AttrString>(p, false);
    return s ? std::string(s->s, std::min<size_t>(s->length, sizeof(s->s))) : std::string();
  };
  prop.get()->set_string = [](const PointerRNA &p, std::string_view v) {
    if (dna::AttrString *s = value_ptr<dna::AttrString>(p, true)) {
      const size_t n = std::min(v.size(), sizeof(s->s));
      std::memcpy(s->s, v.data(), n);
      std::memset(s->s + n, 0, sizeof(s->s) - n);
      s->length = uint8_t(n);
    }
  };
}

struct TypeInfo {
  AttrType type;
  const char *attribute;
  const char *value;
  const char *ui;
};

constexpr TypeInfo TYPES[] = {
    {AttrType::Float, "FloatAttribute", "FloatAttributeValue", "Float"},
    {AttrType::Int, "IntAttribute", "IntAttributeValue", "Integer"},
    {AttrType::FloatVector, "FloatVectorAttribute", "FloatVectorAttributeValue", "Vector"},
    {AttrType::FloatColor, "FloatColorAttribute", "FloatColorAttributeValue", "Color"},
    {AttrType::ByteColor, "ByteColorAttribute", "ByteColorAttributeValue", "Byte Color"},
    {AttrType::String, "StringAttribute", "StringAttributeValue", "String"},
    {AttrType::Bool, "BoolAttribute", "BoolAttributeValue", "Boolean"},
    {AttrType::Float2, "Float2Attribute", "Float2AttributeValue", "2D Vector"},
    {AttrType::Int8, "ByteIntAttribute", "ByteIntAttributeValue", "8-Bit Integer"},
    {AttrType::Int2, "Int2Attribute", "Int2AttributeValue", "2D Integer Vector"},
    {AttrType::Quaternion, "QuaternionAttribute", "QuaternionAttributeValue", "Quaternion"},
};

void define_values(BlenderRNA &rna, const TypeInfo &info)
{
  StructDef<Attribute> def = struct_<Attribute>(rna, info.value);
  def.ui(std::string(info.ui) + " Attribute Value", std::string(info.ui) + " value in geometry attribute");
  def.srna()->path = [](const PointerRNA &p) -> std::optional<std::string> {
    return "attributes[\"" + attribute_of(p).name + "\"].data[" + std::to_string(p.index) + "]";
  };
  switch (info.type) {
    case AttrType::Float:
      value_property<float, float>(def, "value", PropertyType::Float, 1, RawType::Float32).ui("Value");
      break;
    case AttrType::Int:
      value_property<int32_t, int32_t>(def, "value", PropertyType::Int, 1, RawType::Int32).ui("Value");
      break;
    case AttrType::FloatVector:
      value_property<float3, float>(def, "vector", PropertyType::Float, 3, RawType::Float32)
          .ui("Vector", "")
          .subtype(PropertySubtype::Direction);
      break;
    case AttrType::FloatColor: color_properties(def, false); break;
    case AttrType::ByteColor: color_properties(def, true); break;
    case AttrType::String: string_property(def); break;
    case AttrType::Bool:
      value_property<bool, bool>(def, "value", PropertyType::Boolean, 1, RawType::Bool).ui("Value");
      break;
    case AttrType::Float2:
      value_property<float2, float>(def, "vector", PropertyType::Float, 2, RawType::Float32)
          .ui("Vector", "")
          .subtype(PropertySubtype::Direction);
      break;
    case AttrType::Int8:
      value_property<int8_t, int8_t>(def, "value", PropertyType::Int, 1, RawType::Int8)
          .ui("Value"); /* Blender declares no narrower range; values wrap to 8 bits */
      break;
    case AttrType::Int2:
      value_property<int2, int32_t>(def, "value", PropertyType::Int, 2, RawType::Int32).ui("Vector");
      break;
    case AttrType::Quaternion:
      value_property<float4, float>(def, "value", PropertyType::Float, 4, RawType::Float32)
          .ui("Value", "")
          .subtype(PropertySubtype::Quaternion);
      break;
  }
}

void define_attribute_base(BlenderRNA &rna)
{
  StructDef<Attribute> def = struct_<Attribute>(rna, "Attribute");
  def.ui("Attribute", "Geometry attribute");
  def.srna()->path = [](const PointerRNA &p) -> std::optional<std::string> {
    return "attributes[\"" + attribute_of(p).name + "\"]";
  };
  PropertyDef name = def.add("name", PropertyType::String);
  name.ui("Name", "Name of the Attribute").max_length(int(kernel::MAX_ATTRIBUTE_NAME) + 1);
  name.not_animatable();
  name.get()->get_string = [](const PointerRNA &p) { return attribute_of(p).name; };
  name.get()->set_string = [](const PointerRNA &p, std::string_view v) {
    attribute_owner(p).rename(attribute_of(p), v);
  };
  def.srna()->name_property = name.get();

  std::vector<EnumItem> types, domains;
  for (const TypeInfo &info : TYPES) {
    types.push_back(item(kernel::attr_type_identifier(info.type), info.ui, int(info.type)));
  }
  const char *domain_names[] = {"Point", "Edge", "Face", "Face Corner", "Spline", "Instance"};
  for (int i = 0; i < dna::ATTR_DOMAIN_COUNT; i++) {
    domains.push_back(item(kernel::attr_domain_identifier(AttrDomain(i)), domain_names[i], i));
  }
  def.enumeration("data_type", &Attribute::type, types)
      .ui("Data Type", "Type of data stored in attribute")
      .read_only();
  def.enumeration("domain", &Attribute::domain, domains)
      .ui("Domain", "Domain of the Attribute")
      .read_only();
  PropertyDef internal = def.add("is_internal", PropertyType::Boolean);
  internal.ui("Is Internal", "The attribute is meant for internal use by Blender").read_only();
  internal.get()->get_bool = [](const PointerRNA &p, int) {
    return attribute_of(p).name.starts_with('.');
  };
  PropertyDef required = def.add("is_required", PropertyType::Boolean);
  required.ui("Is Required", "Whether the attribute can be removed or renamed")
      .read_only()
      .not_animatable();
  required.get()->get_bool = [](const PointerRNA &p, int) {
    return attribute_owner(p).is_required(attribute_of(p).name);
  };

  std::vector<const StructRNA *> refined;
  for (const TypeInfo &info : TYPES) {
    StructDef<Attribute> typed = struct_<Attribute>(rna, info.attribute, "Attribute");
    typed.ui(std::string(info.ui) + " Attribute", std::string(info.ui) + " geometry attribute");
    const StructRNA *value_type = rna.find(info.value);
    typed
        .collection(
            "data", info.value, [](const PointerRNA &p) { return attribute_of(p).size(); },
            [value_type](const PointerRNA &p, int64_t i) {
              return pointer_from_element(p, value_type, p.data, i);
            })
        .ui("Data", "");
    refined.push_back(typed.srna());
  }
  def.srna()->refine = [refined](const PointerRNA &p) -> const StructRNA * {
    return refined[size_t(attribute_of(p).type)];
  };
}

}  // namespace

void define_attributes(BlenderRNA &rna)
{
  for (const TypeInfo &info : TYPES) {
    define_values(rna, info);
  }
  define_attribute_base(rna);
}

}  // namespace whisk::rna
