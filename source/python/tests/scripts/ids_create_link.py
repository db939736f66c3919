# Create meshes, objects, cameras and lights, link them into the scene, and check what
# Blender reports about them: names, types, data, users and collection membership.
import bpy

scene = bpy.context.scene
coll = scene.collection.children["Collection"]

mesh = bpy.data.meshes.new("Crate")
ob = bpy.data.objects.new("Crate", mesh)
result = {}
result["mesh_users_before_link"] = mesh.users
result["object_users_before_link"] = ob.users
result["object_in_scene_before"] = ob.name in scene.objects
coll.objects.link(ob)
result["object_users_after_link"] = ob.users
result["mesh_users_after_link"] = mesh.users
result["object_in_scene_after"] = ob.name in scene.objects
result["type"] = ob.type
result["data_is_mesh"] = ob.data == mesh
result["data_name"] = ob.data.name
result["users_collection"] = names(ob.users_collection)
result["users_scene"] = names(ob.users_scene)

empty = bpy.data.objects.new("Locator", None)
scene.collection.objects.link(empty)
result["empty_type"] = empty.type
result["empty_data"] = empty.data
result["empty_users_collection"] = names(empty.users_collection)

cam_data = bpy.data.cameras.new("ShotCam")
cam = bpy.data.objects.new("ShotCam", cam_data)
coll.objects.link(cam)
result["camera_type"] = cam.type
result["camera_data_type"] = type(cam.data).__name__

for kind in ("POINT", "SUN", "SPOT", "AREA"):
    light = bpy.data.lights.new("Key_" + kind, type=kind)
    lob = bpy.data.objects.new("Key_" + kind, light)
    coll.objects.link(lob)
    result["light_" + kind] = [lob.type, light.type, type(light).__name__]

result["objects"] = bpy.data.objects.keys()
result["meshes"] = bpy.data.meshes.keys()
result["lights"] = bpy.data.lights.keys()
result["collection_objects"] = names(coll.objects)
result["scene_collection_objects"] = names(scene.collection.objects)
result["scene_objects"] = sorted(names(scene.objects))
result["len_scene_objects"] = len(scene.objects)

# The same object linked twice to one collection is an error.
result["link_twice"] = capture(lambda: coll.objects.link(ob))
# Linking to a second collection adds a user.
other = bpy.data.collections.new("Props")
scene.collection.children.link(other)
other.objects.link(ob)
result["users_two_collections"] = ob.users
result["users_collection_two"] = sorted(names(ob.users_collection))
other.objects.unlink(ob)
result["users_after_unlink"] = ob.users
result["unlink_not_linked"] = capture(lambda: other.objects.unlink(ob))

# objects.new with wrong data types
result["new_with_material"] = capture(
    lambda: bpy.data.objects.new("Bad", bpy.data.materials["Material"]))
result["new_no_data_arg"] = capture(lambda: bpy.data.objects.new("Bad"))
result["new_name_not_str"] = capture(lambda: bpy.data.meshes.new(5))
result["new_kwargs"] = capture(lambda: bpy.data.objects.new(name="Kw", object_data=None).name)
result["new_is_not_linked"] = capture(lambda: bpy.data.objects["Kw"].users_collection[:])
