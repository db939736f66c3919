// Declares every struct in dependency order. Shells first, so that declarations may
// point at structs defined later in the list.

#include "defs.hh"
#include "whisk/kernel/id_type.hh"

namespace whisk::rna {

void register_all(BlenderRNA &rna)
{
  struct Shell {
    const char *name;
    const char *base;
  };
  static const Shell shells[] = {
      {"ID", nullptr},          {"Library", "ID"},         {"Scene", "ID"},
      {"Collection", "ID"},     {"Object", "ID"},          {"Mesh", "ID"},
      {"Camera", "ID"},         {"Light", "ID"},           {"PointLight", "Light"},
      {"SunLight", "Light"},    {"SpotLight", "Light"},    {"AreaLight", "Light"},
      {"Material", "ID"},       {"World", "ID"},           {"Image", "ID"},
      {"Action", "ID"},         {"Text", "ID"},            {"NodeTree", "ID"},
      {"PointCloud", "ID"},
      {"BlendData", nullptr},   {"CameraDOFSettings", nullptr},
      {"MaterialSlot", nullptr}, {"RenderSettings", nullptr}, {"UnitSettings", nullptr},
      {"View3DCursor", nullptr}, {"ViewLayer", nullptr},  {"LayerCollection", nullptr},
      {"ObjectBase", nullptr},  {"IDMaterials", nullptr},  {"CollectionObjects", nullptr},
      {"CollectionChildren", nullptr}, {"SceneObjects", nullptr}, {"ViewLayers", nullptr},
      {"LayerObjects", nullptr}, {"PropertyGroup", nullptr},
      /* RNA describing RNA (bl_rna). */
      {"Struct", nullptr},      {"Property", nullptr},    {"BoolProperty", "Property"},
      {"IntProperty", "Property"}, {"FloatProperty", "Property"},
      {"StringProperty", "Property"}, {"EnumProperty", "Property"},
      {"PointerProperty", "Property"}, {"CollectionProperty", "Property"},
      {"Function", nullptr},    {"EnumPropertyItem", nullptr},
      /* Animation data, drivers, modifiers and evaluation. */
      {"AnimData", nullptr},    {"Driver", nullptr},      {"DriverVariable", nullptr},
      {"DriverTarget", nullptr}, {"ChannelDriverVariables", nullptr},
      {"Modifier", nullptr},    {"ObjectModifiers", nullptr},
      {"Depsgraph", nullptr},   {"DepsgraphObjectInstance", nullptr},
      {"DepsgraphUpdate", nullptr},
  };
  for (const Shell &shell : shells) {
    rna.add(shell.name, shell.base ? rna.find(shell.base) : nullptr);
  }
  define_id(rna);
  define_blend_data(rna);
  define_object(rna);
  define_collection(rna);
  define_scene(rna);
  define_camera(rna);
  define_light(rna);
  define_material(rna);
  define_world(rna);
  define_mesh(rna);
  define_mesh_elements(rna);
  define_attributes(rna);
  define_mesh_attributes(rna);
  define_mesh_functions(rna);
  define_pointcloud(rna); /* after AttributeGroup (rna_mesh_attributes.cc) */
  define_image(rna);
  define_fcurves(rna);
  define_action(rna);
  define_anim(rna);
  define_modifiers(rna);
  define_text(rna);
  define_node_tree(rna);
  define_depsgraph(rna);
  define_property_group(rna); /* runtime.cc */
  define_rna(rna);

  /* Shells were added before their bases declared a name property (ID's `name`):
   * inherit it now, so that collections of Objects, Lights... can be keyed by name. */
  for (StructRNA *srna : rna.structs()) {
    for (const StructRNA *base = srna->base; base && !srna->name_property; base = base->base) {
      srna->name_property = base->name_property;
    }
  }
  /* Each ID type's struct, and the structs refined from it (PointLight), know their type. */
  for (size_t i = 0; i < dna::ID_TYPE_COUNT; i++) {
    if (StructRNA *srna = rna.find_mutable(kernel::id_type_info(dna::IDType(i)).name)) {
      srna->id_type = dna::IDType(i);
    }
  }
  for (StructRNA *srna : rna.structs()) {
    for (const StructRNA *base = srna->base; base && !srna->id_type; base = base->base) {
      srna->id_type = base->id_type;
    }
  }
}

}  // namespace whisk::rna
