# Object data settings a look-dev or layout script touches: camera projection and
# depth of field, light types (the Python class follows the type), materials, worlds.
import math
import bpy

result = {}
cam = bpy.data.cameras["Camera"]
result["camera_startup"] = [cam.type, num(cam.lens), num(cam.sensor_width), cam.sensor_fit,
                            num(cam.clip_start), num(cam.clip_end), cam.lens_unit,
                            num(cam.ortho_scale), num(cam.display_size)]
cam.type = 'ORTHO'
cam.ortho_scale = 12.5
result["ortho"] = [cam.type, num(cam.ortho_scale)]
cam.type = 'PERSP'
cam.lens_unit = 'FOV'
result["lens_unit_fov_lens_kept"] = num(cam.lens)
cam.lens = 35
result["fov_from_35mm"] = [num(cam.angle), num(math.degrees(cam.angle))]
cam.shift_x = 0.1
cam.shift_y = -0.05
result["shift"] = [num(cam.shift_x), num(cam.shift_y)]
cam.dof.use_dof = True
cam.dof.focus_object = bpy.data.objects["Cube"]
cam.dof.focus_distance = 7.5
cam.dof.aperture_fstop = 1.4
result["dof"] = [cam.dof.use_dof, cam.dof.focus_object.name, num(cam.dof.focus_distance),
                 num(cam.dof.aperture_fstop)]
result["dof_focus_users"] = bpy.data.objects["Cube"].users
cam.dof.focus_object = None
result["dof_focus_cleared"] = [cam.dof.focus_object, bpy.data.objects["Cube"].users]
result["camera_type_bad"] = capture(lambda: setattr(cam, "type", "FISHEYE"))

# New cameras get defaults
new_cam = bpy.data.cameras.new("New")
result["new_camera_defaults"] = [new_cam.type, num(new_cam.lens), num(new_cam.clip_start),
                                 num(new_cam.clip_end), num(new_cam.sensor_width),
                                 num(new_cam.dof.focus_distance)]

# Lights: changing type changes the Python class of freshly fetched references
light = bpy.data.lights["Light"]
result["light_startup"] = [light.type, type(light).__name__, num(light.energy),
                           vec(light.color), num(light.shadow_soft_size)]
for kind in ("SUN", "SPOT", "AREA", "POINT"):
    light.type = kind
    fresh = bpy.data.lights["Light"]
    result["light_as_" + kind] = [fresh.type, type(fresh).__name__,
                                  isinstance(fresh, bpy.types.Light)]
light.type = 'AREA'
area = bpy.data.lights["Light"]
area.shape = 'RECTANGLE'
area.size = 2.0
area.size_y = 0.5
result["area"] = [area.shape, num(area.size), num(area.size_y)]
result["area_attr_on_stale_ref"] = capture(lambda: light.shape)
light.type = 'SUN'
sun = bpy.data.lights["Light"]
sun.energy = 3.0
sun.angle = math.radians(2)
result["sun"] = [num(sun.energy), num(sun.angle)]
result["new_lights"] = [[l.type, type(l).__name__, num(l.energy)] for l in (
    bpy.data.lights.new("p", 'POINT'), bpy.data.lights.new("s", 'SUN'),
    bpy.data.lights.new("a", 'AREA'), bpy.data.lights.new("sp", 'SPOT'))]
result["new_light_no_type"] = capture(lambda: bpy.data.lights.new("x"))
result["new_light_bad_type"] = capture(lambda: bpy.data.lights.new("x", 'LASER'))

# Materials
mat = bpy.data.materials["Material"]
result["material_startup"] = [vec(mat.diffuse_color), num(mat.metallic),
                              num(mat.roughness), mat.blend_method, mat.use_nodes,
                              mat.users]
new_mat = bpy.data.materials.new("Paint")
result["new_material_defaults"] = [vec(new_mat.diffuse_color), num(new_mat.metallic),
                                   num(new_mat.roughness), new_mat.blend_method,
                                   new_mat.use_nodes, new_mat.users,
                                   new_mat.node_tree is None]
new_mat.diffuse_color = (1, 0, 0, 1)
new_mat.blend_method = 'BLEND'
new_mat.use_backface_culling = True
result["material_set"] = [vec(new_mat.diffuse_color), new_mat.blend_method,
                          new_mat.use_backface_culling]
result["blend_method_bad"] = capture(lambda: setattr(new_mat, "blend_method", "ADD"))
result["diffuse_3_values"] = capture(lambda: setattr(new_mat, "diffuse_color", (1, 0, 0)))

# World
world = bpy.context.scene.world
result["world"] = [world.name, vec(world.color), world.use_nodes, world.users]
world.color = (0.1, 0.2, 0.3)
result["world_color_set"] = vec(world.color)
new_world = bpy.data.worlds.new("Sky")
bpy.context.scene.world = new_world
result["world_users_after_switch"] = [world.users, new_world.users]
result["scene_world"] = bpy.context.scene.world.name
