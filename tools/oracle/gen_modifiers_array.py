# Oracle generator: what Blender 3.4's Array, Mirror, Solidify (simple) and Weld modifiers
# make of small meshes, for tests/fixtures/modifiers_array.json (read by
# source/geometry/tests/mesh_{array,mirror,solidify,weld}_test.cc).
#
# Regenerate with:
#   blender -b --factory-startup --python tools/oracle/gen_modifiers_array.py -- tests/fixtures/modifiers_array.json
#
# Output: pretty JSON (indent=1, sort_keys=True), floats rounded to 6 places.
#
# "meshes": input meshes by name, built with from_pydata from positions already rounded to
#   6 places (so the fixture holds the exact input): verts, edges, face_offsets, corner_verts,
#   corner_edges, uvs ({layer: [[u, v] per corner]}), material_index per face, vertex group
#   names and weights ([[group, weight], ...] per vertex).
# "cases": one record per evaluation: modifier type, the mesh name, the settings given
#   (RNA names; object-valued ones replaced by matrices, see below), and the evaluated mesh
#   in the same form as the inputs.
#   - Array offset object: "offset_matrix" = object.matrix_world^-1 @ offset_object.matrix_world.
#   - Array caps: "start_cap"/"end_cap" name a mesh in "meshes" (the cap object's transform
#     is ignored by Blender).
#   - Mirror object: "mirror_matrix" = object.matrix_world^-1 @ mirror_object.matrix_world
#     and "object_matrix" = object.matrix_world (column-major, matrix[column][row]).
#   - Solidify: "material_count" = the object's material slots.
# "defaults": each modifier's default settings. "flip_names": bpy.utils.flip_name results.

import json
import math
import random
import sys

import bpy
import mathutils


def out_path():
    argv = sys.argv
    if "--" in argv and len(argv) > argv.index("--") + 1:
        return argv[argv.index("--") + 1]
    return "modifiers_array.json"


def fnum(x):
    r = round(float(x), 6)
    return 0.0 if r == 0.0 else r


def vec(v):
    return [fnum(x) for x in v]


def matrix_cols(m):
    return [[fnum(m[row][col]) for row in range(4)] for col in range(4)]


# ---- Input meshes -------------------------------------------------------------------------

MESHES = {}


def add_mesh(name, verts, faces, edges=(), uvs=None, groups=None, materials=None):
    """uvs: {layer: fn(corner_index, vert_index) -> (u, v)}; groups: {name: {vert: weight}}."""
    MESHES[name] = dict(verts=[vec(v) for v in verts], faces=[list(f) for f in faces],
                        loose=[list(e) for e in edges], uvs=uvs or {}, groups=groups or {},
                        materials=materials or [])


def build_object(name):
    spec = MESHES[name]
    me = bpy.data.meshes.new(name)
    me.from_pydata(spec["verts"], spec["loose"], spec["faces"])
    me.update()
    for layer, fn in spec["uvs"].items():
        uv = me.uv_layers.new(name=layer)
        for li, loop in enumerate(me.loops):
            uv.data[li].uv = [fnum(x) for x in fn(li, loop.vertex_index)]
    for i, m in enumerate(spec["materials"]):
        me.polygons[i].material_index = m
    ob = bpy.data.objects.new(name, me)
    bpy.context.scene.collection.objects.link(ob)
    for gname, weights in spec["groups"].items():
        vg = ob.vertex_groups.new(name=gname)
        for v, w in weights.items():
            vg.add([v], w, 'REPLACE')
    return ob


def record_mesh(me, ob):
    rec = {}
    rec["verts"] = [vec(v.co) for v in me.vertices]
    rec["edges"] = [list(e.vertices) for e in me.edges]
    rec["face_offsets"] = [p.loop_start for p in me.polygons] + ([len(me.loops)] if len(me.polygons) else [])
    rec["corner_verts"] = [l.vertex_index for l in me.loops]
    rec["corner_edges"] = [l.edge_index for l in me.loops]
    rec["uvs"] = {layer.name: [vec(d.uv) for d in layer.data] for layer in me.uv_layers}
    rec["material_index"] = [p.material_index for p in me.polygons]
    rec["group_names"] = [g.name for g in ob.vertex_groups]
    if len(ob.vertex_groups):
        rec["weights"] = [[[g.group, fnum(g.weight)] for g in v.groups] for v in me.vertices]
    else:
        rec["weights"] = []
    return rec


def primitive_data(op, **kwargs):
    op(**kwargs)
    ob = bpy.context.active_object
    me = ob.data
    verts = [tuple(v.co) for v in me.vertices]
    faces = [list(p.vertices) for p in me.polygons]
    uvs = [tuple(d.uv) for d in me.uv_layers[0].data] if me.uv_layers else []
    bpy.data.objects.remove(ob)
    return verts, faces, uvs


def make_meshes():
    v, f, uv = primitive_data(bpy.ops.mesh.primitive_cube_add)
    add_mesh("cube", v, f, uvs={"UVMap": lambda li, vi, uv=uv: uv[li]})
    v, f, uv = primitive_data(bpy.ops.mesh.primitive_grid_add, x_subdivisions=4, y_subdivisions=3, size=2)
    v = [(x, y, 0.15 * math.sin(3 * x + 2 * y)) for (x, y, z) in v]
    add_mesh("grid", v, f, uvs={"UVMap": lambda li, vi, uv=uv: uv[li]})
    # An L-shaped n-gon and a quad beside it: open boundary, one n-gon, a loose edge.
    add_mesh("ngon", [(0, 0, 0), (2, 0, 0), (2, 1, 0), (1, 1, 0.2), (1, 3, 0), (0, 3, 0.1), (3, 0, 0.3), (3, 1, 0),
                      (4, 4, 4), (4.5, 4, 4)],
             [(0, 1, 2, 3, 4, 5), (1, 6, 7, 2)], edges=[(8, 9)], materials=[0, 1])
    # Half a figure touching the YZ plane (x = 0 column), with two UV maps, vertex groups
    # with mirrored names, material indices and one vertex just off the plane.
    verts = []
    for j in range(3):
        for i in range(3):
            verts.append((0.5 * i + (0.0004 if (i == 0 and j == 1) else 0.0), 0.6 * j - 0.4, 0.1 * i * j + 0.2 * j))
    faces = [(0, 1, 4, 3), (1, 2, 5, 4), (3, 4, 7, 6), (4, 5, 8, 7)]
    groups = {"Arm.L": {0: 1.0, 1: 0.5, 4: 0.25}, "Arm.R": {1: 0.75, 8: 1.0},
              "LeftHand": {3: 0.6, 4: 0.4}, "RightHand": {5: 0.3},
              "leg_l": {6: 0.9}, "Spine": {0: 0.2, 3: 0.2, 6: 0.2}, "tail.L.001": {2: 0.7}}
    add_mesh("half", verts, faces,
             uvs={"UVMap": lambda li, vi: (0.25 + 0.2 * (vi % 3), 0.1 + 0.3 * (vi // 3)),
                  "Second": lambda li, vi: (li * 0.05, 1.0 - li * 0.03)},
             groups=groups, materials=[0, 1, 2, 1])
    # Half a shape crossing the X plane, for bisect: a strip from x=-0.6 to 1, a triangle.
    verts = [(-0.6, 0, 0), (0.3, 0, 0.1), (1, 0, 0), (-0.6, 1, 0.2), (0.3, 1, 0), (1, 1, 0.1),
             (-0.2, 2, 0), (0.5, 2.2, 0.3), (0.0005, -1, 0), (0.7, -1, 0)]
    faces = [(0, 1, 4, 3), (1, 2, 5, 4), (3, 4, 7, 6), (0, 8, 9, 1)]
    add_mesh("cross", verts, faces,
             uvs={"UVMap": lambda li, vi, verts=verts: (verts[vi][0] * 0.5 + 0.5, verts[vi][1] * 0.3)},
             groups={"a.R": {0: 1.0, 3: 0.5}, "a.L": {2: 1.0, 5: 0.5}}, materials=[0, 1, 0, 2])
    # Array caps: one quad on the cube's -X side.
    add_mesh("cap", [(-1, -1, -1), (-1, 1, -1), (-1, 1, 1), (-1, -1, 1)], [(0, 3, 2, 1)])
    add_mesh("arc", [(1, 0, 0), (2, 0, 0), (0, 2, 0), (0, 1, 0)], [(0, 1, 2, 3)],
             uvs={"UVMap": lambda li, vi: ((0, 0), (1, 0), (1, 1), (0, 1))[li]})
    # Weld inputs: near-duplicate vertices.
    d = 0.0004
    add_mesh("split_quads", [(0, 0, 0), (1, 0, 0), (1, 1, 0), (0, 1, 0),
                             (1 + d, 0, 0), (2, 0, 0), (2, 1, 0), (1, d, d)],
             [(0, 1, 2, 3), (4, 5, 6, 7)],
             uvs={"UVMap": lambda li, vi: (li * 0.1, vi * 0.05)},
             groups={"g": {1: 1.0, 4: 0.5, 7: 0.25}}, materials=[0, 1])
    add_mesh("collapse", [(0, 0, 0), (1, 0, 0), (1 + d, d, 0), (1, 1, 0), (0, 1, 0),
                          (3, 0, 0), (3 + d, 0, 0), (3.0002, 0.0002, 0), (5, 5, 5), (5, 5, 5.0003),
                          (6, 6, 6)],
             [(0, 1, 2, 3, 4), (5, 6, 7), (0, 4, 10)], edges=[(8, 9)],
             uvs={"UVMap": lambda li, vi: (li * 0.1, 0.5)})
    # A chain of points 0.0008 apart (CONNECTED walks it, ALL only pairs close ones), two
    # triangles with nearly touching tips (no edge between them) and a stacked quad pair.
    chain = [(0.0008 * i, 0, 0) for i in range(5)] + [(0, 1, 0), (0.0032, 1, 0)]
    tris = [(2, 0, 0), (3, 0, 0), (2.5, 1, 0), (2.5, 1.0005, 0), (2, 2, 0), (3, 2, 0)]
    stack = [(5, 0, 0), (6, 0, 0), (6, 1, 0), (5, 1, 0), (5, 0, 0.0002), (6, 0, 0.0002), (6, 1, 0.0002),
             (5, 1, 0.0002)]
    verts = chain + tris + stack
    faces = [(0, 1, 2, 3, 4, 6, 5), (7, 8, 9), (10, 12, 11), (13, 14, 15, 16), (17, 18, 19, 20)]
    add_mesh("weld_mix", verts, faces, edges=[(4, 6)],
             uvs={"UVMap": lambda li, vi: (li * 0.02, vi * 0.03)})
    # Faces that come back to a vertex after welding (Blender splits them): a hexagon whose
    # opposite corners meet, a pentagon whose corners 0 and 2 meet, beside a plain quad.
    add_mesh("pinch", [(0, 0, 0), (1, 1, 0), (2, 1, 0), (0.0004, 0, 0), (2, -1, 0), (1, -1, 0),
                       (5, 0, 0), (6, 1, 0), (5.0003, 0, 0), (4, 2, 0), (4, -1, 0),
                       (0, 3, 0), (1, 3, 0), (1, 4, 0), (0, 4, 0)],
             [(0, 1, 2, 3, 4, 5), (6, 7, 8, 9, 10), (11, 12, 13, 14)],
             uvs={"UVMap": lambda li, vi: (li * 0.05, vi * 0.07)}, materials=[1, 2, 0])
    # Bigger inputs: Suzanne (symmetric, vertices on the YZ plane; no UVs to keep the fixture
    # small) and a 6x6 grid of separate jittered quads whose corners nearly meet (the weld's
    # k-d tree decides which vertex each group keeps).
    v, f, uv = primitive_data(bpy.ops.mesh.primitive_monkey_add)
    add_mesh("monkey", v, f)
    rng = random.Random(7)
    verts, faces = [], []
    for j in range(6):
        for i in range(6):
            base = len(verts)
            for (x, y) in ((i, j), (i + 1, j), (i + 1, j + 1), (i, j + 1)):
                verts.append((x * 0.5 + rng.uniform(-0.0003, 0.0003), y * 0.5 + rng.uniform(-0.0003, 0.0003),
                              rng.uniform(-0.0002, 0.0002)))
            faces.append(range(base, base + 4))
    add_mesh("tiles", verts, faces, uvs={"UVMap": lambda li, vi: (0.01 * li, 0.5 + 0.003 * vi)},
             groups={"g": {i: (i % 7) / 7.0 for i in range(0, 144, 3)}},
             materials=[i % 3 for i in range(36)])
    add_mesh("loose_chain", [(0, 0, 0), (0.0005, 0, 0), (0.001, 0, 0), (1, 0, 0), (1, 0.0005, 0), (1, 1, 0),
                             (0, 0.0003, 0.0001)],
             [(0, 3, 4, 5, 6)], edges=[(0, 1), (1, 2)])


# ---- Cases --------------------------------------------------------------------------------

CASES = []


def set_prop(md, key, value):
    if isinstance(value, list):
        getattr(md, key)[:] = value
    else:
        setattr(md, key, value)


def evaluate(kind, mesh_name, params, setup=None, extra=None):
    ob = build_object(mesh_name)
    md = ob.modifiers.new("m", kind)
    for key, value in params.items():
        set_prop(md, key, value)
    record_params = dict(params)
    if setup:
        record_params.update(setup(ob, md))
    if extra:
        record_params.update(extra)
    bpy.context.view_layer.update()
    dg = bpy.context.evaluated_depsgraph_get()
    ob_eval = ob.evaluated_get(dg)
    me = ob_eval.to_mesh()
    out = record_mesh(me, ob_eval)
    ob_eval.to_mesh_clear()
    name = "%s_%s_%d" % (kind.lower(), mesh_name, len(CASES))
    CASES.append({"name": name, "modifier": kind, "mesh": mesh_name, "params": record_params, "result": out})
    for o in list(bpy.data.objects):
        bpy.data.objects.remove(o)


def empty(name, loc, rot, scale=(1, 1, 1)):
    e = bpy.data.objects.new(name, None)
    bpy.context.scene.collection.objects.link(e)
    e.location = loc
    e.rotation_euler = rot
    e.scale = scale
    return e


def cap_setup(start, end):
    def setup(ob, md):
        rec = {}
        if start:
            c = build_object(start)
            c.location = (10, 10, 10)  # ignored by Blender
            md.start_cap = c
            rec["start_cap"] = start
        if end:
            c = build_object(end)
            md.end_cap = c
            rec["end_cap"] = end
        return rec
    return setup


def offset_object_setup(ob_loc, ob_rot, off_loc, off_rot, off_scale=(1, 1, 1)):
    def setup(ob, md):
        ob.location = ob_loc
        ob.rotation_euler = ob_rot
        e = empty("offset", off_loc, off_rot, off_scale)
        md.offset_object = e
        bpy.context.view_layer.update()
        return {"offset_matrix": matrix_cols(ob.matrix_world.inverted() @ e.matrix_world)}
    return setup


def mirror_object_setup(ob_loc, ob_rot, ob_scale, m_loc, m_rot):
    def setup(ob, md):
        ob.location = ob_loc
        ob.rotation_euler = ob_rot
        ob.scale = ob_scale
        e = empty("mirror", m_loc, m_rot)
        md.mirror_object = e
        bpy.context.view_layer.update()
        return {"mirror_matrix": matrix_cols(ob.matrix_world.inverted() @ e.matrix_world),
                "object_matrix": matrix_cols(ob.matrix_world)}
    return setup


def materials_setup(count):
    def setup(ob, md):
        for i in range(count):
            ob.data.materials.append(bpy.data.materials.new("mat%d" % i))
        return {"material_count": count}
    return setup


def array_cases():
    A = "ARRAY"
    evaluate(A, "cube", {"count": 3})
    evaluate(A, "cube", {"count": 3, "relative_offset_displace": [1.5, 0.2, 0]})
    evaluate(A, "cube", {"count": 4, "relative_offset_displace": [0.5, 0, 0.25], "use_constant_offset": True,
                         "constant_offset_displace": [0, 0.3, 0.5]})
    evaluate(A, "cube", {"count": 3, "use_merge_vertices": True})
    evaluate(A, "cube", {"count": 1})
    evaluate(A, "cube", {"fit_type": "FIT_LENGTH", "fit_length": 5.0})
    evaluate(A, "cube", {"fit_type": "FIT_LENGTH", "fit_length": 7.5, "relative_offset_displace": [0, 0, 1],
                         "use_merge_vertices": True})
    evaluate(A, "cube", {"fit_type": "FIT_LENGTH", "fit_length": 3.0, "use_relative_offset": False})
    evaluate(A, "cube", {"count": 3, "use_merge_vertices": True}, setup=cap_setup("cap", "cap"))
    evaluate(A, "cube", {"count": 2}, setup=cap_setup("cap", None))
    evaluate(A, "grid", {"count": 3, "relative_offset_displace": [1, 0, 0], "use_merge_vertices": True,
                         "offset_u": 0.5, "offset_v": -0.25})
    evaluate(A, "grid", {"count": 3, "relative_offset_displace": [0.98, 0, 0], "use_merge_vertices": True,
                         "merge_threshold": 0.1})
    evaluate(A, "grid", {"count": 2, "relative_offset_displace": [0, 1, 0], "use_merge_vertices": True})
    evaluate(A, "ngon", {"count": 3, "relative_offset_displace": [0, 0, 1]})
    evaluate(A, "half", {"count": 3, "offset_u": 0.1, "offset_v": 0.2, "use_constant_offset": True})
    evaluate(A, "arc", {"count": 4, "use_relative_offset": False, "use_object_offset": True,
                        "use_merge_vertices": True, "use_merge_vertices_cap": True},
             setup=offset_object_setup((0, 0, 0), (0, 0, 0), (0, 0, 0), (0, 0, math.pi / 2)))
    evaluate(A, "arc", {"count": 4, "use_relative_offset": False, "use_object_offset": True,
                        "use_merge_vertices": True, "use_merge_vertices_cap": False},
             setup=offset_object_setup((0, 0, 0), (0, 0, 0), (0, 0, 0), (0, 0, math.pi / 2)))
    evaluate(A, "arc", {"count": 5, "use_object_offset": True, "use_merge_vertices": True},
             setup=offset_object_setup((1, 2, 0.5), (0.3, 0, 0.2), (1.5, 2.5, 0.5), (0.3, 0.2, 0.9), (1.2, 1, 0.9)))
    evaluate(A, "arc", {"count": 3, "use_relative_offset": False, "use_object_offset": True},
             setup=offset_object_setup((0, 0, 0), (0, 0, 0), (0, 0, 1), (0, 0, 0.4), (0.8, 0.8, 0.8)))
    evaluate(A, "monkey", {"count": 3, "relative_offset_displace": [0.9, 0, 0], "use_merge_vertices": True,
                           "merge_threshold": 0.05})
    evaluate(A, "tiles", {"count": 3, "relative_offset_displace": [1.0, 0.0, 0.0], "use_merge_vertices": True,
                          "merge_threshold": 0.001, "use_merge_vertices_cap": True})


def mirror_cases():
    M = "MIRROR"
    evaluate(M, "half", {})
    evaluate(M, "half", {"use_mirror_merge": False})
    evaluate(M, "half", {"use_axis": [True, True, False]})
    evaluate(M, "half", {"use_axis": [False, True, True], "use_mirror_merge": False})
    evaluate(M, "half", {"use_axis": [True, True, True], "merge_threshold": 0.05})
    evaluate(M, "half", {"use_mirror_vertex_groups": False})
    evaluate(M, "half", {"use_mirror_u": True, "mirror_offset_u": 0.1, "offset_u": 0.5})
    evaluate(M, "half", {"use_mirror_v": True, "use_mirror_u": True, "mirror_offset_v": -0.2, "offset_v": 1.0})
    evaluate(M, "half", {"use_mirror_udim": True, "use_mirror_u": True})
    evaluate(M, "half", {"merge_threshold": 0.0001})
    evaluate(M, "grid", {"use_axis": [False, True, False]})
    evaluate(M, "cube", {})
    evaluate(M, "ngon", {"use_axis": [False, False, True]})
    evaluate(M, "cross", {"use_bisect_axis": [True, False, False]})
    evaluate(M, "cross", {"use_bisect_axis": [True, False, False], "use_bisect_flip_axis": [True, False, False]})
    evaluate(M, "cross", {"use_bisect_axis": [True, False, False], "use_mirror_merge": False})
    evaluate(M, "cross", {"use_bisect_axis": [True, False, False], "bisect_threshold": 0.01})
    evaluate(M, "half", {"use_axis": [True, False, False]},
             setup=mirror_object_setup((0.2, 0.1, 0), (0, 0, 0.3), (1, 1, 1), (0.5, 0, 0), (0, 0, 0.5)))
    evaluate(M, "half", {"use_axis": [True, True, False], "use_mirror_merge": False},
             setup=mirror_object_setup((0, 0, 0), (0.2, 0.1, 0), (1, 2, 1), (0.3, 0.2, 0.1), (0.1, 0.4, 0.2)))
    evaluate(M, "monkey", {})
    evaluate(M, "monkey", {"use_axis": [True, False, True], "use_bisect_axis": [True, False, False]})


def solidify_cases():
    S = "SOLIDIFY"
    evaluate(S, "cube", {})
    evaluate(S, "cube", {"thickness": 0.3, "offset": 0.0})
    evaluate(S, "grid", {"thickness": 0.2})
    evaluate(S, "grid", {"thickness": 0.2, "offset": 1.0})
    evaluate(S, "grid", {"thickness": 0.2, "offset": 0.3, "use_even_offset": True})
    evaluate(S, "grid", {"thickness": 0.2, "use_quality_normals": True})
    evaluate(S, "grid", {"thickness": 0.2, "use_even_offset": True, "use_quality_normals": True})
    evaluate(S, "grid", {"thickness": 0.2, "use_rim": False})
    evaluate(S, "grid", {"thickness": 0.2, "use_rim_only": True})
    evaluate(S, "grid", {"thickness": -0.2, "use_rim_only": True, "offset": 0.5})
    evaluate(S, "grid", {"thickness": 0.2, "use_flip_normals": True})
    evaluate(S, "ngon", {"thickness": 0.25, "use_even_offset": True})
    evaluate(S, "ngon", {"thickness": 0.25, "material_offset": 1, "material_offset_rim": 2},
             setup=materials_setup(3))
    evaluate(S, "half", {"thickness": 0.1, "material_offset": 5, "material_offset_rim": 1, "use_flip_normals": True},
             setup=materials_setup(4))
    evaluate(S, "half", {"thickness": 0.1, "material_offset": 1}, setup=materials_setup(1))
    evaluate(S, "cross", {"thickness": 0.15, "offset": -0.4, "use_even_offset": True, "use_quality_normals": True,
                          "use_rim_only": True})
    evaluate(S, "monkey", {"thickness": 0.05})
    evaluate(S, "monkey", {"thickness": 0.05, "use_even_offset": True, "use_quality_normals": True})


def weld_cases():
    W = "WELD"
    for mesh in ("split_quads", "collapse", "weld_mix", "loose_chain", "cube"):
        evaluate(W, mesh, {})
        evaluate(W, mesh, {"mode": "CONNECTED"})
    evaluate(W, "weld_mix", {"merge_threshold": 0.0025})
    evaluate(W, "weld_mix", {"merge_threshold": 0.0025, "mode": "CONNECTED"})
    evaluate(W, "loose_chain", {"mode": "CONNECTED", "loose_edges": True})
    evaluate(W, "loose_chain", {"merge_threshold": 0.0006, "mode": "CONNECTED", "loose_edges": True})
    evaluate(W, "grid", {"merge_threshold": 0.7})
    evaluate(W, "grid", {"merge_threshold": 0.7, "mode": "CONNECTED"})
    evaluate(W, "half", {"merge_threshold": 0.55})
    evaluate(W, "pinch", {})
    evaluate(W, "pinch", {"mode": "CONNECTED"})
    evaluate(W, "tiles", {})
    evaluate(W, "tiles", {"merge_threshold": 0.0006})
    evaluate(W, "monkey", {"merge_threshold": 0.05})
    evaluate(W, "monkey", {"merge_threshold": 0.05, "mode": "CONNECTED"})


def defaults():
    ob = build_object("cube")
    out = {}
    for kind, keys in (("ARRAY", ["fit_type", "count", "fit_length", "use_relative_offset", "relative_offset_displace",
                                  "use_constant_offset", "constant_offset_displace", "use_object_offset",
                                  "use_merge_vertices", "use_merge_vertices_cap", "merge_threshold", "offset_u",
                                  "offset_v"]),
                       ("MIRROR", ["use_axis", "use_bisect_axis", "use_bisect_flip_axis", "use_mirror_merge",
                                   "merge_threshold", "bisect_threshold", "use_mirror_vertex_groups", "use_mirror_u",
                                   "use_mirror_v", "use_mirror_udim", "mirror_offset_u", "mirror_offset_v",
                                   "offset_u", "offset_v"]),
                       ("SOLIDIFY", ["solidify_mode", "thickness", "offset", "use_even_offset", "use_quality_normals",
                                     "use_rim", "use_rim_only", "use_flip_normals", "material_offset",
                                     "material_offset_rim"]),
                       ("WELD", ["merge_threshold", "mode", "loose_edges"])):
        md = ob.modifiers.new("d", kind)
        rec = {}
        for k in keys:
            v = getattr(md, k)
            if isinstance(v, float):
                v = fnum(v)
            elif not isinstance(v, (bool, int, str)):
                v = [fnum(x) if isinstance(x, float) else x for x in v]
            rec[k] = v
        out[kind] = rec
        ob.modifiers.remove(md)
    bpy.data.objects.remove(ob)
    return out


FLIP_NAMES = ["Arm.L", "Arm.R", "arm.l", "arm_r", "arm-L", "arm R", "L.arm", "r_leg", "R-leg", "Left", "Right",
              "LeftHand", "RightHand", "handLeft", "handRight", "LEFT_hand", "RIGHT_hand", "left", "hand_left",
              "Hand.L.001", "Hand.R.012", "tail.L.001", ".L", "L", "ab", "upperLeftArm", "left_right",
              "Right.L", "Spine", "leftie", "Bright", "LeFt.x", "x.L.", "a.L.x", "hand.l.2", "hand.1"]


def main():
    bpy.ops.wm.read_factory_settings(use_empty=True)
    make_meshes()
    array_cases()
    mirror_cases()
    solidify_cases()
    weld_cases()
    meshes = {}
    for name in MESHES:
        ob = build_object(name)
        meshes[name] = record_mesh(ob.data, ob)
        bpy.data.objects.remove(ob)
    data = {"blender_version": bpy.app.version_string, "meshes": meshes, "cases": CASES,
            "defaults": defaults(),
            "flip_names": {n: bpy.utils.flip_name(n) for n in FLIP_NAMES},
            "flip_names_strip": {n: bpy.utils.flip_name(n, strip_digits=True) for n in FLIP_NAMES}}
    with open(out_path(), "w") as f:
        json.dump(data, f, indent=1, sort_keys=True)
        f.write("\n")


main()
