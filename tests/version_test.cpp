#include "engine/version.h"

#include <gtest/gtest.h>

namespace keplint {
namespace {

std::vector<int> parts(std::string_view text) {
  auto v = parse_version(text);
  return v ? v->parts : std::vector<int>{-1};
}

TEST(Version, ParsesTheSpellingsKepsUse) {
  EXPECT_EQ(parts("v1.21"), (std::vector<int>{1, 21}));
  EXPECT_EQ(parts("1.21"), (std::vector<int>{1, 21}));
  EXPECT_EQ(parts("V1.21"), (std::vector<int>{1, 21}));
  EXPECT_EQ(parts("v1.21.0"), (std::vector<int>{1, 21, 0}));
  EXPECT_EQ(parts("v2"), (std::vector<int>{2}));
  EXPECT_EQ(parts("v1.021"), (std::vector<int>{1, 21}));
}

TEST(Version, RejectsWhatIsNotAVersion) {
  for (const char* bad : {"", "v", "vv1.2", "1.", ".1", "1..2", "v1.2-beta", "x1.2", "1,2", "1.-2",
                          "v1.2+build", "v1.2.3-", "v1.2.3+", "v1.2.3a", "99999999999.1"}) {
    EXPECT_FALSE(parse_version(bad)) << bad;
  }
}

// Upstream decides whether PRR approval is required with blang/semver's ParseTolerant.
TEST(Version, ReadsWhatUpstreamsTolerantParserReads) {
  EXPECT_EQ(parts(" v1.21 "), (std::vector<int>{1, 21}));
  EXPECT_EQ(parts("v1.22.0-rc.1"), (std::vector<int>{1, 22, 0}));
  EXPECT_EQ(parts("v1.22.0+build.5"), (std::vector<int>{1, 22, 0}));
  EXPECT_LT(*parse_version("v1.21.0-alpha.1"), *parse_version("v1.21"));
  EXPECT_GT(*parse_version("v1.22.0-alpha.1"), *parse_version("v1.21"));
  EXPECT_EQ(*parse_version("v1.21.0+meta"), *parse_version("v1.21"));
}

TEST(Version, ComparesNumericallyNotAsText) {
  EXPECT_LT(*parse_version("v1.9"), *parse_version("v1.10"));
  EXPECT_GT(*parse_version("v1.21"), *parse_version("v1.3"));
  EXPECT_LT(*parse_version("v1.21"), *parse_version("v2.0"));
  EXPECT_GE(*parse_version("v1.21"), *parse_version("v1.21"));
}

TEST(Version, MissingPartsCountAsZero) {
  EXPECT_EQ(*parse_version("v1.21"), *parse_version("v1.21.0"));
  EXPECT_EQ(*parse_version("1"), *parse_version("v1.0.0"));
  EXPECT_LT(*parse_version("v1.21"), *parse_version("v1.21.1"));
}

}  // namespace
}  // namespace keplint
