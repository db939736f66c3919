#pragma once
// Implicit sharing (DESIGN.md, principle 3): large arrays (attributes, pixels) are
// reference-counted buffers. Copying a mesh, an evaluated copy, an undo step or a numpy
// view shares the buffer; the first write through a holder that is not the only user
// copies it first (copy-on-write). The count is atomic, so holders on several threads may
// share one buffer; writing requires the holder to be the only user, which is what
// `ensure_mutable` establishes.

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <memory>
#include <span>
#include <utility>

namespace whisk {

/** The shared part of a buffer: its user count, and how to free it. */
class ImplicitSharingInfo {
 public:
  ImplicitSharingInfo() = default;
  ImplicitSharingInfo(const ImplicitSharingInfo &) = delete;
  ImplicitSharingInfo &operator=(const ImplicitSharingInfo &) = delete;

  int users() const { return users_.load(std::memory_order_acquire); }
  /** Whether the caller, one of the users, may write: it is the only one. */
  bool is_mutable() const { return users() == 1; }
  void add_user() const { users_.fetch_add(1, std::memory_order_relaxed); }
  /** Drops a user; the last one frees the data and this info. */
  void remove_user_and_delete_if_last() const
  {
    if (users_.fetch_sub(1, std::memory_order_acq_rel) == 1) {
      const_cast<ImplicitSharingInfo *>(this)->delete_data_and_self();
    }
  }

 protected:
  virtual ~ImplicitSharingInfo() = default;
  virtual void delete_data_and_self() { delete this; }

 private:
  mutable std::atomic<int> users_{1};
};

/** A typed array with implicit sharing. Copies share; mutable access makes the array the
 * holder's own first. Elements must be copyable. */
template<typename T> class SharedArray {
 public:
  SharedArray() = default;
  explicit SharedArray(size_t size, const T &value = T()) { allocate(size, value); }
  SharedArray(std::span<const T> values)
  {
    allocate(values.size(), T());
    std::copy(values.begin(), values.end(), data_);
  }
  SharedArray(const SharedArray &other) : info_(other.info_), data_(other.data_), size_(other.size_)
  {
    if (info_) {
      info_->add_user();
    }
  }
  SharedArray(SharedArray &&other) noexcept
      : info_(std::exchange(other.info_, nullptr)),
        data_(std::exchange(other.data_, nullptr)),
        size_(std::exchange(other.size_, 0))
  {
  }
  SharedArray &operator=(SharedArray other) noexcept
  {
    std::swap(info_, other.info_);
    std::swap(data_, other.data_);
    std::swap(size_, other.size_);
    return *this;
  }
  ~SharedArray() { release(); }

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  std::span<const T> span() const { return {data_, size_}; }
  const T &operator[](size_t i) const { return data_[i]; }
  /** The buffer's sharing info, for holders outside this class (a numpy view adds a
   * user to keep the memory alive after the array is gone). Null when empty. */
  const ImplicitSharingInfo *sharing_info() const { return info_; }
  bool is_shared() const { return info_ && !info_->is_mutable(); }

  /** Writable elements: copies the buffer first when another holder shares it. */
  std::span<T> mutable_span()
  {
    ensure_mutable();
    return {data_, size_};
  }
  void ensure_mutable()
  {
    if (is_shared()) {
      SharedArray copy(span());
      *this = std::move(copy);
    }
  }
  /** Changes the size, keeping the leading elements; new ones are `value`. */
  void resize(size_t size, const T &value = T())
  {
    if (size == size_) {
      return;
    }
    SharedArray grown(size, value);
    std::copy_n(data_, std::min(size, size_), grown.data_);
    *this = std::move(grown);
  }

 private:
  /** Buffer and count in one allocation: the info frees the elements and itself. */
  struct Block final : ImplicitSharingInfo {
    std::unique_ptr<T[]> elements;
    explicit Block(size_t size, const T &value) : elements(new T[size])
    {
      std::fill_n(elements.get(), size, value);
    }
  };

  void allocate(size_t size, const T &value)
  {
    if (size == 0) {
      return;
    }
    auto *block = new Block(size, value);
    info_ = block;
    data_ = block->elements.get();
    size_ = size;
  }
  void release()
  {
    if (info_) {
      info_->remove_user_and_delete_if_last();
    }
    info_ = nullptr;
    data_ = nullptr;
    size_ = 0;
  }

  const ImplicitSharingInfo *info_ = nullptr;
  T *data_ = nullptr;
  size_t size_ = 0;
};

}  // namespace whisk
