#pragma once
// StructRNA and FunctionRNA: types with inheritance, properties and functions.

#include <map>

#include "whisk/rna/property.hh"

namespace whisk::rna {

/** One call of an RNA function. Arguments are in parameter order; missing optional
 * arguments carry the parameter's default. */
struct FunctionCall {
  Main *main = nullptr;
  PointerRNA self;
  std::vector<Value> args;
  Value result;
};

struct FunctionRNA {
  std::string identifier;
  std::string description;
  /** Parameters in order; PARM_OUTPUT ones are results. */
  std::vector<std::unique_ptr<PropertyRNA>> parameters;
  std::function<void(FunctionCall &)> call;
  const PropertyRNA *find_parameter(std::string_view name) const;
  const PropertyRNA *output() const;
};

struct StructRNA {
  std::string identifier;
  std::string name;
  std::string description;
  const StructRNA *base = nullptr;
  /** For ID structs: the ID type. */
  std::optional<dna::IDType> id_type;
  /** Own properties in declaration order (inherited ones live in the bases). */
  std::vector<std::unique_ptr<PropertyRNA>> properties;
  std::vector<std::unique_ptr<FunctionRNA>> functions;
  /** The property whose value names an item in collections (`name`). */
  const PropertyRNA *name_property = nullptr;
  /** Narrows a pointer to its most specific type (Light -> PointLight). */
  std::function<const StructRNA *(const PointerRNA &)> refine;
  /** Path from the owning ID to this struct (`view_layers["ViewLayer"]`); empty for IDs. */
  std::function<std::optional<std::string>(const PointerRNA &)> path;
  /** The path is for Whisk's own handles only: Blender gives scripts no path for this
   * struct (path_from_id raises, repr abbreviates), and neither does Whisk. */
  bool path_internal = false;
  /** Registered while the program runs (a script's PropertyGroup), not built in. */
  bool is_runtime = false;

  const PropertyRNA *find_property(std::string_view identifier) const;
  const FunctionRNA *find_function(std::string_view identifier) const;
  /** All properties, base types first. */
  std::vector<const PropertyRNA *> all_properties() const;
  bool is_a(const StructRNA *other) const;
};

/** All struct types. Built once per process; immutable afterwards except for runtime
 * (add-on) properties, which the Python layer registers. */
class BlenderRNA {
 public:
  const StructRNA *find(std::string_view identifier) const;
  const std::vector<StructRNA *> &structs() const { return order_; }

  StructRNA *add(std::string identifier, const StructRNA *base);
  StructRNA *find_mutable(std::string_view identifier);
  /** Takes a run-time struct out of lookup; its memory lives on (see retire). */
  void remove(const StructRNA *srna);
  /** Keeps a removed definition alive for the rest of the process: objects that scripts
   * still hold may describe themselves with it, but never find it again. */
  void retire(std::unique_ptr<PropertyRNA> prop) { retired_props_.push_back(std::move(prop)); }

 private:
  std::map<std::string, std::unique_ptr<StructRNA>, std::less<>> by_name_;
  std::vector<StructRNA *> order_;
  std::vector<std::unique_ptr<StructRNA>> retired_structs_;
  std::vector<std::unique_ptr<PropertyRNA>> retired_props_;
};

/** The process-wide RNA, built on first use. */
const BlenderRNA &blender_rna();

/** A pointer to an ID, refined to its most specific struct. */
PointerRNA pointer_from_id(Main *main, ID *id);
/** A pointer to nested data owned by `owner`. */
PointerRNA pointer_from_data(const PointerRNA &owner, const StructRNA *type, void *data);
/** A pointer to element `index` of structure-of-arrays data (see PointerRNA::index). */
PointerRNA pointer_from_element(const PointerRNA &owner, const StructRNA *type, void *container,
                                int64_t index);
/** The BlendData pointer of a Main (`bpy.data`). */
PointerRNA pointer_from_main(Main *main);
const StructRNA *struct_for_id_type(dna::IDType type);
/* RNA describing RNA (defs/rna_rna.cc). These pointers have no Main and no owner ID; their
 * data are the immutable definitions. All their properties are read-only. */

/** A pointer of type `Struct` describing an RNA struct (`bl_rna`); null for nullptr. */
PointerRNA pointer_from_struct_rna(const StructRNA *srna);
/** A pointer describing a property, refined to its kind (`FloatProperty`, `EnumProperty`...);
 * null for nullptr. */
PointerRNA pointer_from_property_rna(const PropertyRNA *prop);
/** Blender's `rna_type` property (a pointer to the data's `Struct`), which Blender declares
 * on every struct. Whisk keeps it out of StructRNA::properties; `Struct.properties` lists
 * it first and finds it by key, as Blender's does. */
const PropertyRNA &rna_type_property();

}  // namespace whisk::rna
