// Generic RNA access: typed get/set, clamping, errors, pointers through the kernel,
// path resolution and building, and functions.

#include <gtest/gtest.h>

#include "whisk/kernel/collection.hh"
#include "whisk/kernel/lib_id.hh"
#include "whisk/kernel/lib_remove.hh"
#include "whisk/kernel/startup.hh"
#include "whisk/rna/access.hh"

using namespace whisk;
using namespace whisk::rna;

class RNAAccess : public ::testing::Test {
 protected:
  void SetUp() override { kernel::build_factory_startup(bmain); }
  PointerRNA object(const char *name)
  {
    return pointer_from_id(&bmain, bmain.find(dna::IDType::Object, name));
  }
  static const PropertyRNA &prop(const PointerRNA &ptr, const char *name)
  {
    const PropertyRNA *p = ptr.type->find_property(name);
    EXPECT_NE(p, nullptr) << name;
    return *p;
  }
  kernel::Main bmain;
};

static ErrorKind kind_of(const std::function<void()> &fn)
{
  try {
    fn();
  }
  catch (const Error &error) {
    return error.kind();
  }
  ADD_FAILURE() << "no error raised";
  return ErrorKind::Runtime;
}

TEST_F(RNAAccess, inheritance_and_refine)
{
  const StructRNA *object_srna = blender_rna().find("Object");
  ASSERT_NE(object_srna, nullptr);
  EXPECT_EQ(object_srna->base, blender_rna().find("ID"));
  EXPECT_NE(object_srna->find_property("name"), nullptr); /* inherited */
  EXPECT_EQ(object("Cube").type, object_srna);
}

TEST_F(RNAAccess, float_arrays_write_through_and_tag)
{
  PointerRNA cube = object("Cube");
  const PropertyRNA &location = prop(cube, "location");
  cube.owner_id->recalc = 0;
  set_float(cube, location, 2.5, 2);
  EXPECT_EQ(get_float(cube, location, 2), 2.5);
  EXPECT_TRUE(cube.owner_id->recalc & dna::ID_RECALC_TRANSFORM);
  EXPECT_EQ(kind_of([&] { get_float(cube, location, 3); }), ErrorKind::Index);
}

TEST_F(RNAAccess, hard_range_clamps)
{
  PointerRNA cube = object("Cube");
  const PropertyRNA &size = prop(cube, "empty_display_size");
  set_float(cube, size, 1e9);
  EXPECT_FLOAT_EQ(get_float(cube, size), 1000.0f);
  set_float(cube, size, -5);
  EXPECT_FLOAT_EQ(get_float(cube, size), 0.0001f);
  const PropertyRNA &pass = prop(cube, "pass_index");
  set_int(cube, pass, -3);
  EXPECT_EQ(get_int(cube, pass), 0);
  set_int(cube, pass, int64_t(1) << 40);
  EXPECT_EQ(get_int(cube, pass), 32767);
}

TEST_F(RNAAccess, errors_name_the_property)
{
  PointerRNA cube = object("Cube");
  EXPECT_EQ(kind_of([&] { set_int(cube, prop(cube, "users"), 5); }), ErrorKind::Attribute);
  EXPECT_EQ(kind_of([&] { set_enum_identifier(cube, prop(cube, "rotation_mode"), "BAD"); }),
            ErrorKind::Type);
  EXPECT_EQ(kind_of([&] { get_int(cube, prop(cube, "location")); }), ErrorKind::Type);
  EXPECT_EQ(kind_of([&] { set_string(cube, prop(cube, "name"), "bad\xff"); }), ErrorKind::Value);
  try {
    set_enum_identifier(cube, prop(cube, "rotation_mode"), "BAD");
  }
  catch (const Error &error) {
    EXPECT_NE(std::string(error.what()).find("BAD"), std::string::npos);
    EXPECT_NE(std::string(error.what()).find("'XYZ'"), std::string::npos);
  }
}

TEST_F(RNAAccess, matrix_set_as_a_whole)
{
  PointerRNA cube = object("Cube");
  const PropertyRNA &world = prop(cube, "matrix_world");
  /* Column-major: a rotation of 90 degrees about Z, scale 2, translation (1, 2, 3). */
  const std::vector<double> m = {0, 2, 0, 0, -2, 0, 0, 0, 0, 0, 2, 0, 1, 2, 3, 1};
  set_float_array(cube, world, m);
  for (int i = 0; i < 16; i++) {
    EXPECT_NEAR(get_float(cube, world, i), m[i], 1e-5) << i;
  }
  const PropertyRNA &location = prop(cube, "location");
  EXPECT_NEAR(get_float(cube, location, 1), 2.0, 1e-6);
  EXPECT_NEAR(get_float(cube, prop(cube, "rotation_euler"), 2), 1.5707963, 1e-5);
  EXPECT_NEAR(get_float(cube, prop(cube, "scale"), 0), 2.0, 1e-6);
  EXPECT_EQ(kind_of([&] { set_float_array(cube, world, {1, 2, 3}); }), ErrorKind::Value);
}

TEST_F(RNAAccess, rotation_mode_between_eulers_keeps_numbers)
{
  PointerRNA light = object("Light");
  const PropertyRNA &euler = prop(light, "rotation_euler");
  const double x = get_float(light, euler, 0);
  set_enum_identifier(light, prop(light, "rotation_mode"), "ZYX");
  EXPECT_EQ(get_float(light, euler, 0), x);
}

TEST_F(RNAAccess, clearing_data_of_typed_object_is_ignored)
{
  PointerRNA cube = object("Cube");
  set_pointer(cube, prop(cube, "data"), PointerRNA{});
  EXPECT_EQ(get_pointer(cube, prop(cube, "data")).owner_id, bmain.find(dna::IDType::Mesh, "Cube"));
}

TEST_F(RNAAccess, rotation_mode_change_keeps_orientation)
{
  PointerRNA light = object("Light");
  const PropertyRNA &mode = prop(light, "rotation_mode");
  const PropertyRNA &basis = prop(light, "matrix_basis");
  std::vector<double> before(16);
  for (int i = 0; i < 16; i++) {
    before[i] = get_float(light, basis, i);
  }
  for (const char *m : {"QUATERNION", "AXIS_ANGLE", "XYZ", "QUATERNION", "XYZ"}) {
    set_enum_identifier(light, mode, m);
    for (int i = 0; i < 16; i++) {
      EXPECT_NEAR(get_float(light, basis, i), before[i], 1e-5) << m << " " << i;
    }
  }
}

TEST_F(RNAAccess, name_renames_through_main)
{
  PointerRNA cube = object("Cube");
  set_string(cube, prop(cube, "name"), "Camera");
  EXPECT_EQ(get_string(cube, prop(cube, "name")), "Camera.001");
  EXPECT_EQ(bmain.find(dna::IDType::Object, "Camera.001"), cube.owner_id);
  EXPECT_EQ(bmain.find(dna::IDType::Object, "Cube"), nullptr);
}

TEST_F(RNAAccess, pointer_assignment_counts_users)
{
  PointerRNA cube = object("Cube");
  dna::ID *mesh = bmain.find(dna::IDType::Mesh, "Cube");
  dna::ID *other = kernel::id_new(bmain, dna::IDType::Mesh, "Other");
  set_pointer(cube, prop(cube, "data"), pointer_from_id(&bmain, other));
  EXPECT_EQ(mesh->users, 0);
  EXPECT_EQ(other->users, 1);
  /* Wrong types are refused with TypeError, data of another Main with ValueError. */
  dna::ID *camera_data = bmain.find(dna::IDType::Camera, "Camera");
  EXPECT_EQ(kind_of([&] { set_pointer(cube, prop(cube, "parent"), pointer_from_id(&bmain, camera_data)); }),
            ErrorKind::Type);
  EXPECT_EQ(kind_of([&] { set_pointer(cube, prop(cube, "data"), pointer_from_id(&bmain, camera_data)); }),
            ErrorKind::Type);
  kernel::Main other_main;
  dna::ID *foreign = kernel::id_new(other_main, dna::IDType::Object, "Foreign");
  EXPECT_EQ(kind_of([&] { set_pointer(cube, prop(cube, "parent"), pointer_from_id(&other_main, foreign)); }),
            ErrorKind::Value);
  EXPECT_TRUE(kernel::relations_verify(bmain));
}

TEST_F(RNAAccess, parent_loop_is_refused_silently)
{
  PointerRNA cube = object("Cube"), light = object("Light");
  set_pointer(cube, prop(cube, "parent"), light);
  set_pointer(light, prop(light, "parent"), cube);
  EXPECT_EQ(get_pointer(cube, prop(cube, "parent")).owner_id, light.owner_id);
  EXPECT_TRUE(get_pointer(light, prop(light, "parent")).is_null());
  EXPECT_EQ(kind_of([&] { set_pointer(cube, prop(cube, "parent"), cube); }), ErrorKind::Type);
  EXPECT_EQ(get_pointer(cube, prop(cube, "parent")).owner_id, light.owner_id);
}

TEST_F(RNAAccess, path_resolve_and_build)
{
  PointerRNA cube = object("Cube");
  ResolvedPath r = path_resolve(cube, "location[1]");
  EXPECT_EQ(r.prop->identifier, "location");
  EXPECT_EQ(r.index, 1);
  r = path_resolve(cube, "material_slots[0].link");
  EXPECT_EQ(r.prop->identifier, "link");
  EXPECT_EQ(get_enum_identifiers(r.ptr, *r.prop), std::vector<std::string>{"DATA"});
  EXPECT_EQ(path_from_id(r.ptr, r.prop), "material_slots[0].link");
  EXPECT_EQ(path_from_id(cube, &prop(cube, "location"), 2), "location[2]");

  PointerRNA data = pointer_from_main(&bmain);
  r = path_resolve(data, "objects[\"Camera\"].data.lens");
  EXPECT_EQ(r.prop->identifier, "lens");
  r = path_resolve(data, "objects['Light'].location");
  EXPECT_EQ(r.ptr.owner_id, bmain.find(dna::IDType::Object, "Light"));

  for (const char *bad : {"nope", "location[7]", "location[", "objects[\"Missing\"].name",
                          "location.x", "parent.name", "", "name[0]"})
  {
    if (std::string_view(bad).empty()) {
      EXPECT_EQ(path_resolve(cube, bad).prop, nullptr);
      continue;
    }
    EXPECT_EQ(kind_of([&] { path_resolve(cube, bad).prop; }), ErrorKind::Value) << bad;
  }
}

TEST_F(RNAAccess, blend_data_functions)
{
  PointerRNA data = pointer_from_main(&bmain);
  const PropertyRNA &objects = prop(data, "objects");
  const StructRNA *funcs = objects.functions_type;
  ASSERT_NE(funcs, nullptr);
  const FunctionRNA *add = funcs->find_function("new");
  ASSERT_NE(add, nullptr);
  Value made = call_function(&bmain, data, *add, {std::string("Empty"), PointerRNA{}});
  PointerRNA empty = std::get<PointerRNA>(made);
  EXPECT_EQ(std::string(empty.owner_id->name), "Empty");
  EXPECT_EQ(collection_length(data, objects), 4);
  EXPECT_TRUE(collection_lookup(data, objects, "Empty").has_value());

  const FunctionRNA *remove = funcs->find_function("remove");
  call_function(&bmain, data, *remove, {empty});
  EXPECT_EQ(collection_length(data, objects), 3);
  EXPECT_FALSE(collection_lookup(data, objects, "Empty").has_value());
  EXPECT_EQ(kind_of([&] { call_function(&bmain, data, *add, {}); }), ErrorKind::Type);

  /* Removing a used mesh without unlinking is refused and changes nothing. */
  const PropertyRNA &meshes = prop(data, "meshes");
  PointerRNA cube_mesh = *collection_lookup(data, meshes, "Cube");
  EXPECT_EQ(kind_of([&] {
              call_function(&bmain, data, *meshes.functions_type->find_function("remove"),
                            {cube_mesh, false});
            }),
            ErrorKind::Runtime);
  EXPECT_TRUE(collection_lookup(data, meshes, "Cube").has_value());
}

TEST_F(RNAAccess, id_functions)
{
  PointerRNA cube = object("Cube");
  const FunctionRNA *copy = cube.type->find_function("copy");
  PointerRNA copied = std::get<PointerRNA>(call_function(&bmain, cube, *copy, {}));
  EXPECT_EQ(std::string(copied.owner_id->name), "Cube.001");
  EXPECT_EQ(copied.type, cube.type);
  EXPECT_EQ(copied.owner_id->users, 0);
  EXPECT_EQ(bmain.find(dna::IDType::Mesh, "Cube")->users, 2);

  const FunctionRNA *select_get = cube.type->find_function("select_get");
  EXPECT_TRUE(std::get<bool>(call_function(&bmain, cube, *select_get, {})));
  PointerRNA light = object("Light");
  EXPECT_FALSE(std::get<bool>(call_function(&bmain, light, *select_get, {})));
  call_function(&bmain, light, *light.type->find_function("select_set"), {true});
  EXPECT_TRUE(std::get<bool>(call_function(&bmain, light, *select_get, {})));
  /* The copy is in no collection, so it has no base to select. */
  EXPECT_EQ(kind_of([&] {
              call_function(&bmain, copied, *copied.type->find_function("select_set"), {true});
            }),
            ErrorKind::Runtime);
}

TEST_F(RNAAccess, property_listeners_hear_paths)
{
  std::vector<std::string> heard;
  bmain.add_property_listener([&](dna::ID *id, std::string_view path) {
    heard.push_back(std::string(id->name) + ":" + std::string(path));
  });
  PointerRNA cube = object("Cube");
  set_float(cube, prop(cube, "location"), 1.0, 0);
  ASSERT_EQ(heard.size(), 1u);
  EXPECT_EQ(heard[0], "Cube:location");
}
