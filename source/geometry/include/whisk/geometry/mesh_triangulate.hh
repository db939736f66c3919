#pragma once
// Triangulate (Blender's Triangulate modifier): splits faces with at least `min_vertices`
// corners into triangles.
//
// Order as Blender 3.4 leaves it: vertices and original edges unchanged; each split face
// keeps its index for its last triangle, the other triangles are appended after all
// original faces, face by face; new edges are appended after the original ones. Quads are
// split exactly as Blender splits them, n-gons with CLIP exactly as its ear clipping does.
// BEAUTY n-gons get the same triangles (Blender's edge-flip optimisation), but the order of
// those triangles and of their new edges may differ from Blender's.

#include "whisk/dna/mesh.hh"

namespace whisk::geometry {

/** How quads are split, as the modifier's quad_method items. */
enum class QuadMethod { Beauty, Fixed, FixedAlternate, ShortestDiagonal, LongestDiagonal };
/** How faces with more than four corners are split, as the modifier's ngon_method items. */
enum class NgonMethod { Beauty, Clip };

struct TriangulateParams {
  QuadMethod quad_method = QuadMethod::ShortestDiagonal;
  NgonMethod ngon_method = NgonMethod::Beauty;
  /** Faces with fewer corners stay as they are (clamped to at least 4). */
  int min_vertices = 4;
};

/** The triangulated mesh; every attribute follows (corner values stay with their corner,
 * new faces copy their face's values, new edges get default values). */
dna::Mesh mesh_triangulate(const dna::Mesh &src, const TriangulateParams &params);

}  // namespace whisk::geometry
