// Geometry entry points that are not RNA: zero-copy array views of attributes (what
// `Attribute.as_array()` wraps in numpy), `Mesh.from_pydata` in one call, and the mesh
// primitives (`whisk.primitives`).
//
// An ArrayView exports an attribute's buffer through the buffer protocol. It holds a *view*
// on the buffer (ImplicitSharingInfo), so the memory stays valid for as long as the view
// lives, even after the mesh (or point cloud: any geometry, through
// kernel::AttributeOwner) is resized or removed; it then simply no longer belongs to the
// mesh. A writable view first makes the buffer the mesh's own (copy-on-write) and
// registers as a *writer*: copies of the mesh then get their own arrays, and the mesh's
// caches (normals, bounds...) check a hash of the written array before they are reused. Topology arrays are
// only ever exported read-only: writing indices there could make the mesh inconsistent
// behind the checks of foreach_set and from_pydata.

#include <cstring>

#include "bridge.hh"
#include "whisk/geometry/mesh_primitives.hh"
#include "whisk/kernel/attribute_owner.hh"
#include "whisk/kernel/lib_id.hh"
#include "whisk/kernel/mesh.hh"

namespace whisk::python {

using dna::Attribute;
using dna::Mesh;

namespace {

struct PyArrayView {
  PyObject_HEAD
  const ImplicitSharingInfo *info;
  bool writer;
  bool writable;
  void *data;
  int ndim;
  Py_ssize_t shape[2];
  Py_ssize_t strides[2];
  Py_ssize_t itemsize;
  const char *format;
};

PyTypeObject *ArrayViewType = nullptr;

/** Memory for empty views: the buffer protocol wants a valid pointer. */
alignas(16) char empty_buffer[16];

struct Layout {
  const char *format;
  Py_ssize_t itemsize;
  int width; /* values per element; 1 = one-dimensional */
};

Layout layout_of(dna::AttrType type)
{
  using dna::AttrType;
  switch (type) {
    case AttrType::Float: return {"f", 4, 1};
    case AttrType::Int: return {"i", 4, 1};
    case AttrType::FloatVector: return {"f", 4, 3};
    case AttrType::FloatColor: return {"f", 4, 4};
    case AttrType::ByteColor: return {"B", 1, 4};
    case AttrType::Bool: return {"?", 1, 1};
    case AttrType::Float2: return {"f", 4, 2};
    case AttrType::Int8: return {"b", 1, 1};
    case AttrType::Int2: return {"i", 4, 2};
    case AttrType::Quaternion: return {"f", 4, 4};
    case AttrType::String: break;
  }
  raise(ErrorKind::Type, "as_array(): STRING attributes have no array view");
}

int view_getbuffer(PyObject *self, Py_buffer *buffer, int flags)
{
  auto *v = reinterpret_cast<PyArrayView *>(self);
  if ((flags & PyBUF_WRITABLE) && !v->writable) {
    PyErr_SetString(PyExc_BufferError, "the array view is read-only");
    buffer->obj = nullptr;
    return -1;
  }
  buffer->buf = v->data;
  buffer->obj = Py_NewRef(self);
  buffer->len = v->shape[0] * (v->ndim == 2 ? v->shape[1] : 1) * v->itemsize;
  buffer->readonly = !v->writable;
  buffer->itemsize = v->itemsize;
  buffer->format = (flags & PyBUF_FORMAT) ? const_cast<char *>(v->format) : nullptr;
  buffer->ndim = v->ndim;
  buffer->shape = (flags & PyBUF_ND) ? v->shape : nullptr;
  buffer->strides = (flags & PyBUF_STRIDES) == PyBUF_STRIDES ? v->strides : nullptr;
  buffer->suboffsets = nullptr;
  buffer->internal = nullptr;
  return 0;
}

void view_dealloc(PyObject *self)
{
  auto *v = reinterpret_cast<PyArrayView *>(self);
  if (v->info) {
    if (v->writer) {
      v->info->remove_writer();
    }
    v->info->remove_view_and_delete_if_last();
  }
  PyTypeObject *type = Py_TYPE(self);
  type->tp_free(self);
  Py_DECREF(type);
}

PyObject *view_get_readonly(PyObject *self, void *)
{
  return PyBool_FromLong(!reinterpret_cast<PyArrayView *>(self)->writable);
}

PyGetSetDef view_getset[] = {
    {"readonly", view_get_readonly, nullptr, "Whether writing through the view is refused", nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

const PointerRNA &struct_arg(PyObject *obj, const char *context)
{
  if (!is_struct(obj)) {
    raise(ErrorKind::Type, context, ": expected a bpy_struct, not ", Py_TYPE(obj)->tp_name);
  }
  return reinterpret_cast<PyStruct *>(obj)->handle.resolve();
}

/** The attribute behind an Attribute or MeshUVLoopLayer object, and its geometry. */
Attribute &attribute_arg(PyObject *obj, kernel::AttributeOwner *r_owner)
{
  const PointerRNA &ptr = struct_arg(obj, "as_array()");
  const rna::BlenderRNA &rna = rna::blender_rna();
  const kernel::AttributeOwner owner = kernel::AttributeOwner::from_id(ptr.owner_id);
  if (!ptr.type || !(ptr.type->is_a(rna.find("Attribute")) ||
                     ptr.type->is_a(rna.find("MeshUVLoopLayer"))) ||
      !owner)
  {
    raise(ErrorKind::Type, "as_array(): expected a geometry attribute, not ",
          ptr.type ? ptr.type->identifier : "?");
  }
  *r_owner = owner;
  return *static_cast<Attribute *>(ptr.data);
}

PyObject *attribute_view(PyObject *, PyObject *args)
{
  return guard<PyObject *>(nullptr, [&]() -> PyObject * {
    PyObject *obj = nullptr;
    int writable = 1;
    if (!PyArg_ParseTuple(args, "Op:attribute_view", &obj, &writable)) {
      throw PyRaised();
    }
    kernel::AttributeOwner owner;
    Attribute &attribute = attribute_arg(obj, &owner);
    const Layout layout = layout_of(attribute.type);
    if (writable && owner.is_topology(attribute.name)) {
      raise(ErrorKind::Value, "as_array(): \"", attribute.name,
            "\" defines the topology and is read-only; change it with foreach_set or "
            "from_pydata, which check the indices");
    }
    if (attribute.size() * int64_t(dna::attr_type_size(attribute.type)) !=
        int64_t(attribute.data.size()))
    {
      raise(ErrorKind::Runtime, "as_array(): attribute \"", attribute.name, "\" is damaged");
    }
    void *data = writable ? static_cast<void *>(attribute.data.mutable_span().data()) :
                            const_cast<std::byte *>(attribute.data.data());
    PyArrayView *view = PyObject_New(PyArrayView, ArrayViewType);
    check(reinterpret_cast<PyObject *>(view));
    view->info = attribute.data.sharing_info();
    view->writer = writable && view->info;
    view->writable = writable;
    view->data = data ? data : empty_buffer;
    view->itemsize = layout.itemsize;
    view->format = layout.format;
    view->ndim = layout.width > 1 ? 2 : 1;
    view->shape[0] = Py_ssize_t(attribute.size());
    view->shape[1] = layout.width;
    view->strides[0] = layout.itemsize * layout.width;
    view->strides[1] = layout.itemsize;
    if (view->info) {
      view->info->add_view();
      if (view->writer) {
        view->info->add_writer();
      }
    }
    if (writable) {
      /* Caches built before now may go stale once the view writes; while the writer
       * lives they check a hash of the array before reuse (kernel/mesh.hh). */
      owner.values_changed(attribute.name);
      kernel::id_tag_update(owner.id(), dna::ID_RECALC_GEOMETRY);
    }
    return reinterpret_cast<PyObject *>(view);
  });
}

/** A contiguous buffer of the given format ('f' or 'i'); `width` values per element. */
class TypedBuffer {
 public:
  TypedBuffer(PyObject *obj, char format, const char *what)
  {
    if (PyObject_GetBuffer(obj, &buffer_, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT) < 0) {
      throw PyRaised();
    }
    held_ = true;
    const char *f = buffer_.format ? buffer_.format : "B";
    if (f[0] == '<' || f[0] == '=' || f[0] == '@') {
      f++;
    }
    const bool ok = format == 'f' ? (f[0] == 'f' && buffer_.itemsize == 4) :
                                    ((f[0] == 'i' || f[0] == 'l') && buffer_.itemsize == 4);
    if (!ok) {
      raise(ErrorKind::Type, "from_pydata: ", what, " must be a buffer of ",
            format == 'f' ? "float32" : "int32");
    }
  }
  ~TypedBuffer()
  {
    if (held_) {
      PyBuffer_Release(&buffer_);
    }
  }
  template<typename T> std::span<const T> span() const
  {
    return {static_cast<const T *>(buffer_.buf), size_t(buffer_.len) / sizeof(T)};
  }

 private:
  Py_buffer buffer_{};
  bool held_ = false;
};

PyObject *mesh_from_pydata(PyObject *, PyObject *args)
{
  return guard<PyObject *>(nullptr, [&]() -> PyObject * {
    PyObject *mesh_obj, *verts_obj, *edges_obj, *offsets_obj, *face_verts_obj;
    int shade_flat = 1;
    if (!PyArg_ParseTuple(args, "OOOOOp:mesh_from_pydata", &mesh_obj, &verts_obj, &edges_obj,
                          &offsets_obj, &face_verts_obj, &shade_flat))
    {
      throw PyRaised();
    }
    const PointerRNA &ptr = struct_arg(mesh_obj, "from_pydata");
    if (!ptr.owner_id || ptr.data != static_cast<void *>(ptr.owner_id) ||
        ptr.owner_id->type != dna::IDType::Mesh)
    {
      raise(ErrorKind::Type, "from_pydata: expected a Mesh");
    }
    Mesh &mesh = *reinterpret_cast<Mesh *>(ptr.owner_id);
    TypedBuffer verts(verts_obj, 'f', "vertices"), edges(edges_obj, 'i', "edges"),
        offsets(offsets_obj, 'i', "face offsets"), face_verts(face_verts_obj, 'i', "faces");
    const std::span<const float> v = verts.span<float>();
    const std::span<const int32_t> e = edges.span<int32_t>();
    if (v.size() % 3 || e.size() % 2) {
      raise(ErrorKind::Value, "from_pydata: vertices need 3 and edges 2 values each");
    }
    /* The GIL stays held: the mesh belongs to Python's thread of control here. */
    kernel::mesh_from_pydata(mesh, {reinterpret_cast<const float3 *>(v.data()), v.size() / 3},
                             {reinterpret_cast<const int2 *>(e.data()), e.size() / 2},
                             offsets.span<int32_t>(), face_verts.span<int32_t>());
    /* As Blender leaves them: everything selected, faces flat unless asked smooth. */
    for (const auto &[name, domain] : {std::pair{".select_vert", dna::AttrDomain::Point},
                                       std::pair{".select_edge", dna::AttrDomain::Edge},
                                       std::pair{".select_poly", dna::AttrDomain::Face},
                                       std::pair{"sharp_face", dna::AttrDomain::Face}})
    {
      const int64_t size = kernel::mesh_domain_size(mesh, domain);
      if (size && (shade_flat || domain != dna::AttrDomain::Face || name[0] == '.')) {
        std::ranges::fill(kernel::attribute_add(mesh.attributes, name, domain,
                                                dna::AttrType::Bool, size)
                              .mutable_span<bool>(),
                          true);
      }
    }
    kernel::id_tag_update(&mesh.id, dna::ID_RECALC_GEOMETRY);
    Py_RETURN_NONE;
  });
}

PyMethodDef geometry_methods[] = {
    {"attribute_view", attribute_view, METH_VARARGS,
     "attribute_view(attribute, writable): a buffer sharing the attribute's memory"},
    {"mesh_from_pydata", mesh_from_pydata, METH_VARARGS,
     "mesh_from_pydata(mesh, verts_f32, edges_i32, face_offsets_i32, face_verts_i32, shade_flat)"},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

void init_geometry(PyObject *module)
{
  static PyType_Slot slots[] = {
      {Py_tp_dealloc, reinterpret_cast<void *>(view_dealloc)},
      {Py_tp_getset, view_getset},
      {Py_bf_getbuffer, reinterpret_cast<void *>(view_getbuffer)},
      {Py_tp_doc, const_cast<char *>("Memory of a geometry attribute (buffer protocol)")},
      {0, nullptr},
  };
  static PyType_Spec spec = {"_whisk.ArrayView", sizeof(PyArrayView), 0, Py_TPFLAGS_DEFAULT,
                             slots};
  ArrayViewType = reinterpret_cast<PyTypeObject *>(check(PyType_FromSpec(&spec)));
  PyModule_AddObjectRef(module, "ArrayView", reinterpret_cast<PyObject *>(ArrayViewType));
  check(PyModule_AddFunctions(module, geometry_methods) == 0 ? Py_None : nullptr);
  init_primitives(module);
}

}  // namespace whisk::python
