#pragma once
// Image data-block. Pixels and loading arrive with the render work; here the settings.
#include "whisk/dna/id.hh"

namespace whisk::dna {

enum class ImageSource : uint8_t { File, Sequence, Movie, Generated, Viewer, Tiled };
enum class ImageGeneratedType : uint8_t { Blank, UVGrid, ColorGrid };
enum class ImageAlphaMode : uint8_t { Straight, Premul, ChannelPacked, None };

struct Image {
  static constexpr IDType id_type = IDType::Image;
  ID id;
  char filepath[1024] = {};
  ImageSource source = ImageSource::Generated;
  ImageGeneratedType generated_type = ImageGeneratedType::Blank;
  int32_t generated_width = 1024;
  int32_t generated_height = 1024;
  float generated_color[4] = {0.0f, 0.0f, 0.0f, 1.0f};
  bool use_generated_float = false;
  /** Bits per pixel of a generated image's byte buffer: 24 (RGB) or 32 (RGBA). */
  uint8_t planes = 24;
  ImageAlphaMode alpha_mode = ImageAlphaMode::Straight;
  char colorspace[64] = "sRGB";
  bool use_view_as_render = false;
};

}  // namespace whisk::dna
