# Oracle generator: factory-startup content of the core ID types, as Blender 3.4 reports it.
#
# Regenerate with:
#   blender -b --factory-startup --python tools/oracle/gen_startup.py -- tests/fixtures/startup_scene.json
#
# Output: pretty JSON (indent=1, sort_keys=True), floats rounded to 6 places,
# -0.0 written as 0.0, NaN/inf written as the strings "nan", "inf", "-inf".
#
# Value encoding (see serialize_struct):
#   bool/int/string        -> JSON value (bytes strings decoded as latin-1)
#   float                  -> rounded float
#   enum                   -> identifier; flag enums -> sorted list of identifiers
#   numeric arrays         -> (nested) lists; MATRIX subtype -> rows: [list(row) for row in m]
#   pointer to an ID       -> that ID's name, or null
#   pointer to a non-ID    -> nested object {"__struct__": identifier, ...} (up to MAX_DEPTH),
#                             or null
#   collection             -> list of item names (via the item struct's name property),
#                             else list of "identifier" values, else {"__len__": n}
#   unreadable property    -> {"__error__": "<ExceptionTypeName>"}
# Properties registered at runtime by add-ons (e.g. "cycles") are skipped.

import json
import math
import sys

import bpy
import mathutils

MAX_DEPTH = 4  # nesting depth of non-ID structs below an ID

# (struct identifier, property identifier) pairs that are not recorded by the generic walk:
# volatile or runtime-only state, or huge arrays.
SKIP = {
    ("ViewLayer", "depsgraph"),
    ("Image", "pixels"),
    ("Image", "bindcode"),
    ("ID", "session_uid"),
}

# Value attributes of arrays above this many items are replaced by {"__len__": n}.
MAX_ARRAY = 4096


def out_path():
    argv = sys.argv
    if "--" in argv and len(argv) > argv.index("--") + 1:
        return argv[argv.index("--") + 1]
    return "startup_scene.json"


def fnum(x):
    if isinstance(x, bool):
        return x
    if isinstance(x, int):
        return x
    x = float(x)
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    r = round(x, 6)
    if r == 0.0:
        r = 0.0
    return r


def plain(v):
    """Convert bpy/mathutils leaf values to JSON-able values."""
    if v is None or isinstance(v, (bool, int, str)):
        return v
    if isinstance(v, float):
        return fnum(v)
    if isinstance(v, bytes):
        return v.decode("latin-1")
    if isinstance(v, mathutils.Matrix):
        return [[fnum(x) for x in row] for row in v]
    if isinstance(v, (mathutils.Vector, mathutils.Color, mathutils.Euler, mathutils.Quaternion)):
        return [fnum(x) for x in v]
    if isinstance(v, (set, frozenset)):
        return sorted(v)
    if isinstance(v, bpy.types.ID):
        return v.name
    try:
        seq = list(v)
    except TypeError:
        return repr(type(v).__name__)
    return [plain(x) for x in seq]


def declaring_struct(srna, identifier):
    """Identifier of the most basic struct in srna's base chain that declares `identifier`."""
    found = srna.identifier
    base = srna.base
    while base is not None:
        if identifier in base.properties:
            found = base.identifier
        base = base.base
    return found


def item_label(item):
    np = item.bl_rna.name_property
    if np is not None:
        return getattr(item, np.identifier)
    return None


def serialize_collection(coll):
    items = list(coll)
    if not items:
        return []
    labels = []
    for it in items:
        if isinstance(it, bpy.types.ID):
            labels.append(it.name)
            continue
        lab = item_label(it)
        if lab is None and "identifier" in it.bl_rna.properties:
            lab = it.identifier
        if lab is None:
            return {"__len__": len(items)}
        labels.append(lab)
    return labels


def serialize_value(owner, prop, depth, stack):
    ident = prop.identifier
    v = getattr(owner, ident)
    t = prop.type
    if t == "POINTER":
        if v is None:
            return None
        if isinstance(v, bpy.types.ID):
            return v.name
        return serialize_struct(v, depth + 1, stack)
    if t == "COLLECTION":
        return serialize_collection(v)
    if t == "ENUM":
        if prop.is_enum_flag:
            return sorted(v)
        return v
    if t in ("BOOLEAN", "INT", "FLOAT"):
        if getattr(prop, "array_length", 0) or (hasattr(v, "__len__") and not isinstance(v, str)):
            try:
                n = len(v)
            except TypeError:
                n = None
            if n is not None and n > MAX_ARRAY:
                return {"__len__": n}
            return plain(v)
        return plain(v)
    if t == "STRING":
        return plain(v)
    return plain(v)


def serialize_struct(s, depth=0, stack=()):
    srna = s.bl_rna
    out = {"__struct__": srna.identifier}
    # Several RNA structs share one data address (e.g. RenderSettings and its
    # image_settings, Object and ObjectDisplay), so the struct type is part of the key.
    try:
        key = (srna.identifier, s.as_pointer())
    except Exception:
        key = None
    if key is not None and key in stack:
        out["__cycle__"] = True
        return out
    if depth > MAX_DEPTH:
        out["__truncated__"] = True
        return out
    stack = stack + (key,)
    for prop in srna.properties:
        ident = prop.identifier
        if ident == "rna_type":
            continue
        if getattr(prop, "is_runtime", False):
            continue
        if (declaring_struct(srna, ident), ident) in SKIP or (srna.identifier, ident) in SKIP:
            continue
        try:
            out[ident] = serialize_value(s, prop, depth, stack)
        except Exception as e:  # record the failure, not the message (may hold addresses)
            out[ident] = {"__error__": type(e).__name__}
    return out


def layer_collection_tree(lc):
    return {
        "name": lc.name,
        "collection": lc.collection.name if lc.collection else None,
        "exclude": lc.exclude,
        "hide_viewport": lc.hide_viewport,
        "holdout": lc.holdout,
        "indirect_only": lc.indirect_only,
        "is_visible": lc.is_visible,
        "children": [layer_collection_tree(c) for c in lc.children],
    }


def view_layer_detail(scene, vl):
    d = serialize_struct(vl)
    d["layer_collection_tree"] = layer_collection_tree(vl.layer_collection)
    d["objects_active"] = vl.objects.active.name if vl.objects.active else None
    d["active_layer_collection_name"] = vl.active_layer_collection.name
    per = {}
    for ob in scene.objects:
        rec = {}
        for label, fn in (
            ("select_get", lambda: ob.select_get(view_layer=vl)),
            ("visible_get", lambda: ob.visible_get(view_layer=vl)),
            ("hide_get", lambda: ob.hide_get(view_layer=vl)),
        ):
            try:
                rec[label] = fn()
            except Exception as e:
                rec[label] = {"__error__": type(e).__name__}
        per[ob.name] = rec
    d["object_states"] = per
    return d


def node_tree_summary(nt):
    if nt is None:
        return None
    return {
        "name": nt.name,
        "bl_idname": nt.bl_idname,
        "nodes": [
            {"name": n.name, "type": n.type, "bl_idname": n.bl_idname}
            for n in nt.nodes
        ],
        "links": [
            [l.from_node.name, l.from_socket.identifier, l.to_node.name, l.to_socket.identifier]
            for l in nt.links
        ],
    }


def id_common(idb):
    return {
        "name": idb.name,
        "users": idb.users,
        "use_fake_user": idb.use_fake_user,
        "rna_type": idb.bl_rna.identifier,
        "python_type": type(idb).__name__,
    }


def dump_id(coll_name, idb):
    rec = id_common(idb)
    if coll_name == "meshes":
        rec["vertices"] = len(idb.vertices)
        rec["edges"] = len(idb.edges)
        rec["polygons"] = len(idb.polygons)
        rec["loops"] = len(idb.loops)
        return rec
    rec["properties"] = serialize_struct(idb)
    if coll_name == "scenes":
        rec["view_layers_detail"] = [view_layer_detail(idb, vl) for vl in idb.view_layers]
        mc = idb.collection
        rec["master_collection"] = {
            "name": mc.name,
            "children": [c.name for c in mc.children],
            "objects": [o.name for o in mc.objects],
            "all_objects": sorted(o.name for o in mc.all_objects),
            "children_recursive": [c.name for c in mc.children_recursive],
        }
        rec["scene_objects"] = [o.name for o in idb.objects]
    elif coll_name == "collections":
        rec["children"] = [c.name for c in idb.children]
        rec["objects"] = [o.name for o in idb.objects]
        rec["all_objects"] = sorted(o.name for o in idb.all_objects)
    elif coll_name == "objects":
        rec["material_slots"] = [
            {"link": ms.link, "material": ms.material.name if ms.material else None, "name": ms.name}
            for ms in idb.material_slots
        ]
        rec["users_collection"] = [c.name for c in idb.users_collection]
        rec["users_scene"] = [s.name for s in idb.users_scene]
        rec["children"] = [c.name for c in idb.children]
    elif coll_name in ("materials", "worlds"):
        rec["has_node_tree"] = idb.node_tree is not None
        rec["node_tree_summary"] = node_tree_summary(idb.node_tree)
    elif coll_name == "lights":
        rec["python_class"] = type(idb).__name__
    return rec


ID_COLLECTIONS = [
    "scenes", "collections", "objects", "meshes", "cameras", "lights", "materials",
    "worlds", "images", "actions", "texts", "node_groups",
]


def main():
    ctx = bpy.context
    data = {
        "blender_version": bpy.app.version_string,
        "context": {
            "scene": ctx.scene.name,
            "collection": ctx.collection.name if ctx.collection else None,
            "view_layer": ctx.view_layer.name,
            "view_layer_objects_active": (
                ctx.view_layer.objects.active.name if ctx.view_layer.objects.active else None
            ),
            "active_object": ctx.active_object.name if ctx.active_object else None,
            "object": ctx.object.name if ctx.object else None,
            "selected_objects": sorted(o.name for o in ctx.selected_objects),
            "selected_objects_order": [o.name for o in ctx.selected_objects],
            "visible_objects": [o.name for o in ctx.visible_objects],
        },
        "ids": {},
    }
    for coll_name in ID_COLLECTIONS:
        coll = getattr(bpy.data, coll_name)
        data["ids"][coll_name] = [dump_id(coll_name, idb) for idb in coll]

    path = out_path()
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=1, sort_keys=True, ensure_ascii=False)
        f.write("\n")
    print("wrote", path)


if __name__ == "__main__":  # gen_new_ids.py imports this module for its serializer
    main()
