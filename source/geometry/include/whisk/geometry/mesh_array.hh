#pragma once
// The Array modifier as a pure function: copies of a mesh placed by an offset that
// accumulates from copy to copy, optional caps at both ends and optional merging of nearby
// vertices of neighbouring copies. Matches Blender 3.4 element for element.

#include "whisk/base/math.hh"
#include "whisk/dna/mesh.hh"

namespace whisk::geometry {

struct ArrayParams {
  /** How many copies: `count`, or as many as fit in `fit_length` (FIT_CURVE needs curves,
   * which Whisk does not have yet). */
  enum class FitType { FixedCount, FitLength };
  FitType fit_type = FitType::FixedCount;
  int count = 2;
  float fit_length = 0.0f;
  /** Offset relative to the mesh's bounding box size, per axis. */
  bool use_relative_offset = true;
  float3 relative_offset_displace{1.0f, 0.0f, 0.0f};
  bool use_constant_offset = false;
  float3 constant_offset_displace{1.0f, 0.0f, 0.0f};
  /** The offset object's matrix relative to the modified object
   * (object.matrix_world^-1 * offset_object.matrix_world), computed by the caller. */
  bool use_object_offset = false;
  float4x4 offset_matrix = float4x4::identity();
  /** Merge vertices of neighbouring copies (and caps) closer than merge_threshold;
   * _cap also merges the first copy with the last. */
  bool use_merge_vertices = false;
  bool use_merge_vertices_cap = false;
  float merge_threshold = 0.01f;
  /** Meshes put before the first and after the last copy, in their own coordinates (the
   * cap objects' transforms do not count, as in Blender). */
  const dna::Mesh *start_cap = nullptr;
  const dna::Mesh *end_cap = nullptr;
  /** UV offset per copy, applied to every UV map. */
  float offset_u = 0.0f;
  float offset_v = 0.0f;
};

/** The arrayed mesh. Raises whisk::Error (Value or Memory) before allocating when the
 * result would exceed 2^31-1 elements of a domain or the memory budget (a huge count, or a
 * fit length with a tiny offset). A fit length with no offset at all gives one copy, as in
 * Blender. */
dna::Mesh mesh_array(const dna::Mesh &mesh, const ArrayParams &params);

}  // namespace whisk::geometry
