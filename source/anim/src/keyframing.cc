#include "whisk/anim/keyframing.hh"

#include <cstdio>
#include <string>

#include "whisk/anim/animsys.hh"
#include "whisk/base/error.hh"
#include "whisk/kernel/anim_data.hh"
#include "whisk/kernel/fcurve.hh"
#include "whisk/kernel/id_type.hh"
#include "whisk/kernel/idprop.hh"
#include "whisk/kernel/lib_id.hh"

namespace whisk::anim {
using namespace dna;
using rna::PropertyType;

namespace {

/** A property found for keying: the owner ID, the path from it, and its elements. */
struct Target {
  ID *id = nullptr;
  std::string path;
  rna::PointerRNA ptr;
  const rna::PropertyRNA *prop = nullptr;
  /** Elements to key: one index, or all of an array. */
  std::vector<int> indices;
  /** A custom property of the ID instead of an RNA property. */
  IDProperty *idprop = nullptr;

  Channel channel(int index) const
  {
    Channel c{ptr, prop, index};
    c.idprop = idprop;
    return c;
  }
};

/** `["name"]` on an ID: its custom property, which must hold a number. */
Target find_idprop_target(const rna::PointerRNA &ptr, std::string_view path, const char *func)
{
  ID *id = ptr.owner_id;
  const bool on_id = id && ptr.data == static_cast<void *>(id);
  const std::string_view name = path.substr(2, path.size() - 4);
  IDProperty *prop = on_id && id->properties ? kernel::idprop_find(id->properties, name) :
                                               nullptr;
  if (!prop) {
    raise(ErrorKind::Type, "bpy_struct.", func, " property \"", path, "\" not found");
  }
  Target target;
  target.idprop = find_idprop_channel(id, path);
  if (!target.idprop || !kernel::id_is_animatable(id)) {
    raise(ErrorKind::Type, "bpy_struct.", func, " property \"", path, "\" not animatable");
  }
  target.id = id;
  target.ptr = ptr;
  target.path = std::string(path);
  target.indices = {0};
  return target;
}

Target find_target(const rna::PointerRNA &ptr, std::string_view path, int index,
                   const char *func)
{
  if (is_idprop_path(path)) {
    return find_idprop_target(ptr, path, func);
  }
  rna::ResolvedPath resolved;
  try {
    resolved = rna::path_resolve(ptr, path);
  }
  catch (const Error &) {
    raise(ErrorKind::Type, "bpy_struct.", func, " property \"", path, "\" not found");
  }
  const rna::PropertyRNA *prop = resolved.prop;
  if (!prop) {
    raise(ErrorKind::Type, "bpy_struct.", func, " property \"", path, "\" not found");
  }
  const bool numeric = prop->type == PropertyType::Float || prop->type == PropertyType::Int ||
                       prop->type == PropertyType::Boolean || prop->type == PropertyType::Enum;
  if (!numeric || !prop->is_animatable()) {
    raise(ErrorKind::Type, "bpy_struct.", func, " property \"", path, "\" not animatable");
  }
  Target target;
  target.ptr = resolved.ptr;
  target.prop = prop;
  target.id = resolved.ptr.owner_id;
  if (!target.id || !kernel::id_is_animatable(target.id)) {
    raise(ErrorKind::Type, "bpy_struct.", func, " could not make path to \"", path, "\"");
  }
  std::optional<std::string> full = rna::path_from_id(resolved.ptr, prop);
  if (!full) {
    raise(ErrorKind::Type, "bpy_struct.", func, " could not make path to \"", path, "\"");
  }
  target.path = *full;
  const int length = rna::property_array_length(resolved.ptr, *prop);
  if (resolved.index >= 0) {
    target.indices = {resolved.index};
  }
  else if (index < 0) {
    for (int i = 0; i < std::max(length, 1); i++) {
      target.indices.push_back(i);
    }
  }
  else {
    if (index >= std::max(length, 1)) {
      raise(ErrorKind::Type, "bpy_struct.", func, " index out of range \"", path, "\", given ",
            index, ", array length is ", length);
    }
    target.indices = {index};
  }
  return target;
}

/** Integer curves round; booleans and enums jump. */
void set_value_flags(FCurve &fcu, const rna::PropertyRNA &prop)
{
  if (prop.type == PropertyType::Boolean || prop.type == PropertyType::Enum) {
    fcu.flag |= FCURVE_DISCRETE_VALUES | FCURVE_INT_VALUES;
  }
  else if (prop.type == PropertyType::Int) {
    fcu.flag |= FCURVE_INT_VALUES;
  }
}

Action &action_ensure(kernel::Main &bmain, ID *id)
{
  AnimData &adt = kernel::id_anim_data_ensure(id);
  if (!adt.action) {
    auto *action = kernel::id_new<Action>(bmain, std::string(id->name) + "Action");
    action->id_root = uint8_t(int(id->type) + 1);
    kernel::anim_data_action_set(bmain, id, action);
  }
  return *adt.action;
}

void relations_changed(kernel::Main &bmain, ID *id)
{
  kernel::id_tag_update(id, ID_RECALC_ANIMATION | ID_RECALC_HIERARCHY);
  bmain.relations_version++;
  kernel::data_generation_bump();
}

/** The expression a new driver starts with: the current value as Blender writes it. */
std::string value_expression(const Channel &channel)
{
  if (channel.prop && channel.prop->type == PropertyType::Boolean) {
    return channel.prop->get_bool(channel.ptr, channel.index) ? "True" : "False";
  }
  float value = 0.0f;
  channel.read(value);
  if (channel.prop && channel.prop->type != PropertyType::Float) {
    return std::to_string(int64_t(value));
  }
  char text[64];
  std::snprintf(text, sizeof(text), "%.3f", double(value));
  std::string s = text;
  /* Trailing zeros go, but one digit stays after the point ("1.0"). */
  while (s.size() > 2 && s.back() == '0' && s[s.size() - 2] != '.') {
    s.pop_back();
  }
  return s;
}

}  // namespace

bool keyframe_insert(kernel::Main &bmain, const rna::PointerRNA &ptr, std::string_view path,
                     int index, float frame, std::string_view group, uint32_t options)
{
  Target target = find_target(ptr, path, index, "keyframe_insert()");
  if (target.id->lib) {
    raise(ErrorKind::Runtime, "bpy_struct.keyframe_insert() cannot key linked data \"",
          target.id->name, "\"");
  }
  bool inserted = false;
  bool created = false;
  for (int i : target.indices) {
    Channel channel = target.channel(i);
    float value = 0.0f;
    channel.read(value);
    AnimData *adt = kernel::id_anim_data(target.id);
    FCurve *fcu = adt && adt->action ?
                      kernel::action_fcurve_find(*adt->action, target.path, i) :
                      nullptr;
    if (!fcu) {
      if (options & (KEYFRAME_AVAILABLE | KEYFRAME_REPLACE)) {
        continue;
      }
      Action &action = action_ensure(bmain, target.id);
      fcu = &kernel::action_fcurve_ensure(action, target.path, i, group);
      if (target.prop) {
        set_value_flags(*fcu, *target.prop);
      }
      created = true;
    }
    uint32_t flags = kernel::INSERTKEY_NONE;
    if (options & KEYFRAME_NEEDED) {
      flags |= kernel::INSERTKEY_NEEDED;
    }
    if (options & KEYFRAME_REPLACE) {
      flags |= kernel::INSERTKEY_REPLACE;
    }
    if (options & KEYFRAME_CYCLE_AWARE) {
      flags |= kernel::INSERTKEY_CYCLE_AWARE;
    }
    const size_t before = fcu->keyframe_points.size();
    const int key = kernel::fcurve_insert_keyframe(*fcu, frame, value, KeyframeType::Keyframe,
                                                   flags);
    if (key < 0) {
      continue;
    }
    if (fcu->keyframe_points.size() > before) {
      /* New keys on discrete curves hold; on integer curves they ramp. */
      BezTriple &bezt = fcu->keyframe_points[size_t(key)];
      if (fcu->flag & FCURVE_DISCRETE_VALUES) {
        bezt.interpolation = KeyInterpolation::Constant;
      }
      else if ((fcu->flag & FCURVE_INT_VALUES) &&
               bezt.interpolation == KeyInterpolation::Bezier)
      {
        bezt.interpolation = KeyInterpolation::Linear;
      }
    }
    inserted = true;
  }
  if (created) {
    relations_changed(bmain, target.id);
  }
  else if (inserted) {
    kernel::id_tag_update(target.id, ID_RECALC_ANIMATION);
    kernel::id_tag_update(&kernel::id_anim_data(target.id)->action->id, ID_RECALC_ANIMATION);
    kernel::data_generation_bump();
  }
  bmain.is_dirty |= inserted;
  return inserted;
}

bool keyframe_delete(kernel::Main &bmain, const rna::PointerRNA &ptr, std::string_view path,
                     int index, float frame)
{
  Target target = find_target(ptr, path, index, "keyframe_insert()");
  AnimData *adt = kernel::id_anim_data(target.id);
  if (!adt || !adt->action) {
    return false;
  }
  bool deleted = false;
  for (int i : target.indices) {
    FCurve *fcu = kernel::action_fcurve_find(*adt->action, target.path, i);
    if (!fcu || !kernel::fcurve_delete_keyframe(*fcu, frame)) {
      continue;
    }
    deleted = true;
    if (fcu->keyframe_points.empty() && fcu->modifiers.empty()) {
      kernel::action_fcurve_remove(*adt->action, fcu);
    }
  }
  if (deleted) {
    relations_changed(bmain, target.id);
    bmain.is_dirty = true;
  }
  return deleted;
}

std::vector<FCurve *> driver_add(kernel::Main &bmain, const rna::PointerRNA &ptr,
                                 std::string_view path, int index)
{
  Target target = find_target(ptr, path, index, "driver_add():");
  AnimData &adt = kernel::id_anim_data_ensure(target.id);
  std::vector<FCurve *> curves;
  for (int i : target.indices) {
    if (FCurve *existing = kernel::anim_data_driver_find(adt, target.path, i)) {
      curves.push_back(existing);
      continue;
    }
    auto fcu = std::make_unique<FCurve>();
    fcu->data_path = target.path;
    fcu->array_index = i;
    if (target.prop) {
      set_value_flags(*fcu, *target.prop);
    }
    fcu->driver.reset(std::make_unique<ChannelDriver>());
    fcu->driver->type = DriverType::Scripted;
    fcu->driver->expression = value_expression(target.channel(i));
    kernel::fcurve_modifier_add(*fcu, FModifierType::Generator);
    curves.push_back(&adt.drivers.append(std::move(fcu)));
  }
  relations_changed(bmain, target.id);
  bmain.is_dirty = true;
  return curves;
}

bool driver_remove(kernel::Main &bmain, const rna::PointerRNA &ptr, std::string_view path,
                   int index)
{
  Target target = find_target(ptr, path, index, "driver_remove():");
  AnimData *adt = kernel::id_anim_data(target.id);
  if (!adt) {
    return false;
  }
  bool removed = false;
  for (int i : target.indices) {
    removed |= kernel::anim_data_driver_remove(*adt, target.path, i);
  }
  if (removed) {
    relations_changed(bmain, target.id);
  }
  return removed;
}

}  // namespace whisk::anim
