#pragma once
// Run-time RNA: structs and properties that scripts and add-ons register while the
// program runs (bpy.props, PropertyGroup). Their values live in ID properties, so they
// travel with files and undo like any custom data.

#include "whisk/dna/id_property.hh"
#include "whisk/rna/structs.hh"

namespace whisk::rna {

/** The RNA, writable: only for registering run-time types. Callers hold the GIL (or
 * otherwise keep registration single-threaded), as Blender requires. */
BlenderRNA &blender_rna_mutable();

/** The ID-property group that holds custom data of `ptr`: an ID's own properties or a
 * PropertyGroup's group. nullptr when the struct has none; with `create`, an ID gets its
 * group on demand. */
dna::IDProperty *idprop_container(const PointerRNA &ptr, bool create);
/** Whether the struct can hold custom properties (IDs and PropertyGroups). */
bool supports_idprops(const PointerRNA &ptr);

/** Registers a new struct (a PropertyGroup subclass). Raises Value if the name is taken
 * by a built-in struct. */
StructRNA *register_struct(const std::string &identifier, const StructRNA *base);
/** Removes a run-time struct from lookup. Its memory stays valid for the process, so
 * Python objects created from it still describe themselves. */
void unregister_struct(const StructRNA *srna);

/** Adds a property whose value lives in the container group (see idprop_container).
 * Accessors that are already set (script getters and setters) are kept. */
PropertyRNA *add_runtime_property(StructRNA *srna, std::unique_ptr<PropertyRNA> prop);
/** Removes a run-time property by name; false if there was none. Values already stored
 * stay in the ID properties, as in Blender. */
bool remove_runtime_property(StructRNA *srna, std::string_view identifier);

/** Whether a property holds a value of its own: always for built-in properties; for
 * run-time ones, whether the ID property exists. */
bool is_property_set(const PointerRNA &ptr, const PropertyRNA &prop);
/** Returns a run-time property to its default by removing its stored value. */
void property_unset(const PointerRNA &ptr, const PropertyRNA &prop);

/* Item management of run-time collection properties. */
PointerRNA runtime_collection_add(const PointerRNA &ptr, const PropertyRNA &prop);
void runtime_collection_remove(const PointerRNA &ptr, const PropertyRNA &prop, int64_t index);
void runtime_collection_clear(const PointerRNA &ptr, const PropertyRNA &prop);
void runtime_collection_move(const PointerRNA &ptr, const PropertyRNA &prop, int64_t from,
                             int64_t to);

}  // namespace whisk::rna
