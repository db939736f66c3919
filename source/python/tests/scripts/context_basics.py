# bpy.context in background mode: scene, view layer, active/selected/visible objects,
# and how they follow changes made through the data API.
import bpy

result = {}
C = bpy.context
result["scene"] = C.scene.name
result["view_layer"] = C.view_layer.name
result["collection"] = C.collection.name
result["object"] = C.object.name
result["active_object"] = C.active_object.name
result["selected_objects"] = names(C.selected_objects)
result["visible_objects"] = names(C.visible_objects)
result["selectable_objects"] = names(C.selectable_objects)
result["editable_objects"] = names(C.editable_objects)
result["selected_editable_objects"] = names(C.selected_editable_objects)
result["mode"] = C.mode
result["selected_type"] = type(C.selected_objects).__name__
result["scene_is_data_scene"] = C.scene == bpy.data.scenes["Scene"]
result["view_layer_is_scene_layer"] = C.view_layer == C.scene.view_layers[0]
result["blend_data_is_data"] = C.blend_data == bpy.data
result["preferences_present"] = C.preferences is not None

# Selecting through the data API shows in the context
cube = bpy.data.objects["Cube"]
cam = bpy.data.objects["Camera"]
light = bpy.data.objects["Light"]
for ob in C.scene.objects:
    ob.select_set(False)
result["selected_none"] = names(C.selected_objects)
cam.select_set(True)
light.select_set(True)
result["selected_two"] = sorted(names(C.selected_objects))
C.view_layer.objects.active = light
result["active_is_light"] = [C.object.name, C.active_object.name]
result["active_selected"] = light.select_get()

# Hiding affects visible/selectable objects
cam.hide_set(True)
result["visible_after_hide_set"] = names(C.visible_objects)
result["selected_after_hide_set"] = names(C.selected_objects)
cam.hide_set(False)
light.hide_select = True
result["selectable_after_hide_select"] = names(C.selectable_objects)
result["selected_after_hide_select"] = names(C.selected_objects)
light.hide_select = False
cube.hide_viewport = True
result["visible_after_hide_viewport"] = names(C.visible_objects)
cube.hide_viewport = False

# New objects linked into the context collection show up in the view layer
ob = bpy.data.objects.new("Added", None)
C.collection.objects.link(ob)
result["added_visible"] = "Added" in names(C.visible_objects)
result["added_selected"] = ob.select_get()
result["view_layer_objects"] = names(C.view_layer.objects)

# Active object removed: context object becomes None
C.view_layer.objects.active = ob
bpy.data.objects.remove(ob)
result["active_after_remove"] = C.object
result["active_object_after_remove"] = C.active_object

# Context members are read-only
result["set_scene"] = capture(lambda: setattr(C, "scene", bpy.data.scenes["Scene"]))
result["set_object"] = capture(lambda: setattr(C, "object", cube))
result["unknown_member"] = capture(lambda: C.no_such_member)
result["getattr_default"] = getattr(C, "no_such_member", "missing")
result["context_type"] = type(C).__name__
result["copy_keys"] = sorted(k for k in ("scene", "view_layer", "collection", "object",
                                         "active_object", "mode") if k in C.copy())

# A second scene is not the context scene until the window changes to it
s2 = bpy.data.scenes.new("Shot2")
result["context_scene_after_new"] = C.scene.name
result["scenes"] = bpy.data.scenes.keys()
result["new_scene_view_layers"] = s2.view_layers.keys()
result["new_scene_collection_children"] = names(s2.collection.children)
result["new_scene_objects"] = names(s2.objects)
result["new_scene_camera"] = s2.camera
result["new_scene_world"] = s2.world
