#include "repo/added_lines.h"

#include <gtest/gtest.h>

#include "repo_printers.h"

namespace keplint {

namespace {

using Ranges = std::vector<LineRange>;

Ranges ranges_of(const AddedLines& lines, const std::string& path) {
  const auto* r = lines.find(path);
  return r ? *r : Ranges{};
}

TEST(AddedLines, MergesAdjacentAndOverlappingRangesInAnyOrder) {
  AddedLines lines;
  lines.add("f", {10, 10});
  lines.add("f", {11, 12});  // adjacent: extends
  lines.add("f", {20, 20});
  lines.add("f", {1, 2});    // out of order
  lines.add("f", {3, 9});    // bridges 1-2 and 10-12
  lines.add("f", {19, 25});  // overlaps 20
  EXPECT_EQ(ranges_of(lines, "f"), (Ranges{{1, 12}, {19, 25}}));
}

TEST(AddedLines, TouchesHonoursContext) {
  AddedLines lines;
  lines.add("f", {5, 6});
  EXPECT_FALSE(lines.touches("f", 4));
  EXPECT_TRUE(lines.touches("f", 5));
  EXPECT_TRUE(lines.touches("f", 6));
  EXPECT_FALSE(lines.touches("f", 7));
  EXPECT_TRUE(lines.touches("f", 2, 3));
  EXPECT_FALSE(lines.touches("f", 1, 3));
  EXPECT_TRUE(lines.touches("f", 9, 3));
  EXPECT_FALSE(lines.touches("f", 10, 3));
  EXPECT_FALSE(lines.touches("g", 5, 3));
}

TEST(AddedLines, ParsesGitUnifiedDiff) {
  const char* diff =
      "diff --git a/plain.md b/plain.md\n"
      "index 1111111..2222222 100644\n"
      "--- a/plain.md\n"
      "+++ b/plain.md\n"
      "@@ -3 +3 @@ section\n"
      "-old\n"
      "+new\n"
      "@@ -10,0 +11,2 @@\n"
      "+ins1\n"
      "+ins2\n"
      "@@ -20,2 +21,0 @@\n"
      "-gone\n"
      "-gone\n"
      "diff --git a/with space.md b/with space.md\n"
      "--- a/with space.md\t\n"
      "+++ b/with space.md\t\n"
      "@@ -1,3 +1,3 @@\n"
      " context\n"
      "-x\n"
      "+y\n"
      " context\n"
      "\\ No newline at end of file\n"
      "diff --git \"a/tab\\there\" \"b/tab\\there\"\n"
      "new file mode 100644\n"
      "--- /dev/null\n"
      "+++ \"b/tab\\there\\303\\274\"\n"
      "@@ -0,0 +1 @@\n"
      "+only\n"
      "diff --git a/deleted.md b/deleted.md\n"
      "deleted file mode 100644\n"
      "--- a/deleted.md\n"
      "+++ /dev/null\n"
      "@@ -1 +0,0 @@\n"
      "-bye\n"
      "diff --git a/image.png b/image.png\n"
      "Binary files a/image.png and b/image.png differ\n";
  AddedLines lines = parse_unified_diff(diff);
  EXPECT_EQ(ranges_of(lines, "plain.md"), (Ranges{{3, 3}, {11, 12}}));
  EXPECT_EQ(ranges_of(lines, "with space.md"), (Ranges{{2, 2}}));
  EXPECT_EQ(ranges_of(lines, "tab\thereü"), (Ranges{{1, 1}}));
  EXPECT_EQ(lines.by_path().size(), 3u);
}

TEST(AddedLines, OverlapsAnyLineOfARange) {
  AddedLines lines;
  lines.add("f", {5, 6});
  lines.add("f", {10, 10});
  EXPECT_FALSE(lines.overlaps("f", 1, 4));
  EXPECT_TRUE(lines.overlaps("f", 1, 5));
  EXPECT_TRUE(lines.overlaps("f", 6, 9));
  EXPECT_FALSE(lines.overlaps("f", 7, 9));
  EXPECT_TRUE(lines.overlaps("f", 7, 12));
  EXPECT_FALSE(lines.overlaps("f", 11, 40));
  EXPECT_FALSE(lines.overlaps("f", 6, 5));  // reversed
  EXPECT_FALSE(lines.overlaps("g", 1, 100));
}

TEST(AddedLines, HunkLinesIncludeContextAndPureDeletions) {
  const char* diff =
      "diff --git a/f.md b/f.md\n"
      "--- a/f.md\n"
      "+++ b/f.md\n"
      "@@ -7,7 +7,7 @@\n"
      " c\n c\n c\n-old\n+new\n c\n c\n c\n"
      "@@ -20,7 +20,6 @@ heading\n"
      " c\n c\n c\n-gone\n c\n c\n c\n"
      "diff --git a/emptied.md b/emptied.md\n"
      "--- a/emptied.md\n"
      "+++ b/emptied.md\n"
      "@@ -1 +0,0 @@\n"
      "-x\n";
  DiffLines lines = parse_diff_lines(diff);
  EXPECT_EQ(ranges_of(lines.added, "f.md"), (Ranges{{10, 10}}));
  EXPECT_EQ(ranges_of(lines.in_hunks, "f.md"), (Ranges{{7, 13}, {20, 25}}));
  EXPECT_EQ(lines.in_hunks.find("emptied.md"), nullptr);
  EXPECT_EQ(parse_unified_diff(diff).by_path(), lines.added.by_path());
}

TEST(AddedLines, UnquotesGitPaths) {
  EXPECT_EQ(unquote_git_path("plain name"), "plain name");
  EXPECT_EQ(unquote_git_path("\"a\\tb\\nc\\\"d\\\\e\""), "a\tb\nc\"d\\e");
  EXPECT_EQ(unquote_git_path("\"\\303\\274\""), "ü");
}

}  // namespace
}  // namespace keplint
