# Oracle generator: F-curves as Blender 3.4 computes them (handles, evaluation, modifiers,
# keyframe insertion), for tests/fixtures/fcurves.json (read by
# source/kernel/tests/fcurve_test.cc).
#
# Regenerate with:
#   blender -b --factory-startup --python tools/oracle/gen_fcurves.py -- tests/fixtures/fcurves.json
#
# Output: pretty JSON (indent=1, sort_keys=True), floats rounded to 6 places.
#
# "curves": one record per F-curve built through the Python API: keyframe_points.add(n),
#   then each key's fields set as listed in "keys_in" (co, handles, handle types,
#   interpolation, easing, back/amplitude/period, select_left_handle), the curve's
#   "extrapolation" and "auto_smoothing", its "modifiers" (type and settings, in stack
#   order), then fc.update(). Recorded: "keys" (co and handles after update) and "samples"
#   ([frame, fc.evaluate(frame)] over the keys' range and beyond, and next to each key).
# "sequences": keyframe_points.insert / remove / add calls on one curve ("ops") and the
#   keys after each call ("states": co, handles, handle types, interpolation, key type).
#   Blender 3.4 swaps `options` and `keyframe_type` inside keyframe_points.insert (the key
#   type receives the option bits, the insert flags the key type's value), so these calls
#   pass no options: keys come out as KEYFRAME, and keyframe_type MOVING_HOLD (value 4, the
#   FAST bit) skips the handle recalculation. Tests replay them with those effective
#   arguments; Whisk's insert() itself follows the documented meaning.
# "struct_sequences": bpy_struct.keyframe_insert calls on an object's location.x with
#   options (INSERTKEY_NEEDED, INSERTKEY_REPLACE): per call [frame, value, options,
#   returned] and the keys after each (key_state).
# "keyframe_insert": what Object.keyframe_insert() creates: per call, the action's curves
#   (data_path, array_index, group, auto_smoothing, keys with co/handles/interpolation).
# "flag_curves": curves of integer and boolean properties made by keyframe_insert; their
#   "flags" (INT_VALUES, DISCRETE_VALUES), keys and samples.
# "frame_ranges": per action, each curve's key frames and Action.frame_range.

import json
import random
import sys

import bpy


def out_path():
    argv = sys.argv
    if "--" in argv and len(argv) > argv.index("--") + 1:
        return argv[argv.index("--") + 1]
    return "fcurves.json"


def fnum(x):
    r = round(float(x), 6)
    return 0.0 if r == 0.0 else r


def vec(v):
    return [fnum(x) for x in v]


INTERPOLATIONS = ["CONSTANT", "LINEAR", "BEZIER", "SINE", "QUAD", "CUBIC", "QUART", "QUINT",
                  "EXPO", "CIRC", "BACK", "BOUNCE", "ELASTIC"]
EASINGS = ["AUTO", "EASE_IN", "EASE_OUT", "EASE_IN_OUT"]
HANDLES = ["FREE", "ALIGNED", "VECTOR", "AUTO", "AUTO_CLAMPED"]
KEY_TYPES = ["KEYFRAME", "BREAKDOWN", "MOVING_HOLD", "EXTREME", "JITTER"]
CYCLE_MODES = ["NONE", "REPEAT", "REPEAT_OFFSET", "MIRROR"]

action = bpy.data.actions.new("Oracle")


def key_state(k):
    return {"co": vec(k.co), "handle_left": vec(k.handle_left),
            "handle_right": vec(k.handle_right), "handle_left_type": k.handle_left_type,
            "handle_right_type": k.handle_right_type, "interpolation": k.interpolation,
            "type": k.type}


def sample_frames(fc):
    xs = [k.co[0] for k in fc.keyframe_points]
    if not xs:
        return [f * 0.5 for f in range(-10, 21)]
    lo, hi = min(xs) - 3.0, max(xs) + 3.0
    frames = []
    f = lo
    while f <= hi + 1e-9:
        frames.append(round(f, 4))
        f += 0.25
    for x in xs:
        for d in (-0.002, -0.00005, 0.00005, 0.002):
            frames.append(x + d)
    # Far outside, where cycles and extrapolation repeat.
    span = max(hi - lo, 1.0)
    frames += [lo - 2.3 * span, lo - 1.1 * span, hi + 1.2 * span, hi + 2.7 * span]
    return frames


def build_curve(name, keys, extrapolation="CONSTANT", smoothing="NONE", modifiers=()):
    """keys: dicts with co and optional handle_left/right, types, interpolation..."""
    fc = action.fcurves.new("c%d" % len(action.fcurves))
    fc.extrapolation = extrapolation
    fc.auto_smoothing = smoothing
    fc.keyframe_points.add(len(keys))
    keys_in = []
    for k, spec in zip(fc.keyframe_points, keys):
        k.co = spec["co"]
        k.handle_left = spec.get("handle_left", (spec["co"][0] - 1.0, spec["co"][1]))
        k.handle_right = spec.get("handle_right", (spec["co"][0] + 1.0, spec["co"][1]))
        k.handle_left_type = spec.get("handle_left_type", "AUTO_CLAMPED")
        k.handle_right_type = spec.get("handle_right_type", "AUTO_CLAMPED")
        k.interpolation = spec.get("interpolation", "BEZIER")
        k.easing = spec.get("easing", "AUTO")
        k.back = spec.get("back", 1.70158)
        k.amplitude = spec.get("amplitude", 0.8)
        k.period = spec.get("period", 4.1)
        k.select_left_handle = spec.get("select_left_handle", False)
        keys_in.append({"co": vec(k.co), "handle_left": vec(k.handle_left),
                        "handle_right": vec(k.handle_right),
                        "handle_left_type": k.handle_left_type,
                        "handle_right_type": k.handle_right_type,
                        "interpolation": k.interpolation, "easing": k.easing,
                        "back": fnum(k.back), "amplitude": fnum(k.amplitude),
                        "period": fnum(k.period),
                        "select_left_handle": k.select_left_handle})
    mods_out = []
    for spec in modifiers:
        m = fc.modifiers.new(spec["type"])
        for attr, value in spec.items():
            if attr in ("type", "coefficients"):
                continue
            setattr(m, attr, value)
        if "coefficients" in spec:
            for i, c in enumerate(spec["coefficients"]):
                m.coefficients[i] = c
        rec = {"type": m.type}
        for attr in ("mute", "use_restricted_range", "frame_start", "frame_end", "blend_in",
                     "blend_out", "use_influence", "influence"):
            rec[attr] = fnum(getattr(m, attr)) if isinstance(getattr(m, attr), float) else getattr(m, attr)
        if m.type == "GENERATOR":
            rec.update(mode=m.mode, use_additive=m.use_additive, poly_order=m.poly_order,
                       coefficients=vec(m.coefficients))
        elif m.type == "CYCLES":
            rec.update(mode_before=m.mode_before, mode_after=m.mode_after,
                       cycles_before=m.cycles_before, cycles_after=m.cycles_after)
        mods_out.append(rec)
    fc.update()
    record = {"name": name, "extrapolation": extrapolation, "auto_smoothing": smoothing,
              "keys_in": keys_in, "modifiers": mods_out,
              "keys": [{"co": vec(k.co), "handle_left": vec(k.handle_left),
                        "handle_right": vec(k.handle_right)} for k in fc.keyframe_points],
              "samples": [[fnum(f), fnum(fc.evaluate(f))] for f in sample_frames(fc)]}
    return record


def simple_keys(points, **common):
    return [dict(co=p, **common) for p in points]


curves = []
BASE = [(0, 0), (1, 2), (3, 2.5), (10, 3), (11, -1), (20, 5), (24, 5)]
rng = random.Random(3404)

# Interpolation x extrapolation x smoothing on auto-clamped handles.
for ipo in ("CONSTANT", "LINEAR", "BEZIER"):
    for ext in ("CONSTANT", "LINEAR"):
        for smooth in ("NONE", "CONT_ACCEL"):
            curves.append(build_curve("ipo_%s_%s_%s" % (ipo, ext, smooth),
                                      simple_keys(BASE, interpolation=ipo), ext, smooth))

# Every handle type on its own, with hand-placed starting handles for FREE and ALIGNED.
for ht in HANDLES:
    for ext in ("CONSTANT", "LINEAR"):
        for smooth in ("NONE", "CONT_ACCEL"):
            keys = []
            for i, (x, y) in enumerate(BASE):
                keys.append(dict(co=(x, y), handle_left=(x - 0.8 - 0.1 * i, y - 0.6 + 0.2 * i),
                                 handle_right=(x + 0.5 + 0.2 * i, y + 0.9 - 0.3 * i),
                                 handle_left_type=ht, handle_right_type=ht,
                                 select_left_handle=(i % 2 == 0)))
            curves.append(build_curve("handles_%s_%s_%s" % (ht, ext, smooth), keys, ext, smooth))

# Random curves: mixed handle types, interpolations, easings, unsorted keys.
for n in range(48):
    count = rng.randint(1, 8)
    keys = []
    for i in range(count):
        x = round(rng.uniform(-5, 30), 3)
        y = round(rng.uniform(-4, 6), 3)
        keys.append(dict(co=(x, y),
                         handle_left=(x - rng.uniform(-0.5, 4), y + rng.uniform(-3, 3)),
                         handle_right=(x + rng.uniform(-0.5, 4), y + rng.uniform(-3, 3)),
                         handle_left_type=rng.choice(HANDLES),
                         handle_right_type=rng.choice(HANDLES),
                         interpolation=rng.choice(INTERPOLATIONS if n % 3 else ["BEZIER"]),
                         easing=rng.choice(EASINGS), back=rng.choice([0.0, 1.70158, 3.2]),
                         amplitude=rng.choice([0.0, 0.8, 12.0]),
                         period=rng.choice([0.0, 4.1, 1.3]),
                         select_left_handle=rng.random() < 0.5))
    curves.append(build_curve("random_%d" % n, keys, rng.choice(["CONSTANT", "LINEAR"]),
                              rng.choice(["NONE", "CONT_ACCEL"])))

# Keys sharing a frame; keys out of order.
dup = [(0, 0), (5, 1), (5, 3), (10, 0), (10, 0), (12, 4)]
for smooth in ("NONE", "CONT_ACCEL"):
    curves.append(build_curve("duplicates_" + smooth, simple_keys(dup), "LINEAR", smooth))
    curves.append(build_curve("unsorted_" + smooth,
                              simple_keys([(8, 1), (2, 3), (5, -2), (0, 0), (12, 2)]),
                              "CONSTANT", smooth))

# Easing equations with their parameters.
EASE_KEYS = [(0, 0), (10, 5), (20, -3), (23, -2.5)]
for ipo in INTERPOLATIONS[3:]:
    for easing in EASINGS:
        params = [dict(back=1.70158, amplitude=0.8, period=4.1)]
        if ipo == "BACK":
            params.append(dict(back=3.5, amplitude=0.8, period=4.1))
        if ipo == "ELASTIC":
            params += [dict(back=1.7, amplitude=10.0, period=4.1),
                       dict(back=1.7, amplitude=0.0, period=0.0),
                       dict(back=1.7, amplitude=3.0, period=2.0)]
        for j, p in enumerate(params):
            curves.append(build_curve("ease_%s_%s_%d" % (ipo, easing, j),
                                      simple_keys(EASE_KEYS, interpolation=ipo, easing=easing, **p),
                                      "LINEAR"))

# Free handles reaching past the neighbouring key (the segment's handles are shortened).
for hr, hl in [((8, 0), (2, 10)), ((12, 5), (-3, 12)), ((25, -4), (9, 3)), ((4, 6), (6, 4))]:
    keys = [dict(co=(0, 0), handle_left=(-1, 0), handle_right=hr, handle_left_type="FREE",
                 handle_right_type="FREE"),
            dict(co=(10, 10), handle_left=hl, handle_right=(11, 10), handle_left_type="FREE",
                 handle_right_type="FREE")]
    curves.append(build_curve("overlap_%s_%s" % (hr, hl), keys, "LINEAR"))

# Modifiers.
MOD_KEYS = simple_keys([(2, 1), (5, 4), (9, 0), (12, 2)])
GEN = lambda **kw: dict(type="GENERATOR", **kw)
CYC = lambda **kw: dict(type="CYCLES", **kw)
mod_sets = [
    [GEN()],
    [GEN(poly_order=3, coefficients=[1.0, -0.5, 0.25, -0.02])],
    [GEN(poly_order=2, coefficients=[0.5, 0.1, 0.03], use_additive=True)],
    [GEN(mode="POLYNOMIAL_FACTORISED", poly_order=2, coefficients=[1.0, -2.0, 0.5, 1.0])],
    [GEN(mode="POLYNOMIAL_FACTORISED", poly_order=1, coefficients=[0.3, 2.0], use_additive=True)],
    [GEN(use_additive=True, coefficients=[1.0, 0.2], use_influence=True, influence=0.35)],
    [GEN(use_additive=True, coefficients=[2.0, 0.0], use_restricted_range=True,
         frame_start=3.0, frame_end=10.0, blend_in=2.0, blend_out=3.0)],
    [GEN(coefficients=[2.0, 0.0], mute=True)],
    [GEN(use_additive=True, coefficients=[1.0, 0.0]), GEN(poly_order=2, coefficients=[0.0, 0.0, 0.1], use_additive=True)],
]
for before in CYCLE_MODES:
    for after in CYCLE_MODES:
        mod_sets.append([CYC(mode_before=before, mode_after=after)])
for cb, ca in [(1, 2), (2, 1), (3, 0)]:
    for mode in CYCLE_MODES[1:]:
        mod_sets.append([CYC(mode_before=mode, mode_after=mode, cycles_before=cb, cycles_after=ca)])
mod_sets += [
    [CYC(use_influence=True, influence=0.5)],
    [CYC(mode_after="REPEAT_OFFSET", use_influence=True, influence=0.5)],
    [CYC(use_restricted_range=True, frame_start=-10.0, frame_end=20.0, blend_in=3.0, blend_out=2.0)],
    [CYC(mode_before="REPEAT_OFFSET", mode_after="REPEAT_OFFSET"), GEN(use_additive=True, coefficients=[0.0, 0.5])],
    [CYC(mode_after="MIRROR"), GEN(use_restricted_range=True, frame_start=10.0, frame_end=30.0, coefficients=[1.0, 0.0])],
]
for i, mods in enumerate(mod_sets):
    for ext in ("CONSTANT", "LINEAR"):
        curves.append(build_curve("mods_%d_%s" % (i, ext), MOD_KEYS, ext, "NONE", mods))

# Cyclic curves: the handles join across the cycle boundary.
for smooth in ("NONE", "CONT_ACCEL"):
    for mode in ("REPEAT", "REPEAT_OFFSET"):
        for pts in ([(0, 0), (4, 3), (8, 1), (12, 0)], [(0, 1), (3, 0), (7, 4), (10, 2.5)],
                    [(0, 0), (2, 1), (5, 3), (9, 2), (12, 5)]):
            for ht in ("AUTO_CLAMPED", "AUTO"):
                curves.append(build_curve("cyclic_%s_%s_%s_%d" % (smooth, mode, ht, len(curves)),
                                          simple_keys(pts, handle_left_type=ht, handle_right_type=ht),
                                          "CONSTANT", smooth,
                                          [CYC(mode_before=mode, mode_after=mode)]))

# Curves without keys.
for mods in ([GEN(poly_order=2, coefficients=[1.0, 0.5, -0.1])], [CYC()], []):
    curves.append(build_curve("empty_%d" % len(curves), [], "CONSTANT", "NONE", mods))


# ---- Insertion sequences ----------------------------------------------------------------

def run_sequence(name, ops, extrapolation="CONSTANT", cycles=False):
    fc = action.fcurves.new("seq_" + name)
    fc.extrapolation = extrapolation
    if cycles:
        fc.modifiers.new("CYCLES")
    states = []
    for op in ops:
        kp = fc.keyframe_points
        if op["op"] == "insert":
            kp.insert(op["frame"], op["value"], options=set(op["options"]),
                      keyframe_type=op["type"])
        elif op["op"] == "remove":
            kp.remove(kp[op["index"]], fast=op["fast"])
        elif op["op"] == "add":
            kp.add(op["count"])
        elif op["op"] == "interpolation":
            kp[op["index"]].interpolation = op["value"]
        states.append([key_state(k) for k in fc.keyframe_points])
    return {"name": name, "extrapolation": extrapolation, "cycles": cycles,
            "auto_smoothing": fc.auto_smoothing, "ops": ops, "states": states}


def ins(frame, value, options=(), type="KEYFRAME"):
    return {"op": "insert", "frame": frame, "value": value, "options": sorted(options), "type": type}


sequences = []
sequences.append(run_sequence("basic", [
    ins(1, 0), ins(5, 2), ins(3, 5), ins(3, 1), {"op": "interpolation", "index": 0, "value": "LINEAR"},
    ins(0, 1), ins(4, 1), ins(7, 1), ins(8, 1, type="MOVING_HOLD"), ins(8, 1), ins(9, 1),
    ins(9, 3, type="MOVING_HOLD"), ins(10, 3), ins(11, 3, type="BREAKDOWN"), ins(11.004, 6, type="JITTER"),
    {"op": "remove", "index": 2, "fast": False}, {"op": "remove", "index": 0, "fast": True},
    ins(2.5, -1), {"op": "add", "count": 2}]))
for s in range(4):
    r = random.Random(100 + s)
    ops = []
    for step in range(30):
        roll = r.random()
        if roll < 0.7 or not ops:
            frame = round(r.uniform(0, 40), 1) if r.random() < 0.8 else round(r.uniform(0, 40), 3)
            ops.append(ins(frame, round(r.uniform(-5, 5), 3), (), r.choice(KEY_TYPES)))
        elif roll < 0.85:
            ops.append({"op": "interpolation", "index": -1, "value": r.choice(INTERPOLATIONS)})
        else:
            ops.append({"op": "remove", "index": 0, "fast": r.random() < 0.3})
    # Indices -1 / 0 always exist once a key does; the first op inserts one.
    sequences.append(run_sequence("random_%d" % s, ops, r.choice(["CONSTANT", "LINEAR"]), s == 3))

# ---- bpy_struct.keyframe_insert with options -------------------------------------------

struct_sequences = []
for name, calls in [
        ("needed", [(1, 0, "N"), (5, 0, "N"), (9, 0, "N"), (12, 2, "N"), (15, 2, "N"),
                    (18, 2, "N"), (20, 2, "N"), (7, 0, "N"), (13, 1.3, "N"), (3, 0, "N"),
                    (0, 0, "N"), (-2, 0, "N"), (25, 4, "N"), (25, 4, "N")]),
        ("replace", [(1, 0, ""), (5, 2, "R"), (5, 3, "R"), (5.005, 1, "R"), (9, 1, ""),
                     (9, 4, "R"), (1, -1, "RN"), (3, 0, "N")])]:
    ob = bpy.data.objects.new("Seq_" + name, None)
    seq = {"name": name, "calls": [], "states": []}
    for i, (frame, value, opts) in enumerate(calls):
        options = set()
        if "N" in opts:
            options.add("INSERTKEY_NEEDED")
        if "R" in opts:
            options.add("INSERTKEY_REPLACE")
        ob.location.x = value
        ok = ob.keyframe_insert("location", index=0, frame=frame, options=options)
        fc = ob.animation_data.action.fcurves.find("location", index=0) if ob.animation_data else None
        seq["calls"].append([frame, value, sorted(options), ok])
        seq["states"].append([key_state(k) for k in fc.keyframe_points] if fc else [])
    struct_sequences.append(seq)

# ---- Object.keyframe_insert --------------------------------------------------------------

ki = []
cube = bpy.data.objects["Cube"]
cube["prop"] = 1.5
cube.location = (1.0, 2.0, 3.0)
for label, call in [("location", lambda: cube.keyframe_insert("location")),
                    ("rotation_euler_2_f10", lambda: cube.keyframe_insert("rotation_euler", index=2, frame=10)),
                    ("prop", lambda: cube.keyframe_insert('["prop"]')),
                    ("scale_group", lambda: cube.keyframe_insert("scale", index=1, frame=4, group="Custom")),
                    ("location_f20", lambda: cube.keyframe_insert("location", frame=20))]:
    result = call()
    curves_out = []
    for fc in cube.animation_data.action.fcurves:
        curves_out.append({"data_path": fc.data_path, "array_index": fc.array_index,
                           "group": fc.group.name if fc.group else None,
                           "auto_smoothing": fc.auto_smoothing, "select": fc.select,
                           "keys": [key_state(k) for k in fc.keyframe_points]})
    ki.append({"call": label, "result": result, "action": cube.animation_data.action.name,
               "groups": [g.name for g in cube.animation_data.action.groups],
               "curves": curves_out})

# ---- Integer and boolean properties ------------------------------------------------------

flag_curves = []
fob = bpy.data.objects.new("FlagOb", None)
for path, values in [("pass_index", [(1, 0), (10, 7), (20, 3)]),
                     ("hide_render", [(1, False), (10, True), (20, False)])]:
    for frame, value in values:
        setattr(fob, path, value)
        fob.keyframe_insert(path, frame=frame)
    fc = fob.animation_data.action.fcurves.find(path)
    flags = ["INT_VALUES"] if path == "pass_index" else ["DISCRETE_VALUES"]
    flag_curves.append({"data_path": path, "flags": flags,
                        "keys": [key_state(k) for k in fc.keyframe_points],
                        "samples": [[fnum(f), fnum(fc.evaluate(f))] for f in sample_frames(fc)]})

# ---- Action.frame_range ------------------------------------------------------------------

frame_ranges = []
for curve_keys in ([[3, 7]], [[3, 7], [-3]], [[]], [[4]], [[2, 2]], [[5, 1]], [[1, 9], [], [12]]):
    act = bpy.data.actions.new("Range")
    for i, xs in enumerate(curve_keys):
        fc = act.fcurves.new("r", index=i)
        fc.keyframe_points.add(len(xs))
        for k, x in zip(fc.keyframe_points, xs):
            k.co = (x, 0)
    frame_ranges.append({"curves": curve_keys, "frame_range": vec(act.frame_range)})

data = {"blender_version": bpy.app.version_string, "curves": curves, "sequences": sequences,
        "struct_sequences": struct_sequences, "keyframe_insert": ki, "flag_curves": flag_curves,
        "frame_ranges": frame_ranges}
with open(out_path(), "w") as f:
    json.dump(data, f, indent=1, sort_keys=True)
print("wrote", out_path(), len(curves), "curves")
