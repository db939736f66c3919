// `_whisk.primitive(mesh, kind, **parameters)`: fills a mesh with one of Blender's mesh
// primitives, with the parameters (names and defaults) of its `primitive_*_add` operator.
// `whisk.primitives` wraps it in one Python function per primitive.

#include <string_view>

#include "bridge.hh"
#include "whisk/geometry/mesh_from_primitive.hh"
#include "whisk/kernel/lib_id.hh"

namespace whisk::python {

namespace {

using geometry::FillType;
using geometry::MeshPrimitive;

FillType fill_type(const char *name)
{
  const std::string_view s(name);
  if (s == "NOTHING") {
    return FillType::Nothing;
  }
  if (s == "NGON") {
    return FillType::NGon;
  }
  if (s == "TRIFAN") {
    return FillType::TriangleFan;
  }
  raise(ErrorKind::Type, "fill_type: enum \"", s, "\" not found in ('NOTHING', 'NGON', 'TRIFAN')");
}

/** Parses the keyword arguments of one primitive and builds it. */
MeshPrimitive build(std::string_view kind, PyObject *kwargs)
{
  PyObject *no_args = check(PyTuple_New(0));
  Ref args_ref(no_args);
  auto parse = [&](const char *format, std::initializer_list<const char *> names, auto *...out) {
    std::vector<char *> keywords;
    for (const char *name : names) {
      keywords.push_back(const_cast<char *>(name));
    }
    keywords.push_back(nullptr);
    if (!PyArg_ParseTupleAndKeywords(no_args, kwargs, format, keywords.data(), out...)) {
      throw PyRaised();
    }
  };
  float size = 2.0f, radius = 1.0f, depth = 2.0f;
  int calc_uvs = 1;
  const char *fill = nullptr;
  if (kind == "plane" || kind == "cube" || kind == "monkey") {
    parse("|$fp", {"size", "calc_uvs"}, &size, &calc_uvs);
    return kind == "plane" ? geometry::primitive_plane(size, calc_uvs) :
           kind == "cube"  ? geometry::primitive_cube(size, calc_uvs) :
                             geometry::primitive_monkey(size, calc_uvs);
  }
  if (kind == "grid") {
    int x = 10, y = 10;
    parse("|$iifp", {"x_subdivisions", "y_subdivisions", "size", "calc_uvs"}, &x, &y, &size,
          &calc_uvs);
    return geometry::primitive_grid(x, y, size, calc_uvs);
  }
  if (kind == "circle") {
    int vertices = 32;
    fill = "NOTHING";
    parse("|$ifsp", {"vertices", "radius", "fill_type", "calc_uvs"}, &vertices, &radius, &fill,
          &calc_uvs);
    return geometry::primitive_circle(vertices, radius, fill_type(fill), calc_uvs);
  }
  if (kind == "uv_sphere") {
    int segments = 32, rings = 16;
    parse("|$iifp", {"segments", "ring_count", "radius", "calc_uvs"}, &segments, &rings, &radius,
          &calc_uvs);
    return geometry::primitive_uv_sphere(segments, rings, radius, calc_uvs);
  }
  if (kind == "ico_sphere") {
    int subdivisions = 2;
    parse("|$ifp", {"subdivisions", "radius", "calc_uvs"}, &subdivisions, &radius, &calc_uvs);
    return geometry::primitive_ico_sphere(subdivisions, radius, calc_uvs);
  }
  if (kind == "cylinder") {
    int vertices = 32;
    fill = "NGON";
    parse("|$iffsp", {"vertices", "radius", "depth", "end_fill_type", "calc_uvs"}, &vertices,
          &radius, &depth, &fill, &calc_uvs);
    return geometry::primitive_cylinder(vertices, radius, depth, fill_type(fill), calc_uvs);
  }
  if (kind == "cone") {
    int vertices = 32;
    float radius1 = 1.0f, radius2 = 0.0f;
    fill = "NGON";
    parse("|$ifffsp", {"vertices", "radius1", "radius2", "depth", "end_fill_type", "calc_uvs"},
          &vertices, &radius1, &radius2, &depth, &fill, &calc_uvs);
    return geometry::primitive_cone(vertices, radius1, radius2, depth, fill_type(fill), calc_uvs);
  }
  if (kind == "torus") {
    int major_segments = 48, minor_segments = 12;
    float major_radius = 1.0f, minor_radius = 0.25f, abso_major = 1.25f, abso_minor = 0.75f;
    const char *mode = "MAJOR_MINOR";
    parse("|$iiffpsff",
          {"major_segments", "minor_segments", "major_radius", "minor_radius", "generate_uvs",
           "mode", "abso_major_rad", "abso_minor_rad"},
          &major_segments, &minor_segments, &major_radius, &minor_radius, &calc_uvs, &mode,
          &abso_major, &abso_minor);
    const std::string_view m(mode);
    if (m != "MAJOR_MINOR" && m != "EXT_INT") {
      raise(ErrorKind::Type, "mode: enum \"", m, "\" not found in ('MAJOR_MINOR', 'EXT_INT')");
    }
    return geometry::primitive_torus(
        major_segments, minor_segments, major_radius, minor_radius, calc_uvs,
        m == "EXT_INT" ? geometry::TorusMode::ExteriorInterior : geometry::TorusMode::MajorMinor,
        abso_major, abso_minor);
  }
  raise(ErrorKind::Value, "unknown primitive \"", kind, "\"");
}

PyObject *primitive(PyObject *, PyObject *args, PyObject *kwargs)
{
  return guard<PyObject *>(nullptr, [&]() -> PyObject * {
    PyObject *mesh_obj = nullptr;
    const char *kind = nullptr;
    if (!PyArg_ParseTuple(args, "Os:primitive", &mesh_obj, &kind)) {
      throw PyRaised();
    }
    if (!is_struct(mesh_obj)) {
      raise(ErrorKind::Type, "primitive: expected a Mesh");
    }
    const PointerRNA &ptr = reinterpret_cast<PyStruct *>(mesh_obj)->handle.resolve();
    if (!ptr.owner_id || ptr.data != static_cast<void *>(ptr.owner_id) ||
        ptr.owner_id->type != dna::IDType::Mesh)
    {
      raise(ErrorKind::Type, "primitive: expected a Mesh");
    }
    const MeshPrimitive built = build(kind, kwargs);
    dna::Mesh &mesh = *reinterpret_cast<dna::Mesh *>(ptr.owner_id);
    geometry::mesh_from_primitive(built, mesh);
    kernel::id_tag_update(&mesh.id, dna::ID_RECALC_GEOMETRY);
    Py_RETURN_NONE;
  });
}

PyMethodDef primitive_methods[] = {
    {"primitive", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(primitive)),
     METH_VARARGS | METH_KEYWORDS,
     "primitive(mesh, kind, **parameters): fill the mesh with a Blender primitive"},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

void init_primitives(PyObject *module)
{
  check(PyModule_AddFunctions(module, primitive_methods) == 0 ? Py_None : nullptr);
}

}  // namespace whisk::python
