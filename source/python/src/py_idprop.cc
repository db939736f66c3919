// ID properties from Python: ob["key"] = value, nested dicts and arrays as live views.
// Views name their data by owner handle plus the key path from the owner's group, so a
// view whose property was removed or replaced raises instead of touching freed memory.

#include <cmath>

#include "bridge.hh"
#include "whisk/kernel/idprop.hh"
#include "whisk/kernel/main.hh"
#include "whisk/rna/runtime.hh"

namespace whisk::python {

using dna::IDProperty;
using dna::IDPropertyList;
using dna::IDPropertyType;

namespace {

struct PathStep {
  std::string name;
  int64_t index = -1; /* >= 0: an item of a list (IDPArray) */
};

struct PyIDGroup {
  PyObject_HEAD
  StructHandle owner;
  std::vector<PathStep> path;
};

PyTypeObject *GroupType = nullptr;
PyTypeObject *ArrayViewType = nullptr;

PyIDGroup *as_group(PyObject *o) { return reinterpret_cast<PyIDGroup *>(o); }

[[noreturn]] void raise_gone()
{
  raise(ErrorKind::Reference, "IDProperty: the property was removed or replaced");
}

IDProperty *root_of(const StructHandle &owner, bool create)
{
  const PointerRNA &ptr = owner.resolve();
  if (!rna::supports_idprops(ptr)) {
    raise(ErrorKind::Type, "this type doesn't support IDProperties");
  }
  return rna::idprop_container(ptr, create);
}

IDProperty *resolve_path(const StructHandle &owner, const std::vector<PathStep> &path,
                         bool create_root)
{
  IDProperty *prop = root_of(owner, create_root);
  for (const PathStep &step : path) {
    if (!prop) {
      raise_gone();
    }
    if (step.index >= 0) {
      if (prop->type != IDPropertyType::IDPArray) {
        raise_gone();
      }
      auto &items = std::get<IDPropertyList>(prop->value);
      if (step.index >= int64_t(items.size())) {
        raise_gone();
      }
      prop = items[size_t(step.index)].get();
    }
    else {
      prop = kernel::idprop_find(prop, step.name);
    }
  }
  if (!prop && !path.empty()) {
    raise_gone();
  }
  return prop;
}

PyObject *make_view(PyTypeObject *type, const StructHandle &owner, std::vector<PathStep> path)
{
  PyObject *obj = type->tp_alloc(type, 0);
  if (!obj) {
    throw PyRaised();
  }
  new (&as_group(obj)->owner) StructHandle(owner);
  new (&as_group(obj)->path) std::vector<PathStep>(std::move(path));
  return obj;
}

void view_dealloc(PyObject *self)
{
  PyTypeObject *type = Py_TYPE(self);
  as_group(self)->owner.~StructHandle();
  as_group(self)->path.~vector();
  type->tp_free(self);
  Py_DECREF(type);
}

/* ---- IDProperty -> Python --------------------------------------------------------------- */

PyObject *to_python(const StructHandle &owner, IDProperty *prop, std::vector<PathStep> path)
{
  switch (prop->type) {
    case IDPropertyType::Int: return PyLong_FromLong(std::get<int32_t>(prop->value));
    case IDPropertyType::Float: return PyFloat_FromDouble(std::get<float>(prop->value));
    case IDPropertyType::Double: return PyFloat_FromDouble(std::get<double>(prop->value));
    case IDPropertyType::Boolean: return PyBool_FromLong(std::get<bool>(prop->value));
    case IDPropertyType::String: {
      const std::string &s = std::get<std::string>(prop->value);
      return check(PyUnicode_DecodeUTF8(s.data(), Py_ssize_t(s.size()), "surrogateescape"));
    }
    case IDPropertyType::IDRef: {
      dna::ID *id = std::get<dna::ID *>(prop->value);
      if (!id) {
        Py_RETURN_NONE;
      }
      return wrap_struct(owner.slot(), rna::pointer_from_id(owner.main(), id));
    }
    case IDPropertyType::Group: return make_view(GroupType, owner, std::move(path));
    case IDPropertyType::Array: return make_view(ArrayViewType, owner, std::move(path));
    case IDPropertyType::IDPArray: {
      const auto &items = std::get<IDPropertyList>(prop->value);
      Ref list(check(PyList_New(Py_ssize_t(items.size()))));
      for (size_t i = 0; i < items.size(); i++) {
        std::vector<PathStep> item_path = path;
        item_path.push_back({"", int64_t(i)});
        PyList_SET_ITEM(list.get(), Py_ssize_t(i),
                        check(to_python(owner, items[i].get(), std::move(item_path))));
      }
      return list.release();
    }
  }
  Py_RETURN_NONE;
}

PyObject *array_element(const IDProperty &prop, size_t i)
{
  switch (prop.array_type) {
    case IDPropertyType::Int: return PyLong_FromLong(std::get<std::vector<int32_t>>(prop.value)[i]);
    case IDPropertyType::Float: return PyFloat_FromDouble(std::get<std::vector<float>>(prop.value)[i]);
    case IDPropertyType::Double: return PyFloat_FromDouble(std::get<std::vector<double>>(prop.value)[i]);
    default: return PyBool_FromLong(std::get<std::vector<uint8_t>>(prop.value)[i]);
  }
}

/** A plain Python copy: dicts, lists and values (to_dict, to_list). */
PyObject *to_plain(const StructHandle &owner, const IDProperty &prop)
{
  switch (prop.type) {
    case IDPropertyType::Group: {
      Ref dict(check(PyDict_New()));
      for (const auto &member : std::get<IDPropertyList>(prop.value)) {
        Ref value(to_plain(owner, *member));
        PyDict_SetItemString(dict.get(), member->name.c_str(), value.get());
      }
      return dict.release();
    }
    case IDPropertyType::Array: {
      const int64_t n = kernel::idprop_length(prop);
      Ref list(check(PyList_New(Py_ssize_t(n))));
      for (int64_t i = 0; i < n; i++) {
        PyList_SET_ITEM(list.get(), Py_ssize_t(i), check(array_element(prop, size_t(i))));
      }
      return list.release();
    }
    case IDPropertyType::IDPArray: {
      const auto &items = std::get<IDPropertyList>(prop.value);
      Ref list(check(PyList_New(Py_ssize_t(items.size()))));
      for (size_t i = 0; i < items.size(); i++) {
        PyList_SET_ITEM(list.get(), Py_ssize_t(i), check(to_plain(owner, *items[i])));
      }
      return list.release();
    }
    default:
      return to_python(owner, const_cast<IDProperty *>(&prop), {});
  }
}

/* ---- Python -> IDProperty ----------------------------------------------------------------- */

std::unique_ptr<IDProperty> from_python(std::string_view name, PyObject *value, int depth = 0);

std::unique_ptr<IDProperty> make(std::string_view name, IDPropertyType type)
{
  auto prop = std::make_unique<IDProperty>();
  prop->name = std::string(name);
  prop->type = type;
  return prop;
}

std::unique_ptr<IDProperty> group_from_mapping(std::string_view name, PyObject *mapping, int depth)
{
  auto group = kernel::idprop_new_group(name);
  Ref items(check(PyMapping_Items(mapping)));
  const Py_ssize_t n = PyList_GET_SIZE(items.get());
  for (Py_ssize_t i = 0; i < n; i++) {
    PyObject *pair = PyList_GET_ITEM(items.get(), i);
    PyObject *key = PyTuple_GET_ITEM(pair, 0);
    if (!PyUnicode_Check(key)) {
      raise(ErrorKind::Key, "invalid id-property key, expected a string, not a ",
            Py_TYPE(key)->tp_name);
    }
    kernel::idprop_replace(group.get(), from_python(utf8_of(key), PyTuple_GET_ITEM(pair, 1), depth + 1));
  }
  return group;
}

std::unique_ptr<IDProperty> from_python(std::string_view name, PyObject *value, int depth)
{
  if (depth > 64) {
    raise(ErrorKind::Value, "ID property \"", name, "\": nested too deeply");
  }
  if (name.size() > 63) {
    raise(ErrorKind::Key, "the length of IDProperty names is limited to 63 characters");
  }
  if (PyBool_Check(value)) {
    return kernel::idprop_new(name, bool(value == Py_True));
  }
  if (PyLong_Check(value)) {
    int overflow = 0;
    const long long v = PyLong_AsLongLongAndOverflow(value, &overflow);
    if (overflow || v < INT32_MIN || v > INT32_MAX) {
      PyErr_SetString(PyExc_OverflowError, "Python int too large to convert to C int");
      throw PyRaised();
    }
    return kernel::idprop_new(name, int32_t(v));
  }
  if (PyFloat_Check(value)) {
    return kernel::idprop_new(name, PyFloat_AS_DOUBLE(value));
  }
  if (PyUnicode_Check(value)) {
    Py_ssize_t size = 0;
    const char *data = PyUnicode_AsUTF8AndSize(value, &size);
    if (!data) {
      PyErr_Clear();
      raise(ErrorKind::Value, "ID property \"", name, "\": the string is not valid UTF-8");
    }
    return kernel::idprop_new(name, std::string(data, size_t(size)));
  }
  if (PyBytes_Check(value)) {
    return kernel::idprop_new(name, std::string(PyBytes_AS_STRING(value),
                                                size_t(PyBytes_GET_SIZE(value))));
  }
  if (is_struct(value)) {
    const PointerRNA &ptr = reinterpret_cast<PyStruct *>(value)->handle.resolve();
    if (!ptr.owner_id || ptr.data != static_cast<void *>(ptr.owner_id)) {
      raise(ErrorKind::Type, "invalid id-property type ", Py_TYPE(value)->tp_name,
            " not supported (only ID data-blocks can be referenced)");
    }
    return kernel::idprop_new(name, ptr.owner_id);
  }
  if (PyObject_TypeCheck(value, GroupType)) {
    IDProperty *source = resolve_path(as_group(value)->owner, as_group(value)->path, false);
    auto copy = kernel::idprop_copy(*source);
    copy->name = std::string(name);
    return copy;
  }
  if (PyDict_Check(value) || (PyMapping_Check(value) && PyObject_HasAttrString(value, "items") &&
                              !PySequence_Check(value)))
  {
    return group_from_mapping(name, value, depth);
  }
  if (PySequence_Check(value)) {
    Ref fast(check(PySequence_Fast(value, "expected a sequence")));
    const Py_ssize_t n = PySequence_Fast_GET_SIZE(fast.get());
    bool all_bool = n > 0, all_int = true, all_number = true;
    for (Py_ssize_t i = 0; i < n; i++) {
      PyObject *item = PySequence_Fast_GET_ITEM(fast.get(), i);
      const bool is_bool = PyBool_Check(item);
      const bool is_int = PyLong_Check(item);
      all_bool &= is_bool;
      all_int &= is_int && !is_bool;
      all_number &= is_int || PyFloat_Check(item);
    }
    if (all_bool) {
      auto prop = make(name, IDPropertyType::Array);
      prop->array_type = IDPropertyType::Boolean;
      std::vector<uint8_t> v(static_cast<size_t>(n));
      for (Py_ssize_t i = 0; i < n; i++) {
        v[size_t(i)] = PySequence_Fast_GET_ITEM(fast.get(), i) == Py_True;
      }
      prop->value = std::move(v);
      return prop;
    }
    if (all_int) {
      std::vector<int32_t> v(static_cast<size_t>(n));
      for (Py_ssize_t i = 0; i < n; i++) {
        int overflow = 0;
        const long long x = PyLong_AsLongLongAndOverflow(PySequence_Fast_GET_ITEM(fast.get(), i), &overflow);
        if (overflow || x < INT32_MIN || x > INT32_MAX) {
          PyErr_SetString(PyExc_OverflowError, "Python int too large to convert to C int");
          throw PyRaised();
        }
        v[size_t(i)] = int32_t(x);
      }
      return kernel::idprop_new(name, std::move(v));
    }
    if (all_number) {
      std::vector<double> v(static_cast<size_t>(n));
      for (Py_ssize_t i = 0; i < n; i++) {
        v[size_t(i)] = PyFloat_AsDouble(PySequence_Fast_GET_ITEM(fast.get(), i));
      }
      return kernel::idprop_new(name, std::move(v));
    }
    /* Lists of strings, of dicts or of lists are lists of ID properties; anything else
     * (numbers mixed with strings, None) is refused as Blender refuses it. */
    bool all_str = n > 0, all_nested = n > 0;
    for (Py_ssize_t i = 0; i < n; i++) {
      PyObject *item = PySequence_Fast_GET_ITEM(fast.get(), i);
      all_str &= PyUnicode_Check(item);
      all_nested &= PyDict_Check(item) || PyObject_TypeCheck(item, GroupType) ||
                    (PySequence_Check(item) && !PyUnicode_Check(item) && !PyBytes_Check(item));
    }
    if (!all_str && !all_nested) {
      raise(ErrorKind::Type, "only floats, ints and dicts are allowed in ID property arrays");
    }
    auto list = make(name, IDPropertyType::IDPArray);
    IDPropertyList items;
    for (Py_ssize_t i = 0; i < n; i++) {
      PyObject *item = PySequence_Fast_GET_ITEM(fast.get(), i);
      items.push_back(from_python("", item, depth + 1));
    }
    list->value = std::move(items);
    return list;
  }
  raise(ErrorKind::Type, "invalid id-property type ", Py_TYPE(value)->tp_name, " not supported");
}

/* ---- Group operations, shared by views and bpy_struct ------------------------------------ */

IDProperty *group_of(const StructHandle &owner, const std::vector<PathStep> &path, bool create)
{
  IDProperty *group = resolve_path(owner, path, create);
  if (group && group->type != IDPropertyType::Group) {
    raise_gone();
  }
  return group;
}

std::string key_of(PyObject *key, const char *context)
{
  Py_ssize_t size = 0;
  const char *text = PyUnicode_Check(key) ? PyUnicode_AsUTF8AndSize(key, &size) : nullptr;
  if (!text) {
    PyErr_Clear();
    raise(ErrorKind::Key, "invalid id-property key, expected a string, not a ",
          Py_TYPE(key)->tp_name);
  }
  return std::string(text, size_t(size));
}

PyObject *group_get(const StructHandle &owner, const std::vector<PathStep> &path, PyObject *key,
                    const char *context)
{
  const std::string name = key_of(key, context);
  IDProperty *member = kernel::idprop_find(group_of(owner, path, false), name);
  if (!member) {
    raise(ErrorKind::Key, context, ": key \"", name, "\" not found");
  }
  std::vector<PathStep> child = path;
  child.push_back({name});
  return to_python(owner, member, std::move(child));
}

void group_set(const StructHandle &owner, const std::vector<PathStep> &path, PyObject *key,
               PyObject *value, const char *context)
{
  const std::string name = key_of(key, context);
  const PointerRNA &ptr = owner.resolve();
  std::unique_ptr<IDProperty> prop = from_python(name, value);
  IDProperty *group = group_of(owner, path, true);
  kernel::data_generation_bump();
  if (ptr.main && ptr.owner_id) {
    kernel::idprop_replace(*ptr.main, ptr.owner_id, group, std::move(prop));
    ptr.main->is_dirty = true;
  }
  else {
    kernel::idprop_replace(group, std::move(prop));
  }
}

bool group_remove(const StructHandle &owner, const std::vector<PathStep> &path,
                  const std::string &name)
{
  const PointerRNA &ptr = owner.resolve();
  IDProperty *group = group_of(owner, path, false);
  if (!kernel::idprop_find(group, name)) {
    return false;
  }
  kernel::data_generation_bump();
  if (ptr.main && ptr.owner_id) {
    return kernel::idprop_remove(*ptr.main, ptr.owner_id, group, name);
  }
  return kernel::idprop_remove(group, name);
}

enum class Listing { Keys, Values, Items };

PyObject *group_listing(const StructHandle &owner, const std::vector<PathStep> &path, Listing what)
{
  Ref list(check(PyList_New(0)));
  IDProperty *group = group_of(owner, path, false);
  if (!group) {
    return list.release();
  }
  for (const auto &member : std::get<IDPropertyList>(group->value)) {
    Ref key(check(PyUnicode_FromString(member->name.c_str())));
    Ref entry;
    if (what == Listing::Keys) {
      entry = std::move(key);
    }
    else {
      std::vector<PathStep> child = path;
      child.push_back({member->name});
      Ref value(to_python(owner, member.get(), std::move(child)));
      entry = what == Listing::Values ? std::move(value) :
                                        Ref(check(PyTuple_Pack(2, key.get(), value.get())));
    }
    PyList_Append(list.get(), entry.get());
  }
  return list.release();
}

PyObject *group_get_default(const StructHandle &owner, const std::vector<PathStep> &path,
                            PyObject *args)
{
  PyObject *key = nullptr, *fallback = Py_None;
  if (!PyArg_ParseTuple(args, "O|O:get", &key, &fallback)) {
    throw PyRaised();
  }
  const std::string name = key_of(key, "get");
  IDProperty *group = group_of(owner, path, false);
  if (IDProperty *member = kernel::idprop_find(group, name)) {
    std::vector<PathStep> child = path;
    child.push_back({name});
    return to_python(owner, member, std::move(child));
  }
  Py_INCREF(fallback);
  return fallback;
}

PyObject *group_pop(const StructHandle &owner, const std::vector<PathStep> &path, PyObject *args)
{
  PyObject *key = nullptr, *fallback = nullptr;
  if (!PyArg_ParseTuple(args, "O|O:pop", &key, &fallback)) {
    throw PyRaised();
  }
  const std::string name = key_of(key, "pop");
  IDProperty *group = group_of(owner, path, false);
  IDProperty *member = kernel::idprop_find(group, name);
  if (!member) {
    if (fallback) {
      Py_INCREF(fallback);
      return fallback;
    }
    raise(ErrorKind::Key, "key not found");
  }
  Ref value(to_plain(owner, *member));
  group_remove(owner, path, name);
  return value.release();
}

/* ---- IDPropertyGroup view ------------------------------------------------------------------ */

#define GROUP_METHOD(fname, body)                                               \
  PyObject *fname(PyObject *self, PyObject *args)                               \
  {                                                                             \
    return guard<PyObject *>(nullptr, [&]() -> PyObject * {                     \
      PyIDGroup *g = as_group(self);                                            \
      (void)args;                                                               \
      body                                                                      \
    });                                                                         \
  }

GROUP_METHOD(g_keys, return group_listing(g->owner, g->path, Listing::Keys);)
GROUP_METHOD(g_values, return group_listing(g->owner, g->path, Listing::Values);)
GROUP_METHOD(g_items, return group_listing(g->owner, g->path, Listing::Items);)
GROUP_METHOD(g_get, return group_get_default(g->owner, g->path, args);)
GROUP_METHOD(g_pop, return group_pop(g->owner, g->path, args);)
GROUP_METHOD(g_to_dict, return to_plain(g->owner, *group_of(g->owner, g->path, false));)
GROUP_METHOD(g_clear, {
  IDProperty *group = group_of(g->owner, g->path, false);
  std::vector<std::string> names;
  for (const auto &member : std::get<IDPropertyList>(group->value)) {
    names.push_back(member->name);
  }
  for (const std::string &name : names) {
    group_remove(g->owner, g->path, name);
  }
  Py_RETURN_NONE;
})
GROUP_METHOD(g_update, {
  Ref items(check(PyMapping_Items(args)));
  for (Py_ssize_t i = 0; i < PyList_GET_SIZE(items.get()); i++) {
    PyObject *pair = PyList_GET_ITEM(items.get(), i);
    group_set(g->owner, g->path, PyTuple_GET_ITEM(pair, 0), PyTuple_GET_ITEM(pair, 1),
              "IDPropertyGroup.update");
  }
  Py_RETURN_NONE;
})

PyMethodDef group_methods[] = {
    {"keys", g_keys, METH_NOARGS, "The names of the properties"},
    {"values", g_values, METH_NOARGS, "The values"},
    {"items", g_items, METH_NOARGS, "(name, value) pairs"},
    {"get", g_get, METH_VARARGS, "The value, or a default"},
    {"pop", g_pop, METH_VARARGS, "Remove a property and return its value"},
    {"to_dict", g_to_dict, METH_NOARGS, "A plain dict copy"},
    {"clear", g_clear, METH_NOARGS, "Remove every property"},
    {"update", g_update, METH_O, "Set properties from a mapping"},
    {nullptr, nullptr, 0, nullptr},
};

PyObject *g_subscript(PyObject *self, PyObject *key)
{
  return guard<PyObject *>(nullptr, [&]() -> PyObject * {
    return group_get(as_group(self)->owner, as_group(self)->path, key, "IDPropertyGroup[key]");
  });
}

int g_ass_subscript(PyObject *self, PyObject *key, PyObject *value)
{
  return guard<int>(-1, [&]() -> int {
    PyIDGroup *g = as_group(self);
    if (!value) {
      const std::string name = key_of(key, "del IDPropertyGroup[key]");
      if (!group_remove(g->owner, g->path, name)) {
        raise(ErrorKind::Key, "property not found in group");
      }
      return 0;
    }
    group_set(g->owner, g->path, key, value, "IDPropertyGroup[key] = value");
    return 0;
  });
}

Py_ssize_t g_len(PyObject *self)
{
  return guard<Py_ssize_t>(-1, [&]() -> Py_ssize_t {
    IDProperty *group = group_of(as_group(self)->owner, as_group(self)->path, false);
    return group ? Py_ssize_t(std::get<IDPropertyList>(group->value).size()) : 0;
  });
}

int g_contains(PyObject *self, PyObject *key)
{
  return guard<int>(-1, [&]() -> int {
    if (!PyUnicode_Check(key)) {
      return 0;
    }
    return kernel::idprop_find(group_of(as_group(self)->owner, as_group(self)->path, false),
                               utf8_of(key)) != nullptr;
  });
}

PyObject *g_iter(PyObject *self)
{
  Ref keys(g_keys(self, nullptr));
  return keys ? PyObject_GetIter(keys.get()) : nullptr;
}

PyObject *g_repr(PyObject *self)
{
  return guard<PyObject *>(nullptr, [&]() -> PyObject * {
    Ref dict(g_to_dict(self, nullptr));
    check(dict.get());
    Ref text(check(PyObject_Repr(dict.get())));
    return PyUnicode_FromFormat("<bpy id prop: %U>", text.get());
  });
}

PyObject *g_richcompare(PyObject *self, PyObject *other, int op)
{
  if (op != Py_EQ && op != Py_NE) {
    Py_RETURN_NOTIMPLEMENTED;
  }
  return guard<PyObject *>(nullptr, [&]() -> PyObject * {
    Ref mine(g_to_dict(self, nullptr));
    check(mine.get());
    Ref theirs;
    if (PyObject_TypeCheck(other, GroupType)) {
      theirs = Ref(check(g_to_dict(other, nullptr)));
    }
    else {
      Py_INCREF(other);
      theirs = Ref(other);
    }
    return PyObject_RichCompare(mine.get(), theirs.get(), op);
  });
}

PyObject *g_name(PyObject *self, void *)
{
  PyIDGroup *g = as_group(self);
  return PyUnicode_FromString(g->path.empty() ? "" : g->path.back().name.c_str());
}

PyGetSetDef group_getset[] = {
    {"name", g_name, nullptr, "The name of this group", nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

/* ---- IDPropertyArray view ------------------------------------------------------------------- */

IDProperty *array_of(PyObject *self)
{
  IDProperty *prop = resolve_path(as_group(self)->owner, as_group(self)->path, false);
  if (!prop || prop->type != IDPropertyType::Array) {
    raise_gone();
  }
  return prop;
}

Py_ssize_t a_len(PyObject *self)
{
  return guard<Py_ssize_t>(-1, [&]() { return Py_ssize_t(kernel::idprop_length(*array_of(self))); });
}

PyObject *a_to_list(PyObject *self, PyObject *)
{
  return guard<PyObject *>(nullptr, [&]() { return to_plain(as_group(self)->owner, *array_of(self)); });
}

PyObject *a_subscript(PyObject *self, PyObject *key)
{
  return guard<PyObject *>(nullptr, [&]() -> PyObject * {
    IDProperty *prop = array_of(self);
    const int64_t n = kernel::idprop_length(*prop);
    if (PySlice_Check(key)) {
      Ref list(a_to_list(self, nullptr));
      return check(PyObject_GetItem(check(list.get()), key));
    }
    Py_ssize_t i = PyNumber_AsSsize_t(key, PyExc_IndexError);
    if (i == -1 && PyErr_Occurred()) {
      throw PyRaised();
    }
    if (i < 0) {
      i += n;
    }
    if (i < 0 || i >= n) {
      raise(ErrorKind::Index, "index out of range!");
    }
    return array_element(*prop, size_t(i));
  });
}

int a_ass_subscript(PyObject *self, PyObject *key, PyObject *value)
{
  return guard<int>(-1, [&]() -> int {
    if (!value) {
      raise(ErrorKind::Type, "IDPropertyArray: del not supported");
    }
    IDProperty *prop = array_of(self);
    const int64_t n = kernel::idprop_length(*prop);
    std::vector<std::pair<Py_ssize_t, PyObject *>> writes;
    Ref fast;
    if (PySlice_Check(key)) {
      Py_ssize_t start, stop, step;
      if (PySlice_Unpack(key, &start, &stop, &step) < 0) {
        throw PyRaised();
      }
      const Py_ssize_t count = PySlice_AdjustIndices(Py_ssize_t(n), &start, &stop, step);
      fast = Ref(check(PySequence_Fast(value, "expected a sequence")));
      if (PySequence_Fast_GET_SIZE(fast.get()) != count) {
        raise(ErrorKind::Value, "IDPropertyArray[slice] = value: size mismatch");
      }
      for (Py_ssize_t i = 0, at = start; i < count; i++, at += step) {
        writes.emplace_back(at, PySequence_Fast_GET_ITEM(fast.get(), i));
      }
    }
    else {
      Py_ssize_t i = PyNumber_AsSsize_t(key, PyExc_IndexError);
      if (i == -1 && PyErr_Occurred()) {
        throw PyRaised();
      }
      if (i < 0) {
        i += n;
      }
      if (i < 0 || i >= n) {
        raise(ErrorKind::Index, "index out of range");
      }
      writes.emplace_back(i, value);
    }
    for (auto [i, item] : writes) {
      switch (prop->array_type) {
        case IDPropertyType::Int: {
          const long v = PyLong_AsLong(item);
          if (v == -1 && PyErr_Occurred()) {
            throw PyRaised();
          }
          std::get<std::vector<int32_t>>(prop->value)[size_t(i)] = int32_t(v);
          break;
        }
        case IDPropertyType::Float:
        case IDPropertyType::Double: {
          const double v = PyFloat_AsDouble(item);
          if (v == -1.0 && PyErr_Occurred()) {
            throw PyRaised();
          }
          if (prop->array_type == IDPropertyType::Float) {
            std::get<std::vector<float>>(prop->value)[size_t(i)] = float(v);
          }
          else {
            std::get<std::vector<double>>(prop->value)[size_t(i)] = v;
          }
          break;
        }
        default: {
          const int v = PyObject_IsTrue(item);
          if (v < 0) {
            throw PyRaised();
          }
          std::get<std::vector<uint8_t>>(prop->value)[size_t(i)] = uint8_t(v);
          break;
        }
      }
    }
    return 0;
  });
}

PyObject *a_iter(PyObject *self)
{
  Ref list(a_to_list(self, nullptr));
  return list ? PyObject_GetIter(list.get()) : nullptr;
}

PyObject *a_repr(PyObject *self)
{
  Ref list(a_to_list(self, nullptr));
  return list ? PyUnicode_FromFormat("<bpy id property array %R>", list.get()) : nullptr;
}

PyObject *a_richcompare(PyObject *self, PyObject *other, int op)
{
  Ref mine(a_to_list(self, nullptr));
  if (!mine) {
    return nullptr;
  }
  Ref theirs;
  if (PyObject_TypeCheck(other, ArrayViewType)) {
    theirs = Ref(a_to_list(other, nullptr));
  }
  else if (PySequence_Check(other)) {
    theirs = Ref(PySequence_List(other));
  }
  else {
    Py_RETURN_NOTIMPLEMENTED;
  }
  return theirs ? PyObject_RichCompare(mine.get(), theirs.get(), op) : nullptr;
}

PyObject *a_typecode(PyObject *self, void *)
{
  return guard<PyObject *>(nullptr, [&]() -> PyObject * {
    switch (array_of(self)->array_type) {
      case IDPropertyType::Int: return PyUnicode_FromString("i");
      case IDPropertyType::Float: return PyUnicode_FromString("f");
      case IDPropertyType::Double: return PyUnicode_FromString("d");
      default: return PyUnicode_FromString("b");
    }
  });
}

PyMethodDef array_methods[] = {
    {"to_list", a_to_list, METH_NOARGS, "A plain list copy"},
    {nullptr, nullptr, 0, nullptr},
};

PyGetSetDef array_getset[] = {
    {"typecode", a_typecode, nullptr, "i, f, d or b", nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

/* ---- Methods on bpy_struct: the root group of an ID or PropertyGroup ------------------------ */

#define ROOT_METHOD(fname, body)                                              \
  PyObject *fname(PyObject *self, PyObject *args)                             \
  {                                                                           \
    return guard<PyObject *>(nullptr, [&]() -> PyObject * {                   \
      const StructHandle &owner = reinterpret_cast<PyStruct *>(self)->handle; \
      const std::vector<PathStep> root;                                       \
      (void)args;                                                             \
      body                                                                    \
    });                                                                       \
  }

#define ROOT_SUPPORT(method)                                                               \
  if (!rna::supports_idprops(owner.resolve())) {                                           \
    raise(ErrorKind::Type, "bpy_struct." method "(): this type doesn't support IDProperties"); \
  }

ROOT_METHOD(s_keys, ROOT_SUPPORT("keys") return group_listing(owner, root, Listing::Keys);)
ROOT_METHOD(s_values, ROOT_SUPPORT("values") return group_listing(owner, root, Listing::Values);)
ROOT_METHOD(s_items, ROOT_SUPPORT("items") return group_listing(owner, root, Listing::Items);)
ROOT_METHOD(s_get, return group_get_default(owner, root, args);)
ROOT_METHOD(s_pop, return group_pop(owner, root, args);)
ROOT_METHOD(s_ensure, {
  group_of(owner, root, true);
  return make_view(GroupType, owner, {});
})
ROOT_METHOD(s_clear, {
  const PointerRNA &ptr = owner.resolve();
  if (IDProperty *group = rna::idprop_container(ptr, false)) {
    std::vector<std::string> names;
    for (const auto &member : std::get<IDPropertyList>(group->value)) {
      names.push_back(member->name);
    }
    for (const std::string &name : names) {
      group_remove(owner, root, name);
    }
  }
  Py_RETURN_NONE;
})

}  // namespace

PyMethodDef idprop_struct_methods[] = {
    {"keys", s_keys, METH_NOARGS, "The names of the custom properties"},
    {"values", s_values, METH_NOARGS, "The custom property values"},
    {"items", s_items, METH_NOARGS, "(name, value) pairs of the custom properties"},
    {"get", s_get, METH_VARARGS, "A custom property, or a default"},
    {"pop", s_pop, METH_VARARGS, "Remove a custom property and return its value"},
    {"id_properties_ensure", s_ensure, METH_NOARGS, "The custom property group, created if needed"},
    {"id_properties_clear", s_clear, METH_NOARGS, "Remove every custom property"},
    {nullptr, nullptr, 0, nullptr},
};

/** Structs without custom properties have no subscript at all, in Blender's words. */
static void check_subscript_support(PyStruct *self)
{
  if (!rna::supports_idprops(self->handle.resolve())) {
    raise(ErrorKind::Attribute, "bpy_struct: no __getitem__ support for this type");
  }
}

PyObject *idprop_subscript(PyStruct *self, PyObject *key)
{
  return guard<PyObject *>(nullptr, [&]() -> PyObject * {
    check_subscript_support(self);
    return group_get(self->handle, {}, key, "bpy_struct[key]");
  });
}

int idprop_ass_subscript(PyStruct *self, PyObject *key, PyObject *value)
{
  return guard<int>(-1, [&]() -> int {
    check_subscript_support(self);
    if (!value) {
      const std::string name = key_of(key, "del bpy_struct[key]");
      if (!group_remove(self->handle, {}, name)) {
        raise(ErrorKind::Key, "property not found in group");
      }
      return 0;
    }
    group_set(self->handle, {}, key, value, "bpy_struct[key] = val");
    return 0;
  });
}

int idprop_contains(PyStruct *self, PyObject *key)
{
  return guard<int>(-1, [&]() -> int {
    if (!PyUnicode_Check(key)) {
      raise(ErrorKind::Type, "bpy_struct.__contains__: expected a string");
    }
    return kernel::idprop_find(group_of(self->handle, {}, false), utf8_of(key)) != nullptr;
  });
}

void init_idprop_types(PyObject *module)
{
  static PyType_Slot group_slots[] = {
      {Py_tp_dealloc, reinterpret_cast<void *>(view_dealloc)},
      {Py_tp_methods, group_methods},
      {Py_tp_getset, group_getset},
      {Py_tp_iter, reinterpret_cast<void *>(g_iter)},
      {Py_tp_repr, reinterpret_cast<void *>(g_repr)},
      {Py_tp_richcompare, reinterpret_cast<void *>(g_richcompare)},
      {Py_mp_subscript, reinterpret_cast<void *>(g_subscript)},
      {Py_mp_ass_subscript, reinterpret_cast<void *>(g_ass_subscript)},
      {Py_mp_length, reinterpret_cast<void *>(g_len)},
      {Py_sq_contains, reinterpret_cast<void *>(g_contains)},
      {0, nullptr},
  };
  static PyType_Spec group_spec = {"idprop.types.IDPropertyGroup", sizeof(PyIDGroup), 0,
                                   Py_TPFLAGS_DEFAULT, group_slots};
  GroupType = make_type(group_spec);
  Py_INCREF(GroupType);
  PyModule_AddObject(module, "IDPropertyGroup", reinterpret_cast<PyObject *>(GroupType));

  static PyType_Slot array_slots[] = {
      {Py_tp_dealloc, reinterpret_cast<void *>(view_dealloc)},
      {Py_tp_methods, array_methods},
      {Py_tp_getset, array_getset},
      {Py_tp_iter, reinterpret_cast<void *>(a_iter)},
      {Py_tp_repr, reinterpret_cast<void *>(a_repr)},
      {Py_tp_richcompare, reinterpret_cast<void *>(a_richcompare)},
      {Py_mp_subscript, reinterpret_cast<void *>(a_subscript)},
      {Py_mp_ass_subscript, reinterpret_cast<void *>(a_ass_subscript)},
      {Py_mp_length, reinterpret_cast<void *>(a_len)},
      {Py_sq_length, reinterpret_cast<void *>(a_len)},
      {0, nullptr},
  };
  static PyType_Spec array_spec = {"idprop.types.IDPropertyArray", sizeof(PyIDGroup), 0,
                                   Py_TPFLAGS_DEFAULT, array_slots};
  ArrayViewType = make_type(array_spec);
  Py_INCREF(ArrayViewType);
  PyModule_AddObject(module, "IDPropertyArray", reinterpret_cast<PyObject *>(ArrayViewType));
}

}  // namespace whisk::python
