// Building the graph: nodes for every ID the view layer needs, relations between their
// operations, then a topological order with cycles reported and broken.

#include <algorithm>
#include <functional>

#include "depsgraph_impl.hh"
#include "whisk/anim/driver.hh"
#include "whisk/kernel/anim_data.hh"
#include "whisk/kernel/driver.hh"
#include "whisk/kernel/collection.hh"
#include "whisk/kernel/id_type.hh"
#include "whisk/kernel/lib_id.hh"
#include "whisk/kernel/lib_query.hh"
#include "whisk/kernel/modifier.hh"
#include "whisk/kernel/scene.hh"
#include "whisk/modifiers/modifier_eval.hh"

namespace whisk::depsgraph {
using namespace dna;

namespace {

void relate(OpNode *from, OpNode *to)
{
  if (!from || !to || from == to) {
    return;
  }
  if (std::find(from->outgoing.begin(), from->outgoing.end(), to) != from->outgoing.end()) {
    return;
  }
  from->outgoing.push_back(to);
  to->incoming.push_back(from);
}

bool starts_with(std::string_view s, std::string_view prefix)
{
  return s.substr(0, prefix.size()) == prefix;
}

/** Paths of an object's own transform. */
bool is_transform_path(std::string_view path)
{
  return starts_with(path, "location") || starts_with(path, "rotation_") ||
         starts_with(path, "scale") || starts_with(path, "delta_") ||
         starts_with(path, "matrix_");
}

bool is_geometry_type(IDType type)
{
  return type == IDType::Mesh || type == IDType::PointCloud;
}

}  // namespace

OpNode *IDNode::add_op(OpType type, int32_t driver_index)
{
  ops.push_back(std::make_unique<OpNode>());
  OpNode *op = ops.back().get();
  op->owner = this;
  op->type = type;
  op->driver_index = driver_index;
  return op;
}

IDNode *DepsgraphImpl::ensure_node(ID *orig)
{
  if (!orig) {
    return nullptr;
  }
  if (IDNode *node = find_node(orig)) {
    return node;
  }
  nodes_.push_back(std::make_unique<IDNode>());
  IDNode &node = *nodes_.back();
  node.orig = orig;
  by_orig_[orig] = &node;
  node.eval = orig;
  if (kernel::id_type_is_copied_for_eval(orig->type)) {
    node.eval_owned = EvalIDPtr(kernel::id_copy_for_eval(orig), EvalIDDeleter{&bmain_});
    node.eval = node.eval_owned.get();
    bmain_.evaluated_id_register(node.eval);
    node.cow = node.add_op(OpType::CopyOnWrite);
    node.cow->flushes = false;
  }
  node.parameters = node.add_op(OpType::Parameters);
  build_animation(node);
  if (orig->type == IDType::Object) {
    pending_objects_.push_back(&node);
  }
  else if (is_geometry_type(orig->type)) {
    node.geometry = node.add_op(OpType::Geometry);
  }
  return &node;
}

void DepsgraphImpl::build_animation(IDNode &node)
{
  AnimData *adt = kernel::id_anim_data(node.orig);
  if (!adt) {
    return;
  }
  if (adt->action) {
    node.animation = node.add_op(OpType::Animation);
    ensure_node(&adt->action->id);
  }
  for (int64_t i = 0; i < adt->drivers.size(); i++) {
    OpNode *op = node.add_op(OpType::Driver, int32_t(i));
    const FCurve &fcu = adt->drivers[i];
    op->needs_python = fcu.driver && kernel::driver_needs_python(*fcu.driver);
    node.drivers.push_back(op);
    if (!fcu.driver) {
      continue;
    }
    for (const auto &var : fcu.driver->variables) {
      for (const DriverTarget &target : var->targets) {
        ensure_node(target.id);
      }
    }
  }
}

void DepsgraphImpl::build_object(IDNode &node)
{
  auto &ob = *reinterpret_cast<Object *>(node.orig);
  node.transform = node.add_op(OpType::Transform);
  ensure_node(reinterpret_cast<ID *>(ob.parent));
  if (ob.data) {
    ensure_node(ob.data);
    if (is_geometry_type(ob.data->type)) {
      node.geometry = node.add_op(OpType::Geometry);
    }
  }
  for (const auto &md : ob.modifiers) {
    kernel::modifier_foreach_id(
        node.orig, *md, kernel::IDRefLambda([&](ID *, ID *target, uint32_t) {
          ensure_node(target);
          return target;
        }));
  }
  if (ob.instance_type == 3 && ob.instance_collection) {
    node.instances = node.add_op(OpType::Instances);
    for (Object *member : kernel::collection_all_objects(ob.instance_collection)) {
      ensure_node(&member->id);
    }
  }
  for (const MaterialSlotData &slot : ob.material_slots) {
    if (slot.material && slot.material->id.anim_data) {
      ensure_node(&slot.material->id);
    }
  }
}

void DepsgraphImpl::build()
{
  /* Evaluated copies are made anew: handles to the old ones raise ReferenceError. */
  nodes_.clear();
  by_orig_.clear();
  topological_order_.clear();
  cycles_.clear();
  pending_objects_.clear();
  instances_valid_ = false;
  objects_valid_ = false;

  kernel::view_layer_ensure_synced(scene_, view_layer_);
  layer_objects_ = kernel::view_layer_objects(scene_, view_layer_);
  ensure_node(&scene_->id);
  if (scene_->world && scene_->world->id.anim_data) {
    ensure_node(&scene_->world->id);
  }
  for (Object *ob : layer_objects_) {
    ensure_node(&ob->id);
  }
  /* Objects pull in more objects (parents, modifier targets, instanced collections). */
  while (!pending_objects_.empty()) {
    IDNode *node = pending_objects_.back();
    pending_objects_.pop_back();
    build_object(*node);
  }
  build_relations();
  finalize();
  for (auto &node : nodes_) {
    node->orig->recalc = 0;
  }
  built_ = true;
  built_relations_version_ = bmain_.relations_version;
  needs_rebuild_ = false;
  stats_.builds++;
  kernel::data_generation_bump();
}

OpNode *DepsgraphImpl::driver_target_op(ID *target, const std::string &path, bool transform)
{
  IDNode *node = find_node(target);
  if (!node) {
    return nullptr;
  }
  if (node->transform && (transform || is_transform_path(path))) {
    return node->transform;
  }
  if (node->geometry && (starts_with(path, "data") || is_geometry_type(target->type))) {
    return node->geometry;
  }
  return node->parameters;
}

void DepsgraphImpl::relations_of_drivers(IDNode &node)
{
  AnimData *adt = kernel::id_anim_data(node.orig);
  for (OpNode *op : node.drivers) {
    const FCurve &fcu = adt->drivers[op->driver_index];
    /* What the driver writes. */
    OpNode *driven = node.parameters;
    if (node.transform && is_transform_path(fcu.data_path)) {
      driven = node.transform;
    }
    else if (node.geometry &&
             (starts_with(fcu.data_path, "modifiers[") || is_geometry_type(node.orig->type)))
    {
      driven = node.geometry;
    }
    relate(op, driven);
    relate(node.animation, op);
    if (!fcu.driver) {
      continue;
    }
    for (const auto &var : fcu.driver->variables) {
      const bool reads_transform = var->type != DriverVarType::SingleProp;
      for (int t = 0; t < anim::driver_variable_target_count(var->type); t++) {
        const DriverTarget &target = var->targets[t];
        relate(driver_target_op(target.id, target.data_path, reads_transform), op);
      }
    }
  }
}

void DepsgraphImpl::relations_of_object(IDNode &node)
{
  auto &ob = *reinterpret_cast<Object *>(node.orig);
  if (IDNode *parent = find_node(reinterpret_cast<ID *>(ob.parent))) {
    relate(parent->transform, node.transform);
  }
  if (!node.geometry) {
    return;
  }
  if (IDNode *data = find_node(ob.data)) {
    relate(data->geometry, node.geometry);
  }
  relate(node.parameters, node.geometry);
  /* Array caps read other objects' final geometry. */
  for (const auto &md : ob.modifiers) {
    if (md->type == ModifierType::Array) {
      const auto &amd = static_cast<const ArrayModifierData &>(*md);
      for (const Object *cap : {amd.start_cap, amd.end_cap}) {
        if (IDNode *other = find_node(reinterpret_cast<const ID *>(cap))) {
          relate(other->geometry, node.geometry);
        }
      }
    }
  }
  if (modifiers::stack_uses_transforms(ob)) {
    relate(node.transform, node.geometry);
    for (const auto &md : ob.modifiers) {
      kernel::modifier_foreach_id(
          node.orig, *md, kernel::IDRefLambda([&](ID *, ID *target, uint32_t) {
            if (IDNode *other = find_node(target)) {
              relate(other->transform, node.geometry);
            }
            return target;
          }));
    }
  }
  if (node.instances) {
    relate(node.transform, node.instances);
    for (Object *member : kernel::collection_all_objects(ob.instance_collection)) {
      if (IDNode *other = find_node(&member->id)) {
        relate(other->transform, node.instances);
        relate(other->geometry, node.instances);
      }
    }
  }
}

void DepsgraphImpl::build_relations()
{
  for (auto &owned : nodes_) {
    IDNode &node = *owned;
    for (auto &op : node.ops) {
      if (op.get() != node.cow) {
        relate(node.cow, op.get());
      }
    }
    if (node.animation) {
      relate(node.animation, node.parameters);
      relate(node.animation, node.transform);
      relate(node.animation, node.geometry);
      AnimData *adt = kernel::id_anim_data(node.orig);
      if (IDNode *action = find_node(&adt->action->id)) {
        relate(action->parameters, node.animation);
      }
    }
    relate(node.parameters, node.geometry);
    relations_of_drivers(node);
    if (node.orig->type == IDType::Object) {
      relations_of_object(node);
    }
  }
}

void DepsgraphImpl::finalize()
{
  /* Depth-first topological sort. An edge into an operation still on the stack closes a
   * cycle: it is reported by name and dropped, so evaluation always has an order. */
  enum : uint8_t { White, Gray, Black };
  std::unordered_map<OpNode *, uint8_t> color;
  std::vector<OpNode *> reverse_order;
  struct Frame {
    OpNode *op;
    size_t next;
  };
  std::vector<Frame> stack;
  for (auto &node : nodes_) {
    for (auto &root : node->ops) {
      if (color[root.get()] != White) {
        continue;
      }
      stack.push_back({root.get(), 0});
      color[root.get()] = Gray;
      while (!stack.empty()) {
        Frame &frame = stack.back();
        if (frame.next < frame.op->outgoing.size()) {
          OpNode *next = frame.op->outgoing[frame.next];
          uint8_t &c = color[next];
          if (c == Gray) {
            std::string text = "Dependency cycle detected: " + next->name() + " depends on " +
                               frame.op->name();
            for (auto it = stack.rbegin(); it != stack.rend() && it->op != next; ++it) {
              if (it + 1 != stack.rend()) {
                text += ", which depends on " + (it + 1)->op->name();
              }
            }
            cycles_.push_back(text);
            frame.op->outgoing.erase(frame.op->outgoing.begin() + frame.next);
            std::erase(next->incoming, frame.op);
            continue;
          }
          frame.next++;
          if (c == White) {
            c = Gray;
            stack.push_back({next, 0});
          }
          continue;
        }
        color[frame.op] = Black;
        reverse_order.push_back(frame.op);
        stack.pop_back();
      }
    }
  }
  topological_order_.assign(reverse_order.rbegin(), reverse_order.rend());
}

}  // namespace whisk::depsgraph
