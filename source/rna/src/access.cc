#include "whisk/rna/access.hh"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "whisk/base/error.hh"
#include "whisk/base/utf8.hh"
#include "whisk/kernel/lib_id.hh"
#include "whisk/kernel/main.hh"

namespace whisk::rna {

static const char *struct_name(const PointerRNA &ptr)
{
  return ptr.type ? ptr.type->identifier.c_str() : "?";
}

int property_array_length(const PointerRNA &ptr, const PropertyRNA &prop)
{
  if (prop.dynamic_length) {
    return prop.dynamic_length(ptr);
  }
  return prop.array_length();
}

static void check_type(const PointerRNA &ptr, const PropertyRNA &prop, PropertyType type)
{
  if (prop.type != type) {
    raise(ErrorKind::Type, struct_name(ptr), ".", prop.identifier, " is a ",
          property_type_name(prop.type), " property, not ", property_type_name(type));
  }
}

static void check_index(const PointerRNA &ptr, const PropertyRNA &prop, int index)
{
  const int length = property_array_length(ptr, prop);
  if (length == 0 ? index != 0 : (index < 0 || index >= length)) {
    raise(ErrorKind::Index, struct_name(ptr), ".", prop.identifier, "[", index,
          "]: index out of range (length ", length, ")");
  }
}

static void check_editable(const PointerRNA &ptr, const PropertyRNA &prop)
{
  if (!prop.is_editable()) {
    raise(ErrorKind::Attribute, "bpy_struct: attribute \"", prop.identifier, "\" from \"",
          struct_name(ptr), "\" is read-only");
  }
  if (ptr.owner_id && ptr.owner_id->lib) {
    raise(ErrorKind::Attribute, "bpy_struct: attribute \"", prop.identifier, "\" from \"",
          struct_name(ptr), "\" is read-only: ", ptr.owner_id->name, " is linked data");
  }
}

bool get_bool(const PointerRNA &ptr, const PropertyRNA &prop, int index)
{
  check_type(ptr, prop, PropertyType::Boolean);
  check_index(ptr, prop, index);
  return prop.get_bool(ptr, index);
}

int64_t get_int(const PointerRNA &ptr, const PropertyRNA &prop, int index)
{
  check_type(ptr, prop, PropertyType::Int);
  check_index(ptr, prop, index);
  return prop.get_int(ptr, index);
}

double get_float(const PointerRNA &ptr, const PropertyRNA &prop, int index)
{
  check_type(ptr, prop, PropertyType::Float);
  check_index(ptr, prop, index);
  return prop.get_float(ptr, index);
}

std::string get_string(const PointerRNA &ptr, const PropertyRNA &prop)
{
  check_type(ptr, prop, PropertyType::String);
  return prop.get_string(ptr);
}

int get_enum(const PointerRNA &ptr, const PropertyRNA &prop)
{
  check_type(ptr, prop, PropertyType::Enum);
  return prop.get_enum(ptr);
}

std::vector<std::string> get_enum_identifiers(const PointerRNA &ptr, const PropertyRNA &prop)
{
  const int value = get_enum(ptr, prop);
  std::vector<EnumItem> storage;
  std::vector<std::string> result;
  for (const EnumItem &item : prop.items(ptr, storage)) {
    if (prop.is_enum_flag() ? (item.value & value) != 0 : item.value == value) {
      result.push_back(item.identifier);
      if (!prop.is_enum_flag()) {
        break;
      }
    }
  }
  return result;
}

PointerRNA get_pointer(const PointerRNA &ptr, const PropertyRNA &prop)
{
  check_type(ptr, prop, PropertyType::Pointer);
  return prop.get_pointer(ptr);
}

int64_t collection_length(const PointerRNA &ptr, const PropertyRNA &prop)
{
  check_type(ptr, prop, PropertyType::Collection);
  return prop.collection_length(ptr);
}

PointerRNA collection_at(const PointerRNA &ptr, const PropertyRNA &prop, int64_t index)
{
  const int64_t length = collection_length(ptr, prop);
  if (index < 0 || index >= length) {
    raise(ErrorKind::Index, "bpy_prop_collection[index]: index ", index,
          " out of range, size ", length);
  }
  return prop.collection_at(ptr, index);
}

std::optional<PointerRNA> collection_lookup(const PointerRNA &ptr, const PropertyRNA &prop,
                                            std::string_view key)
{
  check_type(ptr, prop, PropertyType::Collection);
  if (prop.collection_lookup) {
    return prop.collection_lookup(ptr, key);
  }
  /* Generic fallback: compare the items' name property. */
  const int64_t length = prop.collection_length(ptr);
  for (int64_t i = 0; i < length; i++) {
    PointerRNA item = prop.collection_at(ptr, i);
    if (item.type && item.type->name_property &&
        item.type->name_property->get_string(item) == key)
    {
      return item;
    }
  }
  return std::nullopt;
}

void property_changed(const PointerRNA &ptr, const PropertyRNA &prop)
{
  kernel::data_generation_bump();
  if (ptr.owner_id) {
    kernel::id_tag_update(ptr.owner_id, prop.recalc);
  }
  if (ptr.main) {
    if (prop.update) {
      prop.update(*ptr.main, ptr);
    }
    ptr.main->is_dirty = true;
    if (ptr.owner_id) {
      std::optional<std::string> path = path_from_id(ptr, &prop);
      ptr.main->notify_property_changed(ptr.owner_id, path ? *path : prop.identifier);
    }
  }
}

void set_bool(const PointerRNA &ptr, const PropertyRNA &prop, bool value, int index)
{
  check_type(ptr, prop, PropertyType::Boolean);
  check_index(ptr, prop, index);
  check_editable(ptr, prop);
  prop.set_bool(ptr, index, value);
  property_changed(ptr, prop);
}

void set_int(const PointerRNA &ptr, const PropertyRNA &prop, int64_t value, int index)
{
  check_type(ptr, prop, PropertyType::Int);
  check_index(ptr, prop, index);
  check_editable(ptr, prop);
  if (!(prop.flag & PROP_NO_CLAMP)) {
    value = std::clamp<int64_t>(value, int64_t(prop.hard_min), int64_t(prop.hard_max));
  }
  prop.set_int(ptr, index, value);
  property_changed(ptr, prop);
}

void set_float(const PointerRNA &ptr, const PropertyRNA &prop, double value, int index)
{
  check_type(ptr, prop, PropertyType::Float);
  check_index(ptr, prop, index);
  check_editable(ptr, prop);
  if (!std::isnan(value) && !(prop.flag & PROP_NO_CLAMP)) {
    value = std::clamp(value, prop.hard_min, prop.hard_max);
  }
  prop.set_float(ptr, index, value);
  property_changed(ptr, prop);
}

void set_float_array(const PointerRNA &ptr, const PropertyRNA &prop,
                     const std::vector<double> &values)
{
  check_type(ptr, prop, PropertyType::Float);
  check_editable(ptr, prop);
  const int length = property_array_length(ptr, prop);
  if (int(values.size()) != std::max(length, 1)) {
    raise(ErrorKind::Value, struct_name(ptr), ".", prop.identifier, ": expected ",
          std::max(length, 1), " items, not ", values.size());
  }
  std::vector<double> clamped(values);
  for (double &v : clamped) {
    if (!std::isnan(v) && !(prop.flag & PROP_NO_CLAMP)) {
      v = std::clamp(v, prop.hard_min, prop.hard_max);
    }
  }
  if (prop.set_float_array) {
    prop.set_float_array(ptr, clamped.data());
  }
  else {
    for (int i = 0; i < int(clamped.size()); i++) {
      prop.set_float(ptr, i, clamped[i]);
    }
  }
  property_changed(ptr, prop);
}

void set_string(const PointerRNA &ptr, const PropertyRNA &prop, std::string_view value)
{
  check_type(ptr, prop, PropertyType::String);
  check_editable(ptr, prop);
  if (!utf8::is_valid(value)) {
    raise(ErrorKind::Value, struct_name(ptr), ".", prop.identifier,
          ": string is not valid UTF-8");
  }
  prop.set_string(ptr, value);
  property_changed(ptr, prop);
}

static std::string enum_choices(const std::vector<EnumItem> &items)
{
  std::string text = "(";
  for (size_t i = 0; i < items.size(); i++) {
    text += (i ? ", '" : "'") + items[i].identifier + "'";
  }
  return text + ")";
}

void set_enum(const PointerRNA &ptr, const PropertyRNA &prop, int value)
{
  check_type(ptr, prop, PropertyType::Enum);
  check_editable(ptr, prop);
  std::vector<EnumItem> storage;
  const std::vector<EnumItem> &items = prop.items(ptr, storage);
  if (prop.is_enum_flag()) {
    int all = 0;
    for (const EnumItem &item : items) {
      all |= item.value;
    }
    if (value & ~all) {
      raise(ErrorKind::Type, struct_name(ptr), ".", prop.identifier, ": value ", value,
            " has bits outside ", enum_choices(items));
    }
  }
  else if (std::none_of(items.begin(), items.end(),
                        [&](const EnumItem &item) { return item.value == value; }))
  {
    raise(ErrorKind::Type, struct_name(ptr), ".", prop.identifier, ": value ", value,
          " not found in ", enum_choices(items));
  }
  prop.set_enum(ptr, value);
  property_changed(ptr, prop);
}

void set_enum_identifier(const PointerRNA &ptr, const PropertyRNA &prop,
                         std::string_view identifier)
{
  check_type(ptr, prop, PropertyType::Enum);
  std::vector<EnumItem> storage;
  const std::vector<EnumItem> &items = prop.items(ptr, storage);
  for (const EnumItem &item : items) {
    if (item.identifier == identifier) {
      set_enum(ptr, prop, item.value);
      return;
    }
  }
  raise(ErrorKind::Type, "bpy_struct: item.attr = val: enum \"", identifier, "\" not found in ",
        enum_choices(items));
}

void set_pointer(const PointerRNA &ptr, const PropertyRNA &prop, const PointerRNA &value)
{
  check_type(ptr, prop, PropertyType::Pointer);
  check_editable(ptr, prop);
  if (!prop.set_pointer) {
    raise(ErrorKind::Attribute, "bpy_struct: attribute \"", prop.identifier, "\" from \"",
          struct_name(ptr), "\" is read-only");
  }
  if (value.is_null()) {
    if (prop.flag & PROP_NEVER_NULL) {
      raise(ErrorKind::Type, struct_name(ptr), ".", prop.identifier, " does not support a 'None' assignment");
    }
  }
  else {
    if (!value.type || !value.type->is_a(prop.item_type)) {
      raise(ErrorKind::Type, struct_name(ptr), ".", prop.identifier, " expected a ",
            prop.item_type->identifier, " type, not ", value.type ? value.type->identifier : "?");
    }
    if (value.main && ptr.main && value.main != ptr.main) {
      raise(ErrorKind::Value, struct_name(ptr), ".", prop.identifier,
            ": cannot assign data from another file (Main)");
    }
    if (prop.pointer_poll && !prop.pointer_poll(ptr, value)) {
      raise(ErrorKind::Value, struct_name(ptr), ".", prop.identifier, ": ",
            value.type->identifier, " is not accepted here");
    }
  }
  prop.set_pointer(ptr, value);
  property_changed(ptr, prop);
}

void collection_assign(const PointerRNA &ptr, const PropertyRNA &prop, int64_t index,
                       const PointerRNA &value)
{
  check_type(ptr, prop, PropertyType::Collection);
  if (!prop.collection_assign) {
    raise(ErrorKind::Type, struct_name(ptr), ".", prop.identifier,
          ": items cannot be assigned, use the collection's functions");
  }
  /* Collections are never editable as a whole; their items may be, unless linked. */
  if (ptr.owner_id && ptr.owner_id->lib) {
    raise(ErrorKind::Attribute, "bpy_struct: attribute \"", prop.identifier, "\" from \"",
          struct_name(ptr), "\" is read-only: ", ptr.owner_id->name, " is linked data");
  }
  if (!value.is_null()) {
    if (!value.type || !value.type->is_a(prop.item_type)) {
      raise(ErrorKind::Type, struct_name(ptr), ".", prop.identifier, " expected a ",
            prop.item_type->identifier, " type, not ", value.type ? value.type->identifier : "?");
    }
    if (value.main && ptr.main && value.main != ptr.main) {
      raise(ErrorKind::Value, struct_name(ptr), ".", prop.identifier,
            ": cannot assign data from another file (Main)");
    }
  }
  const int64_t length = prop.collection_length(ptr);
  if (index < 0 || index >= length) {
    raise(ErrorKind::Index, struct_name(ptr), ".", prop.identifier, "[", index,
          "]: index out of range, size ", length);
  }
  prop.collection_assign(ptr, index, value);
  property_changed(ptr, prop);
}

/* ---- Paths ---- */

namespace {

struct PathParser {
  std::string_view path;
  size_t pos = 0;

  [[noreturn]] void fail(const char *what) const
  {
    raise(ErrorKind::Value, "path '", path, "' ", what, " at position ", pos);
  }
  bool done() const { return pos >= path.size(); }
  std::string identifier()
  {
    const size_t start = pos;
    while (pos < path.size() && (std::isalnum(uint8_t(path[pos])) || path[pos] == '_')) {
      pos++;
    }
    if (start == pos) {
      fail("expects a property name");
    }
    return std::string(path.substr(start, pos - start));
  }
  /* Reads `[...]` after the '[': an integer or a quoted string. */
  std::variant<int64_t, std::string> subscript()
  {
    if (pos < path.size() && (path[pos] == '"' || path[pos] == '\'')) {
      const char quote = path[pos++];
      std::string key;
      while (pos < path.size() && path[pos] != quote) {
        if (path[pos] == '\\' && pos + 1 < path.size()) {
          pos++;
        }
        key += path[pos++];
      }
      if (pos >= path.size()) {
        fail("has an unterminated string");
      }
      pos++;
      expect(']');
      return key;
    }
    const size_t start = pos;
    if (pos < path.size() && path[pos] == '-') {
      pos++;
    }
    while (pos < path.size() && std::isdigit(uint8_t(path[pos]))) {
      pos++;
    }
    if (start == pos) {
      fail("expects an index or a quoted name");
    }
    const int64_t index = std::stoll(std::string(path.substr(start, pos - start)));
    expect(']');
    return index;
  }
  void expect(char c)
  {
    if (pos >= path.size() || path[pos] != c) {
      fail(c == ']' ? "misses ']'" : "has an unexpected character");
    }
    pos++;
  }
};

}  // namespace

ResolvedPath path_resolve(const PointerRNA &root, std::string_view path)
{
  PathParser parser{path};
  ResolvedPath result{root, nullptr, -1};
  while (!parser.done()) {
    if (result.prop) {
      /* Step into the struct a pointer or collection item names. */
      if (result.prop->type != PropertyType::Pointer) {
        parser.fail("continues after a value property");
      }
      result.ptr = get_pointer(result.ptr, *result.prop);
      result.prop = nullptr;
      if (result.ptr.is_null()) {
        parser.fail("passes through None");
      }
    }
    if (parser.pos > 0) {
      parser.expect('.');
    }
    const std::string name = parser.identifier();
    const PropertyRNA *prop = result.ptr.type ? result.ptr.type->find_property(name) : nullptr;
    if (!prop) {
      raise(ErrorKind::Value, "path '", path, "': ", struct_name(result.ptr),
            " has no property '", name, "'");
    }
    result.prop = prop;
    while (!parser.done() && path[parser.pos] == '[') {
      parser.pos++;
      auto key = parser.subscript();
      if (prop->type == PropertyType::Collection) {
        std::optional<PointerRNA> item;
        if (auto *index = std::get_if<int64_t>(&key)) {
          if (*index >= 0 && *index < collection_length(result.ptr, *prop)) {
            item = collection_at(result.ptr, *prop, *index);
          }
        }
        else {
          item = collection_lookup(result.ptr, *prop, std::get<std::string>(key));
        }
        if (!item) {
          raise(ErrorKind::Value, "path '", path, "': no item in ", struct_name(result.ptr), ".",
                name);
        }
        result.ptr = *item;
        result.prop = nullptr;
        prop = nullptr;
        break;
      }
      if (!prop->is_array() && !prop->dynamic_length) {
        parser.fail("indexes a property that is not an array");
      }
      const auto *index = std::get_if<int64_t>(&key);
      if (!index || *index < 0 || *index >= property_array_length(result.ptr, *prop)) {
        parser.fail("has an array index out of range");
      }
      result.index = int(*index);
      if (!parser.done()) {
        parser.fail("continues after an array index");
      }
    }
  }
  return result;
}

static std::string quote(std::string_view name)
{
  std::string out = "[\"";
  for (char c : name) {
    if (c == '"' || c == '\\') {
      out += '\\';
    }
    out += c;
  }
  return out + "\"]";
}

std::optional<std::string> path_from_id(const PointerRNA &ptr, const PropertyRNA *prop,
                                        int index)
{
  std::string path;
  if (static_cast<void *>(ptr.owner_id) != ptr.data) {
    /* Refined types (FloatAttribute) find their place as their base (Attribute) does. */
    const StructRNA *type = ptr.type;
    while (type && !type->path) {
      type = type->base;
    }
    if (!type) {
      return std::nullopt;
    }
    std::optional<std::string> struct_path = type->path(ptr);
    if (!struct_path) {
      return std::nullopt;
    }
    path = *struct_path;
  }
  if (prop) {
    if (!path.empty()) {
      path += '.';
    }
    path += prop->identifier;
    if (index >= 0) {
      path += "[" + std::to_string(index) + "]";
    }
  }
  return path;
}

std::string path_item_key(std::string_view name) { return quote(name); }

Value call_function(Main *main, const PointerRNA &self, const FunctionRNA &func,
                    std::vector<Value> args)
{
  FunctionCall call;
  call.main = main;
  call.self = self;
  size_t input_count = 0;
  for (const auto &param : func.parameters) {
    if (param->flag & PARM_OUTPUT) {
      continue;
    }
    if (input_count < args.size() && !std::holds_alternative<std::monostate>(args[input_count])) {
      /* Integer arguments are clamped to the parameter's range, as Blender does
       * (`bpy.data.images.new("x", -4, 4)` makes a 1 x 4 image). */
      if (int64_t *number = std::get_if<int64_t>(&args[input_count]);
          number && param->type == PropertyType::Int && !param->is_array() &&
          param->hard_min < param->hard_max && !(param->flag & PROP_NO_CLAMP))
      {
        *number = std::clamp<int64_t>(*number, int64_t(param->hard_min),
                                      int64_t(param->hard_max));
      }
      call.args.push_back(std::move(args[input_count]));
    }
    else if (param->flag & PARM_REQUIRED) {
      raise(ErrorKind::Type, func.identifier, "(): required parameter \"", param->identifier,
            "\" not specified");
    }
    else {
      switch (param->type) {
        case PropertyType::Boolean: call.args.emplace_back(param->default_bool); break;
        case PropertyType::Int: call.args.emplace_back(int64_t(param->default_number)); break;
        case PropertyType::Float: call.args.emplace_back(param->default_number); break;
        case PropertyType::String: call.args.emplace_back(param->default_string); break;
        case PropertyType::Enum: call.args.emplace_back(int64_t(param->default_enum)); break;
        default: call.args.emplace_back(PointerRNA{}); break;
      }
    }
    input_count++;
  }
  if (args.size() > input_count) {
    raise(ErrorKind::Type, func.identifier, "(): takes at most ", input_count,
          " arguments, got ", args.size());
  }
  kernel::data_generation_bump();
  func.call(call);
  kernel::data_generation_bump();
  return call.result;
}

}  // namespace whisk::rna
