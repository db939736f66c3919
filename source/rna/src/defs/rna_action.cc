// Action: its F-curves (ActionFCurves) and groups (ActionGroups, ActionGroup), the ID type
// it animates and its frame range. Pose markers arrive later.

#include <algorithm>

#include "fcurve_common.hh"

namespace whisk::rna {
using namespace define;
using namespace dna;
using defs::item;

namespace {

using D = StructDef<Action>;
constexpr uint32_t ANIMATION = ID_RECALC_ANIMATION;

/** The range of the keys (at least a frame long); without keys Blender's 0 to 1. */
std::pair<float, float> curve_range(const Action &action)
{
  return kernel::action_frame_range_of_keys(action);
}

using G = StructDef<ActionGroup>;

Action &action_of(const PointerRNA &p) { return *reinterpret_cast<Action *>(p.owner_id); }

void define_group(BlenderRNA &rna)
{
  G def = struct_<ActionGroup>(rna, "ActionGroup");
  def.ui("Action Group", "A named group of an action's F-curves");
  def.srna()->path_internal = true; /* Blender gives groups no path */
  def.srna()->path = [](const PointerRNA &p) -> std::optional<std::string> {
    return "groups" + defs::path_key(G::data(p).name);
  };
  PropertyDef name = def.add("name", PropertyType::String);
  name.ui("Name", "Name of the group, unique in the action").max_length(64);
  name.get()->get_string = [](const PointerRNA &p) { return G::data(p).name; };
  name.get()->set_string = [](const PointerRNA &p, std::string_view v) {
    kernel::action_group_rename(action_of(p), G::data(p), v);
  };
  def.srna()->name_property = name.get();
  const StructRNA *fcurve_type = rna.find("FCurve");
  /* The curves whose group this is, in the action's order (they are contiguous there). */
  auto channels = [](const PointerRNA &p) {
    std::vector<FCurve *> out;
    for (auto &fcu : action_of(p).fcurves) {
      if (fcu->group == &G::data(p)) {
        out.push_back(fcu.get());
      }
    }
    return out;
  };
  def.collection(
         "channels", "FCurve", [channels](const PointerRNA &p) { return int64_t(channels(p).size()); },
         [channels, fcurve_type](const PointerRNA &p, int64_t i) {
           return pointer_from_data(p, fcurve_type, channels(p)[size_t(i)]);
         })
      .ui("Channels", "The F-curves in the group");
  def.boolean("select", &ActionGroup::select).ui("Select", "The group is selected");
  def.boolean("lock", &ActionGroup::lock).ui("Lock", "The group's channels cannot be edited");
  def.boolean("mute", &ActionGroup::mute).ui("Mute", "The group's channels do not animate");
  def.boolean("show_expanded", &ActionGroup::show_expanded)
      .ui("Expanded", "The group is open in the interface");
  def.boolean("show_expanded_graph", &ActionGroup::show_expanded_graph)
      .ui("Expanded in Graph Editor", "The group is open in the Graph Editor");
  def.boolean("use_pin", &ActionGroup::use_pin)
      .ui("Pin in Graph Editor", "Keep the group shown in the Graph Editor");
  std::vector<EnumItem> colors = {item("DEFAULT", "Default Colors", 0)};
  for (int i = 1; i <= 20; i++) {
    char id[16], label[32];
    std::snprintf(id, sizeof(id), "THEME%02d", i);
    std::snprintf(label, sizeof(label), "%02d - Theme Color Set", i);
    colors.push_back(item(id, label, i));
  }
  colors.push_back(item("CUSTOM", "Custom Color Set", -1));
  def.enumeration("color_set", &ActionGroup::color_set, std::move(colors))
      .ui("Color Set", "Colors the group's channels are drawn with");
  PropertyDef custom = def.add("is_custom_color_set", PropertyType::Boolean);
  custom.ui("Custom Color Set", "The group uses its own colors").read_only();
  custom.get()->get_bool = [](const PointerRNA &p, int) { return G::data(p).color_set == -1; };
}

void define_fcurves_collection(BlenderRNA &rna, D &def)
{
  const StructRNA *fcurve_type = rna.find("FCurve");
  StructDef<Action> funcs = struct_<Action>(rna, "ActionFCurves");
  funcs.ui("Action F-Curves", "The F-curves of an action");
  FunctionRNA &add = funcs.function(
      "new", "Add an F-curve for a property path and array index", [fcurve_type](FunctionCall &call) {
        Action &action = D::data(call.self);
        const std::string &path = std::get<std::string>(call.args[0]);
        const int index = int(std::get<int64_t>(call.args[1]));
        if (path.empty()) {
          raise(ErrorKind::Runtime, "F-Curve data path empty, invalid argument");
        }
        if (kernel::action_fcurve_find(action, path, index)) {
          raise(ErrorKind::Runtime, "F-Curve '", path, "[", index, "]' already exists in action '",
                action.id.name, "'");
        }
        FCurve &fcu = kernel::action_fcurve_ensure(action, path, index,
                                                   std::get<std::string>(call.args[2]));
        kernel::id_tag_update(&action.id, ID_RECALC_ANIMATION);
        call.result = pointer_from_data(call.self, fcurve_type, &fcu);
      });
  parameter(add, "data_path", PropertyType::String, nullptr, PARM_REQUIRED)
      .ui("Data Path", "Path of the property to animate");
  parameter(add, "index", PropertyType::Int)
      .ui("Index", "Array index")
      .range(0, define::INT_HUGE);
  parameter(add, "action_group", PropertyType::String)
      .ui("Action Group", "Group to put the curve in (created if missing); empty for none");
  parameter(add, "fcurve", PropertyType::Pointer, fcurve_type, PARM_OUTPUT)
      .ui("", "The new F-curve");

  FunctionRNA &find = funcs.function(
      "find", "The F-curve of a property path and array index, or None",
      [fcurve_type](FunctionCall &call) {
        FCurve *fcu = kernel::action_fcurve_find(D::data(call.self),
                                                 std::get<std::string>(call.args[0]),
                                                 int(std::get<int64_t>(call.args[1])));
        call.result = pointer_from_data(call.self, fcurve_type, fcu);
      });
  parameter(find, "data_path", PropertyType::String, nullptr, PARM_REQUIRED)
      .ui("Data Path", "Path of the animated property");
  parameter(find, "index", PropertyType::Int).ui("Index", "Array index").range(0, define::INT_HUGE);
  parameter(find, "fcurve", PropertyType::Pointer, fcurve_type, PARM_OUTPUT)
      .ui("", "The F-curve, or None");

  FunctionRNA &remove = funcs.function("remove", "Remove an F-curve", [](FunctionCall &call) {
    Action &action = D::data(call.self);
    const PointerRNA *arg = std::get_if<PointerRNA>(&call.args[0]);
    if (!arg || !kernel::action_fcurve_remove(action, static_cast<const FCurve *>(arg->data))) {
      raise(ErrorKind::Runtime, "F-Curve not found in action '", action.id.name, "'");
    }
    kernel::id_tag_update(&action.id, ID_RECALC_ANIMATION);
  });
  parameter(remove, "fcurve", PropertyType::Pointer, fcurve_type, PARM_REQUIRED | PROP_NEVER_NULL)
      .ui("", "The F-curve to remove");
  funcs.function("clear", "Remove every F-curve (groups stay)", [](FunctionCall &call) {
    kernel::action_fcurves_clear(D::data(call.self));
    kernel::id_tag_update(call.self.owner_id, ID_RECALC_ANIMATION);
  });

  def.collection(
         "fcurves", "FCurve", [](const PointerRNA &p) { return D::data(p).fcurves.size(); },
         [fcurve_type](const PointerRNA &p, int64_t i) {
           return pointer_from_data(p, fcurve_type, D::data(p).fcurves.get(i));
         })
      .functions(funcs.srna())
      .ui("F-Curves", "The action's F-curves");
}

void define_groups_collection(BlenderRNA &rna, D &def)
{
  const StructRNA *group_type = rna.find("ActionGroup");
  StructDef<Action> funcs = struct_<Action>(rna, "ActionGroups");
  funcs.ui("Action Groups", "The groups of an action");
  FunctionRNA &add = funcs.function("new", "Add a group", [group_type](FunctionCall &call) {
    ActionGroup &group = kernel::action_group_add(D::data(call.self),
                                                  std::get<std::string>(call.args[0]));
    call.result = pointer_from_data(call.self, group_type, &group);
  });
  parameter(add, "name", PropertyType::String, nullptr, PARM_REQUIRED)
      .ui("", "Name of the group (made unique)")
      .default_string("Group");
  parameter(add, "action_group", PropertyType::Pointer, group_type, PARM_OUTPUT)
      .ui("", "The new group");
  FunctionRNA &remove = funcs.function("remove", "Remove a group; its F-curves stay, ungrouped",
                                       [](FunctionCall &call) {
    Action &action = D::data(call.self);
    const PointerRNA *arg = std::get_if<PointerRNA>(&call.args[0]);
    const auto *group = arg ? static_cast<const ActionGroup *>(arg->data) : nullptr;
    if (!group || arg->owner_id != call.self.owner_id ||
        !kernel::action_group_remove(action, group))
    {
      raise(ErrorKind::Runtime, "Action group '", group ? group->name : std::string(),
            "' not found in action '", action.id.name, "'");
    }
    kernel::id_tag_update(&action.id, ID_RECALC_ANIMATION);
  });
  parameter(remove, "action_group", PropertyType::Pointer, group_type,
            PARM_REQUIRED | PROP_NEVER_NULL)
      .ui("", "The group to remove");

  def.collection(
         "groups", "ActionGroup", [](const PointerRNA &p) { return D::data(p).groups.size(); },
         [group_type](const PointerRNA &p, int64_t i) {
           return pointer_from_data(p, group_type, D::data(p).groups.get(i));
         },
         [group_type](const PointerRNA &p, std::string_view name) -> std::optional<PointerRNA> {
           ActionGroup *group = kernel::action_group_find(D::data(p), name);
           if (!group) {
             return std::nullopt;
           }
           return pointer_from_data(p, group_type, group);
         })
      .functions(funcs.srna())
      .ui("Groups", "The action's groups of F-curves");
}

/** The manual range when set, else the keys' range; at least one frame long. */
std::pair<float, float> frame_range(const Action &action)
{
  auto [start, end] = action.use_frame_range ?
                          std::pair<float, float>{action.frame_start, action.frame_end} :
                          curve_range(action);
  if (start >= end) {
    end = start + 1.0f;
  }
  return {start, end};
}

EnumItem id_root_item(const char *identifier, const char *name, IDType type)
{
  /* The DNA stores the ID type plus one: 0 means any type, and has no item. */
  return item(identifier, name, int(type) + 1);
}

}  // namespace

void define_action(BlenderRNA &rna)
{
  define_group(rna);
  D def = struct_<Action>(rna, "Action");
  def.ui("Action", "Animation data: F-curves over time, for one kind of data-block");
  define_fcurves_collection(rna, def);
  define_groups_collection(rna, def);

  PropertyRNA *use_range = def.boolean("use_frame_range", &Action::use_frame_range)
                               .ui("Manual Frame Range", "Use frame_start and frame_end instead "
                                                         "of the range of the keys")
                               .not_animatable()
                               .recalc(ANIMATION)
                               .get();
  use_range->set_bool = [](const PointerRNA &p, int, bool value) {
    Action &action = D::data(p);
    /* A range never set starts as the keys' range. */
    if (value && action.frame_start == 0.0f && action.frame_end == 0.0f) {
      std::tie(action.frame_start, action.frame_end) = curve_range(action);
    }
    action.use_frame_range = value;
  };
  def.boolean("use_cyclic", &Action::use_cyclic)
      .ui("Cyclic Animation", "The action loops: its end joins its start")
      .not_animatable()
      .recalc(ANIMATION);

  def.floats("frame_start", &Action::frame_start)
      .ui("Start Frame", "First frame of the manual range")
      .subtype(PropertySubtype::Time)
      .unit(PropertyUnit::Time)
      .soft_range(0, 1048574)
      .ui_step(100, 2)
      .not_animatable()
      .recalc(ANIMATION)
      .get()
      ->set_float = [](const PointerRNA &p, int, double v) {
    Action &action = D::data(p);
    action.frame_start = float(v);
    action.frame_end = std::max(action.frame_end, action.frame_start);
  };
  def.floats("frame_end", &Action::frame_end)
      .ui("End Frame", "Last frame of the manual range")
      .subtype(PropertySubtype::Time)
      .unit(PropertyUnit::Time)
      .soft_range(0, 1048574)
      .ui_step(100, 2)
      .not_animatable()
      .recalc(ANIMATION)
      .get()
      ->set_float = [](const PointerRNA &p, int, double v) {
    Action &action = D::data(p);
    action.frame_end = float(v);
    action.frame_start = std::min(action.frame_start, action.frame_end);
  };

  PropertyRNA *range = def.add("frame_range", PropertyType::Float)
                           .ui("Frame Range", "Frames the action covers; setting it sets and "
                                              "enables the manual range")
                           .subtype(PropertySubtype::XYZ)
                           .soft_range(0, 0)
                           .ui_step(1, 3)
                           .recalc(ANIMATION)
                           .get();
  range->array_dimensions[0] = 2;
  range->get_float = [](const PointerRNA &p, int i) {
    const auto [start, end] = frame_range(D::data(p));
    return double(i == 0 ? start : end);
  };
  range->set_float = [](const PointerRNA &p, int i, double v) {
    Action &action = D::data(p);
    auto [start, end] = frame_range(action);
    (i == 0 ? start : end) = float(v);
    action.use_frame_range = true;
    action.frame_start = start;
    action.frame_end = std::max(end, start);
  };
  PropertyRNA *curve = def.add("curve_frame_range", PropertyType::Float)
                           .ui("Curve Frame Range", "Frames the keys cover, at least one frame")
                           .subtype(PropertySubtype::XYZ)
                           .soft_range(0, 0)
                           .ui_step(1, 3)
                           .read_only()
                           .get();
  curve->array_dimensions[0] = 2;
  curve->get_float = [](const PointerRNA &p, int i) {
    const auto [start, end] = curve_range(D::data(p));
    return double(i == 0 ? start : end);
  };

  /* Blender's list of ID types, all of them: an action may be meant for a kind of data
   * Whisk does not have yet. Those store values past Whisk's types (IDType plus one). */
  struct Root {
    const char *identifier, *name;
    std::optional<IDType> type;
  };
  static const Root roots[] = {
      {"ACTION", "Action", IDType::Action},
      {"ARMATURE", "Armature", std::nullopt},
      {"BRUSH", "Brush", std::nullopt},
      {"CACHEFILE", "Cache File", std::nullopt},
      {"CAMERA", "Camera", IDType::Camera},
      {"COLLECTION", "Collection", IDType::Collection},
      {"CURVE", "Curve", std::nullopt},
      {"CURVES", "Curves", std::nullopt},
      {"FONT", "Font", std::nullopt},
      {"GREASEPENCIL", "Grease Pencil", std::nullopt},
      {"IMAGE", "Image", IDType::Image},
      {"KEY", "Key", std::nullopt},
      {"LATTICE", "Lattice", std::nullopt},
      {"LIBRARY", "Library", IDType::Library},
      {"LIGHT", "Light", IDType::Light},
      {"LIGHT_PROBE", "Light Probe", std::nullopt},
      {"LINESTYLE", "Line Style", std::nullopt},
      {"MASK", "Mask", std::nullopt},
      {"MATERIAL", "Material", IDType::Material},
      {"MESH", "Mesh", IDType::Mesh},
      {"META", "Metaball", std::nullopt},
      {"MOVIECLIP", "Movie Clip", std::nullopt},
      {"NODETREE", "Node Tree", IDType::NodeTree},
      {"OBJECT", "Object", IDType::Object},
      {"PAINTCURVE", "Paint Curve", std::nullopt},
      {"PALETTE", "Palette", std::nullopt},
      {"PARTICLE", "Particle", std::nullopt},
      {"POINTCLOUD", "Point Cloud", IDType::PointCloud},
      {"SCENE", "Scene", IDType::Scene},
      {"SIMULATION", "Simulation", std::nullopt},
      {"SOUND", "Sound", std::nullopt},
      {"SPEAKER", "Speaker", std::nullopt},
      {"TEXT", "Text", IDType::Text},
      {"TEXTURE", "Texture", std::nullopt},
      {"VOLUME", "Volume", std::nullopt},
      {"WINDOWMANAGER", "Window Manager", std::nullopt},
      {"WORKSPACE", "Workspace", std::nullopt},
      {"WORLD", "World", IDType::World},
  };
  std::vector<EnumItem> root_items;
  int other = 0;
  for (const Root &root : roots) {
    root_items.push_back(root.type ? id_root_item(root.identifier, root.name, *root.type) :
                                     item(root.identifier, root.name,
                                          int(dna::ID_TYPE_COUNT) + 1 + other++));
  }
  def.enumeration("id_root", &Action::id_root, std::move(root_items))
      .ui("ID Root Type", "Type of data-block the action animates")
      .recalc(ANIMATION);
}

}  // namespace whisk::rna
