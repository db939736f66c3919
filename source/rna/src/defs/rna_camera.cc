// Camera: projection, lens and sensor (with the field of view computed from them),
// clipping, shift, viewport display and depth of field.

#include <cmath>
#include <numbers>

#include "defs.hh"

namespace whisk::rna {
using namespace define;
using namespace dna;
using defs::item;

namespace {

using D = StructDef<Camera>;
constexpr uint32_t PARAMS = ID_RECALC_PARAMETERS;

/** Field of view limits, as Blender's: 0.367 to 172.847 degrees. */
const double FOV_MIN = deg(0.367);
const double FOV_MAX = deg(172.847);

/** The sensor size the field of view is measured on: the height for a vertical fit, the
 * width otherwise. */
double fit_sensor(const Camera &camera)
{
  return camera.sensor_fit == CameraSensorFit::Vertical ? camera.sensor_y : camera.sensor_x;
}

double lens_to_fov(double lens, double sensor) { return 2.0 * std::atan(sensor / (2.0 * lens)); }
double fov_to_lens(double fov, double sensor) { return sensor / (2.0 * std::tan(fov / 2.0)); }

void define_dof(BlenderRNA &rna)
{
  using DD = StructDef<CameraDOF>;
  DD def = struct_<CameraDOF>(rna, "CameraDOFSettings");
  def.ui("Depth of Field", "Focus and aperture of a camera");
  def.srna()->path = [](const PointerRNA &) -> std::optional<std::string> { return "dof"; };

  def.boolean("use_dof", &CameraDOF::use_dof)
      .ui("Depth of Field", "Blur what is out of focus")
      .recalc(PARAMS);
  defs::id_pointer(def, "focus_object", "Object", &CameraDOF::focus_object, 0)
      .ui("Focus Object", "Object whose position sets the focus distance")
      .recalc(PARAMS | ID_RECALC_HIERARCHY);
  def.floats("focus_distance", &CameraDOF::focus_distance)
      .ui("Focus Distance", "Distance from the camera to the plane in focus")
      .subtype(PropertySubtype::Distance)
      .unit(PropertyUnit::Length)
      .range(0, FLT_HUGE)
      .soft_range(0, 5000)
      .ui_step(1, 2)
      .default_value(10)
      .recalc(PARAMS);
  def.floats("aperture_fstop", &CameraDOF::aperture_fstop)
      .ui("F-Stop", "Aperture as an f-number; lower values blur more")
      .range(0, FLT_HUGE)
      .soft_range(0.1, 128)
      .ui_step(10, 1)
      .default_value(2.8)
      .recalc(PARAMS);
  /* One or two blades make no polygon: such values snap to round (0) or to a triangle (3),
   * whichever lies in the direction of the change, as in Blender. Other values are stored
   * as they are; the range is the UI's. */
  def.integer("aperture_blades", &CameraDOF::aperture_blades)
      .ui("Blades", "Number of aperture blades; below 3 the aperture is round")
      .range(0, 16)
      .flag(PROP_NO_CLAMP)
      .recalc(PARAMS)
      .get()
      ->set_int = [](const PointerRNA &p, int, int64_t v) {
    auto &blades = StructDef<CameraDOF>::data(p).aperture_blades;
    using Blades = std::remove_reference_t<decltype(blades)>;
    if (v == 1 || v == 2) {
      v = int64_t(blades) > v ? 0 : 3;
    }
    blades = Blades(std::clamp<int64_t>(v, std::numeric_limits<Blades>::min(),
                                        std::numeric_limits<Blades>::max()));
  };
  def.floats("aperture_rotation", &CameraDOF::aperture_rotation)
      .ui("Rotation", "Rotation of the aperture blades")
      .subtype(PropertySubtype::Angle)
      .unit(PropertyUnit::Rotation)
      .range(-std::numbers::pi, std::numbers::pi)
      .ui_step(10, 3)
      .recalc(PARAMS);
  def.floats("aperture_ratio", &CameraDOF::aperture_ratio)
      .ui("Ratio", "Stretch of the out-of-focus shapes, for anamorphic lenses")
      .range(0.01, FLT_HUGE)
      .soft_range(1, 2)
      .ui_step(0.1, 3)
      .default_value(1)
      .recalc(PARAMS);
}

}  // namespace

void define_camera(BlenderRNA &rna)
{
  define_dof(rna);
  D def = struct_<Camera>(rna, "Camera");
  def.ui("Camera", "Projection and lens of a camera object");

  def.enumeration("type", &Camera::type,
                  {item("PERSP", "Perspective", int(CameraType::Persp)),
                   item("ORTHO", "Orthographic", int(CameraType::Ortho)),
                   item("PANO", "Panoramic", int(CameraType::Pano))})
      .ui("Type", "Projection of the camera")
      .recalc(PARAMS);
  def.enumeration("sensor_fit", &Camera::sensor_fit,
                  {item("AUTO", "Auto", int(CameraSensorFit::Auto),
                        "Fit the sensor width to the larger side of the image"),
                   item("HORIZONTAL", "Horizontal", int(CameraSensorFit::Horizontal),
                        "Fit the sensor width to the image width"),
                   item("VERTICAL", "Vertical", int(CameraSensorFit::Vertical),
                        "Fit the sensor height to the image height")})
      .ui("Sensor Fit", "How the sensor maps to the rendered image")
      .recalc(PARAMS);
  def.floats("passepartout_alpha", &Camera::passepartout_alpha)
      .ui("Passepartout Alpha", "Darkening of the viewport outside the camera frame")
      .subtype(PropertySubtype::Factor)
      .range(0, 1)
      .ui_step(10, 3)
      .default_value(0.5)
      .recalc(PARAMS);

  /* Field of view, computed from the lens and the sensor; setting it sets the lens. */
  struct Fov {
    const char *identifier, *name, *description;
    /* Which sensor side: 0 width, 1 height, -1 as the sensor fit says. */
    int side;
  };
  static const Fov fovs[] = {
      {"angle_x", "Horizontal FOV", "Field of view across the sensor width", 0},
      {"angle_y", "Vertical FOV", "Field of view across the sensor height", 1},
      {"angle", "Field of View", "Field of view across the sensor side the fit chooses", -1},
  };
  for (const Fov &fov : fovs) {
    PropertyRNA *prop = def.add(fov.identifier, PropertyType::Float)
                            .ui(fov.name, fov.description)
                            .subtype(PropertySubtype::Angle)
                            .unit(PropertyUnit::Rotation)
                            .range(FOV_MIN, FOV_MAX)
                            .flag(PROP_NO_CLAMP) /* the lens takes any angle */
                            .ui_step(10, 3)
                            .not_animatable()
                            .recalc(PARAMS)
                            .get();
    const int side = fov.side;
    auto sensor = [side](const Camera &camera) {
      return side < 0 ? fit_sensor(camera) : double(side == 0 ? camera.sensor_x : camera.sensor_y);
    };
    prop->get_float = [sensor](const PointerRNA &p, int) {
      const Camera &camera = D::data(p);
      return lens_to_fov(camera.lens, sensor(camera));
    };
    prop->set_float = [sensor](const PointerRNA &p, int, double v) {
      Camera &camera = D::data(p);
      camera.lens = float(fov_to_lens(v, sensor(camera)));
    };
  }

  def.floats("clip_start", &Camera::clip_start)
      .ui("Clip Start", "Distance from the camera where the view starts")
      .subtype(PropertySubtype::Distance)
      .unit(PropertyUnit::Length)
      .range(1e-6, FLT_HUGE)
      .soft_range(0.001, FLT_HUGE)
      .ui_step(10, 3)
      .default_value(0.1)
      .recalc(PARAMS);
  def.floats("clip_end", &Camera::clip_end)
      .ui("Clip End", "Distance from the camera where the view ends")
      .subtype(PropertySubtype::Distance)
      .unit(PropertyUnit::Length)
      .range(1e-6, FLT_HUGE)
      .soft_range(0.001, FLT_HUGE)
      .ui_step(10, 3)
      .default_value(1000)
      .recalc(PARAMS);
  def.floats("lens", &Camera::lens)
      .ui("Focal Length", "Focal length of a perspective camera, in millimeters")
      .subtype(PropertySubtype::DistanceCamera)
      .unit(PropertyUnit::Camera)
      .range(1, FLT_HUGE)
      .soft_range(1, 5000)
      .ui_step(100, 4)
      .default_value(50)
      .recalc(PARAMS);
  def.floats("sensor_width", &Camera::sensor_x)
      .ui("Sensor Width", "Width of the sensor, in millimeters")
      .subtype(PropertySubtype::DistanceCamera)
      .unit(PropertyUnit::Camera)
      .range(1, FLT_HUGE)
      .soft_range(1, 100)
      .ui_step(100, 4)
      .default_value(36)
      .recalc(PARAMS);
  def.floats("sensor_height", &Camera::sensor_y)
      .ui("Sensor Height", "Height of the sensor, in millimeters")
      .subtype(PropertySubtype::DistanceCamera)
      .unit(PropertyUnit::Camera)
      .range(1, FLT_HUGE)
      .soft_range(1, 100)
      .ui_step(100, 4)
      .default_value(24)
      .recalc(PARAMS);
  def.floats("ortho_scale", &Camera::ortho_scale)
      .ui("Orthographic Scale", "Width of the view of an orthographic camera")
      .range(0, FLT_HUGE)
      .soft_range(0.001, 10000)
      .ui_step(10, 3)
      .default_value(6)
      .recalc(PARAMS);
  def.floats("display_size", &Camera::display_size)
      .ui("Display Size", "Size of the camera's shape in viewports")
      .subtype(PropertySubtype::Distance)
      .unit(PropertyUnit::Length)
      .range(0.01, 1000)
      .soft_range(0.01, 100)
      .ui_step(1, 2)
      .default_value(1)
      .recalc(PARAMS);
  def.floats("shift_x", &Camera::shift_x)
      .ui("Shift X", "Horizontal lens shift, as a fraction of the image size")
      .soft_range(-2, 2)
      .ui_step(1, 3)
      .recalc(PARAMS);
  def.floats("shift_y", &Camera::shift_y)
      .ui("Shift Y", "Vertical lens shift, as a fraction of the image size")
      .soft_range(-2, 2)
      .ui_step(1, 3)
      .recalc(PARAMS);

  def.boolean("show_limits", &Camera::show_limits)
      .ui("Show Limits", "Show the clipping range and focus point in viewports")
      .recalc(PARAMS);
  def.boolean("show_passepartout", &Camera::show_passepartout)
      .ui("Show Passepartout", "Darken the viewport outside the camera frame")
      .default_value(1)
      .recalc(PARAMS);
  def.boolean("show_name", &Camera::show_name)
      .ui("Show Name", "Show the camera's name in the camera view")
      .recalc(PARAMS);
  def.enumeration("lens_unit", &Camera::lens_unit,
                  {item("MILLIMETERS", "Millimeters", int(CameraLensUnit::Millimeters),
                        "Give the lens as a focal length"),
                   item("FOV", "Field of View", int(CameraLensUnit::FOV),
                        "Give the lens as a field of view")})
      .ui("Lens Unit", "How the interface shows the lens")
      .recalc(PARAMS);

  const StructRNA *dof_srna = rna.find("CameraDOFSettings");
  def.pointer("dof", "CameraDOFSettings",
              [dof_srna](const PointerRNA &p) {
                return pointer_from_data(p, dof_srna, &D::data(p).dof);
              })
      .ui("Depth Of Field", "Depth of field settings of the camera");
}

}  // namespace whisk::rna
