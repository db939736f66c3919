#pragma once
// Main: one file in memory. A list of IDs per type, sorted by name, with a name map per
// list. Nothing here is global: several Mains coexist, each used by one writer at a time.

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "whisk/dna/id.hh"
#include "whisk/kernel/evaluation.hh"
#include "whisk/kernel/name_map.hh"
#include "whisk/kernel/relations.hh"

namespace whisk::dna {
struct Scene;
struct ViewLayer;
}  // namespace whisk::dna

namespace whisk::kernel {

using dna::ID;
using dna::IDType;

/** Blender's list order: local IDs first, then by library; within each, names compare
 * case-insensitively (ASCII), and names equal but for case keep their insertion order. */
struct IDListLess {
  bool operator()(const ID *a, const ID *b) const;
};

/** The IDs of one type. */
class IDList {
 public:
  using Set = std::set<ID *, IDListLess>;
  Set::const_iterator begin() const { return ids_.begin(); }
  Set::const_iterator end() const { return ids_.end(); }
  int64_t size() const { return int64_t(ids_.size()); }
  bool empty() const { return ids_.empty(); }
  /** Exact (case-sensitive) lookup through the name map, no list scan. */
  ID *find(std::string_view name, const void *lib = nullptr) const;
  /** Position in list order (O(position)); -1 if absent. */
  int64_t index_of(const ID *id) const;
  ID *at(int64_t index) const;
  std::vector<ID *> to_vector() const { return {ids_.begin(), ids_.end()}; }

 private:
  friend class Main;
  struct LibraryNames {
    NameMap unique;
    std::unordered_map<std::string_view, ID *> by_name;
  };
  Set ids_;
  /** Key nullptr is local data. */
  std::unordered_map<const void *, LibraryNames> names_;
};

/** A process-wide counter bumped whenever data may have been freed or moved: IDs added
 * or removed, view layers rebuilt, any RNA write or function call. Handles that cache a
 * pointer (the Python layer) re-resolve it by (Main, session uid, path) once the counter
 * moved. C++ code that frees nested data outside these paths must call
 * data_generation_bump(). */
uint64_t data_generation();
void data_generation_bump();

/** Called after an RNA property of an ID changed (message bus, undo, depsgraph). */
using PropertyChangeListener = std::function<void(ID *id, std::string_view rna_path)>;

class Main {
 public:
  Main();
  ~Main();
  Main(const Main &) = delete;
  Main &operator=(const Main &) = delete;

  const IDList &list(IDType type) const { return lists_[size_t(type)]; }
  ID *find(IDType type, std::string_view name, const void *lib = nullptr) const
  {
    return list(type).find(name, lib);
  }
  ID *find_by_session_uid(uint32_t uid) const;
  /** Every ID in Main order: types in IDType order, each list in name order. */
  template<typename Fn> void for_each_id(Fn &&fn) const
  {
    for (const IDList &list : lists_) {
      for (ID *id : list) {
        fn(id);
      }
    }
  }
  int64_t id_count() const;

  Relations &relations() { return relations_; }
  const Relations &relations() const { return relations_; }

  /* Insertion and naming; used by the lifecycle functions in lib_id.hh. */
  void insert(ID *id, std::string_view wanted_name);
  void remove_from_list(ID *id);
  /** Renames and re-sorts; returns false if the name was unchanged. */
  bool rename(ID *id, std::string_view wanted_name);
  std::string unique_name(IDType type, std::string_view wanted, const void *lib = nullptr) const;

  std::string filepath;
  bool is_dirty = false;
  /** What a (headless) window shows: the scene and view layer that context and
   * functions such as `Object.select_get()` default to. Cleared when removed. */
  dna::Scene *context_scene = nullptr;
  dna::ViewLayer *context_view_layer = nullptr;
  /** Bumped on every change to the set of IDs or their relations (depsgraph rebuilds). */
  uint64_t relations_version = 0;

  void add_property_listener(PropertyChangeListener listener);
  void notify_property_changed(ID *id, std::string_view rna_path) const;

  /* ---- Evaluation (see evaluation.hh) ---- */

  /** Whether scripted driver expressions may run Python. False for files loaded without
   * trusting their scripts: their drivers are flagged instead of run. */
  bool scripts_trusted = true;
  /** The graph of a scene's view layer, created (and built) on first use. Raises
   * RuntimeError when no depsgraph implementation is installed. */
  Depsgraph &depsgraph_ensure(dna::Scene &scene, dna::ViewLayer &view_layer,
                              EvalMode mode = EvalMode::Viewport);
  Depsgraph *depsgraph_find(const dna::Scene &scene, const dna::ViewLayer &view_layer,
                            EvalMode mode = EvalMode::Viewport) const;
  /** Frees the graphs of a scene (or of one of its view layers) being removed. */
  void depsgraphs_remove(const dna::Scene *scene, const dna::ViewLayer *view_layer = nullptr);
  const std::vector<std::unique_ptr<Depsgraph>> &depsgraphs() const { return depsgraphs_; }

  /** Evaluated IDs live outside Main's lists; graphs register them here so that handles
   * (which name IDs by session uid) find them while they exist. */
  void evaluated_id_register(ID *id);
  void evaluated_id_unregister(ID *id);
  ID *find_evaluated_by_session_uid(uint32_t uid) const;
  /** Meshes made by Object.to_mesh(), one per object (keyed by its session uid), kept
   * until to_mesh_clear(), the next to_mesh() of the object, or the end of this Main.
   * Takes ownership of `mesh`, an evaluated-style ID outside the lists. */
  void object_to_mesh_set(uint32_t object_uid, ID *mesh);
  void object_to_mesh_clear(uint32_t object_uid);

 private:
  std::array<IDList, dna::ID_TYPE_COUNT> lists_;
  std::unordered_map<uint32_t, ID *> by_session_uid_;
  Relations relations_;
  std::vector<PropertyChangeListener> property_listeners_;
  std::vector<std::unique_ptr<Depsgraph>> depsgraphs_;
  mutable std::mutex evaluated_mutex_;
  std::unordered_map<uint32_t, ID *> evaluated_by_session_uid_;
  std::unordered_map<uint32_t, ID *> to_mesh_results_;
  uint64_t next_list_order_ = 1;
  void link_name(ID *id);
  void unlink_name(ID *id);
};

}  // namespace whisk::kernel
