# update/get/set callbacks of bpy.props: when they run, what they receive, and how
# get/set properties store (or do not store) their value.
import bpy
from bpy.props import BoolProperty, FloatProperty, IntProperty, PointerProperty, StringProperty

LOG = []
STORE = {"virtual": 5}


def on_update(self, context):
    LOG.append(("update", type(self).__name__, self.size, context is not None))


def get_virtual(self):
    LOG.append(("get",))
    return STORE["virtual"]


def set_virtual(self, value):
    LOG.append(("set", value))
    STORE["virtual"] = value * 2


def get_derived(self):
    return self.size * 10


def get_label(self):
    return "label-%d" % self.size


def set_clamp_check(self, value):
    LOG.append(("set_clamped", value))
    self["clamp_raw"] = value


def get_clamp_check(self):
    return self.get("clamp_raw", 0)


class WHISKTEST_PG_callbacks(bpy.types.PropertyGroup):
    size: IntProperty(default=1, update=on_update)
    virtual: IntProperty(get=get_virtual, set=set_virtual)
    derived: IntProperty(get=get_derived)
    label: StringProperty(get=get_label)
    clamped: FloatProperty(min=0.0, max=1.0, get=get_clamp_check, set=set_clamp_check)
    toggle: BoolProperty(update=lambda self, context: LOG.append(("toggle", self.toggle)))


result = {}
bpy.utils.register_class(WHISKTEST_PG_callbacks)
try:
    bpy.types.Scene.whisk_cb = PointerProperty(type=WHISKTEST_PG_callbacks)
    cb = bpy.context.scene.whisk_cb
    LOG.clear()
    cb.size = 2
    cb.size = 2
    cb.size = 3
    result["update_calls"] = plain(LOG)
    LOG.clear()
    bpy.context.scene["whisk_cb"]["size"] = 9
    result["idprop_write_no_update"] = [plain(LOG), cb.size]
    LOG.clear()

    result["virtual_get"] = cb.virtual
    cb.virtual = 4
    result["virtual_after_set"] = cb.virtual
    result["virtual_log"] = plain(LOG)
    result["virtual_not_stored"] = "virtual" in bpy.context.scene["whisk_cb"]
    result["derived"] = cb.derived
    result["derived_readonly"] = capture(lambda: setattr(cb, "derived", 1))
    result["label"] = cb.label
    result["label_readonly"] = capture(lambda: setattr(cb, "label", "x"))
    LOG.clear()
    cb.clamped = 5.0
    result["set_receives_clamped"] = plain(LOG)
    result["clamped_get"] = num(cb.clamped)
    LOG.clear()
    cb.toggle = True
    cb.toggle = False
    result["toggle_log"] = plain(LOG)

    # Exceptions in callbacks
    def bad_get(self):
        raise ValueError("no value")

    def wrong_type_get(self):
        return "not an int"

    bpy.types.Scene.whisk_bad_get = IntProperty(get=bad_get)
    bpy.types.Scene.whisk_wrong_get = IntProperty(get=wrong_type_get)
    try:
        result["get_raises"] = capture(lambda: bpy.context.scene.whisk_bad_get)
        result["get_wrong_type"] = capture(lambda: bpy.context.scene.whisk_wrong_get)
    finally:
        del bpy.types.Scene.whisk_bad_get
        del bpy.types.Scene.whisk_wrong_get

    def raising_update(self, context):
        LOG.append("raising_update")
        raise RuntimeError("update failed")

    bpy.types.Scene.whisk_raising = IntProperty(update=raising_update)
    try:
        LOG.clear()
        result["update_raises"] = capture(lambda: setattr(bpy.context.scene,
                                                          "whisk_raising", 3))
        result["value_after_update_raise"] = bpy.context.scene.whisk_raising
        result["update_raise_log"] = plain(LOG)
    finally:
        del bpy.types.Scene.whisk_raising

    result["bad_update_arg"] = capture(lambda: setattr(
        bpy.types.Scene, "whisk_bad", IntProperty(update=5)))
    result["bad_get_signature"] = capture(lambda: setattr(
        bpy.types.Scene, "whisk_bad", IntProperty(get=lambda: 1)))
finally:
    del bpy.types.Scene.whisk_cb
    bpy.utils.unregister_class(WHISKTEST_PG_callbacks)
