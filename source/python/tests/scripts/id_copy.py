# ID.copy(): duplicating objects, meshes, materials and scenes-level data the way a
# "make variants" script does; names, users, shared data and custom properties.
import bpy

result = {}
coll = bpy.context.collection
cube = bpy.data.objects["Cube"]
cube["variant"] = "base"
cube.location = (1, 2, 3)

dup = cube.copy()
result["dup_name"] = dup.name
result["dup_users"] = dup.users
result["dup_linked"] = [c.name for c in dup.users_collection]
result["dup_shares_mesh"] = dup.data == cube.data
result["mesh_users_after_copy"] = cube.data.users
result["dup_location"] = vec(dup.location)
result["dup_idprop"] = dup["variant"]
result["dup_type"] = dup.type
coll.objects.link(dup)
result["dup_in_scene"] = dup.name in bpy.context.scene.objects

# Deep copy of the data
dup.data = cube.data.copy()
result["dup_mesh_name"] = dup.data.name
result["mesh_users_after_data_copy"] = [cube.data.users, dup.data.users]
result["dup_mesh_materials"] = [m.name for m in dup.data.materials]
result["material_users_after_mesh_copy"] = bpy.data.materials["Material"].users

# Many copies
copies = [cube.copy() for _ in range(3)]
result["copy_names"] = [c.name for c in copies]
result["objects"] = bpy.data.objects.keys()

# Copy of a copy, and copy of a renamed object
c2 = copies[0].copy()
result["copy_of_copy"] = c2.name
cube.name = "Hero"
result["copy_after_rename"] = cube.copy().name

# Parent relations are copied, children are not
child = bpy.data.objects.new("Child", None)
child.parent = cube
child_copy = child.copy()
result["child_copy_parent"] = child_copy.parent.name
result["parent_copy_children"] = [c.name for c in cube.copy().children]

# Material copies
mat = bpy.data.materials["Material"]
mat_copy = mat.copy()
result["material_copy"] = [mat_copy.name, mat_copy.users, vec(mat_copy.diffuse_color),
                           mat_copy.use_nodes]
# Camera and light data copies keep their settings
cam_copy = bpy.data.cameras["Camera"].copy()
result["camera_copy"] = [cam_copy.name, num(cam_copy.lens), cam_copy.users]
light_copy = bpy.data.lights["Light"].copy()
result["light_copy"] = [light_copy.name, light_copy.type, type(light_copy).__name__,
                        num(light_copy.energy)]
# Collections
coll_copy = bpy.data.collections["Collection"].copy()
result["collection_copy"] = [coll_copy.name, coll_copy.users,
                             sorted(o.name for o in coll_copy.objects),
                             bpy.data.objects["Camera"].users]
# Texts and worlds
txt = bpy.data.texts.new("script.py")
txt.write("print('hi')")
txt_copy = txt.copy()
result["text_copy"] = [txt_copy.name, txt_copy.as_string()]
result["world_copy"] = bpy.data.worlds["World"].copy().name

# Copies are independent
dup.location.x = 50
result["independent_location"] = [num(cube.location.x), num(dup.location.x)]
dup["variant"] = "changed"
result["independent_idprop"] = [cube["variant"], dup["variant"]]
result["copy_removed"] = capture(lambda: (bpy.data.objects.remove(copies[1]), copies[1].name))
result["objects_final"] = bpy.data.objects.keys()
