#include "whisk/modifiers/modifier_eval.hh"

#include "whisk/base/error.hh"
#include "whisk/geometry/mesh_array.hh"
#include "whisk/geometry/mesh_subdivide.hh"
#include "whisk/kernel/mesh.hh"

namespace whisk::modifiers {
using namespace dna;

namespace {

/** `other`'s matrix in the coordinates of `object` (offset and mirror objects). */
float4x4 relative_matrix(const Object &object, const Object &other)
{
  return invert(object.object_to_world) * other.object_to_world;
}

Mesh run_subsurf(const SubsurfModifierData &md, const Mesh &mesh, kernel::EvalMode mode)
{
  geometry::SubdivideParams params;
  params.level = mode == kernel::EvalMode::Render ? md.render_levels : md.levels;
  params.simple = md.subdivision_type == 1;
  params.uv_smooth = geometry::UVSmooth(md.uv_smooth);
  params.boundary_smooth = geometry::BoundarySmooth(md.boundary_smooth);
  params.use_creases = md.use_creases;
  params.use_limit_surface = md.use_limit_surface;
  params.quality = md.quality;
  return geometry::mesh_subdivide(mesh, params);
}

Mesh run_array(const ArrayModifierData &md, const Object &object, const Mesh &mesh)
{
  geometry::ArrayParams params;
  params.fit_type = md.fit_type == 1 ? geometry::ArrayParams::FitType::FitLength :
                                       geometry::ArrayParams::FitType::FixedCount;
  if (md.fit_type == 2) {
    raise(ErrorKind::Runtime, "fitting to a curve needs curve objects, not supported yet");
  }
  params.count = md.count;
  params.fit_length = md.fit_length;
  params.use_relative_offset = md.use_relative_offset;
  params.relative_offset_displace = md.relative_offset_displace;
  params.use_constant_offset = md.use_constant_offset;
  params.constant_offset_displace = md.constant_offset_displace;
  params.use_object_offset = md.use_object_offset && md.offset_object;
  if (params.use_object_offset) {
    params.offset_matrix = relative_matrix(object, *md.offset_object);
  }
  params.use_merge_vertices = md.use_merge_vertices;
  params.use_merge_vertices_cap = md.use_merge_vertices_cap;
  params.merge_threshold = md.merge_threshold;
  params.offset_u = md.offset_u;
  params.offset_v = md.offset_v;
  /* Caps are other objects' meshes; their evaluated data once caps are supported. */
  return geometry::mesh_array(mesh, params);
}

/** One modifier; nullopt when it leaves the mesh as it is. */
std::optional<Mesh> run_modifier(ModifierData &md, Object &object, const Mesh &mesh,
                                 kernel::EvalMode mode)
{
  switch (md.type) {
    case ModifierType::Subsurf:
      return run_subsurf(static_cast<const SubsurfModifierData &>(md), mesh, mode);
    case ModifierType::Array:
      return run_array(static_cast<const ArrayModifierData &>(md), object, mesh);
    default:
      raise(ErrorKind::Runtime, "modifier type not evaluated yet");
  }
}

}  // namespace

bool modifier_is_enabled(const ModifierData &md, kernel::EvalMode mode)
{
  return md.mode & (mode == kernel::EvalMode::Render ? MODIFIER_MODE_RENDER :
                                                       MODIFIER_MODE_REALTIME);
}

bool stack_uses_transforms(const Object &object)
{
  for (const auto &md : object.modifiers) {
    switch (md->type) {
      case ModifierType::Array:
        if (static_cast<const ArrayModifierData &>(*md).use_object_offset) {
          return true;
        }
        break;
      case ModifierType::Mirror:
        if (static_cast<const MirrorModifierData &>(*md).mirror_object) {
          return true;
        }
        break;
      case ModifierType::Displace:
        if (static_cast<const DisplaceModifierData &>(*md).space == 1) {
          return true;
        }
        break;
      default:
        break;
    }
  }
  return false;
}

std::optional<Mesh> evaluate_mesh_stack(Object &object, const Mesh &input,
                                        kernel::EvalMode mode)
{
  std::optional<Mesh> result;
  for (const auto &md : object.modifiers) {
    md->error.clear();
    if (!modifier_is_enabled(*md, mode)) {
      continue;
    }
    const Mesh &current = result ? *result : input;
    try {
      std::optional<Mesh> next = run_modifier(*md, object, current, mode);
      if (next) {
        result.emplace(std::move(*next));
      }
    }
    catch (const Error &error) {
      /* The stack goes on with this modifier's input, as Blender skips a failing one. */
      md->error = error.what();
    }
  }
  return result;
}

}  // namespace whisk::modifiers
