#pragma once
// The graph of one scene view layer: its nodes (build.cc), what a tag or a frame change
// reaches and the order of evaluation (schedule.cc), and the operations (eval_ops.cc).

#include <mutex>
#include <unordered_map>

#include "graph.hh"
#include "whisk/kernel/main.hh"

namespace whisk::depsgraph {

class DepsgraphImpl final : public kernel::Depsgraph {
 public:
  DepsgraphImpl(kernel::Main &bmain, dna::Scene &scene, dna::ViewLayer &view_layer,
                kernel::EvalMode mode);
  ~DepsgraphImpl() override;

  dna::Scene *scene() const override { return scene_; }
  dna::ViewLayer *view_layer() const override { return view_layer_; }
  kernel::EvalMode mode() const override { return mode_; }
  float ctime() const override { return ctime_; }
  void tag(ID *id, uint32_t recalc) override;
  void id_removed(ID *id) override;
  void update() override;
  ID *evaluated(const ID *orig) const override;
  const std::vector<dna::Object *> &objects() override;
  const std::vector<kernel::ObjectInstance> &object_instances() override;
  const std::vector<kernel::EvalUpdate> &updates() const override { return updates_; }
  kernel::EvalStats stats() const override { return stats_; }
  const std::vector<std::string> &cycles() const override { return cycles_; }

  kernel::Main &bmain() const { return bmain_; }
  IDNode *find_node(const ID *orig) const;
  /** The evaluated counterpart of an original ID (the ID itself outside the graph). */
  ID *to_eval(ID *orig) const;

 private:
  /* build.cc */
  void build();
  IDNode *ensure_node(ID *orig);
  void build_object(IDNode &node);
  void build_object_data(IDNode &node);
  void build_animation(IDNode &node);
  void build_relations();
  void relations_of_drivers(IDNode &node);
  void relations_of_object(IDNode &node);
  OpNode *driver_target_op(ID *target, const std::string &path, bool transform) ;
  void finalize();
  std::vector<IDNode *> pending_objects_;

  /* schedule.cc */
  void collect_tags(std::vector<OpNode *> &entries);
  void entries_for_recalc(IDNode &node, uint32_t recalc, std::vector<OpNode *> &entries);
  void evaluate_ops(const std::vector<OpNode *> &entries, bool everything);

  /* eval_ops.cc */
  void run(OpNode &op);
  void op_copy_on_write(IDNode &node);
  void op_animation(IDNode &node);
  void op_driver(IDNode &node, int32_t index);
  void op_transform(IDNode &node);
  void op_geometry(IDNode &node);
  void remap_to_eval(IDNode &node);
  bool python_allowed() const;

  kernel::Main &bmain_;
  dna::Scene *scene_;
  dna::ViewLayer *view_layer_;
  kernel::EvalMode mode_;
  float ctime_ = 0.0f;
  bool time_evaluated_ = false;
  float evaluated_ctime_ = 0.0f;

  bool built_ = false;
  uint64_t built_relations_version_ = 0;
  std::vector<std::unique_ptr<IDNode>> nodes_;
  std::unordered_map<const ID *, IDNode *> by_orig_;
  /** Objects of the view layer (originals), in base order. */
  std::vector<dna::Object *> layer_objects_;
  /** Every operation in an order where relations point forward. */
  std::vector<OpNode *> topological_order_;
  std::vector<std::string> cycles_;

  std::mutex tags_mutex_;
  std::vector<std::pair<ID *, uint32_t>> queued_tags_;
  bool needs_rebuild_ = false;

  kernel::EvalStats stats_;
  std::atomic<uint64_t> count_copies_{0}, count_transforms_{0}, count_geometries_{0},
      count_animations_{0}, count_drivers_{0};
  std::vector<kernel::EvalUpdate> updates_;
  std::vector<kernel::ObjectInstance> instances_;
  /** Visible evaluated objects and object instances, made on first use after an update. */
  std::vector<dna::Object *> visible_objects_;
  bool instances_valid_ = false;
  bool objects_valid_ = false;
};

}  // namespace whisk::depsgraph
