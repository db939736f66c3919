// Mesh: its materials (with append/pop/clear), auto smooth and texture space. Geometry
// (vertices, edges, faces, attributes) arrives with the geometry work.

#include <numbers>

#include "defs.hh"
#include "whisk/kernel/object.hh"

namespace whisk::rna {
using namespace define;
using namespace dna;
using kernel::Main;

namespace {

/** Materials of the ID a pointer holds (meshes now, other object data later). */
std::vector<Material *> &materials_of(const PointerRNA &p)
{
  std::vector<Material *> *materials = kernel::data_materials(p.owner_id);
  if (!materials) {
    raise(ErrorKind::Type, p.owner_id ? p.owner_id->name : "data", " has no materials");
  }
  return *materials;
}

void define_id_materials(BlenderRNA &rna)
{
  /* Self is the data-block holding the materials (`mesh.materials.append(...)`). */
  StructDef<ID> funcs = struct_<ID>(rna, "IDMaterials");
  funcs.ui("ID Materials", "The material slots of object data");
  const StructRNA *material_srna = rna.find("Material");

  FunctionRNA &append = funcs.function(
      "append", "Add a material slot holding the material (None for an empty slot)",
      [](FunctionCall &call) {
        Material *material = defs::id_argument<Material>(call, 0, "IDMaterials.append",
                                                         "material", true);
        kernel::data_material_append(defs::main_of(call.self), call.self.owner_id, material);
        kernel::id_tag_update(call.self.owner_id, ID_RECALC_SHADING | ID_RECALC_GEOMETRY);
      });
  parameter(append, "material", PropertyType::Pointer, material_srna, PARM_REQUIRED)
      .ui("Material", "Material to add");

  FunctionRNA &pop = funcs.function(
      "pop", "Remove a material slot and return its material", [](FunctionCall &call) {
        std::vector<Material *> &materials = materials_of(call.self);
        int64_t index = std::get<int64_t>(call.args[0]);
        const int64_t count = int64_t(materials.size());
        if (index < 0) {
          index += count;
        }
        if (index < 0 || index >= count) {
          raise(ErrorKind::Runtime, "Index out of range");
        }
        Material *material = materials[size_t(index)];
        kernel::data_material_pop(defs::main_of(call.self), call.self.owner_id, int32_t(index));
        kernel::id_tag_update(call.self.owner_id, ID_RECALC_SHADING | ID_RECALC_GEOMETRY);
        call.result = pointer_from_id(call.main, kernel::as_id(material));
      });
  parameter(pop, "index", PropertyType::Int)
      .ui("Index", "Index of the slot to remove; negative values count from the end")
      .range(-32766, 32766)
      .soft_range(0, 32766)
      .default_value(-1);
  parameter(pop, "material", PropertyType::Pointer, material_srna, PARM_OUTPUT)
      .ui("Material", "Material of the removed slot");

  funcs.function("clear", "Remove every material slot", [](FunctionCall &call) {
    Main &main = defs::main_of(call.self);
    while (!materials_of(call.self).empty()) {
      kernel::data_material_pop(main, call.self.owner_id, -1);
    }
    kernel::id_tag_update(call.self.owner_id, ID_RECALC_SHADING | ID_RECALC_GEOMETRY);
  });
}

}  // namespace

void define_mesh(BlenderRNA &rna)
{
  define_id_materials(rna);
  using D = StructDef<Mesh>;
  D def = struct_<Mesh>(rna, "Mesh");
  def.ui("Mesh", "Polygonal geometry of mesh objects");

  def.boolean("use_auto_smooth", &Mesh::use_auto_smooth)
      .ui("Auto Smooth", "Shade sharp edges flat and the others smooth, by angle")
      .recalc(ID_RECALC_GEOMETRY);
  def.floats("auto_smooth_angle", &Mesh::auto_smooth_angle)
      .ui("Auto Smooth Angle", "Edges with a larger angle between faces shade sharp")
      .subtype(PropertySubtype::Angle)
      .unit(PropertyUnit::Rotation)
      .range(0, std::numbers::pi)
      .ui_step(10, 3)
      .default_value(deg(30))
      .recalc(ID_RECALC_GEOMETRY);
  def.boolean("use_auto_texspace", &Mesh::use_auto_texspace)
      .ui("Auto Texture Space", "Fit the texture space to the mesh's bounds")
      .default_value(1)
      .recalc(ID_RECALC_GEOMETRY);
  def.floats("texspace_location", &Mesh::texspace_location)
      .ui("Texture Space Location", "Center of the texture space")
      .subtype(PropertySubtype::Translation)
      .unit(PropertyUnit::Length)
      .ui_step(10, 3)
      .recalc(ID_RECALC_GEOMETRY);
  def.floats("texspace_size", &Mesh::texspace_size)
      .ui("Texture Space Size", "Half size of the texture space along each axis")
      .subtype(PropertySubtype::XYZ)
      .ui_step(10, 3)
      .default_array({1, 1, 1})
      .recalc(ID_RECALC_GEOMETRY);

  /* Slots may be empty: items are None then, and lookup by name skips them. */
  def.collection(
         "materials", "Material",
         [](const PointerRNA &p) { return int64_t(D::data(p).materials.size()); },
         [](const PointerRNA &p, int64_t i) {
           return pointer_from_id(p.main, kernel::as_id(D::data(p).materials.at(size_t(i))));
         },
         [](const PointerRNA &p, std::string_view key) -> std::optional<PointerRNA> {
           for (Material *material : D::data(p).materials) {
             if (material && key == material->id.name) {
               return pointer_from_id(p.main, &material->id);
             }
           }
           return std::nullopt;
         })
      .functions(rna.find("IDMaterials"))
      .ui("Materials", "Materials of the mesh, one per slot")
      .get()
      ->collection_assign = [](const PointerRNA &p, int64_t index, const PointerRNA &value) {
    kernel::data_material_set(defs::main_of(p), p.owner_id, int32_t(index),
                              static_cast<Material *>(value.data));
  };
}

}  // namespace whisk::rna
