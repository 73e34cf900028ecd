#include "parse/markdown_document.h"

#include <gtest/gtest.h>

namespace keplint {
namespace {

MarkdownDocument doc_of(std::string text) {
  return MarkdownDocument(std::make_shared<const SourceFile>("README.md", std::move(text)));
}

TEST(MarkdownDocumentTest, HeadingsWithPositionsAndSections) {
  std::string text =
      "# KEP-1: Title\n"        // line 1, offset 0
      "\n"                      // 2
      "## Summary\n"            // 3, offset 16
      "Body text.\n"            // 4
      "### Detail `x`  here\n"  // 5
      "More.\n"                 // 6
      "## Motivation\n"         // 7
      "End.\n";                 // 8
  MarkdownDocument doc = doc_of(text);
  const auto& h = doc.headings();
  ASSERT_EQ(h.size(), 4u);
  EXPECT_EQ(h[0].level, 1);
  EXPECT_EQ(h[0].text, "KEP-1: Title");
  EXPECT_EQ(h[1].line, 3);
  EXPECT_EQ(h[1].column, 1);
  EXPECT_EQ(h[1].begin, 16u);
  EXPECT_EQ(h[1].end, 27u);
  EXPECT_EQ(h[2].text, "Detail x here");
  EXPECT_EQ(h[2].html, "Detail <code>x</code>  here");

  EXPECT_EQ(doc.section_body(h[1]), "Body text.\n");
  EXPECT_EQ(doc.section_body(h[1], true), "Body text.\n### Detail `x`  here\nMore.\n");
  EXPECT_EQ(doc.section_body(h[3]), "End.\n");
  EXPECT_EQ(h[0].section_end, text.size());
}

TEST(MarkdownDocumentTest, HeadingInlineHtmlIsMdtocStyle) {
  MarkdownDocument doc = doc_of("## A & B <x> \"q\" 's' [l](http://u) https://k8s.io\n");
  ASSERT_EQ(doc.headings().size(), 1u);
  EXPECT_EQ(doc.headings()[0].html,
            "A &amp; B <x> &quot;q&quot; 's' <a href=\"http://u\">l</a> "
            "<a href=\"https://k8s.io\">https://k8s.io</a>");
  EXPECT_EQ(doc.headings()[0].text, "A & B \"q\" 's' l https://k8s.io");
}

TEST(MarkdownDocumentTest, SetextAndNestedHeadings) {
  MarkdownDocument doc = doc_of("Title\n=====\n\n> ## Quoted\n\n- item\n\n  ### In item\n");
  const auto& h = doc.headings();
  ASSERT_EQ(h.size(), 3u);
  EXPECT_TRUE(h[0].setext);
  EXPECT_EQ(h[0].level, 1);
  EXPECT_EQ(h[0].line, 1);
  EXPECT_EQ(h[0].end_line, 2);
  EXPECT_EQ(h[0].text, "Title");
  EXPECT_EQ(h[1].text, "Quoted");
  EXPECT_EQ(h[1].column, 3);
  EXPECT_EQ(h[2].text, "In item");
  EXPECT_EQ(h[2].line, 8);
}

TEST(MarkdownDocumentTest, HeadingsInCodeAreNotHeadings) {
  MarkdownDocument doc = doc_of("```\n# not\n```\n\n    # not either\n\n## Yes\n");
  ASSERT_EQ(doc.headings().size(), 1u);
  EXPECT_EQ(doc.headings()[0].text, "Yes");
  ASSERT_EQ(doc.code_blocks().size(), 2u);
  EXPECT_TRUE(doc.code_blocks()[0].fenced);
  EXPECT_EQ(doc.code_blocks()[0].first_line, 1);
  EXPECT_EQ(doc.code_blocks()[0].last_line, 3);
  EXPECT_FALSE(doc.code_blocks()[1].fenced);
  EXPECT_EQ(doc.code_blocks()[1].first_line, 5);
  EXPECT_TRUE(doc.in_code_block(5));
  EXPECT_FALSE(doc.in_code_block(doc.source().text().size() - 2));
}

TEST(MarkdownDocumentTest, CommentsAcrossBlocksAndInline) {
  std::string text =
      "<!--\nguidance\n\n## not a heading\n-->\n"
      "Answer <!-- inline --> here.\n"
      "`<!-- in code span -->`\n"
      "```\n<!-- in code block\n```\n";
  MarkdownDocument doc = doc_of(text);
  ASSERT_EQ(doc.comments().size(), 2u);
  EXPECT_EQ(doc.comments()[0].begin, 0u);
  EXPECT_EQ(doc.comments()[0].end, text.find("-->") + 3);
  EXPECT_EQ(text.substr(doc.comments()[1].begin, doc.comments()[1].end - doc.comments()[1].begin),
            "<!-- inline -->");
  EXPECT_FALSE(doc.unterminated_comment().has_value());
  EXPECT_TRUE(doc.stray_comment_closers().empty());
  EXPECT_TRUE(doc.headings().empty());
}

TEST(MarkdownDocumentTest, FirstCloserEndsAComment) {
  MarkdownDocument doc = doc_of("<!-- a <!-- b --> c -->\n");
  ASSERT_EQ(doc.comments().size(), 1u);
  EXPECT_EQ(doc.comments()[0].end, 17u);
  ASSERT_EQ(doc.stray_comment_closers().size(), 1u);
  EXPECT_EQ(doc.stray_comment_closers()[0], 20u);
}

TEST(MarkdownDocumentTest, UnterminatedComment) {
  MarkdownDocument doc = doc_of("## Q\n\ntext <!-- open\n\nmore\n");
  ASSERT_TRUE(doc.unterminated_comment().has_value());
  EXPECT_EQ(*doc.unterminated_comment(), 11u);
  EXPECT_EQ(doc.source().position_of(*doc.unterminated_comment()), (Position{3, 6}));
  EXPECT_FALSE(doc.comments().back().terminated);
  EXPECT_EQ(doc.comments().back().end, doc.source().text().size());
}

TEST(MarkdownDocumentTest, SectionTextWithoutComments) {
  std::string text =
      "###### How can this feature be enabled?\n"
      "\n"
      "<!--\nPick one.\n-->\n"
      "\n"
      "- [x] Feature gate <!-- fill in -->\n"
      "###### Next question?\n"
      "<!-- only guidance -->\n";
  MarkdownDocument doc = doc_of(text);
  ASSERT_EQ(doc.headings().size(), 2u);
  EXPECT_EQ(doc.section_text_without_comments(doc.headings()[0]), "\n\n\n- [x] Feature gate \n");
  EXPECT_EQ(collapse_whitespace(doc.section_text_without_comments(doc.headings()[1])), "");
}

TEST(MarkdownDocumentTest, StripHtmlComments) {
  EXPECT_EQ(strip_html_comments("a<!-- x -->b<!--y-->c"), "abc");
  EXPECT_EQ(strip_html_comments("a <!-- <!-- nested --> b -->"), "a  b -->");
  EXPECT_EQ(strip_html_comments("keep <!-- unterminated"), "keep ");
  EXPECT_EQ(strip_html_comments("no comments"), "no comments");
  EXPECT_EQ(strip_html_comments(""), "");
}

TEST(MarkdownDocumentTest, CollapseWhitespace) {
  EXPECT_EQ(collapse_whitespace("  a \t\n b  "), "a b");
  EXPECT_EQ(collapse_whitespace(" \n "), "");
}

TEST(MarkdownDocumentTest, CrlfText) {
  MarkdownDocument doc = doc_of("## One\r\nbody\r\n## Two\r\n");
  ASSERT_EQ(doc.headings().size(), 2u);
  EXPECT_EQ(doc.headings()[0].text, "One");
  EXPECT_EQ(doc.section_body(doc.headings()[0]), "body\r\n");
}

// Found by fuzzing (tests/fuzz/inputs/markdown_fuzz/lone_cr_runs_in_headings.md): cmark ends a
// line at a lone CR, so headings after one had line numbers past the end of the file.
TEST(MarkdownDocumentTest, LoneCarriageReturnsDoNotShiftLines) {
  MarkdownDocument doc = doc_of("# A\n\n## B\r\r\rc\n\n## D\n");
  ASSERT_EQ(doc.headings().size(), 3u);
  EXPECT_EQ(doc.headings()[1].line, 3);
  EXPECT_EQ(doc.headings()[1].end_line, 3);
  EXPECT_EQ(doc.headings()[2].line, 5);
  EXPECT_EQ(doc.headings()[2].text, "D");
  EXPECT_LE(doc.headings()[2].end_line, doc.source().line_count());
}

TEST(MarkdownDocumentTest, SurvivesArbitraryBytes) {
  std::string text = "## a\0b\n";
  text += std::string("\xFF\xFE\xC3(\x80", 5) + "\n<!--";
  text += std::string(1 << 20, 'x');
  text += "\n# " + std::string(300000, '`') + "\n" + std::string(100000, '>') + "\n";
  text.push_back('\0');
  MarkdownDocument doc = doc_of(text);
  EXPECT_FALSE(doc.headings().empty());
  EXPECT_TRUE(doc.unterminated_comment().has_value());

  MarkdownDocument empty = doc_of("");
  EXPECT_TRUE(empty.headings().empty());
  EXPECT_TRUE(empty.comments().empty());
  MarkdownDocument null_source(nullptr);
  EXPECT_TRUE(null_source.headings().empty());
}

}  // namespace
}  // namespace keplint
