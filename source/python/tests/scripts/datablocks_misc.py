# Texts, images, actions and node groups as data-blocks: creation, naming, settings
# that need no pixels, curves or nodes, users and removal.
import bpy

result = {}

# Texts: a config written by one script and read by another
cfg = bpy.data.texts.new("pipeline.json")
cfg.write('{"shot": "sh010",\n')
cfg.write(' "frames": [1001, 1100]}')
result["text_content"] = cfg.as_string()
result["text_flags"] = [cfg.is_in_memory, cfg.is_modified, cfg.use_module, cfg.filepath]
result["text_users"] = cfg.users
cfg.use_module = True
result["text_use_module"] = cfg.use_module
cfg.name = "pipeline_v2.json"
result["text_rename"] = bpy.data.texts.keys()
import json  # noqa: E402
result["text_parsed"] = json.loads(cfg.as_string())
cfg.clear()
result["text_cleared"] = [cfg.as_string(), cfg.current_line_index]

# Images without pixels: generated settings
img = bpy.data.images.new("Checker", width=64, height=32)
result["image_new"] = [img.name, img.source, img.generated_type, img.generated_width,
                       img.generated_height, img.use_generated_float, img.users,
                       img.alpha_mode]
img.generated_type = 'UV_GRID'
result["image_generated_type"] = img.generated_type
img2 = bpy.data.images.new("HDR", 8, 8, alpha=True, float_buffer=True)
result["image_float"] = [img2.use_generated_float, vec(img2.generated_color)]
result["image_new_no_size"] = capture(lambda: bpy.data.images.new("NoSize"))
result["image_new_bad_size"] = capture(
    lambda: [bpy.data.images.new("Bad", -4, 4).generated_width,
             bpy.data.images["Bad"].generated_height])
result["image_filepath_default"] = img.filepath
result["image_source_bad"] = capture(lambda: setattr(img, "source", "WEBCAM"))
result["images_keys"] = bpy.data.images.keys()
img.use_fake_user = True
result["image_fake_user"] = img.users

# Actions: frame range settings only (no F-curves)
act = bpy.data.actions.new("Walk")
result["action_new"] = [act.name, act.users, act.use_frame_range, act.use_cyclic,
                        vec(act.frame_range), act.id_root]
act.use_frame_range = True
act.frame_start = 10
act.frame_end = 40
result["action_manual_range"] = [num(act.frame_start), num(act.frame_end),
                                 vec(act.frame_range)]
act.frame_end = 5
result["action_end_before_start"] = [num(act.frame_start), num(act.frame_end)]
act.id_root = 'OBJECT'
result["action_id_root"] = act.id_root
result["action_id_root_bad"] = capture(lambda: setattr(act, "id_root", "NOPE"))
act.use_fake_user = True
act2 = bpy.data.actions.new("Walk")
result["action_names"] = bpy.data.actions.keys()
bpy.data.actions.remove(act2)
result["action_removed"] = bpy.data.actions.keys()

# Node groups
ng = bpy.data.node_groups.new("Utility", 'ShaderNodeTree')
result["node_group"] = [ng.name, ng.bl_idname, ng.users, type(ng).__name__]
result["node_group_bad_type"] = capture(lambda: bpy.data.node_groups.new("X", 'NopeTree'))
result["node_group_no_type"] = capture(lambda: bpy.data.node_groups.new("X"))
result["node_groups_keys"] = bpy.data.node_groups.keys()

# Libraries: none in a fresh file
result["libraries"] = [len(bpy.data.libraries), bpy.data.objects["Cube"].library]
result["is_library_indirect"] = bpy.data.objects["Cube"].is_library_indirect

# Purging leaves fake-user data
purged = bpy.data.orphans_purge()
result["after_purge"] = [bpy.data.texts.keys(), bpy.data.images.keys(),
                         bpy.data.actions.keys(), bpy.data.node_groups.keys()]
result["purged_count"] = purged

# tag: scratch flags on data-blocks
for ob in bpy.data.objects:
    ob.tag = False
bpy.data.objects["Cube"].tag = True
result["tagged"] = [o.name for o in bpy.data.objects if o.tag]
bpy.data.objects.tag(True)
result["tag_all"] = all(o.tag for o in bpy.data.objects)
bpy.data.objects.tag(False)
result["tag_none"] = any(o.tag for o in bpy.data.objects)
