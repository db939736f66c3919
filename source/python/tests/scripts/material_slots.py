# Material assignment: mesh material lists, object material slots, slot links (DATA vs
# OBJECT), active_material, and users along the way.
import bpy

result = {}
coll = bpy.context.collection
red = bpy.data.materials.new("Red")
blue = bpy.data.materials.new("Blue")
me = bpy.data.meshes.new("Body")
ob = bpy.data.objects.new("Body", me)
coll.objects.link(ob)
result["empty_slots"] = [len(ob.material_slots), len(me.materials), ob.active_material]

me.materials.append(red)
me.materials.append(blue)
me.materials.append(None)
result["mesh_materials"] = [m.name if m else None for m in me.materials]
result["slots"] = [[s.name, s.link, s.material.name if s.material else None]
                   for s in ob.material_slots]
result["users_after_append"] = [red.users, blue.users]
result["active_material"] = ob.active_material.name
result["active_material_index"] = ob.active_material_index
ob.active_material_index = 1
result["active_after_index"] = ob.active_material.name
ob.active_material_index = 10
result["active_index_out_of_range"] = [ob.active_material_index, ob.active_material]
ob.active_material_index = 0

# Assigning into a slot writes the mesh list (DATA link)
green = bpy.data.materials.new("Green")
ob.material_slots[2].material = green
result["slot_assign_data_link"] = [m.name if m else None for m in me.materials]
me.materials[0] = blue
result["materials_setitem"] = [m.name for m in me.materials]
result["users_after_setitem"] = [red.users, blue.users, green.users]

# OBJECT link: the object's own material overrides the mesh's
ob.material_slots[0].link = 'OBJECT'
result["object_link_empty"] = [ob.material_slots[0].link, ob.material_slots[0].material]
ob.material_slots[0].material = red
result["object_link_material"] = [ob.material_slots[0].material.name,
                                  me.materials[0].name, red.users]
ob.material_slots[0].link = 'DATA'
result["back_to_data"] = ob.material_slots[0].material.name

# A second object sharing the mesh sees the same slots
twin = bpy.data.objects.new("Twin", me)
coll.objects.link(twin)
result["twin_slots"] = [s.name for s in twin.material_slots]

# pop and clear
popped = me.materials.pop(index=1)
result["popped"] = popped.name if popped else None
result["after_pop"] = [m.name if m else None for m in me.materials]
result["slots_after_pop"] = len(ob.material_slots)
result["pop_out_of_range"] = capture(lambda: me.materials.pop(index=10))
result["pop_default"] = capture(lambda: me.materials.pop().name)
me.materials.clear()
result["after_clear"] = [len(me.materials), len(ob.material_slots), len(twin.material_slots)]
result["users_after_clear"] = [red.users, blue.users, green.users]

# active_material on an object without slots adds one
ob.active_material = green
result["active_material_adds_slot"] = [len(ob.material_slots), me.materials[0].name]
result["append_wrong_type"] = capture(lambda: me.materials.append(ob))
result["append_str"] = capture(lambda: me.materials.append("Red"))
result["materials_index_out"] = capture(lambda: me.materials[5])
result["materials_by_name"] = capture(lambda: me.materials["Green"].name)
result["slot_index_out"] = capture(lambda: ob.material_slots[3])
result["slot_readonly_name"] = capture(lambda: setattr(ob.material_slots[0], "name", "x"))
result["slot_link_bad"] = capture(lambda: setattr(ob.material_slots[0], "link", "MESH"))

# Empty objects have no material slots
empty = bpy.data.objects.new("Empty", None)
result["empty_object_slots"] = len(empty.material_slots)
result["empty_active_material"] = empty.active_material
result["empty_set_active_material"] = capture(lambda: setattr(empty, "active_material", red))
result["empty_after_set_active_material"] = [len(empty.material_slots),
                                             empty.active_material, red.users]
