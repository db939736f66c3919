# Oracle generator: RNA schema (property and function declarations) of the core structs,
# as Blender 3.4 reports it through bpy.types.*.bl_rna.
#
# Regenerate with:
#   blender -b --factory-startup --python tools/oracle/gen_rna_schema.py -- tests/fixtures/rna_schema.json
#
# Output: pretty JSON (indent=1, sort_keys=True), floats rounded to 6 places,
# NaN/inf written as the strings "nan", "inf", "-inf". Descriptions are never recorded.
#
# Layout:
#   {"blender_version": ..., "missing": [names not in bpy.types],
#    "structs": {Identifier: {"identifier", "base", "name_property",
#                             "properties": [...in bl_rna order...],
#                             "functions": [...in bl_rna order...]}}}
# A property or function present in the base struct's bl_rna is marked "inherited": true.
# Properties registered at runtime by add-ons (e.g. "cycles") are marked "is_runtime": true.

import json
import math
import sys

import bpy

STRUCTS = [
    "ID", "Object", "Scene", "RenderSettings", "UnitSettings", "ViewLayer",
    "LayerCollection", "Collection", "Mesh", "Camera", "CameraDOFSettings",
    "Light", "PointLight", "SunLight", "SpotLight", "AreaLight", "Material", "World",
    "Image", "Action", "Text", "NodeTree", "ObjectBase", "MaterialSlot", "View3DCursor",
    "BlendData",
    # BlendData collections for the ID types above
    "BlendDataObjects", "BlendDataScenes", "BlendDataCollections", "BlendDataMeshes",
    "BlendDataCameras", "BlendDataLights", "BlendDataMaterials", "BlendDataWorlds",
    "BlendDataImages", "BlendDataActions", "BlendDataTexts", "BlendDataNodeTrees",
    "BlendDataPointClouds",
    # collection function structs
    "CollectionObjects", "CollectionChildren", "ViewLayers", "LayerObjects",
    "SceneObjects", "IDMaterials",
    # mesh elements, attributes, UV maps and vertex groups
    "MeshVertex", "MeshEdge", "MeshPolygon", "MeshLoop", "MeshLoopTriangle",
    "MeshVertices", "MeshEdges", "MeshPolygons", "MeshLoops",
    "Attribute", "AttributeGroup", "FloatAttribute", "IntAttribute", "FloatVectorAttribute",
    "FloatColorAttribute", "ByteColorAttribute", "StringAttribute", "BoolAttribute",
    "Float2Attribute", "ByteIntAttribute", "FloatAttributeValue", "IntAttributeValue",
    "FloatVectorAttributeValue", "FloatColorAttributeValue", "ByteColorAttributeValue",
    "StringAttributeValue", "BoolAttributeValue", "Float2AttributeValue",
    "ByteIntAttributeValue", "MeshUVLoopLayer", "MeshUVLoop", "UVLoopLayers",
    "VertexGroup", "VertexGroups", "VertexGroupElement",
    # point clouds (on the same attribute storage)
    "PointCloud", "Point",
    # F-curves: keys, modifiers, groups and the action's collections
    "FCurve", "Keyframe", "FCurveKeyframePoints", "FCurveModifiers", "ActionFCurves",
    "ActionGroup", "ActionGroups", "FModifier", "FModifierGenerator", "FModifierCycles",
    "FModifierNoise",
]


def out_path():
    argv = sys.argv
    if "--" in argv and len(argv) > argv.index("--") + 1:
        return argv[argv.index("--") + 1]
    return "rna_schema.json"


def fnum(x):
    if isinstance(x, bool) or isinstance(x, int):
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


def describe_property(p):
    d = {
        "identifier": p.identifier,
        "name": p.name,
        "type": p.type,
        "subtype": p.subtype,
        "unit": p.unit,
        "is_readonly": p.is_readonly,
        "is_animatable": p.is_animatable,
        "is_never_none": p.is_never_none,
        "is_hidden": p.is_hidden,
        "is_skip_save": p.is_skip_save,
        "is_library_editable": p.is_library_editable,
        "is_runtime": p.is_runtime,
        "is_required": p.is_required,
        "is_output": p.is_output,
        "is_argument_optional": p.is_argument_optional,
        "is_registered": p.is_registered,
        "is_path_output": p.is_path_output,
    }
    # is_overridable is evaluated against the Property's own pointer; for a dynamic-length
    # array (e.g. Image.pixels) Blender 3.4 then reads garbage and smashes the stack.
    dynamic = p.type in ("BOOLEAN", "INT", "FLOAT") and p.is_array and not p.array_length
    if not dynamic:
        d["is_overridable"] = p.is_overridable
    if p.srna is not None:
        d["srna"] = p.srna.identifier
    t = p.type
    if t in ("BOOLEAN", "INT", "FLOAT"):
        d["array_length"] = p.array_length
        dims = [x for x in p.array_dimensions if x]
        if len(dims) > 1:
            d["array_dimensions"] = dims
        d["is_array"] = p.is_array
        # Reading `default` of a dynamic-length array (is_array with array_length 0,
        # e.g. Image.pixels) corrupts memory in Blender 3.4, so it is not recorded.
        if p.is_array:
            if p.array_length:
                d["default_array"] = [fnum(x) for x in p.default_array]
            else:
                d["dynamic_array"] = True
        else:
            d["default"] = fnum(p.default)
        if t in ("INT", "FLOAT"):
            for k in ("hard_min", "hard_max", "soft_min", "soft_max", "step"):
                d[k] = fnum(getattr(p, k))
            if t == "FLOAT":
                d["precision"] = p.precision
    elif t == "STRING":
        d["default"] = p.default
        d["length_max"] = p.length_max
    elif t == "ENUM":
        d["is_enum_flag"] = p.is_enum_flag
        if p.is_enum_flag:
            d["default_flag"] = sorted(p.default_flag)
        else:
            d["default"] = p.default
        d["enum_items"] = [
            {"identifier": e.identifier, "name": e.name, "value": e.value}
            for e in p.enum_items
        ]
        # Dynamic enums list different items when read without a context;
        # the static list is only written where it differs.
        static = [
            {"identifier": e.identifier, "name": e.name, "value": e.value}
            for e in p.enum_items_static
        ]
        if static != d["enum_items"]:
            d["enum_items_static"] = static
    elif t in ("POINTER", "COLLECTION"):
        d["fixed_type"] = p.fixed_type.identifier if p.fixed_type is not None else None
    return d


def describe_function(f):
    d = {
        "identifier": f.identifier,
        "use_self": f.use_self,
        "use_self_type": f.use_self_type,
        "is_registered": f.is_registered,
        "parameters": [],
    }
    for p in f.parameters:
        pd = {
            "identifier": p.identifier,
            "name": p.name,
            "type": p.type,
            "subtype": p.subtype,
            "is_required": p.is_required,
            "is_output": p.is_output,
            "is_never_none": p.is_never_none,
        }
        t = p.type
        if t in ("POINTER", "COLLECTION"):
            pd["fixed_type"] = p.fixed_type.identifier if p.fixed_type is not None else None
        elif t in ("BOOLEAN", "INT", "FLOAT"):
            pd["array_length"] = p.array_length
            dims = [x for x in p.array_dimensions if x]
            if len(dims) > 1:
                pd["array_dimensions"] = dims
            pd["is_array"] = p.is_array
            if p.is_array:
                if p.array_length:
                    pd["default"] = [fnum(x) for x in p.default_array]
                else:
                    pd["dynamic_array"] = True
            else:
                pd["default"] = fnum(p.default)
            if t in ("INT", "FLOAT"):
                for k in ("hard_min", "hard_max", "soft_min", "soft_max"):
                    pd[k] = fnum(getattr(p, k))
        elif t == "STRING":
            pd["default"] = p.default
            pd["length_max"] = p.length_max
        elif t == "ENUM":
            pd["is_enum_flag"] = p.is_enum_flag
            if p.is_enum_flag:
                pd["default"] = sorted(p.default_flag)
            else:
                pd["default"] = p.default
            pd["enum_items"] = [e.identifier for e in p.enum_items_static]
        d["parameters"].append(pd)
    return d


def describe_struct(name):
    srna = getattr(bpy.types, name).bl_rna
    base = srna.base
    base_props = set(base.properties.keys()) if base is not None else set()
    base_funcs = set(base.functions.keys()) if base is not None else set()
    props = []
    for p in srna.properties:
        if p.identifier == "rna_type":
            continue
        d = describe_property(p)
        if p.identifier in base_props:
            d["inherited"] = True
        props.append(d)
    funcs = []
    for f in srna.functions:
        d = describe_function(f)
        if f.identifier in base_funcs:
            d["inherited"] = True
        funcs.append(d)
    return {
        "identifier": srna.identifier,
        "name": srna.name,
        "base": base.identifier if base is not None else None,
        "name_property": srna.name_property.identifier if srna.name_property else None,
        "nested": srna.nested.identifier if srna.nested is not None else None,
        "properties": props,
        "functions": funcs,
    }


def main():
    data = {"blender_version": bpy.app.version_string, "missing": [], "structs": {}}
    for name in STRUCTS:
        if not hasattr(bpy.types, name):
            data["missing"].append(name)
            continue
        data["structs"][name] = describe_struct(name)
    path = out_path()
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=1, sort_keys=True, ensure_ascii=False)
        f.write("\n")
    print("wrote", path)


main()
