#pragma once
// The generic RNA-to-Python bridge (Blender's bpy_rna): the Python object types that stand
// for structs, collections, arrays and functions, and the conversions between RNA values
// and Python objects. Nothing here knows any particular struct: a property declared in
// RNA appears in Python with no Python-specific code.

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <string_view>
#include <utility>

#include "handle.hh"
#include "whisk/base/error.hh"

namespace whisk::python {

/** Thrown when a CPython call failed and left its exception set. */
struct PyRaised {};

inline PyObject *check(PyObject *result)
{
  if (!result) {
    throw PyRaised();
  }
  return result;
}

/** A kernel refusal as scripts see Blender's reports: "Error: <message>\n". */
inline Error as_report(const Error &error)
{
  return Error(error.kind(), "Error: " + error.message() + "\n");
}

/** Sets the Python exception for a whisk::Error, with Blender's exception type. */
void set_python_error(const Error &error);

/** Runs fn; turns C++ errors into Python exceptions and returns `fail` then. Every entry
 * point from Python goes through here, so no C++ exception crosses into CPython. */
template<typename R, typename Fn> R guard(R fail, Fn &&fn)
{
  try {
    return fn();
  }
  catch (const PyRaised &) {
  }
  catch (const Error &error) {
    set_python_error(error);
  }
  catch (const std::bad_alloc &) {
    PyErr_NoMemory();
  }
  catch (const std::exception &error) {
    PyErr_SetString(PyExc_RuntimeError, error.what());
  }
  return fail;
}

/** A new reference that is released on scope exit unless given away with release(). */
class Ref {
 public:
  Ref() = default;
  explicit Ref(PyObject *o) : o_(o) {}
  Ref(const Ref &) = delete;
  Ref(Ref &&other) noexcept : o_(std::exchange(other.o_, nullptr)) {}
  Ref &operator=(Ref &&other) noexcept
  {
    std::swap(o_, other.o_);
    return *this;
  }
  ~Ref() { Py_XDECREF(o_); }
  PyObject *get() const { return o_; }
  PyObject *release() { return std::exchange(o_, nullptr); }
  explicit operator bool() const { return o_ != nullptr; }

 private:
  PyObject *o_ = nullptr;
};

/* ---- Object layouts ------------------------------------------------------------------ */

struct PyStruct {
  PyObject_HEAD
  StructHandle handle;
};

struct PyCollection {
  PyObject_HEAD
  StructHandle parent;
  const PropertyRNA *prop;
};

struct PyArray {
  PyObject_HEAD
  StructHandle parent;
  const PropertyRNA *prop;
};

struct PyFunction {
  PyObject_HEAD
  StructHandle self;
  const rna::FunctionRNA *func;
  /** The struct whose name prefixes error messages (BlendDataObjects for collections). */
  const StructRNA *owner_type;
};

/* ---- Types ---------------------------------------------------------------------------- */

extern PyTypeObject *StructBaseType;     /* bpy_struct */
extern PyTypeObject *CollectionType;     /* bpy_prop_collection */
extern PyTypeObject *CollectionIterType; /* bpy_prop_collection_iter */
extern PyTypeObject *ArrayType;          /* bpy_prop_array */
extern PyTypeObject *FunctionType;       /* bpy_func */

/** A type from a spec named "module.name": __module__ from the prefix, and the plain
 * name in messages ('bpy_prop_collection' object has no attribute...), as Blender's
 * static types print. */
PyTypeObject *make_type(PyType_Spec &spec);

void init_struct_type(PyObject *module);
void init_collection_type(PyObject *module);
void init_array_type(PyObject *module);
void init_function_type(PyObject *module);
/** Attribute array views, from_pydata and primitives (py_geometry.cc, py_primitives.cc). */
void init_geometry(PyObject *module);
/** Installs the dependency graph and the Python hook for scripted drivers. */
void init_evaluation();
/* bpy_struct methods of py_anim.cc. */
PyObject *m_keyframe_insert(PyObject *self, PyObject *args, PyObject *kwargs);
PyObject *m_keyframe_delete(PyObject *self, PyObject *args, PyObject *kwargs);
PyObject *m_struct_driver_add(PyObject *self, PyObject *args);
PyObject *m_struct_driver_remove(PyObject *self, PyObject *args);
void init_primitives(PyObject *module);

/** The Python class of a struct: generated from RNA on first use, or the class a script
 * registered for it (PropertyGroup subclasses). */
PyTypeObject *python_type_for(const StructRNA *type);
void set_python_type_for(const StructRNA *type, PyTypeObject *cls);
/** The metaclass of generated classes (bpy.types' one, which turns `Scene.x = Prop()`
 * into a registration). Set before the first class is made. */
void set_struct_metaclass(PyObject *meta);
/** Every generated class, created up front (bpy.types). */
PyObject *all_python_types();

/** Wraps data in a new Python object; None for a null pointer. */
PyObject *wrap_struct(const std::shared_ptr<MainSlot> &slot, const PointerRNA &ptr);
PyObject *wrap_handle(StructHandle handle);
PyObject *wrap_collection(const StructHandle &parent, const PropertyRNA *prop);
PyObject *wrap_array(const StructHandle &parent, const PropertyRNA *prop);
PyObject *wrap_function(const StructHandle &self, const rna::FunctionRNA *func,
                        const StructRNA *owner_type);

inline bool is_struct(PyObject *o) { return PyObject_TypeCheck(o, StructBaseType); }

/* ---- Property values ------------------------------------------------------------------ */

/** The Python value of a property: a number, string, enum identifier (or set), struct,
 * collection, array, or mathutils object that writes through to the property. */
PyObject *property_value(const StructHandle &handle, const PointerRNA &ptr,
                         const PropertyRNA &prop);
/** Assigns a Python value, with Blender's errors. `context` prefixes messages
 * ("bpy_struct: item.attr = val"). */
void set_property_value(const PointerRNA &ptr, const PropertyRNA &prop, PyObject *value,
                        const char *context = "bpy_struct: item.attr = val");
/** A function argument or foreach value converted to an RNA value. */
rna::Value value_from_python(const PropertyRNA &param, PyObject *value, const std::string &prefix);
/** An RNA value (function result) to Python. */
PyObject *value_to_python(const std::shared_ptr<MainSlot> &slot, const PropertyRNA &param,
                          const rna::Value &value);

/** foreach_get/foreach_set through the property's raw array (py_foreach.cc); false when
 * the property has none or the caller's object needs the generic path. */
bool foreach_raw(const PointerRNA &owner, const PropertyRNA &collection, const PropertyRNA &prop,
                 PyObject *seq, bool set);

/** foreach_set through the property's bulk setter (py_foreach.cc); false when it has none. */
bool foreach_bulk_set(const PointerRNA &owner, const PropertyRNA &collection,
                      const PropertyRNA &prop, PyObject *seq);

/** Reads every element of a numeric or boolean array property as doubles. */
std::vector<double> read_array(const PointerRNA &ptr, const PropertyRNA &prop);

/** "bpy.data.objects['Cube']" and friends; nullopt when the data cannot say where it is. */
std::optional<std::string> python_path(const PointerRNA &ptr, const PropertyRNA *prop = nullptr);

/** The attribute table of a struct type: its properties and functions by name. */
struct AttrEntry {
  const PropertyRNA *prop = nullptr;
  const rna::FunctionRNA *func = nullptr;
};
const AttrEntry *attr_lookup(const StructRNA *type, std::string_view name);
/** Forgets the cached tables, after run-time properties were added or removed. */
void attr_tables_invalidate();

/** UTF-8 of a str object; raises (PyRaised) on surrogates. */
std::string_view utf8_of(PyObject *str);

/* ---- ID properties --------------------------------------------------------------------- */

PyObject *idprop_subscript(PyStruct *self, PyObject *key);
int idprop_ass_subscript(PyStruct *self, PyObject *key, PyObject *value);
int idprop_contains(PyStruct *self, PyObject *key);
/** Methods of bpy_struct that act on ID properties: keys, values, items, get, pop. */
extern PyMethodDef idprop_struct_methods[];
void init_idprop_types(PyObject *module);

}  // namespace whisk::python
