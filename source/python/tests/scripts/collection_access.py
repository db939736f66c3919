# bpy_prop_collection access patterns: get, keys/values/items, find, slicing, negative
# indices, `in` with names and (name, library) tuples, and lookup errors.
import bpy

result = {}
objects = bpy.data.objects
scene = bpy.context.scene
result["keys"] = objects.keys()
result["values"] = [o.name for o in objects.values()]
result["items"] = [[k, v.name] for k, v in objects.items()]
result["keys_type"] = type(objects.keys()).__name__
result["get"] = objects.get("Cube").name
result["get_missing"] = objects.get("Nope")
result["get_default"] = objects.get("Nope", "fallback")
result["get_tuple_local"] = capture(lambda: objects.get(("Cube", None)).name)
result["get_tuple_lib_missing"] = capture(lambda: objects.get(("Cube", "//lib.blend")))
result["find"] = [objects.find("Cube"), objects.find("Light"), objects.find("Nope")]
result["index"] = [objects[0].name, objects[1].name, objects[-1].name, objects[-3].name]
result["index_out"] = capture(lambda: objects[3])
result["index_neg_out"] = capture(lambda: objects[-4])
result["key_missing"] = capture(lambda: objects["Nope"])
result["key_tuple_local"] = capture(lambda: objects["Cube", None].name)
result["key_tuple_lib"] = capture(lambda: objects["Cube", "//lib.blend"])
result["key_tuple_bad"] = capture(lambda: objects["Cube", 1])
result["key_tuple_len"] = capture(lambda: objects["Cube", None, 1])
result["key_float"] = capture(lambda: objects[1.0])
result["key_none"] = capture(lambda: objects[None])
result["key_bytes"] = capture(lambda: objects[b"Cube"])
result["in_name"] = ["Cube" in objects, "Nope" in objects]
result["in_tuple"] = [("Cube", None) in objects, ("Cube", "//lib.blend") in objects]
result["in_object"] = capture(lambda: bpy.data.objects["Cube"] in objects)
result["in_int"] = capture(lambda: 1 in objects)

# Slices
result["slice_all"] = [o.name for o in objects[:]]
result["slice_type"] = type(objects[:]).__name__
result["slice_partial"] = [o.name for o in objects[1:]]
result["slice_neg"] = [o.name for o in objects[-2:]]
result["slice_empty"] = [o.name for o in objects[5:9]]
result["slice_reversed_bounds"] = [o.name for o in objects[2:1]]
result["slice_step"] = capture(lambda: [o.name for o in objects[::2]])
result["slice_step_1"] = capture(lambda: [o.name for o in objects[::1]])
result["slice_step_neg"] = capture(lambda: [o.name for o in objects[::-1]])

# Iteration and conversions
result["iter_names"] = [o.name for o in objects]
result["list_len"] = len(list(objects))
result["tuple_names"] = [o.name for o in tuple(scene.objects)]
result["reversed"] = capture(lambda: [o.name for o in reversed(objects)])
result["enumerate"] = [[i, o.name] for i, o in enumerate(scene.objects)]
result["sorted_by_name"] = [o.name for o in sorted(objects, key=lambda o: o.name.lower())]
result["dict_comprehension"] = sorted({o.name: o.type for o in objects}.items())

# Nested collections and membership through other collections
coll = bpy.data.collections["Collection"]
result["coll_objects_keys"] = coll.objects.keys()
result["coll_objects_find"] = coll.objects.find("Light")
result["coll_objects_get"] = coll.objects.get("Light").name
result["scene_objects_index"] = scene.objects[0].name
result["view_layer_objects_get"] = bpy.context.view_layer.objects.get("Cube").name
result["children_keys"] = scene.collection.children.keys()
result["materials_keys"] = bpy.data.materials.keys()

# Collection attribute errors
result["set_collection"] = capture(lambda: setattr(bpy.data, "objects", []))
result["setitem"] = capture(lambda: objects.__setitem__("Cube", None))
result["delitem"] = capture(lambda: objects.__delitem__("Cube"))
result["unknown_attr"] = capture(lambda: objects.nope)
result["new_on_scene_objects"] = capture(lambda: scene.objects.new("x", None))
result["link_on_scene_objects"] = capture(lambda: scene.objects.link(objects["Cube"]))
result["rna_type_of_collection"] = objects.rna_type.identifier
result["collection_bl_rna"] = capture(lambda: objects.bl_rna.identifier)
result["data_path_of_collection"] = capture(lambda: objects.path_from_id())
result["id_data_of_collection"] = capture(lambda: repr(scene.objects.id_data))
