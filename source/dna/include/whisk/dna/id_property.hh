#pragma once
// ID properties: the custom data any ID carries (`ob["key"] = value`), and the storage of
// properties that add-ons register. A tree of named, typed values.

#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "whisk/dna/id.hh"

namespace whisk::dna {

enum class IDPropertyType : uint8_t {
  Int,
  Float,
  Double,
  Boolean,
  String,
  Array,
  Group,
  /** A reference to another ID. */
  IDRef,
  /** A list of groups (collection properties of add-ons). */
  IDPArray,
};

struct IDProperty;
using IDPropertyList = std::vector<std::unique_ptr<IDProperty>>;

struct IDProperty {
  std::string name;
  IDPropertyType type = IDPropertyType::Group;
  /** Element type of an Array: Int, Float, Double or Boolean. */
  IDPropertyType array_type = IDPropertyType::Int;
  std::variant<int32_t,
               float,
               double,
               bool,
               std::string,
               std::vector<int32_t>,
               std::vector<float>,
               std::vector<double>,
               std::vector<uint8_t>,
               IDPropertyList,
               ID *>
      value;
};

}  // namespace whisk::dna
