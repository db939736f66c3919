#include "whisk/anim/driver.hh"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "whisk/anim/animsys.hh"
#include "whisk/base/expr_simple.hh"
#include "whisk/dna/object.hh"
#include "whisk/kernel/driver.hh"
#include "whisk/kernel/evaluation.hh"
#include "whisk/kernel/object.hh"


namespace whisk::anim {
using namespace dna;

namespace {

RotationMode euler_order(DriverRotationMode mode, const Object &ob)
{
  if (mode >= DriverRotationMode::XYZ && mode <= DriverRotationMode::ZYX) {
    return RotationMode(int(mode));
  }
  return rotation_mode_is_euler(ob.rotation_mode) ? ob.rotation_mode : RotationMode::XYZ;
}

float4x4 target_matrix(const Object &ob, DriverTransformSpace space)
{
  switch (space) {
    case DriverTransformSpace::World:
      return ob.object_to_world;
    case DriverTransformSpace::Transform:
      return kernel::object_matrix_basis(ob);
    case DriverTransformSpace::Local:
      return kernel::object_matrix_local(ob);
  }
  return ob.object_to_world;
}

std::optional<float> transform_channel(const Object &ob, const DriverTarget &target)
{
  const float4x4 m = target_matrix(ob, target.transform_space);
  float3 loc, scale;
  float3x3 rot;
  decompose(m, loc, rot, scale);
  switch (target.transform_type) {
    case DriverTransformChannel::LocX: return loc.x;
    case DriverTransformChannel::LocY: return loc.y;
    case DriverTransformChannel::LocZ: return loc.z;
    case DriverTransformChannel::ScaleX: return scale.x;
    case DriverTransformChannel::ScaleY: return scale.y;
    case DriverTransformChannel::ScaleZ: return scale.z;
    case DriverTransformChannel::ScaleAvg:
      /* The scale of volume: the cube root of the product (Blender's choice). */
      return std::cbrt(std::abs(scale.x * scale.y * scale.z));
    default: break;
  }
  if (target.rotation_mode == DriverRotationMode::Quaternion ||
      target.transform_type == DriverTransformChannel::RotW)
  {
    const Quaternion q = matrix_to_quaternion(rot);
    switch (target.transform_type) {
      case DriverTransformChannel::RotW: return q.w;
      case DriverTransformChannel::RotX: return q.x;
      case DriverTransformChannel::RotY: return q.y;
      case DriverTransformChannel::RotZ: return q.z;
      default: return std::nullopt;
    }
  }
  const float3 euler = matrix_to_euler(rot, euler_order(target.rotation_mode, ob));
  switch (target.transform_type) {
    case DriverTransformChannel::RotX: return euler.x;
    case DriverTransformChannel::RotY: return euler.y;
    case DriverTransformChannel::RotZ: return euler.z;
    default: return std::nullopt;
  }
}

const Object *target_object(const DriverTarget &target, const DriverContext &ctx)
{
  if (!target.id || target.id->type != IDType::Object) {
    return nullptr;
  }
  ID *id = ctx.to_evaluated ? ctx.to_evaluated(target.id) : target.id;
  return reinterpret_cast<const Object *>(id);
}

/** A variable's value, or nullopt when a target cannot be read. */
std::optional<float> variable_value(DriverVariable &var, const DriverContext &ctx)
{
  for (DriverTarget &target : var.targets) {
    target.is_invalid = false;
  }
  switch (var.type) {
    case DriverVarType::SingleProp: {
      DriverTarget &target = var.targets[0];
      if (!target.id) {
        target.is_invalid = true;
        return std::nullopt;
      }
      ID *id = ctx.to_evaluated ? ctx.to_evaluated(target.id) : target.id;
      Channel channel = channel_resolve(ctx.bmain, id, target.data_path, 0);
      float value;
      if (!channel.valid() || !channel.read(value)) {
        target.is_invalid = true;
        return std::nullopt;
      }
      return value;
    }
    case DriverVarType::Transforms: {
      const Object *ob = target_object(var.targets[0], ctx);
      if (!ob) {
        var.targets[0].is_invalid = true;
        return std::nullopt;
      }
      return transform_channel(*ob, var.targets[0]);
    }
    case DriverVarType::LocationDiff:
    case DriverVarType::RotationDiff: {
      const Object *a = target_object(var.targets[0], ctx);
      const Object *b = target_object(var.targets[1], ctx);
      var.targets[0].is_invalid = !a;
      var.targets[1].is_invalid = !b;
      if (!a || !b) {
        return std::nullopt;
      }
      const float4x4 ma = target_matrix(*a, var.targets[0].transform_space);
      const float4x4 mb = target_matrix(*b, var.targets[1].transform_space);
      if (var.type == DriverVarType::LocationDiff) {
        return length(ma.translation() - mb.translation());
      }
      float3 loc, scale;
      float3x3 ra, rb;
      decompose(ma, loc, ra, scale);
      decompose(mb, loc, rb, scale);
      /* The angle of the rotation taking one orientation to the other. */
      const Quaternion q = normalize(conjugate(matrix_to_quaternion(ra)) *
                                     matrix_to_quaternion(rb));
      return 2.0f * std::acos(std::clamp(std::abs(q.w), 0.0f, 1.0f));
    }
  }
  return std::nullopt;
}

}  // namespace

int driver_variable_target_count(DriverVarType type)
{
  return (type == DriverVarType::LocationDiff || type == DriverVarType::RotationDiff) ? 2 : 1;
}

float driver_evaluate(ChannelDriver &driver, const DriverContext &ctx)
{
  bool valid = true;
  std::vector<double> values;
  values.reserve(size_t(driver.variables.size()));
  for (const auto &var : driver.variables) {
    var->is_name_valid = kernel::driver_variable_name_valid(var->name);
    std::optional<float> value = variable_value(*var, ctx);
    if (!value) {
      valid = false;
      value = 0.0f;
    }
    var->value = *value;
    values.push_back(*value);
  }

  double result = driver.value;
  switch (driver.type) {
    case DriverType::Average:
    case DriverType::Sum:
      if (!values.empty()) {
        double sum = 0.0;
        for (double v : values) {
          sum += v;
        }
        result = driver.type == DriverType::Sum ? sum : sum / double(values.size());
      }
      else {
        result = 0.0;
      }
      break;
    case DriverType::Min:
    case DriverType::Max:
      if (!values.empty()) {
        result = driver.type == DriverType::Min ? *std::min_element(values.begin(), values.end()) :
                                                 *std::max_element(values.begin(), values.end());
      }
      else {
        result = 0.0;
      }
      break;
    case DriverType::Scripted: {
      if (driver.expression.empty()) {
        result = 0.0;
        break;
      }
      if (const SimpleExpr *expr = kernel::driver_simple_expression(driver)) {
        std::vector<double> params{double(ctx.frame)};
        params.insert(params.end(), values.begin(), values.end());
        const ExprResult r = expr->evaluate(params);
        if (!r.ok()) {
          /* Blender outputs 0 from a driver whose expression failed. */
          valid = false;
          result = 0.0;
        }
        else if (std::isfinite(r.value)) {
          result = r.value;
        }
        break;
      }
      if (!ctx.bmain || !ctx.bmain->scripts_trusted) {
        driver.is_blocked_untrusted = true;
        break;
      }
      driver.is_blocked_untrusted = false;
      const kernel::ScriptedExpressionFn &python = kernel::scripted_expression_fn();
      if (!ctx.allow_python || !python) {
        valid = false;
        break;
      }
      std::vector<std::pair<std::string, double>> vars{{"frame", double(ctx.frame)}};
      for (int64_t i = 0; i < driver.variables.size(); i++) {
        vars.emplace_back(driver.variables[i].name, values[size_t(i)]);
      }
      double value = 0.0;
      if (python(driver.expression, vars, driver.use_self ? ctx.self : nullptr, value)) {
        result = value;
      }
      else {
        valid = false;
      }
      break;
    }
  }
  driver.is_valid = valid;
  driver.value = float(result);
  return driver.value;
}

}  // namespace whisk::anim
