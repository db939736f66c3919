#include "handle.hh"

#include "whisk/base/error.hh"

namespace whisk::python {

StructHandle StructHandle::make_static(const PointerRNA &ptr)
{
  StructHandle h;
  h.kind_ = Kind::Static;
  h.type_ = ptr.type;
  h.cached_ = ptr;
  return h;
}

/** Where an embedded ID (a scene's master collection, a material's node tree) sits in
 * the ID that owns it: the owner and the pointer property's name. Embedded IDs are not in
 * Main's lists, so handles reach them through their owner. */
static std::optional<std::pair<ID *, std::string>> embedded_location(kernel::Main *main, ID *id)
{
  std::string path;
  for (int depth = 0; depth < 4 && (id->flag & dna::ID_FLAG_EMBEDDED) && id->owner; depth++) {
    PointerRNA owner = rna::pointer_from_id(main, id->owner);
    std::string step;
    for (const PropertyRNA *prop : owner.type->all_properties()) {
      if (prop->type == rna::PropertyType::Pointer && !(prop->flag & rna::PROP_RUNTIME) &&
          rna::get_pointer(owner, *prop).data == static_cast<void *>(id))
      {
        step = prop->identifier;
        break;
      }
    }
    if (step.empty()) {
      return std::nullopt;
    }
    path = path.empty() ? step : step + "." + path;
    id = id->owner;
  }
  if (id->flag & dna::ID_FLAG_EMBEDDED) {
    return std::nullopt;
  }
  return std::make_pair(id, path);
}

StructHandle StructHandle::make(std::shared_ptr<MainSlot> slot, const PointerRNA &ptr)
{
  if (!slot || (!ptr.main && !ptr.owner_id)) {
    return make_static(ptr);
  }
  StructHandle h;
  h.slot_ = std::move(slot);
  h.type_ = ptr.type;
  h.cached_ = ptr;
  h.generation_ = kernel::data_generation();
  if (!ptr.owner_id) {
    h.kind_ = ptr.data == static_cast<void *>(ptr.main) ? Kind::Main : Kind::Transient;
    return h;
  }
  ID *root = ptr.owner_id;
  std::string prefix;
  if (root->flag & dna::ID_FLAG_EMBEDDED) {
    auto location = embedded_location(ptr.main, root);
    if (!location) {
      h.kind_ = Kind::Transient;
      return h;
    }
    root = location->first;
    prefix = location->second;
  }
  h.owner_uid_ = root->session_uid;
  if (ptr.data == static_cast<void *>(ptr.owner_id) && prefix.empty()) {
    h.kind_ = Kind::ID;
    return h;
  }
  std::optional<std::string> path = rna::path_from_id(ptr);
  if (!path) {
    h.kind_ = Kind::Transient;
    return h;
  }
  h.kind_ = Kind::Nested;
  if (prefix.empty()) {
    h.path_ = std::move(*path);
  }
  else {
    h.path_ = path->empty() ? prefix : prefix + ((*path)[0] == '[' ? "" : ".") + *path;
  }
  return h;
}

[[noreturn]] static void raise_removed(const StructRNA *type)
{
  raise(ErrorKind::Reference, "StructRNA of type ", type ? type->identifier : "?",
        " has been removed");
}

/** The struct a path names from an ID; null when the path no longer resolves. */
/** An ID of the Main, or an evaluated copy a dependency graph of it holds. */
static ID *find_id(kernel::Main &main, uint32_t uid)
{
  ID *id = main.find_by_session_uid(uid);
  return id ? id : main.find_evaluated_by_session_uid(uid);
}

static PointerRNA resolve_nested(const PointerRNA &root, const std::string &path)
{
  try {
    rna::ResolvedPath resolved = rna::path_resolve(root, path);
    if (!resolved.prop) {
      return resolved.ptr;
    }
    if (resolved.prop->type == rna::PropertyType::Pointer) {
      return rna::get_pointer(resolved.ptr, *resolved.prop);
    }
  }
  catch (const Error &) {
  }
  return {};
}

/** The path of `data` if it is still an item of the collection the path's last subscript
 * indexes ("view_layers[\"Old\"]" -> look through view_layers). */
static std::optional<std::string> find_in_collection(const PointerRNA &root,
                                                     const std::string &path, const void *data)
{
  const size_t bracket = path.rfind('[');
  if (bracket == std::string::npos || path.back() != ']') {
    return std::nullopt;
  }
  try {
    rna::ResolvedPath collection = rna::path_resolve(root, path.substr(0, bracket));
    if (!collection.prop || collection.prop->type != rna::PropertyType::Collection) {
      return std::nullopt;
    }
    const int64_t length = rna::collection_length(collection.ptr, *collection.prop);
    for (int64_t i = 0; i < length; i++) {
      const PointerRNA item = rna::collection_at(collection.ptr, *collection.prop, i);
      if (item.data == data) {
        std::optional<std::string> item_path = rna::path_from_id(item);
        if (item_path && root.owner_id == item.owner_id) {
          return item_path;
        }
        return path.substr(0, bracket) + "[" + std::to_string(i) + "]";
      }
    }
  }
  catch (const Error &) {
  }
  return std::nullopt;
}

void StructHandle::refresh() const
{
  kernel::Main *main = slot_ ? slot_->main : nullptr;
  if (!main) {
    raise_removed(type_);
  }
  switch (kind_) {
    case Kind::Static:
      return;
    case Kind::Main:
      cached_ = PointerRNA{main, nullptr, type_, main};
      break;
    case Kind::ID: {
      ID *id = find_id(*main, owner_uid_);
      if (!id) {
        raise_removed(type_);
      }
      cached_ = PointerRNA{main, id, type_, id};
      break;
    }
    case Kind::Nested: {
      ID *id = find_id(*main, owner_uid_);
      if (!id) {
        raise_removed(type_);
      }
      const PointerRNA root = rna::pointer_from_id(main, id);
      PointerRNA found = resolve_nested(root, path_);
      /* Elements (index >= 0) never move: an index past the end means removed. */
      if (!found.same_data(cached_) && cached_.index < 0) {
        /* The data may still exist under another key (a renamed view layer): look for
         * its address among the items of the collection the path ends in, and follow it.
         * Only addresses are compared, nothing stale is read. Otherwise the path's target
         * stands for it (layer collections are rebuilt under the same key). */
        if (std::optional<std::string> moved = find_in_collection(root, path_, cached_.data)) {
          path_ = std::move(*moved);
          found = resolve_nested(root, path_);
        }
      }
      if (found.is_null() || !found.type || !found.type->is_a(type_)) {
        raise_removed(type_);
      }
      found.type = type_;
      cached_ = found;
      break;
    }
    case Kind::Transient:
      raise(ErrorKind::Reference, "StructRNA of type ", type_ ? type_->identifier : "?",
            " has changed since it was taken; get it again from its owner");
  }
  generation_ = kernel::data_generation();
}

const PointerRNA &StructHandle::resolve() const
{
  if (kind_ != Kind::Static && generation_ != kernel::data_generation()) {
    refresh();
  }
  return cached_;
}

bool StructHandle::valid() const
{
  try {
    resolve();
    return true;
  }
  catch (const Error &) {
    return false;
  }
}

}  // namespace whisk::python
