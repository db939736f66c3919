// Animation data and drivers: ID.animation_data, AnimData, Driver, DriverVariable and
// DriverTarget. F-curves, keyframes and their modifiers are declared in rna_fcurve.cc.

#include "defs.hh"
#include "fcurve_common.hh"
#include "whisk/kernel/anim_data.hh"
#include "whisk/kernel/driver.hh"
#include "whisk/kernel/id_type.hh"

namespace whisk::rna {
using namespace define;
using namespace dna;
using defs::item;

namespace {

constexpr uint32_t ANIMATION = ID_RECALC_ANIMATION;

AnimData &adt_of(const PointerRNA &p) { return *static_cast<AnimData *>(p.data); }
ChannelDriver &driver_of(const PointerRNA &p) { return *static_cast<ChannelDriver *>(p.data); }
DriverVariable &var_of(const PointerRNA &p) { return *static_cast<DriverVariable *>(p.data); }
DriverTarget &target_of(const PointerRNA &p) { return *static_cast<DriverTarget *>(p.data); }

/** Edits of drivers change relations (targets) or values: rebuild and re-evaluate. */
void drivers_changed(Main &bmain, const PointerRNA &p)
{
  if (p.owner_id) {
    kernel::id_tag_update(p.owner_id, ANIMATION | ID_RECALC_HIERARCHY);
  }
  bmain.relations_version++;
}

/** Where in the owner's drivers a driver, variable or target lives. */
struct DriverLocation {
  int64_t curve = -1, variable = -1, target = -1;
};
DriverLocation locate(const PointerRNA &p, const void *data)
{
  const AnimData *adt = p.owner_id ? p.owner_id->anim_data : nullptr;
  if (!adt) {
    return {};
  }
  for (int64_t c = 0; c < adt->drivers.size(); c++) {
    const ChannelDriver *driver = adt->drivers[c].driver.get();
    if (!driver) {
      continue;
    }
    if (driver == data) {
      return {c, -1, -1};
    }
    for (int64_t v = 0; v < driver->variables.size(); v++) {
      const DriverVariable &var = driver->variables[v];
      if (&var == data) {
        return {c, v, -1};
      }
      for (int t = 0; t < 2; t++) {
        if (&var.targets[t] == data) {
          return {c, v, t};
        }
      }
    }
  }
  return {};
}

std::optional<std::string> driver_path(const PointerRNA &p)
{
  const DriverLocation at = locate(p, p.data);
  if (at.curve < 0) {
    return std::nullopt;
  }
  std::string path = "animation_data.drivers[" + std::to_string(at.curve) + "].driver";
  if (at.variable >= 0) {
    path += ".variables[" + std::to_string(at.variable) + "]";
  }
  if (at.target >= 0) {
    path += ".targets[" + std::to_string(at.target) + "]";
  }
  return path;
}

const std::vector<EnumItem> &id_type_items()
{
  static const std::vector<EnumItem> items = [] {
    std::vector<EnumItem> out;
    for (int i = 0; i < ID_TYPE_COUNT; i++) {
      const kernel::IDTypeInfo *const *info = &kernel::id_type_infos()[i];
      /* Blender's identifiers are the struct names in capitals (NODETREE, POINTCLOUD). */
      std::string identifier;
      for (const char *c = (*info)->name; *c; c++) {
        identifier += char(std::toupper(static_cast<unsigned char>(*c)));
      }
      out.push_back(EnumItem{identifier, (*info)->name, "", int((*info)->type)});
    }
    return out;
  }();
  return items;
}

void define_driver_target(BlenderRNA &rna)
{
  StructDef<DriverTarget> def = struct_<DriverTarget>(rna, "DriverTarget");
  def.ui("Driver Target", "Source of input values for driver variables");
  def.srna()->path = driver_path;
  def.pointer(
         "id", "ID",
         [](const PointerRNA &p) { return pointer_from_id(p.main, target_of(p).id); },
         [](const PointerRNA &p, const PointerRNA &value) {
           DriverTarget &target = target_of(p);
           ID *id = value.is_null() ? nullptr : value.owner_id;
           if (id && id->type != target.id_type) {
             raise(ErrorKind::Type, "DriverTarget.id: expected a ",
                   kernel::id_type_info(target.id_type).name, ", not ",
                   kernel::id_type_info(id->type).name);
           }
           kernel::id_ref_assign_raw(defs::main_of(p), p.owner_id, target.id, id, 0);
         })
      .ui("ID", "ID-block that the specific property used can be found from")
      .update(drivers_changed);
  def.enumeration("id_type", &DriverTarget::id_type, id_type_items())
      .ui("ID Type", "Type of ID-block that can be used")
      .not_animatable()
      .update(drivers_changed)
      .get()
      ->set_enum = [](const PointerRNA &p, int value) {
    DriverTarget &target = target_of(p);
    if (target.id && int(target.id->type) != value) {
      kernel::id_ref_assign_raw(defs::main_of(p), p.owner_id, target.id, nullptr, 0);
    }
    target.id_type = IDType(value);
  };
  PropertyDef path = def.add("data_path", PropertyType::String);
  path.ui("Data Path", "RNA Path (from ID-block) to property used").update(drivers_changed);
  path.get()->get_string = [](const PointerRNA &p) { return target_of(p).data_path; };
  path.get()->set_string = [](const PointerRNA &p, std::string_view v) {
    target_of(p).data_path = std::string(v);
  };
  PropertyDef bone = def.add("bone_target", PropertyType::String);
  bone.ui("Bone", "Name of PoseBone to use as target").update(drivers_changed);
  bone.get()->get_string = [](const PointerRNA &p) { return target_of(p).bone_target; };
  bone.get()->set_string = [](const PointerRNA &p, std::string_view v) {
    target_of(p).bone_target = std::string(v);
  };
  def.enumeration("transform_type", &DriverTarget::transform_type,
                  {item("LOC_X", "X Location", 0), item("LOC_Y", "Y Location", 1),
                   item("LOC_Z", "Z Location", 2), item("ROT_X", "X Rotation", 3),
                   item("ROT_Y", "Y Rotation", 4), item("ROT_Z", "Z Rotation", 5),
                   item("ROT_W", "W Rotation", 10), item("SCALE_X", "X Scale", 6),
                   item("SCALE_Y", "Y Scale", 7), item("SCALE_Z", "Z Scale", 8),
                   item("SCALE_AVG", "Average Scale", 9)})
      .ui("Type", "Driver variable type")
      .not_animatable()
      .update(drivers_changed);
  def.enumeration("rotation_mode", &DriverTarget::rotation_mode,
                  {item("AUTO", "Auto Euler", 0), item("XYZ", "XYZ Euler", 1),
                   item("XZY", "XZY Euler", 2), item("YXZ", "YXZ Euler", 3),
                   item("YZX", "YZX Euler", 4), item("ZXY", "ZXY Euler", 5),
                   item("ZYX", "ZYX Euler", 6), item("QUATERNION", "Quaternion", 7),
                   item("SWING_TWIST_X", "Swing and X Twist", 8),
                   item("SWING_TWIST_Y", "Swing and Y Twist", 9),
                   item("SWING_TWIST_Z", "Swing and Z Twist", 10)})
      .ui("Rotation Mode", "Mode for calculating rotation channel values")
      .not_animatable()
      .update(drivers_changed);
  def.enumeration("transform_space", &DriverTarget::transform_space,
                  {item("WORLD_SPACE", "World Space", 0),
                   item("TRANSFORM_SPACE", "Transform Space", 1),
                   item("LOCAL_SPACE", "Local Space", 2)})
      .ui("Transform Space", "Space in which transforms are used")
      .not_animatable()
      .update(drivers_changed);
}

void define_driver_variable(BlenderRNA &rna)
{
  StructDef<DriverVariable> def = struct_<DriverVariable>(rna, "DriverVariable");
  def.ui("Driver Variable", "Variable from some source/target for driver relationship");
  def.srna()->path = driver_path;
  PropertyDef name = def.add("name", PropertyType::String);
  name.ui("Name", "Name to use in scripted expressions/functions (no spaces or dots are "
                  "allowed, and must start with a letter)")
      .max_length(64)
      .update(drivers_changed);
  name.get()->get_string = [](const PointerRNA &p) { return var_of(p).name; };
  name.get()->set_string = [](const PointerRNA &p, std::string_view v) {
    DriverVariable &var = var_of(p);
    var.name = std::string(v.substr(0, 63));
    var.is_name_valid = kernel::driver_variable_name_valid(var.name);
  };
  def.srna()->name_property = name.get();
  def.enumeration("type", &DriverVariable::type,
                  {item("SINGLE_PROP", "Single Property", 0),
                   item("TRANSFORMS", "Transform Channel", 3),
                   item("ROTATION_DIFF", "Rotational Difference", 1),
                   item("LOC_DIFF", "Distance", 2)})
      .ui("Type", "Driver variable type")
      .not_animatable()
      .update(drivers_changed)
      .get()
      ->set_enum = [](const PointerRNA &p, int value) {
    DriverVariable &var = var_of(p);
    var.type = DriverVarType(value);
    /* Transform variables read objects. */
    if (var.type != DriverVarType::SingleProp) {
      for (DriverTarget &target : var.targets) {
        target.id_type = IDType::Object;
      }
    }
  };
  def.collection(
         "targets", "DriverTarget",
         [](const PointerRNA &p) -> int64_t {
           const DriverVariable &var = var_of(p);
           return (var.type == DriverVarType::LocationDiff ||
                   var.type == DriverVarType::RotationDiff) ?
                      2 :
                      1;
         },
         [](const PointerRNA &p, int64_t i) {
           return pointer_from_data(p, blender_rna().find("DriverTarget"),
                                    &var_of(p).targets[i]);
         })
      .ui("Targets", "Sources of input data for evaluating this variable");
  def.boolean("is_name_valid", &DriverVariable::is_name_valid)
      .ui("Is Name Valid", "Is this a valid name for a driver variable")
      .read_only();
}

void define_driver(BlenderRNA &rna)
{
  StructDef<ChannelDriver> vars = struct_<ChannelDriver>(rna, "ChannelDriverVariables");
  vars.ui("ChannelDriver Variables", "Collection of channel driver Variables");
  FunctionRNA &add = vars.function("new", "Add a new variable for the driver",
                                   [](FunctionCall &call) {
                                     ChannelDriver &driver = driver_of(call.self);
                                     DriverVariable &var = driver.variables.append(
                                         std::make_unique<DriverVariable>());
                                     /* New variables are named var, var_001, ... */
                                     if (driver.variables.size() > 1) {
                                       char name[16];
                                       std::snprintf(name, sizeof(name), "var_%03d",
                                                     int(driver.variables.size() - 1));
                                       var.name = name;
                                     }
                                     drivers_changed(*call.main, call.self);
                                     call.result = pointer_from_data(
                                         call.self, blender_rna().find("DriverVariable"), &var);
                                   });
  parameter(add, "var", PropertyType::Pointer, rna.find("DriverVariable"), PARM_OUTPUT)
      .ui("", "Newly created Driver Variable");
  FunctionRNA &remove = vars.function(
      "remove", "Remove an existing variable from the driver", [](FunctionCall &call) {
        ChannelDriver &driver = driver_of(call.self);
        const auto *value = std::get_if<PointerRNA>(&call.args[0]);
        const int64_t index = value ? driver.variables.index_of(
                                          static_cast<DriverVariable *>(value->data)) :
                                      -1;
        if (index < 0) {
          raise(ErrorKind::Runtime, "Variable does not exist in this driver");
        }
        driver.variables.remove(index);
        kernel::data_generation_bump();
        drivers_changed(*call.main, call.self);
      });
  parameter(remove, "variable", PropertyType::Pointer, rna.find("DriverVariable"),
            PARM_REQUIRED | PROP_NEVER_NULL)
      .ui("", "Variable to remove from the driver");

  StructDef<ChannelDriver> def = struct_<ChannelDriver>(rna, "Driver");
  def.ui("Driver", "Driver for the value of a setting based on an external value");
  def.srna()->path = driver_path;
  def.enumeration("type", &ChannelDriver::type,
                  {item("AVERAGE", "Averaged Value", 0), item("SUM", "Sum Values", 2),
                   item("SCRIPTED", "Scripted Expression", 1), item("MIN", "Minimum Value", 3),
                   item("MAX", "Maximum Value", 4)})
      .ui("Type", "Driver type")
      .not_animatable()
      .update(drivers_changed);
  PropertyDef expr = def.add("expression", PropertyType::String);
  expr.ui("Expression", "Expression to use for Scripted Expression").update(drivers_changed);
  expr.get()->get_string = [](const PointerRNA &p) { return driver_of(p).expression; };
  expr.get()->set_string = [](const PointerRNA &p, std::string_view v) {
    ChannelDriver &driver = driver_of(p);
    /* Blender keeps 255 bytes; an edited expression gets another chance. */
    driver.expression = std::string(v.substr(0, 255));
    driver.is_valid = true;
  };
  PropertyDef variables = def.collection(
      "variables", "DriverVariable",
      [](const PointerRNA &p) { return driver_of(p).variables.size(); },
      [](const PointerRNA &p, int64_t i) {
        return pointer_from_data(p, blender_rna().find("DriverVariable"),
                                 driver_of(p).variables.get(i));
      });
  variables.ui("Variables", "Properties acting as inputs for this driver")
      .functions(rna.find("ChannelDriverVariables"));
  def.boolean("use_self", &ChannelDriver::use_self)
      .ui("Use Self", "Include a 'self' variable in the name-space of Python expressions")
      .not_animatable()
      .update(drivers_changed);
  def.boolean("is_valid", &ChannelDriver::is_valid)
      .ui("Invalid", "Driver could not be evaluated in past, so should be skipped")
      .not_animatable()
      .update(drivers_changed);
  def.add("is_simple_expression", PropertyType::Boolean)
      .ui("Simple Expression", "The scripted expression can be evaluated without using the "
                               "full Python interpreter")
      .read_only()
      .get()
      ->get_bool = [](const PointerRNA &p, int) {
    return kernel::driver_is_simple_expression(driver_of(p));
  };
}

void define_anim_data(BlenderRNA &rna)
{
  StructDef<AnimData> def = struct_<AnimData>(rna, "AnimData");
  def.ui("Animation Data", "Animation data for data-block");
  def.srna()->path = [](const PointerRNA &) -> std::optional<std::string> {
    return std::string("animation_data");
  };
  def.pointer(
         "action", "Action",
         [](const PointerRNA &p) {
           return pointer_from_id(p.main, reinterpret_cast<ID *>(adt_of(p).action));
         },
         [](const PointerRNA &p, const PointerRNA &value) {
           ID *id = value.is_null() ? nullptr : value.owner_id;
           auto *action = reinterpret_cast<Action *>(id);
           if (action && action->id_root && action->id_root != uint8_t(int(p.owner_id->type) + 1))
           {
             raise(ErrorKind::Type, "Could not set action '", action->id.name,
                   "' onto ID '", p.owner_id->name,
                   "', as it does not have suitably rooted paths for this purpose");
           }
           kernel::anim_data_action_set(defs::main_of(p), p.owner_id, action);
         })
      .ui("Action", "Active Action for this data-block")
      .update(drivers_changed);
  def.floats("action_influence", &AnimData::action_influence)
      .ui("Action Influence", "Amount the Active Action contributes to the result")
      .range(0, 1)
      .default_value(1)
      .recalc(ANIMATION);
  def.enumeration("action_blend_type", &AnimData::action_blend_type,
                  {item("REPLACE", "Replace", 0), item("COMBINE", "Combine", 4),
                   item("ADD", "Add", 3), item("SUBTRACT", "Subtract", 2),
                   item("MULTIPLY", "Multiply", 1)})
      .ui("Action Blending", "Method used for combining Active Action's result with result "
                             "of NLA stack")
      .recalc(ANIMATION);
  def.enumeration("action_extrapolation", &AnimData::action_extrapolation,
                  {item("NOTHING", "Nothing", 2), item("HOLD", "Hold", 1),
                   item("HOLD_FORWARD", "Hold Forward", 0)})
      .ui("Action Extrapolation", "Action to take for gaps past the Active Action's range")
      .recalc(ANIMATION);
  def.boolean("use_nla", &AnimData::use_nla)
      .ui("NLA Evaluation Enabled", "NLA stack is evaluated when evaluating this block")
      .not_animatable()
      .recalc(ANIMATION);
  def.boolean("use_tweak_mode", &AnimData::use_tweak_mode)
      .ui("Use NLA Tweak Mode", "Whether to enable or disable tweak mode in NLA")
      .not_animatable();
  def.boolean("use_pin", &AnimData::use_pin).ui("Pin in Graph Editor", "").not_animatable();
  def.collection(
         "drivers", "FCurve", [](const PointerRNA &p) { return adt_of(p).drivers.size(); },
         [](const PointerRNA &p, int64_t i) {
           return pointer_from_data(p, blender_rna().find("FCurve"), adt_of(p).drivers.get(i));
         })
      .ui("Drivers", "The Drivers/Expressions for this data-block");

  /* animation_data on each animatable type (as Blender declares it), the functions on ID. */
  for (int i = 0; i < ID_TYPE_COUNT; i++) {
    const kernel::IDTypeInfo &info = kernel::id_type_info(IDType(i));
    if (!(info.flags & kernel::IDTYPE_FLAG_ANIMATABLE) || !rna.find(info.name)) {
      continue;
    }
    StructDef<ID> owner = struct_<ID>(rna, info.name);
    owner.pointer("animation_data", "AnimData", [](const PointerRNA &p) {
           ID &id = *static_cast<ID *>(p.data);
           return id.anim_data ? pointer_from_data(p, blender_rna().find("AnimData"), id.anim_data) :
                                 PointerRNA{};
         }).ui("Animation Data", "Animation data for this data-block");
  }
  StructDef<ID> id = struct_<ID>(rna, "ID");
  FunctionRNA &create = id.function(
      "animation_data_create", "Create animation data to this ID, note that not all ID types "
                               "support this",
      [](FunctionCall &call) {
        ID &owner = *call.self.owner_id;
        if (!kernel::id_is_animatable(&owner)) {
          call.result = PointerRNA{};
          return;
        }
        AnimData &adt = kernel::id_anim_data_ensure(&owner);
        call.result = pointer_from_data(call.self, blender_rna().find("AnimData"), &adt);
      });
  parameter(create, "anim_data", PropertyType::Pointer, rna.find("AnimData"), PARM_OUTPUT)
      .ui("", "New animation data or nullptr");
  id.function("animation_data_clear", "Clear animation on this ID", [](FunctionCall &call) {
    kernel::id_anim_data_free(*call.main, call.self.owner_id);
    call.main->relations_version++;
    kernel::data_generation_bump();
  });
}

}  // namespace

void define_anim(BlenderRNA &rna)
{
  define_driver_target(rna);
  define_driver_variable(rna);
  define_driver(rna);
  define_anim_data(rna);
}

}  // namespace whisk::rna
