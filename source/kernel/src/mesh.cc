// Mesh storage: the defining arrays, resizing, and the per-mesh cache of derived data.

#include "whisk/kernel/mesh.hh"

#include <cstring>
#include <mutex>

#include "whisk/base/error.hh"
#include "whisk/kernel/main.hh"

namespace whisk::dna {

/** Derived data of one mesh, each part computed on first use. */
struct MeshRuntime {
  template<typename T> struct Cache {
    std::mutex mutex;
    bool valid = false;
    uint64_t key = 0; /* written_inputs_key the value was computed under */
    T value;
  };
  Cache<std::vector<float3>> face_normals;
  Cache<std::vector<float3>> vert_normals;
  Cache<std::vector<float3>> corner_normals;
  struct Tris {
    std::vector<int3> tris;
    std::vector<int32_t> faces;
  };
  Cache<Tris> corner_tris;
  Cache<std::optional<whisk::kernel::Bounds>> bounds;
  Cache<whisk::kernel::GroupedIndices> vert_to_face;
  Cache<whisk::kernel::GroupedIndices> edge_to_face;
  /** Empty when the topology is consistent, else what is wrong. */
  Cache<std::string> topology_error;
};

}  // namespace whisk::dna

namespace whisk::kernel {

using dna::MeshRuntime;

namespace {

MeshRuntime &runtime(const Mesh &mesh)
{
  return mesh.runtime.get([] { return std::make_shared<MeshRuntime>(); });
}

const Attribute *find_on(const Mesh &mesh, std::string_view name, AttrDomain domain,
                         AttrType type)
{
  const Attribute *attribute = mesh.attributes.find(name);
  if (attribute && attribute->domain == domain && attribute->type == type) {
    return attribute;
  }
  return nullptr;
}

/** The attribute, added (zeroed) when missing. */
Attribute &ensure(Mesh &mesh, std::string_view name, AttrDomain domain, AttrType type)
{
  if (Attribute *attribute = mesh.attributes.find(name)) {
    if (attribute->domain == domain && attribute->type == type) {
      return *attribute;
    }
    attribute_remove(mesh.attributes, name);
  }
  return attribute_add(mesh.attributes, std::string(name), domain, type,
                       mesh_domain_size(mesh, domain));
}

template<typename T>
std::span<const T> read(const Mesh &mesh, std::string_view name, AttrDomain domain, AttrType type)
{
  const Attribute *attribute = find_on(mesh, name, domain, type);
  return attribute ? attribute->span<T>() : std::span<const T>();
}

template<typename T>
std::span<T> write(Mesh &mesh, std::string_view name, AttrDomain domain, AttrType type)
{
  return ensure(mesh, name, domain, type).mutable_span<T>();
}

/** A fingerprint of the arrays a cache reads that views outside the kernel may write
 * (numpy views of positions or sharpness, see ImplicitSharingInfo): 0 while no such view
 * lives, else a hash of those arrays. A cache built under another key is stale, so writes
 * through a view are noticed on the next read for the cost of hashing (about 1 ms per
 * million vertices) instead of recomputing. Topology arrays are never exported writable. */
uint64_t written_inputs_key(const Mesh &mesh, std::initializer_list<std::string_view> names)
{
  uint64_t key = 0;
  for (const std::string_view name : names) {
    const Attribute *attribute = mesh.attributes.find(name);
    const ImplicitSharingInfo *info = attribute ? attribute->data.sharing_info() : nullptr;
    if (!info || !info->has_writers()) {
      continue;
    }
    const std::span<const std::byte> bytes = attribute->data.span();
    uint64_t h = 0x9e3779b97f4a7c15ull ^ bytes.size();
    size_t i = 0;
    for (; i + 8 <= bytes.size(); i += 8) {
      uint64_t word;
      std::memcpy(&word, bytes.data() + i, 8);
      h = (h ^ word) * 0xff51afd7ed558ccdull;
      h ^= h >> 29;
    }
    for (; i < bytes.size(); i++) {
      h = (h ^ uint64_t(bytes[i])) * 0x100000001b3ull;
    }
    key = key * 31 + (h | 1); /* never 0 while a writer lives */
  }
  return key;
}

uint64_t positions_key(const Mesh &mesh) { return written_inputs_key(mesh, {ATTR_POSITION}); }

/** Runs `compute` into the cache unless it is valid for these inputs; returns the value. */
template<typename T, typename Compute>
const T &cached(MeshRuntime::Cache<T> &cache, uint64_t key, Compute &&compute)
{
  std::lock_guard lock(cache.mutex);
  if (!cache.valid || cache.key != key) {
    compute(cache.value);
    cache.valid = true;
    cache.key = key;
  }
  return cache.value;
}

void invalidate(MeshRuntime::Cache<auto> &cache)
{
  std::lock_guard lock(cache.mutex);
  cache.valid = false;
}

}  // namespace

int64_t mesh_domain_size(const Mesh &mesh, AttrDomain domain)
{
  switch (domain) {
    case AttrDomain::Point: return mesh.verts_num;
    case AttrDomain::Edge: return mesh.edges_num;
    case AttrDomain::Face: return mesh.faces_num;
    case AttrDomain::Corner: return mesh.corners_num;
    default: return 0;
  }
}

std::span<const float3> mesh_positions(const Mesh &mesh)
{
  return read<float3>(mesh, ATTR_POSITION, AttrDomain::Point, AttrType::FloatVector);
}
std::span<float3> mesh_positions_for_write(Mesh &mesh)
{
  return write<float3>(mesh, ATTR_POSITION, AttrDomain::Point, AttrType::FloatVector);
}
std::span<const int2> mesh_edges(const Mesh &mesh)
{
  return read<int2>(mesh, ATTR_EDGE_VERTS, AttrDomain::Edge, AttrType::Int2);
}
std::span<int2> mesh_edges_for_write(Mesh &mesh)
{
  return write<int2>(mesh, ATTR_EDGE_VERTS, AttrDomain::Edge, AttrType::Int2);
}
std::span<const int32_t> mesh_face_offsets(const Mesh &mesh) { return mesh.face_offsets.span(); }
std::span<int32_t> mesh_face_offsets_for_write(Mesh &mesh)
{
  return mesh.face_offsets.mutable_span();
}
std::span<const int32_t> mesh_corner_verts(const Mesh &mesh)
{
  return read<int32_t>(mesh, ATTR_CORNER_VERT, AttrDomain::Corner, AttrType::Int);
}
std::span<int32_t> mesh_corner_verts_for_write(Mesh &mesh)
{
  return write<int32_t>(mesh, ATTR_CORNER_VERT, AttrDomain::Corner, AttrType::Int);
}
std::span<const int32_t> mesh_corner_edges(const Mesh &mesh)
{
  return read<int32_t>(mesh, ATTR_CORNER_EDGE, AttrDomain::Corner, AttrType::Int);
}
std::span<int32_t> mesh_corner_edges_for_write(Mesh &mesh)
{
  return write<int32_t>(mesh, ATTR_CORNER_EDGE, AttrDomain::Corner, AttrType::Int);
}

MeshTopology mesh_topology(const Mesh &mesh)
{
  MeshTopology topology;
  topology.verts_num = mesh.verts_num;
  topology.edges = mesh_edges(mesh);
  topology.face_offsets = mesh_face_offsets(mesh);
  topology.corner_verts = mesh_corner_verts(mesh);
  topology.corner_edges = mesh_corner_edges(mesh);
  return topology;
}

void mesh_resize(Mesh &mesh, int32_t verts, int32_t edges, int32_t faces, int32_t corners)
{
  if (verts < 0 || edges < 0 || faces < 0 || corners < 0) {
    raise(ErrorKind::Value, "mesh element counts cannot be negative");
  }
  /* The defining arrays exist whenever their domain is not empty. */
  if (verts) {
    ensure(mesh, ATTR_POSITION, AttrDomain::Point, AttrType::FloatVector);
  }
  if (edges) {
    ensure(mesh, ATTR_EDGE_VERTS, AttrDomain::Edge, AttrType::Int2);
  }
  if (corners) {
    ensure(mesh, ATTR_CORNER_VERT, AttrDomain::Corner, AttrType::Int);
    ensure(mesh, ATTR_CORNER_EDGE, AttrDomain::Corner, AttrType::Int);
  }
  const int32_t old_faces = mesh.faces_num;
  attributes_resize_domain(mesh.attributes, AttrDomain::Point, verts);
  attributes_resize_domain(mesh.attributes, AttrDomain::Edge, edges);
  attributes_resize_domain(mesh.attributes, AttrDomain::Face, faces);
  attributes_resize_domain(mesh.attributes, AttrDomain::Corner, corners);
  if (faces == 0) {
    mesh.face_offsets = {};
  }
  else {
    /* New faces start empty at the old end; the caller sets their offsets. */
    const int32_t end = old_faces ? std::min(mesh.face_offsets[size_t(old_faces)], corners) : 0;
    mesh.face_offsets.resize(size_t(faces) + 1, end);
    if (faces < old_faces) {
      mesh.face_offsets.mutable_span()[size_t(faces)] = std::min(
          mesh.face_offsets[size_t(faces)], corners);
    }
  }
  if (!mesh.deform_verts.empty()) {
    mesh.deform_verts.resize(size_t(verts));
  }
  mesh.verts_num = verts;
  mesh.edges_num = edges;
  mesh.faces_num = faces;
  mesh.corners_num = corners;
  mesh_tag_topology_changed(mesh);
  data_generation_bump(); /* element pointers past the new end must not resolve */
}

void mesh_clear_geometry(Mesh &mesh)
{
  mesh.attributes = {};
  mesh.face_offsets = {};
  mesh.deform_verts.clear();
  mesh.verts_num = mesh.edges_num = mesh.faces_num = mesh.corners_num = 0;
  mesh.active_attribute.clear();
  mesh.active_color_attribute.clear();
  mesh.default_color_attribute.clear();
  mesh.active_uv_map.clear();
  mesh.default_uv_map.clear();
  mesh_tag_topology_changed(mesh);
  data_generation_bump();
}

/* ---- Derived data ------------------------------------------------------------------------ */

/** What is wrong with the topology, or empty. */
/** What is wrong with the topology, or empty. `faces_only` checks just what defines the
 * faces (offsets and corner vertices), as building edges from faces needs. */
static std::string find_topology_error(const Mesh &mesh, bool faces_only = false)
{
  const MeshTopology t = mesh_topology(mesh);
  if (mesh.verts_num < 0 || mesh.edges_num < 0 || mesh.faces_num < 0 || mesh.corners_num < 0) {
    return "negative element count";
  }
  if (mesh_positions(mesh).size() != size_t(mesh.verts_num) ||
      (!faces_only && t.edges.size() != size_t(mesh.edges_num)) ||
      t.corner_verts.size() != size_t(mesh.corners_num) ||
      (!faces_only && t.corner_edges.size() != size_t(mesh.corners_num)) ||
      t.face_offsets.size() != (mesh.faces_num ? size_t(mesh.faces_num) + 1 : 0))
  {
    return "array sizes do not match the element counts";
  }
  for (const auto &attribute : mesh.attributes.attributes) {
    if (attribute->size() != mesh_domain_size(mesh, attribute->domain)) {
      return "attribute \"" + attribute->name + "\" has the wrong size";
    }
  }
  if (mesh.faces_num ? t.face_offsets[0] != 0 || t.face_offsets.back() != mesh.corners_num :
                       mesh.corners_num != 0)
  {
    return "face offsets do not cover the corners";
  }
  for (int32_t f = 0; f < mesh.faces_num; f++) {
    if (t.face_offsets[size_t(f) + 1] - t.face_offsets[size_t(f)] < 3) {
      return "polygon " + std::to_string(f) + " has fewer than 3 loops";
    }
  }
  for (const int32_t v : t.corner_verts) {
    if (uint32_t(v) >= uint32_t(mesh.verts_num)) {
      return "a loop uses a vertex out of range";
    }
  }
  if (faces_only) {
    return {};
  }
  for (const int2 &edge : t.edges) {
    if (uint32_t(edge.x) >= uint32_t(mesh.verts_num) || uint32_t(edge.y) >= uint32_t(mesh.verts_num)) {
      return "an edge uses a vertex out of range";
    }
  }
  for (const int32_t e : t.corner_edges) {
    if (uint32_t(e) >= uint32_t(mesh.edges_num)) {
      return "a loop uses an edge out of range";
    }
  }
  return {};
}

void mesh_faces_check(const Mesh &mesh)
{
  const std::string error = find_topology_error(mesh, true);
  if (!error.empty()) {
    raise(ErrorKind::Runtime, "Mesh \"", mesh.id.name, "\" has invalid faces (", error,
          "); call Mesh.validate() to repair it");
  }
}

void mesh_topology_check(const Mesh &mesh)
{
  const std::string &error = cached(runtime(mesh).topology_error, 0,
                                    [&](std::string &e) { e = find_topology_error(mesh); });
  if (!error.empty()) {
    raise(ErrorKind::Runtime, "Mesh \"", mesh.id.name, "\" is invalid (", error,
          "); call Mesh.validate() to repair it");
  }
}

std::span<const float3> mesh_face_normals(const Mesh &mesh)
{
  mesh_topology_check(mesh);
  return cached(runtime(mesh).face_normals, positions_key(mesh),
                [&](std::vector<float3> &normals) {
                  normals.resize(size_t(mesh.faces_num));
                  face_normals_calc(mesh_positions(mesh), mesh_topology(mesh), normals);
                });
}

std::span<const float3> mesh_vert_normals(const Mesh &mesh)
{
  const std::span<const float3> face_normals = mesh_face_normals(mesh);
  return cached(runtime(mesh).vert_normals, positions_key(mesh),
                [&](std::vector<float3> &normals) {
                  normals.resize(size_t(mesh.verts_num));
                  vert_normals_calc(mesh_positions(mesh), mesh_topology(mesh), face_normals,
                                    normals);
                });
}

std::span<const float3> mesh_corner_normals(const Mesh &mesh)
{
  const std::span<const float3> face_normals = mesh_face_normals(mesh);
  return cached(runtime(mesh).corner_normals,
                written_inputs_key(mesh, {ATTR_POSITION, "sharp_edge", "sharp_face"}),
                [&](std::vector<float3> &normals) {
                  const MeshTopology topology = mesh_topology(mesh);
                  std::span<const bool> sharp_edges = mesh_bool_attribute(mesh, "sharp_edge",
                                                                          AttrDomain::Edge);
                  std::vector<bool> unused;
                  std::unique_ptr<bool[]> by_angle;
                  if (mesh.use_auto_smooth) {
                    by_angle.reset(new bool[size_t(mesh.edges_num)]());
                    std::span<bool> all(by_angle.get(), size_t(mesh.edges_num));
                    std::copy(sharp_edges.begin(), sharp_edges.end(), all.begin());
                    edges_sharp_from_angle(topology, face_normals, mesh.auto_smooth_angle, all);
                    sharp_edges = all;
                  }
                  normals.resize(size_t(mesh.corners_num));
                  corner_normals_calc(mesh_positions(mesh), topology, face_normals, sharp_edges,
                                      mesh_bool_attribute(mesh, "sharp_face", AttrDomain::Face),
                                      normals);
                });
}

static const MeshRuntime::Tris &corner_tris(const Mesh &mesh)
{
  mesh_topology_check(mesh);
  const std::span<const float3> face_normals = mesh_face_normals(mesh);
  return cached(runtime(mesh).corner_tris, positions_key(mesh), [&](MeshRuntime::Tris &t) {
    const MeshTopology topology = mesh_topology(mesh);
    const int32_t count = corner_tris_num(topology);
    t.tris.resize(size_t(count));
    t.faces.resize(size_t(count));
    corner_tris_calc(mesh_positions(mesh), topology, face_normals, t.tris, t.faces);
  });
}

std::span<const int3> mesh_corner_tris(const Mesh &mesh) { return corner_tris(mesh).tris; }
std::span<const int32_t> mesh_corner_tri_faces(const Mesh &mesh)
{
  return corner_tris(mesh).faces;
}

std::optional<Bounds> mesh_bounds(const Mesh &mesh)
{
  mesh_topology_check(mesh);
  return cached(runtime(mesh).bounds, positions_key(mesh),
                [&](std::optional<Bounds> &bounds) { bounds = bounds_calc(mesh_positions(mesh)); });
}

const GroupedIndices &mesh_vert_to_face_map(const Mesh &mesh)
{
  mesh_topology_check(mesh);
  return cached(runtime(mesh).vert_to_face, 0,
                [&](GroupedIndices &map) { map = vert_to_face_map(mesh_topology(mesh)); });
}

const GroupedIndices &mesh_edge_to_face_map(const Mesh &mesh)
{
  mesh_topology_check(mesh);
  return cached(runtime(mesh).edge_to_face, 0,
                [&](GroupedIndices &map) { map = edge_to_face_map(mesh_topology(mesh)); });
}

float3 mesh_face_center(const Mesh &mesh, int32_t face)
{
  const std::span<const float3> positions = mesh_positions(mesh);
  const std::span<const int32_t> corner_verts = mesh_corner_verts(mesh);
  const int32_t begin = mesh.face_offsets[size_t(face)], end = mesh.face_offsets[size_t(face) + 1];
  float3 sum;
  for (int32_t c = begin; c < end; c++) {
    sum = sum + positions[size_t(corner_verts[size_t(c)])];
  }
  return end > begin ? sum * (1.0f / float(end - begin)) : sum;
}

float mesh_face_area(const Mesh &mesh, int32_t face)
{
  /* Half the length of the Newell normal sum, which is the area of planar polygons. */
  const std::span<const float3> positions = mesh_positions(mesh);
  const std::span<const int32_t> corner_verts = mesh_corner_verts(mesh);
  const int32_t begin = mesh.face_offsets[size_t(face)], end = mesh.face_offsets[size_t(face) + 1];
  if (end - begin < 3) {
    return 0.0f;
  }
  const float3 origin = positions[size_t(corner_verts[size_t(begin)])];
  float3 sum;
  for (int32_t c = begin + 1; c + 1 < end; c++) {
    sum = sum + cross(positions[size_t(corner_verts[size_t(c)])] - origin,
                      positions[size_t(corner_verts[size_t(c) + 1])] - origin);
  }
  return length(sum) * 0.5f;
}

void mesh_tag_positions_changed(Mesh &mesh)
{
  if (MeshRuntime *rt = mesh.runtime.peek()) {
    invalidate(rt->face_normals);
    invalidate(rt->vert_normals);
    invalidate(rt->corner_normals);
    invalidate(rt->corner_tris);
    invalidate(rt->bounds);
  }
}

void mesh_tag_topology_changed(Mesh &mesh)
{
  mesh_tag_positions_changed(mesh);
  if (MeshRuntime *rt = mesh.runtime.peek()) {
    invalidate(rt->vert_to_face);
    invalidate(rt->edge_to_face);
    invalidate(rt->topology_error);
  }
}

void mesh_tag_sharpness_changed(Mesh &mesh)
{
  if (MeshRuntime *rt = mesh.runtime.peek()) {
    invalidate(rt->corner_normals);
  }
}

}  // namespace whisk::kernel
