// docs/rules/ is generated from the rule packs (lib/report/rule_docs.h). This test fails when a
// page is stale, missing or left over from a removed rule, like a TOC check.
//
// To regenerate the pages after editing a pack:
//   KEP_LINT_UPDATE_DOCS=1 ./build/tests/keplint_tests --gtest_filter='RuleDocs.*'
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "engine/engine_rules.h"
#include "engine/pack.h"
#include "report/rule_docs.h"
#include "test_files.h"

namespace keplint {
namespace {

namespace fs = std::filesystem;
using testing::read_file;

const fs::path kDocsDir = fs::path(KEP_LINT_SOURCE_DIR) / "docs" / "rules";
// The pack the page-content tests below look at; docs/rules/ documents every built-in pack (rule
// ids are unique across packs, and each pack's docs-url points at docs/rules/{id}.md).
constexpr const char* kDocumentedPack = "kubernetes";

bool updating() {
  const char* v = std::getenv("KEP_LINT_UPDATE_DOCS");
  return v && std::string(v) == "1";
}

// Every generated page of every built-in pack, by file name. README.md holds the packs' indexes
// one after the other, in the order of builtin_pack_names().
std::map<std::string, std::string> expected_pages() {
  std::map<std::string, std::string> pages;
  std::string index;
  for (const std::string& name : builtin_pack_names()) {
    Pack pack = load_builtin_pack(name);
    for (const Rule& rule : pack.rules) {
      EXPECT_FALSE(pages.count(rule.id + ".md")) << "two packs define rule " << rule.id;
      pages[rule.id + ".md"] = render_rule_doc(rule, pack);
    }
    index += (index.empty() ? "" : "\n") + render_rules_index(pack);
  }
  // kep-lint's own diagnostics (KL...), after the packs.
  const Pack& engine = engine_pack();
  for (const Rule& rule : engine.rules) {
    EXPECT_FALSE(pages.count(rule.id + ".md")) << "a pack defines engine rule " << rule.id;
    pages[rule.id + ".md"] = render_rule_doc(rule, engine);
  }
  index += "\n" + render_rules_index(engine);
  pages["README.md"] = index;
  return pages;
}

TEST(RuleDocs, PagesAreUpToDate) {
  std::map<std::string, std::string> pages = expected_pages();
  ASSERT_GT(pages.size(), 1u);
  if (updating()) {
    fs::create_directories(kDocsDir);
    for (const auto& entry : fs::directory_iterator(kDocsDir)) {
      if (entry.path().extension() == ".md" && !pages.count(entry.path().filename().string())) {
        fs::remove(entry.path());
      }
    }
    for (const auto& [name, text] : pages) {
      std::ofstream(kDocsDir / name, std::ios::binary) << text;
    }
  }
  for (const auto& [name, text] : pages) {
    fs::path file = kDocsDir / name;
    ASSERT_TRUE(fs::exists(file)) << "docs/rules/" << name
                                  << " is missing; regenerate with KEP_LINT_UPDATE_DOCS=1";
    EXPECT_EQ(read_file(file), text)
        << "docs/rules/" << name << " is stale; regenerate with KEP_LINT_UPDATE_DOCS=1";
  }
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(kDocsDir, ec)) {
    std::string name = entry.path().filename().string();
    EXPECT_TRUE(pages.count(name)) << "docs/rules/" << name << " documents no rule; remove it";
  }
}

TEST(RuleDocs, EveryRuleHasWrongAndRightExamples) {
  std::vector<std::string> names = builtin_pack_names();
  names.push_back("engine");
  for (const std::string& name : names) {
    Pack pack = name == "engine" ? Pack{} : load_builtin_pack(name);
    for (const Rule& rule : name == "engine" ? engine_pack().rules : pack.rules) {
      EXPECT_FALSE(rule.wrong.empty()) << name << " " << rule.id << " has no `wrong` example";
      EXPECT_FALSE(rule.right.empty()) << name << " " << rule.id << " has no `right` example";
      for (const auto* list : {&rule.wrong, &rule.right}) {
        for (const RuleExample& ex : *list) {
          EXPECT_FALSE(ex.file.empty()) << rule.id;
          EXPECT_FALSE(ex.text.empty()) << rule.id << " example for " << ex.file << " is empty";
        }
      }
    }
  }
}

TEST(RuleDocs, PageShowsMetadataConditionAndExamples) {
  Pack pack = load_builtin_pack(kDocumentedPack);
  // A rule with a condition and a whole-repo severity.
  const Rule* rule = pack.find_rule("implemented-is-stable");
  ASSERT_NE(rule, nullptr);
  std::string page = render_rule_doc(*rule, pack);
  EXPECT_EQ(page.find("<!--"), 0u);
  EXPECT_NE(page.find("\n# " + rule->id + " implemented-is-stable\n"), std::string::npos);
  EXPECT_NE(page.find("| Severity | error for the proposals a run names"), std::string::npos) << page;
  EXPECT_NE(page.find("warning when the whole repository is linted"), std::string::npos);
  EXPECT_NE(page.find("| Check kind | `one-of`: values come from a fixed list |"),
            std::string::npos)
      << page;
  EXPECT_NE(page.find("- `status` is `implemented`\n"), std::string::npos) << page;
  EXPECT_NE(page.find("## Wrong\n\n`" + rule->wrong.at(0).file + "`:\n\n```yaml\n" +
                      rule->wrong.at(0).text),
            std::string::npos)
      << page;
  EXPECT_NE(page.find("## Right\n\n`" + rule->right.at(0).file + "`:\n\n```"), std::string::npos);
  EXPECT_NE(page.find("kind: one-of\nfield: stage\n"), std::string::npos) << page;

  std::string index = render_rules_index(pack);
  for (const Rule& r : pack.rules) {
    EXPECT_NE(index.find("| [" + r.id + "](" + r.id + ".md) | " + r.name + " | "),
              std::string::npos)
        << r.id;
  }
  EXPECT_NE(index.find("| error (warning) |"), std::string::npos);
}

TEST(RuleDocs, ConditionsRenderNestedPredicates) {
  std::string pack_yaml =
      "name: demo\nlayout:\n  proposals: {marker: \"p/*/meta.yaml\"}\n"
      "  documents:\n    metadata: {path: \"{dir}/meta.yaml\", format: yaml, primary: true}\n";
  std::string rules_yaml =
      "rules:\n"
      "  - id: D001\n    name: demo-rule\n    severity: warning\n    applies-to: metadata\n"
      "    description: Demo.\n"
      "    when:\n"
      "      status: {in: [a, b], not-equals: c}\n"
      "      any:\n        - stage: {exists: false}\n        - v: {version-at-least: v1.2}\n"
      "      not: {x: {matches: \"^y\"}}\n"
      "      all:\n        - not: {p: q, r: {exists: true}}\n"
      "        - any:\n            - {s: t, u: w}\n            - targets-release: true\n"
      "    examples:\n      wrong: [{file: meta.yaml, text: \"s: 1\"}]\n"
      "      right: [{file: README.md, text: \"```\\ncode\\n```\"}]\n"
      "    check: {kind: required, field: title}\n";
  Pack pack = load_pack("/nonexistent-demo", {{"pack.yaml", pack_yaml}, {"r.yaml", rules_yaml}});
  // The pack file is not on disk, so the condition is not shown; the rest still renders.
  std::string page = render_rule_doc(pack.rules.at(0), pack);
  EXPECT_NE(page.find("# D001 demo-rule"), std::string::npos);
  EXPECT_NE(page.find("| Severity | warning |"), std::string::npos) << page;
  EXPECT_NE(page.find("Only when the `when:` condition of the rule in"), std::string::npos) << page;
  EXPECT_NE(page.find("````markdown\n```\ncode\n```\n````\n"), std::string::npos) << page;

  fs::path dir = fs::temp_directory_path() / "kep-lint-rule-docs-test";
  fs::create_directories(dir);
  std::ofstream(dir / "pack.yaml") << pack_yaml;
  std::ofstream(dir / "r.yaml") << rules_yaml;
  Pack on_disk = load_pack_directory(dir);
  page = render_rule_doc(on_disk.rules.at(0), on_disk);
  fs::remove_all(dir);
  EXPECT_NE(page.find("- `status` is one of `a` or `b`\n"
                      "- `status` is not `c`\n"
                      "- any of:\n"
                      "  - `stage` is not set\n"
                      "  - `v` is a version at least `v1.2`\n"
                      "- not:\n"
                      "  - `x` matches the regular expression `^y`\n"
                      "- all of:\n"
                      "  - not:\n"
                      "    - all of:\n"
                      "      - `p` is `q`\n"
                      "      - `r` is set\n"
                      "  - any of:\n"
                      "    - all of:\n"
                      "      - `s` is `t`\n"
                      "      - `u` is `w`\n"
                      "    - the proposal targets the release given with `--release`\n"),
            std::string::npos)
      << page;
}

}  // namespace
}  // namespace keplint
