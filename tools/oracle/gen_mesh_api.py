# Oracle generator: the mesh Python API as Blender 3.4 answers it, for
# source/python/tests/test_mesh.py: element properties of the startup cube and of built
# meshes (normals, areas, centers, loop triangles, split normals, loose edges), attribute
# naming and value defaults, and the exception types of bad calls.
#
# Regenerate with:
#   blender -b --factory-startup --python tools/oracle/gen_mesh_api.py -- tests/fixtures/mesh_api.json
#
# Output: pretty JSON (indent=1, sort_keys=True). Floats rounded to 6 places.

import json
import sys

import bpy


def out_path():
    argv = sys.argv
    if "--" in argv and len(argv) > argv.index("--") + 1:
        return argv[argv.index("--") + 1]
    return "mesh_api.json"


def fnum(x):
    r = round(float(x), 6)
    return 0.0 if r == 0.0 else r


def vec(v):
    return [fnum(c) for c in v]


def describe(me):
    me.calc_loop_triangles()
    me.calc_normals_split()
    return {
        "vertices": [vec(v.co) for v in me.vertices],
        "vertex_normals": [vec(v.normal) for v in me.vertices],
        "edges": sorted(sorted(e.vertices) for e in me.edges),
        "loose_edges": sorted(sorted(e.vertices) for e in me.edges if e.is_loose),
        "polygons": [list(p.vertices) for p in me.polygons],
        "polygon_normals": [vec(p.normal) for p in me.polygons],
        "polygon_areas": [fnum(p.area) for p in me.polygons],
        "polygon_centers": [vec(p.center) for p in me.polygons],
        "polygon_loop_start": [p.loop_start for p in me.polygons],
        "polygon_loop_total": [p.loop_total for p in me.polygons],
        "loop_vertices": [l.vertex_index for l in me.loops],
        "loop_normals": [vec(l.normal) for l in me.loops],
        "triangles": [list(t.loops) for t in me.loop_triangles],
        "triangle_polygons": [t.polygon_index for t in me.loop_triangles],
        "triangle_vertices": [list(t.vertices) for t in me.loop_triangles],
        "triangle_areas": [fnum(t.area) for t in me.loop_triangles],
        "triangle_normals": [vec(t.normal) for t in me.loop_triangles],
    }


def error_of(fn):
    try:
        fn()
    except Exception as e:  # noqa: BLE001 (the type is what we record)
        return type(e).__name__
    return None


def main():
    out = {}
    out["cube"] = describe(bpy.data.meshes["Cube"])
    out["cube_uvs"] = [vec(l.uv) for l in bpy.data.meshes["Cube"].uv_layers[0].data]

    me = bpy.data.meshes.new("built")
    verts = [(0, 0, 0), (1, 0, 0), (1, 1, 0.3), (0, 1, 0), (2, 0, 0), (2, 1, -0.2), (3, 3, 3)]
    faces = [(0, 1, 2, 3), (1, 4, 5, 2)]
    me.from_pydata(verts, [(5, 6)], faces)
    me.update()
    out["built"] = describe(me)
    me.polygons[1].use_smooth = True
    me.polygons[0].use_smooth = True
    me.use_auto_smooth = True
    me.edges[[sorted(e.vertices) for e in me.edges].index([1, 2])].use_edge_sharp = True
    out["built_sharp"] = describe(me)

    ngon = bpy.data.meshes.new("ngon")
    ngon.from_pydata([(0, 0, 0), (2, 0, 0), (2, 2, 0), (1, 1, 0), (0, 2, 0)], [], [(0, 1, 2, 3, 4)])
    out["ngon"] = describe(ngon)

    m = bpy.data.meshes.new("attrs")
    m.from_pydata(verts, [], faces)
    a = m.attributes.new("foo", "FLOAT", "POINT")
    b = m.attributes.new("foo", "FLOAT", "POINT")
    col = m.attributes.new("col", "FLOAT_COLOR", "CORNER")
    bcol = m.attributes.new("bcol", "BYTE_COLOR", "POINT")
    bcol.data[0].color = (0.5, 0.25, 1.0, 0.5)
    fcol = m.attributes.new("fcol", "FLOAT_COLOR", "POINT")
    fcol.data[0].color = (0.5, 0.25, 1.0, 0.5)
    out["attributes"] = {
        "names": [a.name, b.name],
        "float_color_default": vec(m.attributes["col"].data[0].color),
        "byte_color_default": vec(m.attributes.new("b2", "BYTE_COLOR", "POINT").data[0].color),
        "byte_color_roundtrip": vec(m.attributes["bcol"].data[0].color),
        "byte_color_srgb": vec(m.attributes["bcol"].data[0].color_srgb),
        "float_color_srgb": vec(m.attributes["fcol"].data[0].color_srgb),
        "types": {t: type(m.attributes.new("t_" + t, t, "POINT")).__name__
                  for t in ("FLOAT", "INT", "FLOAT_VECTOR", "FLOAT_COLOR", "BYTE_COLOR",
                            "STRING", "BOOLEAN", "FLOAT2", "INT8")},
        "value_types": {t: type(m.attributes["t_" + t].data[0]).__name__
                        for t in ("FLOAT", "INT", "FLOAT_VECTOR", "FLOAT_COLOR", "BYTE_COLOR",
                                  "BOOLEAN", "FLOAT2", "INT8")},
    }
    out["errors"] = {
        "new_bad_type": error_of(lambda: m.attributes.new("x", "NOPE", "POINT")),
        "new_bad_domain": error_of(lambda: m.attributes.new("x", "FLOAT", "NOPE")),
        "foreach_set_short": error_of(lambda: m.vertices.foreach_set("co", [1.0, 2.0])),
        "foreach_get_short": error_of(lambda: m.vertices.foreach_get("co", [0.0] * 5)),
        "foreach_set_bad_name": error_of(lambda: m.vertices.foreach_set("nope", [0.0] * 21)),
        "foreach_set_not_sequence": error_of(lambda: m.vertices.foreach_set("co", 5)),
        "vertex_index_error": error_of(lambda: m.vertices[100]),
    }
    with open(out_path(), "w") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")


main()
