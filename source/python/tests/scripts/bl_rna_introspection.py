# bl_rna introspection: what an exporter or UI generator reads about properties
# (type, subtype, unit, ranges, defaults, enum items, flags) and about structs.
import bpy

result = {}


def describe(struct, name):
    p = struct.bl_rna.properties[name]
    d = {"type": p.type, "subtype": p.subtype, "identifier": p.identifier,
         "name": p.name, "is_readonly": p.is_readonly, "is_never_none": p.is_never_none,
         "is_animatable": p.is_animatable, "is_hidden": p.is_hidden,
         "is_required": p.is_required, "rna": p.rna_type.identifier}
    if p.type in ("INT", "FLOAT", "BOOLEAN"):
        d["array_length"] = p.array_length
        if p.array_length:
            d["default_array"] = plain(list(p.default_array))
            d["array_dimensions"] = list(p.array_dimensions)
        else:
            d["default"] = plain(p.default)
    if p.type in ("INT", "FLOAT"):
        d["hard"] = [num(p.hard_min), num(p.hard_max)]
        d["soft"] = [num(p.soft_min), num(p.soft_max)]
    if p.type == "FLOAT":
        d["unit"] = p.unit
        d["precision"] = p.precision
    if p.type == "ENUM":
        d["items"] = [i.identifier for i in p.enum_items]
        d["default"] = p.default
        d["is_enum_flag"] = p.is_enum_flag
    if p.type == "STRING":
        d["default"] = p.default
        d["length_max"] = p.length_max
    if p.type in ("POINTER", "COLLECTION"):
        d["fixed_type"] = p.fixed_type.identifier
    return d


for struct, names_ in ((bpy.types.Object, ("location", "rotation_euler", "rotation_quaternion",
                                           "scale", "rotation_mode", "matrix_world",
                                           "parent", "data", "hide_viewport",
                                           "name", "color", "empty_display_size",
                                           "pass_index", "display_type")),
                       (bpy.types.Camera, ("lens", "clip_start", "sensor_fit", "type",
                                           "angle", "passepartout_alpha")),
                       (bpy.types.Scene, ("frame_current", "frame_start", "camera", "world",
                                          "render", "objects")),
                       (bpy.types.ID, ("users", "use_fake_user", "name_full")),
                       (bpy.types.Collection, ("objects", "color_tag", "all_objects"))):
    for name in names_:
        result[struct.__name__ + "." + name] = describe(struct, name)

ob = bpy.data.objects["Cube"]
result["struct_identifier"] = [ob.bl_rna.identifier, ob.rna_type.identifier,
                               bpy.types.Object.bl_rna.identifier]
result["struct_base"] = bpy.types.Object.bl_rna.base.identifier
result["struct_name_property"] = bpy.types.Object.bl_rna.name_property.identifier
result["struct_name"] = bpy.types.Object.bl_rna.name
result["light_base"] = bpy.types.PointLight.bl_rna.base.identifier
result["id_base"] = bpy.types.ID.bl_rna.base
result["scene_render_struct"] = bpy.types.Scene.bl_rna.properties["render"].fixed_type.identifier
result["is_subclass"] = [issubclass(bpy.types.Object, bpy.types.ID),
                         issubclass(bpy.types.PointLight, bpy.types.Light),
                         isinstance(ob, bpy.types.ID), isinstance(ob, bpy.types.bpy_struct)]
result["properties_type"] = type(bpy.types.Object.bl_rna.properties).__name__
result["functions_contains"] = [f in bpy.types.Object.bl_rna.functions for f in
                                ("select_get", "select_set", "hide_get", "visible_get")]
fn = bpy.types.Object.bl_rna.functions["select_set"]
result["function_params"] = [[p.identifier, p.type, p.is_required]
                             for p in fn.parameters]
result["missing_property"] = capture(lambda: bpy.types.Object.bl_rna.properties["nope"])
result["rna_type_of_property"] = type(bpy.types.Object.bl_rna.properties["location"]).__name__
result["enum_item_struct"] = [
    [i.identifier, i.name, i.value] for i in
    bpy.types.Object.bl_rna.properties["rotation_mode"].enum_items]
result["enum_items_lookup"] = bpy.types.Object.bl_rna.properties["rotation_mode"].enum_items[
    "AXIS_ANGLE"].value
# Object.type lists every Blender object type; only the ones a script meets are checked
type_items = [i.identifier for i in bpy.types.Object.bl_rna.properties["type"].enum_items]
result["object_type_has"] = [t in type_items for t in ("MESH", "EMPTY", "LIGHT", "CAMERA")]
result["property_readonly"] = capture(
    lambda: setattr(bpy.types.Object.bl_rna.properties["location"], "name", "x"))
