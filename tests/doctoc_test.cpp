#include "parse/doctoc.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "parse/markdown_document.h"
#include "test_files.h"

namespace keplint {
namespace {

namespace fs = std::filesystem;
using testing::read_file;

MarkdownDocument doc_of(std::string text) {
  return MarkdownDocument(std::make_shared<const SourceFile>("README.md", std::move(text)));
}

std::string fixed_text(const MarkdownDocument& doc, const DoctocAnalysis& a) {
  return a.up_to_date ? doc.source().text() : a.rewritten;
}

// testdata/doctoc/<name>.md, and <name>[.<variant>].expected: the file as the real doctoc 2.5.0
// (`npm install doctoc@2.5.0`) rewrote it, run as `doctoc <file>` (the variant with `--notitle
// --maxlevel 5`). The fixtures cover headings with code, links, images, emphasis, punctuation,
// `%` escapes, Unicode (lowercase, CJK punctuation, emoji), repeats, setext headings, headings in
// code blocks, lists and block quotes (not listed), front matter, an existing title, `{#id}`.
TEST(DoctocTest, FixturesMatchDoctoc) {
  struct Case {
    std::string name;
    std::string expected;
    DoctocOptions options;
    // doctoc is not always a fixed point: run again on its output, it wrote this (the TOC's
    // first entry, indented 4 spaces after a blank line, is an indented code block the second
    // time, which doctoc then keeps as the title).
    std::string second_run = {};
  };
  DoctocOptions notitle_maxlevel5;
  notitle_maxlevel5.notitle = true;
  notitle_maxlevel5.max_level = 5;
  const std::vector<Case> cases = {
      {"inline-markup", "inline-markup.expected", {}},
      {"unicode-duplicates", "unicode-duplicates.expected", {}},
      {"notitle-empty", "notitle-empty.expected", {}, "notitle-empty.second-run.expected"},
      {"notitle-empty", "notitle-empty.notitle-maxlevel5.expected", notitle_maxlevel5},
  };
  fs::path dir = fs::path(KEP_LINT_SOURCE_DIR) / "testdata" / "doctoc";
  for (const Case& c : cases) {
    MarkdownDocument doc = doc_of(read_file(dir / (c.name + ".md")));
    DoctocAnalysis a = analyze_doctoc(doc, c.options);
    ASSERT_EQ(a.problem, TocProblem::kNone) << c.expected;
    EXPECT_FALSE(a.up_to_date) << c.expected;
    std::string expected = read_file(dir / c.expected);
    EXPECT_EQ(fixed_text(doc, a), expected) << c.expected;
    // doctoc leaves its own output alone, and so do we (or both change it the same way).
    MarkdownDocument again_doc = doc_of(expected);
    DoctocAnalysis again = analyze_doctoc(again_doc, c.options);
    if (!c.second_run.empty()) {
      EXPECT_EQ(fixed_text(again_doc, again), read_file(dir / c.second_run)) << c.second_run;
      continue;
    }
    EXPECT_TRUE(again.up_to_date) << c.expected << " line " << again.first_difference_line
                                  << ": expected " << again.expected_line;
  }
}

// anchor-markdown-header 0.8.4 (github.com mode), each expectation printed by the real module.
TEST(DoctocTest, EntryLinksMatchAnchorMarkdownHeader) {
  EXPECT_EQ(doctoc_entry_link("Summary", 0), "[Summary](#summary)");
  EXPECT_EQ(doctoc_entry_link("Summary", 2), "[Summary](#summary-2)");
  EXPECT_EQ(doctoc_entry_link("`__init__` method", 0), "[`__init__` method](#init-method)");
  EXPECT_EQ(doctoc_entry_link("a_b_ c", 0), "[a_b_ c](#a_b_-c)");
  EXPECT_EQ(doctoc_entry_link("-_x_- _y_", 0), "[-_x_- _y_](#-x--y)");
  EXPECT_EQ(doctoc_entry_link("C# basics", 0), "[C# basics](#c-basics)");
  EXPECT_EQ(doctoc_entry_link("Ünïcode İstanbul ΑΣ", 0),
            "[Ünïcode İstanbul ΑΣ](#%C3%BCn%C3%AFcode-i%CC%87stanbul-%CE%B1%CF%82)");
  EXPECT_EQ(doctoc_entry_link("100% sure %20 ok", 0), "[100% sure %20 ok](#100-sure--ok)");
  EXPECT_EQ(doctoc_entry_link("x {#my-id}", 0), "[x](#my-id)");
  EXPECT_EQ(doctoc_entry_link("--", 0), "[--](#)");
  EXPECT_EQ(doctoc_entry_link("- - -", 0), "[- - -](#)");
  EXPECT_EQ(doctoc_entry_link("tab\tand\u00a0nbsp", 0),
            "[tab\tand\u00a0nbsp](#tab%09and%C2%A0nbsp)");
  EXPECT_EQ(doctoc_entry_link("👍 Thumbs 1️⃣ up", 0),
            "[👍 Thumbs 1️⃣ up](#-thumbs--up)");
  EXPECT_EQ(doctoc_entry_link("<b>bold</b> [a](b)", 0), "[<b>bold</b> [a](b)](#bboldb-ab)");
}

constexpr std::string_view kMarkers =
    "<!-- START doctoc generated TOC please keep comment here to allow auto update -->\n"
    "<!-- DON'T EDIT THIS SECTION, INSTEAD RE-RUN doctoc TO UPDATE -->\n"
    "<!-- END doctoc generated TOC please keep comment here to allow auto update -->\n";

TEST(DoctocTest, MarkerProblems) {
  EXPECT_EQ(analyze_doctoc(doc_of("# T\n\n## A\n")).problem, TocProblem::kMissingStartMarker);
  DoctocAnalysis no_end = analyze_doctoc(doc_of("# T\n\n<!-- START doctoc -->\n\n## A\n"));
  EXPECT_EQ(no_end.problem, TocProblem::kMissingEndMarker);
  EXPECT_EQ(no_end.region_begin, 5u);
  EXPECT_EQ(
      analyze_doctoc(doc_of("<!-- END doctoc -->\n\n<!-- START doctoc -->\n\n## A\n")).problem,
      TocProblem::kEndBeforeStart);
  // Markers in a code block are no markers.
  EXPECT_EQ(
      analyze_doctoc(doc_of("```\n<!-- START doctoc -->\n\n<!-- END doctoc -->\n```\n")).problem,
      TocProblem::kMissingStartMarker);
  // An HTML heading would be listed by doctoc: not emulated, so reported, not guessed.
  DoctocAnalysis html = analyze_doctoc(doc_of(std::string(kMarkers) + "\n<h2>Html</h2>\n\n## B\n"));
  EXPECT_EQ(html.problem, TocProblem::kHeadingTooComplex);
  EXPECT_EQ(html.too_complex_heading, "<h2>Html</h2>");
  // A heading too long to slug in linear time (no real heading is) is reported, not slugged.
  DoctocAnalysis long_heading =
      analyze_doctoc(doc_of(std::string(kMarkers) + "\n## " + std::string(2000, '[') + "\n"));
  EXPECT_EQ(long_heading.problem, TocProblem::kHeadingTooComplex);
  EXPECT_EQ(long_heading.too_complex_heading, std::string(60, '[') + "...");
}

TEST(DoctocTest, SkipTagAndUpToDate) {
  DoctocAnalysis skipped =
      analyze_doctoc(doc_of("<!-- DOCTOC SKIP -->\n" + std::string(kMarkers) + "\n## A\n"));
  EXPECT_TRUE(skipped.skipped);
  EXPECT_TRUE(skipped.up_to_date);
  // Not at a line start: no skip.
  EXPECT_FALSE(
      analyze_doctoc(doc_of("x <!-- DOCTOC SKIP -->\n" + std::string(kMarkers) + "\n## A\n"))
          .skipped);
  // Headings above the TOC are not listed; no headings after it means an empty TOC.
  std::string empty = "# Title\n" + std::string(kMarkers) + "\ntext\n";
  DoctocAnalysis a = analyze_doctoc(doc_of(empty));
  EXPECT_TRUE(a.up_to_date) << a.expected_line;
}

// A CRLF file keeps CRLF (doctoc itself leaves "\r\n\n" after the closing marker, which makes its
// own output never up to date; we write CRLF there instead).
TEST(DoctocTest, CrlfFiles) {
  std::string text =
      "# T\r\n\r\n<!-- START doctoc generated TOC please keep comment here to allow auto update "
      "-->\r\n<!-- DON'T EDIT THIS SECTION, INSTEAD RE-RUN doctoc TO UPDATE -->\r\n<!-- END "
      "doctoc generated TOC please keep comment here to allow auto update -->\r\n\r\n## A\r\n## "
      "B\r\n";
  MarkdownDocument doc = doc_of(text);
  DoctocAnalysis a = analyze_doctoc(doc);
  ASSERT_EQ(a.problem, TocProblem::kNone);
  ASSERT_FALSE(a.up_to_date);
  EXPECT_EQ(a.first_difference_line, 5);
  EXPECT_EQ(a.expected_line, "");
  EXPECT_TRUE(a.line_missing);
  EXPECT_FALSE(a.line_extra);
  EXPECT_EQ(a.actual_line,
            "<!-- END doctoc generated TOC please keep comment here to allow auto "
            "update -->");
  std::size_t toc = a.rewritten.find("-->\r\n\r\n- [A](#a)\r\n- [B](#b)\r\n\r\n<!-- END");
  EXPECT_NE(toc, std::string::npos) << a.rewritten;
  EXPECT_NE(a.rewritten.find("update -->\r\n\r\n## A\r\n"), std::string::npos) << a.rewritten;
  EXPECT_TRUE(analyze_doctoc(doc_of(a.rewritten)).up_to_date);
}

}  // namespace
}  // namespace keplint
