#pragma once
// The graph's nodes. An IDNode per ID in the graph holds its operations; an OpNode is one
// step of evaluation with the relations to what must run before and after it.

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "whisk/anim/animsys.hh"
#include "whisk/dna/all_types.hh"
#include "whisk/kernel/evaluation.hh"

namespace whisk::depsgraph {

using dna::ID;

enum class OpType : uint8_t {
  CopyOnWrite,
  Animation,
  Driver,
  Parameters,
  Transform,
  Geometry,
  Instances,
};
const char *op_type_name(OpType type);

struct IDNode;

struct OpNode {
  IDNode *owner = nullptr;
  OpType type = OpType::Parameters;
  /** Index in the owner's AnimData drivers, for Driver operations. */
  int32_t driver_index = -1;
  std::vector<OpNode *> outgoing;
  std::vector<OpNode *> incoming;
  /** Outgoing relations of copy-on-write only order: they never pass a tag on. */
  bool flushes = true;
  /** Scheduled in the current evaluation, and relations still to finish. */
  bool scheduled = false;
  std::atomic<int32_t> pending{0};
  /** Needs the Python interpreter (a scripted, non-simple driver). */
  bool needs_python = false;

  std::string name() const;
};

/** Frees evaluated IDs made by kernel::id_copy_for_eval, unregistering them from Main. */
struct EvalIDDeleter {
  kernel::Main *bmain = nullptr;
  void operator()(ID *id) const;
};
using EvalIDPtr = std::unique_ptr<ID, EvalIDDeleter>;

struct IDNode {
  ID *orig = nullptr;
  /** The evaluated copy, or `orig` for types evaluated in place. */
  ID *eval = nullptr;
  EvalIDPtr eval_owned;
  std::vector<std::unique_ptr<OpNode>> ops;
  OpNode *cow = nullptr;
  OpNode *animation = nullptr;
  OpNode *parameters = nullptr;
  OpNode *transform = nullptr;
  OpNode *geometry = nullptr;
  OpNode *instances = nullptr;
  std::vector<OpNode *> drivers;

  /* Evaluation state. */
  anim::ActionChannels channels_eval;
  anim::ActionChannels channels_orig;
  /** Copies made so far; channels resolved into an older copy are stale. */
  uint64_t copies = 0;
  uint64_t channels_copy = ~uint64_t(0);
  /** The geometry after modifiers (owned here; the evaluated object's `data`). */
  EvalIDPtr geometry_result;
  /* What the last evaluation changed, for Depsgraph.updates. */
  bool updated = false;
  bool updated_transform = false;
  bool updated_geometry = false;
  bool updated_shading = false;

  OpNode *add_op(OpType type, int32_t driver_index = -1);
  bool is_copied() const { return eval != orig; }
};

}  // namespace whisk::depsgraph
