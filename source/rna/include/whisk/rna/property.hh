#pragma once
// PropertyRNA: one declared property, with its accessors.

#include <span>

#include "whisk/base/math.hh"
#include "whisk/rna/types.hh"

namespace whisk::rna {

/** Element types of raw arrays (foreach_get/foreach_set fast paths, numpy views). */
enum class RawType : uint8_t { Bool, Int8, UInt8, Int32, Float32 };
size_t raw_type_size(RawType type);

/** The values of one property for every item of a collection, in memory: item i's values
 * start at data + i * stride (bytes) and are the property's array length of `type`. */
struct RawArray {
  void *data = nullptr;
  RawType type = RawType::Float32;
  int64_t stride = 0;
  int64_t count = 0;
};

struct PropertyRNA {
  std::string identifier;
  std::string name;
  std::string description;
  PropertyType type = PropertyType::Boolean;
  PropertySubtype subtype = PropertySubtype::None;
  PropertyUnit unit = PropertyUnit::None;
  uint32_t flag = PROP_EDITABLE | PROP_ANIMATABLE;

  /** Array shape; all zero for a scalar. Multi-dimensional (matrices) use two. */
  int array_dimensions[3] = {0, 0, 0};
  int array_length() const
  {
    int total = array_dimensions[0];
    for (int i = 1; i < 3 && array_dimensions[i]; i++) {
      total *= array_dimensions[i];
    }
    return total;
  }
  bool is_array() const { return array_dimensions[0] > 0; }

  /* Numbers. Values outside the hard range are clamped; the soft range guides UI. */
  double hard_min = 0, hard_max = 0, soft_min = 0, soft_max = 0;
  double step = 1;
  int precision = 3;

  /* Defaults. Arrays use default_array, or default_number for every element. */
  bool default_bool = false;
  double default_number = 0;
  std::vector<double> default_array;
  std::string default_string;
  /** Enum default value; for flag enums the default set of bits. */
  int default_enum = 0;
  int string_max_length = 0;

  std::vector<EnumItem> enum_items;
  EnumItemsFn enum_items_fn;

  /** Pointer and collection: the struct of the items. */
  const StructRNA *item_type = nullptr;
  /** Collection: the struct whose functions act on the collection (`new`, `remove`). */
  const StructRNA *functions_type = nullptr;

  /* Accessors. Array accessors take the element index. */
  std::function<bool(const PointerRNA &, int)> get_bool;
  std::function<void(const PointerRNA &, int, bool)> set_bool;
  std::function<int64_t(const PointerRNA &, int)> get_int;
  std::function<void(const PointerRNA &, int, int64_t)> set_int;
  std::function<double(const PointerRNA &, int)> get_float;
  std::function<void(const PointerRNA &, int, double)> set_float;
  /** Optional whole-array setter, for arrays whose elements are not independent (a
   * matrix decomposed into location, rotation and scale). Values are already clamped. */
  std::function<void(const PointerRNA &, const double *)> set_float_array;
  std::function<std::string(const PointerRNA &)> get_string;
  std::function<void(const PointerRNA &, std::string_view)> set_string;
  std::function<int(const PointerRNA &)> get_enum;
  std::function<void(const PointerRNA &, int)> set_enum;
  std::function<PointerRNA(const PointerRNA &)> get_pointer;
  std::function<void(const PointerRNA &, const PointerRNA &)> set_pointer;
  /** Pointer: the struct a value must be, when it depends on the owner (an object's
   * data must match its type: a mesh object takes a Mesh). Default: item_type. */
  std::function<const StructRNA *(const PointerRNA &)> pointer_type;
  /** Pointer assignment check: may the value be assigned (type already checked)? */
  std::function<bool(const PointerRNA &, const PointerRNA &)> pointer_poll;
  std::function<int64_t(const PointerRNA &)> collection_length;
  std::function<PointerRNA(const PointerRNA &, int64_t)> collection_at;
  std::function<std::optional<PointerRNA>(const PointerRNA &, std::string_view)> collection_lookup;
  /** Collection: replaces the item at an index (`mesh.materials[0] = mat`); the value may
   * be null. Absent for collections whose items cannot be assigned (most). */
  std::function<void(const PointerRNA &, int64_t, const PointerRNA &)> collection_assign;
  /** Bulk access for an item property (MeshVertex.co): the values of every item of the
   * collection owned by `owner` (the Mesh), or nullopt when they are not one array. With
   * `for_write` the array is made the owner's own first (copy-on-write); after writing,
   * the caller runs property_changed on the first item. */
  std::function<std::optional<RawArray>(const PointerRNA &owner, bool for_write)> raw_array;
  /** Bulk write for an item property that is no array in memory (MeshPolygon.loop_total,
   * derived from the face offsets): every item's values at once, in item order. The
   * caller checked the count and runs property_changed on the first item afterwards. */
  std::function<void(const PointerRNA &owner, std::span<const double> values)> bulk_set;
  /** Dynamic array length (0 = use array_dimensions). */
  std::function<int(const PointerRNA &)> dynamic_length;

  /** Evaluation tags set on the owning ID after a change (dna::IDRecalc). */
  uint32_t recalc = 0;
  /** Runs after a successful set. */
  std::function<void(Main &, const PointerRNA &)> update;

  bool is_editable() const { return flag & PROP_EDITABLE; }
  bool is_animatable() const { return flag & PROP_ANIMATABLE; }
  bool is_enum_flag() const { return flag & PROP_ENUM_FLAG; }
  const std::vector<EnumItem> &items(const PointerRNA &ptr, std::vector<EnumItem> &storage) const;
};

}  // namespace whisk::rna
