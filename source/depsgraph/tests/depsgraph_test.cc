// The dependency graph in C++: copy-on-write sharing, incremental evaluation proven by the
// work counters, parenting order, cycles, and a graph per view layer.

#include <gtest/gtest.h>

#include "whisk/depsgraph/depsgraph.hh"
#include "whisk/dna/all_types.hh"
#include "whisk/kernel/collection.hh"
#include "whisk/kernel/lib_id.hh"
#include "whisk/kernel/lib_remove.hh"
#include "whisk/kernel/main.hh"
#include "whisk/kernel/mesh.hh"
#include "whisk/kernel/modifier.hh"
#include "whisk/kernel/object.hh"
#include "whisk/kernel/scene.hh"
#include "whisk/kernel/startup.hh"

namespace whisk::depsgraph {
namespace {

using namespace dna;
using kernel::Main;

struct Scenario {
  Main bmain;
  kernel::StartupState startup;
  Scenario() { startup = kernel::build_factory_startup(bmain); }
  Object *add_empty(const char *name, Object *parent = nullptr)
  {
    Object *ob = kernel::object_new(bmain, name, nullptr);
    kernel::collection_object_link(bmain, startup.scene->master_collection, ob);
    if (parent) {
      kernel::object_set_parent(bmain, ob, parent);
    }
    return ob;
  }
  kernel::Depsgraph &graph() { return evaluated_depsgraph(bmain, *startup.scene, *startup.view_layer); }
  Object *eval(Object *ob) { return reinterpret_cast<Object *>(graph().evaluated(&ob->id)); }
};

TEST(Depsgraph, EvaluatedMeshSharesArraysWithOriginal)
{
  Scenario s;
  auto *cube = reinterpret_cast<Object *>(s.bmain.find(IDType::Object, "Cube"));
  kernel::Depsgraph &graph = s.graph();
  Object *ob_eval = s.eval(cube);
  ASSERT_NE(ob_eval, nullptr);
  EXPECT_NE(ob_eval, cube);
  EXPECT_TRUE(ob_eval->id.flag & ID_FLAG_EVALUATED);
  EXPECT_EQ(ob_eval->id.orig_id, &cube->id);
  auto *mesh_eval = reinterpret_cast<Mesh *>(ob_eval->data);
  auto *mesh = reinterpret_cast<Mesh *>(cube->data);
  EXPECT_NE(mesh_eval, mesh);
  EXPECT_EQ(kernel::mesh_positions(*mesh_eval).data(), kernel::mesh_positions(*mesh).data());
  EXPECT_TRUE(cube->runtime.has_bounds);
  EXPECT_FLOAT_EQ(cube->runtime.bounds_max.x, 1.0f);
  EXPECT_EQ(graph.stats().builds, 1u);
}

TEST(Depsgraph, MovingOneObjectEvaluatesItAndItsChildrenOnly)
{
  Scenario s;
  Object *root = s.add_empty("Root");
  Object *child = s.add_empty("Child", root);
  Object *grandchild = s.add_empty("Grandchild", child);
  for (int i = 0; i < 100; i++) {
    s.add_empty(("Other" + std::to_string(i)).c_str());
  }
  kernel::Depsgraph &graph = s.graph();
  const uint64_t builds = graph.stats().builds;

  root->location = {1.0f, 2.0f, 3.0f};
  kernel::id_tag_update(&root->id, ID_RECALC_TRANSFORM);
  graph.update();
  EXPECT_EQ(graph.stats().builds, builds) << "a property change must not rebuild";
  EXPECT_EQ(graph.stats().last_transforms, 3u);
  EXPECT_EQ(graph.stats().last_copies, 1u);
  EXPECT_EQ(graph.stats().last_geometries, 0u);
  EXPECT_FLOAT_EQ(s.eval(grandchild)->object_to_world.translation().z, 3.0f);
  EXPECT_FLOAT_EQ(grandchild->object_to_world.translation().x, 1.0f) << "flushed to original";

  graph.update();
  EXPECT_EQ(graph.stats().last_operations, 0u) << "nothing tagged, nothing evaluated";
}

TEST(Depsgraph, ModifierResultIsTheEvaluatedData)
{
  Scenario s;
  auto *cube = reinterpret_cast<Object *>(s.bmain.find(IDType::Object, "Cube"));
  auto &md = static_cast<SubsurfModifierData &>(
      kernel::object_modifier_add(s.bmain, *cube, "", ModifierType::Subsurf));
  EXPECT_EQ(md.name, "Subdivision");
  kernel::Depsgraph &graph = s.graph();
  auto *mesh_eval = reinterpret_cast<Mesh *>(s.eval(cube)->data);
  EXPECT_EQ(mesh_eval->verts_num, 26);
  EXPECT_EQ(reinterpret_cast<Mesh *>(cube->data)->verts_num, 8) << "original untouched";

  md.levels = 2;
  kernel::id_tag_update(&cube->id, ID_RECALC_GEOMETRY);
  graph.update();
  EXPECT_EQ(graph.stats().last_geometries, 1u);
  EXPECT_EQ(reinterpret_cast<Mesh *>(s.eval(cube)->data)->verts_num, 98);

  md.mode &= ~MODIFIER_MODE_REALTIME;
  kernel::id_tag_update(&cube->id, ID_RECALC_GEOMETRY);
  graph.update();
  EXPECT_EQ(reinterpret_cast<Mesh *>(s.eval(cube)->data)->verts_num, 8);
}

TEST(Depsgraph, AbsurdArrayCountIsRefusedNotHung)
{
  Scenario s;
  auto *cube = reinterpret_cast<Object *>(s.bmain.find(IDType::Object, "Cube"));
  auto &md = static_cast<ArrayModifierData &>(
      kernel::object_modifier_add(s.bmain, *cube, "", ModifierType::Array));
  md.count = 1000000000;
  s.graph();
  EXPECT_FALSE(md.error.empty());
  EXPECT_FALSE(cube->modifiers[0].error.empty());
  EXPECT_EQ(reinterpret_cast<Mesh *>(s.eval(cube)->data)->verts_num, 8);
}

TEST(Depsgraph, RemovingAnIdDropsEvaluatedCopies)
{
  Scenario s;
  Object *a = s.add_empty("A");
  kernel::Depsgraph &graph = s.graph();
  const uint32_t uid = s.eval(a)->id.session_uid;
  EXPECT_NE(s.bmain.find_evaluated_by_session_uid(uid), nullptr);
  kernel::id_delete(s.bmain, &a->id);
  EXPECT_EQ(s.bmain.find_evaluated_by_session_uid(uid), nullptr);
  graph.update();
  EXPECT_EQ(graph.objects().size(), 3u) << "the startup cube, light and camera";
}

TEST(Depsgraph, OneGraphPerViewLayerSeesTags)
{
  Scenario s;
  ViewLayer *second = kernel::scene_view_layer_add(s.bmain, s.startup.scene, "Second");
  Object *a = s.add_empty("A");
  kernel::Depsgraph &g1 = s.graph();
  kernel::Depsgraph &g2 = evaluated_depsgraph(s.bmain, *s.startup.scene, *second);
  EXPECT_NE(&g1, &g2);
  a->location.x = 5.0f;
  kernel::id_tag_update(&a->id, ID_RECALC_TRANSFORM);
  g1.update();
  g2.update();
  EXPECT_EQ(g2.stats().last_transforms, 1u) << "the tag reached the second graph";
  EXPECT_FLOAT_EQ(reinterpret_cast<Object *>(g2.evaluated(&a->id))->object_to_world.translation().x,
                  5.0f);
}

TEST(Depsgraph, CollectionInstances)
{
  Scenario s;
  auto *collection = kernel::id_new<Collection>(s.bmain, "Inst");
  Object *member = kernel::object_new(s.bmain, "Member", nullptr);
  member->location = {0.0f, 0.0f, 1.0f};
  kernel::collection_object_link(s.bmain, collection, member);
  Object *instancer = s.add_empty("Instancer");
  instancer->location = {10.0f, 0.0f, 0.0f};
  instancer->instance_type = 3;
  kernel::id_ref_assign(s.bmain, &instancer->id, instancer->instance_collection, collection,
                        kernel::IDREF_USER);
  kernel::Depsgraph &graph = s.graph();
  int instances = 0;
  for (const kernel::ObjectInstance &inst : graph.object_instances()) {
    if (inst.is_instance) {
      instances++;
      EXPECT_EQ(inst.instancer, s.eval(instancer));
      EXPECT_FLOAT_EQ(inst.matrix_world.translation().x, 10.0f);
      EXPECT_FLOAT_EQ(inst.matrix_world.translation().z, 1.0f);
    }
  }
  EXPECT_EQ(instances, 1);
}

}  // namespace
}  // namespace whisk::depsgraph
