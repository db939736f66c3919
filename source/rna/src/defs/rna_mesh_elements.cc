// Mesh elements: vertices, edges, polygons, loops (corners) and loop triangles, with
// Blender 4's properties over Whisk's structure-of-arrays storage. Elements are
// (mesh, domain, index) pointers (see mesh_common.hh); bulk access goes through raw arrays.

#include <cmath>

#include "mesh_common.hh"

namespace whisk::rna {
using namespace define;
using namespace defs;
using kernel::Main;

namespace defs {

void mesh_changed(const PointerRNA &p, MeshChange change)
{
  Mesh &mesh = mesh_of(p);
  switch (change) {
    case MeshChange::Positions: kernel::mesh_tag_positions_changed(mesh); break;
    case MeshChange::Topology: kernel::mesh_tag_topology_changed(mesh); break;
    case MeshChange::Sharpness: kernel::mesh_tag_sharpness_changed(mesh); break;
    case MeshChange::Other: break;
  }
}

std::optional<RawArray> attribute_raw(Mesh &mesh, std::string_view name, AttrDomain domain,
                                      AttrType type, RawType raw, bool for_write)
{
  const int64_t size = kernel::mesh_domain_size(mesh, domain);
  dna::Attribute *attribute = mesh.attributes.find(name);
  if (!attribute || attribute->domain != domain || attribute->type != type) {
    if (!for_write || size == 0) {
      return std::nullopt;
    }
    if (attribute) {
      kernel::attribute_remove(mesh.attributes, name);
    }
    attribute = &kernel::attribute_add(mesh.attributes, std::string(name), domain, type, size);
  }
  if (attribute->size() != size) {
    return std::nullopt; /* damaged: the generic path checks every index */
  }
  void *data = for_write ? static_cast<void *>(attribute->data.mutable_span().data()) :
                           const_cast<std::byte *>(attribute->data.data());
  return RawArray{data, raw, int64_t(dna::attr_type_size(type)), size};
}

}  // namespace defs

namespace {

const float3 &checked(std::span<const float3> values, int64_t i)
{
  if (i < 0 || size_t(i) >= values.size()) {
    raise(ErrorKind::Runtime, "mesh data is inconsistent; call Mesh.validate()");
  }
  return values[size_t(i)];
}

/** The corners of face i, clamped to the corner array (a damaged mesh reads as less). */
std::pair<int32_t, int32_t> face_range(const Mesh &mesh, int64_t face)
{
  const std::span<const int32_t> offsets = kernel::mesh_face_offsets(mesh);
  if (size_t(face) + 1 >= offsets.size()) {
    return {0, 0};
  }
  const int32_t corners = int32_t(kernel::mesh_corner_verts(mesh).size());
  const int32_t begin = std::clamp(offsets[size_t(face)], 0, corners);
  const int32_t end = std::clamp(offsets[size_t(face) + 1], begin, corners);
  return {begin, end};
}

template<typename T>
PropertyDef vector_property(PropertyDef prop, int size, std::function<T(const PointerRNA &)> get)
{
  prop.get()->array_dimensions[0] = size;
  prop.read_only();
  prop.get()->get_float = [get](const PointerRNA &p, int i) { return double(get(p)[i]); };
  return prop;
}

/** foreach_get of cached derived vectors (normals) straight from the cache. */
void cached_raw(PropertyDef prop, std::span<const float3> (*values)(const Mesh &))
{
  prop.get()->raw_array = [values](const PointerRNA &owner,
                                   bool for_write) -> std::optional<RawArray> {
    if (for_write) {
      return std::nullopt;
    }
    const std::span<const float3> v = values(mesh_of(owner));
    if (v.empty()) {
      return std::nullopt;
    }
    return RawArray{const_cast<float3 *>(v.data()), RawType::Float32, 12, int64_t(v.size())};
  };
}

void define_vertex(BlenderRNA &rna)
{
  StructDef<MeshElement> def = struct_<MeshElement>(rna, "MeshVertex");
  def.ui("Mesh Vertex", "Vertex in a Mesh data-block");
  element_path(def.srna(), "vertices");
  PropertyDef co = def.add("co", PropertyType::Float);
  co.ui("Location", "").subtype(PropertySubtype::Translation).unit(PropertyUnit::Length);
  co.get()->array_dimensions[0] = 3;
  co.get()->get_float = [](const PointerRNA &p, int k) {
    return double(checked(kernel::mesh_positions(mesh_of(p)), p.index)[k]);
  };
  co.get()->set_float = [](const PointerRNA &p, int k, double v) {
    std::span<float3> positions = kernel::mesh_positions_for_write(mesh_of(p));
    if (size_t(p.index) < positions.size()) {
      positions[size_t(p.index)][k] = float(v);
    }
  };
  co.get()->raw_array = [](const PointerRNA &owner, bool for_write) {
    return attribute_raw(mesh_of(owner), kernel::ATTR_POSITION, AttrDomain::Point,
                         AttrType::FloatVector, RawType::Float32, for_write);
  };
  co.update([](Main &, const PointerRNA &p) { mesh_changed(p, MeshChange::Positions); });
  co.recalc(dna::ID_RECALC_GEOMETRY);

  cached_raw(vector_property<float3>(def.add("normal", PropertyType::Float)
                                         .ui("Normal", "Vertex normal")
                                         .subtype(PropertySubtype::Direction),
                                     3,
                                     [](const PointerRNA &p) {
                                       return checked(kernel::mesh_vert_normals(mesh_of(p)),
                                                      p.index);
                                     }),
             kernel::mesh_vert_normals);
  element_flag(def, "select", ".select_vert", AttrDomain::Point, MeshChange::Other)
      .ui("Select", "");
  element_flag(def, "hide", ".hide_vert", AttrDomain::Point, MeshChange::Other).ui("Hide", "");
  element_index_property(def, "vertex");
}

/** Reads an int from an int attribute element, range-checked. */
int32_t int_at(std::span<const int32_t> values, int64_t i)
{
  return size_t(i) < values.size() ? values[size_t(i)] : 0;
}

void define_edge(BlenderRNA &rna)
{
  StructDef<MeshElement> def = struct_<MeshElement>(rna, "MeshEdge");
  def.ui("Mesh Edge", "Edge in a Mesh data-block");
  element_path(def.srna(), "edges");
  PropertyDef verts = def.add("vertices", PropertyType::Int);
  verts.ui("Vertices", "Vertex indices");
  unsigned_index(verts);
  verts.get()->array_dimensions[0] = 2;
  verts.get()->get_int = [](const PointerRNA &p, int k) -> int64_t {
    const std::span<const int2> edges = kernel::mesh_edges(mesh_of(p));
    return size_t(p.index) < edges.size() ? edges[size_t(p.index)][k] : 0;
  };
  verts.get()->set_int = [](const PointerRNA &p, int k, int64_t v) {
    std::span<int2> edges = kernel::mesh_edges_for_write(mesh_of(p));
    if (size_t(p.index) < edges.size()) {
      edges[size_t(p.index)][k] = int32_t(v);
    }
  };
  verts.get()->raw_array = [](const PointerRNA &owner, bool for_write) {
    return attribute_raw(mesh_of(owner), kernel::ATTR_EDGE_VERTS, AttrDomain::Edge,
                         AttrType::Int2, RawType::Int32, for_write);
  };
  verts.update([](Main &, const PointerRNA &p) { mesh_changed(p, MeshChange::Topology); });
  verts.recalc(dna::ID_RECALC_GEOMETRY);

  element_flag(def, "select", ".select_edge", AttrDomain::Edge, MeshChange::Other)
      .ui("Select", "");
  element_flag(def, "hide", ".hide_edge", AttrDomain::Edge, MeshChange::Other).ui("Hide", "");
  element_flag(def, "use_seam", ".uv_seam", AttrDomain::Edge, MeshChange::Other)
      .ui("Seam", "Seam edge for UV unwrapping");
  element_flag(def, "use_edge_sharp", "sharp_edge", AttrDomain::Edge, MeshChange::Sharpness)
      .ui("Sharp", "Sharp edge for shading");
  PropertyDef loose = def.add("is_loose", PropertyType::Boolean);
  /* Derived from the faces, read-only as in Blender 4 (3.4 stored it as a flag). */
  loose.ui("Loose", "Edge is not connected to any faces").read_only();
  loose.get()->get_bool = [](const PointerRNA &p, int) {
    const kernel::GroupedIndices &map = kernel::mesh_edge_to_face_map(mesh_of(p));
    return p.index >= map.size() || map[int32_t(p.index)].empty();
  };
  element_index_property(def, "edge");
}

void define_polygon(BlenderRNA &rna)
{
  StructDef<MeshElement> def = struct_<MeshElement>(rna, "MeshPolygon");
  def.ui("Mesh Polygon", "Polygon in a Mesh data-block");
  element_path(def.srna(), "polygons");

  PropertyDef verts = def.add("vertices", PropertyType::Int);
  verts.ui("Vertices", "Vertex indices");
  unsigned_index(verts);
  verts.get()->array_dimensions[0] = 3;
  verts.get()->dynamic_length = [](const PointerRNA &p) {
    const auto [begin, end] = face_range(mesh_of(p), p.index);
    return int(end - begin);
  };
  verts.get()->get_int = [](const PointerRNA &p, int k) -> int64_t {
    const auto [begin, end] = face_range(mesh_of(p), p.index);
    return begin + k < end ? kernel::mesh_corner_verts(mesh_of(p))[size_t(begin + k)] : 0;
  };
  verts.get()->set_int = [](const PointerRNA &p, int k, int64_t v) {
    const auto [begin, end] = face_range(mesh_of(p), p.index);
    if (begin + k < end) {
      kernel::mesh_corner_verts_for_write(mesh_of(p))[size_t(begin + k)] = int32_t(v);
    }
  };
  verts.update([](Main &, const PointerRNA &p) { mesh_changed(p, MeshChange::Topology); });

  /* Blender 4 derives loop_total from the next face's start; 3.x scripts still set both
   * (start, then total), which Whisk accepts: setting the total moves the next start. */
  PropertyDef start = def.add("loop_start", PropertyType::Int);
  start.ui("Loop Start", "Index of the first loop of this polygon");
  unsigned_index(start);
  start.get()->get_int = [](const PointerRNA &p, int) -> int64_t {
    return int_at(kernel::mesh_face_offsets(mesh_of(p)), p.index);
  };
  start.get()->set_int = [](const PointerRNA &p, int, int64_t v) {
    std::span<int32_t> offsets = kernel::mesh_face_offsets_for_write(mesh_of(p));
    if (size_t(p.index) < offsets.size()) {
      offsets[size_t(p.index)] = int32_t(v);
    }
  };
  start.get()->raw_array = [](const PointerRNA &owner, bool for_write) -> std::optional<RawArray> {
    Mesh &mesh = mesh_of(owner);
    if (mesh.faces_num == 0) {
      return std::nullopt;
    }
    void *data = for_write ? static_cast<void *>(kernel::mesh_face_offsets_for_write(mesh).data()) :
                             const_cast<int32_t *>(mesh.face_offsets.data());
    return RawArray{data, RawType::Int32, 4, mesh.faces_num};
  };
  start.update([](Main &, const PointerRNA &p) { mesh_changed(p, MeshChange::Topology); });
  PropertyDef total = def.add("loop_total", PropertyType::Int);
  total.ui("Loop Total", "Number of loops used by this polygon");
  unsigned_index(total);
  total.get()->get_int = [](const PointerRNA &p, int) -> int64_t {
    const std::span<const int32_t> offsets = kernel::mesh_face_offsets(mesh_of(p));
    return int_at(offsets, p.index + 1) - int_at(offsets, p.index);
  };
  total.get()->set_int = [](const PointerRNA &p, int, int64_t v) {
    std::span<int32_t> offsets = kernel::mesh_face_offsets_for_write(mesh_of(p));
    if (size_t(p.index) + 1 < offsets.size()) {
      offsets[size_t(p.index) + 1] = int32_t(int64_t(offsets[size_t(p.index)]) + v);
    }
  };
  total.get()->bulk_set = [](const PointerRNA &owner, std::span<const double> values) {
    std::span<int32_t> offsets = kernel::mesh_face_offsets_for_write(mesh_of(owner));
    for (size_t i = 0; i < values.size() && i + 1 < offsets.size(); i++) {
      offsets[i + 1] = int32_t(int64_t(offsets[i]) + int64_t(values[i]));
    }
  };
  total.update([](Main &, const PointerRNA &p) { mesh_changed(p, MeshChange::Topology); });

  cached_raw(vector_property<float3>(def.add("normal", PropertyType::Float)
                                         .ui("Polygon Normal",
                                             "Local space unit length normal vector")
                                         .subtype(PropertySubtype::Direction)
                                         .range(-1, 1),
                                     3,
                                     [](const PointerRNA &p) {
                                       return checked(kernel::mesh_face_normals(mesh_of(p)),
                                                      p.index);
                                     }),
             kernel::mesh_face_normals);
  vector_property<float3>(def.add("center", PropertyType::Float)
                              .ui("Polygon Center", "Center of the polygon")
                              .subtype(PropertySubtype::XYZ),
                          3, [](const PointerRNA &p) {
                            kernel::mesh_topology_check(mesh_of(p));
                            return kernel::mesh_face_center(mesh_of(p), int32_t(p.index));
                          });
  PropertyDef area = def.add("area", PropertyType::Float);
  area.ui("Polygon Area", "Read only area of this polygon").read_only();
  area.subtype(PropertySubtype::Unsigned).range(0, FLT_HUGE).soft_range(0, 10000);
  area.get()->get_float = [](const PointerRNA &p, int) {
    kernel::mesh_topology_check(mesh_of(p));
    return double(kernel::mesh_face_area(mesh_of(p), int32_t(p.index)));
  };

  PropertyDef material = def.add("material_index", PropertyType::Int);
  material.ui("Material Index", "Material slot index of this polygon");
  unsigned_index(material);
  material.get()->get_int = [](const PointerRNA &p, int) -> int64_t {
    return kernel::mesh_material_index(mesh_of(p), p.index);
  };
  material.get()->set_int = [](const PointerRNA &p, int, int64_t v) {
    kernel::mesh_material_index_set(mesh_of(p), p.index, int32_t(v));
  };
  material.get()->raw_array = [](const PointerRNA &owner, bool for_write) {
    return attribute_raw(mesh_of(owner), "material_index", AttrDomain::Face, AttrType::Int,
                         RawType::Int32, for_write);
  };
  material.recalc(dna::ID_RECALC_GEOMETRY);

  element_flag(def, "use_smooth", "sharp_face", AttrDomain::Face, MeshChange::Sharpness, true)
      .ui("Smooth", "");
  element_flag(def, "select", ".select_poly", AttrDomain::Face, MeshChange::Other)
      .ui("Select", "");
  element_flag(def, "hide", ".hide_poly", AttrDomain::Face, MeshChange::Other).ui("Hide", "");
  element_index_property(def, "polygon");
}

void define_loop(BlenderRNA &rna)
{
  StructDef<MeshElement> def = struct_<MeshElement>(rna, "MeshLoop");
  def.ui("Mesh Loop", "Loop in a Mesh data-block");
  element_path(def.srna(), "loops");
  struct Index {
    const char *identifier, *name, *attribute;
  };
  for (const Index &index : {Index{"vertex_index", "Vertex", kernel::ATTR_CORNER_VERT.data()},
                             Index{"edge_index", "Edge", kernel::ATTR_CORNER_EDGE.data()}})
  {
    const char *attribute = index.attribute;
    PropertyDef prop = def.add(index.identifier, PropertyType::Int);
    prop.ui(std::string(index.name) + " Index", "");
    unsigned_index(prop);
    prop.get()->get_int = [attribute](const PointerRNA &p, int) -> int64_t {
      const dna::Attribute *a = mesh_of(p).attributes.find(attribute);
      return a ? int_at(a->span<int32_t>(), p.index) : 0;
    };
    prop.get()->set_int = [attribute](const PointerRNA &p, int, int64_t v) {
      Mesh &mesh = mesh_of(p);
      const std::span<int32_t> values =
          attribute == kernel::ATTR_CORNER_VERT ? kernel::mesh_corner_verts_for_write(mesh) :
                                                  kernel::mesh_corner_edges_for_write(mesh);
      if (size_t(p.index) < values.size()) {
        values[size_t(p.index)] = int32_t(v);
      }
    };
    prop.get()->raw_array = [attribute](const PointerRNA &owner, bool for_write) {
      return attribute_raw(mesh_of(owner), attribute, AttrDomain::Corner, AttrType::Int,
                           RawType::Int32, for_write);
    };
    prop.update([](Main &, const PointerRNA &p) { mesh_changed(p, MeshChange::Topology); });
    prop.recalc(dna::ID_RECALC_GEOMETRY);
  }
  cached_raw(vector_property<float3>(def.add("normal", PropertyType::Float)
                                         .ui("Normal",
                                             "The normal of the face corner (split normal)")
                                         .subtype(PropertySubtype::Direction)
                                         .range(-1, 1),
                                     3,
                                     [](const PointerRNA &p) {
                                       return checked(kernel::mesh_corner_normals(mesh_of(p)),
                                                      p.index);
                                     }),
             kernel::mesh_corner_normals);
  element_index_property(def, "loop");
}

void define_loop_triangle(BlenderRNA &rna)
{
  StructDef<MeshElement> def = struct_<MeshElement>(rna, "MeshLoopTriangle");
  def.ui("Mesh Loop Triangle", "Triangle of corners of a polygon");
  element_path(def.srna(), "loop_triangles");
  auto tri = [](const PointerRNA &p) -> int3 {
    const std::span<const int3> tris = kernel::mesh_corner_tris(mesh_of(p));
    if (size_t(p.index) >= tris.size()) {
      raise(ErrorKind::Runtime, "mesh data is inconsistent; call Mesh.validate()");
    }
    return tris[size_t(p.index)];
  };
  PropertyDef loops = def.add("loops", PropertyType::Int);
  loops.ui("Loops", "Indices of the loops of the triangle").read_only();
  unsigned_index(loops);
  loops.get()->array_dimensions[0] = 3;
  loops.get()->get_int = [tri](const PointerRNA &p, int k) -> int64_t { return tri(p)[k]; };
  loops.get()->raw_array = [](const PointerRNA &owner, bool for_write) -> std::optional<RawArray> {
    const std::span<const int3> tris = kernel::mesh_corner_tris(mesh_of(owner));
    if (for_write || tris.empty()) {
      return std::nullopt;
    }
    return RawArray{const_cast<int3 *>(tris.data()), RawType::Int32, 12, int64_t(tris.size())};
  };
  PropertyDef verts = def.add("vertices", PropertyType::Int);
  verts.ui("Vertices", "Indices of the triangle's vertices").read_only();
  unsigned_index(verts);
  verts.get()->array_dimensions[0] = 3;
  verts.get()->get_int = [tri](const PointerRNA &p, int k) -> int64_t {
    return kernel::mesh_corner_verts(mesh_of(p))[size_t(tri(p)[k])];
  };
  PropertyDef face = def.add("polygon_index", PropertyType::Int);
  face.ui("Polygon", "Index of the polygon the triangle belongs to").read_only();
  unsigned_index(face);
  face.get()->get_int = [](const PointerRNA &p, int) -> int64_t {
    return int_at(kernel::mesh_corner_tri_faces(mesh_of(p)), p.index);
  };
  face.get()->raw_array = [](const PointerRNA &owner, bool for_write) -> std::optional<RawArray> {
    const std::span<const int32_t> faces = kernel::mesh_corner_tri_faces(mesh_of(owner));
    if (for_write || faces.empty()) {
      return std::nullopt;
    }
    return RawArray{const_cast<int32_t *>(faces.data()), RawType::Int32, 4, int64_t(faces.size())};
  };
  auto corner_position = [tri](const PointerRNA &p, int k) {
    const Mesh &mesh = mesh_of(p);
    return kernel::mesh_positions(mesh)[size_t(kernel::mesh_corner_verts(mesh)[size_t(tri(p)[k])])];
  };
  vector_property<float3>(def.add("normal", PropertyType::Float)
                              .ui("Triangle Normal", "Local space unit length normal vector")
                              .subtype(PropertySubtype::Direction)
                              .range(-1, 1),
                          3, [corner_position](const PointerRNA &p) {
                            const float3 a = corner_position(p, 0), b = corner_position(p, 1),
                                         c = corner_position(p, 2);
                            return normalize(cross(b - a, c - a));
                          });
  vector_property<float3>(def.add("center", PropertyType::Float)
                              .ui("Triangle Center", "Center of the triangle")
                              .subtype(PropertySubtype::XYZ),
                          3, [corner_position](const PointerRNA &p) {
                            return (corner_position(p, 0) + corner_position(p, 1) +
                                    corner_position(p, 2)) *
                                   (1.0f / 3.0f);
                          });
  PropertyDef area = def.add("area", PropertyType::Float);
  area.ui("Triangle Area", "Area of this triangle").read_only();
  area.subtype(PropertySubtype::Unsigned).range(0, FLT_HUGE).soft_range(0, 10000);
  area.get()->get_float = [corner_position](const PointerRNA &p, int) {
    const float3 a = corner_position(p, 0), b = corner_position(p, 1), c = corner_position(p, 2);
    return double(length(cross(b - a, c - a)) * 0.5f);
  };
  PropertyDef split = def.add("split_normals", PropertyType::Float);
  split.ui("Split Normals", "Normals of the triangle's corners").read_only();
  split.subtype(PropertySubtype::Direction).range(-1, 1);
  split.get()->array_dimensions[0] = 3;
  split.get()->array_dimensions[1] = 3;
  split.get()->get_float = [tri](const PointerRNA &p, int i) {
    const std::span<const float3> normals = kernel::mesh_corner_normals(mesh_of(p));
    return double(normals[size_t(tri(p)[i / 3])][i % 3]);
  };
  PropertyDef material = def.add("material_index", PropertyType::Int);
  material.ui("Material Index", "Material slot index of this triangle").read_only();
  unsigned_index(material);
  material.get()->get_int = [](const PointerRNA &p, int) -> int64_t {
    const std::span<const int32_t> faces = kernel::mesh_corner_tri_faces(mesh_of(p));
    return kernel::mesh_material_index(mesh_of(p), int_at(faces, p.index));
  };
  PropertyDef smooth = def.add("use_smooth", PropertyType::Boolean);
  smooth.ui("Smooth", "").read_only();
  smooth.get()->get_bool = [](const PointerRNA &p, int) {
    const std::span<const int32_t> faces = kernel::mesh_corner_tri_faces(mesh_of(p));
    return !kernel::mesh_flag_get(mesh_of(p), "sharp_face", AttrDomain::Face,
                                  int_at(faces, p.index));
  };
  element_index_property(def, "loop triangle");
}

/** `mesh.vertices.add(count)` and its siblings: grow one domain. */
void define_element_functions(BlenderRNA &rna, const char *identifier, const char *what,
                              AttrDomain domain)
{
  StructDef<Mesh> funcs = struct_<Mesh>(rna, identifier);
  funcs.ui(std::string("Mesh ") + what, std::string("Collection of mesh ") + what);
  FunctionRNA &add = funcs.function(
      "add", std::string("Add ") + what + " to the mesh", [domain](FunctionCall &call) {
        Mesh &mesh = mesh_of(call.self);
        const int64_t count = std::get<int64_t>(call.args[0]);
        int64_t sizes[4] = {mesh.verts_num, mesh.edges_num, mesh.faces_num, mesh.corners_num};
        if (count < 0 || sizes[int(domain)] + count > INT_HUGE) {
          raise(ErrorKind::Value, "add: count ", count, " out of range");
        }
        sizes[int(domain)] += count;
        kernel::mesh_resize(mesh, int32_t(sizes[0]), int32_t(sizes[1]), int32_t(sizes[2]),
                            int32_t(sizes[3]));
        kernel::id_tag_update(call.self.owner_id, dna::ID_RECALC_GEOMETRY);
      });
  parameter(add, "count", PropertyType::Int, nullptr, PARM_REQUIRED)
      .ui("Count", std::string("Number of ") + what + " to add")
      .range(0, INT_HUGE);
}

}  // namespace

void define_mesh_elements(BlenderRNA &rna)
{
  define_vertex(rna);
  define_edge(rna);
  define_polygon(rna);
  define_loop(rna);
  define_loop_triangle(rna);
  define_element_functions(rna, "MeshVertices", "vertices", AttrDomain::Point);
  define_element_functions(rna, "MeshEdges", "edges", AttrDomain::Edge);
  define_element_functions(rna, "MeshPolygons", "polygons", AttrDomain::Face);
  define_element_functions(rna, "MeshLoops", "loops", AttrDomain::Corner);

  StructDef<Mesh> def = struct_<Mesh>(rna, "Mesh");
  struct Elements {
    const char *identifier, *type, *functions, *name, *description;
    AttrDomain domain;
  };
  for (const Elements &e : {
           Elements{"vertices", "MeshVertex", "MeshVertices", "Vertices", "Vertices of the mesh",
                    AttrDomain::Point},
           Elements{"edges", "MeshEdge", "MeshEdges", "Edges", "Edges of the mesh",
                    AttrDomain::Edge},
           Elements{"loops", "MeshLoop", "MeshLoops", "Loops", "Face corners of the mesh",
                    AttrDomain::Corner},
           Elements{"polygons", "MeshPolygon", "MeshPolygons", "Polygons", "Faces of the mesh",
                    AttrDomain::Face},
       })
  {
    const AttrDomain domain = e.domain;
    const StructRNA *item = rna.find(e.type);
    def.collection(
           e.identifier, e.type,
           [domain](const PointerRNA &p) { return kernel::mesh_domain_size(mesh_of(p), domain); },
           [domain, item](const PointerRNA &p, int64_t i) {
             return pointer_from_element(p, item, domain_container(mesh_of(p), domain), i);
           })
        .functions(rna.find(e.functions))
        .ui(e.name, e.description);
  }
  const StructRNA *tri = rna.find("MeshLoopTriangle");
  def.collection(
         "loop_triangles", "MeshLoopTriangle",
         [](const PointerRNA &p) { return int64_t(kernel::mesh_corner_tris(mesh_of(p)).size()); },
         [tri](const PointerRNA &p, int64_t i) {
           return pointer_from_element(p, tri, &mesh_of(p).face_offsets, i);
         })
      .ui("Loop Triangles", "Tessellation of the mesh into triangles of face corners");
}

}  // namespace whisk::rna
