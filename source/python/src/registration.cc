#include "registration.hh"

#include <map>

#include <pybind11/stl.h>

#include "bridge.hh"
#include "whisk/rna/runtime.hh"

namespace py = pybind11;

namespace whisk::python {

static std::vector<std::weak_ptr<MainSlot>> &known_slots()
{
  static auto *slots = new std::vector<std::weak_ptr<MainSlot>>();
  return *slots;
}

void remember_slot(const std::shared_ptr<MainSlot> &slot)
{
  auto &slots = known_slots();
  slots.erase(std::remove_if(slots.begin(), slots.end(),
                             [](const std::weak_ptr<MainSlot> &s) {
                               auto locked = s.lock();
                               return !locked || !locked->main;
                             }),
              slots.end());
  slots.push_back(slot);
}

std::shared_ptr<MainSlot> slot_for_main(kernel::Main *main)
{
  for (const auto &weak : known_slots()) {
    if (auto slot = weak.lock(); slot && slot->main == main) {
      return slot;
    }
  }
  return nullptr;
}

namespace {

const StructRNA *struct_of_class(py::handle cls)
{
  py::object bl_rna = py::getattr(cls, "bl_rna", py::none());
  if (bl_rna.is_none() || !is_struct(bl_rna.ptr())) {
    raise(ErrorKind::Type, "expected a bpy.types class with bl_rna, not ",
          py::str(cls).cast<std::string>());
  }
  const PointerRNA &ptr = reinterpret_cast<PyStruct *>(bl_rna.ptr())->handle.resolve();
  return static_cast<const StructRNA *>(ptr.data);
}

/** `self` for a script callback: the struct a property belongs to. */
py::object self_for(const PointerRNA &ptr)
{
  std::shared_ptr<MainSlot> slot = ptr.main ? slot_for_main(ptr.main) : nullptr;
  PyObject *o = wrap_struct(slot, ptr);
  return py::reinterpret_steal<py::object>(o);
}

py::object context_object()
{
  return py::module_::import("bpy").attr("context");
}

/** Runs a script callback; an exception is printed and swallowed, as Blender does for
 * property callbacks, so one broken add-on cannot break the caller. */
template<typename Fn> void run_callback(Fn &&fn)
{
  try {
    fn();
  }
  catch (py::error_already_set &error) {
    error.restore();
    PyErr_Print();
  }
  catch (const PyRaised &) {
    PyErr_Print();
  }
  catch (const Error &error) {
    set_python_error(error);
    PyErr_Print();
  }
}

/** A Python object kept alive for as long as the property definition lives. */
std::shared_ptr<py::object> keep(py::object o)
{
  return std::shared_ptr<py::object>(new py::object(std::move(o)), [](py::object *p) {
    if (Py_IsInitialized()) {
      py::gil_scoped_acquire gil;
      delete p;
    }
  });
}

rna::PropertySubtype subtype_from(const std::string &name)
{
  for (int i = 0; i <= int(rna::PropertySubtype::LayerMember); i++) {
    if (name == rna::property_subtype_name(rna::PropertySubtype(i))) {
      return rna::PropertySubtype(i);
    }
  }
  if (name == "COORDINATES") {
    return rna::PropertySubtype::Coords;
  }
  raise(ErrorKind::Type, "subtype \"", name, "\" not found");
}

rna::PropertyUnit unit_from(const std::string &name)
{
  for (int i = 0; i <= int(rna::PropertyUnit::Temperature); i++) {
    if (name == rna::property_unit_name(rna::PropertyUnit(i))) {
      return rna::PropertyUnit(i);
    }
  }
  raise(ErrorKind::Type, "unit \"", name, "\" not found");
}

std::vector<rna::EnumItem> enum_items_from(py::handle items, bool flag)
{
  std::vector<rna::EnumItem> result;
  int next_value = flag ? 1 : 0;
  for (py::handle entry : items) {
    if (entry.is_none()) {
      continue; /* a separator */
    }
    py::tuple t = py::tuple(py::reinterpret_borrow<py::object>(entry));
    if (t.size() < 3) {
      raise(ErrorKind::Type, "EnumProperty(..., items=...): expected a tuple containing "
                             "(identifier, name, description) and optionally an icon name and "
                             "unique number");
    }
    rna::EnumItem item;
    item.identifier = t[0].cast<std::string>();
    item.name = t[1].cast<std::string>();
    item.description = t[2].cast<std::string>();
    if (t.size() >= 5) {
      item.value = t[4].cast<int>();
    }
    else if (t.size() == 4 && py::isinstance<py::int_>(t[3])) {
      item.value = t[3].cast<int>();
    }
    else {
      item.value = next_value;
    }
    next_value = flag ? item.value * 2 : item.value + 1;
    result.push_back(std::move(item));
  }
  return result;
}

int enum_value_of(const std::vector<rna::EnumItem> &items, const std::string &id)
{
  for (const rna::EnumItem &item : items) {
    if (item.identifier == id) {
      return item.value;
    }
  }
  std::string choices;
  for (const rna::EnumItem &item : items) {
    choices += (choices.empty() ? "'" : ", '") + item.identifier + "'";
  }
  raise(ErrorKind::Type, "EnumProperty(..., default='", id, "'): not found in enum members (",
        choices, ")");
}

/** Builds one run-time property from the keywords of a bpy.props call. */
std::unique_ptr<PropertyRNA> build_property(const std::string &kind, const std::string &identifier,
                                            py::dict kw)
{
  auto prop = std::make_unique<PropertyRNA>();
  prop->identifier = identifier;
  auto get = [&](const char *key) -> py::object {
    return kw.contains(key) ? py::reinterpret_borrow<py::object>(kw[key]) : py::none();
  };
  prop->name = get("name").is_none() ? identifier : get("name").cast<std::string>();
  if (!get("description").is_none()) {
    prop->description = get("description").cast<std::string>();
  }
  const bool vector = kind.size() > 6 && kind.compare(kind.size() - 6, 6, "Vector") == 0;
  const std::string base = vector ? kind.substr(0, kind.size() - 6) : kind;
  static const std::map<std::string, rna::PropertyType> types = {
      {"Bool", rna::PropertyType::Boolean},   {"Int", rna::PropertyType::Int},
      {"Float", rna::PropertyType::Float},    {"String", rna::PropertyType::String},
      {"Enum", rna::PropertyType::Enum},      {"Pointer", rna::PropertyType::Pointer},
      {"Collection", rna::PropertyType::Collection},
  };
  auto type_it = types.find(base);
  if (type_it == types.end()) {
    raise(ErrorKind::Type, "unknown property kind ", kind);
  }
  prop->type = type_it->second;

  /* Options: ANIMATABLE unless told otherwise. */
  prop->flag = rna::PROP_EDITABLE | rna::PROP_ANIMATABLE;
  if (!get("options").is_none()) {
    py::set options = py::set(get("options"));
    if (!options.contains("ANIMATABLE")) {
      prop->flag &= ~rna::PROP_ANIMATABLE;
    }
    if (options.contains("ENUM_FLAG")) {
      prop->flag |= rna::PROP_ENUM_FLAG;
    }
  }
  if (!get("subtype").is_none()) {
    prop->subtype = subtype_from(get("subtype").cast<std::string>());
  }
  if (!get("unit").is_none()) {
    prop->unit = unit_from(get("unit").cast<std::string>());
  }

  if (vector) {
    py::object size = get("size");
    if (size.is_none()) {
      prop->array_dimensions[0] = 3;
    }
    else if (py::isinstance<py::int_>(size)) {
      prop->array_dimensions[0] = size.cast<int>();
    }
    else {
      int d = 0;
      for (py::handle dim : size) {
        if (d < 3) {
          prop->array_dimensions[d++] = dim.cast<int>();
        }
      }
      if (d == 2) {
        /* bpy.props sizes are (rows, columns); RNA keeps {columns, rows}. */
        std::swap(prop->array_dimensions[0], prop->array_dimensions[1]);
      }
    }
    const int length = prop->array_length();
    if (length < 1 || length > 32) {
      raise(ErrorKind::Type, kind, "Property(size=", length, "): size must be between 1 and 32");
    }
  }

  /* Ranges. */
  if (prop->type == rna::PropertyType::Int) {
    prop->hard_min = prop->soft_min = -2147483648.0;
    prop->hard_max = prop->soft_max = 2147483647.0;
  }
  else if (prop->type == rna::PropertyType::Float) {
    prop->hard_min = prop->soft_min = -3.4028234663852886e38;
    prop->hard_max = prop->soft_max = 3.4028234663852886e38;
    prop->precision = 3;
    prop->step = 3;
  }
  if (prop->type == rna::PropertyType::Int || prop->type == rna::PropertyType::Float) {
    if (!get("min").is_none()) prop->hard_min = prop->soft_min = get("min").cast<double>();
    if (!get("max").is_none()) prop->hard_max = prop->soft_max = get("max").cast<double>();
    if (!get("soft_min").is_none()) prop->soft_min = get("soft_min").cast<double>();
    if (!get("soft_max").is_none()) prop->soft_max = get("soft_max").cast<double>();
    if (!get("step").is_none()) prop->step = get("step").cast<double>();
    if (!get("precision").is_none()) prop->precision = get("precision").cast<int>();
  }

  /* Defaults. */
  py::object def = get("default");
  if (!def.is_none()) {
    switch (prop->type) {
      case rna::PropertyType::Boolean:
      case rna::PropertyType::Int:
      case rna::PropertyType::Float:
        if (vector) {
          for (py::handle v : def) {
            if (py::isinstance<py::sequence>(v)) {
              for (py::handle inner : v) {
                prop->default_array.push_back(inner.cast<double>());
              }
            }
            else {
              prop->default_array.push_back(v.cast<double>());
            }
          }
          if (int(prop->default_array.size()) != prop->array_length()) {
            raise(ErrorKind::Type, kind, "Property(size=", prop->array_length(),
                  "): default array size does not match");
          }
          if (prop->array_dimensions[1] > 0) {
            /* Rows given, columns stored. */
            const int cols = prop->array_dimensions[0], rows = prop->array_dimensions[1];
            std::vector<double> stored(prop->default_array.size());
            for (int r = 0; r < rows; r++) {
              for (int c = 0; c < cols; c++) {
                stored[size_t(c * rows + r)] = prop->default_array[size_t(r * cols + c)];
              }
            }
            prop->default_array = stored;
          }
        }
        else {
          prop->default_number = def.cast<double>();
          prop->default_bool = prop->default_number != 0;
        }
        break;
      case rna::PropertyType::String:
        prop->default_string = def.cast<std::string>();
        break;
      default:
        break;
    }
  }
  if (prop->type == rna::PropertyType::String && !get("maxlen").is_none()) {
    /* maxlen counts characters; RNA's length includes the terminator, as Blender's. */
    prop->string_max_length = get("maxlen").cast<int>() + 1;
  }

  /* Enum items: a sequence, or a callback (self, context) -> sequence. */
  if (prop->type == rna::PropertyType::Enum) {
    py::object items = get("items");
    if (items.is_none()) {
      raise(ErrorKind::Type, "EnumProperty(...): expected an 'items' argument");
    }
    const bool flag = prop->flag & rna::PROP_ENUM_FLAG;
    if (PyCallable_Check(items.ptr())) {
      auto fn = keep(items);
      prop->enum_items_fn = [fn, flag](const PointerRNA &ptr) {
        std::vector<rna::EnumItem> result;
        run_callback([&] {
          py::object listed = (*fn)(self_for(ptr), context_object());
          result = enum_items_from(listed, flag);
        });
        return result;
      };
      if (!def.is_none() && py::isinstance<py::int_>(def)) {
        prop->default_enum = def.cast<int>();
      }
    }
    else {
      prop->enum_items = enum_items_from(items, flag);
      if (!def.is_none()) {
        if (flag) {
          int bits = 0;
          for (py::handle id : def) {
            bits |= enum_value_of(prop->enum_items, id.cast<std::string>());
          }
          prop->default_enum = bits;
        }
        else {
          prop->default_enum = enum_value_of(prop->enum_items, def.cast<std::string>());
        }
      }
      else if (!flag && !prop->enum_items.empty()) {
        prop->default_enum = prop->enum_items.front().value;
      }
    }
  }

  /* Pointer and collection item types. */
  if (prop->type == rna::PropertyType::Pointer || prop->type == rna::PropertyType::Collection) {
    py::object type = get("type");
    if (type.is_none()) {
      raise(ErrorKind::Type, kind, "Property(...) expected an RNA type, failed with type 'NoneType'");
    }
    prop->item_type = struct_of_class(type);
    const StructRNA *group = rna::blender_rna().find("PropertyGroup");
    const bool is_group = prop->item_type->is_a(group);
    const bool is_id = prop->item_type->id_type.has_value();
    if (prop->type == rna::PropertyType::Collection ? !is_group : !(is_group || is_id)) {
      raise(ErrorKind::Type, kind, "Property(...) expected an RNA type derived from ",
            prop->type == rna::PropertyType::Collection ? "PropertyGroup" : "ID or PropertyGroup",
            ", failed with type '", prop->item_type->identifier, "'");
    }
    /* `poll` filters what a UI offers; assignment does not check it (as Blender). */
  }

  /* Script accessors. */
  if (!get("get").is_none() || !get("set").is_none()) {
    auto getter = keep(get("get"));
    auto setter = keep(get("set"));
    PropertyRNA *raw = prop.get();
    if (setter->is_none()) {
      prop->flag &= ~rna::PROP_EDITABLE;
    }
    auto read = [getter, raw](const PointerRNA &ptr) -> py::object {
      py::object result = py::none();
      if (!getter->is_none()) {
        run_callback([&] { result = (*getter)(self_for(ptr)); });
      }
      return result;
    };
    auto write = [setter](const PointerRNA &ptr, py::object value) {
      if (!setter->is_none()) {
        run_callback([&] { (*setter)(self_for(ptr), value); });
      }
    };
    /* A getter that returns something unusable reads as the default (Blender: 0). */
    auto element = [raw](py::object value, int index) -> double {
      const double fallback = raw->default_array.size() > size_t(index) ?
                                  raw->default_array[size_t(index)] :
                                  raw->default_number;
      if (value.is_none()) {
        return fallback;
      }
      try {
        if (raw->is_array()) {
          return py::cast<double>(py::sequence(value)[size_t(index)]);
        }
        return py::cast<double>(value);
      }
      catch (const std::exception &) {
        PyErr_Clear();
        return 0.0;
      }
    };
    /* Array writes through a script setter send the whole array, as Blender does. */
    auto whole = [raw, read, element](const PointerRNA &ptr, int index, double v) {
      py::list values;
      py::object current = read(ptr);
      for (int i = 0; i < std::max(raw->array_length(), 1); i++) {
        values.append(i == index ? v : element(current, i));
      }
      return values;
    };
    switch (prop->type) {
      case rna::PropertyType::Boolean:
        prop->get_bool = [read, element](const PointerRNA &p, int i) { return element(read(p), i) != 0; };
        prop->set_bool = [raw, write, whole](const PointerRNA &p, int i, bool v) {
          if (raw->is_array()) {
            py::list all = whole(p, i, v);
            py::list as_bool;
            for (py::handle x : all) {
              as_bool.append(py::bool_(x.cast<double>() != 0));
            }
            write(p, as_bool);
          }
          else {
            write(p, py::bool_(v));
          }
        };
        break;
      case rna::PropertyType::Int:
        prop->get_int = [read, element](const PointerRNA &p, int i) { return int64_t(element(read(p), i)); };
        prop->set_int = [raw, write, whole](const PointerRNA &p, int i, int64_t v) {
          if (raw->is_array()) {
            py::list all = whole(p, i, double(v));
            py::list as_int;
            for (py::handle x : all) {
              as_int.append(py::int_(int64_t(x.cast<double>())));
            }
            write(p, as_int);
          }
          else {
            write(p, py::int_(v));
          }
        };
        break;
      case rna::PropertyType::Float:
        prop->get_float = [read, element](const PointerRNA &p, int i) { return element(read(p), i); };
        prop->set_float = [raw, write, whole](const PointerRNA &p, int i, double v) {
          write(p, raw->is_array() ? py::object(whole(p, i, v)) : py::object(py::float_(v)));
        };
        break;
      case rna::PropertyType::String:
        prop->get_string = [read, raw](const PointerRNA &p) {
          py::object v = read(p);
          if (!v.is_none() && py::isinstance<py::str>(v)) {
            return v.cast<std::string>();
          }
          return raw->default_string;
        };
        prop->set_string = [write](const PointerRNA &p, std::string_view v) {
          write(p, py::str(std::string(v)));
        };
        break;
      case rna::PropertyType::Enum:
        prop->get_enum = [read, raw](const PointerRNA &p) {
          py::object v = read(p);
          if (!v.is_none() && py::isinstance<py::int_>(v)) {
            return v.cast<int>();
          }
          return raw->default_enum;
        };
        prop->set_enum = [write](const PointerRNA &p, int v) { write(p, py::int_(v)); };
        break;
      default:
        break;
    }
  }

  if (!get("update").is_none()) {
    auto update = keep(get("update"));
    prop->update = [update](kernel::Main &, const PointerRNA &ptr) {
      run_callback([&] { (*update)(self_for(ptr), context_object()); });
    };
  }
  return prop;
}

}  // namespace

void define_registration(py::module_ &m)
{
  m.def("register_struct", [](const std::string &identifier, py::object base_cls, py::object cls) {
    pybind_call([&] {
      const StructRNA *base = struct_of_class(base_cls);
      StructRNA *srna = rna::register_struct(identifier, base);
      py::object doc = py::getattr(cls, "__doc__", py::none());
      if (!doc.is_none()) {
        srna->description = doc.cast<std::string>();
      }
      set_python_type_for(srna, reinterpret_cast<PyTypeObject *>(cls.ptr()));
      py::object bl_rna = py::reinterpret_steal<py::object>(
          wrap_struct(nullptr, rna::pointer_from_struct_rna(srna)));
      /* type.__setattr__ directly: the metaclass would read this as a property. */
      PyObject_GenericSetAttr(cls.ptr(), py::str("bl_rna").ptr(), bl_rna.ptr());
      PyType_Modified(reinterpret_cast<PyTypeObject *>(cls.ptr()));
      attr_tables_invalidate();
      return 0;
    });
  });
  m.def("unregister_struct", [](py::object cls) {
    pybind_call([&] {
      const StructRNA *srna = struct_of_class(cls);
      if (!srna->is_runtime) {
        raise(ErrorKind::Runtime, "unregister_class(...): ", srna->identifier,
              " is a built-in type");
      }
      rna::unregister_struct(srna);
      set_python_type_for(srna, nullptr);
      attr_tables_invalidate();
      return 0;
    });
  });
  m.def("add_property", [](py::object cls, const std::string &kind, const std::string &identifier,
                           py::dict keywords) {
    pybind_call([&] {
      StructRNA *srna = const_cast<StructRNA *>(struct_of_class(cls));
      if (identifier.empty() || identifier.size() > 63) {
        raise(ErrorKind::Type, "property name \"", identifier, "\" must be 1 to 63 bytes long");
      }
      rna::add_runtime_property(srna, build_property(kind, identifier, keywords));
      attr_tables_invalidate();
      return 0;
    });
  });
  m.def("remove_property", [](py::object cls, const std::string &identifier) {
    return pybind_call([&] {
      StructRNA *srna = const_cast<StructRNA *>(struct_of_class(cls));
      const bool removed = rna::remove_runtime_property(srna, identifier);
      attr_tables_invalidate();
      return removed;
    });
  });
  m.def("set_metaclass", [](py::object meta) { set_struct_metaclass(meta.ptr()); });
  m.def("is_runtime_struct", [](py::object bl_rna) {
    return pybind_call([&] {
      if (!is_struct(bl_rna.ptr())) {
        return false;
      }
      const PointerRNA &ptr = reinterpret_cast<PyStruct *>(bl_rna.ptr())->handle.resolve();
      return static_cast<const StructRNA *>(ptr.data)->is_runtime;
    });
  });
}

}  // namespace whisk::python
