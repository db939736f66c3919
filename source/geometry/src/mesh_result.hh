#pragma once
// Helpers shared by mesh_subdivide and mesh_triangulate: starting a result mesh
// with the source's settings, and mixing attribute values of any type.

#include <span>
#include <string_view>

#include <tbb/parallel_for.h>

#include "whisk/base/math.hh"
#include "whisk/dna/mesh.hh"
#include "whisk/kernel/mesh.hh"

namespace whisk::geometry::mesh_result {

/** A new mesh with the source's name, materials and settings but no geometry. */
dna::Mesh new_like(const dna::Mesh &src);

/** Attributes the modifiers rebuild themselves (position and topology). */
bool attribute_is_topology(std::string_view name);
/** UV maps: FLOAT2 corner attributes whose names do not start with '.'. */
bool attribute_is_uv_map(const dna::Attribute &attribute);

/** Calls fn.template operator()<T>() with the attribute type's C++ value type. */
template<typename Fn> void attribute_type_dispatch(const dna::AttrType type, Fn &&fn)
{
  using dna::AttrType;
  switch (type) {
    case AttrType::Float: fn.template operator()<float>(); break;
    case AttrType::Int: fn.template operator()<int32_t>(); break;
    case AttrType::FloatVector: fn.template operator()<float3>(); break;
    case AttrType::FloatColor: fn.template operator()<float4>(); break;
    case AttrType::ByteColor: fn.template operator()<uchar4>(); break;
    case AttrType::String: fn.template operator()<dna::AttrString>(); break;
    case AttrType::Bool: fn.template operator()<bool>(); break;
    case AttrType::Float2: fn.template operator()<float2>(); break;
    case AttrType::Int8: fn.template operator()<int8_t>(); break;
    case AttrType::Int2: fn.template operator()<int2>(); break;
    case AttrType::Quaternion: fn.template operator()<Quaternion>(); break;
  }
}

template<typename T> constexpr bool is_mixable_v =
    std::is_same_v<T, float> || std::is_same_v<T, float2> || std::is_same_v<T, float3> ||
    std::is_same_v<T, float4>;

/** Weighted sum for float types; for the others (integers, flags, bytes, strings,
 * rotations) the value of the heaviest source, as interpolation would be meaningless. */
template<typename T>
T mix_values(std::span<const T> src, std::span<const int32_t> indices,
             std::span<const float> weights)
{
  if constexpr (is_mixable_v<T>) {
    T result{};
    for (size_t i = 0; i < indices.size(); i++) {
      if constexpr (std::is_same_v<T, float4>) {
        const T &v = src[size_t(indices[i])];
        const float w = weights[i];
        result = T(result.x + v.x * w, result.y + v.y * w, result.z + v.z * w,
                   result.w + v.w * w);
      }
      else {
        result = result + src[size_t(indices[i])] * weights[i];
      }
    }
    return result;
  }
  else {
    size_t best = 0;
    for (size_t i = 1; i < indices.size(); i++) {
      if (weights[i] > weights[best]) {
        best = i;
      }
    }
    return src[size_t(indices[best])];
  }
}

template<typename Fn> void parallel_range(int64_t size, int64_t grain, const Fn &fn)
{
  tbb::parallel_for(tbb::blocked_range<int64_t>(0, size, grain),
                    [&](const tbb::blocked_range<int64_t> &range) {
                      for (int64_t i = range.begin(); i != range.end(); ++i) {
                        fn(i);
                      }
                    });
}

}  // namespace whisk::geometry::mesh_result
