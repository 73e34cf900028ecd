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

#include "line_mutation.h"
#include "parse/commonmark_blocks.h"
#include "parse/markdown_document.h"
#include "test_files.h"

namespace keplint {
namespace {

namespace fs = std::filesystem;
using testing::files_with_extension;
using testing::read_file;

// cmark's setext text comes from a heuristic that strips one container prefix (see
// markdown_document.cpp); it is only reliable for a heading whose lines hold no container
// syntax, so text is compared for those.
bool plain_setext(const MarkdownDocument& doc, const MarkdownHeading& h) {
  if (h.column != 1) return false;
  for (int l = h.line; l <= h.end_line; ++l) {
    std::string_view line = doc.source().line_text(l);
    if (line.find_first_of(">\t") != std::string_view::npos) return false;
    std::size_t first = line.find_first_not_of(' ');
    if (first != std::string_view::npos &&
        std::string_view("-*+0123456789").find(line[first]) != std::string_view::npos) {
      return false;
    }
  }
  return true;
}

std::string describe(const MarkdownDocument& doc) {
  std::ostringstream s;
  for (const MarkdownHeading& h : doc.headings()) {
    s << "h" << h.level << (h.setext ? " setext" : "") << " " << h.line << "-" << h.end_line << ":"
      << h.column << " [" << h.content << "] text=[" << h.text << "] section " << h.begin << ".."
      << h.body_end << "/" << h.section_end << "\n";
  }
  for (const CodeBlock& c : doc.code_blocks()) {
    s << "code " << c.first_line << "-" << c.last_line << (c.fenced ? " fenced" : "") << "\n";
  }
  for (const HtmlComment& c : doc.comments()) {
    s << "comment " << c.begin << ".." << c.end << (c.terminated ? "" : " open") << "\n";
  }
  for (std::size_t o : doc.stray_comment_closers()) s << "stray --> " << o << "\n";
  for (const LinkReferenceDefinition& r : doc.link_references()) {
    s << "ref " << r.id << " " << r.target.link << " @" << r.offset << "\n";
  }
  return s.str();
}

// Everything the rules read, with setext text only where cmark's is reliable.
std::string comparable(const MarkdownDocument& doc) {
  std::ostringstream s;
  for (const MarkdownHeading& h : doc.headings()) {
    s << "h" << h.level << (h.setext ? " setext" : "") << " " << h.line << "-" << h.end_line << ":"
      << h.column << " " << h.begin << "-" << h.end << " " << h.body_end << "/" << h.section_end;
    if (!h.setext || plain_setext(doc, h)) {
      s << " [" << h.content << "] [" << h.text << "] [" << h.html << "] [" << h.anchor_text << "]";
    }
    s << "\n";
  }
  for (const CodeBlock& c : doc.code_blocks()) {
    s << "code " << c.first_line << "-" << c.last_line << (c.fenced ? " fenced " : " ") << c.begin
      << "-" << c.end << "\n";
  }
  for (const HtmlComment& c : doc.comments()) {
    s << "comment " << c.begin << ".." << c.end << (c.terminated ? "" : " open") << "\n";
  }
  for (std::size_t o : doc.stray_comment_closers()) s << "stray " << o << "\n";
  for (const LinkReferenceDefinition& r : doc.link_references()) {
    s << "ref " << r.id << " " << r.target.link << " " << r.target.title << " @" << r.offset
      << "\n";
  }
  return s.str();
}

// The scanner starts a setext heading below link reference definitions that open its paragraph;
// cmark at the definitions. Such a cmark heading is brought in line before comparing.
bool setext_under_definitions(const std::string& text) {
  return text.find("]:") != std::string::npos;
}

// True when both parsers agree; on a mismatch, reports it with the input.
bool check(const std::string& text, const std::string& what) {
  auto source = std::make_shared<const SourceFile>("README.md", text);
  MarkdownDocument reference(source, MarkdownParser::kCmark);
  MarkdownDocument scanned(source, MarkdownParser::kBlockScanner);
  std::string expected = comparable(reference), actual = comparable(scanned);
  if (expected == actual) return true;
  if (setext_under_definitions(text)) {
    // Compare again with each setext heading's first line taken from the scanner when cmark's
    // lies above it on definition lines only.
    const auto& a = reference.headings();
    const auto& b = scanned.headings();
    bool explained = a.size() == b.size();
    for (std::size_t i = 0; explained && i < a.size(); ++i) {
      if (a[i].line == b[i].line) continue;
      explained = a[i].setext && b[i].setext && a[i].line < b[i].line &&
                  a[i].end_line == b[i].end_line && a[i].level == b[i].level;
      for (int l = a[i].line; explained && l < b[i].line; ++l) {
        explained = source->line_text(l).find("]:") != std::string_view::npos ||
                    source->line_text(l).find_first_of("'\"()") != std::string_view::npos;
      }
    }
    if (explained) return true;
  }
  ADD_FAILURE() << what << ": outlines differ\n--- input (" << text.size() << " bytes) ---\n"
                << (text.size() < 3000 ? text : text.substr(0, 3000)) << "\n--- cmark ---\n"
                << describe(reference) << "--- scanner ---\n"
                << describe(scanned);
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
  using testing::LineEdit;
  static const std::vector<LineEdit> kEdits = {LineEdit::kDelete, LineEdit::kDuplicate,
                                               LineEdit::kPrefixFragment, LineEdit::kInsertFragment,
                                               LineEdit::kFragmentLine};
  return testing::mutate_lines(text, fragments(), kEdits, 6, rng);
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
  fs::path corpus = fs::path(KEP_LINT_SOURCE_DIR) / ".." / "shared" / "corpus";
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

}  // namespace
}  // namespace keplint
