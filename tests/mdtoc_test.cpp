#include "parse/mdtoc.h"

#include <gtest/gtest.h>

#include <chrono>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "parse/markdown_document.h"
#include "test_files.h"

namespace keplint {
namespace {

namespace fs = std::filesystem;
using testing::read_file;

MarkdownDocument doc_of(std::string text) {
  return MarkdownDocument(std::make_shared<const SourceFile>("README.md", std::move(text)));
}

// One fixture per mdtoc quirk: testdata/mdtoc/<name>.md with the TOC mdtoc writes in <name>.toc.
TEST(MdtocTest, FixturesMatchMdtoc) {
  fs::path dir = fs::path(KEP_LINT_SOURCE_DIR) / "testdata" / "mdtoc";
  int fixtures = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".md") continue;
    ++fixtures;
    fs::path expected_path = entry.path();
    expected_path.replace_extension(".toc");
    ASSERT_TRUE(fs::exists(expected_path)) << expected_path;
    std::string expected = read_file(expected_path);

    MarkdownDocument doc = doc_of(read_file(entry.path()));
    TocAnalysis analysis = analyze_toc(doc);
    ASSERT_EQ(analysis.problem, TocProblem::kNone) << entry.path();
    EXPECT_EQ(analysis.generated, expected) << entry.path();

    // After a rewrite the TOC is up to date and a second rewrite changes nothing.
    std::string fixed = rewrite_toc(doc, analysis);
    MarkdownDocument fixed_doc = doc_of(fixed);
    TocAnalysis again = analyze_toc(fixed_doc);
    EXPECT_TRUE(again.up_to_date) << entry.path();
    EXPECT_EQ(rewrite_toc(fixed_doc, again), fixed) << entry.path();
  }
  EXPECT_GE(fixtures, 15);
}

TEST(MdtocTest, MarkerProblems) {
  TocAnalysis missing_start = analyze_toc(doc_of("# T\n<!-- /toc -->\n## A\n"));
  EXPECT_EQ(missing_start.problem, TocProblem::kMissingStartMarker);
  EXPECT_EQ(missing_start.end_position.line, 2);

  TocAnalysis missing_end = analyze_toc(doc_of("# T\n\n<!-- toc -->\n## A\n"));
  EXPECT_EQ(missing_end.problem, TocProblem::kMissingEndMarker);
  EXPECT_EQ(missing_end.start_position, (Position{3, 1}));

  TocAnalysis reversed = analyze_toc(doc_of("<!-- /toc -->\n<!-- toc -->\n## A\n"));
  EXPECT_EQ(reversed.problem, TocProblem::kEndBeforeStart);
  EXPECT_EQ(reversed.start_position.line, 2);
  EXPECT_EQ(reversed.end_position.line, 1);
  // Nothing to rewrite when the markers are broken.
  EXPECT_EQ(rewrite_toc(doc_of("<!-- /toc -->\n<!-- toc -->\n")), "<!-- /toc -->\n<!-- toc -->\n");
}

// Found by fuzzing (tests/fuzz/inputs/markdown_fuzz/end_marker_in_heading.md): a heading with
// the closing marker in it made a TOC that closed itself early, so every --fix grew the file.
TEST(MdtocTest, EndMarkerInAHeadingIsAProblemNotARewrite) {
  std::string text = "# T\n<!-- toc -->\n<!-- /toc -->\n## A<!-- /TOC -->\n";
  TocAnalysis a = analyze_toc(doc_of(text));
  EXPECT_EQ(a.problem, TocProblem::kEndMarkerInToc);
  EXPECT_EQ(a.end_position.line, 3);
  EXPECT_EQ(rewrite_toc(doc_of(text)), text);
  // Escaped in code, the marker is no marker.
  TocAnalysis code = analyze_toc(doc_of("<!-- toc -->\n<!-- /toc -->\n## B `<!-- /toc -->`\n"));
  EXPECT_EQ(code.problem, TocProblem::kNone);
}

TEST(MdtocTest, MarkersMatchCaseInsensitively) {
  TocAnalysis a = analyze_toc(doc_of("<!-- TOC -->\n- [A](#a)\n<!-- /Toc -->\n## A\n"));
  EXPECT_EQ(a.problem, TocProblem::kNone);
  EXPECT_TRUE(a.up_to_date);
}

TEST(MdtocTest, ComparisonTrimsSurroundingWhitespace) {
  EXPECT_TRUE(analyze_toc(doc_of("<!-- toc -->- [A](#a)<!-- /toc -->\n## A\n")).up_to_date);
  EXPECT_TRUE(
      analyze_toc(doc_of("<!-- toc -->\n\n\n- [A](#a)\n \n<!-- /toc -->\n## A\n")).up_to_date);
  EXPECT_FALSE(analyze_toc(doc_of("<!-- toc -->\n-  [A](#a)\n<!-- /toc -->\n## A\n")).up_to_date);
}

TEST(MdtocTest, PointsAtFirstDifferingLine) {
  std::string text =
      "# T\n"
      "<!-- toc -->\n"
      "- [A](#a)\n"
      "- [Old](#old)\n"
      "<!-- /toc -->\n"
      "## A\n"
      "## New\n";
  TocAnalysis a = analyze_toc(doc_of(text));
  EXPECT_FALSE(a.up_to_date);
  EXPECT_EQ(a.first_difference_line, 4);
  EXPECT_EQ(a.expected_line, "- [New](#new)");
  EXPECT_EQ(a.actual_line, "- [Old](#old)");
}

TEST(MdtocTest, MissingLinesPointAtClosingMarker) {
  TocAnalysis a = analyze_toc(doc_of("<!-- toc -->\n- [A](#a)\n<!-- /toc -->\n## A\n## B\n"));
  EXPECT_FALSE(a.up_to_date);
  EXPECT_EQ(a.first_difference_line, 3);
  EXPECT_EQ(a.expected_line, "- [B](#b)");
  EXPECT_EQ(a.actual_line, "");

  TocAnalysis empty = analyze_toc(doc_of("<!-- toc -->\n<!-- /toc -->\n## A\n"));
  EXPECT_EQ(empty.first_difference_line, 2);
  EXPECT_EQ(empty.expected_line, "- [A](#a)");
}

TEST(MdtocTest, ExtraLinesAreReported) {
  TocAnalysis a =
      analyze_toc(doc_of("<!-- toc -->\n- [A](#a)\n- [Gone](#gone)\n<!-- /toc -->\n## A\n"));
  EXPECT_EQ(a.first_difference_line, 3);
  EXPECT_EQ(a.expected_line, "");
  EXPECT_EQ(a.actual_line, "- [Gone](#gone)");
}

TEST(MdtocTest, RewriteKeepsEverythingOutsideTheMarkers) {
  std::string text = "intro <!-- toc --> stale <!-- /toc --> tail\n## A\n";
  EXPECT_EQ(rewrite_toc(doc_of(text)), "intro <!-- toc -->\n- [A](#a)\n<!-- /toc --> tail\n## A\n");
}

TEST(MdtocTest, RewritePreservesCrlf) {
  std::string text = "# T\r\n<!-- toc -->\r\n<!-- /toc -->\r\n## A\r\n### B\r\n";
  MarkdownDocument doc = doc_of(text);
  std::string fixed = rewrite_toc(doc);
  EXPECT_EQ(
      fixed,
      "# T\r\n<!-- toc -->\r\n- [A](#a)\r\n  - [B](#b)\r\n<!-- /toc -->\r\n## A\r\n### B\r\n");
  EXPECT_TRUE(analyze_toc(doc_of(fixed)).up_to_date);
}

TEST(MdtocTest, MaxDepthAndBaseLevel) {
  MarkdownDocument doc = doc_of("## A\n###### F\n### B\n");
  EXPECT_EQ(generate_toc(doc, 0, 5), "- [A](#a)\n  - [B](#b)\n");
  EXPECT_EQ(generate_toc(doc, 0, 0), "- [A](#a)\n        - [F](#f)\n  - [B](#b)\n");
  TocOptions shallow;
  shallow.max_depth = 2;
  EXPECT_EQ(analyze_toc(doc_of("<!-- toc --><!-- /toc -->\n## A\n### B\n"), shallow).generated,
            "- [A](#a)\n");
}

TEST(MdtocTest, AnchorSlug) {
  EXPECT_EQ(mdtoc_anchor_slug("Notes/Constraints/Caveats (Optional)"),
            "notesconstraintscaveats-optional");
  EXPECT_EQ(mdtoc_anchor_slug("Upgrade / Downgrade"), "upgrade--downgrade");
  EXPECT_EQ(mdtoc_anchor_slug("caf\xC3\xA9 x_y-z"), "caf-x_y-z");
  EXPECT_EQ(mdtoc_anchor_slug("\xE2\x84\xAA\xC4\xB0"), "ki");  // Kelvin sign, dotted capital I
  EXPECT_EQ(mdtoc_anchor_slug("bad \xFF\xFE bytes"), "bad--bytes");
}

TEST(MdtocTest, SurvivesHostileInput) {
  std::string text = "<!-- toc -->\n<!-- /toc -->\n## ";
  text += std::string(1, '\0') + "\xFF\xC3 `" + std::string(100000, '[') + "\n";
  text += "## " + std::string(200000, '*') + "\n- " + std::string(50000, '>') + "\n";
  MarkdownDocument doc = doc_of(text);
  TocAnalysis a = analyze_toc(doc);
  EXPECT_EQ(a.problem, TocProblem::kNone);
  EXPECT_FALSE(a.generated.empty());
}

TEST(MdtocTest, HeadingOverTheInlineWorkBudgetIsAProblemNotATimeout) {
  // Issue 16: each "[a](" scans the rest of the heading for its ')' (as gomarkdown does), so
  // 160 KB of them would take minutes. The parse stops at its budget and the TOC is not
  // generated (nor rewritten) rather than generated wrong.
  std::string heading;
  for (int i = 0; i < 40000; ++i) heading += "[a](";
  std::string text = "<!-- toc -->\n<!-- /toc -->\n# Fine\n## " + heading + "\n";
  MarkdownDocument doc = doc_of(text);
  auto start = std::chrono::steady_clock::now();
  TocAnalysis a = analyze_toc(doc);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(a.problem, TocProblem::kHeadingTooComplex);
  EXPECT_EQ(a.too_complex_heading, heading.substr(0, 60) + "...");
  EXPECT_EQ(rewrite_toc(doc, a), text);
  EXPECT_LT(seconds, 5.0);
  std::string complex;
  generate_toc(doc, 0, 5, &complex);
  EXPECT_EQ(complex, a.too_complex_heading);
  // Below the budget the same markup is parsed as before.
  MarkdownDocument small = doc_of("<!-- toc -->\n<!-- /toc -->\n# [a]([a]([a](\n");
  EXPECT_EQ(analyze_toc(small).problem, TocProblem::kNone);
  EXPECT_EQ(analyze_toc(small).generated, "- [[a]([a]([a](](#aaa)\n");
}

}  // namespace
}  // namespace keplint
