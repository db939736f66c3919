# An exporter-style walk: the scene's collection tree with per-layer visibility, the
# object parent hierarchy with depths and local/world values, in a stable order.
import bpy
from mathutils import Matrix

result = {}
scene = bpy.context.scene
vl = bpy.context.view_layer

# Build a small hierarchy
chars = bpy.data.collections.new("chars")
hidden = bpy.data.collections.new("hidden_stuff")
scene.collection.children.link(chars)
scene.collection.children.link(hidden)
root = bpy.data.objects.new("root", None)
chars.objects.link(root)
root.location = (0, 0, 1)
arm = bpy.data.objects.new("arm", None)
chars.objects.link(arm)
arm.parent = root
arm.location = (1, 0, 0)
hand = bpy.data.objects.new("hand", None)
chars.objects.link(hand)
hand.parent = arm
hand.location = (0.5, 0, 0)
ghost = bpy.data.objects.new("ghost", None)
hidden.objects.link(ghost)
vl.layer_collection.children["hidden_stuff"].exclude = True
chars.hide_render = True


def walk_collections(layer_coll, depth=0):
    coll = layer_coll.collection
    out = [{"name": coll.name, "depth": depth, "exclude": layer_coll.exclude,
            "hide_render": coll.hide_render,
            "objects": [o.name for o in coll.objects]}]
    for child in layer_coll.children:
        out.extend(walk_collections(child, depth + 1))
    return out


result["collection_tree"] = walk_collections(vl.layer_collection)


# World matrices are not evaluated in this script, so compose them from the chain of
# basis matrices, as an exporter without depsgraph access would.
def world_matrix(ob):
    m = ob.matrix_basis.copy()
    p = ob
    while p.parent:
        m = p.parent.matrix_basis @ p.matrix_parent_inverse @ m
        p = p.parent
    return m


def walk_objects(ob, depth=0):
    out = [{"name": ob.name, "depth": depth, "type": ob.type,
            "local": vec(ob.location),
            "world": vec(world_matrix(ob).translation),
            "visible": ob.visible_get(),
            "collections": [c.name for c in ob.users_collection]}]
    for child in sorted(ob.children, key=lambda o: o.name):
        out.extend(walk_objects(child, depth + 1))
    return out


roots = sorted((o for o in scene.objects if o.parent is None), key=lambda o: o.name)
result["object_tree"] = [entry for r in roots for entry in walk_objects(r)]
result["scene_objects"] = sorted(o.name for o in scene.objects)
result["layer_objects"] = sorted(o.name for o in vl.objects)
result["visible"] = sorted(o.name for o in scene.objects if o.visible_get())
result["renderable"] = sorted(o.name for o in scene.objects
                              if not o.hide_render and not any(
                                  c.hide_render for c in o.users_collection))

# Reparenting keeps children lists consistent
hand.parent = root
result["after_reparent"] = [sorted(c.name for c in root.children),
                            sorted(c.name for c in arm.children)]
result["recursive"] = sorted(c.name for c in root.children_recursive)
# Clearing a parent in the middle
arm.parent = None
result["roots_after_clear"] = sorted(o.name for o in scene.objects if o.parent is None)
result["world_after_clear"] = vec(world_matrix(hand).translation)
