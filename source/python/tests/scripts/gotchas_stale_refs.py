# The "gotchas" of Blender's Python API docs that a script can meet without operators:
# stale references after removal, renaming while iterating bpy.data, hiding while
# iterating all_objects, and re-fetching data after its container changes.
import bpy

result = {}
scene = bpy.context.scene
coll = bpy.data.collections["Collection"]

# 1. Removed data raises instead of crashing
mesh = bpy.data.meshes.new("MyMesh")
bpy.data.meshes.remove(mesh)
result["removed_mesh_name"] = capture(lambda: mesh.name)
result["removed_mesh_setattr"] = capture(lambda: setattr(mesh, "name", "x"))
result["removed_mesh_keys"] = capture(lambda: mesh.keys())
result["removed_mesh_is_valid_repr"] = repr(mesh)
result["removed_mesh_bool"] = capture(lambda: bool(mesh))
result["removed_mesh_materials"] = capture(lambda: mesh.materials)
result["removed_mesh_path"] = capture(lambda: mesh.path_from_id("name"))
result["removed_mesh_as_pointer"] = capture(lambda: mesh.as_pointer() != 0)

# A struct nested in a removed ID
cam_data = bpy.data.cameras.new("TmpCam")
dof = cam_data.dof
bpy.data.cameras.remove(cam_data)
# (Blender reads freed memory through `dof` here; Whisk should raise ReferenceError.
# Only the Python type, fixed at fetch time, is recorded.)
result["nested_struct_type"] = type(dof).__name__

# A scene removed while its render settings are held
s2 = bpy.data.scenes.new("Temp")
render = s2.render
bpy.data.scenes.remove(s2)
result["removed_scene_name"] = capture(lambda: s2.name)
result["render_type_after_scene_remove"] = type(render).__name__

# 2. Renaming while iterating bpy.data: take a list first
for i in range(5):
    bpy.data.objects.new("item_%d" % i, None)
renamed = []
for ob in list(bpy.data.objects):
    if ob.name.startswith("item_"):
        ob.name = "z_" + ob.name
        renamed.append(ob.name)
result["renamed_with_list"] = sorted(renamed)
result["objects_after_rename"] = bpy.data.objects.keys()
# Renaming while iterating bpy.data.objects directly (the documented pitfall): the order
# changes under the loop; here every name gets a prefix so it sorts later. Only the
# final set of names is recorded.
seen = 0
for ob in bpy.data.objects:
    seen += 1
    if seen > 50:
        break
    if ob.name.startswith("z_item_"):
        ob.name = "y" + ob.name
result["direct_rename_iteration_bounded"] = seen <= 50
result["direct_rename_final_prefixes"] = sorted({o.name.split("_")[0] for o in
                                                 bpy.data.objects if "item" in o.name})

# 3. Hiding while iterating all_objects: iterate a copy
for i in range(3):
    coll.objects.link(bpy.data.objects.new("hide_me_%d" % i, None))
for ob in coll.all_objects[:]:
    ob.hide_viewport = True
result["all_hidden"] = all(o.hide_viewport for o in coll.all_objects)
result["all_objects_count"] = len(coll.all_objects)
for ob in coll.all_objects[:]:
    ob.hide_viewport = False

# 4. Property collection items: re-fetch after growth (see props_collection.py too)
ob = bpy.data.objects["Cube"]
slots_before = len(ob.material_slots)
me = ob.data
for i in range(5):
    me.materials.append(bpy.data.materials.new("m%d" % i))
result["slots_after_growth"] = [s.name for s in ob.material_slots]
result["slots_count"] = [slots_before, len(ob.material_slots)]

# 5. Objects removed while a list of them is held
victims = [bpy.data.objects.new("victim_%d" % i, None) for i in range(3)]
bpy.data.objects.remove(victims[1])
result["held_list_after_remove"] = [capture(lambda v=v: v.name) for v in victims]

# 6. Removing objects inside a loop over a copy is safe
for ob in list(bpy.data.objects):
    if ob.name.startswith("victim_"):
        bpy.data.objects.remove(ob)
result["victims_left"] = [n for n in bpy.data.objects.keys() if n.startswith("victim")]

# 7. Context object removed: the context follows
bpy.context.view_layer.objects.active = bpy.data.objects["Cube"]
bpy.data.objects.remove(bpy.data.objects["Cube"])
result["context_object_after_remove"] = bpy.context.object
result["context_selected_after_remove"] = names(bpy.context.selected_objects)

# 8. ID references in ID properties after removal
holder = bpy.data.objects["Camera"]
target = bpy.data.materials.new("Target")
holder["ref"] = target
bpy.data.materials.remove(target)
result["idprop_ref_after_remove"] = holder["ref"]
