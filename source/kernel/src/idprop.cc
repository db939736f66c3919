#include "whisk/kernel/idprop.hh"

#include "whisk/base/error.hh"
#include "whisk/kernel/lib_id.hh"
#include "whisk/kernel/main.hh"

namespace whisk::kernel {

std::unique_ptr<IDProperty> idprop_new_group(std::string_view name)
{
  auto prop = std::make_unique<IDProperty>();
  prop->name = std::string(name);
  prop->type = IDPropertyType::Group;
  prop->value = dna::IDPropertyList();
  return prop;
}

IDProperty *idprop_ensure_group(dna::ID *id)
{
  if (!id->properties) {
    id->properties = idprop_new_group("").release();
  }
  return id->properties;
}

static dna::IDPropertyList &members(IDProperty *group)
{
  if (group->type != IDPropertyType::Group) {
    raise(ErrorKind::Type, "ID property \"", group->name, "\" is not a group");
  }
  return std::get<dna::IDPropertyList>(group->value);
}

IDProperty *idprop_find(const IDProperty *group, std::string_view name)
{
  if (!group || group->type != IDPropertyType::Group) {
    return nullptr;
  }
  for (const auto &member : std::get<dna::IDPropertyList>(group->value)) {
    if (member->name == name) {
      return member.get();
    }
  }
  return nullptr;
}

IDProperty *idprop_replace(IDProperty *group, std::unique_ptr<IDProperty> prop)
{
  if (prop->name.size() > 63) {
    raise(ErrorKind::Key, "the name \"", prop->name, "\" is longer than 63 bytes");
  }
  dna::IDPropertyList &list = members(group);
  for (auto &member : list) {
    if (member->name == prop->name) {
      member = std::move(prop);
      return member.get();
    }
  }
  list.push_back(std::move(prop));
  return list.back().get();
}

bool idprop_remove(IDProperty *group, std::string_view name)
{
  dna::IDPropertyList &list = members(group);
  for (auto it = list.begin(); it != list.end(); ++it) {
    if ((*it)->name == name) {
      list.erase(it);
      return true;
    }
  }
  return false;
}

/** Adds (+1) or drops (-1) the users and relations of every ID reference in `prop`. */
static void idprop_refs_count(Main &bmain, dna::ID *owner, IDProperty &prop, int delta)
{
  if (auto *ref = std::get_if<dna::ID *>(&prop.value)) {
    if (*ref) {
      if (delta > 0) {
        id_us_plus(*ref);
        bmain.relations().add(*ref, owner);
      }
      else {
        id_us_min(*ref);
        bmain.relations().remove(*ref, owner);
      }
      bmain.relations_version++;
    }
  }
  else if (auto *list = std::get_if<dna::IDPropertyList>(&prop.value)) {
    for (auto &member : *list) {
      idprop_refs_count(bmain, owner, *member, delta);
    }
  }
}

IDProperty *idprop_replace(Main &bmain, dna::ID *owner, IDProperty *group,
                           std::unique_ptr<IDProperty> prop)
{
  if (prop->name.size() > 63) {
    raise(ErrorKind::Key, "the name \"", prop->name, "\" is longer than 63 bytes");
  }
  if (IDProperty *old = idprop_find(group, prop->name)) {
    idprop_refs_count(bmain, owner, *old, -1);
  }
  IDProperty *stored = idprop_replace(group, std::move(prop));
  idprop_refs_count(bmain, owner, *stored, +1);
  bmain.is_dirty = true;
  return stored;
}

bool idprop_remove(Main &bmain, dna::ID *owner, IDProperty *group, std::string_view name)
{
  IDProperty *old = idprop_find(group, name);
  if (!old) {
    return false;
  }
  idprop_refs_count(bmain, owner, *old, -1);
  bmain.is_dirty = true;
  return idprop_remove(group, name);
}

std::unique_ptr<IDProperty> idprop_copy(const IDProperty &prop)
{
  auto copy = std::make_unique<IDProperty>();
  copy->name = prop.name;
  copy->type = prop.type;
  copy->array_type = prop.array_type;
  if (const auto *list = std::get_if<dna::IDPropertyList>(&prop.value)) {
    dna::IDPropertyList copied;
    copied.reserve(list->size());
    for (const auto &member : *list) {
      copied.push_back(idprop_copy(*member));
    }
    copy->value = std::move(copied);
  }
  else {
    std::visit(
        [&](const auto &value) {
          using T = std::decay_t<decltype(value)>;
          if constexpr (!std::is_same_v<T, dna::IDPropertyList>) {
            copy->value = value;
          }
        },
        prop.value);
  }
  return copy;
}

void idprop_free(IDProperty *prop)
{
  delete prop;
}

int64_t idprop_length(const IDProperty &prop)
{
  return std::visit(
      [](const auto &value) -> int64_t {
        using T = std::decay_t<decltype(value)>;
        if constexpr (std::is_same_v<T, std::string> || std::is_arithmetic_v<T> ||
                      std::is_pointer_v<T>)
        {
          return 1;
        }
        else {
          return int64_t(value.size());
        }
      },
      prop.value);
}

}  // namespace whisk::kernel
