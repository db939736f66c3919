"""Evaluation from Python: the depsgraph (evaluated copies, incremental updates, instances),
animation through keyframe_insert and frame_set, drivers and modifiers, compared with
Blender 3.4 (tests/fixtures/evaluation.json, tools/oracle/gen_evaluation.py)."""

import json
import os

import pytest

import bpy
import whisk

FIXTURES = os.path.join(os.path.dirname(__file__), "..", "..", "..", "tests", "fixtures")
with open(os.path.join(FIXTURES, "evaluation.json")) as f:
    ORACLE = json.load(f)


@pytest.fixture(autouse=True)
def factory():
    whisk.read_factory_settings()


def close(a, b, tol=1e-4):
    if isinstance(a, (list, tuple)) or hasattr(a, "__len__"):
        return len(a) == len(b) and all(close(x, y, tol) for x, y in zip(a, b))
    return abs(a - b) <= tol * max(1.0, abs(b))


def rows(m):
    return [list(r) for r in m]


def error_of(fn):
    try:
        fn()
    except Exception as e:  # noqa: BLE001
        return [type(e).__name__, str(e)]
    return None


# -- keying ---------------------------------------------------------------------------------

def test_keyframe_insert_errors_match_blender():
    ob = bpy.data.objects["Cube"]
    k = ORACLE["keying"]
    assert error_of(lambda: ob.keyframe_insert("nonexistent")) == k["bad_path"]["error"]
    assert error_of(lambda: ob.keyframe_insert("name")) == k["not_animatable"]["error"]
    assert error_of(lambda: ob.keyframe_insert("location", index=5)) == \
        k["index_out_of_range"]["error"]
    assert error_of(lambda: ob.driver_add("nonexistent")) == k["driver_bad"]["error"]


def test_keyframe_insert_builds_blenders_curves():
    ob = bpy.data.objects["Cube"]
    k = ORACLE["keying"]
    assert ob.keyframe_insert("location", frame=1) is True
    ob.location = (1.0, 2.0, 3.0)
    assert ob.keyframe_insert("location", frame=10)
    assert ob.keyframe_insert("rotation_euler", index=2, frame=5)
    assert ob.keyframe_insert("hide_render", frame=3)
    assert ob.keyframe_insert("pass_index", frame=3)
    ob["prop"] = 1.5
    assert ob.keyframe_insert('["prop"]', frame=2)
    assert ob.keyframe_insert("scale", index=0, frame=4, group="G")
    assert ob.animation_data.action.name == k["action_name"]
    curves = ob.animation_data.action.fcurves
    assert [(f.data_path, f.array_index, f.group.name if f.group else None) for f in curves] == \
        [(c["data_path"], c["array_index"], c["group"]) for c in k["curves"]]
    for fcu, expected in zip(curves, k["curves"]):
        for key, ek in zip(fcu.keyframe_points, expected["keys"]):
            assert close(key.co, ek["co"]), fcu.data_path
            assert close(key.handle_left, ek["left"]), fcu.data_path
            assert close(key.handle_right, ek["right"]), fcu.data_path
            assert key.interpolation == ek["interpolation"], fcu.data_path

    assert ob.keyframe_delete("location", frame=50) is k["delete_missing"]["result"]
    assert ob.keyframe_delete("location", frame=1) is k["delete"]["result"]
    assert [(f.data_path, f.array_index) for f in curves] == \
        [(c["data_path"], c["array_index"]) for c in k["curves_after_delete"]]


def test_driver_add_matches_blender():
    ob = bpy.data.objects["Cube"]
    ob.location = (1.0, 2.0, 3.0)
    k = ORACLE["keying"]
    d = ob.driver_add("location", 2)
    assert d.driver.expression == k["driver_single"]["expression"]
    assert d.driver.type == k["driver_single"]["type"]
    assert [m.type for m in d.modifiers] == k["driver_single"]["modifiers"]
    assert d.driver.is_simple_expression == k["driver_single"]["is_simple"]
    assert [x.driver.expression for x in ob.driver_add("delta_scale")] == k["driver_array"]
    assert ob.driver_add("hide_viewport").driver.expression == k["driver_bool"]
    assert ob.driver_add("location", 2) == d, "adding again returns the existing driver"
    assert ob.driver_remove("location", 2) is k["driver_remove"]["result"]
    assert ob.driver_remove("location", 2) is k["driver_remove_again"]["result"]


# -- animation ------------------------------------------------------------------------------

def test_frame_set_evaluates_animation_like_blender():
    scene = bpy.context.scene
    parent = bpy.data.objects.new("AnimParent", None)
    child = bpy.data.objects.new("AnimChild", None)
    scene.collection.objects.link(parent)
    scene.collection.objects.link(child)
    child.parent = parent
    child.location = (0.0, 1.0, 0.0)
    for frame, loc, rot in [(1, (0, 0, 0), (0, 0, 0)), (10, (4, -2, 1), (0, 0, 1.2)),
                            (20, (1, 3, -1), (0.5, 0, 0))]:
        parent.location = loc
        parent.rotation_euler = rot
        parent.keyframe_insert("location", frame=frame)
        parent.keyframe_insert("rotation_euler", frame=frame)
    for rec in ORACLE["animation"]:
        frame = rec["frame"]
        if frame == int(frame):
            scene.frame_set(int(frame))
        else:
            scene.frame_set(int(frame), subframe=frame - int(frame))
        assert close(parent.location, rec["parent_location"]), frame
        assert close(parent.rotation_euler, rec["parent_rotation"]), frame
        assert close(sum(rows(child.matrix_world), []), sum(rec["child_matrix_world"], [])), frame


# -- drivers --------------------------------------------------------------------------------

def _driver_setups():
    def single(drv, src, other, expr="var", kind="AVERAGE", path="location.x"):
        drv.type = kind
        v = drv.variables.new()
        v.targets[0].id = src
        v.targets[0].data_path = path
        drv.expression = expr

    def transforms(channel, space="WORLD_SPACE", mode="AUTO"):
        def setup(drv, src, other):
            drv.type = "SCRIPTED"
            v = drv.variables.new()
            v.type = "TRANSFORMS"
            v.targets[0].id = src
            v.targets[0].transform_type = channel
            v.targets[0].transform_space = space
            v.targets[0].rotation_mode = mode
            drv.expression = "var"
        return setup

    def diff(kind):
        def setup(drv, src, other):
            drv.type = "SUM"
            v = drv.variables.new()
            v.type = kind
            v.targets[0].id = src
            v.targets[1].id = other
        return setup

    return {
        "average": lambda d, s, o: single(d, s, o),
        "sum_custom": lambda d, s, o: single(d, s, o, kind="SUM", path='["val"]'),
        "scripted_simple": lambda d, s, o: single(d, s, o, kind="SCRIPTED", expr="var * 2 + frame"),
        "scripted_python": lambda d, s, o: single(d, s, o, kind="SCRIPTED", expr="var ** 2"),
        "scripted_broken": lambda d, s, o: single(d, s, o, kind="SCRIPTED", expr="var +"),
        "bad_path": lambda d, s, o: single(d, s, o, path="no_such_prop"),
        "loc_x": transforms("LOC_X"),
        "rot_z": transforms("ROT_Z"),
        "rot_x_quat": transforms("ROT_X", mode="QUATERNION"),
        "rot_w": transforms("ROT_W", mode="QUATERNION"),
        "scale_y": transforms("SCALE_Y"),
        "scale_avg": transforms("SCALE_AVG"),
        "loc_z_transform_space": transforms("LOC_Z", space="TRANSFORM_SPACE"),
        "loc_diff": diff("LOC_DIFF"),
        "rot_diff": diff("ROTATION_DIFF"),
        "min": lambda d, s, o: setattr(d, "type", "MIN"),
    }


@pytest.mark.parametrize("case", ORACLE["drivers"], ids=lambda c: c["name"])
def test_driver_values_match_blender(case):
    scene = bpy.context.scene
    name = case["name"]
    src = bpy.data.objects.new("Src_" + name, None)
    other = bpy.data.objects.new("Other_" + name, None)
    target = bpy.data.objects.new("Drv_" + name, None)
    for o in (src, other, target):
        scene.collection.objects.link(o)
    src.location = (1.5, -2.0, 0.75)
    src.rotation_euler = (0.3, 0.2, 0.9)
    src.scale = (2.0, 1.0, 0.5)
    src["val"] = 4.0
    other.location = (-1.0, 1.0, 2.0)
    other.rotation_euler = (0.0, 0.5, 0.0)
    drv = target.driver_add("location", 0).driver
    _driver_setups()[name](drv, src, other)
    bpy.context.view_layer.update()
    scene.frame_set(7)
    assert drv.is_simple_expression == case["is_simple"]
    assert drv.is_valid == case["is_valid"]
    assert close(target.location[0], case["value"]), (target.location[0], case["value"])


def test_untrusted_file_never_runs_python_drivers():
    scene = bpy.context.scene
    ob = bpy.data.objects["Cube"]
    drv = ob.driver_add("location", 0).driver
    drv.expression = "__import__('math').pi"
    whisk.set_scripts_trusted(False)
    try:
        scene.frame_set(2)
        assert ob.location[0] == 0.0
    finally:
        whisk.set_scripts_trusted(True)
    scene.frame_set(3)
    assert abs(ob.location[0] - 3.14159265) < 1e-5


# -- evaluated data, modifiers, instances ---------------------------------------------------

def test_evaluated_copies_bounds_and_modifiers_match_blender():
    e = ORACLE["evaluated"]
    scene = bpy.context.scene
    cube = bpy.data.objects["Cube"]
    cube.scale = (1, 2, 1)
    assert close(sum(rows(cube.bound_box), []), sum(e["bound_box_plain"], []))
    assert close(cube.dimensions, e["dimensions_plain"])
    arr = cube.modifiers.new("Arr", "ARRAY")
    arr.count = 3
    sub = cube.modifiers.new("", "SUBSURF")
    assert [m.name for m in cube.modifiers] == e["modifier_names"]
    dg = bpy.context.evaluated_depsgraph_get()
    ob_eval = cube.evaluated_get(dg)
    assert ob_eval.is_evaluated and ob_eval.original == cube
    me = ob_eval.to_mesh()
    assert [len(me.vertices), len(me.edges), len(me.polygons)] == e["array_subsurf_counts"]
    ob_eval.to_mesh_clear()
    with pytest.raises(ReferenceError):
        len(me.vertices)
    assert close(sum(rows(cube.bound_box), []), sum(e["bound_box_modifiers"], []))
    assert close(cube.dimensions, e["dimensions_modifiers"])
    assert close(sum(rows(ob_eval.bound_box), []), sum(e["eval_bound_box"], []))
    sub.show_viewport = False
    dg.update()
    assert len(cube.evaluated_get(dg).data.vertices) == e["array_only_counts"]
    cube.modifiers.move(1, 0)
    assert [m.name for m in cube.modifiers] == e["moved_names"]
    new_mesh = bpy.data.meshes.new_from_object(cube.evaluated_get(dg))
    assert [new_mesh.name, len(new_mesh.vertices), new_mesh.users] == e["new_from_object"]
    assert len(bpy.data.meshes.new_from_object(cube).vertices) == e["new_from_object_original"]
    assert len(cube.data.vertices) == 8, "evaluation never writes the original"


def test_collection_instances_like_blender():
    e = ORACLE["evaluated"]
    scene = bpy.context.scene
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
    expected = [i for i in e["instances"] if i[0] in ("Member", "Instancer", "Cube")]
    got = sorted([i.object.name, i.is_instance, i.parent.name if i.parent else None,
                  list(i.matrix_world.translation)] for i in dg.object_instances)
    got = [g for g in got if g[0] in ("Member", "Instancer", "Cube")]
    assert [g[:3] for g in got] == [x[:3] for x in expected]
    for g, x in zip(got, expected):
        assert close(g[3], x[3])


def test_updates_and_handles_to_evaluated_data():
    dg = bpy.context.evaluated_depsgraph_get()
    cube = bpy.data.objects["Cube"]
    ob_eval = cube.evaluated_get(dg)
    cube.location.x = 3.0
    dg.update()
    updated = {u.id.name: (u.is_updated_transform, u.is_updated_geometry) for u in dg.updates}
    assert updated.get("Cube") == (True, False)
    assert abs(ob_eval.matrix_world.translation.x - 3.0) < 1e-6, "handles stay valid"
    assert dg.id_eval_get(cube) == ob_eval
    assert {o.name for o in dg.objects} == {"Cube", "Light", "Camera"}
    bpy.data.objects.remove(bpy.data.objects["Light"])
    with pytest.raises(ReferenceError):
        ob_eval.name
    dg.update()
    assert {o.name for o in dg.objects} == {"Cube", "Camera"}


def test_parenting_loop_through_drivers_is_reported_and_evaluation_finishes():
    ob = bpy.data.objects["Cube"]
    fcu = ob.driver_add("location", 0)
    var = fcu.driver.variables.new()
    var.type = "TRANSFORMS"
    var.targets[0].id = ob
    var.targets[0].transform_type = "LOC_Y"
    fcu.driver.expression = "var + 1"
    dg = bpy.context.evaluated_depsgraph_get()
    assert any("cycle" in line for line in whisk.depsgraph_cycles(dg))
    bpy.context.scene.frame_set(5)


def test_absurd_modifier_settings_are_safe():
    cube = bpy.data.objects["Cube"]
    arr = cube.modifiers.new("Arr", "ARRAY")
    arr.count = 10**9
    dg = bpy.context.evaluated_depsgraph_get()
    assert len(cube.evaluated_get(dg).data.vertices) < 10**8


@pytest.mark.parametrize("case", ORACLE["modifier_stacks"], ids=lambda c: c["name"])
def test_modifier_stacks_match_blender(case):
    cube = bpy.data.objects["Cube"]
    co = [0.0] * 24
    cube.data.vertices.foreach_get("co", co)
    cube.data.vertices.foreach_set("co", [c + (1.5 if i % 3 == 0 else 0.0) for i, c in enumerate(co)])
    cube.data.update()
    for kind, settings in case["stack"]:
        md = cube.modifiers.new(kind.title(), kind)
        for key, value in settings.items():
            setattr(md, key, value)
    dg = bpy.context.evaluated_depsgraph_get()
    me = cube.evaluated_get(dg).data
    assert [len(me.vertices), len(me.edges), len(me.polygons)] == case["counts"]
    pos = [0.0] * (3 * len(me.vertices))
    me.vertices.foreach_get("co", pos)
    lo = [min(pos[i::3]) for i in range(3)]
    hi = [max(pos[i::3]) for i in range(3)]
    assert close(lo, case["min"]) and close(hi, case["max"]), (lo, hi)
    assert len(cube.data.vertices) == 8


def test_driver_whose_target_is_removed_becomes_invalid():
    scene = bpy.context.scene
    src = bpy.data.objects.new("Src", None)
    scene.collection.objects.link(src)
    src.location.x = 2.0
    ob = bpy.data.objects["Cube"]
    drv = ob.driver_add("location", 1).driver
    drv.type = "SUM"
    var = drv.variables.new()
    var.targets[0].id = src
    var.targets[0].data_path = "location.x"
    bpy.context.view_layer.update()
    assert ob.location[1] == 2.0 and drv.is_valid
    bpy.data.objects.remove(src)
    assert var.targets[0].id is None
    bpy.context.view_layer.update()
    assert not drv.is_valid


def test_nan_keyframes_do_not_break_evaluation():
    ob = bpy.data.objects["Cube"]
    ob.location.x = float("nan")
    ob.keyframe_insert("location", index=0, frame=1)
    ob.location.x = 1.0
    ob.keyframe_insert("location", index=0, frame=10)
    for frame in (1, 5, 10, 20):
        bpy.context.scene.frame_set(frame)
    assert ob.location.x == 1.0


def test_array_caps_use_the_cap_objects_evaluated_mesh():
    scene = bpy.context.scene
    cube = bpy.data.objects["Cube"]
    cap_mesh = bpy.data.meshes.new("CapMesh")
    cap_mesh.from_pydata([(0, 0, 0), (1, 0, 0), (0, 1, 0)], [], [(0, 1, 2)])
    cap = bpy.data.objects.new("Cap", cap_mesh)
    scene.collection.objects.link(cap)
    arr = cube.modifiers.new("Arr", "ARRAY")
    arr.start_cap = cap
    dg = bpy.context.evaluated_depsgraph_get()
    assert len(cube.evaluated_get(dg).data.vertices) == 16 + 3
    cap_mesh.vertices.add(1)
    cap_mesh.update()
    dg.update()
    assert len(cube.evaluated_get(dg).data.vertices) == 16 + 4, "the cap's change reaches the array"


def test_nested_paths_animate():
    scene = bpy.context.scene
    cube = bpy.data.objects["Cube"]
    sub = cube.modifiers.new("Sub", "SUBSURF")
    sub.levels = 0
    sub.keyframe_insert("levels", frame=1)
    sub.levels = 2
    sub.keyframe_insert("levels", frame=10)
    assert cube.animation_data.action.fcurves[0].data_path == 'modifiers["Sub"].levels'
    mesh = cube.data
    mesh.vertices[0].keyframe_insert("co", frame=1)
    assert [f.data_path for f in mesh.animation_data.action.fcurves] == ["vertices[0].co"] * 3
    scene.frame_set(10)
    dg = bpy.context.evaluated_depsgraph_get()
    assert sub.levels == 2
    assert len(cube.evaluated_get(dg).data.vertices) == 98
    scene.frame_set(1)
    assert len(cube.evaluated_get(dg).data.vertices) == 8


def test_deleting_an_object_a_modifier_uses():
    scene = bpy.context.scene
    cube = bpy.data.objects["Cube"]
    mirror_ob = bpy.data.objects.new("MirrorOb", None)
    scene.collection.objects.link(mirror_ob)
    mirror = cube.modifiers.new("Mirror", "MIRROR")
    mirror.mirror_object = mirror_ob
    dg = bpy.context.evaluated_depsgraph_get()
    assert len(cube.evaluated_get(dg).data.vertices) == 16
    bpy.data.objects.remove(mirror_ob)
    assert mirror.mirror_object is None
    dg = bpy.context.evaluated_depsgraph_get()
    assert len(cube.evaluated_get(dg).data.vertices) == 16, "mirrored in its own space now"


def test_stale_update_and_instance_items_raise():
    dg = bpy.context.evaluated_depsgraph_get()
    cube = bpy.data.objects["Cube"]
    cube.location.x = 1.0
    dg.update()
    updates = list(dg.updates)
    instances = list(dg.object_instances)
    assert updates and instances
    dg.update()
    cube.location.x = 2.0
    dg.update()
    for item in updates + instances:
        with pytest.raises(ReferenceError):
            item.is_instance if hasattr(type(item), "is_instance") else item.id
