#include "whisk/depsgraph/depsgraph.hh"

#include <memory>

#include <tbb/global_control.h>

#include "depsgraph_impl.hh"
#include "whisk/kernel/collection.hh"
#include "whisk/kernel/id_type.hh"
#include "whisk/kernel/lib_id.hh"
#include "whisk/kernel/scene.hh"

namespace whisk::depsgraph {
using namespace dna;

const char *op_type_name(OpType type)
{
  switch (type) {
    case OpType::CopyOnWrite: return "COPY_ON_WRITE";
    case OpType::Animation: return "ANIMATION";
    case OpType::Driver: return "DRIVER";
    case OpType::Parameters: return "PARAMETERS";
    case OpType::Transform: return "TRANSFORM";
    case OpType::Geometry: return "GEOMETRY";
    case OpType::Instances: return "INSTANCES";
  }
  return "?";
}

std::string OpNode::name() const
{
  std::string text = std::string(kernel::id_type_info(owner->orig->type).code) +
                     owner->orig->name + "/" + op_type_name(type);
  if (type == OpType::Driver) {
    if (const AnimData *adt = owner->orig->anim_data; adt && driver_index < adt->drivers.size()) {
      const FCurve &fcu = adt->drivers[driver_index];
      text += "(" + fcu.data_path + "[" + std::to_string(fcu.array_index) + "])";
    }
  }
  return text;
}

void EvalIDDeleter::operator()(ID *id) const
{
  if (id) {
    if (bmain) {
      bmain->evaluated_id_unregister(id);
    }
    kernel::id_free_eval(id);
  }
}

DepsgraphImpl::DepsgraphImpl(kernel::Main &bmain, Scene &scene, ViewLayer &view_layer,
                             kernel::EvalMode mode)
    : bmain_(bmain), scene_(&scene), view_layer_(&view_layer), mode_(mode)
{
}

DepsgraphImpl::~DepsgraphImpl() = default;

IDNode *DepsgraphImpl::find_node(const ID *orig) const
{
  auto it = by_orig_.find(orig);
  return it == by_orig_.end() ? nullptr : it->second;
}

ID *DepsgraphImpl::to_eval(ID *orig) const
{
  IDNode *node = find_node(orig);
  return node ? node->eval : orig;
}

ID *DepsgraphImpl::evaluated(const ID *orig) const
{
  if (orig && (orig->flag & ID_FLAG_EVALUATED)) {
    return const_cast<ID *>(orig);
  }
  IDNode *node = find_node(orig);
  return node ? node->eval : nullptr;
}

void DepsgraphImpl::id_removed(ID *id)
{
  /* Evaluated copies may point at the removed ID or at its copy: drop them all (handles to
   * them raise ReferenceError) and build anew at the next update. */
  if (!find_node(id) && !built_) {
    return;
  }
  nodes_.clear();
  by_orig_.clear();
  topological_order_.clear();
  layer_objects_.clear();
  instances_.clear();
  updates_.clear();
  visible_objects_.clear();
  instances_valid_ = false;
  objects_valid_ = false;
  built_ = false;
  std::lock_guard lock(tags_mutex_);
  queued_tags_.clear();
}

const std::vector<Object *> &DepsgraphImpl::objects()
{
  if (objects_valid_) {
    return visible_objects_;
  }
  visible_objects_.clear();
  for (Object *ob : layer_objects_) {
    const bool hidden = mode_ == kernel::EvalMode::Render ? ob->hide_render : ob->hide_viewport;
    if (hidden) {
      continue;
    }
    if (IDNode *node = find_node(&ob->id)) {
      visible_objects_.push_back(reinterpret_cast<Object *>(node->eval));
    }
  }
  objects_valid_ = true;
  return visible_objects_;
}

namespace {

constexpr int MAX_INSTANCE_DEPTH = 8;

void add_collection_instances(const DepsgraphImpl &graph, Object &instancer,
                              const float4x4 &matrix, int depth,
                              std::vector<kernel::ObjectInstance> &out)
{
  if (depth >= MAX_INSTANCE_DEPTH || !instancer.instance_collection) {
    return;
  }
  const Collection &collection = *instancer.instance_collection;
  float4x4 offset = float4x4::identity();
  offset.m[3][0] = -collection.instance_offset.x;
  offset.m[3][1] = -collection.instance_offset.y;
  offset.m[3][2] = -collection.instance_offset.z;
  int32_t index = 0;
  for (Object *member : kernel::collection_all_objects(&collection)) {
    auto *eval = reinterpret_cast<Object *>(graph.to_eval(&member->id));
    const float4x4 world = matrix * offset * eval->object_to_world;
    kernel::ObjectInstance instance;
    instance.object = eval;
    instance.instancer = &instancer;
    instance.matrix_world = world;
    instance.is_instance = true;
    instance.persistent_id = index++;
    instance.random_id = uint32_t(member->id.session_uid * 2654435761u);
    out.push_back(instance);
    if (eval->instance_type == 3) {
      add_collection_instances(graph, *eval, world, depth + 1, out);
    }
  }
}

}  // namespace

const std::vector<kernel::ObjectInstance> &DepsgraphImpl::object_instances()
{
  if (instances_valid_) {
    return instances_;
  }
  instances_.clear();
  for (Object *ob : objects()) {
    kernel::ObjectInstance instance;
    instance.object = ob;
    instance.matrix_world = ob->object_to_world;
    instances_.push_back(instance);
    if (ob->instance_type == 3) {
      add_collection_instances(*this, *ob, ob->object_to_world, 0, instances_);
    }
  }
  instances_valid_ = true;
  return instances_;
}

/* ---- Installation and the scene-level entry points ---- */

namespace {

std::unique_ptr<kernel::Depsgraph> make_depsgraph(kernel::Main &bmain, Scene &scene,
                                                  ViewLayer &view_layer, kernel::EvalMode mode)
{
  return std::make_unique<DepsgraphImpl>(bmain, scene, view_layer, mode);
}

std::unique_ptr<tbb::global_control> &thread_limit()
{
  static std::unique_ptr<tbb::global_control> control;
  return control;
}

}  // namespace

void install() { kernel::set_depsgraph_factory(make_depsgraph); }

void set_thread_count(int threads)
{
  thread_limit().reset();
  if (threads > 0) {
    thread_limit() = std::make_unique<tbb::global_control>(
        tbb::global_control::max_allowed_parallelism, size_t(threads));
  }
}

kernel::Depsgraph &evaluated_depsgraph(kernel::Main &bmain, Scene &scene, ViewLayer &view_layer)
{
  install();
  kernel::Depsgraph &graph = bmain.depsgraph_ensure(scene, view_layer);
  graph.update();
  return graph;
}

void scene_frame_set(kernel::Main &bmain, Scene &scene, int frame, float subframe)
{
  install();
  kernel::scene_set_frame_current(&scene, frame);
  scene.frame_subframe = subframe;
  for (const auto &layer : scene.view_layers) {
    bmain.depsgraph_ensure(scene, *layer).update();
  }
}

}  // namespace whisk::depsgraph
