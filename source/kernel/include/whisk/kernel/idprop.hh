#pragma once
// Creating, reading, copying and freeing ID properties. Groups keep insertion order;
// lookups by name are linear, as groups are small.

#include <string_view>

#include "whisk/dna/id_property.hh"

namespace whisk::kernel {

class Main;

using dna::IDProperty;
using dna::IDPropertyType;

std::unique_ptr<IDProperty> idprop_new_group(std::string_view name);
/** The ID's property group, created on demand. */
IDProperty *idprop_ensure_group(dna::ID *id);
IDProperty *idprop_find(const IDProperty *group, std::string_view name);
/** Inserts or replaces a member of a group; returns the stored property. */
IDProperty *idprop_replace(IDProperty *group, std::unique_ptr<IDProperty> prop);
bool idprop_remove(IDProperty *group, std::string_view name);
/** The same for a group inside `owner`'s properties: ID references of the properties that
 * go are released and those of the new one acquired (users and relations stay exact). The
 * plain forms above are for property trees not (yet) held by an ID. */
IDProperty *idprop_replace(Main &bmain, dna::ID *owner, IDProperty *group,
                           std::unique_ptr<IDProperty> prop);
bool idprop_remove(Main &bmain, dna::ID *owner, IDProperty *group, std::string_view name);
std::unique_ptr<IDProperty> idprop_copy(const IDProperty &prop);
void idprop_free(IDProperty *prop);
/** Number of elements: array length, group or list size, 1 for scalars. */
int64_t idprop_length(const IDProperty &prop);

template<typename T> std::unique_ptr<IDProperty> idprop_new(std::string_view name, T value)
{
  auto prop = std::make_unique<IDProperty>();
  prop->name = std::string(name);
  if constexpr (std::is_same_v<T, int32_t>) {
    prop->type = IDPropertyType::Int;
  }
  else if constexpr (std::is_same_v<T, float>) {
    prop->type = IDPropertyType::Float;
  }
  else if constexpr (std::is_same_v<T, double>) {
    prop->type = IDPropertyType::Double;
  }
  else if constexpr (std::is_same_v<T, bool>) {
    prop->type = IDPropertyType::Boolean;
  }
  else if constexpr (std::is_same_v<T, std::string>) {
    prop->type = IDPropertyType::String;
  }
  else if constexpr (std::is_same_v<T, dna::ID *>) {
    prop->type = IDPropertyType::IDRef;
  }
  else {
    prop->type = IDPropertyType::Array;
    using Element = typename T::value_type;
    prop->array_type = std::is_same_v<Element, int32_t> ? IDPropertyType::Int :
                       std::is_same_v<Element, float>   ? IDPropertyType::Float :
                       std::is_same_v<Element, double>  ? IDPropertyType::Double :
                                                          IDPropertyType::Boolean;
  }
  prop->value = std::move(value);
  return prop;
}

}  // namespace whisk::kernel
