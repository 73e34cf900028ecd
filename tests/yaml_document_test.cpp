#include "parse/yaml_document.h"

#include <gtest/gtest.h>

#include "parse/front_matter.h"

namespace keplint {
namespace {

YamlDocument parse(const std::string& text) {
  return YamlDocument::parse(std::make_shared<SourceFile>("kep.yaml", text));
}

TEST(YamlDocument, KeepsScalarsAsWritten) {
  YamlDocument doc =
      parse("kep-number: 0752\ncreation-date: 2021-02-03\nlatest-milestone: \"v1.21\"\n");
  ASSERT_NE(doc.root(), nullptr);
  EXPECT_EQ(doc.root()->get("kep-number")->value, "0752");
  EXPECT_TRUE(doc.root()->get("kep-number")->plain);
  EXPECT_EQ(doc.root()->get("creation-date")->value, "2021-02-03");
  EXPECT_FALSE(doc.root()->get("latest-milestone")->plain);
}

TEST(YamlDocument, PositionsOfKeysAndValues) {
  YamlDocument doc =
      parse("title: Foo\nstatus:   \"implementable\"\nauthors:\n  - \"@a\"\n  - b\n");
  const YamlEntry* status = doc.root()->find("status");
  ASSERT_NE(status, nullptr);
  EXPECT_EQ(status->key->range.start, (Position{2, 1}));
  EXPECT_EQ(status->value->range.start, (Position{2, 11}));
  EXPECT_EQ(status->value->range.end, (Position{2, 25}));  // closing quote
  const YamlNode* authors = doc.root()->get("authors");
  ASSERT_EQ(authors->items.size(), 2u);
  EXPECT_EQ(authors->items[1]->range.start, (Position{5, 5}));
  EXPECT_EQ(authors->items[1]->range.end, (Position{5, 5}));
}

TEST(YamlDocument, ReportsDuplicateKeysWithBothLines) {
  YamlDocument doc = parse("title: a\nstatus: x\ntitle: b\nmilestone:\n  alpha: v1\n  alpha: v2\n");
  ASSERT_EQ(doc.problems().size(), 2u);
  EXPECT_EQ(doc.problems()[0].kind, YamlProblem::Kind::DuplicateKey);
  EXPECT_EQ(doc.problems()[0].range.start.line, 6);
  EXPECT_NE(doc.problems()[0].message.find("line 5"), std::string::npos);
  EXPECT_EQ(doc.problems()[1].range.start.line, 3);
  EXPECT_NE(doc.problems()[1].message.find("line 1"), std::string::npos);
  EXPECT_NE(doc.root(), nullptr);  // duplicates do not stop parsing
}

TEST(YamlDocument, SyntaxErrorIsAProblemWithALine) {
  YamlDocument doc = parse("title: ok\nstatus: [unclosed\nstage: beta\n");
  EXPECT_TRUE(doc.has_syntax_error());
  EXPECT_EQ(doc.root(), nullptr);
  ASSERT_FALSE(doc.problems().empty());
  EXPECT_GE(doc.problems()[0].range.start.line, 2);
}

// A block entry inside a flow sequence is an error (found by fuzzing the YAML fast path, which
// once read it as a plain scalar and let the file pass).
TEST(YamlDocument, BlockEntryInsideAFlowSequenceIsASyntaxError) {
  YamlDocument doc = parse("kep-number: 1\nreviewers: [\n-\n- \"@a\"]\n");
  EXPECT_TRUE(doc.has_syntax_error());
  EXPECT_EQ(doc.root(), nullptr);
  ASSERT_FALSE(doc.problems().empty());
  EXPECT_EQ(doc.problems()[0].range.start.line, 3);
}

// yaml-cpp ends a quoted scalar left open at the end of the input without complaint.
TEST(YamlDocument, QuoteLeftOpenToTheEndIsASyntaxError) {
  for (const std::string& text : {std::string("kep-number: 1\ntitle: \"Sidecar ordering\n"),
                                  std::string("kep-number: 1\ntitle: \"Sidecar ordering")}) {
    YamlDocument doc = parse(text);
    EXPECT_TRUE(doc.has_syntax_error()) << text;
    EXPECT_EQ(doc.root(), nullptr);
    ASSERT_EQ(doc.problems().size(), 1u);
    // Without a final line break yaml-cpp itself objects, at the end of the input.
    if (text.back() == '\n') {
      EXPECT_EQ(doc.problems()[0].range.start, (Position{2, 8}));
      EXPECT_NE(doc.problems()[0].message.find("double-quoted scalar is never closed"),
                std::string::npos);
    }
  }
  // Opened mid-file, the scalar swallows the rest: still reported at its opening quote.
  YamlDocument doc = parse("title: 'it''s open\nkep-number: 1\nstatus: x\n");
  ASSERT_EQ(doc.problems().size(), 1u);
  EXPECT_EQ(doc.problems()[0].range.start, (Position{1, 8}));
  EXPECT_NE(doc.problems()[0].message.find("single-quoted"), std::string::npos);
  // Closed quotes, escaped quotes and multi-line scalars are fine.
  for (const char* ok : {"title: \"a \\\" b\"\n", "title: 'it''s'\n", "title: \"a\n  b\"\n",
                         "a: \"x\"\nb: '\"'\n"}) {
    EXPECT_FALSE(parse(ok).has_syntax_error()) << ok;
  }
  // In front matter only the YAML part counts: a quote closed after the front matter is open.
  auto source = std::make_shared<SourceFile>("a.md", "---\ntitle: \"x\n---\nbody\"\n");
  EXPECT_TRUE(YamlDocument::parse(source, 4, 10).has_syntax_error());
}

TEST(YamlDocument, NullsAndEmptyValues) {
  YamlDocument doc = parse("a:\nb: ~\nc: null\nd: \"\"\ne: 'null'\n");
  EXPECT_TRUE(doc.root()->get("a")->is_null());
  EXPECT_TRUE(doc.root()->get("b")->is_null());
  EXPECT_TRUE(doc.root()->get("c")->is_null());
  EXPECT_FALSE(doc.root()->get("d")->is_null());
  EXPECT_FALSE(doc.root()->get("e")->is_null());
}

TEST(YamlDocument, AliasesAreLinkedNotExpanded) {
  std::string text = "a: &a [x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'j'; ++c) {
    text += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 9; ++i) text += std::string(i ? ", " : "") + "*" + static_cast<char>(c - 1);
    text += "]\n";
  }
  YamlDocument doc = parse(text);
  ASSERT_NE(doc.root(), nullptr);
  const YamlNode* j = doc.root()->get("j");
  ASSERT_TRUE(j->is_sequence());
  EXPECT_EQ(j->items[0]->resolved().items.size(), 9u);  // reachable through the alias
}

TEST(YamlDocument, DeepNestingStops) {
  std::string text(500, '[');
  YamlDocument doc = parse(text);
  EXPECT_TRUE(doc.has_syntax_error());
}

TEST(YamlDocument, SecondDocumentIsReported) {
  YamlDocument doc = parse("title: a\n---\ntitle: b\n");
  ASSERT_NE(doc.root(), nullptr);
  ASSERT_EQ(doc.problems().size(), 1u);
  EXPECT_EQ(doc.problems()[0].kind, YamlProblem::Kind::MultipleDocuments);
  EXPECT_EQ(doc.problems()[0].range.start.line, 3);
}

// Found by fuzzing (tests/fuzz/inputs/yaml_document_fuzz/slice.yaml): the empty node of a last
// document pointed at line 3 of a two-line file.
TEST(YamlDocument, PositionsStayInsideTheFile) {
  YamlDocument doc = parse("a: 1\n---\n");
  ASSERT_EQ(doc.problems().size(), 1u);
  EXPECT_EQ(doc.problems()[0].kind, YamlProblem::Kind::MultipleDocuments);
  EXPECT_EQ(doc.problems()[0].range.start, (Position{2, 4}));  // the end of the text
  YamlDocument unclosed = parse("a: [1,\n");
  ASSERT_TRUE(unclosed.has_syntax_error());
  EXPECT_LE(unclosed.problems()[0].range.start.line, 1);
}

TEST(YamlDocument, ByteOrderMarkDoesNotShiftTheFirstLine) {
  YamlDocument doc = parse("\xEF\xBB\xBFtitle: x\r\nstatus: bogus\r\n");
  ASSERT_NE(doc.root(), nullptr);
  EXPECT_EQ(doc.root()->find("title")->key->range.start, (Position{1, 4}));
  EXPECT_EQ(doc.root()->get("title")->range, (Range{{1, 11}, {1, 11}}));
  EXPECT_EQ(doc.root()->get("status")->range, (Range{{2, 9}, {2, 13}}));
  YamlDocument broken = parse(
      "\xEF\xBB\xBF"
      "a: [");
  ASSERT_TRUE(broken.has_syntax_error());
  EXPECT_GE(broken.problems()[0].range.start.column, 4);
}

TEST(FrontMatter, SplitsAndKeepsFilePositions) {
  std::string text = "---\ntitle: x\nstatus: implementable\n---\n# Body\n";
  auto fm = split_front_matter(text);
  ASSERT_TRUE(fm.has_value());
  EXPECT_TRUE(fm->closed);
  EXPECT_EQ(text.substr(fm->body_offset), "# Body\n");
  auto source = std::make_shared<SourceFile>("x.md", text);
  YamlDocument doc = YamlDocument::parse(source, fm->yaml_offset, fm->yaml_length);
  ASSERT_NE(doc.root(), nullptr);
  EXPECT_EQ(doc.root()->find("status")->key->range.start, (Position{3, 1}));
}

TEST(FrontMatter, NoneAndUnclosed) {
  EXPECT_FALSE(split_front_matter("# Title\n---\n").has_value());
  auto fm = split_front_matter("---\ntitle: x\n");
  ASSERT_TRUE(fm.has_value());
  EXPECT_FALSE(fm->closed);
  EXPECT_TRUE(split_front_matter("\xEF\xBB\xBF---\r\na: b\r\n...\r\nbody").has_value());
}

}  // namespace
}  // namespace keplint

namespace keplint {
namespace {

// Packs select list items by a trailing marker comment (`# sig-node-assigned-approver`).
TEST(YamlDocument, KeepsTheTrailingCommentOfAScalar) {
  YamlDocument doc = parse(
      "approvers:\n"
      "  - \"@alice\"   # sig-node-assigned-approver  \n"
      "  - bob #plain\n"
      "  - \"@carol # not a comment\"\n"
      "  - dave#not-a-comment\n"
      "  - 'erin'\n"
      "title: x # about the title\n");
  ASSERT_NE(doc.root(), nullptr);
  const YamlNode* list = doc.root()->get("approvers");
  ASSERT_NE(list, nullptr);
  ASSERT_EQ(list->items.size(), 5u);
  EXPECT_EQ(list->items[0]->comment, "sig-node-assigned-approver");
  EXPECT_EQ(list->items[1]->comment, "plain");
  EXPECT_EQ(list->items[2]->comment, "");
  EXPECT_EQ(list->items[2]->value, "@carol # not a comment");
  EXPECT_EQ(list->items[3]->comment, "");
  EXPECT_EQ(list->items[3]->value, "dave#not-a-comment");
  EXPECT_EQ(list->items[4]->comment, "");
  EXPECT_EQ(doc.root()->get("title")->comment, "about the title");
  EXPECT_EQ(doc.root()->entries[0].key->comment, "");
}

}  // namespace
}  // namespace keplint
