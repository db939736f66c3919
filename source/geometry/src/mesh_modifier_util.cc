// Shared machinery of the mesh modifiers; see mesh_modifier_util.hh.

#include "mesh_modifier_util.hh"

#include "mesh_result.hh"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <type_traits>

#include "whisk/base/error.hh"
#include "whisk/kernel/attribute.hh"
#include "whisk/kernel/mesh.hh"

namespace whisk::geometry::detail {

using dna::Attribute;
using dna::AttrType;

namespace {

/* Elements per task: the copies are cheap, so only big meshes are worth splitting. */
constexpr int64_t kGrain = 4096;

template<typename Fn> void parallel_range(int64_t size, const Fn &fn)
{
  tbb::parallel_for(tbb::blocked_range<int64_t>(0, size, kGrain),
                    [&](const tbb::blocked_range<int64_t> &range) {
                      for (int64_t i = range.begin(); i < range.end(); i++) {
                        fn(i);
                      }
                    });
}

void set_domain_size(dna::Mesh &mesh, AttrDomain domain, int64_t size)
{
  switch (domain) {
    case AttrDomain::Point: mesh.verts_num = int32_t(size); break;
    case AttrDomain::Edge: mesh.edges_num = int32_t(size); break;
    case AttrDomain::Face: mesh.faces_num = int32_t(size); break;
    case AttrDomain::Corner: mesh.corners_num = int32_t(size); break;
    default: break;
  }
}

bool is_reserved(std::string_view name)
{
  return name == kernel::ATTR_POSITION || name == kernel::ATTR_EDGE_VERTS ||
         name == kernel::ATTR_CORNER_VERT || name == kernel::ATTR_CORNER_EDGE;
}

/** Weighted sum of `count` values of type T (floats and float vectors). */
template<typename T, int N>
void mix_floats(const std::byte *src, std::byte *dst, const int32_t *idx, const float *w, int n)
{
  float sum[N] = {};
  for (int k = 0; k < n; k++) {
    const float *v = reinterpret_cast<const float *>(src + size_t(idx[k]) * sizeof(T));
    for (int c = 0; c < N; c++) {
      sum[c] += v[c] * w[k];
    }
  }
  std::memcpy(dst, sum, sizeof(T));
}

void mix_value(AttrType type, const std::byte *src, std::byte *dst, const int32_t *idx,
               const float *w, int n)
{
  const size_t size = dna::attr_type_size(type);
  if (n == 0) {
    std::memset(dst, 0, size);
    return;
  }
  switch (type) {
    case AttrType::Float: mix_floats<float, 1>(src, dst, idx, w, n); return;
    case AttrType::Float2: mix_floats<float2, 2>(src, dst, idx, w, n); return;
    case AttrType::FloatVector: mix_floats<float3, 3>(src, dst, idx, w, n); return;
    case AttrType::FloatColor:
    case AttrType::Quaternion: mix_floats<float4, 4>(src, dst, idx, w, n); return;
    case AttrType::Int: {
      double sum = 0;
      for (int k = 0; k < n; k++) {
        sum += double(reinterpret_cast<const int32_t *>(src)[idx[k]]) * w[k];
      }
      const int32_t value = int32_t(std::lround(sum));
      std::memcpy(dst, &value, 4);
      return;
    }
    case AttrType::Int8: {
      float sum = 0;
      for (int k = 0; k < n; k++) {
        sum += float(reinterpret_cast<const int8_t *>(src)[idx[k]]) * w[k];
      }
      const int8_t value = int8_t(std::lround(sum));
      std::memcpy(dst, &value, 1);
      return;
    }
    case AttrType::Bool: {
      bool any = false;
      for (int k = 0; k < n; k++) {
        any |= reinterpret_cast<const bool *>(src)[idx[k]] && w[k] > 0.0f;
      }
      std::memcpy(dst, &any, 1);
      return;
    }
    case AttrType::ByteColor: {
      float sum[4] = {};
      for (int k = 0; k < n; k++) {
        const uint8_t *v = reinterpret_cast<const uint8_t *>(src + size_t(idx[k]) * 4);
        for (int c = 0; c < 4; c++) {
          sum[c] += float(v[c]) * w[k];
        }
      }
      for (int c = 0; c < 4; c++) {
        dst[c] = std::byte(uint8_t(std::clamp(std::lround(sum[c]), 0l, 255l)));
      }
      return;
    }
    default: std::memcpy(dst, src + size_t(idx[0]) * size, size); return;
  }
}

}  // namespace

dna::Mesh mesh_new_like(const dna::Mesh &src)
{
  /* The settings (materials, auto smooth, names of active layers...) as every modifier's
   * result starts, then the source's attributes, empty. */
  dna::Mesh mesh = mesh_result::new_like(src);
  for (const auto &attribute : src.attributes.attributes) {
    kernel::attribute_add(mesh.attributes, attribute->name, attribute->domain, attribute->type,
                          0);
  }
  /* The defining arrays always exist here; mesh_finish drops those of empty domains. */
  const std::pair<std::string_view, std::pair<AttrDomain, AttrType>> reserved[] = {
      {kernel::ATTR_POSITION, {AttrDomain::Point, AttrType::FloatVector}},
      {kernel::ATTR_EDGE_VERTS, {AttrDomain::Edge, AttrType::Int2}},
      {kernel::ATTR_CORNER_VERT, {AttrDomain::Corner, AttrType::Int}},
      {kernel::ATTR_CORNER_EDGE, {AttrDomain::Corner, AttrType::Int}}};
  for (const auto &[name, kind] : reserved) {
    if (!mesh.attributes.find(name)) {
      kernel::attribute_add(mesh.attributes, std::string(name), kind.first, kind.second, 0);
    }
  }
  return mesh;
}

dna::Mesh mesh_copy(const dna::Mesh &src)
{
  dna::Mesh mesh = mesh_new_like(src);
  mesh.attributes = src.attributes;
  mesh.deform_verts = src.deform_verts;
  mesh.face_offsets = src.face_offsets;
  mesh.verts_num = src.verts_num;
  mesh.edges_num = src.edges_num;
  mesh.faces_num = src.faces_num;
  mesh.corners_num = src.corners_num;
  mesh_finish(mesh);
  return mesh;
}

void gather_domain(const dna::Mesh &src, dna::Mesh &dst, AttrDomain domain,
                   std::span<const int32_t> map)
{
  const int64_t size = int64_t(map.size());
  for (const auto &attribute : dst.attributes.attributes) {
    if (attribute->domain != domain) {
      continue;
    }
    const Attribute *source = src.attributes.find(attribute->name);
    const size_t elem = dna::attr_type_size(attribute->type);
    SharedArray<std::byte> values(size_t(size) * elem, SharedArray<std::byte>::NoInit{});
    std::byte *out = values.mutable_span().data();
    const bool usable = source && source->type == attribute->type &&
                        source->domain == domain;
    const std::byte *in = usable ? source->data.data() : nullptr;
    /* Fixed-size copies per value type, so that each compiles to a few moves. */
    auto copy_all = [&]<size_t N>(std::integral_constant<size_t, N>) {
      parallel_range(size, [&](int64_t i) {
        if (in && map[i] >= 0) {
          std::memcpy(out + i * N, in + size_t(map[i]) * N, N);
        }
        else {
          std::memset(out + i * N, 0, N);
        }
      });
    };
    switch (elem) {
      case 1: copy_all(std::integral_constant<size_t, 1>()); break;
      case 4: copy_all(std::integral_constant<size_t, 4>()); break;
      case 8: copy_all(std::integral_constant<size_t, 8>()); break;
      case 12: copy_all(std::integral_constant<size_t, 12>()); break;
      case 16: copy_all(std::integral_constant<size_t, 16>()); break;
      default:
        parallel_range(size, [&](int64_t i) {
          if (in && map[i] >= 0) {
            std::memcpy(out + i * elem, in + size_t(map[i]) * elem, elem);
          }
          else {
            std::memset(out + i * elem, 0, elem);
          }
        });
    }
    attribute->data = std::move(values);
  }
  set_domain_size(dst, domain, size);
  if (domain == AttrDomain::Point) {
    dst.deform_verts.clear();
    if (!src.deform_verts.empty()) {
      dst.deform_verts.resize(size_t(size));
      parallel_range(size, [&](int64_t i) {
        if (map[i] >= 0 && size_t(map[i]) < src.deform_verts.size()) {
          dst.deform_verts[i] = src.deform_verts[size_t(map[i])];
        }
      });
    }
  }
}

void mix_domain(const dna::Mesh &src, dna::Mesh &dst, AttrDomain domain, const MixMap &map)
{
  const int64_t size = map.size();
  for (const auto &attribute : dst.attributes.attributes) {
    if (attribute->domain != domain) {
      continue;
    }
    const Attribute *source = src.attributes.find(attribute->name);
    const size_t elem = dna::attr_type_size(attribute->type);
    SharedArray<std::byte> values(size_t(size) * elem, SharedArray<std::byte>::NoInit{});
    std::byte *out = values.mutable_span().data();
    const bool usable = source && source->type == attribute->type &&
                        source->domain == domain;
    parallel_range(size, [&](int64_t i) {
      const int32_t begin = map.offsets[i];
      const int n = usable ? map.offsets[i + 1] - begin : 0;
      mix_value(attribute->type, usable ? source->data.data() : nullptr, out + i * elem,
                map.indices.data() + begin, map.weights.data() + begin, n);
    });
    attribute->data = std::move(values);
  }
  set_domain_size(dst, domain, size);
  if (domain == AttrDomain::Point) {
    dst.deform_verts.clear();
    if (!src.deform_verts.empty()) {
      dst.deform_verts.resize(size_t(size));
      parallel_range(size, [&](int64_t i) {
        std::vector<dna::DeformWeight> &out = dst.deform_verts[i];
        const int32_t begin = map.offsets[i], end = map.offsets[i + 1];
        if (end - begin == 1 && map.weights[begin] == 1.0f) {
          /* A plain copy keeps zero weights (still members of their groups). */
          if (size_t(map.indices[begin]) < src.deform_verts.size()) {
            out = src.deform_verts[size_t(map.indices[begin])];
          }
          return;
        }
        for (int32_t k = begin; k < end; k++) {
          const size_t v = size_t(map.indices[k]);
          if (v >= src.deform_verts.size()) {
            continue;
          }
          for (const dna::DeformWeight &dw : src.deform_verts[v]) {
            /* As Blender's interpolation: contributions of zero add no group. */
            if (dw.weight * map.weights[k] == 0.0f) {
              continue;
            }
            auto found = std::find_if(out.begin(), out.end(),
                                      [&](const auto &o) { return o.group == dw.group; });
            if (found == out.end()) {
              out.push_back({dw.group, 0.0f});
              found = out.end() - 1;
            }
            found->weight += dw.weight * map.weights[k];
          }
        }
      });
    }
  }
}

void mesh_finish(dna::Mesh &mesh)
{
  const std::pair<std::string_view, int32_t> reserved[] = {
      {kernel::ATTR_POSITION, mesh.verts_num},
      {kernel::ATTR_EDGE_VERTS, mesh.edges_num},
      {kernel::ATTR_CORNER_VERT, mesh.corners_num},
      {kernel::ATTR_CORNER_EDGE, mesh.corners_num}};
  for (const auto &[name, size] : reserved) {
    if (size == 0) {
      kernel::attribute_remove(mesh.attributes, name);
    }
  }
  if (mesh.faces_num == 0) {
    mesh.face_offsets = {};
  }
  kernel::mesh_tag_topology_changed(mesh);
}

void check_result_size(std::string_view what, const dna::Mesh &like, int64_t verts,
                       int64_t edges, int64_t faces, int64_t corners)
{
  constexpr int64_t kMaxElements = INT32_MAX;
  /* Results beyond this many bytes of arrays are refused rather than attempted. */
  constexpr double kMaxBytes = 16.0 * (int64_t(1) << 30);
  for (const auto &[name, count] : {std::pair{"vertices", verts}, std::pair{"edges", edges},
                                    std::pair{"faces", faces}, std::pair{"corners", corners}})
  {
    if (count < 0 || count > kMaxElements) {
      raise(ErrorKind::Value, what, ": the result would have ", count, " ", name,
            ", more than a mesh can hold (", kMaxElements, ")");
    }
  }
  double bytes = double(faces + 1) * 4 + double(verts) * 12 + double(edges) * 8 +
                 double(corners) * 8;
  for (const auto &attribute : like.attributes.attributes) {
    if (is_reserved(attribute->name)) {
      continue;
    }
    const double n = attribute->domain == AttrDomain::Point  ? double(verts) :
                     attribute->domain == AttrDomain::Edge   ? double(edges) :
                     attribute->domain == AttrDomain::Face   ? double(faces) :
                     attribute->domain == AttrDomain::Corner ? double(corners) :
                                                               0.0;
    bytes += n * double(dna::attr_type_size(attribute->type));
  }
  if (!like.deform_verts.empty()) {
    bytes += double(verts) * 32;
  }
  if (bytes > kMaxBytes) {
    raise(ErrorKind::Memory, what, ": the result would need about ",
          int64_t(bytes / double(1 << 20)), " MiB, more than the ",
          int64_t(kMaxBytes / double(1 << 20)), " MiB allowed");
  }
}

float3 transform_point(const float4x4 &m, float3 p)
{
  return {m.m[0][0] * p.x + m.m[1][0] * p.y + m.m[2][0] * p.z + m.m[3][0],
          m.m[0][1] * p.x + m.m[1][1] * p.y + m.m[2][1] * p.z + m.m[3][1],
          m.m[0][2] * p.x + m.m[1][2] * p.y + m.m[2][2] * p.z + m.m[3][2]};
}

std::vector<std::string> uv_map_names(const dna::Mesh &mesh)
{
  std::vector<std::string> names;
  for (const auto &attribute : mesh.attributes.attributes) {
    if (attribute->domain == AttrDomain::Corner && attribute->type == AttrType::Float2 &&
        !attribute->name.starts_with('.'))
    {
      names.push_back(attribute->name);
    }
  }
  return names;
}

}  // namespace whisk::geometry::detail
