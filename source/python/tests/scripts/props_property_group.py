# An add-on style settings group: PropertyGroup subclass registered with
# bpy.utils.register_class and attached to Scene through a PointerProperty.
import bpy
from bpy.props import (BoolProperty, FloatProperty, IntProperty, PointerProperty,
                       StringProperty)


class WHISKTEST_PG_render_settings(bpy.types.PropertyGroup):
    enabled: BoolProperty(name="Enabled", default=True)
    samples: IntProperty(name="Samples", default=64, min=1, max=4096)
    exposure: FloatProperty(name="Exposure", default=0.5, soft_min=-10, soft_max=10)
    output: StringProperty(name="Output", default="//render/", subtype='DIR_PATH')
    label: StringProperty()


result = {}
bpy.utils.register_class(WHISKTEST_PG_render_settings)
try:
    bpy.types.Scene.whisk_settings = PointerProperty(type=WHISKTEST_PG_render_settings)
    scene = bpy.context.scene
    s = scene.whisk_settings
    result["type_name"] = type(s).__name__
    result["is_property_group"] = isinstance(s, bpy.types.PropertyGroup)
    result["defaults"] = [s.enabled, s.samples, num(s.exposure), s.output, s.label]
    result["repr"] = repr(s)
    result["path"] = s.path_from_id()
    result["id_data"] = repr(s.id_data)
    result["idprop_before_set"] = "whisk_settings" in scene
    result["idprop_keys_before"] = list(scene.keys())

    s.samples = 128
    s.exposure = 1.25
    s.label = "final"
    result["after_set"] = [s.enabled, s.samples, num(s.exposure), s.label]
    result["idprop_after_set"] = "whisk_settings" in scene
    result["idprop_value"] = plain(scene["whisk_settings"])
    result["idprop_type"] = type(scene["whisk_settings"]).__name__
    # Writing the ID property changes the RNA value
    scene["whisk_settings"]["samples"] = 7
    result["rna_after_idprop_write"] = s.samples
    # Writing an out-of-range value through the ID property is not clamped on read
    scene["whisk_settings"]["samples"] = 100000
    result["rna_after_idprop_out_of_range"] = s.samples
    s.samples = 100000
    result["rna_set_clamped"] = s.samples
    s.samples = -5
    result["rna_set_clamped_min"] = s.samples

    # Each scene has its own settings
    other = bpy.data.scenes.new("Other")
    result["other_defaults"] = [other.whisk_settings.samples, other.whisk_settings.label]
    other.whisk_settings.samples = 3
    result["independent"] = [scene.whisk_settings.samples, other.whisk_settings.samples]

    # Registered classes are reachable from bpy.types
    result["in_bpy_types"] = hasattr(bpy.types, "WHISKTEST_PG_render_settings")
    result["bl_rna_identifier"] = WHISKTEST_PG_render_settings.bl_rna.identifier
    result["bl_rna_props"] = sorted(p.identifier for p in
                                    WHISKTEST_PG_render_settings.bl_rna.properties)
    prop = bpy.types.Scene.bl_rna.properties["whisk_settings"]
    result["pointer_prop"] = [prop.type, prop.fixed_type.identifier, prop.is_runtime]
    result["samples_prop"] = [
        s.bl_rna.properties["samples"].hard_min, s.bl_rna.properties["samples"].hard_max,
        s.bl_rna.properties["samples"].default, s.bl_rna.properties["samples"].name,
        s.bl_rna.properties["output"].subtype]

    # Pointer properties to property groups cannot be assigned
    result["assign_group"] = capture(lambda: setattr(scene, "whisk_settings", None))
    result["wrong_attr_type"] = capture(lambda: setattr(s, "samples", "many"))
    result["float_for_int"] = capture(lambda: setattr(s, "samples", 2.5))
    result["int_for_float"] = capture(lambda: (setattr(s, "exposure", 2), s.exposure)[1])
    result["bool_for_bool_int"] = capture(lambda: (setattr(s, "enabled", 0), s.enabled)[1])
    result["unknown_attr"] = capture(lambda: s.no_such_setting)
    result["set_unknown_attr"] = capture(lambda: setattr(s, "no_such_setting", 1))

    # Registering twice, and a group that is not a PropertyGroup
    result["register_twice"] = capture(
        lambda: bpy.utils.register_class(WHISKTEST_PG_render_settings))
    # Property definitions are deferred: bad arguments fail when attached to a type
    result["deferred_type"] = type(PointerProperty(type=int)).__name__
    result["pointer_to_non_group"] = capture(
        lambda: setattr(bpy.types.Scene, "whisk_bad", PointerProperty(type=int)))
    result["bad_default"] = capture(
        lambda: setattr(bpy.types.Scene, "whisk_bad", IntProperty(default="x")))
    result["bad_keyword"] = capture(
        lambda: setattr(bpy.types.Scene, "whisk_bad", IntProperty(foo=1)))
    result["bad_not_registered"] = hasattr(bpy.types.Scene, "whisk_bad")
finally:
    del bpy.types.Scene.whisk_settings
    bpy.utils.unregister_class(WHISKTEST_PG_render_settings)

result["after_unregister_attr"] = hasattr(bpy.context.scene, "whisk_settings")
result["idprop_survives_unregister"] = plain(bpy.context.scene.get("whisk_settings"))
result["unregister_twice"] = capture(
    lambda: bpy.utils.unregister_class(WHISKTEST_PG_render_settings))
result["in_bpy_types_after"] = hasattr(bpy.types, "WHISKTEST_PG_render_settings")
