// The `_whisk` extension module: the RNA bridge types, the Mains Python sees, and the few
// operations that are not RNA properties or functions (batch removal, the user map,
// registration of run-time properties). The Python package (whisk, bpy) builds on it.

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "bridge.hh"
#include "registration.hh"
#include "whisk/depsgraph/depsgraph.hh"
#include "whisk/kernel/id_type.hh"
#include "whisk/kernel/lib_remove.hh"
#include "whisk/kernel/startup.hh"
#include "whisk/rna/structs.hh"

namespace py = pybind11;

namespace whisk::python {

/* ---- Mains --------------------------------------------------------------------------------- */

static std::shared_ptr<MainSlot> &current_slot()
{
  static auto *slot = new std::shared_ptr<MainSlot>();
  return *slot;
}

static std::shared_ptr<MainSlot> new_slot(bool factory)
{
  auto main = std::make_unique<kernel::Main>();
  if (factory) {
    kernel::build_factory_startup(*main);
    main->is_dirty = false;
  }
  auto slot = std::make_shared<MainSlot>(std::move(main));
  remember_slot(slot);
  return slot;
}

static const std::shared_ptr<MainSlot> &ensure_current()
{
  std::shared_ptr<MainSlot> &slot = current_slot();
  if (!slot) {
    slot = new_slot(true);
  }
  return slot;
}

static PyObject *data_of(const std::shared_ptr<MainSlot> &slot)
{
  return wrap_handle(StructHandle::make(slot, rna::pointer_from_main(slot->main)));
}

/** The Main behind a BlendData object; raises for anything else. */
static const PointerRNA &blend_data_arg(py::handle obj)
{
  if (!is_struct(obj.ptr())) {
    raise(ErrorKind::Type, "expected a BlendData, not ", Py_TYPE(obj.ptr())->tp_name);
  }
  const PointerRNA &ptr = reinterpret_cast<PyStruct *>(obj.ptr())->handle.resolve();
  if (!ptr.main || ptr.data != static_cast<void *>(ptr.main)) {
    raise(ErrorKind::Type, "expected a BlendData, not ", ptr.type->identifier);
  }
  return ptr;
}

static const std::shared_ptr<MainSlot> &slot_of(py::handle obj)
{
  return reinterpret_cast<PyStruct *>(obj.ptr())->handle.slot();
}

static ID *id_arg(py::handle obj, const char *context)
{
  if (!is_struct(obj.ptr())) {
    raise(ErrorKind::Type, context, ": expected an ID, not ", Py_TYPE(obj.ptr())->tp_name);
  }
  const PointerRNA &ptr = reinterpret_cast<PyStruct *>(obj.ptr())->handle.resolve();
  if (!ptr.owner_id || ptr.data != static_cast<void *>(ptr.owner_id)) {
    raise(ErrorKind::Type, context, ": expected an ID, not ", ptr.type->identifier);
  }
  return ptr.owner_id;
}

static py::object steal(PyObject *o)
{
  if (!o) {
    throw PyRaised();
  }
  return py::reinterpret_steal<py::object>(o);
}

static void define_module(py::module_ &m)
{
  m.def("data", [] { return pybind_call([] { return steal(data_of(ensure_current())); }); },
        "The BlendData of the current file (bpy.data)");
  m.def(
      "read_factory_settings",
      [](bool use_empty) {
        return pybind_call([&] {
          /* bpy.data stays the same object, as in Blender: the slot gets a new Main. */
          const std::shared_ptr<MainSlot> &slot = ensure_current();
          auto main = std::make_unique<kernel::Main>();
          if (!use_empty) {
            kernel::build_factory_startup(*main);
            main->is_dirty = false;
          }
          slot->replace(std::move(main));
          return steal(data_of(slot));
        });
      },
      py::arg("use_empty") = false,
      "Replace the current file with the factory startup; objects taken from the old file "
      "raise ReferenceError from now on");
  m.def(
      "temp_data",
      [](py::object filepath) {
        return pybind_call([&] {
          std::shared_ptr<MainSlot> slot = new_slot(false);
          if (!filepath.is_none()) {
            slot->main->filepath = py::cast<std::string>(filepath);
          }
          /* The BlendData object keeps the slot (and the Main) alive. */
          return steal(data_of(slot));
        });
      },
      py::arg("filepath") = py::none(), "A new, independent, empty Main");
  m.def("close_data", [](py::object data) {
    pybind_call([&] {
      blend_data_arg(data);
      const std::shared_ptr<MainSlot> &slot = slot_of(data);
      if (slot == current_slot()) {
        raise(ErrorKind::Runtime, "the current file's data cannot be closed");
      }
      slot->close();
      return 0;
    });
  });
  m.def("is_temp_data", [](py::object data) {
    return pybind_call([&] {
      blend_data_arg(data);
      return slot_of(data) != current_slot();
    });
  });

  /* Context: the scene and view layer a headless window shows. */
  m.def("context_get", [](py::object data) {
    return pybind_call([&] {
      const PointerRNA &ptr = blend_data_arg(data);
      kernel::Main *main = ptr.main;
      py::object scene = steal(wrap_struct(slot_of(data), rna::pointer_from_id(main, main->context_scene ? &reinterpret_cast<dna::ID &>(*main->context_scene) : nullptr)));
      py::object layer = py::none();
      if (main->context_scene && main->context_view_layer) {
        PointerRNA scene_ptr = rna::pointer_from_id(main, reinterpret_cast<ID *>(main->context_scene));
        layer = steal(wrap_struct(slot_of(data),
                                  rna::pointer_from_data(scene_ptr, rna::blender_rna().find("ViewLayer"),
                                                         main->context_view_layer)));
      }
      return py::make_tuple(scene, layer);
    });
  });
  m.def("context_scene", [](py::object data) {
    return pybind_call([&] {
      kernel::Main *main = blend_data_arg(data).main;
      return steal(wrap_struct(slot_of(data),
                               rna::pointer_from_id(main, reinterpret_cast<ID *>(main->context_scene))));
    });
  });
  m.def("context_set", [](py::object data, py::object scene, py::object layer) {
    pybind_call([&] {
      const PointerRNA &ptr = blend_data_arg(data);
      kernel::Main *main = ptr.main;
      ID *scene_id = scene.is_none() ? nullptr : id_arg(scene, "context_set");
      if (scene_id && scene_id->type != dna::IDType::Scene) {
        raise(ErrorKind::Type, "context_set: expected a Scene");
      }
      main->context_scene = reinterpret_cast<dna::Scene *>(scene_id);
      main->context_view_layer = nullptr;
      if (!layer.is_none()) {
        main->context_view_layer = static_cast<dna::ViewLayer *>(
            reinterpret_cast<PyStruct *>(layer.ptr())->handle.resolve().data);
      }
      kernel::data_generation_bump();
      return 0;
    });
  });

  /* bpy.data functions that are not RNA functions in Blender either. */
  m.def("batch_remove", [](py::object data, py::iterable ids) {
    pybind_call([&] {
      const PointerRNA &ptr = blend_data_arg(data);
      std::vector<ID *> list;
      for (py::handle item : ids) {
        list.push_back(id_arg(item, "batch_remove"));
      }
      kernel::data_generation_bump();
      kernel::id_delete_multi(*ptr.main, list);
      return 0;
    });
  });
  m.def("orphans_purge", [](py::object data, bool do_local, bool do_linked, bool recursive) {
    return pybind_call([&] {
      const PointerRNA &ptr = blend_data_arg(data);
      kernel::data_generation_bump();
      /* Linked data is never orphaned yet (there is no library loading). */
      return do_local ? kernel::orphans_purge(*ptr.main, recursive) : int64_t(0);
    });
  });
  m.def("user_map", [](py::object data, py::object subset, py::object key_types,
                       py::object value_types) {
    return pybind_call([&] {
      const PointerRNA &ptr = blend_data_arg(data);
      kernel::Main *main = ptr.main;
      auto users = kernel::user_map(*main);
      py::dict result;
      auto type_ok = [](py::object filter, ID *id) {
        if (filter.is_none()) {
          return true;
        }
        /* Blender's ID type enum: the struct name in capitals ('OBJECT', 'NODETREE'). */
        std::string enum_id = kernel::id_type_info(id->type).name;
        for (char &c : enum_id) {
          c = char(std::toupper(uint8_t(c)));
        }
        return filter.attr("__contains__")(enum_id).cast<bool>();
      };
      auto wrap = [&](ID *id) { return steal(wrap_struct(slot_of(data), rna::pointer_from_id(main, id))); };
      std::vector<ID *> keys;
      if (!subset.is_none()) {
        for (py::handle item : subset) {
          keys.push_back(id_arg(item, "user_map"));
        }
      }
      else {
        main->for_each_id([&](ID *id) {
          if (type_ok(key_types, id)) {
            keys.push_back(id);
          }
        });
      }
      for (ID *id : keys) {
        py::set set;
        auto it = users.find(id);
        if (it != users.end()) {
          for (ID *user : it->second) {
            if (type_ok(value_types, user)) {
              set.add(wrap(user));
            }
          }
        }
        result[wrap(id)] = set;
      }
      return result;
    });
  });

  m.def("types", [] { return pybind_call([] { return steal(all_python_types()); }); },
        "Every RNA struct's Python class, by identifier");
  m.def("data_generation", [] { return kernel::data_generation(); });
  m.def("set_scripts_trusted", [](bool trusted) {
    pybind_call([&] {
      ensure_current()->main->scripts_trusted = trusted;
      return py::none();
    });
  });
  m.def("scripts_trusted", [] { return ensure_current()->main->scripts_trusted; });
  /* The graph behind a Depsgraph struct; TypeError for anything else. */
  auto graph_of = [](py::object dg) -> kernel::Depsgraph & {
    if (!is_struct(dg.ptr())) {
      raise(ErrorKind::Type, "expected a Depsgraph");
    }
    const PointerRNA &ptr = reinterpret_cast<PyStruct *>(dg.ptr())->handle.resolve();
    if (!ptr.type || ptr.type->identifier != "Depsgraph") {
      raise(ErrorKind::Type, "expected a Depsgraph, not ", ptr.type ? ptr.type->identifier : "?");
    }
    return *static_cast<kernel::Depsgraph *>(ptr.data);
  };
  m.def("depsgraph_cycles", [graph_of](py::object dg) {
    return pybind_call([&] {
      py::list lines;
      for (const std::string &line : graph_of(dg).cycles()) {
        lines.append(line);
      }
      return lines;
    });
  });
  m.def("depsgraph_stats", [graph_of](py::object dg) {
    return pybind_call([&] {
      const kernel::EvalStats st = graph_of(dg).stats();
      py::dict d;
      d["builds"] = st.builds;
      d["evaluations"] = st.evaluations;
      d["last_operations"] = st.last_operations;
      d["total_operations"] = st.total_operations;
      d["last_copies"] = st.last_copies;
      d["last_transforms"] = st.last_transforms;
      d["last_geometries"] = st.last_geometries;
      d["last_animations"] = st.last_animations;
      d["last_drivers"] = st.last_drivers;
      return py::object(d);
    });
  });
  m.def("set_threads", [](int threads) { depsgraph::set_thread_count(threads); });
  define_registration(m);
}

}  // namespace whisk::python

PYBIND11_MODULE(_whisk, m)
{
  using namespace whisk::python;
  m.doc() = "Whisk's RNA bridge; use the `whisk` and `bpy` packages";
  try {
    init_struct_type(m.ptr());
    init_collection_type(m.ptr());
    init_array_type(m.ptr());
    init_function_type(m.ptr());
    init_idprop_types(m.ptr());
    init_geometry(m.ptr());
    init_evaluation();
  }
  catch (const PyRaised &) {
    throw py::error_already_set();
  }
  define_module(m);
}
