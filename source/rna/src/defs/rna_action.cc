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
