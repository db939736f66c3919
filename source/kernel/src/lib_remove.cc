#include "whisk/kernel/lib_remove.hh"

#include <unordered_set>

#include "whisk/base/error.hh"
#include "whisk/kernel/id_type.hh"
#include "whisk/kernel/lib_id.hh"

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

void free_unlinked(Main &bmain, ID *id)
{
  const IDTypeInfo &info = id_type_info(id->type);
  if (info.unlink_runtime) {
    info.unlink_runtime(bmain, id);
  }
  id_refs_release(bmain, id);
  bmain.relations().forget_target(id);
  bmain.remove_from_list(id);
  id_destroy(id);
}

}  // namespace

void id_remap(Main &bmain, ID *old_id, ID *new_id)
{
  if (!old_id || old_id == new_id) {
    return;
  }
  if (new_id && new_id->type != old_id->type) {
    raise(ErrorKind::Type, "cannot remap ", id_type_info(old_id->type).name, " \"",
          old_id->name, "\" to ", id_type_info(new_id->type).name, " \"", new_id->name, "\"");
  }
  remap_referrers(bmain, old_id, new_id);
  bmain.relations_version++;
  bmain.is_dirty = true;
}

void id_delete(Main &bmain, ID *id, bool unlink)
{
  if (id->flag & dna::ID_FLAG_EMBEDDED) {
    raise(ErrorKind::Runtime, id_type_info(id->type).name, " \"", id->name,
          "\" is embedded in another data-block and cannot be removed on its own");
  }
  if (!unlink && id_real_users(id) > 0) {
    raise(ErrorKind::Runtime, id_type_info(id->type).name, " \"", id->name,
          "\" must have zero users to be removed, found ", id_real_users(id),
          " (try with do_unlink=True parameter)");
  }
  /* References that do not count users (a parent pointer) are cleared in any case: a
   * dangling reference is never an option. */
  remap_referrers(bmain, id, nullptr);
  free_unlinked(bmain, id);
}

void id_delete_multi(Main &bmain, std::span<ID *const> ids)
{
  std::unordered_set<const ID *> doomed;
  for (ID *id : ids) {
    if (id->flag & dna::ID_FLAG_EMBEDDED) {
      raise(ErrorKind::Runtime, id_type_info(id->type).name, " \"", id->name,
            "\" is embedded in another data-block and cannot be removed on its own");
    }
    doomed.insert(id);
  }
  /* Referrers that are themselves removed keep their pointers until they are freed. */
  for (const ID *id : doomed) {
    remap_referrers(bmain, const_cast<ID *>(id), nullptr, &doomed);
  }
  for (const ID *id : doomed) {
    free_unlinked(bmain, const_cast<ID *>(id));
  }
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
    /* References from embedded IDs count as references of their owner. */
    auto walk = [&](auto &self, ID *id) -> void {
      foreach_id(id, IDRefLambda([&](ID *, ID *target, uint32_t flags) -> ID * {
        if (!target || (flags & IDREF_LOOPBACK)) {
          return target;
        }
        if (flags & IDREF_EMBEDDED) {
          self(self, target);
          return target;
        }
        std::vector<ID *> &users = map[target];
        if (users.empty() || users.back() != owner) {
          users.push_back(owner);
        }
        return target;
      }));
    };
    walk(walk, owner);
  });
  return map;
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
