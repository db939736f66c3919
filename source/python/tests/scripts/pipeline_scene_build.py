# A realistic layout/assembly script: build a set from a description (collections per
# category, shared meshes, materials by name, transforms, custom metadata), then write
# a report the way a pipeline tool would hand it to an asset tracker.
import math
import bpy
from mathutils import Euler, Matrix, Vector

MANIFEST = {
    "shot": "sq010_sh0040",
    "categories": {
        "SET": [("floor", "plane", (0, 0, 0), (0, 0, 0), 10.0),
                ("wall", "plane", (0, 5, 2.5), (90, 0, 0), 5.0)],
        "PROPS": [("crate", "box", (1, 1, 0.5), (0, 0, 15), 1.0),
                  ("crate", "box", (-1, 1.5, 0.5), (0, 0, -30), 1.0),
                  ("crate", "box", (0, 2.5, 0.5), (0, 0, 45), 1.2),
                  ("barrel", "cyl", (2.5, -1, 0.6), (0, 0, 0), 0.8)],
        "LIGHTS": [("key", "AREA", (4, -4, 6), (45, 0, 45), 1.0),
                   ("rim", "SPOT", (-4, 4, 5), (-45, 0, -135), 1.0)],
    },
    "materials": {"plane": "concrete", "box": "wood", "cyl": "metal"},
}

result = {}
scene = bpy.context.scene
shot_coll = bpy.data.collections.new(MANIFEST["shot"])
scene.collection.children.link(shot_coll)
shot_coll["shot"] = MANIFEST["shot"]

meshes = {}
materials = {}
created = []
for category, entries in sorted(MANIFEST["categories"].items()):
    cat_coll = bpy.data.collections.new(category)
    shot_coll.children.link(cat_coll)
    for asset, kind, loc, rot_deg, size in entries:
        if category == "LIGHTS":
            data = bpy.data.lights.new(asset, kind)
            data.energy = 500.0 if asset == "key" else 200.0
        else:
            if kind not in meshes:
                meshes[kind] = bpy.data.meshes.new(kind + "_geo")
                mat_name = MANIFEST["materials"][kind]
                materials[kind] = bpy.data.materials.get(mat_name) or \
                    bpy.data.materials.new(mat_name)
                meshes[kind].materials.append(materials[kind])
            data = meshes[kind]
        ob = bpy.data.objects.new(asset, data)
        cat_coll.objects.link(ob)
        ob.location = loc
        ob.rotation_euler = Euler([math.radians(a) for a in rot_deg])
        ob.scale = (size, size, size)
        ob["asset"] = {"name": asset, "category": category, "version": 1}
        created.append(ob)

result["created_names"] = [o.name for o in created]
result["collections"] = [[c.name, [o.name for o in c.objects]]
                         for c in shot_coll.children]
result["mesh_users"] = {k: m.users for k, m in meshes.items()}
result["material_users"] = {k: m.users for k, m in materials.items()}
result["light_types"] = [[o.name, o.data.type, num(o.data.energy)] for o in created
                         if o.type == 'LIGHT']
result["all_objects_count"] = len(shot_coll.all_objects)
result["scene_object_count"] = len(scene.objects)

# Snap every prop to the floor grid and bump its version
for ob in bpy.data.collections["PROPS"].objects:
    ob.location.x = round(ob.location.x * 2) / 2
    ob.location.y = round(ob.location.y * 2) / 2
    ob["asset"]["version"] += 1
result["snapped"] = [vec(o.location) for o in bpy.data.collections["PROPS"].objects]
result["versions"] = [o["asset"]["version"] for o in created]

# Group the crates under a locator, keeping their world placement
locator = bpy.data.objects.new("crates_grp", None)
bpy.data.collections["PROPS"].objects.link(locator)
locator.matrix_world = Matrix.Translation((0, 2, 0))
for ob in bpy.data.collections["PROPS"].objects:
    if ob.name.startswith("crate") and ob != locator:
        world = ob.matrix_basis.copy()
        ob.parent = locator
        ob.matrix_parent_inverse = locator.matrix_world.inverted()
        ob.matrix_basis = world
result["grouped"] = sorted(o.name for o in locator.children)
result["crate_local"] = [vec(o.location) for o in sorted(locator.children,
                                                         key=lambda o: o.name)]

# Report: what an asset tracker would receive
report = []
for ob in sorted(shot_coll.all_objects, key=lambda o: o.name):
    report.append({
        "name": ob.name,
        "type": ob.type,
        "data": ob.data.name if ob.data else None,
        "collection": ob.users_collection[0].name,
        "parent": ob.parent.name if ob.parent else None,
        "location": vec(ob.location),
        "rotation": vec(ob.rotation_euler),
        "scale": vec(ob.scale),
        "materials": [s.material.name for s in ob.material_slots if s.material],
        "meta": ob["asset"].to_dict() if "asset" in ob else None,
    })
result["report"] = report
result["shot_meta"] = shot_coll["shot"]

# Tear down: remove the set, then purge orphaned data
for ob in list(shot_coll.all_objects):
    bpy.data.objects.remove(ob)
for coll in list(shot_coll.children_recursive):
    bpy.data.collections.remove(coll)
bpy.data.collections.remove(shot_coll)
purged = bpy.data.orphans_purge(do_recursive=True)
result["after_teardown"] = [bpy.data.objects.keys(), bpy.data.collections.keys(),
                            bpy.data.meshes.keys(), bpy.data.materials.keys(),
                            bpy.data.lights.keys()]
result["purged_count"] = purged
