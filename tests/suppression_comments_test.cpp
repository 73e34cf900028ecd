#include "parse/suppression_comments.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "parse/markdown_document.h"

namespace keplint {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using Style = DirectiveComment::Style;

SourcePtr source(std::string path, std::string text) {
  return std::make_shared<const SourceFile>(std::move(path), std::move(text));
}

std::vector<DirectiveComment> md(std::string text) {
  MarkdownDocument doc(source("README.md", std::move(text)));
  return markdown_directives(doc);
}

std::vector<DirectiveComment> yaml(std::string text) {
  return yaml_directives(*source("kep.yaml", std::move(text)));
}

// ---- Markdown ------------------------------------------------------------------------------

TEST(MarkdownDirectives, EveryDirectiveWithRulesAndReason) {
  auto d =
      md("<!-- kep-lint-disable-next-line KEP060,KEP061 template-heading-level -- kept on purpose "
         "-->\n"                                    // 1
         "\n"                                       // 2
         "## Summary\n"                             // 3
         "<!-- kep-lint-disable KEP066 -->\n"       // 4
         "<!-- kep-lint-enable KEP066 -->\n"        // 5
         "<!--kep-lint-disable-file KEP050-->\n");  // 6
  ASSERT_EQ(d.size(), 4u);
  EXPECT_EQ(d[0].style, Style::Markdown);
  EXPECT_FALSE(d[0].in_yaml);
  EXPECT_EQ(d[0].verb, "disable-next-line");
  EXPECT_THAT(d[0].rules, ElementsAre("KEP060", "KEP061", "template-heading-level"));
  EXPECT_EQ(d[0].reason, "kept on purpose");
  EXPECT_EQ(d[0].range.start, (Position{1, 1}));
  EXPECT_EQ(d[0].next_line, 3) << "the next non-blank line";
  EXPECT_EQ(d[1].verb, "disable");
  EXPECT_THAT(d[1].rules, ElementsAre("KEP066"));
  EXPECT_EQ(d[1].reason, "");
  EXPECT_EQ(d[2].verb, "enable");
  EXPECT_EQ(d[3].verb, "disable-file");
  EXPECT_THAT(d[3].rules, ElementsAre("KEP050"));
  EXPECT_EQ(d[3].range.start, (Position{6, 1}));
  EXPECT_EQ(d[3].range.end, (Position{6, 35}));
  EXPECT_EQ(d[3].next_line, 0) << "nothing follows";
}

TEST(MarkdownDirectives, CommentsInCodeAreNotDirectives) {
  auto d =
      md("Use `<!-- kep-lint-disable-next-line KEP060 -->` like this.\n"
         "\n"
         "```markdown\n"
         "<!-- kep-lint-disable-file KEP050 -->\n"
         "```\n"
         "\n"
         "    <!-- kep-lint-disable KEP066 -->\n"
         "\n"
         "<!-- kep-lint-enable KEP066 -->\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].verb, "enable");
  EXPECT_EQ(d[0].range.start.line, 9);
}

TEST(MarkdownDirectives, OrdinaryCommentsAndProseAreIgnored) {
  EXPECT_THAT(md("<!-- guidance -->\n<!-- kep-lint is a linter -->\n<!-- kep-linter x -->\n"
                 "kep-lint-disable KEP001 outside a comment\n"),
              IsEmpty());
  // Unterminated: the comment hides the rest of the page; KEP069 reports it.
  EXPECT_THAT(md("<!-- kep-lint-disable KEP001\n\ntext\n"), IsEmpty());
}

TEST(MarkdownDirectives, OtherSpellingsAreReadSoTheEngineCanReject) {
  auto d =
      md("<!-- kep-lint: disable-line KEP001 -->\n<!-- kep-lint disable KEP001 -->\n"
         "<!-- kep-lint-disable-nextline KEP001 -->\n<!-- kep-lint-disable-next-line -->\n");
  ASSERT_EQ(d.size(), 4u);
  EXPECT_EQ(d[0].style, Style::Yaml);
  EXPECT_EQ(d[0].verb, "disable-line");
  EXPECT_EQ(d[1].style, Style::Bare);
  EXPECT_EQ(d[1].verb, "disable");
  EXPECT_EQ(d[2].verb, "disable-nextline");
  EXPECT_THAT(d[3].rules, IsEmpty());
}

TEST(MarkdownDirectives, MultiLineCommentsAndCrlf) {
  auto d =
      md("<!--\r\n  kep-lint-disable-next-line KEP060\r\n  KEP061 -- a reason\r\n  on two lines\r\n"
         "-->\r\n\r\n## Heading\r\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_THAT(d[0].rules, ElementsAre("KEP060", "KEP061"));
  EXPECT_EQ(d[0].reason, "a reason on two lines");
  EXPECT_EQ(d[0].text, "kep-lint-disable-next-line KEP060 KEP061 -- a reason on two lines");
  EXPECT_EQ(d[0].range.start.line, 1);
  EXPECT_EQ(d[0].range.end.line, 5);
  EXPECT_EQ(d[0].next_line, 7);
}

TEST(MarkdownDirectives, ReasonSeparatorStandsAlone) {
  auto d =
      md("<!-- kep-lint-disable-file KEP-X1 --- not a separator -- the reason -- with dashes "
         "-->\n<!-- kep-lint-disable-file -- only a reason -->\n");
  ASSERT_EQ(d.size(), 2u);
  EXPECT_THAT(d[0].rules, ElementsAre("KEP-X1", "---", "not", "a", "separator"));
  EXPECT_EQ(d[0].reason, "the reason -- with dashes");
  EXPECT_THAT(d[1].rules, IsEmpty());
  EXPECT_EQ(d[1].reason, "only a reason");
}

TEST(MarkdownDirectives, FromSkipsFrontMatter) {
  MarkdownDocument doc(
      source("a.md", "---\ntitle: x\n---\n<!-- kep-lint-disable-file OSE001 -->\n"));
  EXPECT_EQ(markdown_directives(doc).size(), 1u);
  EXPECT_EQ(markdown_directives(doc, 100).size(), 0u);
}

// ---- YAML ----------------------------------------------------------------------------------

TEST(YamlDirectives, TrailingAndOwnLine) {
  auto d = yaml(
      "title: x\n"                                                       // 1
      "status: bad  # kep-lint: disable-line KEP003 -- upstream typo\n"  // 2
      "# kep-lint: disable-line KEP011, date-valid\n"                    // 3
      "\n"                                                               // 4
      "# an ordinary comment\n"                                          // 5
      "creation-date: 2024-02-30\n"                                      // 6
      "#kep-lint: disable-file KEP007\n");                               // 7
  ASSERT_EQ(d.size(), 3u);
  EXPECT_TRUE(d[0].in_yaml);
  EXPECT_EQ(d[0].style, Style::Yaml);
  EXPECT_EQ(d[0].verb, "disable-line");
  EXPECT_TRUE(d[0].trailing);
  EXPECT_THAT(d[0].rules, ElementsAre("KEP003"));
  EXPECT_EQ(d[0].reason, "upstream typo");
  EXPECT_EQ(d[0].range.start, (Position{2, 14}));
  EXPECT_FALSE(d[1].trailing);
  EXPECT_THAT(d[1].rules, ElementsAre("KEP011", "date-valid"));
  EXPECT_EQ(d[1].next_line, 6) << "skips blank and comment-only lines";
  EXPECT_EQ(d[2].verb, "disable-file");
  EXPECT_EQ(d[2].next_line, 0);
}

TEST(YamlDirectives, HashInsideScalarsIsNotAComment) {
  auto d = yaml(
      "title: \"A # kep-lint: disable-line KEP001\"\n"
      "summary: 'it''s # kep-lint: disable-line KEP002'\n"
      "long: \"first line\n"
      "  # kep-lint: disable-line KEP003 still in the string\"\n"
      "motivation: |\n"
      "  # kep-lint: disable-line KEP004\n"
      "\n"
      "    # kep-lint: disable-line KEP005\n"
      "list:\n"
      "  - >-\n"
      "    # kep-lint: disable-line KEP006\n"
      "  - key: |2\n"
      "      # kep-lint: disable-line KEP007\n"
      "plain: don't # kep-lint: disable-line KEP008\n"
      "url: http://x/#kep-lint: disable-line KEP009\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_THAT(d[0].rules, ElementsAre("KEP008"));
  EXPECT_EQ(d[0].range.start.line, 14);
  EXPECT_TRUE(d[0].trailing);
}

TEST(YamlDirectives, BlockScalarEndsAtALessIndentedLine) {
  auto d = yaml(
      "motivation: |\n"
      "  text\n"
      "status: bad  # kep-lint: disable-line KEP003\n"
      "items:\n"
      "  - |\n"
      "    text\n"
      "  - x  # kep-lint: disable-line KEP004\n"
      "nested:\n"
      "  - key: >\n"
      "      text\n"
      "    other: y  # kep-lint: disable-line KEP005\n");
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[0].range.start.line, 3);
  EXPECT_EQ(d[1].range.start.line, 7);
  EXPECT_EQ(d[2].range.start.line, 11);
}

TEST(YamlDirectives, CrlfAndFlowCollections) {
  auto d = yaml(
      "authors: ['@a', \"@b # no\"]  # kep-lint: disable-line KEP006\r\n"
      "# kep-lint: disable-line KEP023\r\n"
      "reviewers: {a: 'b'}\r\n");
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].range.start.line, 1);
  EXPECT_THAT(d[0].rules, ElementsAre("KEP006"));
  EXPECT_EQ(d[1].next_line, 3);
  EXPECT_THAT(d[1].rules, ElementsAre("KEP023")) << "no stray carriage return in a rule";
}

TEST(YamlDirectives, ByteOrderMarkIsNotContent) {
  auto d = yaml("\xEF\xBB\xBF# kep-lint: disable-file KEP007\ntitle: x\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_FALSE(d[0].trailing);
  EXPECT_EQ(d[0].range.start, (Position{1, 4}));
}

TEST(YamlDirectives, FrontMatterSliceOnly) {
  std::string text =
      "---\n"                                          // 1
      "title: x  # kep-lint: disable-line OSE001\n"    // 2
      "# kep-lint: disable-line OSE002\n"              // 3
      "---\n"                                          // 4
      "# Heading  # kep-lint: disable-line OSE003\n";  // 5: Markdown, not YAML
  auto src = source("a.md", text);
  std::size_t begin = 4, end = text.find("---\n#");
  auto d = yaml_directives(*src, begin, end - begin);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].range.start.line, 2);
  EXPECT_EQ(d[1].next_line, 0) << "the next line is the closing marker, outside the YAML";
}

TEST(YamlDirectives, OtherSpellingsAreReadSoTheEngineCanReject) {
  auto d = yaml(
      "a: 1  # kep-lint-disable-next-line KEP001\nb: 2  # kep-lint disable-line KEP001\n"
      "c: 3  # kep-lint: disable-line\nd: 4  # kep-lint is great\n");
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[0].style, Style::Markdown);
  EXPECT_EQ(d[1].style, Style::Bare);
  EXPECT_THAT(d[2].rules, IsEmpty());
}

TEST(SuppressionComments, MentionsKepLint) {
  EXPECT_TRUE(mentions_kep_lint("x kep-lint y"));
  EXPECT_FALSE(mentions_kep_lint("kep lint"));
  EXPECT_FALSE(mentions_kep_lint(""));
}

}  // namespace
}  // namespace keplint
