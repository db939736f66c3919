# RNA paths: path_from_id, path_resolve, id_data and rna_type, the tools behind
# drivers, keyframing helpers and generic property copiers.
import bpy

result = {}
scene = bpy.context.scene
ob = bpy.data.objects["Cube"]
cam = bpy.data.cameras["Camera"]

result["ob_path"] = capture(lambda: ob.path_from_id())
result["ob_prop_path"] = capture(lambda: ob.path_from_id("location"))
result["render_path"] = capture(lambda: scene.render.path_from_id())
result["render_prop_path"] = capture(lambda: scene.render.path_from_id("resolution_x"))
result["dof_path"] = capture(lambda: cam.dof.path_from_id("focus_distance"))
result["view_layer_path"] = capture(lambda: scene.view_layers["ViewLayer"].path_from_id())
result["unit_settings_path"] = capture(lambda: scene.unit_settings.path_from_id("scale_length"))
result["cursor_path"] = capture(lambda: scene.cursor.path_from_id("location"))
result["bad_prop_path"] = capture(lambda: ob.path_from_id("nope"))
result["path_from_id_int"] = capture(lambda: ob.path_from_id(5))

# path_resolve
result["resolve_location"] = capture(lambda: vec(ob.path_resolve("location")))
result["resolve_location_index"] = capture(lambda: num(ob.path_resolve("location[1]")))
result["resolve_nested"] = capture(lambda: scene.path_resolve("render.resolution_x"))
result["resolve_struct"] = capture(lambda: repr(scene.path_resolve("render")))
result["resolve_collection_key"] = capture(lambda: repr(scene.path_resolve('objects["Cube"]')))
result["resolve_collection_key_prop"] = capture(lambda: scene.path_resolve('objects["Cube"].name'))
result["resolve_collection_index"] = capture(lambda: scene.path_resolve('view_layers[0].name'))
result["resolve_pointer_chain"] = capture(lambda: scene.path_resolve("world.name"))
result["resolve_no_coerce"] = capture(lambda: type(ob.path_resolve("location", False)).__name__)
result["resolve_no_coerce_scalar"] = capture(lambda: type(ob.path_resolve("name", False)).__name__)
result["resolve_idprop"] = capture(lambda: (ob.__setitem__("custom", 7),
                                            ob.path_resolve('["custom"]'))[1])
result["resolve_bad"] = capture(lambda: ob.path_resolve("nope"))
result["resolve_bad_index"] = capture(lambda: ob.path_resolve("location[5]"))
result["resolve_bad_key"] = capture(lambda: scene.path_resolve('objects["Nope"]'))
result["resolve_empty"] = capture(lambda: ob.path_resolve(""))
result["resolve_trailing_dot"] = capture(lambda: ob.path_resolve("location."))
result["resolve_through_none"] = capture(lambda: ob.path_resolve("parent.name"))

# bpy.data level paths used by exporters
result["data_path_resolve"] = capture(lambda: repr(bpy.data.path_resolve('objects["Cube"]')))

# id_data and rna_type
result["id_data_of_id"] = ob.id_data == ob
result["id_data_of_render"] = scene.render.id_data.name
result["id_data_of_dof"] = cam.dof.id_data.name
result["location_owner_type"] = type(ob.location.owner).__name__
result["id_data_of_layer_collection"] = \
    scene.view_layers[0].layer_collection.id_data.name
result["id_data_of_master_collection"] = repr(scene.collection.id_data)
result["rna_type"] = [ob.rna_type.identifier, scene.render.rna_type.identifier,
                      cam.dof.rna_type.identifier, bpy.data.rna_type.identifier]
result["rna_type_of_rna_type"] = ob.rna_type.rna_type.identifier

# Generic property copy through paths, as a "copy attributes" tool does
src = bpy.data.objects["Camera"]
dst = bpy.data.objects.new("CameraTwin", None)
copied = []
for prop in src.bl_rna.properties:
    if prop.is_readonly or prop.type in ("POINTER", "COLLECTION"):
        continue
    if prop.identifier in ("name", "rotation_mode", "matrix_world", "matrix_basis",
                           "matrix_local", "matrix_parent_inverse"):
        continue
    if prop.identifier not in ("location", "rotation_euler", "scale", "hide_render",
                               "pass_index", "color", "empty_display_size"):
        continue
    setattr(dst, prop.identifier, getattr(src, prop.identifier))
    copied.append(prop.identifier)
result["copied"] = sorted(copied)
result["copied_location"] = vec(dst.location)
result["copied_rotation"] = vec(dst.rotation_euler)

# path_from_id on data reached through another ID: the path is relative to its own ID
mat = bpy.data.materials["Material"]
result["material_path"] = capture(lambda: mat.path_from_id("diffuse_color"))
result["material_via_object_path"] = capture(lambda: ob.material_slots[0].material.path_from_id())
result["slot_path"] = capture(lambda: ob.material_slots[0].path_from_id())
result["slot_repr"] = repr(ob.material_slots[0])
