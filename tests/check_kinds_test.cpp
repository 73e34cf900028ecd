// The check kinds' parameter declarations (check.h) against what their factories read, and the
// loader's checks of a rule's `check:` mapping against them.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <deque>
#include <map>
#include <set>

#include "engine/check.h"
#include "engine/embedded_packs.h"
#include "engine/pack.h"
#include "engine/rule_error.h"

namespace keplint {
namespace {

using ::testing::HasSubstr;

// Check mappings that reach the keys neither a built-in rule nor the kind's own example reads
// (a factory reads some keys only for some settings).
const char* const kMoreCheckMappings[] = {
    "{kind: consistency, relation: version-order, fields: [milestone.alpha, milestone.beta]}",
    "{kind: consistency, relation: version-at-least, field: latest-milestone, than: v1.2}",
    "{kind: references, field: see-also}",
    "{kind: toc, dialect: doctoc, min-depth: 2, notitle: true}",
    "{kind: toc, dialect: doctoc, title: '**Contents**'}",
    "{kind: toc, start-marker: '<!-- toc -->', end-marker: '<!-- /toc -->', max-depth: 4}",
    // `field` and `fields` exclude each other.
    "{kind: date, field: creation-date}",
    "{kind: one-of, fields: [status, stage], values: [a]}",
    "{kind: listed-in, fields: [reviewers], in: {document: owners, fields: [reviewers]}}",
};

class CheckKindsTest : public ::testing::Test {
 protected:
  const YamlNode* parse(const std::string& text, const std::string& name = "rules.yaml") {
    docs_.push_back(YamlDocument::parse(std::make_shared<SourceFile>(name, text)));
    EXPECT_TRUE(docs_.back().problems().empty()) << text;
    return docs_.back().root();
  }

  // Runs the declaration check and the factory on a `check:` mapping; records the keys read.
  void run_factory(const YamlNode* check, const std::string& where) {
    ASSERT_TRUE(check && check->is_mapping()) << where;
    const YamlNode* kind_node = check->get("kind");
    ASSERT_TRUE(kind_node && kind_node->is_scalar()) << where;
    const CheckKind* kind = find_check_kind(kind_node->resolved().value);
    ASSERT_NE(kind, nullptr) << where;
    try {
      validate_check_params(*kind, check, where, "check");
      Params params(check, where, "check");
      params.string("kind");
      kind->create(params);
      params.finish();
      std::set<std::string>& used = used_[std::string(kind->name)];
      for (const std::string& key : params.used()) {
        if (key == "kind") continue;
        used.insert(key);
        bool declared = std::any_of(kind->params.begin(), kind->params.end(),
                                    [&](const ParamSpec& s) { return s.name == key; });
        EXPECT_TRUE(declared) << "check kind '" << kind->name << "' reads '" << key
                              << "', which it does not declare (" << where << ")";
      }
    } catch (const RuleError& e) {
      ADD_FAILURE() << e.what();
    }
  }

  std::string error(const std::string& check_yaml) {
    const YamlNode* check = parse(check_yaml);
    const CheckKind* kind = find_check_kind(check->get("kind")->resolved().value);
    EXPECT_NE(kind, nullptr);
    try {
      validate_check_params(*kind, check, "rules.yaml", "rule T001 check");
    } catch (const RuleError& e) {
      return e.what();
    }
    ADD_FAILURE() << "accepted: " << check_yaml;
    return "";
  }

  std::deque<YamlDocument> docs_;
  std::map<std::string, std::set<std::string>> used_;
};

// Every key a factory reads is declared, and every declared key is read by some factory run: the
// built-in packs' rules, each kind's example and kMoreCheckMappings. A key added to a factory
// without a declaration (or declared and never read) fails here.
TEST_F(CheckKindsTest, DeclarationsMatchWhatTheFactoriesRead) {
  for (const EmbeddedFile& f : embedded_pack_files()) {
    if (f.path.find("/data/") != std::string_view::npos) continue;
    const YamlNode* root = parse(std::string(f.text), std::string(f.path));
    const YamlNode* rules = root ? root->get("rules") : nullptr;
    if (!rules) continue;
    for (const YamlNode* rule : rules->resolved().items) {
      run_factory(rule->get("check"), std::string(f.path));
    }
  }
  for (const CheckKind& kind : check_kinds()) {
    ASSERT_FALSE(kind.example.empty()) << kind.name << " has no example";
    run_factory(parse(std::string(kind.example)), "example of " + std::string(kind.name));
  }
  for (const char* more : kMoreCheckMappings) run_factory(parse(more), more);

  for (const CheckKind& kind : check_kinds()) {
    EXPECT_FALSE(kind.summary.empty()) << kind.name;
    for (const ParamSpec& spec : kind.params) {
      EXPECT_FALSE(spec.description.empty()) << kind.name << " " << spec.name;
      EXPECT_TRUE(used_[std::string(kind.name)].count(std::string(spec.name)))
          << "check kind '" << kind.name << "' declares '" << spec.name
          << "', which no factory run read";
    }
  }
}

TEST_F(CheckKindsTest, EveryKindIsDeclaredOnce) {
  std::set<std::string_view> names;
  for (const CheckKind& kind : check_kinds()) {
    EXPECT_TRUE(names.insert(kind.name).second) << kind.name;
    std::set<std::string_view> params;
    for (const ParamSpec& spec : kind.params) {
      EXPECT_TRUE(params.insert(spec.name).second) << kind.name << " " << spec.name;
      EXPECT_NE(spec.name, "kind");
    }
  }
  EXPECT_EQ(names.size(), 32u);
}

TEST_F(CheckKindsTest, UnknownKeyListsTheAcceptedOnesAndSuggests) {
  std::string e = error("{kind: one-of, field: status, valuse: [a]}");
  EXPECT_THAT(e, HasSubstr("rules.yaml:1:31: rule T001 check: unknown key 'valuse' for check kind "
                           "'one-of' (accepted: field, fields, values); did you mean 'values'?"));
  EXPECT_THAT(error("{kind: file-readable, document: x}"),
              HasSubstr("unknown key 'document' for check kind 'file-readable' (accepted: none)"));
}

TEST_F(CheckKindsTest, WrongShapeIsReportedAtTheValue) {
  EXPECT_THAT(error("{kind: required, field: status, allow-empty-list: yes}"),
              HasSubstr("rules.yaml:1:51: rule T001 check: 'allow-empty-list' must be true or "
                        "false"));
  EXPECT_THAT(error("{kind: toc, max-depth: deep}"),
              HasSubstr("1:24: rule T001 check: 'max-depth' must be a whole number"));
  EXPECT_THAT(error("{kind: one-of, field: [a, b], values: [x]}"),
              HasSubstr("1:23: rule T001 check: 'field' must be a single value"));
  EXPECT_THAT(error("{kind: value-type, types: [title]}"),
              HasSubstr("1:27: rule T001 check: 'types' must be a mapping"));
  EXPECT_THAT(error("{kind: pattern, field: title, regex: '[a-'}"),
              HasSubstr("1:38: rule T001 check: 'regex' is not a valid RE2 regular expression"));
  EXPECT_THAT(error("{kind: one-of, field: 'a..b', values: [x]}"),
              HasSubstr("1:23: rule T001 check: 'field' "));
}

TEST_F(CheckKindsTest, MissingRequiredKey) {
  EXPECT_THAT(error("{kind: one-of, field: status}"),
              HasSubstr("rules.yaml:1:1: rule T001 check: 'values' is required for check kind "
                        "'one-of'"));
  EXPECT_THAT(error("{kind: one-of, field: status, values: }"),
              HasSubstr("'values' is required and cannot be empty"));
}

TEST_F(CheckKindsTest, EnumValuesSuggestTheNearest) {
  EXPECT_THAT(error("{kind: unresolved-blocks, report: presnt}"),
              HasSubstr("1:35: rule T001 check: 'report' is 'presnt', not one of: unbalanced, "
                        "present (did you mean 'present'?)"));
  EXPECT_THAT(error("{kind: yaml-valid, problems: [syntax, duplicate-keys]}"),
              HasSubstr("1:39: rule T001 check: 'problems' is 'duplicate-keys', not one of: "
                        "syntax, duplicate-key, multiple-documents, too-deep (did you mean "
                        "'duplicate-key'?)"));
}

TEST_F(CheckKindsTest, GlobsOutsideTheDialectAreRejected) {
  EXPECT_THAT(error("{kind: proposal-discovery, files: 'keps/[0-9]*/README.md'}"),
              HasSubstr("1:35: rule T001 check: glob 'keps/[0-9]*/README.md' uses '['"));
  EXPECT_THAT(error("{kind: orphan-documents, document: prr, exclude: [ok/**, 'a/{b,c}']}"),
              HasSubstr("1:58: rule T001 check: glob 'a/{b,c}' uses '{'"));
  EXPECT_THAT(error("{kind: proposal-discovery, files: 'keps/**.md'}"),
              HasSubstr("has '**' inside the segment '**.md'"));
}

}  // namespace
}  // namespace keplint
