#pragma once
#include "whisk/dna/id.hh"

namespace whisk::dna {

struct Object;

enum class CameraType : uint8_t { Persp, Ortho, Pano };
enum class CameraSensorFit : uint8_t { Auto, Horizontal, Vertical };
enum class CameraLensUnit : uint8_t { Millimeters, FOV };

struct CameraDOF {
  bool use_dof = false;
  Object *focus_object = nullptr;
  float focus_distance = 10.0f;
  float aperture_fstop = 2.8f;
  float aperture_rotation = 0.0f;
  float aperture_ratio = 1.0f;
  int32_t aperture_blades = 0;
};

struct Camera {
  static constexpr IDType id_type = IDType::Camera;
  ID id;
  CameraType type = CameraType::Persp;
  CameraLensUnit lens_unit = CameraLensUnit::Millimeters;
  CameraSensorFit sensor_fit = CameraSensorFit::Auto;
  float lens = 50.0f;
  float ortho_scale = 6.0f;
  float clip_start = 0.1f;
  float clip_end = 1000.0f;
  float sensor_x = 36.0f;
  float sensor_y = 24.0f;
  float shift_x = 0.0f;
  float shift_y = 0.0f;
  float display_size = 1.0f;
  float passepartout_alpha = 0.5f;
  bool show_passepartout = true;
  bool show_limits = false;
  bool show_name = false;
  CameraDOF dof;
};

}  // namespace whisk::dna
