// OpenSubdiv refinement and patch evaluation for mesh_subdivide (see subdiv_evaluator.hh).

#include "subdiv_evaluator.hh"

#include <opensubdiv/far/patchTableFactory.h>
#include <opensubdiv/far/primvarRefiner.h>
#include <opensubdiv/far/ptexIndices.h>
#include <opensubdiv/far/topologyDescriptor.h>

#include <cmath>

#include "whisk/base/error.hh"

namespace whisk::geometry::subdiv {

namespace Far = OpenSubdiv::Far;
namespace Sdc = OpenSubdiv::Sdc;

namespace {

/* Primvar types in the shape PrimvarRefiner and the stencil tables expect. */
struct Value3 {
  float3 v;
  void Clear(void * = nullptr) { v = float3(); }
  void AddWithWeight(const Value3 &src, float w) { v = v + src.v * w; }
};
struct Value2 {
  float2 v;
  void Clear(void * = nullptr) { v = float2(); }
  void AddWithWeight(const Value2 &src, float w) { v = v + src.v * w; }
};
static_assert(sizeof(Value3) == sizeof(float3) && sizeof(Value2) == sizeof(float2));

Sdc::Options::FVarLinearInterpolation fvar_option(const FVarLinear mode)
{
  switch (mode) {
    case FVarLinear::All: return Sdc::Options::FVAR_LINEAR_ALL;
    case FVarLinear::CornersOnly: return Sdc::Options::FVAR_LINEAR_CORNERS_ONLY;
    case FVarLinear::CornersPlus1: return Sdc::Options::FVAR_LINEAR_CORNERS_PLUS1;
    case FVarLinear::CornersPlus2: return Sdc::Options::FVAR_LINEAR_CORNERS_PLUS2;
    case FVarLinear::Boundaries: return Sdc::Options::FVAR_LINEAR_BOUNDARIES;
    case FVarLinear::None: return Sdc::Options::FVAR_LINEAR_NONE;
  }
  return Sdc::Options::FVAR_LINEAR_BOUNDARIES;
}

/** Face-varying topology of one UV map: corners of a vertex whose UVs are equal (within
 * Blender's UV connect limit) share a value, so seams split the map. */
struct FVarChannel {
  std::vector<int32_t> corner_values;
  std::vector<float2> values;
};

FVarChannel weld_uvs(const EvaluatorTopology &topo, std::span<const float2> uvs)
{
  constexpr float limit = 1e-4f;
  FVarChannel channel;
  channel.corner_values.resize(topo.corner_verts.size());
  /* Per vertex, the values made so far (a short list: vertices have few UV islands). */
  std::vector<std::vector<int32_t>> vert_values(static_cast<size_t>(topo.verts_num));
  for (size_t corner = 0; corner < topo.corner_verts.size(); corner++) {
    const float2 uv = uvs[corner];
    std::vector<int32_t> &known = vert_values[size_t(topo.corner_verts[corner])];
    int32_t found = -1;
    for (const int32_t value : known) {
      const float2 other = channel.values[size_t(value)];
      if (std::abs(other.x - uv.x) < limit && std::abs(other.y - uv.y) < limit) {
        found = value;
        break;
      }
    }
    if (found < 0) {
      found = int32_t(channel.values.size());
      channel.values.push_back(uv);
      known.push_back(found);
    }
    channel.corner_values[corner] = found;
  }
  return channel;
}

/** Fills the values of levels 1.. from level 0's at the start of `values`. */
template<typename T>
void refine_values(const Far::TopologyRefiner &refiner, T *values, const int channel)
{
  const Far::PrimvarRefiner primvar(refiner);
  size_t level_start = 0;
  for (int level = 1; level < refiner.GetNumLevels(); level++) {
    const Far::TopologyLevel &prev = refiner.GetLevel(level - 1);
    const size_t prev_size = size_t(channel < 0 ? prev.GetNumVertices() :
                                                  prev.GetNumFVarValues(channel));
    T *src = values + level_start;
    T *dst = src + prev_size;
    if (channel < 0) {
      primvar.Interpolate(level, src, dst);
    }
    else {
      primvar.InterpolateFaceVarying(level, src, dst, channel);
    }
    level_start += prev_size;
  }
}

}  // namespace

Evaluator::Evaluator(const EvaluatorTopology &topo, const EvaluatorSettings &settings,
                     std::span<const float3> positions,
                     std::span<const std::span<const float2>> uv_maps)
{
  const int faces_num = topo.face_offsets.empty() ? 0 : int(topo.face_offsets.size()) - 1;
  std::vector<int> verts_per_face(static_cast<size_t>(faces_num));
  for (int f = 0; f < faces_num; f++) {
    verts_per_face[size_t(f)] = topo.face_offsets[size_t(f) + 1] - topo.face_offsets[size_t(f)];
  }

  std::vector<FVarChannel> channels;
  for (const std::span<const float2> uvs : uv_maps) {
    channels.push_back(weld_uvs(topo, uvs));
  }
  std::vector<Far::TopologyDescriptor::FVarChannel> fvar_desc(channels.size());
  for (size_t i = 0; i < channels.size(); i++) {
    fvar_desc[i].numValues = int(channels[i].values.size());
    fvar_desc[i].valueIndices = channels[i].corner_values.data();
  }

  /* Simple subdivision: every edge infinitely sharp (see the header). */
  std::vector<int32_t> simple_edges;
  std::vector<float> simple_sharpness;
  Far::TopologyDescriptor desc;
  desc.numVertices = topo.verts_num;
  desc.numFaces = faces_num;
  desc.numVertsPerFace = verts_per_face.data();
  desc.vertIndicesPerFace = topo.corner_verts.data();
  if (settings.simple) {
    for (int f = 0; f < faces_num; f++) {
      const int start = topo.face_offsets[size_t(f)], size = verts_per_face[size_t(f)];
      for (int i = 0; i < size; i++) {
        simple_edges.push_back(topo.corner_verts[size_t(start + i)]);
        simple_edges.push_back(topo.corner_verts[size_t(start + (i + 1) % size)]);
        simple_sharpness.push_back(Sdc::Crease::SHARPNESS_INFINITE);
      }
    }
    desc.numCreases = int(simple_sharpness.size());
    desc.creaseVertexIndexPairs = simple_edges.data();
    desc.creaseWeights = simple_sharpness.data();
  }
  else {
    desc.numCreases = int(topo.crease_edge_sharpness.size());
    desc.creaseVertexIndexPairs = topo.crease_edge_verts.data();
    desc.creaseWeights = topo.crease_edge_sharpness.data();
    desc.numCorners = int(topo.crease_vert_sharpness.size());
    desc.cornerVertexIndices = topo.crease_verts.data();
    desc.cornerWeights = topo.crease_vert_sharpness.data();
  }
  desc.numFVarChannels = int(fvar_desc.size());
  desc.fvarChannels = fvar_desc.empty() ? nullptr : fvar_desc.data();

  Sdc::Options options;
  options.SetVtxBoundaryInterpolation(settings.boundary_keep_corners || settings.simple ?
                                          Sdc::Options::VTX_BOUNDARY_EDGE_AND_CORNER :
                                          Sdc::Options::VTX_BOUNDARY_EDGE_ONLY);
  options.SetFVarLinearInterpolation(fvar_option(settings.fvar_linear));
  using Factory = Far::TopologyRefinerFactory<Far::TopologyDescriptor>;
  refiner_.reset(Factory::Create(desc, Factory::Options(Sdc::SCHEME_CATMARK, options)));
  if (!refiner_) {
    raise(ErrorKind::Runtime, "subdivision: OpenSubdiv rejected the mesh topology");
  }

  const bool has_fvar = !channels.empty();
  if (settings.adaptive) {
    Far::TopologyRefiner::AdaptiveOptions adaptive(settings.level);
    adaptive.considerFVarChannels = has_fvar;
    adaptive.useInfSharpPatch = true;
    refiner_->RefineAdaptive(adaptive);
  }
  else {
    refiner_->RefineUniform(Far::TopologyRefiner::UniformOptions(settings.level));
  }
  Far::PatchTableFactory::Options patch_options(settings.level);
  patch_options.SetEndCapType(Far::PatchTableFactory::Options::ENDCAP_GREGORY_BASIS);
  /* Infinitely sharp features as patches with sharp boundaries (not isolated to the last
   * level): Blender's choice, which keeps sharp corners exactly in place. */
  patch_options.useInfSharpPatch = true;
  patch_options.generateFVarTables = has_fvar;
  /* UVs: smooth (bicubic) face-varying patches wherever the UV map is smooth. */
  patch_options.generateFVarLegacyLinearPatches = false;
  patches_.reset(Far::PatchTableFactory::Create(*refiner_, patch_options));
  patch_map_ = std::make_unique<Far::PatchMap>(*patches_);

  const Far::PtexIndices ptex(*refiner_);
  ptex_offsets_.resize(size_t(faces_num));
  for (int f = 0; f < faces_num; f++) {
    ptex_offsets_[size_t(f)] = ptex.GetFaceId(f);
  }

  /* Vertex values of every level, then the local points the patches add. */
  const size_t refined = size_t(refiner_->GetNumVerticesTotal());
  vertex_values_.resize(refined + size_t(patches_->GetNumLocalPoints()));
  std::copy(positions.begin(), positions.end(), vertex_values_.begin());
  /* Value3 is float3 with the primvar interface (same layout, see the static_assert). */
  Value3 *vertex_values = reinterpret_cast<Value3 *>(vertex_values_.data());
  refine_values(*refiner_, vertex_values, -1);
  if (patches_->GetNumLocalPoints()) {
    patches_->ComputeLocalPointValues(vertex_values, vertex_values + refined);
  }
  /* Uniform patch tables index the base level followed by the last level only. */
  const size_t base_size = size_t(refiner_->GetLevel(0).GetNumVertices());
  const size_t last_size = size_t(refiner_->GetLevel(refiner_->GetMaxLevel()).GetNumVertices());
  if (!settings.adaptive && refiner_->GetMaxLevel() > 1) {
    std::copy(vertex_values_.begin() + int64_t(refined - last_size), vertex_values_.end(),
              vertex_values_.begin() + int64_t(base_size));
    vertex_values_.resize(base_size + last_size + size_t(patches_->GetNumLocalPoints()));
  }

  for (size_t c = 0; c < channels.size(); c++) {
    const int channel = int(c);
    const size_t fvar_refined = size_t(refiner_->GetNumFVarValuesTotal(channel));
    std::vector<float2> values(fvar_refined +
                               size_t(patches_->GetNumLocalPointsFaceVarying(channel)));
    std::copy(channels[c].values.begin(), channels[c].values.end(), values.begin());
    Value2 *typed = reinterpret_cast<Value2 *>(values.data());
    refine_values(*refiner_, typed, channel);
    if (patches_->GetNumLocalPointsFaceVarying(channel)) {
      patches_->ComputeLocalPointValuesFaceVarying(typed, typed + fvar_refined, channel);
    }
    if (!settings.adaptive) {
      /* ... and face-varying values of the last level only. */
      const size_t last = size_t(
          refiner_->GetLevel(refiner_->GetMaxLevel()).GetNumFVarValues(channel));
      values.erase(values.begin(), values.begin() + int64_t(fvar_refined - last));
    }
    fvar_values_.push_back(std::move(values));
  }
}

Evaluator::~Evaluator() = default;

float3 Evaluator::position(const int ptex, const float u, const float v) const
{
  const Far::PatchTable::PatchHandle *handle = patch_map_->FindPatch(ptex, u, v);
  if (!handle) {
    return float3();
  }
  float weights[20];
  patches_->EvaluateBasis(*handle, u, v, weights);
  const Far::ConstIndexArray cvs = patches_->GetPatchVertices(*handle);
  float3 result;
  for (int i = 0; i < cvs.size(); i++) {
    result = result + vertex_values_[size_t(cvs[i])] * weights[i];
  }
  return result;
}

float2 Evaluator::uv(const int channel, const int ptex, const float u, const float v) const
{
  const Far::PatchTable::PatchHandle *handle = patch_map_->FindPatch(ptex, u, v);
  if (!handle) {
    return float2();
  }
  float weights[20];
  patches_->EvaluateBasisFaceVarying(*handle, u, v, weights, nullptr, nullptr, nullptr,
                                     nullptr, nullptr, channel);
  const Far::ConstIndexArray cvs = patches_->GetPatchFVarValues(*handle, channel);
  const std::vector<float2> &values = fvar_values_[size_t(channel)];
  float2 result;
  for (int i = 0; i < cvs.size(); i++) {
    result = result + values[size_t(cvs[i])] * weights[i];
  }
  return result;
}

}  // namespace whisk::geometry::subdiv
