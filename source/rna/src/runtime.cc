#include "whisk/rna/runtime.hh"

#include <algorithm>

#include "define.hh"
#include "whisk/kernel/idprop.hh"
#include "whisk/kernel/main.hh"
#include "whisk/rna/access.hh"

namespace whisk::rna {

using dna::IDProperty;
using dna::IDPropertyList;
using dna::IDPropertyType;

BlenderRNA &blender_rna_mutable() { return const_cast<BlenderRNA &>(blender_rna()); }

static const StructRNA *property_group_struct()
{
  static const StructRNA *srna = blender_rna().find("PropertyGroup");
  return srna;
}

bool supports_idprops(const PointerRNA &ptr)
{
  if (!ptr.data) {
    return false;
  }
  if (ptr.owner_id && ptr.data == static_cast<void *>(ptr.owner_id)) {
    return true;
  }
  return ptr.type && ptr.type->is_a(property_group_struct());
}

IDProperty *idprop_container(const PointerRNA &ptr, bool create)
{
  if (!supports_idprops(ptr)) {
    return nullptr;
  }
  if (ptr.data == static_cast<void *>(ptr.owner_id)) {
    return create ? kernel::idprop_ensure_group(ptr.owner_id) : ptr.owner_id->properties;
  }
  return static_cast<IDProperty *>(ptr.data);
}

/* ---- Storage of run-time values ------------------------------------------------------- */

namespace {

IDProperty *stored(const PointerRNA &ptr, const PropertyRNA &prop)
{
  return kernel::idprop_find(idprop_container(ptr, false), prop.identifier);
}

double number_of(const IDProperty &p, int index)
{
  switch (p.type) {
    case IDPropertyType::Int: return std::get<int32_t>(p.value);
    case IDPropertyType::Float: return std::get<float>(p.value);
    case IDPropertyType::Double: return std::get<double>(p.value);
    case IDPropertyType::Boolean: return std::get<bool>(p.value);
    case IDPropertyType::Array:
      switch (p.array_type) {
        case IDPropertyType::Int: {
          const auto &v = std::get<std::vector<int32_t>>(p.value);
          return index < int(v.size()) ? v[size_t(index)] : 0;
        }
        case IDPropertyType::Float: {
          const auto &v = std::get<std::vector<float>>(p.value);
          return index < int(v.size()) ? v[size_t(index)] : 0;
        }
        case IDPropertyType::Double: {
          const auto &v = std::get<std::vector<double>>(p.value);
          return index < int(v.size()) ? v[size_t(index)] : 0;
        }
        default: {
          const auto &v = std::get<std::vector<uint8_t>>(p.value);
          return index < int(v.size()) ? v[size_t(index)] : 0;
        }
      }
    default: return 0;
  }
}

double default_number(const PropertyRNA &prop, int index)
{
  if (prop.type == PropertyType::Boolean && prop.default_array.empty()) {
    return prop.default_bool;
  }
  if (index < int(prop.default_array.size())) {
    return prop.default_array[size_t(index)];
  }
  return prop.type == PropertyType::Enum ? prop.default_enum : prop.default_number;
}

double read_number(const PointerRNA &ptr, const PropertyRNA &prop, int index)
{
  if (const IDProperty *p = stored(ptr, prop)) {
    if (p->type != IDPropertyType::Group && p->type != IDPropertyType::String &&
        p->type != IDPropertyType::IDPArray && p->type != IDPropertyType::IDRef)
    {
      return number_of(*p, index);
    }
  }
  return default_number(prop, index);
}

/** Writes one number, keeping the stored property (its address) when it has the right
 * shape; otherwise stores a fresh one filled with the current values. */
void write_number(const PointerRNA &ptr, const PropertyRNA &prop, int index, double value)
{
  IDProperty *container = idprop_container(ptr, true);
  const int length = prop.is_array() ? std::max(property_array_length(ptr, prop), 1) : 0;
  const IDPropertyType element = prop.type == PropertyType::Float   ? IDPropertyType::Float :
                                 prop.type == PropertyType::Boolean ? IDPropertyType::Boolean :
                                                                      IDPropertyType::Int;
  IDProperty *p = kernel::idprop_find(container, prop.identifier);
  const bool fits = p && (length ? (p->type == IDPropertyType::Array && p->array_type == element &&
                                    kernel::idprop_length(*p) == length) :
                                   p->type == element);
  if (!fits) {
    std::unique_ptr<IDProperty> fresh;
    if (!length) {
      switch (element) {
        case IDPropertyType::Float: fresh = kernel::idprop_new(prop.identifier, float(0)); break;
        case IDPropertyType::Boolean: fresh = kernel::idprop_new(prop.identifier, false); break;
        default: fresh = kernel::idprop_new(prop.identifier, int32_t(0)); break;
      }
    }
    else {
      switch (element) {
        case IDPropertyType::Float: {
          std::vector<float> v(static_cast<size_t>(length));
          for (int i = 0; i < length; i++) {
            v[size_t(i)] = float(read_number(ptr, prop, i));
          }
          fresh = kernel::idprop_new(prop.identifier, std::move(v));
          break;
        }
        case IDPropertyType::Boolean: {
          std::vector<uint8_t> v(static_cast<size_t>(length));
          for (int i = 0; i < length; i++) {
            v[size_t(i)] = read_number(ptr, prop, i) != 0;
          }
          fresh = std::make_unique<IDProperty>();
          fresh->name = prop.identifier;
          fresh->type = IDPropertyType::Array;
          fresh->array_type = IDPropertyType::Boolean;
          fresh->value = std::move(v);
          break;
        }
        default: {
          std::vector<int32_t> v(static_cast<size_t>(length));
          for (int i = 0; i < length; i++) {
            v[size_t(i)] = int32_t(read_number(ptr, prop, i));
          }
          fresh = kernel::idprop_new(prop.identifier, std::move(v));
          break;
        }
      }
    }
    if (ptr.main && ptr.owner_id) {
      p = kernel::idprop_replace(*ptr.main, ptr.owner_id, container, std::move(fresh));
    }
    else {
      p = kernel::idprop_replace(container, std::move(fresh));
    }
  }
  if (!length) {
    switch (element) {
      case IDPropertyType::Float: p->value = float(value); break;
      case IDPropertyType::Boolean: p->value = value != 0; break;
      default: p->value = int32_t(value); break;
    }
    return;
  }
  switch (element) {
    case IDPropertyType::Float: std::get<std::vector<float>>(p->value)[size_t(index)] = float(value); break;
    case IDPropertyType::Boolean: std::get<std::vector<uint8_t>>(p->value)[size_t(index)] = value != 0; break;
    default: std::get<std::vector<int32_t>>(p->value)[size_t(index)] = int32_t(value); break;
  }
}

IDProperty *ensure_member(const PointerRNA &ptr, const PropertyRNA &prop, IDPropertyType type)
{
  IDProperty *container = idprop_container(ptr, true);
  IDProperty *p = kernel::idprop_find(container, prop.identifier);
  if (p && p->type == type) {
    return p;
  }
  std::unique_ptr<IDProperty> fresh;
  if (type == IDPropertyType::Group) {
    fresh = kernel::idprop_new_group(prop.identifier);
  }
  else {
    fresh = std::make_unique<IDProperty>();
    fresh->name = prop.identifier;
    fresh->type = type;
    fresh->value = IDPropertyList();
  }
  kernel::data_generation_bump();
  if (ptr.main && ptr.owner_id) {
    return kernel::idprop_replace(*ptr.main, ptr.owner_id, container, std::move(fresh));
  }
  return kernel::idprop_replace(container, std::move(fresh));
}

IDPropertyList *collection_items(const PointerRNA &ptr, const PropertyRNA &prop, bool create)
{
  IDProperty *p = create ? ensure_member(ptr, prop, IDPropertyType::IDPArray) : stored(ptr, prop);
  if (!p || p->type != IDPropertyType::IDPArray) {
    return nullptr;
  }
  return &std::get<IDPropertyList>(p->value);
}

PointerRNA item_pointer(const PointerRNA &ptr, const PropertyRNA &prop, IDProperty *group)
{
  return pointer_from_data(ptr, prop.item_type, group);
}

void install_accessors(PropertyRNA &p)
{
  switch (p.type) {
    case PropertyType::Boolean:
      if (!p.get_bool) {
        p.get_bool = [&p](const PointerRNA &ptr, int i) { return read_number(ptr, p, i) != 0; };
      }
      if (!p.set_bool) {
        p.set_bool = [&p](const PointerRNA &ptr, int i, bool v) { write_number(ptr, p, i, v); };
      }
      break;
    case PropertyType::Int:
      if (!p.get_int) {
        p.get_int = [&p](const PointerRNA &ptr, int i) { return int64_t(read_number(ptr, p, i)); };
      }
      if (!p.set_int) {
        p.set_int = [&p](const PointerRNA &ptr, int i, int64_t v) {
          write_number(ptr, p, i, double(v));
        };
      }
      break;
    case PropertyType::Float:
      if (!p.get_float) {
        p.get_float = [&p](const PointerRNA &ptr, int i) { return read_number(ptr, p, i); };
      }
      if (!p.set_float) {
        p.set_float = [&p](const PointerRNA &ptr, int i, double v) { write_number(ptr, p, i, v); };
      }
      break;
    case PropertyType::Enum:
      if (!p.get_enum) {
        p.get_enum = [&p](const PointerRNA &ptr) { return int(read_number(ptr, p, 0)); };
      }
      if (!p.set_enum) {
        p.set_enum = [&p](const PointerRNA &ptr, int v) { write_number(ptr, p, 0, v); };
      }
      break;
    case PropertyType::String:
      if (!p.get_string) {
        p.get_string = [&p](const PointerRNA &ptr) {
          const IDProperty *s = stored(ptr, p);
          return s && s->type == IDPropertyType::String ? std::get<std::string>(s->value) :
                                                          p.default_string;
        };
      }
      if (!p.set_string) {
        p.set_string = [&p](const PointerRNA &ptr, std::string_view v) {
          std::string value(v);
          if (p.string_max_length > 0 && int(value.size()) >= p.string_max_length) {
            value.resize(size_t(p.string_max_length - 1));
          }
          IDProperty *container = idprop_container(ptr, true);
          IDProperty *s = kernel::idprop_find(container, p.identifier);
          if (s && s->type == IDPropertyType::String) {
            s->value = std::move(value);
            return;
          }
          auto fresh = kernel::idprop_new(p.identifier, std::move(value));
          if (ptr.main && ptr.owner_id) {
            kernel::idprop_replace(*ptr.main, ptr.owner_id, container, std::move(fresh));
          }
          else {
            kernel::idprop_replace(container, std::move(fresh));
          }
        };
      }
      break;
    case PropertyType::Pointer:
      if (p.item_type && p.item_type->is_a(property_group_struct())) {
        /* A nested PropertyGroup: its group is created on first access, as in Blender. */
        p.get_pointer = [&p](const PointerRNA &ptr) {
          return item_pointer(ptr, p, ensure_member(ptr, p, IDPropertyType::Group));
        };
        p.flag |= PROP_NEVER_NULL;
        p.flag &= ~PROP_EDITABLE;
      }
      else {
        p.get_pointer = [&p](const PointerRNA &ptr) -> PointerRNA {
          const IDProperty *s = stored(ptr, p);
          if (!s || s->type != IDPropertyType::IDRef || !std::get<dna::ID *>(s->value)) {
            return {};
          }
          return pointer_from_id(ptr.main, std::get<dna::ID *>(s->value));
        };
        p.set_pointer = [&p](const PointerRNA &ptr, const PointerRNA &value) {
          IDProperty *container = idprop_container(ptr, true);
          auto fresh = kernel::idprop_new(p.identifier, value.owner_id);
          if (ptr.main && ptr.owner_id) {
            kernel::idprop_replace(*ptr.main, ptr.owner_id, container, std::move(fresh));
          }
          else {
            kernel::idprop_replace(container, std::move(fresh));
          }
        };
        p.flag |= PROP_ID_REFCOUNT;
      }
      break;
    case PropertyType::Collection:
      p.collection_length = [&p](const PointerRNA &ptr) -> int64_t {
        IDPropertyList *items = collection_items(ptr, p, false);
        return items ? int64_t(items->size()) : 0;
      };
      p.collection_at = [&p](const PointerRNA &ptr, int64_t i) {
        return item_pointer(ptr, p, (*collection_items(ptr, p, false))[size_t(i)].get());
      };
      p.collection_lookup = [&p](const PointerRNA &ptr,
                                 std::string_view key) -> std::optional<PointerRNA> {
        IDPropertyList *items = collection_items(ptr, p, false);
        if (!items) {
          return std::nullopt;
        }
        for (const auto &item : *items) {
          const IDProperty *name = kernel::idprop_find(item.get(), "name");
          if (name && name->type == IDPropertyType::String &&
              std::get<std::string>(name->value) == key)
          {
            return item_pointer(ptr, p, item.get());
          }
        }
        return std::nullopt;
      };
      break;
  }
}

/** Path of a PropertyGroup's group inside the properties of its ID: "settings",
 * "settings.items[2]". */
bool group_path(const IDProperty *container, const void *target, std::string &path)
{
  for (const auto &member : std::get<IDPropertyList>(container->value)) {
    const size_t mark = path.size();
    path += (path.empty() ? "" : ".") + member->name;
    if (member->type == IDPropertyType::Group) {
      if (member.get() == target || group_path(member.get(), target, path)) {
        return true;
      }
    }
    else if (member->type == IDPropertyType::IDPArray) {
      const auto &items = std::get<IDPropertyList>(member->value);
      for (size_t i = 0; i < items.size(); i++) {
        const size_t item_mark = path.size();
        path += "[" + std::to_string(i) + "]";
        if (items[i].get() == target ||
            (items[i]->type == IDPropertyType::Group && group_path(items[i].get(), target, path)))
        {
          return true;
        }
        path.resize(item_mark);
      }
    }
    path.resize(mark);
  }
  return false;
}

}  // namespace

/* ---- Registration ------------------------------------------------------------------------ */

void define_property_group(BlenderRNA &rna)
{
  StructRNA *srna = rna.find_mutable("PropertyGroup");
  srna->name = "Property Group";
  srna->description = "Group of ID properties, the base of add-on settings";
  srna->path = [](const PointerRNA &ptr) -> std::optional<std::string> {
    if (!ptr.owner_id || !ptr.owner_id->properties) {
      return std::nullopt;
    }
    std::string path;
    if (group_path(ptr.owner_id->properties, ptr.data, path)) {
      return path;
    }
    return std::nullopt;
  };
  auto name = std::make_unique<PropertyRNA>();
  name->identifier = "name";
  name->name = "Name";
  name->description = "Unique name used in the code and scripting";
  name->type = PropertyType::String;
  name->flag = PROP_EDITABLE | PROP_RUNTIME;
  install_accessors(*name);
  srna->name_property = name.get();
  srna->properties.push_back(std::move(name));
}

StructRNA *register_struct(const std::string &identifier, const StructRNA *base)
{
  BlenderRNA &rna = blender_rna_mutable();
  if (const StructRNA *existing = rna.find(identifier)) {
    if (!existing->is_runtime) {
      raise(ErrorKind::Value, "register_class(...): \"", identifier,
            "\" is a built-in type and cannot be registered");
    }
    rna.remove(existing);
  }
  StructRNA *srna = rna.add(identifier, base);
  srna->is_runtime = true;
  srna->path = base ? base->path : nullptr;
  return srna;
}

void unregister_struct(const StructRNA *srna)
{
  if (srna && srna->is_runtime) {
    blender_rna_mutable().remove(srna);
  }
}

PropertyRNA *add_runtime_property(StructRNA *srna, std::unique_ptr<PropertyRNA> prop)
{
  prop->flag |= PROP_RUNTIME;
  install_accessors(*prop);
  remove_runtime_property(srna, prop->identifier);
  for (const auto &existing : srna->properties) {
    if (existing->identifier == prop->identifier) {
      raise(ErrorKind::Value, "bpy_struct \"", srna->identifier, "\" already has a built-in \"",
            prop->identifier, "\" property");
    }
  }
  srna->properties.push_back(std::move(prop));
  kernel::data_generation_bump();
  return srna->properties.back().get();
}

bool remove_runtime_property(StructRNA *srna, std::string_view identifier)
{
  auto &props = srna->properties;
  for (auto it = props.begin(); it != props.end(); ++it) {
    if ((*it)->identifier == identifier && ((*it)->flag & PROP_RUNTIME)) {
      /* Keep the definition alive: Python objects and accessors may still point at it. */
      blender_rna_mutable().retire(std::move(*it));
      props.erase(it);
      kernel::data_generation_bump();
      return true;
    }
  }
  return false;
}

bool is_property_set(const PointerRNA &ptr, const PropertyRNA &prop)
{
  if (!(prop.flag & PROP_RUNTIME)) {
    return true;
  }
  return stored(ptr, prop) != nullptr;
}

void property_unset(const PointerRNA &ptr, const PropertyRNA &prop)
{
  if (!(prop.flag & PROP_RUNTIME)) {
    return;
  }
  IDProperty *container = idprop_container(ptr, false);
  if (!container) {
    return;
  }
  kernel::data_generation_bump();
  if (ptr.main && ptr.owner_id) {
    kernel::idprop_remove(*ptr.main, ptr.owner_id, container, prop.identifier);
  }
  else {
    kernel::idprop_remove(container, prop.identifier);
  }
}

/* ---- Run-time collections ------------------------------------------------------------------ */

static IDPropertyList &runtime_items(const PointerRNA &ptr, const PropertyRNA &prop)
{
  if (!(prop.flag & PROP_RUNTIME) || prop.type != PropertyType::Collection) {
    raise(ErrorKind::Type, "bpy_prop_collection: ", prop.identifier,
          " is not a collection of ID properties");
  }
  return *collection_items(ptr, prop, true);
}

PointerRNA runtime_collection_add(const PointerRNA &ptr, const PropertyRNA &prop)
{
  IDPropertyList &items = runtime_items(ptr, prop);
  kernel::data_generation_bump();
  items.push_back(kernel::idprop_new_group(""));
  if (ptr.main) {
    ptr.main->is_dirty = true;
  }
  return item_pointer(ptr, prop, items.back().get());
}

void runtime_collection_remove(const PointerRNA &ptr, const PropertyRNA &prop, int64_t index)
{
  IDPropertyList &items = runtime_items(ptr, prop);
  if (index < 0 || index >= int64_t(items.size())) {
    raise(ErrorKind::Index, "bpy_prop_collection.remove(): index ", index, " out of range, size ",
          items.size());
  }
  kernel::data_generation_bump();
  std::unique_ptr<IDProperty> gone = std::move(items[size_t(index)]);
  items.erase(items.begin() + index);
  if (ptr.main && ptr.owner_id) {
    /* Release the ID references the removed item held. */
    IDProperty scratch;
    scratch.type = IDPropertyType::Group;
    scratch.value = IDPropertyList();
    std::get<IDPropertyList>(scratch.value).push_back(std::move(gone));
    kernel::idprop_remove(*ptr.main, ptr.owner_id, &scratch, "");
  }
}

void runtime_collection_clear(const PointerRNA &ptr, const PropertyRNA &prop)
{
  IDPropertyList &items = runtime_items(ptr, prop);
  while (!items.empty()) {
    runtime_collection_remove(ptr, prop, int64_t(items.size()) - 1);
  }
}

void runtime_collection_move(const PointerRNA &ptr, const PropertyRNA &prop, int64_t from,
                             int64_t to)
{
  IDPropertyList &items = runtime_items(ptr, prop);
  const int64_t size = int64_t(items.size());
  if (from < 0 || from >= size || to < 0 || to >= size) {
    raise(ErrorKind::Index, "bpy_prop_collection.move(): index out of range");
  }
  kernel::data_generation_bump();
  auto item = std::move(items[size_t(from)]);
  items.erase(items.begin() + from);
  items.insert(items.begin() + to, std::move(item));
}

}  // namespace whisk::rna
