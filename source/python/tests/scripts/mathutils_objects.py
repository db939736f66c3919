# mathutils with objects: aim a camera at a target, mirror and align objects, distribute
# along a circle, decompose matrices, measure distances, the math layout tools do.
import math
import bpy
from mathutils import Euler, Matrix, Quaternion, Vector

result = {}
coll = bpy.context.collection
cam = bpy.data.objects["Camera"]
cube = bpy.data.objects["Cube"]

# Aim the camera at a point: -Z looks at the target, Y is up
target = Vector((0, 0, 1))
direction = target - cam.location
rot_quat = direction.to_track_quat('-Z', 'Y')
cam.rotation_euler = rot_quat.to_euler()
result["aim_euler"] = vec(cam.rotation_euler)
result["aim_forward"] = vec(cam.rotation_euler.to_matrix() @ Vector((0, 0, -1)))
result["aim_distance"] = num(direction.length)
result["aim_direction_normalized"] = vec(direction.normalized())

# Distribute empties on a circle, each facing outwards
ring = []
for i in range(6):
    angle = 2 * math.pi * i / 6
    ob = bpy.data.objects.new("ring_%d" % i, None)
    ob.location = (3 * math.cos(angle), 3 * math.sin(angle), 0)
    ob.rotation_euler = (0, 0, angle)
    coll.objects.link(ob)
    ring.append(ob)
result["ring_locations"] = [vec(o.location) for o in ring]
result["ring_rotations"] = [num(o.rotation_euler.z) for o in ring]
result["ring_centroid"] = vec(sum((o.location for o in ring), Vector()) / len(ring))
result["ring_neighbour_distance"] = num((ring[0].location - ring[1].location).length)

# Mirror an object across X through a matrix, then decompose
src = ring[1]
mirror = Matrix.Scale(-1, 4, (1, 0, 0))
mirrored = mirror @ src.matrix_basis
loc, rot, scale = mirrored.decompose()
result["mirror_decompose"] = [vec(loc), vec(rot), vec(scale)]
copy = src.copy()
copy.matrix_basis = mirrored
result["mirror_applied"] = [vec(copy.location), vec(copy.rotation_euler), vec(copy.scale)]

# Compose a transform from parts and read it back through the object
ob = bpy.data.objects.new("composed", None)
T = Matrix.Translation((1, 2, 3))
R = Quaternion((0, 0, 1), math.radians(90)).to_matrix().to_4x4()
S = Matrix.Diagonal((2, 3, 4, 1))
ob.matrix_basis = T @ R @ S
result["composed_parts"] = [vec(ob.location), vec(ob.rotation_euler), vec(ob.scale)]
ob.rotation_mode = 'QUATERNION'
result["composed_quat"] = vec(ob.rotation_quaternion)
ob.rotation_mode = 'XYZ'

# World-space point from local coordinates using a startup object's world matrix
local_point = Vector((1, 0, 0))
result["camera_local_to_world"] = vec(cam.matrix_world @ local_point)
result["camera_world_to_local"] = vec(cam.matrix_world.inverted() @ Vector((0, 0, 0)))
result["camera_axes"] = [vec(cam.matrix_world.col[i].xyz) for i in range(3)]
result["camera_translation"] = vec(cam.matrix_world.translation)
result["camera_to_euler"] = vec(cam.matrix_world.to_euler())
result["camera_to_quaternion"] = vec(cam.matrix_world.to_quaternion())
result["camera_to_scale"] = vec(cam.matrix_world.to_scale())

# Rotation interpolation between two objects
q1 = ring[0].rotation_euler.to_quaternion()
q2 = ring[2].rotation_euler.to_quaternion()
result["slerp_half"] = vec(q1.slerp(q2, 0.5))
result["rotation_difference"] = num(q1.rotation_difference(q2).angle)
result["lerp_locations"] = vec(ring[0].location.lerp(ring[3].location, 0.25))

# Euler compatibility, as animation clean-up tools do
e = Euler((0, 0, math.radians(350)))
e.make_compatible(Euler((0, 0, math.radians(-5))))
result["euler_make_compatible"] = vec(e)

# Bounding box of locations
xs = [o.location.x for o in ring]
ys = [o.location.y for o in ring]
result["bbox"] = [num(min(xs)), num(max(xs)), num(min(ys)), num(max(ys))]

# Vector math with object values directly
result["dot_cross"] = [num(cam.location.dot(cube.location)),
                       vec(ring[0].location.cross(ring[1].location))]
result["angle_between"] = num(ring[0].location.angle(ring[2].location))
result["project"] = vec(cam.location.project(Vector((1, 0, 0))))
result["location_to_tuple"] = list(cam.location.to_tuple(2))
