// The fast path of foreach_get/foreach_set: when the property's values of every item lie
// in one array (RawArray: a mesh's positions, an attribute's values), copy between that
// array and the caller's buffer without one Python object per value. Matching element types
// copy with memcpy; others convert element by element in C; Python lists and tuples
// convert each item once. The generic per-item path in py_collection.cc handles the rest.

#include <cmath>
#include <cstring>
#include <limits>

#include "bridge.hh"

namespace whisk::python {

namespace {

using rna::RawArray;
using rna::RawType;

/** Element types a caller's buffer may have (struct module format characters). */
enum class BufferType { Bool, Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64, Float32, Float64 };

std::optional<BufferType> buffer_type(const Py_buffer &view)
{
  const char *f = view.format ? view.format : "B";
  if (*f == '@' || *f == '=' || *f == '<') {
    f++;
  }
  if (f[0] == '\0' || f[1] != '\0') {
    return std::nullopt;
  }
  const Py_ssize_t size = view.itemsize;
  switch (f[0]) {
    case '?': return BufferType::Bool;
    case 'b': return BufferType::Int8;
    case 'B': return BufferType::UInt8;
    case 'h': return BufferType::Int16;
    case 'H': return BufferType::UInt16;
    case 'i':
    case 'l':
    case 'q': return size == 4 ? BufferType::Int32 : size == 8 ? std::optional(BufferType::Int64) : std::nullopt;
    case 'I':
    case 'L':
    case 'Q': return size == 4 ? BufferType::UInt32 : size == 8 ? std::optional(BufferType::UInt64) : std::nullopt;
    case 'f': return BufferType::Float32;
    case 'd': return BufferType::Float64;
    default: return std::nullopt;
  }
}

bool same_type(BufferType b, RawType r)
{
  return (b == BufferType::Bool && r == RawType::Bool) ||
         (b == BufferType::Int8 && r == RawType::Int8) ||
         (b == BufferType::UInt8 && r == RawType::UInt8) ||
         (b == BufferType::Int32 && r == RawType::Int32) ||
         (b == BufferType::Float32 && r == RawType::Float32);
}

double load(const void *p, BufferType type)
{
  switch (type) {
    case BufferType::Bool: return *static_cast<const bool *>(p);
    case BufferType::Int8: return *static_cast<const int8_t *>(p);
    case BufferType::UInt8: return *static_cast<const uint8_t *>(p);
    case BufferType::Int16: return *static_cast<const int16_t *>(p);
    case BufferType::UInt16: return *static_cast<const uint16_t *>(p);
    case BufferType::Int32: return *static_cast<const int32_t *>(p);
    case BufferType::UInt32: return *static_cast<const uint32_t *>(p);
    case BufferType::Int64: return double(*static_cast<const int64_t *>(p));
    case BufferType::UInt64: return double(*static_cast<const uint64_t *>(p));
    case BufferType::Float32: return *static_cast<const float *>(p);
    case BufferType::Float64: return *static_cast<const double *>(p);
  }
  return 0.0;
}

template<typename T> T saturate(double v)
{
  if (std::isnan(v)) {
    return T(0);
  }
  return T(std::clamp(v, double(std::numeric_limits<T>::lowest()),
                      double(std::numeric_limits<T>::max())));
}

void store(void *p, BufferType type, double v)
{
  switch (type) {
    case BufferType::Bool: *static_cast<bool *>(p) = v != 0.0; break;
    case BufferType::Int8: *static_cast<int8_t *>(p) = saturate<int8_t>(v); break;
    case BufferType::UInt8: *static_cast<uint8_t *>(p) = saturate<uint8_t>(v); break;
    case BufferType::Int16: *static_cast<int16_t *>(p) = saturate<int16_t>(v); break;
    case BufferType::UInt16: *static_cast<uint16_t *>(p) = saturate<uint16_t>(v); break;
    case BufferType::Int32: *static_cast<int32_t *>(p) = saturate<int32_t>(v); break;
    case BufferType::UInt32: *static_cast<uint32_t *>(p) = saturate<uint32_t>(v); break;
    case BufferType::Int64: *static_cast<int64_t *>(p) = saturate<int64_t>(v); break;
    case BufferType::UInt64: *static_cast<uint64_t *>(p) = saturate<uint64_t>(v); break;
    case BufferType::Float32: *static_cast<float *>(p) = float(v); break;
    case BufferType::Float64: *static_cast<double *>(p) = v; break;
  }
}

BufferType as_buffer_type(RawType type)
{
  switch (type) {
    case RawType::Bool: return BufferType::Bool;
    case RawType::Int8: return BufferType::Int8;
    case RawType::UInt8: return BufferType::UInt8;
    case RawType::Int32: return BufferType::Int32;
    case RawType::Float32: return BufferType::Float32;
  }
  return BufferType::Float32;
}

/** Address of value k of item i in the raw array. */
char *raw_at(const RawArray &raw, int64_t i, int k)
{
  return static_cast<char *>(raw.data) + i * raw.stride + k * int64_t(rna::raw_type_size(raw.type));
}

/** Copies between a contiguous buffer and the raw array. */
void copy_buffer(const RawArray &raw, int width, const Py_buffer &view, BufferType type, bool set)
{
  const size_t value_size = rna::raw_type_size(raw.type);
  const bool packed = raw.stride == int64_t(value_size) * width;
  if (same_type(type, raw.type) && packed) {
    const size_t bytes = size_t(raw.count) * size_t(width) * value_size;
    if (set) {
      std::memcpy(raw.data, view.buf, bytes);
      if (raw.type == RawType::Bool) {
        /* Only 0 and 1 are bools: normalize whatever bytes came in. */
        auto *b = static_cast<uint8_t *>(raw.data);
        for (size_t i = 0; i < bytes; i++) {
          b[i] = b[i] != 0;
        }
      }
    }
    else {
      std::memcpy(view.buf, raw.data, bytes);
    }
    return;
  }
  const BufferType raw_type = as_buffer_type(raw.type);
  char *buf = static_cast<char *>(view.buf);
  for (int64_t i = 0; i < raw.count; i++) {
    for (int k = 0; k < width; k++) {
      char *element = buf + (i * width + k) * view.itemsize;
      if (set) {
        store(raw_at(raw, i, k), raw_type, load(element, type));
      }
      else {
        store(element, type, load(raw_at(raw, i, k), raw_type));
      }
    }
  }
}

/** Copies between a Python sequence (list, tuple...) and the raw array. */
void copy_sequence(const RawArray &raw, int width, PyObject *seq, bool set)
{
  const BufferType raw_type = as_buffer_type(raw.type);
  const bool is_float = raw.type == RawType::Float32;
  if (set) {
    Ref fast(check(PySequence_Fast(seq, "foreach_set: expected a sequence")));
    /* Convert everything first, so a bad item leaves the data unchanged. */
    std::vector<double> values(size_t(raw.count) * size_t(width));
    for (size_t i = 0; i < values.size(); i++) {
      PyObject *item = PySequence_Fast_GET_ITEM(fast.get(), Py_ssize_t(i));
      const double v = PyFloat_AsDouble(item);
      if (v == -1.0 && PyErr_Occurred()) {
        PyErr_Clear();
        raise(ErrorKind::Type, "couldn't access the py sequence");
      }
      values[i] = v;
    }
    for (int64_t i = 0; i < raw.count; i++) {
      for (int k = 0; k < width; k++) {
        store(raw_at(raw, i, k), raw_type, values[size_t(i * width + k)]);
      }
    }
    return;
  }
  for (int64_t i = 0; i < raw.count; i++) {
    for (int k = 0; k < width; k++) {
      const double v = load(raw_at(raw, i, k), raw_type);
      Ref item(check(is_float                      ? PyFloat_FromDouble(v) :
                     raw.type == RawType::Bool     ? PyBool_FromLong(v != 0.0) :
                                                     PyLong_FromLongLong(int64_t(v))));
      if (PySequence_SetItem(seq, Py_ssize_t(i * width + k), item.get()) < 0) {
        PyErr_Clear();
        raise(ErrorKind::Type, "couldn't access the py sequence");
      }
    }
  }
}

/** The values of a buffer or sequence as doubles; nullopt when its length is not `total`. */
std::optional<std::vector<double>> values_as_doubles(PyObject *seq, Py_ssize_t total)
{
  std::vector<double> values;
  if (PyObject_CheckBuffer(seq)) {
    Py_buffer view{};
    if (PyObject_GetBuffer(seq, &view, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT) == 0) {
      const std::optional<BufferType> type = buffer_type(view);
      const Py_ssize_t count = view.len / std::max<Py_ssize_t>(view.itemsize, 1);
      if (type && count == total) {
        values.resize(size_t(total));
        for (Py_ssize_t i = 0; i < total; i++) {
          values[size_t(i)] = load(static_cast<char *>(view.buf) + i * view.itemsize, *type);
        }
      }
      PyBuffer_Release(&view);
      if (type) {
        return count == total ? std::optional(std::move(values)) : std::nullopt;
      }
    }
    PyErr_Clear();
  }
  const Py_ssize_t given = PyObject_Length(seq);
  if (given < 0) {
    throw PyRaised();
  }
  if (given != total) {
    return std::nullopt;
  }
  Ref fast(check(PySequence_Fast(seq, "foreach_set: expected a sequence")));
  values.resize(size_t(total));
  for (Py_ssize_t i = 0; i < total; i++) {
    const double v = PyFloat_AsDouble(PySequence_Fast_GET_ITEM(fast.get(), i));
    if (v == -1.0 && PyErr_Occurred()) {
      PyErr_Clear();
      raise(ErrorKind::Type, "couldn't access the py sequence");
    }
    values[size_t(i)] = v;
  }
  return values;
}

}  // namespace

bool foreach_bulk_set(const PointerRNA &owner, const PropertyRNA &collection,
                      const PropertyRNA &prop, PyObject *seq)
{
  if (!prop.bulk_set || prop.dynamic_length) {
    return false;
  }
  const int64_t count = rna::collection_length(owner, collection);
  const int width = std::max(prop.array_length(), 1);
  std::optional<std::vector<double>> values = values_as_doubles(seq, Py_ssize_t(count) * width);
  if (!values) {
    raise(ErrorKind::Runtime, "internal error setting the array");
  }
  for (double &v : *values) {
    if (!std::isnan(v)) {
      v = std::clamp(v, prop.hard_min, prop.hard_max);
    }
  }
  if (count == 0) {
    return true;
  }
  prop.bulk_set(owner, *values);
  rna::property_changed(rna::collection_at(owner, collection, 0), prop);
  return true;
}

bool foreach_raw(const PointerRNA &owner, const PropertyRNA &collection, const PropertyRNA &prop,
                 PyObject *seq, bool set)
{
  if (!prop.raw_array || prop.dynamic_length) {
    return false;
  }
  const int64_t count = rna::collection_length(owner, collection);
  const int width = std::max(prop.array_length(), 1);
  const Py_ssize_t total = Py_ssize_t(count) * width;

  /* Check the caller's side before touching the data (for_write may copy it). */
  Py_buffer view{};
  std::optional<BufferType> type;
  if (PyObject_CheckBuffer(seq)) {
    const int flags = PyBUF_C_CONTIGUOUS | PyBUF_FORMAT | (set ? 0 : PyBUF_WRITABLE);
    if (PyObject_GetBuffer(seq, &view, flags) < 0) {
      PyErr_Clear();
      return false; /* not contiguous or read-only: the generic path explains */
    }
    type = buffer_type(view);
    if (!type) {
      PyBuffer_Release(&view);
      return false;
    }
  }
  struct Release {
    Py_buffer *view;
    ~Release()
    {
      if (view->obj) {
        PyBuffer_Release(view);
      }
    }
  } release{&view};

  const Py_ssize_t given = type ? view.len / view.itemsize : PyObject_Length(seq);
  if (given < 0) {
    throw PyRaised();
  }
  if (given != total) {
    raise(ErrorKind::Runtime, "internal error setting the array");
  }
  if (set && !prop.is_editable()) {
    raise(ErrorKind::Attribute, "foreach_set: property \"", prop.identifier, "\" is read-only");
  }
  std::optional<RawArray> raw = prop.raw_array(owner, set);
  if (!raw || raw->count != count) {
    return false;
  }
  if (count == 0) {
    return true;
  }
  if (type) {
    copy_buffer(*raw, width, view, *type, set);
  }
  else {
    copy_sequence(*raw, width, seq, set);
  }
  if (set) {
    rna::property_changed(rna::collection_at(owner, collection, 0), prop);
  }
  return true;
}

}  // namespace whisk::python
