#pragma once
// What the kernel and RNA know of evaluation. The dependency graph lives in a layer above
// RNA (it evaluates animation through RNA paths), yet RNA exposes it (`ViewLayer.depsgraph`,
// `Scene.frame_set`) and the kernel must tell it about tags and removed IDs. So the kernel
// declares the interface and owns the instances (one Main, its graphs); the depsgraph layer
// implements them and installs a factory (depsgraph::install()).

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "whisk/base/math.hh"
#include "whisk/dna/id.hh"

namespace whisk::dna {
struct Object;
struct Scene;
struct ViewLayer;
}  // namespace whisk::dna

namespace whisk::kernel {

using dna::ID;
class Main;

enum class EvalMode : uint8_t { Viewport, Render };

/** One object to draw or render: an object of the view layer or an instance of one. */
struct ObjectInstance {
  /** Evaluated object. */
  dna::Object *object = nullptr;
  /** The evaluated object that creates the instance (nullptr for real objects). */
  dna::Object *instancer = nullptr;
  float4x4 matrix_world = float4x4::identity();
  bool is_instance = false;
  int32_t persistent_id = 0;
  uint32_t random_id = 0;
};

/** An ID the last evaluation changed, with what changed (DepsgraphUpdate). */
struct EvalUpdate {
  /** Evaluated ID (the original itself for types evaluated in place). */
  ID *id = nullptr;
  bool transform = false;
  bool geometry = false;
  bool shading = false;
};

/** Work counters of a graph, for tests and benchmarks that prove incremental evaluation. */
struct EvalStats {
  uint64_t builds = 0;
  uint64_t evaluations = 0;
  /** Operations run by the last evaluation and in total. */
  uint64_t last_operations = 0;
  uint64_t total_operations = 0;
  uint64_t last_copies = 0;
  uint64_t last_transforms = 0;
  uint64_t last_geometries = 0;
  uint64_t last_animations = 0;
  uint64_t last_drivers = 0;
};

class Depsgraph {
 public:
  virtual ~Depsgraph() = default;
  virtual dna::Scene *scene() const = 0;
  virtual dna::ViewLayer *view_layer() const = 0;
  virtual EvalMode mode() const = 0;
  virtual float ctime() const = 0;

  /** Records a tag; thread-safe. Evaluated at the next update(). */
  virtual void tag(ID *id, uint32_t recalc) = 0;
  /** `id` is about to leave Main: drop everything that points at it. */
  virtual void id_removed(ID *id) = 0;
  /** Brings every evaluated ID up to date with its original and the scene's frame. */
  virtual void update() = 0;
  /** Evaluated copy of `orig`, or nullptr when it is not part of this graph. */
  virtual ID *evaluated(const ID *orig) const = 0;
  /** Evaluated objects of the view layer that are visible in the graph's mode, in the
   * order of its bases; kept until the next evaluation. */
  virtual const std::vector<dna::Object *> &objects() = 0;
  virtual const std::vector<ObjectInstance> &object_instances() = 0;
  virtual const std::vector<EvalUpdate> &updates() const = 0;
  virtual EvalStats stats() const = 0;
  /** Cycles found when the graph was last built, one readable line each. */
  virtual const std::vector<std::string> &cycles() const = 0;
};

using DepsgraphFactory = std::unique_ptr<Depsgraph> (*)(Main &bmain, dna::Scene &scene,
                                                        dna::ViewLayer &view_layer,
                                                        EvalMode mode);
/** Installed once by the depsgraph layer; until then evaluation raises RuntimeError. */
void set_depsgraph_factory(DepsgraphFactory factory);

/** Hook for scripted driver expressions: installed by the Python layer. Returns false
 * when the expression failed (the driver becomes invalid). */
using ScriptedExpressionFn = std::function<bool(
    const std::string &expression, const std::vector<std::pair<std::string, double>> &vars,
    ID *self, double &result)>;
void set_scripted_expression_fn(ScriptedExpressionFn fn);
const ScriptedExpressionFn &scripted_expression_fn();

}  // namespace whisk::kernel
