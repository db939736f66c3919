#include "whisk/modifiers/modifier_eval.hh"

#include "whisk/base/error.hh"
#include "whisk/geometry/mesh_array.hh"
#include "whisk/geometry/mesh_displace.hh"
#include "whisk/geometry/mesh_mirror.hh"
#include "whisk/geometry/mesh_solidify.hh"
#include "whisk/geometry/mesh_subdivide.hh"
#include "whisk/geometry/mesh_triangulate.hh"
#include "whisk/geometry/mesh_weld.hh"
#include "whisk/kernel/object.hh"
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
  /* Caps are other objects' evaluated meshes, in their own coordinates. */
  auto cap_mesh = [](const Object *cap) -> const Mesh * {
    return cap && cap->data && cap->data->type == IDType::Mesh ?
               reinterpret_cast<const Mesh *>(cap->data) :
               nullptr;
  };
  params.start_cap = cap_mesh(md.start_cap);
  params.end_cap = cap_mesh(md.end_cap);
  return geometry::mesh_array(mesh, params);
}

Mesh run_mirror(const MirrorModifierData &md, const Object &object, const Mesh &mesh)
{
  geometry::MirrorParams params;
  for (int axis = 0; axis < 3; axis++) {
    params.use_axis[axis] = md.use_axis[axis];
    params.use_bisect_axis[axis] = md.use_bisect_axis[axis];
    params.use_bisect_flip_axis[axis] = md.use_bisect_flip_axis[axis];
  }
  params.use_mirror_merge = md.use_mirror_merge;
  params.merge_threshold = md.merge_threshold;
  params.bisect_threshold = md.bisect_threshold;
  if (md.mirror_object) {
    params.use_mirror_object = true;
    params.mirror_matrix = relative_matrix(object, *md.mirror_object);
    params.object_matrix = object.object_to_world;
  }
  params.use_mirror_vertex_groups = md.use_mirror_vertex_groups;
  params.use_mirror_u = md.use_mirror_u;
  params.use_mirror_v = md.use_mirror_v;
  params.use_mirror_udim = md.use_mirror_udim;
  params.mirror_offset_u = md.mirror_offset_u;
  params.mirror_offset_v = md.mirror_offset_v;
  params.offset_u = md.offset_u;
  params.offset_v = md.offset_v;
  return geometry::mesh_mirror(mesh, params);
}

Mesh run_solidify(const SolidifyModifierData &md, const Object &object, const Mesh &mesh)
{
  if (md.solidify_mode == 1) {
    raise(ErrorKind::Runtime, "the complex (NON_MANIFOLD) solidify mode is not supported yet");
  }
  geometry::SolidifyParams params;
  params.thickness = md.thickness;
  params.offset = md.offset;
  params.use_even_offset = md.use_even_offset;
  params.use_quality_normals = md.use_quality_normals;
  params.use_rim = md.use_rim;
  params.use_rim_only = md.use_rim_only;
  params.use_flip_normals = md.use_flip_normals;
  params.material_offset = md.material_offset;
  params.material_offset_rim = md.material_offset_rim;
  params.material_count = kernel::object_material_slot_count(object);
  return geometry::mesh_solidify(mesh, params);
}

Mesh run_triangulate(const TriangulateModifierData &md, const Mesh &mesh)
{
  geometry::TriangulateParams params;
  params.quad_method = geometry::QuadMethod(md.quad_method);
  params.ngon_method = geometry::NgonMethod(md.ngon_method);
  params.min_vertices = md.min_vertices;
  return geometry::mesh_triangulate(mesh, params);
}

Mesh run_weld(const WeldModifierData &md, const Mesh &mesh)
{
  geometry::WeldParams params;
  params.mode = md.mode == 1 ? geometry::WeldParams::Mode::Connected :
                               geometry::WeldParams::Mode::All;
  params.merge_threshold = md.merge_threshold;
  params.loose_edges = md.loose_edges;
  return geometry::mesh_weld(mesh, params);
}

Mesh run_displace(const DisplaceModifierData &md, const Object &object, const Mesh &mesh)
{
  using Direction = geometry::DisplaceParams::Direction;
  geometry::DisplaceParams params;
  params.strength = md.strength;
  params.mid_level = md.mid_level;
  /* DNA numbers: X, Y, Z, NORMAL, RGB_TO_XYZ, CUSTOM_NORMAL. */
  static const Direction directions[] = {Direction::X,        Direction::Y,
                                         Direction::Z,        Direction::Normal,
                                         Direction::RGBToXYZ, Direction::CustomNormal};
  params.direction = directions[std::min<int>(md.direction, 5)];
  params.global_space = md.space == 1;
  params.object_to_world = &object.object_to_world;
  params.vertex_group = md.vertex_group;
  params.invert_vertex_group = md.invert_vertex_group;
  Mesh result = mesh;
  geometry::mesh_displace(result, params);
  return result;
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
    case ModifierType::Mirror:
      return run_mirror(static_cast<const MirrorModifierData &>(md), object, mesh);
    case ModifierType::Solidify:
      return run_solidify(static_cast<const SolidifyModifierData &>(md), object, mesh);
    case ModifierType::Triangulate:
      return run_triangulate(static_cast<const TriangulateModifierData &>(md), mesh);
    case ModifierType::Weld:
      return run_weld(static_cast<const WeldModifierData &>(md), mesh);
    case ModifierType::Displace:
      return run_displace(static_cast<const DisplaceModifierData &>(md), object, mesh);
  }
  return std::nullopt;
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
