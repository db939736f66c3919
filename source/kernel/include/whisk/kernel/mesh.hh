#pragma once
// Mesh behaviour over dna::Mesh: the defining arrays, building and editing, attributes
// with Blender's rules, vertex groups, and derived data cached per mesh.
//
// Derived data (normals, triangles, bounds, maps) is computed on first use and kept until
// its inputs change. Whoever writes a mesh's arrays outside these functions calls the
// matching mesh_tag_* function. Arrays with writers outside the kernel (numpy views, see
// ImplicitSharingInfo) may change at any time, so while such a view lives a cache built
// from them also records a hash of their contents and is rebuilt when the hash differs.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "whisk/base/math.hh"
#include "whisk/dna/mesh.hh"
#include "whisk/kernel/attribute.hh"
#include "whisk/kernel/mesh_topology.hh"

namespace whisk::kernel {

using dna::Mesh;

/* Reserved attribute names (Blender 4's); ATTR_POSITION is in attribute.hh. */
inline constexpr std::string_view ATTR_EDGE_VERTS = ".edge_verts";
inline constexpr std::string_view ATTR_CORNER_VERT = ".corner_vert";
inline constexpr std::string_view ATTR_CORNER_EDGE = ".corner_edge";

/** Number of elements of a domain; 0 for domains a mesh does not have. */
int64_t mesh_domain_size(const Mesh &mesh, AttrDomain domain);

/* ---- The defining arrays ------------------------------------------------------------------ */

std::span<const float3> mesh_positions(const Mesh &mesh);
/** Writable positions; the caller tags the change (mesh_tag_positions_changed). */
std::span<float3> mesh_positions_for_write(Mesh &mesh);
std::span<const int2> mesh_edges(const Mesh &mesh);
std::span<int2> mesh_edges_for_write(Mesh &mesh);
std::span<const int32_t> mesh_face_offsets(const Mesh &mesh);
std::span<int32_t> mesh_face_offsets_for_write(Mesh &mesh);
std::span<const int32_t> mesh_corner_verts(const Mesh &mesh);
std::span<int32_t> mesh_corner_verts_for_write(Mesh &mesh);
std::span<const int32_t> mesh_corner_edges(const Mesh &mesh);
std::span<int32_t> mesh_corner_edges_for_write(Mesh &mesh);
MeshTopology mesh_topology(const Mesh &mesh);

/** Sets the element counts, resizing every attribute of each domain (new elements are
 * zero) and the face offsets (new faces are empty until the caller fills them). */
void mesh_resize(Mesh &mesh, int32_t verts, int32_t edges, int32_t faces, int32_t corners);
/** Removes all geometry and its attributes, keeping materials and settings. */
void mesh_clear_geometry(Mesh &mesh);

/* ---- Building and editing ---------------------------------------------------------------- */

/** Replaces the geometry with vertices, edges and faces (given as offsets and vertex
 * indices), then computes the edges of the faces that `edges` lacks. Raises Value, before
 * changing anything, for an index out of range or a face with fewer than 3 vertices. */
void mesh_from_pydata(Mesh &mesh, std::span<const float3> verts, std::span<const int2> edges,
                      std::span<const int32_t> face_offsets,
                      std::span<const int32_t> face_verts);
/** Computes edges from the faces: existing edges stay (and keep their order), each new
 * one is appended in face order, and corner_edges are set. */
void mesh_calc_edges(Mesh &mesh);
/** Multiplies positions by the matrix (normals follow on next use). */
void mesh_transform(Mesh &mesh, const float4x4 &matrix);
/** Reverses the winding of every face (`flip_normals`), with its corner attributes. */
void mesh_flip_normals(Mesh &mesh);

/** What validate found and fixed. */
struct MeshValidateReport {
  std::vector<std::string> messages;
  bool changed = false;
};
/** Repairs what Blender's validate repairs (bad indices, duplicate and degenerate edges,
 * invalid or duplicate faces, bad corner edges, unused corners, bad material indices and
 * deform weights, non-finite positions) and reports each fix. */
MeshValidateReport mesh_validate(Mesh &mesh);
/** Whether mesh_validate would find nothing to fix (checks only, changes nothing). */
bool mesh_is_valid(const Mesh &mesh);

/* ---- Attributes -------------------------------------------------------------------------- */

/** Whether an attribute is one the mesh cannot do without (position and topology). */
bool mesh_attribute_required(std::string_view name);
/** Adds an attribute with Blender's rules: the name made unique, default values
 * (white for colors, identity for quaternions, zero otherwise). Raises Runtime for a
 * reserved name or a domain meshes do not have. */
Attribute &mesh_attribute_add(Mesh &mesh, std::string_view name, AttrType type,
                              AttrDomain domain);
/** Raises Runtime for required attributes; also clears active/default references. */
void mesh_attribute_remove(Mesh &mesh, std::string_view name);
/** Renames, keeping names unique and references (active color, UV maps) pointing at it. */
void mesh_attribute_rename(Mesh &mesh, Attribute &attribute, std::string_view name);

/** A boolean attribute's values, or empty when the attribute is absent (all false). */
std::span<const bool> mesh_bool_attribute(const Mesh &mesh, std::string_view name,
                                          AttrDomain domain);
/** Reads one element's flag; false when the attribute is absent. */
bool mesh_flag_get(const Mesh &mesh, std::string_view name, AttrDomain domain, int64_t index);
/** Sets one element's flag, adding the attribute on the first true value. */
void mesh_flag_set(Mesh &mesh, std::string_view name, AttrDomain domain, int64_t index,
                   bool value);
/** `material_index` of a face (0 when absent). */
int32_t mesh_material_index(const Mesh &mesh, int64_t face);
void mesh_material_index_set(Mesh &mesh, int64_t face, int32_t value);

/** UV maps: FLOAT2 corner attributes not starting with '.' (`UVMap`). */
std::vector<Attribute *> mesh_uv_maps(Mesh &mesh);
Attribute &mesh_uv_map_add(Mesh &mesh, std::string_view name);
/** Color attributes: FLOAT_COLOR or BYTE_COLOR on points or corners. */
bool attribute_is_color(const Attribute &attribute);

/* ---- Vertex groups ----------------------------------------------------------------------- */

enum class WeightMode { Replace, Add, Subtract };
int32_t mesh_vertex_group_add(Mesh &mesh, std::string_view name);
void mesh_vertex_group_remove(Mesh &mesh, int32_t group);
void mesh_vertex_groups_clear(Mesh &mesh);
/** Sets weights of vertices in a group (Blender's VertexGroup.add); raises Index for a
 * vertex out of range before changing anything. */
void mesh_vertex_group_weights_add(Mesh &mesh, int32_t group, std::span<const int32_t> verts,
                                   float weight, WeightMode mode);
void mesh_vertex_group_weights_remove(Mesh &mesh, int32_t group,
                                      std::span<const int32_t> verts);
/** A vertex's weight in a group, or nullopt when it is not in it. */
std::optional<float> mesh_vertex_group_weight(const Mesh &mesh, int32_t group, int32_t vert);

/* ---- Derived data (cached) -----------------------------------------------------------------
 * Every getter first checks (once per topology change) that the arrays are consistent:
 * sizes match the counts, offsets increase, faces have at least 3 corners and every index
 * is in range. Damaged meshes (scripts may write anything) raise Runtime instead of being
 * read out of bounds; Mesh.validate() repairs them. */

/** Raises Runtime when the topology is inconsistent (see above). */
void mesh_topology_check(const Mesh &mesh);
/** Raises Runtime unless the faces are consistent (offsets, corner vertices); edges and
 * corner edges may still be missing. calc_edges and flip_normals need this much. */
void mesh_faces_check(const Mesh &mesh);

std::span<const float3> mesh_face_normals(const Mesh &mesh);
std::span<const float3> mesh_vert_normals(const Mesh &mesh);
/** Corner normals, honouring `sharp_edge` and `sharp_face` (and auto smooth by angle when
 * use_auto_smooth is on, as Blender 3.x). */
std::span<const float3> mesh_corner_normals(const Mesh &mesh);
std::span<const int3> mesh_corner_tris(const Mesh &mesh);
std::span<const int32_t> mesh_corner_tri_faces(const Mesh &mesh);
std::optional<Bounds> mesh_bounds(const Mesh &mesh);
const GroupedIndices &mesh_vert_to_face_map(const Mesh &mesh);
const GroupedIndices &mesh_edge_to_face_map(const Mesh &mesh);
/** Face centers (mean of the corners' positions) and areas. */
float3 mesh_face_center(const Mesh &mesh, int32_t face);
float mesh_face_area(const Mesh &mesh, int32_t face);

void mesh_tag_positions_changed(Mesh &mesh);
void mesh_tag_topology_changed(Mesh &mesh);
/** Sharp edges or faces, or auto smooth settings, changed. */
void mesh_tag_sharpness_changed(Mesh &mesh);

}  // namespace whisk::kernel
