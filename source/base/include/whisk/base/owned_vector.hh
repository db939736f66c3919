#pragma once
// A vector of heap-allocated items that copies deeply. Items keep their address when
// others are added, removed or moved (RNA pointers and Python handles hold them), and a
// copy of the owner (an ID duplicated for evaluation or by the user) copies every item.
// Polymorphic items provide `std::unique_ptr<T> clone() const`.

#include <algorithm>
#include <cstdint>
#include <memory>
#include <vector>

namespace whisk {

template<typename T> class OwnedVector {
 public:
  OwnedVector() = default;
  OwnedVector(const OwnedVector &other)
  {
    items_.reserve(other.items_.size());
    for (const auto &item : other.items_) {
      items_.push_back(clone_item(*item));
    }
  }
  OwnedVector(OwnedVector &&) noexcept = default;
  OwnedVector &operator=(OwnedVector other) noexcept
  {
    items_.swap(other.items_);
    return *this;
  }

  int64_t size() const { return int64_t(items_.size()); }
  bool empty() const { return items_.empty(); }
  T &operator[](int64_t i) { return *items_[size_t(i)]; }
  const T &operator[](int64_t i) const { return *items_[size_t(i)]; }
  T *get(int64_t i) const { return items_[size_t(i)].get(); }

  auto begin() { return items_.begin(); }
  auto end() { return items_.end(); }
  auto begin() const { return items_.begin(); }
  auto end() const { return items_.end(); }

  T &append(std::unique_ptr<T> item)
  {
    items_.push_back(std::move(item));
    return *items_.back();
  }
  T &insert(int64_t index, std::unique_ptr<T> item)
  {
    return **items_.insert(items_.begin() + index, std::move(item));
  }
  /** Position of `item`, or -1. */
  int64_t index_of(const T *item) const
  {
    for (size_t i = 0; i < items_.size(); i++) {
      if (items_[i].get() == item) {
        return int64_t(i);
      }
    }
    return -1;
  }
  /** Takes the item out without destroying it. */
  std::unique_ptr<T> release(int64_t index)
  {
    std::unique_ptr<T> item = std::move(items_[size_t(index)]);
    items_.erase(items_.begin() + index);
    return item;
  }
  void remove(int64_t index) { items_.erase(items_.begin() + index); }
  /** Moves the item at `from` to position `to`, shifting the ones between. */
  void move(int64_t from, int64_t to)
  {
    if (from < to) {
      std::rotate(items_.begin() + from, items_.begin() + from + 1, items_.begin() + to + 1);
    }
    else if (to < from) {
      std::rotate(items_.begin() + to, items_.begin() + from, items_.begin() + from + 1);
    }
  }
  void clear() { items_.clear(); }

 private:
  static std::unique_ptr<T> clone_item(const T &item)
  {
    if constexpr (requires { item.clone(); }) {
      return item.clone();
    }
    else {
      return std::make_unique<T>(item);
    }
  }
  std::vector<std::unique_ptr<T>> items_;
};

/** One optional heap-allocated item that copies deeply, for sub-data whose address must
 * stay put (a driver of an F-curve). */
template<typename T> class OwnedPtr {
 public:
  OwnedPtr() = default;
  explicit OwnedPtr(std::unique_ptr<T> item) : item_(std::move(item)) {}
  OwnedPtr(const OwnedPtr &other) : item_(other.item_ ? std::make_unique<T>(*other.item_) : nullptr)
  {
  }
  OwnedPtr(OwnedPtr &&) noexcept = default;
  OwnedPtr &operator=(OwnedPtr other) noexcept
  {
    item_.swap(other.item_);
    return *this;
  }
  T *get() const { return item_.get(); }
  T *operator->() const { return item_.get(); }
  T &operator*() const { return *item_; }
  explicit operator bool() const { return bool(item_); }
  void reset(std::unique_ptr<T> item = nullptr) { item_ = std::move(item); }

 private:
  std::unique_ptr<T> item_;
};

}  // namespace whisk
