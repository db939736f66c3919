#pragma once
// The lifecycle of data-blocks: create, copy, rename, user counting and reference
// assignment. Every change of an ID reference goes through `id_ref_assign` (or the
// collection and scene functions built on it) so user counts and Main's relation index
// stay exact.

#include <string_view>

#include "whisk/base/error.hh"
#include "whisk/dna/id.hh"
#include "whisk/kernel/id_type.hh"
#include "whisk/kernel/lib_query.hh"
#include "whisk/kernel/main.hh"

namespace whisk::kernel {

/** Checked downcast from ID to a data-block struct; nullptr stays nullptr. */
template<typename T> T *id_cast(ID *id)
{
  if (id && id->type != T::id_type) {
    raise(ErrorKind::Type, "expected a ", id_type_info(T::id_type).name, ", got ",
          id_type_info(id->type).name, " \"", id->name, "\"");
  }
  return reinterpret_cast<T *>(id);
}
template<typename T> const T *id_cast(const ID *id)
{
  return id_cast<T>(const_cast<ID *>(id));
}
template<typename T> ID *as_id(T *data) { return data ? &data->id : nullptr; }

/** Creates an ID in Main with a unique name derived from `name` (the type's default name
 * when empty). It starts with zero users, like `bpy.data.X.new()`. */
ID *id_new(Main &bmain, IDType type, std::string_view name);
template<typename T> T *id_new(Main &bmain, std::string_view name)
{
  return reinterpret_cast<T *>(id_new(bmain, T::id_type, name));
}

/** Creates an ID owned by `owner` that is not listed in Main. */
ID *id_new_embedded(Main &bmain, IDType type, ID *owner, std::string_view name);
ID *id_copy_embedded(Main &bmain, const ID *src, ID *new_owner);
/** Frees an ID's memory: its ID properties and its type's data. No user counting. */
void id_destroy(ID *id);
/** Releases the references an embedded ID holds, then frees it. */
void id_free_embedded(Main &bmain, ID *id);

/** Copies an ID into Main with a unique name; referenced IDs gain users. */
ID *id_copy(Main &bmain, const ID *src);

void id_rename(Main &bmain, ID *id, std::string_view name);

void id_us_plus(ID *id);
void id_us_min(ID *id);
/** Users that are not the fake user. */
int32_t id_real_users(const ID *id);
void id_fake_user_set(ID *id, bool fake_user);
/** Adds or drops the one user held from outside references (see ID_FLAG_EXTRA_USER). */
void id_extra_user_set(ID *id, bool extra_user);

/** Stores `value` in `slot` of `owner`, keeping user counts and relations exact. */
void id_ref_assign_raw(Main &bmain, ID *owner, ID *&slot, ID *value, uint32_t flags);
template<typename T>
void id_ref_assign(Main &bmain, ID *owner, T *&slot, T *value, uint32_t flags)
{
  ID *raw = reinterpret_cast<ID *>(slot);
  id_ref_assign_raw(bmain, owner, raw, reinterpret_cast<ID *>(value), flags);
  slot = reinterpret_cast<T *>(raw);
}

/* ---- Evaluated copies (owned by dependency graphs, never in Main) ---- */

/** Whether the type gets evaluated copies (copy-on-write); other types are evaluated in
 * place, their originals being what the graph reads. */
bool id_type_is_copied_for_eval(IDType type);
/** A copy that shares every array with `orig` (implicit sharing), flagged EVALUATED, with
 * its own session uid and `orig_id` pointing back. References still point at originals;
 * the graph remaps them. */
ID *id_copy_for_eval(const ID *orig);
/** Copies `orig` into the existing evaluated copy, which keeps its address and uid. */
void id_update_for_eval(ID *eval, const ID *orig);
void id_free_eval(ID *eval);
/** A new process-wide session uid. */
uint32_t id_session_uid_next();

/** Tags evaluation (see dna::IDRecalc). Dependency graphs pick the tag up at their next
 * update, re-evaluate what depends on the ID, and clear it. */
void id_tag_update(ID *id, uint32_t recalc);

/** Adds the references `id` holds to user counts and the relation index (after a copy
 * or after reading), or removes them (before freeing). */
void id_refs_acquire(Main &bmain, ID *id);
void id_refs_release(Main &bmain, ID *id);

}  // namespace whisk::kernel
