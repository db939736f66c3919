"""Object creation, lookup and removal through the Python API: one script for Blender and
Whisk, so both run exactly the same bpy calls.

    blender -b --factory-startup --python bench/python_objects.py -- --count 5000 --json out.json
    PYTHONPATH=build/python /usr/bin/python3 bench/python_objects.py --count 5000 --json out.json

Phases (each timed with time.perf_counter, seconds):
  create  for i in range(N): a mesh "Mesh{i}", an object "Object{i}" using it, linked to
          the scene's master collection
  lookup  bpy.data.objects[f"Object{i}"] for each i
  remove  bpy.data.objects.remove(bpy.data.objects[f"Object{i}"]) one by one (the meshes
          stay, now without users)

With --repeat R the whole workload runs R times from a fresh scene and each phase reports
its fastest run. Prints one line
  RESULT python_objects <app> <N> <create_s> <lookup_s> <remove_s>
and, with --json, writes {"app", "version", "count", "repeat", "create", "lookup",
"remove"}.
Runs from the factory startup scene (Cube, Camera, Light). bench/run_python.sh runs it on
both and prints the ratios.
"""

import argparse
import gc
import json
import os
import sys
import time

import bpy


def script_args():
    """Arguments after "--" (Blender passes its own before them), else sys.argv[1:]."""
    argv = sys.argv
    return argv[argv.index("--") + 1:] if "--" in argv else argv[1:]


def is_blender():
    binary = os.path.basename(getattr(bpy.app, "binary_path", "") or "").lower()
    return "blender" in binary or "blender" in os.path.basename(sys.executable).lower()


def reset():
    """Start from the factory startup scene (untimed)."""
    if is_blender():
        bpy.ops.wm.read_factory_settings(use_empty=False)
    else:
        import whisk
        whisk.read_factory_settings()


def phase(fn):
    gc.collect()
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def run(n):
    def create():
        link = bpy.context.scene.collection.objects.link
        for i in range(n):
            me = bpy.data.meshes.new(f"Mesh{i}")
            ob = bpy.data.objects.new(f"Object{i}", me)
            link(ob)

    def lookup():
        objects = bpy.data.objects
        for i in range(n):
            objects[f"Object{i}"]

    def remove():
        objects = bpy.data.objects
        for i in range(n):
            objects.remove(objects[f"Object{i}"])

    reset()
    result = {"create": phase(create), "lookup": phase(lookup), "remove": phase(remove)}
    # Sanity: everything made was found and removed.
    assert not any(name.startswith("Object") for name in bpy.data.objects.keys())
    return result


def main():
    parser = argparse.ArgumentParser(prog="python_objects.py")
    parser.add_argument("--count", type=int, default=1000, help="objects to create (N)")
    parser.add_argument("--json", help="write the timings to this file")
    parser.add_argument("--repeat", type=int, default=1,
                        help="run the workload this many times, keep each phase's fastest")
    args = parser.parse_args(script_args())

    app = "blender" if is_blender() else "whisk"
    version = bpy.app.version_string if app == "blender" else \
        ".".join(str(v) for v in getattr(bpy.app, "whisk_version", (0, 0, 0)))
    runs = [run(args.count) for _ in range(max(1, args.repeat))]
    timings = {p: min(r[p] for r in runs) for p in ("create", "lookup", "remove")}
    print("RESULT python_objects %s %d %.6f %.6f %.6f" % (
        app, args.count, timings["create"], timings["lookup"], timings["remove"]), flush=True)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(dict(app=app, version=version, count=args.count, repeat=len(runs),
                           **timings), f, indent=1)
            f.write("\n")


main()
