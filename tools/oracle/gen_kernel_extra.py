# Oracle generator: kernel behaviour the kernel tests need beyond the other fixtures, as
# Blender 3.4 shows it: view-layer base order for collection hierarchies (shared objects,
# excluded collections), Object.users_collection order, and object matrices for every
# rotation mode with delta transforms and parenting.
#
# Regenerate with:
#   blender -b --factory-startup --python tools/oracle/gen_kernel_extra.py -- tests/fixtures/kernel_extra.json
#
# Output: pretty JSON (indent=1, sort_keys=True). Floats rounded to 6 places. Matrices are
# lists of rows, as mathutils prints them (row-major).

import json
import math
import sys

import bpy
import mathutils


def out_path():
    argv = sys.argv
    if "--" in argv and len(argv) > argv.index("--") + 1:
        return argv[argv.index("--") + 1]
    return "kernel_extra.json"


def fnum(x):
    r = round(float(x), 6)
    return 0.0 if r == 0.0 else r


def rows(m):
    return [[fnum(x) for x in row] for row in m]


def fresh():
    bpy.ops.wm.read_factory_settings(use_empty=True)
    return bpy.context.scene, bpy.context.view_layer


# ---- View-layer base order ----
#
# A hierarchy record: "collections": [[parent, name], ...] linked in this order ("" is the
# scene's master collection); "objects": [[collection, name], ...] linked in this order;
# "exclude": names of collections whose layer collection is excluded.

HIERARCHIES = [
    {
        "title": "nested and shared",
        "collections": [["", "A"], ["A", "B"], ["", "C"]],
        "objects": [["", "m1"], ["A", "a1"], ["B", "b1"], ["C", "c1"], ["", "m2"], ["A", "a2"],
                    ["C", "shared"], ["B", "shared"]],
        "exclude": [],
    },
    {
        "title": "nested and shared, A excluded",
        "collections": [["", "A"], ["A", "B"], ["", "C"]],
        "objects": [["", "m1"], ["A", "a1"], ["B", "b1"], ["C", "c1"], ["", "m2"], ["A", "a2"],
                    ["C", "shared"], ["B", "shared"]],
        "exclude": ["A"],
    },
    {
        "title": "object first in child and in master",
        "collections": [["", "A"]],
        "objects": [["A", "x"], ["A", "y"], ["", "x"]],
        "exclude": [],
    },
    {
        "title": "object last in child and in master",
        "collections": [["", "A"]],
        "objects": [["A", "y"], ["A", "x"], ["", "x"]],
        "exclude": [],
    },
    {
        "title": "object in the middle, seen twice",
        "collections": [["", "A"], ["", "B"]],
        "objects": [["A", "p"], ["A", "x"], ["A", "q"], ["B", "r"], ["B", "x"], ["B", "s"]],
        "exclude": [],
    },
    {
        "title": "collection linked twice",
        "collections": [["", "A"], ["", "B"], ["A", "S"], ["B", "S"]],
        "objects": [["S", "s1"], ["S", "s2"], ["A", "a1"], ["B", "b1"]],
        "exclude": [],
    },
    {
        "title": "collection linked twice, first parent excluded",
        "collections": [["", "A"], ["", "B"], ["A", "S"], ["B", "S"]],
        "objects": [["S", "s1"], ["S", "s2"], ["A", "a1"], ["B", "b1"]],
        "exclude": ["A"],
    },
    {
        "title": "deep chain",
        "collections": [["", "L1"], ["L1", "L2"], ["L2", "L3"], ["", "Side"]],
        "objects": [["L3", "d3"], ["L2", "d2"], ["L1", "d1"], ["", "root"], ["Side", "side"],
                    ["L3", "side"], ["L1", "d3"]],
        "exclude": [],
    },
    {
        "title": "deep chain, middle excluded",
        "collections": [["", "L1"], ["L1", "L2"], ["L2", "L3"], ["", "Side"]],
        "objects": [["L3", "d3"], ["L2", "d2"], ["L1", "d1"], ["", "root"], ["Side", "side"],
                    ["L3", "side"], ["L1", "d3"]],
        "exclude": ["L2"],
    },
]


def find_layer_collection(lc, name):
    if lc.collection.name == name:
        return lc
    for child in lc.children:
        found = find_layer_collection(child, name)
        if found:
            return found
    return None


def hierarchy(spec):
    scene, vl = fresh()
    colls = {"": scene.collection}
    for parent, name in spec["collections"]:
        if name not in colls:
            colls[name] = bpy.data.collections.new(name)
        colls[parent].children.link(colls[name])
    obs = {}
    for coll, name in spec["objects"]:
        if name not in obs:
            obs[name] = bpy.data.objects.new(name, None)
        colls[coll].objects.link(obs[name])
    for name in spec["exclude"]:
        find_layer_collection(vl.layer_collection, name).exclude = True
    vl.update()
    rec = dict(spec)
    rec["view_layer_objects"] = [o.name for o in vl.objects]
    rec["scene_objects"] = [o.name for o in scene.objects]
    rec["all_objects"] = {
        (name or "Scene Collection"): [o.name for o in c.all_objects] for name, c in colls.items()
    }
    rec["visible"] = {name: ob.visible_get(view_layer=vl) for name, ob in obs.items()}
    return rec


# ---- Object.users_collection order ----

def users_collection():
    scene, vl = fresh()
    other = bpy.data.scenes.new("Another")
    ob = bpy.data.objects.new("Ob", None)
    created = {}
    for name in ["b", "A", "a", "Zed", "_x", "Unused"]:
        created[name] = bpy.data.collections.new(name)
    order = ["Zed", "a", "b", "_x", "A"]
    for name in order:
        created[name].objects.link(ob)
    other.collection.objects.link(ob)
    scene.collection.objects.link(ob)
    return {
        "collections_created": ["b", "A", "a", "Zed", "_x", "Unused"],
        "linked_order": order + ["Another:master", "Scene:master"],
        "users_collection": [c.name for c in ob.users_collection],
        "users_collection_owner": [
            (c.name if not c.is_embedded_data else
             next(s.name for s in bpy.data.scenes if s.collection == c))
            for c in ob.users_collection
        ],
        "users_scene": [s.name for s in ob.users_scene],
    }


# ---- Transforms ----

MODES = ["XYZ", "XZY", "YXZ", "YZX", "ZXY", "ZYX", "QUATERNION", "AXIS_ANGLE"]


def transforms():
    scene, vl = fresh()
    out = []
    for mode in MODES:
        for with_delta in (False, True):
            ob = bpy.data.objects.new("T", None)
            scene.collection.objects.link(ob)
            ob.rotation_mode = mode
            ob.location = (1.0, -2.0, 3.5)
            ob.scale = (1.5, 0.5, -2.0)
            ob.rotation_euler = (0.3, -0.7, 1.1)
            ob.rotation_quaternion = (0.8, 0.2, -0.4, 0.3)  # not normalized on purpose
            ob.rotation_axis_angle = (0.9, 0.3, -0.5, 0.8)  # angle, then axis (not unit)
            if with_delta:
                ob.delta_location = (0.25, 0.5, -1.0)
                ob.delta_rotation_euler = (-0.2, 0.4, 0.9)
                ob.delta_rotation_quaternion = (0.9, -0.1, 0.3, 0.2)
                ob.delta_scale = (2.0, 1.0, 0.5)
            vl.update()
            out.append({
                "rotation_mode": mode,
                "location": list(ob.location),
                "scale": list(ob.scale),
                "rotation_euler": list(ob.rotation_euler),
                "rotation_quaternion": list(ob.rotation_quaternion),
                "rotation_axis_angle": list(ob.rotation_axis_angle),
                "delta_location": list(ob.delta_location),
                "delta_rotation_euler": list(ob.delta_rotation_euler),
                "delta_rotation_quaternion": list(ob.delta_rotation_quaternion),
                "delta_scale": list(ob.delta_scale),
                "matrix_basis": rows(ob.matrix_basis),
                "matrix_world": rows(ob.matrix_world),
            })
            bpy.data.objects.remove(ob)
    return out


def apply_matrix():
    """Setting matrix_basis: the values each rotation mode decomposes it into (negative
    scale included), and whether the previous rotation matters."""
    scene, vl = fresh()
    out = []
    target = mathutils.Matrix.LocRotScale((0.5, 1.5, -2.5),
                                          mathutils.Euler((0.4, -0.3, 2.2)).to_quaternion(),
                                          (1.25, -0.75, 2.0))
    for mode in MODES:
        for with_delta in (False, True):
            ob = bpy.data.objects.new("T", None)
            scene.collection.objects.link(ob)
            ob.rotation_mode = mode
            ob.rotation_euler = (0.0, 0.0, 6.5)  # far from the answer: is it "compatible"?
            if with_delta:
                ob.delta_location = (0.25, 0.5, -1.0)
                ob.delta_rotation_euler = (-0.2, 0.4, 0.9)
                ob.delta_rotation_quaternion = (0.9, -0.1, 0.3, 0.2)
                ob.delta_scale = (2.0, 1.0, 0.5)
            ob.matrix_basis = target
            vl.update()
            out.append({
                "rotation_mode": mode,
                "with_delta": with_delta,
                "target": rows(target),
                "location": [fnum(x) for x in ob.location],
                "rotation_euler": [fnum(x) for x in ob.rotation_euler],
                "rotation_quaternion": [fnum(x) for x in ob.rotation_quaternion],
                "rotation_axis_angle": [fnum(x) for x in ob.rotation_axis_angle],
                "scale": [fnum(x) for x in ob.scale],
                "matrix_basis": rows(ob.matrix_basis),
            })
            bpy.data.objects.remove(ob)
    return out


def parenting():
    scene, vl = fresh()
    parent = bpy.data.objects.new("Parent", None)
    child = bpy.data.objects.new("Child", None)
    grandchild = bpy.data.objects.new("Grandchild", None)
    for ob in (parent, child, grandchild):
        scene.collection.objects.link(ob)
    parent.location = (1.0, 2.0, 3.0)
    parent.rotation_euler = (0.0, 0.0, math.pi / 2)
    parent.scale = (2.0, 2.0, 2.0)
    child.location = (1.0, 0.0, 0.0)
    child.rotation_euler = (0.5, 0.0, 0.0)
    grandchild.location = (0.0, 1.0, 0.0)
    child.parent = parent
    grandchild.parent = child
    inverse = mathutils.Matrix.Translation((-1.0, -2.0, -3.0)) @ mathutils.Matrix.Rotation(0.25, 4, "Y")
    child.matrix_parent_inverse = inverse
    vl.update()
    rec = {
        "parent": {"location": list(parent.location), "rotation_euler": list(parent.rotation_euler),
                   "scale": list(parent.scale)},
        "child": {"location": list(child.location), "rotation_euler": list(child.rotation_euler),
                  "matrix_parent_inverse": rows(child.matrix_parent_inverse)},
        "grandchild": {"location": list(grandchild.location)},
        "matrix_world": {ob.name: rows(ob.matrix_world) for ob in (parent, child, grandchild)},
        "matrix_local": {ob.name: rows(ob.matrix_local) for ob in (parent, child, grandchild)},
    }
    # Setting matrix_world moves the child so that its world matrix becomes the target.
    target = mathutils.Matrix.LocRotScale((3.0, -1.0, 2.0),
                                          mathutils.Euler((0.1, 0.2, 0.3)).to_quaternion(),
                                          (1.0, 1.0, 1.0))
    child.matrix_world = target
    vl.update()
    rec["after_set_matrix_world"] = {
        "target": rows(target),
        "child_location": [fnum(x) for x in child.location],
        "child_rotation_euler": [fnum(x) for x in child.rotation_euler],
        "child_scale": [fnum(x) for x in child.scale],
        "child_matrix_world": rows(child.matrix_world),
    }
    return rec


def main():
    data = {
        "blender_version": bpy.app.version_string,
        "hierarchies": [hierarchy(spec) for spec in HIERARCHIES],
        "users_collection": users_collection(),
        "transforms": transforms(),
        "apply_matrix": apply_matrix(),
        "parenting": parenting(),
    }
    path = out_path()
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=1, sort_keys=True, ensure_ascii=False)
        f.write("\n")
    print("wrote", path)


main()
