#pragma once
// Subdivision surface (Blender's Subdivision Surface modifier) through OpenSubdiv.
//
// The result is laid out as Blender 3.4 lays it out, so indices match the oracle's:
// - vertices: the original vertices (same indices), then the inner vertices of each
//   original edge (from its first vertex to its second), then each face's inner vertices;
// - edges: the pieces of each original edge, then each face's inner edges;
// - faces: each original face's quads in turn (one grid for a quad, one grid per corner for
//   any other face), every quad starting at its lowest ptex coordinate.
// Loose vertices stay where they are; loose edges are split and smoothed as a curve through
// their neighbours along chains of loose edges.

#include "whisk/dna/mesh.hh"

namespace whisk::geometry {

/** Face-varying (UV) smoothing, as the modifier's uv_smooth items. */
enum class UVSmooth {
  None,
  PreserveCorners,
  PreserveCornersAndJunctions,
  PreserveCornersJunctionsAndConcave,
  PreserveBoundaries,
  SmoothAll,
};

/** How open boundaries are smoothed, as the modifier's boundary_smooth items. */
enum class BoundarySmooth { PreserveCorners, All };

struct SubdivideParams {
  int level = 1;
  /** SIMPLE subdivision instead of CATMULL_CLARK. */
  bool simple = false;
  UVSmooth uv_smooth = UVSmooth::PreserveBoundaries;
  BoundarySmooth boundary_smooth = BoundarySmooth::All;
  /** Read the float attributes "crease_edge" (EDGE) and "crease_vert" (POINT). */
  bool use_creases = true;
  /** Place vertices on the limit surface (evaluated at `quality` isolation levels). */
  bool use_limit_surface = true;
  int quality = 3;
};

/** The subdivided mesh. Level 0 gives a copy. Raises Value for a negative level and Memory
 * when the result would have more than 2^31 - 1 elements of a kind (before allocating). */
dna::Mesh mesh_subdivide(const dna::Mesh &src, const SubdivideParams &params);

}  // namespace whisk::geometry
