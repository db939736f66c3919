#pragma once
// The Weld modifier as a pure function: merges vertices closer than a threshold (any two, or
// only along edges), removing the edges that collapse, duplicate edges and faces, and face
// corners that collapse. Matches Blender 3.4 element for element.

#include "whisk/dna/mesh.hh"

namespace whisk::geometry {

struct WeldParams {
  /** All: any vertices within the threshold merge. Connected: only along edges shorter
   * than the threshold. */
  enum class Mode { All, Connected };
  Mode mode = Mode::All;
  float merge_threshold = 0.001f;
  /** Connected mode: only collapse loose edges (edges without faces). */
  bool loose_edges = false;
};

/** The welded mesh: merged vertices sit at the mean of their positions and take the mean of
 * their attributes (vertex group weights too); corners that collapse into one mix theirs. */
dna::Mesh mesh_weld(const dna::Mesh &mesh, const WeldParams &params);

}  // namespace whisk::geometry
