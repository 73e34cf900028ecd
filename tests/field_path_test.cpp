#include "engine/field_path.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace keplint {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

class FieldPathTest : public ::testing::Test {
 protected:
  const YamlNode* parse(const std::string& text) {
    doc_.emplace(YamlDocument::parse(std::make_shared<SourceFile>("kep.yaml", text)));
    EXPECT_TRUE(doc_->problems().empty());
    return doc_->root();
  }
  static std::vector<std::string> paths(const FieldLookup& found) {
    std::vector<std::string> out;
    for (const auto& m : found.matches) out.push_back(m.path);
    return out;
  }
  static std::vector<std::string> values(const FieldLookup& found) {
    std::vector<std::string> out;
    for (const auto& m : found.matches) out.push_back(m.node ? m.node->resolved().value : "<null>");
    return out;
  }
  std::optional<YamlDocument> doc_;
};

constexpr const char* kKep = R"(title: Foo
milestone:
  alpha: v1.20
  beta: v1.21
feature-gates:
  - name: A
    components: [kubelet]
  - name: B
  - components: [x]
authors:
  - "@a"
  - "@b"
empty-list: []
)";

TEST_F(FieldPathTest, TopLevelAndNestedKeys) {
  const YamlNode* root = parse(kKep);
  FieldLookup title = lookup_field(root, "title");
  ASSERT_EQ(title.matches.size(), 1u);
  EXPECT_EQ(title.matches[0].node->value, "Foo");
  EXPECT_EQ(title.matches[0].key->value, "title");
  EXPECT_EQ(title.matches[0].key->range.start, (Position{1, 1}));
  EXPECT_EQ(title.matches[0].path, "title");

  FieldLookup beta = lookup_field(root, "milestone.beta");
  ASSERT_EQ(beta.matches.size(), 1u);
  EXPECT_EQ(beta.matches[0].node->value, "v1.21");
  EXPECT_EQ(beta.matches[0].key->range.start, (Position{4, 3}));
  EXPECT_EQ(beta.matches[0].path, "milestone.beta");
}

TEST_F(FieldPathTest, EachItemOfASequence) {
  const YamlNode* root = parse(kKep);
  FieldLookup authors = lookup_field(root, "authors[]");
  EXPECT_THAT(values(authors), ElementsAre("@a", "@b"));
  EXPECT_THAT(paths(authors), ElementsAre("authors[0]", "authors[1]"));
  EXPECT_EQ(authors.matches[0].key, nullptr);  // sequence items have no key
  EXPECT_TRUE(lookup_field(root, "empty-list[]").matches.empty());
}

TEST_F(FieldPathTest, KeysInsideEachItem) {
  const YamlNode* root = parse(kKep);
  FieldLookup names = lookup_field(root, "feature-gates[].name");
  // The third gate has no name: it is simply not a match.
  EXPECT_THAT(values(names), ElementsAre("A", "B"));
  EXPECT_THAT(paths(names), ElementsAre("feature-gates[0].name", "feature-gates[1].name"));
  FieldLookup components = lookup_field(root, "feature-gates[].components[]");
  EXPECT_THAT(values(components), ElementsAre("kubelet", "x"));
  EXPECT_THAT(paths(components),
              ElementsAre("feature-gates[0].components[0]", "feature-gates[2].components[0]"));
}

TEST_F(FieldPathTest, MissingStepReportsWhereItStopped) {
  const YamlNode* root = parse(kKep);
  FieldLookup top = lookup_field(root, "status");
  EXPECT_TRUE(top.matches.empty());
  EXPECT_EQ(top.last_node, root);
  EXPECT_EQ(top.last_key, nullptr);

  FieldLookup nested = lookup_field(root, "milestone.stable");
  EXPECT_TRUE(nested.matches.empty());
  ASSERT_NE(nested.last_key, nullptr);
  EXPECT_EQ(nested.last_key->value, "milestone");
  EXPECT_EQ(nested.last_key->range.start.line, 2);
  EXPECT_TRUE(nested.last_node->is_mapping());

  FieldLookup deeper = lookup_field(root, "milestone.stable.x");
  ASSERT_NE(deeper.last_key, nullptr);
  EXPECT_EQ(deeper.last_key->value, "milestone");

  // Through a scalar: it stops at the scalar's key.
  FieldLookup through = lookup_field(root, "title.sub");
  EXPECT_TRUE(through.matches.empty());
  ASSERT_NE(through.last_key, nullptr);
  EXPECT_EQ(through.last_key->value, "title");

  // `[]` on something that is not a list.
  FieldLookup not_list = lookup_field(root, "milestone[]");
  EXPECT_TRUE(not_list.matches.empty());
  ASSERT_NE(not_list.last_key, nullptr);
  EXPECT_EQ(not_list.last_key->value, "milestone");
}

TEST_F(FieldPathTest, NullRootAndFirstScalar) {
  FieldLookup none = lookup_field(nullptr, "title");
  EXPECT_TRUE(none.matches.empty());
  EXPECT_EQ(none.last_node, nullptr);
  EXPECT_EQ(first_scalar(nullptr, "title"), nullptr);

  const YamlNode* root = parse("a: ~\nb: [x]\nc: v\nd:\n  - ~\n  - y\n");
  EXPECT_EQ(first_scalar(root, "a"), nullptr);  // null is not a scalar value
  EXPECT_EQ(first_scalar(root, "b"), nullptr);  // a list is not a scalar
  ASSERT_NE(first_scalar(root, "c"), nullptr);
  EXPECT_EQ(first_scalar(root, "c")->value, "v");
  ASSERT_NE(first_scalar(root, "d[]"), nullptr);
  EXPECT_EQ(first_scalar(root, "d[]")->value, "y");  // skips the null item
}

TEST_F(FieldPathTest, FollowsAliases) {
  const YamlNode* root = parse("base: &b {alpha: v1.20}\nmilestone: *b\n");
  const YamlNode* v = first_scalar(root, "milestone.alpha");
  ASSERT_NE(v, nullptr);
  EXPECT_EQ(v->value, "v1.20");
}

TEST(FieldPathError, ValidatesSyntax) {
  EXPECT_EQ(field_path_error("status"), "");
  EXPECT_EQ(field_path_error("milestone.alpha"), "");
  EXPECT_EQ(field_path_error("feature-gates[].name"), "");
  EXPECT_EQ(field_path_error("aliases.x[]"), "");
  EXPECT_THAT(field_path_error(""), HasSubstr("empty"));
  EXPECT_THAT(field_path_error("a..b"), HasSubstr("empty step"));
  EXPECT_THAT(field_path_error(".a"), HasSubstr("empty step"));
  EXPECT_THAT(field_path_error("a."), HasSubstr("empty step"));
  EXPECT_THAT(field_path_error("a[0]"), HasSubstr("'[]' may only end a step"));
  EXPECT_THAT(field_path_error("a[]b"), HasSubstr("'[]' may only end a step"));
  EXPECT_THAT(field_path_error("a[][]"), HasSubstr("'[]' may only end a step"));
}

TEST_F(FieldPathTest, CommentFilterSelectsMarkedItems) {
  const YamlNode* root = parse(
      "approvers:\n"
      "  - \"@a\"  # sig-node-assigned-approver\n"
      "  - \"@b\"\n"
      "  - \"@c\" # sig-node-assigned-approvers\n"
      "  - \"@d\" #sig-node-assigned-approver\n");
  FieldLookup marked = lookup_field(root, "approvers[#sig-node-assigned-approver]");
  EXPECT_THAT(values(marked), ElementsAre("@a", "@d"));
  EXPECT_THAT(paths(marked), ElementsAre("approvers[0]", "approvers[3]"));
  EXPECT_TRUE(lookup_field(root, "approvers[#other]").matches.empty());
  ASSERT_NE(first_scalar(root, "approvers[#sig-node-assigned-approver]"), nullptr);
  EXPECT_EQ(first_scalar(root, "approvers[#other]"), nullptr);
  EXPECT_EQ(field_path_error("approvers[#sig-node-assigned-approver]"), "");
  EXPECT_THAT(field_path_error("approvers[#]"), HasSubstr("needs a comment"));
}

}  // namespace
}  // namespace keplint
