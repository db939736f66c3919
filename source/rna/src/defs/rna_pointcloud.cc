// PointCloud and its Point elements, over kernel/pointcloud.hh. Points have no struct in
// memory: a Point pointer has owner_id = the point cloud, data = &points_num (a stable
// address naming the domain) and index = the point, the scheme of mesh elements
// (mesh_common.hh). Handles find points again by path (`points[i]`), so a point past a
// shrunk cloud stops resolving instead of reading freed memory.

#include "attribute_common.hh"
#include "whisk/dna/material.hh"
#include "whisk/kernel/lib_id.hh"
#include "whisk/kernel/object.hh"
#include "whisk/kernel/pointcloud.hh"

namespace whisk::rna {
using namespace define;
using namespace defs;
using dna::PointCloud;
using kernel::AttrDomain;
using kernel::AttrType;
using kernel::Main;

namespace {

/** Declared data type of Point: no members, accessors read through owner_id and index. */
struct PointElement {};

PointCloud &pointcloud_of(const PointerRNA &p) { return *reinterpret_cast<PointCloud *>(p.owner_id); }

/** A raw array over a float attribute of the points, for foreach_get/set in one pass.
 * nullopt (the checked per-item path) without points, or for a missing `radius` read. */
std::optional<RawArray> points_raw(PointCloud &pointcloud, std::string_view name, bool for_write)
{
  if (pointcloud.points_num == 0) {
    return std::nullopt;
  }
  if (name == kernel::ATTR_POSITION) {
    float3 *data = for_write ? kernel::pointcloud_positions_for_write(pointcloud).data() :
                               const_cast<float3 *>(kernel::pointcloud_positions(pointcloud).data());
    if (!data) {
      return std::nullopt;
    }
    return RawArray{data, RawType::Float32, int64_t(sizeof(float3)), pointcloud.points_num};
  }
  float *data = for_write ? kernel::pointcloud_radii_for_write(pointcloud).data() :
                            const_cast<float *>(kernel::pointcloud_radii(pointcloud).data());
  if (!data) {
    return std::nullopt; /* no radius: every point reads 0 through the per-item path */
  }
  return RawArray{data, RawType::Float32, int64_t(sizeof(float)), pointcloud.points_num};
}

void define_point(BlenderRNA &rna)
{
  StructDef<PointElement> def = struct_<PointElement>(rna, "Point");
  def.ui("Point", "Point in a point cloud");
  def.srna()->path = [](const PointerRNA &p) -> std::optional<std::string> {
    return "points[" + std::to_string(p.index) + "]";
  };

  PropertyDef co = def.add("co", PropertyType::Float);
  co.ui("Location", "").subtype(PropertySubtype::Translation).unit(PropertyUnit::Length);
  co.get()->array_dimensions[0] = 3;
  co.get()->get_float = [](const PointerRNA &p, int k) {
    const std::span<const float3> positions = kernel::pointcloud_positions(pointcloud_of(p));
    return size_t(p.index) < positions.size() ? double(positions[size_t(p.index)][k]) : 0.0;
  };
  co.get()->set_float = [](const PointerRNA &p, int k, double v) {
    PointCloud &pointcloud = pointcloud_of(p);
    if (p.index >= 0 && p.index < pointcloud.points_num) {
      kernel::pointcloud_positions_for_write(pointcloud)[size_t(p.index)][k] = float(v);
    }
  };
  co.get()->raw_array = [](const PointerRNA &owner, bool for_write) {
    return points_raw(pointcloud_of(owner), kernel::ATTR_POSITION, for_write);
  };
  co.recalc(dna::ID_RECALC_GEOMETRY);

  /* A missing `radius` reads 0 and is added on the first write (Blender 3.4 reads 0 too). */
  PropertyDef radius = def.add("radius", PropertyType::Float);
  radius.ui("Radius", "").subtype(PropertySubtype::Distance).unit(PropertyUnit::Length);
  radius.get()->get_float = [](const PointerRNA &p, int) {
    const std::span<const float> radii = kernel::pointcloud_radii(pointcloud_of(p));
    return size_t(p.index) < radii.size() ? double(radii[size_t(p.index)]) : 0.0;
  };
  radius.get()->set_float = [](const PointerRNA &p, int, double v) {
    PointCloud &pointcloud = pointcloud_of(p);
    if (p.index >= 0 && p.index < pointcloud.points_num) {
      kernel::pointcloud_radii_for_write(pointcloud)[size_t(p.index)] = float(v);
    }
  };
  radius.get()->raw_array = [](const PointerRNA &owner, bool for_write) {
    return points_raw(pointcloud_of(owner), kernel::ATTR_RADIUS, for_write);
  };
  radius.recalc(dna::ID_RECALC_GEOMETRY);

  /* Blender's description, word for word. */
  PropertyDef index = def.add("index", PropertyType::Int);
  index.ui("Index", "Index of this points").read_only();
  index.subtype(PropertySubtype::Unsigned).range(0, INT_HUGE).soft_range(0, 10000);
  index.get()->get_int = [](const PointerRNA &p, int) { return p.index; };
}

}  // namespace

void define_pointcloud(BlenderRNA &rna)
{
  define_point(rna);
  using D = StructDef<PointCloud>;
  D def = struct_<PointCloud>(rna, "PointCloud");
  def.ui("Point Cloud", "Point cloud data-block");

  const StructRNA *point = rna.find("Point");
  def.collection(
         "points", "Point",
         [](const PointerRNA &p) { return int64_t(D::data(p).points_num); },
         [point](const PointerRNA &p, int64_t i) {
           return pointer_from_element(p, point, &D::data(p).points_num, i);
         })
      .ui("Points", "");

  /* Slots may be empty (None), as the mesh's. */
  def.collection(
         "materials", "Material",
         [](const PointerRNA &p) { return int64_t(D::data(p).materials.size()); },
         [](const PointerRNA &p, int64_t i) {
           return pointer_from_id(p.main, kernel::as_id(D::data(p).materials.at(size_t(i))));
         },
         [](const PointerRNA &p, std::string_view key) -> std::optional<PointerRNA> {
           for (dna::Material *material : D::data(p).materials) {
             if (material && key == material->id.name) {
               return pointer_from_id(p.main, &material->id);
             }
           }
           return std::nullopt;
         })
      .functions(rna.find("IDMaterials"))
      .ui("Materials", "")
      .get()
      ->collection_assign = [](const PointerRNA &p, int64_t index, const PointerRNA &value) {
    kernel::data_material_set(defs::main_of(p), p.owner_id, int32_t(index),
                              static_cast<dna::Material *>(value.data));
  };

  define_attribute_collections(rna, def.srna());

  /* Blender 4's PointCloud.resize (3.4 has no way to add points from Python). */
  FunctionRNA &resize = def.function("resize", "resize", [](FunctionCall &call) {
    const int64_t size = std::get<int64_t>(call.args[0]);
    kernel::pointcloud_resize(D::data(call.self), int32_t(size));
    kernel::id_tag_update(call.self.owner_id, dna::ID_RECALC_GEOMETRY);
  });
  parameter(resize, "size", PropertyType::Int, nullptr, PARM_REQUIRED)
      .ui("Size", "New number of points")
      .range(0, INT_HUGE);
}

}  // namespace whisk::rna
