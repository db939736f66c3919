#pragma once
// The API reference and Python stubs, generated from the RNA declarations alone.

#include <string>

#include "whisk/rna/structs.hh"

namespace whisk::rna {

/** The Python type a property has in bpy ("mathutils.Vector", "bpy_prop_collection[Object]"). */
std::string python_type_of(const PropertyRNA &prop);

/** `bpy.types` stubs (.pyi) for every struct. */
std::string generate_pyi(const BlenderRNA &rna);

/** A Markdown API reference: one section per struct, a table row per property. */
std::string generate_markdown(const BlenderRNA &rna);

}  // namespace whisk::rna
