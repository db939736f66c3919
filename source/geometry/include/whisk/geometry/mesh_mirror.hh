#pragma once
// The Mirror modifier as a pure function: the mesh plus its mirror image across the X, Y
// and/or Z planes (one after the other), optionally cut at the plane first (bisect) and
// with vertices on the plane merged. Matches Blender 3.4 element for element, except that
// after a bisect only the vertices keep Blender's order (see mesh_mirror_bisect.cc).

#include <array>
#include <string>
#include <string_view>

#include "whisk/base/math.hh"
#include "whisk/dna/mesh.hh"

namespace whisk::geometry {

struct MirrorParams {
  std::array<bool, 3> use_axis{true, false, false};
  /** Cut the mesh at the mirror plane and keep the positive side (the negative with flip). */
  std::array<bool, 3> use_bisect_axis{false, false, false};
  std::array<bool, 3> use_bisect_flip_axis{false, false, false};
  /** Merge each vertex with its mirror image when closer than merge_threshold. */
  bool use_mirror_merge = true;
  float merge_threshold = 0.001f;
  /** Vertices closer than this to the plane count as on it when bisecting. */
  float bisect_threshold = 0.001f;
  /** Mirror across the planes of another object: its matrix relative to the modified object
   * (object.matrix_world^-1 * mirror_object.matrix_world), computed by the caller, and the
   * modified object's own matrix (its scale tilts the bisect plane, as in Blender). */
  bool use_mirror_object = false;
  float4x4 mirror_matrix = float4x4::identity();
  float4x4 object_matrix = float4x4::identity();
  /** Give mirrored vertices the weights of the flipped groups ("Arm.L" <-> "Arm.R"). */
  bool use_mirror_vertex_groups = true;
  /** Mirror UVs of the copy (u -> 1 - u + mirror_offset_u; per unit tile with udim), then
   * shift them by offset_u/offset_v. */
  bool use_mirror_u = false;
  bool use_mirror_v = false;
  bool use_mirror_udim = false;
  float mirror_offset_u = 0.0f;
  float mirror_offset_v = 0.0f;
  float offset_u = 0.0f;
  float offset_v = 0.0f;
};

dna::Mesh mesh_mirror(const dna::Mesh &mesh, const MirrorParams &params);

/** The name of the other side's vertex group, by Blender's rules (bpy.utils.flip_name):
 * "Arm.L" <-> "Arm.R" (also '_', '-', ' ' and lowercase), "L.arm" <-> "R.arm",
 * "Left..."/"...Left" <-> "Right..." (keeping case); a ".001" number suffix is kept, or
 * dropped with strip_number. Names the rules do not cover come back unchanged. */
std::string flip_side_name(std::string_view name, bool strip_number = false);

}  // namespace whisk::geometry
