// Light and its refinements by type: PointLight, SunLight, SpotLight, AreaLight. As in
// Blender, power and shadow settings are declared on each type (a sun's `energy` is an
// irradiance, "Strength", the others' a power in watts).

#include <numbers>

#include "defs.hh"

namespace whisk::rna {
using namespace define;
using namespace dna;
using defs::item;

namespace {

using D = StructDef<Light>;
constexpr uint32_t SHADING = ID_RECALC_SHADING;

/** Power and shadow settings, declared on each light type. */
void define_power_and_shadow(D &def, bool sun)
{
  if (sun) {
    def.floats("energy", &Light::energy)
        .ui("Strength", "Sunlight strength, in watts per square meter")
        .soft_range(0, 10)
        .ui_step(1, 3)
        .default_value(10)
        .recalc(SHADING);
  }
  else {
    def.floats("energy", &Light::energy)
        .ui("Power", "Light power, in watts")
        .subtype(PropertySubtype::Power)
        .unit(PropertyUnit::Power)
        .soft_range(0, 1000000)
        .ui_step(10, 5)
        .default_value(10)
        .recalc(SHADING);
  }
  def.boolean("use_shadow", &Light::use_shadow)
      .ui("use_shadow", "Whether the light casts shadows")
      .default_value(1)
      .recalc(SHADING);
  def.floats("shadow_buffer_clip_start", &Light::shadow_buffer_clip_start)
      .ui("Shadow Buffer Clip Start", "Distance from the light where shadow maps start")
      .subtype(PropertySubtype::Distance)
      .unit(PropertyUnit::Length)
      .range(1e-6, FLT_HUGE)
      .soft_range(0.001, FLT_HUGE)
      .ui_step(10, 3)
      .default_value(0.05)
      .recalc(SHADING);
  def.floats("shadow_buffer_bias", &Light::shadow_buffer_bias)
      .ui("Shadow Buffer Bias", "Offset against self-shadowing artifacts of shadow maps")
      .range(0, FLT_HUGE)
      .soft_range(0.001, 5)
      .ui_step(1, 3)
      .default_value(1)
      .recalc(SHADING);
  def.floats("shadow_soft_size", &Light::shadow_soft_size)
      .ui("Shadow Soft Size", "Radius of the light's shape, which softens its shadows")
      .subtype(PropertySubtype::Distance)
      .unit(PropertyUnit::Length)
      .range(0, FLT_HUGE)
      .soft_range(0, 100)
      .ui_step(0.1, 3)
      .default_value(0.25)
      .recalc(SHADING);
}

void define_point(BlenderRNA &rna)
{
  D def = struct_<Light>(rna, "PointLight");
  def.ui("Point Light", "A light shining equally in all directions from a point");
  define_power_and_shadow(def, false);
}

void define_spot(BlenderRNA &rna)
{
  D def = struct_<Light>(rna, "SpotLight");
  def.ui("Spot Light", "A light shining in a cone");
  define_power_and_shadow(def, false);
  def.floats("spot_blend", &Light::spot_blend)
      .ui("Spot Blend", "Softness of the cone's edge")
      .range(0, 1)
      .ui_step(10, 3)
      .default_value(0.15)
      .recalc(SHADING);
  def.floats("spot_size", &Light::spot_size)
      .ui("Spot Size", "Opening angle of the cone")
      .subtype(PropertySubtype::Angle)
      .unit(PropertyUnit::Rotation)
      .range(deg(1), std::numbers::pi)
      .ui_step(10, 3)
      .default_value(deg(45))
      .recalc(SHADING);
  def.boolean("show_cone", &Light::show_cone)
      .ui("Show Cone", "Show the cone's volume in viewports")
      .recalc(SHADING);
}

void define_area(BlenderRNA &rna)
{
  D def = struct_<Light>(rna, "AreaLight");
  def.ui("Area Light", "A light emitted from a flat shape");
  define_power_and_shadow(def, false);
  def.enumeration("shape", &Light::shape,
                  {item("SQUARE", "Square", int(AreaLightShape::Square)),
                   item("RECTANGLE", "Rectangle", int(AreaLightShape::Rectangle)),
                   item("DISK", "Disk", int(AreaLightShape::Disk)),
                   item("ELLIPSE", "Ellipse", int(AreaLightShape::Ellipse))})
      .ui("Shape", "Shape of the emitting area")
      .recalc(SHADING);
  def.floats("size", &Light::size)
      .ui("Size", "Size of the area; its width for rectangles and ellipses")
      .subtype(PropertySubtype::Distance)
      .unit(PropertyUnit::Length)
      .range(0, FLT_HUGE)
      .soft_range(0, 100)
      .ui_step(0.1, 3)
      .default_value(0.25)
      .recalc(SHADING);
  def.floats("size_y", &Light::size_y)
      .ui("Size Y", "Height of a rectangle or ellipse area")
      .subtype(PropertySubtype::Distance)
      .unit(PropertyUnit::Length)
      .range(0, FLT_HUGE)
      .soft_range(0, 100)
      .ui_step(0.1, 3)
      .default_value(0.25)
      .recalc(SHADING);
}

void define_sun(BlenderRNA &rna)
{
  D def = struct_<Light>(rna, "SunLight");
  def.ui("Sun Light", "Parallel light from a very distant source");
  def.floats("angle", &Light::angle)
      .ui("Angle", "Apparent size of the sun seen from the ground")
      .subtype(PropertySubtype::Angle)
      .unit(PropertyUnit::Rotation)
      .range(0, std::numbers::pi)
      .ui_step(10, 3)
      .default_value(deg(0.526))
      .recalc(SHADING);
  define_power_and_shadow(def, true);
}

}  // namespace

const std::vector<EnumItem> &defs::light_type_items()
{
  static const std::vector<EnumItem> items = {
      item("POINT", "Point", int(LightType::Point), "Shines from a point"),
      item("SUN", "Sun", int(LightType::Sun), "Parallel light from far away"),
      item("SPOT", "Spot", int(LightType::Spot), "Shines in a cone"),
      item("AREA", "Area", int(LightType::Area), "Shines from a flat shape")};
  return items;
}

void define_light(BlenderRNA &rna)
{
  D def = struct_<Light>(rna, "Light");
  def.ui("Light", "Light emitted by a light object");
  const StructRNA *point = rna.find("PointLight");
  const StructRNA *sun = rna.find("SunLight");
  const StructRNA *spot = rna.find("SpotLight");
  const StructRNA *area = rna.find("AreaLight");
  def.srna()->refine = [point, sun, spot, area](const PointerRNA &p) -> const StructRNA * {
    switch (D::data(p).type) {
      case LightType::Point: return point;
      case LightType::Sun: return sun;
      case LightType::Spot: return spot;
      case LightType::Area: return area;
    }
    return nullptr;
  };

  /* A new type refines the struct: pointers made afterwards see the type's properties. */
  def.enumeration("type", &Light::type, defs::light_type_items())
      .ui("Type", "Kind of light")
      .recalc(SHADING);
  def.floats("color", &Light::color)
      .ui("Color", "Color of the light")
      .subtype(PropertySubtype::Color)
      .range(0, FLT_HUGE)
      .soft_range(0, 1)
      .ui_step(10, 3)
      .default_array({1, 1, 1})
      .recalc(SHADING);
  struct Factor {
    const char *identifier, *name, *description;
    float Light::*member;
  };
  static const Factor factors[] = {
      {"specular_factor", "Specular Factor", "Scale of the light's specular reflections",
       &Light::specular_factor},
      {"diffuse_factor", "Diffuse Factor", "Scale of the light's diffuse lighting",
       &Light::diffuse_factor},
      {"volume_factor", "Volume Factor", "Scale of the light's effect on volumes",
       &Light::volume_factor},
  };
  for (const Factor &factor : factors) {
    def.floats(factor.identifier, factor.member)
        .ui(factor.name, factor.description)
        .subtype(PropertySubtype::Factor)
        .range(0, FLT_HUGE)
        .soft_range(0, 1)
        .ui_step(0.01, 2)
        .default_value(1)
        .recalc(SHADING);
  }
  def.boolean("use_custom_distance", &Light::use_custom_distance)
      .ui("Custom Attenuation", "Stop the light's influence at the cutoff distance")
      .recalc(SHADING);
  def.floats("cutoff_distance", &Light::cutoff_distance)
      .ui("Cutoff Distance", "Distance beyond which the light has no influence")
      .subtype(PropertySubtype::Distance)
      .unit(PropertyUnit::Length)
      .range(0, FLT_HUGE)
      .soft_range(0.01, 100)
      .ui_step(1, 2)
      .default_value(40)
      .recalc(SHADING);
  defs::id_pointer_ro<Light>(def, "node_tree", "NodeTree",
                             [](Light &light) { return kernel::as_id(light.node_tree); })
      .ui("Node Tree", "Shader nodes of the light");
  def.boolean("use_nodes", &Light::use_nodes)
      .ui("Use Nodes", "Shade the light with its node tree")
      .not_animatable()
      .recalc(SHADING);

  define_point(rna);
  define_spot(rna);
  define_area(rna);
  define_sun(rna);
}

}  // namespace whisk::rna
