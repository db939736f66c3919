# Scene-level settings a shot-setup script writes: frame range, fps, resolution,
# units, gravity, cursor, camera and world; plus several scenes side by side.
import math
import bpy
from mathutils import Vector

result = {}
scene = bpy.context.scene
render = scene.render
result["startup_frames"] = [scene.frame_start, scene.frame_end, scene.frame_current,
                            scene.frame_step]
result["startup_render"] = [render.resolution_x, render.resolution_y,
                            render.resolution_percentage, render.fps, num(render.fps_base),
                            num(render.pixel_aspect_x), render.engine, render.film_transparent]
result["startup_units"] = [scene.unit_settings.system, scene.unit_settings.system_rotation,
                           num(scene.unit_settings.scale_length)]
result["startup_gravity"] = [vec(scene.gravity), scene.use_gravity]
result["startup_cursor"] = [vec(scene.cursor.location), scene.cursor.rotation_mode]
result["startup_camera"] = scene.camera.name
result["startup_world"] = scene.world.name

scene.frame_start = 1001
scene.frame_end = 1100
scene.frame_current = 1050
render.fps = 24
render.fps_base = 1.001
render.resolution_x = 2048
render.resolution_y = 858
render.resolution_percentage = 50
render.pixel_aspect_x = 2.0
render.film_transparent = True
result["shot"] = [scene.frame_start, scene.frame_end, scene.frame_current, render.fps,
                  num(render.fps_base), render.resolution_x, render.resolution_y,
                  render.resolution_percentage, num(render.pixel_aspect_x),
                  render.film_transparent]
result["fps_real"] = num(render.fps / render.fps_base)
result["frame_count"] = scene.frame_end - scene.frame_start + 1
result["output_size"] = [render.resolution_x * render.resolution_percentage // 100,
                         render.resolution_y * render.resolution_percentage // 100]
result["frame_float"] = num(scene.frame_float)
scene.frame_float = 1060.25
result["frame_float_set"] = [scene.frame_current, num(scene.frame_subframe),
                             num(scene.frame_float)]
scene.frame_current = 1070
result["frame_current_resets_subframe"] = [scene.frame_current, num(scene.frame_subframe),
                                          num(scene.frame_float)]

scene.use_preview_range = True
scene.frame_preview_start = 1010
scene.frame_preview_end = 1020
result["preview_range"] = [scene.use_preview_range, scene.frame_preview_start,
                           scene.frame_preview_end]

# Engines and units
result["engine_values"] = [i.identifier for i in
                           render.bl_rna.properties["engine"].enum_items][:3]
render.engine = 'CYCLES'
result["engine_set"] = render.engine
result["engine_bad"] = capture(lambda: setattr(render, "engine", "MENTAL_RAY"))
scene.unit_settings.system = 'IMPERIAL'
scene.unit_settings.scale_length = 0.3048
result["units_set"] = [scene.unit_settings.system, num(scene.unit_settings.scale_length)]
scene.unit_settings.system_rotation = 'RADIANS'
result["rotation_units"] = scene.unit_settings.system_rotation

# Gravity and cursor with mathutils
scene.gravity = Vector((0, 0, -9.81)) * 0.5
result["gravity"] = vec(scene.gravity)
scene.cursor.location = (1, 2, 3)
scene.cursor.rotation_euler = (0, 0, math.pi / 4)
result["cursor_matrix"] = rows(scene.cursor.matrix)
scene.cursor.rotation_mode = 'QUATERNION'
result["cursor_quat_after_mode"] = vec(scene.cursor.rotation_quaternion)

# Several scenes
shot2 = bpy.data.scenes.new("sh020")
result["new_scene_defaults"] = [shot2.frame_start, shot2.frame_end, shot2.render.fps,
                                shot2.render.resolution_x, shot2.render.engine,
                                shot2.unit_settings.system]
shot2.camera = bpy.data.objects["Camera"]
result["camera_not_in_scene"] = [shot2.camera.name, "Camera" in shot2.objects]
shot2.collection.objects.link(bpy.data.objects["Camera"])
result["camera_users_two_scenes"] = bpy.data.objects["Camera"].users
result["camera_users_scene"] = sorted(s.name for s in bpy.data.objects["Camera"].users_scene)
shot2.background_set = scene
result["background_set"] = shot2.background_set.name
result["background_self"] = capture(lambda: setattr(scene, "background_set", scene))
result["background_cycle"] = capture(lambda: setattr(scene, "background_set", shot2))
result["background_after_cycle"] = scene.background_set
bpy.data.scenes.remove(shot2)
result["scenes_after_remove"] = bpy.data.scenes.keys()
result["camera_users_after_scene_remove"] = bpy.data.objects["Camera"].users
result["remove_last_scene"] = capture(lambda: bpy.data.scenes.remove(scene))
result["scenes_final"] = bpy.data.scenes.keys()
