#include "whisk/kernel/collection.hh"

#include <algorithm>
#include <unordered_set>

#include "type_helpers.hh"
#include "whisk/base/error.hh"
#include "whisk/dna/scene.hh"

namespace whisk::kernel {
using namespace types;
using namespace dna;

static void foreach_collection_id(ID *id, const IDRefVisitor &visitor)
{
  Collection &collection = cast<Collection>(id);
  if (id->flag & ID_FLAG_EMBEDDED) {
    visit_slot(visitor, id, id->owner, IDREF_LOOPBACK);
  }
  /* The object set answers "is it here" in O(1): with one target, skip the scan. A
   * reference remapped onto an object the collection holds already merges with it. */
  auto visit_object = [&](Object *object) {
    ID *result = visitor.visit(id, &object->id, IDREF_USER);
    if (result == &object->id) {
      return;
    }
    if (!result) {
      collection.objects.remove(object);
      return;
    }
    auto *replacement = reinterpret_cast<Object *>(result);
    const bool merged = collection.objects.contains(replacement);
    collection.objects.replace(object, replacement);
    if (merged) {
      visitor.dropped(id, result, IDREF_USER);
    }
  };
  if (visitor.only) {
    if (visitor.only->type == IDType::Object &&
        collection.objects.contains(reinterpret_cast<const Object *>(visitor.only)))
    {
      visit_object(const_cast<Object *>(reinterpret_cast<const Object *>(visitor.only)));
    }
  }
  else {
    for (Object *object : collection.objects.to_vector()) {
      visit_object(object);
    }
  }
  /* Children remapped onto a child the collection has already merge at the earlier
   * position; one that would make a cycle is unlinked instead. */
  for (size_t i = 0; i < collection.children.size();) {
    Collection *child = collection.children[i];
    if (visitor.only && &child->id != visitor.only) {
      i++;
      continue;
    }
    ID *result = visitor.visit(id, &child->id, IDREF_USER);
    if (result == &child->id) {
      i++;
      continue;
    }
    std::erase(child->parents, &collection);
    auto *replacement = reinterpret_cast<Collection *>(result);
    if (!replacement) {
      collection.children.erase(collection.children.begin() + i);
      continue;
    }
    auto existing = std::find(collection.children.begin(), collection.children.end(),
                              replacement);
    if (existing != collection.children.end()) {
      visitor.dropped(id, result, IDREF_USER);
      const size_t j = size_t(existing - collection.children.begin());
      if (j > i) {
        collection.children.erase(existing);
        collection.children[i++] = replacement;
      }
      else {
        collection.children.erase(collection.children.begin() + i);
      }
    }
    else if (collection_is_in_hierarchy(replacement, &collection)) {
      visitor.dropped(id, result, IDREF_USER);
      collection.children.erase(collection.children.begin() + i);
    }
    else {
      collection.children[i++] = replacement;
      replacement->parents.push_back(&collection);
    }
  }
}

static ID *duplicate_collection(Main &, const ID *src)
{
  Collection *copy = new Collection(cast<Collection>(src));
  copy->parents.clear();
  for (Collection *child : copy->children) {
    child->parents.push_back(copy);
  }
  return &copy->id;
}

static void unlink_collection_runtime(Main &bmain, ID *id)
{
  Collection &collection = cast<Collection>(id);
  for (Collection *child : collection.children) {
    std::erase(child->parents, &collection);
  }
  collections_hierarchy_changed(bmain);
}

const IDTypeInfo IDType_GR = {
    .type = IDType::Collection,
    .code = "GR",
    .name = "Collection",
    .name_plural = "collections",
    .default_name = "Collection",
    .flags = 0,
    .alloc = alloc<Collection>,
    .init = nullptr,
    .duplicate = duplicate_collection,
    .destroy = destroy_plain<Collection>,
    .foreach_id = foreach_collection_id,
    .unlink_runtime = unlink_collection_runtime,
};

static std::string collection_label(const Collection *collection)
{
  return str_cat("'", collection->id.name, "'");
}

void collections_hierarchy_changed(Main &bmain)
{
  for (ID *id : bmain.list(IDType::Scene)) {
    for (auto &view_layer : cast<Scene>(id).view_layers) {
      view_layer->bases_dirty = true;
    }
  }
  bmain.relations_version++;
  bmain.is_dirty = true;
}

void collection_object_link(Main &bmain, Collection *collection, Object *object)
{
  if (!collection->objects.add(object)) {
    raise(ErrorKind::Runtime, "Object '", object->id.name, "' already in collection ",
          collection_label(collection));
  }
  id_us_plus(&object->id);
  bmain.relations().add(&object->id, &collection->id);
  collections_hierarchy_changed(bmain);
}

void collection_object_unlink(Main &bmain, Collection *collection, Object *object)
{
  if (!collection->objects.remove(object)) {
    raise(ErrorKind::Runtime, "Object '", object->id.name, "' not in collection ",
          collection_label(collection));
  }
  id_us_min(&object->id);
  bmain.relations().remove(&object->id, &collection->id);
  collections_hierarchy_changed(bmain);
}

bool collection_is_in_hierarchy(const Collection *ancestor, const Collection *descendant)
{
  if (ancestor == descendant) {
    return true;
  }
  for (const Collection *child : ancestor->children) {
    if (collection_is_in_hierarchy(child, descendant)) {
      return true;
    }
  }
  return false;
}

void collection_child_link(Main &bmain, Collection *parent, Collection *child)
{
  if (child->id.flag & ID_FLAG_EMBEDDED) {
    raise(ErrorKind::Runtime, "Collection ", collection_label(child),
          " is a scene's master collection and cannot be a child");
  }
  if (std::find(parent->children.begin(), parent->children.end(), child) !=
      parent->children.end())
  {
    raise(ErrorKind::Runtime, "Collection ", collection_label(child), " already in collection ",
          collection_label(parent));
  }
  if (collection_is_in_hierarchy(child, parent)) {
    raise(ErrorKind::Runtime, "Collection ", collection_label(child),
          " is already a parent of collection ", collection_label(parent),
          ": linking would make a cycle");
  }
  parent->children.push_back(child);
  child->parents.push_back(parent);
  id_us_plus(&child->id);
  bmain.relations().add(&child->id, &parent->id);
  collections_hierarchy_changed(bmain);
}

void collection_child_unlink(Main &bmain, Collection *parent, Collection *child)
{
  auto it = std::find(parent->children.begin(), parent->children.end(), child);
  if (it == parent->children.end()) {
    raise(ErrorKind::Runtime, "Collection ", collection_label(child), " not in collection ",
          collection_label(parent));
  }
  parent->children.erase(it);
  std::erase(child->parents, parent);
  id_us_min(&child->id);
  bmain.relations().remove(&child->id, &parent->id);
  collections_hierarchy_changed(bmain);
}

std::vector<Object *> collection_all_objects(const Collection *collection)
{
  std::vector<Object *> result;
  std::unordered_set<const Object *> seen;
  std::unordered_set<const Collection *> visited;
  auto walk = [&](auto &self, const Collection *c) -> void {
    if (!visited.insert(c).second) {
      return;
    }
    c->objects.for_each([&](Object *object) {
      if (seen.insert(object).second) {
        result.push_back(object);
      }
    });
    for (const Collection *child : c->children) {
      self(self, child);
    }
  };
  walk(walk, collection);
  return result;
}

std::vector<Collection *> object_users_collection(const Main &bmain, const Object *object)
{
  std::vector<Collection *> result;
  for (ID *referrer : bmain.relations().referrers_of(&object->id)) {
    if (referrer->type == IDType::Collection &&
        cast<Collection>(referrer).objects.contains(object))
    {
      result.push_back(&cast<Collection>(referrer));
    }
  }
  /* Relations are unordered; use Blender's order: collections in Main's list order, then
   * scene master collections in the order of their scenes. */
  auto listed = [](const Collection *c) -> const ID * {
    return (c->id.flag & ID_FLAG_EMBEDDED) ? c->id.owner : &c->id;
  };
  std::sort(result.begin(), result.end(), [&](const Collection *a, const Collection *b) {
    const ID *la = listed(a), *lb = listed(b);
    if (la->type != lb->type) {
      return la->type == IDType::Collection; /* collections before master collections */
    }
    return IDListLess()(la, lb);
  });
  return result;
}

std::vector<Collection *> collection_users_parent(const Collection *collection)
{
  return collection->parents;
}

}  // namespace whisk::kernel
