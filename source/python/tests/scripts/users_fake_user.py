# User counts: fake users, user_clear, orphans and orphans_purge.
import bpy

result = {}
startup = {}
for attr in ("objects", "meshes", "materials", "cameras", "lights", "collections",
             "scenes", "worlds", "images"):
    startup[attr] = {id.name: [id.users, id.use_fake_user] for id in getattr(bpy.data, attr)}
result["startup_users"] = startup

mesh = bpy.data.meshes.new("Orphan")
result["new_mesh_users"] = mesh.users
mesh.use_fake_user = True
result["fake_user_users"] = mesh.users
mesh.use_fake_user = True
result["fake_user_twice"] = mesh.users
mesh.use_fake_user = False
result["fake_user_off"] = mesh.users
mesh.use_fake_user = False
result["fake_user_off_twice"] = mesh.users

# A material used by a mesh and kept with a fake user
mat = bpy.data.materials.new("Kept")
mat.use_fake_user = True
keeper = bpy.data.meshes.new("Keeper")
keeper.materials.append(mat)
result["kept_users"] = mat.users
ob = bpy.data.objects.new("Keeper", keeper)
bpy.context.scene.collection.objects.link(ob)
result["keeper_users"] = keeper.users

# user_clear sets users to 0 (the data stays in bpy.data)
tmp = bpy.data.materials.new("Cleared")
holder = bpy.data.meshes.new("Holder")
holder.materials.append(tmp)
result["cleared_users_before"] = tmp.users
tmp.user_clear()
result["cleared_users_after"] = tmp.users
result["cleared_still_listed"] = "Cleared" in bpy.data.materials
result["cleared_fake"] = tmp.use_fake_user

# Orphans purge: data with no users goes away (fake users keep data)
orphans = [bpy.data.meshes.new("Orphan%d" % i) for i in range(3)]
bpy.data.materials.new("OrphanMat")
chain_mat = bpy.data.materials.new("ChainMat")
chain_mesh = bpy.data.meshes.new("ChainMesh")
chain_mesh.materials.append(chain_mat)
result["before_purge_meshes"] = bpy.data.meshes.keys()
result["before_purge_materials"] = bpy.data.materials.keys()
purged = bpy.data.orphans_purge()
result["purged"] = purged
result["after_purge_meshes"] = bpy.data.meshes.keys()
result["after_purge_materials"] = bpy.data.materials.keys()
result["after_purge_images"] = bpy.data.images.keys()
result["orphan_ref_after_purge"] = capture(lambda: orphans[0].name)
purged2 = bpy.data.orphans_purge(do_recursive=True)
result["purged_recursive"] = purged2
result["after_recursive_materials"] = bpy.data.materials.keys()
result["after_recursive_meshes"] = bpy.data.meshes.keys()
result["purge_nothing_left"] = bpy.data.orphans_purge(do_recursive=True)

# Fake user on an object linked into a scene
cube = bpy.data.objects["Cube"]
cube.use_fake_user = True
result["cube_fake_users"] = cube.users
cube.use_fake_user = False
result["cube_users"] = cube.users
result["users_readonly"] = capture(lambda: setattr(cube, "users", 5))
result["fake_user_wrong_type"] = capture(lambda: setattr(cube, "use_fake_user", "yes"))
result["fake_user_int"] = capture(lambda: setattr(cube, "use_fake_user", 1))
result["fake_user_after_int"] = cube.use_fake_user
cube.use_fake_user = False
