// Mesh functions (update, validate, clear_geometry, transform, flip_normals, shading) and
// vertex groups: Object.vertex_groups (names live on the mesh, as in Blender 3+) and
// MeshVertex.groups (the vertex's weights).

#include "mesh_common.hh"
#include "whisk/kernel/object.hh"

namespace whisk::rna {
using namespace define;
using namespace defs;
using dna::Object;
using kernel::Main;

namespace {

void tag_geometry(const FunctionCall &call, MeshChange change)
{
  mesh_changed(call.self, change);
  kernel::id_tag_update(call.self.owner_id, dna::ID_RECALC_GEOMETRY);
  kernel::data_generation_bump();
}

void define_functions(BlenderRNA &rna)
{
  StructDef<Mesh> def = struct_<Mesh>(rna, "Mesh");

  FunctionRNA &update = def.function("update", "Update the mesh after changing its data",
                                     [](FunctionCall &call) {
                                       Mesh &mesh = mesh_of(call.self);
                                       if (std::get<bool>(call.args[0])) {
                                         kernel::mesh_calc_edges(mesh);
                                       }
                                       tag_geometry(call, MeshChange::Topology);
                                     });
  parameter(update, "calc_edges", PropertyType::Boolean)
      .ui("Calculate Edges", "Force recalculation of edges");
  parameter(update, "calc_edges_loose", PropertyType::Boolean)
      .ui("Calculate Loose Edges", "Calculate the loose state of each edge");

  FunctionRNA &validate = def.function(
      "validate", "Validate geometry, return True when the mesh has had invalid geometry corrected/removed",
      [](FunctionCall &call) {
        kernel::MeshValidateReport report = kernel::mesh_validate(mesh_of(call.self));
        if (std::get<bool>(call.args[0])) {
          for (const std::string &message : report.messages) {
            std::fprintf(stderr, "Mesh.validate: %s\n", message.c_str());
          }
        }
        if (report.changed) {
          tag_geometry(call, MeshChange::Topology);
        }
        call.result = report.changed;
      });
  parameter(validate, "verbose", PropertyType::Boolean)
      .ui("Verbose", "Output information about the errors found");
  parameter(validate, "clean_customdata", PropertyType::Boolean)
      .ui("Clean Custom Data", "Remove temp/cached custom-data layers")
      .default_value(1);
  parameter(validate, "result", PropertyType::Boolean, nullptr, PARM_OUTPUT)
      .ui("Result", "");

  def.function("clear_geometry", "Remove all geometry from the mesh", [](FunctionCall &call) {
    kernel::mesh_clear_geometry(mesh_of(call.self));
    tag_geometry(call, MeshChange::Topology);
  });

  FunctionRNA &transform = def.function(
      "transform", "Transform mesh vertices by a matrix", [](FunctionCall &call) {
        const auto &values = std::get<std::vector<double>>(call.args[0]);
        float4x4 m;
        for (int i = 0; i < 16; i++) {
          m.data()[i] = float(values[size_t(i)]);
        }
        kernel::mesh_transform(mesh_of(call.self), m);
        tag_geometry(call, MeshChange::Positions);
      });
  PropertyDef matrix = parameter(transform, "matrix", PropertyType::Float, nullptr, PARM_REQUIRED);
  matrix.ui("", "Matrix").subtype(PropertySubtype::Matrix).soft_range(0, 0);
  matrix.get()->array_dimensions[0] = matrix.get()->array_dimensions[1] = 4;
  parameter(transform, "shape_keys", PropertyType::Boolean)
      .ui("", "Transform Shape Keys");

  def.function("flip_normals", "Invert winding of all polygons", [](FunctionCall &call) {
    kernel::mesh_flip_normals(mesh_of(call.self));
    tag_geometry(call, MeshChange::Topology);
  });
  /* Whisk keeps triangles and normals up to date on demand; these stay for scripts that
   * ask for them (Blender 3.x needed the calls). They check the mesh is usable. */
  for (const char *name : {"calc_loop_triangles", "calc_normals_split", "calc_normals"}) {
    def.function(name, "Compute derived data now (kept up to date automatically)",
                 [](FunctionCall &call) { kernel::mesh_topology_check(mesh_of(call.self)); });
  }
  def.function("free_normals_split", "Free split normals (no-op: computed on demand)",
               [](FunctionCall &) {});
  for (const bool smooth : {true, false}) {
    def.function(smooth ? "shade_smooth" : "shade_flat",
                 smooth ? "Set all faces to smooth shading" : "Set all faces to flat shading",
                 [smooth](FunctionCall &call) {
                   Mesh &mesh = mesh_of(call.self);
                   kernel::attribute_remove(mesh.attributes, "sharp_face");
                   kernel::attribute_remove(mesh.attributes, "sharp_edge");
                   if (!smooth && mesh.faces_num) {
                     std::ranges::fill(kernel::attribute_add(mesh.attributes, "sharp_face",
                                                             AttrDomain::Face, AttrType::Bool,
                                                             mesh.faces_num)
                                           .mutable_span<bool>(),
                                       true);
                   }
                   tag_geometry(call, MeshChange::Sharpness);
                 });
  }
}

/* ---- Vertex groups ------------------------------------------------------------------------
 * A VertexGroup pointer: owner = the Object, data = the mesh's name list, index = group. */

Mesh *object_mesh(const PointerRNA &p)
{
  const Object &ob = *reinterpret_cast<const Object *>(p.owner_id);
  return ob.data && ob.data->type == dna::IDType::Mesh ? reinterpret_cast<Mesh *>(ob.data) :
                                                          nullptr;
}

Mesh &object_mesh_or_raise(const PointerRNA &p)
{
  Mesh *mesh = object_mesh(p);
  if (!mesh) {
    raise(ErrorKind::Runtime, "Object \"", p.owner_id->name,
          "\" has no mesh data for vertex groups");
  }
  return *mesh;
}

int32_t group_index(const PointerRNA &p) { return int32_t(p.index); }

void define_vertex_group(BlenderRNA &rna)
{
  StructDef<std::vector<std::string>> def = struct_<std::vector<std::string>>(rna, "VertexGroup");
  def.ui("Vertex Group", "Group of vertices, used for armature deform and other purposes");
  def.srna()->path = [](const PointerRNA &p) -> std::optional<std::string> {
    const auto &names = *static_cast<const std::vector<std::string> *>(p.data);
    return "vertex_groups[\"" + (size_t(p.index) < names.size() ? names[size_t(p.index)] : "") +
           "\"]";
  };
  PropertyDef name = def.add("name", PropertyType::String);
  name.ui("Name", "Vertex group name").max_length(64);
  name.get()->get_string = [](const PointerRNA &p) {
    const auto &names = *static_cast<const std::vector<std::string> *>(p.data);
    return size_t(p.index) < names.size() ? names[size_t(p.index)] : std::string();
  };
  name.get()->set_string = [](const PointerRNA &p, std::string_view v) {
    auto &names = *static_cast<std::vector<std::string> *>(p.data);
    if (size_t(p.index) < names.size() && names[size_t(p.index)] != v) {
      std::string unique(v.empty() ? "Group" : v);
      const std::string base = unique;
      for (int n = 1; std::ranges::find(names, unique) != names.end(); n++) {
        char suffix[16];
        std::snprintf(suffix, sizeof(suffix), ".%03d", n);
        unique = base + suffix;
      }
      names[size_t(p.index)] = unique;
      kernel::data_generation_bump();
    }
  };
  def.srna()->name_property = name.get();
  element_index_property(def, "vertex group").not_animatable();

  FunctionRNA &add = def.function("add", "Add vertices to the group", [](FunctionCall &call) {
    const auto &indices = std::get<std::vector<int64_t>>(call.args[0]);
    std::vector<int32_t> verts;
    verts.reserve(indices.size());
    for (int64_t i : indices) {
      verts.push_back(int32_t(std::clamp<int64_t>(i, -1, INT32_MAX)));
    }
    const int mode = int(std::get<int64_t>(call.args[2]));
    kernel::mesh_vertex_group_weights_add(object_mesh_or_raise(call.self), group_index(call.self),
                                          verts, float(std::get<double>(call.args[1])),
                                          kernel::WeightMode(mode));
    kernel::id_tag_update(call.self.owner_id, dna::ID_RECALC_GEOMETRY);
  });
  PropertyDef index = parameter(add, "index", PropertyType::Int, nullptr, PARM_REQUIRED);
  index.ui("", "List of indices").soft_range(0, 0);
  index.get()->array_dimensions[0] = 1;
  index.get()->dynamic_length = [](const PointerRNA &) { return 0; };
  parameter(add, "weight", PropertyType::Float, nullptr, PARM_REQUIRED)
      .ui("", "Vertex weight")
      .range(0, 1);
  parameter(add, "type", PropertyType::Enum, nullptr, PARM_REQUIRED)
      .ui("", "Vertex assign mode")
      .items({item("REPLACE", "Replace", 0, "Replace"), item("ADD", "Add", 1, "Add"),
              item("SUBTRACT", "Subtract", 2, "Subtract")});

  FunctionRNA &remove = def.function("remove", "Remove vertices from the group", [](FunctionCall &call) {
    const auto &indices = std::get<std::vector<int64_t>>(call.args[0]);
    std::vector<int32_t> verts;
    for (int64_t i : indices) {
      verts.push_back(int32_t(std::clamp<int64_t>(i, -1, INT32_MAX)));
    }
    kernel::mesh_vertex_group_weights_remove(object_mesh_or_raise(call.self),
                                             group_index(call.self), verts);
    kernel::id_tag_update(call.self.owner_id, dna::ID_RECALC_GEOMETRY);
  });
  PropertyDef rindex = parameter(remove, "index", PropertyType::Int, nullptr, PARM_REQUIRED);
  rindex.ui("", "List of indices").soft_range(0, 0);
  rindex.get()->array_dimensions[0] = 1;
  rindex.get()->dynamic_length = [](const PointerRNA &) { return 0; };

  FunctionRNA &weight = def.function("weight", "Get a vertex weight from the group", [](FunctionCall &call) {
    const int64_t v = std::get<int64_t>(call.args[0]);
    std::optional<float> w = kernel::mesh_vertex_group_weight(
        object_mesh_or_raise(call.self), group_index(call.self),
        int32_t(std::clamp<int64_t>(v, -1, INT32_MAX)));
    if (!w) {
      raise(ErrorKind::Runtime, "Vertex not in group");
    }
    call.result = double(*w);
  });
  parameter(weight, "index", PropertyType::Int, nullptr, PARM_REQUIRED)
      .ui("", "The index of the vertex")
      .range(0, INT_HUGE);
  parameter(weight, "weight", PropertyType::Float, nullptr, PARM_OUTPUT)
      .ui("", "Vertex weight")
      .range(0, 1);
}

void define_vertex_groups(BlenderRNA &rna)
{
  const StructRNA *group_type = rna.find("VertexGroup");
  StructDef<Object> funcs = struct_<Object>(rna, "VertexGroups");
  funcs.ui("Vertex Groups", "Collection of vertex groups");
  FunctionRNA &add = funcs.function("new", "Add vertex group to object", [group_type](FunctionCall &call) {
    Mesh &mesh = object_mesh_or_raise(call.self);
    const int32_t group = kernel::mesh_vertex_group_add(mesh, std::get<std::string>(call.args[0]));
    kernel::data_generation_bump();
    call.result = pointer_from_element(call.self, group_type, &mesh.vertex_group_names, group);
  });
  parameter(add, "name", PropertyType::String).ui("", "Vertex group name").default_string("Group");
  parameter(add, "group", PropertyType::Pointer, group_type, PARM_OUTPUT)
      .ui("", "New vertex group");
  FunctionRNA &remove = funcs.function("remove", "Delete vertex group from object", [](FunctionCall &call) {
    const PointerRNA *arg = std::get_if<PointerRNA>(&call.args[0]);
    if (!arg || arg->owner_id != call.self.owner_id) {
      raise(ErrorKind::Runtime, "Vertex group does not belong to this object");
    }
    kernel::mesh_vertex_group_remove(object_mesh_or_raise(call.self), int32_t(arg->index));
  });
  parameter(remove, "group", PropertyType::Pointer, group_type, PARM_REQUIRED | PROP_NEVER_NULL)
      .ui("", "Vertex group to remove");
  funcs.function("clear", "Delete all vertex groups from object", [](FunctionCall &call) {
    if (Mesh *mesh = object_mesh(call.self)) {
      kernel::mesh_vertex_groups_clear(*mesh);
    }
  });
  funcs.pointer(
           "active", "VertexGroup",
           [group_type](const PointerRNA &p) {
             Mesh *mesh = object_mesh(p);
             if (!mesh || mesh->vertex_group_active_index < 0) {
               return PointerRNA{};
             }
             return pointer_from_element(p, group_type, &mesh->vertex_group_names,
                                         mesh->vertex_group_active_index);
           },
           [](const PointerRNA &p, const PointerRNA &value) {
             if (Mesh *mesh = object_mesh(p); mesh && !value.is_null()) {
               mesh->vertex_group_active_index = int32_t(value.index);
             }
           })
      .ui("Active Vertex Group", "Vertex groups of the object");
  PropertyDef active_index = funcs.add("active_index", PropertyType::Int);
  active_index.ui("Active Vertex Group Index", "Active index in vertex group array").not_animatable();
  unsigned_index(active_index);
  active_index.get()->get_int = [](const PointerRNA &p, int) -> int64_t {
    Mesh *mesh = object_mesh(p);
    return mesh ? mesh->vertex_group_active_index : -1;
  };
  active_index.get()->set_int = [](const PointerRNA &p, int, int64_t v) {
    Mesh *mesh = object_mesh(p);
    if (mesh && v >= 0 && size_t(v) < mesh->vertex_group_names.size()) {
      mesh->vertex_group_active_index = int32_t(v);
    }
  };

  StructDef<Object> ob = struct_<Object>(rna, "Object");
  ob.collection(
        "vertex_groups", "VertexGroup",
        [](const PointerRNA &p) {
          Mesh *mesh = object_mesh(p);
          return mesh ? int64_t(mesh->vertex_group_names.size()) : int64_t(0);
        },
        [group_type](const PointerRNA &p, int64_t i) {
          return pointer_from_element(p, group_type, &object_mesh(p)->vertex_group_names, i);
        })
      .functions(funcs.srna())
      .ui("Vertex Groups", "Vertex groups of the object");
}

/** MeshVertex.groups: the weights of one vertex (data = its weight list). */
void define_vertex_group_elements(BlenderRNA &rna)
{
  using Weights = std::vector<dna::DeformWeight>;
  StructDef<Weights> def = struct_<Weights>(rna, "VertexGroupElement");
  def.ui("Vertex Group Element", "Weight value of a vertex in a vertex group");
  PropertyDef group = def.add("group", PropertyType::Int);
  group.ui("Group Index", "").read_only();
  unsigned_index(group);
  group.get()->get_int = [](const PointerRNA &p, int) -> int64_t {
    const Weights &w = *static_cast<const Weights *>(p.data);
    return size_t(p.index) < w.size() ? w[size_t(p.index)].group : 0;
  };
  PropertyDef weight = def.add("weight", PropertyType::Float);
  weight.ui("Weight", "Vertex Weight").range(0, 1);
  weight.get()->get_float = [](const PointerRNA &p, int) {
    const Weights &w = *static_cast<const Weights *>(p.data);
    return size_t(p.index) < w.size() ? double(w[size_t(p.index)].weight) : 0.0;
  };
  weight.get()->set_float = [](const PointerRNA &p, int, double v) {
    Weights &w = *static_cast<Weights *>(p.data);
    if (size_t(p.index) < w.size()) {
      w[size_t(p.index)].weight = float(v);
    }
  };
  const StructRNA *element = def.srna();
  StructDef<MeshElement> vertex = struct_<MeshElement>(rna, "MeshVertex");
  vertex
      .collection(
          "groups", "VertexGroupElement",
          [](const PointerRNA &p) -> int64_t {
            const Mesh &mesh = mesh_of(p);
            return size_t(p.index) < mesh.deform_verts.size() ?
                       int64_t(mesh.deform_verts[size_t(p.index)].size()) :
                       0;
          },
          [element](const PointerRNA &p, int64_t i) {
            PointerRNA item = pointer_from_element(p, element,
                                                   &mesh_of(p).deform_verts[size_t(p.index)], i);
            return item;
          })
      .ui("Groups", "Weights for the vertex groups this vertex is member of");
  def.srna()->path = [](const PointerRNA &p) -> std::optional<std::string> {
    const Mesh &mesh = mesh_of(p);
    const auto *weights = static_cast<const Weights *>(p.data);
    if (mesh.deform_verts.empty() || weights < mesh.deform_verts.data() ||
        weights >= mesh.deform_verts.data() + mesh.deform_verts.size())
    {
      return std::nullopt;
    }
    return "vertices[" + std::to_string(weights - mesh.deform_verts.data()) + "].groups[" +
           std::to_string(p.index) + "]";
  };
}

}  // namespace

void define_mesh_functions(BlenderRNA &rna)
{
  define_functions(rna);
  define_vertex_group(rna);
  define_vertex_groups(rna);
  define_vertex_group_elements(rna);
}

}  // namespace whisk::rna
