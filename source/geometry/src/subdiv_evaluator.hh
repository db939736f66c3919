#pragma once
// The OpenSubdiv side of mesh_subdivide: builds a topology refiner for the faces of a mesh,
// refines it the way Blender 3.4's subdivision surface does, and evaluates positions and
// face-varying values (UV maps) at ptex coordinates (one ptex face per quad, one per
// corner of any other face, as OpenSubdiv numbers them).
//
// Blender's settings, as the oracle shows them:
// - Catmull-Clark; "simple" is Catmull-Clark with every edge infinitely sharp and boundary
//   corners kept, refined to level 1 only.
// - With the limit surface, adaptive refinement isolated to `quality` levels and bicubic
//   patches (Gregory basis end caps; infinitely sharp features as sharp patches, which keeps
//   sharp corners in place) are evaluated. Without it, uniform refinement to the requested
//   level and bilinear patches of the refined faces.
// - Edge and vertex creases c (0..1) become sharpness 10 c^2; face vertices that loose
//   edges also use are infinitely sharp.
// - UV maps are face-varying channels (corners of a vertex with equal UVs share a value),
//   smoothed by the uv_smooth rule, evaluated on bicubic face-varying patches.

#include <memory>
#include <span>
#include <vector>

#include <opensubdiv/far/patchMap.h>
#include <opensubdiv/far/patchTable.h>
#include <opensubdiv/far/topologyRefiner.h>

#include "whisk/base/math.hh"

namespace whisk::geometry::subdiv {

/** Face-varying interpolation, numbered as Blender's uv_smooth items. */
enum class FVarLinear { All, CornersOnly, CornersPlus1, CornersPlus2, Boundaries, None };

struct EvaluatorSettings {
  bool simple = false;
  bool adaptive = true;
  /** Refinement level: quality when adaptive, the subdivision level otherwise. */
  int level = 1;
  bool boundary_keep_corners = false;
  FVarLinear fvar_linear = FVarLinear::Boundaries;
};

/** Faces of the mesh to refine, over vertices 0..verts_num-1 (all used by some face). */
struct EvaluatorTopology {
  int verts_num = 0;
  std::span<const int32_t> face_offsets;
  std::span<const int32_t> corner_verts;
  /** Creases as OpenSubdiv sharpness (0 = smooth, 10 = infinitely sharp). */
  std::vector<int32_t> crease_edge_verts; /* pairs */
  std::vector<float> crease_edge_sharpness;
  std::vector<int32_t> crease_verts;
  std::vector<float> crease_vert_sharpness;
};

class Evaluator {
 public:
  /** `positions` per vertex of the topology; `uv_maps` one value per corner each. */
  Evaluator(const EvaluatorTopology &topology, const EvaluatorSettings &settings,
            std::span<const float3> positions, std::span<const std::span<const float2>> uv_maps);
  ~Evaluator();
  Evaluator(const Evaluator &) = delete;
  Evaluator &operator=(const Evaluator &) = delete;

  /** First ptex face of a face. */
  int ptex_offset(int face) const { return ptex_offsets_[size_t(face)]; }
  float3 position(int ptex, float u, float v) const;
  float2 uv(int channel, int ptex, float u, float v) const;

 private:
  std::unique_ptr<OpenSubdiv::Far::TopologyRefiner> refiner_;
  std::unique_ptr<OpenSubdiv::Far::PatchTable> patches_;
  std::unique_ptr<OpenSubdiv::Far::PatchMap> patch_map_;
  std::vector<int> ptex_offsets_;
  /** Values of every refined vertex (all levels) followed by the patches' local points. */
  std::vector<float3> vertex_values_;
  std::vector<std::vector<float2>> fvar_values_;
};

}  // namespace whisk::geometry::subdiv
