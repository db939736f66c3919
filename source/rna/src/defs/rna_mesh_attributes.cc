// Attribute collections: `attributes` and `color_attributes` (AttributeGroup, with
// new/remove and the active and color references) of every geometry ID, through
// kernel::AttributeOwner, and the mesh's `uv_layers` (UVLoopLayers of MeshUVLoopLayer).

#include "mesh_common.hh"

namespace whisk::rna {
using namespace define;
using namespace defs;
using dna::Attribute;
using kernel::Main;

namespace {


PointerRNA attribute_pointer(const PointerRNA &mesh_ptr, Attribute *attribute)
{
  return pointer_from_data(mesh_ptr, blender_rna().find("Attribute"), attribute);
}

std::vector<Attribute *> color_attributes(dna::AttributeStorage &storage)
{
  std::vector<Attribute *> colors;
  for (const auto &attribute : storage.attributes) {
    if (kernel::attribute_is_color(*attribute)) {
      colors.push_back(attribute.get());
    }
  }
  return colors;
}

int64_t index_in(const std::vector<Attribute *> &list, std::string_view name)
{
  for (size_t i = 0; i < list.size(); i++) {
    if (list[i]->name == name) {
      return int64_t(i);
    }
  }
  return -1;
}

/** Checks an Attribute argument belongs to this geometry. */
Attribute &own_attribute(const FunctionCall &call, const char *function)
{
  const PointerRNA *arg = std::get_if<PointerRNA>(&call.args[0]);
  if (!arg || arg->is_null()) {
    raise(ErrorKind::Type, function, "(): expected an attribute, not None");
  }
  Attribute *attribute = static_cast<Attribute *>(arg->data);
  if (arg->owner_id != call.self.owner_id ||
      attribute_owner(call.self).storage().index_of(attribute) < 0)
  {
    raise(ErrorKind::Runtime, "Attribute \"", attribute->name,
          "\" does not belong to this geometry");
  }
  return *attribute;
}

void define_attribute_group(BlenderRNA &rna)
{
  /* The data is the geometry ID; everything goes through its AttributeOwner. */
  StructDef<dna::ID> def = struct_<dna::ID>(rna, "AttributeGroup");
  def.ui("Attribute Group", "Group of geometry attributes");
  const StructRNA *attribute = rna.find("Attribute");
  const PropertyRNA *type_prop = attribute->find_property("data_type");
  const PropertyRNA *domain_prop = attribute->find_property("domain");

  FunctionRNA &add = def.function("new", "Add attribute to geometry", [](FunctionCall &call) {
    const std::string &name = std::get<std::string>(call.args[0]);
    const auto type = AttrType(std::get<int64_t>(call.args[1]));
    const auto domain = AttrDomain(std::get<int64_t>(call.args[2]));
    Attribute &created = attribute_owner(call.self).add(name, type, domain);
    kernel::id_tag_update(call.self.owner_id, dna::ID_RECALC_GEOMETRY);
    call.result = attribute_pointer(call.self, &created);
  });
  parameter(add, "name", PropertyType::String, nullptr, PARM_REQUIRED)
      .ui("Name", "Name of geometry attribute")
      .default_string("Attribute");
  parameter(add, "type", PropertyType::Enum, nullptr, PARM_REQUIRED)
      .ui("Type", "Attribute type")
      .items(type_prop->enum_items);
  parameter(add, "domain", PropertyType::Enum, nullptr, PARM_REQUIRED)
      .ui("Domain", "Type of element that attribute is stored on")
      .items(domain_prop->enum_items);
  parameter(add, "attribute", PropertyType::Pointer, attribute, PARM_OUTPUT)
      .ui("Attribute", "New geometry attribute");

  FunctionRNA &remove = def.function("remove", "Remove attribute from geometry",
                                     [](FunctionCall &call) {
                                       Attribute &a = own_attribute(call, "AttributeGroup.remove");
                                       attribute_owner(call.self).remove(a.name);
                                       kernel::id_tag_update(call.self.owner_id,
                                                             dna::ID_RECALC_GEOMETRY);
                                     });
  parameter(remove, "attribute", PropertyType::Pointer, attribute,
            PARM_REQUIRED | PROP_NEVER_NULL)
      .ui("Attribute", "Geometry Attribute");

  def.pointer(
         "active", "Attribute",
         [](const PointerRNA &p) {
           const kernel::AttributeOwner owner = attribute_owner(p);
           Attribute *a = owner.storage().find(owner.active_attribute());
           return a ? attribute_pointer(p, a) : PointerRNA{};
         },
         [](const PointerRNA &p, const PointerRNA &value) {
           attribute_owner(p).active_attribute() = value.is_null() ? "" : attribute_of(value).name;
         })
      .ui("Active Attribute", "Active attribute");
  PropertyDef active_index = def.add("active_index", PropertyType::Int);
  active_index.ui("Active Attribute Index", "Active attribute index").not_animatable();
  active_index.get()->get_int = [](const PointerRNA &p, int) -> int64_t {
    const kernel::AttributeOwner owner = attribute_owner(p);
    const Attribute *a = owner.storage().find(owner.active_attribute());
    return a ? owner.storage().index_of(a) : -1;
  };
  active_index.get()->set_int = [](const PointerRNA &p, int, int64_t v) {
    const kernel::AttributeOwner owner = attribute_owner(p);
    if (v >= 0 && size_t(v) < owner.storage().attributes.size()) {
      owner.active_attribute() = owner.storage().attributes[size_t(v)]->name;
    }
  };

  /* Color references are names, as Blender 3.4+ keeps them. */
  using NameMember = std::string &(kernel::AttributeOwner::*)() const;
  struct NameRef {
    const char *identifier, *ui;
    NameMember member;
  };
  for (const NameRef &ref :
       {NameRef{"active_color_name", "Active Color", &kernel::AttributeOwner::active_color_attribute},
        NameRef{"default_color_name", "Default Color", &kernel::AttributeOwner::default_color_attribute}})
  {
    NameMember member = ref.member;
    PropertyDef name = def.add(ref.identifier, PropertyType::String);
    name.ui(ref.ui, "The name of the color attribute").read_only().max_length(64);
    name.get()->get_string = [member](const PointerRNA &p) { return (attribute_owner(p).*member)(); };
  }
  for (const NameRef &ref :
       {NameRef{"active_color_index", "Active Color Index", &kernel::AttributeOwner::active_color_attribute},
        NameRef{"render_color_index", "Active Render Color Index", &kernel::AttributeOwner::default_color_attribute}})
  {
    NameMember member = ref.member;
    PropertyDef index = def.add(ref.identifier, PropertyType::Int);
    index.ui(ref.ui, "The index of the color attribute").not_animatable();
    index.get()->get_int = [member](const PointerRNA &p, int) -> int64_t {
      const kernel::AttributeOwner owner = attribute_owner(p);
      return index_in(color_attributes(owner.storage()), (owner.*member)());
    };
    index.get()->set_int = [member](const PointerRNA &p, int, int64_t v) {
      const kernel::AttributeOwner owner = attribute_owner(p);
      const std::vector<Attribute *> colors = color_attributes(owner.storage());
      if (v >= 0 && size_t(v) < colors.size()) {
        (owner.*member)() = colors[size_t(v)]->name;
      }
    };
  }
  def.pointer(
         "active_color", "Attribute",
         [](const PointerRNA &p) {
           const kernel::AttributeOwner owner = attribute_owner(p);
           Attribute *a = owner.storage().find(owner.active_color_attribute());
           return a ? attribute_pointer(p, a) : PointerRNA{};
         },
         [](const PointerRNA &p, const PointerRNA &value) {
           attribute_owner(p).active_color_attribute() =
               value.is_null() ? "" : attribute_of(value).name;
         })
      .ui("Active Color", "Active color attribute for display and editing");
}

void define_uv_layers(BlenderRNA &rna)
{
  StructDef<Attribute> uv = struct_<Attribute>(rna, "MeshUVLoop");
  uv.ui("Mesh UV Layer", "UV coordinates of one face corner");
  uv.srna()->path = [](const PointerRNA &p) -> std::optional<std::string> {
    return "uv_layers[\"" + attribute_of(p).name + "\"].data[" + std::to_string(p.index) + "]";
  };
  PropertyDef co = uv.add("uv", PropertyType::Float);
  co.ui("UV", "").subtype(PropertySubtype::XYZ);
  co.get()->array_dimensions[0] = 2;
  co.get()->get_float = [](const PointerRNA &p, int k) {
    const Attribute &a = attribute_of(p);
    return p.index < a.size() ? double(a.span<float2>()[size_t(p.index)][k]) : 0.0;
  };
  co.get()->set_float = [](const PointerRNA &p, int k, double v) {
    Attribute &a = attribute_of(p);
    if (p.index < a.size()) {
      a.mutable_span<float2>()[size_t(p.index)][k] = float(v);
    }
  };
  co.get()->raw_array = [](const PointerRNA &owner, bool for_write) -> std::optional<RawArray> {
    Attribute &a = attribute_of(owner);
    if (a.size() == 0) {
      return std::nullopt;
    }
    void *data = for_write ? static_cast<void *>(a.data.mutable_span().data()) :
                             const_cast<std::byte *>(a.data.data());
    return RawArray{data, RawType::Float32, 8, a.size()};
  };
  co.recalc(dna::ID_RECALC_GEOMETRY);

  StructDef<Attribute> layer = struct_<Attribute>(rna, "MeshUVLoopLayer");
  layer.ui("Mesh UV Map", "UV map with its coordinates per face corner");
  layer.srna()->path = [](const PointerRNA &p) -> std::optional<std::string> {
    return "uv_layers[\"" + attribute_of(p).name + "\"]";
  };
  PropertyDef name = layer.add("name", PropertyType::String);
  name.ui("Name", "Name of UV map").max_length(int(kernel::MAX_ATTRIBUTE_NAME) + 1);
  name.get()->get_string = [](const PointerRNA &p) { return attribute_of(p).name; };
  name.get()->set_string = [](const PointerRNA &p, std::string_view v) {
    kernel::mesh_attribute_rename(mesh_of(p), attribute_of(p), v);
  };
  layer.srna()->name_property = name.get();
  for (const auto &[identifier, member] :
       {std::pair{"active", &Mesh::active_uv_map}, std::pair{"active_render", &Mesh::default_uv_map}})
  {
    std::string Mesh::*m = member;
    PropertyDef flag = layer.add(identifier, PropertyType::Boolean);
    flag.ui(identifier == std::string("active") ? "Active" : "Active Render",
            "Set the map as active for display and editing");
    flag.get()->get_bool = [m](const PointerRNA &p, int) {
      return mesh_of(p).*m == attribute_of(p).name;
    };
    flag.get()->set_bool = [m](const PointerRNA &p, int, bool v) {
      if (v) {
        mesh_of(p).*m = attribute_of(p).name;
      }
    };
  }
  const StructRNA *uv_type = rna.find("MeshUVLoop");
  layer
      .collection(
          "data", "MeshUVLoop", [](const PointerRNA &p) { return attribute_of(p).size(); },
          [uv_type](const PointerRNA &p, int64_t i) {
            return pointer_from_element(p, uv_type, p.data, i);
          })
      .ui("Data", "");
  const StructRNA *value_type = rna.find("Float2AttributeValue");
  layer
      .collection(
          "uv", "Float2AttributeValue", [](const PointerRNA &p) { return attribute_of(p).size(); },
          [value_type](const PointerRNA &p, int64_t i) {
            return pointer_from_element(p, value_type, p.data, i);
          })
      .ui("UV", "UV coordinates of the face corners");

  StructDef<Mesh> funcs = struct_<Mesh>(rna, "UVLoopLayers");
  funcs.ui("UV Map Layers", "Collection of UV maps");
  const StructRNA *layer_type = layer.srna();
  FunctionRNA &add = funcs.function("new", "Add a UV map layer to Mesh", [layer_type](FunctionCall &call) {
    Mesh &mesh = mesh_of(call.self);
    const std::string &name = std::get<std::string>(call.args[0]);
    const bool init = std::get<bool>(call.args[1]);
    const Attribute *source = mesh.attributes.find(mesh.active_uv_map);
    Attribute &created = kernel::mesh_uv_map_add(mesh, name);
    if (init && source && source != &created) {
      created.data = source->data; /* shared until either is written */
    }
    kernel::id_tag_update(call.self.owner_id, dna::ID_RECALC_GEOMETRY);
    call.result = pointer_from_data(call.self, layer_type, &created);
  });
  parameter(add, "name", PropertyType::String).ui("", "UV map name").default_string("UVMap");
  parameter(add, "do_init", PropertyType::Boolean)
      .ui("", "Whether new layer's data should be initialized by copying current active one")
      .default_value(1);
  parameter(add, "layer", PropertyType::Pointer, layer_type, PARM_OUTPUT)
      .ui("", "The newly created layer");
  FunctionRNA &remove = funcs.function("remove", "Remove a UV map layer", [](FunctionCall &call) {
    Attribute &a = own_attribute(call, "UVLoopLayers.remove");
    kernel::mesh_attribute_remove(mesh_of(call.self), a.name);
    Mesh &mesh = mesh_of(call.self);
    const std::vector<Attribute *> maps = kernel::mesh_uv_maps(mesh);
    if (mesh.active_uv_map.empty() && !maps.empty()) {
      mesh.active_uv_map = maps.front()->name;
    }
    if (mesh.default_uv_map.empty() && !maps.empty()) {
      mesh.default_uv_map = maps.front()->name;
    }
    kernel::id_tag_update(call.self.owner_id, dna::ID_RECALC_GEOMETRY);
  });
  parameter(remove, "layer", PropertyType::Pointer, layer_type, PARM_REQUIRED | PROP_NEVER_NULL)
      .ui("", "The layer to remove");
  funcs.pointer(
           "active", "MeshUVLoopLayer",
           [layer_type](const PointerRNA &p) {
             Attribute *a = mesh_of(p).attributes.find(mesh_of(p).active_uv_map);
             return a ? pointer_from_data(p, layer_type, a) : PointerRNA{};
           },
           [](const PointerRNA &p, const PointerRNA &value) {
             mesh_of(p).active_uv_map = value.is_null() ? "" : attribute_of(value).name;
           })
      .ui("Active UV Map", "Active UV Map");
  PropertyDef active_index = funcs.add("active_index", PropertyType::Int);
  active_index.ui("Active UV Map Index", "Active UV map index");
  unsigned_index(active_index);
  active_index.get()->get_int = [](const PointerRNA &p, int) -> int64_t {
    Mesh &mesh = mesh_of(p);
    return index_in(kernel::mesh_uv_maps(mesh), mesh.active_uv_map);
  };
  active_index.get()->set_int = [](const PointerRNA &p, int, int64_t v) {
    Mesh &mesh = mesh_of(p);
    const std::vector<Attribute *> maps = kernel::mesh_uv_maps(mesh);
    if (v >= 0 && size_t(v) < maps.size()) {
      mesh.active_uv_map = maps[size_t(v)]->name;
    }
  };
}

}  // namespace

namespace defs {

void define_attribute_collections(BlenderRNA &rna, StructRNA *srna)
{
  StructDef<dna::ID> def(rna, srna);
  def.collection(
         "attributes", "Attribute",
         [](const PointerRNA &p) { return int64_t(attribute_owner(p).storage().attributes.size()); },
         [](const PointerRNA &p, int64_t i) {
           return attribute_pointer(p, attribute_owner(p).storage().attributes[size_t(i)].get());
         })
      .functions(rna.find("AttributeGroup"))
      .ui("Attributes", "Geometry attributes");
  def.collection(
         "color_attributes", "Attribute",
         [](const PointerRNA &p) {
           return int64_t(color_attributes(attribute_owner(p).storage()).size());
         },
         [](const PointerRNA &p, int64_t i) {
           return attribute_pointer(p, color_attributes(attribute_owner(p).storage())[size_t(i)]);
         })
      .functions(rna.find("AttributeGroup"))
      .ui("Color Attributes", "Geometry color attributes");
}

}  // namespace defs

void define_mesh_attributes(BlenderRNA &rna)
{
  define_attribute_group(rna);
  define_uv_layers(rna);

  StructDef<Mesh> def = struct_<Mesh>(rna, "Mesh");
  define_attribute_collections(rna, def.srna());
  const StructRNA *layer_type = rna.find("MeshUVLoopLayer");
  def.collection(
         "uv_layers", "MeshUVLoopLayer",
         [](const PointerRNA &p) { return int64_t(kernel::mesh_uv_maps(mesh_of(p)).size()); },
         [layer_type](const PointerRNA &p, int64_t i) {
           return pointer_from_data(p, layer_type, kernel::mesh_uv_maps(mesh_of(p))[size_t(i)]);
         })
      .functions(rna.find("UVLoopLayers"))
      .ui("UV Maps", "All UV maps");
}

}  // namespace whisk::rna
