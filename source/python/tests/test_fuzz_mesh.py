"""Random sequences of mesh calls through Python: nothing may crash the process. Calls may
raise (bad indices, damaged topology, removed data); after each sequence validate() must
leave a mesh whose derived data can be read. Run under ASan by scripts/test.sh."""

import random

import numpy as np
import pytest

import bpy
import whisk
import whisk.primitives as prim

TOLERATED = (ValueError, TypeError, RuntimeError, IndexError, KeyError, ReferenceError,
             AttributeError, OverflowError)


def random_ints(rng, n, low=-3, high=40):
    return np.array([rng.randint(low, high) for _ in range(n)], dtype=np.int32)


def step(rng, state):
    me = state["mesh"]
    choice = rng.randrange(22)
    if choice == 0:
        me.vertices.add(rng.randint(0, 5))
    elif choice == 1:
        me.edges.add(rng.randint(0, 4))
    elif choice == 2:
        me.loops.add(rng.randint(0, 6))
    elif choice == 3:
        me.polygons.add(rng.randint(0, 2))
    elif choice == 4:
        me.loops.foreach_set("vertex_index", random_ints(rng, len(me.loops)))
    elif choice == 5:
        me.polygons.foreach_set("loop_start", random_ints(rng, len(me.polygons)))
    elif choice == 6:
        me.polygons.foreach_set("loop_total", random_ints(rng, len(me.polygons), 0, 8))
    elif choice == 7:
        me.edges.foreach_set("vertices", random_ints(rng, 2 * len(me.edges)))
    elif choice == 8:
        me.vertices.foreach_set("co", np.random.default_rng(rng.randint(0, 99)).normal(
            size=3 * len(me.vertices)).astype(np.float32))
    elif choice == 9:
        state["views"].append(me.attributes["position"].as_array())
    elif choice == 10:
        for view in state["views"]:
            if view.size:
                view[rng.randrange(len(view))] = (rng.random(), float("nan"), 1e30)
    elif choice == 11:
        for name in ("normal",):
            for coll in (me.vertices, me.polygons, me.loops):
                buf = np.zeros(3 * len(coll), dtype=np.float32)
                coll.foreach_get(name, buf)
    elif choice == 12:
        [tuple(t.vertices) for t in me.loop_triangles]
    elif choice == 13:
        me.update(calc_edges=rng.random() < 0.5)
    elif choice == 14:
        me.validate(verbose=False)
    elif choice == 15:
        me.attributes.new("a%d" % rng.randrange(4),
                          rng.choice(["FLOAT", "INT", "BOOLEAN", "FLOAT_COLOR", "BYTE_COLOR",
                                      "FLOAT2", "INT8", "STRING", "FLOAT_VECTOR"]),
                          rng.choice(["POINT", "EDGE", "FACE", "CORNER", "CURVE"]))
    elif choice == 16:
        if len(me.attributes):
            me.attributes.remove(me.attributes[rng.randrange(len(me.attributes))])
    elif choice == 17:
        me.clear_geometry()
    elif choice == 18:
        state["elements"].append(rng.choice([me.vertices, me.edges, me.polygons, me.loops])[
            rng.randrange(-2, 6)])
    elif choice == 19:
        for element in state["elements"]:
            try:
                element.index, element.select
            except TOLERATED:
                pass
    elif choice == 20:
        if rng.random() < 0.2:
            bpy.data.meshes.remove(me)
            state["mesh"] = bpy.data.meshes.new("fuzz")
        else:
            state["mesh"] = me.copy()
    else:
        me.flip_normals()
        me.transform([[1, 0, 0, rng.random()], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]])


@pytest.mark.parametrize("seed", range(12))
def test_random_mesh_calls_never_crash(seed):
    whisk.read_factory_settings()
    rng = random.Random(seed)
    start = rng.choice([lambda: prim.grid(x_subdivisions=3, y_subdivisions=2),
                        lambda: prim.cube(), lambda: bpy.data.meshes.new("empty")])
    state = {"mesh": start(), "views": [], "elements": []}
    for _ in range(150):
        try:
            step(rng, state)
        except TOLERATED:
            pass
    me = state["mesh"]
    try:
        me.validate()
    except ReferenceError:
        return
    # A validated mesh is consistent: every piece of derived data reads.
    [tuple(p.normal) for p in me.polygons]
    [tuple(v.normal) for v in me.vertices]
    [tuple(l.normal) for l in me.loops]
    [tuple(t.loops) for t in me.loop_triangles]
    for view in state["views"]:
        view.sum()  # views stay readable whatever happened to the mesh
