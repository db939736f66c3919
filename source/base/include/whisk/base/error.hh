#pragma once
// Errors that explain: every failure carries a category that maps onto the Python
// exception Blender raises in the same situation, and a message that names the thing
// and the reason.

#include <exception>
#include <sstream>
#include <string>
#include <utility>

namespace whisk {

enum class ErrorKind {
  Type,       // TypeError
  Value,      // ValueError
  Key,        // KeyError
  Index,      // IndexError
  Attribute,  // AttributeError
  Reference,  // ReferenceError: the data a handle names no longer exists
  Runtime,    // RuntimeError
  Memory,     // MemoryError
  IO,         // OSError
};

const char *error_kind_name(ErrorKind kind);

class Error : public std::exception {
 public:
  Error(ErrorKind kind, std::string message) : kind_(kind), message_(std::move(message)) {}
  ErrorKind kind() const { return kind_; }
  const std::string &message() const { return message_; }
  const char *what() const noexcept override { return message_.c_str(); }

 private:
  ErrorKind kind_;
  std::string message_;
};

/** Concatenates anything streamable; keeps error construction at call sites short. */
template<typename... Args> std::string str_cat(const Args &...args)
{
  std::ostringstream stream;
  (stream << ... << args);
  return stream.str();
}

template<typename... Args> [[noreturn]] void raise(ErrorKind kind, const Args &...args)
{
  throw Error(kind, str_cat(args...));
}

}  // namespace whisk
