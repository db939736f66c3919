// Object modifiers: Object.modifiers (ObjectModifiers), the Modifier base and one refined
// struct per type with Blender's property names, defaults and ranges.

#include <cfloat>

#include "defs.hh"
#include "whisk/kernel/modifier.hh"

namespace whisk::rna {
using namespace define;
using namespace dna;
using defs::item;

namespace {

constexpr uint32_t GEOMETRY = ID_RECALC_GEOMETRY;

ModifierData &md_of(const PointerRNA &p) { return *static_cast<ModifierData *>(p.data); }
Object &object_of(const PointerRNA &p) { return *reinterpret_cast<Object *>(p.owner_id); }

PointerRNA modifier_pointer(const PointerRNA &owner, ModifierData *md)
{
  return md ? pointer_from_data(owner, blender_rna().find("Modifier"), md) : PointerRNA{};
}

/** A bool[3] member as a boolean array. */
template<typename T>
PropertyDef bool_axes(StructDef<T> &def, const char *identifier, bool (T::*member)[3])
{
  PropertyDef prop = def.add(identifier, PropertyType::Boolean);
  prop.get()->array_dimensions[0] = 3;
  prop.get()->get_bool = [member](const PointerRNA &p, int i) {
    return (StructDef<T>::data(p).*member)[i];
  };
  prop.get()->set_bool = [member](const PointerRNA &p, int i, bool v) {
    (StructDef<T>::data(p).*member)[i] = v;
  };
  return prop.recalc(GEOMETRY);
}

/** A pointer to another object, relations rebuilt when it changes. */
template<typename T>
PropertyDef object_ref(StructDef<T> &def, const char *identifier, Object *T::*member)
{
  PropertyDef prop = defs::id_pointer(def, identifier, "Object", member, 0);
  prop.get()->set_pointer = [member, previous = prop.get()->set_pointer](
                                const PointerRNA &p, const PointerRNA &value) {
    if (!value.is_null() && value.owner_id == p.owner_id) {
      raise(ErrorKind::Value, "an object cannot use itself here");
    }
    previous(p, value);
  };
  return prop.recalc(GEOMETRY | ID_RECALC_HIERARCHY);
}

template<typename T>
PropertyDef string_member(StructDef<T> &def, const char *identifier, std::string T::*member)
{
  PropertyDef prop = def.add(identifier, PropertyType::String);
  prop.get()->get_string = [member](const PointerRNA &p) { return StructDef<T>::data(p).*member; };
  prop.get()->set_string = [member](const PointerRNA &p, std::string_view v) {
    StructDef<T>::data(p).*member = std::string(v.substr(0, 63));
  };
  return prop.max_length(64).recalc(GEOMETRY);
}

void define_base(BlenderRNA &rna)
{
  StructDef<ModifierData> def = struct_<ModifierData>(rna, "Modifier");
  def.ui("Modifier", "Modifier affecting the geometry data of an object");
  def.srna()->path = [](const PointerRNA &p) -> std::optional<std::string> {
    return "modifiers" + defs::path_key(md_of(p).name);
  };
  def.srna()->refine = [](const PointerRNA &p) -> const StructRNA * {
    return blender_rna().find(kernel::modifier_type_info(md_of(p).type).struct_name);
  };
  PropertyDef name = def.add("name", PropertyType::String);
  name.ui("Name", "Modifier name").max_length(64).not_animatable();
  name.get()->get_string = [](const PointerRNA &p) { return md_of(p).name; };
  name.get()->set_string = [](const PointerRNA &p, std::string_view v) {
    kernel::object_modifier_rename(object_of(p), md_of(p), v);
    kernel::data_generation_bump();
  };
  def.srna()->name_property = name.get();

  std::vector<EnumItem> types;
  for (const kernel::ModifierTypeInfo *info : kernel::modifier_types()) {
    types.push_back(EnumItem{info->identifier, info->default_name, "", int(info->type)});
  }
  def.enumeration("type", &ModifierData::type, types).ui("Type", "").read_only();

  struct Mode {
    const char *identifier, *name;
    uint8_t bit;
  };
  for (const Mode &mode : {Mode{"show_viewport", "Realtime", MODIFIER_MODE_REALTIME},
                           Mode{"show_render", "Render", MODIFIER_MODE_RENDER},
                           Mode{"show_in_editmode", "Edit Mode", MODIFIER_MODE_EDITMODE},
                           Mode{"show_on_cage", "On Cage", MODIFIER_MODE_ON_CAGE}})
  {
    def.bit(mode.identifier, &ModifierData::mode, mode.bit)
        .ui(mode.name, "Use the modifier in this mode")
        .not_animatable()
        .recalc(GEOMETRY);
  }
  def.boolean("show_expanded", &ModifierData::show_expanded)
      .ui("Expanded", "Set modifier expanded in the user interface")
      .not_animatable();
  def.add("is_active", PropertyType::Boolean)
      .ui("Active", "The active modifier in the list")
      .not_animatable()
      .get()
      ->get_bool = [](const PointerRNA &p, int) { return md_of(p).is_active; };
  PropertyRNA *active = const_cast<PropertyRNA *>(def.srna()->find_property("is_active"));
  active->set_bool = [](const PointerRNA &p, int, bool v) {
    if (v) {
      kernel::object_modifier_set_active(object_of(p), &md_of(p));
    }
    else {
      md_of(p).is_active = false;
    }
  };
}

void define_subsurf(BlenderRNA &rna)
{
  StructDef<SubsurfModifierData> def = struct_<SubsurfModifierData>(rna, "SubsurfModifier",
                                                                    "Modifier");
  def.ui("Subdivision Surface Modifier", "Subdivision surface modifier");
  def.enumeration("subdivision_type", &SubsurfModifierData::subdivision_type,
                  {item("CATMULL_CLARK", "Catmull-Clark", 0), item("SIMPLE", "Simple", 1)})
      .ui("Subdivision Type", "Select type of subdivision algorithm")
      .recalc(GEOMETRY);
  def.integer("levels", &SubsurfModifierData::levels)
      .ui("Levels", "Number of subdivisions to perform")
      .range(0, 11)
      .soft_range(0, 6)
      .default_value(1)
      .recalc(GEOMETRY);
  def.integer("render_levels", &SubsurfModifierData::render_levels)
      .ui("Render Levels", "Number of subdivisions to perform when rendering")
      .range(0, 11)
      .soft_range(0, 6)
      .default_value(2)
      .recalc(GEOMETRY);
  def.integer("quality", &SubsurfModifierData::quality)
      .ui("Quality", "Accuracy of vertex positions, lower value is faster but less precise")
      .range(1, 10)
      .soft_range(1, 6)
      .default_value(3)
      .recalc(GEOMETRY);
  def.enumeration("uv_smooth", &SubsurfModifierData::uv_smooth,
                  {item("NONE", "None", 0), item("PRESERVE_CORNERS", "Keep Corners", 1),
                   item("PRESERVE_CORNERS_AND_JUNCTIONS", "Keep Corners, Junctions", 2),
                   item("PRESERVE_CORNERS_JUNCTIONS_AND_CONCAVE",
                        "Keep Corners, Junctions, Concave", 3),
                   item("PRESERVE_BOUNDARIES", "Keep Boundaries", 4),
                   item("SMOOTH_ALL", "All", 5)})
      .ui("UV Smooth", "Controls how smoothing is applied to UVs")
      .recalc(GEOMETRY);
  def.enumeration("boundary_smooth", &SubsurfModifierData::boundary_smooth,
                  {item("PRESERVE_CORNERS", "Keep Corners", 0), item("ALL", "All", 1)})
      .ui("Boundary Smooth", "Controls how open boundaries are smoothed")
      .recalc(GEOMETRY);
  def.boolean("use_creases", &SubsurfModifierData::use_creases)
      .ui("Use Creases", "Use mesh crease information to sharpen edges or corners")
      .recalc(GEOMETRY);
  def.boolean("use_custom_normals", &SubsurfModifierData::use_custom_normals)
      .ui("Use Custom Normals", "Interpolates existing custom normals to resulting mesh")
      .recalc(GEOMETRY);
  def.boolean("use_limit_surface", &SubsurfModifierData::use_limit_surface)
      .ui("Use Limit Surface", "Place vertices at the surface that would be produced with "
                               "infinite levels of subdivision (smoothest possible shape)")
      .recalc(GEOMETRY);
  def.boolean("show_only_control_edges", &SubsurfModifierData::show_only_control_edges)
      .ui("Optimal Display", "Skip displaying interior subdivided edges")
      .recalc(GEOMETRY);
}

void define_array(BlenderRNA &rna)
{
  StructDef<ArrayModifierData> def = struct_<ArrayModifierData>(rna, "ArrayModifier",
                                                                "Modifier");
  def.ui("Array Modifier", "Array duplication modifier");
  def.enumeration("fit_type", &ArrayModifierData::fit_type,
                  {item("FIXED_COUNT", "Fixed Count", 0), item("FIT_LENGTH", "Fit Length", 1),
                   item("FIT_CURVE", "Fit Curve", 2)})
      .ui("Fit Type", "Array length calculation method")
      .recalc(GEOMETRY);
  def.integer("count", &ArrayModifierData::count)
      .ui("Count", "Number of duplicates to make")
      .range(1, INT_MAX)
      .soft_range(1, 1000)
      .default_value(2)
      .recalc(GEOMETRY);
  def.floats("fit_length", &ArrayModifierData::fit_length)
      .ui("Length", "Length to fit array within")
      .subtype(PropertySubtype::Distance)
      .unit(PropertyUnit::Length)
      .range(0, INT_MAX)
      .soft_range(0, 10000)
      .recalc(GEOMETRY);
  object_ref(def, "curve", &ArrayModifierData::curve).ui("Curve", "Curve object to fit array length to");
  def.boolean("use_relative_offset", &ArrayModifierData::use_relative_offset)
      .ui("Relative Offset", "Add an offset relative to the object's bounding box")
      .recalc(GEOMETRY);
  def.floats("relative_offset_displace", &ArrayModifierData::relative_offset_displace)
      .ui("Relative Offset Displacement", "The size of the geometry will determine the "
                                          "distance between arrayed items")
      .subtype(PropertySubtype::XYZ)
      .range(-FLT_MAX, FLT_MAX)
      .soft_range(-10, 10)
      .default_array({1, 0, 0})
      .recalc(GEOMETRY);
  def.boolean("use_constant_offset", &ArrayModifierData::use_constant_offset)
      .ui("Constant Offset", "Add a constant offset")
      .recalc(GEOMETRY);
  def.floats("constant_offset_displace", &ArrayModifierData::constant_offset_displace)
      .ui("Constant Offset Displacement", "Value for the distance between arrayed items")
      .subtype(PropertySubtype::Translation)
      .unit(PropertyUnit::Length)
      .range(-FLT_MAX, FLT_MAX)
      .soft_range(-10000, 10000)
      .default_array({1, 0, 0})
      .recalc(GEOMETRY);
  def.boolean("use_object_offset", &ArrayModifierData::use_object_offset)
      .ui("Object Offset", "Add another object's transformation to the total offset")
      .recalc(GEOMETRY | ID_RECALC_HIERARCHY);
  object_ref(def, "offset_object", &ArrayModifierData::offset_object)
      .ui("Offset Object", "Use the location and rotation of another object to determine the "
                           "distance and rotational change between arrayed items");
  def.boolean("use_merge_vertices", &ArrayModifierData::use_merge_vertices)
      .ui("Merge Vertices", "Merge vertices in adjacent duplicates")
      .recalc(GEOMETRY);
  def.boolean("use_merge_vertices_cap", &ArrayModifierData::use_merge_vertices_cap)
      .ui("Merge End Vertices", "Merge vertices in first and last duplicates")
      .recalc(GEOMETRY);
  def.floats("merge_threshold", &ArrayModifierData::merge_threshold)
      .ui("Merge Distance", "Limit below which to merge vertices")
      .subtype(PropertySubtype::Distance)
      .unit(PropertyUnit::Length)
      .range(0, FLT_MAX)
      .soft_range(0, 1)
      .default_value(0.01)
      .recalc(GEOMETRY);
  object_ref(def, "start_cap", &ArrayModifierData::start_cap).ui("Start Cap", "Mesh object to use as a start cap");
  object_ref(def, "end_cap", &ArrayModifierData::end_cap).ui("End Cap", "Mesh object to use as an end cap");
  def.floats("offset_u", &ArrayModifierData::offset_u)
      .ui("U Offset", "Amount to offset array UVs on the U axis")
      .range(-1, 1)
      .recalc(GEOMETRY);
  def.floats("offset_v", &ArrayModifierData::offset_v)
      .ui("V Offset", "Amount to offset array UVs on the V axis")
      .range(-1, 1)
      .recalc(GEOMETRY);
}

void define_mirror(BlenderRNA &rna)
{
  StructDef<MirrorModifierData> def = struct_<MirrorModifierData>(rna, "MirrorModifier",
                                                                  "Modifier");
  def.ui("Mirror Modifier", "Mirroring modifier");
  bool_axes(def, "use_axis", &MirrorModifierData::use_axis)
      .ui("Mirror Axis", "Enable axis mirror")
      .default_array({1, 0, 0});
  bool_axes(def, "use_bisect_axis", &MirrorModifierData::use_bisect_axis)
      .ui("Bisect Axis", "Cuts the mesh across the mirror plane");
  bool_axes(def, "use_bisect_flip_axis", &MirrorModifierData::use_bisect_flip_axis)
      .ui("Bisect Flip Axis", "Flips the direction of the slice");
  object_ref(def, "mirror_object", &MirrorModifierData::mirror_object)
      .ui("Mirror Object", "Object to use as mirror");
  def.boolean("use_clip", &MirrorModifierData::use_clip)
      .ui("Clip", "Prevent vertices from going through the mirror during transform")
      .recalc(GEOMETRY);
  def.boolean("use_mirror_merge", &MirrorModifierData::use_mirror_merge)
      .ui("Merge Vertices", "Merge vertices within the merge threshold")
      .default_value(1)
      .recalc(GEOMETRY);
  def.boolean("use_mirror_vertex_groups", &MirrorModifierData::use_mirror_vertex_groups)
      .ui("Mirror Vertex Groups", "Mirror vertex groups (e.g. .R->.L)")
      .default_value(1)
      .recalc(GEOMETRY);
  def.boolean("use_mirror_u", &MirrorModifierData::use_mirror_u)
      .ui("Mirror U", "Mirror the U texture coordinate around the flip offset point")
      .recalc(GEOMETRY);
  def.boolean("use_mirror_v", &MirrorModifierData::use_mirror_v)
      .ui("Mirror V", "Mirror the V texture coordinate around the flip offset point")
      .recalc(GEOMETRY);
  def.boolean("use_mirror_udim", &MirrorModifierData::use_mirror_udim)
      .ui("Mirror UDIM", "Mirror the texture coordinate around each tile center")
      .recalc(GEOMETRY);
  for (auto [identifier, member, name] :
       {std::tuple{"merge_threshold", &MirrorModifierData::merge_threshold, "Merge Distance"},
        std::tuple{"bisect_threshold", &MirrorModifierData::bisect_threshold,
                   "Bisect Distance"}})
  {
    def.floats(identifier, member)
        .ui(name, "Distance within which mirrored vertices are merged or cut")
        .subtype(PropertySubtype::Distance)
        .unit(PropertyUnit::Length)
        .range(0, FLT_MAX)
        .soft_range(0, 1)
        .default_value(0.001)
        .recalc(GEOMETRY);
  }
  for (auto [identifier, member, lo] :
       {std::tuple{"mirror_offset_u", &MirrorModifierData::mirror_offset_u, -1.0},
        std::tuple{"mirror_offset_v", &MirrorModifierData::mirror_offset_v, -1.0},
        std::tuple{"offset_u", &MirrorModifierData::offset_u, -10000.0},
        std::tuple{"offset_v", &MirrorModifierData::offset_v, -10000.0}})
  {
    def.floats(identifier, member)
        .ui(identifier, "UV offset of the mirrored copy")
        .subtype(PropertySubtype::Factor)
        .range(lo, -lo)
        .recalc(GEOMETRY);
  }
}

void define_displace(BlenderRNA &rna)
{
  StructDef<DisplaceModifierData> def = struct_<DisplaceModifierData>(rna, "DisplaceModifier",
                                                                      "Modifier");
  def.ui("Displace Modifier", "Displacement modifier");
  def.floats("strength", &DisplaceModifierData::strength)
      .ui("Strength", "Amount to displace geometry")
      .range(-FLT_MAX, FLT_MAX)
      .soft_range(-100, 100)
      .default_value(1)
      .recalc(GEOMETRY);
  def.floats("mid_level", &DisplaceModifierData::mid_level)
      .ui("Midlevel", "Material value that gives no displacement")
      .subtype(PropertySubtype::Factor)
      .range(-FLT_MAX, FLT_MAX)
      .soft_range(0, 1)
      .default_value(0.5)
      .recalc(GEOMETRY);
  def.enumeration("direction", &DisplaceModifierData::direction,
                  {item("X", "X", 0), item("Y", "Y", 1), item("Z", "Z", 2),
                   item("NORMAL", "Normal", 3), item("CUSTOM_NORMAL", "Custom Normal", 5),
                   item("RGB_TO_XYZ", "RGB to XYZ", 4)})
      .ui("Direction", "")
      .recalc(GEOMETRY);
  def.enumeration("space", &DisplaceModifierData::space,
                  {item("LOCAL", "Local", 0), item("GLOBAL", "Global", 1)})
      .ui("Space", "")
      .recalc(GEOMETRY | ID_RECALC_HIERARCHY);
  def.enumeration("texture_coords", &DisplaceModifierData::texture_coords,
                  {item("LOCAL", "Local", 0), item("GLOBAL", "Global", 1),
                   item("OBJECT", "Object", 2), item("UV", "UV", 3)})
      .ui("Texture Coordinates", "")
      .recalc(GEOMETRY);
  object_ref(def, "texture_coords_object", &DisplaceModifierData::texture_coords_object)
      .ui("Texture Coordinate Object", "Object to set the texture coordinates");
  string_member(def, "uv_layer", &DisplaceModifierData::uv_layer).ui("UV Map", "UV map name");
  string_member(def, "vertex_group", &DisplaceModifierData::vertex_group)
      .ui("Vertex Group", "Name of Vertex Group which determines influence of modifier per "
                          "point");
  def.boolean("invert_vertex_group", &DisplaceModifierData::invert_vertex_group)
      .ui("Invert", "Invert vertex group influence")
      .recalc(GEOMETRY);
}

void define_solidify(BlenderRNA &rna)
{
  StructDef<SolidifyModifierData> def = struct_<SolidifyModifierData>(rna, "SolidifyModifier",
                                                                      "Modifier");
  def.ui("Solidify Modifier", "Create a solid skin, compensating for sharp angles");
  def.floats("thickness", &SolidifyModifierData::thickness)
      .ui("Thickness", "Thickness of the shell")
      .subtype(PropertySubtype::Distance)
      .unit(PropertyUnit::Length)
      .range(-FLT_MAX, FLT_MAX)
      .soft_range(-10, 10)
      .default_value(0.01)
      .recalc(GEOMETRY);
  def.floats("offset", &SolidifyModifierData::offset)
      .ui("Offset", "Offset the thickness from the center")
      .subtype(PropertySubtype::Factor)
      .range(-FLT_MAX, FLT_MAX)
      .soft_range(-1, 1)
      .default_value(-1)
      .recalc(GEOMETRY);
  struct Flag {
    const char *identifier, *name;
    bool SolidifyModifierData::*member;
  };
  for (const Flag &flag :
       {Flag{"use_even_offset", "Even Thickness", &SolidifyModifierData::use_even_offset},
        Flag{"use_quality_normals", "High Quality Normals",
             &SolidifyModifierData::use_quality_normals},
        Flag{"use_rim", "Fill Rim", &SolidifyModifierData::use_rim},
        Flag{"use_rim_only", "Only Rim", &SolidifyModifierData::use_rim_only},
        Flag{"use_flip_normals", "Flip Normals", &SolidifyModifierData::use_flip_normals},
        Flag{"invert_vertex_group", "Vertex Group Invert",
             &SolidifyModifierData::invert_vertex_group}})
  {
    def.boolean(flag.identifier, flag.member).ui(flag.name, "").recalc(GEOMETRY);
  }
  def.enumeration("solidify_mode", &SolidifyModifierData::solidify_mode,
                  {item("EXTRUDE", "Simple", 0), item("NON_MANIFOLD", "Complex", 1)})
      .ui("Mode", "Selects the used algorithm")
      .recalc(GEOMETRY);
  def.integer("material_offset", &SolidifyModifierData::material_offset)
      .ui("Material Offset", "Offset material index of generated faces")
      .range(SHRT_MIN, SHRT_MAX)
      .recalc(GEOMETRY);
  def.integer("material_offset_rim", &SolidifyModifierData::material_offset_rim)
      .ui("Rim Material Offset", "Offset material index of generated rim faces")
      .range(SHRT_MIN, SHRT_MAX)
      .recalc(GEOMETRY);
  def.floats("thickness_clamp", &SolidifyModifierData::thickness_clamp)
      .ui("Clamp", "Offset clamp based on geometry scale")
      .range(0, 100)
      .soft_range(0, 2)
      .recalc(GEOMETRY);
  def.floats("thickness_vertex_group", &SolidifyModifierData::thickness_vertex_group)
      .ui("Vertex Group Factor", "Thickness factor to use for zero vertex group influence")
      .subtype(PropertySubtype::Factor)
      .range(0, 1)
      .recalc(GEOMETRY);
  string_member(def, "vertex_group", &SolidifyModifierData::vertex_group)
      .ui("Vertex Group", "Vertex group name");
}

void define_triangulate(BlenderRNA &rna)
{
  StructDef<TriangulateModifierData> def = struct_<TriangulateModifierData>(
      rna, "TriangulateModifier", "Modifier");
  def.ui("Triangulate Modifier", "Triangulate Mesh");
  def.enumeration("quad_method", &TriangulateModifierData::quad_method,
                  {item("BEAUTY", "Beauty", 0), item("FIXED", "Fixed", 1),
                   item("FIXED_ALTERNATE", "Fixed Alternate", 2),
                   item("SHORTEST_DIAGONAL", "Shortest Diagonal", 3),
                   item("LONGEST_DIAGONAL", "Longest Diagonal", 4)})
      .ui("Quad Method", "Method for splitting the quads into triangles")
      .recalc(GEOMETRY);
  def.enumeration("ngon_method", &TriangulateModifierData::ngon_method,
                  {item("BEAUTY", "Beauty", 0), item("CLIP", "Clip", 1)})
      .ui("N-gon Method", "Method for splitting the polygons into triangles")
      .recalc(GEOMETRY);
  def.integer("min_vertices", &TriangulateModifierData::min_vertices)
      .ui("Minimum Vertices", "Triangulate only polygons with vertex count greater than or "
                              "equal to this number")
      .range(4, INT_MAX)
      .soft_range(4, 100)
      .default_value(4)
      .recalc(GEOMETRY);
  def.boolean("keep_custom_normals", &TriangulateModifierData::keep_custom_normals)
      .ui("Keep Normals", "Try to preserve custom normals")
      .recalc(GEOMETRY);
}

void define_weld(BlenderRNA &rna)
{
  StructDef<WeldModifierData> def = struct_<WeldModifierData>(rna, "WeldModifier", "Modifier");
  def.ui("Weld Modifier", "Weld modifier");
  def.floats("merge_threshold", &WeldModifierData::merge_threshold)
      .ui("Distance", "Limit below which to merge vertices")
      .subtype(PropertySubtype::Distance)
      .unit(PropertyUnit::Length)
      .range(0, FLT_MAX)
      .soft_range(0, 1)
      .default_value(0.001)
      .recalc(GEOMETRY);
  def.enumeration("mode", &WeldModifierData::mode,
                  {item("ALL", "All", 0), item("CONNECTED", "Connected", 1)})
      .ui("Mode", "Mode defines the merge rule")
      .recalc(GEOMETRY);
  def.boolean("loose_edges", &WeldModifierData::loose_edges)
      .ui("Only Loose Edges", "Collapse edges without faces, cloth sewing edges")
      .recalc(GEOMETRY);
  string_member(def, "vertex_group", &WeldModifierData::vertex_group)
      .ui("Vertex Group", "Vertex group name for selecting the affected areas");
  def.boolean("invert_vertex_group", &WeldModifierData::invert_vertex_group)
      .ui("Invert", "Invert vertex group influence")
      .recalc(GEOMETRY);
}

void define_object_modifiers(BlenderRNA &rna)
{
  StructDef<Object> coll = struct_<Object>(rna, "ObjectModifiers");
  coll.ui("Object Modifiers", "Collection of object modifiers");
  const StructRNA *modifier = rna.find("Modifier");
  FunctionRNA &add = coll.function("new", "Add a new modifier", [](FunctionCall &call) {
    const std::string &name = std::get<std::string>(call.args[0]);
    const auto type = ModifierType(std::get<int64_t>(call.args[1]));
    ModifierData &md = kernel::object_modifier_add(*call.main, object_of(call.self), name, type);
    call.result = modifier_pointer(call.self, &md);
  });
  parameter(add, "name", PropertyType::String, nullptr, PARM_REQUIRED)
      .ui("", "New name for the modifier");
  parameter(add, "type", PropertyType::Enum, nullptr, PARM_REQUIRED)
      .ui("", "Modifier type to add")
      .items(modifier->find_property("type")->enum_items);
  parameter(add, "modifier", PropertyType::Pointer, modifier, PARM_OUTPUT)
      .ui("", "Newly created modifier");

  FunctionRNA &remove = coll.function("remove", "Remove an existing modifier from the object",
                                      [](FunctionCall &call) {
                                        const auto &value = std::get<PointerRNA>(call.args[0]);
                                        Object &ob = object_of(call.self);
                                        if (value.owner_id != call.self.owner_id) {
                                          raise(ErrorKind::Reference, "Modifier '",
                                                md_of(value).name, "' not in object '",
                                                ob.id.name, "'");
                                        }
                                        kernel::object_modifier_remove(*call.main, ob,
                                                                       md_of(value));
                                      });
  parameter(remove, "modifier", PropertyType::Pointer, modifier, PARM_REQUIRED | PROP_NEVER_NULL)
      .ui("", "Modifier to remove");
  coll.function("clear", "Remove all modifiers from the object", [](FunctionCall &call) {
    kernel::object_modifiers_clear(*call.main, object_of(call.self));
  });
  FunctionRNA &move = coll.function("move", "Move a modifier to another position in the stack",
                                    [](FunctionCall &call) {
                                      kernel::object_modifier_move(
                                          object_of(call.self), std::get<int64_t>(call.args[0]),
                                          std::get<int64_t>(call.args[1]));
                                    });
  parameter(move, "from_index", PropertyType::Int, nullptr, PARM_REQUIRED)
      .ui("From Index", "Index to move")
      .range(0, INT_MAX);
  parameter(move, "to_index", PropertyType::Int, nullptr, PARM_REQUIRED)
      .ui("To Index", "Target index")
      .range(0, INT_MAX);
  coll.pointer(
          "active", "Modifier",
          [](const PointerRNA &p) {
            for (const auto &md : object_of(p).modifiers) {
              if (md->is_active) {
                return modifier_pointer(p, md.get());
              }
            }
            return PointerRNA{};
          },
          [](const PointerRNA &p, const PointerRNA &value) {
            kernel::object_modifier_set_active(object_of(p),
                                               value.is_null() ? nullptr : &md_of(value));
          })
      .ui("Active Modifier", "The active modifier in the list");

  StructDef<Object> ob = struct_<Object>(rna, "Object");
  ob.collection(
        "modifiers", "Modifier", [](const PointerRNA &p) { return object_of(p).modifiers.size(); },
        [](const PointerRNA &p, int64_t i) {
          return modifier_pointer(p, object_of(p).modifiers.get(i));
        },
        [](const PointerRNA &p, std::string_view key) -> std::optional<PointerRNA> {
          ModifierData *md = kernel::object_modifier_find(object_of(p), key);
          return md ? std::optional(modifier_pointer(p, md)) : std::nullopt;
        })
      .ui("Modifiers", "Modifiers affecting the geometric data of the object")
      .functions(rna.find("ObjectModifiers"));
}

}  // namespace

void define_modifiers(BlenderRNA &rna)
{
  define_base(rna);
  define_subsurf(rna);
  define_array(rna);
  define_mirror(rna);
  define_displace(rna);
  define_solidify(rna);
  define_triangulate(rna);
  define_weld(rna);
  define_object_modifiers(rna);
}

}  // namespace whisk::rna
