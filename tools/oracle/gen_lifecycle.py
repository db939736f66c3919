# Oracle generator: data-block lifecycle facts as Blender 3.4 shows them through bpy:
# user counts, removal, fake users, orphan purge, remap, batch removal, copies, the user map,
# collection/parent errors, value clamping and errors, and object matrices.
#
# Regenerate with:
#   blender -b --factory-startup --python tools/oracle/gen_lifecycle.py -- tests/fixtures/lifecycle.json
#
# Output: pretty JSON (indent=1, sort_keys=True), floats rounded to 6 places (-0.0 -> 0.0).
# Matrices are lists of rows as mathutils prints them: [list(row) for row in m].
# Every section starts from a freshly loaded factory startup (bpy.ops.wm.read_factory_settings).
# An exception is recorded as {"error": "<ExceptionTypeName>", "message": str(exception)}.
# A step that did not raise is recorded as {"error": null, ...readbacks...}.

import json
import math
import sys

import bpy
import mathutils


def out_path():
    argv = sys.argv
    if "--" in argv and len(argv) > argv.index("--") + 1:
        return argv[argv.index("--") + 1]
    return "lifecycle.json"


def fnum(x):
    x = float(x)
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    r = round(x, 6)
    return 0.0 if r == 0.0 else r


def vec(v):
    return [fnum(x) for x in v]


def rows(m):
    return [[fnum(x) for x in row] for row in m]


def fresh():
    """Factory startup, freshly loaded. Never keep bpy.data/bpy.context sub-objects across
    this call: they point into the freed Main."""
    bpy.ops.wm.read_factory_settings()


def err(e):
    return {"error": type(e).__name__, "message": str(e)}


def attempt(fn):
    """Run fn(); return {"error": None, **fn()} or the exception record."""
    try:
        out = fn() or {}
        rec = {"error": None}
        rec.update(out)
        return rec
    except Exception as e:  # noqa: BLE001 - the exception is what we record
        return err(e)


def names(seq):
    # None items are kept: e.g. view_layer.objects yields None for a removed object's base
    # until the view layer is synced.
    return [x.name if x is not None else None for x in seq]


ID_COLLECTIONS = [
    "scenes", "collections", "objects", "meshes", "cameras", "lights", "materials",
    "worlds", "images", "actions", "texts", "node_groups",
]


def all_id_names():
    return {c: names(getattr(bpy.data, c)) for c in ID_COLLECTIONS}


def users_of(coll, name):
    idb = getattr(bpy.data, coll).get(name)
    return None if idb is None else idb.users


# ---------------------------------------------------------------- user counts

def users_basic():
    fresh()
    d = {}
    me = bpy.data.meshes.new("LcMesh")
    d["new_mesh.users"] = me.users
    ob = bpy.data.objects.new("LcOb", me)
    d["after_object_new.mesh_users"] = me.users
    d["after_object_new.object_users"] = ob.users
    d["after_object_new.users_collection"] = names(ob.users_collection)
    bpy.context.scene.collection.objects.link(ob)
    d["after_link_scene_collection.object_users"] = ob.users
    d["after_link_scene_collection.mesh_users"] = me.users
    d["after_link_scene_collection.users_collection"] = names(ob.users_collection)
    bpy.data.collections["Collection"].objects.link(ob)
    d["after_link_second_collection.object_users"] = ob.users
    d["after_link_second_collection.users_collection"] = names(ob.users_collection)
    d["after_link_second_collection.users_scene"] = names(ob.users_scene)
    ob2 = bpy.data.objects.new("LcOb2", me)
    d["second_object_same_mesh.mesh_users"] = me.users
    ob2.data = None
    d["second_object_data_none.mesh_users"] = me.users
    bpy.data.objects.remove(ob2)
    mat = bpy.data.materials.new("LcMat")
    d["new_material.users"] = mat.users
    me.materials.append(mat)
    d["after_mesh_materials_append.material_users"] = mat.users
    d["after_mesh_materials_append.object_material_slots"] = [
        [s.link, s.material.name if s.material else None] for s in ob.material_slots
    ]
    me.materials.append(mat)
    d["after_second_append_same_material.material_users"] = mat.users
    ob.material_slots[0].link = "OBJECT"
    ob.material_slots[0].material = mat
    d["after_object_slot_link.material_users"] = mat.users
    d["after_object_slot_link.object_material_slots"] = [
        [s.link, s.material.name if s.material else None] for s in ob.material_slots
    ]
    coll = bpy.data.collections.new("LcColl")
    d["new_collection.users"] = coll.users
    bpy.context.scene.collection.children.link(coll)
    d["after_link_to_scene.collection_users"] = coll.users
    bpy.data.collections["Collection"].children.link(coll)
    d["after_link_to_second_parent.collection_users"] = coll.users
    d["collection_children_recursive"] = names(bpy.context.scene.collection.children_recursive)
    cam = bpy.data.cameras.new("LcCam")
    cam_ob = bpy.data.objects.new("LcCamOb", cam)
    bpy.context.scene.collection.objects.link(cam_ob)
    bpy.context.scene.camera = cam_ob
    d["scene_camera_set.object_users"] = cam_ob.users
    w = bpy.data.worlds.new("LcWorld")
    bpy.context.scene.world = w
    d["scene_world_set.world_users"] = w.users
    d["old_world_users"] = bpy.data.worlds["World"].users
    return d


def startup_users():
    fresh()
    out = {}
    for c in ID_COLLECTIONS:
        out[c] = {i.name: [i.users, i.use_fake_user] for i in getattr(bpy.data, c)}
    return out


def fake_user():
    fresh()
    d = {}
    me = bpy.data.meshes.new("FkMesh")
    d["new.users"] = me.users
    me.use_fake_user = True
    d["fake_on.users"] = me.users
    me.use_fake_user = True
    d["fake_on_again.users"] = me.users
    ob = bpy.data.objects.new("FkOb", me)
    d["fake_on_plus_object.users"] = me.users
    me.use_fake_user = False
    d["fake_off_with_object.users"] = me.users
    me.use_fake_user = False
    d["fake_off_again.users"] = me.users
    bpy.data.objects.remove(ob)
    d["object_removed.users"] = me.users
    me.use_fake_user = True
    n = bpy.data.orphans_purge(do_local_ids=True, do_linked_ids=True, do_recursive=True)
    d["purge_keeps_fake_user_id"] = "FkMesh" in bpy.data.meshes
    d["purge_return"] = n
    mat = bpy.data.materials["Material"]
    d["startup_material.users"] = mat.users
    mat.use_fake_user = True
    d["startup_material_fake_on.users"] = mat.users
    d["use_extra_user_default"] = me.use_extra_user
    return d


# ---------------------------------------------------------------- removal

def remove_object():
    fresh()
    d = {}
    ob = bpy.data.objects["Cube"]
    me = bpy.data.meshes["Cube"]
    d["before.mesh_users"] = me.users
    d["before.active"] = bpy.context.view_layer.objects.active.name
    bpy.data.objects.remove(ob)
    d["after.mesh_users"] = me.users
    d["after.meshes"] = names(bpy.data.meshes)
    d["after.objects"] = names(bpy.data.objects)
    d["after.collection_objects"] = names(bpy.data.collections["Collection"].objects)
    d["after.scene_objects"] = names(bpy.context.scene.objects)
    d["after.view_layer_objects"] = names(bpy.context.view_layer.objects)
    bpy.context.view_layer.update()
    d["after_update.view_layer_objects"] = names(bpy.context.view_layer.objects)
    act = bpy.context.view_layer.objects.active
    d["after.view_layer_objects_active"] = act.name if act else None
    d["after.selected_objects"] = names(bpy.context.selected_objects)
    d["after.material_users"] = bpy.data.materials["Material"].users
    return d


def remove_active_other():
    """Removing a non-active object keeps the active one."""
    fresh()
    bpy.data.objects.remove(bpy.data.objects["Light"])
    act = bpy.context.view_layer.objects.active
    return {"active_after_removing_light": act.name if act else None}


def remove_used_mesh():
    fresh()
    d = {}
    me = bpy.data.meshes["Cube"]

    def go():
        bpy.data.meshes.remove(me)
        ob = bpy.data.objects.get("Cube")
        act = bpy.context.view_layer.objects.active
        return {
            "cube_object_exists": ob is not None,
            "meshes": names(bpy.data.meshes),
            "objects": names(bpy.data.objects),
            "scene_objects": names(bpy.context.scene.objects),
            "collection_objects": names(bpy.data.collections["Collection"].objects),
            "material_users": bpy.data.materials["Material"].users,
            "view_layer_objects_active": act.name if act else None,
        }

    d["meshes.remove(used mesh)"] = attempt(go)
    fresh()
    me = bpy.data.meshes["Cube"]

    def go2():
        bpy.data.meshes.remove(me, do_unlink=False)
        return {"meshes": names(bpy.data.meshes)}

    d["meshes.remove(used mesh, do_unlink=False)"] = attempt(go2)
    d["after_do_unlink_false.meshes"] = names(bpy.data.meshes)
    d["after_do_unlink_false.mesh_users"] = users_of("meshes", "Cube")
    fresh()
    me = bpy.data.meshes.new("Unused")

    def go3():
        bpy.data.meshes.remove(me, do_unlink=False)
        return {"meshes": names(bpy.data.meshes)}

    d["meshes.remove(unused mesh, do_unlink=False)"] = attempt(go3)
    fresh()
    me = bpy.data.meshes.new("Faked")
    me.use_fake_user = True

    def go4():
        bpy.data.meshes.remove(me, do_unlink=False)
        return {"meshes": names(bpy.data.meshes)}

    d["meshes.remove(fake-user mesh, do_unlink=False)"] = attempt(go4)
    fresh()
    mat = bpy.data.materials["Material"]

    def go5():
        bpy.data.materials.remove(mat)
        return {
            "mesh_materials": [m.name if m else None for m in bpy.data.meshes["Cube"].materials],
            "object_material_slots": [
                [s.link, s.material.name if s.material else None]
                for s in bpy.data.objects["Cube"].material_slots
            ],
        }

    d["materials.remove(used material)"] = attempt(go5)
    fresh()
    coll = bpy.data.collections["Collection"]

    def go6():
        bpy.data.collections.remove(coll)
        return {
            "objects": names(bpy.data.objects),
            "scene_objects": names(bpy.context.scene.objects),
            "master_collection_objects": names(bpy.context.scene.collection.objects),
            "object_users": {o.name: o.users for o in bpy.data.objects},
        }

    d["collections.remove(Collection)"] = attempt(go6)
    fresh()
    me = bpy.data.meshes["Cube"]
    bpy.data.meshes.remove(me)

    def go7():
        return {"name": me.name}

    d["access removed mesh"] = attempt(go7)
    return d


def orphans():
    d = {}

    def build():
        fresh()
        mat = bpy.data.materials.new("OrMat")
        me = bpy.data.meshes.new("OrMesh")
        me.materials.append(mat)
        bpy.data.objects.new("OrOb", me)
        return all_id_names(), {
            "OrOb.users": bpy.data.objects["OrOb"].users,
            "OrMesh.users": bpy.data.meshes["OrMesh"].users,
            "OrMat.users": bpy.data.materials["OrMat"].users,
        }

    def removed_since(before):
        after = all_id_names()
        gone = {c: [x for x in before[c] if x not in after[c]] for c in ID_COLLECTIONS}
        return {c: v for c, v in gone.items() if v}

    for recursive in (False, True):
        before, counts = build()
        n = bpy.data.orphans_purge(do_local_ids=True, do_linked_ids=True, do_recursive=recursive)
        rec = {"counts_before": counts, "return": n, "removed": removed_since(before)}
        if not recursive:
            rec["second_call_return"] = bpy.data.orphans_purge(
                do_local_ids=True, do_linked_ids=True, do_recursive=False)
            rec["third_call_return"] = bpy.data.orphans_purge(
                do_local_ids=True, do_linked_ids=True, do_recursive=False)
            rec["removed_after_three_calls"] = removed_since(before)
        d["recursive" if recursive else "non_recursive"] = rec
    # Startup alone: what does a purge remove?
    fresh()
    before = all_id_names()
    n = bpy.data.orphans_purge(do_local_ids=True, do_linked_ids=True, do_recursive=True)
    d["startup_recursive"] = {"return": n, "removed": removed_since(before)}
    fresh()
    n = bpy.data.orphans_purge()
    d["startup_default_args_return"] = n
    return d


def remap():
    fresh()
    d = {}
    a = bpy.data.meshes.new("RmA")
    b = bpy.data.meshes.new("RmB")
    o1 = bpy.data.objects.new("RmO1", a)
    o2 = bpy.data.objects.new("RmO2", a)
    bpy.context.scene.collection.objects.link(o1)
    d["before"] = {"RmA.users": a.users, "RmB.users": b.users}
    a.user_remap(b)
    d["after"] = {
        "RmA.users": a.users,
        "RmB.users": b.users,
        "RmO1.data": o1.data.name,
        "RmO2.data": o2.data.name,
    }
    # remap onto itself / to a different type
    d["remap_to_self"] = attempt(lambda: (b.user_remap(b), {"RmB.users": b.users})[1])
    d["remap_to_other_type"] = attempt(lambda: (
        b.user_remap(bpy.data.materials["Material"]),
        {"RmB.users": b.users, "RmO1.data": o1.data.name if o1.data else None,
         "Material.users": bpy.data.materials["Material"].users})[1])
    # remap a material used by the startup mesh
    m2 = bpy.data.materials.new("RmMat")
    bpy.data.materials["Material"].user_remap(m2)
    d["material_remap"] = {
        "Material.users": bpy.data.materials["Material"].users,
        "RmMat.users": m2.users,
        "Cube mesh materials": [m.name if m else None for m in bpy.data.meshes["Cube"].materials],
    }
    return d


def batch_remove():
    fresh()
    d = {}
    ids = [bpy.data.objects["Cube"], bpy.data.objects["Light"], bpy.data.meshes["Cube"],
           bpy.data.materials["Material"]]
    d["return"] = attempt(lambda: {"value": repr(bpy.data.batch_remove(ids))})
    d["after"] = all_id_names()
    d["after.collection_objects"] = names(bpy.data.collections["Collection"].objects)
    d["after.lights_users"] = {l.name: l.users for l in bpy.data.lights}
    act = bpy.context.view_layer.objects.active
    d["after.active"] = act.name if act else None
    return d


def copies():
    d = {}
    fresh()
    ob = bpy.data.objects["Cube"]
    me = ob.data
    d["object.before"] = {"mesh_users": me.users, "object_users": ob.users}
    ob2 = ob.copy()
    d["object.copy"] = {
        "name": ob2.name,
        "data": ob2.data.name,
        "shares_mesh": ob2.data == me,
        "mesh_users": me.users,
        "copy_users": ob2.users,
        "copy_users_collection": names(ob2.users_collection),
        "orig_users": ob.users,
        "material_users": bpy.data.materials["Material"].users,
        "copy_material_slots": [[s.link, s.material.name if s.material else None]
                                for s in ob2.material_slots],
        "copy_matrix_world": rows(ob2.matrix_world),
        "copy_parent": ob2.parent.name if ob2.parent else None,
    }
    fresh()
    me = bpy.data.meshes["Cube"]
    mat = bpy.data.materials["Material"]
    d["mesh.before"] = {"material_users": mat.users}
    me2 = me.copy()
    d["mesh.copy"] = {
        "name": me2.name,
        "users": me2.users,
        "materials": [m.name if m else None for m in me2.materials],
        "material_users": mat.users,
        "vertices": len(me2.vertices),
    }
    fresh()
    mat = bpy.data.materials["Material"]
    mat2 = mat.copy()
    d["material.copy"] = {
        "name": mat2.name,
        "users": mat2.users,
        "orig_users": mat.users,
        "node_tree_is_same": mat2.node_tree == mat.node_tree,
        "node_tree_name": mat2.node_tree.name if mat2.node_tree else None,
        "node_tree_is_embedded": mat2.node_tree.is_embedded_data if mat2.node_tree else None,
        "node_names": sorted(n.name for n in mat2.node_tree.nodes) if mat2.node_tree else None,
        "node_groups": names(bpy.data.node_groups),
        "use_nodes": mat2.use_nodes,
    }
    fresh()
    cam_ob = bpy.data.objects["Camera"]
    c2 = cam_ob.copy()
    d["camera_object.copy"] = {"name": c2.name, "data": c2.data.name,
                               "camera_users": cam_ob.data.users}
    sc = bpy.context.scene
    d["scene.copy"] = attempt(lambda: {"name": sc.copy().name})
    d["collection.copy"] = attempt(lambda: (lambda c: {
        "name": c.name, "users": c.users, "objects": names(c.objects),
        "children": names(c.children),
        "cube_users_after": bpy.data.objects["Cube"].users,
    })(bpy.data.collections["Collection"].copy()))
    d["world.copy"] = attempt(lambda: (lambda w: {"name": w.name, "users": w.users})(
        bpy.data.worlds["World"].copy()))
    d["image.copy"] = attempt(lambda: {"name": bpy.data.images["Render Result"].copy().name})
    return d


def idkey(idb):
    """"<IDType>:<name>", IDType being the struct directly below ID (PointLight -> Light,
    ShaderNodeTree -> NodeTree)."""
    srna = idb.bl_rna
    while srna.base is not None and srna.base.identifier != "ID":
        srna = srna.base
    return "%s:%s" % (srna.identifier, idb.name)


def user_map():
    fresh()
    wanted = set()
    for c in ID_COLLECTIONS:
        for i in getattr(bpy.data, c):
            wanted.add(i)
    um = bpy.data.user_map()
    out = {}
    for key, users in um.items():
        if key not in wanted:
            continue
        out[idkey(key)] = sorted(idkey(u) for u in users)
    sub = bpy.data.user_map(subset=[bpy.data.meshes["Cube"], bpy.data.materials["Material"]])
    return {
        "full": out,
        "subset": {idkey(k): sorted(idkey(u) for u in v) for k, v in sub.items()},
    }


# ---------------------------------------------------------------- hierarchy errors

def hierarchy_errors():
    d = {}
    fresh()
    parent = bpy.data.collections["Collection"]
    child = bpy.data.collections.new("Child")
    parent.children.link(child)
    d["link parent into its child"] = attempt(lambda: child.children.link(parent))
    d["link collection into itself"] = attempt(lambda: parent.children.link(parent))
    grandchild = bpy.data.collections.new("Grandchild")
    child.children.link(grandchild)
    d["link grandparent into grandchild"] = attempt(lambda: grandchild.children.link(parent))
    d["link collection twice"] = attempt(lambda: parent.children.link(child))
    d["link collection twice into scene"] = attempt(
        lambda: bpy.context.scene.collection.children.link(parent))
    d["link master collection as child"] = attempt(
        lambda: child.children.link(bpy.context.scene.collection))
    d["link object twice"] = attempt(lambda: parent.objects.link(bpy.data.objects["Cube"]))
    d["unlink object not in collection"] = attempt(
        lambda: child.objects.unlink(bpy.data.objects["Cube"]))
    d["unlink child not in collection"] = attempt(lambda: parent.children.unlink(grandchild))
    d["unlink collection then users"] = attempt(
        lambda: (child.children.unlink(grandchild), {"users": grandchild.users})[1])
    other_scene = bpy.data.scenes.new("Other")
    d["link scene master collection of other scene"] = attempt(lambda: (
        parent.children.link(other_scene.collection),
        {"children": names(parent.children), "users": other_scene.collection.users})[1])
    d["link object to two scenes"] = attempt(lambda: (
        other_scene.collection.objects.link(bpy.data.objects["Cube"]),
        {"users": bpy.data.objects["Cube"].users,
         "users_scene": names(bpy.data.objects["Cube"].users_scene)})[1])
    return d


def parenting():
    d = {}
    fresh()
    a = bpy.data.objects["Cube"]
    b = bpy.data.objects["Camera"]

    def loop():
        a.parent = b
        b.parent = a
        return {}

    d["a.parent=b; b.parent=a"] = attempt(loop)
    d["a.parent=b; b.parent=a"]["a.parent"] = a.parent.name if a.parent else None
    d["a.parent=b; b.parent=a"]["b.parent"] = b.parent.name if b.parent else None
    fresh()
    a = bpy.data.objects["Cube"]
    d["ob.parent=ob"] = attempt(lambda: setattr(a, "parent", a))
    d["ob.parent=ob"]["parent"] = a.parent.name if a.parent else None
    fresh()
    a, b, c = (bpy.data.objects[n] for n in ("Cube", "Camera", "Light"))

    def loop3():
        a.parent = b
        b.parent = c
        c.parent = a
        return {}

    d["3-cycle a->b->c->a"] = attempt(loop3)
    d["3-cycle a->b->c->a"]["parents"] = {o.name: (o.parent.name if o.parent else None)
                                          for o in (a, b, c)}
    fresh()
    a, b = bpy.data.objects["Cube"], bpy.data.objects["Camera"]
    a.parent = b
    d["children_after_parenting"] = {"Camera.children": names(b.children),
                                     "Camera.children_recursive": names(b.children_recursive)}
    d["parent_type_default"] = a.parent_type
    d["parent_to_mesh_data_type_error"] = attempt(
        lambda: setattr(a, "parent", bpy.data.meshes["Cube"]))
    return d


# ---------------------------------------------------------------- values and clamping

def set_and_read(obj, attr, value):
    def go():
        setattr(obj, attr, value)
        v = getattr(obj, attr)
        if isinstance(v, bpy.types.ID):
            v = idkey(v)
        elif isinstance(v, float):
            v = fnum(v)
        elif not isinstance(v, (int, str, bool)) and v is not None:
            try:
                v = [fnum(x) for x in v]
            except TypeError:
                v = repr(v)
        return {"read_back": v}
    return attempt(go)


def values():
    d = {}
    fresh()
    sc = bpy.context.scene
    r = sc.render
    for v in (50000, -5, 0, 1, 32767, 32768, 2 ** 31, 2 ** 40):
        d["render.resolution_percentage = %r" % v] = set_and_read(r, "resolution_percentage", v)
    for v in (0, 3, 4, 65536, 65537, 100000):
        d["render.resolution_x = %r" % v] = set_and_read(r, "resolution_x", v)
    d["render.resolution_x = 1.5"] = set_and_read(r, "resolution_x", 1.5)
    d["render.resolution_x = True"] = set_and_read(r, "resolution_x", True)
    d["render.fps = 0"] = set_and_read(r, "fps", 0)
    d["render.fps_base = 0"] = set_and_read(r, "fps_base", 0.0)
    cam = bpy.data.cameras["Camera"]
    for v in (0, -1, 0.5, 1, 1e9):
        d["camera.lens = %r" % v] = set_and_read(cam, "lens", v)
    d["camera.lens = 'a'"] = set_and_read(cam, "lens", "a")
    d["camera.clip_start = 0"] = set_and_read(cam, "clip_start", 0.0)
    d["camera.dof.aperture_fstop = 0"] = set_and_read(cam.dof, "aperture_fstop", 0.0)
    d["camera.lens = nan"] = set_and_read(cam, "lens", float("nan"))
    d["camera.lens = inf"] = set_and_read(cam, "lens", float("inf"))
    light = bpy.data.lights["Light"]
    for v in (-10, 1e30):
        d["light.energy = %r" % v] = set_and_read(light, "energy", v)
    d["light.color = (2, -1, 0.5)"] = set_and_read(light, "color", (2.0, -1.0, 0.5))
    d["light.type = 'SUN' python type after"] = attempt(
        lambda: (setattr(light, "type", "SUN"),
                 {"python_type": type(bpy.data.lights["Light"]).__name__})[1])

    fresh()
    sc = bpy.context.scene
    seq = []
    for attr, v in (("frame_start", -10 ** 9), ("frame_end", 10 ** 9), ("frame_start", 10),
                    ("frame_end", 5), ("frame_start", 500), ("frame_current", 10 ** 9),
                    ("frame_current", -10 ** 9), ("frame_step", 0), ("frame_start", 2 ** 40)):
        rec = set_and_read(sc, attr, v)
        rec["op"] = "%s = %r" % (attr, v)
        rec["frame_start"] = sc.frame_start
        rec["frame_end"] = sc.frame_end
        rec["frame_current"] = sc.frame_current
        seq.append(rec)
    d["scene frame sequence"] = seq

    fresh()
    ob = bpy.data.objects["Cube"]
    d["object.location = 'abc'"] = set_and_read(ob, "location", "abc")
    d["object.location = (1, 2)"] = set_and_read(ob, "location", (1.0, 2.0))
    d["object.location = (1, 2, 3, 4)"] = set_and_read(ob, "location", (1.0, 2.0, 3.0, 4.0))
    d["object.location = ('a', 2, 3)"] = set_and_read(ob, "location", ("a", 2, 3))
    d["object.location = (1, 2, 3) ints"] = set_and_read(ob, "location", (1, 2, 3))
    d["object.rotation_mode = 'BAD'"] = set_and_read(ob, "rotation_mode", "BAD")
    d["object.rotation_mode = 5"] = set_and_read(ob, "rotation_mode", 5)
    d["object.rotation_mode = 'xyz'"] = set_and_read(ob, "rotation_mode", "xyz")
    d["object.display_type = ''"] = set_and_read(ob, "display_type", "")
    d["object.scale = (0, -1, 1e30)"] = set_and_read(ob, "scale", (0.0, -1.0, 1e30))
    d["object.pass_index = -1"] = set_and_read(ob, "pass_index", -1)
    d["object.data = None (mesh object)"] = set_and_read(ob, "data", None)
    fresh()
    ob = bpy.data.objects["Cube"]
    d["object.data = camera data (mesh object)"] = attempt(
        lambda: setattr(ob, "data", bpy.data.cameras["Camera"]))
    d["object.data = other mesh"] = attempt(
        lambda: (setattr(ob, "data", bpy.data.meshes.new("Other")), {"data": ob.data.name,
                 "old_mesh_users": bpy.data.meshes["Cube"].users})[1])
    fresh()
    ob = bpy.data.objects["Cube"]
    d["object.name = 'x'*100"] = attempt(
        lambda: (setattr(ob, "name", "x" * 100), {"len": len(ob.name),
                                                   "bytes": len(ob.name.encode("utf-8"))})[1])
    d["object.name = 5"] = set_and_read(ob, "name", 5)
    d["object.name = None"] = set_and_read(ob, "name", None)
    d["objects.new('\u00e9', None).name"] = attempt(
        lambda: {"name": bpy.data.objects.new("\u00e9", None).name})
    d["objects.new('x', mesh-as-name)"] = attempt(lambda: bpy.data.objects.new("x", "Cube"))
    d["objects.new(name=None)"] = attempt(lambda: bpy.data.objects.new(None, None))
    d["objects.new('x', world)"] = attempt(
        lambda: bpy.data.objects.new("x", bpy.data.worlds["World"]))
    fresh()
    d["objects['missing']"] = attempt(lambda: bpy.data.objects["missing"])
    d["objects.get('missing')"] = attempt(lambda: {"value": bpy.data.objects.get("missing")})
    d["objects[99]"] = attempt(lambda: bpy.data.objects[99])
    d["objects[-1].name"] = attempt(lambda: {"value": bpy.data.objects[-1].name})
    d["objects['Cube'].nonexistent"] = attempt(lambda: bpy.data.objects["Cube"].nonexistent)
    d["objects['Cube'].nonexistent = 1"] = attempt(
        lambda: setattr(bpy.data.objects["Cube"], "nonexistent", 1))
    d["objects['Cube'].users = 5 (readonly)"] = attempt(
        lambda: setattr(bpy.data.objects["Cube"], "users", 5))
    d["objects['Cube'].type = 'LIGHT' (readonly)"] = attempt(
        lambda: setattr(bpy.data.objects["Cube"], "type", "LIGHT"))
    return d


# ---------------------------------------------------------------- matrices

M_GIVEN = mathutils.Matrix((
    (0.0, -2.0, 0.0, 1.0),
    (1.0, 0.0, 0.0, 2.0),
    (0.0, 0.0, 3.0, 3.0),
    (0.0, 0.0, 0.0, 1.0),
))


# Note: matrix_world and matrix_local read the evaluated (depsgraph) world matrix; they are
# stale until bpy.context.view_layer.update(). matrix_basis is computed on read from
# location/rotation/scale (and deltas). Hence the before/after_update pairs below.
def ob_state(ob):
    return {
        "location": vec(ob.location),
        "rotation_euler": vec(ob.rotation_euler),
        "rotation_quaternion": vec(ob.rotation_quaternion),
        "rotation_axis_angle": vec(ob.rotation_axis_angle),
        "rotation_mode": ob.rotation_mode,
        "scale": vec(ob.scale),
        "matrix_basis": rows(ob.matrix_basis),
        "matrix_local": rows(ob.matrix_local),
        "matrix_world": rows(ob.matrix_world),
        "matrix_parent_inverse": rows(ob.matrix_parent_inverse),
    }


def matrices():
    d = {}
    fresh()
    cube, cam = bpy.data.objects["Cube"], bpy.data.objects["Camera"]
    d["camera"] = ob_state(cam)
    cube.parent = cam
    d["cube_parented_to_camera.before_update"] = ob_state(cube)
    bpy.context.view_layer.update()
    d["cube_parented_to_camera.after_update"] = ob_state(cube)

    cube.matrix_world = M_GIVEN
    d["parented_set_matrix_world.before_update"] = ob_state(cube)
    bpy.context.view_layer.update()
    d["parented_set_matrix_world.after_update"] = ob_state(cube)
    d["matrix_given"] = rows(M_GIVEN)

    fresh()
    cube, cam = bpy.data.objects["Cube"], bpy.data.objects["Camera"]
    cube.parent = cam
    cube.matrix_parent_inverse = cam.matrix_world.inverted()
    bpy.context.view_layer.update()
    d["cube_parented_to_camera_with_inverse"] = ob_state(cube)

    fresh()
    ob = bpy.data.objects["Cube"]
    modes = {}
    for mode in ("XYZ", "XZY", "YXZ", "YZX", "ZXY", "ZYX"):
        ob.rotation_mode = mode
        ob.rotation_euler = (0.3, -0.7, 1.1)
        modes[mode] = rows(ob.matrix_basis)
    d["euler_modes(0.3,-0.7,1.1).matrix_basis"] = modes

    ob.rotation_mode = "QUATERNION"
    ob.rotation_quaternion = (0.8, 0.2, -0.3, 0.4)
    d["quaternion(0.8,0.2,-0.3,0.4)"] = {
        "matrix_basis": rows(ob.matrix_basis),
        "rotation_quaternion_read_back": vec(ob.rotation_quaternion),
    }
    ob.rotation_mode = "AXIS_ANGLE"
    ob.rotation_axis_angle = (1.2, 0.3, 0.4, 0.5)
    d["axis_angle(1.2,0.3,0.4,0.5)"] = {
        "matrix_basis": rows(ob.matrix_basis),
        "rotation_axis_angle_read_back": vec(ob.rotation_axis_angle),
    }
    ob.rotation_axis_angle = (1.2, 0.0, 0.0, 0.0)
    d["axis_angle(1.2,0,0,0)"] = {"matrix_basis": rows(ob.matrix_basis)}
    ob.rotation_mode = "QUATERNION"
    ob.rotation_quaternion = (0.0, 0.0, 0.0, 0.0)
    d["quaternion(0,0,0,0)"] = {"matrix_basis": rows(ob.matrix_basis)}

    # switching modes converts the stored rotation
    ob.rotation_mode = "XYZ"
    ob.rotation_euler = (0.3, -0.7, 1.1)
    conv = {}
    for mode in ("QUATERNION", "AXIS_ANGLE", "ZYX", "XYZ"):
        ob.rotation_mode = mode
        conv[mode] = {
            "rotation_euler": vec(ob.rotation_euler),
            "rotation_quaternion": vec(ob.rotation_quaternion),
            "rotation_axis_angle": vec(ob.rotation_axis_angle),
            "matrix_basis": rows(ob.matrix_basis),
        }
    d["mode switch sequence from XYZ(0.3,-0.7,1.1)"] = conv

    fresh()
    ob = bpy.data.objects["Cube"]
    ob.location = (1.0, 2.0, 3.0)
    ob.rotation_euler = (0.1, 0.2, 0.3)
    ob.scale = (1.0, 2.0, 0.5)
    ob.delta_location = (0.5, -1.0, 2.0)
    ob.delta_rotation_euler = (0.4, -0.5, 0.6)
    ob.delta_scale = (2.0, 1.0, 0.5)
    d["deltas.euler"] = {
        "inputs": {"location": [1, 2, 3], "rotation_euler": [0.1, 0.2, 0.3],
                   "scale": [1, 2, 0.5], "delta_location": [0.5, -1, 2],
                   "delta_rotation_euler": [0.4, -0.5, 0.6], "delta_scale": [2, 1, 0.5]},
        "matrix_basis": rows(ob.matrix_basis),
    }
    bpy.context.view_layer.update()
    d["deltas.euler"]["matrix_world_after_update"] = rows(ob.matrix_world)
    ob.rotation_mode = "ZXY"
    ob.rotation_euler = (0.1, 0.2, 0.3)
    d["deltas.euler_zxy"] = {"matrix_basis": rows(ob.matrix_basis),
                             "delta_rotation_euler_order": ob.delta_rotation_euler.order}
    ob.rotation_mode = "QUATERNION"
    ob.rotation_quaternion = (0.8, 0.2, -0.3, 0.4)
    ob.delta_rotation_quaternion = (0.9, 0.1, 0.2, -0.3)
    d["deltas.quaternion"] = {
        "inputs": {"rotation_quaternion": [0.8, 0.2, -0.3, 0.4],
                   "delta_rotation_quaternion": [0.9, 0.1, 0.2, -0.3]},
        "matrix_basis": rows(ob.matrix_basis),
    }
    ob.rotation_mode = "AXIS_ANGLE"
    ob.rotation_axis_angle = (1.2, 0.3, 0.4, 0.5)
    d["deltas.axis_angle"] = {"matrix_basis": rows(ob.matrix_basis)}

    # setting matrix_basis with shear / negative scale and reading back
    cases = {
        "negative_x_scale": mathutils.Matrix((
            (-2.0, 0.0, 0.0, 1.0), (0.0, 3.0, 0.0, 2.0), (0.0, 0.0, 4.0, 3.0), (0, 0, 0, 1))),
        "negative_determinant_rotated":
            (mathutils.Matrix.Translation((1.0, -2.0, 0.5))
             @ mathutils.Euler((0.3, -0.7, 1.1), "XYZ").to_matrix().to_4x4()
             @ mathutils.Matrix.Diagonal((1.0, -1.5, 2.0, 1.0))),
        "shear": mathutils.Matrix((
            (1.0, 0.5, 0.0, 0.0), (0.0, 1.0, 0.0, 0.0), (0.0, 0.3, 1.0, 0.0), (0, 0, 0, 1))),
        "all_negative": mathutils.Matrix.Diagonal((-1.0, -2.0, -3.0, 1.0)),
        "zero_scale_axis": mathutils.Matrix.Diagonal((1.0, 0.0, 2.0, 1.0)),
        "projective_row": mathutils.Matrix((
            (1.0, 0.0, 0.0, 0.0), (0.0, 1.0, 0.0, 0.0), (0.0, 0.0, 1.0, 0.0),
            (0.1, 0.2, 0.3, 2.0))),
    }
    out = {}
    for mode in ("XYZ", "ZYX", "QUATERNION", "AXIS_ANGLE"):
        per = {}
        for key, m in cases.items():
            fresh()
            ob = bpy.data.objects["Cube"]
            ob.rotation_mode = mode
            ob.matrix_basis = m
            bpy.context.view_layer.update()  # so matrix_world/matrix_local are not stale
            per[key] = {"input": rows(m), **ob_state(ob)}
        out[mode] = per
    d["set_matrix_basis"] = out

    # matrix_world on an unparented object, and matrix_local on a parented one
    fresh()
    ob = bpy.data.objects["Cube"]
    ob.matrix_world = M_GIVEN
    d["unparented_set_matrix_world.before_update"] = ob_state(ob)
    fresh()
    cube, cam = bpy.data.objects["Cube"], bpy.data.objects["Camera"]
    cube.parent = cam
    cube.matrix_local = M_GIVEN
    d["parented_set_matrix_local.before_update"] = ob_state(cube)
    bpy.context.view_layer.update()
    d["parented_set_matrix_local.after_update"] = ob_state(cube)
    return d


def main():
    data = {
        "blender_version": bpy.app.version_string,
        "users_basic": users_basic(),
        "startup_users": startup_users(),
        "fake_user": fake_user(),
        "remove_object": remove_object(),
        "remove_active_other": remove_active_other(),
        "remove_used_data": remove_used_mesh(),
        "orphans_purge": orphans(),
        "user_remap": remap(),
        "batch_remove": batch_remove(),
        "copy": copies(),
        "user_map": user_map(),
        "hierarchy_errors": hierarchy_errors(),
        "parenting": parenting(),
        "values": values(),
        "matrices": matrices(),
    }
    path = out_path()
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=1, sort_keys=True, ensure_ascii=False)
        f.write("\n")
    print("wrote", path)


if __name__ == "__main__":
    main()
