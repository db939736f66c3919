# foreach_get/foreach_set on mesh elements and attribute values: lists, array.array of
# several types, wrong lengths and wrong names.
import array
import bpy

result = {}
me = bpy.data.meshes.new("Bulk")
me.from_pydata([(0, 0, 0), (1, 0, 0), (1, 1, 0), (0, 1, 0), (2, 0, 0), (2, 1, 0)], [],
               [(0, 1, 2, 3), (1, 4, 5, 2)])
n = len(me.vertices)
co = [0.0] * (n * 3)
me.vertices.foreach_get("co", co)
result["co_list"] = vec(co)
me.vertices.foreach_set("co", [float(i) / 2 for i in range(n * 3)])
result["co_after_set"] = [vec(v.co) for v in me.vertices]
fbuf = array.array("f", [0.0]) * (n * 3)
me.vertices.foreach_get("co", fbuf)
result["co_array_f"] = vec(fbuf)
dbuf = array.array("d", [0.0]) * (n * 3)
me.vertices.foreach_get("co", dbuf)
result["co_array_d"] = vec(dbuf)
me.vertices.foreach_set("co", array.array("d", [1.0] * (n * 3)))
result["co_set_from_d"] = vec(me.vertices[3].co)
ibuf = array.array("i", [0]) * len(me.loops)
me.loops.foreach_get("vertex_index", ibuf)
result["loop_vertex_index"] = list(ibuf)
sel = [False] * n
me.vertices.foreach_get("select", sel)
result["select_default"] = sel
me.vertices.foreach_set("select", [i % 2 == 0 for i in range(n)])
result["select_after"] = [v.select for v in me.vertices]
me.polygons.foreach_set("use_smooth", [True, False])
result["smooth_after"] = [p.use_smooth for p in me.polygons]
mats = [0] * len(me.polygons)
me.polygons.foreach_get("material_index", mats)
result["material_index"] = mats
starts = [0] * len(me.polygons)
me.polygons.foreach_get("loop_start", starts)
result["loop_start"] = starts
ev = [0] * (len(me.edges) * 2)
me.edges.foreach_get("vertices", ev)
result["edge_vertices_as_set"] = sorted(sorted(ev[i:i + 2]) for i in range(0, len(ev), 2))

attr = me.attributes.new("w", "FLOAT", "POINT")
attr.data.foreach_set("value", [float(i) for i in range(n)])
got = [0.0] * n
me.attributes["w"].data.foreach_get("value", got)
result["attr_values"] = vec(got)

result["wrong_length_set"] = capture(lambda: me.vertices.foreach_set("co", [1.0, 2.0]))
result["wrong_length_get"] = capture(lambda: me.vertices.foreach_get("co", [0.0] * 4))
result["bad_name"] = capture(lambda: me.vertices.foreach_get("nope", [0.0] * n))
result["not_a_sequence"] = capture(lambda: me.vertices.foreach_set("co", 3))
result["bad_items"] = capture(lambda: me.vertices.foreach_set("co", ["x"] * (n * 3)))
result["data_unchanged"] = vec(me.vertices[3].co)
