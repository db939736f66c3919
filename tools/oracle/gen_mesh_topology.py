# Oracle generator: mesh normals, loop triangles and attribute domain interpolation as
# Blender 3.4 computes them, for tests/fixtures/mesh_topology.json (read by
# source/kernel/tests/mesh_topology_test.cc).
#
# Regenerate with:
#   blender -b --factory-startup --python tools/oracle/gen_mesh_topology.py -- tests/fixtures/mesh_topology.json
#
# Output: pretty JSON (indent=1, sort_keys=True), floats rounded to 6 places.
#
# "meshes": one record per mesh built with from_pydata (+ update): its input (verts, faces,
#   loose edges, flat faces, sharp edges, auto smooth angle in radians) and what Blender
#   computed: edges, loop_verts, loop_edges, polygon/vertex/loop normals and loop triangles
#   ([loop, loop, loop] and polygon index). Every mesh uses auto smooth (angle pi where no
#   angle split is wanted) so that loop normals follow the split-fan rules.
# "interpolation": one record per (data type, source domain, target domain) made with
#   bpy.ops.geometry.attribute_convert on the "interp" mesh: source and converted values.
#   BYTE_COLOR values are the stored sRGB bytes.

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
    return "mesh_topology.json"


def fnum(x):
    r = round(float(x), 6)
    return 0.0 if r == 0.0 else r


def vec(v):
    return [fnum(x) for x in v]


# ---- Meshes ------------------------------------------------------------------------------

def cube():
    verts = [(1, 1, 1), (1, 1, -1), (1, -1, 1), (1, -1, -1),
             (-1, 1, 1), (-1, 1, -1), (-1, -1, 1), (-1, -1, -1)]
    faces = [(0, 4, 6, 2), (3, 2, 6, 7), (7, 6, 4, 5), (5, 1, 3, 7), (1, 0, 2, 3), (5, 4, 0, 1)]
    return verts, faces


def grid(nx, ny, rng, bump):
    verts = [(x * 0.5, y * 0.5, rng.uniform(-bump, bump)) for y in range(ny) for x in range(nx)]
    faces = []
    for y in range(ny - 1):
        for x in range(nx - 1):
            a = y * nx + x
            faces.append((a, a + 1, a + nx + 1, a + nx))
    return verts, faces


def cylinder(segments, rng):
    verts = []
    for ring in range(3):
        for s in range(segments):
            ang = 2 * math.pi * s / segments
            r = 1.0 + rng.uniform(-0.05, 0.05)
            verts.append((r * math.cos(ang), r * math.sin(ang), ring * 0.7))
    faces = []
    for ring in range(2):
        for s in range(segments):
            a = ring * segments + s
            b = ring * segments + (s + 1) % segments
            faces.append((a, b, b + segments, a + segments))
    faces.append(tuple(reversed(range(segments))))  # bottom cap (n-gon)
    faces.append(tuple(range(2 * segments, 3 * segments)))  # top cap
    return verts, faces


def orient(points2d, rng, z_noise=0.0):
    """Places a 2D polygon in a random plane (optionally bent out of it)."""
    rot = mathutils.Euler((rng.uniform(0, 6.28), rng.uniform(0, 6.28), rng.uniform(0, 6.28))).to_matrix()
    off = mathutils.Vector((rng.uniform(-2, 2), rng.uniform(-2, 2), rng.uniform(-2, 2)))
    out = []
    for (x, y) in points2d:
        v = rot @ mathutils.Vector((x, y, rng.uniform(-z_noise, z_noise))) + off
        out.append(tuple(v))
    return out


def star_polygon(n, rng):
    angles = sorted(rng.uniform(0, 2 * math.pi) for _ in range(n))
    return [(math.cos(a) * r, math.sin(a) * r)
            for a, r in zip(angles, (rng.uniform(0.3, 1.5) for _ in range(n)))]


L_SHAPE = [(0, 0), (2, 0), (2, 1), (1, 1), (1, 3), (0, 3)]
STAR = [(math.cos(math.pi * i / 5) * (1.0 if i % 2 == 0 else 0.4),
         math.sin(math.pi * i / 5) * (1.0 if i % 2 == 0 else 0.4)) for i in range(10)]
C_SHAPE = [(0, 0), (3, 0), (3, 1), (1, 1), (1, 2), (3, 2), (3, 3), (0, 3)]


def flat3(points2d, z=0.0):
    return [(x, y, z) for (x, y) in points2d]


def mesh_specs():
    rng = random.Random(1234)
    specs = []

    def add(name, verts, faces, edges=(), flat=(), sharp=(), angle=math.pi):
        # Rounded before Blender sees them, so the fixture holds the exact input positions.
        specs.append(dict(name=name, verts=[tuple(fnum(x) for x in v) for v in verts], faces=[list(f) for f in faces],
                          loose_edges=[list(e) for e in edges], flat_faces=list(flat),
                          sharp_edges=[list(e) for e in sharp], angle=angle))

    v, f = cube()
    add("cube", v, f)
    add("cube_auto_smooth_30", v, f, angle=math.radians(30))
    add("cube_flat", v, f, flat=range(6))
    v, f = grid(6, 5, rng, 0.3)
    add("grid_bumpy", v, f)
    add("grid_bumpy_angle_20", v, f, angle=math.radians(20))
    add("grid_sharp_flat", v, f, flat=[0, 7, 13], sharp=[[8, 9], [9, 15], [15, 16], [2, 8]])
    add("quad_nonplanar", [(0, 0, 0), (1, 0, 0.3), (1, 1, 0), (0, 1, 0.4)], [(0, 1, 2, 3)])
    add("ngon_L", flat3(L_SHAPE), [range(6)])
    add("ngon_star", flat3(STAR), [range(10)])
    add("ngon_C", flat3(C_SHAPE), [range(8)])
    add("ngon_L_rotated", orient(L_SHAPE, rng), [range(6)])
    add("ngon_C_reversed", flat3(C_SHAPE[::-1]), [range(8)])
    add("ngon_star_tilted", orient(STAR, rng, 0.05), [range(10)])
    add("degenerate_repeated", [(0, 0, 0), (1, 0, 0), (1, 0, 0), (1, 1, 0), (0, 1, 0), (0, 1, 0)],
        [range(6)])
    add("degenerate_collinear", [(0, 0, 0), (1, 0, 0), (2, 0, 0), (3, 0, 0), (4, 0, 0)], [range(5)])
    add("degenerate_tri", [(0, 0, 0), (1, 1, 1), (2, 2, 2)], [range(3)])
    add("degenerate_quad", [(0, 0, 0), (1, 0, 0), (2, 0, 0), (3, 0, 0)], [range(4)])
    add("ngon_collinear_run", [(0, 0, 0), (1, 0, 0), (2, 0, 0), (3, 0, 0), (3, 1, 0), (0, 1, 0)], [range(6)])
    add("loose_vertex", [(0, 0, 0), (1, 0, 0), (1, 1, 0), (0, 1, 0), (3, 4, 5), (0, 0, 0.0)],
        [(0, 1, 2, 3)], edges=[(4, 5)])
    add("non_manifold_edge", [(0, 0, 0), (1, 0, 0), (0.5, 1, 0), (0.5, -1, 0.2), (0.5, 0.1, 1)],
        [(0, 1, 2), (1, 0, 3), (0, 1, 4)])
    add("flipped_winding", [(0, 0, 0), (1, 0, 0), (1, 1, 0.2), (0, 1, 0), (1, -1, 0.3), (0, -1, 0)],
        [(0, 1, 2, 3), (0, 1, 4, 5)])
    add("bowtie_vertex", [(0, 0, 0), (1, 0.2, 0), (1, -0.2, 0.1), (-1, 0.2, 0.2), (-1, -0.2, 0)],
        [(0, 1, 2), (0, 3, 4)])
    v, f = cylinder(8, rng)
    add("cylinder_angle_40", v, f, angle=math.radians(40))
    add("cylinder_flat_caps", v, f, flat=[16, 17], sharp=[[0, 8], [3, 11]])
    tri_fan = [(0, 0, 0.2)] + [(math.cos(a), math.sin(a), 0.3 * math.sin(3 * a))
                               for a in (2 * math.pi * i / 7 for i in range(7))]
    add("tri_fan", tri_fan, [(0, 1 + i, 1 + (i + 1) % 7) for i in range(7)], sharp=[[0, 3]])
    add("quad_dart", [(0, 0, 0), (2, 0, 0), (0.5, 0.5, 0), (0, 2, 0)], [(0, 1, 2, 3)])
    add("quad_dart_at_first", [(0.5, 0.5, 0), (0, 2, 0), (0, 0, 0), (2, 0, 0)], [(0, 1, 2, 3)])
    add("quad_twisted", [(0, 0, 0), (1, 0, 0), (0, 1, 0.1), (1, 1, 0)], [(0, 1, 2, 3)])
    quads_v, quads_f = [], []
    for i in range(20):
        base = len(quads_v)
        quads_v += orient([(rng.uniform(-1, 1), rng.uniform(-1, 1)) for _ in range(4)], rng, 0.2)
        quads_f.append(range(base, base + 4))
    add("quads_random", quads_v, quads_f)
    for i in range(15):
        # Grid-snapped points: many collinear runs and repeated positions.
        n = rng.randint(5, 12)
        pts = [(float(rng.randint(0, 3)), float(rng.randint(0, 3))) for _ in range(n)]
        add("degenerate_random_%d" % i, orient(pts, rng) if i % 2 else flat3(pts), [range(n)])
    for i in range(40):
        n = rng.randint(5, 16)
        pts = star_polygon(n, rng)
        if i % 3 == 0:
            pts = pts[::-1]
        add("ngon_random_%d" % i, orient(pts, rng, 0.02 if i % 4 == 0 else 0.0), [range(n)])
    return specs


def build_mesh(spec):
    me = bpy.data.meshes.new(spec["name"])
    me.from_pydata(spec["verts"], spec["loose_edges"], spec["faces"])
    me.update()
    for p in me.polygons:
        p.use_smooth = p.index not in spec["flat_faces"]
    wanted = {tuple(sorted(e)) for e in spec["sharp_edges"]}
    for e in me.edges:
        e.use_edge_sharp = tuple(sorted(e.vertices)) in wanted
    me.use_auto_smooth = True
    me.auto_smooth_angle = spec["angle"]
    me.update()
    return me


def record_mesh(spec):
    me = build_mesh(spec)
    me.calc_normals_split()
    me.calc_loop_triangles()
    rec = dict(spec)
    rec["verts"] = [vec(v) for v in spec["verts"]]
    rec["angle"] = fnum(spec["angle"])
    rec["edges"] = [list(e.vertices) for e in me.edges]
    rec["loop_verts"] = [l.vertex_index for l in me.loops]
    rec["loop_edges"] = [l.edge_index for l in me.loops]
    rec["face_offsets"] = [p.loop_start for p in me.polygons] + [len(me.loops)]
    rec["sharp_edge_flags"] = [e.use_edge_sharp for e in me.edges]
    rec["poly_normals"] = [vec(p.normal) for p in me.polygons]
    rec["vert_normals"] = [vec(v.normal) for v in me.vertices]
    rec["loop_normals"] = [vec(l.normal) for l in me.loops]
    rec["loop_tris"] = [list(t.loops) for t in me.loop_triangles]
    rec["loop_tri_polys"] = [t.polygon_index for t in me.loop_triangles]
    return rec


# ---- Attribute domain interpolation ------------------------------------------------------

DOMAINS = ["POINT", "EDGE", "FACE", "CORNER"]
TYPES = ["FLOAT", "INT", "FLOAT_VECTOR", "FLOAT_COLOR", "BYTE_COLOR", "BOOLEAN", "FLOAT2", "INT8"]


def interp_mesh():
    # A triangle, a quad and a concave pentagon sharing edges, a fourth face on one edge
    # (non-manifold), a loose edge and a loose vertex.
    verts = [(0, 0, 0), (1, 0, 0), (2, 0, 0), (0, 1, 0), (1, 1, 0), (2, 1, 0),
             (0.5, 2, 0), (1.5, 1.5, 0), (1, 0.5, 1), (4, 4, 0), (5, 4, 0), (6, 6, 6)]
    faces = [(0, 1, 4, 3), (1, 2, 5, 4), (3, 4, 7, 5, 6), (0, 1, 8)]
    edges = [(9, 10)]
    me = bpy.data.meshes.new("interp")
    me.from_pydata(verts, edges, faces)
    me.update()
    return me


def domain_size(me, domain):
    return {"POINT": len(me.vertices), "EDGE": len(me.edges), "FACE": len(me.polygons),
            "CORNER": len(me.loops)}[domain]


def random_value(rng, data_type, variant):
    if data_type == "FLOAT":
        return round(rng.uniform(-1, 1), 3)
    if data_type == "INT":
        return rng.randint(-5, 5) if variant == 0 else rng.randint(-1000, 1000)
    if data_type == "INT8":
        return rng.randint(-5, 5) if variant == 0 else rng.randint(-128, 127)
    if data_type == "FLOAT_VECTOR":
        return [round(rng.uniform(-1, 1), 3) for _ in range(3)]
    if data_type == "FLOAT2":
        return [round(rng.uniform(-1, 1), 3) for _ in range(2)]
    if data_type == "FLOAT_COLOR":
        return [round(rng.uniform(0, 1), 3) for _ in range(4)]
    if data_type == "BYTE_COLOR":
        return [rng.randint(0, 255) for _ in range(4)]
    if data_type == "BOOLEAN":
        return rng.random() < (0.5 if variant == 0 else 0.8)
    raise ValueError(data_type)


def set_values(attr, data_type, values):
    for item, v in zip(attr.data, values):
        if data_type in ("FLOAT", "INT", "INT8", "BOOLEAN"):
            item.value = v
        elif data_type in ("FLOAT_VECTOR", "FLOAT2"):
            item.vector = v
        elif data_type == "FLOAT_COLOR":
            item.color = v
        elif data_type == "BYTE_COLOR":
            item.color_srgb = [c / 255.0 for c in v]


def get_values(attr, data_type):
    out = []
    for item in attr.data:
        if data_type in ("FLOAT",):
            out.append(fnum(item.value))
        elif data_type in ("INT", "INT8"):
            out.append(int(item.value))
        elif data_type == "BOOLEAN":
            out.append(bool(item.value))
        elif data_type in ("FLOAT_VECTOR", "FLOAT2"):
            out.append(vec(item.vector))
        elif data_type == "FLOAT_COLOR":
            out.append(vec(item.color))
        elif data_type == "BYTE_COLOR":
            out.append([int(round(c * 255)) for c in item.color_srgb])
    return out


def record_interpolation():
    me = interp_mesh()
    ob = bpy.data.objects.new("interp", me)
    bpy.context.scene.collection.objects.link(ob)
    bpy.context.view_layer.objects.active = ob
    rng = random.Random(99)
    records = []
    for data_type in TYPES:
        variants = 2 if data_type in ("INT", "INT8", "BOOLEAN") else 1
        for variant in range(variants):
            for src in DOMAINS:
                values = [random_value(rng, data_type, variant) for _ in range(domain_size(me, src))]
                for dst in DOMAINS:
                    if dst == src:
                        continue
                    attr = me.attributes.new("a", data_type, src)
                    set_values(attr, data_type, values)
                    src_values = get_values(attr, data_type)
                    me.attributes.active = attr
                    with bpy.context.temp_override(object=ob, active_object=ob):
                        result = bpy.ops.geometry.attribute_convert(
                            mode='GENERIC', domain=dst, data_type=data_type)
                    assert result == {'FINISHED'}, result
                    attr = me.attributes["a"]
                    assert attr.domain == dst and attr.data_type == data_type
                    records.append({"type": data_type, "from": src, "to": dst,
                                    "src": src_values, "dst": get_values(attr, data_type)})
                    me.attributes.remove(attr)
    mesh = {"verts": [vec(v.co) for v in me.vertices], "edges": [list(e.vertices) for e in me.edges],
            "loop_verts": [l.vertex_index for l in me.loops], "loop_edges": [l.edge_index for l in me.loops],
            "face_offsets": [p.loop_start for p in me.polygons] + [len(me.loops)]}
    return mesh, records


def main():
    bpy.ops.wm.read_factory_settings(use_empty=True)
    meshes = [record_mesh(spec) for spec in mesh_specs()]
    interp_topology, interp = record_interpolation()
    data = {"blender_version": bpy.app.version_string, "meshes": meshes,
            "interpolation_mesh": interp_topology, "interpolation": interp}
    with open(out_path(), "w") as f:
        json.dump(data, f, indent=1, sort_keys=True)
        f.write("\n")


main()
