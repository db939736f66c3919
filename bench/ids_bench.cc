// Data-block lifecycle at scale: create, look up by name, rename and remove N IDs, and
// the "N objects, each with its own mesh, linked to the scene" workload that Python
// users hit in Blender. bench/blender_ids.py runs the same workloads in Blender;
// bench/run.sh prints both side by side.
//
// Each benchmark reports the time for all N operations of its workload (the fastest of
// a few runs for N <= 100k, one run above). Setup (building the Main the workload starts
// from, making the names) and teardown are not timed. Complexity() fits the times over N
// and prints the big-O.

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "whisk/dna/all_types.hh"
#include "whisk/kernel/collection.hh"
#include "whisk/kernel/lib_id.hh"
#include "whisk/kernel/lib_remove.hh"
#include "whisk/kernel/main.hh"
#include "whisk/kernel/object.hh"
#include "whisk/kernel/scene.hh"
#include "whisk/kernel/startup.hh"

namespace {

using namespace whisk;
using dna::ID;
using dna::IDType;
using kernel::Main;

std::vector<std::string> make_names(const char *prefix, int64_t n)
{
  std::vector<std::string> names;
  names.reserve(size_t(n));
  char buf[64];
  for (int64_t i = 0; i < n; i++) {
    std::snprintf(buf, sizeof(buf), "%s_%lld", prefix, (long long)i);
    names.emplace_back(buf);
  }
  return names;
}

/** A Main holding N IDs of `type` named prefix_0 .. prefix_N-1, and those IDs. */
struct Filled {
  std::unique_ptr<Main> bmain = std::make_unique<Main>();
  std::vector<std::string> names;
  std::vector<ID *> ids;
};

Filled fill(IDType type, const char *prefix, int64_t n)
{
  Filled filled;
  filled.names = make_names(prefix, n);
  filled.ids.reserve(size_t(n));
  for (const std::string &name : filled.names) {
    filled.ids.push_back(kernel::id_new(*filled.bmain, type, name));
  }
  return filled;
}

/** Runs `work` on a fresh `setup(n)` a few times (more for small N, where one run is
 * short enough for a preemption to distort it) and reports the fastest run. Only `work`
 * is timed: setup and teardown are not. `work` returns false on failure. */
template<typename Setup, typename Work>
void measure(benchmark::State &state, Setup &&setup, Work &&work)
{
  using Clock = std::chrono::steady_clock;
  const int64_t n = state.range(0);
  const int repeats = n <= 20000 ? 5 : n <= 100000 ? 3 : 1;
  for (auto _ : state) {
    double best = std::numeric_limits<double>::infinity();
    for (int r = 0; r < repeats; r++) {
      auto context = setup(n);
      const Clock::time_point start = Clock::now();
      const bool ok = work(*context);
      best = std::min(best, std::chrono::duration<double>(Clock::now() - start).count());
      if (!ok) {
        state.SkipWithError("workload failed");
        return;
      }
    }
    state.SetIterationTime(best);
  }
  state.SetComplexityN(n);
}

const char *prefix_for(IDType type) { return type == IDType::Object ? "Object" : "Mesh"; }

/* ---- Single ID type: objects without data, or meshes ---- */

struct Empty {
  std::unique_ptr<Main> bmain = std::make_unique<Main>();
  std::vector<std::string> names;
};

void BM_create(benchmark::State &state, IDType type)
{
  measure(
      state,
      [&](int64_t n) {
        auto context = std::make_unique<Empty>();
        context->names = make_names(prefix_for(type), n);
        return context;
      },
      [&](Empty &context) {
        for (const std::string &name : context.names) {
          benchmark::DoNotOptimize(kernel::id_new(*context.bmain, type, name));
        }
        return true;
      });
}

/** N IDs all asking for the same name: each gets the next free ".NNN" suffix. */
void BM_create_same_name(benchmark::State &state, IDType type)
{
  measure(
      state,
      [&](int64_t n) {
        auto context = std::make_unique<Empty>();
        context->names.assign(size_t(n), prefix_for(type));
        return context;
      },
      [&](Empty &context) {
        for (const std::string &name : context.names) {
          benchmark::DoNotOptimize(kernel::id_new(*context.bmain, type, name));
        }
        return true;
      });
}

void BM_lookup(benchmark::State &state, IDType type)
{
  measure(
      state,
      [&](int64_t n) { return std::make_unique<Filled>(fill(type, prefix_for(type), n)); },
      [&](Filled &filled) {
        for (const std::string &name : filled.names) {
          ID *id = filled.bmain->find(type, name);
          if (!id) {
            return false;
          }
          benchmark::DoNotOptimize(id);
        }
        return true;
      });
}

struct Renaming {
  Filled filled;
  std::vector<std::string> new_names;
};

void BM_rename(benchmark::State &state, IDType type)
{
  measure(
      state,
      [&](int64_t n) {
        return std::make_unique<Renaming>(
            Renaming{fill(type, prefix_for(type), n), make_names("Renamed", n)});
      },
      [&](Renaming &context) {
        for (size_t i = 0; i < context.new_names.size(); i++) {
          kernel::id_rename(*context.filled.bmain, context.filled.ids[i], context.new_names[i]);
        }
        return true;
      });
}

void BM_remove(benchmark::State &state, IDType type)
{
  measure(
      state,
      [&](int64_t n) { return std::make_unique<Filled>(fill(type, prefix_for(type), n)); },
      [&](Filled &filled) {
        for (ID *id : filled.ids) {
          kernel::id_delete(*filled.bmain, id);
        }
        return true;
      });
}

/* ---- Scene workload: N objects, each with its own mesh, in the scene collection ---- */

struct SceneWorkload {
  std::unique_ptr<Main> bmain = std::make_unique<Main>();
  kernel::StartupState startup;
  std::vector<std::string> object_names;
  std::vector<std::string> mesh_names;

  explicit SceneWorkload(int64_t n)
      : object_names(make_names("Object", n)), mesh_names(make_names("Mesh", n))
  {
    startup = kernel::build_factory_startup(*bmain);
  }

  /** objects.new(name, meshes.new(name)); scene.collection.objects.link(ob) */
  bool create_and_link()
  {
    dna::Collection *collection = startup.scene->master_collection;
    for (size_t i = 0; i < object_names.size(); i++) {
      dna::Mesh *mesh = kernel::id_new<dna::Mesh>(*bmain, mesh_names[i]);
      dna::Object *object = kernel::object_new(*bmain, object_names[i], &mesh->id);
      kernel::collection_object_link(*bmain, collection, object);
    }
    /* Blender syncs the view layer on every link; Whisk does it lazily, on first use. */
    kernel::view_layer_ensure_synced(startup.scene, startup.view_layer);
    return true;
  }

  /** bpy.data.objects[name] for every object. */
  bool lookup_all() const
  {
    for (const std::string &name : object_names) {
      ID *id = bmain->find(IDType::Object, name);
      if (!id) {
        return false;
      }
      benchmark::DoNotOptimize(id);
    }
    return true;
  }

  /** ob = bpy.data.objects[name]; objects.remove(ob); meshes.remove(ob.data) */
  bool remove_all()
  {
    for (const std::string &name : object_names) {
      ID *object = bmain->find(IDType::Object, name);
      if (!object) {
        return false;
      }
      ID *mesh = kernel::id_cast<dna::Object>(object)->data;
      kernel::id_delete(*bmain, object);
      kernel::id_delete(*bmain, mesh);
    }
    return true;
  }
};

auto scene_setup(bool linked)
{
  return [linked](int64_t n) {
    auto work = std::make_unique<SceneWorkload>(n);
    if (linked) {
      work->create_and_link();
    }
    return work;
  };
}

void BM_scene_create_link(benchmark::State &state)
{
  measure(state, scene_setup(false), [](SceneWorkload &work) { return work.create_and_link(); });
}

void BM_scene_lookup(benchmark::State &state)
{
  measure(state, scene_setup(true), [](SceneWorkload &work) { return work.lookup_all(); });
}

void BM_scene_remove(benchmark::State &state)
{
  measure(state, scene_setup(true), [](SceneWorkload &work) { return work.remove_all(); });
}

/** The whole workload in one timing: create and link, look up, remove. */
void BM_scene_total(benchmark::State &state)
{
  measure(state, scene_setup(false), [](SceneWorkload &work) {
    return work.create_and_link() && work.lookup_all() && work.remove_all();
  });
}

void sizes(benchmark::internal::Benchmark *b)
{
  b->Arg(10000)->Arg(20000)->Arg(100000)->Arg(1000000);
  b->Unit(benchmark::kMillisecond)->Iterations(1)->UseManualTime()->Complexity();
}

}  // namespace

int main(int argc, char **argv)
{
  for (IDType type : {IDType::Object, IDType::Mesh}) {
    const std::string kind = type == IDType::Object ? "objects" : "meshes";
    benchmark::RegisterBenchmark((kind + "_create").c_str(), BM_create, type)->Apply(sizes);
    benchmark::RegisterBenchmark((kind + "_create_same_name").c_str(), BM_create_same_name,
                                 type)
        ->Apply(sizes);
    benchmark::RegisterBenchmark((kind + "_lookup").c_str(), BM_lookup, type)->Apply(sizes);
    benchmark::RegisterBenchmark((kind + "_rename").c_str(), BM_rename, type)->Apply(sizes);
    benchmark::RegisterBenchmark((kind + "_remove").c_str(), BM_remove, type)->Apply(sizes);
  }
  benchmark::RegisterBenchmark("scene_create_link", BM_scene_create_link)->Apply(sizes);
  benchmark::RegisterBenchmark("scene_lookup", BM_scene_lookup)->Apply(sizes);
  benchmark::RegisterBenchmark("scene_remove", BM_scene_remove)->Apply(sizes);
  benchmark::RegisterBenchmark("scene_total", BM_scene_total)->Apply(sizes);

  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) {
    return 1;
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
