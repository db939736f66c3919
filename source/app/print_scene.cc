#include "print_scene.hh"

#include <cmath>
#include <cstdio>
#include <set>
#include <string>

#include "whisk/dna/all_types.hh"
#include "whisk/kernel/collection.hh"
#include "whisk/kernel/id_type.hh"
#include "whisk/kernel/lib_id.hh"
#include "whisk/kernel/mesh.hh"
#include "whisk/kernel/object.hh"
#include "whisk/kernel/scene.hh"

namespace whisk::app {
using namespace dna;

namespace {

/* ---- Formatting helpers ---- */

/** Up to six decimals, trailing zeros dropped: 4.076245, 0.5, 1000, 0. */
std::string num(double value)
{
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%.6f", std::abs(value) < 5e-7 ? 0.0 : value);
  std::string text = buf;
  text.erase(text.find_last_not_of('0') + 1);
  if (text.back() == '.') {
    text.pop_back();
  }
  return text;
}

std::string vec(const float *values, int size)
{
  std::string result = "(";
  for (int i = 0; i < size; i++) {
    result += (i ? ", " : "") + num(values[i]);
  }
  return result + ")";
}
std::string vec(const float3 &v) { return vec(v.data(), 3); }

std::string degrees(const float3 &euler)
{
  constexpr double to_deg = 180.0 / 3.14159265358979323846;
  return "(" + num(euler.x * to_deg) + ", " + num(euler.y * to_deg) + ", " +
         num(euler.z * to_deg) + ")";
}

std::string quoted(const ID *id) { return id ? std::string("\"") + id->name + "\"" : "None"; }

std::string yes_no(bool value) { return value ? "yes" : "no"; }

std::string indent(int depth) { return std::string(size_t(depth) * 2, ' '); }

const char *object_type_name(ObjectType type)
{
  switch (type) {
    case ObjectType::Empty: return "EMPTY";
    case ObjectType::Mesh: return "MESH";
    case ObjectType::Camera: return "CAMERA";
    case ObjectType::Light: return "LIGHT";
    case ObjectType::PointCloud: return "POINTCLOUD";
  }
  return "?";
}

const char *rotation_mode_name(RotationMode mode)
{
  switch (mode) {
    case RotationMode::AxisAngle: return "AXIS_ANGLE";
    case RotationMode::Quaternion: return "QUATERNION";
    case RotationMode::XYZ: return "XYZ";
    case RotationMode::XZY: return "XZY";
    case RotationMode::YXZ: return "YXZ";
    case RotationMode::YZX: return "YZX";
    case RotationMode::ZXY: return "ZXY";
    case RotationMode::ZYX: return "ZYX";
  }
  return "?";
}

const char *light_type_name(LightType type)
{
  switch (type) {
    case LightType::Point: return "POINT";
    case LightType::Sun: return "SUN";
    case LightType::Spot: return "SPOT";
    case LightType::Area: return "AREA";
  }
  return "?";
}

const char *camera_type_name(CameraType type)
{
  switch (type) {
    case CameraType::Persp: return "PERSP";
    case CameraType::Ortho: return "ORTHO";
    case CameraType::Pano: return "PANO";
  }
  return "?";
}

const char *sensor_fit_name(CameraSensorFit fit)
{
  switch (fit) {
    case CameraSensorFit::Auto: return "AUTO";
    case CameraSensorFit::Horizontal: return "HORIZONTAL";
    case CameraSensorFit::Vertical: return "VERTICAL";
  }
  return "?";
}

const char *unit_system_name(UnitSystem system)
{
  switch (system) {
    case UnitSystem::None: return "NONE";
    case UnitSystem::Metric: return "METRIC";
    case UnitSystem::Imperial: return "IMPERIAL";
  }
  return "?";
}

/* ---- Data-blocks ---- */

void print_material(std::ostream &out, const Material &material, int depth)
{
  out << indent(depth) << "base color " << vec(material.diffuse_color, 4) << ", metallic "
      << num(material.metallic) << ", roughness " << num(material.roughness)
      << ", specular " << num(material.specular_intensity) << ", use nodes "
      << yes_no(material.use_nodes) << "\n";
}

void print_camera(std::ostream &out, const Camera &camera, int depth)
{
  out << indent(depth) << "type " << camera_type_name(camera.type) << ", lens "
      << num(camera.lens) << " mm, sensor " << num(camera.sensor_x) << " x "
      << num(camera.sensor_y) << " mm (fit " << sensor_fit_name(camera.sensor_fit)
      << "), clip " << num(camera.clip_start) << " .. " << num(camera.clip_end) << "\n";
  out << indent(depth) << "shift (" << num(camera.shift_x) << ", " << num(camera.shift_y)
      << "), ortho scale " << num(camera.ortho_scale) << ", depth of field "
      << yes_no(camera.dof.use_dof) << " (focus distance " << num(camera.dof.focus_distance)
      << ", f/" << num(camera.dof.aperture_fstop) << ")\n";
}

void print_light(std::ostream &out, const Light &light, int depth)
{
  out << indent(depth) << "type " << light_type_name(light.type) << ", color "
      << vec(light.color, 3) << ", power " << num(light.energy)
      << (light.type == LightType::Sun ? " W/m^2" : " W") << ", radius "
      << num(light.shadow_soft_size) << ", shadow " << yes_no(light.use_shadow) << "\n";
  if (light.type == LightType::Spot) {
    out << indent(depth) << "spot size " << num(light.spot_size) << ", blend "
        << num(light.spot_blend) << "\n";
  }
  if (light.type == LightType::Area) {
    out << indent(depth) << "size " << num(light.size) << " x " << num(light.size_y) << "\n";
  }
}

void print_object_data(std::ostream &out, const ID *data, int depth)
{
  if (!data) {
    return;
  }
  switch (data->type) {
    case IDType::Mesh: {
      const Mesh &mesh = *kernel::id_cast<Mesh>(data);
      out << indent(depth) << "mesh: " << mesh.verts_num << " vertices, " << mesh.edges_num
          << " edges, " << mesh.faces_num << " faces, " << mesh.corners_num << " loops, "
          << mesh.attributes.attributes.size() << " attributes, materials "
          << mesh.materials.size() << "\n";
      if (const std::optional<kernel::Bounds> bounds = kernel::mesh_bounds(mesh)) {
        out << indent(depth) << "bounds: (" << bounds->min.x << ", " << bounds->min.y << ", "
            << bounds->min.z << ") .. (" << bounds->max.x << ", " << bounds->max.y << ", "
            << bounds->max.z << ")\n";
      }
      break;
    }
    case IDType::Camera:
      print_camera(out, *kernel::id_cast<Camera>(data), depth);
      break;
    case IDType::Light:
      print_light(out, *kernel::id_cast<Light>(data), depth);
      break;
    default:
      break;
  }
}

void print_matrix(std::ostream &out, const float4x4 &m, int depth)
{
  for (int row = 0; row < 4; row++) {
    char line[128];
    std::snprintf(line, sizeof(line), "[%10.6f %10.6f %10.6f %10.6f]", m.m[0][row] + 0.0f,
                  m.m[1][row] + 0.0f, m.m[2][row] + 0.0f, m.m[3][row] + 0.0f);
    std::string text = line;
    /* No "-0.000000": a rounding artefact, not information. */
    for (size_t pos; (pos = text.find("-0.000000")) != std::string::npos;) {
      text.replace(pos, 9, " 0.000000");
    }
    out << indent(depth) << text << "\n";
  }
}

void print_object(std::ostream &out, const Object &object, int depth)
{
  out << indent(depth) << "Object " << quoted(&object.id) << " ["
      << object_type_name(object.type) << "]";
  if (object.data) {
    out << " data: " << kernel::id_type_info(object.data->type).name << " "
        << quoted(object.data);
  }
  out << ", users " << object.id.users << "\n";
  depth++;
  if (object.parent) {
    out << indent(depth) << "parent " << quoted(&object.parent->id) << "\n";
  }
  out << indent(depth) << "location " << vec(object.location) << "\n";
  switch (object.rotation_mode) {
    case RotationMode::Quaternion:
      out << indent(depth) << "rotation QUATERNION (w, x, y, z) ("
          << num(object.rotation_quaternion.w) << ", " << num(object.rotation_quaternion.x)
          << ", " << num(object.rotation_quaternion.y) << ", "
          << num(object.rotation_quaternion.z) << ")\n";
      break;
    case RotationMode::AxisAngle:
      out << indent(depth) << "rotation AXIS_ANGLE axis " << vec(object.rotation_axis)
          << " angle " << num(object.rotation_angle) << " rad\n";
      break;
    default:
      out << indent(depth) << "rotation " << rotation_mode_name(object.rotation_mode)
          << " Euler " << vec(object.rotation_euler) << " rad = "
          << degrees(object.rotation_euler) << " deg\n";
      break;
  }
  out << indent(depth) << "scale " << vec(object.scale) << "\n";
  out << indent(depth) << "world matrix\n";
  print_matrix(out, object.object_to_world, depth + 1);

  const int32_t slots = kernel::object_material_slot_count(object);
  for (int32_t slot = 0; slot < slots; slot++) {
    const Material *material = kernel::object_material_get(object, slot);
    out << indent(depth) << "material slot " << slot << ": "
        << quoted(material ? &material->id : nullptr) << " (link "
        << (object.material_slots[size_t(slot)].link_object ? "OBJECT" : "DATA") << ")\n";
    if (material) {
      print_material(out, *material, depth + 1);
    }
  }
  print_object_data(out, object.data, depth);
}

void print_collection(std::ostream &out, const Collection &collection, int depth,
                      std::set<const Object *> &printed)
{
  out << indent(depth) << "Collection " << quoted(&collection.id) << " ("
      << collection.objects.size() << " objects, " << collection.children.size()
      << " children)\n";
  collection.objects.for_each([&](const Object *object) {
    if (printed.insert(object).second) {
      print_object(out, *object, depth + 1);
    }
    else {
      out << indent(depth + 1) << "Object " << quoted(&object->id) << " (shown above)\n";
    }
  });
  for (const Collection *child : collection.children) {
    print_collection(out, *child, depth + 1, printed);
  }
}

void print_view_layer(std::ostream &out, Scene &scene, ViewLayer &layer, bool is_window,
                      int depth)
{
  kernel::view_layer_ensure_synced(&scene, &layer);
  out << indent(depth) << "View layer \"" << layer.name << "\""
      << (is_window ? " (window)" : "") << ", use " << yes_no(layer.use) << "\n";
  depth++;
  std::string selected;
  std::string hidden;
  for (const Object *object : kernel::view_layer_objects(&scene, &layer)) {
    const Base *base = kernel::view_layer_base_find(&scene, &layer, object);
    if (base && (base->flag & BASE_SELECTED)) {
      selected += (selected.empty() ? "" : ", ") + quoted(&object->id);
    }
    if (base && (base->flag & BASE_HIDDEN)) {
      hidden += (hidden.empty() ? "" : ", ") + quoted(&object->id);
    }
  }
  out << indent(depth) << "objects " << layer.bases.size() << "\n";
  out << indent(depth) << "active object "
      << quoted(layer.active_object ? &layer.active_object->id : nullptr) << "\n";
  out << indent(depth) << "selected [" << selected << "]\n";
  if (!hidden.empty()) {
    out << indent(depth) << "hidden [" << hidden << "]\n";
  }
  const LayerCollection *active = layer.active_layer_collection;
  out << indent(depth) << "active collection "
      << quoted(active && active->collection ? &active->collection->id : nullptr) << "\n";
}

void print_scene(std::ostream &out, Scene &scene, const kernel::StartupState &state)
{
  out << "Scene " << quoted(&scene.id) << (&scene == state.scene ? " (window)" : "")
      << ", users " << scene.id.users << "\n";
  const int depth = 1;
  out << indent(depth) << "frames " << scene.frame_start << " .. " << scene.frame_end
      << ", current " << scene.frame_current << ", " << scene.render.fps << " fps\n";
  out << indent(depth) << "render " << scene.render.resolution_x << " x "
      << scene.render.resolution_y << " at " << scene.render.resolution_percentage
      << "%, engine " << scene.render.engine << ", output \"" << scene.render.filepath
      << "\"\n";
  out << indent(depth) << "units " << unit_system_name(scene.unit_settings.system)
      << ", scale " << num(scene.unit_settings.scale_length) << ", gravity "
      << vec(scene.gravity) << "\n";
  out << indent(depth) << "camera " << quoted(scene.camera ? &scene.camera->id : nullptr)
      << "\n";
  out << indent(depth) << "world " << quoted(scene.world ? &scene.world->id : nullptr);
  if (scene.world) {
    out << ", color " << vec(scene.world->color, 3) << ", use nodes "
        << yes_no(scene.world->use_nodes);
  }
  out << "\n";
  out << indent(depth) << "cursor " << vec(scene.cursor.location) << "\n";
  for (auto &layer : scene.view_layers) {
    print_view_layer(out, scene, *layer, layer.get() == state.view_layer, depth);
  }
  std::set<const Object *> printed;
  if (scene.master_collection) {
    print_collection(out, *scene.master_collection, depth, printed);
  }
}

}  // namespace

void print_main(std::ostream &out, kernel::Main &bmain, const kernel::StartupState &state)
{
  for (ID *id : bmain.list(IDType::Scene)) {
    print_scene(out, *kernel::id_cast<Scene>(id), state);
    out << "\n";
  }
  out << "Data-blocks (" << bmain.id_count() << ")\n";
  const kernel::IDTypeInfo *const *infos = kernel::id_type_infos();
  for (int i = 0; i < dna::ID_TYPE_COUNT; i++) {
    const kernel::IDList &list = bmain.list(infos[i]->type);
    if (list.empty()) {
      continue;
    }
    out << "  " << infos[i]->name_plural << ":";
    for (const ID *id : list) {
      out << " " << quoted(id) << " (users " << id->users << ")";
    }
    out << "\n";
  }
}

}  // namespace whisk::app
