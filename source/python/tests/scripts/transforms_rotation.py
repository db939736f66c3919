# Object transforms: location/rotation/scale, every rotation mode, the conversions Blender
# applies when rotation_mode changes, matrix_basis, and the delta transforms.
import math
import bpy
from mathutils import Euler, Matrix, Quaternion, Vector

result = {}
ob = bpy.data.objects.new("Xform", None)
bpy.context.collection.objects.link(ob)
result["defaults"] = {
    "location": vec(ob.location), "rotation_euler": vec(ob.rotation_euler),
    "rotation_quaternion": vec(ob.rotation_quaternion),
    "rotation_axis_angle": vec(ob.rotation_axis_angle), "scale": vec(ob.scale),
    "rotation_mode": ob.rotation_mode, "euler_order": ob.rotation_euler.order,
    "delta_location": vec(ob.delta_location), "delta_scale": vec(ob.delta_scale),
    "delta_rotation_euler": vec(ob.delta_rotation_euler),
    "delta_rotation_quaternion": vec(ob.delta_rotation_quaternion),
}
result["types"] = [type(ob.location).__name__, type(ob.rotation_euler).__name__,
                   type(ob.rotation_quaternion).__name__, type(ob.scale).__name__,
                   type(ob.rotation_axis_angle).__name__, type(ob.matrix_basis).__name__]

ob.location = (1.0, 2.0, 3.0)
ob.rotation_euler = (math.radians(30), math.radians(45), math.radians(60))
ob.scale = (2.0, 2.0, 2.0)
result["matrix_basis_xyz"] = rows(ob.matrix_basis)

# Euler orders: the numbers stay, the matrix changes, and the Euler's order follows
for mode in ("XZY", "YXZ", "YZX", "ZXY", "ZYX", "XYZ"):
    ob.rotation_mode = mode
    result["euler_" + mode] = [vec(ob.rotation_euler), ob.rotation_euler.order,
                               rows(ob.matrix_basis.to_3x3())]

# Euler -> quaternion -> axis angle -> euler keeps the orientation
ob.rotation_mode = 'QUATERNION'
result["to_quaternion"] = vec(ob.rotation_quaternion)
result["quat_matrix_basis"] = rows(ob.matrix_basis)
ob.rotation_mode = 'AXIS_ANGLE'
result["to_axis_angle"] = vec(ob.rotation_axis_angle)
ob.rotation_mode = 'ZYX'
result["to_euler_zyx"] = vec(ob.rotation_euler)
ob.rotation_mode = 'XYZ'
result["back_to_xyz"] = vec(ob.rotation_euler)

# Setting quaternion values while in an Euler mode does not change the matrix
ob.rotation_quaternion = (0.0, 1.0, 0.0, 0.0)
result["quat_ignored_in_euler_mode"] = rows(ob.matrix_basis.to_3x3())
ob.rotation_mode = 'QUATERNION'
ob.rotation_quaternion = Quaternion((1, 0, 0), math.pi / 2)
result["quat_x90"] = rows(ob.matrix_basis.to_3x3())
# Non-normalised quaternions are normalised in the matrix but stored as given
ob.rotation_quaternion = (2.0, 0.0, 0.0, 0.0)
result["quat_unnormalised_stored"] = vec(ob.rotation_quaternion)
result["quat_unnormalised_matrix"] = rows(ob.matrix_basis)
ob.rotation_quaternion = (0.0, 0.0, 0.0, 0.0)
result["quat_zero_matrix"] = rows(ob.matrix_basis)

ob.rotation_mode = 'AXIS_ANGLE'
ob.rotation_axis_angle = (math.pi / 2, 0.0, 0.0, 1.0)
result["axis_angle_z90"] = rows(ob.matrix_basis.to_3x3())
ob.rotation_axis_angle = (1.0, 0.0, 0.0, 0.0)
result["axis_angle_zero_axis"] = rows(ob.matrix_basis.to_3x3())

# matrix_basis assignment decomposes into the current rotation mode
ob.rotation_mode = 'XYZ'
m = Matrix.Translation((4, 5, 6)) @ Euler((0.1, 0.2, 0.3)).to_matrix().to_4x4() \
    @ Matrix.Diagonal((1, 2, 3, 1))
ob.matrix_basis = m
result["basis_set_loc_rot_scale"] = [vec(ob.location), vec(ob.rotation_euler), vec(ob.scale)]
ob.rotation_mode = 'QUATERNION'
ob.matrix_basis = m
result["basis_set_quat"] = vec(ob.rotation_quaternion)
# Negative scale: Blender flips one axis into the scale
ob.rotation_mode = 'XYZ'
ob.matrix_basis = Matrix.Diagonal((-1, 1, 1, 1))
result["negative_scale"] = [vec(ob.scale), vec(ob.rotation_euler)]
result["basis_wrong_size"] = capture(lambda: setattr(ob, "matrix_basis", Matrix.Identity(3)))

# Delta transforms add into the basis matrix
ob.matrix_basis = Matrix.Identity(4)
ob.delta_location = (10, 0, 0)
ob.delta_rotation_euler = (0, 0, math.pi / 2)
ob.delta_scale = (2, 2, 2)
ob.location = (1, 0, 0)
result["delta_basis"] = rows(ob.matrix_basis)
ob.rotation_mode = 'QUATERNION'
ob.delta_rotation_quaternion = Quaternion((0, 0, 1), math.pi / 2)
result["delta_quat_basis"] = rows(ob.matrix_basis)
result["rotation_mode_bad"] = capture(lambda: setattr(ob, "rotation_mode", 'XYZW'))
result["rotation_mode_lower"] = capture(lambda: setattr(ob, "rotation_mode", 'xyz'))
# Writing Euler.order on rotation_euler sets rotation_mode in an Euler mode, and is
# dropped in quaternion mode
result["euler_order_in_quat_mode"] = capture(
    lambda: setattr(ob.rotation_euler, "order", 'ZYX'))
result["euler_order_after_quat"] = [ob.rotation_euler.order, ob.rotation_mode]
ob.rotation_mode = 'XYZ'
eul = ob.rotation_euler
eul.order = 'ZYX'
result["euler_order_sets_mode"] = [ob.rotation_mode, eul.order, ob.rotation_euler.order]
result["euler_order_bad"] = capture(lambda: setattr(eul, "order", 'ABC'))
