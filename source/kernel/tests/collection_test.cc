// Collections and view layers: linking, errors, all_objects, users_collection, deletion,
// and the view layer's bases (order, exclusion, selection, active object, visibility).
// Orders are compared with Blender 3.4 (tests/fixtures/kernel_extra.json, printed by
// tools/oracle/gen_kernel_extra.py).

#include <gtest/gtest.h>

#include <map>

#include "kernel_test_util.hh"
#include "whisk/kernel/lib_remove.hh"

namespace whisk::kernel::test {
namespace {

using namespace dna;

using Names = std::vector<std::string>;

/* ---- Linking and errors ---- */

TEST(collection, link_and_unlink_objects)
{
  Main bmain;
  Collection *c = id_new<Collection>(bmain, "C");
  Object *a = object_new(bmain, "A", nullptr);
  Object *b = object_new(bmain, "B", nullptr);
  collection_object_link(bmain, c, b);
  collection_object_link(bmain, c, a);
  EXPECT_EQ(names_of(collection_all_objects(c)), (Names{"B", "A"})); /* link order */
  EXPECT_EQ(c->objects.size(), 2);
  EXPECT_EQ(a->id.users, 1);
  collection_object_unlink(bmain, c, b);
  EXPECT_EQ(names_of(collection_all_objects(c)), (Names{"A"}));
  EXPECT_EQ(b->id.users, 0);
  collection_object_link(bmain, c, b);
  EXPECT_EQ(names_of(collection_all_objects(c)), (Names{"A", "B"}));
  EXPECT_TRUE(relations_verify(bmain));
}

TEST(collection, errors_name_both_sides)
{
  Main bmain;
  Scene *scene = id_new<Scene>(bmain, "Scene");
  Collection *p = id_new<Collection>(bmain, "P");
  Collection *c = id_new<Collection>(bmain, "C");
  Collection *g = id_new<Collection>(bmain, "G");
  Object *o = object_new(bmain, "O", nullptr);
  Object *stranger = object_new(bmain, "Stranger", nullptr);
  collection_object_link(bmain, p, o);
  collection_child_link(bmain, p, c);
  collection_child_link(bmain, c, g);
  const uint64_t version = bmain.relations_version;

  EXPECT_WHISK_ERROR(collection_object_link(bmain, p, o), ErrorKind::Runtime, "'O'", "'P'",
                     "already in collection");
  EXPECT_WHISK_ERROR(collection_object_unlink(bmain, p, stranger), ErrorKind::Runtime,
                     "'Stranger'", "'P'", "not in collection");
  EXPECT_WHISK_ERROR(collection_child_link(bmain, p, c), ErrorKind::Runtime, "'C'", "'P'",
                     "already in collection");
  /* Cycles: a collection into its own descendant, and into itself. */
  EXPECT_WHISK_ERROR(collection_child_link(bmain, g, p), ErrorKind::Runtime, "'P'", "'G'",
                     "cycle");
  EXPECT_WHISK_ERROR(collection_child_link(bmain, c, c), ErrorKind::Runtime, "'C'", "cycle");
  /* A scene's master collection is never a child. (Blender 3.4 accepts this link and
   * makes the scene's hierarchy contain itself; Whisk refuses it.) */
  EXPECT_WHISK_ERROR(collection_child_link(bmain, p, scene->master_collection),
                     ErrorKind::Runtime, "'Scene Collection'", "master collection");
  EXPECT_WHISK_ERROR(collection_child_unlink(bmain, g, c), ErrorKind::Runtime, "'C'", "'G'",
                     "not in collection");
  /* Nothing changed. */
  EXPECT_EQ(bmain.relations_version, version);
  EXPECT_EQ(names_of(p->children), (Names{"C"}));
  EXPECT_EQ(names_of(c->children), (Names{"G"}));
  EXPECT_TRUE(g->children.empty());
  EXPECT_EQ(o->id.users, 1);
  EXPECT_EQ(c->id.users, 1);
  EXPECT_TRUE(relations_verify(bmain));
}

TEST(collection, hierarchy_queries)
{
  Main bmain;
  Collection *p = id_new<Collection>(bmain, "P");
  Collection *c = id_new<Collection>(bmain, "C");
  Collection *g = id_new<Collection>(bmain, "G");
  collection_child_link(bmain, p, c);
  collection_child_link(bmain, c, g);
  EXPECT_TRUE(collection_is_in_hierarchy(p, g));
  EXPECT_TRUE(collection_is_in_hierarchy(p, p));
  EXPECT_FALSE(collection_is_in_hierarchy(g, p));
  /* A collection may have several parents. */
  collection_child_link(bmain, p, g);
  EXPECT_EQ(names_of(collection_users_parent(g)), (Names{"C", "P"}));
  EXPECT_EQ(g->id.users, 2);
  collection_child_unlink(bmain, c, g);
  EXPECT_EQ(names_of(collection_users_parent(g)), (Names{"P"}));
  EXPECT_EQ(g->id.users, 1);
  EXPECT_EQ(names_of(p->children), (Names{"C", "G"}));
  EXPECT_TRUE(relations_verify(bmain));
}

TEST(collection, all_objects_depth_first_without_duplicates)
{
  /* The case that tools/oracle probes printed for Blender 3.4: ['o4', 'o1', 'o2', 'o3']. */
  Main bmain;
  Collection *p = id_new<Collection>(bmain, "P");
  Collection *c1 = id_new<Collection>(bmain, "C1");
  Collection *c2 = id_new<Collection>(bmain, "C2");
  collection_child_link(bmain, p, c1);
  collection_child_link(bmain, p, c2);
  collection_child_link(bmain, c1, c2);
  Object *o1 = object_new(bmain, "o1", nullptr);
  Object *o2 = object_new(bmain, "o2", nullptr);
  Object *o3 = object_new(bmain, "o3", nullptr);
  Object *o4 = object_new(bmain, "o4", nullptr);
  collection_object_link(bmain, c2, o3);
  collection_object_link(bmain, c1, o2);
  collection_object_link(bmain, p, o4);
  collection_object_link(bmain, p, o1);
  collection_object_link(bmain, c2, o1);
  EXPECT_EQ(names_of(collection_all_objects(p)), (Names{"o4", "o1", "o2", "o3"}));
  EXPECT_EQ(names_of(collection_all_objects(c1)), (Names{"o2", "o3", "o1"}));
  EXPECT_EQ(names_of(collection_all_objects(c2)), (Names{"o3", "o1"}));
  EXPECT_TRUE(relations_verify(bmain));
}

/* ---- Against the oracle ---- */

class KernelExtra : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { data_ = new json(load_fixture("kernel_extra.json")); }
  static void TearDownTestSuite()
  {
    delete data_;
    data_ = nullptr;
  }
  static const json &data() { return *data_; }

 private:
  static inline json *data_ = nullptr;
};

/** Builds one hierarchy record of kernel_extra.json in a fresh Main. */
struct BuiltHierarchy {
  Main bmain;
  Scene *scene = nullptr;
  ViewLayer *layer = nullptr;
  std::map<std::string, Collection *> collections;
  std::map<std::string, Object *> objects;

  explicit BuiltHierarchy(const json &spec)
  {
    scene = id_new<Scene>(bmain, "Scene");
    layer = scene->view_layers.front().get();
    collections[""] = scene->master_collection;
    for (const json &link : spec.at("collections")) {
      const std::string parent = link.at(0), name = link.at(1);
      if (!collections.count(name)) {
        collections[name] = id_new<Collection>(bmain, name);
      }
      collection_child_link(bmain, collections.at(parent), collections.at(name));
    }
    for (const json &link : spec.at("objects")) {
      const std::string collection = link.at(0), name = link.at(1);
      if (!objects.count(name)) {
        objects[name] = object_new(bmain, name, nullptr);
      }
      collection_object_link(bmain, collections.at(collection), objects.at(name));
    }
    for (const json &name : spec.at("exclude")) {
      LayerCollection *lc = view_layer_find_layer_collection(
          scene, layer, collections.at(name.get<std::string>()));
      if (!lc) {
        ADD_FAILURE() << "no layer collection for " << name;
        continue;
      }
      lc->flag |= LAYER_COLLECTION_EXCLUDE;
      layer->bases_dirty = true;
    }
  }
};

TEST_F(KernelExtra, hierarchies_match_blender)
{
  ASSERT_GE(data().at("hierarchies").size(), 5u);
  for (const json &spec : data().at("hierarchies")) {
    SCOPED_TRACE(spec.at("title").get<std::string>());
    BuiltHierarchy h(spec);
    EXPECT_EQ(names_of(view_layer_objects(h.scene, h.layer)),
              spec.at("view_layer_objects").get<Names>());
    EXPECT_EQ(names_of(scene_objects(h.scene)), spec.at("scene_objects").get<Names>());
    for (const auto &[name, expected] : spec.at("all_objects").items()) {
      Collection *c = name == "Scene Collection" ? h.scene->master_collection :
                                                  h.collections.at(name);
      EXPECT_EQ(names_of(collection_all_objects(c)), expected.get<Names>()) << name;
    }
    for (const auto &[name, visible] : spec.at("visible").items()) {
      EXPECT_EQ(object_visible_in_view_layer(h.scene, h.layer, h.objects.at(name)),
                visible.get<bool>())
          << name;
    }
    EXPECT_TRUE(relations_verify(h.bmain));
  }
}

TEST_F(KernelExtra, users_collection_order_matches_blender)
{
  const json &expected = data().at("users_collection");
  Main bmain;
  Scene *scene = id_new<Scene>(bmain, "Scene");
  Scene *another = id_new<Scene>(bmain, "Another");
  Object *ob = object_new(bmain, "Ob", nullptr);
  std::map<std::string, Collection *> created;
  for (const json &name : expected.at("collections_created")) {
    created[name] = id_new<Collection>(bmain, name.get<std::string>());
  }
  for (const json &entry : expected.at("linked_order")) {
    const std::string name = entry;
    if (name == "Another:master") {
      collection_object_link(bmain, another->master_collection, ob);
    }
    else if (name == "Scene:master") {
      collection_object_link(bmain, scene->master_collection, ob);
    }
    else {
      collection_object_link(bmain, created.at(name), ob);
    }
  }
  const std::vector<Collection *> users = object_users_collection(bmain, ob);
  EXPECT_EQ(names_of(users), expected.at("users_collection").get<Names>());
  Names owners;
  for (const Collection *c : users) {
    owners.emplace_back((c->id.flag & ID_FLAG_EMBEDDED) ? c->id.owner->name : c->id.name);
  }
  EXPECT_EQ(owners, expected.at("users_collection_owner").get<Names>());
  EXPECT_EQ(names_of(object_scenes(bmain, ob)), expected.at("users_scene").get<Names>());
  EXPECT_TRUE(relations_verify(bmain));
}

/* ---- Deletion ---- */

TEST(collection, deleting_a_collection_unlinks_it_everywhere)
{
  TestScene s;
  Collection *mid = id_new<Collection>(s.bmain, "Mid");
  Collection *leaf = id_new<Collection>(s.bmain, "Leaf");
  Collection *other_parent = id_new<Collection>(s.bmain, "Other");
  collection_child_link(s.bmain, s.collection, mid);
  collection_child_link(s.bmain, other_parent, mid);
  collection_child_link(s.bmain, mid, leaf);
  Object *deep = object_new(s.bmain, "Deep", nullptr);
  collection_object_link(s.bmain, leaf, deep);
  EXPECT_EQ(names_of(view_layer_objects(s.scene, s.view_layer)),
            (Names{"Deep", "Cube", "Camera", "Light"}));
  EXPECT_EQ(mid->id.users, 2);

  id_delete(s.bmain, &mid->id);
  EXPECT_EQ(names_of(s.collection->children), Names{});
  EXPECT_TRUE(other_parent->children.empty());
  EXPECT_TRUE(collection_users_parent(leaf).empty());
  EXPECT_EQ(leaf->id.users, 0);
  /* The view layer resyncs: Deep is gone, the rest stays. */
  EXPECT_EQ(names_of(view_layer_objects(s.scene, s.view_layer)),
            (Names{"Cube", "Camera", "Light"}));
  EXPECT_EQ(view_layer_find_layer_collection(s.scene, s.view_layer, leaf), nullptr);
  EXPECT_EQ(object_scenes(s.bmain, deep).size(), 0u);
  EXPECT_TRUE(relations_verify(s.bmain));
}

TEST(collection, object_users_collection_and_scenes)
{
  TestScene s;
  Collection *extra = id_new<Collection>(s.bmain, "Extra");
  collection_object_link(s.bmain, extra, s.cube);
  collection_object_link(s.bmain, s.scene->master_collection, s.cube);
  EXPECT_EQ(names_of(object_users_collection(s.bmain, s.cube)),
            (Names{"Collection", "Extra", "Scene Collection"}));
  /* Extra is not in the scene; the object is there through the others. */
  EXPECT_EQ(names_of(object_scenes(s.bmain, s.cube)), (Names{"Scene"}));
  Scene *other = id_new<Scene>(s.bmain, "Other");
  collection_child_link(s.bmain, other->master_collection, extra);
  EXPECT_EQ(names_of(object_scenes(s.bmain, s.cube)), (Names{"Other", "Scene"}));
  /* scene_objects lists each object once. */
  EXPECT_EQ(names_of(scene_objects(s.scene)), (Names{"Cube", "Camera", "Light"}));
  EXPECT_TRUE(relations_verify(s.bmain));
}

/* ---- View layer ---- */

TEST(collection, view_layer_follows_hierarchy)
{
  TestScene s;
  EXPECT_EQ(names_of(view_layer_objects(s.scene, s.view_layer)),
            (Names{"Cube", "Camera", "Light"}));
  Collection *child = id_new<Collection>(s.bmain, "Child");
  Object *extra = object_new(s.bmain, "Extra", nullptr);
  collection_object_link(s.bmain, child, extra);
  /* Not in the scene yet. */
  EXPECT_EQ(view_layer_base_find(s.scene, s.view_layer, extra), nullptr);
  collection_child_link(s.bmain, s.collection, child);
  EXPECT_NE(view_layer_base_find(s.scene, s.view_layer, extra), nullptr);
  /* Children's objects come before their parent's own objects, as in Blender. */
  EXPECT_EQ(names_of(view_layer_objects(s.scene, s.view_layer)),
            (Names{"Extra", "Cube", "Camera", "Light"}));
  LayerCollection *lc = view_layer_find_layer_collection(s.scene, s.view_layer, child);
  ASSERT_NE(lc, nullptr);
  EXPECT_EQ(lc->collection, child);
  EXPECT_EQ(s.view_layer->layer_collection->collection, s.scene->master_collection);
  ASSERT_EQ(s.view_layer->layer_collection->children.size(), 1u);
  EXPECT_EQ(s.view_layer->layer_collection->children[0]->children[0].get(), lc);
  collection_object_unlink(s.bmain, s.collection, s.light);
  EXPECT_EQ(names_of(view_layer_objects(s.scene, s.view_layer)),
            (Names{"Extra", "Cube", "Camera"}));
  EXPECT_TRUE(relations_verify(s.bmain));
}

TEST(collection, excluded_layer_collection_drops_bases)
{
  TestScene s;
  Collection *child = id_new<Collection>(s.bmain, "Child");
  collection_child_link(s.bmain, s.collection, child);
  Object *inner = object_new(s.bmain, "Inner", nullptr);
  collection_object_link(s.bmain, child, inner);
  /* Also directly in the master collection: it stays through that path. */
  collection_object_link(s.bmain, s.scene->master_collection, s.camera);
  LayerCollection *lc = view_layer_find_layer_collection(s.scene, s.view_layer, s.collection);
  ASSERT_NE(lc, nullptr);
  lc->flag |= LAYER_COLLECTION_EXCLUDE;
  s.view_layer->bases_dirty = true;
  EXPECT_EQ(names_of(view_layer_objects(s.scene, s.view_layer)), (Names{"Camera"}));
  EXPECT_EQ(view_layer_base_find(s.scene, s.view_layer, inner), nullptr);
  EXPECT_FALSE(object_visible_in_view_layer(s.scene, s.view_layer, s.cube));
  EXPECT_TRUE(object_visible_in_view_layer(s.scene, s.view_layer, s.camera));
  /* The active object's base went: it is no longer active. */
  EXPECT_EQ(s.view_layer->active_object, nullptr);
  /* The exclude flag survives resyncs, and clearing it brings the bases back. */
  collection_object_link(s.bmain, child, object_new(s.bmain, "Later", nullptr));
  lc = view_layer_find_layer_collection(s.scene, s.view_layer, s.collection);
  EXPECT_TRUE(lc->flag & LAYER_COLLECTION_EXCLUDE);
  EXPECT_EQ(names_of(view_layer_objects(s.scene, s.view_layer)), (Names{"Camera"}));
  lc->flag &= ~LAYER_COLLECTION_EXCLUDE;
  s.view_layer->bases_dirty = true;
  EXPECT_EQ(names_of(view_layer_objects(s.scene, s.view_layer)),
            (Names{"Inner", "Later", "Cube", "Light", "Camera"}));
  EXPECT_TRUE(relations_verify(s.bmain));
}

TEST(collection, selection_survives_resync)
{
  TestScene s;
  Base *base = view_layer_base_find(s.scene, s.view_layer, s.light);
  ASSERT_NE(base, nullptr);
  base->flag |= BASE_SELECTED | BASE_HIDDEN;
  ASSERT_TRUE(view_layer_base_find(s.scene, s.view_layer, s.cube)->flag & BASE_SELECTED);
  /* Several hierarchy changes, each a resync. */
  Collection *child = id_new<Collection>(s.bmain, "Child");
  collection_child_link(s.bmain, s.collection, child);
  collection_object_link(s.bmain, child, s.light);
  collection_object_unlink(s.bmain, s.collection, s.light);
  view_layer_ensure_synced(s.scene, s.view_layer);
  collection_object_link(s.bmain, child, object_new(s.bmain, "New", nullptr));
  EXPECT_EQ(view_layer_base_find(s.scene, s.view_layer, s.light)->flag,
            BASE_SELECTED | BASE_HIDDEN);
  EXPECT_TRUE(view_layer_base_find(s.scene, s.view_layer, s.cube)->flag & BASE_SELECTED);
  EXPECT_EQ(view_layer_base_find(s.scene, s.view_layer, s.camera)->flag, 0);
  EXPECT_EQ(s.view_layer->active_object, s.cube);
  EXPECT_EQ(view_layer_base_find(s.scene, s.view_layer, object_new(s.bmain, "Outside", nullptr)),
            nullptr);
  EXPECT_TRUE(relations_verify(s.bmain));
}

TEST(collection, active_object_cleared_when_it_leaves)
{
  TestScene s;
  ASSERT_EQ(s.view_layer->active_object, s.cube);
  /* Still in the layer through another collection: stays active. */
  collection_object_link(s.bmain, s.scene->master_collection, s.cube);
  collection_object_unlink(s.bmain, s.collection, s.cube);
  view_layer_ensure_synced(s.scene, s.view_layer);
  EXPECT_EQ(s.view_layer->active_object, s.cube);
  collection_object_unlink(s.bmain, s.scene->master_collection, s.cube);
  view_layer_ensure_synced(s.scene, s.view_layer);
  EXPECT_EQ(s.view_layer->active_object, nullptr);
  EXPECT_EQ(view_layer_base_find(s.scene, s.view_layer, s.cube), nullptr);
  EXPECT_TRUE(relations_verify(s.bmain));
}

TEST(collection, active_layer_collection_survives_resync)
{
  TestScene s;
  s.view_layer->active_layer_collection =
      view_layer_find_layer_collection(s.scene, s.view_layer, s.collection);
  collection_child_link(s.bmain, s.collection, id_new<Collection>(s.bmain, "Child"));
  view_layer_ensure_synced(s.scene, s.view_layer);
  ASSERT_NE(s.view_layer->active_layer_collection, nullptr);
  EXPECT_EQ(s.view_layer->active_layer_collection->collection, s.collection);
  /* Its collection deleted: the master layer collection becomes active. */
  id_delete(s.bmain, &s.collection->id);
  view_layer_ensure_synced(s.scene, s.view_layer);
  EXPECT_EQ(s.view_layer->active_layer_collection, s.view_layer->layer_collection.get());
  EXPECT_TRUE(relations_verify(s.bmain));
}

TEST(collection, visibility_flags)
{
  TestScene s;
  Collection *child = id_new<Collection>(s.bmain, "Child");
  collection_child_link(s.bmain, s.scene->master_collection, child);
  Object *shared = object_new(s.bmain, "Shared", nullptr);
  collection_object_link(s.bmain, s.collection, shared);
  collection_object_link(s.bmain, child, shared);
  auto visible = [&](const Object *o) {
    return object_visible_in_view_layer(s.scene, s.view_layer, o);
  };
  EXPECT_TRUE(visible(s.cube));
  EXPECT_TRUE(visible(shared));

  /* Per-layer hide (Object.hide_set). */
  view_layer_base_find(s.scene, s.view_layer, s.cube)->flag |= BASE_HIDDEN;
  EXPECT_FALSE(visible(s.cube));
  view_layer_base_find(s.scene, s.view_layer, s.cube)->flag &= ~BASE_HIDDEN;
  /* Object.hide_viewport hides it everywhere. */
  s.cube->hide_viewport = true;
  EXPECT_FALSE(visible(s.cube));
  s.cube->hide_viewport = false;
  EXPECT_TRUE(visible(s.cube));

  /* A hidden layer collection hides its objects, unless another path shows them. */
  LayerCollection *lc = view_layer_find_layer_collection(s.scene, s.view_layer, s.collection);
  lc->flag |= LAYER_COLLECTION_HIDE;
  EXPECT_FALSE(visible(s.cube));
  EXPECT_TRUE(visible(shared));
  /* Hidden but not excluded: the base stays (selection, active). */
  EXPECT_NE(view_layer_base_find(s.scene, s.view_layer, s.cube), nullptr);
  lc->flag &= ~LAYER_COLLECTION_HIDE;
  /* The collection's own hide_viewport flag. */
  child->flag |= COLLECTION_HIDE_VIEWPORT;
  EXPECT_TRUE(visible(shared));
  s.collection->flag |= COLLECTION_HIDE_VIEWPORT;
  EXPECT_FALSE(visible(shared));
  EXPECT_FALSE(visible(s.camera));
  child->flag &= ~COLLECTION_HIDE_VIEWPORT;
  EXPECT_TRUE(visible(shared));
  /* Not in the scene at all. */
  EXPECT_FALSE(visible(object_new(s.bmain, "Outside", nullptr)));
  EXPECT_TRUE(relations_verify(s.bmain));
}

TEST(collection, several_view_layers_are_independent)
{
  TestScene s;
  ViewLayer *second = scene_view_layer_add(s.bmain, s.scene, "ViewLayer");
  EXPECT_STREQ(second->name, "ViewLayer_001");
  EXPECT_EQ(scene_view_layer_find(s.scene, "ViewLayer_001"), second);
  EXPECT_EQ(names_of(view_layer_objects(s.scene, second)), (Names{"Cube", "Camera", "Light"}));
  /* Selection is per layer. */
  EXPECT_EQ(view_layer_base_find(s.scene, second, s.cube)->flag & BASE_SELECTED, 0);
  view_layer_find_layer_collection(s.scene, second, s.collection)->flag |=
      LAYER_COLLECTION_EXCLUDE;
  second->bases_dirty = true;
  EXPECT_TRUE(view_layer_objects(s.scene, second).empty());
  EXPECT_EQ(view_layer_objects(s.scene, s.view_layer).size(), 3u);
  view_layer_rename(s.scene, second, "ViewLayer");
  EXPECT_STREQ(second->name, "ViewLayer_001");
  view_layer_rename(s.scene, second, "Back");
  EXPECT_STREQ(second->name, "Back");
  scene_view_layer_remove(s.bmain, s.scene, second);
  EXPECT_EQ(s.scene->view_layers.size(), 1u);
  EXPECT_WHISK_ERROR(scene_view_layer_remove(s.bmain, s.scene, s.view_layer), ErrorKind::Runtime,
                     "'ViewLayer'", "'Scene'");
  EXPECT_TRUE(relations_verify(s.bmain));
}

}  // namespace
}  // namespace whisk::kernel::test
