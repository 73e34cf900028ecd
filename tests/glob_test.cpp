#include "repo/glob.h"

#include <gtest/gtest.h>

namespace keplint {
namespace {

TEST(Glob, LiteralPathsMatchExactly) {
  EXPECT_TRUE(glob_match("keps/README.md", "keps/README.md"));
  EXPECT_FALSE(glob_match("keps/README.md", "keps/README.mdx"));
  EXPECT_FALSE(glob_match("keps/README.md", "keps/readme.md"));
  EXPECT_FALSE(glob_match("keps/README.md", "x/keps/README.md"));
  EXPECT_FALSE(glob_match("keps", "keps/README.md"));
  EXPECT_FALSE(glob_match("keps/README.md", "keps"));
}

TEST(Glob, StarStaysInOneSegment) {
  EXPECT_TRUE(glob_match("keps/*/kep.yaml", "keps/sig-node/kep.yaml"));
  EXPECT_FALSE(glob_match("keps/*/kep.yaml", "keps/sig-node/1234-x/kep.yaml"));
  EXPECT_FALSE(glob_match("keps/*", "keps/sig-node/kep.yaml"));
  EXPECT_TRUE(glob_match("keps/*.yaml", "keps/a.yaml"));
  EXPECT_TRUE(glob_match("keps/*.yaml", "keps/.yaml"));  // '*' may match nothing
  EXPECT_FALSE(glob_match("keps/*.yaml", "keps/a.yml"));
  EXPECT_TRUE(glob_match("*", "file"));
  EXPECT_FALSE(glob_match("*", "dir/file"));
  EXPECT_TRUE(glob_match("a*b*c", "aXXbYYc"));
  EXPECT_TRUE(glob_match("a*b*c", "abbbc"));  // backtracking
  EXPECT_FALSE(glob_match("a*b*c", "aXXbYYcd"));
}

TEST(Glob, QuestionMarkIsOneCharacterButNeverASlash) {
  EXPECT_TRUE(glob_match("keps/sig-?/x", "keps/sig-a/x"));
  EXPECT_FALSE(glob_match("keps/sig-?/x", "keps/sig-ab/x"));
  EXPECT_FALSE(glob_match("keps/sig-?/x", "keps/sig-/x"));
  EXPECT_FALSE(glob_match("a?b", "a/b"));
}

TEST(Glob, DoubleStarAtTheStart) {
  EXPECT_TRUE(glob_match("**/kep.yaml", "kep.yaml"));
  EXPECT_TRUE(glob_match("**/kep.yaml", "keps/kep.yaml"));
  EXPECT_TRUE(glob_match("**/kep.yaml", "keps/sig-node/1234-x/kep.yaml"));
  EXPECT_FALSE(glob_match("**/kep.yaml", "keps/sig-node/1234-x/kep.yaml.bak"));
  EXPECT_FALSE(glob_match("**/kep.yaml", "keps/notkep.yaml"));
}

TEST(Glob, DoubleStarInTheMiddleSpansZeroOrMoreSegments) {
  EXPECT_TRUE(glob_match("keps/**/kep.yaml", "keps/kep.yaml"));
  EXPECT_TRUE(glob_match("keps/**/kep.yaml", "keps/sig-node/kep.yaml"));
  EXPECT_TRUE(glob_match("keps/**/kep.yaml", "keps/sig-node/1234-x/kep.yaml"));
  EXPECT_TRUE(glob_match("keps/**/kep.yaml", "keps/sig-node/nested/1234-x/kep.yaml"));
  EXPECT_FALSE(glob_match("keps/**/kep.yaml", "other/sig-node/kep.yaml"));
  EXPECT_FALSE(glob_match("keps/**/kep.yaml", "keps/sig-node/kep.yaml/extra"));
  EXPECT_TRUE(glob_match("a/**/b/**/c", "a/x/b/y/z/c"));
  EXPECT_TRUE(glob_match("a/**/b/**/c", "a/b/c"));
  EXPECT_FALSE(glob_match("a/**/b/**/c", "a/x/y/c"));
}

TEST(Glob, DoubleStarAtTheEndMatchesEverythingBelow) {
  EXPECT_TRUE(glob_match("keps/prod-readiness/**", "keps/prod-readiness/sig-a/1.yaml"));
  EXPECT_TRUE(glob_match("keps/prod-readiness/**", "keps/prod-readiness/x"));
  EXPECT_FALSE(glob_match("keps/prod-readiness/**", "keps/prod-readiness-other/x"));
  EXPECT_FALSE(glob_match("keps/prod-readiness/**", "keps/other/x"));
  EXPECT_TRUE(glob_match("**", "anything/at/all"));
}

TEST(Glob, EmptyPathMatchesOnlyEmptyPattern) {
  EXPECT_TRUE(glob_match("", ""));
  EXPECT_FALSE(glob_match("*", ""));
  EXPECT_FALSE(glob_match("a", ""));
}

TEST(Glob, LiteralPrefixStopsAtTheFirstWildcardSegment) {
  EXPECT_EQ(glob_literal_prefix("keps/prod-readiness/*/*.yaml"), "keps/prod-readiness");
  EXPECT_EQ(glob_literal_prefix("keps/**/kep.yaml"), "keps");
  EXPECT_EQ(glob_literal_prefix("**/kep.yaml"), "");
  EXPECT_EQ(glob_literal_prefix("*.md"), "");
  EXPECT_EQ(glob_literal_prefix("kep.yaml"), "");  // no directory part
  EXPECT_EQ(glob_literal_prefix("a/b/c.yaml"), "a/b");
  EXPECT_EQ(glob_literal_prefix("a/b?/c.yaml"), "a");
  EXPECT_EQ(glob_literal_prefix("a/b*c/d/e"), "a");
}

}  // namespace
}  // namespace keplint
