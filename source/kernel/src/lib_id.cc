#include "whisk/kernel/lib_id.hh"

#include <atomic>
#include <cstring>

#include "whisk/kernel/anim_data.hh"
#include "whisk/kernel/idprop.hh"
#include "whisk/kernel/name_map.hh"

namespace whisk::kernel {

/* Process-wide so that a uid also identifies an ID moved between Mains (append). */
static std::atomic<uint32_t> next_session_uid{1};

uint32_t id_session_uid_next()
{
  return next_session_uid.fetch_add(1, std::memory_order_relaxed);
}

static void init_header(ID *id, IDType type)
{
  id->type = type;
  id->session_uid = id_session_uid_next();
}

static void copy_header_data(ID *dst, const ID *src)
{
  dst->properties = src->properties ? idprop_copy(*src->properties).release() : nullptr;
  dst->anim_data = anim_data_copy(src->anim_data);
}

ID *id_new(Main &bmain, IDType type, std::string_view name)
{
  const IDTypeInfo &info = id_type_info(type);
  if (info.flags & IDTYPE_FLAG_ONLY_EMBEDDED) {
    raise(ErrorKind::Type, info.name, " data-blocks can only be embedded in another ID");
  }
  ID *id = info.alloc();
  init_header(id, type);
  bmain.insert(id, name);
  if (info.init) {
    info.init(bmain, id);
  }
  return id;
}

ID *id_new_embedded(Main &bmain, IDType type, ID *owner, std::string_view name)
{
  const IDTypeInfo &info = id_type_info(type);
  ID *id = info.alloc();
  init_header(id, type);
  id->flag |= dna::ID_FLAG_EMBEDDED;
  id->owner = owner;
  const std::string clean = sanitize_id_name(name);
  std::memcpy(id->name, clean.c_str(), clean.size() + 1);
  if (info.init) {
    info.init(bmain, id);
  }
  return id;
}

ID *id_copy_embedded(Main &bmain, const ID *src, ID *new_owner)
{
  if (!src) {
    return nullptr;
  }
  ID *id = id_type_info(src->type).duplicate(bmain, src);
  init_header(id, src->type);
  copy_header_data(id, src);
  id->owner = new_owner;
  id->users = 0;
  return id;
}

void id_free_embedded(Main &bmain, ID *id)
{
  if (id) {
    id_refs_release(bmain, id);
    id_destroy(id);
  }
}

void id_destroy(ID *id)
{
  if (id->properties) {
    idprop_free(id->properties);
    id->properties = nullptr;
  }
  anim_data_destroy(id->anim_data);
  id->anim_data = nullptr;
  id_type_info(id->type).destroy(id);
}


/* The visitors below walk embedded IDs as part of their owner: an embedded node tree's
 * references count as references of the tree itself. */
namespace {

class AcquireVisitor final : public IDRefVisitor {
 public:
  explicit AcquireVisitor(Main &bmain) : bmain_(bmain) {}
  ID *visit(ID *owner, ID *target, uint32_t flags) const override
  {
    if (!target || (flags & IDREF_LOOPBACK)) {
      return target;
    }
    if (flags & IDREF_EMBEDDED) {
      foreach_id(target, *this);
      return target;
    }
    if (flags & IDREF_USER) {
      id_us_plus(target);
    }
    bmain_.relations().add(target, owner);
    return target;
  }

 private:
  Main &bmain_;
};

class ReleaseVisitor final : public IDRefVisitor {
 public:
  explicit ReleaseVisitor(Main &bmain) : bmain_(bmain) {}
  ID *visit(ID *owner, ID *target, uint32_t flags) const override
  {
    if (!target || (flags & IDREF_LOOPBACK)) {
      return target;
    }
    if (flags & IDREF_EMBEDDED) {
      foreach_id(target, *this);
      return target;
    }
    if (flags & IDREF_USER) {
      id_us_min(target);
    }
    bmain_.relations().remove(target, owner);
    return target;
  }

 private:
  Main &bmain_;
};

}  // namespace

void id_refs_acquire(Main &bmain, ID *id)
{
  foreach_id(id, AcquireVisitor(bmain));
  bmain.relations_version++;
}

void id_refs_release(Main &bmain, ID *id)
{
  foreach_id(id, ReleaseVisitor(bmain));
  bmain.relations_version++;
}

ID *id_copy(Main &bmain, const ID *src)
{
  const IDTypeInfo &info = id_type_info(src->type);
  if (info.flags & (IDTYPE_FLAG_NO_COPY | IDTYPE_FLAG_ONLY_EMBEDDED)) {
    raise(ErrorKind::Runtime, info.name, " \"", src->name, "\" cannot be copied");
  }
  if (src->flag & dna::ID_FLAG_EMBEDDED) {
    raise(ErrorKind::Runtime, info.name, " \"", src->name,
          "\" is embedded in another data-block and cannot be copied on its own");
  }
  ID *id = info.duplicate(bmain, src);
  init_header(id, src->type);
  copy_header_data(id, src);
  id->users = 0;
  /* Fake and extra users belong to the source (a window shows the original scene). */
  id->flag &= ~(dna::ID_FLAG_FAKEUSER | dna::ID_FLAG_EXTRA_USER);
  id->tag = 0;
  id->orig_id = nullptr;
  bmain.insert(id, src->name);
  id_refs_acquire(bmain, id);
  return id;
}

void id_rename(Main &bmain, ID *id, std::string_view name)
{
  bmain.rename(id, name);
}

void id_us_plus(ID *id)
{
  if (id) {
    id->users++;
  }
}

void id_us_min(ID *id)
{
  if (!id) {
    return;
  }
  /* The fake user is not a reference: only clearing the flag releases it. */
  const int32_t floor = id->users - id_real_users(id);
  if (id->users > floor) {
    id->users--;
  }
}

int32_t id_real_users(const ID *id)
{
  return id->users - ((id->flag & dna::ID_FLAG_FAKEUSER) ? 1 : 0) -
         ((id->flag & dna::ID_FLAG_EXTRA_USER) ? 1 : 0);
}

void id_extra_user_set(ID *id, bool extra_user)
{
  const bool has = id->flag & dna::ID_FLAG_EXTRA_USER;
  if (extra_user && !has) {
    id->flag |= dna::ID_FLAG_EXTRA_USER;
    id->users++;
  }
  else if (!extra_user && has) {
    id->flag &= ~dna::ID_FLAG_EXTRA_USER;
    id->users--;
  }
}

void id_fake_user_set(ID *id, bool fake_user)
{
  const bool has = id->flag & dna::ID_FLAG_FAKEUSER;
  if (fake_user && !has) {
    id->flag |= dna::ID_FLAG_FAKEUSER;
    id->users++;
  }
  else if (!fake_user && has) {
    id->flag &= ~dna::ID_FLAG_FAKEUSER;
    id->users--;
  }
}

void id_ref_assign_raw(Main &bmain, ID *owner, ID *&slot, ID *value, uint32_t flags)
{
  ID *old = slot;
  if (old == value) {
    return;
  }
  if (old) {
    if (flags & IDREF_USER) {
      id_us_min(old);
    }
    bmain.relations().remove(old, owner);
  }
  slot = value;
  if (value) {
    if (flags & IDREF_USER) {
      id_us_plus(value);
    }
    bmain.relations().add(value, owner);
  }
  bmain.relations_version++;
  bmain.is_dirty = true;
}

void id_tag_update(ID *id, uint32_t recalc)
{
  if (id) {
    id->recalc |= recalc;
  }
}

static void foreach_idprop_ref(ID *owner, dna::IDProperty *prop, const IDRefVisitor &visitor)
{
  if (auto *ref = std::get_if<ID *>(&prop->value)) {
    visit_slot(visitor, owner, *ref, IDREF_USER);
  }
  else if (auto *list = std::get_if<dna::IDPropertyList>(&prop->value)) {
    for (auto &member : *list) {
      foreach_idprop_ref(owner, member.get(), visitor);
    }
  }
}

void foreach_id(ID *id, const IDRefVisitor &visitor)
{
  if (id->properties) {
    foreach_idprop_ref(id, id->properties, visitor);
  }
  if (id->anim_data) {
    anim_data_foreach_id(id, *id->anim_data, visitor);
  }
  const IDTypeInfo &info = id_type_info(id->type);
  if (info.foreach_id) {
    info.foreach_id(id, visitor);
  }
}

}  // namespace whisk::kernel
