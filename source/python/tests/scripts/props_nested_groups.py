# Nested property groups: a group pointing at another group, collections of groups that
# hold collections, register_classes_factory, registration order, and to_dict() of the
# stored ID properties.
import bpy
from bpy.props import (CollectionProperty, FloatProperty, IntProperty, PointerProperty,
                       StringProperty)


class WHISKTEST_PG_layer(bpy.types.PropertyGroup):
    opacity: FloatProperty(default=1.0, min=0.0, max=1.0)


class WHISKTEST_PG_pass(bpy.types.PropertyGroup):
    label: StringProperty(default="pass")
    layers: CollectionProperty(type=WHISKTEST_PG_layer)


class WHISKTEST_PG_output(bpy.types.PropertyGroup):
    version: IntProperty(default=1)
    primary: PointerProperty(type=WHISKTEST_PG_pass)
    passes: CollectionProperty(type=WHISKTEST_PG_pass)


classes = (WHISKTEST_PG_layer, WHISKTEST_PG_pass, WHISKTEST_PG_output)
register, unregister = bpy.utils.register_classes_factory(classes)

result = {}
# Registering a group whose pointer target is not registered yet fails
result["register_out_of_order"] = capture(
    lambda: bpy.utils.register_class(WHISKTEST_PG_output))
# ...but leaves the class registered (without the failed property)
result["registered_after_failure"] = WHISKTEST_PG_output.is_registered
result["props_after_failure"] = sorted(
    p.identifier for p in WHISKTEST_PG_output.bl_rna.properties)
bpy.utils.unregister_class(WHISKTEST_PG_output)
register()
try:
    bpy.types.Scene.whisk_output = PointerProperty(type=WHISKTEST_PG_output)
    out = bpy.context.scene.whisk_output
    result["primary_default"] = [out.primary.label, len(out.primary.layers),
                                 type(out.primary).__name__]
    out.primary.label = "beauty"
    layer = out.primary.layers.add()
    layer.name = "bg"
    layer.opacity = 0.5
    for label in ("diffuse", "specular"):
        p = out.passes.add()
        p.name = label
        p.label = label.upper()
        for i in range(2):
            l = p.layers.add()
            l.name = "%s_%d" % (label, i)
            l.opacity = 0.25 * (i + 1)
    result["passes"] = [[p.name, p.label, [[l.name, num(l.opacity)] for l in p.layers]]
                        for p in out.passes]
    result["nested_repr"] = repr(out.passes[1].layers[0])
    result["nested_path"] = out.passes[1].layers[0].path_from_id("opacity")
    result["nested_resolve"] = num(bpy.context.scene.path_resolve(
        "whisk_output.passes[1].layers[0].opacity"))
    result["nested_resolve_by_name"] = num(bpy.context.scene.path_resolve(
        'whisk_output.passes["specular"].layers["specular_1"].opacity'))
    stored = bpy.context.scene["whisk_output"].to_dict()
    result["stored"] = plain(stored)
    result["stored_types"] = [type(bpy.context.scene["whisk_output"]["passes"]).__name__,
                              type(bpy.context.scene["whisk_output"]["primary"]).__name__]
    result["primary_readonly"] = capture(lambda: setattr(out, "primary", None))
    result["passes_readonly"] = capture(lambda: setattr(out, "passes", []))

    # Removing an item in the middle shifts the rest
    out.passes.remove(0)
    result["after_remove"] = [p.name for p in out.passes]
    result["id_data"] = repr(out.passes[0].layers[0].id_data)
    # The same class registered on two types
    bpy.types.Object.whisk_output = PointerProperty(type=WHISKTEST_PG_output)
    ob_out = bpy.data.objects["Cube"].whisk_output
    ob_out.version = 5
    result["on_object"] = [ob_out.version, bpy.data.objects["Cube"]["whisk_output"].to_dict()]
    del bpy.types.Object.whisk_output
finally:
    del bpy.types.Scene.whisk_output
    unregister()
result["registered_after"] = [c.is_registered for c in classes]
