// What to evaluate and in which order. Tags and time changes give entry operations; the
// set to run is everything they reach through relations that pass tags on; it runs in
// topological order, in parallel when it is large enough to pay for the tasks.

#include <algorithm>

#include <tbb/task_group.h>

#include "depsgraph_impl.hh"
#include "whisk/kernel/lib_id.hh"

namespace whisk::depsgraph {
using namespace dna;

namespace {
/** Below this many operations the tasks cost more than they save. */
constexpr size_t PARALLEL_THRESHOLD = 64;
}  // namespace

void DepsgraphImpl::tag(ID *id, uint32_t recalc)
{
  std::lock_guard lock(tags_mutex_);
  queued_tags_.emplace_back(id, recalc);
}

void DepsgraphImpl::entries_for_recalc(IDNode &node, uint32_t recalc,
                                       std::vector<OpNode *> &entries)
{
  if (recalc & ID_RECALC_HIERARCHY) {
    needs_rebuild_ = true;
  }
  auto add = [&](OpNode *op) {
    if (op) {
      entries.push_back(op);
    }
  };
  /* The copy must follow any change of the original. */
  add(node.cow);
  bool any = false;
  if (recalc & ID_RECALC_TRANSFORM) {
    add(node.transform);
    any |= node.transform != nullptr;
    node.updated_transform = true;
  }
  if (recalc & ID_RECALC_GEOMETRY) {
    add(node.geometry);
    any |= node.geometry != nullptr;
    node.updated_geometry = true;
  }
  if (recalc & ID_RECALC_ANIMATION) {
    add(node.animation);
    for (OpNode *op : node.drivers) {
      add(op);
    }
    any = true;
  }
  if (recalc & ID_RECALC_SHADING) {
    node.updated_shading = true;
  }
  if (!any || (recalc & (ID_RECALC_PARAMETERS | ID_RECALC_SHADING | ID_RECALC_BASE_FLAGS |
                         ID_RECALC_SELECT)))
  {
    add(node.parameters);
  }
  node.updated = true;
}

void DepsgraphImpl::collect_tags(std::vector<OpNode *> &entries)
{
  /* Tags set on originals without the graph knowing (id_tag_update): hand them to the
   * other graphs of this Main before clearing them. */
  for (auto &owned : nodes_) {
    ID *id = owned->orig;
    const uint32_t recalc = id->recalc;
    if (!recalc) {
      continue;
    }
    id->recalc = 0;
    for (const auto &graph : bmain_.depsgraphs()) {
      if (graph.get() != this) {
        graph->tag(id, recalc);
      }
    }
    entries_for_recalc(*owned, recalc, entries);
  }
  std::vector<std::pair<ID *, uint32_t>> queued;
  {
    std::lock_guard lock(tags_mutex_);
    queued.swap(queued_tags_);
  }
  for (auto [id, recalc] : queued) {
    if (IDNode *node = find_node(id)) {
      entries_for_recalc(*node, recalc, entries);
    }
  }
}

void DepsgraphImpl::update()
{
  ctime_ = float(scene_->frame_current) + scene_->frame_subframe;
  if (!built_ || needs_rebuild_ || built_relations_version_ != bmain_.relations_version) {
    {
      std::lock_guard lock(tags_mutex_);
      queued_tags_.clear();
    }
    build();
    for (auto &node : nodes_) {
      node->updated = node->updated_transform = node->updated_geometry = true;
    }
    evaluate_ops({}, true);
    evaluated_ctime_ = ctime_;
    time_evaluated_ = true;
    return;
  }
  for (auto &node : nodes_) {
    node->updated = node->updated_transform = node->updated_geometry = node->updated_shading =
        false;
  }
  std::vector<OpNode *> entries;
  collect_tags(entries);
  if (needs_rebuild_) {
    update();
    return;
  }
  if (!time_evaluated_ || ctime_ != evaluated_ctime_) {
    /* Time reaches every animation and driver. */
    for (auto &node : nodes_) {
      if (node->animation) {
        entries.push_back(node->animation);
        node->updated = true;
      }
      for (OpNode *op : node->drivers) {
        entries.push_back(op);
        node->updated = true;
      }
    }
    evaluated_ctime_ = ctime_;
    time_evaluated_ = true;
  }
  evaluate_ops(entries, false);
}

void DepsgraphImpl::evaluate_ops(const std::vector<OpNode *> &entries, bool everything)
{
  /* The set to run: entries and what they reach through relations that pass tags on. */
  std::vector<OpNode *> scheduled;
  if (everything) {
    scheduled = topological_order_;
    for (OpNode *op : scheduled) {
      op->scheduled = true;
    }
  }
  else {
    std::vector<OpNode *> stack(entries.begin(), entries.end());
    while (!stack.empty()) {
      OpNode *op = stack.back();
      stack.pop_back();
      if (op->scheduled) {
        continue;
      }
      op->scheduled = true;
      scheduled.push_back(op);
      if (op->flushes) {
        for (OpNode *next : op->outgoing) {
          if (!next->scheduled) {
            stack.push_back(next);
          }
        }
      }
    }
  }
  count_copies_ = count_transforms_ = count_geometries_ = count_animations_ =
      count_drivers_ = 0;
  stats_.evaluations++;
  stats_.last_operations = scheduled.size();
  stats_.total_operations += scheduled.size();
  if (!scheduled.empty()) {
    instances_valid_ = false;
    objects_valid_ = false;
    kernel::data_generation_bump();
  }

  bool serial = scheduled.size() < PARALLEL_THRESHOLD;
  for (OpNode *op : scheduled) {
    serial |= op->needs_python;
    int32_t pending = 0;
    for (OpNode *prev : op->incoming) {
      pending += prev->scheduled ? 1 : 0;
    }
    op->pending.store(pending, std::memory_order_relaxed);
  }

  if (serial) {
    /* Python-driven drivers run on this thread, which holds the interpreter. A ready
     * list in relation order is a topological order of the scheduled set. */
    std::vector<OpNode *> ready;
    for (OpNode *op : scheduled) {
      if (op->pending.load(std::memory_order_relaxed) == 0) {
        ready.push_back(op);
      }
    }
    while (!ready.empty()) {
      OpNode *op = ready.back();
      ready.pop_back();
      run(*op);
      for (OpNode *next : op->outgoing) {
        if (next->scheduled && next->pending.fetch_sub(1, std::memory_order_relaxed) == 1) {
          ready.push_back(next);
        }
      }
    }
  }
  else {
    tbb::task_group group;
    std::function<void(OpNode *)> spawn = [&](OpNode *op) {
      group.run([&, op] {
        run(*op);
        for (OpNode *next : op->outgoing) {
          if (next->scheduled && next->pending.fetch_sub(1, std::memory_order_acq_rel) == 1) {
            spawn(next);
          }
        }
      });
    };
    for (OpNode *op : scheduled) {
      if (op->pending.load(std::memory_order_relaxed) == 0) {
        spawn(op);
      }
    }
    group.wait();
  }
  for (OpNode *op : scheduled) {
    op->scheduled = false;
  }

  stats_.last_copies = count_copies_;
  stats_.last_transforms = count_transforms_;
  stats_.last_geometries = count_geometries_;
  stats_.last_animations = count_animations_;
  stats_.last_drivers = count_drivers_;
  if (!updates_.empty()) {
    /* Handles to DepsgraphUpdate items point into this vector. */
    kernel::data_generation_bump();
  }
  updates_.clear();
  for (auto &node : nodes_) {
    if (node->updated) {
      updates_.push_back({node->eval, node->updated_transform, node->updated_geometry,
                          node->updated_shading});
    }
  }
}

}  // namespace whisk::depsgraph
