#pragma once
// Rules over generic attribute storage (whisk/dna/attribute.hh): identifiers of domains
// and types, adding, removing and resizing. Geometry types (meshes and point clouds now,
// curves later) call these with their own domain sizes and reserved names.

#include <optional>
#include <string>
#include <string_view>

#include "whisk/dna/attribute.hh"

namespace whisk::kernel {

using dna::AttrDomain;
using dna::Attribute;
using dna::AttributeStorage;
using dna::AttrType;

/** Blender's identifiers: POINT, EDGE, FACE, CORNER, CURVE, INSTANCE. */
const char *attr_domain_identifier(AttrDomain domain);
/** Blender's identifiers: FLOAT, INT, FLOAT_VECTOR, FLOAT_COLOR, BYTE_COLOR, STRING,
 * BOOLEAN, FLOAT2, INT8, INT32_2D, QUATERNION. */
const char *attr_type_identifier(AttrType type);
std::optional<AttrDomain> attr_domain_from_identifier(std::string_view identifier);
std::optional<AttrType> attr_type_from_identifier(std::string_view identifier);

/** Every geometry's point positions (POINT, FLOAT_VECTOR), as Blender names them. */
inline constexpr std::string_view ATTR_POSITION = "position";

/** Longest attribute name in bytes, as Blender's layer names. */
inline constexpr size_t MAX_ATTRIBUTE_NAME = 63;

/** `base`, or `base.001`, `base.002`... whichever no attribute has yet. */
std::string attribute_unique_name(const AttributeStorage &storage, std::string_view base);

/** Adds a zero-filled attribute (false, 0, black). The name must be free. */
Attribute &attribute_add(AttributeStorage &storage, std::string name, AttrDomain domain,
                         AttrType type, int64_t size);
/** Adds an attribute holding `values` (size * type size bytes), shared, not copied. */
Attribute &attribute_add_shared(AttributeStorage &storage, std::string name, AttrDomain domain,
                                AttrType type, SharedArray<std::byte> values);
/** Gives a new attribute Blender's default values where they are not zero: white for
 * colors, the identity for quaternions. Every geometry type's attribute_add uses it. */
void attribute_fill_default(Attribute &attribute);
/** Removes the attribute with that name; false when there is none. */
bool attribute_remove(AttributeStorage &storage, std::string_view name);

/** Gives every attribute on `domain` `new_size` values: leading values stay, new ones
 * are zero. */
void attributes_resize_domain(AttributeStorage &storage, AttrDomain domain, int64_t new_size);

/** Keeps only the listed elements of `domain`, in the given order (removal, reordering). */
void attributes_gather_domain(AttributeStorage &storage, AttrDomain domain,
                              std::span<const int32_t> indices);

}  // namespace whisk::kernel
