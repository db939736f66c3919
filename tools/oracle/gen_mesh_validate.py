# Oracle generator: what Blender 3.4's Mesh.validate() repairs and how, one case per kind of
# damage plus combined ones.
#
# Regenerate with:
#   blender -b --factory-startup --python tools/oracle/gen_mesh_validate.py -- tests/fixtures/mesh_validate.json
#
# Each case gives its input in Whisk's terms (face offsets rather than loop_start/loop_total)
# so that the C++ test can build the same damaged mesh directly; here face i becomes a
# polygon with loop_start = offsets[i], loop_total = offsets[i + 1] - offsets[i].
# Non-finite floats are written as the strings "nan", "inf", "-inf" (JSON has none).
#
# Output: pretty JSON (indent=1, sort_keys=True). Floats rounded to 6 places. "result" holds
# the repaired mesh: positions, edges, faces (vertex lists), loop_start, corner_verts,
# corner_edges, material_index, deform ([[group, weight], ...] per vertex), "changed"
# (validate's return value) and "changed_again" (a second validate's: True shows Blender left
# damage behind, as in "duplicate of an overlapping face", where it fixes a corner edge for a
# face it then removes, breaking the kept face that shares the corner). "edges_as_set" marks
# cases where the surviving edges are not in their input order: Blender rebuilt all edges
# through its edge hash (it does so whenever a face needs a missing edge), an order Whisk
# does not reproduce, so compare edges as a set and corner edges by the vertex pair they name.

import json
import math
import sys

import bmesh
import bpy


def out_path():
    argv = sys.argv
    if "--" in argv and len(argv) > argv.index("--") + 1:
        return argv[argv.index("--") + 1]
    return "mesh_validate.json"


def fnum(x):
    x = float(x)
    if not math.isfinite(x):
        return str(x)
    r = round(x, 6)
    return 0.0 if r == 0.0 else r


def parse_float(x):
    return float(x) if isinstance(x, str) else x


QUAD = [[0, 0, 0], [1, 0, 0], [1, 1, 0], [0, 1, 0]]
QUAD_EDGES = [[0, 1], [1, 2], [2, 3], [3, 0]]
# Two quads sharing edge 1-4: vertices 0..5, a 3x2 grid.
GRID = [[0, 0, 0], [1, 0, 0], [2, 0, 0], [0, 1, 0], [1, 1, 0], [2, 1, 0]]
GRID_EDGES = [[0, 1], [1, 4], [4, 3], [3, 0], [1, 2], [2, 5], [5, 4]]
GRID_CORNERS = [0, 1, 4, 3, 1, 2, 5, 4]
GRID_CORNER_EDGES = [0, 1, 2, 3, 4, 5, 6, 1]
TRIS = [[0, 0, 0], [1, 0, 0], [0, 1, 0], [1, 1, 0]]

CASES = [
    {"title": "valid quad", "verts": QUAD, "edges": QUAD_EDGES, "offsets": [0, 4],
     "corner_verts": [0, 1, 2, 3], "corner_edges": [0, 1, 2, 3]},
    {"title": "non-finite positions",
     "verts": [[0, 0, 0], ["nan", 1, 2], [1, "inf", 0], [3, 4, "-inf"], [5, 6, 7]]},
    {"title": "edge vertex out of range", "verts": QUAD,
     "edges": [[0, 1], [1, 7], [2, 3], [9, 0], [3, 0]]},
    {"title": "edge with equal vertices", "verts": QUAD, "edges": [[0, 1], [2, 2], [1, 2]]},
    {"title": "duplicate edges", "verts": QUAD,
     "edges": [[0, 1], [1, 2], [1, 0], [2, 3], [2, 1], [0, 1]]},
    {"title": "face with two corners", "verts": QUAD, "edges": QUAD_EDGES,
     "offsets": [0, 2, 5], "corner_verts": [0, 1, 1, 2, 3], "corner_edges": [0, 0, 1, 2, 1]},
    {"title": "face with no corners", "verts": QUAD, "edges": QUAD_EDGES,
     "offsets": [0, 0, 4], "corner_verts": [0, 1, 2, 3], "corner_edges": [0, 1, 2, 3]},
    {"title": "face past the corners", "verts": QUAD, "edges": QUAD_EDGES + [[0, 2]],
     "offsets": [0, 3, 7], "corner_verts": [0, 1, 2, 0, 2],
     "corner_edges": [0, 1, 4, 4, 2]},
    {"title": "offsets decreasing (overlap)", "verts": GRID, "edges": GRID_EDGES,
     "offsets": [0, 4, 2, 6], "corner_verts": [0, 1, 4, 3, 1, 2],
     "corner_edges": [0, 1, 2, 3, 4, 5]},
    {"title": "face before an invalid one, out of order", "verts": GRID, "edges": GRID_EDGES,
     "offsets": [4, 8, 0, 4], "corner_verts": GRID_CORNERS,
     "corner_edges": GRID_CORNER_EDGES},
    {"title": "corner vertex out of range", "verts": GRID, "edges": GRID_EDGES,
     "offsets": [0, 4, 8], "corner_verts": [0, 1, 4, 3, 1, 2, 11, 4],
     "corner_edges": GRID_CORNER_EDGES},
    {"title": "face uses a vertex twice", "verts": GRID, "edges": GRID_EDGES,
     "offsets": [0, 4, 8], "corner_verts": [0, 1, 4, 1, 1, 2, 5, 4],
     "corner_edges": GRID_CORNER_EDGES},
    {"title": "corner edge out of range", "verts": GRID, "edges": GRID_EDGES,
     "offsets": [0, 4, 8], "corner_verts": GRID_CORNERS,
     "corner_edges": [0, 1, 20, 3, 4, 5, 6, 99]},
    {"title": "corner edge mismatched", "verts": GRID, "edges": GRID_EDGES,
     "offsets": [0, 4, 8], "corner_verts": GRID_CORNERS,
     "corner_edges": [3, 2, 1, 0, 6, 5, 4, 1]},
    {"title": "corner edge missing from edges", "verts": GRID, "edges": GRID_EDGES[:5],
     "offsets": [0, 4, 8], "corner_verts": GRID_CORNERS,
     "corner_edges": [0, 1, 2, 3, 4, 0, 0, 1]},
    {"title": "corner edge names a removed duplicate edge", "verts": QUAD,
     "edges": QUAD_EDGES + [[1, 0], [2, 2]], "offsets": [0, 4],
     "corner_verts": [0, 1, 2, 3], "corner_edges": [4, 1, 5, 3]},
    {"title": "duplicate faces", "verts": TRIS,
     "edges": [[0, 1], [1, 2], [2, 0], [1, 3], [3, 2]],
     "offsets": [0, 3, 6, 9, 12, 15], "corner_verts": [0, 1, 2, 1, 2, 0, 1, 3, 2, 0, 2, 1,
                                                       2, 3, 1],
     "corner_edges": [0, 1, 2, 1, 2, 0, 3, 4, 1, 2, 1, 0, 4, 3, 1]},
    {"title": "duplicate of an overlapping face", "verts": GRID,
     "edges": [[0, 1], [1, 2], [2, 3], [3, 0], [3, 4], [4, 2]],
     "offsets": [0, 4, 2, 5, 5, 8], "corner_verts": [0, 1, 2, 3, 4, 2, 3, 4],
     "corner_edges": [0, 1, 2, 3, 4, 5, 4, 5]},
    {"title": "unused corners", "verts": QUAD, "edges": QUAD_EDGES,
     "offsets": [2, 6], "corner_verts": [3, 3, 0, 1, 2, 3, 1, 1],
     "corner_edges": [0, 0, 0, 1, 2, 3, 0, 0]},
    {"title": "material index out of range", "verts": TRIS,
     "edges": [[0, 1], [1, 2], [2, 0], [1, 3], [3, 2]],
     "offsets": [0, 3, 6], "corner_verts": [0, 1, 2, 1, 3, 2],
     "corner_edges": [0, 1, 2, 3, 4, 1], "materials": 2, "material_index": [5, 1]},
    {"title": "material index negative", "verts": TRIS,
     "edges": [[0, 1], [1, 2], [2, 0], [1, 3], [3, 2]],
     "offsets": [0, 3, 6], "corner_verts": [0, 1, 2, 1, 3, 2],
     "corner_edges": [0, 1, 2, 3, 4, 1], "materials": 1, "material_index": [-3, 0]},
    {"title": "material index without materials", "verts": TRIS,
     "edges": [[0, 1], [1, 2], [2, 0], [1, 3], [3, 2]],
     "offsets": [0, 3, 6], "corner_verts": [0, 1, 2, 1, 3, 2],
     "corner_edges": [0, 1, 2, 3, 4, 1], "material_index": [2, 0]},
    {"title": "deform weights", "verts": QUAD, "groups": 2,
     "deform": [[[0, "nan"]], [[1, 0.5], [5, 0.25]], [[0, 1.0], [1, "nan"], [1, 0.0]], []]},
    {"title": "combined", "verts": GRID + [["nan", 0, 0]],
     "edges": GRID_EDGES + [[0, 9], [4, 4], [4, 1], [2, 1]],
     "offsets": [0, 4, 8, 10, 13, 16, 19], "materials": 1,
     "corner_verts": [0, 1, 4, 3, 1, 2, 5, 4, 0, 1, 1, 4, 2, 0, 1, 9, 5, 1, 2, 9],
     "corner_edges": [0, 8, 2, 3, 10, 5, 6, 1, 0, 0, 9, 6, 4, 0, 0, 0, 0, 0, 0, 0],
     "material_index": [0, 3, 0, -1, 0, 2]},
]


def build(case):
    me = bpy.data.meshes.new(case["title"])
    verts = case.get("verts", [])
    me.vertices.add(len(verts))
    me.vertices.foreach_set("co", [parse_float(c) for v in verts for c in v])
    ob = bpy.data.objects.new(case["title"], me)
    bpy.context.scene.collection.objects.link(ob)
    for i in range(case.get("materials", 0)):
        me.materials.append(bpy.data.materials.new("mat%d" % i))
    if "deform" in case:
        for i in range(case["groups"]):
            ob.vertex_groups.new(name="g%d" % i)
        # BMesh is the only way to set a group index beyond the groups (and NaN weights).
        bm = bmesh.new()
        bm.from_mesh(me)
        layer = bm.verts.layers.deform.verify()
        bm.verts.ensure_lookup_table()
        for v, weights in enumerate(case["deform"]):
            for group, weight in weights:
                bm.verts[v][layer][group] = parse_float(weight)
        bm.to_mesh(me)
        bm.free()
    edges = case.get("edges", [])
    me.edges.add(len(edges))
    me.edges.foreach_set("vertices", [i for e in edges for i in e])
    corner_verts = case.get("corner_verts", [])
    me.loops.add(len(corner_verts))
    me.loops.foreach_set("vertex_index", corner_verts)
    me.loops.foreach_set("edge_index", case.get("corner_edges", []))
    offsets = case.get("offsets", [])
    faces = max(0, len(offsets) - 1)
    me.polygons.add(faces)
    me.polygons.foreach_set("loop_start", offsets[:faces])
    me.polygons.foreach_set("loop_total", [offsets[i + 1] - offsets[i] for i in range(faces)])
    if "material_index" in case:
        me.polygons.foreach_set("material_index", case["material_index"])
    return me


def record(me, changed):
    return {
        "changed": bool(changed),
        "positions": [[fnum(c) for c in v.co] for v in me.vertices],
        "edges": [list(e.vertices) for e in me.edges],
        "faces": [list(p.vertices) for p in me.polygons],
        "loop_start": [p.loop_start for p in me.polygons],
        "corner_verts": [l.vertex_index for l in me.loops],
        "corner_edges": [l.edge_index for l in me.loops],
        "material_index": [p.material_index for p in me.polygons],
        "deform": [[[g.group, fnum(g.weight)] for g in v.groups] for v in me.vertices],
    }


def is_subsequence(part, whole):
    """Whether Blender kept the surviving edges in their order (else it rebuilt them)."""
    it = iter(whole)
    return all(any(e == w for w in it) for e in part)


def main():
    cases = []
    for case in CASES:
        me = build(case)
        changed = me.validate(verbose=True)
        rec = dict(case)
        rec["result"] = record(me, changed)
        rec["edges_as_set"] = not is_subsequence(rec["result"]["edges"], case.get("edges", []))
        # A second validate must find nothing left to fix.
        rec["result"]["changed_again"] = bool(me.validate(verbose=False))
        cases.append(rec)
    data = {"blender_version": bpy.app.version_string, "cases": cases}
    path = out_path()
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=1, sort_keys=True, ensure_ascii=False)
        f.write("\n")
    print("wrote", path)


main()
