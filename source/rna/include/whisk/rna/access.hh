#pragma once
// Generic access to any declared property: typed get/set with range clamping, enum
// checks and update notification; and path resolution.

#include "whisk/rna/structs.hh"

namespace whisk::rna {

int property_array_length(const PointerRNA &ptr, const PropertyRNA &prop);

bool get_bool(const PointerRNA &ptr, const PropertyRNA &prop, int index = 0);
int64_t get_int(const PointerRNA &ptr, const PropertyRNA &prop, int index = 0);
double get_float(const PointerRNA &ptr, const PropertyRNA &prop, int index = 0);
std::string get_string(const PointerRNA &ptr, const PropertyRNA &prop);
int get_enum(const PointerRNA &ptr, const PropertyRNA &prop);
/** Enum identifier(s) of the current value: one for plain enums, the set for flags. */
std::vector<std::string> get_enum_identifiers(const PointerRNA &ptr, const PropertyRNA &prop);
PointerRNA get_pointer(const PointerRNA &ptr, const PropertyRNA &prop);
int64_t collection_length(const PointerRNA &ptr, const PropertyRNA &prop);
PointerRNA collection_at(const PointerRNA &ptr, const PropertyRNA &prop, int64_t index);
std::optional<PointerRNA> collection_lookup(const PointerRNA &ptr, const PropertyRNA &prop,
                                            std::string_view key);

/* Setters raise whisk::Error (Attribute for read-only, Type for a wrong kind of value,
 * Value for unknown enum items) and clamp numbers to the hard range, as Blender does.
 * After a change they run the update callback, tag the owner ID and notify Main. */
void set_bool(const PointerRNA &ptr, const PropertyRNA &prop, bool value, int index = 0);
void set_int(const PointerRNA &ptr, const PropertyRNA &prop, int64_t value, int index = 0);
void set_float(const PointerRNA &ptr, const PropertyRNA &prop, double value, int index = 0);
/** Sets a whole float array at once (one update, one notification); raises Value on a
 * wrong length. */
void set_float_array(const PointerRNA &ptr, const PropertyRNA &prop,
                     const std::vector<double> &values);
void set_string(const PointerRNA &ptr, const PropertyRNA &prop, std::string_view value);
void set_enum(const PointerRNA &ptr, const PropertyRNA &prop, int value);
void set_enum_identifier(const PointerRNA &ptr, const PropertyRNA &prop,
                         std::string_view identifier);
void set_pointer(const PointerRNA &ptr, const PropertyRNA &prop, const PointerRNA &value);
/** Replaces item `index` (0 <= index < length) of a collection that allows it
 * (PropertyRNA::collection_assign); `value` is null or of the item type. Raises Type when
 * the collection takes no assignment or the value is of another type, Index out of range. */
void collection_assign(const PointerRNA &ptr, const PropertyRNA &prop, int64_t index,
                       const PointerRNA &value);

/** Runs after any change made outside the setters (bulk array writes). */
void property_changed(const PointerRNA &ptr, const PropertyRNA &prop);

/** The result of resolving a path: the struct holding the final property, the property
 * (nullptr when the path ends on a struct), and an array index (-1 for none). */
struct ResolvedPath {
  PointerRNA ptr;
  const PropertyRNA *prop = nullptr;
  int index = -1;
};

/** Resolves `location[2]`, `modifiers["Subdivision"].levels`, `render.resolution_x`.
 * Raises Value with the failing part of the path. */
ResolvedPath path_resolve(const PointerRNA &root, std::string_view path);
/** Path from the owning ID, or nullopt when the struct cannot say where it is. */
std::optional<std::string> path_from_id(const PointerRNA &ptr, const PropertyRNA *prop = nullptr,
                                        int index = -1);

/** Calls an RNA function; `args` in parameter order (shorter lists take defaults). */
Value call_function(Main *main, const PointerRNA &self, const FunctionRNA &func,
                    std::vector<Value> args);

}  // namespace whisk::rna
