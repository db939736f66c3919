// bpy_prop_array: an array property (rotation_axis_angle, a boolean layer mask) as a
// Python sequence that reads and writes the property on every access. It is also the
// owner that mathutils values (ob.location as a Vector) write through.

#include "bridge.hh"

namespace whisk::python {

PyTypeObject *ArrayType = nullptr;

static PyArray *as_array(PyObject *o) { return reinterpret_cast<PyArray *>(o); }

PyObject *wrap_array(const StructHandle &parent, const PropertyRNA *prop)
{
  PyObject *obj = ArrayType->tp_alloc(ArrayType, 0);
  if (!obj) {
    throw PyRaised();
  }
  new (&as_array(obj)->parent) StructHandle(parent);
  as_array(obj)->prop = prop;
  return obj;
}

static void array_dealloc(PyObject *self)
{
  PyTypeObject *type = Py_TYPE(self);
  as_array(self)->parent.~StructHandle();
  type->tp_free(self);
  Py_DECREF(type);
}

static int array_length(PyArray *a)
{
  return rna::property_array_length(a->parent.resolve(), *a->prop);
}

static PyObject *element(PyArray *a, int index)
{
  const PointerRNA &ptr = a->parent.resolve();
  switch (a->prop->type) {
    case rna::PropertyType::Float: return PyFloat_FromDouble(rna::get_float(ptr, *a->prop, index));
    case rna::PropertyType::Int: return PyLong_FromLongLong(rna::get_int(ptr, *a->prop, index));
    default: return PyBool_FromLong(rna::get_bool(ptr, *a->prop, index));
  }
}

static Py_ssize_t array_len(PyObject *self)
{
  return guard<Py_ssize_t>(-1, [&]() { return Py_ssize_t(array_length(as_array(self))); });
}

static PyObject *array_item(PyObject *self, Py_ssize_t index)
{
  return guard<PyObject *>(nullptr, [&]() -> PyObject * {
    PyArray *a = as_array(self);
    const int length = array_length(a);
    if (index < 0) {
      index += length;
    }
    if (index < 0 || index >= length) {
      raise(ErrorKind::Index, "bpy_prop_array[index]: index ", index, " out of range");
    }
    return element(a, int(index));
  });
}

static PyObject *array_list(PyArray *a)
{
  const int length = array_length(a);
  Ref list(check(PyList_New(length)));
  for (int i = 0; i < length; i++) {
    PyList_SET_ITEM(list.get(), i, check(element(a, i)));
  }
  return list.release();
}

static PyObject *array_subscript(PyObject *self, PyObject *key)
{
  if (PySlice_Check(key)) {
    return guard<PyObject *>(nullptr, [&]() -> PyObject * {
      Ref all(array_list(as_array(self)));
      return check(PyObject_GetItem(all.get(), key));
    });
  }
  const Py_ssize_t index = PyNumber_AsSsize_t(key, PyExc_IndexError);
  if (index == -1 && PyErr_Occurred()) {
    return nullptr;
  }
  return array_item(self, index);
}

static void write_element(PyArray *a, int index, PyObject *value)
{
  const PointerRNA &ptr = a->parent.resolve();
  switch (a->prop->type) {
    case rna::PropertyType::Float: {
      const double v = PyFloat_AsDouble(value);
      if (v == -1.0 && PyErr_Occurred()) {
        PyErr_Clear();
        raise(ErrorKind::Type, "bpy_prop_array[index] = value: expected a float, not ",
              Py_TYPE(value)->tp_name);
      }
      rna::set_float(ptr, *a->prop, v, index);
      break;
    }
    case rna::PropertyType::Int: {
      if (!PyLong_Check(value)) {
        raise(ErrorKind::Type, "bpy_prop_array[index] = value: expected an int, not ",
              Py_TYPE(value)->tp_name);
      }
      rna::set_int(ptr, *a->prop, PyLong_AsLongLong(value), index);
      break;
    }
    default: {
      const int v = PyObject_IsTrue(value);
      if (v < 0 || !PyLong_Check(value)) {
        PyErr_Clear();
        raise(ErrorKind::Type, "bpy_prop_array[index] = value: expected True/False or 0/1, not ",
              Py_TYPE(value)->tp_name);
      }
      rna::set_bool(ptr, *a->prop, v != 0, index);
      break;
    }
  }
}

static int array_ass_subscript(PyObject *self, PyObject *key, PyObject *value)
{
  return guard<int>(-1, [&]() -> int {
    PyArray *a = as_array(self);
    if (!value) {
      raise(ErrorKind::Type, "bpy_prop_array: del not supported");
    }
    if (!a->prop->is_editable()) {
      raise(ErrorKind::Attribute, "bpy_prop_array: attribute \"", a->prop->identifier,
            "\" is read-only");
    }
    const int length = array_length(a);
    if (PySlice_Check(key)) {
      Py_ssize_t start, stop, step;
      if (PySlice_Unpack(key, &start, &stop, &step) < 0) {
        throw PyRaised();
      }
      const Py_ssize_t count = PySlice_AdjustIndices(length, &start, &stop, step);
      Ref fast(check(PySequence_Fast(value, "bpy_prop_array[slice] = value: expected a sequence")));
      if (PySequence_Fast_GET_SIZE(fast.get()) != count) {
        raise(ErrorKind::Value, "bpy_prop_array[slice] = value: size mismatch in assignment");
      }
      for (Py_ssize_t i = 0, at = start; i < count; i++, at += step) {
        write_element(a, int(at), PySequence_Fast_GET_ITEM(fast.get(), i));
      }
      return 0;
    }
    Py_ssize_t index = PyNumber_AsSsize_t(key, PyExc_IndexError);
    if (index == -1 && PyErr_Occurred()) {
      throw PyRaised();
    }
    if (index < 0) {
      index += length;
    }
    if (index < 0 || index >= length) {
      raise(ErrorKind::Index, "bpy_prop_array[index] = value: index ", index, " out of range");
    }
    write_element(a, int(index), value);
    return 0;
  });
}

static PyObject *array_iter(PyObject *self)
{
  return guard<PyObject *>(nullptr, [&]() -> PyObject * {
    Ref all(array_list(as_array(self)));
    return check(PyObject_GetIter(all.get()));
  });
}

static PyObject *array_repr(PyObject *self)
{
  return guard<PyObject *>(nullptr, [&]() -> PyObject * {
    PyArray *a = as_array(self);
    if (std::optional<std::string> path = python_path(a->parent.resolve(), a->prop)) {
      return PyUnicode_FromStringAndSize(path->data(), Py_ssize_t(path->size()));
    }
    Ref all(array_list(a));
    return PyObject_Repr(all.get());
  });
}

static PyObject *array_richcompare(PyObject *self, PyObject *other, int op)
{
  return guard<PyObject *>(nullptr, [&]() -> PyObject * {
    Ref mine(array_list(as_array(self)));
    Ref theirs;
    if (PyObject_TypeCheck(other, ArrayType)) {
      theirs = Ref(array_list(as_array(other)));
    }
    else if (PySequence_Check(other) && !PyUnicode_Check(other)) {
      theirs = Ref(check(PySequence_List(other)));
    }
    else {
      Py_RETURN_NOTIMPLEMENTED;
    }
    return PyObject_RichCompare(mine.get(), theirs.get(), op);
  });
}

/* ---- The owner protocol of mathutils ------------------------------------------------------ */

static PyObject *m_math_read(PyObject *self, PyObject *)
{
  return guard<PyObject *>(nullptr, [&]() -> PyObject * {
    PyArray *a = as_array(self);
    std::vector<double> values = read_array(a->parent.resolve(), *a->prop);
    Ref list(check(PyList_New(Py_ssize_t(values.size()))));
    for (size_t i = 0; i < values.size(); i++) {
      PyList_SET_ITEM(list.get(), Py_ssize_t(i), PyFloat_FromDouble(values[i]));
    }
    return list.release();
  });
}

static PyObject *m_math_write(PyObject *self, PyObject *values)
{
  return guard<PyObject *>(nullptr, [&]() -> PyObject * {
    PyArray *a = as_array(self);
    const PointerRNA &ptr = a->parent.resolve();
    if (!a->prop->is_editable()) {
      raise(ErrorKind::Attribute, "bpy_struct: attribute \"", a->prop->identifier, "\" from \"",
            ptr.type->identifier, "\" is read-only");
    }
    Ref fast(check(PySequence_Fast(values, "expected a sequence of floats")));
    std::vector<double> flat(size_t(PySequence_Fast_GET_SIZE(fast.get())));
    for (size_t i = 0; i < flat.size(); i++) {
      flat[i] = PyFloat_AsDouble(PySequence_Fast_GET_ITEM(fast.get(), Py_ssize_t(i)));
      if (flat[i] == -1.0 && PyErr_Occurred()) {
        throw PyRaised();
      }
    }
    rna::set_float_array(ptr, *a->prop, flat);
    Py_RETURN_NONE;
  });
}

static PyObject *m_math_valid(PyObject *self, PyObject *)
{
  return PyBool_FromLong(as_array(self)->parent.valid());
}

/** Euler values of a struct with a rotation_mode follow it (Object, pose bones). */
static const PropertyRNA *rotation_mode_of(const PointerRNA &ptr)
{
  const AttrEntry *entry = attr_lookup(ptr.type, "rotation_mode");
  return entry && entry->prop && entry->prop->type == rna::PropertyType::Enum ? entry->prop :
                                                                               nullptr;
}

static PyObject *m_math_euler_order(PyObject *self, PyObject *)
{
  return guard<PyObject *>(nullptr, [&]() -> PyObject * {
    const PointerRNA &ptr = as_array(self)->parent.resolve();
    if (const PropertyRNA *mode = rotation_mode_of(ptr)) {
      std::vector<std::string> ids = rna::get_enum_identifiers(ptr, *mode);
      if (!ids.empty() && ids[0].size() == 3) {
        return PyUnicode_FromString(ids[0].c_str());
      }
    }
    return PyUnicode_FromString("XYZ");
  });
}

static PyObject *m_math_set_euler_order(PyObject *self, PyObject *order)
{
  return guard<PyObject *>(nullptr, [&]() -> PyObject * {
    const PointerRNA &ptr = as_array(self)->parent.resolve();
    if (const PropertyRNA *mode = rotation_mode_of(ptr)) {
      std::vector<std::string> ids = rna::get_enum_identifiers(ptr, *mode);
      /* Only an Euler mode follows the order; a quaternion object keeps its mode. */
      if (!ids.empty() && ids[0].size() == 3) {
        rna::set_enum_identifier(ptr, *mode, utf8_of(order));
      }
    }
    Py_RETURN_NONE;
  });
}

/** What `.owner` of a wrapped mathutils value is: this array, as in Blender. */
static PyObject *g_math_owner(PyObject *self, void *)
{
  Py_INCREF(self);
  return self;
}

static PyObject *m_foreach_get(PyObject *self, PyObject *seq)
{
  return guard<PyObject *>(nullptr, [&]() -> PyObject * {
    Ref all(array_list(as_array(self)));
    const Py_ssize_t n = PyList_GET_SIZE(all.get());
    for (Py_ssize_t i = 0; i < n; i++) {
      if (PySequence_SetItem(seq, i, PyList_GET_ITEM(all.get(), i)) < 0) {
        throw PyRaised();
      }
    }
    Py_RETURN_NONE;
  });
}

static PyObject *m_foreach_set(PyObject *self, PyObject *seq)
{
  Ref slice(PySlice_New(nullptr, nullptr, nullptr));
  if (array_ass_subscript(self, slice.get(), seq) < 0) {
    return nullptr;
  }
  Py_RETURN_NONE;
}

static PyMethodDef array_methods[] = {
    {"_math_read", m_math_read, METH_NOARGS, nullptr},
    {"_math_write", m_math_write, METH_O, nullptr},
    {"_math_valid", m_math_valid, METH_NOARGS, nullptr},
    {"_math_euler_order", m_math_euler_order, METH_NOARGS, nullptr},
    {"_math_set_euler_order", m_math_set_euler_order, METH_O, nullptr},
    {"foreach_get", m_foreach_get, METH_O, "Copy the values into a sequence"},
    {"foreach_set", m_foreach_set, METH_O, "Set the values from a sequence"},
    {nullptr, nullptr, 0, nullptr},
};

static PyGetSetDef array_getset[] = {
    {"_math_owner", g_math_owner, nullptr, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

void init_array_type(PyObject *module)
{
  static PyType_Slot slots[] = {
      {Py_tp_dealloc, reinterpret_cast<void *>(array_dealloc)},
      {Py_tp_repr, reinterpret_cast<void *>(array_repr)},
      {Py_tp_iter, reinterpret_cast<void *>(array_iter)},
      {Py_tp_richcompare, reinterpret_cast<void *>(array_richcompare)},
      {Py_tp_methods, array_methods},
      {Py_tp_getset, array_getset},
      {Py_mp_length, reinterpret_cast<void *>(array_len)},
      {Py_mp_subscript, reinterpret_cast<void *>(array_subscript)},
      {Py_mp_ass_subscript, reinterpret_cast<void *>(array_ass_subscript)},
      {Py_sq_length, reinterpret_cast<void *>(array_len)},
      {Py_sq_item, reinterpret_cast<void *>(array_item)},
      {0, nullptr},
  };
  static PyType_Spec spec = {"bpy.types.bpy_prop_array", sizeof(PyArray), 0, Py_TPFLAGS_DEFAULT,
                             slots};
  ArrayType = make_type(spec);
  Py_INCREF(ArrayType);
  PyModule_AddObject(module, "bpy_prop_array", reinterpret_cast<PyObject *>(ArrayType));
}

}  // namespace whisk::python
