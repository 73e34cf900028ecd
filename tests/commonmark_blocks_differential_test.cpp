// The block scanner (parse/commonmark_blocks.h) against cmark 0.30: a MarkdownDocument built from
// either must be the same (headings with lines, columns, sections and text; code blocks; comments;
// link references) on every Markdown file of the corpus, on mutated copies of them, on generated
// documents and on edge cases. The few places where the scanner differs on purpose are tested
// with their expected results at the end.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "corpus_dir.h"
#include "line_mutation.h"
#include "markdown_outline_compare.h"
#include "parse/commonmark_blocks.h"
#include "parse/markdown_document.h"
#include "test_files.h"

namespace keplint {
namespace {

namespace fs = std::filesystem;
using testing::files_with_extension;
using testing::read_file;

// True when both parsers agree; on a mismatch, reports it with the input.
bool check(const std::string& text, const std::string& what) {
  std::string disagreement = testing::outline_disagreement(text);
  if (disagreement.empty()) return true;
  ADD_FAILURE() << what << ": outlines differ\n" << disagreement;
  return false;
}

const std::vector<std::string>& fragments() {
  static const std::vector<std::string> kFragments = {
      "- ",
      "* ",
      "+ ",
      "1. ",
      "2) ",
      "10. ",
      "-",
      "> ",
      ">",
      "# ",
      "## ",
      "###### x",
      "####### x",
      "#",
      "```",
      "```go",
      "``` a`b",
      "~~~",
      "````",
      "~~~~ x",
      "    ",
      "\t",
      "  ",
      " ",
      "===",
      "---",
      "***",
      "___",
      "- - -",
      "<!--",
      "-->",
      "<div>",
      "</div>",
      "<div",
      "<DIV class=x>",
      "<div2 a=\"b\">",
      "<x-y z='1' w=v/>",
      "</span>",
      "<script>",
      "</script>",
      "<pre",
      "<style>",
      "<textarea>",
      "<?",
      "?>",
      "<!X",
      "<!x",
      "<![CDATA[",
      "]]>",
      "<p>",
      "<hr/>",
      "[x]: /u",
      "[x]:\n/u 'title'",
      "[y]: <a b>",
      "[z]: /u \"t\" x",
      "[q]: /u (t)",
      "\\[x]: /u",
      "text",
      "word",
      "Title",
      "\n",
      "\n\n",
      "`",
      "\\",
      "\r\n",
      ":",
      "<",
      "1)",
      "0. ",
  };
  return kFragments;
}

std::string mutate(std::string_view text, std::mt19937& rng) {
  return testing::mutate_lines(text, fragments(), testing::markdown_line_edits(), 6, rng);
}

// A lone '\r' ends a line for cmark, not for SourceFile (a documented difference).
std::string without_lone_cr(std::string s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r' && (i + 1 >= s.size() || s[i + 1] != '\n')) s[i] = ' ';
  }
  return s;
}

TEST(CommonmarkBlocksDifferentialTest, EdgeCases) {
  const std::vector<std::string> cases = {
      "",
      "\n",
      "# a\n",
      "#\n",
      "#a\n",
      "####### seven\n",
      "   # three spaces\n",
      "    # four spaces\n",
      "# closing ###\n",
      "## with {#id}\n",
      "Title\n=====\n",
      "Title\n-----\nbody\n",
      "Two\nlines\n===\n",
      "Title\n  ===  \n",
      "Title\n    ===\n",
      "- item\n---\n",
      "para\n***\n",
      "> quote\n===\n",
      "> Title\n> ---\n",
      "- Title\n  ---\n",
      "- a\n - b\n  - c\n   - d\n    - e\n",
      "1. one\n2. two\n10) ten\n",
      "para\n2. not a list\n",
      "para\n1. a list\n",
      "para\n-\nafter\n",
      "- \n  a\n",
      "-\n\n  a\n",
      "* a\n\n\n  b\n",
      "```\n# not\n```\n# yes\n",
      "```\nunclosed\n# not\n",
      "~~~\n```\n# not\n~~~\n",
      "````\n```\n````\n",
      "``` a`b\n# yes\n",
      "  ```\n  code\n ```\n# h\n",
      "- ```\n  code\n- next\n# h\n",
      "> ```\n> code\nlazy\n# h\n",
      "    code\n\n\n    more\n\n\npara\n",
      "    code\n\n",
      "para\n    not code\n",
      "\tcode\n",
      " \t# tab\n",
      "-\tfoo\n\n\tbar\n",
      ">\t# tab in quote\n",
      "<!--\n# not\n-->\n# yes\n",
      "<!-- one line --> # text\n# yes\n",
      "<!--\n\n# not\n\n-->\n",
      "text <!--\n# yes\n-->\n",
      "`<!--` # not a comment\n",
      "```\n<!-- in code\n```\n-->\n",
      "<div>\n# not\n\n# yes\n",
      "<div2 a=\"b\">\n# not\n\n# yes\n",
      "para\n<div2>\n# yes\n",
      "> para\n<div2 x>\n# h\n",
      "<script>\n\n# not\n</script>\n# yes\n",
      "<pre\n# not\n</PRE>\n# yes\n",
      "<?php\n# not\n?>\n# yes\n",
      "<!DOCTYPE\n# not\n>\n# yes\n",
      "<!doctype\n# yes\n",
      "<![CDATA[\n# not\n]]>\n# yes\n",
      "<source>\n# not\n",
      "para\n<search>\n# yes\n",
      "[a]: /u\n===\n",
      "[a]: /u\n# h\n",
      "[a]:\n/u\n'title'\n===\n",
      "[a]: /u 'bad' x\n===\n",
      "- [a]: /u\n\n  # h\n",
      "> # quoted\n",
      "> > ## nested\n",
      "- > ### quote in item\n",
      "1. ## in ordered\n",
      "---\n# after break\n",
      "* * *\n",
      "a\r\nb\r\n# c\r\n===\r\n",
      "# crlf\r\n\r\n```\r\ncode\r\n```\r\n",
      std::string("# a\0b\n", 6),
      std::string("\0# x\n", 5),
      "no final newline\n# h",
      "Title\n===",
      "[link]: http://x\n# [link]\n",
  };
  for (std::size_t i = 0; i < cases.size(); ++i) check(cases[i], "case " + std::to_string(i));
}

TEST(CommonmarkBlocksDifferentialTest, RandomDocuments) {
  static const std::string kAlphabet = "  \n\n\n-*+#>`~=.1)\t<>/![]x:'\"()\\a_";
  std::mt19937 rng(171);
  int failures = 0;
  for (int n = 0; n < 30000 && failures < 5; ++n) {
    std::string doc = testing::random_document(kAlphabet, fragments(), 160, rng);
    if (!check(without_lone_cr(doc), "random document " + std::to_string(n))) ++failures;
  }
}

// Whole lines: container prefixes, then tokens.
TEST(CommonmarkBlocksDifferentialTest, RandomLines) {
  static const std::vector<std::string> kPrefixes = {
      "",       "",    "",     "# ",    "## ",  "- ",  "  - ", "    - ", "1. ",
      "   2. ", "> ",  "> > ", "- > ",  "    ", "\t",  " \t",  "```",    "~~~",
      "===",    "---", "  ",   "<div>", "<!--", "-->", "* ",   "10) "};
  static const std::vector<std::string> kTokens = {
      "word",    " ",   "#",  "`c`", "```", "<div>", "</div>", "<!-- x -->", "<!--", "-->",
      "[r]: /u", "[r]", "  ", "\t",  "===", "---",   "*",      ">",          "- ",   "1. "};
  std::mt19937 rng(23);
  int failures = 0;
  for (int n = 0; n < 30000 && failures < 5; ++n) {
    std::string doc = testing::random_lines({kPrefixes, 2, kTokens, 4, 12}, rng);
    if (!check(doc, "random lines " + std::to_string(n))) ++failures;
  }
}

TEST(CommonmarkBlocksDifferentialTest, FixturesAndMutations) {
  std::mt19937 rng(5);
  int failures = 0;
  for (const fs::path& path :
       files_with_extension(fs::path(KEP_LINT_SOURCE_DIR) / "testdata", {".md"})) {
    std::string text = read_file(path);
    if (!check(text, path.string())) ++failures;
    for (int v = 0; v < 50 && failures < 5; ++v) {
      if (!check(without_lone_cr(mutate(text, rng)),
                 path.string() + " mutation " + std::to_string(v))) {
        ++failures;
      }
    }
  }
}

TEST(CommonmarkBlocksDifferentialTest, Corpus) {
  fs::path corpus = testing::corpus_dir();
  std::vector<fs::path> files = files_with_extension(corpus / "kubernetes-enhancements", {".md"});
  std::vector<fs::path> openshift =
      files_with_extension(corpus / "openshift-enhancements", {".md"});
  files.insert(files.end(), openshift.begin(), openshift.end());
  if (files.empty()) GTEST_SKIP() << "corpus not found at " << corpus;
  std::mt19937 rng(3);
  int failures = 0, compared = 0;
  for (const fs::path& path : files) {
    std::string text = read_file(path);
    if (text.find('\r') != std::string::npos && without_lone_cr(text) != text) continue;
    ++compared;
    if (!check(text, path.string()) && ++failures >= 5) break;
    if (rng() % 8 == 0 && !check(without_lone_cr(mutate(text, rng)), path.string() + " mutated") &&
        ++failures >= 5) {
      break;
    }
  }
  EXPECT_GT(compared, 1000);
}

// ---- Where the scanner differs from cmark on purpose. ----

MarkdownDocument scanned(std::string text) {
  return MarkdownDocument(std::make_shared<const SourceFile>("README.md", std::move(text)));
}

TEST(CommonmarkBlocksTest, ByteOrderMarkIsSkippedAndCounted) {
  MarkdownDocument doc = scanned("\xEF\xBB\xBF# Title\n\n## Next\n");
  ASSERT_EQ(doc.headings().size(), 2u);
  EXPECT_EQ(doc.headings()[0].text, "Title");
  EXPECT_EQ(doc.headings()[0].column, 4);  // bytes of the file, as every position
  EXPECT_EQ(doc.headings()[1].column, 1);
}

TEST(CommonmarkBlocksTest, LinkDefinitionAfterAByteOrderMark) {
  // cmark skips the mark, so the first line defines a reference (fuzz find: it was missed).
  MarkdownDocument doc = scanned("\xEF\xBB\xBF[a]: https://k8s.io\n\n# See [a]\n");
  ASSERT_EQ(doc.link_references().size(), 1u);
  EXPECT_EQ(doc.link_references()[0].id, "a");
  EXPECT_EQ(doc.link_references()[0].target.link, "https://k8s.io");
  EXPECT_EQ(doc.link_references()[0].offset, 3u);
  EXPECT_EQ(testing::outline_disagreement("\xEF\xBB\xBF[a]: /u\nT\n===\n"), "");
}

TEST(CommonmarkBlocksTest, SetextHeadingBelowLinkDefinitionsStartsAtItsText) {
  // GitHub renders the definition invisibly and "Title" as the heading.
  MarkdownDocument doc = scanned("[a]: https://k8s.io\nTitle\n=====\n\nbody\n");
  ASSERT_EQ(doc.headings().size(), 1u);
  EXPECT_EQ(doc.headings()[0].line, 2);
  EXPECT_EQ(doc.headings()[0].end_line, 3);
  EXPECT_EQ(doc.headings()[0].text, "Title");
  // Only definitions: no heading at all, as cmark.
  EXPECT_TRUE(scanned("[a]: https://k8s.io\n=====\n").headings().empty());
}

TEST(CommonmarkBlocksTest, LoneCarriageReturnDoesNotEndALine) {
  // SourceFile counts lines at '\n'; cmark would also break at the '\r' and shift every later
  // line number.
  MarkdownDocument doc = scanned("a\rb\n# Title\n");
  ASSERT_EQ(doc.headings().size(), 1u);
  EXPECT_EQ(doc.headings()[0].line, 2);
}

TEST(CommonmarkBlocksTest, SetextTextInNestedContainers) {
  // The scanner knows each line's container prefix; cmark's outline only strips one.
  MarkdownDocument doc = scanned("- > Title\n  > ===\n");
  ASSERT_EQ(doc.headings().size(), 1u);
  EXPECT_EQ(doc.headings()[0].text, "Title");
  EXPECT_EQ(doc.headings()[0].line, 1);
  EXPECT_EQ(doc.headings()[0].column, 5);
}

TEST(CommonmarkBlocksTest, InvalidUtf8InACommentDoesNotHideTheRestOfTheFile) {
  // cmark's scanners stop at the stray byte 0x86, miss the "-->" after it and make the rest of
  // the file one HTML block; the scanner ends the comment on its line.
  std::string text = "<!-- b\x86 -->\n# Title\n\n## Next\n";
  MarkdownDocument doc = scanned(text);
  ASSERT_EQ(doc.headings().size(), 2u);
  EXPECT_EQ(doc.headings()[0].line, 2);
  ASSERT_EQ(doc.comments().size(), 1u);
  EXPECT_EQ(doc.comments()[0].end, 11u);  // just past "-->"
  MarkdownDocument reference(std::make_shared<const SourceFile>("README.md", text),
                             MarkdownParser::kCmark);
  EXPECT_TRUE(reference.headings().empty());
  EXPECT_EQ(testing::outline_disagreement(text), "");
}

}  // namespace
}  // namespace keplint
