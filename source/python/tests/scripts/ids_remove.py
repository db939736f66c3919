# Removing data-blocks: what happens to users, links, and Python objects that still
# point at the removed data (they raise ReferenceError instead of crashing).
import bpy

result = {}
scene = bpy.context.scene
cube = bpy.data.objects["Cube"]
mesh = cube.data
loc = cube.location
cube_ref = bpy.data.objects["Cube"]
result["mesh_users_before"] = mesh.users
bpy.data.objects.remove(cube)
result["objects_after"] = bpy.data.objects.keys()
result["mesh_users_after"] = mesh.users
result["mesh_still_there"] = "Cube" in bpy.data.meshes
result["scene_objects"] = sorted(names(scene.objects))
result["collection_objects"] = names(bpy.data.collections["Collection"].objects)

# Every access through the removed object raises ReferenceError.
result["name_after_remove"] = capture(lambda: cube.name)
result["other_ref_name"] = capture(lambda: cube_ref.name)
result["set_after_remove"] = capture(lambda: setattr(cube, "hide_render", True))
result["location_after_remove"] = capture(lambda: cube.location)
# A location vector fetched before the removal: using it is one of the documented crash
# cases (Blender reads freed memory), so only its type is recorded here. Whisk should
# raise ReferenceError on use.
result["held_location_type"] = type(loc).__name__
result["repr_after_remove"] = capture(lambda: repr(cube))
result["idprop_after_remove"] = capture(lambda: cube.get("x"))
result["remove_twice"] = capture(lambda: bpy.data.objects.remove(cube))
result["eq_after_remove"] = capture(lambda: cube == cube_ref)
result["in_data_after_remove"] = capture(lambda: cube in bpy.data.objects.values())

# Removing the mesh now that nothing uses it
bpy.data.meshes.remove(mesh)
result["meshes_after"] = bpy.data.meshes.keys()
result["mesh_name_after_remove"] = capture(lambda: mesh.name)
result["mesh_users_after_remove"] = capture(lambda: mesh.users)

# Removing object data that is still used: the objects that used it go too
cam_ob = bpy.data.objects["Camera"]
cam = cam_ob.data
result["scene_camera_before"] = scene.camera.name
bpy.data.cameras.remove(cam)
result["camera_ob_after_data_remove"] = capture(lambda: cam_ob.data)
result["objects_after_camera_remove"] = bpy.data.objects.keys()
result["scene_camera_after"] = capture(lambda: scene.camera)

# Removing a material used by a mesh slot
mat = bpy.data.materials.new("Temp")
me = bpy.data.meshes.new("Holder")
me.materials.append(mat)
result["mat_users_before"] = mat.users
bpy.data.materials.remove(mat)
result["slot_after_remove"] = [m.name if m else None for m in me.materials]
result["len_materials"] = len(me.materials)

# Removing a collection: its objects are kept (moved nowhere) when not linked elsewhere
coll = bpy.data.collections["Collection"]
light = bpy.data.objects["Light"]
bpy.data.collections.remove(coll)
result["collections_after"] = bpy.data.collections.keys()
result["light_users_after_coll_remove"] = light.users
result["light_users_collection"] = names(light.users_collection)
result["scene_objects_after_coll_remove"] = sorted(names(scene.objects))
result["children_after_remove"] = names(scene.collection.children)

# Wrong argument types to remove
result["remove_wrong_type"] = capture(lambda: bpy.data.objects.remove(light.data))
result["remove_none"] = capture(lambda: bpy.data.objects.remove(None))
result["remove_str"] = capture(lambda: bpy.data.objects.remove("Light"))

# do_unlink=False on a used object
holder = bpy.data.collections.new("Holder")
scene.collection.children.link(holder)
ob2 = bpy.data.objects.new("Linked", None)
holder.objects.link(ob2)
result["remove_used_no_unlink"] = capture(
    lambda: bpy.data.objects.remove(ob2, do_unlink=False))
result["still_there"] = "Linked" in bpy.data.objects
