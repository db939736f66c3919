#pragma once
// The Solidify modifier's simple (EXTRUDE) mode as a pure function: a second, offset and
// reversed shell of the surface, with rim faces closing the open boundary. Matches Blender
// 3.4 element for element. The complex (NON_MANIFOLD) mode is not implemented.

#include "whisk/dna/mesh.hh"

namespace whisk::geometry {

struct SolidifyParams {
  float thickness = 0.01f;
  /** Where the shell lies relative to the surface: -1 inside, 0 centered, 1 outside. */
  float offset = -1.0f;
  /** Keep the thickness even at corners (offsets scaled by the angle between faces). */
  bool use_even_offset = false;
  /** Vertex normals weighted by the angle between the faces at each edge. */
  bool use_quality_normals = false;
  bool use_rim = true;
  /** Only the rim, no second shell. */
  bool use_rim_only = false;
  bool use_flip_normals = false;
  /** Added to the material index of shell and rim faces. */
  int material_offset = 0;
  int material_offset_rim = 0;
  /** The object's material slots: Blender applies the material offsets only when there are
   * at least 2 and clamps the indices to count - 1. -1 (unknown): offsets applied, indices
   * only kept from going negative. */
  int material_count = -1;
};

dna::Mesh mesh_solidify(const dna::Mesh &mesh, const SolidifyParams &params);

}  // namespace whisk::geometry
