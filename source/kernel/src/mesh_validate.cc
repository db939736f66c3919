// Mesh validation: repairs what Blender's Mesh.validate() repairs, the way Blender 3.4 does
// it (tools/oracle/gen_mesh_validate.py records the oracle), plus the damage only Whisk's
// storage can have: counts that disagree with array sizes, misplaced or duplicate attributes.
//
// Order matters and follows Blender: storage first (so that every later step may index the
// arrays by the counts), then positions, edges, faces (per-face checks, then duplicate
// faces, then overlapping corner ranges), unused corners, corner edges, material indices
// and deform weights. Faces and corners are in mesh_validate_faces.cc; mesh_is_valid
// (mesh_validate_check.cc) checks the same rules independently, changing nothing.

#include <algorithm>
#include <cmath>
#include <cstring>

#include "mesh_validate.hh"

namespace whisk::kernel::validate {

bool domain_on_mesh(AttrDomain domain)
{
  return int(domain) >= int(AttrDomain::Point) && int(domain) <= int(AttrDomain::Corner);
}

/** Why an attribute cannot stay at all, or null. `index` is its place in the storage. */
const char *attribute_unfit(const AttributeStorage &storage, size_t index)
{
  const Attribute &attribute = *storage.attributes[index];
  if (!domain_on_mesh(attribute.domain)) {
    return "is on a domain meshes do not have";
  }
  if (int(attribute.type) < 0 || int(attribute.type) >= dna::ATTR_TYPE_COUNT) {
    return "has an unknown type";
  }
  for (size_t i = 0; i < index; i++) {
    if (storage.attributes[i]->name == attribute.name) {
      return "repeats the name of an earlier attribute";
    }
  }
  for (const Builtin &builtin : BUILTINS) {
    if (attribute.name == builtin.name &&
        (attribute.domain != builtin.domain || attribute.type != builtin.type))
    {
      return "has the wrong domain or type for its name";
    }
  }
  return nullptr;
}

namespace {

size_t expected_bytes(const Mesh &mesh, const Attribute &attribute)
{
  return size_t(mesh_domain_size(mesh, attribute.domain)) * dna::attr_type_size(attribute.type);
}

/** Lowers a count to what the array defining its elements holds: an element exists only
 * when both say so (trusting the larger would invent elements, or allocate gigabytes for a
 * garbage count). */
void clamp_count(int32_t &count, int64_t defined, const char *what, Fixer &fix)
{
  if (count < 0 || count > defined) {
    const int32_t fixed = int32_t(std::clamp<int64_t>(count, 0, defined));
    fix("Mesh has ", count, " ", what, " but data for ", defined, "; set to ", fixed);
    count = fixed;
  }
}

int64_t defined_count(const Mesh &mesh, std::string_view name)
{
  const Attribute *attribute = mesh.attributes.find(name);
  return attribute ? attribute->size() : 0;
}

}  // namespace

/** Counts, attribute sizes and kinds, deform list size: afterwards every array has exactly
 * the size its count says, so later steps can index by the counts. */
void fix_storage(Mesh &mesh, Fixer &fix)
{
  auto &list = mesh.attributes.attributes;
  for (size_t i = 0; i < list.size();) {
    Attribute &attribute = *list[i];
    if (const char *why = attribute_unfit(mesh.attributes, i)) {
      fix("Attribute \"", attribute.name, "\" ", why, "; removed");
      list.erase(list.begin() + int64_t(i));
      continue;
    }
    if (attribute.type == AttrType::Bool) {
      /* A bool byte other than 0 or 1 is undefined behaviour to read. */
      const std::span<const std::byte> values = attribute.data.span();
      if (std::any_of(values.begin(), values.end(), [](std::byte b) { return b > std::byte(1); })) {
        fix("Attribute \"", attribute.name, "\" has boolean values other than 0 and 1; fixed");
        for (std::byte &b : attribute.data.mutable_span()) {
          b = b != std::byte(0) ? std::byte(1) : std::byte(0);
        }
      }
    }
    i++;
  }
  clamp_count(mesh.verts_num, defined_count(mesh, ATTR_POSITION), "vertices", fix);
  clamp_count(mesh.edges_num, defined_count(mesh, ATTR_EDGE_VERTS), "edges", fix);
  clamp_count(mesh.corners_num, defined_count(mesh, ATTR_CORNER_VERT), "corners", fix);
  const int64_t offsets = int64_t(mesh.face_offsets.size());
  clamp_count(mesh.faces_num, std::max<int64_t>(offsets - 1, 0), "faces", fix);
  for (const auto &attribute : list) {
    const size_t bytes = expected_bytes(mesh, *attribute);
    if (attribute->data.size() != bytes) {
      fix("Attribute \"", attribute->name, "\" has ", attribute->data.size(), " bytes, its ",
          "domain needs ", bytes, "; resized");
      attribute->data.resize(bytes, std::byte(0));
    }
  }
  for (const Builtin &builtin : BUILTINS) {
    const int64_t size = mesh_domain_size(mesh, builtin.domain);
    if (builtin.required && size > 0 && !mesh.attributes.find(builtin.name)) {
      fix("Attribute \"", builtin.name, "\" is missing; added with zeros");
      attribute_add(mesh.attributes, std::string(builtin.name), builtin.domain, builtin.type,
                    size);
    }
  }
  if (!mesh.active_attribute.empty() && !mesh.attributes.find(mesh.active_attribute)) {
    fix("Active attribute \"", mesh.active_attribute, "\" does not exist; cleared");
    mesh.active_attribute.clear();
  }
  if (!mesh.deform_verts.empty() && mesh.deform_verts.size() != size_t(mesh.verts_num)) {
    fix("Deform weights list ", mesh.deform_verts.size(), " vertices, the mesh has ",
        mesh.verts_num, "; resized");
    mesh.deform_verts.resize(size_t(mesh.verts_num));
  }
}

void fix_positions(Mesh &mesh, Fixer &fix)
{
  const std::span<const float3> positions = mesh_positions(mesh);
  std::span<float3> writable;
  for (size_t v = 0; v < positions.size(); v++) {
    const float3 p = positions[v];
    if (!std::isfinite(p.x) || !std::isfinite(p.y) || !std::isfinite(p.z)) {
      /* Blender zeroes the whole vertex, finite components included. */
      fix("Vertex ", v, " has a non-finite coordinate; set to zero");
      if (writable.empty()) {
        writable = mesh_positions_for_write(mesh);
      }
      writable[v] = float3();
    }
  }
  if (!writable.empty()) {
    mesh_tag_positions_changed(mesh);
  }
}

/** Removes edges with a vertex out of range, with equal vertices, or that repeat an earlier
 * edge; corner edges follow (to -1 for removed edges, fixed later by lookup). `hash` gets
 * every kept edge under its new index. */
void fix_edges(Mesh &mesh, Fixer &fix, EdgeHash &hash)
{
  const std::span<const int2> edges = mesh_edges(mesh);
  std::vector<int32_t> kept;
  std::vector<int32_t> new_index(edges.size(), -1);
  kept.reserve(edges.size());
  for (size_t e = 0; e < edges.size(); e++) {
    const int2 edge = edges[e];
    if (edge.x < 0 || edge.x >= mesh.verts_num || edge.y < 0 || edge.y >= mesh.verts_num) {
      fix("Edge ", e, " (", edge.x, ", ", edge.y, ") uses a vertex out of range; removed");
    }
    else if (edge.x == edge.y) {
      fix("Edge ", e, " uses vertex ", edge.x, " twice; removed");
    }
    else if (const int32_t first = hash.insert(edge.x, edge.y, int32_t(kept.size()));
             first != int32_t(kept.size()))
    {
      fix("Edge ", e, " repeats edge ", kept[size_t(first)], "; removed");
    }
    else {
      new_index[e] = int32_t(kept.size());
      kept.push_back(int32_t(e));
    }
  }
  if (kept.size() == edges.size()) {
    return;
  }
  attributes_gather_domain(mesh.attributes, AttrDomain::Edge, kept);
  mesh.edges_num = int32_t(kept.size());
  if (mesh.corners_num > 0) {
    for (int32_t &edge : mesh_corner_edges_for_write(mesh)) {
      edge = edge >= 0 && size_t(edge) < new_index.size() ? new_index[size_t(edge)] : -1;
    }
  }
}

void fix_material_indices(Mesh &mesh, Fixer &fix)
{
  /* Blender 3.4 resets negative indices only: an index past the slots may name an object
   * slot, and renders with the last material. */
  Attribute *attribute = mesh.attributes.find("material_index");
  if (!attribute) {
    return;
  }
  const std::span<const int32_t> values = attribute->span<int32_t>();
  for (size_t f = 0; f < values.size(); f++) {
    if (values[f] < 0) {
      fix("Face ", f, " has invalid material index ", values[f], "; set to 0");
      attribute->mutable_span<int32_t>()[f] = 0;
    }
  }
}

void fix_deform_weights(Mesh &mesh, Fixer &fix)
{
  const int32_t groups = int32_t(mesh.vertex_group_names.size());
  for (size_t v = 0; v < mesh.deform_verts.size(); v++) {
    std::vector<dna::DeformWeight> &weights = mesh.deform_verts[v];
    /* Blender keeps indices past the groups; Whisk removes them: the groups are listed on
     * the mesh itself, so such an index names nothing and would alias a group added later. */
    const size_t removed = std::erase_if(weights, [&](const dna::DeformWeight &w) {
      return w.group < 0 || w.group >= groups;
    });
    if (removed) {
      fix("Vertex ", v, " has ", removed, " weights in groups that do not exist; removed");
    }
    for (dna::DeformWeight &w : weights) {
      const float fixed = std::isfinite(w.weight) ? std::clamp(w.weight, 0.0f, 1.0f) : 0.0f;
      if (fixed != w.weight || std::isnan(w.weight)) {
        fix("Vertex ", v, ", group ", w.group, " has weight ", w.weight, "; set to ", fixed);
        w.weight = fixed;
      }
    }
  }
  if (groups == 0 && !mesh.deform_verts.empty()) {
    mesh.deform_verts.clear(); /* all lists are empty now: no change to report */
  }
  if (mesh.vertex_group_active_index < -1 || mesh.vertex_group_active_index >= groups) {
    fix("Active vertex group ", mesh.vertex_group_active_index, " does not exist; set to ",
        groups - 1);
    mesh.vertex_group_active_index = groups - 1;
  }
}

}  // namespace whisk::kernel::validate

namespace whisk::kernel {

MeshValidateReport mesh_validate(Mesh &mesh)
{
  using namespace validate;
  MeshValidateReport report;
  {
    Fixer fix(report);
    fix_storage(mesh, fix);
    fix_positions(mesh, fix);
    EdgeHash hash(size_t(mesh.edges_num) + size_t(mesh.corners_num) / 2 + 1);
    fix_edges(mesh, fix, hash);
    fix_faces(mesh, fix);
    fix_corner_edges(mesh, fix, hash);
    fix_material_indices(mesh, fix);
    fix_deform_weights(mesh, fix);
  }
  if (report.changed) {
    mesh_tag_topology_changed(mesh);
  }
  return report;
}

}  // namespace whisk::kernel
