# Oracle generator: the meshes Blender 3.4's bpy.ops.mesh.primitive_*_add operators build,
# for the defaults of every primitive and a set of non-default parameters (small and
# odd/even vertex counts, every fill type, non-unit sizes, UVs off).
#
# Regenerate with:
#   blender -b --factory-startup --python tools/oracle/gen_mesh_primitives.py -- tests/fixtures/mesh_primitives.json
#
# Output: JSON (sort_keys=True), one element per line (each innermost list of numbers on a
# line of its own, to keep the file small and its diffs readable). Floats rounded to 6 places.
# {"cases": [{"primitive": "circle", "params": {...operator keywords...},
#             "positions": [[x, y, z], ...], "edges": [[v1, v2], ...],
#             "faces": [[v, ...], ...]   (face order, each face's corners from loop_start),
#             "uvs": [[u, v], ...] | null (one per corner, in corner order; null without UVs)}]}
#
# Blender 3.4 is not deterministic everywhere: the UV sphere's faces inside each column
# block, and its edges, come out in a pointer-hash order that changes from run to run (its
# vertex order, and everything about the other primitives, is stable). Regenerating may
# therefore reorder those, which the tests allow for.

import json
import re
import sys

import bpy


def out_path():
    argv = sys.argv
    if "--" in argv and len(argv) > argv.index("--") + 1:
        return argv[argv.index("--") + 1]
    return "mesh_primitives.json"


def fnum(x):
    r = round(float(x), 6)
    return 0.0 if r == 0.0 else r


CASES = [
    ("plane", {}),
    ("plane", {"size": 3.5}),
    ("plane", {"size": 1.0, "calc_uvs": False}),
    ("cube", {}),
    ("cube", {"size": 0.5}),
    ("cube", {"calc_uvs": False}),
    ("grid", {}),
    ("grid", {"x_subdivisions": 1, "y_subdivisions": 1}),
    ("grid", {"x_subdivisions": 2, "y_subdivisions": 2}),
    ("grid", {"x_subdivisions": 3, "y_subdivisions": 5, "size": 4.0}),
    ("grid", {"x_subdivisions": 5, "y_subdivisions": 2, "size": 1.5}),
    ("grid", {"x_subdivisions": 4, "y_subdivisions": 3, "calc_uvs": False}),
    ("circle", {}),
    ("circle", {"fill_type": "NGON"}),
    ("circle", {"fill_type": "TRIFAN"}),
    ("circle", {"vertices": 3, "fill_type": "NOTHING"}),
    ("circle", {"vertices": 3, "fill_type": "NGON"}),
    ("circle", {"vertices": 3, "fill_type": "TRIFAN"}),
    ("circle", {"vertices": 4, "radius": 2.5, "fill_type": "NGON"}),
    ("circle", {"vertices": 5, "fill_type": "TRIFAN"}),
    ("circle", {"vertices": 7, "radius": 0.5, "fill_type": "NGON"}),
    ("circle", {"vertices": 6, "fill_type": "TRIFAN", "calc_uvs": False}),
    ("uv_sphere", {}),
    ("uv_sphere", {"segments": 3, "ring_count": 3}),
    ("uv_sphere", {"segments": 4, "ring_count": 5, "radius": 0.5}),
    ("uv_sphere", {"segments": 7, "ring_count": 4, "radius": 2.0}),
    ("uv_sphere", {"segments": 6, "ring_count": 6, "calc_uvs": False}),
    # The vertex order depends on float noise through a k-d tree (see
    # source/geometry/src/mesh_primitives_sphere.cc): many counts, odd and even, small radii.
    ("uv_sphere", {"segments": 3, "ring_count": 4, "radius": 0.5}),
    ("uv_sphere", {"segments": 4, "ring_count": 3, "radius": 1.7}),
    ("uv_sphere", {"segments": 4, "ring_count": 4, "radius": 0.5}),
    ("uv_sphere", {"segments": 5, "ring_count": 7, "radius": 0.5}),
    ("uv_sphere", {"segments": 8, "ring_count": 5, "radius": 0.5}),
    ("uv_sphere", {"segments": 9, "ring_count": 6, "radius": 0.3}),
    ("uv_sphere", {"segments": 12, "ring_count": 9, "radius": 0.5}),
    ("uv_sphere", {"segments": 16, "ring_count": 8, "radius": 0.25}),
    ("uv_sphere", {"segments": 17, "ring_count": 9, "radius": 0.5}),
    ("uv_sphere", {"segments": 24, "ring_count": 12, "radius": 0.5}),
    ("uv_sphere", {"segments": 31, "ring_count": 15, "radius": 0.25, "calc_uvs": False}),
    ("uv_sphere", {"segments": 33, "ring_count": 17, "radius": 0.25, "calc_uvs": False}),
    ("uv_sphere", {"segments": 63, "ring_count": 31, "radius": 0.25, "calc_uvs": False}),
    ("uv_sphere", {"segments": 64, "ring_count": 32, "radius": 0.25, "calc_uvs": False}),
    ("ico_sphere", {}),
    ("ico_sphere", {"subdivisions": 1}),
    ("ico_sphere", {"subdivisions": 3}),
    ("ico_sphere", {"subdivisions": 1, "radius": 2.0}),
    ("ico_sphere", {"subdivisions": 2, "radius": 0.5, "calc_uvs": False}),
    ("ico_sphere", {"subdivisions": 4, "radius": 0.5}),
    ("ico_sphere", {"subdivisions": 5, "radius": 0.5}),
    ("cylinder", {}),
    ("cylinder", {"vertices": 3, "end_fill_type": "NOTHING"}),
    ("cylinder", {"vertices": 3, "end_fill_type": "NGON"}),
    ("cylinder", {"vertices": 3, "end_fill_type": "TRIFAN"}),
    ("cylinder", {"vertices": 4, "radius": 0.5, "depth": 3.0, "end_fill_type": "NGON"}),
    ("cylinder", {"vertices": 5, "end_fill_type": "TRIFAN"}),
    ("cylinder", {"vertices": 7, "radius": 2.0, "depth": 0.5, "end_fill_type": "NOTHING"}),
    ("cylinder", {"vertices": 6, "end_fill_type": "TRIFAN", "calc_uvs": False}),
    ("cone", {}),
    ("cone", {"vertices": 3, "end_fill_type": "NOTHING"}),
    ("cone", {"vertices": 3, "end_fill_type": "TRIFAN"}),
    ("cone", {"vertices": 4, "radius1": 1.0, "radius2": 0.5, "end_fill_type": "NGON"}),
    ("cone", {"vertices": 5, "radius1": 0.0, "radius2": 1.5, "depth": 1.0,
              "end_fill_type": "NGON"}),
    ("cone", {"vertices": 5, "radius1": 0.0, "radius2": 1.5, "end_fill_type": "TRIFAN"}),
    ("cone", {"vertices": 7, "radius1": 2.0, "radius2": 1.0, "depth": 3.0,
              "end_fill_type": "TRIFAN"}),
    ("cone", {"vertices": 6, "radius2": 0.25, "end_fill_type": "NOTHING"}),
    ("cone", {"vertices": 6, "calc_uvs": False}),
    ("torus", {}),
    ("torus", {"major_segments": 6, "minor_segments": 3}),
    ("torus", {"major_segments": 5, "minor_segments": 4, "major_radius": 2.0,
               "minor_radius": 0.5}),
    ("torus", {"major_segments": 8, "minor_segments": 6, "mode": "EXT_INT",
               "abso_major_rad": 1.5, "abso_minor_rad": 0.5}),
    ("torus", {"major_segments": 4, "minor_segments": 3, "generate_uvs": False}),
    ("monkey", {}),
    ("monkey", {"size": 1.0}),
    ("monkey", {"size": 3.0, "calc_uvs": False}),
]


def record(primitive, params):
    for obj in list(bpy.data.objects):
        bpy.data.objects.remove(obj)
    for mesh in list(bpy.data.meshes):
        bpy.data.meshes.remove(mesh)
    getattr(bpy.ops.mesh, "primitive_%s_add" % primitive)(**params)
    mesh = bpy.context.object.data
    uv_layer = mesh.uv_layers.active
    return {
        "primitive": primitive,
        "params": params,
        "positions": [[fnum(c) for c in v.co] for v in mesh.vertices],
        "edges": [list(e.vertices) for e in mesh.edges],
        "faces": [list(p.vertices) for p in mesh.polygons],
        "uvs": None if uv_layer is None else
        [[fnum(c) for c in d.uv] for d in uv_layer.data],
    }


def main():
    bpy.ops.wm.read_factory_settings(use_empty=True)
    cases = [record(primitive, params) for primitive, params in CASES]
    text = json.dumps({"cases": cases}, indent=1, sort_keys=True)
    # Innermost lists of numbers (a position, an edge, a face, a UV) on one line each.
    text = re.sub(r"\[[-0-9.e,\s]*\]",
                  lambda m: "[" + ", ".join(m.group(0)[1:-1].split()).replace(",,", ",") + "]",
                  text)
    with open(out_path(), "w") as f:
        f.write(text)
        f.write("\n")


main()
