# repr/str of data, equality and hashing of structs, as_pointer, bool of collections.
import bpy

result = {}
scene = bpy.context.scene
ob = bpy.data.objects["Cube"]
result["repr_object"] = repr(ob)
result["repr_mesh"] = repr(ob.data)
result["repr_scene"] = repr(scene)
result["repr_render"] = repr(scene.render)
result["repr_world"] = repr(scene.world)
result["repr_dof"] = repr(bpy.data.cameras["Camera"].dof)
result["repr_data"] = noaddr(repr(bpy.data))
result["repr_objects"] = repr(bpy.data.objects)
result["repr_scene_objects"] = repr(scene.objects)
result["repr_collection_objects"] = repr(bpy.data.collections["Collection"].objects)
result["repr_view_layers"] = repr(scene.view_layers)
result["repr_view_layer"] = repr(scene.view_layers[0])
result["repr_light"] = repr(bpy.data.lights["Light"])
result["repr_location"] = repr(ob.location)
result["repr_rotation"] = repr(ob.rotation_euler)
result["repr_quaternion"] = repr(ob.rotation_quaternion)
result["repr_color_array"] = repr(ob.color)
result["repr_axis_angle"] = repr(ob.rotation_axis_angle)
result["repr_context_scene"] = repr(bpy.context.scene)
result["repr_bl_rna"] = noaddr(repr(bpy.types.Object.bl_rna))
result["repr_property_rna"] = noaddr(repr(bpy.types.Object.bl_rna.properties["location"]))
result["repr_quotes"] = repr(bpy.data.objects.new("it's \"quoted\"", None))
result["repr_unicode"] = repr(bpy.data.objects.new("héllo wörld", None))
result["repr_backslash"] = repr(bpy.data.objects.new("back\\slash", None))
result["str_object"] = noaddr(str(ob))
result["str_location"] = str(ob.location)
result["format_location"] = "%s" % (ob.location,)

# Equality: two lookups of the same data are equal and hash the same
a = bpy.data.objects["Cube"]
b = bpy.context.scene.objects["Cube"]
result["eq_same"] = a == b
result["hash_same"] = hash(a) == hash(b)
result["ne_other"] = a != bpy.data.objects["Camera"]
result["eq_nested"] = scene.render == bpy.data.scenes["Scene"].render
result["hash_nested"] = hash(scene.render) == hash(bpy.data.scenes["Scene"].render)
result["set_of_objects"] = len({bpy.data.objects["Cube"], bpy.context.object,
                                bpy.context.active_object, bpy.data.objects["Light"]})
result["dict_key"] = {ob: "cube"}[bpy.data.objects["Cube"]]
result["eq_other_type"] = ob == "Cube"
result["eq_none"] = ob == None  # noqa: E711
result["location_eq"] = ob.location == bpy.data.objects["Cube"].location
result["location_hash"] = capture(lambda: hash(ob.location))
result["in_list"] = bpy.data.objects["Cube"] in list(scene.objects)
result["in_collection_struct"] = bpy.data.objects["Cube"] in scene.objects.values()
result["collection_eq"] = bpy.data.objects == bpy.data.objects
result["lt_unsupported"] = capture(lambda: ob < bpy.data.objects["Camera"])

# as_pointer is stable for the same data and non-zero
result["as_pointer_nonzero"] = ob.as_pointer() != 0
result["as_pointer_stable"] = ob.as_pointer() == bpy.data.objects["Cube"].as_pointer()
result["as_pointer_distinct"] = ob.as_pointer() != bpy.data.objects["Camera"].as_pointer()
result["as_pointer_type"] = type(ob.as_pointer()).__name__

# Truthiness and lengths
result["bool_objects"] = bool(bpy.data.objects)
result["bool_empty"] = bool(bpy.data.actions)
result["bool_struct"] = bool(ob)
result["len_data"] = [len(bpy.data.objects), len(bpy.data.meshes), len(bpy.data.actions)]
result["dir_has"] = [n in dir(ob) for n in ("location", "name", "select_get", "keys",
                                            "bl_rna", "nope")]
result["dir_data_has"] = [n in dir(bpy.data) for n in ("objects", "meshes", "user_map")]
result["type_names"] = [type(ob).__name__, type(bpy.data).__name__,
                        type(bpy.data.objects).__name__, type(ob.location).__name__,
                        type(scene.render).__name__, type(bpy.context).__name__]
