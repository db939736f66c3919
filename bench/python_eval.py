"""Evaluation through the Python API: one script for Blender and Whisk, so both run the
same bpy calls.

    blender -b --factory-startup --python bench/python_eval.py -- --json out.json
    PYTHONPATH=build/python /usr/bin/python3 bench/python_eval.py --json out.json

Phases (seconds, time.perf_counter; fastest of --repeat runs unless noted):
  anim_frames       2,000 empties with Bezier location keys (frames 1, 50, 100; set up
                    untimed), then scene.frame_set(f) for f = 1..100 (Blender 3.4: 1.10 s
                    quoted for this machine). Checked: an object's location at frame 100.
  subsurf7_to_mesh  the default cube with a SUBSURF modifier at level 7: add the modifier,
                    context.evaluated_depsgraph_get(), evaluated_get(dg).to_mesh()
                    (Blender: 87 ms quoted). Checked: 98,306 vertices.
  move_one_of_10k   10,000 empties (created and evaluated untimed); one object's location
                    changes, then view_layer.update(); the median of 50 moves.
Prints "RESULT python_eval <app> <phase> <seconds>" per phase and writes --json
{"app", "phases": {phase: seconds}}. bench/run_eval.sh runs it on both apps.
"""

import argparse
import json
import os
import statistics
import sys
import time

import bpy


def script_args():
    argv = sys.argv
    return argv[argv.index("--") + 1:] if "--" in argv else argv[1:]


def is_blender():
    binary = os.path.basename(getattr(bpy.app, "binary_path", "") or "").lower()
    return "blender" in binary or "blender" in os.path.basename(sys.executable).lower()


APP = "blender" if is_blender() else "whisk"


def reset():
    if APP == "blender":
        bpy.ops.wm.read_factory_settings(use_empty=False)
    else:
        import whisk
        whisk.read_factory_settings()


def check(condition, what):
    if not condition:
        raise AssertionError(what)


def anim_frames():
    reset()
    scene = bpy.context.scene
    collection = scene.collection
    objects = []
    for i in range(2000):
        ob = bpy.data.objects.new("E%d" % i, None)
        collection.objects.link(ob)
        for frame, x in ((1, 0.0), (50, float(i)), (100, 2.0 * i)):
            ob.location = (x, 0.5 * x, 1.0)
            ob.keyframe_insert("location", frame=frame)
        objects.append(ob)
    scene.frame_set(0)
    start = time.perf_counter()
    for frame in range(1, 101):
        scene.frame_set(frame)
    seconds = time.perf_counter() - start
    check(abs(objects[7].location[0] - 14.0) < 1e-4, "location at frame 100")
    return seconds


def subsurf7_to_mesh():
    reset()
    cube = bpy.data.objects["Cube"]
    start = time.perf_counter()
    md = cube.modifiers.new("Sub", "SUBSURF")
    md.levels = 7
    dg = bpy.context.evaluated_depsgraph_get()
    ob_eval = cube.evaluated_get(dg)
    mesh = ob_eval.to_mesh()
    count = len(mesh.vertices)
    seconds = time.perf_counter() - start
    ob_eval.to_mesh_clear()
    check(count == 98306, "vertex count %d" % count)
    return seconds


def move_one_of_10k():
    reset()
    collection = bpy.context.scene.collection
    for i in range(10000):
        ob = bpy.data.objects.new("M%d" % i, None)
        ob.location = (i, 0, 0)
        collection.objects.link(ob)
    layer = bpy.context.view_layer
    layer.update()
    target = bpy.data.objects["M5000"]
    times = []
    for step in range(50):
        start = time.perf_counter()
        target.location[1] = step
        layer.update()
        times.append(time.perf_counter() - start)
    check(abs(target.matrix_world.translation[1] - 49) < 1e-6, "moved object evaluated")
    return statistics.median(times)


PHASES = {"anim_frames": anim_frames, "subsurf7_to_mesh": subsurf7_to_mesh,
          "move_one_of_10k": move_one_of_10k}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json")
    parser.add_argument("--only", nargs="*")
    args = parser.parse_args(script_args())
    results = {}
    for name, fn in PHASES.items():
        if args.only and name not in args.only:
            continue
        results[name] = min(fn() for _ in range(max(1, args.repeat)))
        print("RESULT python_eval %s %s %.6f" % (APP, name, results[name]), flush=True)
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"app": APP, "phases": results}, f, indent=1)


main()
