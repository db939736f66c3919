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
  h.owner_uid_ = ptr.owner_id->session_uid;
  if (ptr.data == static_cast<void *>(ptr.owner_id)) {
    h.kind_ = Kind::ID;
    return h;
  }
  if (std::optional<std::string> path = rna::path_from_id(ptr)) {
    h.kind_ = Kind::Nested;
    h.path_ = std::move(*path);
  }
  else {
    h.kind_ = Kind::Transient;
  }
  return h;
}

[[noreturn]] static void raise_removed(const StructRNA *type)
{
  raise(ErrorKind::Reference, "StructRNA of type ", type ? type->identifier : "?",
        " has been removed");
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
      ID *id = main->find_by_session_uid(owner_uid_);
      if (!id) {
        raise_removed(type_);
      }
      cached_ = PointerRNA{main, id, type_, id};
      break;
    }
    case Kind::Nested: {
      ID *id = main->find_by_session_uid(owner_uid_);
      if (!id) {
        raise_removed(type_);
      }
      PointerRNA found;
      try {
        rna::ResolvedPath resolved = rna::path_resolve(rna::pointer_from_id(main, id), path_);
        found = resolved.ptr;
        if (resolved.prop) {
          if (resolved.prop->type != rna::PropertyType::Pointer) {
            raise_removed(type_);
          }
          found = rna::get_pointer(resolved.ptr, *resolved.prop);
        }
      }
      catch (const Error &) {
        raise_removed(type_);
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
