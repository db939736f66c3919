// Action: the ID type it animates and its frame range. F-curves, groups and pose markers
// arrive with the animation work.

#include <algorithm>

#include "defs.hh"

namespace whisk::rna {
using namespace define;
using namespace dna;
using defs::item;

namespace {

using D = StructDef<Action>;
constexpr uint32_t ANIMATION = ID_RECALC_ANIMATION;

/** The range of the keys. Without F-curves it is Blender's empty range, 0 to 1. */
std::pair<float, float> curve_range(const Action &) { return {0.0f, 1.0f}; }

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
  D def = struct_<Action>(rna, "Action");
  def.ui("Action", "Animation data: F-curves over time, for one kind of data-block");

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

  def.enumeration("id_root", &Action::id_root,
                  {id_root_item("ACTION", "Action", IDType::Action),
                   id_root_item("CAMERA", "Camera", IDType::Camera),
                   id_root_item("COLLECTION", "Collection", IDType::Collection),
                   id_root_item("IMAGE", "Image", IDType::Image),
                   id_root_item("LIBRARY", "Library", IDType::Library),
                   id_root_item("LIGHT", "Light", IDType::Light),
                   id_root_item("MATERIAL", "Material", IDType::Material),
                   id_root_item("MESH", "Mesh", IDType::Mesh),
                   id_root_item("NODETREE", "Node Tree", IDType::NodeTree),
                   id_root_item("OBJECT", "Object", IDType::Object),
                   id_root_item("SCENE", "Scene", IDType::Scene),
                   id_root_item("TEXT", "Text", IDType::Text),
                   id_root_item("WORLD", "World", IDType::World)})
      .ui("ID Root Type", "Type of data-block the action animates")
      .recalc(ANIMATION);
}

}  // namespace whisk::rna
