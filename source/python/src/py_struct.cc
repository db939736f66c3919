// bpy_struct: the Python type of every RNA struct, and the classes generated per struct.

#include <cstring>
#include <unordered_map>

#include "bridge.hh"
#include "whisk/rna/runtime.hh"
#include "whisk/rna/structs.hh"

namespace whisk::python {

PyTypeObject *StructBaseType = nullptr;

/* ---- Attribute tables ----------------------------------------------------------------- */

namespace {

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

using AttrTable = std::unordered_map<std::string, AttrEntry, StringHash, std::equal_to<>>;

std::unordered_map<const StructRNA *, AttrTable> &attr_tables()
{
  static auto *tables = new std::unordered_map<const StructRNA *, AttrTable>();
  return *tables;
}

const AttrTable &attr_table(const StructRNA *type)
{
  auto &tables = attr_tables();
  auto it = tables.find(type);
  if (it != tables.end()) {
    return it->second;
  }
  AttrTable table;
  /* Most derived first: a struct's own declaration hides its base's. */
  for (const StructRNA *s = type; s; s = s->base) {
    for (const auto &prop : s->properties) {
      table.emplace(prop->identifier, AttrEntry{prop.get(), nullptr});
    }
    for (const auto &func : s->functions) {
      table.emplace(func->identifier, AttrEntry{nullptr, func.get()});
    }
  }
  return tables.emplace(type, std::move(table)).first->second;
}

}  // namespace

const AttrEntry *attr_lookup(const StructRNA *type, std::string_view name)
{
  if (!type) {
    return nullptr;
  }
  const AttrTable &table = attr_table(type);
  auto it = table.find(name);
  return it == table.end() ? nullptr : &it->second;
}

void attr_tables_invalidate() { attr_tables().clear(); }

/* ---- Classes per struct ---------------------------------------------------------------- */

static std::unordered_map<const StructRNA *, PyTypeObject *> &class_table()
{
  static auto *table = new std::unordered_map<const StructRNA *, PyTypeObject *>();
  return *table;
}

static PyObject *g_metaclass = reinterpret_cast<PyObject *>(&PyType_Type);

void set_struct_metaclass(PyObject *meta)
{
  Py_INCREF(meta);
  g_metaclass = meta;
}

static PyObject *make_class(const StructRNA *type)
{
  PyObject *base = reinterpret_cast<PyObject *>(type->base ? python_type_for(type->base) :
                                                             StructBaseType);
  Ref dict(check(PyDict_New()));
  Ref slots(check(PyTuple_New(0)));
  PyDict_SetItemString(dict.get(), "__slots__", slots.get());
  Ref module(check(PyUnicode_FromString("bpy.types")));
  PyDict_SetItemString(dict.get(), "__module__", module.get());
  Ref doc(check(PyUnicode_FromString(type->description.c_str())));
  PyDict_SetItemString(dict.get(), "__doc__", doc.get());
  return check(PyObject_CallFunction(g_metaclass, "s(O)O",
                                     type->identifier.c_str(), base, dict.get()));
}

PyTypeObject *python_type_for(const StructRNA *type)
{
  auto &table = class_table();
  auto it = table.find(type);
  if (it != table.end()) {
    return it->second;
  }
  PyObject *cls = make_class(type);
  table[type] = reinterpret_cast<PyTypeObject *>(cls); /* the table keeps the reference */
  /* bl_rna after the class is known: the Struct type's own bl_rna is of its own class. */
  Ref bl_rna(check(wrap_struct(nullptr, rna::pointer_from_struct_rna(type))));
  Ref key(check(PyUnicode_FromString("bl_rna")));
  if (PyObject_GenericSetAttr(cls, key.get(), bl_rna.get()) < 0) {
    throw PyRaised();
  }
  PyType_Modified(reinterpret_cast<PyTypeObject *>(cls));
  return reinterpret_cast<PyTypeObject *>(cls);
}

void set_python_type_for(const StructRNA *type, PyTypeObject *cls)
{
  auto &table = class_table();
  Py_XINCREF(cls);
  auto it = table.find(type);
  if (it != table.end()) {
    Py_XDECREF(it->second);
    if (!cls) {
      table.erase(it);
      return;
    }
    it->second = cls;
    return;
  }
  if (cls) {
    table[type] = cls;
  }
}

PyObject *all_python_types()
{
  Ref dict(check(PyDict_New()));
  for (const StructRNA *type : rna::blender_rna().structs()) {
    PyTypeObject *cls = python_type_for(type);
    PyDict_SetItemString(dict.get(), type->identifier.c_str(), reinterpret_cast<PyObject *>(cls));
  }
  return dict.release();
}

/* ---- Wrapping -------------------------------------------------------------------------- */

PyObject *wrap_handle(StructHandle handle)
{
  PyTypeObject *cls = python_type_for(handle.type());
  PyObject *obj = cls->tp_alloc(cls, 0);
  if (!obj) {
    throw PyRaised();
  }
  new (&reinterpret_cast<PyStruct *>(obj)->handle) StructHandle(std::move(handle));
  return obj;
}

PyObject *wrap_struct(const std::shared_ptr<MainSlot> &slot, const PointerRNA &ptr)
{
  if (ptr.is_null() || !ptr.type) {
    Py_RETURN_NONE;
  }
  return wrap_handle(StructHandle::make(slot, ptr));
}

/* ---- bpy_struct slots -------------------------------------------------------------------- */

static PyStruct *as_struct(PyObject *o) { return reinterpret_cast<PyStruct *>(o); }

static void struct_dealloc(PyObject *self)
{
  PyTypeObject *type = Py_TYPE(self);
  as_struct(self)->handle.~StructHandle();
  type->tp_free(self);
  Py_DECREF(type);
}

static PyObject *no_attribute(PyObject *self, std::string_view name)
{
  const std::string message = str_cat("'", as_struct(self)->handle.type()->identifier,
                                      "' object has no attribute '", name, "'");
  PyErr_SetString(PyExc_AttributeError, message.c_str());
  return nullptr;
}

static PyObject *struct_getattro(PyObject *self, PyObject *name)
{
  return guard<PyObject *>(nullptr, [&]() -> PyObject * {
    const std::string_view key = utf8_of(name);
    PyStruct *ps = as_struct(self);
    if (!key.empty() && key[0] != '_') {
      if (const AttrEntry *entry = attr_lookup(ps->handle.type(), key)) {
        const PointerRNA &ptr = ps->handle.resolve();
        if (entry->prop) {
          return property_value(ps->handle, ptr, *entry->prop);
        }
        return wrap_function(ps->handle, entry->func, ps->handle.type());
      }
    }
    PyObject *result = PyObject_GenericGetAttr(self, name);
    if (!result && PyErr_ExceptionMatches(PyExc_AttributeError)) {
      PyErr_Clear();
      ps->handle.resolve(); /* a removed ID says so rather than "no attribute" */
      return no_attribute(self, key);
    }
    return result;
  });
}

static int struct_setattro(PyObject *self, PyObject *name, PyObject *value)
{
  return guard<int>(-1, [&]() -> int {
    const std::string_view key = utf8_of(name);
    PyStruct *ps = as_struct(self);
    if (!key.empty() && key[0] != '_') {
      if (const AttrEntry *entry = attr_lookup(ps->handle.type(), key)) {
        const PointerRNA &ptr = ps->handle.resolve();
        if (!value) {
          raise(ErrorKind::Attribute, "bpy_struct: del not supported");
        }
        if (entry->func) {
          raise(ErrorKind::Attribute, "bpy_struct: attribute \"", key, "\" from \"",
                ps->handle.type()->identifier, "\" is read-only");
        }
        set_property_value(ptr, *entry->prop, value);
        return 0;
      }
    }
    /* Python-level attributes: descriptors of the class, or the instance dict of
     * script-defined subclasses (PropertyGroup). Plain RNA structs take nothing else. */
    PyObject *descr = _PyType_Lookup(Py_TYPE(self), name);
    const bool has_dict = Py_TYPE(self)->tp_dictoffset != 0;
    if (descr || has_dict || (!key.empty() && key[0] == '_')) {
      return PyObject_GenericSetAttr(self, name, value);
    }
    ps->handle.resolve();
    no_attribute(self, key);
    throw PyRaised();
  });
}

static std::string name_of(const PointerRNA &ptr)
{
  if (ptr.type && ptr.type->name_property && ptr.type->name_property->get_string) {
    return ptr.type->name_property->get_string(ptr);
  }
  return {};
}

static PyObject *struct_str(PyObject *self)
{
  return guard<PyObject *>(nullptr, [&]() -> PyObject * {
    PyStruct *ps = as_struct(self);
    if (!ps->handle.valid()) {
      return PyUnicode_FromFormat("<bpy_struct, %s invalid>",
                                  ps->handle.type()->identifier.c_str());
    }
    const PointerRNA &ptr = ps->handle.resolve();
    if (ptr.type->name_property) {
      return PyUnicode_FromFormat("<bpy_struct, %s(\"%s\") at %p>", ptr.type->identifier.c_str(),
                                  name_of(ptr).c_str(), ptr.data);
    }
    return PyUnicode_FromFormat("<bpy_struct, %s at %p>", ptr.type->identifier.c_str(),
                                ptr.data);
  });
}

static PyObject *struct_repr(PyObject *self)
{
  return guard<PyObject *>(nullptr, [&]() -> PyObject * {
    PyStruct *ps = as_struct(self);
    if (ps->handle.valid()) {
      if (std::optional<std::string> path = python_path(ps->handle.resolve())) {
        return PyUnicode_FromStringAndSize(path->data(), Py_ssize_t(path->size()));
      }
    }
    return struct_str(self);
  });
}

static Py_hash_t struct_hash(PyObject *self)
{
  const PointerRNA &ptr = as_struct(self)->handle.cached();
  const Py_hash_t hash = _Py_HashPointer(ptr.data) ^ Py_hash_t(uint64_t(ptr.index + 1) * 1000003u);
  return hash == -1 ? -2 : hash;
}

static PyObject *struct_richcompare(PyObject *a, PyObject *b, int op)
{
  if ((op != Py_EQ && op != Py_NE) || !is_struct(a) || !is_struct(b)) {
    Py_RETURN_NOTIMPLEMENTED;
  }
  return guard<PyObject *>(nullptr, [&]() -> PyObject * {
    const StructHandle &ha = as_struct(a)->handle;
    const StructHandle &hb = as_struct(b)->handle;
    /* Compares addresses only (removed data compares by its last address, as in Blender;
     * nothing stale is read). */
    const PointerRNA &da = ha.valid() ? ha.resolve() : ha.cached();
    const PointerRNA &db = hb.valid() ? hb.resolve() : hb.cached();
    const bool equal = da.same_data(db);
    return PyBool_FromLong(op == Py_EQ ? equal : !equal);
  });
}

/* ---- Methods ----------------------------------------------------------------------------- */

static const PropertyRNA *find_property_arg(PyStruct *self, PyObject *name_obj,
                                            const char *method)
{
  if (!PyUnicode_Check(name_obj)) {
    raise(ErrorKind::Type, method, "() argument 1 must be str, not ", Py_TYPE(name_obj)->tp_name);
  }
  const std::string_view name = utf8_of(name_obj);
  const AttrEntry *entry = attr_lookup(self->handle.type(), name);
  if (!entry || !entry->prop) {
    raise(std::string_view(method) == "path_from_id" ? ErrorKind::Attribute : ErrorKind::Type,
          self->handle.type()->identifier, ".", method, "(\"", name, "\") not found");
  }
  return entry->prop;
}

static PyObject *m_path_from_id(PyObject *self, PyObject *args)
{
  return guard<PyObject *>(nullptr, [&]() -> PyObject * {
    PyObject *name = nullptr;
    if (!PyArg_ParseTuple(args, "|O:path_from_id", &name)) {
      throw PyRaised();
    }
    PyStruct *ps = as_struct(self);
    const PointerRNA &ptr = ps->handle.resolve();
    const PropertyRNA *prop = name ? find_property_arg(ps, name, "path_from_id") : nullptr;
    std::optional<std::string> path = rna::path_from_id(ptr, prop);
    if (!path || path->empty() || (ptr.type->path_internal && ptr.owner_id != ptr.data)) {
      raise(ErrorKind::Value, ptr.type->identifier,
            ".path_from_id() does not support path creation for this type");
    }
    return PyUnicode_FromStringAndSize(path->data(), Py_ssize_t(path->size()));
  });
}

static PyObject *m_path_resolve(PyObject *self, PyObject *args)
{
  return guard<PyObject *>(nullptr, [&]() -> PyObject * {
    const char *path = nullptr;
    int coerce = 1;
    if (!PyArg_ParseTuple(args, "s|p:path_resolve", &path, &coerce)) {
      throw PyRaised();
    }
    PyStruct *ps = as_struct(self);
    const std::string_view text(path);
    /* ["key"]: an ID property of this struct. */
    if (text.size() > 4 && text.substr(0, 2) == "[\"" && text.substr(text.size() - 2) == "\"]") {
      Ref key(check(PyUnicode_FromStringAndSize(path + 2, Py_ssize_t(text.size() - 4))));
      PyObject *value = idprop_subscript(ps, key.get());
      if (value || !PyErr_ExceptionMatches(PyExc_KeyError)) {
        return value;
      }
      PyErr_Clear();
    }
    rna::ResolvedPath r;
    try {
      if (text.empty()) {
        throw Error(ErrorKind::Value, "empty path");
      }
      r = rna::path_resolve(ps->handle.resolve(), path);
    }
    catch (const Error &error) {
      if (error.kind() == ErrorKind::Reference) {
        throw;
      }
      raise(ErrorKind::Value, ps->handle.type()->identifier, ".path_resolve(\"", path,
            "\") could not be resolved");
    }
    if (!r.prop) {
      return wrap_struct(ps->handle.slot(), r.ptr);
    }
    StructHandle owner = StructHandle::make(ps->handle.slot(), r.ptr);
    if (r.index >= 0) {
      Ref array(check(wrap_array(owner, r.prop)));
      return check(PySequence_GetItem(array.get(), r.index));
    }
    if (!coerce && (r.prop->is_array() || r.prop->type == rna::PropertyType::Collection)) {
      return r.prop->type == rna::PropertyType::Collection ? wrap_collection(owner, r.prop) :
                                                            wrap_array(owner, r.prop);
    }
    return property_value(owner, r.ptr, *r.prop);
  });
}

static PyObject *m_as_pointer(PyObject *self, PyObject *)
{
  return guard<PyObject *>(nullptr, [&]() -> PyObject * {
    return PyLong_FromVoidPtr(as_struct(self)->handle.resolve().data);
  });
}

static PyObject *m_is_property_set(PyObject *self, PyObject *args, PyObject *kwargs)
{
  return guard<PyObject *>(nullptr, [&]() -> PyObject * {
    static const char *keywords[] = {"property", "ghost", nullptr};
    PyObject *name = nullptr;
    int ghost = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|$p:is_property_set",
                                     const_cast<char **>(keywords), &name, &ghost))
    {
      throw PyRaised();
    }
    PyStruct *ps = as_struct(self);
    const PropertyRNA *prop = find_property_arg(ps, name, "is_property_set");
    const PointerRNA &ptr = ps->handle.resolve();
    return PyBool_FromLong(rna::is_property_set(ptr, *prop));
  });
}

static PyObject *m_property_unset(PyObject *self, PyObject *name)
{
  return guard<PyObject *>(nullptr, [&]() -> PyObject * {
    PyStruct *ps = as_struct(self);
    const PropertyRNA *prop = find_property_arg(ps, name, "property_unset");
    rna::property_unset(ps->handle.resolve(), *prop);
    Py_RETURN_NONE;
  });
}

static PyObject *m_dir(PyObject *self, PyObject *)
{
  return guard<PyObject *>(nullptr, [&]() -> PyObject * {
    Ref names(check(PyList_New(0)));
    Ref type_dir(check(PyObject_Dir(reinterpret_cast<PyObject *>(Py_TYPE(self)))));
    Ref iter(check(PyObject_GetIter(type_dir.get())));
    while (Ref item{PyIter_Next(iter.get())}) {
      PyList_Append(names.get(), item.get());
    }
    for (const StructRNA *s = as_struct(self)->handle.type(); s; s = s->base) {
      for (const auto &prop : s->properties) {
        Ref n(check(PyUnicode_FromString(prop->identifier.c_str())));
        PyList_Append(names.get(), n.get());
      }
      for (const auto &func : s->functions) {
        Ref n(check(PyUnicode_FromString(func->identifier.c_str())));
        PyList_Append(names.get(), n.get());
      }
    }
    Ref unique(check(PySet_New(names.get())));
    Ref sorted(check(PySequence_List(unique.get())));
    PyList_Sort(sorted.get());
    return sorted.release();
  });
}

static PyObject *g_id_data(PyObject *self, void *)
{
  return guard<PyObject *>(nullptr, [&]() -> PyObject * {
    PyStruct *ps = as_struct(self);
    const PointerRNA &ptr = ps->handle.resolve();
    if (!ptr.owner_id) {
      Py_RETURN_NONE;
    }
    return wrap_struct(ps->handle.slot(), rna::pointer_from_id(ptr.main, ptr.owner_id));
  });
}

static PyObject *g_rna_type(PyObject *self, void *)
{
  return guard<PyObject *>(nullptr, [&]() -> PyObject * {
    PyStruct *ps = as_struct(self);
    const PointerRNA &ptr = ps->handle.resolve();
    return wrap_struct(nullptr, rna::pointer_from_struct_rna(ptr.type));
  });
}

static PyObject *g_is_valid(PyObject *self, void *)
{
  return PyBool_FromLong(as_struct(self)->handle.valid());
}

static PyMethodDef struct_methods[] = {
    {"path_from_id", m_path_from_id, METH_VARARGS, "Path from the owning ID to this data"},
    {"path_resolve", m_path_resolve, METH_VARARGS, "The value a path names, from this struct"},
    {"as_pointer", m_as_pointer, METH_NOARGS, "The address of the data (for C/C++ code)"},
    {"is_property_set", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(m_is_property_set)),
     METH_VARARGS | METH_KEYWORDS, "Whether the property was set (ID-property backed ones)"},
    {"property_unset", m_property_unset, METH_O, "Reset a property to its default"},
    {"keyframe_insert", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(m_keyframe_insert)),
     METH_VARARGS | METH_KEYWORDS, "Insert a keyframe on the property given"},
    {"keyframe_delete", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(m_keyframe_delete)),
     METH_VARARGS | METH_KEYWORDS, "Remove a keyframe from this properties fcurve"},
    {"driver_add", m_struct_driver_add, METH_VARARGS, "Adds driver(s) to the given property"},
    {"driver_remove", m_struct_driver_remove, METH_VARARGS,
     "Remove driver(s) from the given property"},
    {"__dir__", m_dir, METH_NOARGS, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

static PyGetSetDef struct_getset[] = {
    {"id_data", g_id_data, nullptr, "The ID that owns this data", nullptr},
    {"rna_type", g_rna_type, nullptr, "The RNA type (a Struct)", nullptr},
    {"_is_valid", g_is_valid, nullptr, "Whether the data still exists", nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

static PyObject *struct_subscript(PyObject *self, PyObject *key)
{
  return idprop_subscript(as_struct(self), key);
}
static int struct_ass_subscript(PyObject *self, PyObject *key, PyObject *value)
{
  return idprop_ass_subscript(as_struct(self), key, value);
}
static int struct_contains(PyObject *self, PyObject *key)
{
  return idprop_contains(as_struct(self), key);
}

PyTypeObject *make_type(PyType_Spec &spec)
{
  auto *type = reinterpret_cast<PyTypeObject *>(check(PyType_FromSpec(&spec)));
  if (const char *dot = std::strrchr(spec.name, '.')) {
    type->tp_name = dot + 1; /* the spec is static, so is its name */
  }
  return type;
}

void init_struct_type(PyObject *module)
{
  /* Methods: the generic ones plus the ID-property mapping ones (keys, get...). */
  static std::vector<PyMethodDef> methods = [] {
    std::vector<PyMethodDef> all;
    for (PyMethodDef *m = struct_methods; m->ml_name; m++) {
      all.push_back(*m);
    }
    for (PyMethodDef *m = idprop_struct_methods; m->ml_name; m++) {
      all.push_back(*m);
    }
    all.push_back({nullptr, nullptr, 0, nullptr});
    return all;
  }();
  static PyType_Slot slots[] = {
      {Py_tp_dealloc, reinterpret_cast<void *>(struct_dealloc)},
      {Py_tp_getattro, reinterpret_cast<void *>(struct_getattro)},
      {Py_tp_setattro, reinterpret_cast<void *>(struct_setattro)},
      {Py_tp_repr, reinterpret_cast<void *>(struct_repr)},
      {Py_tp_str, reinterpret_cast<void *>(struct_str)},
      {Py_tp_hash, reinterpret_cast<void *>(struct_hash)},
      {Py_tp_richcompare, reinterpret_cast<void *>(struct_richcompare)},
      {Py_tp_methods, methods.data()},
      {Py_tp_getset, struct_getset},
      {Py_mp_subscript, reinterpret_cast<void *>(struct_subscript)},
      {Py_mp_ass_subscript, reinterpret_cast<void *>(struct_ass_subscript)},
      {Py_sq_contains, reinterpret_cast<void *>(struct_contains)},
      {Py_tp_doc, const_cast<char *>("The base of every RNA struct type")},
      {0, nullptr},
  };
  static PyType_Spec spec = {"bpy.types.bpy_struct", sizeof(PyStruct), 0,
                             Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE, slots};
  StructBaseType = make_type(spec);
  Py_INCREF(StructBaseType);
  PyModule_AddObject(module, "bpy_struct", reinterpret_cast<PyObject *>(StructBaseType));
}

}  // namespace whisk::python
