# View layers and layer collections: exclude, hide, per-layer selection and visibility,
# as a render-layer setup script uses them.
import bpy

result = {}
scene = bpy.context.scene
vl = scene.view_layers["ViewLayer"]
result["view_layers"] = scene.view_layers.keys()
result["layer_objects"] = names(vl.objects)
result["active"] = vl.objects.active.name
result["selected"] = names(vl.objects.selected)
result["root_layer_collection"] = vl.layer_collection.name
result["root_lc_collection_is_master"] = vl.layer_collection.collection == scene.collection
result["lc_children"] = names(vl.layer_collection.children)
result["active_layer_collection"] = vl.active_layer_collection.name

fx = bpy.data.collections.new("FX")
scene.collection.children.link(fx)
smoke = bpy.data.objects.new("smoke", None)
fx.objects.link(smoke)
result["lc_children_after_link"] = names(vl.layer_collection.children)
lc = vl.layer_collection.children["FX"]
result["lc_flags"] = [lc.exclude, lc.hide_viewport, lc.holdout, lc.indirect_only,
                      lc.is_visible]
result["lc_repr"] = repr(lc)
result["lc_path"] = capture(lambda: lc.path_from_id())
result["smoke_in_layer"] = "smoke" in vl.objects
result["smoke_visible"] = smoke.visible_get()

# Blender 3.4 resyncs a layer's bases lazily: is_visible and vl.objects can be stale
# right after a flag change until something like visible_get() resyncs. The checks below
# therefore call visible_get() first.
lc.hide_viewport = True
result["hidden_lc_visible"] = [smoke.visible_get(), lc.is_visible, "smoke" in vl.objects]
lc.hide_viewport = False
lc.exclude = True
result["excluded_visible_get"] = smoke.visible_get()
result["excluded"] = [lc.exclude, lc.is_visible, "smoke" in vl.objects]
result["excluded_objects"] = names(vl.objects)
result["select_excluded"] = capture(lambda: smoke.select_set(True))
lc.exclude = False
result["back_in_layer"] = [smoke.visible_get(), "smoke" in vl.objects, smoke.select_get()]

# Second view layer: independent flags and selection
vl2 = scene.view_layers.new("Beauty")
result["new_layer_name"] = vl2.name
result["view_layers_after_new"] = scene.view_layers.keys()
result["dup_name"] = scene.view_layers.new("Beauty").name
result["layer2_objects"] = sorted(names(vl2.objects))
vl2.layer_collection.children["FX"].exclude = True
result["fx_excluded_in_vl2_only"] = [smoke.visible_get(), smoke.visible_get(view_layer=vl2),
                                     "smoke" in vl.objects, "smoke" in vl2.objects]
cube = bpy.data.objects["Cube"]
result["cube_select_vl"] = cube.select_get()
result["cube_select_vl2"] = cube.select_get(view_layer=vl2)
cube.select_set(True, view_layer=vl2)
result["cube_select_vl2_after"] = cube.select_get(view_layer=vl2)
light = bpy.data.objects["Light"]
light.hide_set(True)
result["light_hide_get"] = [light.hide_get(), light.hide_get(view_layer=vl2)]
result["light_visible_get"] = [light.visible_get(), light.visible_get(view_layer=vl2)]
light.hide_set(False)
light.hide_viewport = True
result["light_hide_viewport_visible"] = [light.visible_get(), light.hide_get()]
light.hide_viewport = False

# Active object of a layer
vl.objects.active = smoke
result["active_after_set"] = vl.objects.active.name
vl.objects.active = None
result["active_none"] = vl.objects.active
orphan = bpy.data.objects.new("orphan", None)
result["active_not_in_layer"] = capture(lambda: setattr(vl.objects, "active", orphan))

# Removing view layers
result["remove_layer"] = capture(lambda: scene.view_layers.remove(vl2))
result["view_layers_after_remove"] = scene.view_layers.keys()
result["removed_layer_name"] = capture(lambda: vl2.name)
for extra in [l for l in scene.view_layers if l != vl]:
    scene.view_layers.remove(extra)
result["remove_last"] = capture(lambda: scene.view_layers.remove(vl))
result["rename_layer"] = capture(lambda: setattr(vl, "name", "Main"))
result["view_layers_final"] = scene.view_layers.keys()
result["view_layer_path"] = vl.path_from_id()
result["view_layer_repr"] = repr(vl)
result["layer_props"] = [vl.use, vl.samples, vl.use_pass_combined, vl.use_pass_z]
