# Oracle generator: what evaluation gives in Blender 3.4, for
# tests/fixtures/evaluation.json (read by source/python/tests/test_evaluation.py).
#
# Regenerate with:
#   blender -b --factory-startup --python tools/oracle/gen_evaluation.py -- tests/fixtures/evaluation.json
#
# Output: pretty JSON (indent=1, sort_keys=True), floats rounded to 6 places.
#
# "keying": keyframe_insert/keyframe_delete/driver_add on the default scene: the curves
#   they make (path, index, group, keys, interpolation, handles), errors as [type, message].
# "animation": objects animated with keyframe_insert, then frame_set(f): location,
#   rotation and matrix_world of each object and of a child, per frame.
# "drivers": one record per driver setup (type, variable kinds, expression): the driven
#   value after view_layer.update(), is_valid and is_simple_expression.
# "modifier_stacks": modifier stacks on the default cube (shifted +1.5 in x): counts and
#   bounds of the evaluated mesh.
# "evaluated": bound_box and dimensions of the cube with modifiers, counts of the evaluated
#   mesh, dg.objects names, object_instances of a collection instance.

import json
import math
import sys

import bpy


def out_path():
    argv = sys.argv
    if "--" in argv and len(argv) > argv.index("--") + 1:
        return argv[argv.index("--") + 1]
    return "evaluation.json"


def fnum(x):
    r = round(float(x), 6)
    return 0.0 if r == 0.0 else r


def vec(v):
    return [fnum(x) for x in v]


def mat(m):
    return [vec(row) for row in m]


def attempt(fn):
    try:
        return {"result": fn()}
    except Exception as e:  # noqa: BLE001 - the oracle records every error
        return {"error": [type(e).__name__, str(e)]}


def curves_of(id_):
    ad = id_.animation_data
    if not ad or not ad.action:
        return []
    out = []
    for f in ad.action.fcurves:
        out.append({
            "data_path": f.data_path, "array_index": f.array_index,
            "group": f.group.name if f.group else None,
            "keys": [{"co": vec(k.co), "left": vec(k.handle_left), "right": vec(k.handle_right),
                      "interpolation": k.interpolation, "left_type": k.handle_left_type}
                     for k in f.keyframe_points]})
    return out


def keying():
    ob = bpy.data.objects["Cube"]
    rec = {}
    rec["bad_path"] = attempt(lambda: ob.keyframe_insert("nonexistent"))
    rec["not_animatable"] = attempt(lambda: ob.keyframe_insert("name"))
    rec["index_out_of_range"] = attempt(lambda: ob.keyframe_insert("location", index=5))
    rec["location"] = attempt(lambda: ob.keyframe_insert("location", frame=1))
    ob.location = (1.0, 2.0, 3.0)
    rec["location_again"] = attempt(lambda: ob.keyframe_insert("location", frame=10))
    rec["rotation_z"] = attempt(lambda: ob.keyframe_insert("rotation_euler", index=2, frame=5))
    rec["hide_render"] = attempt(lambda: ob.keyframe_insert("hide_render", frame=3))
    rec["pass_index"] = attempt(lambda: ob.keyframe_insert("pass_index", frame=3))
    ob["prop"] = 1.5
    rec["custom"] = attempt(lambda: ob.keyframe_insert('["prop"]', frame=2))
    rec["grouped"] = attempt(lambda: ob.keyframe_insert("scale", index=0, frame=4, group="G"))
    rec["action_name"] = ob.animation_data.action.name
    rec["curves"] = curves_of(ob)
    rec["delete_missing"] = attempt(lambda: ob.keyframe_delete("location", frame=50))
    rec["delete"] = attempt(lambda: ob.keyframe_delete("location", frame=1))
    rec["curves_after_delete"] = curves_of(ob)
    d = ob.driver_add("location", 2)
    rec["driver_single"] = {"expression": d.driver.expression, "type": d.driver.type,
                            "modifiers": [m.type for m in d.modifiers],
                            "is_simple": d.driver.is_simple_expression}
    ds = ob.driver_add("delta_scale")
    rec["driver_array"] = [x.driver.expression for x in ds]
    rec["driver_bool"] = ob.driver_add("hide_viewport").driver.expression
    rec["driver_bad"] = attempt(lambda: ob.driver_add("nonexistent"))
    rec["driver_remove"] = attempt(lambda: ob.driver_remove("location", 2))
    rec["driver_remove_again"] = attempt(lambda: ob.driver_remove("location", 2))
    return rec


def animation():
    scene = bpy.context.scene
    parent = bpy.data.objects.new("AnimParent", None)
    child = bpy.data.objects.new("AnimChild", None)
    scene.collection.objects.link(parent)
    scene.collection.objects.link(child)
    child.parent = parent
    child.location = (0.0, 1.0, 0.0)
    keys = [(1, (0, 0, 0), (0, 0, 0)), (10, (4, -2, 1), (0, 0, 1.2)), (20, (1, 3, -1), (0.5, 0, 0))]
    for frame, loc, rot in keys:
        parent.location = loc
        parent.rotation_euler = rot
        parent.keyframe_insert("location", frame=frame)
        parent.keyframe_insert("rotation_euler", frame=frame)
    frames = []
    for f in [1, 3, 5, 7, 10, 13, 15, 19, 20, 25]:
        scene.frame_set(f)
        frames.append({"frame": f, "parent_location": vec(parent.location),
                       "parent_rotation": vec(parent.rotation_euler),
                       "child_matrix_world": mat(child.matrix_world)})
    scene.frame_set(4, subframe=0.5)
    frames.append({"frame": 4.5, "parent_location": vec(parent.location),
                   "parent_rotation": vec(parent.rotation_euler),
                   "child_matrix_world": mat(child.matrix_world)})
    return frames


def driver_case(name, setup):
    scene = bpy.context.scene
    source = bpy.data.objects.new("Src_" + name, None)
    other = bpy.data.objects.new("Other_" + name, None)
    target = bpy.data.objects.new("Drv_" + name, None)
    for o in (source, other, target):
        scene.collection.objects.link(o)
    source.location = (1.5, -2.0, 0.75)
    source.rotation_euler = (0.3, 0.2, 0.9)
    source.scale = (2.0, 1.0, 0.5)
    source["val"] = 4.0
    other.location = (-1.0, 1.0, 2.0)
    other.rotation_euler = (0.0, 0.5, 0.0)
    fcu = target.driver_add("location", 0)
    drv = fcu.driver
    setup(drv, source, other)
    bpy.context.view_layer.update()
    scene.frame_set(7)
    return {"name": name, "value": fnum(target.location[0]), "is_valid": drv.is_valid,
            "is_simple": drv.is_simple_expression, "type": drv.type,
            "expression": drv.expression}


def single(drv, source, other, expr="var", kind="AVERAGE", path="location.x"):
    drv.type = kind
    v = drv.variables.new()
    v.targets[0].id = source
    v.targets[0].data_path = path
    drv.expression = expr


def transforms(channel, space="WORLD_SPACE", mode="AUTO"):
    def setup(drv, source, other):
        drv.type = "SCRIPTED"
        v = drv.variables.new()
        v.type = "TRANSFORMS"
        v.targets[0].id = source
        v.targets[0].transform_type = channel
        v.targets[0].transform_space = space
        v.targets[0].rotation_mode = mode
        drv.expression = "var"
    return setup


def diff(kind):
    def setup(drv, source, other):
        drv.type = "SUM"
        v = drv.variables.new()
        v.type = kind
        v.targets[0].id = source
        v.targets[1].id = other
    return setup


def drivers():
    cases = [
        ("average", lambda d, s, o: single(d, s, o)),
        ("sum_custom", lambda d, s, o: single(d, s, o, kind="SUM", path='["val"]')),
        ("scripted_simple", lambda d, s, o: single(d, s, o, kind="SCRIPTED",
                                                   expr="var * 2 + frame")),
        ("scripted_python", lambda d, s, o: single(d, s, o, kind="SCRIPTED",
                                                   expr="var ** 2")),
        ("scripted_broken", lambda d, s, o: single(d, s, o, kind="SCRIPTED", expr="var +")),
        ("bad_path", lambda d, s, o: single(d, s, o, path="no_such_prop")),
        ("loc_x", transforms("LOC_X")),
        ("rot_z", transforms("ROT_Z")),
        ("rot_x_quat", transforms("ROT_X", mode="QUATERNION")),
        ("rot_w", transforms("ROT_W", mode="QUATERNION")),
        ("scale_y", transforms("SCALE_Y")),
        ("scale_avg", transforms("SCALE_AVG")),
        ("loc_z_transform_space", transforms("LOC_Z", space="TRANSFORM_SPACE")),
        ("loc_diff", diff("LOC_DIFF")),
        ("rot_diff", diff("ROTATION_DIFF")),
    ]
    out = []
    for name, setup in cases:
        def min_max(kind):
            def s(d, src, o):
                d.type = kind
                for path in ("location.x", "location.y", "location.z"):
                    v = d.variables.new()
                    v.targets[0].id = src
                    v.targets[0].data_path = path
            return s
        out.append(driver_case(name, setup))
    out.append(driver_case("min", lambda d, s, o: [setattr(d, "type", "MIN")] and None))
    return out


def evaluated():
    scene = bpy.context.scene
    cube = bpy.data.objects["Cube"]
    for m in list(cube.modifiers):
        cube.modifiers.remove(m)
    cube.animation_data_clear()
    cube.location = (0, 0, 0)
    cube.scale = (1, 2, 1)
    rec = {"bound_box_plain": mat(cube.bound_box), "dimensions_plain": vec(cube.dimensions)}
    arr = cube.modifiers.new("Arr", "ARRAY")
    arr.count = 3
    sub = cube.modifiers.new("", "SUBSURF")
    dg = bpy.context.evaluated_depsgraph_get()
    ob_eval = cube.evaluated_get(dg)
    me = ob_eval.to_mesh()
    rec["array_subsurf_counts"] = [len(me.vertices), len(me.edges), len(me.polygons)]
    ob_eval.to_mesh_clear()
    rec["modifier_names"] = [m.name for m in cube.modifiers]
    rec["bound_box_modifiers"] = mat(cube.bound_box)
    rec["dimensions_modifiers"] = vec(cube.dimensions)
    rec["eval_bound_box"] = mat(ob_eval.bound_box)
    sub.show_viewport = False
    dg.update()
    rec["array_only_counts"] = len(cube.evaluated_get(dg).data.vertices)
    # 3.4 has no ObjectModifiers.move (4.x does); the operator moves the same way.
    with bpy.context.temp_override(object=cube, active_object=cube):
        bpy.ops.object.modifier_move_to_index(modifier=sub.name, index=0)
    rec["moved_names"] = [m.name for m in cube.modifiers]
    new_mesh = bpy.data.meshes.new_from_object(cube.evaluated_get(dg))
    rec["new_from_object"] = [new_mesh.name, len(new_mesh.vertices), new_mesh.users]
    rec["new_from_object_original"] = len(bpy.data.meshes.new_from_object(cube).vertices)
    rec["dg_objects"] = sorted(o.name for o in dg.objects)
    coll = bpy.data.collections.new("InstanceMe")
    member = bpy.data.objects.new("Member", None)
    member.location = (0, 0, 1)
    coll.objects.link(member)
    inst = bpy.data.objects.new("Instancer", None)
    inst.location = (10, 0, 0)
    inst.instance_type = "COLLECTION"
    inst.instance_collection = coll
    scene.collection.objects.link(inst)
    dg = bpy.context.evaluated_depsgraph_get()
    rec["instances"] = sorted(
        [i.object.name, i.is_instance, i.parent.name if i.parent else None,
         vec(i.matrix_world.translation)]
        for i in dg.object_instances)
    return rec


MODIFIER_CASES = [
    ("subsurf", [("SUBSURF", {})]),
    ("subsurf_2_simple", [("SUBSURF", {"levels": 2, "subdivision_type": "SIMPLE"})]),
    ("array", [("ARRAY", {})]),
    ("array_merge", [("ARRAY", {"count": 4, "use_merge_vertices": True,
                                "relative_offset_displace": (1.0, 0.0, 0.0)})]),
    ("array_constant", [("ARRAY", {"use_relative_offset": False, "use_constant_offset": True,
                                   "constant_offset_displace": (0.5, 0.25, 3.0), "count": 3})]),
    ("mirror", [("MIRROR", {})]),
    ("mirror_xyz_bisect", [("MIRROR", {"use_axis": (True, True, True),
                                       "use_bisect_axis": (True, False, True)})]),
    ("solidify", [("SOLIDIFY", {"thickness": 0.2})]),
    ("solidify_even", [("SOLIDIFY", {"thickness": 0.3, "offset": 0.5,
                                     "use_even_offset": True})]),
    ("triangulate", [("TRIANGULATE", {})]),
    ("weld", [("WELD", {"merge_threshold": 2.5})]),
    ("displace", [("DISPLACE", {"strength": 0.5})]),
    ("displace_z", [("DISPLACE", {"strength": 2.0, "direction": "Z", "mid_level": 0.25})]),
    ("array_subsurf", [("ARRAY", {"count": 3}), ("SUBSURF", {})]),
    ("mirror_solidify_triangulate", [("MIRROR", {}), ("SOLIDIFY", {"thickness": 0.1}),
                                     ("TRIANGULATE", {})]),
]


def modifier_stacks():
    """Each stack on the default cube moved off the mirror plane: counts and bounds of the
    evaluated mesh."""
    out = []
    for name, stack in MODIFIER_CASES:
        bpy.ops.wm.read_factory_settings(use_empty=False)
        cube = bpy.data.objects["Cube"]
        cube.data.vertices.foreach_set("co", [c + (1.5 if i % 3 == 0 else 0.0) for i, c in
                                              enumerate(v for vert in cube.data.vertices
                                                        for v in vert.co)])
        cube.data.update()
        for kind, settings in stack:
            md = cube.modifiers.new(kind.title(), kind)
            for key, value in settings.items():
                setattr(md, key, value)
        dg = bpy.context.evaluated_depsgraph_get()
        me = cube.evaluated_get(dg).data
        co = [v.co for v in me.vertices]
        lo = [min(c[i] for c in co) for i in range(3)] if co else [0, 0, 0]
        hi = [max(c[i] for c in co) for i in range(3)] if co else [0, 0, 0]
        out.append({"name": name, "stack": [[k, {a: list(v) if isinstance(v, tuple) else v
                                                  for a, v in s.items()}] for k, s in stack],
                    "counts": [len(me.vertices), len(me.edges), len(me.polygons)],
                    "min": vec(lo), "max": vec(hi)})
    return out


def main():
    data = {"keying": keying(), "animation": animation(), "drivers": drivers(),
            "evaluated": evaluated()}
    data["modifier_stacks"] = modifier_stacks()
    with open(out_path(), "w") as f:
        json.dump(data, f, indent=1, sort_keys=True)


main()
