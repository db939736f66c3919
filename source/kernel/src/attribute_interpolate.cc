// Moving attribute values between mesh domains (adapt_domain in whisk/kernel/mesh_topology.hh).
//
// Each target element gathers the source elements Blender 3.4 mixes into it (found with
// tools/oracle/gen_mesh_topology.py and bpy.ops.geometry.attribute_convert):
//   point  -> edge: its two vertices          point  -> face: its corners' vertices
//   point  -> corner: its vertex              edge   -> point: the edges using the vertex
//   edge   -> face: its corners' edges        edge   -> corner: the corner's two face edges
//   face   -> point: faces of the vertex's corners
//   face   -> edge: faces of the edge's corners   face -> corner: its face
//   corner -> point: the vertex's corners     corner -> edge: each corner on the edge and the
//                                                       corner after it in its face
//   corner -> face: its corners
// A source element counts once per time it appears (a face using an edge twice, twice).
//
// Mixing rules, per type:
// - FLOAT, FLOAT2, FLOAT_VECTOR, FLOAT_COLOR (all four channels), QUATERNION: the mean;
//   quaternions are renormalized (not in 3.4, which has no quaternion attributes).
// - INT, INT8, INT32_2D: the mean rounded half away from zero (-2.5 -> -3).
// - BYTE_COLOR: the mean of the stored sRGB bytes (not in linear space), truncated.
// - BOOLEAN: not a mean. True only when *all* sources are true, except edge -> point,
//   face -> point and face -> edge, which are true when *any* source is.
// - STRING: the first source.
// Elements with no source (loose vertices and edges) get zero, false, the empty string,
// opaque black for colors and the identity quaternion.

#include <cstring>
#include <memory>

#include "mesh_topology_intern.hh"
#include "whisk/base/error.hh"

namespace whisk::kernel {

using namespace mesh_intern;
using dna::AttrDomain;
using dna::AttrType;

namespace {

/* ---- Per-type mixing --------------------------------------------------------------------- */

/** Sums floating point vectors of N components; the mean, or `empty` with no sources. */
template<typename T, int N> struct MeanMixer {
  T empty{};
  struct Acc {
    float sum[N] = {};
    int count = 0;
  };
  void add(Acc &acc, const T &value) const
  {
    const float *v = reinterpret_cast<const float *>(&value);
    for (int i = 0; i < N; i++) {
      acc.sum[i] += v[i];
    }
    acc.count++;
  }
  T finish(const Acc &acc) const
  {
    if (acc.count == 0) {
      return empty;
    }
    T result;
    float *r = reinterpret_cast<float *>(&result);
    const float inv = 1.0f / float(acc.count);
    for (int i = 0; i < N; i++) {
      r[i] = acc.sum[i] * inv;
    }
    return result;
  }
};

struct QuaternionMixer : MeanMixer<Quaternion, 4> {
  QuaternionMixer() { empty = Quaternion(); }
  Quaternion finish(const Acc &acc) const
  {
    const Quaternion mean = MeanMixer::finish(acc);
    const float len_sq = mean.w * mean.w + mean.x * mean.x + mean.y * mean.y + mean.z * mean.z;
    return len_sq > 1.0e-35f ? normalize(mean) : Quaternion();
  }
};

/** Integers (N components of type T): mean in `Wide`, rounded half away from zero. Blender
 * accumulates int32 in double and int8 in float, which we mirror. */
template<typename T, typename Elem, typename Wide, int N> struct RoundedMeanMixer {
  struct Acc {
    Wide sum[N] = {};
    int count = 0;
  };
  void add(Acc &acc, const T &value) const
  {
    const Elem *v = reinterpret_cast<const Elem *>(&value);
    for (int i = 0; i < N; i++) {
      acc.sum[i] += Wide(v[i]);
    }
    acc.count++;
  }
  T finish(const Acc &acc) const
  {
    T result{};
    if (acc.count == 0) {
      return result;
    }
    Elem *r = reinterpret_cast<Elem *>(&result);
    const float inv = 1.0f / float(acc.count);
    for (int i = 0; i < N; i++) {
      r[i] = Elem(std::round(acc.sum[i] * Wide(inv)));
    }
    return result;
  }
};

struct ByteColorMixer {
  struct Acc {
    float sum[4] = {};
    int count = 0;
  };
  void add(Acc &acc, const uchar4 &value) const
  {
    acc.sum[0] += value.r, acc.sum[1] += value.g, acc.sum[2] += value.b, acc.sum[3] += value.a;
    acc.count++;
  }
  uchar4 finish(const Acc &acc) const
  {
    if (acc.count == 0) {
      return uchar4{0, 0, 0, 255};
    }
    const float inv = 1.0f / float(acc.count);
    return uchar4{uint8_t(acc.sum[0] * inv), uint8_t(acc.sum[1] * inv),
                  uint8_t(acc.sum[2] * inv), uint8_t(acc.sum[3] * inv)};
  }
};

struct BoolMixer {
  bool require_all = true;
  struct Acc {
    int trues = 0;
    int count = 0;
  };
  void add(Acc &acc, const bool &value) const
  {
    acc.trues += value ? 1 : 0;
    acc.count++;
  }
  bool finish(const Acc &acc) const
  {
    return require_all ? (acc.count > 0 && acc.trues == acc.count) : acc.trues > 0;
  }
};

struct StringMixer {
  struct Acc {
    const dna::AttrString *first = nullptr;
  };
  void add(Acc &acc, const dna::AttrString &value) const
  {
    if (acc.first == nullptr) {
      acc.first = &value;
    }
  }
  dna::AttrString finish(const Acc &acc) const
  {
    return acc.first ? *acc.first : dna::AttrString();
  }
};

/* ---- Which sources feed each target ------------------------------------------------------ */

/** Lazily built topology lookups shared by the domain pairs. */
struct Lookups {
  const MeshTopology &topology;
  UninitializedArray<int32_t> corner_faces{0};

  int32_t prev_corner(int32_t corner) const
  {
    const int32_t face = corner_faces[corner];
    return corner_prev(topology.face_offsets[face], topology.face_offsets[face + 1], corner);
  }
};

int64_t domain_size(const MeshTopology &topology, AttrDomain domain)
{
  switch (domain) {
    case AttrDomain::Point: return topology.verts_num;
    case AttrDomain::Edge: return int64_t(topology.edges.size());
    case AttrDomain::Face: return topology.faces_num();
    case AttrDomain::Corner: return topology.corners_num();
    default: return -1;
  }
}

/** Calls visit(source) for every source element of target `i`. */
template<typename Visit>
void for_each_source(const Lookups &l, AttrDomain from, AttrDomain to, int32_t i,
                     const Visit &visit)
{
  const MeshTopology &t = l.topology;
  auto face_corners = [&](auto &&fn) {
    for (int32_t c = t.face_offsets[i]; c < t.face_offsets[i + 1]; c++) {
      fn(c);
    }
  };
  if (from == to) {
    visit(i);
    return;
  }
  switch (to) {
    case AttrDomain::Point: /* scatter_typed handles these */
      return;
    case AttrDomain::Edge: /* from points; scatter_typed handles the rest */
      visit(t.edges[i].x);
      visit(t.edges[i].y);
      return;
    case AttrDomain::Face:
      face_corners([&](int32_t c) {
        visit(from == AttrDomain::Point ? t.corner_verts[c] :
              from == AttrDomain::Edge  ? t.corner_edges[c] : c);
      });
      return;
    case AttrDomain::Corner:
      if (from == AttrDomain::Point) {
        visit(t.corner_verts[i]);
      }
      else if (from == AttrDomain::Face) {
        visit(l.corner_faces[i]);
      }
      else {
        visit(t.corner_edges[i]);
        visit(t.corner_edges[l.prev_corner(i)]);
      }
      return;
    default: return;
  }
}

/** Whether adapt_typed scatters sources into per-target accumulators in one sequential
 * pass: targets that would otherwise need a map built per call (point from edge, face or
 * corner; edge from face or corner). Building the map costs more than the scatter even
 * where the gather could then run in parallel. */
bool scatters(AttrDomain from, AttrDomain to)
{
  return from != to &&
         (to == AttrDomain::Point || (to == AttrDomain::Edge && from != AttrDomain::Point));
}

/** The sequential scatter: sources in ascending order, so every target meets its sources
 * in the order the parallel gather visits them and the results are identical. */
template<typename T, typename Mixer>
void scatter_typed(const Lookups &l, const Mixer &mixer, std::span<const T> src, AttrDomain from,
                   AttrDomain to, std::span<T> dst)
{
  const MeshTopology &t = l.topology;
  std::unique_ptr<typename Mixer::Acc[]> accs(new typename Mixer::Acc[dst.size()]);
  auto add = [&](int32_t target, int32_t source) { mixer.add(accs[target], src[source]); };
  if (from == AttrDomain::Edge) { /* to point */
    for (int32_t edge = 0; edge < int32_t(t.edges.size()); edge++) {
      add(t.edges[edge].x, edge);
      if (t.edges[edge].y != t.edges[edge].x) {
        add(t.edges[edge].y, edge);
      }
    }
  }
  else {
    const std::span<const int32_t> targets = to == AttrDomain::Point ? t.corner_verts :
                                                                       t.corner_edges;
    for (int32_t face = 0; face < t.faces_num(); face++) {
      const int32_t start = t.face_offsets[face], end = t.face_offsets[face + 1];
      for (int32_t c = start; c < end; c++) {
        if (from == AttrDomain::Face) {
          add(targets[c], face);
        }
        else {
          add(targets[c], c);
          if (to == AttrDomain::Edge) {
            add(targets[c], corner_next(start, end, c));
          }
        }
      }
    }
  }
  for (size_t i = 0; i < dst.size(); i++) {
    dst[i] = mixer.finish(accs[i]);
  }
}

template<typename T, typename Mixer>
void adapt_typed(const Lookups &lookups, const Mixer &mixer, std::span<const std::byte> src_bytes,
                 AttrDomain from, AttrDomain to, std::span<std::byte> dst_bytes)
{
  const std::span<const T> src{reinterpret_cast<const T *>(src_bytes.data()),
                               src_bytes.size() / sizeof(T)};
  const std::span<T> dst{reinterpret_cast<T *>(dst_bytes.data()), dst_bytes.size() / sizeof(T)};
  if (scatters(from, to)) {
    scatter_typed<T>(lookups, mixer, src, from, to, dst);
    return;
  }
  parallel_each(int64_t(dst.size()), 2048, [&](int64_t i) {
    typename Mixer::Acc acc;
    for_each_source(lookups, from, to, int32_t(i), [&](int32_t s) { mixer.add(acc, src[s]); });
    dst[i] = mixer.finish(acc);
  });
}

/** Boolean targets that take "any source" instead of "all sources". */
bool bool_uses_any(AttrDomain from, AttrDomain to)
{
  return (to == AttrDomain::Point && (from == AttrDomain::Edge || from == AttrDomain::Face)) ||
         (to == AttrDomain::Edge && from == AttrDomain::Face);
}

}  // namespace

std::vector<std::byte> adapt_domain(const MeshTopology &topology, AttrType type,
                                    std::span<const std::byte> src, AttrDomain from,
                                    AttrDomain to)
{
  const int64_t from_size = domain_size(topology, from);
  const int64_t to_size = domain_size(topology, to);
  if (from_size < 0 || to_size < 0) {
    raise(ErrorKind::Value, "adapt_domain: meshes have only point, edge, face and corner domains");
  }
  const size_t value_size = dna::attr_type_size(type);
  if (src.size() != size_t(from_size) * value_size) {
    raise(ErrorKind::Value, str_cat("adapt_domain: expected ", from_size, " values, got ",
                                     src.size() / value_size));
  }
  std::vector<std::byte> dst(size_t(to_size) * value_size);
  if (from == to) {
    std::memcpy(dst.data(), src.data(), src.size());
    return dst;
  }
  const bool uses_edges = from == AttrDomain::Edge || to == AttrDomain::Edge;
  if (uses_edges && topology.corner_edges.size() != topology.corner_verts.size()) {
    raise(ErrorKind::Value, "adapt_domain: the edge domain needs corner_edges");
  }

  Lookups lookups{topology};
  /* Faces of corners, for the gathers that step from a corner to its face's others. */
  if (!scatters(from, to) &&
      (from == AttrDomain::Face || (from == AttrDomain::Edge && to == AttrDomain::Corner)))
  {
    lookups.corner_faces = corner_to_face_calc(topology);
  }

  switch (type) {
    case AttrType::Float:
      adapt_typed<float>(lookups, MeanMixer<float, 1>{}, src, from, to, dst);
      break;
    case AttrType::Float2:
      adapt_typed<float2>(lookups, MeanMixer<float2, 2>{}, src, from, to, dst);
      break;
    case AttrType::FloatVector:
      adapt_typed<float3>(lookups, MeanMixer<float3, 3>{}, src, from, to, dst);
      break;
    case AttrType::FloatColor:
      adapt_typed<float4>(lookups, MeanMixer<float4, 4>{float4(0, 0, 0, 1)}, src, from, to, dst);
      break;
    case AttrType::Quaternion:
      adapt_typed<Quaternion>(lookups, QuaternionMixer{}, src, from, to, dst);
      break;
    case AttrType::Int:
      adapt_typed<int32_t>(lookups, RoundedMeanMixer<int32_t, int32_t, double, 1>{}, src, from,
                           to, dst);
      break;
    case AttrType::Int2:
      adapt_typed<int2>(lookups, RoundedMeanMixer<int2, int32_t, double, 2>{}, src, from, to, dst);
      break;
    case AttrType::Int8:
      adapt_typed<int8_t>(lookups, RoundedMeanMixer<int8_t, int8_t, float, 1>{}, src, from, to,
                          dst);
      break;
    case AttrType::ByteColor:
      adapt_typed<uchar4>(lookups, ByteColorMixer{}, src, from, to, dst);
      break;
    case AttrType::Bool:
      adapt_typed<bool>(lookups, BoolMixer{!bool_uses_any(from, to)}, src, from, to, dst);
      break;
    case AttrType::String:
      adapt_typed<dna::AttrString>(lookups, StringMixer{}, src, from, to, dst);
      break;
  }
  return dst;
}

}  // namespace whisk::kernel
