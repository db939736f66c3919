#pragma once
// Objects: data, parenting, transforms and material slots.

#include "whisk/base/math.hh"
#include "whisk/dna/material.hh"
#include "whisk/dna/object.hh"
#include "whisk/kernel/main.hh"

namespace whisk::kernel {

using dna::Material;
using dna::Object;

/** Creates an object for `data` (nullptr for an empty); the type follows the data. */
Object *object_new(Main &bmain, std::string_view name, ID *data);
dna::ObjectType object_type_for_data(const ID *data);
/** TypeError when the data's type does not fit the object's type. */
void object_set_data(Main &bmain, Object *object, ID *data);

/** Sets the parent; returns false (and changes nothing) when it would make a loop. */
bool object_set_parent(Main &bmain, Object *object, Object *parent);
bool object_parent_loop(const Object *object, const Object *parent);

float3x3 object_rotation_matrix(const Object &object);
/** Changes the rotation mode. Between Euler orders the numbers stay; to or from quaternion
 * and axis-angle the object's own rotation is converted so that it stays the same. The
 * delta rotations are left alone (as Blender does), so with a delta the total rotation
 * may change. */
void object_rotation_mode_set(Object &object, RotationMode mode);
float4x4 object_matrix_basis(const Object &object);
/** Sets location, rotation (in the object's rotation mode) and scale from a matrix. */
void object_apply_matrix_basis(Object &object, const float4x4 &matrix);
/** parent_inverse * basis, the matrix relative to the parent. */
float4x4 object_matrix_local(const Object &object);
/** Parent chain evaluated now; a parenting loop stops at the repeated object. */
float4x4 object_compute_world_matrix(const Object &object);
/** Stores the computed world matrix in the object (what evaluation does). */
void object_update_world_matrix(Object &object);
/** Sets the transform so that the world matrix becomes `world` given the parent. */
void object_apply_matrix_world(Object &object, const float4x4 &world);

/** Material slots follow the data: one per data material. */
int32_t object_material_slot_count(const Object &object);
Material *object_material_get(const Object &object, int32_t slot);
void object_material_slot_link_set(Main &bmain, Object *object, int32_t slot, bool link_object);
void object_material_slot_set(Main &bmain, Object *object, int32_t slot, Material *material);
/** Appends a slot to the object's data (or object, when it has no materials list). */
void object_material_slot_add(Main &bmain, Object *object);
void object_material_slot_remove(Main &bmain, Object *object, int32_t slot);
/** After the data's material count changed: resize the slots of every user object. */
void data_materials_changed(Main &bmain, ID *data);
/** Materials list of object data, or nullptr for data without materials. */
std::vector<Material *> *data_materials(ID *data);
void data_material_append(Main &bmain, ID *data, Material *material);
void data_material_pop(Main &bmain, ID *data, int32_t index);
/** Puts `material` (may be nullptr) in slot `index` of the data's list
 * (`mesh.materials[i] = mat`); the number of slots stays. */
void data_material_set(Main &bmain, ID *data, int32_t index, Material *material);

}  // namespace whisk::kernel
