# Generic attributes, color attributes, UV maps and vertex groups, as add-ons use them.
import bpy

result = {}
me = bpy.data.meshes.new("Attrs")
me.from_pydata([(0, 0, 0), (1, 0, 0), (1, 1, 0), (0, 1, 0)], [], [(0, 1, 2, 3)])

a = me.attributes.new("weight", "FLOAT", "POINT")
a.data[1].value = 0.5
result["float_values"] = [num(d.value) for d in me.attributes["weight"].data]
result["float_type"] = [type(a).__name__, a.data_type, a.domain, type(a.data[0]).__name__]
b = me.attributes.new("weight", "INT", "FACE")
result["duplicate_name"] = b.name
v = me.attributes.new("offset", "FLOAT_VECTOR", "CORNER")
v.data[2].vector = (1, 2, 3)
result["vector_value"] = vec(me.attributes["offset"].data[2].vector)
flag = me.attributes.new("flag", "BOOLEAN", "EDGE")
flag.data[3].value = True
result["bool_values"] = [d.value for d in me.attributes["flag"].data]
small = me.attributes.new("small", "INT8", "POINT")
small.data[0].value = 7
result["int8"] = me.attributes["small"].data[0].value
# On points: Blender 4 treats every FLOAT2 corner attribute as a UV map (3.4 does not).
uvv = me.attributes.new("uvish", "FLOAT2", "POINT")
uvv.data[1].vector = (0.25, 0.5)
result["float2"] = vec(me.attributes["uvish"].data[1].vector)
# Without the built-in ones Blender 4 lists (position, sharp_face...) and 3.4 hides.
BUILTIN = {"position", "sharp_face", "sharp_edge", "material_index"}
result["user_attribute_names"] = [
    x.name for x in me.attributes if not x.name.startswith(".") and x.name not in BUILTIN]
result["new_bad_type"] = capture(lambda: me.attributes.new("x", "NOPE", "POINT"))
result["new_bad_domain"] = capture(lambda: me.attributes.new("x", "FLOAT", "EVERYWHERE"))
me.attributes.remove(me.attributes["weight.001"])
result["after_remove"] = "weight.001" in me.attributes
me.attributes["weight"].name = "mass"
result["renamed"] = ["weight" in me.attributes, "mass" in me.attributes]

col = me.color_attributes.new("Paint", "BYTE_COLOR", "CORNER")
result["color_default"] = vec(col.data[0].color)
me.color_attributes["Paint"].data[0].color = (0.5, 0.25, 1.0, 1.0)
result["color_roundtrip"] = vec(me.color_attributes["Paint"].data[0].color)
result["color_srgb"] = vec(me.color_attributes["Paint"].data[0].color_srgb)
result["active_color_name"] = me.color_attributes.active_color_name
fcol = me.color_attributes.new("Linear", "FLOAT_COLOR", "POINT")
result["float_color_default"] = vec(fcol.data[0].color)
result["color_names"] = [c.name for c in me.color_attributes]

uv = me.uv_layers.new()
result["uv_name"] = [uv.name, me.uv_layers.active.name, len(uv.data)]
me.uv_layers["UVMap"].data[2].uv = (0.5, 0.75)
second = me.uv_layers.new(name="Second")
result["uv_copied_from_active"] = vec(me.uv_layers["Second"].data[2].uv)
result["uv_names"] = [u.name for u in me.uv_layers]
me.uv_layers.remove(me.uv_layers["UVMap"])
result["uv_after_remove"] = [u.name for u in me.uv_layers]

ob = bpy.data.objects.new("Holder", me)
g = ob.vertex_groups.new(name="Group")
g.add([0, 1, 2], 0.25, "REPLACE")
g.add([1], 0.5, "ADD")
g.add([2], 0.125, "SUBTRACT")
result["weights"] = [num(g.weight(i)) for i in range(3)]
result["weight_missing"] = capture(lambda: g.weight(3))
g2 = ob.vertex_groups.new(name="Group")
result["group_names"] = [x.name for x in ob.vertex_groups]
result["group_index"] = [g.index, g2.index, ob.vertex_groups.active_index]
result["vertex_groups_of_1"] = [(e.group, num(e.weight)) for e in me.vertices[1].groups]
g.remove([0])
result["after_remove_weight"] = capture(lambda: g.weight(0))
ob.vertex_groups.remove(g)
result["after_group_remove"] = [x.name for x in ob.vertex_groups]
