# Oracle generator: every RNA property value of freshly created data-blocks
# (`bpy.data.<collection>.new(...)`), as Blender 3.4 reports them. These are the
# defaults a Whisk ID must start with.
#
# Regenerate with:
#   blender -b --factory-startup --python tools/oracle/gen_new_ids.py -- tests/fixtures/new_ids.json
#
# Values use gen_startup.py's encoding (see serialize_struct there).

import json
import os
import sys

import bpy

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_startup  # noqa: E402  (shares the serializer)


def created():
    data = bpy.data
    mesh = data.meshes.new("NewMesh")
    yield "objects", "empty", data.objects.new("NewEmpty", None)
    yield "objects", "mesh", data.objects.new("NewMeshObject", mesh)
    yield "meshes", "mesh", mesh
    yield "cameras", "camera", data.cameras.new("NewCamera")
    for light_type in ("POINT", "SUN", "SPOT", "AREA"):
        yield "lights", light_type.lower(), data.lights.new("New" + light_type, light_type)
    yield "materials", "material", data.materials.new("NewMaterial")
    yield "worlds", "world", data.worlds.new("NewWorld")
    yield "collections", "collection", data.collections.new("NewCollection")
    yield "scenes", "scene", data.scenes.new("NewScene")
    yield "images", "image", data.images.new("NewImage", 16, 16)
    yield "actions", "action", data.actions.new("NewAction")
    yield "texts", "text", data.texts.new("NewText")
    yield "pointclouds", "pointcloud", data.pointclouds.new("NewPointCloud")


def main():
    result = {"blender_version": bpy.app.version_string, "ids": {}}
    for coll_name, key, idb in created():
        record = gen_startup.dump_id(coll_name, idb)
        result["ids"][coll_name + ":" + key] = record
    with open(gen_startup.out_path(), "w") as f:
        json.dump(result, f, indent=1, sort_keys=True)
        f.write("\n")


main()
