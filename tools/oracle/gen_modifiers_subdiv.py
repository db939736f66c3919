# Oracle generator: the Subdivision Surface, Triangulate and Displace (no texture) modifiers
# as Blender 3.4 evaluates them, for tests/fixtures/modifiers_subdiv.json (read by
# source/geometry/tests/mesh_{subdivide,triangulate,displace}_test.cc).
#
# Regenerate with:
#   blender -b --factory-startup --python tools/oracle/gen_modifiers_subdiv.py -- tests/fixtures/modifiers_subdiv.json
#
# Output: JSON (indent=1, sort_keys=True), floats rounded to 6 places.
#
# "meshes": name -> input mesh exactly as Blender stores it: "verts" (positions), "edges"
#   (vertex pairs, in Blender's edge order), "faces" (corner vertex lists), optional
#   "edge_creases" / "vert_creases" (floats per edge / vertex), "uvs" ({map name: one
#   [u, v] per corner, in corner order}), "material_index" (per face), "vertex_group"
#   (weight per vertex of the group "grp", -1 where the vertex is not in it).
# "subdiv": cases {name, mesh, params (the modifier's settings, level = levels)} with
#   "result": counts (verts/edges/faces/corners) and, for small outputs, the full "verts",
#   "edges", "faces", "uvs" and "material_index"; for big outputs only "samples"
#   ([[vertex index, position], ...], evenly spread) and "position_sum".
# "triangulate": cases {name, mesh, params (quad_method, ngon_method, min_vertices),
#   result: verts_num (the positions are the input's), edges, faces, uvs, material_index}.
# "displace": cases {name, mesh, params (strength, mid_level, direction, space,
#   vertex_group, invert_vertex_group), matrix_world (4x4, rows), result: verts}.

import json
import math
import sys

import bmesh
import bpy


def out_path():
    argv = sys.argv
    if "--" in argv and len(argv) > argv.index("--") + 1:
        return argv[argv.index("--") + 1]
    return "modifiers_subdiv.json"


def fnum(x):
    r = round(float(x), 6)
    return 0.0 if r == 0.0 else r


def vec(v):
    return [fnum(x) for x in v]


# ---- Input meshes --------------------------------------------------------------------------

def reset_scene():
    for ob in list(bpy.data.objects):
        bpy.data.objects.remove(ob)


def take_active_mesh(name):
    ob = bpy.context.active_object
    me = ob.data
    me.name = name
    bpy.data.objects.remove(ob)
    return me


def mesh_from_pydata(name, verts, faces, edges=()):
    me = bpy.data.meshes.new(name)
    me.from_pydata(verts, list(edges), faces)
    me.update()
    return me


def add_uvs_from_positions(me, name="UVMap", scale=0.25):
    """A UV map whose seams follow the faces: each face gets its own island where the
    face index is odd, so that face-varying boundaries exist inside the mesh."""
    uv = me.uv_layers.new(name=name)
    for poly in me.polygons:
        shift = 0.5 * (poly.index % 2)
        for li in poly.loop_indices:
            co = me.vertices[me.loops[li].vertex_index].co
            uv.data[li].uv = (co.x * scale + 0.5 + shift, co.y * scale + 0.5)


def build_meshes():
    reset_scene()
    meshes = {}

    bpy.ops.mesh.primitive_cube_add()
    meshes["cube"] = take_active_mesh("cube")

    quad = mesh_from_pydata("quad", [(0, 0, 0), (2, 0, 0.3), (2.2, 1.8, -0.2), (0, 2, 0.5)],
                            [(0, 1, 2, 3)])
    add_uvs_from_positions(quad)
    meshes["quad"] = quad

    bpy.ops.mesh.primitive_grid_add(x_subdivisions=4, y_subdivisions=3, size=2)
    grid = take_active_mesh("grid")
    for v in grid.vertices:
        v.co.z = 0.3 * math.sin(2.0 * v.co.x + 1.0) * math.cos(1.5 * v.co.y)
    meshes["grid"] = grid

    # A pentagon, a quad and two triangles sharing edges, plus an open boundary; two UV
    # maps and material indices.
    ngon = mesh_from_pydata(
        "ngon",
        [(0, 0, 0), (2, 0, 0.2), (3, 1.5, 0), (1.5, 2.5, 0.4), (-0.5, 1.5, 0),
         (4, 0, -0.3), (4.5, 2, 0.1), (2.5, -1.5, 0.2), (0.5, -1.2, -0.2)],
        [(0, 1, 2, 3, 4), (1, 5, 6, 2), (1, 7, 5), (0, 8, 7, 1), (2, 6, 3)])
    add_uvs_from_positions(ngon)
    uv2 = ngon.uv_layers.new(name="Second")
    for li, d in enumerate(uv2.data):
        co = ngon.vertices[ngon.loops[li].vertex_index].co
        d.uv = (co.x * 0.1, co.y * 0.1 + co.z)
    for p in ngon.polygons:
        p.material_index = p.index % 3
    meshes["ngon"] = ngon

    bpy.ops.mesh.primitive_cube_add()
    crease = take_active_mesh("crease_cube")
    bm = bmesh.new()
    bm.from_mesh(crease)
    layer = bm.verts.layers.crease.verify()
    bm.verts.ensure_lookup_table()
    bm.verts[0][layer] = 0.7
    bm.verts[6][layer] = 1.0
    bm.to_mesh(crease)
    bm.free()
    for i, c in ((0, 1.0), (1, 0.5), (2, 0.25), (7, 0.8)):
        crease.edges[i].crease = c
    meshes["crease_cube"] = crease

    bpy.ops.mesh.primitive_monkey_add()
    meshes["monkey"] = take_active_mesh("monkey")

    bpy.ops.mesh.primitive_uv_sphere_add(segments=6, ring_count=4)
    meshes["uv_sphere"] = take_active_mesh("uv_sphere")

    # Faces plus loose geometry: an edge hanging off a face vertex, a chain of three loose
    # edges, a lone loose edge and a loose vertex.
    meshes["loose"] = mesh_from_pydata(
        "loose",
        [(0, 0, 0), (1, 0, 0), (1, 1, 0.2), (0, 1, 0), (2, 2, 1),
         (3, 0, 0), (4, 0.5, 0), (5, 0, 0.5), (6, 1, 0), (0, 3, 0), (1, 4, 0), (5, 5, 5)],
        [(0, 1, 2, 3)],
        edges=[(2, 4), (5, 6), (6, 7), (7, 8), (9, 10)])

    # N-gons for triangulation: a convex hexagon, a concave (L-shaped) hexagon, a
    # non-planar octagon, and quads that are not planar, with a UV map.
    tri = mesh_from_pydata(
        "polys",
        [(0, 0, 0), (1, 0, 0), (1.5, 0.8, 0), (1, 1.6, 0), (0, 1.6, 0), (-0.5, 0.8, 0),
         (3, 0, 0), (5, 0, 0), (5, 1, 0), (4, 1, 0), (4, 2, 0), (3, 2, 0),
         (0, 3, 0), (1, 3, 0.2), (1.7, 3.7, 0), (1.7, 4.7, 0.3), (1, 5.4, 0), (0, 5.4, -0.2),
         (-0.7, 4.7, 0), (-0.7, 3.7, 0.1),
         (3, 3, 0), (4, 3, 0.5), (4.3, 4, 0), (3, 4.2, 0), (6, 3, 0), (6, 4, 1),
         (7, 0, 0), (8, 0, 0), (7.5, 1, 0)],
        [(0, 1, 2, 3, 4, 5), (6, 7, 8, 9, 10, 11), (12, 13, 14, 15, 16, 17, 18, 19),
         (20, 21, 22, 23), (21, 24, 25, 22), (26, 27, 28)])
    add_uvs_from_positions(tri)
    for p in tri.polygons:
        p.material_index = p.index
    meshes["polys"] = tri

    bpy.ops.mesh.primitive_circle_add(vertices=12, fill_type='NGON')
    circle = take_active_mesh("circle")
    for v in circle.vertices:
        v.co.z = 0.1 * math.sin(3 * math.atan2(v.co.y, v.co.x))
    meshes["circle"] = circle

    # Displace: a vertex group with partial weights.
    bpy.ops.mesh.primitive_cube_add()
    dcube = take_active_mesh("group_cube")
    meshes["group_cube"] = dcube
    return meshes


def mesh_record(me, vertex_group=None):
    rec = {
        "verts": [vec(v.co) for v in me.vertices],
        "edges": [list(e.vertices) for e in me.edges],
        "faces": [list(p.vertices) for p in me.polygons],
    }
    if len(me.uv_layers):
        rec["uvs"] = {layer.name: [vec(d.uv) for d in layer.data] for layer in me.uv_layers}
    if any(p.material_index for p in me.polygons):
        rec["material_index"] = [p.material_index for p in me.polygons]
    if len(me.edge_creases) and any(d.value for d in me.edge_creases[0].data):
        rec["edge_creases"] = [fnum(d.value) for d in me.edge_creases[0].data]
    if len(me.vertex_creases) and any(d.value for d in me.vertex_creases[0].data):
        rec["vert_creases"] = [fnum(d.value) for d in me.vertex_creases[0].data]
    if vertex_group is not None:
        rec["vertex_group"] = vertex_group
    return rec


# ---- Evaluation ----------------------------------------------------------------------------

def evaluate(me, modifier_type, settings, matrix=None, group=None):
    ob = bpy.data.objects.new("eval", me)
    bpy.context.scene.collection.objects.link(ob)
    if matrix is not None:
        ob.location, ob.rotation_euler, ob.scale = matrix
    if group is not None:
        vg = ob.vertex_groups.new(name="grp")
        for i, w in enumerate(group):
            if w >= 0.0:
                vg.add([i], w, 'REPLACE')
    mod = ob.modifiers.new("mod", modifier_type)
    for key, value in settings.items():
        setattr(mod, key, value)
    depsgraph = bpy.context.evaluated_depsgraph_get()
    ob_eval = ob.evaluated_get(depsgraph)
    result = ob_eval.to_mesh()
    return ob, ob_eval, result


def finish(ob, ob_eval):
    ob_eval.to_mesh_clear()
    bpy.data.objects.remove(ob)


FULL_LIMIT = 2000  # outputs with more vertices than this are sampled


def subdiv_result(res):
    out = {
        "verts_num": len(res.vertices),
        "edges_num": len(res.edges),
        "faces_num": len(res.polygons),
        "corners_num": len(res.loops),
    }
    if len(res.vertices) <= FULL_LIMIT:
        out.update(mesh_record(res))
        out.pop("edge_creases", None)
        out.pop("vert_creases", None)
    else:
        n = len(res.vertices)
        step = max(1, n // 400)
        out["samples"] = [[i, vec(res.vertices[i].co)] for i in range(0, n, step)]
        out["samples"].append([n - 1, vec(res.vertices[n - 1].co)])
        total = [0.0, 0.0, 0.0]
        for v in res.vertices:
            for k in range(3):
                total[k] += v.co[k]
        out["position_sum"] = vec(total)
    return out


def subdiv_cases(meshes):
    cases = []

    def case(name, mesh, **params):
        settings = {"levels": params.get("level", 1)}
        settings["render_levels"] = settings["levels"]
        for key in ("subdivision_type", "uv_smooth", "boundary_smooth", "use_creases",
                    "use_limit_surface", "quality"):
            if key in params:
                settings[key] = params[key]
        ob, ob_eval, res = evaluate(meshes[mesh], 'SUBSURF', settings)
        cases.append({"name": name, "mesh": mesh, "params": params, "result": subdiv_result(res)})
        finish(ob, ob_eval)

    case("cube_level0", "cube", level=0)
    for level in (1, 2, 3):
        case(f"cube_level{level}", "cube", level=level)
    case("cube_level2_no_limit", "cube", level=2, use_limit_surface=False)
    case("cube_level2_quality1", "cube", level=2, quality=1)
    case("cube_level2_quality5", "cube", level=2, quality=5)
    case("cube_level2_simple", "cube", level=2, subdivision_type='SIMPLE')
    case("cube_level2_simple_no_limit", "cube", level=2, subdivision_type='SIMPLE',
         use_limit_surface=False)
    case("cube_level5", "cube", level=5)
    case("cube_level7", "cube", level=7)
    case("quad_level1", "quad", level=1)
    case("quad_level3", "quad", level=3)
    case("quad_level2_simple", "quad", level=2, subdivision_type='SIMPLE')
    case("grid_level2", "grid", level=2)
    case("grid_level2_preserve_corners", "grid", level=2, boundary_smooth='PRESERVE_CORNERS')
    case("grid_level2_no_limit", "grid", level=2, use_limit_surface=False)
    case("ngon_level1", "ngon", level=1)
    case("ngon_level2", "ngon", level=2)
    case("ngon_level3", "ngon", level=3)
    case("ngon_level2_simple", "ngon", level=2, subdivision_type='SIMPLE')
    case("ngon_level2_simple_no_limit", "ngon", level=2, subdivision_type='SIMPLE',
         use_limit_surface=False)
    case("ngon_level2_no_limit", "ngon", level=2, use_limit_surface=False)
    case("ngon_level2_preserve_corners", "ngon", level=2, boundary_smooth='PRESERVE_CORNERS')
    for uv_smooth in ('NONE', 'PRESERVE_CORNERS', 'PRESERVE_CORNERS_AND_JUNCTIONS',
                      'PRESERVE_CORNERS_JUNCTIONS_AND_CONCAVE', 'PRESERVE_BOUNDARIES',
                      'SMOOTH_ALL'):
        case(f"ngon_level2_uv_{uv_smooth.lower()}", "ngon", level=2, uv_smooth=uv_smooth)
        case(f"uv_sphere_level1_uv_{uv_smooth.lower()}", "uv_sphere", level=1,
             uv_smooth=uv_smooth)
    case("crease_cube_level2", "crease_cube", level=2)
    case("crease_cube_level2_no_creases", "crease_cube", level=2, use_creases=False)
    case("crease_cube_level2_no_limit", "crease_cube", level=2, use_limit_surface=False)
    case("monkey_level1", "monkey", level=1)
    case("monkey_level2", "monkey", level=2)
    case("loose_level1", "loose", level=1)
    case("loose_level2", "loose", level=2)
    case("polys_level1", "polys", level=1)
    return cases


def tri_record(res):
    """Triangulation keeps the vertices (the test checks the count), so they are left out."""
    rec = mesh_record(res)
    rec["verts_num"] = len(rec.pop("verts"))
    return rec


def triangulate_cases(meshes):
    cases = []
    for mesh in ("polys", "cube", "grid", "circle", "ngon", "monkey"):
        for quad_method in ('BEAUTY', 'FIXED', 'FIXED_ALTERNATE', 'SHORTEST_DIAGONAL',
                            'LONGEST_DIAGONAL'):
            for ngon_method in ('BEAUTY', 'CLIP'):
                if mesh in ("cube", "grid") and ngon_method == 'CLIP':
                    continue
                if mesh == "monkey" and (quad_method, ngon_method) not in (
                        ('BEAUTY', 'BEAUTY'), ('SHORTEST_DIAGONAL', 'CLIP')):
                    continue
                params = {"quad_method": quad_method, "ngon_method": ngon_method,
                          "min_vertices": 4}
                ob, ob_eval, res = evaluate(meshes[mesh], 'TRIANGULATE', params)
                cases.append({"name": f"{mesh}_{quad_method.lower()}_{ngon_method.lower()}",
                              "mesh": mesh, "params": params, "result": tri_record(res)})
                finish(ob, ob_eval)
    for min_vertices in (5, 7):
        params = {"quad_method": 'SHORTEST_DIAGONAL', "ngon_method": 'BEAUTY',
                  "min_vertices": min_vertices}
        ob, ob_eval, res = evaluate(meshes["polys"], 'TRIANGULATE', params)
        cases.append({"name": f"polys_min{min_vertices}", "mesh": "polys", "params": params,
                      "result": tri_record(res)})
        finish(ob, ob_eval)
    return cases


def displace_cases(meshes):
    cases = []
    group = [0.0, 0.25, 1.0, -1.0, 0.5, -1.0, 0.75, 1.0]
    transform = ((0.5, -1.0, 2.0), (0.3, -0.4, 1.1), (1.5, 0.5, 2.0))

    def case(name, mesh, **params):
        settings = dict(params)
        use_group = mesh == "group_cube"
        if use_group and "vertex_group" not in settings:
            settings["vertex_group"] = "grp"
        ob, ob_eval, res = evaluate(meshes[mesh], 'DISPLACE', settings, matrix=transform,
                                    group=group if use_group else None)
        matrix = [vec(row) for row in ob_eval.matrix_world]
        cases.append({"name": name, "mesh": mesh, "params": settings,
                      "matrix_world": matrix, "result": {"verts": [vec(v.co) for v in res.vertices]}})
        finish(ob, ob_eval)

    for direction in ('X', 'Y', 'Z', 'NORMAL', 'CUSTOM_NORMAL', 'RGB_TO_XYZ'):
        for space in ('LOCAL', 'GLOBAL'):
            for mesh in ("ngon", "group_cube"):
                case(f"{mesh}_{direction.lower()}_{space.lower()}", mesh, direction=direction,
                     space=space, strength=0.7, mid_level=0.2)
    case("group_cube_normal_invert", "group_cube", direction='NORMAL', strength=-1.3,
         mid_level=0.6, invert_vertex_group=True)
    case("group_cube_missing_group", "group_cube", direction='Z', strength=2.0, mid_level=0.5,
         vertex_group="nope")
    case("ngon_defaults", "ngon")
    return cases, group


def main():
    meshes = build_meshes()
    subdiv = subdiv_cases(meshes)
    tri = triangulate_cases(meshes)
    disp, group = displace_cases(meshes)
    records = {name: mesh_record(me, group if name == "group_cube" else None)
               for name, me in meshes.items()}
    data = {"meshes": records, "subdiv": subdiv, "triangulate": tri, "displace": disp}
    with open(out_path(), "w") as f:
        json.dump(data, f, indent=1, sort_keys=True)
        f.write("\n")


main()
