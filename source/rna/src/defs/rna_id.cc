// The ID base struct, BlendData (`bpy.data`) and its per-type collections.

#include <cstdio>

#include "defs.hh"
#include "whisk/kernel/lib_remove.hh"
#include "whisk/kernel/object.hh"
#include "whisk/rna/access.hh"

namespace whisk::rna {
using namespace define;
using namespace dna;
using kernel::Main;

namespace defs {

Main &main_of(const PointerRNA &ptr)
{
  if (!ptr.main) {
    raise(ErrorKind::Runtime, ptr.type ? ptr.type->identifier : "data",
          " does not belong to any Main");
  }
  return *ptr.main;
}

PropertyRNA *id_vector_collection_accessors(
    PropertyRNA *prop, std::function<std::vector<ID *>(const PointerRNA &)> items)
{
  prop->collection_length = [items](const PointerRNA &p) { return int64_t(items(p).size()); };
  prop->collection_at = [items](const PointerRNA &p, int64_t i) {
    return pointer_from_id(p.main, items(p).at(size_t(i)));
  };
  prop->collection_lookup = [items](const PointerRNA &p,
                                    std::string_view key) -> std::optional<PointerRNA> {
    for (ID *id : items(p)) {
      if (key == id->name) {
        return pointer_from_id(p.main, id);
      }
    }
    return std::nullopt;
  };
  return prop;
}

EnumItem item(const char *identifier, const char *name, int value, const char *description)
{
  return EnumItem{identifier, name, description, value};
}

}  // namespace defs

void define_id(BlenderRNA &rna)
{
  auto def = struct_<ID>(rna, "ID");
  using D = StructDef<ID>;
  def.ui("ID", "Base type of every data-block: name, users and custom properties");
  def.srna()->refine = [](const PointerRNA &p) {
    return struct_for_id_type(static_cast<ID *>(p.data)->type);
  };

  PropertyRNA *name = def.add("name", PropertyType::String)
                          .ui("Name", "Unique name of the data-block within its type")
                          .max_length(MAX_ID_NAME)
                          .get();
  name->get_string = [](const PointerRNA &p) { return std::string(D::data(p).name); };
  name->set_string = [](const PointerRNA &p, std::string_view value) {
    if (p.main && !(D::data(p).flag & ID_FLAG_EMBEDDED)) {
      kernel::id_rename(*p.main, &D::data(p), value);
    }
    else {
      const std::string clean = kernel::sanitize_id_name(value);
      std::memcpy(D::data(p).name, clean.c_str(), clean.size() + 1);
    }
  };
  def.srna()->name_property = name;

  def.add("name_full", PropertyType::String)
      .ui("Full Name", "Name, with the library name when the data-block is linked")
      .max_length(132) /* Blender's MAX_ID_FULL_NAME */
      .read_only()
      .get()
      ->get_string = [](const PointerRNA &p) { return std::string(D::data(p).name); };

  def.add("session_uid", PropertyType::Int)
      .ui("Session UID", "Identifier unique within this process, unchanged by renames")
      .read_only()
      .get()
      ->get_int = [](const PointerRNA &p, int) { return int64_t(D::data(p).session_uid); };

  def.add("is_evaluated", PropertyType::Boolean)
      .ui("Is Evaluated", "Whether this is an evaluated copy owned by a dependency graph")
      .read_only()
      .get()
      ->get_bool = [](const PointerRNA &p, int) {
    return bool(D::data(p).flag & ID_FLAG_EVALUATED);
  };

  def.pointer("original", "ID", [](const PointerRNA &p) {
       ID &id = D::data(p);
       return pointer_from_id(p.main, id.orig_id ? id.orig_id : &id);
     })
      .ui("Original ID", "The original data-block of an evaluated copy, or itself");

  def.integer("users", &ID::users)
      .ui("Users", "Number of times this data-block is referenced")
      .subtype(PropertySubtype::Unsigned)
      .range(0, INT_HUGE)
      .soft_range(0, 10000)
      .read_only();

  PropertyRNA *fake = def.add("use_fake_user", PropertyType::Boolean)
                          .ui("Fake User", "Keep the data-block even when nothing uses it")
                          .get();
  fake->get_bool = [](const PointerRNA &p, int) {
    return bool(D::data(p).flag & ID_FLAG_FAKEUSER);
  };
  fake->set_bool = [](const PointerRNA &p, int, bool v) {
    kernel::id_fake_user_set(&D::data(p), v);
  };

  PropertyRNA *extra = def.add("use_extra_user", PropertyType::Boolean)
                           .ui("Extra User", "A user held from outside data-block references")
                           .get();
  extra->get_bool = [](const PointerRNA &p, int) {
    return bool(D::data(p).flag & ID_FLAG_EXTRA_USER);
  };
  extra->set_bool = [](const PointerRNA &p, int, bool v) {
    kernel::id_extra_user_set(&D::data(p), v);
  };

  def.add("is_embedded_data", PropertyType::Boolean)
      .ui("Embedded Data", "Owned by another data-block and not listed in bpy.data")
      .read_only()
      .get()
      ->get_bool = [](const PointerRNA &p, int) {
    return bool(D::data(p).flag & ID_FLAG_EMBEDDED);
  };

  def.add("tag", PropertyType::Boolean)
      .ui("Tag", "Scratch flag for scripts; has no meaning of its own");
  PropertyRNA *tag = def.srna()->properties.back().get();
  tag->get_bool = [](const PointerRNA &p, int) { return bool(D::data(p).tag & 1); };
  tag->set_bool = [](const PointerRNA &p, int, bool v) {
    D::data(p).tag = v ? (D::data(p).tag | 1u) : (D::data(p).tag & ~1u);
  };

  def.add("is_library_indirect", PropertyType::Boolean)
      .ui("Is Indirect", "Linked only because other linked data uses it")
      .read_only()
      .get()
      ->get_bool = [](const PointerRNA &, int) { return false; };

  def.pointer("library", "Library", [](const PointerRNA &p) {
       return pointer_from_id(p.main, reinterpret_cast<ID *>(D::data(p).lib));
     })
      .ui("Library", "The library file this data-block is linked from, or None");

  /* Functions. */
  FunctionRNA &copy = def.function("copy", "A copy of this data-block, with zero users",
                                   [](FunctionCall &call) {
                                     ID *copied = kernel::id_copy(defs::main_of(call.self),
                                                                  call.self.owner_id);
                                     call.result = pointer_from_id(call.main, copied);
                                   });
  parameter(copy, "id", PropertyType::Pointer, rna.find("ID"), PARM_OUTPUT);

  def.function("user_clear", "Set the user count to zero (the data is freed on save)",
               [](FunctionCall &call) { call.self.owner_id->users = 0; });

  FunctionRNA &remap = def.function(
      "user_remap", "Make every user of this data-block use another one instead",
      [](FunctionCall &call) {
        const PointerRNA &target = std::get<PointerRNA>(call.args[0]);
        ID *id = call.self.owner_id;
        /* Another type, or the data-block itself: nothing to do, silently (as Blender). */
        if (!target.owner_id || target.owner_id->type != id->type || target.owner_id == id) {
          return;
        }
        kernel::id_remap(defs::main_of(call.self), id, target.owner_id);
      });
  parameter(remap, "new_id", PropertyType::Pointer, rna.find("ID"), PARM_REQUIRED)
      .flag(PROP_NEVER_NULL);

  FunctionRNA &user_of = def.function(
      "user_of_id", "Number of times this data-block references the given one",
      [](FunctionCall &call) {
        const PointerRNA &target = std::get<PointerRNA>(call.args[0]);
        int64_t count = 0;
        /* As Blender counts: embedded IDs' references and a scene's view layers too. */
        kernel::foreach_id_reference_readonly(call.self.owner_id, [&](ID *t) {
          count += t == target.owner_id;
        });
        call.result = count;
      });
  parameter(user_of, "id", PropertyType::Pointer, rna.find("ID"), PARM_REQUIRED)
      .flag(PROP_NEVER_NULL);
  parameter(user_of, "count", PropertyType::Int, nullptr, PARM_OUTPUT).range(0, INT_HUGE);

  auto lib = struct_<Library>(rna, "Library");
  lib.ui("Library", "A file that data-blocks are linked from");
  lib.string("filepath", &Library::filepath)
      .subtype(PropertySubtype::FilePath)
      .ui("File Path", "Path to the library file");
}

/* ---- BlendData ---- */

namespace {

/** The per-type collection of bpy.data: iteration, lookup, new and remove. */
void define_main_collection(BlenderRNA &rna, const char *collection_name, IDType type,
                            const char *functions_struct)
{
  const kernel::IDTypeInfo &info = kernel::id_type_info(type);
  StructRNA *funcs = rna.find_mutable(functions_struct);
  if (!funcs) {
    funcs = rna.add(functions_struct, nullptr);
  }
  funcs->name = functions_struct;
  funcs->description = std::string("Collection of ") + info.name_plural;
  StructDef<Main> fdef(rna, funcs);

  const StructRNA *item_struct = rna.find(info.name);
  auto data = struct_<Main>(rna, "BlendData");
  PropertyRNA *prop = data.collection(
                              collection_name, info.name,
                              [type](const PointerRNA &p) {
                                return static_cast<Main *>(p.data)->list(type).size();
                              },
                              [type](const PointerRNA &p, int64_t i) {
                                Main *main = static_cast<Main *>(p.data);
                                return pointer_from_id(main, main->list(type).at(i));
                              },
                              [type](const PointerRNA &p,
                                     std::string_view key) -> std::optional<PointerRNA> {
                                Main *main = static_cast<Main *>(p.data);
                                if (ID *id = main->find(type, key)) {
                                  return pointer_from_id(main, id);
                                }
                                return std::nullopt;
                              })
                          .functions(funcs)
                          .ui(info.name_plural, std::string(info.name) + " data-blocks")
                          .get();
  (void)prop;

  /* remove(id, do_unlink=True, do_id_user=True, do_ui_user=True) */
  FunctionRNA &remove = fdef.function(
      "remove", std::string("Remove a ") + info.name + " from the current file",
      [type](FunctionCall &call) {
        const PointerRNA &target = std::get<PointerRNA>(call.args[0]);
        if (target.is_null() || !target.owner_id || target.owner_id->type != type) {
          raise(ErrorKind::Type, "remove(): expected a ", kernel::id_type_info(type).name);
        }
        Main &main = *static_cast<Main *>(call.self.data);
        if (main.find_by_session_uid(target.owner_id->session_uid) != target.owner_id) {
          raise(ErrorKind::Runtime, kernel::id_type_info(type).name, " '",
                target.owner_id->name, "' is not in this Main");
        }
        if (type == IDType::Scene && !target.owner_id->lib) {
          /* A file keeps at least one scene of its own. */
          int local_scenes = 0;
          for (ID *scene : main.list(IDType::Scene)) {
            local_scenes += scene->lib == nullptr;
          }
          if (local_scenes <= 1) {
            raise(ErrorKind::Runtime, "Scene '", target.owner_id->name,
                  "' is the last local one, cannot be removed");
          }
        }
        kernel::id_delete(main, target.owner_id, std::get<bool>(call.args[1]));
      });
  std::string item_param = info.name;
  for (char &c : item_param) {
    c = char(std::tolower(uint8_t(c)));
  }
  if (type == IDType::NodeTree) {
    item_param = "tree";
  }
  parameter(remove, item_param, PropertyType::Pointer, item_struct, PARM_REQUIRED)
      .flag(PROP_NEVER_NULL);
  parameter(remove, "do_unlink", PropertyType::Boolean).default_value(1);
  if (type != IDType::Scene) { /* BlendDataScenes.remove(scene, do_unlink=True) */
    parameter(remove, "do_id_user", PropertyType::Boolean).default_value(1);
    parameter(remove, "do_ui_user", PropertyType::Boolean).default_value(1);
  }

  FunctionRNA &tag = fdef.function(
      "tag", "Set the tag of every data-block in the collection", [type](FunctionCall &call) {
        const bool value = std::get<bool>(call.args[0]);
        for (ID *id : static_cast<Main *>(call.self.data)->list(type)) {
          id->tag = value ? (id->tag | 1u) : (id->tag & ~1u);
        }
      });
  parameter(tag, "value", PropertyType::Boolean, nullptr, PARM_REQUIRED);

  if (type == IDType::Object) {
    FunctionRNA &add = fdef.function(
        "new", "Add a new object to the file (it is not linked to any scene yet)",
        [](FunctionCall &call) {
          Main &main = *static_cast<Main *>(call.self.data);
          const PointerRNA &data = std::get<PointerRNA>(call.args[1]);
          dna::Object *object = kernel::object_new(main, std::get<std::string>(call.args[0]),
                                                   data.owner_id);
          call.result = pointer_from_id(&main, &object->id);
        });
    parameter(add, "name", PropertyType::String, nullptr, PARM_REQUIRED)
        .default_string("Object");
    parameter(add, "object_data", PropertyType::Pointer, rna.find("ID"), PARM_REQUIRED);
    parameter(add, "object", PropertyType::Pointer, item_struct, PARM_OUTPUT);
    return;
  }
  if (type == IDType::Library) {
    return;
  }
  if (type == IDType::Light) {
    FunctionRNA &add = fdef.function(
        "new", "Add a new light of the given type to the file", [](FunctionCall &call) {
          Main &main = *static_cast<Main *>(call.self.data);
          auto *light = kernel::id_new<Light>(main, std::get<std::string>(call.args[0]));
          light->type = LightType(std::get<int64_t>(call.args[1]));
          call.result = pointer_from_id(&main, &light->id);
        });
    parameter(add, "name", PropertyType::String, nullptr, PARM_REQUIRED)
        .default_string(info.default_name);
    parameter(add, "type", PropertyType::Enum, nullptr, PARM_REQUIRED)
        .items(defs::light_type_items())
        .ui("Type", "Kind of light");
    parameter(add, item_param, PropertyType::Pointer, item_struct, PARM_OUTPUT);
    return;
  }
  if (type == IDType::NodeTree) {
    FunctionRNA &add = fdef.function(
        "new", "Add a new node tree of the given class to the file", [](FunctionCall &call) {
          Main &main = *static_cast<Main *>(call.self.data);
          auto *tree = kernel::id_new<NodeTree>(main, std::get<std::string>(call.args[0]));
          tree->tree_type = NodeTreeType(std::get<int64_t>(call.args[1]));
          call.result = pointer_from_id(&main, &tree->id);
        });
    parameter(add, "name", PropertyType::String, nullptr, PARM_REQUIRED)
        .default_string("NodeGroup");
    /* Blender lists the registered tree classes here. */
    PropertyRNA *tree_type = parameter(add, "type", PropertyType::Enum, nullptr, PARM_REQUIRED)
                                 .items(defs::node_tree_class_items())
                                 .ui("Type", "Class of the node tree (bl_idname)")
                                 .get();
    tree_type->default_enum = tree_type->enum_items.front().value;
    parameter(add, item_param, PropertyType::Pointer, item_struct, PARM_OUTPUT);
    return;
  }
  if (type == IDType::Image) {
    FunctionRNA &add = fdef.function(
        "new", "Add a new generated image to the file", [](FunctionCall &call) {
          Main &main = *static_cast<Main *>(call.self.data);
          auto *image = kernel::id_new<Image>(main, std::get<std::string>(call.args[0]));
          const bool alpha = std::get<bool>(call.args[3]);
          const bool float_buffer = std::get<bool>(call.args[4]);
          const bool is_data = std::get<bool>(call.args[6]);
          const bool tiled = std::get<bool>(call.args[7]);
          /* stereo3d (args[5]) asks for two views; Whisk has one. */
          image->source = tiled ? ImageSource::Tiled : ImageSource::Generated;
          image->generated_type = ImageGeneratedType::Blank;
          image->generated_width = int32_t(std::get<int64_t>(call.args[1]));
          image->generated_height = int32_t(std::get<int64_t>(call.args[2]));
          image->use_generated_float = float_buffer;
          image->planes = alpha ? 32 : 24;
          const float black[4] = {0.0f, 0.0f, 0.0f, 1.0f};
          std::copy(black, black + 4, image->generated_color);
          const char *colorspace = is_data ? "Non-Color" : float_buffer ? "Linear" : "sRGB";
          std::snprintf(image->colorspace, sizeof(image->colorspace), "%s", colorspace);
          call.result = pointer_from_id(&main, &image->id);
        });
    parameter(add, "name", PropertyType::String, nullptr, PARM_REQUIRED)
        .default_string(info.default_name);
    parameter(add, "width", PropertyType::Int, nullptr, PARM_REQUIRED)
        .ui("Width", "Width of the image, in pixels")
        .range(1, INT_HUGE)
        .default_value(1024);
    parameter(add, "height", PropertyType::Int, nullptr, PARM_REQUIRED)
        .ui("Height", "Height of the image, in pixels")
        .range(1, INT_HUGE)
        .default_value(1024);
    parameter(add, "alpha", PropertyType::Boolean).ui("Alpha", "Give the image an alpha channel");
    parameter(add, "float_buffer", PropertyType::Boolean)
        .ui("Float Buffer", "Make the image with float pixels");
    parameter(add, "stereo3d", PropertyType::Boolean)
        .ui("Stereo 3D", "Make a left and a right view");
    parameter(add, "is_data", PropertyType::Boolean)
        .ui("Is Data", "The image holds data, not colors (Non-Color color space)");
    parameter(add, "tiled", PropertyType::Boolean).ui("Tiled", "Make a tiled (UDIM) image");
    parameter(add, item_param, PropertyType::Pointer, item_struct, PARM_OUTPUT);
    return;
  }
  FunctionRNA &add = fdef.function(
      "new", std::string("Add a new ") + info.name + " to the file",
      [type](FunctionCall &call) {
        Main &main = *static_cast<Main *>(call.self.data);
        ID *id = kernel::id_new(main, type, std::get<std::string>(call.args[0]));
        call.result = pointer_from_id(&main, id);
      });
  parameter(add, "name", PropertyType::String, nullptr, PARM_REQUIRED)
      .default_string(type == IDType::NodeTree ? "NodeGroup" : info.name);
  parameter(add, item_param, PropertyType::Pointer, item_struct, PARM_OUTPUT);
}

}  // namespace

void define_blend_data(BlenderRNA &rna)
{
  auto data = struct_<Main>(rna, "BlendData");
  data.ui("Blend-File Data", "The data-blocks of one file in memory (bpy.data)");
  data.add("filepath", PropertyType::String)
      .ui("Filename", "Path to the file, empty when never saved")
      .subtype(PropertySubtype::FilePath)
      .max_length(1024) /* FILE_MAX */
      .read_only()
      .get()
      ->get_string = [](const PointerRNA &p) { return static_cast<Main *>(p.data)->filepath; };
  data.add("is_dirty", PropertyType::Boolean)
      .ui("File Has Unsaved Changes", "Whether data changed since the file was saved or loaded")
      .read_only()
      .get()
      ->get_bool = [](const PointerRNA &p, int) { return static_cast<Main *>(p.data)->is_dirty; };
  data.add("is_saved", PropertyType::Boolean)
      .ui("File Is Saved", "Whether the data has a file on disk")
      .read_only()
      .get()
      ->get_bool = [](const PointerRNA &p, int) {
    return !static_cast<Main *>(p.data)->filepath.empty();
  };

  struct Entry {
    const char *name;
    IDType type;
    const char *functions;
  };
  static const Entry entries[] = {
      {"cameras", IDType::Camera, "BlendDataCameras"},
      {"scenes", IDType::Scene, "BlendDataScenes"},
      {"objects", IDType::Object, "BlendDataObjects"},
      {"materials", IDType::Material, "BlendDataMaterials"},
      {"node_groups", IDType::NodeTree, "BlendDataNodeTrees"},
      {"meshes", IDType::Mesh, "BlendDataMeshes"},
      {"lights", IDType::Light, "BlendDataLights"},
      {"libraries", IDType::Library, "BlendDataLibraries"},
      {"images", IDType::Image, "BlendDataImages"},
      {"worlds", IDType::World, "BlendDataWorlds"},
      {"collections", IDType::Collection, "BlendDataCollections"},
      {"texts", IDType::Text, "BlendDataTexts"},
      {"actions", IDType::Action, "BlendDataActions"},
      {"pointclouds", IDType::PointCloud, "BlendDataPointClouds"},
  };
  for (const Entry &entry : entries) {
    define_main_collection(rna, entry.name, entry.type, entry.functions);
  }
}

namespace define {

PropertyDef parameter(FunctionRNA &func, std::string identifier, PropertyType type,
                      const StructRNA *item_type, uint32_t flags)
{
  auto prop = std::make_unique<PropertyRNA>();
  prop->identifier = std::move(identifier);
  prop->name = prop->identifier;
  prop->type = type;
  prop->item_type = item_type;
  prop->flag = PROP_EDITABLE | flags;
  if (type == PropertyType::Int) {
    prop->hard_min = prop->soft_min = -INT_HUGE;
    prop->hard_max = prop->soft_max = INT_HUGE;
  }
  else if (type == PropertyType::Float) {
    prop->hard_min = prop->soft_min = -FLT_HUGE;
    prop->hard_max = prop->soft_max = FLT_HUGE;
  }
  func.parameters.push_back(std::move(prop));
  return PropertyDef(func.parameters.back().get());
}

}  // namespace define
}  // namespace whisk::rna
