# Numeric and vector properties of a registered group: defaults, hard/soft limits,
# clamping, sizes, subtypes and the Python types they come back as.
import bpy
from bpy.props import (BoolVectorProperty, FloatProperty, FloatVectorProperty,
                       IntProperty, IntVectorProperty, PointerProperty, StringProperty)
from mathutils import Vector


class WHISKTEST_PG_numeric(bpy.types.PropertyGroup):
    count: IntProperty(default=3, min=0, max=10, soft_min=1, soft_max=5, step=2)
    ratio: FloatProperty(default=0.5, min=0.0, max=1.0, subtype='FACTOR', precision=4)
    angle: FloatProperty(default=1.0, subtype='ANGLE', unit='ROTATION')
    length: FloatProperty(default=2.0, subtype='DISTANCE', unit='LENGTH')
    free: FloatProperty()
    offset: FloatVectorProperty(size=3, default=(1.0, 2.0, 3.0), subtype='TRANSLATION')
    tint: FloatVectorProperty(size=4, default=(1, 0.5, 0.25, 1), subtype='COLOR',
                              min=0.0, max=1.0)
    weights: FloatVectorProperty(size=2, default=(0.1, 0.2))
    euler: FloatVectorProperty(size=3, subtype='EULER')
    quat: FloatVectorProperty(size=4, subtype='QUATERNION', default=(1, 0, 0, 0))
    grid: IntVectorProperty(size=3, default=(1, 2, 3), min=0, max=8)
    flags: BoolVectorProperty(size=3, default=(True, False, True))
    matrix: FloatVectorProperty(size=16, subtype='MATRIX',
                                default=(1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1))
    name_max: StringProperty(maxlen=5)


result = {}
bpy.utils.register_class(WHISKTEST_PG_numeric)
try:
    bpy.types.Scene.whisk_numeric = PointerProperty(type=WHISKTEST_PG_numeric)
    n = bpy.context.scene.whisk_numeric
    result["types"] = {k: type(getattr(n, k)).__name__ for k in (
        "count", "ratio", "offset", "tint", "weights", "euler", "quat", "grid", "flags",
        "matrix")}
    result["defaults"] = {k: plain(getattr(n, k)) for k in (
        "count", "ratio", "angle", "length", "free", "offset", "tint", "weights", "euler",
        "quat", "grid", "flags", "matrix")}

    # Hard limits clamp, soft limits do not
    for value in (-3, 0, 4, 7, 11):
        n.count = value
        result["count_%d" % value] = n.count
    n.ratio = 1.5
    result["ratio_clamped_high"] = num(n.ratio)
    n.ratio = -0.5
    result["ratio_clamped_low"] = num(n.ratio)
    n.tint = (2.0, -1.0, 0.5, 1.0)
    result["tint_clamped"] = vec(n.tint)
    n.grid = (-1, 4, 100)
    result["grid_clamped"] = list(n.grid)
    n.grid[2] = 50
    result["grid_item_clamped"] = list(n.grid)
    n.free = 1e30
    result["free_large"] = num(n.free / 1e30)
    n.free = 0.1
    result["float32_precision"] = [n.free == 0.1, repr(n.free)]
    n.name_max = "abcdefgh"
    result["string_maxlen"] = n.name_max

    # Vector write-through and mathutils assignment
    n.offset.x += 1
    result["offset_x_iadd"] = vec(n.offset)
    n.offset = Vector((0, 0, 9))
    result["offset_assign_vector"] = vec(n.offset)
    n.weights[1] = 0.9
    result["weights_item"] = vec(n.weights)
    n.flags[1] = True
    result["flags_item"] = list(n.flags)
    result["weights_slice"] = vec(n.weights[:])
    result["weights_len"] = len(n.weights)

    # Errors
    result["offset_wrong_len"] = capture(lambda: setattr(n, "offset", (1, 2)))
    result["offset_wrong_type"] = capture(lambda: setattr(n, "offset", "abc"))
    result["offset_items_wrong"] = capture(lambda: setattr(n, "offset", (1, "a", 3)))
    result["weights_index_out"] = capture(lambda: n.weights[2])
    result["grid_float"] = capture(lambda: setattr(n, "grid", (1.5, 2, 3)))
    result["flags_int"] = capture(lambda: (setattr(n, "flags", (1, 0, 1)), list(n.flags))[1])
    result["flags_str"] = capture(lambda: setattr(n, "flags", ("a", 0, 1)))
    result["count_str"] = capture(lambda: setattr(n, "count", "3"))
    result["count_none"] = capture(lambda: setattr(n, "count", None))
    result["count_bool"] = capture(lambda: (setattr(n, "count", True), n.count)[1])
    result["count_huge"] = capture(lambda: setattr(n, "count", 2 ** 40))
    result["ratio_str"] = capture(lambda: setattr(n, "ratio", "0.5"))
    result["ratio_nan"] = capture(lambda: (setattr(n, "ratio", float("nan")), n.ratio)[1])

    # Introspection of the declared limits
    props = WHISKTEST_PG_numeric.bl_rna.properties
    c = props["count"]
    result["count_rna"] = [c.type, c.hard_min, c.hard_max, c.soft_min, c.soft_max, c.step,
                           c.default, c.subtype, c.is_array if hasattr(c, "is_array") else None]
    r = props["ratio"]
    result["ratio_rna"] = [num(r.hard_min), num(r.hard_max), r.subtype, r.precision]
    result["angle_rna"] = [props["angle"].subtype, props["angle"].unit]
    o = props["offset"]
    result["offset_rna"] = [o.type, o.array_length, o.subtype, vec(o.default_array),
                            list(o.array_dimensions)]
    result["matrix_rna"] = [props["matrix"].array_length, list(props["matrix"].array_dimensions)]
    result["flags_rna"] = [props["flags"].type, list(props["flags"].default_array)]
    result["name_max_rna"] = [props["name_max"].length_max, props["name_max"].type]
    result["bad_size"] = capture(lambda: setattr(
        bpy.types.Scene, "whisk_bad", FloatVectorProperty(size=40)))
finally:
    del bpy.types.Scene.whisk_numeric
    bpy.utils.unregister_class(WHISKTEST_PG_numeric)
