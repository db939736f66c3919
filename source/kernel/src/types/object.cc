#include "whisk/kernel/object.hh"

#include <cctype>
#include <optional>
#include <unordered_set>

#include "type_helpers.hh"
#include "whisk/base/error.hh"
#include "whisk/kernel/modifier.hh"
#include "whisk/kernel/scene.hh"

namespace whisk::kernel {
using namespace types;
using namespace dna;

static void foreach_object_id(ID *id, const IDRefVisitor &visitor)
{
  Object &object = cast<Object>(id);
  visit_slot(visitor, id, object.data, IDREF_USER | IDREF_NEVER_NULL);
  /* A parent remapped into a loop (onto the object itself or a descendant) is cleared,
   * as object_set_parent() refuses loops. */
  if (!visitor.only || reinterpret_cast<const ID *>(object.parent) == visitor.only) {
    ID *old_parent = reinterpret_cast<ID *>(object.parent);
    ID *result = visitor.visit(id, old_parent, 0);
    if (result && result != old_parent &&
        object_parent_loop(&object, reinterpret_cast<Object *>(result)))
    {
      visitor.dropped(id, result, 0);
      result = nullptr;
    }
    object.parent = reinterpret_cast<Object *>(result);
  }
  for (MaterialSlotData &slot : object.material_slots) {
    visit_slot(visitor, id, slot.material, IDREF_USER);
  }
  visit_slot(visitor, id, object.instance_collection, IDREF_USER);
  for (const auto &md : object.modifiers) {
    modifier_foreach_id(id, *md, visitor);
  }
}

static void unlink_object_runtime(Main &bmain, ID *id)
{
  /* Bases are a cache of the hierarchy, not references: drop this object's now. */
  const Object *object = &cast<Object>(id);
  for (ID *scene_id : bmain.list(IDType::Scene)) {
    for (auto &layer : cast<Scene>(scene_id).view_layers) {
      auto it = layer->base_map.find(object);
      if (it != layer->base_map.end()) {
        it->second->object = nullptr;
        layer->base_map.erase(it);
        layer->bases_dirty = true;
      }
      if (layer->active_object == object) {
        layer->active_object = nullptr;
      }
    }
  }
}

const IDTypeInfo IDType_OB = {
    .type = IDType::Object,
    .code = "OB",
    .name = "Object",
    .name_plural = "objects",
    .default_name = "Object",
    .flags = IDTYPE_FLAG_ANIMATABLE,
    .alloc = alloc<Object>,
    .init = nullptr,
    .duplicate = duplicate_plain<Object>,
    .destroy = destroy_plain<Object>,
    .foreach_id = foreach_object_id,
    .unlink_runtime = unlink_object_runtime,
};

/* ---- Data ---- */

static std::optional<ObjectType> object_type_for_data_type(IDType type)
{
  switch (type) {
    case IDType::Mesh: return ObjectType::Mesh;
    case IDType::Camera: return ObjectType::Camera;
    case IDType::Light: return ObjectType::Light;
    case IDType::PointCloud: return ObjectType::PointCloud;
    default: return std::nullopt;
  }
}

ObjectType object_type_for_data(const ID *data)
{
  if (!data) {
    return ObjectType::Empty;
  }
  if (std::optional<ObjectType> type = object_type_for_data_type(data->type)) {
    return *type;
  }
  /* Blender's wording: the type's identifier, upper case ('WORLD'). */
  std::string identifier = id_type_info(data->type).name;
  for (char &c : identifier) {
    c = char(std::toupper(uint8_t(c)));
  }
  raise(ErrorKind::Runtime, "ID type '", identifier, "' is not valid for an object");
}

Object *object_new(Main &bmain, std::string_view name, ID *data)
{
  const ObjectType type = object_type_for_data(data);
  Object *object = id_new<Object>(bmain, name);
  object->type = type;
  id_ref_assign(bmain, &object->id, object->data, data, IDREF_USER);
  if (data) {
    if (std::vector<Material *> *materials = data_materials(data)) {
      object->material_slots.resize(materials->size());
    }
  }
  return object;
}

void object_set_data(Main &bmain, Object *object, ID *data)
{
  if (data == object->data) {
    return;
  }
  if (!data) {
    raise(ErrorKind::Type, "Object \"", object->id.name,
          "\" data cannot be set to None: only empties have no data");
  }
  if (object->type == ObjectType::Empty || object_type_for_data_type(data->type) != object->type) {
    raise(ErrorKind::Type, "Object \"", object->id.name, "\" cannot use ",
          id_type_info(data->type).name, " \"", data->name, "\" as its data");
  }
  id_ref_assign(bmain, &object->id, object->data, data, IDREF_USER);
  std::vector<Material *> *materials = data_materials(data);
  const size_t count = materials ? materials->size() : 0;
  while (object->material_slots.size() > count) {
    id_ref_assign(bmain, &object->id, object->material_slots.back().material,
                  static_cast<Material *>(nullptr), IDREF_USER);
    object->material_slots.pop_back();
  }
  object->material_slots.resize(count);
  id_tag_update(&object->id, ID_RECALC_GEOMETRY | ID_RECALC_HIERARCHY);
}

/* ---- Parenting ---- */

bool object_parent_loop(const Object *object, const Object *parent)
{
  std::unordered_set<const Object *> seen;
  for (const Object *p = parent; p; p = p->parent) {
    if (p == object || !seen.insert(p).second) {
      return true;
    }
  }
  return false;
}

bool object_set_parent(Main &bmain, Object *object, Object *parent)
{
  if (parent && object_parent_loop(object, parent)) {
    return false;
  }
  id_ref_assign(bmain, &object->id, object->parent, parent, 0);
  id_tag_update(&object->id, ID_RECALC_TRANSFORM | ID_RECALC_HIERARCHY);
  return true;
}

/* ---- Transforms ---- */

static Quaternion object_quaternion(const Object &object)
{
  return normalize(object.delta_rotation_quaternion) * normalize(object.rotation_quaternion);
}

float3x3 object_rotation_matrix(const Object &object)
{
  switch (object.rotation_mode) {
    case RotationMode::Quaternion: return quaternion_to_matrix(object_quaternion(object));
    case RotationMode::AxisAngle:
      /* Blender has no delta rotation for axis-angle objects that RNA exposes: the Euler
       * and quaternion deltas do not apply. */
      return axis_angle_to_matrix(object.rotation_axis, object.rotation_angle);
    default: {
      const float3x3 delta = euler_to_matrix(object.delta_rotation_euler, object.rotation_mode);
      return delta * euler_to_matrix(object.rotation_euler, object.rotation_mode);
    }
  }
}

/** The object's own rotation (no delta) as a unit quaternion, in whatever mode it is. */
static Quaternion own_rotation_quaternion(Object &object)
{
  switch (object.rotation_mode) {
    case RotationMode::Quaternion: return normalize(object.rotation_quaternion);
    case RotationMode::AxisAngle: {
      /* An axis with three equal components (the zero axis) says nothing: Blender turns it
       * into one along Y first, and keeps that. */
      float3 &axis = object.rotation_axis;
      if (axis.x == axis.y && axis.y == axis.z) {
        axis.y = 1.0f;
      }
      const float3 unit = normalize(axis);
      const float s = std::sin(object.rotation_angle / 2);
      return {std::cos(object.rotation_angle / 2), unit.x * s, unit.y * s, unit.z * s};
    }
    default: return euler_to_quaternion(object.rotation_euler, object.rotation_mode);
  }
}

void object_rotation_mode_set(Object &object, RotationMode mode)
{
  if (mode == object.rotation_mode) {
    return;
  }
  if (rotation_mode_is_euler(object.rotation_mode) && rotation_mode_is_euler(mode)) {
    object.rotation_mode = mode;
    return;
  }
  const Quaternion q = own_rotation_quaternion(object);
  if (mode == RotationMode::Quaternion) {
    object.rotation_quaternion = q;
  }
  else if (mode == RotationMode::AxisAngle) {
    quaternion_to_axis_angle(q, object.rotation_axis, object.rotation_angle);
  }
  else {
    object.rotation_euler = matrix_to_euler(quaternion_to_matrix(q), mode);
  }
  object.rotation_mode = mode;
}

float4x4 object_matrix_basis(const Object &object)
{
  return float4x4::from_loc_rot_scale(object.location + object.delta_location,
                                      object_rotation_matrix(object),
                                      object.scale * object.delta_scale);
}

void object_apply_matrix_basis(Object &object, const float4x4 &matrix)
{
  float3 loc, scale;
  float3x3 rot;
  decompose(matrix, loc, rot, scale);
  object.location = loc - object.delta_location;
  for (int i = 0; i < 3; i++) {
    object.scale[i] = object.delta_scale[i] != 0.0f ? scale[i] / object.delta_scale[i] : scale[i];
  }
  switch (object.rotation_mode) {
    case RotationMode::Quaternion: {
      const Quaternion total = matrix_to_quaternion(rot);
      object.rotation_quaternion = conjugate(normalize(object.delta_rotation_quaternion)) * total;
      break;
    }
    case RotationMode::AxisAngle:
      quaternion_to_axis_angle(matrix_to_quaternion(rot), object.rotation_axis,
                               object.rotation_angle);
      break;
    default: {
      /* As Blender does it: through a quaternion with the delta taken off, then the plain
       * Euler solution (not the one nearest the previous angles). The quaternion also
       * makes a sheared rotation part orthogonal the way Blender does. */
      const Quaternion delta = euler_to_quaternion(object.delta_rotation_euler,
                                                   object.rotation_mode);
      const Quaternion q = conjugate(normalize(delta)) * matrix_to_quaternion(rot);
      object.rotation_euler = matrix_to_euler(quaternion_to_matrix(normalize(q)),
                                              object.rotation_mode);
      break;
    }
  }
}

float4x4 object_matrix_local(const Object &object)
{
  if (!object.parent) {
    return object_matrix_basis(object);
  }
  return object.parent_inverse * object_matrix_basis(object);
}

float4x4 object_compute_world_matrix(const Object &object)
{
  /* Walk up, stopping at a repeat so a loop (only possible from bad files) terminates. */
  std::vector<const Object *> chain;
  std::unordered_set<const Object *> seen;
  for (const Object *o = &object; o && seen.insert(o).second; o = o->parent) {
    chain.push_back(o);
  }
  float4x4 world = float4x4::identity();
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    const Object *o = *it;
    world = (o->parent && it != chain.rbegin()) ? world * o->parent_inverse * object_matrix_basis(*o) :
                                                  object_matrix_basis(*o);
  }
  return world;
}

void object_update_world_matrix(Object &object)
{
  object.object_to_world = object_compute_world_matrix(object);
}

void object_apply_matrix_world(Object &object, const float4x4 &world)
{
  float4x4 basis = world;
  if (object.parent) {
    const float4x4 parent_space = object_compute_world_matrix(*object.parent) *
                                  object.parent_inverse;
    basis = invert(parent_space) * world;
  }
  object_apply_matrix_basis(object, basis);
  object.object_to_world = world;
}

/* ---- Materials ---- */

std::vector<Material *> *data_materials(ID *data)
{
  if (data && data->type == IDType::Mesh) {
    return &cast<Mesh>(data).materials;
  }
  if (data && data->type == IDType::PointCloud) {
    return &cast<PointCloud>(data).materials;
  }
  return nullptr;
}

int32_t object_material_slot_count(const Object &object)
{
  return int32_t(object.material_slots.size());
}

Material *object_material_get(const Object &object, int32_t slot)
{
  if (slot < 0 || slot >= object_material_slot_count(object)) {
    return nullptr;
  }
  const MaterialSlotData &data = object.material_slots[slot];
  if (data.link_object) {
    return data.material;
  }
  std::vector<Material *> *materials = data_materials(object.data);
  return materials && slot < int32_t(materials->size()) ? (*materials)[slot] : nullptr;
}

static void check_slot(const Object &object, int32_t slot)
{
  if (slot < 0 || slot >= object_material_slot_count(object)) {
    raise(ErrorKind::Index, "material slot index ", slot, " out of range for object \"",
          object.id.name, "\" with ", object_material_slot_count(object), " slots");
  }
}

void object_material_slot_link_set(Main &bmain, Object *object, int32_t slot, bool link_object)
{
  check_slot(*object, slot);
  object->material_slots[slot].link_object = link_object;
  id_tag_update(&object->id, ID_RECALC_SHADING);
}

void object_material_slot_set(Main &bmain, Object *object, int32_t slot, Material *material)
{
  check_slot(*object, slot);
  MaterialSlotData &data = object->material_slots[slot];
  if (data.link_object) {
    id_ref_assign(bmain, &object->id, data.material, material, IDREF_USER);
  }
  else if (std::vector<Material *> *materials = data_materials(object->data);
           materials && slot < int32_t(materials->size()))
  {
    id_ref_assign(bmain, object->data, (*materials)[slot], material, IDREF_USER);
  }
  id_tag_update(&object->id, ID_RECALC_SHADING);
}

void data_materials_changed(Main &bmain, ID *data)
{
  std::vector<Material *> *materials = data_materials(data);
  const size_t count = materials ? materials->size() : 0;
  for (ID *referrer : bmain.relations().referrers_of(data)) {
    if (referrer->type != IDType::Object) {
      continue;
    }
    Object &object = cast<Object>(referrer);
    if (object.data != data) {
      continue;
    }
    while (object.material_slots.size() > count) {
      id_ref_assign(bmain, &object.id, object.material_slots.back().material,
                    static_cast<Material *>(nullptr), IDREF_USER);
      object.material_slots.pop_back();
    }
    object.material_slots.resize(count);
    if (object.active_material_index >= int32_t(count)) {
      object.active_material_index = std::max(int32_t(count) - 1, 0);
    }
  }
}

void data_material_append(Main &bmain, ID *data, Material *material)
{
  std::vector<Material *> *materials = data_materials(data);
  if (!materials) {
    raise(ErrorKind::Type, id_type_info(data->type).name, " \"", data->name,
          "\" has no material slots");
  }
  materials->push_back(nullptr);
  id_ref_assign(bmain, data, materials->back(), material, IDREF_USER);
  data_materials_changed(bmain, data);
}

void data_material_set(Main &bmain, ID *data, int32_t index, Material *material)
{
  std::vector<Material *> *materials = data_materials(data);
  if (!materials) {
    raise(ErrorKind::Type, id_type_info(data->type).name, " \"", data->name,
          "\" has no material slots");
  }
  const int32_t count = int32_t(materials->size());
  if (index < 0 || index >= count) {
    raise(ErrorKind::Index, "index ", index, " out of range, size ", count);
  }
  id_ref_assign(bmain, data, (*materials)[index], material, IDREF_USER);
  id_tag_update(data, ID_RECALC_SHADING);
}

void data_material_pop(Main &bmain, ID *data, int32_t index)
{
  std::vector<Material *> *materials = data_materials(data);
  if (!materials || materials->empty()) {
    raise(ErrorKind::Runtime, "no materials to remove from \"", data ? data->name : "", "\"");
  }
  const int32_t count = int32_t(materials->size());
  if (index < 0) {
    index += count;
  }
  if (index < 0 || index >= count) {
    raise(ErrorKind::Index, "index ", index, " out of range, size ", count);
  }
  id_ref_assign(bmain, data, (*materials)[index], static_cast<Material *>(nullptr), IDREF_USER);
  materials->erase(materials->begin() + index);
  /* Object-linked slots after the removed one shift down with it. */
  for (ID *referrer : bmain.relations().referrers_of(data)) {
    if (referrer->type == IDType::Object && cast<Object>(referrer).data == data) {
      Object &object = cast<Object>(referrer);
      if (index < int32_t(object.material_slots.size())) {
        id_ref_assign(bmain, &object.id, object.material_slots[index].material,
                      static_cast<Material *>(nullptr), IDREF_USER);
        object.material_slots.erase(object.material_slots.begin() + index);
      }
    }
  }
  data_materials_changed(bmain, data);
}

void object_material_slot_add(Main &bmain, Object *object)
{
  if (!data_materials(object->data)) {
    raise(ErrorKind::Runtime, "Object \"", object->id.name, "\" has no data that holds materials");
  }
  data_material_append(bmain, object->data, nullptr);
  object->active_material_index = object_material_slot_count(*object) - 1;
}

void object_material_slot_remove(Main &bmain, Object *object, int32_t slot)
{
  check_slot(*object, slot);
  data_material_pop(bmain, object->data, slot);
}

}  // namespace whisk::kernel
