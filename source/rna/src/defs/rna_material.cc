// Material: viewport and fallback surface settings, blending, line art, and its node tree.

#include "defs.hh"

namespace whisk::rna {
using namespace define;
using namespace dna;
using defs::item;

void define_material(BlenderRNA &rna)
{
  using D = StructDef<Material>;
  constexpr uint32_t SHADING = ID_RECALC_SHADING;
  D def = struct_<Material>(rna, "Material");
  def.ui("Material", "Surface appearance of objects");

  def.enumeration("blend_method", &Material::blend_method,
                  {item("OPAQUE", "Opaque", int(MaterialBlendMethod::Opaque),
                        "Render the surface without transparency"),
                   item("CLIP", "Alpha Clip", int(MaterialBlendMethod::Clip),
                        "Fully transparent below the clip threshold, opaque above"),
                   item("HASHED", "Alpha Hashed", int(MaterialBlendMethod::Hashed),
                        "Transparency by noise, which converges over samples"),
                   item("BLEND", "Alpha Blend", int(MaterialBlendMethod::Blend),
                        "Blend with what is behind; no correct sorting")})
      .ui("Blend Mode", "How transparency is rendered in real time")
      .recalc(SHADING);
  def.floats("alpha_threshold", &Material::alpha_threshold)
      .ui("Clip Threshold", "Alpha below which an alpha-clipped surface is transparent")
      .subtype(PropertySubtype::Factor)
      .range(0, 1)
      .ui_step(10, 3)
      .default_value(0.5)
      .recalc(SHADING);
  def.boolean("use_backface_culling", &Material::use_backface_culling)
      .ui("Backface Culling", "Hide faces seen from behind")
      .recalc(SHADING);
  def.integer("pass_index", &Material::pass_index)
      .ui("Pass Index", "Index for the material index render pass")
      .subtype(PropertySubtype::Unsigned)
      .range(0, 32767)
      .recalc(SHADING);
  defs::id_pointer_ro<Material>(def, "node_tree", "NodeTree",
                                [](Material &material) {
                                  return kernel::as_id(material.node_tree);
                                })
      .ui("Node Tree", "Shader nodes of the material");
  def.boolean("use_nodes", &Material::use_nodes)
      .ui("Use Nodes", "Shade with the node tree instead of the basic settings")
      .not_animatable()
      .recalc(SHADING);

  def.floats("diffuse_color", &Material::diffuse_color)
      .ui("Diffuse Color", "Base color, in viewports and without nodes")
      .subtype(PropertySubtype::Color)
      .range(0, FLT_HUGE)
      .soft_range(0, 1)
      .ui_step(10, 3)
      .default_array({0.8, 0.8, 0.8, 0.8})
      .recalc(SHADING);
  def.floats("specular_color", &Material::specular_color)
      .ui("Specular Color", "Color of specular reflections, in viewports")
      .subtype(PropertySubtype::Color)
      .range(0, FLT_HUGE)
      .soft_range(0, 1)
      .ui_step(10, 3)
      .default_array({1, 1, 1})
      .recalc(SHADING);
  struct Factor {
    const char *identifier, *name, *description;
    float Material::*member;
    double default_value;
  };
  static const Factor factors[] = {
      {"roughness", "Roughness", "Microscopic roughness: 0 is a mirror, 1 fully diffuse",
       &Material::roughness, 0.4},
      {"specular_intensity", "Specular", "Strength of specular reflections",
       &Material::specular_intensity, 0.5},
      {"metallic", "Metallic", "How metal-like the surface is", &Material::metallic, 0},
  };
  for (const Factor &factor : factors) {
    def.floats(factor.identifier, factor.member)
        .ui(factor.name, factor.description)
        .subtype(PropertySubtype::Factor)
        .range(0, 1)
        .ui_step(10, 3)
        .default_value(factor.default_value)
        .recalc(SHADING);
  }
  def.floats("line_color", &Material::line_color)
      .ui("Line Color", "Color of lines drawn for this material")
      .subtype(PropertySubtype::Color)
      .range(0, FLT_HUGE)
      .soft_range(0, 1)
      .ui_step(10, 3)
      .recalc(SHADING);
  def.integer("line_priority", &Material::line_priority)
      .ui("Line Priority", "Which material's line color wins where materials meet")
      .range(0, 32767)
      .recalc(SHADING);
}

}  // namespace whisk::rna
