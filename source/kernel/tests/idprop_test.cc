// ID properties: groups (insertion order, replace, remove, copy), nesting, arrays, ID
// references counted as users of their targets and released with their owner.

#include <gtest/gtest.h>

#include "kernel_test_util.hh"
#include "whisk/kernel/idprop.hh"
#include "whisk/kernel/lib_remove.hh"

namespace whisk::kernel::test {
namespace {

using namespace dna;

std::vector<std::string> member_names(const IDProperty *group)
{
  std::vector<std::string> names;
  for (const auto &member : std::get<IDPropertyList>(group->value)) {
    names.push_back(member->name);
  }
  return names;
}

TEST(idprop, scalars_and_group_order)
{
  Main bmain;
  ID *id = id_new(bmain, IDType::Object, "Ob");
  EXPECT_EQ(id->properties, nullptr);
  IDProperty *group = idprop_ensure_group(id);
  ASSERT_NE(group, nullptr);
  EXPECT_EQ(idprop_ensure_group(id), group); /* created once */
  EXPECT_EQ(group->type, IDPropertyType::Group);

  idprop_replace(group, idprop_new<int32_t>("int", 7));
  idprop_replace(group, idprop_new<float>("float", 0.5f));
  idprop_replace(group, idprop_new<double>("double", 2.25));
  idprop_replace(group, idprop_new<bool>("bool", true));
  idprop_replace(group, idprop_new<std::string>("string", "text"));
  EXPECT_EQ(member_names(group),
            (std::vector<std::string>{"int", "float", "double", "bool", "string"}));
  EXPECT_EQ(idprop_length(*group), 5);

  IDProperty *i = idprop_find(group, "int");
  ASSERT_NE(i, nullptr);
  EXPECT_EQ(i->type, IDPropertyType::Int);
  EXPECT_EQ(std::get<int32_t>(i->value), 7);
  EXPECT_EQ(idprop_find(group, "float")->type, IDPropertyType::Float);
  EXPECT_EQ(std::get<float>(idprop_find(group, "float")->value), 0.5f);
  EXPECT_EQ(std::get<double>(idprop_find(group, "double")->value), 2.25);
  EXPECT_EQ(idprop_find(group, "bool")->type, IDPropertyType::Boolean);
  EXPECT_EQ(std::get<std::string>(idprop_find(group, "string")->value), "text");
  EXPECT_EQ(idprop_length(*idprop_find(group, "string")), 1);
  /* Lookups are exact. */
  EXPECT_EQ(idprop_find(group, "Int"), nullptr);
  EXPECT_EQ(idprop_find(group, "missing"), nullptr);
  EXPECT_EQ(idprop_find(nullptr, "int"), nullptr);
  EXPECT_EQ(idprop_find(i, "int"), nullptr); /* not a group */

  /* Replacing keeps the position and may change the type. */
  IDProperty *stored = idprop_replace(group, idprop_new<std::string>("float", "now text"));
  EXPECT_EQ(stored, idprop_find(group, "float"));
  EXPECT_EQ(stored->type, IDPropertyType::String);
  EXPECT_EQ(member_names(group),
            (std::vector<std::string>{"int", "float", "double", "bool", "string"}));
  EXPECT_EQ(idprop_length(*group), 5);

  EXPECT_TRUE(idprop_remove(group, "double"));
  EXPECT_FALSE(idprop_remove(group, "double"));
  EXPECT_EQ(member_names(group), (std::vector<std::string>{"int", "float", "bool", "string"}));

  /* Scalars are not groups. */
  EXPECT_WHISK_ERROR(idprop_replace(i, idprop_new<int32_t>("x", 1)), ErrorKind::Type, "int");
  EXPECT_WHISK_ERROR(idprop_remove(i, "x"), ErrorKind::Type, "int");
  EXPECT_TRUE(relations_verify(bmain));
}

TEST(idprop, names_are_limited_to_63_bytes)
{
  auto group = idprop_new_group("");
  const std::string name63(63, 'n');
  EXPECT_NE(idprop_replace(group.get(), idprop_new<int32_t>(name63, 1)), nullptr);
  EXPECT_WHISK_ERROR(idprop_replace(group.get(), idprop_new<int32_t>(name63 + "x", 1)),
                     ErrorKind::Key, "63");
  /* UTF-8 counts bytes: 32 two-byte characters are 64 bytes. */
  std::string wide;
  for (int k = 0; k < 32; k++) {
    wide += "\xc3\xa9";
  }
  EXPECT_WHISK_ERROR(idprop_replace(group.get(), idprop_new<int32_t>(wide, 1)), ErrorKind::Key);
  EXPECT_EQ(idprop_length(*group), 1);

  Main bmain;
  ID *id = id_new(bmain, IDType::Mesh, "Mesh");
  EXPECT_WHISK_ERROR(idprop_replace(bmain, id, idprop_ensure_group(id),
                                    idprop_new<dna::ID *>(name63 + "y", id)),
                     ErrorKind::Key);
  EXPECT_EQ(id->users, 0);
  EXPECT_TRUE(relations_verify(bmain));
}

TEST(idprop, arrays)
{
  auto group = idprop_new_group("group");
  IDProperty *ints = idprop_replace(group.get(),
                                    idprop_new("ints", std::vector<int32_t>{1, 2, 3}));
  IDProperty *floats = idprop_replace(group.get(),
                                      idprop_new("floats", std::vector<float>{0.5f, 1.5f}));
  IDProperty *doubles = idprop_replace(group.get(), idprop_new("doubles", std::vector<double>{}));
  EXPECT_EQ(ints->type, IDPropertyType::Array);
  EXPECT_EQ(ints->array_type, IDPropertyType::Int);
  EXPECT_EQ(floats->array_type, IDPropertyType::Float);
  EXPECT_EQ(doubles->array_type, IDPropertyType::Double);
  EXPECT_EQ(idprop_length(*ints), 3);
  EXPECT_EQ(idprop_length(*floats), 2);
  EXPECT_EQ(idprop_length(*doubles), 0);
  std::get<std::vector<int32_t>>(ints->value).push_back(4);
  EXPECT_EQ(idprop_length(*ints), 4);

  /* Copies are deep: changing one leaves the other. */
  auto copy = idprop_copy(*group);
  EXPECT_EQ(copy->name, "group");
  EXPECT_EQ(copy->type, IDPropertyType::Group);
  IDProperty *copied_ints = idprop_find(copy.get(), "ints");
  ASSERT_NE(copied_ints, nullptr);
  EXPECT_NE(copied_ints, ints);
  EXPECT_EQ(copied_ints->array_type, IDPropertyType::Int);
  std::get<std::vector<int32_t>>(copied_ints->value)[0] = 100;
  EXPECT_EQ(std::get<std::vector<int32_t>>(ints->value),
            (std::vector<int32_t>{1, 2, 3, 4}));
  EXPECT_EQ(std::get<std::vector<int32_t>>(copied_ints->value),
            (std::vector<int32_t>{100, 2, 3, 4}));
}

TEST(idprop, nested_groups_copy_deeply)
{
  auto root = idprop_new_group("");
  IDProperty *outer = idprop_replace(root.get(), idprop_new_group("outer"));
  IDProperty *inner = idprop_replace(outer, idprop_new_group("inner"));
  idprop_replace(inner, idprop_new<std::string>("leaf", "value"));
  idprop_replace(outer, idprop_new<int32_t>("count", 3));
  EXPECT_EQ(idprop_length(*outer), 2);
  EXPECT_EQ(member_names(outer), (std::vector<std::string>{"inner", "count"}));

  auto copy = idprop_copy(*root);
  IDProperty *copy_inner = idprop_find(idprop_find(copy.get(), "outer"), "inner");
  ASSERT_NE(copy_inner, nullptr);
  EXPECT_NE(copy_inner, inner);
  std::get<std::string>(idprop_find(copy_inner, "leaf")->value) = "changed";
  EXPECT_EQ(std::get<std::string>(idprop_find(inner, "leaf")->value), "value");
  /* Removing a group frees its members (ASan checks). */
  EXPECT_TRUE(idprop_remove(root.get(), "outer"));
  EXPECT_EQ(idprop_length(*root), 0);
  EXPECT_EQ(idprop_length(*copy), 1);
}

TEST(idprop, id_references_count_users)
{
  Main bmain;
  Mesh *target = id_new<Mesh>(bmain, "Target");
  Mesh *other = id_new<Mesh>(bmain, "Other");
  Object *owner = object_new(bmain, "Owner", nullptr);
  IDProperty *group = idprop_ensure_group(&owner->id);

  idprop_replace(bmain, &owner->id, group, idprop_new<dna::ID *>("ref", &target->id));
  EXPECT_EQ(target->id.users, 1);
  EXPECT_TRUE(relations_verify(bmain));

  /* Nested references count too. */
  auto nested = idprop_new_group("nested");
  idprop_replace(nested.get(), idprop_new<dna::ID *>("deep", &target->id));
  idprop_replace(nested.get(), idprop_new<dna::ID *>("none", nullptr));
  idprop_replace(bmain, &owner->id, group, std::move(nested));
  EXPECT_EQ(target->id.users, 2);
  EXPECT_TRUE(relations_verify(bmain));

  /* Replacing releases the old value's references. */
  idprop_replace(bmain, &owner->id, group, idprop_new<dna::ID *>("ref", &other->id));
  EXPECT_EQ(target->id.users, 1);
  EXPECT_EQ(other->id.users, 1);
  idprop_replace(bmain, &owner->id, group, idprop_new<int32_t>("nested", 0));
  EXPECT_EQ(target->id.users, 0);
  EXPECT_TRUE(relations_verify(bmain));

  /* The referrer shows in the user map; removing the property releases it. */
  EXPECT_EQ(user_map(bmain).at(&other->id), std::vector<ID *>{&owner->id});
  EXPECT_TRUE(idprop_remove(bmain, &owner->id, group, "ref"));
  EXPECT_FALSE(idprop_remove(bmain, &owner->id, group, "ref"));
  EXPECT_EQ(other->id.users, 0);
  EXPECT_TRUE(user_map(bmain).at(&other->id).empty());
  EXPECT_TRUE(relations_verify(bmain));
}

TEST(idprop, references_released_with_owner_and_cleared_with_target)
{
  Main bmain;
  Mesh *target = id_new<Mesh>(bmain, "Target");
  Object *owner = object_new(bmain, "Owner", nullptr);
  Material *holder = id_new<Material>(bmain, "Holder");
  idprop_replace(bmain, &owner->id, idprop_ensure_group(&owner->id),
                 idprop_new<dna::ID *>("ref", &target->id));
  idprop_replace(bmain, &holder->id, idprop_ensure_group(&holder->id),
                 idprop_new<dna::ID *>("ref", &target->id));
  EXPECT_EQ(target->id.users, 2);

  /* A copy of the owner copies its properties and their users. */
  Object *copy = id_cast<Object>(id_copy(bmain, &owner->id));
  EXPECT_EQ(target->id.users, 3);
  EXPECT_NE(copy->id.properties, owner->id.properties);

  id_delete(bmain, &owner->id);
  EXPECT_EQ(target->id.users, 2);
  id_delete(bmain, &copy->id);
  EXPECT_EQ(target->id.users, 1);
  EXPECT_TRUE(relations_verify(bmain));

  /* Deleting the target clears the reference (the property stays, holding nothing). */
  id_delete(bmain, &target->id);
  IDProperty *ref = idprop_find(holder->id.properties, "ref");
  ASSERT_NE(ref, nullptr);
  EXPECT_EQ(std::get<dna::ID *>(ref->value), nullptr);
  EXPECT_TRUE(relations_verify(bmain));

  /* A purge sees property references as users. */
  Mesh *kept = id_new<Mesh>(bmain, "Kept");
  idprop_replace(bmain, &holder->id, holder->id.properties,
                 idprop_new<dna::ID *>("ref", &kept->id));
  id_fake_user_set(&holder->id, true);
  EXPECT_EQ(orphans_purge(bmain, true), 0);
  EXPECT_NE(bmain.find(IDType::Mesh, "Kept"), nullptr);
  id_fake_user_set(&holder->id, false);
  EXPECT_EQ(orphans_purge(bmain, true), 2);
  EXPECT_EQ(bmain.find(IDType::Mesh, "Kept"), nullptr);
  EXPECT_TRUE(relations_verify(bmain));
}

TEST(idprop, properties_on_embedded_ids)
{
  TestScene s;
  ID *tree = &s.material->node_tree->id;
  idprop_replace(s.bmain, tree, idprop_ensure_group(tree),
                 idprop_new<dna::ID *>("ref", &s.cube->id));
  EXPECT_EQ(s.cube->id.users, 2);
  EXPECT_TRUE(relations_verify(s.bmain));
  /* The embedded tree's references belong to its material in the user map. */
  const auto map = user_map(s.bmain);
  const std::vector<ID *> &users = map.at(&s.cube->id);
  EXPECT_NE(std::find(users.begin(), users.end(), &s.material->id), users.end());
  /* Copying the material copies the tree's properties and counts them. */
  id_copy(s.bmain, &s.material->id);
  EXPECT_EQ(s.cube->id.users, 3);
  /* Deleting the material releases them. */
  id_delete(s.bmain, &s.material->id);
  EXPECT_EQ(s.cube->id.users, 2);
  EXPECT_TRUE(relations_verify(s.bmain));
}

}  // namespace
}  // namespace whisk::kernel::test
