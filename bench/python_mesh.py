"""Mesh geometry through the Python API on an N x N vertex grid: one script for Blender and
Whisk, so both run exactly the same bpy calls.

    blender -b --factory-startup --python bench/python_mesh.py -- --size 1000 --json out.json
    PYTHONPATH=build/python /usr/bin/python3 bench/python_mesh.py --size 1000 --json out.json

The grid has V = N*N vertices, F = (N-1)^2 quads, E = 2*N*(N-1) edges and L = 4*F loops
(N = 1000: 1M vertices, 998,001 faces, ~2M edges, ~4M loops). All input arrays are numpy
(float32 / int32, the buffer protocol's fast path in both) and are built untimed.

Phases (seconds, time.perf_counter; the RESULT lines and the JSON use these names):
  verts_add          mesh.vertices.add(V) on a new mesh
  verts_set          mesh.vertices.foreach_set("co", float32[3V])
  verts_add_set      the two together (Blender 3.4: 49 ms quoted for this machine); the first
                     write touches the new memory, so page faults are part of verts_set
  verts_set_again    foreach_set("co") again, fastest of 3 (memory already paged in)
  verts_get          mesh.vertices.foreach_get("co", float32[3V]) (Blender: 3.6 ms quoted),
                     fastest of 3 reads per run into an array already paged in
  memcpy             dst[:] = src of two float32[3V] numpy arrays (both paged in): the copy
                     baseline
  topology           edges.add(E) + foreach_set("vertices"), loops.add(L) +
                     foreach_set("vertex_index"), polygons.add(F) + foreach_set("loop_start")
                     + foreach_set("loop_total"), then mesh.update(calc_edges=True)
  topology_update    the update(calc_edges=True) call alone (part of topology)
  vert_normals       vertices.foreach_get("normal", float32[3V]) right after the positions
                     moved (foreach_set("co") + mesh.update(), untimed): includes computing
                     the normals
  poly_normals       polygons.foreach_get("normal", float32[3F]), likewise after a move
  loop_tris          mesh.calc_loop_triangles() + len(mesh.loop_triangles) +
                     loop_triangles.foreach_get("loops", int32[3T]), after a move
  loop_tris_calc     calc_loop_triangles() alone (part of loop_tris)
Whisk only (Blender 3.4 has no "position" attribute nor as_array()):
  as_array_<n>       attributes["position"].as_array() on an n-vertex mesh, the median of
                     many calls (n = 10, 10000 and V; the attribute looked up beforehand);
                     as_array_mean_<n> is their mean (it includes the rare slow call)
  as_array_write_normal  on the grid: a = attributes["position"].as_array();
                     a[:, 2] = slope * a[:, 0] (numpy, all V z values); then
                     mesh.vertices[k].normal[:] while `a` lives; the normal is checked
                     against the slope (a write through the view invalidates the normals)
  as_array_normal_again  the same vertex normal read again while `a` still lives
  as_array_write_drop_normal  the same, but `del a` before the normal is read
  as_array_drop_normal_again  the normal read again after that

Results are checked (counts, one polygon's vertices, normals of the tilted plane, the
triangles' loop indices) so a phase cannot be fast by doing nothing. With --repeat R each
phase runs R times (a fresh mesh each time) and reports its fastest. Prints
  RESULT python_mesh <app> <N> <phase> <seconds>
per phase (and "ERROR python_mesh <app> <N> <phase> <message>" for a call that failed), and
with --json writes {"app", "version", "size", "repeat", "phases": {phase: seconds},
"errors": {phase: message}}. bench/run_mesh.sh runs it on both and prints the ratios.
"""

import argparse
import gc
import json
import os
import statistics
import sys
import time
import traceback

import bpy
import numpy as np


def script_args():
    """Arguments after "--" (Blender passes its own before them), else sys.argv[1:]."""
    argv = sys.argv
    return argv[argv.index("--") + 1:] if "--" in argv else argv[1:]


def is_blender():
    binary = os.path.basename(getattr(bpy.app, "binary_path", "") or "").lower()
    return "blender" in binary or "blender" in os.path.basename(sys.executable).lower()


APP = "blender" if is_blender() else "whisk"


class Grid:
    """The numpy input arrays of an n x n vertex grid in the XY plane (normals +Z)."""

    def __init__(self, n):
        self.n = n
        self.verts = n * n
        self.faces = (n - 1) * (n - 1)
        self.edges = 2 * n * (n - 1)
        self.loops = 4 * self.faces
        self.tris = 2 * self.faces
        ys, xs = np.divmod(np.arange(self.verts, dtype=np.int64), n)
        self.x = (xs / max(n - 1, 1)).astype(np.float32)
        self.y = (ys / max(n - 1, 1)).astype(np.float32)
        self.co = np.empty((self.verts, 3), dtype=np.float32)
        self.co[:, 0] = self.x
        self.co[:, 1] = self.y
        self.co[:, 2] = 0.0
        self.co = self.co.reshape(-1)
        idx = np.arange(self.verts, dtype=np.int32).reshape(n, n)
        # Counter-clockwise seen from +Z: (i, j), (i, j+1), (i+1, j+1), (i+1, j).
        self.corner_verts = np.stack(
            [idx[:-1, :-1], idx[:-1, 1:], idx[1:, 1:], idx[1:, :-1]], axis=-1).reshape(-1)
        horizontal = np.stack([idx[:, :-1], idx[:, 1:]], axis=-1).reshape(-1, 2)
        vertical = np.stack([idx[:-1, :], idx[1:, :]], axis=-1).reshape(-1, 2)
        self.edge_verts = np.concatenate([horizontal, vertical]).reshape(-1).astype(np.int32)
        self.loop_start = (np.arange(self.faces, dtype=np.int32) * 4)
        self.loop_total = np.full(self.faces, 4, dtype=np.int32)

    def tilted(self, slope):
        """Positions of the grid on the plane z = slope * x (normal (-slope, 0, 1))."""
        co = self.co.copy().reshape(-1, 3)
        co[:, 2] = slope * self.x
        return co.reshape(-1)


def expected_normal(slope):
    v = np.array([-slope, 0.0, 1.0])
    return v / np.linalg.norm(v)


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def new_mesh(name="BenchGrid"):
    return bpy.data.meshes.new(name)


def remove_mesh(mesh):
    bpy.data.meshes.remove(mesh)
    gc.collect()


def build_topology(mesh, grid):
    """The timed topology workload; returns (total, update) seconds."""
    start = time.perf_counter()
    mesh.edges.add(grid.edges)
    mesh.edges.foreach_set("vertices", grid.edge_verts)
    mesh.loops.add(grid.loops)
    mesh.loops.foreach_set("vertex_index", grid.corner_verts)
    mesh.polygons.add(grid.faces)
    mesh.polygons.foreach_set("loop_start", grid.loop_start)
    mesh.polygons.foreach_set("loop_total", grid.loop_total)
    before_update = time.perf_counter()
    mesh.update(calc_edges=True)
    end = time.perf_counter()
    return end - start, end - before_update


def check(condition, what):
    if not condition:
        raise AssertionError(what)


def check_topology(mesh, grid):
    check(len(mesh.vertices) == grid.verts, "vertex count %d" % len(mesh.vertices))
    check(len(mesh.edges) == grid.edges,
          "edge count %d, expected %d" % (len(mesh.edges), grid.edges))
    check(len(mesh.loops) == grid.loops, "loop count %d" % len(mesh.loops))
    check(len(mesh.polygons) == grid.faces, "polygon count %d" % len(mesh.polygons))
    last = grid.faces - 1
    check(list(mesh.polygons[last].vertices) == grid.corner_verts[4 * last:].tolist(),
          "last polygon's vertices")
    edge_index = np.empty(grid.loops, dtype=np.int32)
    mesh.loops.foreach_get("edge_index", edge_index)
    check(edge_index.min() >= 0 and edge_index.max() < grid.edges, "loop edge indices")


def move(mesh, grid, slope):
    """Untimed: new positions (z = slope * x) through foreach_set, then mesh.update() (which
    Blender 3.4 needs to mark its normals dirty)."""
    mesh.vertices.foreach_set("co", grid.tilted(slope))
    mesh.update()


def check_normals(normals, slope, what):
    expected = expected_normal(slope)
    err = np.abs(normals.reshape(-1, 3) - expected).max()
    check(err < 1e-4, "%s: off by %g from %s" % (what, err, expected))


class Bench:
    def __init__(self, size, repeat):
        self.size = size
        self.repeat = repeat
        self.times = {}
        self.errors = {}

    def record(self, phase, seconds):
        self.times[phase] = min(seconds, self.times.get(phase, float("inf")))

    def fail(self, phase, exc):
        message = "%s: %s" % (type(exc).__name__, str(exc).strip().splitlines()[0] if str(exc) else "")
        if phase not in self.errors:
            self.errors[phase] = message
            sys.stderr.write("python_mesh: %s failed:\n" % phase)
            traceback.print_exc()

    def run(self):
        grid = Grid(self.size)
        slope = 0.0
        for rep in range(self.repeat):
            gc.collect()
            mesh = new_mesh()
            try:
                self.run_once(mesh, grid, rep)
            finally:
                remove_mesh(mesh)
        self.memcpy(grid)
        if APP == "whisk":
            self.as_array(grid)

    def run_once(self, mesh, grid, rep):
        # 1. vertices: add + foreach_set("co")
        try:
            t_add, _ = timed(lambda: mesh.vertices.add(grid.verts))
            t_set, _ = timed(lambda: mesh.vertices.foreach_set("co", grid.co))
            self.record("verts_add", t_add)
            self.record("verts_set", t_set)
            self.record("verts_add_set", t_add + t_set)
            # Writing again: the memory is paged in now, so this is the copy itself.
            for _ in range(3):
                t, _ = timed(lambda: mesh.vertices.foreach_set("co", grid.co))
                self.record("verts_set_again", t)
        except Exception as exc:
            self.fail("verts_add_set", exc)
            return
        # 2. foreach_get("co")
        try:
            # Fastest of 3 reads into an array already in memory (untouched pages would time
            # the kernel's page faults, not the copy).
            out = np.ones(3 * grid.verts, dtype=np.float32)
            for _ in range(3):
                out.fill(-1.0)
                t_get, _ = timed(lambda: mesh.vertices.foreach_get("co", out))
                check(np.array_equal(out, grid.co), "foreach_get('co') returned other positions")
                self.record("verts_get", t_get)
        except Exception as exc:
            self.fail("verts_get", exc)
        # 3. topology
        try:
            total, update = build_topology(mesh, grid)
            check_topology(mesh, grid)
            self.record("topology", total)
            self.record("topology_update", update)
        except Exception as exc:
            self.fail("topology", exc)
            return
        # 4. normals, each read right after the positions moved
        try:
            slope = 0.25 + 0.125 * rep
            move(mesh, grid, slope)
            vn = np.ones(3 * grid.verts, dtype=np.float32)
            t, _ = timed(lambda: mesh.vertices.foreach_get("normal", vn))
            check_normals(vn, slope, "vertex normals")
            self.record("vert_normals", t)
        except Exception as exc:
            self.fail("vert_normals", exc)
        try:
            slope = -0.5 - 0.125 * rep
            move(mesh, grid, slope)
            pn = np.ones(3 * grid.faces, dtype=np.float32)
            t, _ = timed(lambda: mesh.polygons.foreach_get("normal", pn))
            check_normals(pn, slope, "polygon normals")
            self.record("poly_normals", t)
        except Exception as exc:
            self.fail("poly_normals", exc)
        # 5. loop triangles after a move
        try:
            move(mesh, grid, 1.0 + 0.125 * rep)
            tri_loops = np.ones(3 * grid.tris, dtype=np.int32)

            def loop_tris():
                t0 = time.perf_counter()
                mesh.calc_loop_triangles()
                t1 = time.perf_counter()
                count = len(mesh.loop_triangles)
                check(count == grid.tris, "%d loop triangles, expected %d" % (count, grid.tris))
                mesh.loop_triangles.foreach_get("loops", tri_loops)
                return t1 - t0

            t, t_calc = timed(loop_tris)
            # Each quad's 4 loops appear in its 2 triangles; all loops are used.
            check(tri_loops.min() == 0 and tri_loops.max() == grid.loops - 1,
                  "loop triangle indices out of range")
            check(np.bincount(tri_loops, minlength=grid.loops).sum() == 3 * grid.tris,
                  "loop triangle index count")
            self.record("loop_tris", t)
            self.record("loop_tris_calc", t_calc)
        except Exception as exc:
            self.fail("loop_tris", exc)

    def memcpy(self, grid):
        src = grid.co.copy()
        dst = np.ones_like(src)
        for _ in range(max(5, self.repeat)):
            t, _ = timed(lambda: dst.__setitem__(slice(None), src))
            self.record("memcpy", t)

    def as_array(self, grid):
        """Whisk only: zero-copy views of the position attribute."""
        for count in sorted({10, 10000, grid.verts}):
            phase = "as_array_%d" % count
            mesh = new_mesh("BenchAsArray")
            try:
                mesh.vertices.add(count)
                attr = mesh.attributes["position"]
                calls = 2000 if count <= 10000 else 500
                samples = []
                clock = time.perf_counter
                for _ in range(calls):
                    start = clock()
                    view = attr.as_array()
                    samples.append(clock() - start)
                    del view
                check(attr.as_array().shape == (count, 3), "as_array() shape")
                self.times[phase] = statistics.median(samples)
                self.times["as_array_mean_%d" % count] = statistics.mean(samples)
            except Exception as exc:
                self.fail(phase, exc)
            finally:
                remove_mesh(mesh)

        # A numpy write through the view, then a vertex normal: the normals follow.
        mesh = new_mesh("BenchAsArrayGrid")
        try:
            mesh.vertices.add(grid.verts)
            mesh.vertices.foreach_set("co", grid.co)
            build_topology(mesh, grid)
            k = grid.verts // 2 + grid.n // 2  # an inner vertex
            check(np.allclose(tuple(mesh.vertices[k].normal), (0, 0, 1), atol=1e-5),
                  "flat grid normal")
            vert = mesh.vertices[k]
            attr = mesh.attributes["position"]
            rep = 0
            for rep in range(max(3, self.repeat)):
                gc.collect()
                # (a) The view stays alive while the normal is read (and read again).
                slope = 0.5 + 0.25 * rep

                def write_then_read():
                    a = attr.as_array()
                    a[:, 2] = slope * a[:, 0]
                    return a, vert.normal[:]

                t, (a, normal) = timed(write_then_read)
                check_normals(np.array(normal, dtype=np.float32), slope,
                              "vertex normal after a write through as_array()")
                self.record("as_array_write_normal", t)
                t, normal = timed(lambda: vert.normal[:])
                check_normals(np.array(normal, dtype=np.float32), slope,
                              "second vertex normal read, the view alive")
                self.record("as_array_normal_again", t)
                del a
                # (b) The view is dropped before the read.
                slope = -0.5 - 0.25 * rep

                def write_drop_read():
                    a = attr.as_array()
                    a[:, 2] = slope * a[:, 0]
                    del a
                    return vert.normal[:]

                t, normal = timed(write_drop_read)
                check_normals(np.array(normal, dtype=np.float32), slope,
                              "vertex normal after a write through a dropped as_array()")
                self.record("as_array_write_drop_normal", t)
                t, normal = timed(lambda: vert.normal[:])
                check_normals(np.array(normal, dtype=np.float32), slope,
                              "second vertex normal read, the view dropped")
                self.record("as_array_drop_normal_again", t)
        except Exception as exc:
            self.fail("as_array_write_normal", exc)
        finally:
            remove_mesh(mesh)


def main():
    parser = argparse.ArgumentParser(prog="python_mesh.py")
    parser.add_argument("--size", type=int, default=1000,
                        help="grid side N: N*N vertices, (N-1)^2 faces")
    parser.add_argument("--json", help="write the timings to this file")
    parser.add_argument("--repeat", type=int, default=1,
                        help="run each phase this many times (a fresh mesh each), keep the fastest")
    args = parser.parse_args(script_args())
    if args.size < 2:
        parser.error("--size must be at least 2")

    version = bpy.app.version_string if APP == "blender" else \
        ".".join(str(v) for v in getattr(bpy.app, "whisk_version", (0, 0, 0)))
    bench = Bench(args.size, max(1, args.repeat))
    bench.run()
    for phase, seconds in bench.times.items():
        print("RESULT python_mesh %s %d %s %.9f" % (APP, args.size, phase, seconds), flush=True)
    for phase, message in bench.errors.items():
        print("ERROR python_mesh %s %d %s %s" % (APP, args.size, phase, message), flush=True)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(dict(app=APP, version=version, size=args.size, repeat=bench.repeat,
                           phases=bench.times, errors=bench.errors), f, indent=1)
            f.write("\n")


main()
