# Building meshes the ways scripts do: from_pydata, the low-level add + foreach_set path of
# exporters and importers, update(calc_edges=True), validate; then reading counts,
# normals, areas, centers and loop triangles back.
import array
import bpy
import mathutils

result = {}
verts = [(0, 0, 0), (2, 0, 0), (2, 2, 0.5), (0, 2, 0), (4, 0, 0), (4, 2, -0.5), (1, 5, 1)]
faces = [(0, 1, 2, 3), (1, 4, 5, 2), (3, 2, 6)]
me = bpy.data.meshes.new("Built")
me.from_pydata(verts, [], faces)
me.update()
result["counts"] = [len(me.vertices), len(me.edges), len(me.polygons), len(me.loops)]
result["edges_as_set"] = sorted(sorted(e.vertices) for e in me.edges)
result["polygons"] = [list(p.vertices) for p in me.polygons]
result["loop_start_total"] = [(p.loop_start, p.loop_total) for p in me.polygons]
result["use_smooth"] = [p.use_smooth for p in me.polygons]
result["polygon_normals"] = [vec(p.normal) for p in me.polygons]
result["polygon_areas"] = [num(p.area) for p in me.polygons]
result["polygon_centers"] = [vec(p.center) for p in me.polygons]
result["vertex_normals"] = [vec(v.normal) for v in me.vertices]
me.calc_loop_triangles()
result["loop_triangles"] = [list(t.loops) for t in me.loop_triangles]
result["triangle_polygons"] = [t.polygon_index for t in me.loop_triangles]
result["validate_clean"] = me.validate()

# Importer style: counts first, then flat arrays.
low = bpy.data.meshes.new("Low")
low.vertices.add(len(verts))
low.vertices.foreach_set("co", [c for v in verts for c in v])
corner_verts = [v for f in faces for v in f]
low.loops.add(len(corner_verts))
low.loops.foreach_set("vertex_index", corner_verts)
low.polygons.add(len(faces))
starts = array.array("i", [0, 4, 8])
low.polygons.foreach_set("loop_start", starts)
low.polygons.foreach_set("loop_total", [4, 4, 3])
low.update(calc_edges=True)
result["low_counts"] = [len(low.vertices), len(low.edges), len(low.polygons), len(low.loops)]
result["low_polygons"] = [list(p.vertices) for p in low.polygons]
result["low_validate"] = low.validate()
result["low_normals"] = [vec(p.normal) for p in low.polygons]

# Transform, flip, copy and clear.
me.transform(mathutils.Matrix.Translation((1, 0, 0)) @ mathutils.Matrix.Scale(2, 4))
result["transformed"] = [vec(v.co) for v in me.vertices][:3]
me.flip_normals()
result["flipped_polygons"] = [list(p.vertices) for p in me.polygons]
result["flipped_normals"] = [vec(p.normal) for p in me.polygons]
dup = me.copy()
result["copy_counts"] = [len(dup.vertices), len(dup.polygons)]
me.clear_geometry()
result["cleared"] = [len(me.vertices), len(me.edges), len(me.polygons), len(me.loops)]
result["copy_untouched"] = len(dup.vertices)

# Element access errors.
result["vertex_out_of_range"] = capture(lambda: dup.vertices[99])
result["negative_index"] = vec(dup.vertices[-1].co)
result["loose_edges"] = capture(lambda: [e.is_loose for e in dup.edges].count(True))
