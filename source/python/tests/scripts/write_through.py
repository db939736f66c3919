# Writing through mathutils values that wrap object properties: component writes,
# in-place operators, slices, and what a held reference sees afterwards.
import math
import bpy
from mathutils import Color, Euler, Vector

result = {}
ob = bpy.data.objects["Cube"]
ob.location.x = 1.5
result["loc_x"] = vec(ob.location)
ob.location[1] = -2.0
result["loc_index"] = vec(ob.location)
ob.location += Vector((1, 1, 1))
result["loc_iadd"] = vec(ob.location)
ob.location -= Vector((0.5, 0.5, 0.5))
result["loc_isub"] = vec(ob.location)
ob.location *= 2
result["loc_imul"] = vec(ob.location)
ob.location /= 4
result["loc_idiv"] = vec(ob.location)
ob.location.xy = (7, 8)
result["loc_swizzle_set"] = vec(ob.location)
ob.location[:] = (0, 0, 0)
result["loc_slice_set"] = vec(ob.location)
ob.location[0:2] = [3, 4]
result["loc_partial_slice"] = vec(ob.location)
ob.location.zero()
result["loc_zero"] = vec(ob.location)
ob.location = Vector((1, 2, 3)) * 2
result["loc_assign_expr"] = vec(ob.location)

ob.scale *= 2
result["scale_imul"] = vec(ob.scale)
ob.scale.z = 0.5
result["scale_z"] = vec(ob.scale)
ob.scale = [1, 1, 1]
ob.rotation_euler.z += 0.5
result["rot_z_iadd"] = vec(ob.rotation_euler)
ob.rotation_euler.rotate_axis('X', math.radians(90))
result["rot_rotate_axis"] = vec(ob.rotation_euler)
ob.rotation_euler = Euler((0, 0, 0))
ob.rotation_quaternion.w = 0.5
result["quat_w"] = vec(ob.rotation_quaternion)
ob.rotation_quaternion.normalize()
result["quat_normalize_in_place"] = vec(ob.rotation_quaternion)
ob.rotation_quaternion = (1, 0, 0, 0)

# A held wrapper reads the property again each time
loc = ob.location
ob.location = (9, 8, 7)
result["held_sees_assignment"] = vec(loc)
loc.y = 0
result["held_writes_back"] = vec(ob.location)
copy = ob.location.copy()
ob.location.x = 100
result["copy_is_detached"] = [vec(copy), vec(ob.location)]
result["freeze_wrapped"] = capture(lambda: ob.location.freeze())
result["frozen_is_copy"] = capture(lambda: ob.location.copy().freeze().is_frozen)
result["is_wrapped"] = [ob.location.is_wrapped, ob.location.copy().is_wrapped,
                        ob.location.copy().owner]
result["tuple_of_loc"] = vec(tuple(ob.location))

# Colors and arrays
mat = bpy.data.materials["Material"]
mat.diffuse_color[0] = 0.25
result["diffuse_index"] = vec(mat.diffuse_color)
result["diffuse_type"] = type(mat.diffuse_color).__name__
light = bpy.data.lights["Light"]
light.color.r = 0.5
light.color.h = 0.5
result["light_color_hsv"] = vec(light.color)
result["light_color_type"] = type(light.color).__name__
light.color *= 0.5
result["light_color_imul"] = vec(light.color)

# Axis-angle is a plain float array, not a mathutils value
ob.rotation_axis_angle[0] = 1.0
result["axis_angle_item"] = vec(ob.rotation_axis_angle)
result["axis_angle_iadd"] = capture(lambda: exec(
    "ob.rotation_axis_angle += (1, 0, 0, 0)", {"ob": ob}))
result["axis_angle_slice"] = vec(ob.rotation_axis_angle[1:])

# Matrices read from the object write through as well (element and translation writes)
mw = ob.matrix_world
mw[0][3] = 55.0
result["matrix_world_item_write"] = [num(ob.matrix_world[0][3]), num(mw[0][3])]
mb = ob.matrix_basis
mb.translation = (1, 1, 1)
result["matrix_basis_translation_write"] = vec(ob.location)
detached = ob.matrix_basis.copy()
detached.translation = (5, 5, 5)
result["matrix_copy_detached"] = vec(ob.location)
result["matrix_is_wrapped"] = [ob.matrix_world.is_wrapped, ob.matrix_basis.is_wrapped]

# Errors through wrappers
result["loc_index_out"] = capture(lambda: ob.location[3])
result["loc_set_index_out"] = capture(lambda: ob.location.__setitem__(5, 1.0))
result["loc_set_str"] = capture(lambda: setattr(ob.location, "x", "a"))
result["loc_w"] = capture(lambda: ob.location.w)
result["loc_slice_wrong_len"] = capture(lambda: ob.location.__setitem__(slice(0, 3), (1, 2)))
