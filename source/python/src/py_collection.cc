// bpy_prop_collection: a collection property (bpy.data.objects, scene.view_layers) seen as
// a Python sequence and mapping. It holds the parent's handle and the property, and asks
// RNA again on every access, so it never outlives what it names.

#include <algorithm>
#include <cmath>

#include "bridge.hh"
#include "whisk/kernel/main.hh"
#include "whisk/rna/runtime.hh"
#include "whisk/rna/structs.hh"

namespace whisk::python {

PyTypeObject *CollectionType = nullptr;
PyTypeObject *CollectionIterType = nullptr;

static PyCollection *as_coll(PyObject *o) { return reinterpret_cast<PyCollection *>(o); }

PyObject *wrap_collection(const StructHandle &parent, const PropertyRNA *prop)
{
  PyObject *obj = CollectionType->tp_alloc(CollectionType, 0);
  if (!obj) {
    throw PyRaised();
  }
  new (&as_coll(obj)->parent) StructHandle(parent);
  as_coll(obj)->prop = prop;
  return obj;
}

static void coll_dealloc(PyObject *self)
{
  PyTypeObject *type = Py_TYPE(self);
  as_coll(self)->parent.~StructHandle();
  type->tp_free(self);
  Py_DECREF(type);
}

static int64_t coll_length(PyCollection *c)
{
  return rna::collection_length(c->parent.resolve(), *c->prop);
}

static PyObject *coll_item_at(PyCollection *c, int64_t index)
{
  const PointerRNA &parent = c->parent.resolve();
  return wrap_struct(c->parent.slot(), rna::collection_at(parent, *c->prop, index));
}

/** The item a name or (name, library) key names, or nullopt. */
static std::optional<PointerRNA> coll_lookup(PyCollection *c, PyObject *key, const char *method)
{
  const PointerRNA &parent = c->parent.resolve();
  if (PyUnicode_Check(key)) {
    Py_ssize_t size = 0;
    const char *text = PyUnicode_AsUTF8AndSize(key, &size);
    if (!text) {
      /* Not UTF-8 (lone surrogates): no name can match it. */
      PyErr_Clear();
      raise(ErrorKind::Type, method, ": expected a string or a tuple of strings");
    }
    return rna::collection_lookup(parent, *c->prop, std::string_view(text, size_t(size)));
  }
  if (PyTuple_Check(key)) {
    if (PyTuple_GET_SIZE(key) != 2) {
      raise(ErrorKind::Key, "bpy_prop_collection[id, lib]: tuple key must be a pair, not size ",
            PyTuple_GET_SIZE(key));
    }
    PyObject *name = PyTuple_GET_ITEM(key, 0);
    PyObject *lib = PyTuple_GET_ITEM(key, 1);
    if (!PyUnicode_Check(name)) {
      raise(ErrorKind::Key, "bpy_prop_collection[id, lib]: id must be a string, not ",
            Py_TYPE(name)->tp_name);
    }
    const std::string_view name_view = utf8_of(name);
    const StructRNA *item = c->prop->item_type;
    if (!item || !item->id_type || parent.data != static_cast<void *>(parent.main)) {
      raise(ErrorKind::Key, method, "((name, library)): only for ID collections of bpy.data");
    }
    const void *library = nullptr;
    if (lib == Py_None) {
      library = nullptr;
    }
    else if (PyUnicode_Check(lib)) {
      /* The library is named by its file path, as Blender does. */
      const std::string_view lib_path = utf8_of(lib);
      for (dna::ID *candidate : parent.main->list(dna::IDType::Library)) {
        PointerRNA lib_ptr = rna::pointer_from_id(parent.main, candidate);
        const AttrEntry *filepath = attr_lookup(lib_ptr.type, "filepath");
        if (filepath && filepath->prop && rna::get_string(lib_ptr, *filepath->prop) == lib_path) {
          library = candidate;
        }
      }
      if (!library) {
        if (std::string_view(method) != "bpy_prop_collection[key]") {
          return std::nullopt; /* `in` and get() answer no */
        }
        raise(ErrorKind::Key, "bpy_prop_collection[id, lib]: lib filepath '", lib_path,
              "' does not reference a valid library");
      }
    }
    else if (is_struct(lib)) {
      library = reinterpret_cast<PyStruct *>(lib)->handle.resolve().owner_id;
    }
    else {
      raise(ErrorKind::Key, "bpy_prop_collection[id, lib]: lib must be a string or None, not ",
            Py_TYPE(lib)->tp_name);
    }
    if (dna::ID *id = parent.main->find(*item->id_type, name_view, library)) {
      return rna::pointer_from_id(parent.main, id);
    }
    return std::nullopt;
  }
  if (std::string_view(method) == "bpy_prop_collection[key]") {
    raise(ErrorKind::Type, method, ": invalid key, must be a string or an int, not ",
          Py_TYPE(key)->tp_name);
  }
  raise(ErrorKind::Type, method, ": expected a string or a tuple of strings");
}

static Py_ssize_t coll_len(PyObject *self)
{
  return guard<Py_ssize_t>(-1, [&]() { return Py_ssize_t(coll_length(as_coll(self))); });
}

static PyObject *coll_subscript(PyObject *self, PyObject *key)
{
  return guard<PyObject *>(nullptr, [&]() -> PyObject * {
    PyCollection *c = as_coll(self);
    if (PyIndex_Check(key)) {
      const Py_ssize_t raw = PyNumber_AsSsize_t(key, PyExc_IndexError);
      if (raw == -1 && PyErr_Occurred()) {
        throw PyRaised();
      }
      const int64_t length = coll_length(c);
      const int64_t index = raw < 0 ? raw + length : raw;
      if (index < 0 || index >= length) {
        if (raw < 0) {
          raise(ErrorKind::Index, "bpy_prop_collection[", raw, "]: out of range.");
        }
        raise(ErrorKind::Index, "bpy_prop_collection[index]: index ", raw, " out of range, size ",
              length);
      }
      return coll_item_at(c, index);
    }
    if (PySlice_Check(key)) {
      Py_ssize_t start, stop, step;
      if (PySlice_Unpack(key, &start, &stop, &step) < 0) {
        throw PyRaised();
      }
      const Py_ssize_t count = PySlice_AdjustIndices(Py_ssize_t(coll_length(c)), &start, &stop,
                                                     step);
      Ref list(check(PyList_New(count)));
      for (Py_ssize_t i = 0, at = start; i < count; i++, at += step) {
        PyList_SET_ITEM(list.get(), i, coll_item_at(c, at));
      }
      return list.release();
    }
    std::optional<PointerRNA> item = coll_lookup(c, key, "bpy_prop_collection[key]");
    if (!item) {
      if (PyUnicode_Check(key)) {
        raise(ErrorKind::Key, "bpy_prop_collection[key]: key \"", utf8_of(key), "\" not found");
      }
      raise(ErrorKind::Key, "bpy_prop_collection[key, lib]: not found");
    }
    return wrap_struct(c->parent.slot(), *item);
  });
}

static PyObject *coll_item(PyObject *self, Py_ssize_t index)
{
  Ref key(PyLong_FromSsize_t(index));
  return key ? coll_subscript(self, key.get()) : nullptr;
}

/** `collection[index] = value`: only an int index (negative counts from the end) of a
 * collection whose items can be assigned (mesh.materials); Blender's messages otherwise. */
static int coll_ass_subscript(PyObject *self, PyObject *key, PyObject *value)
{
  return guard<int>(-1, [&]() -> int {
    PyCollection *c = as_coll(self);
    if (!value) {
      raise(ErrorKind::Type, "del bpy_prop_collection[key]: not supported");
    }
    if (!PyIndex_Check(key) && !PySlice_Check(key)) {
      raise(ErrorKind::Type, "bpy_prop_collection[key]: invalid key, must be a string or an "
                             "int, not ",
            Py_TYPE(key)->tp_name);
    }
    /* The value first: None or a struct of the item type. */
    PointerRNA item;
    if (value != Py_None) {
      if (!is_struct(value)) {
        raise(ErrorKind::Type, "bpy_prop_collection[key] = value: invalid, expected a "
                               "StructRNA type or None, not a ",
              Py_TYPE(value)->tp_name);
      }
      item = reinterpret_cast<PyStruct *>(value)->handle.resolve();
      const StructRNA *expected = c->prop->item_type;
      if (expected && !item.type->is_a(expected)) {
        raise(ErrorKind::Type, "bpy_prop_collection[key] = value: invalid, expected a '",
              expected->identifier, "' type or None, not a '", item.type->identifier, "'");
      }
    }
    if (PySlice_Check(key)) {
      raise(ErrorKind::Type, "bpy_prop_collection[key]: invalid key, must be a string or an "
                             "int, not slice");
    }
    const Py_ssize_t raw = PyNumber_AsSsize_t(key, PyExc_IndexError);
    if (raw == -1 && PyErr_Occurred()) {
      throw PyRaised();
    }
    const PointerRNA &parent = c->parent.resolve();
    const int64_t length = rna::collection_length(parent, *c->prop);
    const int64_t index = raw < 0 ? raw + length : raw;
    if (index < 0) {
      raise(ErrorKind::Index, "bpy_prop_collection[", raw, "]: out of range.");
    }
    if (index >= length) {
      raise(ErrorKind::Index, "bpy_prop_collection[index] = value: index ", raw,
            " out of range, size ", length);
    }
    if (!c->prop->collection_assign) {
      raise(ErrorKind::Index, "bpy_prop_collection[index] = value: failed assignment (unknown "
                              "reason)");
    }
    rna::collection_assign(parent, *c->prop, index, item);
    return 0;
  });
}

static int coll_contains(PyObject *self, PyObject *key)
{
  return guard<int>(-1, [&]() -> int {
    return coll_lookup(as_coll(self), key, "bpy_prop_collection.__contains__").has_value();
  });
}

/* ---- Iteration --------------------------------------------------------------------------- */

struct PyCollectionIter {
  PyObject_HEAD
  PyObject *collection;
  int64_t index;
  /** Collections of IDs iterate over the IDs present when iteration began, found again
   * by session uid: renaming (which re-sorts) visits each ID once, and removed IDs are
   * skipped. Other collections go by index. */
  std::vector<uint32_t> *uids;
};

static PyObject *coll_iter(PyObject *self)
{
  return guard<PyObject *>(nullptr, [&]() -> PyObject * {
    PyCollection *c = as_coll(self);
    std::vector<uint32_t> uids;
    bool by_uid = false;
    const int64_t length = coll_length(c);
    const PointerRNA &parent = c->parent.resolve();
    for (int64_t i = 0; i < length; i++) {
      const PointerRNA item = rna::collection_at(parent, *c->prop, i);
      /* Embedded IDs (a master collection) are not in Main's lists: those go by index. */
      const bool is_id = item.owner_id && item.data == static_cast<void *>(item.owner_id) &&
                         !(item.owner_id->flag & dna::ID_FLAG_EMBEDDED);
      if (i == 0) {
        by_uid = is_id;
      }
      if (!by_uid || !is_id) {
        by_uid = false;
        break;
      }
      uids.push_back(item.owner_id->session_uid);
    }
    PyObject *it = CollectionIterType->tp_alloc(CollectionIterType, 0);
    if (!it) {
      throw PyRaised();
    }
    auto *iter = reinterpret_cast<PyCollectionIter *>(it);
    Py_INCREF(self);
    iter->collection = self;
    iter->index = 0;
    iter->uids = by_uid ? new std::vector<uint32_t>(std::move(uids)) : nullptr;
    return it;
  });
}

static PyObject *iter_next(PyObject *self)
{
  return guard<PyObject *>(nullptr, [&]() -> PyObject * {
    auto *it = reinterpret_cast<PyCollectionIter *>(self);
    PyCollection *c = as_coll(it->collection);
    if (it->uids) {
      const PointerRNA &parent = c->parent.resolve();
      while (it->index < int64_t(it->uids->size())) {
        const uint32_t uid = (*it->uids)[size_t(it->index++)];
        dna::ID *id = parent.main->find_by_session_uid(uid);
        if (!id) {
          /* Evaluated copies (Depsgraph.objects) live outside Main's lists. */
          id = parent.main->find_evaluated_by_session_uid(uid);
        }
        if (id) {
          return wrap_struct(c->parent.slot(), rna::pointer_from_id(parent.main, id));
        }
      }
      return nullptr;
    }
    /* By index, asking for the length each step: items added or removed while iterating
     * shift what comes next, but nothing can dangle. */
    if (it->index >= coll_length(c)) {
      return nullptr;
    }
    return coll_item_at(c, it->index++);
  });
}

static void iter_dealloc(PyObject *self)
{
  PyTypeObject *type = Py_TYPE(self);
  Py_XDECREF(reinterpret_cast<PyCollectionIter *>(self)->collection);
  delete reinterpret_cast<PyCollectionIter *>(self)->uids;
  type->tp_free(self);
  Py_DECREF(type);
}

/* ---- Methods ------------------------------------------------------------------------------ */

static PyObject *item_key(const PointerRNA &item, int64_t index)
{
  if (item.type && item.type->name_property) {
    const std::string name = item.type->name_property->get_string(item);
    return check(PyUnicode_DecodeUTF8(name.data(), Py_ssize_t(name.size()), "surrogateescape"));
  }
  return PyLong_FromLongLong(index);
}

enum class Listing { Keys, Values, Items };

static PyObject *coll_listing(PyObject *self, Listing what)
{
  return guard<PyObject *>(nullptr, [&]() -> PyObject * {
    PyCollection *c = as_coll(self);
    const int64_t length = coll_length(c);
    Ref list(check(PyList_New(0)));
    for (int64_t i = 0; i < length; i++) {
      const PointerRNA item = rna::collection_at(c->parent.resolve(), *c->prop, i);
      Ref entry;
      if (what == Listing::Keys) {
        entry = Ref(item_key(item, i));
      }
      else if (what == Listing::Values) {
        entry = Ref(wrap_struct(c->parent.slot(), item));
      }
      else {
        Ref key(item_key(item, i));
        Ref value(wrap_struct(c->parent.slot(), item));
        entry = Ref(check(PyTuple_Pack(2, key.get(), value.get())));
      }
      PyList_Append(list.get(), entry.get());
    }
    return list.release();
  });
}

static PyObject *m_keys(PyObject *self, PyObject *) { return coll_listing(self, Listing::Keys); }
static PyObject *m_values(PyObject *self, PyObject *)
{
  return coll_listing(self, Listing::Values);
}
static PyObject *m_items(PyObject *self, PyObject *) { return coll_listing(self, Listing::Items); }

static PyObject *m_get(PyObject *self, PyObject *args)
{
  return guard<PyObject *>(nullptr, [&]() -> PyObject * {
    PyObject *key = nullptr, *fallback = Py_None;
    if (!PyArg_ParseTuple(args, "O|O:get", &key, &fallback)) {
      throw PyRaised();
    }
    PyCollection *c = as_coll(self);
    if (std::optional<PointerRNA> item = coll_lookup(c, key, "bpy_prop_collection.get")) {
      return wrap_struct(c->parent.slot(), *item);
    }
    Py_INCREF(fallback);
    return fallback;
  });
}

static PyObject *m_find(PyObject *self, PyObject *key)
{
  return guard<PyObject *>(nullptr, [&]() -> PyObject * {
    if (!PyUnicode_Check(key)) {
      raise(ErrorKind::Type, "bpy_prop_collection.find(): expected a string, not ",
            Py_TYPE(key)->tp_name);
    }
    PyCollection *c = as_coll(self);
    std::optional<PointerRNA> item = coll_lookup(c, key, "bpy_prop_collection.find");
    if (item) {
      const int64_t length = coll_length(c);
      for (int64_t i = 0; i < length; i++) {
        if (rna::collection_at(c->parent.resolve(), *c->prop, i).data == item->data) {
          return PyLong_FromLongLong(i);
        }
      }
    }
    return PyLong_FromLong(-1);
  });
}

/** foreach_get/foreach_set: one property of every item, flattened, into or out of a
 * Python sequence or any writable buffer (array.array, numpy). */
static PyObject *foreach(PyObject *self, PyObject *args, bool set)
{
  return guard<PyObject *>(nullptr, [&]() -> PyObject * {
    const char *name = nullptr;
    PyObject *seq = nullptr;
    if (!PyArg_ParseTuple(args, set ? "sO:foreach_set" : "sO:foreach_get", &name, &seq)) {
      throw PyRaised();
    }
    const char *method = set ? "foreach_set" : "foreach_get";
    PyCollection *c = as_coll(self);
    const int64_t count = coll_length(c);
    const StructRNA *item_type = c->prop->item_type;
    const AttrEntry *entry = attr_lookup(item_type, name);
    if (!PySequence_Check(seq)) {
      raise(ErrorKind::Type, "couldn't access the py sequence");
    }
    if (!entry) {
      raise(ErrorKind::Attribute, method, "('", name, "', ...): ",
            item_type ? item_type->identifier : "?", " has no property '", name, "'");
    }
    if (!entry->prop || entry->prop->type == rna::PropertyType::Pointer ||
        entry->prop->type == rna::PropertyType::Collection ||
        entry->prop->type == rna::PropertyType::String || entry->prop->type == rna::PropertyType::Enum)
    {
      raise(ErrorKind::Runtime, "internal error setting the array"); /* Blender's words */
    }
    const PropertyRNA &prop = *entry->prop;
    if (foreach_raw(c->parent.resolve(), *c->prop, prop, seq, set) ||
        (set && foreach_bulk_set(c->parent.resolve(), *c->prop, prop, seq)))
    {
      Py_RETURN_NONE;
    }
    std::vector<PointerRNA> items;
    items.reserve(size_t(count));
    for (int64_t i = 0; i < count; i++) {
      items.push_back(rna::collection_at(c->parent.resolve(), *c->prop, i));
    }
    const int width = items.empty() ? std::max(prop.array_length(), 1) :
                                      std::max(rna::property_array_length(items[0], prop), 1);
    const Py_ssize_t total = Py_ssize_t(count) * width;
    const Py_ssize_t given = PyObject_Length(seq);
    if (given < 0) {
      throw PyRaised();
    }
    if (given != total) {
      raise(ErrorKind::Runtime, "internal error setting the array");
    }
    std::vector<double> values(static_cast<size_t>(total));
    if (set) {
      Ref fast(check(PySequence_Fast(seq, "foreach_set: expected a sequence")));
      for (Py_ssize_t i = 0; i < total; i++) {
        const double v = PyFloat_AsDouble(PySequence_Fast_GET_ITEM(fast.get(), i));
        if (v == -1.0 && PyErr_Occurred()) {
          PyErr_Clear();
          raise(ErrorKind::Type, "couldn't access the py sequence");
        }
        /* Numbers are clamped to the hard range, as the setters do. */
        const bool number = prop.type == rna::PropertyType::Int ||
                            prop.type == rna::PropertyType::Float;
        values[size_t(i)] = (!number || std::isnan(v)) ? v :
                                                         std::clamp(v, prop.hard_min, prop.hard_max);
      }
      /* Elements of structure-of-arrays data (index >= 0) update their container, the
       * same for every item: one update after all writes, not a million. */
      const bool elements = !items.empty() && items[0].index >= 0;
      for (int64_t i = 0; i < count; i++) {
        const PointerRNA &item = items[size_t(i)];
        for (int k = 0; k < width; k++) {
          const double v = values[size_t(i * width + k)];
          const int index = prop.is_array() ? k : 0;
          switch (prop.type) {
            case rna::PropertyType::Float: prop.set_float(item, index, v); break;
            case rna::PropertyType::Int: prop.set_int(item, index, int64_t(v)); break;
            default: prop.set_bool(item, index, v != 0.0); break;
          }
        }
        if (!elements) {
          rna::property_changed(item, prop);
        }
      }
      if (elements) {
        rna::property_changed(items[0], prop);
      }
      Py_RETURN_NONE;
    }
    for (int64_t i = 0; i < count; i++) {
      std::vector<double> one = read_array(items[size_t(i)], prop);
      std::copy(one.begin(), one.begin() + std::min<size_t>(one.size(), size_t(width)),
                values.begin() + i * width);
    }
    for (Py_ssize_t i = 0; i < total; i++) {
      Ref v(prop.type == rna::PropertyType::Float ? PyFloat_FromDouble(values[size_t(i)]) :
            prop.type == rna::PropertyType::Int   ? PyLong_FromLongLong(int64_t(values[size_t(i)])) :
                                                    PyBool_FromLong(values[size_t(i)] != 0.0));
      if (PySequence_SetItem(seq, i, v.get()) < 0) {
        PyErr_Clear();
        raise(ErrorKind::Type, "couldn't access the py sequence");
      }
    }
    Py_RETURN_NONE;
  });
}

static PyObject *m_foreach_get(PyObject *self, PyObject *args) { return foreach(self, args, false); }
static PyObject *m_foreach_set(PyObject *self, PyObject *args) { return foreach(self, args, true); }

/* Run-time collections (bpy.props.CollectionProperty) add, remove, clear and move items. */
static PyObject *m_add(PyObject *self, PyObject *)
{
  return guard<PyObject *>(nullptr, [&]() -> PyObject * {
    PyCollection *c = as_coll(self);
    const PointerRNA &parent = c->parent.resolve();
    return wrap_struct(c->parent.slot(), rna::runtime_collection_add(parent, *c->prop));
  });
}

static PyObject *m_remove(PyObject *self, PyObject *arg)
{
  return guard<PyObject *>(nullptr, [&]() -> PyObject * {
    if (!PyLong_Check(arg)) {
      raise(ErrorKind::Type, "bpy_prop_collection.remove(): expected one int argument");
    }
    const long index = PyLong_AsLong(arg);
    PyCollection *c = as_coll(self);
    const PointerRNA &parent = c->parent.resolve();
    if (index < 0 || index >= rna::collection_length(parent, *c->prop)) {
      Py_RETURN_NONE; /* out of range: nothing happens, as in Blender */
    }
    rna::runtime_collection_remove(parent, *c->prop, index);
    Py_RETURN_NONE;
  });
}

static PyObject *m_clear(PyObject *self, PyObject *)
{
  return guard<PyObject *>(nullptr, [&]() -> PyObject * {
    PyCollection *c = as_coll(self);
    rna::runtime_collection_clear(c->parent.resolve(), *c->prop);
    Py_RETURN_NONE;
  });
}

static PyObject *m_move(PyObject *self, PyObject *args)
{
  return guard<PyObject *>(nullptr, [&]() -> PyObject * {
    long from = 0, to = 0;
    if (!PyArg_ParseTuple(args, "ll:move", &from, &to)) {
      throw PyRaised();
    }
    PyCollection *c = as_coll(self);
    const PointerRNA &parent = c->parent.resolve();
    const int64_t length = rna::collection_length(parent, *c->prop);
    if (from < 0 || from >= length || to < 0 || to >= length) {
      Py_RETURN_NONE; /* out of range: nothing happens, as in Blender */
    }
    rna::runtime_collection_move(parent, *c->prop, from, to);
    Py_RETURN_NONE;
  });
}

static PyObject *m_path_from_id(PyObject *self, PyObject *)
{
  return guard<PyObject *>(nullptr, [&]() -> PyObject * {
    PyCollection *c = as_coll(self);
    std::optional<std::string> path = rna::path_from_id(c->parent.resolve(), c->prop);
    if (!path) {
      const PointerRNA &parent = c->parent.resolve();
      raise(ErrorKind::Value, parent.type->identifier, ".", c->prop->identifier,
            ".path_from_id() does not support path creation for this type");
    }
    return PyUnicode_FromStringAndSize(path->data(), Py_ssize_t(path->size()));
  });
}

static PyMethodDef coll_methods[] = {
    {"keys", m_keys, METH_NOARGS, "The names of the items"},
    {"values", m_values, METH_NOARGS, "The items"},
    {"items", m_items, METH_NOARGS, "(name, item) pairs"},
    {"get", m_get, METH_VARARGS, "The item with this name, or the default"},
    {"find", m_find, METH_O, "The index of the item with this name, or -1"},
    {"foreach_get", m_foreach_get, METH_VARARGS, "Read one property of every item, flattened"},
    {"foreach_set", m_foreach_set, METH_VARARGS, "Write one property of every item, flattened"},
    {"add", m_add, METH_NOARGS, "Add an item (run-time collections)"},
    {"remove", m_remove, METH_O, "Remove the item at an index (run-time collections)"},
    {"clear", m_clear, METH_NOARGS, "Remove every item (run-time collections)"},
    {"move", m_move, METH_VARARGS, "Move an item (run-time collections)"},
    {"path_from_id", m_path_from_id, METH_NOARGS, "Path from the owning ID"},
    {nullptr, nullptr, 0, nullptr},
};

/* Functions and properties of the collection's own struct (BlendDataObjects.new,
 * LayerObjects.active) come before the Python methods above. */
static PyObject *coll_getattro(PyObject *self, PyObject *name)
{
  return guard<PyObject *>(nullptr, [&]() -> PyObject * {
    PyCollection *c = as_coll(self);
    const std::string_view key = utf8_of(name);
    if (c->prop->functions_type && !key.empty() && key[0] != '_') {
      if (const AttrEntry *entry = attr_lookup(c->prop->functions_type, key)) {
        const PointerRNA &parent = c->parent.resolve();
        if (entry->func) {
          return wrap_function(c->parent, entry->func, c->prop->functions_type);
        }
        PointerRNA as_funcs = parent;
        as_funcs.type = c->prop->functions_type;
        return property_value(c->parent, as_funcs, *entry->prop);
      }
    }
    if (key == "id_data") {
      const PointerRNA &parent = c->parent.resolve();
      if (!parent.owner_id) {
        Py_RETURN_NONE;
      }
      return wrap_struct(c->parent.slot(), rna::pointer_from_id(parent.main, parent.owner_id));
    }
    if (key == "data") {
      return wrap_handle(c->parent);
    }
    if (key == "rna_type" || key == "bl_rna") {
      const StructRNA *type = c->prop->functions_type ? c->prop->functions_type : c->prop->item_type;
      return wrap_struct(nullptr, rna::pointer_from_struct_rna(type));
    }
    return PyObject_GenericGetAttr(self, name);
  });
}

static int coll_setattro(PyObject *self, PyObject *name, PyObject *value)
{
  return guard<int>(-1, [&]() -> int {
    PyCollection *c = as_coll(self);
    const std::string_view key = utf8_of(name);
    if (c->prop->functions_type && value) {
      if (const AttrEntry *entry = attr_lookup(c->prop->functions_type, key)) {
        if (entry->prop) {
          PointerRNA as_funcs = c->parent.resolve();
          as_funcs.type = c->prop->functions_type;
          set_property_value(as_funcs, *entry->prop, value);
          return 0;
        }
      }
    }
    return PyObject_GenericSetAttr(self, name, value);
  });
}

static PyObject *coll_repr(PyObject *self)
{
  return guard<PyObject *>(nullptr, [&]() -> PyObject * {
    PyCollection *c = as_coll(self);
    const PointerRNA &parent = c->parent.resolve();
    if (parent.owner_id) {
      if (std::optional<std::string> path = python_path(parent, c->prop)) {
        return PyUnicode_FromStringAndSize(path->data(), Py_ssize_t(path->size()));
      }
    }
    const StructRNA *type = c->prop->functions_type ? c->prop->functions_type : parent.type;
    return PyUnicode_FromFormat("<bpy_collection[%lld], %s>", (long long)coll_length(c),
                                type->identifier.c_str());
  });
}

static PyObject *coll_richcompare(PyObject *a, PyObject *b, int op)
{
  if ((op != Py_EQ && op != Py_NE) || !PyObject_TypeCheck(b, CollectionType)) {
    Py_RETURN_NOTIMPLEMENTED;
  }
  return guard<PyObject *>(nullptr, [&]() -> PyObject * {
    const bool equal = as_coll(a)->prop == as_coll(b)->prop &&
                       as_coll(a)->parent.resolve().data == as_coll(b)->parent.resolve().data;
    return PyBool_FromLong(op == Py_EQ ? equal : !equal);
  });
}

static int coll_bool(PyObject *self)
{
  return guard<int>(-1, [&]() { return coll_length(as_coll(self)) > 0 ? 1 : 0; });
}

void init_collection_type(PyObject *module)
{
  static PyType_Slot slots[] = {
      {Py_tp_dealloc, reinterpret_cast<void *>(coll_dealloc)},
      {Py_tp_getattro, reinterpret_cast<void *>(coll_getattro)},
      {Py_tp_setattro, reinterpret_cast<void *>(coll_setattro)},
      {Py_tp_repr, reinterpret_cast<void *>(coll_repr)},
      {Py_tp_iter, reinterpret_cast<void *>(coll_iter)},
      {Py_tp_methods, coll_methods},
      {Py_tp_richcompare, reinterpret_cast<void *>(coll_richcompare)},
      {Py_mp_length, reinterpret_cast<void *>(coll_len)},
      {Py_mp_subscript, reinterpret_cast<void *>(coll_subscript)},
      {Py_mp_ass_subscript, reinterpret_cast<void *>(coll_ass_subscript)},
      {Py_sq_length, reinterpret_cast<void *>(coll_len)},
      {Py_sq_item, reinterpret_cast<void *>(coll_item)},
      {Py_sq_contains, reinterpret_cast<void *>(coll_contains)},
      {Py_nb_bool, reinterpret_cast<void *>(coll_bool)},
      {0, nullptr},
  };
  static PyType_Spec spec = {"bpy.types.bpy_prop_collection", sizeof(PyCollection), 0,
                             Py_TPFLAGS_DEFAULT, slots};
  CollectionType = make_type(spec);
  Py_INCREF(CollectionType);
  PyModule_AddObject(module, "bpy_prop_collection", reinterpret_cast<PyObject *>(CollectionType));

  static PyType_Slot iter_slots[] = {
      {Py_tp_dealloc, reinterpret_cast<void *>(iter_dealloc)},
      {Py_tp_iter, reinterpret_cast<void *>(PyObject_SelfIter)},
      {Py_tp_iternext, reinterpret_cast<void *>(iter_next)},
      {0, nullptr},
  };
  static PyType_Spec iter_spec = {"bpy.types.bpy_prop_collection_iter", sizeof(PyCollectionIter),
                                  0, Py_TPFLAGS_DEFAULT, iter_slots};
  CollectionIterType = make_type(iter_spec);
}

}  // namespace whisk::python
