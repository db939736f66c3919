// Image: its file, source and generated-image settings. Pixels, loading and color spaces
// arrive with the render work.

#include "defs.hh"

namespace whisk::rna {
using namespace define;
using namespace dna;
using defs::item;

void define_image(BlenderRNA &rna)
{
  using D = StructDef<Image>;
  constexpr uint32_t SHADING = ID_RECALC_SHADING;
  D def = struct_<Image>(rna, "Image");
  def.ui("Image", "A picture from a file, a sequence, a movie, or generated");

  /* No loading yet: both paths set the stored path. */
  def.string("filepath", &Image::filepath)
      .ui("File Name", "Path to the image file")
      .subtype(PropertySubtype::FilePath)
      .recalc(SHADING);
  def.string("filepath_raw", &Image::filepath)
      .ui("File Name", "Path to the image file, set without reloading the image")
      .subtype(PropertySubtype::FilePath)
      .recalc(SHADING);
  def.enumeration("source", &Image::source,
                  {item("FILE", "Single Image", int(ImageSource::File), "One image file"),
                   item("SEQUENCE", "Image Sequence", int(ImageSource::Sequence),
                        "Numbered image files, one per frame"),
                   item("MOVIE", "Movie", int(ImageSource::Movie), "A movie file"),
                   item("GENERATED", "Generated", int(ImageSource::Generated),
                        "Made from the generated settings"),
                   item("VIEWER", "Viewer", int(ImageSource::Viewer),
                        "Shows render or compositing output"),
                   item("TILED", "UDIM Tiles", int(ImageSource::Tiled),
                        "Several image files, one per UV tile")})
      .ui("Source", "Where the image comes from")
      .recalc(SHADING);
  {
    /* Only a viewer image is (and stays) a viewer: other images do not offer VIEWER. */
    PropertyRNA *source = def.srna()->properties.back().get();
    source->enum_items_fn = [source](const PointerRNA &p) {
      const bool viewer = D::data(p).source == ImageSource::Viewer;
      std::vector<EnumItem> items;
      for (const EnumItem &it : source->enum_items) {
        if (viewer || it.value != int(ImageSource::Viewer)) {
          items.push_back(it);
        }
      }
      return items;
    };
  }
  def.boolean("use_view_as_render", &Image::use_view_as_render)
      .ui("View as Render", "Show the image with the scene's view transform, like a render")
      .recalc(SHADING);
  def.enumeration("generated_type", &Image::generated_type,
                  {item("BLANK", "Blank", int(ImageGeneratedType::Blank), "One color"),
                   item("UV_GRID", "UV Grid", int(ImageGeneratedType::UVGrid),
                        "Checkerboard with crosses"),
                   item("COLOR_GRID", "Color Grid", int(ImageGeneratedType::ColorGrid),
                        "Colored checkerboard with letters and numbers")})
      .ui("Generated Type", "Pattern of a generated image")
      .default_value(int(ImageGeneratedType::UVGrid))
      .not_animatable()
      .recalc(SHADING);
  def.integer("generated_width", &Image::generated_width)
      .ui("Generated Width", "Width of a generated image, in pixels")
      .subtype(PropertySubtype::Pixel)
      .range(1, 65536)
      .default_value(1024)
      .not_animatable()
      .recalc(SHADING);
  def.integer("generated_height", &Image::generated_height)
      .ui("Generated Height", "Height of a generated image, in pixels")
      .subtype(PropertySubtype::Pixel)
      .range(1, 65536)
      .default_value(1024)
      .not_animatable()
      .recalc(SHADING);
  def.boolean("use_generated_float", &Image::use_generated_float)
      .ui("Float Buffer", "Generate the image with float pixels")
      .not_animatable()
      .recalc(SHADING);
  def.floats("generated_color", &Image::generated_color)
      .ui("Color", "Fill color of a blank generated image")
      .subtype(PropertySubtype::ColorGamma)
      .range(0, FLT_HUGE)
      .soft_range(0, 1)
      .ui_step(10, 3)
      .not_animatable()
      .recalc(SHADING);
  /* What Blender reads from the image buffer; Whisk has pixels only for generated images
   * (not made yet), and reports their settings. */
  auto has_buffer = [](const Image &image) {
    return image.source == ImageSource::Generated || image.source == ImageSource::Tiled;
  };
  PropertyRNA *size = def.add("size", PropertyType::Int)
                          .ui("Size", "Width and height of the image buffer in pixels, zero when "
                                      "there is none")
                          .subtype(PropertySubtype::Pixel)
                          .soft_range(0, 0)
                          .read_only()
                          .get();
  size->array_dimensions[0] = 2;
  size->get_int = [has_buffer](const PointerRNA &p, int index) {
    const Image &image = D::data(p);
    if (!has_buffer(image)) {
      return int64_t(0);
    }
    return int64_t(index == 0 ? image.generated_width : image.generated_height);
  };
  def.add("depth", PropertyType::Int)
      .ui("Depth", "Bits per pixel of the image buffer, zero when there is none")
      .subtype(PropertySubtype::Unsigned)
      .range(0, INT_HUGE)
      .soft_range(0, 10000)
      .read_only()
      .get()
      ->get_int = [has_buffer](const PointerRNA &p, int) {
    const Image &image = D::data(p);
    if (!has_buffer(image)) {
      return int64_t(0);
    }
    /* Float buffers hold 32 bits per channel. */
    return int64_t(image.planes) * (image.use_generated_float ? 4 : 1);
  };
  def.add("is_float", PropertyType::Boolean)
      .ui("Is Float", "True when the image buffer has float pixels")
      .read_only()
      .get()
      ->get_bool = [has_buffer](const PointerRNA &p, int) {
    return has_buffer(D::data(p)) && D::data(p).use_generated_float;
  };
  def.enumeration("alpha_mode", &Image::alpha_mode,
                  {item("STRAIGHT", "Straight", int(ImageAlphaMode::Straight),
                        "Color not multiplied by alpha"),
                   item("PREMUL", "Premultiplied", int(ImageAlphaMode::Premul),
                        "Color multiplied by alpha"),
                   item("CHANNEL_PACKED", "Channel Packed", int(ImageAlphaMode::ChannelPacked),
                        "Alpha holds unrelated data"),
                   item("NONE", "None", int(ImageAlphaMode::None), "Alpha is ignored")})
      .ui("Alpha Mode", "How the alpha channel relates to the color channels")
      .recalc(SHADING);
}

}  // namespace whisk::rna
