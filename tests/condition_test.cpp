#include "engine/condition.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <deque>

namespace keplint {
namespace {

using ::testing::HasSubstr;

constexpr const char* kMetadata = R"(title: Foo
status: implementable
stage: beta
latest-milestone: v1.22
milestone:
  alpha: v1.20
  beta: v1.22
kep-number: "1234"
bad-version: soon
)";

class ConditionTest : public ::testing::Test {
 protected:
  const YamlNode* yaml(const std::string& text, const std::string& file = "rules.yaml") {
    docs_.push_back(YamlDocument::parse(std::make_shared<SourceFile>(file, text)));
    EXPECT_TRUE(docs_.back().problems().empty()) << text;
    return docs_.back().root();
  }
  // Parses `when` (YAML text of the condition) and evaluates it on kMetadata.
  bool eval(const std::string& when, bool in_changed_set = true,
            std::map<std::string, std::string> vars = {}) {
    Condition c = Condition::parse(yaml(when), "rules.yaml");
    ConditionInput in;
    in.metadata = metadata_;
    in.in_changed_set = in_changed_set;
    if (!vars.empty()) {
      in.variables = [vars, this](std::string_view name) -> std::optional<std::string> {
        auto it = vars.find(std::string(name));
        if (it != vars.end()) return it->second;
        if (const YamlNode* v = metadata_->get(name); v && v->is_scalar()) return v->value;
        return std::nullopt;
      };
    }
    return c.evaluate(in);
  }
  // The RuleError message for a broken condition, "" when it parsed.
  std::string error(const std::string& when) {
    try {
      Condition::parse(yaml(when), "rules/pack/metadata.yaml");
    } catch (const RuleError& e) {
      EXPECT_EQ(e.file(), "rules/pack/metadata.yaml");
      return e.what();
    }
    return "";
  }
  void SetUp() override { metadata_ = yaml(kMetadata, "kep.yaml"); }

  std::deque<YamlDocument> docs_;
  const YamlNode* metadata_ = nullptr;
};

TEST_F(ConditionTest, AbsentConditionAlwaysHolds) {
  Condition c = Condition::parse(nullptr, "x.yaml");
  EXPECT_TRUE(c.always());
  EXPECT_TRUE(c.evaluate({}));
  EXPECT_FALSE(Condition::parse(yaml("status: implementable"), "x").always());
}

TEST_F(ConditionTest, ShorthandAndEquals) {
  EXPECT_TRUE(eval("status: implementable"));
  EXPECT_FALSE(eval("status: implemented"));
  EXPECT_TRUE(eval("status: {equals: implementable}"));
  EXPECT_FALSE(eval("status: {equals: Implementable}"));
  EXPECT_TRUE(eval("milestone.alpha: v1.20"));
  EXPECT_FALSE(eval("missing-field: {equals: x}"));
}

TEST_F(ConditionTest, NotEquals) {
  EXPECT_TRUE(eval("status: {not-equals: implemented}"));
  EXPECT_FALSE(eval("status: {not-equals: implementable}"));
  EXPECT_TRUE(eval("missing-field: {not-equals: x}"));  // absent differs from every value
}

TEST_F(ConditionTest, InAndNotIn) {
  EXPECT_TRUE(eval("status: {in: [implementable, implemented]}"));
  EXPECT_FALSE(eval("status: {in: [provisional, implemented]}"));
  EXPECT_TRUE(eval("status: {in: implementable}"));  // a single value is a one-item list
  EXPECT_FALSE(eval("status: {not-in: [implementable, implemented]}"));
  EXPECT_TRUE(eval("status: {not-in: [provisional]}"));
  EXPECT_FALSE(eval("missing-field: {in: [x]}"));
  EXPECT_TRUE(eval("missing-field: {not-in: [x]}"));
}

TEST_F(ConditionTest, Exists) {
  EXPECT_TRUE(eval("title: {exists: true}"));
  EXPECT_FALSE(eval("title: {exists: false}"));
  EXPECT_TRUE(eval("nope: {exists: false}"));
  EXPECT_FALSE(eval("nope: {exists: true}"));
  EXPECT_FALSE(eval("milestone: {exists: true}"));  // a mapping is not a scalar value
}

TEST_F(ConditionTest, Matches) {
  EXPECT_TRUE(eval("kep-number: {matches: '^[0-9]+$'}"));
  EXPECT_TRUE(eval("title: {matches: 'o'}"));  // partial match
  EXPECT_FALSE(eval("title: {matches: '^o'}"));
  EXPECT_FALSE(eval("nope: {matches: '.*'}"));
}

TEST_F(ConditionTest, VersionAtLeastAndBelow) {
  EXPECT_TRUE(eval("latest-milestone: {version-at-least: v1.21}"));
  EXPECT_TRUE(eval("latest-milestone: {version-at-least: v1.22}"));
  EXPECT_TRUE(eval("latest-milestone: {version-at-least: '1.9'}"));  // numeric, not text
  EXPECT_FALSE(eval("latest-milestone: {version-at-least: v1.23}"));
  EXPECT_TRUE(eval("latest-milestone: {version-below: v1.23}"));
  EXPECT_FALSE(eval("latest-milestone: {version-below: v1.22}"));
  // A value that is not a version satisfies neither.
  EXPECT_FALSE(eval("bad-version: {version-at-least: v1.0}"));
  EXPECT_FALSE(eval("bad-version: {version-below: v99.0}"));
  EXPECT_FALSE(eval("nope: {version-below: v99.0}"));
}

TEST_F(ConditionTest, SeveralPredicatesOnOneFieldAllHold) {
  EXPECT_TRUE(eval("latest-milestone: {version-at-least: v1.21, version-below: v1.23}"));
  EXPECT_FALSE(eval("latest-milestone: {version-at-least: v1.21, version-below: v1.22}"));
}

TEST_F(ConditionTest, AMappingOfFieldsMeansAll) {
  EXPECT_TRUE(eval("status: implementable\nstage: beta"));
  EXPECT_FALSE(eval("status: implementable\nstage: alpha"));
}

TEST_F(ConditionTest, AllAnyNot) {
  EXPECT_TRUE(eval("any: [{status: implemented}, {stage: beta}]"));
  EXPECT_FALSE(eval("any: [{status: implemented}, {stage: alpha}]"));
  EXPECT_FALSE(eval("any: []"));
  EXPECT_TRUE(eval("all: [{status: implementable}, {stage: beta}]"));
  EXPECT_FALSE(eval("all: [{status: implementable}, {stage: alpha}]"));
  EXPECT_TRUE(eval("all: []"));
  EXPECT_TRUE(eval("not: {status: implemented}"));
  EXPECT_FALSE(eval("not: {status: implementable}"));
  EXPECT_TRUE(eval("not: {any: [{stage: alpha}, {not: {status: implementable}}]}"));
}

TEST_F(ConditionTest, Changed) {
  EXPECT_TRUE(eval("changed: true", true));
  EXPECT_FALSE(eval("changed: true", false));
  EXPECT_TRUE(eval("changed: false", false));
  EXPECT_FALSE(eval("changed: false", true));
  EXPECT_FALSE(eval("changed: true\nstatus: implementable", false));
}

TEST_F(ConditionTest, PlaceholdersInFieldNames) {
  // The PRR rules' "milestone.{stage}": the stage field picks the milestone to compare.
  EXPECT_TRUE(eval("'milestone.{stage}': {version-at-least: v1.22}", true, {{"unused", ""}}));
  EXPECT_FALSE(eval("'milestone.{stage}': {version-at-least: v1.23}", true, {{"unused", ""}}));
  EXPECT_TRUE(eval("'milestone.{which}': v1.20", true, {{"which", "alpha"}}));
  // A placeholder without a value: the field cannot be found.
  EXPECT_FALSE(eval("'milestone.{nothing}': {exists: true}", true, {{"unused", ""}}));
  EXPECT_TRUE(eval("'milestone.{nothing}': {exists: false}", true, {{"unused", ""}}));
  // No variables at all (metadata only): the same.
  EXPECT_FALSE(eval("'milestone.{stage}': {exists: true}"));
}

TEST_F(ConditionTest, PlaceholdersInValues) {
  EXPECT_TRUE(
      eval("latest-milestone: {version-at-least: '{release}'}", true, {{"release", "v1.22"}}));
  EXPECT_FALSE(
      eval("latest-milestone: {version-at-least: '{release}'}", true, {{"release", "v1.30"}}));
  EXPECT_TRUE(eval("'milestone.beta': {equals: '{latest-milestone}'}", true, {{"unused", ""}}));
  EXPECT_FALSE(eval("'milestone.alpha': {equals: '{latest-milestone}'}", true, {{"unused", ""}}));
  // A value whose placeholder has no value matches nothing.
  EXPECT_FALSE(eval("status: {in: ['{nothing}']}", true, {{"unused", ""}}));
  EXPECT_TRUE(eval("status: {not-in: ['{nothing}']}", true, {{"unused", ""}}));
}

TEST_F(ConditionTest, UnknownPredicateIsAnErrorAtItsLine) {
  std::string e = error("status: implementable\nstage: {one-of: [alpha]}\n");
  EXPECT_THAT(e, HasSubstr("rules/pack/metadata.yaml:2:9:"));
  EXPECT_THAT(e, HasSubstr("unknown condition 'one-of'"));
  EXPECT_THAT(e, HasSubstr("known: equals"));
  EXPECT_THAT(error("stage: {version-at-lest: v1.2}\n"),
              HasSubstr("unknown condition 'version-at-lest' (known: equals, not-equals, in, "
                        "not-in, exists, matches, version-at-least, version-below); did you mean "
                        "'version-at-least'?"));
}

TEST_F(ConditionTest, BadRegexIsAnErrorAtItsLine) {
  std::string e = error("title: x\nstatus:\n  matches: '([a-z'\n");
  EXPECT_THAT(e, HasSubstr("rules/pack/metadata.yaml:3:"));
  EXPECT_THAT(e, HasSubstr("not a valid RE2"));
}

TEST_F(ConditionTest, BadVersionIsAnErrorAtItsLine) {
  std::string e = error("latest-milestone: {version-at-least: soon}\n");
  EXPECT_THAT(e, HasSubstr("rules/pack/metadata.yaml:1:"));
  EXPECT_THAT(e, HasSubstr("must be a version"));
  EXPECT_THAT(error("a: x\nlatest-milestone: {version-below: v1.x}\n"),
              HasSubstr("metadata.yaml:2:"));
  // A placeholder is checked at run time, not at load time.
  EXPECT_EQ(error("latest-milestone: {version-below: '{release}'}\n"), "");
}

TEST_F(ConditionTest, BadVersionInAListIsAnError) {
  std::string e = error("latest-milestone:\n  version-at-least: [v1.21, soon]\n");
  EXPECT_THAT(e, HasSubstr("rules/pack/metadata.yaml:2:"));
  EXPECT_THAT(e, HasSubstr("must be a version"));
}

TEST_F(ConditionTest, OtherShapeErrors) {
  EXPECT_THAT(error("- status: x\n"),
              HasSubstr("metadata.yaml:1:1: a condition must be a mapping"));
  EXPECT_THAT(error("any: {status: x}\n"), HasSubstr("'any' takes a list of conditions"));
  EXPECT_THAT(error("all: x\n"), HasSubstr("'all' takes a list"));
  EXPECT_THAT(error("not: [x]\n"), HasSubstr("a condition must be a mapping"));
  EXPECT_THAT(error("a: x\nchanged: yes\n"),
              HasSubstr("metadata.yaml:2:10: 'changed' must be true or false"));
  EXPECT_THAT(error("status:\n"), HasSubstr("condition on 'status' is empty"));
  EXPECT_THAT(error("a..b: x\n"), HasSubstr("empty step"));
  EXPECT_THAT(error("title: {exists: maybe}\n"), HasSubstr("must be true or false"));
  EXPECT_THAT(error("title: {in: [[x]]}\n"), HasSubstr("items must be single values"));
  EXPECT_THAT(error("any:\n  - status: x\n  - stage: {bogus: 1}\n"),
              HasSubstr("metadata.yaml:3:13: unknown condition 'bogus'"));
}

}  // namespace
}  // namespace keplint
