#include "repo/byte_size.h"

#include <gtest/gtest.h>

namespace keplint {
namespace {

TEST(ByteSizeTest, ParsesPlainNumbersAndBinarySuffixes) {
  EXPECT_EQ(parse_byte_size("4194304"), 4194304u);
  EXPECT_EQ(parse_byte_size("0"), 0u);  // callers reject 0 themselves
  EXPECT_EQ(parse_byte_size("512k"), 512u << 10);
  EXPECT_EQ(parse_byte_size("512KiB"), 512u << 10);
  EXPECT_EQ(parse_byte_size("8M"), 8u << 20);
  EXPECT_EQ(parse_byte_size("8mb"), 8u << 20);
  EXPECT_EQ(parse_byte_size("1G"), std::size_t{1} << 30);
  EXPECT_EQ(parse_byte_size("100b"), 100u);
}

TEST(ByteSizeTest, RejectsAnythingElse) {
  for (const char* bad : {"", "M", "-1", "1.5M", "8 M", "12x", "1T", "0x10", "k8",
                          "99999999999999999999", "18446744073709551615G"}) {
    EXPECT_EQ(parse_byte_size(bad), std::nullopt) << bad;
  }
}

TEST(ByteSizeTest, FormatsExactly) {
  EXPECT_EQ(format_byte_size(4u << 20), "4 MiB");
  EXPECT_EQ(format_byte_size(512u << 10), "512 KiB");
  EXPECT_EQ(format_byte_size(std::size_t{1} << 30), "1 GiB");
  EXPECT_EQ(format_byte_size(1000), "1000 bytes");
  EXPECT_EQ(format_byte_size(1536), "1536 bytes");  // not a whole KiB
  EXPECT_EQ(format_byte_size(0), "0 bytes");
}

}  // namespace
}  // namespace keplint
