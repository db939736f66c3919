#include "whisk/anim/animsys.hh"

#include <cmath>
#include <type_traits>
#include <variant>

#include "whisk/base/error.hh"
#include "whisk/kernel/fcurve.hh"
#include "whisk/kernel/idprop.hh"
#include "whisk/rna/structs.hh"

namespace whisk::anim {
using rna::PropertyType;

namespace {

/** The numeric custom property `["name"]` of the ID, or nullptr. */
dna::IDProperty *idprop_channel(ID *id, std::string_view path)
{
  if (path.size() < 5 || path.substr(0, 2) != "[\"" || path.substr(path.size() - 2) != "\"]") {
    return nullptr;
  }
  dna::IDProperty *prop = id->properties ?
                              kernel::idprop_find(id->properties, path.substr(2, path.size() - 4)) :
                              nullptr;
  if (!prop) {
    return nullptr;
  }
  const bool numeric = std::holds_alternative<int32_t>(prop->value) ||
                       std::holds_alternative<float>(prop->value) ||
                       std::holds_alternative<double>(prop->value) ||
                       std::holds_alternative<bool>(prop->value);
  return numeric ? prop : nullptr;
}

}  // namespace

bool is_idprop_path(std::string_view path)
{
  return path.size() >= 4 && path.substr(0, 2) == "[\"" && path.substr(path.size() - 2) == "\"]";
}

dna::IDProperty *find_idprop_channel(ID *id, std::string_view path)
{
  return idprop_channel(id, path);
}

void Channel::write(float value) const
{
  if (idprop) {
    std::visit(
        [&](auto &v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, int32_t>) {
            v = int32_t(std::lround(value));
          }
          else if constexpr (std::is_same_v<T, float> || std::is_same_v<T, double>) {
            v = T(value);
          }
          else if constexpr (std::is_same_v<T, bool>) {
            v = value >= 0.5f;
          }
        },
        idprop->value);
    return;
  }
  switch (prop->type) {
    case PropertyType::Float:
      prop->set_float(ptr, index, value);
      break;
    case PropertyType::Int:
      prop->set_int(ptr, index, int64_t(std::lround(value)));
      break;
    case PropertyType::Boolean:
      prop->set_bool(ptr, index, value >= 0.5f);
      break;
    case PropertyType::Enum:
      prop->set_enum(ptr, int(value));
      break;
    default:
      break;
  }
}

bool Channel::read(float &value) const
{
  if (idprop) {
    bool ok = false;
    std::visit(
        [&](const auto &v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_arithmetic_v<T>) {
            value = float(v);
            ok = true;
          }
        },
        idprop->value);
    return ok;
  }
  switch (prop->type) {
    case PropertyType::Float:
      value = float(prop->get_float(ptr, index));
      return true;
    case PropertyType::Int:
      value = float(prop->get_int(ptr, index));
      return true;
    case PropertyType::Boolean:
      value = prop->get_bool(ptr, index) ? 1.0f : 0.0f;
      return true;
    case PropertyType::Enum:
      value = float(prop->get_enum(ptr));
      return true;
    default:
      return false;
  }
}

Channel channel_resolve(kernel::Main *bmain, ID *id, std::string_view path, int index)
{
  Channel channel;
  if (is_idprop_path(path)) {
    channel.idprop = idprop_channel(id, path);
    return channel;
  }
  /* "location.x": an element of an array, by its component name. */
  if (path.size() > 2 && path[path.size() - 2] == '.') {
    const char axis = path.back();
    const int element = axis == 'x' ? 0 : axis == 'y' ? 1 : axis == 'z' ? 2 : axis == 'w' ? 3 : -1;
    if (element >= 0) {
      Channel array = channel_resolve(bmain, id, path.substr(0, path.size() - 2), element);
      if (array.valid() && array.prop &&
          rna::property_array_length(array.ptr, *array.prop) > element)
      {
        return array;
      }
    }
  }
  try {
    rna::ResolvedPath resolved = rna::path_resolve(rna::pointer_from_id(bmain, id), path);
    const rna::PropertyRNA *prop = resolved.prop;
    if (!prop || !resolved.ptr.data) {
      return channel;
    }
    switch (prop->type) {
      case PropertyType::Float:
      case PropertyType::Int:
      case PropertyType::Boolean:
      case PropertyType::Enum:
        break;
      default:
        return channel;
    }
    const int length = rna::property_array_length(resolved.ptr, *prop);
    /* "location[1]" carries its own index; "location" with index 1 takes the curve's. */
    const int element = resolved.index >= 0 ? resolved.index : index;
    if (length == 0 ? element != 0 : (element < 0 || element >= length)) {
      return channel;
    }
    if (prop->type == PropertyType::Enum && prop->is_enum_flag()) {
      return channel;
    }
    channel.ptr = resolved.ptr;
    channel.prop = prop;
    channel.index = element;
  }
  catch (const Error &) {
    /* An unresolvable path is not an error of evaluation: the curve is disabled. */
  }
  return channel;
}

void ActionChannels::resolve(kernel::Main *bmain, ID *id, const dna::Action &action)
{
  channels_.clear();
  channels_.reserve(size_t(action.fcurves.size()));
  for (const auto &fcu : action.fcurves) {
    channels_.push_back(channel_resolve(bmain, id, fcu->data_path, fcu->array_index));
  }
  action_ = &action;
  curve_count_ = action.fcurves.size();
}

void ActionChannels::evaluate(const dna::Action &action, float frame,
                              const ActionChannels *flush_to) const
{
  for (int64_t i = 0; i < action.fcurves.size(); i++) {
    const dna::FCurve &fcu = action.fcurves[i];
    const Channel &channel = channels_[size_t(i)];
    /* Curves of one action may be evaluated for several IDs at once: read only. */
    if (!channel.valid()) {
      continue;
    }
    if ((fcu.flag & dna::FCURVE_MUTED) || (fcu.group && fcu.group->mute)) {
      continue;
    }
    if (fcu.keyframe_points.empty() && fcu.modifiers.empty()) {
      continue;
    }
    const float value = kernel::fcurve_evaluate(fcu, frame);
    channel.write(value);
    if (flush_to && flush_to->channels_[size_t(i)].valid()) {
      flush_to->channels_[size_t(i)].write(value);
    }
  }
}

}  // namespace whisk::anim
