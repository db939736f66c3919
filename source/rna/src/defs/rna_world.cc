// World: background color, node tree and mist.

#include "defs.hh"

namespace whisk::rna {
using namespace define;
using namespace dna;
using defs::item;

namespace {

/* The mist values live in the World itself; WorldMistSettings groups them as Blender
 * does. Its pointer's data is the first mist value (so it is not mistaken for the ID);
 * the accessors read the World through owner_id. */
World &world_of(const PointerRNA &p) { return *reinterpret_cast<World *>(p.owner_id); }

template<typename M> PropertyDef mist_value(StructDef<World> &def, const char *identifier,
                                            PropertyType type, M World::*member)
{
  PropertyDef prop = def.add(identifier, type);
  if constexpr (std::is_same_v<M, bool>) {
    prop.get()->get_bool = [member](const PointerRNA &p, int) { return world_of(p).*member; };
    prop.get()->set_bool = [member](const PointerRNA &p, int, bool v) {
      world_of(p).*member = v;
    };
  }
  else if constexpr (std::is_same_v<M, float>) {
    prop.get()->get_float = [member](const PointerRNA &p, int) {
      return double(world_of(p).*member);
    };
    prop.get()->set_float = [member](const PointerRNA &p, int, double v) {
      world_of(p).*member = float(v);
    };
  }
  else {
    prop.get()->get_enum = [member](const PointerRNA &p) { return int(world_of(p).*member); };
    prop.get()->set_enum = [member](const PointerRNA &p, int v) {
      world_of(p).*member = M(v);
    };
  }
  return prop.recalc(ID_RECALC_SHADING);
}

void define_mist(BlenderRNA &rna)
{
  StructDef<World> def = struct_<World>(rna, "WorldMistSettings");
  def.ui("World Mist", "Distance fog written to the mist pass");
  def.srna()->path = [](const PointerRNA &) -> std::optional<std::string> {
    return "mist_settings";
  };
  mist_value(def, "use_mist", PropertyType::Boolean, &World::use_mist)
      .ui("Use Mist", "Fade objects with distance in the mist pass");
  mist_value(def, "start", PropertyType::Float, &World::mist_start)
      .ui("Start", "Distance from the camera where the mist starts")
      .subtype(PropertySubtype::Distance)
      .unit(PropertyUnit::Length)
      .range(0, FLT_HUGE)
      .soft_range(0, 10000)
      .ui_step(10, 2)
      .default_value(5);
  mist_value(def, "depth", PropertyType::Float, &World::mist_depth)
      .ui("Depth", "Distance over which the mist fades in")
      .subtype(PropertySubtype::Distance)
      .unit(PropertyUnit::Length)
      .range(0, FLT_HUGE)
      .soft_range(0, 10000)
      .ui_step(10, 2)
      .default_value(25);
  mist_value(def, "height", PropertyType::Float, &World::mist_height)
      .ui("Height", "Height above which the mist thins out")
      .subtype(PropertySubtype::Distance)
      .unit(PropertyUnit::Length)
      .range(0, 100)
      .ui_step(10, 3);
  mist_value(def, "intensity", PropertyType::Float, &World::mist_intensity)
      .ui("Minimum", "Mist amount everywhere, even close to the camera")
      .range(0, 1)
      .ui_step(10, 3);
  mist_value(def, "falloff", PropertyType::Enum, &World::mist_falloff)
      .ui("Falloff", "How the mist grows with distance")
      .items({item("QUADRATIC", "Quadratic", 0, "Mist grows with the square of distance"),
              item("LINEAR", "Linear", 1, "Mist grows with distance"),
              item("INVERSE_QUADRATIC", "Inverse Quadratic", 2,
                   "Mist grows fast close by, then slowly")});
}

}  // namespace

void define_world(BlenderRNA &rna)
{
  define_mist(rna);
  using D = StructDef<World>;
  D def = struct_<World>(rna, "World");
  def.ui("World", "Background and environment lighting of a scene");

  def.floats("color", &World::color)
      .ui("Color", "Background color, when not using nodes")
      .subtype(PropertySubtype::Color)
      .range(0, FLT_HUGE)
      .soft_range(0, 1)
      .ui_step(10, 3)
      .default_array({0.05, 0.05, 0.05})
      .recalc(ID_RECALC_SHADING);
  const StructRNA *mist_srna = rna.find("WorldMistSettings");
  def.pointer("mist_settings", "WorldMistSettings",
              [mist_srna](const PointerRNA &p) {
                return pointer_from_data(p, mist_srna, &D::data(p).mist_start);
              })
      .ui("Mist", "Mist pass settings of the world")
      .flag(PROP_NEVER_NULL);
  defs::id_pointer_ro<World>(def, "node_tree", "NodeTree",
                             [](World &world) { return kernel::as_id(world.node_tree); })
      .ui("Node Tree", "Shader nodes of the world");
  def.boolean("use_nodes", &World::use_nodes)
      .ui("Use Nodes", "Shade the background with the node tree")
      .not_animatable()
      .recalc(ID_RECALC_SHADING);
}

}  // namespace whisk::rna
