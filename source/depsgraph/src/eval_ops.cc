// The operations. Each writes only its own ID's evaluated copy (and, the graphs being
// active, the matching values of the original), and reads only what its relations order
// before it, so operations of different IDs run in parallel.

#include "depsgraph_impl.hh"
#include "whisk/anim/driver.hh"
#include "whisk/kernel/anim_data.hh"
#include "whisk/kernel/fcurve.hh"
#include "whisk/kernel/lib_id.hh"
#include "whisk/kernel/lib_query.hh"
#include "whisk/kernel/mesh.hh"
#include "whisk/kernel/object.hh"
#include "whisk/kernel/pointcloud.hh"
#include "whisk/modifiers/modifier_eval.hh"

namespace whisk::depsgraph {
using namespace dna;

void DepsgraphImpl::run(OpNode &op)
{
  IDNode &node = *op.owner;
  switch (op.type) {
    case OpType::CopyOnWrite:
      op_copy_on_write(node);
      break;
    case OpType::Animation:
      op_animation(node);
      break;
    case OpType::Driver:
      op_driver(node, op.driver_index);
      break;
    case OpType::Transform:
      op_transform(node);
      break;
    case OpType::Geometry:
      op_geometry(node);
      break;
    case OpType::Parameters:
    case OpType::Instances:
      /* Synchronisation points: their work is done by the operations before them. */
      break;
  }
}

void DepsgraphImpl::remap_to_eval(IDNode &node)
{
  /* References of the copy point at the copies of their targets (parents, data,
   * modifier objects); IDs evaluated in place stay as they are. */
  kernel::foreach_id(node.eval, kernel::IDRefLambda([&](ID *, ID *target, uint32_t flags) {
                       return (flags & kernel::IDREF_EMBEDDED) ? target : to_eval(target);
                     }));
  if (node.eval->type == IDType::Object) {
    auto &ob = *reinterpret_cast<Object *>(node.eval);
    if (node.geometry_result) {
      ob.data = node.geometry_result.get();
    }
  }
}

void DepsgraphImpl::op_copy_on_write(IDNode &node)
{
  auto *ob = node.eval->type == IDType::Object ? reinterpret_cast<Object *>(node.eval) : nullptr;
  /* Bounds and the world matrix are results of evaluation, not settings to copy. */
  const Object::Runtime runtime = ob ? ob->runtime : Object::Runtime();
  const float4x4 world = ob ? ob->object_to_world : float4x4::identity();
  kernel::id_update_for_eval(node.eval, node.orig);
  if (ob) {
    ob->runtime = runtime;
    ob->object_to_world = world;
  }
  remap_to_eval(node);
  node.copies++;
  count_copies_++;
}

void DepsgraphImpl::op_animation(IDNode &node)
{
  AnimData *adt = kernel::id_anim_data(node.orig);
  if (!adt || !adt->action || adt->action_influence <= 0.0f) {
    return;
  }
  const Action &action = *adt->action;
  const bool stale = node.channels_copy != node.copies ||
                     !node.channels_eval.resolved_for(&action, action.fcurves.size());
  if (stale) {
    node.channels_eval.resolve(&bmain_, node.eval, action);
    if (node.is_copied()) {
      node.channels_orig.resolve(&bmain_, node.orig, action);
    }
    node.channels_copy = node.copies;
  }
  node.channels_eval.evaluate(action, ctime_, node.is_copied() ? &node.channels_orig : nullptr);
  count_animations_++;
}

bool DepsgraphImpl::python_allowed() const { return bmain_.scripts_trusted; }

void DepsgraphImpl::op_driver(IDNode &node, int32_t index)
{
  AnimData *adt = kernel::id_anim_data(node.orig);
  if (!adt || index >= adt->drivers.size()) {
    return;
  }
  FCurve &fcu = adt->drivers[index];
  if (!fcu.driver || (fcu.flag & FCURVE_MUTED)) {
    return;
  }
  anim::DriverContext ctx;
  ctx.bmain = &bmain_;
  ctx.frame = ctime_;
  ctx.self = node.eval;
  ctx.to_evaluated = [this](ID *id) { return to_eval(id); };
  ctx.allow_python = python_allowed();
  const float driver_value = anim::driver_evaluate(*fcu.driver, ctx);
  /* The curve maps the driver's value: keys are looked up at it, modifiers shape it. */
  float value = driver_value;
  if (!fcu.keyframe_points.empty() || !fcu.modifiers.empty()) {
    value = kernel::fcurve_evaluate_ex(fcu, driver_value, driver_value);
  }
  anim::Channel channel = anim::channel_resolve(&bmain_, node.eval, fcu.data_path,
                                                fcu.array_index);
  if (!channel.valid()) {
    fcu.flag |= FCURVE_DISABLED;
    fcu.driver->is_valid = false;
    return;
  }
  fcu.flag &= ~FCURVE_DISABLED;
  channel.write(value);
  if (node.is_copied()) {
    anim::Channel orig = anim::channel_resolve(&bmain_, node.orig, fcu.data_path,
                                               fcu.array_index);
    if (orig.valid()) {
      orig.write(value);
    }
  }
  count_drivers_++;
}

void DepsgraphImpl::op_transform(IDNode &node)
{
  auto &ob = *reinterpret_cast<Object *>(node.eval);
  const float4x4 local = kernel::object_matrix_local(ob);
  /* The parent, evaluated before this object, already holds its final matrix. */
  ob.object_to_world = ob.parent ? ob.parent->object_to_world * local : local;
  if (node.is_copied()) {
    reinterpret_cast<Object *>(node.orig)->object_to_world = ob.object_to_world;
  }
  node.updated = node.updated_transform = true;
  count_transforms_++;
}

namespace {

std::optional<kernel::Bounds> geometry_bounds(const ID *data)
{
  if (!data) {
    return std::nullopt;
  }
  if (data->type == IDType::Mesh) {
    return kernel::mesh_bounds(*reinterpret_cast<const Mesh *>(data));
  }
  if (data->type == IDType::PointCloud) {
    return kernel::pointcloud_bounds(*reinterpret_cast<const PointCloud *>(data));
  }
  return std::nullopt;
}

}  // namespace

void DepsgraphImpl::op_geometry(IDNode &node)
{
  node.updated = node.updated_geometry = true;
  if (node.eval->type != IDType::Object) {
    /* Object data: the copy (and its animation) is the geometry. */
    return;
  }
  auto &ob = *reinterpret_cast<Object *>(node.eval);
  auto &orig_ob = *reinterpret_cast<Object *>(node.orig);
  ID *input = to_eval(orig_ob.data);
  std::optional<Mesh> result;
  if (input && input->type == IDType::Mesh) {
    result = modifiers::evaluate_mesh_stack(ob, *reinterpret_cast<Mesh *>(input), mode_);
  }
  if (result) {
    /* Keep the result's session uid across evaluations, so handles to it stay valid. */
    const uint32_t uid = node.geometry_result ? node.geometry_result->session_uid :
                                                kernel::id_session_uid_next();
    node.geometry_result.reset();
    auto *mesh = new Mesh(std::move(*result));
    mesh->id = *input;
    node.geometry_result = EvalIDPtr(&mesh->id, EvalIDDeleter{&bmain_});
    mesh->id.session_uid = uid;
    mesh->id.flag = ID_FLAG_EVALUATED;
    mesh->id.orig_id = orig_ob.data;
    mesh->id.properties = nullptr;
    mesh->id.anim_data = nullptr;
    bmain_.evaluated_id_register(&mesh->id);
    ob.data = &mesh->id;
  }
  else {
    node.geometry_result.reset();
    ob.data = input;
  }
  /* Modifier errors show on the original's stack too. */
  for (int64_t i = 0; i < ob.modifiers.size() && i < orig_ob.modifiers.size(); i++) {
    orig_ob.modifiers[i].error = ob.modifiers[i].error;
  }
  std::optional<kernel::Bounds> bounds = geometry_bounds(ob.data);
  ob.runtime.has_bounds = bounds.has_value();
  if (bounds) {
    ob.runtime.bounds_min = bounds->min;
    ob.runtime.bounds_max = bounds->max;
  }
  orig_ob.runtime = ob.runtime;
  count_geometries_++;
}

}  // namespace whisk::depsgraph
