# Collection hierarchies: nesting, all_objects, users_collection, cycles and unlinking,
# as a scene-assembly script builds them.
import bpy

result = {}
scene = bpy.context.scene
root = scene.collection

env = bpy.data.collections.new("ENV")
chars = bpy.data.collections.new("CHARS")
props = bpy.data.collections.new("PROPS")
root.children.link(env)
root.children.link(chars)
env.children.link(props)
result["root_children"] = names(root.children)
result["env_children"] = names(env.children)
result["collections"] = bpy.data.collections.keys()
result["props_users"] = props.users
result["env_users"] = env.users

def add(name, coll):
    ob = bpy.data.objects.new(name, None)
    coll.objects.link(ob)
    return ob

tree = add("tree", env)
rock = add("rock", props)
hero = add("hero", chars)
props.objects.link(hero)
result["env_objects"] = names(env.objects)
result["env_all_objects"] = sorted(names(env.all_objects))
result["root_all_objects"] = sorted(names(root.all_objects))
result["root_objects"] = names(root.objects)
result["hero_users_collection"] = sorted(names(hero.users_collection))
result["hero_users"] = hero.users
result["all_objects_len"] = len(env.all_objects)
result["all_objects_in"] = ["hero" in env.all_objects, "Cube" in env.all_objects]

# The same collection nested in two parents
chars.children.link(props)
result["props_users_two_parents"] = props.users
result["chars_all_objects"] = sorted(names(chars.all_objects))
result["props_children_recursive"] = [c.name for c in env.children_recursive]
result["root_children_recursive"] = sorted(c.name for c in root.children_recursive)

# Cycles are refused
result["link_parent_into_child"] = capture(lambda: props.children.link(env))
result["link_into_self"] = capture(lambda: env.children.link(env))
result["link_twice"] = capture(lambda: env.children.link(props))
result["link_scene_master"] = capture(lambda: env.children.link(root))
result["link_none"] = capture(lambda: env.children.link(None))
result["link_object_as_child"] = capture(lambda: env.children.link(tree))

# Unlinking
chars.children.unlink(props)
result["props_users_after_unlink"] = props.users
result["unlink_not_child"] = capture(lambda: chars.children.unlink(props))
result["unlink_object_not_linked"] = capture(lambda: env.objects.unlink(hero))
root.children.unlink(env)
result["root_children_after"] = names(root.children)
result["env_still_exists"] = "ENV" in bpy.data.collections
result["tree_in_scene"] = "tree" in scene.objects
result["scene_objects_sorted"] = sorted(names(scene.objects))

# Collection properties
result["hide_flags"] = [env.hide_viewport, env.hide_render, env.hide_select]
env.hide_render = True
result["hide_render_set"] = env.hide_render
result["color_tag_default"] = env.color_tag
env.color_tag = 'COLOR_04'
result["color_tag"] = env.color_tag
result["color_tag_bad"] = capture(lambda: setattr(env, "color_tag", 'PINK'))
env.instance_offset = (1, 2, 3)
result["instance_offset"] = vec(env.instance_offset)

# Instancing a collection through an empty
inst = bpy.data.objects.new("ENV_instance", None)
inst.instance_type = 'COLLECTION'
inst.instance_collection = env
root.objects.link(inst)
result["instance_users"] = env.users
result["instance_collection"] = inst.instance_collection.name
inst.instance_collection = None
result["instance_users_after"] = env.users

# Renaming collections re-sorts bpy.data.collections
chars.name = "AAA_chars"
result["collections_after_rename"] = bpy.data.collections.keys()
result["root_children_after_rename"] = names(root.children)
result["scene_master_name"] = root.name
result["scene_master_in_data"] = root.name in bpy.data.collections
result["master_is_embedded"] = root.is_embedded_data
result["master_users"] = root.users
result["master_repr"] = repr(root)
