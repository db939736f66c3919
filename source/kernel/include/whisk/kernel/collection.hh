#pragma once
// Collections: objects and child collections, with cycle checks. The master collection
// of a scene is an embedded Collection and behaves the same way.

#include <vector>

#include "whisk/dna/collection.hh"
#include "whisk/dna/object.hh"
#include "whisk/kernel/main.hh"

namespace whisk::kernel {

using dna::Collection;
using dna::Object;

/** RuntimeError if the object is there already. */
void collection_object_link(Main &bmain, Collection *collection, Object *object);
/** RuntimeError if the object is not there. */
void collection_object_unlink(Main &bmain, Collection *collection, Object *object);
/** RuntimeError on a cycle, on linking twice, or on linking a master collection. */
void collection_child_link(Main &bmain, Collection *parent, Collection *child);
void collection_child_unlink(Main &bmain, Collection *parent, Collection *child);

/** True if `descendant` is `ancestor` or below it. */
bool collection_is_in_hierarchy(const Collection *ancestor, const Collection *descendant);
/** Objects of the collection and all its children, each once, depth first. */
std::vector<Object *> collection_all_objects(const Collection *collection);
/** Every collection (master collections included) that holds the object directly. */
std::vector<Collection *> object_users_collection(const Main &bmain, const Object *object);
/** Every collection that has `collection` as a direct child. */
std::vector<Collection *> collection_users_parent(const Collection *collection);

/** Collection hierarchy changed: view layers resync their bases lazily. */
void collections_hierarchy_changed(Main &bmain);

}  // namespace whisk::kernel
