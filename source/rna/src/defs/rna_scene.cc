// Scene: frames, camera, world, gravity and audio; the nested render settings, unit
// settings and 3D cursor; and the view layers with their layer collections and objects.
//
// Nested structs (RenderSettings, ViewLayer, LayerCollection...) are pointers whose
// owner_id is the scene and whose data is the nested struct. Properties of the functions
// struct of a collection (`view_layer.objects.active`, LayerObjects) get the pointer of the
// struct holding the collection: there the data is the ViewLayer.

#include <algorithm>
#include <cmath>
#include <thread>

#include "defs.hh"
#include "whisk/kernel/collection.hh"
#include "whisk/kernel/scene.hh"

namespace whisk::rna {
using namespace define;
using namespace dna;
using defs::item;
using kernel::Main;

namespace {

constexpr uint32_t PARAMS = ID_RECALC_PARAMETERS;

Scene &scene_of(const PointerRNA &p) { return *reinterpret_cast<Scene *>(p.owner_id); }

std::string view_layer_path(const ViewLayer &layer)
{
  return "view_layers" + defs::path_key(layer.name);
}

/* ---- Unit settings ---- */

/* The DNA stores one small number per unit kind: 0 is ADAPTIVE, 1 the base unit of the
 * metric system (what new scenes use), 2.. the other metric units. Items are listed in
 * Blender's order (largest unit first). */
const std::vector<EnumItem> &length_units()
{
  static const std::vector<EnumItem> items = {
      item("ADAPTIVE", "Adaptive", 0, "Pick the unit that fits each value"),
      item("KILOMETERS", "Kilometers", 2), item("METERS", "Meters", 1),
      item("CENTIMETERS", "Centimeters", 3), item("MILLIMETERS", "Millimeters", 4),
      item("MICROMETERS", "Micrometers", 5)};
  return items;
}

const std::vector<EnumItem> &mass_units()
{
  static const std::vector<EnumItem> items = {
      item("ADAPTIVE", "Adaptive", 0, "Pick the unit that fits each value"),
      item("TONNES", "Tonnes", 2), item("KILOGRAMS", "Kilograms", 1),
      item("GRAMS", "Grams", 3), item("MILLIGRAMS", "Milligrams", 4)};
  return items;
}

const std::vector<EnumItem> &time_units()
{
  static const std::vector<EnumItem> items = {
      item("ADAPTIVE", "Adaptive", 0, "Pick the unit that fits each value"),
      item("DAYS", "Days", 2), item("HOURS", "Hours", 3), item("MINUTES", "Minutes", 4),
      item("SECONDS", "Seconds", 1), item("MILLISECONDS", "Milliseconds", 5),
      item("MICROSECONDS", "Microseconds", 6)};
  return items;
}

const std::vector<EnumItem> &temperature_units()
{
  static const std::vector<EnumItem> items = {
      item("ADAPTIVE", "Adaptive", 0, "Pick the unit that fits each value"),
      item("KELVIN", "Kelvin", 1), item("CELSIUS", "Celsius", 2)};
  return items;
}

void define_unit_settings(BlenderRNA &rna)
{
  using D = StructDef<UnitSettings>;
  D def = struct_<UnitSettings>(rna, "UnitSettings");
  def.ui("Unit Settings", "How the scene shows lengths, masses, times, temperatures and angles");
  def.srna()->path = [](const PointerRNA &) -> std::optional<std::string> {
    return "unit_settings";
  };

  def.enumeration("system", &UnitSettings::system,
                  {item("NONE", "None", int(UnitSystem::None), "Plain numbers, no units"),
                   item("METRIC", "Metric", int(UnitSystem::Metric), "Meters, kilograms"),
                   item("IMPERIAL", "Imperial", int(UnitSystem::Imperial), "Feet, pounds")})
      .ui("Unit System", "Measurement system values are shown in")
      .not_animatable()
      .recalc(PARAMS);
  def.enumeration("system_rotation", &UnitSettings::system_rotation,
                  {item("DEGREES", "Degrees", int(UnitRotation::Degrees)),
                   item("RADIANS", "Radians", int(UnitRotation::Radians))})
      .ui("Rotation Units", "Unit angles are shown in")
      .not_animatable()
      .recalc(PARAMS);
  def.floats("scale_length", &UnitSettings::scale_length)
      .ui("Unit Scale", "Scene units per displayed unit, for showing values at another scale")
      .subtype(PropertySubtype::Unsigned)
      .range(0, 1e9)
      .soft_range(0.001, 100)
      .ui_step(0.1, 6)
      .not_animatable()
      .recalc(PARAMS);
  def.boolean("use_separate", &UnitSettings::use_separate)
      .ui("Separate Units", "Show values split over several units (1 m 20 cm)")
      .not_animatable()
      .recalc(PARAMS);

  struct UnitKind {
    const char *identifier, *name, *description;
    uint8_t UnitSettings::*member;
    const std::vector<EnumItem> &(*items)();
  };
  static const UnitKind kinds[] = {
      {"length_unit", "Length Unit", "Unit lengths are shown in", &UnitSettings::length_unit,
       length_units},
      {"mass_unit", "Mass Unit", "Unit masses are shown in", &UnitSettings::mass_unit,
       mass_units},
      {"time_unit", "Time Unit", "Unit times are shown in", &UnitSettings::time_unit,
       time_units},
      {"temperature_unit", "Temperature Unit", "Unit temperatures are shown in",
       &UnitSettings::temperature_unit, temperature_units},
  };
  for (const UnitKind &kind : kinds) {
    /* As in Blender, the items are computed (they depend on the unit system there); the
     * static list stays empty. */
    PropertyRNA *prop = def.enumeration(kind.identifier, kind.member, {})
                            .ui(kind.name, kind.description)
                            .not_animatable()
                            .recalc(PARAMS)
                            .get();
    auto items = kind.items;
    prop->enum_items_fn = [items](const PointerRNA &) { return items(); };
  }
}

/* ---- Render settings ---- */

const std::vector<EnumItem> &render_engines()
{
  static const std::vector<EnumItem> items = {
      item("BLENDER_EEVEE", "Eevee", 0, "Real-time rasterizing engine"),
      item("BLENDER_WORKBENCH", "Workbench", 1, "Engine for modeling and layout previews"),
      item("CYCLES", "Cycles", 2, "Path tracing engine")};
  return items;
}

void define_render_settings(BlenderRNA &rna)
{
  using R = RenderSettings;
  using D = StructDef<R>;
  D def = struct_<R>(rna, "RenderSettings");
  def.ui("Render Settings", "Image size, frame rate, output and engine of a scene's renders");
  def.srna()->path = [](const PointerRNA &) -> std::optional<std::string> { return "render"; };

  def.integer("resolution_x", &R::resolution_x)
      .ui("Resolution X", "Width of the rendered image, in pixels")
      .subtype(PropertySubtype::Pixel)
      .range(4, 65536)
      .default_value(1920)
      .not_animatable()
      .recalc(PARAMS);
  def.integer("resolution_y", &R::resolution_y)
      .ui("Resolution Y", "Height of the rendered image, in pixels")
      .subtype(PropertySubtype::Pixel)
      .range(4, 65536)
      .default_value(1080)
      .not_animatable()
      .recalc(PARAMS);
  def.integer("resolution_percentage", &R::resolution_percentage)
      .ui("Resolution %", "Scale applied to the resolution when rendering")
      .subtype(PropertySubtype::Percentage)
      .range(1, 32767)
      .soft_range(1, 100)
      .ui_step(10, 0)
      .default_value(100)
      .not_animatable()
      .recalc(PARAMS);
  def.floats("pixel_aspect_x", &R::pixel_aspect_x)
      .ui("Pixel Aspect X", "Horizontal shape of a pixel, for non-square pixel output")
      .range(1, 200)
      .ui_step(10, 3)
      .default_value(1)
      .not_animatable()
      .recalc(PARAMS);
  def.floats("pixel_aspect_y", &R::pixel_aspect_y)
      .ui("Pixel Aspect Y", "Vertical shape of a pixel, for non-square pixel output")
      .range(1, 200)
      .ui_step(10, 3)
      .default_value(1)
      .not_animatable()
      .recalc(PARAMS);
  def.integer("fps", &R::fps)
      .ui("FPS", "Frames per second, before dividing by the FPS base")
      .range(1, 32767)
      .soft_range(1, 240)
      .default_value(24)
      .not_animatable()
      .recalc(PARAMS);
  def.floats("fps_base", &R::fps_base)
      .ui("FPS Base", "Divisor of the FPS, for fractional frame rates such as 29.97")
      .range(1e-5, 1e6)
      .soft_range(0.1, 120)
      .ui_step(2, 3)
      .default_value(1)
      .not_animatable()
      .recalc(PARAMS);
  def.integer("frame_map_old", &R::frame_map_old)
      .ui("Frame Map Old", "Number of frames that the time remapping stretches from")
      .range(1, 900)
      .default_value(100)
      .not_animatable()
      .recalc(PARAMS | ID_RECALC_ANIMATION);
  def.integer("frame_map_new", &R::frame_map_new)
      .ui("Frame Map New", "Number of frames that the time remapping stretches to")
      .range(1, 900)
      .default_value(100)
      .not_animatable()
      .recalc(PARAMS | ID_RECALC_ANIMATION);

  def.boolean("film_transparent", &R::film_transparent)
      .ui("Transparent", "Render the world background as transparent")
      .recalc(PARAMS);
  def.integer("threads", &R::threads)
      .ui("Threads", "Number of render threads; the machine's thread count when auto-detected")
      .range(1, 1024)
      .default_value(1)
      .recalc(PARAMS)
      .get()
      ->get_int = [](const PointerRNA &p, int) -> int64_t {
    const R &render = D::data(p);
    if (render.threads_mode == 0) {
      return std::clamp<int64_t>(std::thread::hardware_concurrency(), 1, 1024);
    }
    return render.threads;
  };
  def.enumeration("threads_mode", &R::threads_mode,
                  {item("AUTO", "Auto-Detect", 0, "Use as many threads as the machine has"),
                   item("FIXED", "Fixed", 1, "Use the number of threads set in threads")})
      .ui("Threads Mode", "How the number of render threads is chosen")
      .recalc(PARAMS);

  def.boolean("use_border", &R::use_border)
      .ui("Render Region", "Render only a rectangle of the camera view")
      .not_animatable()
      .recalc(PARAMS);
  struct Border {
    const char *identifier, *name;
    float R::*member;
    double default_value;
  };
  static const Border borders[] = {
      {"border_min_x", "Region Minimum X", &R::border_min_x, 0},
      {"border_min_y", "Region Minimum Y", &R::border_min_y, 0},
      {"border_max_x", "Region Maximum X", &R::border_max_x, 1},
      {"border_max_y", "Region Maximum Y", &R::border_max_y, 1},
  };
  for (const Border &border : borders) {
    def.floats(border.identifier, border.member)
        .ui(border.name, "Edge of the render region, as a fraction of the frame")
        .range(0, 1)
        .ui_step(10, 3)
        .default_value(border.default_value)
        .not_animatable()
        .recalc(PARAMS);
  }
  def.boolean("use_crop_to_border", &R::use_crop_to_border)
      .ui("Crop to Render Region", "Output only the render region, not the full frame")
      .not_animatable()
      .recalc(PARAMS);
  def.boolean("use_placeholder", &R::use_placeholder)
      .ui("Placeholders", "Write an empty file for a frame before rendering it")
      .not_animatable()
      .recalc(PARAMS);
  def.boolean("use_overwrite", &R::use_overwrite)
      .ui("Overwrite", "Replace output files that exist already")
      .recalc(PARAMS);
  def.boolean("use_file_extension", &R::use_file_extension)
      .ui("File Extensions", "Add the format's extension to output file names")
      .default_value(1)
      .not_animatable()
      .recalc(PARAMS);
  def.string("filepath", &R::filepath)
      .ui("Output Path", "Directory and name prefix of rendered frames and movies")
      .subtype(PropertySubtype::FilePath)
      .recalc(PARAMS);

  /* Stored as the engine's name, so engines registered later keep working. */
  PropertyRNA *engine = def.add("engine", PropertyType::Enum)
                            .ui("Engine", "Render engine the scene renders with")
                            .items({render_engines().front()})
                            .not_animatable()
                            .recalc(PARAMS)
                            .get();
  engine->enum_items_fn = [](const PointerRNA &) { return render_engines(); };
  engine->get_enum = [](const PointerRNA &p) {
    for (const EnumItem &engine_item : render_engines()) {
      if (engine_item.identifier == D::data(p).engine) {
        return engine_item.value;
      }
    }
    return 0;
  };
  engine->set_enum = [](const PointerRNA &p, int value) {
    for (const EnumItem &engine_item : render_engines()) {
      if (engine_item.value == value) {
        char *dst = D::data(p).engine;
        const size_t n = std::min(engine_item.identifier.size(), sizeof(R::engine) - 1);
        std::memcpy(dst, engine_item.identifier.data(), n);
        dst[n] = '\0';
      }
    }
  };

  def.boolean("use_persistent_data", &R::use_persistent_data)
      .ui("Persistent Data", "Keep render data between renders, to re-render faster")
      .recalc(PARAMS);
}

/* ---- 3D cursor ---- */

float3x3 cursor_rotation(const View3DCursor &cursor)
{
  switch (cursor.rotation_mode) {
    case RotationMode::Quaternion:
      return quaternion_to_matrix(normalize(cursor.rotation_quaternion));
    case RotationMode::AxisAngle:
      return axis_angle_to_matrix(cursor.rotation_axis, cursor.rotation_angle);
    default: return euler_to_matrix(cursor.rotation_euler, cursor.rotation_mode);
  }
}

/** Stores a normalized rotation matrix in the values the cursor's rotation mode uses. */
void cursor_set_rotation(View3DCursor &cursor, const float3x3 &rotation)
{
  switch (cursor.rotation_mode) {
    case RotationMode::Quaternion:
      cursor.rotation_quaternion = matrix_to_quaternion(rotation);
      break;
    case RotationMode::AxisAngle:
      quaternion_to_axis_angle(matrix_to_quaternion(rotation), cursor.rotation_axis,
                               cursor.rotation_angle);
      break;
    default: cursor.rotation_euler = matrix_to_euler(rotation, cursor.rotation_mode); break;
  }
}

float4x4 cursor_matrix(const View3DCursor &cursor)
{
  return float4x4::from_loc_rot_scale(cursor.location, cursor_rotation(cursor), {1, 1, 1});
}

void define_cursor(BlenderRNA &rna)
{
  using D = StructDef<View3DCursor>;
  D def = struct_<View3DCursor>(rna, "View3DCursor");
  def.ui("3D Cursor", "A point and orientation in the scene that tools place things at");
  def.srna()->path = [](const PointerRNA &) -> std::optional<std::string> { return "cursor"; };

  def.floats("location", &View3DCursor::location)
      .ui("Location", "Position of the cursor")
      .subtype(PropertySubtype::XYZLength)
      .unit(PropertyUnit::Length)
      .ui_step(10, 4)
      .not_animatable()
      .recalc(PARAMS);
  def.floats("rotation_quaternion", &View3DCursor::rotation_quaternion)
      .ui("Quaternion Rotation", "Orientation as a quaternion (W, X, Y, Z)")
      .subtype(PropertySubtype::Quaternion)
      .ui_step(10, 3)
      .default_array({1, 0, 0, 0})
      .not_animatable()
      .recalc(PARAMS);
  PropertyRNA *axis_angle = def.add("rotation_axis_angle", PropertyType::Float)
                                .ui("Axis-Angle Rotation",
                                    "Orientation as an angle around an axis (W, X, Y, Z)")
                                .subtype(PropertySubtype::AxisAngle)
                                .ui_step(10, 3)
                                .default_array({0, 0, 1, 0})
                                .not_animatable()
                                .recalc(PARAMS)
                                .get();
  axis_angle->array_dimensions[0] = 4;
  axis_angle->get_float = [](const PointerRNA &p, int i) {
    const View3DCursor &cursor = D::data(p);
    return double(i == 0 ? cursor.rotation_angle : cursor.rotation_axis[i - 1]);
  };
  axis_angle->set_float = [](const PointerRNA &p, int i, double v) {
    View3DCursor &cursor = D::data(p);
    (i == 0 ? cursor.rotation_angle : cursor.rotation_axis[i - 1]) = float(v);
  };
  def.floats("rotation_euler", &View3DCursor::rotation_euler)
      .ui("Euler Rotation", "Orientation as Euler angles")
      .subtype(PropertySubtype::Euler)
      .unit(PropertyUnit::Rotation)
      .ui_step(10, 3)
      .not_animatable()
      .recalc(PARAMS);

  PropertyRNA *mode =
      def.enumeration("rotation_mode", &View3DCursor::rotation_mode,
                      {item("QUATERNION", "Quaternion (WXYZ)", 0, "No gimbal lock"),
                       item("XYZ", "XYZ Euler", 1), item("XZY", "XZY Euler", 2),
                       item("YXZ", "YXZ Euler", 3), item("YZX", "YZX Euler", 4),
                       item("ZXY", "ZXY Euler", 5), item("ZYX", "ZYX Euler", 6),
                       item("AXIS_ANGLE", "Axis Angle", -1, "Angle around an axis")})
          .ui("Rotation Mode", "Which rotation values the cursor uses")
          .default_value(1)
          .not_animatable()
          .recalc(PARAMS)
          .get();
  /* A new mode keeps the orientation: the values of the new mode are converted. */
  mode->set_enum = [](const PointerRNA &p, int value) {
    View3DCursor &cursor = D::data(p);
    const float3x3 rotation = cursor_rotation(cursor);
    cursor.rotation_mode = RotationMode(value);
    cursor_set_rotation(cursor, rotation);
  };

  PropertyRNA *matrix = def.add("matrix", PropertyType::Float)
                            .ui("Transform Matrix", "Location and orientation as a matrix")
                            .subtype(PropertySubtype::Matrix)
                            .ui_step(10, 3)
                            .not_animatable()
                            .recalc(PARAMS)
                            .get();
  matrix_accessors(
      matrix, [](const PointerRNA &p) { return cursor_matrix(D::data(p)); },
      [](const PointerRNA &p, const float4x4 &m) {
        View3DCursor &cursor = D::data(p);
        float3 location, scale;
        float3x3 rotation;
        decompose(m, location, rotation, scale);
        cursor.location = location;
        cursor_set_rotation(cursor, rotation);
      });
}

/* ---- Layer collections ---- */

bool layer_collection_path(const LayerCollection &lc, const void *target, std::string &path)
{
  if (&lc == target) {
    return true;
  }
  for (const auto &child : lc.children) {
    const size_t mark = path.size();
    path += ".children" + defs::path_key(child->collection->id.name);
    if (layer_collection_path(*child, target, path)) {
      return true;
    }
    path.resize(mark);
  }
  return false;
}

/** Whether the layer collection `target` below `lc` is visible: neither it nor a parent is
 * excluded or hidden in the layer, and no collection on the way hides in viewports. */
std::optional<bool> layer_collection_visible(const LayerCollection &lc, const void *target,
                                             bool parent_visible)
{
  const bool visible = parent_visible &&
                       !(lc.flag & (LAYER_COLLECTION_EXCLUDE | LAYER_COLLECTION_HIDE)) &&
                       !(lc.collection->flag & COLLECTION_HIDE_VIEWPORT);
  if (&lc == target) {
    return visible;
  }
  for (const auto &child : lc.children) {
    if (std::optional<bool> found = layer_collection_visible(*child, target, visible)) {
      return found;
    }
  }
  return std::nullopt;
}

bool layer_collection_in_tree(const LayerCollection &lc, const void *target)
{
  std::string unused;
  return layer_collection_path(lc, target, unused);
}

void define_layer_collection(BlenderRNA &rna)
{
  using D = StructDef<LayerCollection>;
  D def = struct_<LayerCollection>(rna, "LayerCollection");
  const StructRNA *srna = def.srna();
  def.srna()->path_internal = true;
  def.ui("Layer Collection", "A collection as one view layer sees it, with per-layer flags");
  /* The layer collections are rebuilt when the hierarchy changes; the path names each
   * step by collection, so it resolves again after a rebuild. */
  def.srna()->path = [](const PointerRNA &p) -> std::optional<std::string> {
    for (const auto &layer : scene_of(p).view_layers) {
      if (!layer->layer_collection) {
        continue;
      }
      std::string path = view_layer_path(*layer) + ".layer_collection";
      if (layer_collection_path(*layer->layer_collection, p.data, path)) {
        return path;
      }
    }
    return std::nullopt;
  };

  def.pointer("collection", "Collection",
              [](const PointerRNA &p) {
                return pointer_from_id(p.main, &D::data(p).collection->id);
              })
      .ui("Collection", "The collection this layer collection mirrors")
      .flag(PROP_NEVER_NULL);
  PropertyRNA *name = def.add("name", PropertyType::String)
                          .ui("Name", "Name of the collection")
                          .max_length(MAX_ID_NAME)
                          .read_only()
                          .get();
  name->get_string = [](const PointerRNA &p) {
    return std::string(D::data(p).collection->id.name);
  };
  def.srna()->name_property = name;

  def.collection(
         "children", "LayerCollection",
         [](const PointerRNA &p) { return int64_t(D::data(p).children.size()); },
         [srna](const PointerRNA &p, int64_t i) {
           return pointer_from_data(p, srna, D::data(p).children.at(size_t(i)).get());
         },
         [srna](const PointerRNA &p, std::string_view key) -> std::optional<PointerRNA> {
           for (const auto &child : D::data(p).children) {
             if (key == child->collection->id.name) {
               return pointer_from_data(p, srna, child.get());
             }
           }
           return std::nullopt;
         })
      .ui("Children", "Layer collections of the nested collections");

  /* These flags change the layer's bases: they resync on next use. */
  auto resync = [](Main &main, const PointerRNA &) { kernel::collections_hierarchy_changed(main); };
  def.bit("exclude", &LayerCollection::flag, LAYER_COLLECTION_EXCLUDE)
      .ui("Exclude from View Layer", "Leave the collection and its objects out of the layer")
      .not_animatable()
      .recalc(ID_RECALC_BASE_FLAGS | ID_RECALC_HIERARCHY)
      .update(resync);
  def.bit("holdout", &LayerCollection::flag, LAYER_COLLECTION_HOLDOUT)
      .ui("Holdout", "Render the collection's objects as transparent holes")
      .not_animatable()
      .recalc(ID_RECALC_BASE_FLAGS)
      .update(resync);
  def.bit("indirect_only", &LayerCollection::flag, LAYER_COLLECTION_INDIRECT_ONLY)
      .ui("Indirect Only", "Show the objects only through their effect on other objects")
      .not_animatable()
      .recalc(ID_RECALC_BASE_FLAGS)
      .update(resync);
  def.bit("hide_viewport", &LayerCollection::flag, LAYER_COLLECTION_HIDE)
      .ui("Hide in Viewport", "Hide the collection's objects in this layer's viewports")
      .not_animatable()
      .recalc(ID_RECALC_BASE_FLAGS)
      .update(resync);

  def.add("is_visible", PropertyType::Boolean)
      .ui("Visible", "Whether the collection shows in this layer's viewports")
      .read_only()
      .not_animatable()
      .get()
      ->get_bool = [](const PointerRNA &p, int) {
    for (const auto &layer : scene_of(p).view_layers) {
      if (layer->layer_collection) {
        if (std::optional<bool> visible = layer_collection_visible(*layer->layer_collection,
                                                                   p.data, true))
        {
          return *visible;
        }
      }
    }
    return false;
  };
}

/* ---- View layers ---- */

ViewLayer &synced_layer(const PointerRNA &p)
{
  ViewLayer &layer = *static_cast<ViewLayer *>(p.data);
  kernel::view_layer_ensure_synced(&scene_of(p), &layer);
  return layer;
}

std::vector<Object *> selected_objects(const PointerRNA &p)
{
  std::vector<Object *> result;
  for (const auto &base : synced_layer(p).bases) {
    if (base->object && (base->flag & BASE_SELECTED)) {
      result.push_back(base->object);
    }
  }
  return result;
}

void define_layer_objects(BlenderRNA &rna)
{
  using D = StructDef<ViewLayer>;
  D def = struct_<ViewLayer>(rna, "LayerObjects");
  def.ui("Layer Objects", "The objects of a view layer, with its active and selected ones");
  def.srna()->path = [](const PointerRNA &p) -> std::optional<std::string> {
    return view_layer_path(D::data(p)) + ".objects";
  };

  def.pointer(
         "active", "Object",
         [](const PointerRNA &p) {
           return pointer_from_id(p.main, kernel::as_id(synced_layer(p).active_object));
         },
         [](const PointerRNA &p, const PointerRNA &value) {
           ViewLayer &layer = D::data(p);
           Object *object = static_cast<Object *>(value.data);
           if (object && !kernel::view_layer_base_find(&scene_of(p), &layer, object)) {
             raise(ErrorKind::Runtime, "ViewLayer '", layer.name, "' does not contain object '",
                   object->id.name, "'");
           }
           layer.active_object = object;
         })
      .ui("Active Object", "The object tools and properties act on")
      .recalc(ID_RECALC_SELECT);

  PropertyRNA *selected = def.add("selected", PropertyType::Collection)
                              .ui("Selected Objects", "Selected objects of the layer, in "
                                                      "layer order")
                              .read_only()
                              .get();
  selected->item_type = rna.find("Object");
  defs::id_vector_collection_accessors(selected, [](const PointerRNA &p) {
    std::vector<ID *> result;
    for (Object *object : selected_objects(p)) {
      result.push_back(&object->id);
    }
    return result;
  });
}

void define_object_base(BlenderRNA &rna)
{
  using D = StructDef<Base>;
  D def = struct_<Base>(rna, "ObjectBase");
  def.ui("Object Base", "An object's presence in a view layer: selection and local hiding");
  def.pointer("object", "Object",
              [](const PointerRNA &p) {
                return pointer_from_id(p.main, kernel::as_id(D::data(p).object));
              })
      .ui("Object", "The object this base stands for");
  def.bit("select", &Base::flag, BASE_SELECTED)
      .ui("Select", "Whether the object is selected in the layer")
      .not_animatable()
      .recalc(ID_RECALC_SELECT);
  def.bit("hide_viewport", &Base::flag, BASE_HIDDEN)
      .ui("Hide in Viewport", "Whether the object is hidden in the layer only")
      .not_animatable()
      .recalc(ID_RECALC_BASE_FLAGS);
}

void define_view_layer(BlenderRNA &rna)
{
  using D = StructDef<ViewLayer>;
  D def = struct_<ViewLayer>(rna, "ViewLayer");
  def.ui("View Layer", "Collections, objects and passes that the scene renders in one layer");
  def.srna()->path = [](const PointerRNA &p) -> std::optional<std::string> {
    return view_layer_path(D::data(p));
  };
  const StructRNA *layer_collection_srna = rna.find("LayerCollection");

  PropertyRNA *name = def.string("name", &ViewLayer::name)
                          .ui("Name", "Name of the view layer, unique within its scene")
                          .recalc(PARAMS)
                          .get();
  name->set_string = [](const PointerRNA &p, std::string_view value) {
    kernel::view_layer_rename(&scene_of(p), &D::data(p), value);
  };
  def.srna()->name_property = name;

  def.integer("samples", &ViewLayer::samples)
      .ui("Samples", "Render samples of this layer; 0 uses the scene's setting")
      .subtype(PropertySubtype::Unsigned)
      .range(0, INT_HUGE)
      .soft_range(0, 10000)
      .recalc(PARAMS);

  struct Flag {
    const char *identifier, *name, *description;
    bool ViewLayer::*member;
  };
  static const Flag flags[] = {
      {"use_solid", "Solid", "Render solid faces in this layer", &ViewLayer::use_solid},
      {"use_sky", "Sky", "Render the world background in this layer", &ViewLayer::use_sky},
      {"use_motion_blur", "Motion Blur", "Render motion blur in this layer",
       &ViewLayer::use_motion_blur},
      {"use_pass_combined", "Combined", "Output the combined render pass",
       &ViewLayer::use_pass_combined},
      {"use_pass_z", "Z", "Output the depth pass", &ViewLayer::use_pass_z},
      {"use_pass_normal", "Normal", "Output the normal pass", &ViewLayer::use_pass_normal},
      {"use_pass_mist", "Mist", "Output the mist pass", &ViewLayer::use_pass_mist},
  };
  for (const Flag &flag : flags) {
    def.boolean(flag.identifier, flag.member).ui(flag.name, flag.description).recalc(PARAMS);
  }

  def.pointer("layer_collection", "LayerCollection",
              [layer_collection_srna](const PointerRNA &p) {
                return pointer_from_data(p, layer_collection_srna,
                                         synced_layer(p).layer_collection.get());
              })
      .ui("Layer Collection", "Root of the layer's collection tree (the scene collection)")
      .flag(PROP_NEVER_NULL);
  def.pointer(
         "active_layer_collection", "LayerCollection",
         [layer_collection_srna](const PointerRNA &p) {
           return pointer_from_data(p, layer_collection_srna,
                                    synced_layer(p).active_layer_collection);
         },
         [](const PointerRNA &p, const PointerRNA &value) {
           /* Like Blender, a layer collection of another layer is ignored. The tree is not
            * resynced here: that would free the collection the value points at. */
           ViewLayer &layer = D::data(p);
           if (layer.layer_collection &&
               layer_collection_in_tree(*layer.layer_collection, value.data))
           {
             layer.active_layer_collection = static_cast<LayerCollection *>(value.data);
           }
         })
      .ui("Active Layer Collection", "Layer collection that new objects are added to")
      .flag(PROP_NEVER_NULL)
      .recalc(PARAMS);

  def.collection(
         "objects", "Object",
         [](const PointerRNA &p) { return int64_t(synced_layer(p).bases.size()); },
         [](const PointerRNA &p, int64_t i) {
           return pointer_from_id(p.main, kernel::as_id(synced_layer(p).bases.at(size_t(i))->object));
         },
         [](const PointerRNA &p, std::string_view key) -> std::optional<PointerRNA> {
           ViewLayer &layer = synced_layer(p);
           if (p.main) {
             ID *id = p.main->find(IDType::Object, key);
             if (id && layer.base_map.count(reinterpret_cast<Object *>(id))) {
               return pointer_from_id(p.main, id);
             }
           }
           for (const auto &base : layer.bases) {
             if (base->object && key == base->object->id.name) {
               return pointer_from_id(p.main, &base->object->id);
             }
           }
           return std::nullopt;
         })
      .functions(rna.find("LayerObjects"))
      .ui("Objects", "Objects of the layer, in the layer's base order");

  def.boolean("use", &ViewLayer::use)
      .ui("Enabled", "Render this view layer")
      .recalc(PARAMS);
  def.boolean("use_freestyle", &ViewLayer::use_freestyle)
      .ui("Freestyle", "Render Freestyle lines in this layer")
      .recalc(PARAMS);
}

void define_view_layers_functions(BlenderRNA &rna)
{
  StructDef<Scene> funcs = struct_<Scene>(rna, "ViewLayers");
  funcs.ui("View Layers", "The view layers of a scene");
  const StructRNA *layer_srna = rna.find("ViewLayer");

  FunctionRNA &add = funcs.function(
      "new", "Add a view layer to the scene", [layer_srna](FunctionCall &call) {
        Scene &scene = *static_cast<Scene *>(call.self.data);
        ViewLayer *layer = kernel::scene_view_layer_add(
            defs::main_of(call.self), &scene, std::get<std::string>(call.args[0]));
        kernel::id_tag_update(&scene.id, ID_RECALC_HIERARCHY);
        call.result = pointer_from_data(call.self, layer_srna, layer);
      });
  parameter(add, "name", PropertyType::String, nullptr, PARM_REQUIRED)
      .default_string("ViewLayer")
      .ui("Name", "Name of the new layer, made unique within the scene");
  parameter(add, "result", PropertyType::Pointer, layer_srna, PARM_OUTPUT)
      .ui("View Layer", "The new view layer");

  FunctionRNA &remove = funcs.function(
      "remove", "Remove a view layer from the scene", [](FunctionCall &call) {
        Scene &scene = *static_cast<Scene *>(call.self.data);
        const PointerRNA *value = std::get_if<PointerRNA>(&call.args[0]);
        if (!value || value->is_null() || !value->type ||
            value->type->identifier != "ViewLayer")
        {
          raise(ErrorKind::Type,
                "ViewLayers.remove(): error with argument 1, \"layer\" - expected a ViewLayer "
                "type, not ",
                value && value->type ? value->type->identifier.c_str() : "NoneType");
        }
        kernel::scene_view_layer_remove(defs::main_of(call.self), &scene,
                                        static_cast<ViewLayer *>(value->data));
        kernel::id_tag_update(&scene.id, ID_RECALC_HIERARCHY);
      });
  parameter(remove, "layer", PropertyType::Pointer, layer_srna, PARM_REQUIRED)
      .ui("Layer", "View layer to remove")
      .flag(PROP_NEVER_NULL);
}

/* ---- Scene ---- */

/** Blender's preview range setters: the first edit of an unused range starts it from the
 * scene range, and start never passes end. */
void set_preview_start(Scene &scene, int32_t value)
{
  if (!scene.use_preview_range) {
    scene.frame_preview_end = scene.frame_end;
  }
  scene.frame_preview_start = std::clamp(value, kernel::MINAFRAME, kernel::MAXFRAME);
  scene.frame_preview_end = std::max(scene.frame_preview_end, scene.frame_preview_start);
}

void set_preview_end(Scene &scene, int32_t value)
{
  if (!scene.use_preview_range) {
    scene.frame_preview_start = scene.frame_start;
  }
  scene.frame_preview_end = std::clamp(value, 0, kernel::MAXFRAME);
  scene.frame_preview_start = std::min(scene.frame_preview_start, scene.frame_preview_end);
}

void define_scene_frames(StructDef<Scene> &def)
{
  using D = StructDef<Scene>;
  const uint32_t frame_change = ID_RECALC_ANIMATION;
  auto frame = [&](const char *identifier, int32_t Scene::*member, const char *name,
                   const char *description) {
    return def.integer(identifier, member)
        .ui(name, description)
        .subtype(PropertySubtype::Time)
        .unit(PropertyUnit::Time)
        .not_animatable();
  };

  frame("frame_current", &Scene::frame_current, "Current Frame", "Frame the scene shows")
      .range(kernel::MINAFRAME, kernel::MAXFRAME)
      .flag(PROP_NO_CLAMP) /* the kernel decides; Blender goes beyond MAXFRAME too */
      .default_value(1)
      .recalc(frame_change)
      .get()
      ->set_int = [](const PointerRNA &p, int, int64_t v) {
    kernel::scene_set_frame_current(
        &D::data(p), int32_t(std::clamp<int64_t>(v, INT32_MIN, INT32_MAX)));
  };
  def.floats("frame_subframe", &Scene::frame_subframe)
      .ui("Current Subframe", "Fraction of a frame added to the current frame")
      .subtype(PropertySubtype::Time)
      .unit(PropertyUnit::Time)
      .range(0, 1)
      .ui_step(0.01, 2)
      .not_animatable()
      .recalc(frame_change);
  PropertyRNA *frame_float = def.add("frame_float", PropertyType::Float)
                                 .ui("Current Subframe", "Current frame with its fraction")
                                 .subtype(PropertySubtype::Time)
                                 .unit(PropertyUnit::Time)
                                 .range(kernel::MINAFRAME, kernel::MAXFRAME)
                                 .flag(PROP_NO_CLAMP)
                                 .ui_step(0.1, 2)
                                 .not_animatable()
                                 .recalc(frame_change)
                                 .get();
  frame_float->get_float = [](const PointerRNA &p, int) {
    return double(D::data(p).frame_current) + double(D::data(p).frame_subframe);
  };
  frame_float->set_float = [](const PointerRNA &p, int, double v) {
    Scene &scene = D::data(p);
    /* Single precision, as stored; negative frames become frame 0 exactly. */
    const double value = std::isnan(v) ? 0.0 : std::max(double(float(v)), 0.0);
    const double whole = std::min(std::floor(value), double(INT32_MAX));
    kernel::scene_set_frame_current(&scene, int32_t(whole));
    scene.frame_subframe = float(value - whole);
  };
  def.add("frame_current_final", PropertyType::Float)
      .ui("Current Frame Final", "Current frame with its fraction, after time remapping")
      .subtype(PropertySubtype::Time)
      .unit(PropertyUnit::Time)
      .range(kernel::MINAFRAME, kernel::MAXFRAME)
      .read_only()
      .not_animatable()
      .get()
      ->get_float = [](const PointerRNA &p, int) {
    const Scene &scene = D::data(p);
    const double remap = double(scene.render.frame_map_new) / double(scene.render.frame_map_old);
    return (double(scene.frame_current) + double(scene.frame_subframe)) * remap;
  };

  frame("frame_start", &Scene::frame_start, "Start Frame", "First frame of the animation")
      .range(0, kernel::MAXFRAME)
      .default_value(1)
      .recalc(PARAMS)
      .get()
      ->set_int = [](const PointerRNA &p, int, int64_t v) {
    kernel::scene_set_frame_start(&D::data(p), int32_t(v));
  };
  frame("frame_end", &Scene::frame_end, "End Frame", "Last frame of the animation")
      .range(0, kernel::MAXFRAME)
      .default_value(250)
      .recalc(PARAMS)
      .get()
      ->set_int = [](const PointerRNA &p, int, int64_t v) {
    kernel::scene_set_frame_end(&D::data(p), int32_t(v));
  };
  frame("frame_step", &Scene::frame_step, "Frame Step",
        "Frames to advance by when rendering or playing the animation")
      .range(0, kernel::MAXFRAME)
      .soft_range(1, 100)
      .default_value(1)
      .recalc(PARAMS);

  PropertyRNA *use_preview = def.boolean("use_preview_range", &Scene::use_preview_range)
                                 .ui("Use Preview Range", "Play back a part of the animation "
                                                          "instead of the whole range")
                                 .not_animatable()
                                 .recalc(PARAMS)
                                 .get();
  use_preview->set_bool = [](const PointerRNA &p, int, bool value) {
    Scene &scene = D::data(p);
    /* A range never set starts as the scene range. */
    if (value && scene.frame_preview_start == 0 && scene.frame_preview_end == 0) {
      scene.frame_preview_start = scene.frame_start;
      scene.frame_preview_end = scene.frame_end;
    }
    scene.use_preview_range = value;
  };
  frame("frame_preview_start", &Scene::frame_preview_start, "Preview Range Start Frame",
        "First frame of the preview range")
      .recalc(PARAMS)
      .get()
      ->set_int = [](const PointerRNA &p, int, int64_t v) {
    set_preview_start(D::data(p), int32_t(v));
  };
  frame("frame_preview_end", &Scene::frame_preview_end, "Preview Range End Frame",
        "Last frame of the preview range")
      .recalc(PARAMS)
      .get()
      ->set_int = [](const PointerRNA &p, int, int64_t v) {
    set_preview_end(D::data(p), int32_t(v));
  };
}

void define_scene_struct(BlenderRNA &rna)
{
  using D = StructDef<Scene>;
  D def = struct_<Scene>(rna, "Scene");
  def.ui("Scene", "Objects in collections, with view layers, frames and render settings");
  const StructRNA *render_srna = rna.find("RenderSettings");
  const StructRNA *unit_srna = rna.find("UnitSettings");
  const StructRNA *cursor_srna = rna.find("View3DCursor");
  const StructRNA *layer_srna = rna.find("ViewLayer");

  PropertyRNA *camera = def.pointer(
                               "camera", "Object",
                               [](const PointerRNA &p) {
                                 return pointer_from_id(p.main, kernel::as_id(D::data(p).camera));
                               },
                               [](const PointerRNA &p, const PointerRNA &value) {
                                 kernel::scene_set_camera(defs::main_of(p), &D::data(p),
                                                          static_cast<Object *>(value.data));
                               })
                            .ui("Camera", "Object the scene is rendered from")
                            .recalc(PARAMS | ID_RECALC_HIERARCHY)
                            .get();
  camera->pointer_poll = [](const PointerRNA &, const PointerRNA &value) {
    return value.owner_id && value.data == static_cast<void *>(value.owner_id) &&
           value.owner_id->type == IDType::Object;
  };

  def.pointer(
         "background_set", "Scene",
         [](const PointerRNA &p) {
           return pointer_from_id(p.main, kernel::as_id(D::data(p).background_set));
         },
         [](const PointerRNA &p, const PointerRNA &value) {
           Scene &scene = D::data(p);
           Scene *set = static_cast<Scene *>(value.data);
           if (set == &scene) {
             raise(ErrorKind::Type,
                   "bpy_struct: item.attr = val: Scene.background_set ID type does not support "
                   "assignment to itself");
           }
           /* A set that would lead back to this scene is refused silently, as Blender
            * does. */
           for (Scene *nested = set; nested; nested = nested->background_set) {
             if (nested == &scene || nested->background_set == set) {
               return;
             }
           }
           kernel::id_ref_assign(defs::main_of(p), &scene.id, scene.background_set, set, 0);
         })
      .ui("Background Scene", "Scene shown and rendered behind this one")
      .recalc(ID_RECALC_HIERARCHY);

  def.pointer("world", "World",
              [](const PointerRNA &p) {
                return pointer_from_id(p.main, kernel::as_id(D::data(p).world));
              },
              [](const PointerRNA &p, const PointerRNA &value) {
                kernel::scene_set_world(defs::main_of(p), &D::data(p),
                                        static_cast<World *>(value.data));
              })
      .ui("World", "Environment lighting and background of the scene")
      .flag(PROP_ID_REFCOUNT)
      .recalc(ID_RECALC_SHADING | ID_RECALC_HIERARCHY);

  PropertyRNA *objects = def.add("objects", PropertyType::Collection)
                             .ui("Objects", "Every object in the scene's collections, each once")
                             .functions(rna.find("SceneObjects"))
                             .read_only()
                             .get();
  objects->item_type = rna.find("Object");
  defs::id_vector_collection_accessors(objects, [](const PointerRNA &p) {
    std::vector<ID *> result;
    for (Object *object : kernel::scene_objects(&D::data(p))) {
      result.push_back(&object->id);
    }
    return result;
  });

  define_scene_frames(def);

  def.pointer("unit_settings", "UnitSettings",
              [unit_srna](const PointerRNA &p) {
                return pointer_from_data(p, unit_srna, &D::data(p).unit_settings);
              })
      .ui("Unit Settings", "How the scene shows values with units")
      .flag(PROP_NEVER_NULL);
  def.floats("gravity", &Scene::gravity)
      .ui("Gravity", "Acceleration of gravity in the simulations of the scene")
      .subtype(PropertySubtype::Acceleration)
      .unit(PropertyUnit::Acceleration)
      .soft_range(-200, 200)
      .ui_step(1, 2)
      .default_array({0, 0, -9.81})
      .recalc(PARAMS);
  def.boolean("use_gravity", &Scene::use_gravity)
      .ui("Global Gravity", "Apply the scene's gravity to all simulations")
      .default_value(1)
      .recalc(PARAMS);
  def.pointer("render", "RenderSettings",
              [render_srna](const PointerRNA &p) {
                return pointer_from_data(p, render_srna, &D::data(p).render);
              })
      .ui("Render Data", "Render settings of the scene")
      .flag(PROP_NEVER_NULL);
  def.pointer("cursor", "View3DCursor",
              [cursor_srna](const PointerRNA &p) {
                return pointer_from_data(p, cursor_srna, &D::data(p).cursor);
              })
      .ui("3D Cursor", "The scene's 3D cursor")
      .flag(PROP_NEVER_NULL);
  def.floats("audio_volume", &Scene::audio_volume)
      .ui("Volume", "Loudness of the scene's audio")
      .range(0, 100)
      .ui_step(10, 3)
      .default_value(1)
      .recalc(PARAMS);

  def.collection(
         "view_layers", "ViewLayer",
         [](const PointerRNA &p) { return int64_t(D::data(p).view_layers.size()); },
         [layer_srna](const PointerRNA &p, int64_t i) {
           return pointer_from_data(p, layer_srna, D::data(p).view_layers.at(size_t(i)).get());
         },
         [layer_srna](const PointerRNA &p, std::string_view key) -> std::optional<PointerRNA> {
           if (ViewLayer *layer = kernel::scene_view_layer_find(&D::data(p), key)) {
             return pointer_from_data(p, layer_srna, layer);
           }
           return std::nullopt;
         })
      .functions(rna.find("ViewLayers"))
      .ui("View Layers", "The scene's view layers");
  def.pointer("collection", "Collection",
              [](const PointerRNA &p) {
                return pointer_from_id(p.main, kernel::as_id(D::data(p).master_collection));
              })
      .ui("Collection", "The scene collection, root of the scene's collection tree")
      .flag(PROP_NEVER_NULL);
}

}  // namespace

void define_scene(BlenderRNA &rna)
{
  define_unit_settings(rna);
  define_render_settings(rna);
  define_cursor(rna);
  define_layer_collection(rna);
  define_layer_objects(rna);
  define_object_base(rna);
  define_view_layer(rna);
  define_view_layers_functions(rna);
  struct_<Scene>(rna, "SceneObjects").ui("Scene Objects", "All objects of a scene");
  define_scene_struct(rna);
}

}  // namespace whisk::rna
