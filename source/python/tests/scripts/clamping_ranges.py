# Hard ranges clamp silently on assignment (no exception); soft ranges do not clamp.
# Camera, light, material, render and scene values a shot-setup script sets.
import math
import bpy

result = {}
cam = bpy.data.cameras["Camera"]
light = bpy.data.lights["Light"]
mat = bpy.data.materials["Material"]
scene = bpy.context.scene
render = scene.render


def set_get(target, attr, value):
    try:
        setattr(target, attr, value)
    except Exception as e:  # noqa: BLE001
        return err(e)
    return plain(getattr(target, attr))


checks = [
    ("lens_below_min", cam, "lens", 0.5),
    ("lens_zero", cam, "lens", 0.0),
    ("lens_negative", cam, "lens", -10.0),
    ("lens_huge", cam, "lens", 1e9),
    ("lens_above_soft", cam, "lens", 8000.0),
    ("clip_start_zero", cam, "clip_start", 0.0),
    ("clip_end_negative", cam, "clip_end", -1.0),
    ("sensor_width_zero", cam, "sensor_width", 0.0),
    ("passepartout_above", cam, "passepartout_alpha", 2.0),
    ("shift_x_big", cam, "shift_x", 100.0),
    ("ortho_scale_zero", cam, "ortho_scale", 0.0),
    ("fstop_negative", cam.dof, "aperture_fstop", -1.0),
    ("blades_big", cam.dof, "aperture_blades", 100),
    ("blades_one", cam.dof, "aperture_blades", 1),
    ("aperture_rotation_big", cam.dof, "aperture_rotation", 10.0),
    ("angle_tiny", cam, "angle", 0.0001),
    ("angle_big", cam, "angle", 3.14),
    ("energy_negative", light, "energy", -100.0),
    ("energy_huge", light, "energy", 1e12),
    ("shadow_soft_size_negative", light, "shadow_soft_size", -1.0),
    ("light_color_above_one", light, "color", (2.0, 0.5, -1.0)),
    ("diffuse_above_one", mat, "diffuse_color", (2.0, 0.5, -1.0, 1.0)),
    ("metallic_above", mat, "metallic", 5.0),
    ("roughness_negative", mat, "roughness", -0.5),
    ("alpha_threshold_above", mat, "alpha_threshold", 2.0),
    ("mat_pass_index_negative", mat, "pass_index", -1),
    ("resolution_x_zero", render, "resolution_x", 0),
    ("resolution_x_huge", render, "resolution_x", 10 ** 6),
    ("resolution_percentage_zero", render, "resolution_percentage", 0),
    ("resolution_percentage_big", render, "resolution_percentage", 40000),
    ("pixel_aspect_zero", render, "pixel_aspect_x", 0.0),
    ("fps_zero", render, "fps", 0),
    ("fps_big", render, "fps", 5000),
    ("fps_base_zero", render, "fps_base", 0.0),
    ("frame_current_huge", scene, "frame_current", 10 ** 7),
    ("frame_end_before_start", scene, "frame_end", -5),
    ("frame_step_zero", scene, "frame_step", 0),
    ("audio_volume_big", scene, "audio_volume", 500.0),
    ("empty_display_size_zero", bpy.data.objects["Cube"], "empty_display_size", 0.0),
    ("object_color_negative", bpy.data.objects["Cube"], "color", (-1, 2, 0.5, 1)),
    ("unit_scale_zero", scene.unit_settings, "scale_length", 0.0),
    ("cursor_loc_big", scene.cursor, "location", (1e30, -1e30, 0)),
]
for key, target, attr, value in checks:
    result[key] = set_get(target, attr, value)

# NaN and infinity pass the range check differently
result["lens_nan"] = set_get(cam, "lens", float("nan"))
result["lens_inf"] = set_get(cam, "lens", float("inf"))
result["location_nan"] = set_get(bpy.data.objects["Cube"], "location",
                                 (float("nan"), 0, float("-inf")))

# Frame start/end keep each other valid
scene.frame_start = 10
scene.frame_end = 20
scene.frame_start = 30
result["start_pushes_end"] = [scene.frame_start, scene.frame_end]
scene.frame_end = 5
result["end_pushes_start"] = [scene.frame_start, scene.frame_end]

# Angle and lens are linked
cam.lens = 50
cam.sensor_width = 36
cam.sensor_fit = 'AUTO'
result["angle_from_lens"] = num(cam.angle)
cam.angle = math.radians(90)
result["lens_from_angle"] = num(cam.lens)
cam.sensor_fit = 'VERTICAL'
result["angle_vertical_fit"] = [num(cam.angle), num(cam.angle_x), num(cam.angle_y)]

# Spot light ranges through the refined type
light.type = 'SPOT'
spot = bpy.data.lights["Light"]
result["spot_type"] = type(spot).__name__
result["spot_size_small"] = set_get(spot, "spot_size", 0.0)
result["spot_size_big"] = set_get(spot, "spot_size", 10.0)
result["spot_blend_above"] = set_get(spot, "spot_blend", 3.0)
result["spot_size_on_old_ref"] = capture(lambda: light.spot_size)
