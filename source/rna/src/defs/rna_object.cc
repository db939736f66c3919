// Object: data, parenting, transforms, visibility, display and material slots.

#include "defs.hh"
#include "whisk/kernel/collection.hh"
#include "whisk/kernel/object.hh"
#include "whisk/kernel/scene.hh"
#include "whisk/rna/access.hh"

namespace whisk::rna {
using namespace define;
using namespace dna;
using defs::item;
using kernel::Main;

namespace {

using D = StructDef<Object>;

ID *as_id_ptr(Material *material) { return material ? &material->id : nullptr; }

void define_transform(D &def)
{
  const uint32_t transform = ID_RECALC_TRANSFORM;
  def.floats("location", &Object::location)
      .ui("Location", "Position relative to the parent, or the world without one")
      .subtype(PropertySubtype::Translation)
      .unit(PropertyUnit::Length)
      .soft_range(-FLT_HUGE, FLT_HUGE)
      .ui_step(1, 5)
      .recalc(transform);
  def.floats("rotation_euler", &Object::rotation_euler)
      .ui("Euler Rotation", "Rotation as Euler angles, used in the Euler rotation modes")
      .subtype(PropertySubtype::Euler)
      .unit(PropertyUnit::Rotation)
      .soft_range(-10000, 10000)
      .ui_step(10, 3)
      .recalc(transform);
  def.floats("rotation_quaternion", &Object::rotation_quaternion)
      .ui("Quaternion Rotation", "Rotation as a quaternion (W, X, Y, Z)")
      .subtype(PropertySubtype::Quaternion)
      .soft_range(-10000, 10000)
      .ui_step(10, 3)
      .default_array({1, 0, 0, 0})
      .recalc(transform);

  PropertyRNA *axis_angle = def.add("rotation_axis_angle", PropertyType::Float)
                                .ui("Axis-Angle Rotation", "Rotation as angle and axis (W, X, Y, Z)")
                                .subtype(PropertySubtype::AxisAngle)
                                .soft_range(-10000, 10000)
                                .ui_step(10, 3)
                                .default_array({0, 0, 1, 0})
                                .recalc(transform)
                                .get();
  axis_angle->array_dimensions[0] = 4;
  axis_angle->get_float = [](const PointerRNA &p, int i) {
    const Object &ob = D::data(p);
    return double(i == 0 ? ob.rotation_angle : ob.rotation_axis[i - 1]);
  };
  axis_angle->set_float = [](const PointerRNA &p, int i, double v) {
    Object &ob = D::data(p);
    (i == 0 ? ob.rotation_angle : ob.rotation_axis[i - 1]) = float(v);
  };

  PropertyRNA *mode =
      def.enumeration("rotation_mode", &Object::rotation_mode,
                      {item("QUATERNION", "Quaternion (WXYZ)", 0,
                            "No gimbal lock; values are W, X, Y, Z"),
                       item("XYZ", "XYZ Euler", 1), item("XZY", "XZY Euler", 2),
                       item("YXZ", "YXZ Euler", 3), item("YZX", "YZX Euler", 4),
                       item("ZXY", "ZXY Euler", 5), item("ZYX", "ZYX Euler", 6),
                       item("AXIS_ANGLE", "Axis Angle", -1,
                            "Angle around an axis; values are angle, X, Y, Z")})
          .ui("Rotation Mode", "Which rotation values the object uses")
          .default_value(1)
          .recalc(transform)
          .get();
  /* Between Euler orders the numbers stay as they are; to or from quaternion and
   * axis-angle the object's own rotation is converted (Blender's rule; deltas stay). */
  mode->set_enum = [](const PointerRNA &p, int value) {
    kernel::object_rotation_mode_set(D::data(p), RotationMode(value));
  };

  def.floats("scale", &Object::scale)
      .ui("Scale", "Scaling along each local axis")
      .subtype(PropertySubtype::XYZ)
      .soft_range(-FLT_HUGE, FLT_HUGE)
      .ui_step(1, 3)
      .default_array({1, 1, 1})
      .recalc(transform);
  def.floats("delta_location", &Object::delta_location)
      .ui("Delta Location", "Extra translation added to the location")
      .subtype(PropertySubtype::Translation)
      .unit(PropertyUnit::Length)
      .soft_range(-FLT_HUGE, FLT_HUGE)
      .ui_step(1, 5)
      .recalc(transform);
  def.floats("delta_rotation_euler", &Object::delta_rotation_euler)
      .ui("Delta Rotation (Euler)", "Extra rotation applied before the rotation")
      .subtype(PropertySubtype::Euler)
      .unit(PropertyUnit::Rotation)
      .soft_range(-10000, 10000)
      .ui_step(10, 3)
      .recalc(transform);
  def.floats("delta_rotation_quaternion", &Object::delta_rotation_quaternion)
      .ui("Delta Rotation (Quaternion)", "Extra rotation applied before the rotation")
      .subtype(PropertySubtype::Quaternion)
      .soft_range(-10000, 10000)
      .ui_step(10, 3)
      .default_array({1, 0, 0, 0})
      .recalc(transform);
  def.floats("delta_scale", &Object::delta_scale)
      .ui("Delta Scale", "Extra scaling multiplied into the scale")
      .subtype(PropertySubtype::XYZ)
      .soft_range(-FLT_HUGE, FLT_HUGE)
      .ui_step(1, 3)
      .default_array({1, 1, 1})
      .recalc(transform);

  auto matrix = [&](const char *identifier, const char *name, const char *description) {
    PropertyRNA *prop = def.add(identifier, PropertyType::Float)
                            .ui(name, description)
                            .subtype(PropertySubtype::Matrix)
                            .soft_range(-10000, 10000)
                            .ui_step(10, 3)
                            .not_animatable()
                            .recalc(transform)
                            .get();
    prop->array_dimensions[0] = prop->array_dimensions[1] = 4;
    return prop;
  };
  PropertyRNA *world = matrix("matrix_world", "Matrix World",
                              "World transform as last evaluated; setting it moves the object");
  world->default_array = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1};
  matrix_accessors(
      world, [](const PointerRNA &p) { return D::data(p).object_to_world; },
      [](const PointerRNA &p, const float4x4 &m) {
        kernel::object_apply_matrix_world(D::data(p), m);
      });
  PropertyRNA *basis = matrix("matrix_basis", "Input Matrix",
                              "Transform from location, rotation and scale, before parenting");
  matrix_accessors(
      basis, [](const PointerRNA &p) { return kernel::object_matrix_basis(D::data(p)); },
      [](const PointerRNA &p, const float4x4 &m) {
        kernel::object_apply_matrix_basis(D::data(p), m);
      });
  PropertyRNA *local = matrix("matrix_local", "Local Matrix",
                              "Transform relative to the parent, parent inverse included");
  matrix_accessors(
      local, [](const PointerRNA &p) { return kernel::object_matrix_local(D::data(p)); },
      [](const PointerRNA &p, const float4x4 &m) {
        Object &ob = D::data(p);
        kernel::object_apply_matrix_basis(ob, ob.parent ? invert(ob.parent_inverse) * m : m);
      });
  PropertyRNA *parent_inverse =
      def.floats("matrix_parent_inverse", &Object::parent_inverse, {4, 4})
          .ui("Parent Inverse Matrix", "Inverse of the parent's transform when parenting was set")
          .subtype(PropertySubtype::Matrix)
          .soft_range(-10000, 10000)
          .ui_step(10, 3)
          .recalc(transform)
          .get();
  parent_inverse->default_array = world->default_array;
}

void define_visibility(D &def)
{
  const uint32_t base_flags = ID_RECALC_BASE_FLAGS;
  def.boolean("hide_viewport", &Object::hide_viewport)
      .ui("Disable in Viewports", "Globally disable the object in viewports")
      .recalc(base_flags);
  def.boolean("hide_render", &Object::hide_render)
      .ui("Disable in Renders", "Globally disable the object in renders")
      .recalc(base_flags);
  def.boolean("hide_select", &Object::hide_select)
      .ui("Disable Selection", "Disable selection of the object in viewports")
      .not_animatable()
      .recalc(ID_RECALC_SELECT);
  struct Ray {
    const char *identifier, *name;
    uint8_t bit;
  };
  static const Ray rays[] = {
      {"visible_camera", "Camera Visibility", OB_VISIBLE_CAMERA},
      {"visible_diffuse", "Diffuse Visibility", OB_VISIBLE_DIFFUSE},
      {"visible_glossy", "Glossy Visibility", OB_VISIBLE_GLOSSY},
      {"visible_transmission", "Transmission Visibility", OB_VISIBLE_TRANSMISSION},
      {"visible_volume_scatter", "Volume Scatter Visibility", OB_VISIBLE_SCATTER},
      {"visible_shadow", "Shadow Visibility", OB_VISIBLE_SHADOW},
  };
  for (const Ray &ray : rays) {
    def.bit(ray.identifier, &Object::visibility, ray.bit)
        .ui(ray.name, "Whether the object is seen by this kind of ray")
        .default_value(1)
        .recalc(ID_RECALC_SHADING);
  }
  def.boolean("is_holdout", &Object::is_holdout)
      .ui("Holdout", "Render the object as a transparent hole")
      .recalc(ID_RECALC_SHADING);
  def.boolean("is_shadow_catcher", &Object::is_shadow_catcher)
      .ui("Shadow Catcher", "Only show the shadows and reflections falling on the object")
      .recalc(ID_RECALC_SHADING);
}

void define_display(D &def)
{
  def.enumeration("display_type", &Object::display_type,
                  {item("BOUNDS", "Bounds", int(ObjectDisplayType::Bounds)),
                   item("WIRE", "Wire", int(ObjectDisplayType::Wire)),
                   item("SOLID", "Solid", int(ObjectDisplayType::Solid)),
                   item("TEXTURED", "Textured", int(ObjectDisplayType::Textured))})
      .ui("Display As", "How the object is shown in viewports")
      .default_value(int(ObjectDisplayType::Textured));
  def.enumeration("empty_display_type", &Object::empty_display_type,
                  {item("PLAIN_AXES", "Plain Axes", int(EmptyDisplayType::PlainAxes)),
                   item("ARROWS", "Arrows", int(EmptyDisplayType::Arrows)),
                   item("SINGLE_ARROW", "Single Arrow", int(EmptyDisplayType::SingleArrow)),
                   item("CIRCLE", "Circle", int(EmptyDisplayType::Circle)),
                   item("CUBE", "Cube", int(EmptyDisplayType::Cube)),
                   item("SPHERE", "Sphere", int(EmptyDisplayType::Sphere)),
                   item("CONE", "Cone", int(EmptyDisplayType::Cone)),
                   item("IMAGE", "Image", int(EmptyDisplayType::Image))})
      .ui("Empty Display Type", "Shape an empty is shown with");
  def.floats("empty_display_size", &Object::empty_display_size)
      .ui("Empty Display Size", "Size of the empty's shape in viewports")
      .subtype(PropertySubtype::Distance)
      .unit(PropertyUnit::Length)
      .range(0.0001, 1000)
      .soft_range(0.01, 100)
      .ui_step(1, 2)
      .default_value(1);
  struct Flag {
    const char *identifier, *name;
    bool Object::*member;
  };
  static const Flag flags[] = {
      {"show_name", "Display Name", &Object::show_name},
      {"show_axis", "Display Axes", &Object::show_axis},
      {"show_wire", "Display Wire", &Object::show_wire},
      {"show_in_front", "In Front", &Object::show_in_front},
      {"show_bounds", "Display Bounds", &Object::show_bounds},
  };
  for (const Flag &flag : flags) {
    def.boolean(flag.identifier, flag.member).ui(flag.name, "Viewport display option");
  }
  def.floats("color", &Object::color)
      .ui("Color", "Object color, for viewport display and shaders")
      .subtype(PropertySubtype::Color)
      .range(0, define::FLT_HUGE)
      .soft_range(0, 1)
      .ui_step(10, 3)
      .default_array({1, 1, 1, 1})
      .recalc(ID_RECALC_SHADING);
  def.integer("pass_index", &Object::pass_index)
      .ui("Pass Index", "Index for the object index render pass")
      .subtype(PropertySubtype::Unsigned)
      .range(0, 32767)
      .recalc(ID_RECALC_SHADING);
}

/* ---- Material slots: data is the slot in Object::material_slots ---- */

int32_t slot_index(const PointerRNA &p)
{
  const Object &ob = *reinterpret_cast<const Object *>(p.owner_id);
  return int32_t(static_cast<const MaterialSlotData *>(p.data) - ob.material_slots.data());
}

void define_material_slot(BlenderRNA &rna)
{
  auto slot = struct_<MaterialSlotData>(rna, "MaterialSlot");
  slot.ui("Material Slot", "A material used by an object, from the object or its data");
  slot.srna()->path = [](const PointerRNA &p) -> std::optional<std::string> {
    return "material_slots[" + std::to_string(slot_index(p)) + "]";
  };
  PropertyRNA *material = slot.pointer(
                                  "material", "Material",
                                  [](const PointerRNA &p) {
                                    const Object &ob = *reinterpret_cast<const Object *>(
                                        p.owner_id);
                                    return pointer_from_id(
                                        p.main,
                                        as_id_ptr(kernel::object_material_get(ob, slot_index(p))));
                                  },
                                  [](const PointerRNA &p, const PointerRNA &value) {
                                    kernel::object_material_slot_set(
                                        defs::main_of(p), reinterpret_cast<Object *>(p.owner_id),
                                        slot_index(p), static_cast<Material *>(value.data));
                                  })
                              .ui("Material", "Material in this slot")
                              .recalc(ID_RECALC_SHADING)
                              .get();
  (void)material;
  PropertyRNA *link = slot.add("link", PropertyType::Enum)
                          .ui("Link", "Whether the slot uses the object's or the data's material")
                          .items({item("OBJECT", "Object", 1), item("DATA", "Data", 0)})
                          .not_animatable()
                          .recalc(ID_RECALC_SHADING)
                          .get();
  link->get_enum = [](const PointerRNA &p) {
    return static_cast<const MaterialSlotData *>(p.data)->link_object ? 1 : 0;
  };
  link->set_enum = [](const PointerRNA &p, int v) {
    kernel::object_material_slot_link_set(defs::main_of(p), reinterpret_cast<Object *>(p.owner_id),
                                          slot_index(p), v == 1);
  };
  PropertyRNA *name = slot.add("name", PropertyType::String)
                          .ui("Name", "Name of the material in the slot")
                          .read_only()
                          .get();
  name->get_string = [](const PointerRNA &p) {
    const Object &ob = *reinterpret_cast<const Object *>(p.owner_id);
    const Material *m = kernel::object_material_get(ob, slot_index(p));
    return std::string(m ? m->id.name : "");
  };
  slot.srna()->name_property = name;
  slot.add("slot_index", PropertyType::Int)
      .ui("Slot Index", "Index of this slot in the object's material slots")
      .read_only()
      .not_animatable()
      .get()
      ->get_int = [](const PointerRNA &p, int) { return int64_t(slot_index(p)); };
}

}  // namespace

void define_object(BlenderRNA &rna)
{
  define_material_slot(rna);
  D def = struct_<Object>(rna, "Object");
  const StructRNA *slot_srna = rna.find("MaterialSlot");
  def.ui("Object", "An object in a scene: a transform with data (a mesh, camera, light...)");

  def.enumeration("type", &Object::type,
                  {item("MESH", "Mesh", int(ObjectType::Mesh)),
                   item("POINTCLOUD", "Point Cloud", int(ObjectType::PointCloud)),
                   item("EMPTY", "Empty", int(ObjectType::Empty)),
                   item("LIGHT", "Light", int(ObjectType::Light)),
                   item("CAMERA", "Camera", int(ObjectType::Camera))})
      .ui("Type", "Type of the object, set by its data")
      .default_value(int(ObjectType::Empty))
      .read_only();

  def.pointer("data", "ID",
              [](const PointerRNA &p) { return pointer_from_id(p.main, D::data(p).data); },
              [](const PointerRNA &p, const PointerRNA &value) {
                /* Blender ignores clearing the data of an object that has a type. */
                if (value.is_null() && D::data(p).type != ObjectType::Empty) {
                  return;
                }
                kernel::object_set_data(defs::main_of(p), &D::data(p), value.owner_id);
              })
      .ui("Data", "The data the object shows (mesh, camera, light...)")
      .recalc(ID_RECALC_GEOMETRY | ID_RECALC_HIERARCHY)
      .get()
      ->pointer_type = [](const PointerRNA &p) -> const StructRNA * {
    /* An object with data takes data of the same kind. */
    if (const ID *data = D::data(p).data) {
      return struct_for_id_type(data->type);
    }
    return blender_rna().find("ID");
  };

  def.pointer("parent", "Object",
              [](const PointerRNA &p) { return pointer_from_id(p.main, kernel::as_id(D::data(p).parent)); },
              [](const PointerRNA &p, const PointerRNA &value) {
                if (value.data == p.data) {
                  raise(ErrorKind::Type, "bpy_struct: item.attr = val: Object.parent ID type "
                                         "does not support assignment to itself");
                }
                /* A longer loop is refused silently, as Blender does. */
                kernel::object_set_parent(defs::main_of(p), &D::data(p),
                                          static_cast<Object *>(value.data));
              })
      .ui("Parent", "The object this one moves with")
      .recalc(ID_RECALC_TRANSFORM | ID_RECALC_HIERARCHY);
  def.enumeration("parent_type", &Object::parent_type,
                  {item("OBJECT", "Object", int(ObjectParentType::Object)),
                   item("ARMATURE", "Armature", int(ObjectParentType::Armature)),
                   item("LATTICE", "Lattice", int(ObjectParentType::Lattice)),
                   item("VERTEX", "Vertex", int(ObjectParentType::Vertex)),
                   item("VERTEX_3", "3 Vertices", int(ObjectParentType::Vertex3)),
                   item("BONE", "Bone", int(ObjectParentType::Bone))})
      .ui("Parent Type", "How the parent drives this object")
      .recalc(ID_RECALC_TRANSFORM);

  define_transform(def);
  define_visibility(def);
  define_display(def);

  PropertyRNA *slots = def.collection(
                              "material_slots", "MaterialSlot",
                              [](const PointerRNA &p) {
                                return int64_t(D::data(p).material_slots.size());
                              },
                              [slot_srna](const PointerRNA &p, int64_t i) {
                                return pointer_from_data(p, slot_srna,
                                                         &D::data(p).material_slots[size_t(i)]);
                              })
                          .ui("Material Slots", "The object's material slots")
                          .get();
  (void)slots;
  def.integer("active_material_index", &Object::active_material_index)
      .ui("Active Material Index", "Index of the active material slot")
      .subtype(PropertySubtype::Unsigned)
      .range(0, INT_HUGE)
      .soft_range(0, 10000)
      .not_animatable();
  def.pointer("active_material", "Material",
              [](const PointerRNA &p) {
                const Object &ob = D::data(p);
                return pointer_from_id(
                    p.main, as_id_ptr(kernel::object_material_get(ob, ob.active_material_index)));
              },
              [](const PointerRNA &p, const PointerRNA &value) {
                Object &ob = D::data(p);
                if (!kernel::data_materials(ob.data)) {
                  return; /* an empty: no slots to set, and Blender says nothing */
                }
                if (kernel::object_material_slot_count(ob) == 0) {
                  kernel::object_material_slot_add(defs::main_of(p), &ob);
                }
                kernel::object_material_slot_set(defs::main_of(p), &ob, ob.active_material_index,
                                                 static_cast<Material *>(value.data));
              })
      .ui("Active Material", "Material in the active slot");

  def.enumeration("instance_type", &Object::instance_type,
                  {item("NONE", "None", 0), item("VERTS", "Vertices", 1),
                   item("FACES", "Faces", 2), item("COLLECTION", "Collection", 3)})
      .ui("Instance Type", "What the object instances");
  defs::id_pointer(def, "instance_collection", "Collection", &Object::instance_collection,
                   kernel::IDREF_USER)
      .ui("Instance Collection", "Collection instanced by this object")
      .recalc(ID_RECALC_HIERARCHY);

  def.collection(
         "users_collection", "Collection",
         [](const PointerRNA &p) {
           return int64_t(kernel::object_users_collection(defs::main_of(p), &D::data(p)).size());
         },
         [](const PointerRNA &p, int64_t i) {
           auto users = kernel::object_users_collection(defs::main_of(p), &D::data(p));
           return pointer_from_id(p.main, &users.at(size_t(i))->id);
         })
      .ui("Collections", "Collections that hold the object directly");
  def.collection(
         "users_scene", "Scene",
         [](const PointerRNA &p) {
           return int64_t(kernel::object_scenes(defs::main_of(p), &D::data(p)).size());
         },
         [](const PointerRNA &p, int64_t i) {
           auto scenes = kernel::object_scenes(defs::main_of(p), &D::data(p));
           return pointer_from_id(p.main, &scenes.at(size_t(i))->id);
         })
      .ui("Scenes", "Scenes the object is in");
  PropertyRNA *children = def.add("children", PropertyType::Collection)
                              .ui("Children", "Objects whose parent is this object")
                              .read_only()
                              .get();
  children->item_type = rna.find("Object");
  defs::id_vector_collection_accessors(children, [](const PointerRNA &p) {
    std::vector<ID *> result;
    for (ID *referrer : defs::main_of(p).relations().referrers_of(p.owner_id)) {
      if (referrer->type == IDType::Object &&
          reinterpret_cast<Object *>(referrer)->parent == &D::data(p))
      {
        result.push_back(referrer);
      }
    }
    std::sort(result.begin(), result.end(), [](const ID *a, const ID *b) {
      return std::string_view(a->name) < std::string_view(b->name);
    });
    return result;
  });

  /* Per-view-layer state: selection and temporary hiding. */
  auto layer_of = [](FunctionCall &call, size_t arg) -> std::pair<Scene *, ViewLayer *> {
    Main &main = defs::main_of(call.self);
    const PointerRNA *given = arg < call.args.size() ? std::get_if<PointerRNA>(&call.args[arg]) :
                                                       nullptr;
    if (given && !given->is_null()) {
      return {reinterpret_cast<Scene *>(given->owner_id), static_cast<ViewLayer *>(given->data)};
    }
    if (!main.context_scene || !main.context_view_layer) {
      raise(ErrorKind::Runtime, "no view layer given and none in context");
    }
    return {main.context_scene, main.context_view_layer};
  };
  auto base_of = [layer_of](FunctionCall &call, size_t arg) -> Base * {
    auto [scene, layer] = layer_of(call, arg);
    Object *ob = static_cast<Object *>(call.self.data);
    Base *base = kernel::view_layer_base_find(scene, layer, ob);
    if (!base) {
      raise(ErrorKind::Runtime, "Object '", ob->id.name, "' can't be selected because it is not in View Layer '",
            layer->name, "'!");
    }
    return base;
  };
  const StructRNA *view_layer_srna = rna.find("ViewLayer");

  FunctionRNA &select_get = def.function(
      "select_get", "Whether the object is selected in the view layer",
      [layer_of](FunctionCall &call) {
        auto [scene, layer] = layer_of(call, 0);
        Base *base = kernel::view_layer_base_find(scene, layer, static_cast<Object *>(call.self.data));
        call.result = bool(base && (base->flag & BASE_SELECTED));
      });
  parameter(select_get, "view_layer", PropertyType::Pointer, view_layer_srna);
  parameter(select_get, "result", PropertyType::Boolean, nullptr, PARM_OUTPUT);

  FunctionRNA &select_set = def.function(
      "select_set", "Select or deselect the object in the view layer",
      [base_of](FunctionCall &call) {
        Base *base = base_of(call, 1);
        const bool state = std::get<bool>(call.args[0]);
        base->flag = state ? (base->flag | BASE_SELECTED) : (base->flag & ~BASE_SELECTED);
      });
  parameter(select_set, "state", PropertyType::Boolean, nullptr, PARM_REQUIRED);
  parameter(select_set, "view_layer", PropertyType::Pointer, view_layer_srna);

  FunctionRNA &hide_get = def.function(
      "hide_get", "Whether the object is hidden in the view layer",
      [layer_of](FunctionCall &call) {
        auto [scene, layer] = layer_of(call, 0);
        Base *base = kernel::view_layer_base_find(scene, layer, static_cast<Object *>(call.self.data));
        call.result = bool(base && (base->flag & BASE_HIDDEN));
      });
  parameter(hide_get, "view_layer", PropertyType::Pointer, view_layer_srna);
  parameter(hide_get, "result", PropertyType::Boolean, nullptr, PARM_OUTPUT);

  FunctionRNA &hide_set = def.function(
      "hide_set", "Hide or reveal the object in the view layer", [base_of](FunctionCall &call) {
        Base *base = base_of(call, 1);
        const bool state = std::get<bool>(call.args[0]);
        base->flag = state ? (base->flag | BASE_HIDDEN) : (base->flag & ~BASE_HIDDEN);
        if (state) {
          base->flag &= ~BASE_SELECTED;
        }
      });
  parameter(hide_set, "state", PropertyType::Boolean, nullptr, PARM_REQUIRED);
  parameter(hide_set, "view_layer", PropertyType::Pointer, view_layer_srna);

  FunctionRNA &visible_get = def.function(
      "visible_get", "Whether the object is visible in the view layer",
      [layer_of](FunctionCall &call) {
        auto [scene, layer] = layer_of(call, 0);
        call.result = kernel::object_visible_in_view_layer(scene, layer,
                                                           static_cast<Object *>(call.self.data));
      });
  parameter(visible_get, "view_layer", PropertyType::Pointer, view_layer_srna);
  parameter(visible_get, "result", PropertyType::Boolean, nullptr, PARM_OUTPUT);
}

}  // namespace whisk::rna
