# Properties added to built-in ID types (Object, Material, Scene): per-ID storage in ID
# properties, is_property_set/property_unset, ID pointer properties with poll, and
# cleanup with del.
import bpy
from bpy.props import (BoolProperty, FloatProperty, IntProperty, PointerProperty,
                       StringProperty)


def poll_cameras(self, obj):
    return obj.type == 'CAMERA'


result = {}
bpy.types.Object.whisk_lod = IntProperty(name="LOD", default=1, min=0, max=3)
bpy.types.Object.whisk_export = BoolProperty(default=True)
bpy.types.Material.whisk_tag = StringProperty(default="untagged")
bpy.types.Scene.whisk_camera = PointerProperty(type=bpy.types.Object, poll=poll_cameras)
bpy.types.Scene.whisk_material = PointerProperty(type=bpy.types.Material)
try:
    cube = bpy.data.objects["Cube"]
    cam = bpy.data.objects["Camera"]
    result["defaults"] = [cube.whisk_lod, cube.whisk_export, cam.whisk_lod]
    result["is_set_before"] = cube.is_property_set("whisk_lod")
    result["idprop_before"] = "whisk_lod" in cube
    cube.whisk_lod = 2
    result["is_set_after"] = cube.is_property_set("whisk_lod")
    result["idprop_after"] = cube["whisk_lod"]
    result["other_object_unchanged"] = [cam.whisk_lod, cam.is_property_set("whisk_lod")]
    cube.property_unset("whisk_lod")
    result["after_unset"] = [cube.whisk_lod, cube.is_property_set("whisk_lod"),
                             "whisk_lod" in cube]
    cube["whisk_lod"] = 3
    result["set_via_idprop"] = [cube.whisk_lod, cube.is_property_set("whisk_lod")]
    cube["whisk_lod"] = 99
    result["idprop_out_of_range_read"] = cube.whisk_lod
    cube["whisk_lod"] = "three"
    result["idprop_wrong_type_read"] = capture(lambda: cube.whisk_lod)
    # Reading through RNA drops an ID property of the wrong type
    result["wrong_type_idprop_after_read"] = cube.get("whisk_lod")
    cube["whisk_lod"] = 2

    # Built-in properties and is_property_set
    result["builtin_is_set"] = capture(lambda: cube.is_property_set("location"))
    cube.location = (1, 2, 3)
    result["builtin_unset"] = capture(lambda: cube.property_unset("location"))
    result["location_after_builtin_unset"] = vec(cube.location)
    result["unknown_is_set"] = capture(lambda: cube.is_property_set("nope"))
    result["unknown_unset"] = capture(lambda: cube.property_unset("nope"))
    result["is_set_ghost"] = capture(lambda: cube.is_property_set("whisk_lod", ghost=False))

    # Material string property
    mat = bpy.data.materials["Material"]
    mat.whisk_tag = "metal"
    result["material_tag"] = [mat.whisk_tag, mat["whisk_tag"]]
    result["new_material_default"] = bpy.data.materials.new("Fresh").whisk_tag

    # ID pointer properties: users and poll
    scene = bpy.context.scene
    users_before = cam.users
    scene.whisk_camera = cam
    result["pointer_set"] = scene.whisk_camera.name
    result["pointer_adds_user"] = cam.users - users_before
    result["pointer_idprop_type"] = type(scene["whisk_camera"]).__name__
    # poll only limits the UI: assignment from Python is not checked
    result["poll_not_enforced"] = capture(
        lambda: (setattr(scene, "whisk_camera", cube), scene.whisk_camera.name)[1])
    result["pointer_wrong_type"] = capture(lambda: setattr(scene, "whisk_camera", mat))
    scene.whisk_camera = None
    result["pointer_cleared"] = scene.whisk_camera
    scene.whisk_material = mat
    bpy.data.materials.remove(mat)
    result["pointer_after_target_removed"] = scene.whisk_material

    # bl_rna of runtime properties on a built-in type
    p = bpy.types.Object.bl_rna.properties["whisk_lod"]
    result["runtime_rna"] = [p.name, p.is_runtime, p.hard_max, p.default]
    result["builtin_is_runtime"] = bpy.types.Object.bl_rna.properties["location"].is_runtime
    result["in_dir"] = "whisk_lod" in dir(cube)
finally:
    del bpy.types.Object.whisk_lod
    del bpy.types.Object.whisk_export
    del bpy.types.Material.whisk_tag
    del bpy.types.Scene.whisk_camera
    del bpy.types.Scene.whisk_material

result["after_del_attr"] = capture(lambda: bpy.data.objects["Cube"].whisk_lod)
result["after_del_idprop_kept"] = bpy.data.objects["Cube"].get("whisk_lod")
result["after_del_in_rna"] = "whisk_lod" in bpy.types.Object.bl_rna.properties
result["del_twice"] = capture(lambda: delattr(bpy.types.Object, "whisk_lod"))
