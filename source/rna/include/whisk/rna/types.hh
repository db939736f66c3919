#pragma once
// RNA: the reflection layer. Every property of every data-block is declared once here:
// type, subtype, unit, array shape, ranges, default, enum items, flags and update
// behaviour. Generic get/set, path resolution, the Python API, the API reference and
// the .pyi stubs all read these declarations; nothing is declared twice.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "whisk/dna/id.hh"

namespace whisk::kernel {
class Main;
}

namespace whisk::rna {

using dna::ID;
using kernel::Main;

struct StructRNA;
struct PropertyRNA;

enum class PropertyType : uint8_t { Boolean, Int, Float, String, Enum, Pointer, Collection };

enum class PropertySubtype : uint8_t {
  None,
  FilePath,
  DirPath,
  FileName,
  BytesString,
  PasswordString,
  Pixel,
  Unsigned,
  Percentage,
  Factor,
  Angle,
  Time,
  TimeAbsolute,
  Distance,
  DistanceCamera,
  Power,
  Temperature,
  Translation,
  Direction,
  Velocity,
  Acceleration,
  Matrix,
  Euler,
  Quaternion,
  AxisAngle,
  XYZ,
  XYZLength,
  Color,
  ColorGamma,
  Coords,
  Layer,
  LayerMember,
};

enum class PropertyUnit : uint8_t {
  None,
  Length,
  Area,
  Volume,
  Mass,
  Rotation,
  Time,
  TimeAbsolute,
  Velocity,
  Acceleration,
  Camera,
  Power,
  Temperature,
};

enum PropertyFlag : uint32_t {
  PROP_EDITABLE = 1 << 0,
  PROP_ANIMATABLE = 1 << 1,
  /** Pointer that can never be None. */
  PROP_NEVER_NULL = 1 << 2,
  /** Enum whose value is a set of items (bit flags). */
  PROP_ENUM_FLAG = 1 << 3,
  /** Pointer that counts a user of its target ID. */
  PROP_ID_REFCOUNT = 1 << 4,
  /** Property added at run time (bpy.props); its value lives in ID properties. */
  PROP_RUNTIME = 1 << 5,
  /** Numbers outside the hard range reach the setter unclamped: the setter decides (as
   * Blender's properties with their own set functions do: Camera.angle, frame_current).
   * The range still describes the property and guides the UI. */
  PROP_NO_CLAMP = 1 << 6,
  /** Parameter flags, for function parameters. */
  PARM_REQUIRED = 1 << 8,
  PARM_OUTPUT = 1 << 9,
};

const char *property_type_name(PropertyType type);       /* "BOOLEAN", ... */
const char *property_subtype_name(PropertySubtype type); /* "XYZ", ... */
const char *property_unit_name(PropertyUnit unit);       /* "LENGTH", ... */

/** A typed reference to data that RNA describes: which Main, which ID owns it, which
 * struct type, and the struct's memory. Only valid while that data lives; the Python
 * layer re-resolves it from (Main, session uid, path) before every use. */
struct PointerRNA {
  Main *main = nullptr;
  ID *owner_id = nullptr;
  const StructRNA *type = nullptr;
  void *data = nullptr;
  /** Elements of structure-of-arrays data (a mesh's vertices) have no address of their
   * own: `data` is the container and `index` the element. -1 for everything else. */
  int64_t index = -1;

  bool is_null() const { return data == nullptr; }
  template<typename T> T *as() const { return static_cast<T *>(data); }
  /** Same data: same address and element (types may differ by refinement). */
  bool same_data(const PointerRNA &other) const
  {
    return data == other.data && index == other.index;
  }
  friend bool operator==(const PointerRNA &a, const PointerRNA &b)
  {
    return a.same_data(b) && a.type == b.type;
  }
};

struct EnumItem {
  std::string identifier;
  std::string name;
  std::string description;
  int value = 0;
};

using EnumItemsFn = std::function<std::vector<EnumItem>(const PointerRNA &)>;

/** A value crossing the generic API (function parameters, defaults). */
using Value = std::variant<std::monostate,
                           bool,
                           int64_t,
                           double,
                           std::string,
                           std::vector<bool>,
                           std::vector<int64_t>,
                           std::vector<double>,
                           PointerRNA>;

}  // namespace whisk::rna
