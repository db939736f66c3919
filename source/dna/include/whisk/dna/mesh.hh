#pragma once
// Mesh data-block, stored as Blender 4 stores it: structure of arrays.
//
// - `face_offsets` has faces_num + 1 entries (none when there are no faces): face i uses
//   corners [face_offsets[i], face_offsets[i + 1]).
// - Everything else is an attribute (see attribute.hh). The arrays that define the mesh are
//   attributes with reserved names: `position` (POINT, FLOAT_VECTOR), `.edge_verts` (EDGE,
//   INT32_2D), `.corner_vert` and `.corner_edge` (CORNER, INT). Selection, hiding,
//   sharpness and material indices are attributes too (`.select_vert`, `.hide_poly`,
//   `sharp_edge`, `sharp_face`, `material_index`, ...), present only when not all default.
// - Derived data (normals, triangles, bounds, topology maps) lives in `runtime`, which the
//   kernel owns (whisk/kernel/mesh.hh); a copied mesh starts with empty caches.
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "whisk/dna/attribute.hh"
#include "whisk/dna/id.hh"
#include "whisk/dna/runtime_holder.hh"

namespace whisk::dna {

struct Material;
struct MeshRuntime;

/** One vertex's weight in one vertex group. */
struct DeformWeight {
  int32_t group = 0;
  float weight = 0.0f;
  friend bool operator==(const DeformWeight &, const DeformWeight &) = default;
};

struct Mesh {
  static constexpr IDType id_type = IDType::Mesh;
  ID id;
  std::vector<Material *> materials;
  bool use_auto_smooth = false;
  float auto_smooth_angle = 0.523599f;
  float texspace_location[3] = {0.0f, 0.0f, 0.0f};
  float texspace_size[3] = {1.0f, 1.0f, 1.0f};
  bool use_auto_texspace = true;

  int32_t verts_num = 0;
  int32_t edges_num = 0;
  int32_t faces_num = 0;
  int32_t corners_num = 0;
  SharedArray<int32_t> face_offsets;
  AttributeStorage attributes;
  /** Name of the active attribute (empty: none). A name, not an index: attributes are
   * kept in Blender's order (see attribute_add), so adding one may shift the others. */
  std::string active_attribute;
  std::string active_color_attribute;
  std::string default_color_attribute;
  /** Names of the active (edited) and default (rendered) UV maps. */
  std::string active_uv_map;
  std::string default_uv_map;

  /** Vertex groups: names here (as Blender since 3.0), weights per vertex. The weights
   * are one list per vertex, or empty when no vertex has any weight. */
  std::vector<std::string> vertex_group_names;
  int32_t vertex_group_active_index = -1;
  std::vector<std::vector<DeformWeight>> deform_verts;

  RuntimeHolder<MeshRuntime> runtime;
};

}  // namespace whisk::dna
