// Run-time RNA (what bpy.props and PropertyGroup build on): structs and properties added
// while the program runs, whose values live in ID properties.

#include <gtest/gtest.h>

#include "whisk/kernel/idprop.hh"
#include "whisk/kernel/lib_id.hh"
#include "whisk/kernel/lib_remove.hh"
#include "whisk/kernel/startup.hh"
#include "whisk/rna/access.hh"
#include "whisk/rna/runtime.hh"

using namespace whisk;
using namespace whisk::rna;

namespace {

std::unique_ptr<PropertyRNA> make(const char *identifier, PropertyType type)
{
  auto prop = std::make_unique<PropertyRNA>();
  prop->identifier = identifier;
  prop->name = identifier;
  prop->type = type;
  prop->hard_min = prop->soft_min = -1e9;
  prop->hard_max = prop->soft_max = 1e9;
  return prop;
}

class RNARuntime : public ::testing::Test {
 protected:
  void SetUp() override
  {
    kernel::build_factory_startup(bmain);
    scene_struct = blender_rna_mutable().find_mutable("Scene");
  }
  void TearDown() override
  {
    for (const char *name : {"rt_count", "rt_vector", "rt_label", "rt_mode", "rt_target",
                             "rt_settings"})
    {
      remove_runtime_property(scene_struct, name);
    }
    if (group) {
      unregister_struct(group);
    }
  }
  PointerRNA scene() { return pointer_from_id(&bmain, bmain.find(dna::IDType::Scene, "Scene")); }
  const PropertyRNA &prop(const PointerRNA &ptr, const char *name)
  {
    const PropertyRNA *p = ptr.type->find_property(name);
    EXPECT_NE(p, nullptr) << name;
    return *p;
  }
  kernel::Main bmain;
  StructRNA *scene_struct = nullptr;
  StructRNA *group = nullptr;
};

}  // namespace

TEST_F(RNARuntime, numbers_default_store_in_id_properties_and_clamp)
{
  auto count = make("rt_count", PropertyType::Int);
  count->default_number = 5;
  count->hard_min = 0;
  count->hard_max = 10;
  add_runtime_property(scene_struct, std::move(count));
  PointerRNA ptr = scene();
  const PropertyRNA &p = prop(ptr, "rt_count");
  EXPECT_TRUE(p.flag & PROP_RUNTIME);
  EXPECT_EQ(get_int(ptr, p), 5);
  EXPECT_FALSE(is_property_set(ptr, p));
  set_int(ptr, p, 50);
  EXPECT_EQ(get_int(ptr, p), 10); /* clamped to the hard range */
  EXPECT_TRUE(is_property_set(ptr, p));
  const dna::IDProperty *stored = kernel::idprop_find(ptr.owner_id->properties, "rt_count");
  ASSERT_NE(stored, nullptr);
  EXPECT_EQ(std::get<int32_t>(stored->value), 10);
  property_unset(ptr, p);
  EXPECT_EQ(get_int(ptr, p), 5);
  EXPECT_FALSE(is_property_set(ptr, p));
}

TEST_F(RNARuntime, arrays_strings_and_enums)
{
  auto vector = make("rt_vector", PropertyType::Float);
  vector->array_dimensions[0] = 3;
  vector->default_array = {1, 2, 3};
  add_runtime_property(scene_struct, std::move(vector));
  auto label = make("rt_label", PropertyType::String);
  label->default_string = "hi";
  label->string_max_length = 5; /* four characters and the terminator */
  add_runtime_property(scene_struct, std::move(label));
  auto mode = make("rt_mode", PropertyType::Enum);
  mode->enum_items = {{"A", "A", "", 0}, {"B", "B", "", 1}};
  mode->default_enum = 1;
  add_runtime_property(scene_struct, std::move(mode));

  PointerRNA ptr = scene();
  EXPECT_DOUBLE_EQ(get_float(ptr, prop(ptr, "rt_vector"), 2), 3.0);
  set_float(ptr, prop(ptr, "rt_vector"), 0.5, 1);
  EXPECT_DOUBLE_EQ(get_float(ptr, prop(ptr, "rt_vector"), 0), 1.0);
  EXPECT_DOUBLE_EQ(get_float(ptr, prop(ptr, "rt_vector"), 1), 0.5);
  EXPECT_EQ(get_string(ptr, prop(ptr, "rt_label")), "hi");
  set_string(ptr, prop(ptr, "rt_label"), "abcdefgh");
  EXPECT_EQ(get_string(ptr, prop(ptr, "rt_label")), "abcd");
  EXPECT_EQ(get_enum_identifiers(ptr, prop(ptr, "rt_mode")).front(), "B");
  set_enum_identifier(ptr, prop(ptr, "rt_mode"), "A");
  EXPECT_EQ(get_enum(ptr, prop(ptr, "rt_mode")), 0);
}

TEST_F(RNARuntime, id_pointers_count_users)
{
  auto target = make("rt_target", PropertyType::Pointer);
  target->item_type = blender_rna().find("Object");
  add_runtime_property(scene_struct, std::move(target));
  PointerRNA ptr = scene();
  dna::ID *cube = bmain.find(dna::IDType::Object, "Cube");
  const int users = cube->users;
  set_pointer(ptr, prop(ptr, "rt_target"), pointer_from_id(&bmain, cube));
  EXPECT_EQ(get_pointer(ptr, prop(ptr, "rt_target")).owner_id, cube);
  EXPECT_EQ(cube->users, users + 1);
  set_pointer(ptr, prop(ptr, "rt_target"), PointerRNA{});
  EXPECT_EQ(cube->users, users);
  EXPECT_TRUE(kernel::relations_verify(bmain));
}

TEST_F(RNARuntime, property_groups_nest_collect_and_know_their_path)
{
  group = register_struct("RT_PG_settings", blender_rna().find("PropertyGroup"));
  EXPECT_TRUE(group->is_runtime);
  auto value = make("value", PropertyType::Int);
  value->default_number = 3;
  add_runtime_property(group, std::move(value));
  auto items = make("items", PropertyType::Collection);
  items->item_type = group;
  add_runtime_property(group, std::move(items));
  auto settings = make("rt_settings", PropertyType::Pointer);
  settings->item_type = group;
  add_runtime_property(scene_struct, std::move(settings));

  PointerRNA ptr = scene();
  PointerRNA s = get_pointer(ptr, prop(ptr, "rt_settings"));
  ASSERT_FALSE(s.is_null());
  EXPECT_EQ(s.type, group);
  EXPECT_EQ(get_int(s, prop(s, "value")), 3);
  EXPECT_EQ(path_from_id(s).value(), "rt_settings");

  const PropertyRNA &list = prop(s, "items");
  for (int i = 0; i < 3; i++) {
    PointerRNA item = runtime_collection_add(s, list);
    set_int(item, prop(item, "value"), i * 10);
    set_string(item, prop(item, "name"), std::string("item") + char('0' + i));
  }
  EXPECT_EQ(collection_length(s, list), 3);
  EXPECT_EQ(get_int(collection_lookup(s, list, "item2").value(), prop(s, "value")), 20);
  EXPECT_EQ(path_from_id(collection_at(s, list, 1)).value(), "rt_settings.items[1]");
  EXPECT_EQ(get_int(path_resolve(ptr, "rt_settings.items[1].value").ptr, prop(s, "value")), 10);

  runtime_collection_move(s, list, 0, 2);
  EXPECT_EQ(get_int(collection_at(s, list, 2), prop(s, "value")), 0);
  runtime_collection_remove(s, list, 0);
  EXPECT_EQ(collection_length(s, list), 2);
  EXPECT_THROW(runtime_collection_remove(s, list, 5), Error);
  runtime_collection_clear(s, list);
  EXPECT_EQ(collection_length(s, list), 0);
}

TEST_F(RNARuntime, removed_definitions_keep_values_and_refuse_builtin_names)
{
  auto count = make("rt_count", PropertyType::Int);
  add_runtime_property(scene_struct, std::move(count));
  PointerRNA ptr = scene();
  set_int(ptr, prop(ptr, "rt_count"), 7);
  EXPECT_TRUE(remove_runtime_property(scene_struct, "rt_count"));
  EXPECT_EQ(scene_struct->find_property("rt_count"), nullptr);
  /* The value stays in the ID properties, as in Blender. */
  EXPECT_NE(kernel::idprop_find(ptr.owner_id->properties, "rt_count"), nullptr);
  EXPECT_FALSE(remove_runtime_property(scene_struct, "frame_start")); /* built in */
  EXPECT_THROW(add_runtime_property(scene_struct, make("frame_start", PropertyType::Int)),
               Error);
  EXPECT_THROW(register_struct("Object", nullptr), Error);
}
