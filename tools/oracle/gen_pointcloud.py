# Oracle generator: the point cloud Python API as Blender 3.4 answers it, for
# source/python/tests/test_pointcloud.py: what a new point cloud holds, attribute rules
# (domains, reserved and taken names, color references), copies, objects, and, through a
# geometry-nodes point cloud (3.4 cannot add points from Python), radius defaults and
# bounds with and without radii.
#
# Regenerate with:
#   blender -b --factory-startup --python tools/oracle/gen_pointcloud.py -- tests/fixtures/pointcloud.json
#
# Output: pretty JSON (indent=1, sort_keys=True). Floats rounded to 6 places.

import json
import sys

import bpy


def out_path():
    argv = sys.argv
    if "--" in argv and len(argv) > argv.index("--") + 1:
        return argv[argv.index("--") + 1]
    return "pointcloud.json"


def attrs(pc):
    return [[a.name, a.domain, a.data_type] for a in pc.attributes]


def error_of(call):
    try:
        call()
    except Exception as e:  # the type and message scripts see
        return [type(e).__name__, str(e).replace("Error: ", "", 1).strip()]
    return None


def vec(v):
    return [round(c, 6) for c in v]


def new_point_cloud():
    pc = bpy.data.pointclouds.new("P")
    out = {"name": pc.name, "users": pc.users, "points": len(pc.points), "attributes": attrs(pc)}
    out["domain_errors"] = {
        d: error_of(lambda d=d: pc.attributes.new("x", "FLOAT", d))
        for d in ("EDGE", "FACE", "CORNER", "CURVE", "INSTANCE")}
    out["taken_position"] = pc.attributes.new("position", "FLOAT", "POINT").name
    out["radius_added"] = pc.attributes.new("radius", "FLOAT", "POINT").name
    pc.attributes.new("col", "FLOAT_COLOR", "POINT")
    out["color"] = {
        "active_color_name": pc.attributes.active_color_name,
        "default_color_name": pc.attributes.default_color_name,
        "active_color_index": pc.attributes.active_color_index,
        "color_attributes": [a.name for a in pc.color_attributes],
    }
    out["remove_position"] = error_of(lambda: pc.attributes.remove(pc.attributes["position"]))
    out["remove_radius"] = error_of(lambda: pc.attributes.remove(pc.attributes["radius"]))
    pc.attributes.remove(pc.attributes["col"])  # `col` may be stale: 3.4 holds raw pointers
    out["after_remove"] = attrs(pc)
    out["attribute_path"] = pc.attributes["position"].path_from_id()
    copy = pc.copy()
    out["copy"] = {"name": copy.name, "attributes": sorted(a.name for a in copy.attributes)}
    ob = bpy.data.objects.new("O", pc)
    out["object_type"] = ob.type
    out["users_with_object"] = pc.users
    pc.materials.append(bpy.data.materials.new("M"))
    out["materials"] = len(pc.materials)
    return out


def evaluated_points(remove_radius):
    """A point cloud object whose nodes make 3 points at x = 0, 1, 2 with radius 0.25."""
    pc = bpy.data.pointclouds.new("Eval")
    ob = bpy.data.objects.new("Eval", pc)
    bpy.context.scene.collection.objects.link(ob)
    ng = bpy.data.node_groups.new("G", "GeometryNodeTree")
    ng.inputs.new("NodeSocketGeometry", "Geometry")
    ng.outputs.new("NodeSocketGeometry", "Geometry")
    out = ng.nodes.new("NodeGroupOutput")
    line = ng.nodes.new("GeometryNodeMeshLine")
    line.inputs["Count"].default_value = 3
    line.inputs["Offset"].default_value = (1, 0, 0)
    to_points = ng.nodes.new("GeometryNodeMeshToPoints")
    to_points.inputs["Radius"].default_value = 0.25
    ng.links.new(line.outputs[0], to_points.inputs["Mesh"])
    last = to_points.outputs[0]
    if remove_radius:
        remove = ng.nodes.new("GeometryNodeRemoveAttribute")
        remove.inputs["Name"].default_value = "radius"
        ng.links.new(last, remove.inputs[0])
        last = remove.outputs[0]
    ng.links.new(last, out.inputs[0])
    ob.modifiers.new("GN", "NODES").node_group = ng
    depsgraph = bpy.context.evaluated_depsgraph_get()
    evaluated = ob.evaluated_get(depsgraph)
    data = evaluated.data
    corners = [vec(v) for v in evaluated.bound_box]
    return {
        "attributes": sorted(a.name for a in data.attributes),
        "co": [vec(p.co) for p in data.points],
        "radius": [round(p.radius, 6) for p in data.points],
        "index": [p.index for p in data.points],
        "point_path": data.points[1].path_from_id(),
        "bounds_min": [min(c[i] for c in corners) for i in range(3)],
        "bounds_max": [max(c[i] for c in corners) for i in range(3)],
    }


def main():
    result = {
        "blender_version": bpy.app.version_string,
        "new": new_point_cloud(),
        "with_radius": evaluated_points(False),
        "without_radius": evaluated_points(True),
    }
    with open(out_path(), "w") as f:
        json.dump(result, f, indent=1, sort_keys=True)
        f.write("\n")
    print("wrote", out_path())


main()
