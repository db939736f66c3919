#pragma once
// Removing data-blocks, remapping their users, and purging orphans.

#include <cstdint>
#include <functional>
#include <span>
#include <unordered_map>
#include <vector>

#include "whisk/kernel/main.hh"

namespace whisk::kernel {

/** Replaces every reference to `old_id` with `new_id` (may be nullptr), as
 * `ID.user_remap`. Types must match. */
void id_remap(Main &bmain, ID *old_id, ID *new_id);

/** Removes an ID. With `unlink`, every reference to it is cleared first; without it, an
 * ID that still has users is refused with a RuntimeError and nothing changes. */
void id_delete(Main &bmain, ID *id, bool unlink = true);

/** Removes many IDs in one pass over their referrers. */
void id_delete_multi(Main &bmain, std::span<ID *const> ids);

/** Deletes IDs with zero users (never scenes or libraries). With `recursive`, repeats
 * until IDs that only unused IDs used are gone too. Returns the number deleted. */
int64_t orphans_purge(Main &bmain, bool recursive);

/** Calls `fn` for every reference `id` holds as Blender's read-only queries count them
 * (`ID.user_of_id`, `bpy.data.user_map`): its own references (not the loop-back ones),
 * those of the IDs it embeds (a scene's master collection), and for a scene what its view
 * layers list: the objects of its bases and the collections of its layer collections,
 * which Whisk derives from the hierarchy rather than holds as references. */
void foreach_id_reference_readonly(ID *id, const std::function<void(ID *target)> &fn);

/** For every ID, the IDs that reference it (as `bpy.data.user_map()`). */
std::unordered_map<ID *, std::vector<ID *>> user_map(const Main &bmain);

/** Rebuilds the relation index and user counts from the IDs' own references, and
 * returns whether the incrementally kept ones agreed. For tests and after file reads. */
bool relations_verify(Main &bmain);

}  // namespace whisk::kernel
