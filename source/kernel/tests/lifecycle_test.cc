// ID lifecycle: user counts, copy, delete with and without unlink, remap, orphan purge,
// user maps, session uids, several Mains, bad input. Every test ends with
// relations_verify(), which rebuilds the relation index and user counts from the IDs'
// own references and fails when the incrementally kept ones disagree.

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "kernel_test_util.hh"
#include "whisk/dna/all_types.hh"
#include "whisk/kernel/collection.hh"
#include "whisk/kernel/idprop.hh"
#include "whisk/kernel/lib_remove.hh"
#include "whisk/kernel/object.hh"
#include "whisk/kernel/scene.hh"

namespace whisk::kernel::test {
namespace {

using namespace dna;

/* ---- User counts ---- */

TEST(lifecycle, new_ids_have_no_users)
{
  Main bmain;
  for (const IDType type : {IDType::Scene, IDType::Collection, IDType::Object, IDType::Mesh,
                            IDType::Camera, IDType::Light, IDType::Material, IDType::World,
                            IDType::Image, IDType::Action, IDType::Text, IDType::NodeTree})
  {
    ID *id = id_new(bmain, type, "");
    /* As in Blender 3.4: a new scene holds an extra user, a new text a fake user. */
    const uint32_t held = type == IDType::Scene ? uint32_t(ID_FLAG_EXTRA_USER) :
                          type == IDType::Text  ? uint32_t(ID_FLAG_FAKEUSER) :
                                                  0u;
    EXPECT_EQ(id->users, held ? 1 : 0) << id_type_info(type).name;
    EXPECT_EQ(id_real_users(id), 0) << id_type_info(type).name;
    EXPECT_EQ(id->flag & (ID_FLAG_EXTRA_USER | ID_FLAG_FAKEUSER), held)
        << id_type_info(type).name;
    EXPECT_EQ(id->type, type);
    EXPECT_STREQ(id->name, id_type_info(type).default_name);
    EXPECT_EQ(id->flag & ID_FLAG_EMBEDDED, 0u);
  }
  EXPECT_EQ(bmain.id_count(), 12);
  /* A scene comes with its embedded master collection and one view layer. */
  Scene *scene = id_cast<Scene>(bmain.find(IDType::Scene, "Scene"));
  ASSERT_NE(scene->master_collection, nullptr);
  EXPECT_STREQ(scene->master_collection->id.name, "Scene Collection");
  EXPECT_EQ(scene->master_collection->id.owner, &scene->id);
  EXPECT_TRUE(scene->master_collection->id.flag & ID_FLAG_EMBEDDED);
  EXPECT_EQ(scene->master_collection->id.users, 0);
  ASSERT_EQ(scene->view_layers.size(), 1u);
  EXPECT_STREQ(scene->view_layers[0]->name, "ViewLayer");
  EXPECT_TRUE(relations_verify(bmain));
}

TEST(lifecycle, object_data_and_collections_count_users)
{
  Main bmain;
  Mesh *mesh = id_new<Mesh>(bmain, "Mesh");
  Object *a = object_new(bmain, "A", &mesh->id);
  EXPECT_EQ(mesh->id.users, 1);
  EXPECT_EQ(a->id.users, 0);
  EXPECT_EQ(a->type, ObjectType::Mesh);
  Object *b = object_new(bmain, "B", &mesh->id);
  EXPECT_EQ(mesh->id.users, 2);

  Scene *scene = id_new<Scene>(bmain, "Scene");
  Collection *c1 = id_new<Collection>(bmain, "C1");
  Collection *c2 = id_new<Collection>(bmain, "C2");
  collection_object_link(bmain, scene->master_collection, a);
  EXPECT_EQ(a->id.users, 1);
  collection_object_link(bmain, c1, a);
  collection_object_link(bmain, c2, a);
  EXPECT_EQ(a->id.users, 3);
  collection_child_link(bmain, scene->master_collection, c1);
  EXPECT_EQ(c1->id.users, 1);
  EXPECT_EQ(c2->id.users, 0);
  collection_object_unlink(bmain, c1, a);
  EXPECT_EQ(a->id.users, 2);

  World *world = id_new<World>(bmain, "World");
  scene_set_world(bmain, scene, world);
  EXPECT_EQ(world->id.users, 1);
  scene_set_world(bmain, scene, world); /* same value: no change */
  EXPECT_EQ(world->id.users, 1);
  scene_set_world(bmain, scene, nullptr);
  EXPECT_EQ(world->id.users, 0);

  /* Parent and scene camera are references without users, as in Blender. */
  EXPECT_TRUE(object_set_parent(bmain, b, a));
  Camera *camera_data = id_new<Camera>(bmain, "Cam");
  Object *camera = object_new(bmain, "Cam", &camera_data->id);
  scene_set_camera(bmain, scene, camera);
  EXPECT_EQ(a->id.users, 2);
  EXPECT_EQ(camera->id.users, 0);
  EXPECT_EQ(camera_data->id.users, 1);
  EXPECT_TRUE(relations_verify(bmain));
}

TEST(lifecycle, fake_and_extra_users)
{
  Main bmain;
  Mesh *mesh = id_new<Mesh>(bmain, "Mesh");
  id_fake_user_set(&mesh->id, true);
  EXPECT_EQ(mesh->id.users, 1);
  EXPECT_EQ(id_real_users(&mesh->id), 0);
  id_fake_user_set(&mesh->id, true); /* idempotent */
  EXPECT_EQ(mesh->id.users, 1);
  /* Releasing references never eats the fake user. */
  id_us_min(&mesh->id);
  EXPECT_EQ(mesh->id.users, 1);
  EXPECT_TRUE(mesh->id.flag & ID_FLAG_FAKEUSER);

  Object *object = object_new(bmain, "Object", &mesh->id);
  EXPECT_EQ(mesh->id.users, 2);
  EXPECT_EQ(id_real_users(&mesh->id), 1);
  id_extra_user_set(&mesh->id, true);
  EXPECT_EQ(mesh->id.users, 3);
  id_extra_user_set(&mesh->id, true);
  EXPECT_EQ(mesh->id.users, 3);
  EXPECT_EQ(id_real_users(&mesh->id), 1);
  id_extra_user_set(&mesh->id, false);
  id_fake_user_set(&mesh->id, false);
  EXPECT_EQ(mesh->id.users, 1);
  EXPECT_EQ(mesh->id.flag & (ID_FLAG_FAKEUSER | ID_FLAG_EXTRA_USER), 0u);

  /* A fake user keeps an ID from the purge. */
  Material *kept = id_new<Material>(bmain, "Kept");
  id_fake_user_set(&kept->id, true);
  id_new<Material>(bmain, "Gone");
  EXPECT_EQ(orphans_purge(bmain, false), 2); /* "Gone" and the unlinked object */
  EXPECT_EQ(bmain.find(IDType::Material, "Kept"), &kept->id);
  EXPECT_EQ(bmain.find(IDType::Material, "Gone"), nullptr);
  EXPECT_EQ(bmain.find(IDType::Object, "Object"), nullptr);
  EXPECT_EQ(mesh->id.users, 0);
  (void)object;

  /* Null is accepted and ignored. */
  id_us_plus(nullptr);
  id_us_min(nullptr);
  EXPECT_TRUE(relations_verify(bmain));
}

TEST(lifecycle, relations_verify_detects_a_wrong_count)
{
  Main bmain;
  Mesh *mesh = id_new<Mesh>(bmain, "Mesh");
  object_new(bmain, "Object", &mesh->id);
  EXPECT_TRUE(relations_verify(bmain));
  /* Corrupt the count behind the kernel's back: verify notices and repairs it. */
  mesh->id.users = 5;
  EXPECT_FALSE(relations_verify(bmain));
  EXPECT_EQ(mesh->id.users, 1);
  EXPECT_TRUE(relations_verify(bmain));
  /* A stale relation is noticed too. */
  Mesh *other = id_new<Mesh>(bmain, "Other");
  bmain.relations().add(&other->id, &mesh->id);
  EXPECT_FALSE(relations_verify(bmain));
  EXPECT_TRUE(relations_verify(bmain));
}

/* ---- Copy ---- */

TEST(lifecycle, copy_object_shares_data)
{
  TestScene s;
  const int mesh_users = s.mesh->id.users;
  Object *copy = id_cast<Object>(id_copy(s.bmain, &s.cube->id));
  EXPECT_STREQ(copy->id.name, "Cube.001");
  EXPECT_NE(copy, s.cube);
  EXPECT_EQ(copy->data, &s.mesh->id);
  EXPECT_EQ(s.mesh->id.users, mesh_users + 1);
  /* The copy is not in any collection: no users. */
  EXPECT_EQ(copy->id.users, 0);
  EXPECT_TRUE(object_users_collection(s.bmain, copy).empty());
  EXPECT_NE(copy->id.session_uid, s.cube->id.session_uid);
  EXPECT_EQ(copy->material_slots.size(), s.cube->material_slots.size());

  /* A copy of a parented object keeps the parent (a reference without a user). */
  Object *light_copy = id_cast<Object>(id_copy(s.bmain, &s.light->id));
  EXPECT_EQ(light_copy->parent, s.cube);
  EXPECT_EQ(s.cube->id.users, 1);
  EXPECT_TRUE(relations_verify(s.bmain));
}

TEST(lifecycle, copy_material_embeds_a_new_node_tree)
{
  TestScene s;
  idprop_replace(idprop_ensure_group(&s.material->id), idprop_new<int32_t>("answer", 42));
  Material *copy = id_cast<Material>(id_copy(s.bmain, &s.material->id));
  EXPECT_STREQ(copy->id.name, "Material.001");
  ASSERT_NE(copy->node_tree, nullptr);
  EXPECT_NE(copy->node_tree, s.material->node_tree);
  EXPECT_EQ(copy->node_tree->id.owner, &copy->id);
  EXPECT_EQ(s.material->node_tree->id.owner, &s.material->id);
  EXPECT_TRUE(copy->node_tree->id.flag & ID_FLAG_EMBEDDED);
  EXPECT_STREQ(copy->node_tree->id.name, "Shader Nodetree");
  EXPECT_NE(copy->node_tree->id.session_uid, s.material->node_tree->id.session_uid);
  /* Embedded IDs are not listed in Main. */
  EXPECT_TRUE(s.bmain.list(IDType::NodeTree).empty());
  /* ID properties are deep-copied. */
  ASSERT_NE(copy->id.properties, nullptr);
  EXPECT_NE(copy->id.properties, s.material->id.properties);
  EXPECT_EQ(std::get<int32_t>(idprop_find(copy->id.properties, "answer")->value), 42);
  /* The copy has no users and no fake user even if the source had one. */
  id_fake_user_set(&s.material->id, true);
  Material *copy2 = id_cast<Material>(id_copy(s.bmain, &s.material->id));
  EXPECT_EQ(copy2->id.users, 0);
  EXPECT_EQ(copy2->id.flag & ID_FLAG_FAKEUSER, 0u);
  /* Deleting the source frees its tree (ASan checks), the copy's stays intact. */
  id_delete(s.bmain, &s.material->id);
  EXPECT_EQ(copy->node_tree->id.owner, &copy->id);
  EXPECT_TRUE(relations_verify(s.bmain));
}

TEST(lifecycle, copy_mesh_adds_material_users)
{
  TestScene s;
  EXPECT_EQ(s.material->id.users, 1);
  Mesh *copy = id_cast<Mesh>(id_copy(s.bmain, &s.mesh->id));
  ASSERT_EQ(copy->materials.size(), 1u);
  EXPECT_EQ(copy->materials[0], s.material);
  EXPECT_EQ(s.material->id.users, 2);
  EXPECT_TRUE(relations_verify(s.bmain));
}

TEST(lifecycle, copy_scene_and_collection)
{
  TestScene s;
  const int cube_users = s.cube->id.users;
  Scene *copy = id_cast<Scene>(id_copy(s.bmain, &s.scene->id));
  EXPECT_STREQ(copy->id.name, "Scene.001");
  ASSERT_NE(copy->master_collection, nullptr);
  EXPECT_NE(copy->master_collection, s.scene->master_collection);
  EXPECT_EQ(copy->master_collection->id.owner, &copy->id);
  /* The copy links the same child collection: one more user. */
  EXPECT_EQ(s.collection->id.users, 2);
  EXPECT_EQ(s.cube->id.users, cube_users);
  EXPECT_EQ(copy->camera, s.camera);
  EXPECT_EQ(names_of(scene_objects(copy)), names_of(scene_objects(s.scene)));
  ViewLayer *layer = copy->view_layers.front().get();
  EXPECT_EQ(names_of(view_layer_objects(copy, layer)),
            (std::vector<std::string>{"Cube", "Camera", "Light"}));
  /* Selection is copied with the bases. */
  EXPECT_TRUE(view_layer_base_find(copy, layer, s.cube)->flag & BASE_SELECTED);

  Collection *collection_copy = id_cast<Collection>(id_copy(s.bmain, &s.collection->id));
  EXPECT_EQ(collection_copy->id.users, 0);
  EXPECT_EQ(names_of(collection_all_objects(collection_copy)),
            names_of(collection_all_objects(s.collection)));
  EXPECT_EQ(s.cube->id.users, cube_users + 1);
  EXPECT_TRUE(collection_users_parent(collection_copy).empty());

  /* Deleting the copied scene gives back what it took. */
  id_delete(s.bmain, &copy->id);
  EXPECT_EQ(s.collection->id.users, 1);
  EXPECT_EQ(names_of(collection_users_parent(s.collection)),
            (std::vector<std::string>{"Scene Collection"}));
  EXPECT_TRUE(relations_verify(s.bmain));
}

TEST(lifecycle, uncopyable_types_raise)
{
  TestScene s;
  /* Blender 3.4 returns an embedded copy that nothing owns (and leaks it); Whisk refuses:
   * copy the owner instead. */
  EXPECT_WHISK_ERROR(id_copy(s.bmain, &s.material->node_tree->id), ErrorKind::Runtime,
                     "Shader Nodetree", "embedded", "cannot be copied");
  EXPECT_WHISK_ERROR(id_copy(s.bmain, &s.scene->master_collection->id), ErrorKind::Runtime,
                     "Scene Collection", "embedded");
  EXPECT_TRUE(s.bmain.list(IDType::NodeTree).empty());
  Library *library = id_new<Library>(s.bmain, "lib.blend");
  EXPECT_WHISK_ERROR(id_copy(s.bmain, &library->id), ErrorKind::Runtime, "lib.blend");
  EXPECT_TRUE(relations_verify(s.bmain));
}

/* ---- Delete ---- */

TEST(lifecycle, delete_object_with_unlink_clears_every_reference)
{
  TestScene s;
  const uint32_t uid = s.cube->id.session_uid;
  const int mesh_users = s.mesh->id.users;
  ASSERT_EQ(s.light->parent, s.cube);
  id_delete(s.bmain, &s.cube->id);
  EXPECT_EQ(s.bmain.find(IDType::Object, "Cube"), nullptr);
  EXPECT_EQ(s.bmain.find_by_session_uid(uid), nullptr);
  EXPECT_EQ(s.mesh->id.users, mesh_users - 1);
  EXPECT_EQ(names_of(collection_all_objects(s.collection)),
            (std::vector<std::string>{"Camera", "Light"}));
  EXPECT_EQ(s.light->parent, nullptr);
  EXPECT_EQ(s.view_layer->active_object, nullptr);
  EXPECT_EQ(names_of(view_layer_objects(s.scene, s.view_layer)),
            (std::vector<std::string>{"Camera", "Light"}));
  EXPECT_EQ(s.scene->camera, s.camera);

  /* The scene camera goes too when its object does. */
  id_delete(s.bmain, &s.camera->id);
  EXPECT_EQ(s.scene->camera, nullptr);
  EXPECT_EQ(s.camera_data->id.users, 0);
  EXPECT_TRUE(relations_verify(s.bmain));
}

TEST(lifecycle, delete_data_deletes_its_objects)
{
  /* As in Blender: an object cannot do without its data, so it goes with it. */
  TestScene s;
  Object *second = object_new(s.bmain, "Second", &s.mesh->id);
  id_delete(s.bmain, &s.mesh->id);
  EXPECT_TRUE(s.bmain.list(IDType::Mesh).empty());
  EXPECT_EQ(list_names(s.bmain, IDType::Object), (std::vector<std::string>{"Camera", "Light"}));
  (void)second;
  EXPECT_EQ(s.light->parent, nullptr);
  EXPECT_EQ(s.view_layer->active_object, nullptr);
  EXPECT_EQ(names_of(collection_all_objects(s.collection)),
            (std::vector<std::string>{"Camera", "Light"}));
  EXPECT_EQ(s.material->id.users, 0);
  /* Without unlink, used data is refused as before. */
  EXPECT_WHISK_ERROR(id_delete(s.bmain, &s.camera_data->id, false), ErrorKind::Runtime,
                     "Camera", "zero users");
  EXPECT_NE(s.bmain.find(IDType::Object, "Camera"), nullptr);
  /* Deleting data and its object together is fine too. */
  std::vector<ID *> both = {&s.light_data->id, &s.light->id};
  id_delete_multi(s.bmain, both);
  EXPECT_EQ(list_names(s.bmain, IDType::Object), (std::vector<std::string>{"Camera"}));
  id_delete(s.bmain, &s.material->id);
  EXPECT_TRUE(s.bmain.list(IDType::Material).empty());
  EXPECT_TRUE(relations_verify(s.bmain));
}

TEST(lifecycle, delete_material_clears_slots_of_data_and_objects)
{
  TestScene s;
  object_material_slot_link_set(s.bmain, s.cube, 0, true);
  object_material_slot_set(s.bmain, s.cube, 0, s.material);
  EXPECT_EQ(s.material->id.users, 2);
  id_delete(s.bmain, &s.material->id);
  EXPECT_EQ(s.mesh->materials.size(), 1u);
  EXPECT_EQ(s.mesh->materials[0], nullptr);
  EXPECT_EQ(s.cube->material_slots[0].material, nullptr);
  EXPECT_EQ(object_material_get(*s.cube, 0), nullptr);
  EXPECT_TRUE(relations_verify(s.bmain));
}

TEST(lifecycle, delete_without_unlink_refuses_used_ids)
{
  TestScene s;
  const int64_t count = s.bmain.id_count();
  const int mesh_users = s.mesh->id.users;
  EXPECT_WHISK_ERROR(id_delete(s.bmain, &s.mesh->id, false), ErrorKind::Runtime,
                     "Mesh 'Cube' must have zero users to be removed, found 1 (try with "
                     "do_unlink=True parameter)");
  EXPECT_WHISK_ERROR(id_delete(s.bmain, &s.cube->id, false), ErrorKind::Runtime, "Object",
                     "Cube");
  /* Nothing changed. */
  EXPECT_EQ(s.bmain.id_count(), count);
  EXPECT_EQ(s.mesh->id.users, mesh_users);
  EXPECT_EQ(s.cube->data, &s.mesh->id);
  EXPECT_EQ(s.light->parent, s.cube);
  EXPECT_EQ(s.view_layer->active_object, s.cube);
  EXPECT_EQ(collection_all_objects(s.collection).size(), 3u);
  EXPECT_TRUE(relations_verify(s.bmain));

  /* Without users it goes, and a fake user does not count. */
  Material *unused = id_new<Material>(s.bmain, "Unused");
  id_fake_user_set(&unused->id, true);
  id_delete(s.bmain, &unused->id, false);
  EXPECT_EQ(s.bmain.find(IDType::Material, "Unused"), nullptr);
  /* References that never count users (the parent pointer) are cleared all the same. */
  collection_object_unlink(s.bmain, s.collection, s.cube);
  id_delete(s.bmain, &s.cube->id, false);
  EXPECT_EQ(s.light->parent, nullptr);
  EXPECT_TRUE(relations_verify(s.bmain));
}

TEST(lifecycle, delete_multi)
{
  TestScene s;
  std::vector<ID *> doomed = {&s.cube->id, &s.mesh->id, &s.material->id, &s.camera->id};
  id_delete_multi(s.bmain, doomed);
  EXPECT_EQ(list_names(s.bmain, IDType::Object), (std::vector<std::string>{"Light"}));
  EXPECT_TRUE(s.bmain.list(IDType::Mesh).empty());
  EXPECT_TRUE(s.bmain.list(IDType::Material).empty());
  EXPECT_EQ(s.light->parent, nullptr);
  EXPECT_EQ(s.scene->camera, nullptr);
  EXPECT_EQ(s.camera_data->id.users, 0);
  EXPECT_EQ(names_of(collection_all_objects(s.collection)), (std::vector<std::string>{"Light"}));
  /* Embedded IDs are refused before anything is removed. */
  std::vector<ID *> bad = {&s.light->id, &s.scene->master_collection->id};
  EXPECT_WHISK_ERROR(id_delete_multi(s.bmain, bad), ErrorKind::Runtime, "embedded");
  EXPECT_NE(s.bmain.find(IDType::Object, "Light"), nullptr);
  EXPECT_TRUE(relations_verify(s.bmain));
}

TEST(lifecycle, delete_collection_unlinks_parents_and_children)
{
  TestScene s;
  Collection *child = id_new<Collection>(s.bmain, "Child");
  collection_child_link(s.bmain, s.collection, child);
  EXPECT_EQ(child->id.users, 1);
  id_delete(s.bmain, &s.collection->id);
  EXPECT_TRUE(s.scene->master_collection->children.empty());
  EXPECT_TRUE(collection_users_parent(child).empty());
  EXPECT_EQ(child->id.users, 0);
  /* Its objects lost the collection user. */
  EXPECT_EQ(s.cube->id.users, 0);
  EXPECT_TRUE(scene_objects(s.scene).empty());
  EXPECT_TRUE(view_layer_objects(s.scene, s.view_layer).empty());
  EXPECT_EQ(s.view_layer->active_object, nullptr);
  EXPECT_TRUE(relations_verify(s.bmain));
}

TEST(lifecycle, delete_scene_releases_world_and_objects)
{
  TestScene s;
  World *world = id_new<World>(s.bmain, "World");
  scene_set_world(s.bmain, s.scene, world);
  s.bmain.context_scene = s.scene;
  s.bmain.context_view_layer = s.view_layer;
  id_delete(s.bmain, &s.scene->id);
  EXPECT_EQ(world->id.users, 0);
  EXPECT_EQ(s.collection->id.users, 0);
  EXPECT_EQ(s.bmain.context_scene, nullptr);
  EXPECT_EQ(s.bmain.context_view_layer, nullptr);
  EXPECT_TRUE(relations_verify(s.bmain));
}

TEST(lifecycle, embedded_ids_cannot_be_removed)
{
  TestScene s;
  EXPECT_WHISK_ERROR(id_delete(s.bmain, &s.scene->master_collection->id), ErrorKind::Runtime,
                     "Scene Collection", "embedded");
  EXPECT_WHISK_ERROR(id_delete(s.bmain, &s.material->node_tree->id), ErrorKind::Runtime,
                     "Shader Nodetree");
  EXPECT_NE(s.scene->master_collection, nullptr);
  EXPECT_NE(s.material->node_tree, nullptr);
  EXPECT_TRUE(relations_verify(s.bmain));
}

/* ---- Remap ---- */

TEST(lifecycle, remap_moves_every_user)
{
  TestScene s;
  Mesh *other = id_new<Mesh>(s.bmain, "Other");
  Object *second = object_new(s.bmain, "Second", &s.mesh->id);
  EXPECT_EQ(s.mesh->id.users, 2);
  id_remap(s.bmain, &s.mesh->id, &other->id);
  EXPECT_EQ(s.cube->data, &other->id);
  EXPECT_EQ(second->data, &other->id);
  EXPECT_EQ(s.mesh->id.users, 0);
  EXPECT_EQ(other->id.users, 2);

  /* Objects: collections, parents and the scene camera follow. */
  Object *replacement = object_new(s.bmain, "Replacement", nullptr);
  id_remap(s.bmain, &s.cube->id, &replacement->id);
  EXPECT_EQ(s.light->parent, replacement);
  EXPECT_EQ(names_of(collection_all_objects(s.collection)),
            (std::vector<std::string>{"Replacement", "Camera", "Light"}));
  EXPECT_EQ(replacement->id.users, 1);
  EXPECT_EQ(s.cube->id.users, 0);
  id_remap(s.bmain, &s.camera->id, &replacement->id);
  EXPECT_EQ(s.scene->camera, replacement);
  /* Remapping onto an object the collection already has merges the two entries, keeping
   * the first (as Blender 3.4 does). Blender then reports 2 users for the merged object,
   * a stale count; Whisk's stays exact. */
  EXPECT_EQ(names_of(collection_all_objects(s.collection)),
            (std::vector<std::string>{"Replacement", "Light"}));
  EXPECT_EQ(replacement->id.users, 1);

  /* To nothing. */
  id_remap(s.bmain, &other->id, nullptr);
  EXPECT_EQ(s.cube->data, nullptr);
  EXPECT_EQ(other->id.users, 0);

  EXPECT_WHISK_ERROR(id_remap(s.bmain, &s.light->id, &s.mesh->id), ErrorKind::Type, "Object",
                     "Mesh");
  /* Nothing may point at an embedded ID from outside its owner. */
  EXPECT_WHISK_ERROR(id_remap(s.bmain, &s.collection->id, &s.scene->master_collection->id),
                     ErrorKind::Runtime, "Collection", "embedded");
  EXPECT_EQ(names_of(s.scene->master_collection->children), (std::vector<std::string>{"Collection"}));
  EXPECT_TRUE(relations_verify(s.bmain));
}

TEST(lifecycle, remap_data_resizes_material_slots)
{
  Main bmain;
  Mesh *a = id_new<Mesh>(bmain, "A");
  Mesh *b = id_new<Mesh>(bmain, "B");
  Material *red = id_new<Material>(bmain, "Red");
  data_material_append(bmain, &a->id, red);
  data_material_append(bmain, &a->id, red);
  data_material_append(bmain, &b->id, nullptr);
  Object *ob = object_new(bmain, "Ob", &a->id);
  object_material_slot_link_set(bmain, ob, 1, true);
  object_material_slot_set(bmain, ob, 1, red);
  ASSERT_EQ(object_material_slot_count(*ob), 2);
  /* B has one material: the object follows with one slot, and the object material of
   * the slot that went is released. */
  id_remap(bmain, &a->id, &b->id);
  EXPECT_EQ(ob->data, &b->id);
  EXPECT_EQ(object_material_slot_count(*ob), 1);
  EXPECT_EQ(red->id.users, 2); /* A's two slots */
  object_material_slot_set(bmain, ob, 0, red);
  EXPECT_EQ(b->materials[0], red);
  EXPECT_TRUE(relations_verify(bmain));
}

TEST(lifecycle, remap_merges_duplicates_at_the_first_position)
{
  Main bmain;
  Collection *collection = id_new<Collection>(bmain, "Collection");
  Object *a = object_new(bmain, "A", nullptr);
  Object *b = object_new(bmain, "B", nullptr);
  Object *c = object_new(bmain, "C", nullptr);
  Object *d = object_new(bmain, "D", nullptr);
  for (Object *object : {a, c, b, d}) {
    collection_object_link(bmain, collection, object);
  }
  /* A comes before B: B moves up into A's place. */
  id_remap(bmain, &a->id, &b->id);
  EXPECT_EQ(names_of(collection_all_objects(collection)),
            (std::vector<std::string>{"B", "C", "D"}));
  /* D comes after B: D's entry just goes. */
  id_remap(bmain, &d->id, &b->id);
  EXPECT_EQ(names_of(collection_all_objects(collection)), (std::vector<std::string>{"B", "C"}));
  EXPECT_EQ(b->id.users, 1);
  EXPECT_EQ(a->id.users, 0);
  EXPECT_EQ(d->id.users, 0);

  /* Same for child collections. */
  Collection *x = id_new<Collection>(bmain, "X");
  Collection *y = id_new<Collection>(bmain, "Y");
  Collection *z = id_new<Collection>(bmain, "Z");
  for (Collection *child : {x, z, y}) {
    collection_child_link(bmain, collection, child);
  }
  id_remap(bmain, &x->id, &y->id);
  EXPECT_EQ(names_of(collection->children), (std::vector<std::string>{"Y", "Z"}));
  EXPECT_EQ(names_of(collection_users_parent(y)), (std::vector<std::string>{"Collection"}));
  EXPECT_TRUE(collection_users_parent(x).empty());
  EXPECT_EQ(y->id.users, 1);
  EXPECT_EQ(x->id.users, 0);
  EXPECT_TRUE(relations_verify(bmain));
}

TEST(lifecycle, remap_that_would_make_a_collection_cycle_unlinks)
{
  Main bmain;
  Scene *scene = id_new<Scene>(bmain, "Scene");
  Collection *a = id_new<Collection>(bmain, "A");
  Collection *b = id_new<Collection>(bmain, "B");
  collection_child_link(bmain, scene->master_collection, a);
  collection_child_link(bmain, a, b);
  /* B's place under A would become A itself. */
  id_remap(bmain, &b->id, &a->id);
  EXPECT_TRUE(a->children.empty());
  EXPECT_EQ(names_of(scene->master_collection->children), (std::vector<std::string>{"A"}));
  EXPECT_EQ(a->id.users, 1);
  EXPECT_EQ(b->id.users, 0);
  EXPECT_FALSE(collection_is_in_hierarchy(a, scene->master_collection));
  EXPECT_TRUE(view_layer_objects(scene, scene->view_layers[0].get()).empty());
  EXPECT_TRUE(relations_verify(bmain));
}

TEST(lifecycle, remap_never_makes_a_parent_loop)
{
  Main bmain;
  Object *a = object_new(bmain, "A", nullptr);
  Object *b = object_new(bmain, "B", nullptr);
  Object *c = object_new(bmain, "C", nullptr);
  Object *d = object_new(bmain, "D", nullptr);
  ASSERT_TRUE(object_set_parent(bmain, b, a));
  ASSERT_TRUE(object_set_parent(bmain, c, b));
  ASSERT_TRUE(object_set_parent(bmain, d, a));
  /* B's parent would become C, C's parent is B: a loop, so B is unparented. D simply
   * follows to C. (Blender 3.4 only prevents an object becoming its own parent.) */
  id_remap(bmain, &a->id, &c->id);
  EXPECT_EQ(b->parent, nullptr);
  EXPECT_EQ(c->parent, b);
  EXPECT_EQ(d->parent, c);
  /* Onto itself. */
  id_remap(bmain, &b->id, &c->id);
  EXPECT_EQ(c->parent, nullptr);
  EXPECT_EQ(d->parent, c);
  EXPECT_TRUE(relations_verify(bmain));
}

TEST(lifecycle, remap_collections_merges_children)
{
  TestScene s;
  Collection *other = id_new<Collection>(s.bmain, "Other");
  collection_child_link(s.bmain, s.scene->master_collection, other);
  id_remap(s.bmain, &s.collection->id, &other->id);
  EXPECT_EQ(names_of(s.scene->master_collection->children), (std::vector<std::string>{"Other"}));
  EXPECT_EQ(other->id.users, 1);
  EXPECT_EQ(s.collection->id.users, 0);
  EXPECT_TRUE(collection_users_parent(s.collection).empty());
  EXPECT_TRUE(relations_verify(s.bmain));
}

/* ---- Orphan purge ---- */

TEST(lifecycle, purge_recursive_and_not)
{
  for (const bool recursive : {false, true}) {
    SCOPED_TRACE(recursive);
    TestScene s;
    /* A chain only orphans use: object -> mesh -> material. */
    Material *material = id_new<Material>(s.bmain, "Orphan Material");
    Mesh *mesh = id_new<Mesh>(s.bmain, "Orphan Mesh");
    data_material_append(s.bmain, &mesh->id, material);
    object_new(s.bmain, "Orphan", &mesh->id);
    /* A fake user and scenes keep IDs. */
    id_fake_user_set(&id_new<Text>(s.bmain, "Kept")->id, true);
    id_new<Scene>(s.bmain, "Unused Scene");
    const int64_t removed = orphans_purge(s.bmain, recursive);
    EXPECT_EQ(s.bmain.find(IDType::Object, "Orphan"), nullptr);
    if (recursive) {
      EXPECT_EQ(removed, 3);
      EXPECT_EQ(s.bmain.find(IDType::Mesh, "Orphan Mesh"), nullptr);
      EXPECT_EQ(s.bmain.find(IDType::Material, "Orphan Material"), nullptr);
    }
    else {
      EXPECT_EQ(removed, 1);
      ASSERT_NE(s.bmain.find(IDType::Mesh, "Orphan Mesh"), nullptr);
      EXPECT_EQ(s.bmain.find(IDType::Mesh, "Orphan Mesh")->users, 0);
      EXPECT_NE(s.bmain.find(IDType::Material, "Orphan Material"), nullptr);
      /* Two more passes finish the chain. */
      EXPECT_EQ(orphans_purge(s.bmain, false), 1);
      EXPECT_EQ(orphans_purge(s.bmain, false), 1);
    }
    EXPECT_EQ(orphans_purge(s.bmain, recursive), 0);
    EXPECT_NE(s.bmain.find(IDType::Text, "Kept"), nullptr);
    EXPECT_NE(s.bmain.find(IDType::Scene, "Unused Scene"), nullptr);
    /* Used IDs all stay. */
    EXPECT_EQ(list_names(s.bmain, IDType::Object),
              (std::vector<std::string>{"Camera", "Cube", "Light"}));
    EXPECT_EQ(list_names(s.bmain, IDType::Mesh), (std::vector<std::string>{"Cube"}));
    EXPECT_TRUE(relations_verify(s.bmain));
  }
}

TEST(lifecycle, purge_removes_unused_scene_and_text_copies)
{
  /* Blender 3.4 purges a copied scene or text nothing uses (copies do not inherit the
   * extra or fake user); the originals stay. */
  Main bmain;
  Scene *scene = id_new<Scene>(bmain, "Scene");
  Text *text = id_new<Text>(bmain, "Text");
  ID *scene_copy = id_copy(bmain, &scene->id);
  ID *text_copy = id_copy(bmain, &text->id);
  EXPECT_EQ(scene_copy->users, 0);
  EXPECT_EQ(text_copy->users, 0);
  EXPECT_EQ(scene_copy->flag & ID_FLAG_EXTRA_USER, 0u);
  EXPECT_EQ(text_copy->flag & ID_FLAG_FAKEUSER, 0u);
  EXPECT_EQ(orphans_purge(bmain, true), 2);
  EXPECT_EQ(list_names(bmain, IDType::Scene), (std::vector<std::string>{"Scene"}));
  EXPECT_EQ(list_names(bmain, IDType::Text), (std::vector<std::string>{"Text"}));
  /* Without its extra user, the scene is an orphan too. */
  id_extra_user_set(&scene->id, false);
  EXPECT_EQ(orphans_purge(bmain, false), 1);
  EXPECT_TRUE(bmain.list(IDType::Scene).empty());
  EXPECT_TRUE(relations_verify(bmain));
}

/* ---- User map ---- */

TEST(lifecycle, user_map_lists_referrers)
{
  TestScene s;
  World *world = id_new<World>(s.bmain, "World");
  scene_set_world(s.bmain, s.scene, world);
  const auto map = user_map(s.bmain);
  auto users_of = [&](const ID *id) {
    auto it = map.find(const_cast<ID *>(id));
    EXPECT_NE(it, map.end()) << id->name;
    std::set<std::string> names;
    if (it != map.end()) {
      for (const ID *user : it->second) {
        names.insert(user->name);
      }
    }
    return names;
  };
  /* Every ID of Main is a key, used or not. */
  int64_t keys_in_main = 0;
  s.bmain.for_each_id([&](ID *id) { keys_in_main += map.count(id); });
  EXPECT_EQ(keys_in_main, s.bmain.id_count());
  EXPECT_EQ(users_of(&s.mesh->id), (std::set<std::string>{"Cube"}));
  EXPECT_EQ(users_of(&s.material->id), (std::set<std::string>{"Cube"}));
  EXPECT_EQ(users_of(&s.camera_data->id), (std::set<std::string>{"Camera"}));
  /* The master collection's references belong to its scene. */
  EXPECT_EQ(users_of(&s.collection->id), (std::set<std::string>{"Scene"}));
  EXPECT_EQ(users_of(&world->id), (std::set<std::string>{"Scene"}));
  /* References without users count: the scene camera, the light's parent. */
  EXPECT_EQ(users_of(&s.camera->id), (std::set<std::string>{"Collection", "Scene"}));
  /* A scene uses the objects its view layers list (Blender's bases), as in Blender. */
  EXPECT_EQ(users_of(&s.cube->id), (std::set<std::string>{"Collection", "Light", "Scene"}));
  EXPECT_TRUE(users_of(&s.scene->id).empty());
  /* One reference each from the master collection and the view layer's layer collection,
   * as Blender's ID.user_of_id counts them. */
  int scene_refs_to_collection = 0;
  foreach_id_reference_readonly(&s.scene->id, [&](ID *target) {
    scene_refs_to_collection += target == &s.collection->id;
  });
  EXPECT_EQ(scene_refs_to_collection, 2);
  /* Embedded IDs are not keys. */
  EXPECT_EQ(map.count(&s.scene->master_collection->id), 0u);
  EXPECT_EQ(map.count(&s.material->node_tree->id), 0u);
  EXPECT_TRUE(relations_verify(s.bmain));
}

/* ---- Identity ---- */

TEST(lifecycle, session_uids_are_unique_and_stable)
{
  Main a, b;
  std::set<uint32_t> uids;
  std::vector<ID *> ids;
  for (int i = 0; i < 50; i++) {
    ids.push_back(id_new(a, IDType::Object, "Object"));
    ids.push_back(id_new(b, IDType::Object, "Object"));
  }
  for (ID *id : ids) {
    EXPECT_NE(id->session_uid, 0u);
    EXPECT_TRUE(uids.insert(id->session_uid).second) << "duplicate uid " << id->session_uid;
  }
  ID *first = ids.front();
  const uint32_t uid = first->session_uid;
  id_rename(a, first, "Renamed");
  EXPECT_EQ(first->session_uid, uid);
  EXPECT_EQ(a.find_by_session_uid(uid), first);
  /* Uids are per process, so the other Main does not know it. */
  EXPECT_EQ(b.find_by_session_uid(uid), nullptr);
  /* A copy gets its own; a deleted ID is no longer found. */
  ID *copy = id_copy(a, first);
  EXPECT_NE(copy->session_uid, uid);
  EXPECT_EQ(a.find_by_session_uid(copy->session_uid), copy);
  id_delete(a, first);
  EXPECT_EQ(a.find_by_session_uid(uid), nullptr);
  EXPECT_EQ(a.find_by_session_uid(0), nullptr);
  /* Embedded IDs have uids too, but are not found through Main. */
  Scene *scene = id_new<Scene>(a, "Scene");
  EXPECT_NE(scene->master_collection->id.session_uid, 0u);
  EXPECT_NE(scene->master_collection->id.session_uid, scene->id.session_uid);
  EXPECT_TRUE(relations_verify(a));
  EXPECT_TRUE(relations_verify(b));
}

TEST(lifecycle, mains_are_independent)
{
  auto a = std::make_unique<TestScene>();
  auto b = std::make_unique<TestScene>();
  EXPECT_STREQ(a->cube->id.name, "Cube");
  EXPECT_STREQ(b->cube->id.name, "Cube");
  EXPECT_EQ(a->bmain.find(IDType::Object, "Cube"), &a->cube->id);
  EXPECT_EQ(b->bmain.find(IDType::Object, "Cube"), &b->cube->id);
  id_delete(a->bmain, &a->cube->id);
  id_rename(a->bmain, &a->light->id, "Lamp");
  id_new<Mesh>(a->bmain, "Cube");
  EXPECT_EQ(list_names(a->bmain, IDType::Mesh), (std::vector<std::string>{"Cube", "Cube.001"}));
  /* b saw none of it. */
  EXPECT_EQ(list_names(b->bmain, IDType::Object),
            (std::vector<std::string>{"Camera", "Cube", "Light"}));
  EXPECT_EQ(list_names(b->bmain, IDType::Mesh), (std::vector<std::string>{"Cube"}));
  EXPECT_EQ(b->light->parent, b->cube);
  EXPECT_EQ(b->mesh->id.users, 1);
  EXPECT_TRUE(relations_verify(a->bmain));
  EXPECT_TRUE(relations_verify(b->bmain));
  /* Destroying one leaves the other whole. */
  a.reset();
  EXPECT_EQ(orphans_purge(b->bmain, true), 0);
  EXPECT_TRUE(relations_verify(b->bmain));
}

TEST(lifecycle, destroying_main_frees_everything)
{
  /* Exercised under ASan/LSan: a full Main with embedded IDs, properties and references
   * in every direction is torn down without unlinking. */
  auto s = std::make_unique<TestScene>();
  Material *copy = id_cast<Material>(id_copy(s->bmain, &s->material->id));
  idprop_replace(s->bmain, &copy->id, idprop_ensure_group(&copy->id),
                 idprop_new<dna::ID *>("ref", &s->cube->id));
  id_copy(s->bmain, &s->scene->id);
  EXPECT_TRUE(relations_verify(s->bmain));
  s.reset();
}

/* ---- Bad input ---- */

TEST(lifecycle, bad_names)
{
  Main bmain;
  /* Invalid UTF-8 is dropped. */
  EXPECT_STREQ(id_new(bmain, IDType::Mesh, "Cu\xffve")->name, "Cuve");
  EXPECT_STREQ(id_new(bmain, IDType::Mesh, "\xc3(")->name, "(");
  /* Nothing valid left, or nothing given: the default name. */
  EXPECT_STREQ(id_new(bmain, IDType::Mesh, "\xff\xfe")->name, "Mesh");
  EXPECT_STREQ(id_new(bmain, IDType::Mesh, "")->name, "Mesh.001");
  ID *object = id_new(bmain, IDType::Object, std::string_view("a\0b", 3));
  EXPECT_LE(std::strlen(object->name), 3u);
  ID *mesh = bmain.find(IDType::Mesh, "Cuve");
  id_rename(bmain, mesh, "\x80");
  EXPECT_STREQ(mesh->name, "Mesh.002");
  id_rename(bmain, mesh, std::string(100, 'x') + "\xff");
  EXPECT_EQ(std::string(mesh->name), std::string(63, 'x'));
  /* Renaming to the current name changes nothing. */
  EXPECT_FALSE(bmain.rename(mesh, std::string(63, 'x')));
  EXPECT_TRUE(bmain.rename(mesh, "y"));
  EXPECT_TRUE(relations_verify(bmain));
}

TEST(lifecycle, rename_embedded_keeps_name_free)
{
  TestScene s;
  /* Embedded IDs are outside the name maps: any name, no suffix. */
  id_rename(s.bmain, &s.material->node_tree->id, "Cube");
  EXPECT_STREQ(s.material->node_tree->id.name, "Cube");
  id_rename(s.bmain, &s.scene->master_collection->id, "Collection");
  EXPECT_STREQ(s.scene->master_collection->id.name, "Collection");
  EXPECT_EQ(s.bmain.find(IDType::Collection, "Collection"), &s.collection->id);
  EXPECT_TRUE(relations_verify(s.bmain));
}

TEST(lifecycle, dirty_and_relations_version)
{
  Main bmain;
  EXPECT_FALSE(bmain.is_dirty);
  const uint64_t v0 = bmain.relations_version;
  Mesh *mesh = id_new<Mesh>(bmain, "Mesh");
  EXPECT_TRUE(bmain.is_dirty);
  EXPECT_GT(bmain.relations_version, v0);
  const uint64_t v1 = bmain.relations_version;
  object_new(bmain, "Object", &mesh->id);
  EXPECT_GT(bmain.relations_version, v1);
  EXPECT_TRUE(relations_verify(bmain));
}

}  // namespace
}  // namespace whisk::kernel::test
