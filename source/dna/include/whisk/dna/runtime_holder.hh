#pragma once
// Runtime state hung off DNA structs: never copied, never saved.
#include <memory>
#include <mutex>

namespace whisk::dna {

/** Per-object-data runtime state that is never copied: a copy gets a fresh, empty one.
 * Created on first use; the kernel defines T. */
template<typename T> class RuntimeHolder {
 public:
  RuntimeHolder() = default;
  RuntimeHolder(const RuntimeHolder &) {}
  /** Assigning data makes the old derived state stale: start over empty. */
  RuntimeHolder &operator=(const RuntimeHolder &other)
  {
    if (this != &other) {
      std::lock_guard lock(mutex_);
      value_.reset();
    }
    return *this;
  }

  /** The runtime, made by `create` on first use (thread-safe). */
  template<typename Create> T &get(Create &&create) const
  {
    std::lock_guard lock(mutex_);
    if (!value_) {
      value_ = create();
    }
    return *value_;
  }
  /** The runtime if it exists yet. */
  T *peek() const
  {
    std::lock_guard lock(mutex_);
    return value_.get();
  }

 private:
  mutable std::mutex mutex_;
  mutable std::shared_ptr<T> value_;
};

}  // namespace whisk::dna
