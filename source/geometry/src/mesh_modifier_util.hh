#pragma once
// Shared machinery of the mesh modifiers (array, mirror, solidify, weld): building a result
// mesh from index maps over a source mesh (every attribute and the vertex groups carried
// along), size guards, and the vertex merge by target map that Blender's array and mirror
// modifiers share. Private to the geometry layer.

#include <cstdint>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "whisk/base/math.hh"
#include "whisk/dna/mesh.hh"

namespace whisk::geometry::detail {

using dna::AttrDomain;

/** An empty mesh with `src`'s settings (materials, smoothing, UV map and vertex group names)
 * and the same attributes (names, types, domains) with no values yet. */
dna::Mesh mesh_new_like(const dna::Mesh &src);

/** A copy of the mesh's geometry, attributes and settings (arrays shared, not copied). */
dna::Mesh mesh_copy(const dna::Mesh &src);

/** Sets the size of `domain` in `dst` to map.size(): element i takes the values of source
 * element map[i] in every attribute of that domain (zero where map[i] < 0). For points the
 * vertex group weights follow as well. */
void gather_domain(const dna::Mesh &src, dna::Mesh &dst, AttrDomain domain,
                   std::span<const int32_t> map);

/** Per result element, a weighted list of source elements (interpolation). */
struct MixMap {
  std::vector<int32_t> offsets{0};
  std::vector<int32_t> indices;
  std::vector<float> weights;
  void add(int32_t index, float weight)
  {
    indices.push_back(index);
    weights.push_back(weight);
  }
  void close() { offsets.push_back(int32_t(indices.size())); }
  int64_t size() const { return int64_t(offsets.size()) - 1; }
};

/** As gather_domain, with each element mixed from several sources: floats and vectors are
 * weighted sums, integers rounded sums, booleans true when any source is, other types take
 * the first source. Vertex group weights are mixed group by group. */
void mix_domain(const dna::Mesh &src, dna::Mesh &dst, AttrDomain domain, const MixMap &map);

/** Drops reserved arrays of domains left empty and tags the mesh's topology changed. */
void mesh_finish(dna::Mesh &mesh);

/** Raises whisk::Error (Value) when a result would have more than 2^31-1 elements of a
 * domain, or (Memory) when its arrays would need more than a sane budget. `like` gives the
 * bytes per element (its attributes). Call before allocating anything. */
void check_result_size(std::string_view what, const dna::Mesh &like, int64_t verts,
                       int64_t edges, int64_t faces, int64_t corners);

/** Blender's mul_m4_v3: the point transformed by a column-major 4x4 matrix. */
float3 transform_point(const float4x4 &m, float3 p);

/** Names of the UV maps (FLOAT2 corner attributes not starting with '.'). */
std::vector<std::string> uv_map_names(const dna::Mesh &mesh);

/** Whether a face is dropped when all its vertices are merged (Mirror), or only when the
 * merged vertices also form an existing face (Array). */
enum class MergeMode { DumpIfMapped, DumpIfEqual };

/** Merges every vertex with targets[v] >= 0 into that target (targets must not be merged
 * themselves), as Blender's array and mirror modifiers do: merged vertices keep the target's
 * data; edges that collapse go, duplicates keep the first; face corners that lose their edge
 * or repeat a vertex go, faces left with fewer than 3 corners go, and faces whose vertices
 * were all merged go per `mode`. Elements keep their relative order. */
dna::Mesh mesh_merge_verts(const dna::Mesh &mesh, std::span<const int32_t> targets,
                           MergeMode mode);

/** An open-addressing hash map from edge keys (edge_key) to indices: no allocation per
 * entry, which matters for meshes with millions of edges. */
class EdgeMap {
 public:
  explicit EdgeMap(size_t expected)
  {
    size_t size = 16;
    while (size < expected * 2 + 16) {
      size *= 2;
    }
    slots_.assign(size, Slot{kEmpty, 0});
  }
  /** The value for `key`, inserting `value` when absent; second: whether inserted. */
  std::pair<int32_t, bool> try_emplace(uint64_t key, int32_t value)
  {
    if ((used_ + 1) * 2 > slots_.size()) {
      grow();
    }
    size_t i = hash(key), tomb = SIZE_MAX;
    for (;; i = (i + 1) & (slots_.size() - 1)) {
      if (slots_[i].key == key) {
        return {slots_[i].value, false};
      }
      if (slots_[i].key == kTomb && tomb == SIZE_MAX) {
        tomb = i;
      }
      if (slots_[i].key == kEmpty) {
        break;
      }
    }
    if (tomb != SIZE_MAX) {
      i = tomb;
    }
    else {
      used_++;
    }
    slots_[i] = {key, value};
    return {value, true};
  }
  void erase(uint64_t key)
  {
    for (size_t i = hash(key); slots_[i].key != kEmpty; i = (i + 1) & (slots_.size() - 1)) {
      if (slots_[i].key == key) {
        slots_[i].key = kTomb;
        return;
      }
    }
  }

 private:
  /* Edge keys never have both halves all ones (that would be vertex -1 twice). */
  static constexpr uint64_t kEmpty = ~uint64_t(0), kTomb = ~uint64_t(0) - 1;
  struct Slot {
    uint64_t key;
    int32_t value;
  };
  size_t hash(uint64_t key) const
  {
    return size_t((key * 0x9E3779B97F4A7C15ull) >> 17) & (slots_.size() - 1);
  }
  void grow()
  {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.size() * 2, Slot{kEmpty, 0});
    used_ = 0;
    for (const Slot &slot : old) {
      if (slot.key != kEmpty && slot.key != kTomb) {
        try_emplace(slot.key, slot.value);
      }
    }
  }
  std::vector<Slot> slots_;
  size_t used_ = 0;
};

inline uint64_t edge_key(int32_t a, int32_t b)
{
  if (a > b) {
    std::swap(a, b);
  }
  return (uint64_t(uint32_t(a)) << 32) | uint32_t(b);
}

}  // namespace whisk::geometry::detail
