#include "repo/glob.h"

#include <gtest/gtest.h>

#include <chrono>
#include <random>
#include <string>

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

// What the loader accepts: the dialect above and nothing that would match only literally.
TEST(Glob, ErrorNamesWhatIsOutsideTheDialect) {
  for (const char* ok : {"keps/**/kep.yaml", "a/*/b?.md", "**", "a/**", "OWNERS_ALIASES",
                         "keps/NNNN-kep-template/**", "enhancements/**/*.md"}) {
    EXPECT_EQ(glob_error(ok), "") << ok;
  }
  EXPECT_EQ(glob_error(""), "is empty");
  EXPECT_EQ(glob_error("/keps/*"), "must be relative to the repository root (no leading '/')");
  EXPECT_EQ(glob_error("keps/[0-9]*"),
            "uses '[', which globs here do not support (only '*', '?' and '**' as a whole "
            "segment)");
  EXPECT_NE(glob_error("keps/{a,b}/x"), "");
  EXPECT_NE(glob_error("keps/a]"), "");
  EXPECT_NE(glob_error("keps\\*.md"), "");
  EXPECT_EQ(glob_error("keps/**.md"),
            "has '**' inside the segment '**.md': '**' must be a whole segment (a/**/b); use '*' "
            "within a segment");
  EXPECT_NE(glob_error("a**/b"), "");
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

// The matcher before it became a state set (recursive backtracking on `**`): kept as the
// reference for the semantics. It is exponential in the number of `**`, so it only sees short
// inputs here.
namespace reference {

bool match_segment(std::string_view pat, std::string_view text) {
  std::size_t p = 0, t = 0, star = std::string_view::npos, mark = 0;
  while (t < text.size()) {
    if (p < pat.size() && (pat[p] == '?' || pat[p] == text[t])) {
      ++p;
      ++t;
    } else if (p < pat.size() && pat[p] == '*') {
      star = p++;
      mark = t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pat.size() && pat[p] == '*') ++p;
  return p == pat.size();
}

std::string_view next_segment(std::string_view& rest) {
  std::size_t slash = rest.find('/');
  std::string_view seg = rest.substr(0, slash);
  rest = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash + 1);
  return seg;
}

bool match_from(std::string_view pattern, std::string_view path, bool path_done) {
  while (!pattern.empty()) {
    std::string_view pseg = next_segment(pattern);
    if (pseg == "**") {
      if (pattern.empty()) return true;
      std::string_view rest = path;
      bool done = path_done;
      while (true) {
        if (match_from(pattern, rest, done)) return true;
        if (done || rest.empty()) return false;
        std::size_t slash = rest.find('/');
        if (slash == std::string_view::npos) {
          rest = {};
          done = true;
        } else {
          rest = rest.substr(slash + 1);
        }
      }
    }
    if (path_done) return false;
    std::size_t slash = path.find('/');
    std::string_view tseg = path.substr(0, slash);
    if (!match_segment(pseg, tseg)) return false;
    if (slash == std::string_view::npos) {
      path = {};
      path_done = true;
    } else {
      path = path.substr(slash + 1);
    }
  }
  return path_done;
}

bool glob_match(std::string_view pattern, std::string_view path) {
  if (path.empty()) return pattern.empty();
  return match_from(pattern, path, false);
}

}  // namespace reference

TEST(Glob, AgreesWithTheBacktrackingMatcherOnRandomInputs) {
  // Small alphabets so that matches, empty segments and trailing slashes are all common.
  const std::string pattern_chars = "ab*?/";
  const std::string path_chars = "ab/";
  std::mt19937 rng(16);
  int matches = 0;
  for (int n = 0; n < 200000; ++n) {
    std::string pattern, path;
    std::size_t plen = rng() % 9, tlen = rng() % 9;
    for (std::size_t i = 0; i < plen; ++i) {
      if (rng() % 4 == 0) {
        pattern += "**";
      } else {
        pattern += pattern_chars[rng() % pattern_chars.size()];
      }
    }
    for (std::size_t i = 0; i < tlen; ++i) path += path_chars[rng() % path_chars.size()];
    bool want = reference::glob_match(pattern, path);
    matches += want;
    ASSERT_EQ(glob_match(pattern, path), want)
        << "pattern '" << pattern << "' path '" << path << "'";
  }
  EXPECT_GT(matches, 1000);  // the comparison is not all "no"
}

TEST(Glob, ManyDoubleStarsAgainstADeepPathTakeLinearTime) {
  // Issue 16: `exclude: ["**/**/.../nomatch"]` and a 40-deep directory made the backtracking
  // matcher try every way to split the path among the `**` (it never finished).
  std::string pattern;
  for (int i = 0; i < 40; ++i) pattern += "**/";
  pattern += "nomatch";
  std::string path;
  for (int i = 0; i < 400; ++i) path += "d" + std::to_string(i) + "/";
  path += "file.md";
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < 10; ++i) {
    EXPECT_FALSE(glob_match(pattern, path));
    EXPECT_TRUE(glob_match(pattern.substr(0, pattern.size() - 7) + "file.md", path));
    EXPECT_FALSE(glob_match("**/*a*a*a*a*a*a*a*a*a*a*b/**/x", path));
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 2.0);  // about a millisecond; generous for sanitizers
}

}  // namespace
}  // namespace keplint
