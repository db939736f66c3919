# foreach_get/foreach_set on ID collections: the bulk path exporters and layout tools
# use to read or write one attribute of many items.
import array
import bpy

result = {}
coll = bpy.context.collection
for i in range(4):
    ob = bpy.data.objects.new("Grid%d" % i, None)
    ob.location = (i, i * 2, i * 3)
    coll.objects.link(ob)
objects = bpy.data.objects
n = len(objects)
result["names"] = objects.keys()

hidden = [False] * n
objects.foreach_get("hide_viewport", hidden)
result["hide_viewport"] = hidden
locs = [0.0] * (n * 3)
objects.foreach_get("location", locs)
result["locations_flat"] = vec(locs)
objects.foreach_set("location", [float(v) + 1 for v in range(n * 3)])
result["after_set_location"] = [vec(o.location) for o in objects]
flags = [i % 2 == 0 for i in range(n)]
objects.foreach_set("hide_render", flags)
result["after_set_hide_render"] = [o.hide_render for o in objects]
objects.foreach_set("pass_index", list(range(n)))
result["after_set_pass_index"] = [o.pass_index for o in objects]

# typed buffers
buf = array.array('f', [0.0]) * (n * 3)
objects.foreach_get("location", buf)
result["array_f"] = vec(buf)
ibuf = array.array('i', [0]) * n
objects.foreach_get("pass_index", ibuf)
result["array_i"] = list(ibuf)
dbuf = array.array('d', [0.0]) * (n * 3)
objects.foreach_get("scale", dbuf)
result["array_d_scale"] = vec(dbuf)
result["array_wrong_type"] = capture(
    lambda: objects.foreach_get("location", array.array('i', [0]) * (n * 3)))

# Matrices come out flat, column-major
mats = [0.0] * (n * 16)
objects.foreach_get("matrix_world", mats)
result["matrix_world_flat_first"] = vec(mats[:16])

# Scene objects and collection objects support it too
sub = [0.0] * (len(coll.objects) * 3)
coll.objects.foreach_get("location", sub)
result["collection_objects_flat"] = vec(sub)
scene_hide = [True] * len(bpy.context.scene.objects)
bpy.context.scene.objects.foreach_get("hide_viewport", scene_hide)
result["scene_objects_hide"] = scene_hide

# Camera lenses in bulk
bpy.data.cameras.new("Tele").lens = 135
lenses = [0.0] * len(bpy.data.cameras)
bpy.data.cameras.foreach_get("lens", lenses)
result["camera_lenses"] = vec(lenses)
bpy.data.cameras.foreach_set("lens", [0.5] * len(bpy.data.cameras))
result["foreach_set_clamps"] = [num(c.lens) for c in bpy.data.cameras]

# Errors (last: a failed foreach_set may have written part of the data in Blender)
result["wrong_size"] = capture(lambda: objects.foreach_get("location", [0.0] * 3))
result["wrong_size_set"] = capture(lambda: objects.foreach_set("location", [0.0] * 3))
# (Blender 3.4's message for this one has uninitialised padding: type only)
result["unknown_attr_type"] = capture(lambda: objects.foreach_get("nope", [0] * n))["error"]
result["string_attr"] = capture(lambda: objects.foreach_get("name", [""] * n))
result["pointer_attr"] = capture(lambda: objects.foreach_get("parent", [None] * n))
result["not_sequence"] = capture(lambda: objects.foreach_get("location", 5))
result["set_wrong_values"] = capture(lambda: objects.foreach_set("hide_render", ["x"] * n))
result["tuple_readonly"] = capture(lambda: objects.foreach_get("location", (0.0,) * (n * 3)))

