// Implicit sharing: copies share a buffer until one writes; the last holder frees it.

#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "whisk/base/implicit_sharing.hh"

using namespace whisk;

namespace {

/** Counts live instances, to prove buffers are freed exactly once. */
struct Counted {
  static inline int alive = 0;
  int value = 0;
  Counted() { alive++; }
  Counted(int v) : value(v) { alive++; }
  Counted(const Counted &other) : value(other.value) { alive++; }
  Counted &operator=(const Counted &) = default;
  ~Counted() { alive--; }
};

}  // namespace

TEST(ImplicitSharing, copies_share_until_written)
{
  SharedArray<float> a(4, 1.0f);
  SharedArray<float> b = a;
  EXPECT_EQ(a.span().data(), b.span().data());
  EXPECT_TRUE(a.is_shared());
  EXPECT_EQ(a.sharing_info()->users(), 2);

  b.mutable_span()[0] = 5.0f;
  EXPECT_NE(a.span().data(), b.span().data());
  EXPECT_EQ(a[0], 1.0f);
  EXPECT_EQ(b[0], 5.0f);
  EXPECT_FALSE(a.is_shared());
  EXPECT_FALSE(b.is_shared());

  /* The only holder writes in place. */
  const float *before = a.span().data();
  a.mutable_span()[1] = 2.0f;
  EXPECT_EQ(a.span().data(), before);
}

TEST(ImplicitSharing, last_holder_frees_and_outside_users_keep_memory_alive)
{
  Counted::alive = 0;
  {
    SharedArray<Counted> a(3, Counted(7));
    EXPECT_EQ(Counted::alive, 3);
    const ImplicitSharingInfo *info = a.sharing_info();
    info->add_user(); /* a view outside, like a numpy array */
    std::span<const Counted> view = a.span();
    a = SharedArray<Counted>();
    EXPECT_EQ(Counted::alive, 3); /* still held by the view */
    EXPECT_EQ(view[2].value, 7);
    info->remove_user_and_delete_if_last();
    EXPECT_EQ(Counted::alive, 0);
  }
  EXPECT_EQ(Counted::alive, 0);
}

TEST(ImplicitSharing, resize_keeps_leading_elements_and_never_touches_other_holders)
{
  SharedArray<int> a(std::vector<int>{1, 2, 3});
  SharedArray<int> b = a;
  b.resize(5, 9);
  EXPECT_EQ(a.size(), 3u);
  ASSERT_EQ(b.size(), 5u);
  EXPECT_EQ(b[2], 3);
  EXPECT_EQ(b[4], 9);
  b.resize(1);
  EXPECT_EQ(b.size(), 1u);
  EXPECT_EQ(a[2], 3);
  SharedArray<int> empty;
  EXPECT_EQ(empty.sharing_info(), nullptr);
  EXPECT_TRUE(empty.mutable_span().empty());
}

TEST(ImplicitSharing, copies_on_many_threads_count_exactly)
{
  Counted::alive = 0;
  {
    SharedArray<Counted> shared(1000, Counted(1));
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; t++) {
      threads.emplace_back([&shared] {
        for (int i = 0; i < 2000; i++) {
          SharedArray<Counted> copy = shared; /* add and remove a user */
          EXPECT_EQ(copy[999].value, 1);
        }
      });
    }
    for (std::thread &thread : threads) {
      thread.join();
    }
    EXPECT_EQ(shared.sharing_info()->users(), 1);
    EXPECT_EQ(Counted::alive, 1000);
  }
  EXPECT_EQ(Counted::alive, 0);
}

TEST(ImplicitSharing, views_keep_memory_alive_without_blocking_writes)
{
  const ImplicitSharingInfo *info = nullptr;
  const float *memory = nullptr;
  {
    SharedArray<float> a(4, 1.0f);
    info = a.sharing_info();
    info->add_view();
    EXPECT_EQ(info->users(), 1);
    EXPECT_EQ(info->views(), 1);
    EXPECT_FALSE(a.is_shared()); /* a view is no owner: writes stay in place */
    a.mutable_span()[0] = 5.0f;
    memory = a.data();
    EXPECT_EQ(memory[0], 5.0f);
  }
  /* The array is gone; the view still holds the memory. */
  EXPECT_EQ(info->users(), 0);
  EXPECT_EQ(memory[0], 5.0f);
  info->remove_view_and_delete_if_last();
}

TEST(ImplicitSharing, buffers_with_writers_are_copied_not_shared)
{
  SharedArray<int> a(3, 7);
  a.sharing_info()->add_view();
  a.sharing_info()->add_writer();
  SharedArray<int> b = a;
  EXPECT_NE(a.data(), b.data());
  EXPECT_EQ(b[2], 7);
  const ImplicitSharingInfo *info = a.sharing_info();
  info->remove_writer();
  SharedArray<int> c = a;
  EXPECT_EQ(a.data(), c.data()); /* no writer left: shared again */
  info->remove_view_and_delete_if_last();
}

TEST(ImplicitSharing, zero_values_and_growth)
{
  SharedArray<float> a(1 << 20, 0.0f);
  EXPECT_EQ(a[12345], 0.0f);
  a.mutable_span()[1] = 3.0f;
  a.resize(size_t(1) << 21);
  EXPECT_EQ(a[1], 3.0f);
  EXPECT_EQ(a[(size_t(1) << 21) - 1], 0.0f);
  a.resize(2);
  EXPECT_EQ(a.size(), 2u);
  EXPECT_EQ(a[1], 3.0f);
}
