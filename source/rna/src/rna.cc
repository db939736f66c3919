#include <algorithm>
#include <array>
#include <mutex>

#include "define.hh"
#include "whisk/kernel/id_type.hh"
#include "whisk/kernel/main.hh"
#include "whisk/rna/structs.hh"

namespace whisk::rna {

void register_all(BlenderRNA &rna); /* defs/register.cc */

size_t raw_type_size(RawType type)
{
  switch (type) {
    case RawType::Bool:
    case RawType::Int8:
    case RawType::UInt8: return 1;
    case RawType::Int32:
    case RawType::Float32: return 4;
  }
  return 0;
}

const char *property_type_name(PropertyType type)
{
  static const char *names[] = {"BOOLEAN", "INT", "FLOAT", "STRING", "ENUM", "POINTER",
                                "COLLECTION"};
  return names[int(type)];
}

const char *property_subtype_name(PropertySubtype type)
{
  static const char *names[] = {
      "NONE",        "FILE_PATH",   "DIR_PATH",     "FILE_NAME",  "BYTE_STRING", "PASSWORD",
      "PIXEL",       "UNSIGNED",    "PERCENTAGE",   "FACTOR",     "ANGLE",       "TIME",
      "TIME_ABSOLUTE", "DISTANCE",  "DISTANCE_CAMERA", "POWER",   "TEMPERATURE", "TRANSLATION",
      "DIRECTION",   "VELOCITY",    "ACCELERATION", "MATRIX",     "EULER",       "QUATERNION",
      "AXISANGLE",   "XYZ",         "XYZ_LENGTH",   "COLOR",      "COLOR_GAMMA", "COORDINATES",
      "LAYER",       "LAYER_MEMBER",
  };
  return names[int(type)];
}

const char *property_unit_name(PropertyUnit unit)
{
  static const char *names[] = {"NONE",     "LENGTH",   "AREA",          "VOLUME",
                                "MASS",     "ROTATION", "TIME",          "TIME_ABSOLUTE",
                                "VELOCITY", "ACCELERATION", "CAMERA",    "POWER",
                                "TEMPERATURE"};
  return names[int(unit)];
}

const std::vector<EnumItem> &PropertyRNA::items(const PointerRNA &ptr,
                                                std::vector<EnumItem> &storage) const
{
  if (enum_items_fn) {
    storage = enum_items_fn(ptr);
    return storage;
  }
  return enum_items;
}

const PropertyRNA *FunctionRNA::find_parameter(std::string_view name) const
{
  for (const auto &param : parameters) {
    if (param->identifier == name) {
      return param.get();
    }
  }
  return nullptr;
}

const PropertyRNA *FunctionRNA::output() const
{
  for (const auto &param : parameters) {
    if (param->flag & PARM_OUTPUT) {
      return param.get();
    }
  }
  return nullptr;
}

const PropertyRNA *StructRNA::find_property(std::string_view identifier) const
{
  for (const StructRNA *s = this; s; s = s->base) {
    for (const auto &prop : s->properties) {
      if (prop->identifier == identifier) {
        return prop.get();
      }
    }
  }
  return nullptr;
}

const FunctionRNA *StructRNA::find_function(std::string_view identifier) const
{
  for (const StructRNA *s = this; s; s = s->base) {
    for (const auto &func : s->functions) {
      if (func->identifier == identifier) {
        return func.get();
      }
    }
  }
  return nullptr;
}

std::vector<const PropertyRNA *> StructRNA::all_properties() const
{
  std::vector<const StructRNA *> chain;
  for (const StructRNA *s = this; s; s = s->base) {
    chain.push_back(s);
  }
  std::vector<const PropertyRNA *> result;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    for (const auto &prop : (*it)->properties) {
      result.push_back(prop.get());
    }
  }
  return result;
}

bool StructRNA::is_a(const StructRNA *other) const
{
  for (const StructRNA *s = this; s; s = s->base) {
    if (s == other) {
      return true;
    }
  }
  return false;
}

const StructRNA *BlenderRNA::find(std::string_view identifier) const
{
  auto it = by_name_.find(identifier);
  return it == by_name_.end() ? nullptr : it->second.get();
}

StructRNA *BlenderRNA::find_mutable(std::string_view identifier)
{
  auto it = by_name_.find(identifier);
  return it == by_name_.end() ? nullptr : it->second.get();
}

StructRNA *BlenderRNA::add(std::string identifier, const StructRNA *base)
{
  auto srna = std::make_unique<StructRNA>();
  srna->identifier = identifier;
  srna->name = identifier;
  srna->base = base;
  if (base) {
    srna->id_type = base->id_type;
    srna->name_property = base->name_property;
  }
  StructRNA *raw = srna.get();
  by_name_.emplace(std::move(identifier), std::move(srna));
  order_.push_back(raw);
  return raw;
}

void BlenderRNA::remove(const StructRNA *srna)
{
  auto it = by_name_.find(srna->identifier);
  if (it == by_name_.end() || it->second.get() != srna) {
    return;
  }
  order_.erase(std::remove(order_.begin(), order_.end(), srna), order_.end());
  retired_structs_.push_back(std::move(it->second));
  by_name_.erase(it);
}

const BlenderRNA &blender_rna()
{
  /* Built once; C++ guarantees thread-safe initialisation of the local static. */
  static const BlenderRNA *rna = [] {
    auto *built = new BlenderRNA();
    register_all(*built);
    return built;
  }();
  return *rna;
}

const StructRNA *struct_for_id_type(dna::IDType type)
{
  /* Built-in ID structs never change after start-up: look each up once. */
  static const auto table = [] {
    std::array<const StructRNA *, dna::ID_TYPE_COUNT> structs{};
    for (size_t i = 0; i < structs.size(); i++) {
      structs[i] = blender_rna().find(kernel::id_type_info(dna::IDType(i)).name);
    }
    return structs;
  }();
  return table[size_t(type)];
}

PointerRNA pointer_from_id(Main *main, ID *id)
{
  if (!id) {
    return {};
  }
  PointerRNA ptr{main, id, struct_for_id_type(id->type), id};
  for (int depth = 0; ptr.type && ptr.type->refine && depth < 8; depth++) {
    const StructRNA *refined = ptr.type->refine(ptr);
    if (!refined || refined == ptr.type) {
      break;
    }
    ptr.type = refined;
  }
  return ptr;
}

PointerRNA pointer_from_data(const PointerRNA &owner, const StructRNA *type, void *data)
{
  if (!data) {
    return {};
  }
  PointerRNA ptr{owner.main, owner.owner_id, type, data};
  if (type && type->refine) {
    if (const StructRNA *refined = type->refine(ptr)) {
      ptr.type = refined;
    }
  }
  return ptr;
}

PointerRNA pointer_from_element(const PointerRNA &owner, const StructRNA *type, void *container,
                                int64_t index)
{
  PointerRNA ptr = pointer_from_data(owner, type, container);
  ptr.index = index;
  return ptr;
}

PointerRNA pointer_from_main(Main *main)
{
  return {main, nullptr, blender_rna().find("BlendData"), main};
}

}  // namespace whisk::rna
