# Parenting with mathutils: keep-transform parenting through matrix_parent_inverse,
# matrix_world assignment under a parent, matrix_local, children, and refused loops.
# Note: matrix_world is the transform as last evaluated; this script never evaluates,
# so it only reads matrix_world of startup objects (stored in the file) or after
# assigning it.
import math
import bpy
from mathutils import Euler, Matrix, Vector

result = {}
coll = bpy.context.collection
cam = bpy.data.objects["Camera"]
light = bpy.data.objects["Light"]
cube = bpy.data.objects["Cube"]
result["camera_world"] = rows(cam.matrix_world)
result["light_world"] = rows(light.matrix_world)
result["camera_basis_equals_world"] = all(
    abs(a - b) < 1e-5 for ra, rb in zip(cam.matrix_basis, cam.matrix_world)
    for a, b in zip(ra, rb))

# Setting location does not update matrix_world until the scene is evaluated
cube.location = (1, 2, 3)
result["world_stale_after_location"] = rows(cube.matrix_world)
result["basis_follows_location"] = rows(cube.matrix_basis)
cube.location = (0, 0, 0)

# Parenting without the inverse: values stay, the parent's transform is added later
rig = bpy.data.objects.new("Rig", None)
coll.objects.link(rig)
rig.matrix_world = Matrix.Translation((0, 0, 5)) @ Matrix.Rotation(math.pi / 2, 4, 'Z')
result["rig_world"] = rows(rig.matrix_world)
result["rig_loc_rot"] = [vec(rig.location), vec(rig.rotation_euler)]
child = bpy.data.objects.new("Prop", None)
coll.objects.link(child)
child.location = (1, 0, 0)
child.parent = rig
result["child_parent"] = child.parent.name
result["rig_children"] = names(rig.children)
result["parent_inverse_default"] = rows(child.matrix_parent_inverse)
result["child_location_after_parent"] = vec(child.location)
result["parent_type"] = child.parent_type

# Keep-transform parenting: the usual script idiom
child.matrix_parent_inverse = rig.matrix_world.inverted()
result["parent_inverse_set"] = rows(child.matrix_parent_inverse)

# matrix_world assignment under a parent computes the local values
target = Matrix.Translation((3, 4, 5)) @ Euler((0, 0, math.radians(30))).to_matrix().to_4x4()
child.matrix_world = target
result["child_world_after_set"] = rows(child.matrix_world)
result["child_loc_after_world_set"] = vec(child.location)
result["child_rot_after_world_set"] = vec(child.rotation_euler)
result["child_matrix_local"] = rows(child.matrix_local)
result["child_matrix_basis"] = rows(child.matrix_basis)

# With an identity parent inverse
child.matrix_parent_inverse = Matrix.Identity(4)
child.matrix_world = target
result["child_loc_identity_inverse"] = vec(child.location)
result["child_rot_identity_inverse"] = vec(child.rotation_euler)

# matrix_local assignment
child.matrix_local = Matrix.Translation((1, 1, 1))
result["child_loc_after_local_set"] = vec(child.location)

# Scaled parent with a scaled child: scale lands in the child's scale
rig.matrix_world = Matrix.Diagonal((2, 2, 2, 1))
child.matrix_world = Matrix.Diagonal((4, 4, 4, 1))
result["scale_under_scaled_parent"] = [vec(child.location), vec(child.scale)]

# Loops
result["self_parent"] = capture(lambda: setattr(rig, "parent", rig))
rig.parent = child
result["loop_parent"] = rig.parent.name if rig.parent else None
result["parent_wrong_type"] = capture(lambda: setattr(child, "parent", cube.data))
result["parent_str"] = capture(lambda: setattr(child, "parent", "Rig"))

# Clearing the parent keeps the local values (they become world-relative)
before = vec(child.location)
child.parent = None
result["clear_parent_keeps_location"] = vec(child.location) == before
result["rig_children_after_clear"] = names(rig.children)

# Several children, children order and children_recursive
kids = []
for name in ("c", "a", "b"):
    k = bpy.data.objects.new("kid_" + name, None)
    coll.objects.link(k)
    k.parent = cube
    kids.append(k)
grandchild = bpy.data.objects.new("grandkid", None)
coll.objects.link(grandchild)
grandchild.parent = kids[0]
result["cube_children"] = names(cube.children)
result["cube_children_recursive"] = sorted(names(cube.children_recursive))
result["children_readonly"] = capture(lambda: setattr(cube, "children", []))
bpy.data.objects.remove(kids[1])
result["children_after_remove"] = names(cube.children)
bpy.data.objects.remove(cube)
result["orphaned_kid_parent"] = kids[0].parent
result["orphaned_kid_location"] = vec(kids[0].location)
result["parent_inverse_wrong_size"] = capture(
    lambda: setattr(kids[0], "matrix_parent_inverse", Matrix.Identity(3)))
result["matrix_world_from_list"] = capture(
    lambda: setattr(kids[0], "matrix_world", [[1, 0, 0, 2], [0, 1, 0, 0],
                                              [0, 0, 1, 0], [0, 0, 0, 1]]))
# A nested list is read column by column (flat memory order), unlike Matrix(rows)
result["location_after_list_world"] = vec(kids[0].location)
result["world_after_list"] = rows(kids[0].matrix_world)
