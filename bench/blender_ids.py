# The workloads of bench/ids_bench.cc, run in Blender through bpy, for side-by-side
# timings (bench/run.sh runs both and prints the ratios).
#
#   blender -b --factory-startup --python bench/blender_ids.py -- 10000 20000
#
# Prints one line per measurement:
#   RESULT <benchmark> <N> <milliseconds>
# with the same benchmark names as whisk_bench_ids. Each workload starts from the
# factory startup file with the IDs it needs made beforehand (untimed), and runs its N
# operations once, as the C++ benchmarks do. Names are made before the timer starts.

import sys
import time

import bpy


def args_after_dashes():
    argv = sys.argv
    return argv[argv.index("--") + 1:] if "--" in argv else []


def reset():
    bpy.ops.wm.read_factory_settings(use_empty=False)


def collection_of(kind):
    return bpy.data.objects if kind == "objects" else bpy.data.meshes


def new_id(kind, name):
    if kind == "objects":
        return bpy.data.objects.new(name, None)
    return bpy.data.meshes.new(name)


def make_names(prefix, n):
    return ["%s_%d" % (prefix, i) for i in range(n)]


def prefix_of(kind):
    return "Object" if kind == "objects" else "Mesh"


def fill(kind, n):
    names = make_names(prefix_of(kind), n)
    return names, [new_id(kind, name) for name in names]


def timed(fn):
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000.0


def bench_create(kind, n):
    names = make_names(prefix_of(kind), n)

    def run():
        for name in names:
            new_id(kind, name)
    return timed(run)


def bench_create_same_name(kind, n):
    name = prefix_of(kind)

    def run():
        for _ in range(n):
            new_id(kind, name)
    return timed(run)


def bench_lookup(kind, n):
    names, _ = fill(kind, n)
    data = collection_of(kind)

    def run():
        for name in names:
            data[name]
    return timed(run)


def bench_rename(kind, n):
    _, ids = fill(kind, n)
    new_names = make_names("Renamed", n)

    def run():
        for id_, name in zip(ids, new_names):
            id_.name = name
    return timed(run)


def bench_remove(kind, n):
    _, ids = fill(kind, n)
    data = collection_of(kind)

    def run():
        for id_ in ids:
            data.remove(id_)
    return timed(run)


class SceneWorkload:
    """N objects, each with its own mesh, linked to the scene collection."""

    def __init__(self, n):
        self.object_names = make_names("Object", n)
        self.mesh_names = make_names("Mesh", n)

    def create_and_link(self):
        objects, meshes = bpy.data.objects, bpy.data.meshes
        collection = bpy.context.scene.collection
        for object_name, mesh_name in zip(self.object_names, self.mesh_names):
            ob = objects.new(object_name, meshes.new(mesh_name))
            collection.objects.link(ob)

    def lookup_all(self):
        objects = bpy.data.objects
        for name in self.object_names:
            objects[name]

    def remove_all(self):
        objects, meshes = bpy.data.objects, bpy.data.meshes
        for name in self.object_names:
            ob = objects[name]
            mesh = ob.data
            objects.remove(ob)
            meshes.remove(mesh)


def bench_scene_create_link(n):
    work = SceneWorkload(n)
    return timed(work.create_and_link)


def bench_scene_lookup(n):
    work = SceneWorkload(n)
    work.create_and_link()
    return timed(work.lookup_all)


def bench_scene_remove(n):
    work = SceneWorkload(n)
    work.create_and_link()
    return timed(work.remove_all)


def bench_scene_total(n):
    work = SceneWorkload(n)

    def run():
        work.create_and_link()
        work.lookup_all()
        work.remove_all()
    return timed(run)


def benchmarks():
    for kind in ("objects", "meshes"):
        yield kind + "_create", lambda n, k=kind: bench_create(k, n)
        yield kind + "_create_same_name", lambda n, k=kind: bench_create_same_name(k, n)
        yield kind + "_lookup", lambda n, k=kind: bench_lookup(k, n)
        yield kind + "_rename", lambda n, k=kind: bench_rename(k, n)
        yield kind + "_remove", lambda n, k=kind: bench_remove(k, n)
    yield "scene_create_link", bench_scene_create_link
    yield "scene_lookup", bench_scene_lookup
    yield "scene_remove", bench_scene_remove
    yield "scene_total", bench_scene_total


def main():
    sizes = [int(arg) for arg in args_after_dashes()] or [10000]
    for name, fn in benchmarks():
        for n in sizes:
            reset()
            ms = fn(n)
            print("RESULT %s %d %.3f" % (name, n, ms), flush=True)


main()
