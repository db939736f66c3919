#include "whisk/base/error.hh"

namespace whisk {

const char *error_kind_name(ErrorKind kind)
{
  switch (kind) {
    case ErrorKind::Type: return "TypeError";
    case ErrorKind::Value: return "ValueError";
    case ErrorKind::Key: return "KeyError";
    case ErrorKind::Index: return "IndexError";
    case ErrorKind::Attribute: return "AttributeError";
    case ErrorKind::Reference: return "ReferenceError";
    case ErrorKind::Runtime: return "RuntimeError";
    case ErrorKind::Memory: return "MemoryError";
    case ErrorKind::IO: return "OSError";
  }
  return "RuntimeError";
}

}  // namespace whisk
