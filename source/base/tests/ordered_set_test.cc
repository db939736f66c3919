#include <gtest/gtest.h>

#include "whisk/base/ordered_set.hh"

using namespace whisk;

TEST(ordered_set, keeps_insertion_order_through_removals)
{
  int values[100];
  OrderedPtrSet<int> set;
  for (int &v : values) {
    EXPECT_TRUE(set.add(&v));
  }
  EXPECT_FALSE(set.add(&values[3]));
  for (int i = 0; i < 100; i += 2) {
    EXPECT_TRUE(set.remove(&values[i]));
  }
  EXPECT_FALSE(set.remove(&values[0]));
  EXPECT_EQ(set.size(), 50);
  std::vector<int *> seen = set.to_vector();
  ASSERT_EQ(seen.size(), 50u);
  for (int i = 0; i < 50; i++) {
    EXPECT_EQ(seen[i], &values[2 * i + 1]);
    EXPECT_EQ(set.at(i), &values[2 * i + 1]);
    EXPECT_EQ(set.index_of(&values[2 * i + 1]), i);
  }
  EXPECT_EQ(set.index_of(&values[0]), -1);
}

TEST(ordered_set, replace_keeps_position_and_merges_duplicates)
{
  int v[5];
  OrderedPtrSet<int> set;
  for (int i = 0; i < 4; i++) {
    set.add(&v[i]);
  }
  EXPECT_FALSE(set.replace(&v[4], &v[0])); /* absent */
  EXPECT_TRUE(set.replace(&v[1], &v[4]));  /* in place */
  EXPECT_EQ(set.to_vector(), (std::vector<int *>{&v[0], &v[4], &v[2], &v[3]}));
  EXPECT_TRUE(set.replace(&v[0], &v[3])); /* merges at the earlier position */
  EXPECT_EQ(set.to_vector(), (std::vector<int *>{&v[3], &v[4], &v[2]}));
  EXPECT_TRUE(set.replace(&v[2], &v[4])); /* the later one just goes */
  EXPECT_EQ(set.to_vector(), (std::vector<int *>{&v[3], &v[4]}));
  EXPECT_EQ(set.size(), 2);
  EXPECT_FALSE(set.contains(&v[2]));
  EXPECT_EQ(set.index_of(&v[4]), 1);
  EXPECT_EQ(set.at(0), &v[3]);
}
