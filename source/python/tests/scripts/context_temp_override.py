# Context.temp_override: the pattern tool scripts use to run code "as if" another object
# were active or selected.
import bpy

result = {}
C = bpy.context
cube = bpy.data.objects["Cube"]
cam = bpy.data.objects["Camera"]
light = bpy.data.objects["Light"]

with C.temp_override(object=cam, active_object=cam, selected_objects=[cam, light]):
    result["inside_object"] = C.object.name
    result["inside_active_object"] = C.active_object.name
    result["inside_selected"] = names(C.selected_objects)
    result["inside_scene"] = C.scene.name
    result["inside_view_layer_active"] = C.view_layer.objects.active.name
    result["inside_visible"] = names(C.visible_objects)
result["after_object"] = C.object.name
result["after_selected"] = names(C.selected_objects)

# Nesting: the inner override wins, the outer comes back after
with C.temp_override(object=light):
    outer = C.object.name
    with C.temp_override(object=cam):
        inner = C.object.name
    back = C.object.name
result["nested"] = [outer, inner, back]

# Overriding with None
with C.temp_override(object=None):
    result["override_none"] = C.object
result["after_none"] = C.object.name

# Overriding the scene
s2 = bpy.data.scenes.new("Other")
with C.temp_override(scene=s2):
    result["override_scene"] = C.scene.name
    result["override_scene_view_layer"] = C.view_layer.name
result["after_scene"] = C.scene.name

# Custom members
with C.temp_override(my_value=42, my_list=[1, 2]):
    result["custom_member"] = capture(lambda: C.my_value)
    result["custom_member_getattr"] = getattr(C, "my_value", "absent")
result["custom_after"] = capture(lambda: C.my_value)

# Exceptions inside the block restore the context
try:
    with C.temp_override(object=cam):
        raise ValueError("boom")
except ValueError as e:
    result["exception_passed_through"] = str(e)
result["after_exception"] = C.object.name

# Using the override object
override = C.temp_override(object=light)
result["override_type"] = type(override).__name__
with override:
    result["override_used"] = C.object.name
result["copy_inside"] = None
with C.temp_override(object=cam):
    result["copy_inside"] = C.copy()["object"].name
