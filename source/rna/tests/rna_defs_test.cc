// Behaviour of the scene, collection and data-block declarations: refinement, computed
// properties, setters that keep data consistent, collection functions, and paths of
// nested structs. Expected values come from Blender 3.4 (checked with `blender -b`).

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <numbers>
#include <stdexcept>

#include "whisk/dna/all_types.hh"
#include "whisk/kernel/collection.hh"
#include "whisk/kernel/lib_id.hh"
#include "whisk/kernel/object.hh"
#include "whisk/kernel/lib_remove.hh"
#include "whisk/kernel/scene.hh"
#include "whisk/kernel/startup.hh"
#include "whisk/rna/access.hh"

using namespace whisk;
using namespace whisk::rna;

namespace {

class RNADefs : public ::testing::Test {
 protected:
  void SetUp() override { startup = kernel::build_factory_startup(bmain); }

  PointerRNA id(dna::IDType type, const char *name)
  {
    dna::ID *found = bmain.find(type, name);
    EXPECT_NE(found, nullptr) << name;
    return pointer_from_id(&bmain, found);
  }
  PointerRNA scene() { return id(dna::IDType::Scene, "Scene"); }
  static const PropertyRNA &prop(const PointerRNA &ptr, const char *name)
  {
    const PropertyRNA *p = ptr.type ? ptr.type->find_property(name) : nullptr;
    if (!p) {
      ADD_FAILURE() << (ptr.type ? ptr.type->identifier : "?") << " has no property " << name;
      throw std::runtime_error(name);
    }
    return *p;
  }
  /** Resolves a path that ends on a struct. */
  PointerRNA at(const PointerRNA &root, const char *path)
  {
    ResolvedPath r = path_resolve(root, path);
    if (r.prop) {
      EXPECT_EQ(r.prop->type, PropertyType::Pointer) << path;
      return get_pointer(r.ptr, *r.prop);
    }
    return r.ptr;
  }
  /** Calls a function of the functions struct of collection `collection` of `owner`. */
  Value call(const PointerRNA &owner, const char *collection, const char *function,
             std::vector<Value> args = {})
  {
    const PropertyRNA &coll = prop(owner, collection);
    EXPECT_NE(coll.functions_type, nullptr) << collection;
    const FunctionRNA *func = coll.functions_type->find_function(function);
    EXPECT_NE(func, nullptr) << function;
    return call_function(&bmain, owner, *func, std::move(args));
  }
  std::vector<std::string> names(const PointerRNA &ptr, const char *collection)
  {
    std::vector<std::string> result;
    const PropertyRNA &coll = prop(ptr, collection);
    for (int64_t i = 0; i < collection_length(ptr, coll); i++) {
      PointerRNA item = collection_at(ptr, coll, i);
      result.push_back(item.is_null() ? "None" : get_string(item, *item.type->name_property));
    }
    return result;
  }

  kernel::Main bmain;
  kernel::StartupState startup;
};

ErrorKind kind_of(const std::function<void()> &fn, std::string *message = nullptr)
{
  try {
    fn();
  }
  catch (const Error &error) {
    if (message) {
      *message = error.what();
    }
    return error.kind();
  }
  ADD_FAILURE() << "no error raised";
  return ErrorKind::Memory;
}

using Names = std::vector<std::string>;

}  // namespace

/* ---- Lights ---- */

TEST_F(RNADefs, light_refines_by_type)
{
  PointerRNA light = id(dna::IDType::Light, "Light");
  EXPECT_EQ(light.type->identifier, "PointLight");
  EXPECT_EQ(prop(light, "energy").unit, PropertyUnit::Power);
  EXPECT_EQ(light.type->find_property("spot_size"), nullptr);

  set_enum_identifier(light, prop(light, "type"), "SPOT");
  PointerRNA spot = pointer_from_id(&bmain, light.owner_id);
  EXPECT_EQ(spot.type->identifier, "SpotLight");
  EXPECT_TRUE(spot.type->is_a(blender_rna().find("Light")));
  EXPECT_NEAR(get_float(spot, prop(spot, "spot_size")), std::numbers::pi / 4, 1e-6);
  /* Blender's hard range of the cone angle: 1 to 180 degrees. */
  set_float(spot, prop(spot, "spot_size"), 0.0);
  EXPECT_NEAR(get_float(spot, prop(spot, "spot_size")), std::numbers::pi / 180, 1e-6);
  EXPECT_EQ(get_float(spot, prop(spot, "energy")), 1000.0); /* kept across the change */

  set_enum_identifier(spot, prop(spot, "type"), "SUN");
  PointerRNA sun = pointer_from_id(&bmain, light.owner_id);
  EXPECT_EQ(sun.type->identifier, "SunLight");
  EXPECT_EQ(prop(sun, "energy").name, "Strength");
  EXPECT_EQ(prop(sun, "energy").unit, PropertyUnit::None);
  EXPECT_NE(sun.type->find_property("angle"), nullptr);

  set_enum_identifier(sun, prop(sun, "type"), "AREA");
  PointerRNA area = pointer_from_id(&bmain, light.owner_id);
  EXPECT_EQ(area.type->identifier, "AreaLight");
  set_enum_identifier(area, prop(area, "shape"), "ELLIPSE");
  EXPECT_EQ(static_cast<dna::Light *>(area.data)->shape, dna::AreaLightShape::Ellipse);
  EXPECT_EQ(kind_of([&] { set_enum_identifier(area, prop(area, "type"), "HEMI"); }),
            ErrorKind::Type);
}

/* ---- Cameras ---- */

TEST_F(RNADefs, camera_angle_and_lens_round_trip)
{
  PointerRNA camera = id(dna::IDType::Camera, "Camera");
  const PropertyRNA &lens = prop(camera, "lens"), &angle = prop(camera, "angle");
  const PropertyRNA &angle_x = prop(camera, "angle_x"), &angle_y = prop(camera, "angle_y");
  EXPECT_NEAR(get_float(camera, angle), 2 * std::atan(36.0 / 100.0), 1e-6);

  /* Values Blender 3.4 prints for the same assignments. */
  set_float(camera, angle, 1.0);
  EXPECT_NEAR(get_float(camera, lens), 32.94878, 1e-4);
  EXPECT_NEAR(get_float(camera, angle_x), 1.0, 1e-6);
  EXPECT_NEAR(get_float(camera, angle_y), 0.6985403, 1e-6);
  set_enum_identifier(camera, prop(camera, "sensor_fit"), "VERTICAL");
  EXPECT_NEAR(get_float(camera, angle), 0.6985403, 1e-6);
  set_enum_identifier(camera, prop(camera, "sensor_fit"), "AUTO");
  set_float(camera, angle_y, 0.5);
  EXPECT_NEAR(get_float(camera, lens), 46.99581, 1e-4);

  /* The field of view's range (0.367..172.847 degrees) guides the UI only: Blender sets
   * the lens from any angle. */
  set_float(camera, angle, 3.14);
  EXPECT_NEAR(get_float(camera, angle), 3.14, 1e-5);
  set_float(camera, angle, 0.0001);
  EXPECT_NEAR(get_float(camera, angle), 0.0001, 1e-7);
  EXPECT_NEAR(angle.hard_max, 172.847 * std::numbers::pi / 180, 1e-5);
  set_float(camera, lens, 0.1);
  EXPECT_EQ(get_float(camera, lens), 1.0);
  EXPECT_TRUE(camera.owner_id->recalc & dna::ID_RECALC_PARAMETERS);
}

TEST_F(RNADefs, camera_aperture_blades_skip_one_and_two)
{
  PointerRNA camera = id(dna::IDType::Camera, "Camera");
  PointerRNA dof = get_pointer(camera, prop(camera, "dof"));
  const PropertyRNA &blades = prop(dof, "aperture_blades");
  /* What Blender 3.4 gives: 1 and 2 snap away from the old value; nothing is clamped. */
  set_int(dof, blades, 1);
  EXPECT_EQ(get_int(dof, blades), 3);
  set_int(dof, blades, 2);
  EXPECT_EQ(get_int(dof, blades), 0);
  set_int(dof, blades, 100);
  EXPECT_EQ(get_int(dof, blades), 100);
  set_int(dof, blades, 1);
  EXPECT_EQ(get_int(dof, blades), 0);
  set_int(dof, blades, -1);
  EXPECT_EQ(get_int(dof, blades), -1);
}

TEST_F(RNADefs, camera_dof_focus_object_counts_no_user)
{
  PointerRNA camera = id(dna::IDType::Camera, "Camera");
  PointerRNA dof = get_pointer(camera, prop(camera, "dof"));
  EXPECT_EQ(dof.type->identifier, "CameraDOFSettings");
  EXPECT_EQ(dof.owner_id, camera.owner_id);
  PointerRNA cube = id(dna::IDType::Object, "Cube");
  const int users = cube.owner_id->users;
  set_pointer(dof, prop(dof, "focus_object"), cube);
  EXPECT_EQ(get_pointer(dof, prop(dof, "focus_object")).owner_id, cube.owner_id);
  EXPECT_EQ(cube.owner_id->users, users);
  EXPECT_TRUE(kernel::relations_verify(bmain));
  set_pointer(dof, prop(dof, "focus_object"), PointerRNA{});
  EXPECT_TRUE(get_pointer(dof, prop(dof, "focus_object")).is_null());
}

/* ---- Scene frames and render settings ---- */

TEST_F(RNADefs, frame_range_stays_ordered)
{
  PointerRNA sc = scene();
  const PropertyRNA &start = prop(sc, "frame_start"), &end = prop(sc, "frame_end");
  set_int(sc, end, 10);
  set_int(sc, start, 20);
  EXPECT_EQ(get_int(sc, start), 20);
  EXPECT_EQ(get_int(sc, end), 20);
  set_int(sc, start, 5);
  set_int(sc, end, 2);
  EXPECT_EQ(get_int(sc, start), 2);
  EXPECT_EQ(get_int(sc, end), 2);
  set_int(sc, start, -50); /* hard minimum 0 */
  EXPECT_EQ(get_int(sc, start), 0);
  /* The current frame goes past MAXFRAME (as in Blender), but never below zero. */
  set_int(sc, prop(sc, "frame_current"), 10000000);
  EXPECT_EQ(get_int(sc, prop(sc, "frame_current")), 10000000);
  set_int(sc, prop(sc, "frame_current"), -5);
  EXPECT_EQ(get_int(sc, prop(sc, "frame_current")), 0);
  set_float(sc, prop(sc, "frame_float"), -5.5);
  EXPECT_EQ(get_int(sc, prop(sc, "frame_current")), 0);
  EXPECT_FLOAT_EQ(get_float(sc, prop(sc, "frame_subframe")), 0.0f);

  set_float(sc, prop(sc, "frame_float"), 12.25);
  EXPECT_EQ(get_int(sc, prop(sc, "frame_current")), 12);
  EXPECT_FLOAT_EQ(get_float(sc, prop(sc, "frame_subframe")), 0.25f);
  EXPECT_FLOAT_EQ(get_float(sc, prop(sc, "frame_current_final")), 12.25f);
}

TEST_F(RNADefs, preview_range_starts_from_scene_range)
{
  PointerRNA sc = scene();
  EXPECT_EQ(get_int(sc, prop(sc, "frame_preview_start")), 0);
  set_bool(sc, prop(sc, "use_preview_range"), true);
  EXPECT_EQ(get_int(sc, prop(sc, "frame_preview_start")), 1);
  EXPECT_EQ(get_int(sc, prop(sc, "frame_preview_end")), 250);
  set_int(sc, prop(sc, "frame_preview_start"), 300);
  EXPECT_EQ(get_int(sc, prop(sc, "frame_preview_end")), 300);
}

TEST_F(RNADefs, render_settings_clamp_and_engine)
{
  PointerRNA render = get_pointer(scene(), prop(scene(), "render"));
  EXPECT_EQ(render.type->identifier, "RenderSettings");
  const PropertyRNA &percentage = prop(render, "resolution_percentage");
  EXPECT_EQ(percentage.subtype, PropertySubtype::Percentage);
  set_int(render, percentage, 0);
  EXPECT_EQ(get_int(render, percentage), 1);
  set_int(render, percentage, 100000);
  EXPECT_EQ(get_int(render, percentage), 32767);
  set_int(render, prop(render, "resolution_x"), 2);
  EXPECT_EQ(get_int(render, prop(render, "resolution_x")), 4);

  const PropertyRNA &engine = prop(render, "engine");
  EXPECT_EQ(get_enum_identifiers(render, engine), Names{"BLENDER_EEVEE"});
  set_enum_identifier(render, engine, "CYCLES");
  EXPECT_EQ(get_enum_identifiers(render, engine), Names{"CYCLES"});
  EXPECT_STREQ(startup.scene->render.engine, "CYCLES");
  set_enum_identifier(render, engine, "BLENDER_WORKBENCH");
  EXPECT_STREQ(startup.scene->render.engine, "BLENDER_WORKBENCH");
  EXPECT_EQ(kind_of([&] { set_enum_identifier(render, engine, "FOO"); }), ErrorKind::Type);

  /* Fixed threads report the stored count; auto-detected ones the machine's. */
  set_enum_identifier(render, prop(render, "threads_mode"), "FIXED");
  set_int(render, prop(render, "threads"), 3);
  EXPECT_EQ(get_int(render, prop(render, "threads")), 3);
  set_enum_identifier(render, prop(render, "threads_mode"), "AUTO");
  EXPECT_GE(get_int(render, prop(render, "threads")), 1);
}

TEST_F(RNADefs, unit_settings_items)
{
  PointerRNA units = get_pointer(scene(), prop(scene(), "unit_settings"));
  const PropertyRNA &length = prop(units, "length_unit");
  EXPECT_EQ(get_enum_identifiers(units, length), Names{"METERS"});
  EXPECT_EQ(get_enum_identifiers(units, prop(units, "mass_unit")), Names{"KILOGRAMS"});
  EXPECT_EQ(get_enum_identifiers(units, prop(units, "time_unit")), Names{"SECONDS"});
  EXPECT_EQ(get_enum_identifiers(units, prop(units, "temperature_unit")), Names{"KELVIN"});
  set_enum_identifier(units, length, "CENTIMETERS");
  EXPECT_EQ(get_enum_identifiers(units, length), Names{"CENTIMETERS"});
  EXPECT_EQ(kind_of([&] { set_enum_identifier(units, length, "FEET"); }), ErrorKind::Type);
  EXPECT_EQ(path_from_id(units, &length), "unit_settings.length_unit");
}

TEST_F(RNADefs, cursor_matrix_and_rotation_mode)
{
  PointerRNA cursor = get_pointer(scene(), prop(scene(), "cursor"));
  set_float(cursor, prop(cursor, "location"), 2.0, 1);
  const PropertyRNA &matrix = prop(cursor, "matrix");
  EXPECT_EQ(get_float(cursor, matrix, 13), 2.0); /* column 3, row 1 */

  /* Blender: XYZ (0.5, 0.2, 0.1) as a quaternion. */
  const PropertyRNA &euler = prop(cursor, "rotation_euler");
  for (int i = 0; i < 3; i++) {
    set_float(cursor, euler, std::array{0.5, 0.2, 0.1}[i], i);
  }
  std::vector<double> before(16);
  for (int i = 0; i < 16; i++) {
    before[i] = get_float(cursor, matrix, i);
  }
  set_enum_identifier(cursor, prop(cursor, "rotation_mode"), "QUATERNION");
  const double expected[4] = {0.9641015, 0.2410259, 0.1089122, 0.0235152};
  for (int i = 0; i < 4; i++) {
    EXPECT_NEAR(get_float(cursor, prop(cursor, "rotation_quaternion"), i), expected[i], 1e-5);
  }
  set_enum_identifier(cursor, prop(cursor, "rotation_mode"), "AXIS_ANGLE");
  for (int i = 0; i < 16; i++) {
    EXPECT_NEAR(get_float(cursor, matrix, i), before[i], 1e-5) << i;
  }
  /* Setting the translation of the matrix moves the cursor. */
  set_float(cursor, matrix, -3.0, 12);
  EXPECT_NEAR(get_float(cursor, prop(cursor, "location"), 0), -3.0, 1e-6);
  EXPECT_EQ(path_from_id(cursor, &matrix), "cursor.matrix");
}

TEST_F(RNADefs, scene_pointers)
{
  PointerRNA sc = scene();
  /* Blender takes any object as camera. */
  PointerRNA cube = id(dna::IDType::Object, "Cube");
  set_pointer(sc, prop(sc, "camera"), cube);
  EXPECT_EQ(startup.scene->camera, static_cast<dna::Object *>(cube.data));
  EXPECT_EQ(kind_of([&] { set_pointer(sc, prop(sc, "camera"), id(dna::IDType::Mesh, "Cube")); }),
            ErrorKind::Type);

  /* A scene cannot be its own background; a loop is refused silently. */
  EXPECT_EQ(kind_of([&] { set_pointer(sc, prop(sc, "background_set"), sc); }), ErrorKind::Type);
  PointerRNA other = pointer_from_id(&bmain, kernel::id_new(bmain, dna::IDType::Scene, "Other"));
  set_pointer(sc, prop(sc, "background_set"), other);
  set_pointer(other, prop(other, "background_set"), sc);
  EXPECT_EQ(get_pointer(sc, prop(sc, "background_set")).owner_id, other.owner_id);
  EXPECT_TRUE(get_pointer(other, prop(other, "background_set")).is_null());

  dna::ID *world = bmain.find(dna::IDType::World, "World");
  const int users = world->users;
  set_pointer(sc, prop(sc, "world"), PointerRNA{});
  EXPECT_EQ(world->users, users - 1);
  EXPECT_TRUE(kernel::relations_verify(bmain));

  PointerRNA master = get_pointer(sc, prop(sc, "collection"));
  EXPECT_EQ(std::string(master.owner_id->name), "Scene Collection");
  EXPECT_EQ(names(sc, "objects"), (Names{"Cube", "Light", "Camera"}));
}

/* ---- View layers ---- */

TEST_F(RNADefs, view_layer_objects_and_active)
{
  PointerRNA sc = scene();
  PointerRNA layer = at(sc, "view_layers[\"ViewLayer\"]");
  ASSERT_EQ(layer.type->identifier, "ViewLayer");
  EXPECT_EQ(names(layer, "objects"), (Names{"Cube", "Light", "Camera"}));

  /* `view_layer.objects.active`: LayerObjects sees the view layer. */
  const StructRNA *layer_objects = prop(layer, "objects").functions_type;
  ASSERT_EQ(layer_objects->identifier, "LayerObjects");
  PointerRNA objects{layer.main, layer.owner_id, layer_objects, layer.data};
  const PropertyRNA &active = prop(objects, "active");
  EXPECT_EQ(std::string(get_pointer(objects, active).owner_id->name), "Cube");
  EXPECT_EQ(names(objects, "selected"), Names{"Cube"});
  EXPECT_EQ(path_from_id(objects, &active), "view_layers[\"ViewLayer\"].objects.active");

  set_pointer(objects, active, id(dna::IDType::Object, "Light"));
  EXPECT_EQ(startup.view_layer->active_object,
            static_cast<dna::Object *>(id(dna::IDType::Object, "Light").data));

  dna::Object *loose = kernel::object_new(bmain, "X", nullptr);
  std::string message;
  EXPECT_EQ(kind_of([&] { set_pointer(objects, active, pointer_from_id(&bmain, &loose->id)); },
                    &message),
            ErrorKind::Runtime);
  EXPECT_EQ(message, "ViewLayer 'ViewLayer' does not contain object 'X'");
  set_pointer(objects, active, PointerRNA{});
  EXPECT_TRUE(get_pointer(objects, active).is_null());
}

TEST_F(RNADefs, view_layers_new_remove_rename)
{
  PointerRNA sc = scene();
  PointerRNA added = std::get<PointerRNA>(call(sc, "view_layers", "new", {std::string("ViewLayer")}));
  EXPECT_EQ(added.type->identifier, "ViewLayer");
  const std::string name = get_string(added, prop(added, "name"));
  EXPECT_NE(name, "ViewLayer");
  EXPECT_EQ(names(sc, "view_layers").size(), 2u);
  EXPECT_EQ(names(added, "objects"), (Names{"Cube", "Light", "Camera"}));

  set_string(added, prop(added, "name"), "ViewLayer");
  EXPECT_NE(get_string(added, prop(added, "name")), "ViewLayer"); /* stays unique */
  set_string(added, prop(added, "name"), "Second");
  EXPECT_EQ(path_from_id(added, &prop(added, "use")), "view_layers[\"Second\"].use");
  EXPECT_TRUE(collection_lookup(sc, prop(sc, "view_layers"), "Second").has_value());

  call(sc, "view_layers", "remove", {added});
  EXPECT_EQ(names(sc, "view_layers"), Names{"ViewLayer"});
  PointerRNA last = at(sc, "view_layers[0]");
  EXPECT_EQ(kind_of([&] { call(sc, "view_layers", "remove", {last}); }), ErrorKind::Runtime);
  EXPECT_EQ(kind_of([&] { call(sc, "view_layers", "remove", {PointerRNA{}}); }), ErrorKind::Type);
}

TEST_F(RNADefs, layer_collections)
{
  PointerRNA sc = scene();
  PointerRNA root = at(sc, "view_layers[\"ViewLayer\"].layer_collection");
  EXPECT_EQ(get_string(root, prop(root, "name")), "Scene Collection");
  EXPECT_EQ(names(root, "children"), Names{"Collection"});
  PointerRNA child = at(sc, "view_layers[\"ViewLayer\"].layer_collection.children[\"Collection\"]");
  EXPECT_EQ(path_from_id(child, &prop(child, "exclude")),
            "view_layers[\"ViewLayer\"].layer_collection.children[\"Collection\"].exclude");
  EXPECT_TRUE(get_bool(child, prop(child, "is_visible")));

  set_bool(child, prop(child, "hide_viewport"), true);
  EXPECT_FALSE(get_bool(child, prop(child, "is_visible")));
  set_bool(child, prop(child, "hide_viewport"), false);

  /* Excluding the collection takes its objects out of the layer (after a resync, which
   * rebuilds the layer collections: resolve them again). */
  set_bool(child, prop(child, "exclude"), true);
  PointerRNA layer = at(sc, "view_layers[\"ViewLayer\"]");
  EXPECT_EQ(names(layer, "objects"), Names{});
  child = at(sc, "view_layers[\"ViewLayer\"].layer_collection.children[\"Collection\"]");
  EXPECT_TRUE(get_bool(child, prop(child, "exclude")));
  EXPECT_FALSE(get_bool(child, prop(child, "is_visible")));
  set_bool(child, prop(child, "exclude"), false);
  EXPECT_EQ(names(layer, "objects"), (Names{"Cube", "Light", "Camera"}));

  /* The active layer collection takes layer collections of this layer only. */
  child = at(sc, "view_layers[\"ViewLayer\"].layer_collection.children[\"Collection\"]");
  const PropertyRNA &active = prop(layer, "active_layer_collection");
  set_pointer(layer, active, child);
  EXPECT_EQ(get_pointer(layer, active).data, child.data);
  PointerRNA added = std::get<PointerRNA>(call(sc, "view_layers", "new", {std::string("B")}));
  PointerRNA foreign = at(added, "layer_collection");
  set_pointer(layer, active, foreign);
  EXPECT_EQ(get_pointer(layer, active).data, child.data);
}

/* ---- Collections ---- */

TEST_F(RNADefs, collection_objects_and_children)
{
  PointerRNA coll = id(dna::IDType::Collection, "Collection");
  PointerRNA cube = id(dna::IDType::Object, "Cube");
  std::string message;
  EXPECT_EQ(kind_of([&] { call(coll, "objects", "link", {cube}); }, &message),
            ErrorKind::Runtime);
  EXPECT_EQ(message, "Object 'Cube' already in collection 'Collection'");
  EXPECT_EQ(kind_of([&] { call(coll, "objects", "link", {PointerRNA{}}); }), ErrorKind::Type);
  EXPECT_EQ(kind_of([&] { call(coll, "objects", "link", {coll}); }), ErrorKind::Type);

  dna::Object *loose = kernel::object_new(bmain, "Loose", nullptr);
  PointerRNA loose_ptr = pointer_from_id(&bmain, &loose->id);
  EXPECT_EQ(kind_of([&] { call(coll, "objects", "unlink", {loose_ptr}); }), ErrorKind::Runtime);
  call(coll, "objects", "link", {loose_ptr});
  EXPECT_EQ(names(coll, "objects"), (Names{"Cube", "Light", "Camera", "Loose"}));
  EXPECT_EQ(loose->id.users, 1);
  EXPECT_TRUE(collection_lookup(coll, prop(coll, "objects"), "Loose").has_value());
  EXPECT_EQ(names(at(scene(), "view_layers[0]"), "objects").back(), "Loose");
  call(coll, "objects", "unlink", {cube});
  EXPECT_FALSE(collection_lookup(coll, prop(coll, "objects"), "Cube").has_value());

  PointerRNA inner = pointer_from_id(&bmain, kernel::id_new(bmain, dna::IDType::Collection, "Inner"));
  call(coll, "children", "link", {inner});
  call(inner, "objects", "link", {cube});
  EXPECT_EQ(names(coll, "children"), Names{"Inner"});
  EXPECT_EQ(names(coll, "all_objects"), (Names{"Light", "Camera", "Loose", "Cube"}));
  EXPECT_EQ(kind_of([&] { call(inner, "children", "link", {coll}); }), ErrorKind::Runtime);
  EXPECT_EQ(kind_of([&] { call(coll, "children", "link", {inner}); }), ErrorKind::Runtime);
  call(coll, "children", "unlink", {inner});
  EXPECT_EQ(kind_of([&] { call(coll, "children", "unlink", {inner}); }), ErrorKind::Runtime);
  EXPECT_TRUE(kernel::relations_verify(bmain));
}

TEST_F(RNADefs, collection_flags_resync_view_layers)
{
  PointerRNA coll = id(dna::IDType::Collection, "Collection");
  dna::Object *cube = static_cast<dna::Object *>(id(dna::IDType::Object, "Cube").data);
  EXPECT_TRUE(kernel::object_visible_in_view_layer(startup.scene, startup.view_layer, cube));
  set_bool(coll, prop(coll, "hide_viewport"), true);
  EXPECT_TRUE(startup.view_layer->bases_dirty);
  EXPECT_FALSE(kernel::object_visible_in_view_layer(startup.scene, startup.view_layer, cube));
  EXPECT_TRUE(static_cast<dna::Collection *>(coll.data)->flag & dna::COLLECTION_HIDE_VIEWPORT);

  const PropertyRNA &color = prop(coll, "color_tag");
  EXPECT_EQ(get_enum_identifiers(coll, color), Names{"NONE"});
  set_enum_identifier(coll, color, "COLOR_03");
  EXPECT_EQ(static_cast<dna::Collection *>(coll.data)->color_tag, 2);
}

/* ---- Meshes and materials ---- */

TEST_F(RNADefs, mesh_materials_functions)
{
  PointerRNA mesh = id(dna::IDType::Mesh, "Cube");
  PointerRNA cube = id(dna::IDType::Object, "Cube");
  PointerRNA material = pointer_from_id(&bmain, kernel::id_new(bmain, dna::IDType::Material, "Red"));
  EXPECT_EQ(collection_length(cube, prop(cube, "material_slots")), 1);

  call(mesh, "materials", "append", {material});
  EXPECT_EQ(names(mesh, "materials"), (Names{"Material", "Red"}));
  EXPECT_EQ(collection_length(cube, prop(cube, "material_slots")), 2);
  EXPECT_EQ(material.owner_id->users, 1);
  call(mesh, "materials", "append", {PointerRNA{}}); /* an empty slot */
  EXPECT_EQ(names(mesh, "materials"), (Names{"Material", "Red", "None"}));

  /* pop() defaults to the last slot and returns its material. */
  EXPECT_TRUE(std::get<PointerRNA>(call(mesh, "materials", "pop")).is_null());
  PointerRNA popped = std::get<PointerRNA>(call(mesh, "materials", "pop", {int64_t(0)}));
  EXPECT_EQ(std::string(popped.owner_id->name), "Material");
  EXPECT_EQ(names(mesh, "materials"), Names{"Red"});
  std::string message;
  EXPECT_EQ(kind_of([&] { call(mesh, "materials", "pop", {int64_t(5)}); }, &message),
            ErrorKind::Runtime);
  EXPECT_EQ(message, "Index out of range");
  call(mesh, "materials", "clear");
  EXPECT_EQ(names(mesh, "materials"), Names{});
  EXPECT_EQ(collection_length(cube, prop(cube, "material_slots")), 0);
  EXPECT_EQ(material.owner_id->users, 0);
  EXPECT_TRUE(kernel::relations_verify(bmain));
}

TEST_F(RNADefs, embedded_node_trees)
{
  PointerRNA material = id(dna::IDType::Material, "Material");
  PointerRNA tree = get_pointer(material, prop(material, "node_tree"));
  ASSERT_FALSE(tree.is_null());
  EXPECT_EQ(tree.type->identifier, "ShaderNodeTree"); /* refined by the tree's class */
  EXPECT_EQ(get_enum_identifiers(tree, prop(tree, "type")), Names{"SHADER"});
  EXPECT_EQ(get_string(tree, prop(tree, "bl_idname")), "ShaderNodeTree");
  EXPECT_EQ(kind_of([&] { set_enum_identifier(tree, prop(tree, "type"), "GEOMETRY"); }),
            ErrorKind::Attribute);
  EXPECT_EQ(kind_of([&] { set_pointer(material, prop(material, "node_tree"), PointerRNA{}); }),
            ErrorKind::Attribute);

  PointerRNA world = id(dna::IDType::World, "World");
  PointerRNA mist = get_pointer(world, prop(world, "mist_settings"));
  set_float(mist, prop(mist, "start"), 7.0);
  EXPECT_EQ(static_cast<dna::World *>(world.data)->mist_start, 7.0f);
  EXPECT_EQ(path_from_id(mist, &prop(mist, "start")), "mist_settings.start");
}

/* ---- BlendData.X.new with settings, collection item assignment ---- */

TEST_F(RNADefs, new_lights_images_and_node_trees)
{
  PointerRNA data = pointer_from_main(&bmain);
  auto enum_value = [&](const char *collection, const char *param, const char *identifier) {
    const FunctionRNA *func = prop(data, collection).functions_type->find_function("new");
    for (const EnumItem &item : func->find_parameter(param)->enum_items) {
      if (item.identifier == identifier) {
        return int64_t(item.value);
      }
    }
    ADD_FAILURE() << identifier;
    return int64_t(0);
  };
  PointerRNA sun = std::get<PointerRNA>(
      call(data, "lights", "new", {std::string("S"), enum_value("lights", "type", "SUN")}));
  EXPECT_EQ(sun.type->identifier, "SunLight");
  EXPECT_EQ(sun.owner_id->users, 0);

  /* Sizes below one are clamped by the parameter's range, as Blender does. */
  PointerRNA image = std::get<PointerRNA>(call(
      data, "images", "new", {std::string("I"), int64_t(-4), int64_t(32), true, true}));
  EXPECT_EQ(get_int(image, prop(image, "generated_width")), 1);
  EXPECT_EQ(get_int(image, prop(image, "size"), 1), 32);
  EXPECT_EQ(get_int(image, prop(image, "depth")), 128);
  EXPECT_TRUE(get_bool(image, prop(image, "use_generated_float")));
  EXPECT_EQ(get_enum_identifiers(image, prop(image, "generated_type")), Names{"BLANK"});
  EXPECT_EQ(std::string(static_cast<dna::Image *>(image.data)->colorspace), "Linear");
  /* VIEWER is offered to viewer images only. */
  EXPECT_EQ(kind_of([&] { set_enum_identifier(image, prop(image, "source"), "VIEWER"); }),
            ErrorKind::Type);

  PointerRNA tree = std::get<PointerRNA>(
      call(data, "node_groups", "new",
           {std::string("G"), enum_value("node_groups", "type", "GeometryNodeTree")}));
  EXPECT_EQ(tree.type->identifier, "GeometryNodeTree");
  EXPECT_EQ(get_string(tree, prop(tree, "bl_idname")), "GeometryNodeTree");
  EXPECT_EQ(get_string(tree, prop(tree, "bl_label")), "Geometry Node Editor");
  EXPECT_EQ(get_enum_identifiers(tree, prop(tree, "type")), Names{"GEOMETRY"});
  EXPECT_EQ(kind_of([&] { set_string(tree, prop(tree, "bl_idname"), "Foo"); }),
            ErrorKind::Attribute);
}

TEST_F(RNADefs, last_local_scene_cannot_be_removed)
{
  PointerRNA data = pointer_from_main(&bmain);
  EXPECT_EQ(kind_of([&] { call(data, "scenes", "remove", {scene()}); }), ErrorKind::Runtime);
  EXPECT_EQ(bmain.list(dna::IDType::Scene).size(), 1u);
  PointerRNA second = std::get<PointerRNA>(call(data, "scenes", "new", {std::string("B")}));
  call(data, "scenes", "remove", {second});
  EXPECT_EQ(bmain.list(dna::IDType::Scene).size(), 1u);
}

TEST_F(RNADefs, mesh_materials_item_assignment)
{
  PointerRNA mesh = id(dna::IDType::Mesh, "Cube");
  PointerRNA material = id(dna::IDType::Material, "Material");
  PointerRNA other = pointer_from_id(&bmain, kernel::id_new(bmain, dna::IDType::Material, "B"));
  const PropertyRNA &materials = prop(mesh, "materials");
  collection_assign(mesh, materials, 0, other);
  EXPECT_EQ(names(mesh, "materials"), Names{"B"});
  EXPECT_EQ(material.owner_id->users, 0);
  EXPECT_EQ(other.owner_id->users, 1);
  collection_assign(mesh, materials, 0, PointerRNA{});
  EXPECT_EQ(names(mesh, "materials"), Names{"None"});
  EXPECT_EQ(other.owner_id->users, 0);
  EXPECT_EQ(kind_of([&] { collection_assign(mesh, materials, 1, other); }), ErrorKind::Index);
  EXPECT_EQ(kind_of([&] { collection_assign(mesh, materials, 0, mesh); }), ErrorKind::Type);
  /* Object material slots take no assignment. */
  PointerRNA cube = id(dna::IDType::Object, "Cube");
  EXPECT_EQ(kind_of([&] { collection_assign(cube, prop(cube, "material_slots"), 0, {}); }),
            ErrorKind::Type);
  EXPECT_TRUE(kernel::relations_verify(bmain));
}

/* ---- Texts and actions ---- */

TEST_F(RNADefs, text_functions_and_cursor)
{
  PointerRNA text = pointer_from_id(&bmain, kernel::id_new(bmain, dna::IDType::Text, "T"));
  auto run = [&](const char *name, std::vector<Value> args = {}) {
    return call_function(&bmain, text, *text.type->find_function(name), std::move(args));
  };
  EXPECT_TRUE(get_bool(text, prop(text, "is_dirty")));
  EXPECT_TRUE(get_bool(text, prop(text, "is_in_memory")));
  run("write", {std::string("abc\ndef")});
  EXPECT_EQ(std::get<std::string>(run("as_string")), "abc\ndef");
  EXPECT_EQ(get_int(text, prop(text, "current_line_index")), 1);
  EXPECT_EQ(get_int(text, prop(text, "current_character")), 3);
  run("write", {std::string("XY")});
  EXPECT_EQ(std::get<std::string>(run("as_string")), "abc\ndefXY");

  run("from_string", {std::string("one\ntwo\nthree")});
  EXPECT_EQ(get_int(text, prop(text, "current_line_index")), 2);
  EXPECT_EQ(get_int(text, prop(text, "current_character")), 5);
  /* Out-of-range lines go to the last line; characters clamp to the line. */
  set_int(text, prop(text, "current_line_index"), 99);
  EXPECT_EQ(get_int(text, prop(text, "current_line_index")), 2);
  set_int(text, prop(text, "current_line_index"), -5);
  EXPECT_EQ(get_int(text, prop(text, "current_line_index")), 2);
  set_int(text, prop(text, "current_character"), 99);
  EXPECT_EQ(get_int(text, prop(text, "current_character")), 5);
  set_int(text, prop(text, "current_line_index"), 0);
  run("write", {std::string("\xc3\xa9")}); /* é */
  EXPECT_EQ(std::get<std::string>(run("as_string")), "\xc3\xa9one\ntwo\nthree");
  EXPECT_EQ(get_int(text, prop(text, "current_character")), 1);
  run("clear");
  EXPECT_EQ(std::get<std::string>(run("as_string")), "");
  EXPECT_EQ(get_int(text, prop(text, "current_line_index")), 0);
  EXPECT_EQ(kind_of([&] { run("write"); }), ErrorKind::Type);
}

TEST_F(RNADefs, action_frame_range)
{
  PointerRNA action = pointer_from_id(&bmain, kernel::id_new(bmain, dna::IDType::Action, "A"));
  const PropertyRNA &range = prop(action, "frame_range");
  EXPECT_EQ(get_float(action, range, 0), 0.0);
  EXPECT_EQ(get_float(action, range, 1), 1.0);
  EXPECT_EQ(get_enum_identifiers(action, prop(action, "id_root")), Names{});

  /* Values Blender 3.4 prints for the same steps. */
  set_bool(action, prop(action, "use_frame_range"), true);
  EXPECT_EQ(get_float(action, prop(action, "frame_end")), 1.0);
  set_float(action, prop(action, "frame_start"), 10.0);
  EXPECT_EQ(get_float(action, prop(action, "frame_end")), 10.0);
  EXPECT_EQ(get_float(action, range, 1), 11.0);
  set_float(action, prop(action, "frame_end"), 5.0);
  EXPECT_EQ(get_float(action, prop(action, "frame_start")), 5.0);

  PointerRNA other = pointer_from_id(&bmain, kernel::id_new(bmain, dna::IDType::Action, "B"));
  set_float(other, range, 3.0, 0);
  set_float(other, range, 7.0, 1);
  EXPECT_TRUE(get_bool(other, prop(other, "use_frame_range")));
  EXPECT_EQ(get_float(other, range, 0), 3.0);
  EXPECT_EQ(get_float(other, range, 1), 7.0);
  set_enum_identifier(other, prop(other, "id_root"), "OBJECT");
  EXPECT_EQ(get_enum_identifiers(other, prop(other, "id_root")), Names{"OBJECT"});
}

/* ---- Paths of nested structs ---- */

TEST_F(RNADefs, nested_paths_round_trip)
{
  PointerRNA sc = scene();
  PointerRNA camera = id(dna::IDType::Camera, "Camera");
  const std::pair<PointerRNA, const char *> cases[] = {
      {sc, "render.resolution_x"},
      {sc, "render.engine"},
      {sc, "unit_settings.scale_length"},
      {sc, "cursor.location"},
      {sc, "view_layers[\"ViewLayer\"].use"},
      {sc, "view_layers[\"ViewLayer\"].layer_collection.hide_viewport"},
      {sc, "view_layers[\"ViewLayer\"].layer_collection.children[\"Collection\"].holdout"},
      {camera, "dof.focus_distance"},
      {camera, "lens"},
  };
  for (const auto &[root, path] : cases) {
    ResolvedPath r = path_resolve(root, path);
    ASSERT_NE(r.prop, nullptr) << path;
    EXPECT_EQ(path_from_id(r.ptr, r.prop), std::string(path));
  }
  ResolvedPath r = path_resolve(sc, "render.resolution_x");
  EXPECT_EQ(path_from_id(r.ptr), "render");
  EXPECT_EQ(path_from_id(r.ptr, r.prop, 0), "render.resolution_x[0]");

  /* A change through a nested struct is heard with its full path. */
  std::vector<std::string> heard;
  bmain.add_property_listener(
      [&](dna::ID *, std::string_view path) { heard.push_back(std::string(path)); });
  set_int(r.ptr, *r.prop, 640);
  ASSERT_EQ(heard.size(), 1u);
  EXPECT_EQ(heard[0], "render.resolution_x");
  EXPECT_TRUE(sc.owner_id->recalc & dna::ID_RECALC_PARAMETERS);
}
