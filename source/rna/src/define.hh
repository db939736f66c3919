#pragma once
// Fluent declaration helpers used by the defs/*.cc files. A declaration binds a property
// to a struct member (or to accessor lambdas) and carries all of its metadata:
//
//   auto ob = def.struct_<dna::Object>("Object", "ID");
//   ob.float_array("location", &dna::Object::location)
//       .subtype(PropertySubtype::Translation).unit(PropertyUnit::Length)
//       .ui("Location", "Location of the object").recalc(dna::ID_RECALC_TRANSFORM);

#include <cmath>
#include <cstring>
#include <limits>
#include <type_traits>

#include "whisk/base/error.hh"
#include "whisk/rna/structs.hh"

namespace whisk::rna::define {

inline constexpr double FLT_HUGE = 3.4028234663852886e38; /* FLT_MAX */
inline constexpr double INT_HUGE = 2147483647.0;

class PropertyDef {
 public:
  explicit PropertyDef(PropertyRNA *prop) : prop_(prop) {}
  PropertyRNA *get() const { return prop_; }

  PropertyDef &ui(std::string name, std::string description = "")
  {
    prop_->name = std::move(name);
    prop_->description = std::move(description);
    return *this;
  }
  PropertyDef &subtype(PropertySubtype subtype)
  {
    prop_->subtype = subtype;
    return *this;
  }
  PropertyDef &unit(PropertyUnit unit)
  {
    prop_->unit = unit;
    return *this;
  }
  PropertyDef &range(double min, double max)
  {
    prop_->hard_min = prop_->soft_min = min;
    prop_->hard_max = prop_->soft_max = max;
    return *this;
  }
  PropertyDef &soft_range(double min, double max)
  {
    prop_->soft_min = min;
    prop_->soft_max = max;
    return *this;
  }
  PropertyDef &ui_step(double step, int precision)
  {
    prop_->step = step;
    prop_->precision = precision;
    return *this;
  }
  PropertyDef &default_value(double value)
  {
    prop_->default_number = value;
    prop_->default_bool = value != 0;
    prop_->default_enum = int(value);
    return *this;
  }
  PropertyDef &default_array(std::vector<double> values)
  {
    prop_->default_array = std::move(values);
    return *this;
  }
  PropertyDef &default_string(std::string value)
  {
    prop_->default_string = std::move(value);
    return *this;
  }
  PropertyDef &read_only()
  {
    prop_->flag &= ~PROP_EDITABLE;
    return *this;
  }
  PropertyDef &not_animatable()
  {
    prop_->flag &= ~PROP_ANIMATABLE;
    return *this;
  }
  PropertyDef &flag(uint32_t flag)
  {
    prop_->flag |= flag;
    return *this;
  }
  PropertyDef &recalc(uint32_t tags)
  {
    prop_->recalc |= tags;
    return *this;
  }
  PropertyDef &update(std::function<void(Main &, const PointerRNA &)> fn)
  {
    prop_->update = std::move(fn);
    return *this;
  }
  PropertyDef &items(std::vector<EnumItem> items)
  {
    prop_->enum_items = std::move(items);
    return *this;
  }
  PropertyDef &max_length(int length)
  {
    prop_->string_max_length = length;
    return *this;
  }
  PropertyDef &functions(const StructRNA *srna)
  {
    prop_->functions_type = srna;
    return *this;
  }

 private:
  PropertyRNA *prop_;
};

/** Declares the properties and functions of one struct whose data is a T. */
template<typename T> class StructDef {
 public:
  StructDef(BlenderRNA &rna, StructRNA *srna) : rna_(rna), srna_(srna) {}
  StructRNA *srna() const { return srna_; }

  StructDef &ui(std::string name, std::string description)
  {
    srna_->name = std::move(name);
    srna_->description = std::move(description);
    return *this;
  }

  static T &data(const PointerRNA &ptr) { return *static_cast<T *>(ptr.data); }

  PropertyDef add(std::string identifier, PropertyType type)
  {
    auto prop = std::make_unique<PropertyRNA>();
    prop->identifier = std::move(identifier);
    prop->type = type;
    prop->name = prop->identifier;
    /* Blender's ranges for numbers that declare none. */
    if (type == PropertyType::Int) {
      prop->hard_min = -INT_HUGE - 1;
      prop->hard_max = INT_HUGE;
      prop->soft_min = -10000;
      prop->soft_max = 10000;
    }
    else if (type == PropertyType::Float) {
      prop->hard_min = -FLT_HUGE;
      prop->hard_max = FLT_HUGE;
      prop->soft_min = -10000;
      prop->soft_max = 10000;
      prop->step = 10;
    }
    else if (type == PropertyType::Pointer || type == PropertyType::Collection) {
      prop->flag &= ~PROP_ANIMATABLE;
    }
    if (type == PropertyType::Collection || type == PropertyType::String) {
      prop->flag &= ~PROP_ANIMATABLE;
    }
    srna_->properties.push_back(std::move(prop));
    return PropertyDef(srna_->properties.back().get());
  }

  /** A bool member. */
  PropertyDef boolean(std::string identifier, bool T::*member)
  {
    PropertyDef def = add(std::move(identifier), PropertyType::Boolean);
    def.get()->get_bool = [member](const PointerRNA &p, int) { return data(p).*member; };
    def.get()->set_bool = [member](const PointerRNA &p, int, bool v) { data(p).*member = v; };
    return def;
  }

  /** One bit of an integer member; `negative` exposes the inverted bit. */
  template<typename M>
  PropertyDef bit(std::string identifier, M T::*member, uint64_t mask, bool negative = false)
  {
    PropertyDef def = add(std::move(identifier), PropertyType::Boolean);
    def.get()->get_bool = [=](const PointerRNA &p, int) {
      return bool(uint64_t(data(p).*member) & mask) != negative;
    };
    def.get()->set_bool = [=](const PointerRNA &p, int, bool v) {
      M &bits = data(p).*member;
      bits = (v != negative) ? M(uint64_t(bits) | mask) : M(uint64_t(bits) & ~mask);
    };
    return def;
  }

  /** An integer member of any width. */
  template<typename M> PropertyDef integer(std::string identifier, M T::*member)
  {
    static_assert(std::is_integral_v<M>);
    PropertyDef def = add(std::move(identifier), PropertyType::Int);
    def.get()->get_int = [member](const PointerRNA &p, int) { return int64_t(data(p).*member); };
    def.get()->set_int = [member](const PointerRNA &p, int, int64_t v) { data(p).*member = M(v); };
    return def;
  }

  /** A float member, or any member made of floats (float[N], float3, Quaternion,
   * float4x4), exposed as an array of `dims`. */
  template<typename M>
  PropertyDef floats(std::string identifier, M T::*member, std::initializer_list<int> dims = {})
  {
    static_assert(sizeof(M) % sizeof(float) == 0);
    PropertyDef def = add(std::move(identifier), PropertyType::Float);
    int i = 0;
    for (int d : dims) {
      def.get()->array_dimensions[i++] = d;
    }
    if (dims.size() == 0 && sizeof(M) > sizeof(float)) {
      def.get()->array_dimensions[0] = int(sizeof(M) / sizeof(float));
    }
    def.get()->get_float = [member](const PointerRNA &p, int index) {
      return double(reinterpret_cast<const float *>(&(data(p).*member))[index]);
    };
    def.get()->set_float = [member](const PointerRNA &p, int index, double v) {
      reinterpret_cast<float *>(&(data(p).*member))[index] = float(v);
    };
    return def;
  }

  /** An enum-class or integer member whose values are the items' values. */
  template<typename M>
  PropertyDef enumeration(std::string identifier, M T::*member, std::vector<EnumItem> items)
  {
    PropertyDef def = add(std::move(identifier), PropertyType::Enum);
    def.items(std::move(items));
    def.get()->get_enum = [member](const PointerRNA &p) { return int(data(p).*member); };
    def.get()->set_enum = [member](const PointerRNA &p, int v) { data(p).*member = M(v); };
    if (!def.get()->enum_items.empty()) {
      def.get()->default_enum = def.get()->enum_items.front().value;
    }
    return def;
  }

  /** A char-array member holding UTF-8. */
  template<size_t N> PropertyDef string(std::string identifier, char (T::*member)[N])
  {
    PropertyDef def = add(std::move(identifier), PropertyType::String);
    def.get()->string_max_length = int(N);
    def.get()->get_string = [member](const PointerRNA &p) {
      return std::string(data(p).*member);
    };
    def.get()->set_string = [member](const PointerRNA &p, std::string_view v) {
      char *dst = data(p).*member;
      const size_t n = std::min(v.size(), N - 1);
      std::memcpy(dst, v.data(), n);
      dst[n] = '\0';
    };
    return def;
  }

  /** A pointer computed by accessors. */
  PropertyDef pointer(std::string identifier, const char *item_type,
                      std::function<PointerRNA(const PointerRNA &)> get,
                      std::function<void(const PointerRNA &, const PointerRNA &)> set = nullptr)
  {
    PropertyDef def = add(std::move(identifier), PropertyType::Pointer);
    def.get()->item_type = rna_.find(item_type);
    if (!def.get()->item_type) {
      raise(ErrorKind::Runtime, "RNA: struct ", item_type, " used before it was declared");
    }
    def.get()->get_pointer = std::move(get);
    def.get()->set_pointer = std::move(set);
    if (!def.get()->set_pointer) {
      def.read_only();
    }
    return def;
  }

  /** A collection computed by accessors. */
  PropertyDef collection(std::string identifier, const char *item_type,
                         std::function<int64_t(const PointerRNA &)> length,
                         std::function<PointerRNA(const PointerRNA &, int64_t)> at,
                         std::function<std::optional<PointerRNA>(const PointerRNA &,
                                                                 std::string_view)>
                             lookup = nullptr)
  {
    PropertyDef def = add(std::move(identifier), PropertyType::Collection);
    def.get()->item_type = rna_.find(item_type);
    if (!def.get()->item_type) {
      raise(ErrorKind::Runtime, "RNA: struct ", item_type, " used before it was declared");
    }
    def.get()->collection_length = std::move(length);
    def.get()->collection_at = std::move(at);
    def.get()->collection_lookup = std::move(lookup);
    def.read_only();
    return def;
  }

  /** A function; parameters are added on the returned object. */
  FunctionRNA &function(std::string identifier, std::string description,
                        std::function<void(FunctionCall &)> call)
  {
    auto func = std::make_unique<FunctionRNA>();
    func->identifier = std::move(identifier);
    func->description = std::move(description);
    func->call = std::move(call);
    srna_->functions.push_back(std::move(func));
    return *srna_->functions.back();
  }

 private:
  BlenderRNA &rna_;
  StructRNA *srna_;
};

/** Adds a parameter to a function. */
PropertyDef parameter(FunctionRNA &func, std::string identifier, PropertyType type,
                      const StructRNA *item_type = nullptr, uint32_t flags = 0);

/** Starts a struct declaration. */
template<typename T>
StructDef<T> struct_(BlenderRNA &rna, std::string identifier, const char *base = nullptr)
{
  const StructRNA *base_srna = base ? rna.find(base) : nullptr;
  if (base && !base_srna) {
    raise(ErrorKind::Runtime, "RNA: base struct ", base, " of ", identifier, " not declared");
  }
  StructRNA *srna = rna.find_mutable(identifier);
  if (!srna) {
    srna = rna.add(std::move(identifier), base_srna);
  }
  return StructDef<T>(rna, srna);
}

/** Makes a 4x4 matrix property from a getter and a setter of the whole matrix. Setting
 * one element sets the matrix with that element changed; setting the array sets it once. */
inline void matrix_accessors(PropertyRNA *prop,
                             std::function<float4x4(const PointerRNA &)> get,
                             std::function<void(const PointerRNA &, const float4x4 &)> set)
{
  prop->array_dimensions[0] = prop->array_dimensions[1] = 4;
  prop->get_float = [get](const PointerRNA &p, int i) { return double(get(p).data()[i]); };
  if (!set) {
    return;
  }
  prop->set_float = [get, set](const PointerRNA &p, int i, double v) {
    float4x4 m = get(p);
    m.data()[i] = float(v);
    set(p, m);
  };
  prop->set_float_array = [set](const PointerRNA &p, const double *values) {
    float4x4 m;
    for (int i = 0; i < 16; i++) {
      m.data()[i] = float(values[i]);
    }
    set(p, m);
  };
}

/** Degrees and radians: Blender stores radians and shows degrees. */
inline double deg(double degrees) { return degrees * 3.14159265358979323846 / 180.0; }

}  // namespace whisk::rna::define
