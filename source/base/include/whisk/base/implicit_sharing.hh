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
#include <cstdint>
#include <cstdlib>
#include <new>
#include <type_traits>
#include <memory>
#include <span>
#include <utility>

namespace whisk {

/** The shared part of a buffer: who uses it, and how to free it.
 *
 * Two kinds of holder keep a buffer alive:
 * - *users* own the data (a mesh's attribute, an evaluated copy, an undo step). Writing is
 *   allowed to the only user; a second user means copy-on-write.
 * - *views* only borrow the memory (a numpy array over an attribute). A view keeps the
 *   memory valid after every user has gone, but never blocks a user's in-place write:
 *   the view then sees the write, as a numpy view of a numpy array does.
 * A view may also be a *writer*: it writes into the buffer behind the users' backs. Such
 *   a buffer is never shared by a new copy (the copy gets its own data), so writes through
 *   the view cannot leak into another owner, and owners' caches distrust it.
 * Both counts live in one atomic word, so the last release of either kind frees once. */
class ImplicitSharingInfo {
 public:
  ImplicitSharingInfo() = default;
  ImplicitSharingInfo(const ImplicitSharingInfo &) = delete;
  ImplicitSharingInfo &operator=(const ImplicitSharingInfo &) = delete;

  int users() const { return int(counts_.load(std::memory_order_acquire) & kUserMask); }
  int views() const { return int(counts_.load(std::memory_order_acquire) >> 32); }
  /** Whether the caller, one of the users, may write: it is the only one. */
  bool is_mutable() const { return users() == 1; }
  void add_user() const { counts_.fetch_add(1, std::memory_order_relaxed); }
  /** Drops a user; the last holder of either kind frees the data and this info. */
  void remove_user_and_delete_if_last() const { release(1); }

  void add_view() const { counts_.fetch_add(kOneView, std::memory_order_relaxed); }
  void remove_view_and_delete_if_last() const { release(kOneView); }

  /** Writers are views that write; see the class comment. Not part of the lifetime. */
  void add_writer() const { writers_.fetch_add(1, std::memory_order_acq_rel); }
  void remove_writer() const { writers_.fetch_sub(1, std::memory_order_acq_rel); }
  bool has_writers() const { return writers_.load(std::memory_order_acquire) > 0; }

 protected:
  virtual ~ImplicitSharingInfo() = default;
  virtual void delete_data_and_self() { delete this; }

 private:
  static constexpr uint64_t kUserMask = 0xffffffffu;
  static constexpr uint64_t kOneView = uint64_t(1) << 32;

  void release(uint64_t amount) const
  {
    if (counts_.fetch_sub(amount, std::memory_order_acq_rel) == amount) {
      const_cast<ImplicitSharingInfo *>(this)->delete_data_and_self();
    }
  }

  /** Users in the low half, views in the high half. */
  mutable std::atomic<uint64_t> counts_{1};
  mutable std::atomic<int> writers_{0};
};

/** A typed array with implicit sharing. Copies share; mutable access makes the array the
 * holder's own first. Elements must be copyable. */
template<typename T> class SharedArray {
 public:
  SharedArray() = default;
  explicit SharedArray(size_t size, const T &value = T()) { allocate(size, &value); }
  /** Elements left uninitialized, for buffers the caller fills at once. */
  struct NoInit {};
  SharedArray(size_t size, NoInit) { allocate(size, nullptr); }
  SharedArray(std::span<const T> values)
  {
    allocate(values.size(), nullptr);
    std::copy(values.begin(), values.end(), data_);
  }
  SharedArray(const SharedArray &other)
  {
    if (other.info_ && other.info_->has_writers()) {
      /* A view writes into that buffer: sharing it would let those writes reach us. */
      allocate(other.size_, nullptr);
      std::copy_n(other.data_, other.size_, data_);
      return;
    }
    info_ = other.info_;
    data_ = other.data_;
    size_ = other.size_;
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
  const T *data() const { return data_; }
  /** The buffer's sharing info, for holders outside this class (a numpy view adds a
   * view to keep the memory alive after the array is gone). Null when empty. */
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
    /* Zero values come from zeroed memory (see Block), so growing touches only the
     * pages the old elements are copied into. */
    SharedArray grown(size, value);
    std::copy_n(data_, std::min(size, size_), grown.data_);
    *this = std::move(grown);
  }

 private:
  static constexpr bool kPlain = std::is_trivially_copyable_v<T> &&
                                 std::is_trivially_default_constructible_v<T>;

  /** The info, which frees the elements and itself. Plain element types come from
   * malloc, and all-zero values from calloc: large zeroed blocks are fresh pages the
   * system zeroes on first touch, so a million new vertices cost no page faults until
   * they are written (mesh.vertices.add then foreach_set touches each page once). */
  struct Block final : ImplicitSharingInfo {
    T *elements = nullptr;
    Block(size_t size, const T *value)
    {
      if constexpr (kPlain) {
        const bool zero = value && is_zero(*value);
        elements = static_cast<T *>(zero ? std::calloc(size, sizeof(T)) :
                                           std::malloc(size * sizeof(T)));
        if (!elements) {
          throw std::bad_alloc();
        }
        if (value && !zero) {
          std::fill_n(elements, size, *value);
        }
      }
      else {
        elements = new T[size];
        if (value) {
          std::fill_n(elements, size, *value);
        }
      }
    }
    ~Block() override
    {
      if constexpr (kPlain) {
        std::free(elements);
      }
      else {
        delete[] elements;
      }
    }
    static bool is_zero(const T &value)
    {
      const auto *bytes = reinterpret_cast<const unsigned char *>(&value);
      return std::all_of(bytes, bytes + sizeof(T), [](unsigned char b) { return b == 0; });
    }
  };

  void allocate(size_t size, const T *value)
  {
    if (size == 0) {
      return;
    }
    auto *block = new Block(size, value);
    info_ = block;
    data_ = block->elements;
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
