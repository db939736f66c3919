#include <gtest/gtest.h>

#include "whisk/base/utf8.hh"

using namespace whisk;

TEST(utf8, validates)
{
  EXPECT_TRUE(utf8::is_valid("plain"));
  EXPECT_TRUE(utf8::is_valid("\xc3\xa9t\xc3\xa9"));
  EXPECT_TRUE(utf8::is_valid("\xf0\x9f\x98\x80"));
  EXPECT_FALSE(utf8::is_valid("\xff"));
  EXPECT_FALSE(utf8::is_valid("\xc3"));            // truncated
  EXPECT_FALSE(utf8::is_valid("\xc0\xaf"));        // overlong
  EXPECT_FALSE(utf8::is_valid("\xed\xa0\x80"));    // surrogate
  EXPECT_FALSE(utf8::is_valid("\xf4\x90\x80\x80")); // past U+10FFFF
}

TEST(utf8, strips_invalid_sequences_only)
{
  EXPECT_EQ(utf8::strip_invalid("a\xffz\xc3\xa9"), "az\xc3\xa9");
  EXPECT_EQ(utf8::strip_invalid("\xc3"), "");
}

TEST(utf8, truncates_at_code_point_boundary)
{
  const std::string s = "ab\xc3\xa9";  // 4 bytes, the last character is two bytes
  EXPECT_EQ(utf8::truncate(s, 4), s);
  EXPECT_EQ(utf8::truncate(s, 3), "ab");
  EXPECT_EQ(utf8::truncate("\xe2\x82\xac\xe2\x82\xac", 5), "\xe2\x82\xac");
  EXPECT_EQ(utf8::truncate("abc", 0), "");
}
