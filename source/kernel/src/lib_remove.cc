#include "whisk/kernel/lib_remove.hh"

#include <unordered_set>

#include "whisk/base/error.hh"
#include "whisk/dna/collection.hh"
#include "whisk/kernel/id_type.hh"
#include "whisk/kernel/lib_id.hh"
#include "whisk/kernel/object.hh"
#include "whisk/kernel/scene.hh"

namespace whisk::kernel {

namespace {

/** Replaces references to one ID, keeping user counts and relations exact. */
class RemapVisitor final : public IDRefVisitor {
 public:
  RemapVisitor(Main &bmain, ID *old_id, ID *new_id) : bmain_(bmain), old_(old_id), new_(new_id)
  {
    only = old_id;
  }
  ID *visit(ID *owner, ID *target, uint32_t flags) const override
  {
    if (target != old_ || (flags & (IDREF_LOOPBACK | IDREF_EMBEDDED))) {
      return target;
    }
    if (flags & IDREF_USER) {
      id_us_min(old_);
      id_us_plus(new_);
    }
    bmain_.relations().remove(old_, owner);
    if (new_) {
      bmain_.relations().add(new_, owner);
    }
    return new_;
  }
  void dropped(ID *owner, ID *target, uint32_t flags) const override
  {
    if (flags & IDREF_USER) {
      id_us_min(target);
    }
    bmain_.relations().remove(target, owner);
  }

 private:
  Main &bmain_;
  ID *old_;
  ID *new_;
};

void remap_referrers(Main &bmain, ID *old_id, ID *new_id,
                     const std::unordered_set<const ID *> *skip = nullptr)
{
  for (ID *referrer : bmain.relations().referrers_of(old_id)) {
    if (skip && skip->count(referrer)) {
      continue;
    }
    foreach_id(referrer, RemapVisitor(bmain, old_id, new_id));
  }
}

/** Removes IDs nothing outside the set refers to any more. All of them release their
 * references before the first is freed: they may refer to each other. */
void free_unlinked(Main &bmain, std::span<ID *const> ids)
{
  for (ID *id : ids) {
    const IDTypeInfo &info = id_type_info(id->type);
    if (info.unlink_runtime) {
      info.unlink_runtime(bmain, id);
    }
  }
  for (ID *id : ids) {
    id_refs_release(bmain, id);
  }
  for (ID *id : ids) {
    bmain.relations().forget_target(id);
    bmain.remove_from_list(id);
    id_destroy(id);
  }
}

}  // namespace

void id_remap(Main &bmain, ID *old_id, ID *new_id)
{
  if (!old_id || old_id == new_id) {
    return;
  }
  if (new_id && (new_id->flag & dna::ID_FLAG_EMBEDDED)) {
    raise(ErrorKind::Runtime, "cannot remap ", id_type_info(old_id->type).name, " \"",
          old_id->name, "\" to \"", new_id->name,
          "\": it is embedded in another data-block");
  }
  if (new_id && new_id->type != old_id->type) {
    raise(ErrorKind::Type, "cannot remap ", id_type_info(old_id->type).name, " \"",
          old_id->name, "\" to ", id_type_info(new_id->type).name, " \"", new_id->name, "\"");
  }
  remap_referrers(bmain, old_id, new_id);
  /* Objects that now use other data get one material slot per material of that data. */
  if (new_id && data_materials(new_id)) {
    data_materials_changed(bmain, new_id);
  }
  bmain.relations_version++;
  bmain.is_dirty = true;
}

static void check_removable(const ID *id)
{
  if (id->flag & dna::ID_FLAG_EMBEDDED) {
    raise(ErrorKind::Runtime, id_type_info(id->type).name, " '", id->name,
          "' is embedded in another data-block and cannot be removed on its own");
  }
}

/** Removes `ids` and the IDs that cannot do without one of them (IDREF_NEVER_NULL: objects
 * whose data goes). Referrers outside the set lose their references first; IDs of the set
 * keep theirs until all are freed together. */
static void delete_ids(Main &bmain, std::vector<ID *> ids)
{
  std::unordered_set<const ID *> doomed(ids.begin(), ids.end());
  for (size_t i = 0; i < ids.size(); i++) {
    const ID *target = ids[i];
    for (ID *referrer : bmain.relations().referrers_of(target)) {
      if (doomed.count(referrer) || (referrer->flag & dna::ID_FLAG_EMBEDDED)) {
        continue;
      }
      bool needs_target = false;
      foreach_id(referrer, IDRefLambda(
                               [&](ID *, ID *ref, uint32_t flags) -> ID * {
                                 needs_target |= ref == target && (flags & IDREF_NEVER_NULL);
                                 return ref;
                               },
                               target));
      if (needs_target) {
        doomed.insert(referrer);
        ids.push_back(referrer);
      }
    }
  }
  for (ID *id : ids) {
    remap_referrers(bmain, id, nullptr, &doomed);
  }
  free_unlinked(bmain, ids);
}

void id_delete(Main &bmain, ID *id, bool unlink)
{
  check_removable(id);
  if (!unlink && id_real_users(id) > 0) {
    raise(ErrorKind::Runtime, id_type_info(id->type).name, " '", id->name,
          "' must have zero users to be removed, found ", id_real_users(id),
          " (try with do_unlink=True parameter)");
  }
  /* References that do not count users (a parent pointer) are cleared in any case: a
   * dangling reference is never an option. */
  delete_ids(bmain, {id});
}

void id_delete_multi(Main &bmain, std::span<ID *const> ids)
{
  std::unordered_set<const ID *> seen;
  std::vector<ID *> unique;
  for (ID *id : ids) {
    check_removable(id);
    if (seen.insert(id).second) {
      unique.push_back(id);
    }
  }
  delete_ids(bmain, std::move(unique));
}

int64_t orphans_purge(Main &bmain, bool recursive)
{
  int64_t total = 0;
  while (true) {
    std::vector<ID *> unused;
    bmain.for_each_id([&](ID *id) {
      const IDTypeInfo &info = id_type_info(id->type);
      if (id->users == 0 && !(info.flags & IDTYPE_FLAG_NEVER_UNUSED)) {
        unused.push_back(id);
      }
    });
    if (unused.empty()) {
      break;
    }
    id_delete_multi(bmain, unused);
    total += int64_t(unused.size());
    if (!recursive) {
      break;
    }
  }
  return total;
}

std::unordered_map<ID *, std::vector<ID *>> user_map(const Main &bmain)
{
  std::unordered_map<ID *, std::vector<ID *>> map;
  bmain.for_each_id([&](ID *owner) {
    map.try_emplace(owner);
    foreach_id_reference_readonly(owner, [&](ID *target) {
      /* An embedded ID is part of its owner, not a user of it or used by it. */
      if (target->flag & dna::ID_FLAG_EMBEDDED) {
        return;
      }
      /* One owner's references come together: comparing with the last is enough. */
      std::vector<ID *> &users = map[target];
      if (users.empty() || users.back() != owner) {
        users.push_back(owner);
      }
    });
  });
  return map;
}

static void foreach_layer_collection(const dna::LayerCollection *layer,
                                     const std::function<void(ID *)> &fn)
{
  if (!layer) {
    return;
  }
  if (layer->collection) {
    fn(&layer->collection->id);
  }
  for (const auto &child : layer->children) {
    foreach_layer_collection(child.get(), fn);
  }
}

void foreach_id_reference_readonly(ID *id, const std::function<void(ID *target)> &fn)
{
  /* References of embedded IDs count as references of their owner. */
  auto walk = [&](auto &self, ID *holder) -> void {
    foreach_id(holder, IDRefLambda([&](ID *, ID *target, uint32_t flags) -> ID * {
      if (!target || (flags & IDREF_LOOPBACK)) {
        return target;
      }
      fn(target);
      if (flags & IDREF_EMBEDDED) {
        self(self, target);
      }
      return target;
    }));
  };
  walk(walk, id);
  if (id->type == IDType::Scene) {
    dna::Scene *scene = reinterpret_cast<dna::Scene *>(id);
    for (const auto &layer : scene->view_layers) {
      view_layer_ensure_synced(scene, layer.get());
      for (const auto &base : layer->bases) {
        if (base->object) {
          fn(&base->object->id);
        }
      }
      foreach_layer_collection(layer->layer_collection.get(), fn);
    }
  }
}

bool relations_verify(Main &bmain)
{
  Relations fresh;
  std::unordered_map<ID *, int32_t> counted;
  auto walk = [&](auto &self, ID *id) -> void {
    foreach_id(id, IDRefLambda([&](ID *owner, ID *target, uint32_t flags) -> ID * {
      if (!target || (flags & IDREF_LOOPBACK)) {
        return target;
      }
      if (flags & IDREF_EMBEDDED) {
        self(self, target);
        return target;
      }
      fresh.add(target, owner);
      if (flags & IDREF_USER) {
        counted[target]++;
      }
      return target;
    }));
  };
  bmain.for_each_id([&](ID *id) { walk(walk, id); });

  bool agreed = fresh == bmain.relations();
  bmain.for_each_id([&](ID *id) {
    const int32_t expected = counted[id] + ((id->flag & dna::ID_FLAG_FAKEUSER) ? 1 : 0) +
                             ((id->flag & dna::ID_FLAG_EXTRA_USER) ? 1 : 0);
    if (id->users != expected) {
      agreed = false;
      id->users = expected;
    }
  });
  bmain.relations() = std::move(fresh);
  return agreed;
}

}  // namespace whisk::kernel
