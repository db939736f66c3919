# EnumProperty: static items, numbered items, ENUM_FLAG sets, dynamic items from a
# callback, defaults and the errors for unknown identifiers.
import bpy
from bpy.props import EnumProperty, PointerProperty

CALLBACK_CALLS = []


def quality_items(self, context):
    CALLBACK_CALLS.append(type(self).__name__)
    return [("DRAFT", "Draft", "Fast preview"), ("FINAL", "Final", "Full quality"),
            ("HERO", "Hero", "", 'NONE', 10)]


class WHISKTEST_PG_enums(bpy.types.PropertyGroup):
    shading: EnumProperty(items=[("FLAT", "Flat", "Flat shading"),
                                 ("SMOOTH", "Smooth", "Smooth shading"),
                                 ("AUTO", "Auto", "Auto smooth")],
                          default="SMOOTH", name="Shading")
    numbered: EnumProperty(items=[("A", "A", "", 5), ("B", "B", "", 10)])
    channels: EnumProperty(items=[("R", "Red", ""), ("G", "Green", ""), ("B", "Blue", "")],
                           options={'ENUM_FLAG'}, default={"R", "B"})
    no_default: EnumProperty(items=[("ONE", "One", ""), ("TWO", "Two", "")])
    quality: EnumProperty(items=quality_items)


result = {}
bpy.utils.register_class(WHISKTEST_PG_enums)
try:
    bpy.types.Scene.whisk_enums = PointerProperty(type=WHISKTEST_PG_enums)
    e = bpy.context.scene.whisk_enums
    result["defaults"] = [e.shading, e.numbered, sorted(e.channels), e.no_default]
    result["channels_type"] = type(e.channels).__name__
    e.shading = "FLAT"
    result["set_static"] = e.shading
    result["idprop_static"] = bpy.context.scene["whisk_enums"]["shading"]
    e.numbered = "B"
    result["idprop_numbered"] = bpy.context.scene["whisk_enums"]["numbered"]
    e.channels = {"G"}
    result["set_flag"] = sorted(e.channels)
    result["idprop_flag"] = bpy.context.scene["whisk_enums"]["channels"]
    e.channels = set()
    result["set_flag_empty"] = sorted(e.channels)
    e.channels = {"R", "G", "B"}
    result["idprop_flag_all"] = bpy.context.scene["whisk_enums"]["channels"]

    result["bad_static"] = capture(lambda: setattr(e, "shading", "PHONG"))
    result["lower_static"] = capture(lambda: setattr(e, "shading", "flat"))
    result["int_static"] = capture(lambda: setattr(e, "shading", 1))
    result["set_for_static"] = capture(lambda: setattr(e, "shading", {"FLAT"}))
    result["str_for_flag"] = capture(lambda: setattr(e, "channels", "R"))
    result["bad_flag"] = capture(lambda: setattr(e, "channels", {"R", "X"}))
    result["after_errors"] = [e.shading, sorted(e.channels)]

    # Dynamic items
    result["dynamic_default"] = e.quality
    e.quality = "FINAL"
    result["dynamic_set"] = e.quality
    e.quality = "HERO"
    result["dynamic_numbered"] = [e.quality, bpy.context.scene["whisk_enums"]["quality"]]
    result["dynamic_bad"] = capture(lambda: setattr(e, "quality", "ULTRA"))
    result["callback_called"] = len(CALLBACK_CALLS) > 0
    result["callback_self_type"] = sorted(set(CALLBACK_CALLS))

    # A stored value that no item has
    bpy.context.scene["whisk_enums"]["shading"] = 7
    result["stored_unknown_value"] = e.shading

    # Introspection
    prop = WHISKTEST_PG_enums.bl_rna.properties["shading"]
    result["enum_items"] = [[i.identifier, i.name, i.description, i.value]
                            for i in prop.enum_items]
    result["enum_default"] = prop.default
    result["enum_items_type"] = type(prop.enum_items).__name__
    fp = WHISKTEST_PG_enums.bl_rna.properties["channels"]
    result["flag_rna"] = [fp.is_enum_flag, sorted(fp.default_flag),
                          [i.value for i in fp.enum_items]]
    result["numbered_values"] = [i.value for i in
                                 WHISKTEST_PG_enums.bl_rna.properties["numbered"].enum_items]
    result["bad_default"] = capture(lambda: setattr(
        bpy.types.Scene, "whisk_bad",
        EnumProperty(items=[("A", "A", "")], default="Z")))
    result["bad_items"] = capture(lambda: setattr(
        bpy.types.Scene, "whisk_bad", EnumProperty(items=[("A", "A")])))
    result["duplicate_items"] = capture(lambda: setattr(
        bpy.types.Scene, "whisk_bad", EnumProperty(items=[("A", "A", ""), ("A", "B", "")])))
finally:
    del bpy.types.Scene.whisk_enums
    bpy.utils.unregister_class(WHISKTEST_PG_enums)

# Built-in enums
ob = bpy.data.objects["Cube"]
result["display_type"] = ob.display_type
ob.display_type = "WIRE"
result["display_type_set"] = ob.display_type
result["display_type_bad"] = capture(lambda: setattr(ob, "display_type", "HIDDEN"))
result["readonly_enum"] = capture(lambda: setattr(ob, "type", "EMPTY"))
