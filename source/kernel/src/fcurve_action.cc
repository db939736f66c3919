// F-curves in actions: finding and creating them, groups, the keys' frame range, and the
// group pointers of a copied action.
//
// Blender keeps each group's F-curves next to each other in the action's list, groups in
// group order, ungrouped curves after them; a curve joining a group goes after the group's
// last curve. Whisk keeps the same order (scripts see it in Action.fcurves), and a group's
// channels are the curves pointing at it.

#include <cstdio>

#include "whisk/kernel/fcurve.hh"
#include "whisk/kernel/main.hh"

namespace whisk::kernel {

namespace {

bool group_has_name(const Action &action, std::string_view name, const ActionGroup *skip)
{
  for (const auto &g : action.groups) {
    if (g.get() != skip && g->name == name) {
      return true;
    }
  }
  return false;
}

/** `name`, or `name.001`, `name.002`... whichever no other group has. Names are at most 63
 * bytes, as in Blender. */
std::string unique_group_name(const Action &action, std::string_view name, const ActionGroup *skip)
{
  std::string base(name.empty() ? std::string_view("Group") : name.substr(0, 63));
  if (!group_has_name(action, base, skip)) {
    return base;
  }
  /* A numbered name continues from its number ("G.001" -> "G.002"). */
  const size_t dot = base.rfind('.');
  if (dot != std::string::npos && dot + 4 == base.size() &&
      base.find_first_not_of("0123456789", dot + 1) == std::string::npos)
  {
    base.resize(dot);
  }
  for (int n = 1;; n++) {
    char suffix[16];
    std::snprintf(suffix, sizeof(suffix), ".%03d", n);
    std::string candidate = base.substr(0, 63 - std::string(suffix).size()) + suffix;
    if (!group_has_name(action, candidate, skip)) {
      return candidate;
    }
  }
}

/** Where a curve joining `group` goes: after the group's last curve; for a group without
 * curves, after the last curve of the nearest earlier group that has some; else first. */
int64_t group_insert_position(const Action &action, const ActionGroup *group)
{
  int64_t after = -1;
  for (int64_t i = 0; i < action.fcurves.size(); i++) {
    if (action.fcurves[i].group == group) {
      after = i;
    }
  }
  if (after >= 0) {
    return after + 1;
  }
  const int64_t gi = action.groups.index_of(group);
  for (int64_t g = gi - 1; g >= 0; g--) {
    const ActionGroup *earlier = action.groups.get(g);
    for (int64_t i = action.fcurves.size() - 1; i >= 0; i--) {
      if (action.fcurves[i].group == earlier) {
        return i + 1;
      }
    }
  }
  return 0;
}

}  // namespace

std::unique_ptr<FCurve> fcurve_create(std::string_view path, int index)
{
  auto fcu = std::make_unique<FCurve>();
  fcu->data_path = std::string(path);
  fcu->array_index = index;
  fcu->flag = dna::FCURVE_SELECTED;
  /* Blender's factory preference for new curves' handle smoothing. */
  fcu->auto_smoothing = dna::FCurveAutoSmoothing::ContinuousAcceleration;
  return fcu;
}

FCurve *action_fcurve_find(Action &action, std::string_view path, int index)
{
  for (auto &fcu : action.fcurves) {
    if (fcu->array_index == index && fcu->data_path == path) {
      return fcu.get();
    }
  }
  return nullptr;
}

const FCurve *action_fcurve_find(const Action &action, std::string_view path, int index)
{
  return action_fcurve_find(const_cast<Action &>(action), path, index);
}

FCurve &action_fcurve_ensure(Action &action, std::string_view path, int index,
                             std::string_view group_name)
{
  if (FCurve *existing = action_fcurve_find(action, path, index)) {
    return *existing;
  }
  std::unique_ptr<FCurve> fcu = fcurve_create(path, index);
  if (action.fcurves.empty()) {
    fcu->flag |= dna::FCURVE_ACTIVE; /* the first curve is the active one */
  }
  data_generation_bump();
  if (group_name.empty()) {
    return action.fcurves.append(std::move(fcu));
  }
  ActionGroup *group = action_group_find(action, group_name);
  if (!group) {
    group = &action_group_add(action, group_name);
  }
  fcu->group = group;
  const int64_t at = group_insert_position(action, group);
  return action.fcurves.insert(at, std::move(fcu));
}

bool action_fcurve_remove(Action &action, const FCurve *fcu)
{
  const int64_t index = action.fcurves.index_of(fcu);
  if (index < 0) {
    return false;
  }
  action.fcurves.remove(index);
  data_generation_bump();
  return true;
}

void action_fcurves_clear(Action &action)
{
  action.fcurves.clear();
  data_generation_bump();
}

ActionGroup *action_group_find(Action &action, std::string_view name)
{
  for (auto &g : action.groups) {
    if (g->name == name) {
      return g.get();
    }
  }
  return nullptr;
}

ActionGroup &action_group_add(Action &action, std::string_view name)
{
  auto group = std::make_unique<ActionGroup>();
  group->name = unique_group_name(action, name, nullptr);
  group->select = true;
  group->show_expanded = false;
  group->show_expanded_graph = false;
  data_generation_bump();
  return action.groups.append(std::move(group));
}

bool action_group_remove(Action &action, const ActionGroup *group)
{
  const int64_t index = action.groups.index_of(group);
  if (index < 0) {
    return false;
  }
  /* The group's curves leave it and move to the end, in their order. */
  std::vector<std::unique_ptr<FCurve>> moved;
  for (int64_t i = 0; i < action.fcurves.size();) {
    if (action.fcurves[i].group == group) {
      moved.push_back(action.fcurves.release(i));
      moved.back()->group = nullptr;
    }
    else {
      i++;
    }
  }
  for (auto &fcu : moved) {
    action.fcurves.append(std::move(fcu));
  }
  action.groups.remove(index);
  data_generation_bump();
  return true;
}

void action_fcurve_set_group(Action &action, FCurve &fcu, ActionGroup *group)
{
  const int64_t index = action.fcurves.index_of(&fcu);
  if (index < 0 || fcu.group == group) {
    return;
  }
  std::unique_ptr<FCurve> owned = action.fcurves.release(index);
  owned->group = group;
  if (group) {
    /* Computed with the curve out of the list, so "after the group's last" excludes it. */
    owned->group = nullptr;
    const int64_t at = group_insert_position(action, group);
    owned->group = group;
    action.fcurves.insert(at, std::move(owned));
  }
  else {
    action.fcurves.append(std::move(owned));
  }
  data_generation_bump();
}

void action_group_rename(Action &action, ActionGroup &group, std::string_view name)
{
  group.name = unique_group_name(action, name, &group);
}

std::pair<float, float> action_frame_range_of_keys(const Action &action)
{
  bool found = false;
  float lo = 999999999.0f, hi = -999999999.0f;
  for (const auto &fcu : action.fcurves) {
    if (fcu->keyframe_points.empty()) {
      continue;
    }
    const auto [start, end] = fcurve_frame_range(*fcu);
    lo = std::min(lo, start);
    hi = std::max(hi, end);
    found = true;
  }
  if (!found) {
    return {0.0f, 1.0f};
  }
  /* At least one frame long (unsorted curves may even give an inverted range). */
  if (hi <= lo) {
    hi = lo + 1.0f;
  }
  constexpr float MIN_FRAME = -1048574.0f;
  return {std::max(lo, MIN_FRAME), hi};
}

void action_copy_remap_groups(Action &dst, const Action &src)
{
  for (int64_t i = 0; i < dst.fcurves.size() && i < src.fcurves.size(); i++) {
    const int64_t g = src.groups.index_of(src.fcurves[i].group);
    dst.fcurves[i].group = g >= 0 && g < dst.groups.size() ? dst.groups.get(g) : nullptr;
  }
}

std::string default_group_for_path(dna::IDType type, std::string_view path)
{
  if (type == dna::IDType::Object) {
    for (std::string_view transform :
         {"location", "rotation_euler", "rotation_quaternion", "rotation_axis_angle", "scale",
          "delta_location", "delta_rotation_euler", "delta_rotation_quaternion", "delta_scale"})
    {
      if (path == transform) {
        return "Object Transforms";
      }
    }
  }
  return {};
}

}  // namespace whisk::kernel
