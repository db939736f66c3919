# user_remap, user_map and batch_remove: swapping materials and meshes across a scene
# the way a look-dev clean-up script does.
import bpy

result = {}
scene = bpy.context.scene
coll = bpy.data.collections["Collection"]

old = bpy.data.materials.new("Old")
new = bpy.data.materials.new("New")
meshes = []
for i in range(3):
    me = bpy.data.meshes.new("Shape%d" % i)
    me.materials.append(old)
    ob = bpy.data.objects.new("Shape%d" % i, me)
    coll.objects.link(ob)
    meshes.append(me)
result["old_users"] = old.users
result["new_users"] = new.users
old.user_remap(new)
result["old_users_after"] = old.users
result["new_users_after"] = new.users
result["slots_after"] = [[m.name for m in me.materials] for me in meshes]

# Remap a mesh: every object using it switches
cube = bpy.data.objects["Cube"]
replacement = bpy.data.meshes.new("Replacement")
cube.data.user_remap(replacement)
result["cube_data_after_remap"] = cube.data.name
result["old_cube_mesh_users"] = bpy.data.meshes["Cube"].users
result["replacement_users"] = replacement.users

# Remap errors
result["remap_wrong_type"] = capture(lambda: new.user_remap(replacement))
result["remap_none"] = capture(lambda: new.user_remap(None))
result["remap_self"] = capture(lambda: new.user_remap(new))

# user_of_id
result["user_of_id_mesh"] = cube.user_of_id(replacement)
result["user_of_id_unrelated"] = cube.user_of_id(new)
result["user_of_id_scene_coll"] = scene.user_of_id(coll)

# user_map: which IDs use which
um = bpy.data.user_map()
def users_of(id):
    return sorted(repr(u) for u in um[id])
result["user_map_type"] = type(um).__name__
result["user_map_value_type"] = type(um[cube]).__name__
result["user_map_cube"] = users_of(cube)
result["user_map_collection"] = users_of(coll)
result["user_map_new_material"] = users_of(new)
result["user_map_world"] = users_of(bpy.data.worlds["World"])
um2 = bpy.data.user_map(subset=[new, replacement])
result["user_map_subset_keys"] = sorted(repr(k) for k in um2)
result["user_map_subset_new"] = sorted(repr(u) for u in um2[new])
um3 = bpy.data.user_map(key_types={'MATERIAL'}, value_types={'MESH'})
result["user_map_types"] = {k.name: sorted(u.name for u in v) for k, v in um3.items()}
result["user_map_bad_type"] = capture(lambda: bpy.data.user_map(key_types={'NOPE'}))

# batch_remove: a list of IDs of mixed types
victims = [bpy.data.objects["Shape0"], bpy.data.objects["Shape1"], old,
           bpy.data.meshes["Cube"]]
victim_names = [v.name for v in victims]
bpy.data.batch_remove(victims)
result["batch_removed"] = victim_names
result["objects_after_batch"] = bpy.data.objects.keys()
result["materials_after_batch"] = bpy.data.materials.keys()
result["meshes_after_batch"] = bpy.data.meshes.keys()
result["victim_access"] = capture(lambda: victims[0].name)
result["batch_empty"] = capture(lambda: bpy.data.batch_remove([]))
result["batch_not_ids"] = capture(lambda: bpy.data.batch_remove([1, 2]))
result["batch_ids_tuple"] = capture(lambda: bpy.data.batch_remove(ids=(new,)))
result["materials_after_tuple"] = bpy.data.materials.keys()
result["slots_after_batch"] = [[m.name if m else None for m in me.materials]
                               for me in meshes]
