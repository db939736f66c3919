# The exceptions Blender raises for bad assignments: wrong types, wrong lengths, unknown
# attributes, read-only properties, bad enum values and None for pointers.
import bpy
from mathutils import Euler, Matrix, Quaternion, Vector

result = {}
ob = bpy.data.objects["Cube"]
scene = bpy.context.scene


def attempt(target, attr, value):
    try:
        setattr(target, attr, value)
    except Exception as e:  # noqa: BLE001
        return err(e)
    return plain(getattr(target, attr))


cases = {
    "location_str": (ob, "location", "abc"),
    "location_int": (ob, "location", 5),
    "location_none": (ob, "location", None),
    "location_short": (ob, "location", (1, 2)),
    "location_long": (ob, "location", (1, 2, 3, 4)),
    "location_nested": (ob, "location", ((1, 2, 3),)),
    "location_items_str": (ob, "location", ("1", 2, 3)),
    "location_vector2": (ob, "location", Vector((1, 2))),
    "location_vector4": (ob, "location", Vector((1, 2, 3, 4))),
    "location_ints": (ob, "location", [1, 2, 3]),
    "location_generator": (ob, "location", (x for x in (1, 2, 3))),
    "location_dict": (ob, "location", {"x": 1}),
    "location_quaternion": (ob, "location", Quaternion()),
    "location_euler": (ob, "location", Euler((1, 2, 3))),
    "rotation_vector": (ob, "rotation_euler", Vector((0.1, 0.2, 0.3))),
    "rotation_quat_3": (ob, "rotation_quaternion", (1, 0, 0)),
    "scale_bool": (ob, "scale", (True, False, True)),
    "matrix_world_flat": (ob, "matrix_world", [1.0] * 16),
    "matrix_world_3x3": (ob, "matrix_world", Matrix.Identity(3)),
    "matrix_world_str": (ob, "matrix_world", "identity"),
    "hide_render_int": (ob, "hide_render", 1),
    "hide_render_2": (ob, "hide_render", 2),
    "hide_render_str": (ob, "hide_render", "True"),
    "hide_render_none": (ob, "hide_render", None),
    "hide_render_float": (ob, "hide_render", 1.0),
    "pass_index_float": (ob, "pass_index", 1.0),
    "pass_index_str": (ob, "pass_index", "1"),
    "pass_index_negative": (ob, "pass_index", -5),
    "pass_index_big": (ob, "pass_index", 10 ** 12),
    "name_bytes": (ob, "name", b"Cube"),
    "name_int": (ob, "name", 1),
    "name_list": (ob, "name", ["a"]),
    "display_type_int": (ob, "display_type", 1),
    "display_type_bad": (ob, "display_type", "SHINY"),
    "display_type_none": (ob, "display_type", None),
    "rotation_mode_set": (ob, "rotation_mode", {"XYZ"}),
    "data_none": (ob, "data", None),
    "data_wrong_type": (ob, "data", bpy.data.materials["Material"]),
    "data_camera": (ob, "data", bpy.data.cameras["Camera"]),
    "data_str": (ob, "data", "Cube"),
    "parent_none": (ob, "parent", None),
    "parent_scene": (ob, "parent", scene),
    "scene_camera_mesh_object": (scene, "camera", ob),
    "scene_camera_none": (scene, "camera", None),
    "scene_world_none": (scene, "world", None),
    "scene_world_material": (scene, "world", bpy.data.materials["Material"]),
    "scene_render_assign": (scene, "render", None),
    "users_assign": (ob, "users", 3),
    "name_full_assign": (ob, "name_full", "x"),
    "type_assign": (ob, "type", "EMPTY"),
    "is_evaluated_assign": (ob, "is_evaluated", True),
    "frame_current_float": (scene, "frame_current", 10.5),
    "frame_current_str": (scene, "frame_current", "10"),
    "frame_start_negative": (scene, "frame_start", -10),
    "resolution_x_tiny": (scene.render, "resolution_x", 1),
    "unknown_attribute": (ob, "no_such_thing", 1),
    "unknown_on_render": (scene.render, "no_such_thing", 1),
}
for key, (target, attr, value) in cases.items():
    result[key] = attempt(target, attr, value)

result["get_unknown"] = capture(lambda: ob.no_such_thing)
result["get_unknown_render"] = capture(lambda: scene.render.no_such_thing)
result["get_unknown_data"] = capture(lambda: bpy.data.no_such_thing)
result["get_unknown_context"] = capture(lambda: bpy.context.no_such_thing)
result["delete_attribute"] = capture(lambda: delattr(ob, "location"))
result["delete_unknown"] = capture(lambda: delattr(ob, "no_such_thing"))
result["call_property"] = capture(lambda: ob.location())
result["function_bad_kwarg"] = capture(lambda: ob.select_set(True, bogus=1))
result["function_missing_arg"] = capture(lambda: ob.select_set())
result["function_too_many"] = capture(lambda: ob.select_set(True, None, 3))
result["function_wrong_type"] = capture(lambda: ob.select_set("yes"))
result["function_view_layer_wrong"] = capture(lambda: ob.select_get(view_layer=scene))
result["new_bad_kwarg"] = capture(lambda: bpy.data.meshes.new(name="x", bogus=1))
result["new_two_positional"] = capture(lambda: bpy.data.meshes.new("x", "y"))
