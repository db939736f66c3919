#pragma once
// Generic attribute storage: named arrays on the domains of a geometry (points, edges,
// faces, corners; curves and instances later). Meshes, point clouds and curves all keep
// their data here, including the arrays that define them (`position`, `.edge_verts`,
// `.corner_vert`, `.corner_edge`), the way Blender 4 stores meshes. Arrays use implicit
// sharing: copying a storage shares every array until one side writes.
//
// Plain data only: the rules (which names and types a geometry allows, interpolation
// between domains) live in the kernel (whisk/kernel/attribute.hh).

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "whisk/base/implicit_sharing.hh"
#include "whisk/base/math.hh"

namespace whisk::dna {

/** Where an attribute's values live; numbered as Blender's `AttrDomain`. */
enum class AttrDomain : int8_t { Point = 0, Edge = 1, Face = 2, Corner = 3, Curve = 4, Instance = 5 };
inline constexpr int ATTR_DOMAIN_COUNT = 6;

/** The value type of an attribute, with Blender's identifiers (FLOAT, INT, ...). */
enum class AttrType : int8_t {
  Float,       /* float */
  Int,         /* int32 */
  FloatVector, /* float3 */
  FloatColor,  /* float4, linear RGBA */
  ByteColor,   /* uchar4, sRGB RGBA */
  String,      /* AttrString */
  Bool,        /* bool */
  Float2,      /* float2 */
  Int8,        /* int8 */
  Int2,        /* int2 */
  Quaternion,  /* float4 (w, x, y, z) */
};
inline constexpr int ATTR_TYPE_COUNT = 11;

/** A STRING attribute's value: UTF-8, at most 255 bytes, as Blender stores it. */
struct AttrString {
  char s[255] = {};
  uint8_t length = 0;
};

/** Bytes of one value. */
constexpr size_t attr_type_size(AttrType type)
{
  switch (type) {
    case AttrType::Float: return 4;
    case AttrType::Int: return 4;
    case AttrType::FloatVector: return 12;
    case AttrType::FloatColor: return 16;
    case AttrType::ByteColor: return 4;
    case AttrType::String: return sizeof(AttrString);
    case AttrType::Bool: return 1;
    case AttrType::Float2: return 8;
    case AttrType::Int8: return 1;
    case AttrType::Int2: return 8;
    case AttrType::Quaternion: return 16;
  }
  return 0;
}

/** One named array. The values are raw bytes of `type`; span<T>() views them typed. */
struct Attribute {
  std::string name;
  AttrDomain domain = AttrDomain::Point;
  AttrType type = AttrType::Float;
  SharedArray<std::byte> data;

  int64_t size() const { return int64_t(data.size() / attr_type_size(type)); }
  template<typename T> std::span<const T> span() const
  {
    return {reinterpret_cast<const T *>(data.data()), data.size() / sizeof(T)};
  }
  /** Writable values; copies the array first when another owner shares it. */
  template<typename T> std::span<T> mutable_span()
  {
    std::span<std::byte> bytes = data.mutable_span();
    return {reinterpret_cast<T *>(bytes.data()), bytes.size() / sizeof(T)};
  }
};

/** The attributes of one geometry, in creation order. Items are heap-allocated so that
 * their addresses survive adding and removing others (RNA pointers hold them). */
struct AttributeStorage {
  std::vector<std::unique_ptr<Attribute>> attributes;

  AttributeStorage() = default;
  AttributeStorage(const AttributeStorage &other)
  {
    attributes.reserve(other.attributes.size());
    for (const auto &attribute : other.attributes) {
      attributes.push_back(std::make_unique<Attribute>(*attribute));
    }
  }
  AttributeStorage(AttributeStorage &&) noexcept = default;
  AttributeStorage &operator=(AttributeStorage other) noexcept
  {
    attributes.swap(other.attributes);
    return *this;
  }

  Attribute *find(std::string_view name)
  {
    for (const auto &attribute : attributes) {
      if (attribute->name == name) {
        return attribute.get();
      }
    }
    return nullptr;
  }
  const Attribute *find(std::string_view name) const
  {
    return const_cast<AttributeStorage *>(this)->find(name);
  }
  int64_t index_of(const Attribute *attribute) const
  {
    for (size_t i = 0; i < attributes.size(); i++) {
      if (attributes[i].get() == attribute) {
        return int64_t(i);
      }
    }
    return -1;
  }
};

}  // namespace whisk::dna
