// Conversions between RNA values and Python objects, with Blender's error messages.

#include <cmath>
#include <limits>

#include "bridge.hh"
#include "whisk/kernel/id_type.hh"
#include "whisk/rna/structs.hh"

namespace whisk::python {

using rna::PropertyType;
using rna::PropertySubtype;

void set_python_error(const Error &error)
{
  PyObject *type = PyExc_RuntimeError;
  switch (error.kind()) {
    case ErrorKind::Type: type = PyExc_TypeError; break;
    case ErrorKind::Value: type = PyExc_ValueError; break;
    case ErrorKind::Key: type = PyExc_KeyError; break;
    case ErrorKind::Index: type = PyExc_IndexError; break;
    case ErrorKind::Attribute: type = PyExc_AttributeError; break;
    case ErrorKind::Reference: type = PyExc_ReferenceError; break;
    case ErrorKind::Runtime: type = PyExc_RuntimeError; break;
    case ErrorKind::Memory: type = PyExc_MemoryError; break;
    case ErrorKind::IO: type = PyExc_OSError; break;
  }
  if (type == PyExc_KeyError) {
    /* KeyError quotes its argument: pass the message as the one argument. */
    Ref message(PyUnicode_FromStringAndSize(error.message().data(), error.message().size()));
    PyErr_SetObject(type, message.get());
    return;
  }
  PyErr_SetString(type, error.message().c_str());
}

std::string_view utf8_of(PyObject *str)
{
  Py_ssize_t size = 0;
  const char *data = PyUnicode_AsUTF8AndSize(str, &size);
  if (!data) {
    throw PyRaised();
  }
  return {data, size_t(size)};
}

static const char *type_name(PyObject *o) { return Py_TYPE(o)->tp_name; }

/* ---- Paths --------------------------------------------------------------------------- */

/** The bpy.data collection that lists each ID type ("objects" for Object). */
static const char *blend_data_collection(dna::IDType type)
{
  return kernel::id_type_info(type).name_plural;
}

static std::string quoted(std::string_view name)
{
  std::string out = "'";
  for (char c : name) {
    if (c == '\'' || c == '\\') {
      out += '\\';
    }
    out += c;
  }
  return out + "'";
}

static std::optional<std::string> id_python_path(kernel::Main *main, ID *id, int depth = 0)
{
  if ((id->flag & dna::ID_FLAG_EMBEDDED) && id->owner && depth < 4) {
    /* An embedded ID is reached through the pointer property of its owner that holds it. */
    PointerRNA owner = rna::pointer_from_id(main, id->owner);
    for (const PropertyRNA *prop : owner.type->all_properties()) {
      if (prop->type == PropertyType::Pointer && !(prop->flag & rna::PROP_RUNTIME) &&
          rna::get_pointer(owner, *prop).data == static_cast<void *>(id))
      {
        std::optional<std::string> base = id_python_path(main, id->owner, depth + 1);
        if (base) {
          return *base + "." + prop->identifier;
        }
      }
    }
    return std::nullopt;
  }
  std::string path = std::string("bpy.data.") + blend_data_collection(id->type) + "[" +
                     quoted(id->name);
  if (id->lib) {
    path += ", " + quoted(reinterpret_cast<const dna::ID *>(id->lib)->name);
  }
  return path + "]";
}

std::optional<std::string> python_path(const PointerRNA &ptr, const PropertyRNA *prop)
{
  if (!ptr.owner_id) {
    if (ptr.main && ptr.data == static_cast<void *>(ptr.main) && prop) {
      return "bpy.data." + prop->identifier; /* bpy.data itself prints as a struct */
    }
    return std::nullopt;
  }
  std::optional<std::string> base = id_python_path(ptr.main, ptr.owner_id);
  if (!base) {
    return std::nullopt;
  }
  if (ptr.type && ptr.type->path_internal && ptr.data != static_cast<void *>(ptr.owner_id)) {
    return *base + "..." + ptr.type->identifier;
  }
  std::optional<std::string> rel = rna::path_from_id(ptr, prop);
  if (!rel) {
    return std::nullopt;
  }
  if (rel->empty()) {
    return base;
  }
  return *base + ((*rel)[0] == '[' ? "" : ".") + *rel;
}

/* ---- Reading ------------------------------------------------------------------------- */

/** mathutils' constructors for values that write through to their owner. */
static PyObject *mathutils_function(const char *name)
{
  static PyObject *module = nullptr;
  if (!module) {
    module = check(PyImport_ImportModule("mathutils"));
  }
  return check(PyObject_GetAttrString(module, name));
}

static PyObject *math_object(const StructHandle &handle, const PropertyRNA &prop, int length)
{
  const char *ctor = nullptr;
  switch (prop.subtype) {
    case PropertySubtype::Translation:
    case PropertySubtype::Direction:
    case PropertySubtype::Velocity:
    case PropertySubtype::Acceleration:
    case PropertySubtype::XYZ:
    case PropertySubtype::XYZLength:
    case PropertySubtype::Coords:
      if (length >= 2 && length <= 4) {
        ctor = "_owned_vector";
      }
      break;
    case PropertySubtype::Matrix:
      if (length == 9 || length == 16) {
        ctor = "_owned_matrix";
      }
      break;
    case PropertySubtype::Euler:
      if (length == 3) {
        ctor = "_owned_euler";
      }
      break;
    case PropertySubtype::Quaternion:
      if (length == 4) {
        ctor = "_owned_quaternion";
      }
      break;
    case PropertySubtype::Color:
    case PropertySubtype::ColorGamma:
      if (length == 3) {
        ctor = "_owned_color";
      }
      break;
    default:
      break;
  }
  if (!ctor) {
    return nullptr;
  }
  Ref owner(check(wrap_array(handle, &prop)));
  Ref fn(mathutils_function(ctor));
  if (prop.subtype == PropertySubtype::Matrix) {
    const int rows = prop.array_dimensions[1] ? prop.array_dimensions[1] : (length == 9 ? 3 : 4);
    const int cols = prop.array_dimensions[0] ? prop.array_dimensions[0] : rows;
    return check(PyObject_CallFunction(fn.get(), "Oii", owner.get(), rows, cols));
  }
  if (std::string_view(ctor) == "_owned_vector") {
    return check(PyObject_CallFunction(fn.get(), "Oi", owner.get(), length));
  }
  return check(PyObject_CallFunctionObjArgs(fn.get(), owner.get(), nullptr));
}

static PyObject *string_value(const PropertyRNA &prop, const std::string &value)
{
  if (prop.subtype == PropertySubtype::BytesString) {
    return check(PyBytes_FromStringAndSize(value.data(), Py_ssize_t(value.size())));
  }
  return check(PyUnicode_DecodeUTF8(value.data(), Py_ssize_t(value.size()), "surrogateescape"));
}

static PyObject *enum_value(const PointerRNA &ptr, const PropertyRNA &prop)
{
  std::vector<std::string> ids = rna::get_enum_identifiers(ptr, prop);
  if (prop.is_enum_flag()) {
    Ref set(check(PySet_New(nullptr)));
    for (const std::string &id : ids) {
      Ref item(check(PyUnicode_FromStringAndSize(id.data(), Py_ssize_t(id.size()))));
      if (PySet_Add(set.get(), item.get()) < 0) {
        throw PyRaised();
      }
    }
    return set.release();
  }
  const std::string &id = ids.empty() ? std::string() : ids.front();
  return check(PyUnicode_FromStringAndSize(id.data(), Py_ssize_t(id.size())));
}

PyObject *property_value(const StructHandle &handle, const PointerRNA &ptr,
                         const PropertyRNA &prop)
{
  switch (prop.type) {
    case PropertyType::Collection:
      return wrap_collection(handle, &prop);
    case PropertyType::Pointer:
      return wrap_struct(handle.slot(), rna::get_pointer(ptr, prop));
    default:
      break;
  }
  if (prop.is_array() || prop.dynamic_length) {
    if (prop.type == PropertyType::Float) {
      if (PyObject *math = math_object(handle, prop, rna::property_array_length(ptr, prop))) {
        return math;
      }
      /* Read-only two-dimensional arrays that are not matrices (Object.bound_box): rows of
       * values, as nested sequences. */
      if (prop.array_dimensions[1] > 0 && !prop.is_editable()) {
        /* Stored like matrices: array_dimensions = {columns, rows}, column by column. */
        const int columns = prop.array_dimensions[0], row_count = prop.array_dimensions[1];
        Ref rows(check(PyTuple_New(row_count)));
        for (int r = 0; r < row_count; r++) {
          Ref row(check(PyTuple_New(columns)));
          for (int c = 0; c < columns; c++) {
            PyTuple_SET_ITEM(
                row.get(), c,
                check(PyFloat_FromDouble(rna::get_float(ptr, prop, c * row_count + r))));
          }
          PyTuple_SET_ITEM(rows.get(), r, row.release());
        }
        return rows.release();
      }
    }
    return wrap_array(handle, &prop);
  }
  switch (prop.type) {
    case PropertyType::Boolean:
      return PyBool_FromLong(rna::get_bool(ptr, prop));
    case PropertyType::Int:
      return PyLong_FromLongLong(rna::get_int(ptr, prop));
    case PropertyType::Float:
      return PyFloat_FromDouble(rna::get_float(ptr, prop));
    case PropertyType::String:
      return string_value(prop, rna::get_string(ptr, prop));
    case PropertyType::Enum:
      return enum_value(ptr, prop);
    default:
      Py_RETURN_NONE;
  }
}

std::vector<double> read_array(const PointerRNA &ptr, const PropertyRNA &prop)
{
  const int length = std::max(rna::property_array_length(ptr, prop), 1);
  std::vector<double> values(size_t(length), 0.0);
  for (int i = 0; i < length; i++) {
    switch (prop.type) {
      case PropertyType::Float: values[i] = rna::get_float(ptr, prop, i); break;
      case PropertyType::Int: values[i] = double(rna::get_int(ptr, prop, i)); break;
      case PropertyType::Boolean: values[i] = rna::get_bool(ptr, prop, i); break;
      default: break;
    }
  }
  return values;
}

/* ---- Writing ------------------------------------------------------------------------- */

static std::string where(const char *context, const PointerRNA &ptr, const PropertyRNA &prop)
{
  return str_cat(context, ": ", ptr.type ? ptr.type->identifier : "?", ".", prop.identifier);
}

[[noreturn]] static void raise_int_range(const std::string &where)
{
  raise(ErrorKind::Value, where,
        " value not in 'int' range ((-0x7fffffff - 1), 0x7fffffff)");
}

/** A Python number as an int property value, or raises Blender's errors. */
static int64_t int_from_python(PyObject *value, const std::string &where)
{
  if (!PyLong_Check(value)) {
    raise(ErrorKind::Type, where, " expected an int type, not ", type_name(value));
  }
  int overflow = 0;
  const long long v = PyLong_AsLongLongAndOverflow(value, &overflow);
  if (overflow || v < std::numeric_limits<int32_t>::min() ||
      v > std::numeric_limits<int32_t>::max())
  {
    raise_int_range(where);
  }
  return v;
}

static double float_from_python(PyObject *value, const std::string &where)
{
  if (PyFloat_Check(value)) {
    return PyFloat_AS_DOUBLE(value);
  }
  if (!PyLong_Check(value) && !PyNumber_Check(value)) {
    raise(ErrorKind::Type, where, " expected a float type, not ", type_name(value));
  }
  const double v = PyFloat_AsDouble(value);
  if (v == -1.0 && PyErr_Occurred()) {
    PyErr_Clear();
    raise(ErrorKind::Type, where, " expected a float type, not ", type_name(value));
  }
  return v;
}

static bool bool_from_python(PyObject *value, const std::string &where)
{
  if (PyLong_Check(value)) {
    int overflow = 0;
    const long long v = PyLong_AsLongLongAndOverflow(value, &overflow);
    if (!overflow && (v == 0 || v == 1)) {
      return v != 0;
    }
  }
  raise(ErrorKind::Type, where, " expected True/False or 0/1, not ", type_name(value));
}

static std::string string_from_python(const PropertyRNA &prop, PyObject *value,
                                      const std::string &where)
{
  if (value == Py_None) {
    raise(ErrorKind::Type, where, " doesn't support None from string types");
  }
  if (prop.subtype == PropertySubtype::BytesString && PyBytes_Check(value)) {
    return std::string(PyBytes_AS_STRING(value), size_t(PyBytes_GET_SIZE(value)));
  }
  if (!PyUnicode_Check(value)) {
    raise(ErrorKind::Type, where, " expected a string type, not ", type_name(value));
  }
  Py_ssize_t size = 0;
  const char *data = PyUnicode_AsUTF8AndSize(value, &size);
  if (!data) {
    /* Lone surrogates (undecodable file names): refused, never stored as broken UTF-8
     * (Blender stores the bytes; its TypeError is kept). */
    PyErr_Clear();
    raise(ErrorKind::Type, where,
          " error assigning string, it is not valid UTF-8 (lone surrogates)");
  }
  return std::string(data, size_t(size));
}

static PointerRNA pointer_from_python(const PropertyRNA &prop, PyObject *value,
                                      const std::string &where,
                                      const StructRNA *expected = nullptr)
{
  if (!expected) {
    expected = prop.item_type;
  }
  if (value == Py_None) {
    return {};
  }
  if (!is_struct(value)) {
    raise(ErrorKind::Type, where, " expected a ", expected ? expected->identifier : "struct",
          " type, not ", type_name(value));
  }
  const PointerRNA &ptr = reinterpret_cast<PyStruct *>(value)->handle.resolve();
  if (expected && !ptr.type->is_a(expected)) {
    raise(ErrorKind::Type, where, " expected a ", expected->identifier, " type, not ",
          ptr.type->identifier);
  }
  return ptr;
}

/** The struct a pointer property takes from this owner (Object.data: the data's kind). */
static const StructRNA *pointer_target(const PointerRNA &owner, const PropertyRNA &prop)
{
  if (prop.pointer_type) {
    if (const StructRNA *type = prop.pointer_type(owner)) {
      return type;
    }
  }
  return prop.item_type;
}

/** The value of an enum item by identifier; raises Blender's error for the kind of enum
 * (a TypeError for plain enums, a ValueError for one member of a flag set). */
static int enum_item_value(const PointerRNA &ptr, const PropertyRNA &prop,
                           std::string_view identifier, const char *context, bool flag_member)
{
  std::vector<rna::EnumItem> storage;
  const auto &items = prop.items(ptr, storage);
  for (const rna::EnumItem &item : items) {
    if (item.identifier == identifier) {
      return item.value;
    }
  }
  std::string choices = "(";
  for (size_t i = 0; i < items.size(); i++) {
    choices += (i ? ", '" : "'") + items[i].identifier + "'";
  }
  choices += ")";
  if (flag_member) {
    raise(ErrorKind::Value, context, ":: '", identifier, "' not found in ", choices);
  }
  raise(ErrorKind::Type, context, ": enum \"", identifier, "\" not found in ", choices);
}

static int enum_from_python(const PointerRNA &ptr, const PropertyRNA &prop, PyObject *value,
                            const char *context)
{
  if (prop.is_enum_flag()) {
    if (!PyAnySet_Check(value)) {
      raise(ErrorKind::Type, context, ":, ", ptr.type->identifier, ".", prop.identifier,
            " expected a set, not a ", type_name(value));
    }
    int bits = 0;
    Ref iter(check(PyObject_GetIter(value)));
    while (Ref item{PyIter_Next(iter.get())}) {
      if (!PyUnicode_Check(item.get())) {
        raise(ErrorKind::Type, where(context, ptr, prop), " expected a string enum, not ",
              type_name(item.get()));
      }
      bits |= enum_item_value(ptr, prop, utf8_of(item.get()), context, true);
    }
    if (PyErr_Occurred()) {
      throw PyRaised();
    }
    return bits;
  }
  if (!PyUnicode_Check(value)) {
    raise(ErrorKind::Type, context, ": expected a string enum, not ", type_name(value));
  }
  return enum_item_value(ptr, prop, utf8_of(value), context, false);
}

static const char *element_name(const PropertyRNA &prop)
{
  return prop.type == PropertyType::Float ? "float" :
         prop.type == PropertyType::Int   ? "int" :
                                            "boolean";
}

/** Checks a (nested) sequence against an array property's shape the way Blender does:
 * items of an outer dimension must be sequences, inner dimensions are checked before
 * outer ones, and only then the item types. Collects the leaves; a matrix's nested
 * sequences are its rows. */
static void flatten_sequence(const PropertyRNA &prop, PyObject *value, const int *dims, int ndim,
                             int dim, const char *context, std::vector<Ref> &out)
{
  if (!PySequence_Check(value) || PyDict_Check(value)) {
    raise(ErrorKind::Value, context, ": sequence expected at dimension ", dim + 1, ", not '",
          type_name(value), "'");
  }
  Ref fast(check(PySequence_Fast(value, "expected a sequence")));
  const Py_ssize_t size = PySequence_Fast_GET_SIZE(fast.get());
  if (dim + 1 < ndim) {
    for (Py_ssize_t i = 0; i < size; i++) {
      PyObject *item = PySequence_Fast_GET_ITEM(fast.get(), i);
      if (!PySequence_Check(item)) {
        raise(ErrorKind::Type, context, ": expected a sequence of ", element_name(prop), ", not ",
              type_name(item));
      }
    }
    std::vector<Ref> inner;
    for (Py_ssize_t i = 0; i < size; i++) {
      flatten_sequence(prop, PySequence_Fast_GET_ITEM(fast.get(), i), dims, ndim, dim + 1, context,
                       inner);
    }
    if (size != dims[dim]) {
      raise(ErrorKind::Value, context, ": sequences of dimension ", dim, " should contain ",
            dims[dim], " items, not ", size);
    }
    for (Ref &item : inner) {
      out.push_back(std::move(item));
    }
    return;
  }
  if (size != dims[dim]) {
    raise(ErrorKind::Value, context, ": sequences of dimension ", dim, " should contain ",
          dims[dim], " items, not ", size);
  }
  for (Py_ssize_t i = 0; i < size; i++) {
    PyObject *item = PySequence_Fast_GET_ITEM(fast.get(), i);
    Py_INCREF(item);
    out.emplace_back(item);
  }
}

static PyObject *math_matrix_type()
{
  static PyObject *matrix_type = nullptr;
  if (!matrix_type) {
    Ref module(PyImport_ImportModule("mathutils"));
    if (module) {
      matrix_type = PyObject_GetAttrString(module.get(), "Matrix");
    }
    PyErr_Clear();
  }
  return matrix_type;
}

static bool is_math_matrix(PyObject *value)
{
  PyObject *type = math_matrix_type();
  const int is = type ? PyObject_IsInstance(value, type) : 0;
  PyErr_Clear();
  return is > 0;
}

/** A mathutils.Matrix of the wrong size gets Blender's own message. */
static void check_matrix_size(const PointerRNA &ptr, const PropertyRNA &prop, PyObject *value,
                              int rows, int cols, const char *context)
{
  if (!is_math_matrix(value)) {
    return;
  }
  const Py_ssize_t value_rows = PyObject_Length(value);
  Ref first(value_rows > 0 ? PySequence_GetItem(value, 0) : nullptr);
  const Py_ssize_t value_cols = first ? PyObject_Length(first.get()) : 0;
  PyErr_Clear();
  if (value_rows != rows || value_cols != cols) {
    raise(ErrorKind::Value, context, ": ", ptr.type->identifier, ".", prop.identifier,
          ", matrix assign dimension size mismatch, is ", value_rows, "x", value_cols,
          ", expected be ", rows, "x", cols);
  }
}

static void set_array_value(const PointerRNA &ptr, const PropertyRNA &prop, PyObject *value,
                            const char *context)
{
  const int length = rna::property_array_length(ptr, prop);
  int dims[3] = {length, 0, 0};
  int ndim = 1;
  const bool is_matrix = prop.array_dimensions[1] > 0 && !prop.dynamic_length;
  if (is_matrix) {
    /* Python sees rows; RNA stores columns (array_dimensions = {columns, rows}). */
    dims[0] = prop.array_dimensions[1];
    dims[1] = prop.array_dimensions[0];
    ndim = 2;
    check_matrix_size(ptr, prop, value, dims[0], dims[1], context);
  }
  std::vector<Ref> refs;
  flatten_sequence(prop, value, dims, ndim, 0, context, refs);
  /* A mathutils.Matrix is given by rows; plain nested sequences are read in RNA's memory
   * order (columns first), as Blender reads them. */
  const bool rows_given = is_matrix && is_math_matrix(value);
  std::vector<PyObject *> items;
  for (const Ref &ref : refs) {
    items.push_back(ref.get());
  }
  std::vector<double> values(items.size());
  for (size_t i = 0; i < items.size(); i++) {
    PyObject *item = items[i];
    /* Row-major Python order -> RNA's column-major order for matrices. */
    const size_t target = rows_given ?
                              (i % size_t(dims[1])) * size_t(dims[0]) + i / size_t(dims[1]) :
                              i;
    switch (prop.type) {
      case PropertyType::Float: {
        if (PyFloat_Check(item)) {
          values[target] = PyFloat_AS_DOUBLE(item);
          break;
        }
        double v = -1.0;
        if (!PyUnicode_Check(item)) {
          v = PyFloat_AsDouble(item);
        }
        if (PyUnicode_Check(item) || (v == -1.0 && PyErr_Occurred())) {
          PyErr_Clear();
          raise(ErrorKind::Type, context, ": expected sequence items of type float, not ",
                type_name(item));
        }
        values[target] = v;
        break;
      }
      case PropertyType::Int:
        if (!PyLong_Check(item)) {
          raise(ErrorKind::Type, context, ": expected sequence items of type int, not ",
                type_name(item));
        }
        values[target] = double(int_from_python(item, where(context, ptr, prop)));
        break;
      default:
        if (!PyBool_Check(item)) {
          raise(ErrorKind::Type, context, ": expected sequence items of type boolean, not ",
                type_name(item));
        }
        values[target] = bool_from_python(item, where(context, ptr, prop)) ? 1.0 : 0.0;
        break;
    }
  }
  if (prop.type == PropertyType::Float) {
    rna::set_float_array(ptr, prop, values);
    return;
  }
  for (size_t i = 0; i < values.size(); i++) {
    if (prop.type == PropertyType::Int) {
      rna::set_int(ptr, prop, int64_t(values[i]), int(i));
    }
    else {
      rna::set_bool(ptr, prop, values[i] != 0.0, int(i));
    }
  }
}

/** Adds Blender's "bpy_struct: item.attr = val: " prefix to RNA's own messages. */
[[noreturn]] static void rethrow_with_context(const Error &error, const char *context)
{
  const std::string &message = error.message();
  if (error.kind() == ErrorKind::Runtime) {
    /* Kernel refusals reach scripts as Blender's reports do. */
    throw as_report(error);
  }
  if (message.rfind("bpy_struct", 0) == 0 || error.kind() == ErrorKind::Reference ||
      error.kind() == ErrorKind::Attribute)
  {
    throw error;
  }
  throw Error(error.kind(), str_cat(context, ": ", message));
}

void set_property_value(const PointerRNA &ptr, const PropertyRNA &prop, PyObject *value,
                        const char *context)
{
  if (!prop.is_editable() || prop.type == PropertyType::Collection) {
    raise(ErrorKind::Attribute, "bpy_struct: attribute \"", prop.identifier, "\" from \"",
          ptr.type ? ptr.type->identifier : "?", "\" is read-only");
  }
  try {
    if (prop.is_array() || prop.dynamic_length) {
      set_array_value(ptr, prop, value, context);
      return;
    }
    const std::string at = where(context, ptr, prop);
    switch (prop.type) {
      case PropertyType::Boolean:
        rna::set_bool(ptr, prop, bool_from_python(value, at));
        break;
      case PropertyType::Int:
        rna::set_int(ptr, prop, int_from_python(value, at));
        break;
      case PropertyType::Float:
        rna::set_float(ptr, prop, float_from_python(value, at));
        break;
      case PropertyType::String:
        rna::set_string(ptr, prop, string_from_python(prop, value, at));
        break;
      case PropertyType::Enum:
        rna::set_enum(ptr, prop, enum_from_python(ptr, prop, value, context));
        break;
      case PropertyType::Pointer:
        rna::set_pointer(ptr, prop, pointer_from_python(prop, value, at, pointer_target(ptr, prop)));
        break;
      case PropertyType::Collection:
        break;
    }
  }
  catch (const Error &error) {
    rethrow_with_context(error, context);
  }
}

/* ---- Function arguments and results -------------------------------------------------- */

rna::Value value_from_python(const PropertyRNA &param, PyObject *value, const std::string &prefix)
{
  const std::string at = prefix + "Function." + param.identifier;
  if (param.is_array() && param.array_dimensions[1] > 0 && param.type == PropertyType::Float) {
    /* A matrix parameter: rows in Python (a mathutils.Matrix or nested sequences), columns
     * in RNA. */
    const int cols = param.array_dimensions[0], rows = param.array_dimensions[1];
    Ref outer(PySequence_Fast(value, ""));
    if (!outer || PySequence_Fast_GET_SIZE(outer.get()) != rows) {
      PyErr_Clear();
      raise(ErrorKind::Value, at, " expected a ", rows, "x", cols, " matrix");
    }
    std::vector<double> out(size_t(rows * cols));
    for (int r = 0; r < rows; r++) {
      Ref row(PySequence_Fast(PySequence_Fast_GET_ITEM(outer.get(), r), ""));
      if (!row || PySequence_Fast_GET_SIZE(row.get()) != cols) {
        PyErr_Clear();
        raise(ErrorKind::Value, at, " expected a ", rows, "x", cols, " matrix");
      }
      for (int c = 0; c < cols; c++) {
        out[size_t(c * rows + r)] = float_from_python(PySequence_Fast_GET_ITEM(row.get(), c), at);
      }
    }
    return out;
  }
  if (param.is_array()) {
    Ref fast(PySequence_Fast(value, ""));
    if (!fast) {
      PyErr_Clear();
      raise(ErrorKind::Type, at, " expected a sequence, not ", type_name(value));
    }
    const Py_ssize_t n = PySequence_Fast_GET_SIZE(fast.get());
    if (param.type == PropertyType::Float) {
      std::vector<double> out;
      for (Py_ssize_t i = 0; i < n; i++) {
        out.push_back(float_from_python(PySequence_Fast_GET_ITEM(fast.get(), i), at));
      }
      return out;
    }
    if (param.type == PropertyType::Int) {
      std::vector<int64_t> out;
      for (Py_ssize_t i = 0; i < n; i++) {
        out.push_back(int_from_python(PySequence_Fast_GET_ITEM(fast.get(), i), at));
      }
      return out;
    }
    std::vector<bool> out;
    for (Py_ssize_t i = 0; i < n; i++) {
      out.push_back(bool_from_python(PySequence_Fast_GET_ITEM(fast.get(), i), at));
    }
    return out;
  }
  if (value == Py_None && (param.flag & rna::PROP_NEVER_NULL) &&
      (param.type == PropertyType::Pointer || param.type == PropertyType::Collection))
  {
    raise(ErrorKind::Type, at, " does not support a 'None' assignment ",
          param.item_type ? param.item_type->identifier : "", " type");
  }
  switch (param.type) {
    case PropertyType::Boolean:
      return bool_from_python(value, at);
    case PropertyType::Int:
      return int_from_python(value, at);
    case PropertyType::Float:
      return float_from_python(value, at);
    case PropertyType::String:
      return string_from_python(param, value, at);
    case PropertyType::Enum: {
      if (!PyUnicode_Check(value)) {
        raise(ErrorKind::Type, prefix, "expected a string enum, not ", type_name(value));
      }
      const std::string_view id = utf8_of(value);
      for (const rna::EnumItem &item : param.enum_items) {
        if (item.identifier == id) {
          return int64_t(item.value);
        }
      }
      std::string choices = "(";
      for (size_t i = 0; i < param.enum_items.size(); i++) {
        choices += (i ? ", '" : "'") + param.enum_items[i].identifier + "'";
      }
      raise(ErrorKind::Type, prefix, "enum \"", id, "\" not found in ", choices, ")");
    }
    case PropertyType::Pointer:
    case PropertyType::Collection:
      return pointer_from_python(param, value, at);
  }
  return std::monostate{};
}

PyObject *value_to_python(const std::shared_ptr<MainSlot> &slot, const PropertyRNA &param,
                          const rna::Value &value)
{
  return std::visit(
      [&](const auto &v) -> PyObject * {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          Py_RETURN_NONE;
        }
        else if constexpr (std::is_same_v<T, bool>) {
          return PyBool_FromLong(v);
        }
        else if constexpr (std::is_same_v<T, int64_t>) {
          if (param.type == PropertyType::Enum) {
            for (const rna::EnumItem &item : param.enum_items) {
              if (item.value == v) {
                return check(PyUnicode_FromString(item.identifier.c_str()));
              }
            }
          }
          return PyLong_FromLongLong(v);
        }
        else if constexpr (std::is_same_v<T, double>) {
          return PyFloat_FromDouble(v);
        }
        else if constexpr (std::is_same_v<T, std::string>) {
          return string_value(param, v);
        }
        else if constexpr (std::is_same_v<T, PointerRNA>) {
          return wrap_struct(slot, v);
        }
        else {
          Ref list(check(PyList_New(Py_ssize_t(v.size()))));
          for (size_t i = 0; i < v.size(); i++) {
            PyObject *item;
            if constexpr (std::is_same_v<T, std::vector<bool>>) {
              item = PyBool_FromLong(v[i]);
            }
            else if constexpr (std::is_same_v<T, std::vector<int64_t>>) {
              item = PyLong_FromLongLong(v[i]);
            }
            else {
              item = PyFloat_FromDouble(v[i]);
            }
            PyList_SET_ITEM(list.get(), Py_ssize_t(i), check(item));
          }
          return list.release();
        }
      },
      value);
}

}  // namespace whisk::python
