#include "document/unified_diff.h"

#include <gtest/gtest.h>

namespace keplint {
namespace {

TEST(UnifiedDiffTest, EqualTextsGiveNothing) {
  EXPECT_EQ(unified_diff("a\nb\n", "a\nb\n", "f.md"), "");
  EXPECT_EQ(unified_diff("", "", "f.md"), "");
}

TEST(UnifiedDiffTest, OneChangeWithThreeLinesOfContext) {
  std::string old_text = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
  std::string new_text = "1\n2\n3\n4\nFIVE\n6\n7\n8\n9\n";
  EXPECT_EQ(unified_diff(old_text, new_text, "keps/x/README.md"),
            "--- a/keps/x/README.md\n"
            "+++ b/keps/x/README.md\n"
            "@@ -2,7 +2,7 @@\n"
            " 2\n 3\n 4\n-5\n+FIVE\n 6\n 7\n 8\n");
}

TEST(UnifiedDiffTest, DistantChangesMakeSeparateHunks) {
  std::string old_text, new_text;
  for (int i = 1; i <= 20; ++i) {
    old_text += std::to_string(i) + "\n";
    new_text += (i == 2 || i == 18 ? "x" : std::to_string(i)) + "\n";
  }
  EXPECT_EQ(unified_diff(old_text, new_text, "f"),
            "--- a/f\n+++ b/f\n"
            "@@ -1,5 +1,5 @@\n 1\n-2\n+x\n 3\n 4\n 5\n"
            "@@ -15,6 +15,6 @@\n 15\n 16\n 17\n-18\n+x\n 19\n 20\n");
}

TEST(UnifiedDiffTest, NearbyChangesShareAHunk) {
  EXPECT_EQ(unified_diff("a\nb\nc\nd\ne\n", "A\nb\nc\nd\nE\n", "f"),
            "--- a/f\n+++ b/f\n@@ -1,5 +1,5 @@\n-a\n+A\n b\n c\n d\n-e\n+E\n");
}

TEST(UnifiedDiffTest, InsertionsAndDeletions) {
  EXPECT_EQ(unified_diff("a\nc\n", "a\nb\nc\n", "f"),
            "--- a/f\n+++ b/f\n@@ -1,2 +1,3 @@\n a\n+b\n c\n");
  EXPECT_EQ(unified_diff("a\nb\nc\n", "a\nc\n", "f"),
            "--- a/f\n+++ b/f\n@@ -1,3 +1,2 @@\n a\n-b\n c\n");
  EXPECT_EQ(unified_diff("", "new\n", "f"), "--- a/f\n+++ b/f\n@@ -0,0 +1 @@\n+new\n");
  EXPECT_EQ(unified_diff("old\n", "", "f"), "--- a/f\n+++ b/f\n@@ -1 +0,0 @@\n-old\n");
}

TEST(UnifiedDiffTest, MissingFinalNewline) {
  EXPECT_EQ(unified_diff("a\nb", "a\nb\n", "f"),
            "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n");
}

TEST(UnifiedDiffTest, TocRewriteLooksLikeDiff) {
  std::string old_text = "# T\n<!-- toc -->\n- [A](#a)\n<!-- /toc -->\n## A\n## B\n";
  std::string new_text = "# T\n<!-- toc -->\n- [A](#a)\n- [B](#b)\n<!-- /toc -->\n## A\n## B\n";
  EXPECT_EQ(unified_diff(old_text, new_text, "README.md"),
            "--- a/README.md\n+++ b/README.md\n@@ -1,6 +1,7 @@\n # T\n <!-- toc -->\n"
            " - [A](#a)\n+- [B](#b)\n <!-- /toc -->\n ## A\n ## B\n");
}

}  // namespace
}  // namespace keplint
