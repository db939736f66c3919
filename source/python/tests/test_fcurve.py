"""F-curves through bpy: Action.fcurves and groups, FCurve settings and functions, keyframe
points (insert, add, remove, clear, co_ui), modifiers (Generator, Cycles, Noise), errors, and
handles to removed data. Handle and evaluation numbers are checked against Blender 3.4 in
source/kernel/tests/fcurve_test.cc (tests/fixtures/fcurves.json); a few are repeated here
through the Python API."""

import json
import os

import pytest

import bpy
import whisk

FIXTURES = os.path.join(os.path.dirname(__file__), "..", "..", "..", "tests", "fixtures")
with open(os.path.join(FIXTURES, "fcurves.json")) as _f:
    ORACLE = json.load(_f)


@pytest.fixture(autouse=True)
def factory():
    whisk.read_factory_settings()
    yield


def close(a, b, tol=1e-5):
    return all(abs(x - y) <= tol * max(1.0, abs(y)) for x, y in zip(a, b))


def new_curve(path="location", index=0, group=""):
    act = bpy.data.actions.new("A")
    return act, act.fcurves.new(path, index=index, action_group=group)


def test_new_curve_defaults():
    act, fc = new_curve()
    assert (fc.data_path, fc.array_index, fc.group) == ("location", 0, None)
    assert fc.select and not fc.hide and not fc.lock and not fc.mute and fc.is_valid
    assert fc.extrapolation == "CONSTANT"
    assert fc.auto_smoothing == "CONT_ACCEL"  # Blender's preference for new curves
    assert fc.color_mode == "AUTO_RAINBOW"
    assert fc.is_empty and len(fc.keyframe_points) == 0 and len(fc.modifiers) == 0
    assert tuple(fc.range()) == (0.0, 0.0)
    assert tuple(act.frame_range) == (0.0, 1.0)


def test_insert_matches_blender_sequence():
    """The first ops of the oracle's "basic" sequence, through the Python API."""
    seq = next(s for s in ORACLE["sequences"] if s["name"] == "basic")
    _, fc = new_curve()
    for op, state in list(zip(seq["ops"], seq["states"]))[:4]:
        assert op["op"] == "insert"
        k = fc.keyframe_points.insert(op["frame"], op["value"])
        assert k.type == "KEYFRAME"
        assert len(fc.keyframe_points) == len(state)
        for ours, theirs in zip(fc.keyframe_points, state):
            assert close(ours.co, theirs["co"])
            assert close(ours.handle_left, theirs["handle_left"])
            assert close(ours.handle_right, theirs["handle_right"])
            assert ours.handle_left_type == theirs["handle_left_type"]


def test_evaluate_and_update_match_blender():
    rec = next(c for c in ORACLE["curves"] if c["name"] == "ipo_BEZIER_LINEAR_CONT_ACCEL")
    _, fc = new_curve()
    fc.extrapolation = rec["extrapolation"]
    fc.auto_smoothing = rec["auto_smoothing"]
    fc.keyframe_points.add(len(rec["keys_in"]))
    for k, spec in zip(fc.keyframe_points, rec["keys_in"]):
        k.co = spec["co"]
        k.handle_left = spec["handle_left"]
        k.handle_right = spec["handle_right"]
        k.handle_left_type = spec["handle_left_type"]
        k.handle_right_type = spec["handle_right_type"]
    fc.update()
    for k, theirs in zip(fc.keyframe_points, rec["keys"]):
        assert close(k.handle_left, theirs["handle_left"])
        assert close(k.handle_right, theirs["handle_right"])
    for frame, value in rec["samples"]:
        assert close([fc.evaluate(frame)], [value])


def test_insert_types():
    _, fc = new_curve()
    kp = fc.keyframe_points
    k = kp.insert(1, 2, keyframe_type="BREAKDOWN")
    assert k.type == "BREAKDOWN" and k.interpolation == "BEZIER"
    assert k.handle_left_type == "AUTO_CLAMPED" and k.select_control_point
    assert close((k.back, k.amplitude, k.period), (1.70158, 0.8, 4.1))
    again = kp.insert(1.004, 7)  # within 0.01 frame: the key's value is replaced
    assert tuple(again.co) == (1.0, 7.0) and len(kp) == 1 and again.type == "BREAKDOWN"
    with pytest.raises(TypeError):
        kp.insert(2, 2, keyframe_type="NOT_A_TYPE")


def insert_with_options(kp, frame, value, options):
    """insert(options=set): skipped while the bridge cannot pass enum sets to functions."""
    try:
        return kp.insert(frame, value, options=options)
    except TypeError as error:
        if "expected a string enum" in str(error):
            pytest.skip("the Python bridge does not pass enum-set function arguments yet")
        raise


def test_insert_options():
    _, fc = new_curve()
    kp = fc.keyframe_points
    kp.insert(1, 2)
    assert insert_with_options(kp, 5, 1, {"REPLACE"}) is None  # nothing to replace there
    assert len(kp) == 1
    again = insert_with_options(kp, 1.004, 7, {"REPLACE"})
    assert tuple(again.co) == (1.0, 7.0) and len(kp) == 1
    insert_with_options(kp, 4, 0, {"FAST"})
    assert tuple(kp[1].handle_left) == (3.0, 0.0)  # FAST: handles not recalculated
    with pytest.raises((TypeError, ValueError)):
        insert_with_options(kp, 2, 2, {"BAD"})


def test_add_remove_clear_and_references():
    _, fc = new_curve()
    kp = fc.keyframe_points
    kp.add(3)
    assert [tuple(k.co) for k in kp] == [(0.0, 0.0)] * 3
    assert (kp[0].back, kp[0].amplitude, kp[0].period) == (0.0, 0.0, 0.0)
    for i, k in enumerate(kp):
        k.co = (i * 2.0, i)
    last = kp[2]
    kp.remove(last)
    assert len(kp) == 2
    with pytest.raises(ReferenceError):
        last.co
    kp.remove(kp[0], fast=True)
    assert [tuple(k.co) for k in kp] == [(2.0, 1.0)]
    _, other = new_curve("scale")
    foreign = other.keyframe_points.insert(1, 1)
    with pytest.raises(RuntimeError):
        kp.remove(foreign)
    kp.clear()
    assert len(kp) == 0
    with pytest.raises(IndexError):
        kp[0]


def test_co_ui_moves_handles():
    _, fc = new_curve()
    for x, y in [(0, 0), (5, 3), (10, 1)]:
        fc.keyframe_points.insert(x, y)
    k = fc.keyframe_points[1]
    left, right = tuple(k.handle_left), tuple(k.handle_right)
    k.co_ui = (6, 4)
    assert close(k.handle_left, (left[0] + 1, left[1] + 1))
    assert close(k.handle_right, (right[0] + 1, right[1] + 1))
    k.co = (7, 4)
    assert close(k.handle_left, (left[0] + 1, left[1] + 1))  # co alone leaves handles
    with pytest.raises(TypeError):
        k.interpolation = "BAD"
    k.interpolation = "ELASTIC"
    k.easing = "EASE_IN_OUT"
    assert (k.interpolation, k.easing) == ("ELASTIC", "EASE_IN_OUT")


def test_actions_fcurves_collection():
    act = bpy.data.actions.new("A")
    a = act.fcurves.new("location", index=1, action_group="Object Transforms")
    b = act.fcurves.new('["prop"]')
    c = act.fcurves.new("location", index=2, action_group="Object Transforms")
    assert [(f.data_path, f.array_index) for f in act.fcurves] == [
        ("location", 1), ("location", 2), ('["prop"]', 0)]
    assert act.fcurves.find("location", index=2) == c
    assert act.fcurves.find("nothing") is None
    with pytest.raises(RuntimeError, match="already exists"):
        act.fcurves.new("location", index=1)
    with pytest.raises(RuntimeError, match="empty"):
        act.fcurves.new("")
    group = act.groups["Object Transforms"]
    assert a.group == group and [f.array_index for f in group.channels] == [1, 2]
    act.fcurves.remove(b)
    with pytest.raises(ReferenceError):
        b.data_path
    with pytest.raises((RuntimeError, ReferenceError)):
        act.fcurves.remove(b)
    act.fcurves.clear()
    assert len(act.fcurves) == 0 and len(act.groups) == 1  # groups stay


def test_groups():
    act = bpy.data.actions.new("A")
    g1 = act.groups.new("G")
    g2 = act.groups.new("G")
    assert (g1.name, g2.name) == ("G", "G.001")
    assert g1.select and not g1.show_expanded and g1.color_set == "DEFAULT"
    f = act.fcurves.new("x")
    f.group = g2
    assert f.group == g2 and [c.data_path for c in g2.channels] == ["x"]
    act.groups.remove(g2)
    assert f.group is None
    with pytest.raises(ReferenceError):
        g2.name
    other = bpy.data.actions.new("B")
    og = other.groups.new("Other")
    with pytest.raises(RuntimeError):
        act.groups.remove(og)
    f.group = og  # a group of another action: ignored, as in Blender
    assert f.group is None


def test_frame_range_from_keys():
    act = bpy.data.actions.new("A")
    f = act.fcurves.new("x")
    f.keyframe_points.insert(3, 1)
    assert tuple(act.frame_range) == (3.0, 4.0)
    f.keyframe_points.insert(7, 2)
    g = act.fcurves.new("y")
    g.keyframe_points.insert(-3, 0)
    assert tuple(act.frame_range) == (-3.0, 7.0)
    assert tuple(act.curve_frame_range) == (-3.0, 7.0)
    assert tuple(f.range()) == (3.0, 7.0)


def test_modifiers():
    _, fc = new_curve()
    gen = fc.modifiers.new("GENERATOR")
    assert gen.type == "GENERATOR" and gen.active and gen.show_expanded and gen.is_valid
    assert isinstance(gen, bpy.types.FModifierGenerator)
    assert list(gen.coefficients) == [0.0, 1.0] and gen.poly_order == 1
    assert not fc.is_empty
    assert fc.evaluate(3.5) == pytest.approx(3.5)  # y = x on a curve without keys
    gen.poly_order = 2
    assert list(gen.coefficients) == [0.0, 1.0, 0.0]
    gen.coefficients[2] = 0.5
    assert fc.evaluate(2.0) == pytest.approx(4.0)
    gen.mode = "POLYNOMIAL_FACTORISED"
    assert len(gen.coefficients) == 4
    assert fc.modifiers.new("CYCLES") is None  # Cycles must come first
    noise = fc.modifiers.new("NOISE")
    assert not noise.active and fc.modifiers.active == gen
    noise.active = True
    assert noise.active and not gen.active
    noise.active = False  # never switched off directly
    assert noise.active
    assert (noise.scale, noise.strength, noise.phase, noise.depth, noise.blend_type) == (
        1.0, 1.0, 1.0, 0, "REPLACE")
    fc.modifiers.remove(gen)
    with pytest.raises(ReferenceError):
        gen.mode
    with pytest.raises((RuntimeError, ReferenceError)):
        fc.modifiers.remove(gen)
    assert fc.is_empty  # noise alone makes no values
    with pytest.raises(TypeError):
        fc.modifiers.new("BAD")
    assert fc.modifiers.new("NULL") is None


def test_modifier_ranges():
    _, fc = new_curve()
    m = fc.modifiers.new("GENERATOR")
    m.use_restricted_range = True
    m.frame_start = 5
    assert (m.frame_start, m.frame_end) == (5.0, 5.0)
    m.frame_end = 3
    assert (m.frame_start, m.frame_end) == (3.0, 3.0)
    m.frame_end = 20
    m.blend_in = 30
    assert m.blend_in == 17.0
    m.blend_in = -2
    assert m.blend_in == 0.0
    m.influence = 4
    assert m.influence == 1.0


def test_cycles_modifier():
    _, fc = new_curve()
    for x, y in [(0, 0), (4, 3), (8, 1)]:
        fc.keyframe_points.insert(x, y)
    cyc = fc.modifiers.new("CYCLES")
    assert isinstance(cyc, bpy.types.FModifierCycles)
    assert (cyc.mode_before, cyc.mode_after, cyc.cycles_before, cyc.cycles_after) == (
        "REPEAT", "REPEAT", 0, 0)
    assert fc.evaluate(10) == pytest.approx(fc.evaluate(2))
    cyc.mode_after = "REPEAT_OFFSET"
    assert fc.evaluate(10) == pytest.approx(fc.evaluate(2) + 1.0)
    cyc.mode_after = "NONE"
    assert fc.evaluate(10) == pytest.approx(1.0)


def test_keyframe_handles_survive_unrelated_edits():
    act, fc = new_curve()
    kp = fc.keyframe_points
    for x in range(5):
        kp.insert(x, x * x)
    k3 = kp[3]
    other = act.fcurves.new("scale")
    other.keyframe_points.insert(1, 1)
    assert tuple(k3.co) == (3.0, 9.0)
    kp.insert(10, 1)  # appended after: index 3 is still the same key
    assert tuple(k3.co) == (3.0, 9.0)


def test_removed_action_invalidates_curves():
    act, fc = new_curve()
    k = fc.keyframe_points.insert(1, 1)
    m = fc.modifiers.new("NOISE")
    bpy.data.actions.remove(act)
    for getter in (lambda: fc.data_path, lambda: k.co, lambda: m.scale):
        with pytest.raises(ReferenceError):
            getter()


def test_copy_keeps_groups_apart():
    act = bpy.data.actions.new("A")
    act.fcurves.new("location", action_group="G")
    copy = act.copy()
    assert copy.fcurves[0].group == copy.groups["G"]
    copy.groups["G"].name = "H"
    assert act.groups[0].name == "G" and act.fcurves[0].group.name == "G"
