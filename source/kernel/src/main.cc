#include "whisk/kernel/main.hh"

#include <atomic>
#include <cctype>
#include <cstring>

#include "whisk/base/error.hh"
#include "whisk/kernel/id_type.hh"
#include "whisk/kernel/lib_id.hh"

namespace whisk::kernel {

static int compare_case_insensitive(std::string_view a, std::string_view b)
{
  const size_t n = std::min(a.size(), b.size());
  for (size_t i = 0; i < n; i++) {
    /* ASCII only, like Blender's list order; no locale lookup per character. */
    const auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? uint8_t(c + 32) : uint8_t(c); };
    const int ca = lower(a[i]);
    const int cb = lower(b[i]);
    if (ca != cb) {
      return ca < cb ? -1 : 1;
    }
  }
  return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

bool IDListLess::operator()(const ID *a, const ID *b) const
{
  if (a->lib != b->lib) {
    if (!a->lib || !b->lib) {
      return a->lib == nullptr;
    }
    return std::less<const void *>()(a->lib, b->lib);
  }
  const int order = compare_case_insensitive(a->name, b->name);
  if (order != 0) {
    return order < 0;
  }
  return a->list_order < b->list_order;
}

ID *IDList::find(std::string_view name, const void *lib) const
{
  auto it = names_.find(lib);
  if (it == names_.end()) {
    return nullptr;
  }
  auto found = it->second.by_name.find(name);
  return found == it->second.by_name.end() ? nullptr : found->second;
}

int64_t IDList::index_of(const ID *id) const
{
  auto it = ids_.find(const_cast<ID *>(id));
  if (it == ids_.end()) {
    return -1;
  }
  return int64_t(std::distance(ids_.begin(), it));
}

ID *IDList::at(int64_t index) const
{
  if (index < 0 || index >= size()) {
    return nullptr;
  }
  auto it = ids_.begin();
  std::advance(it, index);
  return *it;
}

Main::Main() = default;

Main::~Main()
{
  /* Graphs first: their evaluated copies point at the originals. */
  depsgraphs_.clear();
  while (!to_mesh_results_.empty()) {
    object_to_mesh_clear(to_mesh_results_.begin()->first);
  }
  /* Free without unlinking: everything goes. Embedded IDs go with their owners. */
  for (int t = dna::ID_TYPE_COUNT - 1; t >= 0; t--) {
    for (ID *id : lists_[t].to_vector()) {
      id_destroy(id);
    }
  }
}

ID *Main::find_by_session_uid(uint32_t uid) const
{
  auto it = by_session_uid_.find(uid);
  return it == by_session_uid_.end() ? nullptr : it->second;
}

int64_t Main::id_count() const
{
  int64_t count = 0;
  for (const IDList &list : lists_) {
    count += list.size();
  }
  return count;
}

std::string Main::unique_name(IDType type, std::string_view wanted, const void *lib) const
{
  std::string name = sanitize_id_name(wanted);
  if (name.empty()) {
    name = id_type_info(type).default_name;
  }
  const IDList &list = lists_[size_t(type)];
  auto it = list.names_.find(lib);
  if (it == list.names_.end()) {
    return name;
  }
  return it->second.unique.make_unique(name);
}

void Main::link_name(ID *id)
{
  IDList &list = lists_[size_t(id->type)];
  id->list_order = next_list_order_++;
  list.ids_.insert(id);
  IDList::LibraryNames &names = list.names_[id->lib];
  names.unique.add(id->name);
  names.by_name[std::string_view(id->name)] = id;
}

void Main::unlink_name(ID *id)
{
  IDList &list = lists_[size_t(id->type)];
  auto listed = list.ids_.find(id);
  if (listed != list.ids_.end()) {
    list.ids_.erase(listed);
  }
  auto it = list.names_.find(id->lib);
  if (it != list.names_.end()) {
    it->second.unique.remove(id->name);
    it->second.by_name.erase(std::string_view(id->name));
  }
}

static std::atomic<uint64_t> g_data_generation{1};

uint64_t data_generation() { return g_data_generation.load(std::memory_order_relaxed); }
void data_generation_bump() { g_data_generation.fetch_add(1, std::memory_order_relaxed); }

void Main::insert(ID *id, std::string_view wanted_name)
{
  data_generation_bump();
  const std::string name = unique_name(id->type, wanted_name, id->lib);
  std::memcpy(id->name, name.c_str(), name.size() + 1);
  link_name(id);
  by_session_uid_[id->session_uid] = id;
  relations_version++;
  is_dirty = true;
}

void Main::remove_from_list(ID *id)
{
  data_generation_bump();
  for (auto &graph : depsgraphs_) {
    graph->id_removed(id);
  }
  if (id->type == IDType::Scene) {
    depsgraphs_remove(reinterpret_cast<const dna::Scene *>(id));
  }
  unlink_name(id);
  by_session_uid_.erase(id->session_uid);
  relations_version++;
  is_dirty = true;
}

bool Main::rename(ID *id, std::string_view wanted_name)
{
  const std::string clean = sanitize_id_name(wanted_name);
  if (id->flag & dna::ID_FLAG_EMBEDDED) {
    std::memcpy(id->name, clean.c_str(), clean.size() + 1);
    return true;
  }
  if (clean == id->name) {
    return false;
  }
  /* Take this ID's own name out first so that it does not clash with itself. */
  unlink_name(id);
  const std::string name = unique_name(id->type, clean, id->lib);
  std::memcpy(id->name, name.c_str(), name.size() + 1);
  link_name(id);
  is_dirty = true;
  return true;
}

void Main::add_property_listener(PropertyChangeListener listener)
{
  property_listeners_.push_back(std::move(listener));
}

void Main::notify_property_changed(ID *id, std::string_view rna_path) const
{
  for (const PropertyChangeListener &listener : property_listeners_) {
    listener(id, rna_path);
  }
}

/* ---- Evaluation ---- */

static DepsgraphFactory &depsgraph_factory()
{
  static DepsgraphFactory factory = nullptr;
  return factory;
}

void set_depsgraph_factory(DepsgraphFactory factory) { depsgraph_factory() = factory; }

static ScriptedExpressionFn &scripted_fn_slot()
{
  static ScriptedExpressionFn fn;
  return fn;
}

void set_scripted_expression_fn(ScriptedExpressionFn fn) { scripted_fn_slot() = std::move(fn); }
const ScriptedExpressionFn &scripted_expression_fn() { return scripted_fn_slot(); }

Depsgraph *Main::depsgraph_find(const dna::Scene &scene, const dna::ViewLayer &view_layer,
                                EvalMode mode) const
{
  for (const auto &graph : depsgraphs_) {
    if (graph->scene() == &scene && graph->view_layer() == &view_layer && graph->mode() == mode)
    {
      return graph.get();
    }
  }
  return nullptr;
}

Depsgraph &Main::depsgraph_ensure(dna::Scene &scene, dna::ViewLayer &view_layer, EvalMode mode)
{
  if (Depsgraph *graph = depsgraph_find(scene, view_layer, mode)) {
    return *graph;
  }
  if (!depsgraph_factory()) {
    raise(ErrorKind::Runtime, "evaluation is not available: no dependency graph is installed");
  }
  depsgraphs_.push_back(depsgraph_factory()(*this, scene, view_layer, mode));
  return *depsgraphs_.back();
}

void Main::depsgraphs_remove(const dna::Scene *scene, const dna::ViewLayer *view_layer)
{
  std::erase_if(depsgraphs_, [&](const std::unique_ptr<Depsgraph> &graph) {
    return graph->scene() == scene && (!view_layer || graph->view_layer() == view_layer);
  });
  data_generation_bump();
}

void Main::evaluated_id_register(ID *id)
{
  std::lock_guard lock(evaluated_mutex_);
  evaluated_by_session_uid_[id->session_uid] = id;
}

void Main::evaluated_id_unregister(ID *id)
{
  std::lock_guard lock(evaluated_mutex_);
  evaluated_by_session_uid_.erase(id->session_uid);
}

ID *Main::find_evaluated_by_session_uid(uint32_t uid) const
{
  std::lock_guard lock(evaluated_mutex_);
  auto it = evaluated_by_session_uid_.find(uid);
  return it == evaluated_by_session_uid_.end() ? nullptr : it->second;
}

void Main::object_to_mesh_set(uint32_t object_uid, ID *mesh)
{
  object_to_mesh_clear(object_uid);
  to_mesh_results_[object_uid] = mesh;
  evaluated_id_register(mesh);
}

void Main::object_to_mesh_clear(uint32_t object_uid)
{
  auto it = to_mesh_results_.find(object_uid);
  if (it == to_mesh_results_.end()) {
    return;
  }
  ID *mesh = it->second;
  to_mesh_results_.erase(it);
  evaluated_id_unregister(mesh);
  id_free_eval(mesh);
  data_generation_bump();
}

}  // namespace whisk::kernel
