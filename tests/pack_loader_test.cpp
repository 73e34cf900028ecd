#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "engine/pack.h"
#include "engine/project_home.h"
#include "engine/rule_error.h"
#include "test_pack.h"

namespace keplint {
namespace {

using ::testing::HasSubstr;
using testing::test_pack_files;

// The test pack with `from` replaced by `to` in `file` (which must contain it once).
std::vector<PackFile> patched(const std::string& file, const std::string& from,
                              const std::string& to) {
  std::vector<PackFile> files = test_pack_files();
  for (PackFile& f : files) {
    if (f.path != file) continue;
    std::size_t at = f.text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) f.text.replace(at, from.size(), to);
  }
  return files;
}

struct LoadError {
  std::string file;
  int line = 0;
  std::string message;
};

LoadError load_error(const std::vector<PackFile>& files, std::string_view expected_name = {}) {
  try {
    load_pack("packs/test", files, expected_name);
  } catch (const RuleError& e) {
    return {e.file(), e.position().line, e.what()};
  }
  ADD_FAILURE() << "the pack loaded";
  return {};
}

// 1-based line of the first line containing `needle` in a test pack file.
int line_of(const std::string& file, const std::string& needle) {
  for (const PackFile& f : test_pack_files()) {
    if (f.path != file) continue;
    std::size_t at = f.text.find(needle);
    if (at == std::string::npos) break;
    return 1 + static_cast<int>(std::count(f.text.begin(), f.text.begin() + at, '\n'));
  }
  ADD_FAILURE() << needle << " not in " << file;
  return 0;
}

TEST(PackLoader, LoadsTheTestPack) {
  Pack pack = load_pack("packs/test", test_pack_files());
  EXPECT_EQ(pack.name, "test");
  EXPECT_EQ(pack.origin, "packs/test");
  ASSERT_EQ(pack.rules.size(), 7u);
  EXPECT_EQ(pack.rules.front().id, "T001");
  EXPECT_EQ(pack.rules.back().id, "T007");
  const Rule* r = pack.find_rule("people-listed");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r, pack.find_rule("T002"));
  EXPECT_EQ(r->severity, Severity::Error);
  EXPECT_EQ(r->whole_repo_severity, Severity::Warning);
  EXPECT_EQ(r->file, "packs/test/rules.yaml");
  EXPECT_EQ(r->line, line_of("rules.yaml", "id: T002"));
  EXPECT_EQ(r->docs_url, "https://example.com/rules/T002-people-listed");
  EXPECT_EQ(pack.find_rule("nope"), nullptr);
  EXPECT_TRUE(pack.find_rule("T006")->repository_level());
  EXPECT_FALSE(pack.find_rule("T005")->when.always());
  ASSERT_EQ(pack.datasets.size(), 1u);
  EXPECT_EQ(pack.datasets[0].fallback_source, "the pinned test list");
  EXPECT_EQ(pack.datasets[0].fallback_values, (std::vector<std::string>{"sig-a", "sig-b"}));
  EXPECT_EQ(pack.layout.proposals.marker, "keps/**/kep.yaml");
  EXPECT_EQ(pack.layout.primary()->role, "metadata");
  EXPECT_EQ(pack.layout.document("prr")->family, "prr/*/*.yaml");
}

TEST(PackLoader, RulesAreSortedByIdWhateverTheFileOrder) {
  std::vector<PackFile> files = test_pack_files();
  files.push_back({"a-first.yaml", R"(rules:
  - id: S001
    name: early
    severity: info
    applies-to: metadata
    description: d
    check: {kind: required, field: title}
)"});
  Pack pack = load_pack("packs/test", files);
  ASSERT_EQ(pack.rules.size(), 8u);
  EXPECT_EQ(pack.rules.front().id, "S001");
  EXPECT_EQ(pack.rules.front().file, "packs/test/a-first.yaml");
}

TEST(PackLoader, UnknownCheckKind) {
  LoadError e = load_error(patched("rules.yaml", "kind: one-of", "kind: one-off"));
  EXPECT_EQ(e.file, "packs/test/rules.yaml");
  EXPECT_EQ(e.line, line_of("rules.yaml", "kind: one-of"));
  EXPECT_THAT(e.message, HasSubstr("'kind' names no check kind (known: allowed-keys"));
}

TEST(PackLoader, UnknownCheckParameter) {
  LoadError e = load_error(patched("rules.yaml", "values: [provisional", "valus: [provisional"));
  EXPECT_EQ(e.file, "packs/test/rules.yaml");
  EXPECT_EQ(e.line, line_of("rules.yaml", "values: [provisional"));
  EXPECT_THAT(e.message,
              HasSubstr("rule T001 check: unknown key 'valus' for check kind 'one-of' (accepted: "
                        "field, fields, values); did you mean 'values'?"));

  LoadError missing =
      load_error(patched("rules.yaml", ", values: [provisional, implementable, implemented]", ""));
  EXPECT_THAT(missing.message, HasSubstr("'values' is required for check kind 'one-of'"));

  LoadError extra =
      load_error(patched("rules.yaml", "check: {kind: required, fields: [authors]}",
                         "check: {kind: required, fields: [authors], allow-empty: true}"));
  EXPECT_EQ(extra.line, line_of("rules.yaml", "fields: [authors]"));
  EXPECT_THAT(extra.message, HasSubstr("unknown key 'allow-empty'"));

  // Declared, but not read with these settings: `than` goes with relation version-at-least.
  std::vector<PackFile> files = test_pack_files();
  files.push_back({"more.yaml",
                   "rules:\n  - id: T100\n    name: x\n    severity: error\n"
                   "    applies-to: metadata\n    description: d\n"
                   "    check: {kind: consistency, relation: equals, field: a, expected: b, "
                   "than: v1.2}\n"});
  LoadError ignored = load_error(files);
  EXPECT_EQ(ignored.line, 7);
  EXPECT_THAT(ignored.message,
              HasSubstr("more.yaml:7:73: rule T100 check: 'than' does not apply with these "
                        "settings of check kind 'consistency'"));
}

TEST(PackLoader, UnknownRuleKey) {
  LoadError e = load_error(patched("rules.yaml", "    description: status is known\n",
                                   "    description: status is known\n    severty: warning\n"));
  EXPECT_EQ(e.file, "packs/test/rules.yaml");
  EXPECT_EQ(e.line, line_of("rules.yaml", "description: status is known") + 1);
  EXPECT_THAT(e.message, HasSubstr("rule T001: unknown key 'severty'"));
}

TEST(PackLoader, CheckReferencesMustNameWhatThePackDeclares) {
  LoadError doc = load_error(patched("rules.yaml", "check: {kind: file-exists, document: readme}",
                                     "check: {kind: file-exists, document: readmee}"));
  EXPECT_EQ(doc.file, "packs/test/rules.yaml");
  EXPECT_EQ(doc.line, line_of("rules.yaml", "kind: file-exists"));
  EXPECT_THAT(doc.message, HasSubstr("document 'readmee' is not a document of the layout "
                                     "(declared: metadata, readme, prr)"));

  LoadError set = load_error(patched("rules.yaml", "dataset: sigs}", "dataset: sig}"));
  EXPECT_EQ(set.line, line_of("rules.yaml", "dataset: sigs}"));
  EXPECT_THAT(set.message,
              HasSubstr("dataset 'sig' is not declared in pack.yaml (declared: sigs)"));

  std::vector<PackFile> files = test_pack_files();
  files.push_back({"template.yaml", R"(rules:
  - id: S001
    name: headings
    severity: info
    applies-to: readme
    description: d
    check: {kind: required-headings, template: tmpl}
)"});
  LoadError tmpl = load_error(files);
  EXPECT_EQ(tmpl.file, "packs/test/template.yaml");
  EXPECT_EQ(tmpl.line, 7);
  EXPECT_THAT(tmpl.message, HasSubstr("template 'tmpl' is not a shared document of the layout"));
}

TEST(PackLoader, BadRegex) {
  LoadError e = load_error(patched("pack.yaml", "^([0-9]+)-", "^([0-9]+-"));
  EXPECT_EQ(e.file, "packs/test/pack.yaml");
  EXPECT_EQ(e.line, line_of("pack.yaml", "key: {field"));
  EXPECT_THAT(e.message, HasSubstr("not a valid RE2"));

  std::vector<PackFile> files = test_pack_files();
  files.push_back({"more.yaml",
                   "rules:\n  - id: T100\n    name: x\n    severity: error\n"
                   "    applies-to: metadata\n    description: d\n"
                   "    check: {kind: pattern, field: title, regex: '[a-'}\n"});
  LoadError r = load_error(files);
  EXPECT_EQ(r.file, "packs/test/more.yaml");
  EXPECT_EQ(r.line, 7);
  EXPECT_THAT(r.message, HasSubstr("'regex' is not a valid RE2"));
}

TEST(PackLoader, KeyPatternNeedsOneGroup) {
  LoadError e = load_error(patched("pack.yaml", "^([0-9]+)-", "^[0-9]+-"));
  EXPECT_THAT(e.message, HasSubstr("exactly one capturing group"));
  EXPECT_EQ(e.line, line_of("pack.yaml", "key: {field"));
}

TEST(PackLoader, MissingField) {
  LoadError e = load_error(patched("rules.yaml", "    description: README.md exists\n", ""));
  EXPECT_EQ(e.file, "packs/test/rules.yaml");
  EXPECT_EQ(e.line, line_of("rules.yaml", "id: T003"));
  EXPECT_THAT(e.message, HasSubstr("rule T003: 'description' is required"));

  LoadError check =
      load_error(patched("rules.yaml", "    check: {kind: file-exists, document: readme}\n", ""));
  EXPECT_THAT(check.message, HasSubstr("'check' is required"));

  LoadError marker = load_error(patched("pack.yaml", "marker: \"keps/**/kep.yaml\"", "x: 1"));
  EXPECT_EQ(marker.file, "packs/test/pack.yaml");
  EXPECT_THAT(marker.message, HasSubstr("'marker' is required"));
}

TEST(PackLoader, DuplicateId) {
  LoadError e = load_error(patched("rules.yaml", "id: T004", "id: T001"));
  EXPECT_EQ(e.file, "packs/test/rules.yaml");
  EXPECT_EQ(e.line, line_of("rules.yaml", "id: T004"));
  EXPECT_THAT(e.message, HasSubstr("rule id T001 is defined twice"));
}

TEST(PackLoader, DuplicateIdAcrossFiles) {
  std::vector<PackFile> files = test_pack_files();
  files.push_back({"z.yaml",
                   "rules:\n  - id: T001\n    name: other\n    severity: error\n"
                   "    applies-to: metadata\n    description: d\n"
                   "    check: {kind: required, field: title}\n"});
  LoadError e = load_error(files);
  EXPECT_EQ(e.file, "packs/test/z.yaml");
  EXPECT_EQ(e.line, 2);
  EXPECT_THAT(e.message, HasSubstr("defined twice"));
}

TEST(PackLoader, DuplicateName) {
  LoadError e = load_error(patched("rules.yaml", "name: sig-known", "name: status-valid"));
  EXPECT_EQ(e.line, line_of("rules.yaml", "id: T004"));
  EXPECT_THAT(e.message, HasSubstr("rule name status-valid is defined twice"));
}

TEST(PackLoader, BadSeverity) {
  const std::string t003 = "severity: warning\n    applies-to: proposal";
  LoadError e =
      load_error(patched("rules.yaml", t003, "severity: warnig\n    applies-to: proposal"));
  EXPECT_EQ(e.file, "packs/test/rules.yaml");
  EXPECT_EQ(e.line, line_of("rules.yaml", t003));
  EXPECT_THAT(e.message, HasSubstr("rule T003:"));
  EXPECT_THAT(e.message, HasSubstr("'severity' is 'warnig', not one of: error, warning, info, off "
                                   "(did you mean 'warning'?)"));

  LoadError whole =
      load_error(patched("rules.yaml", "whole-repo-severity: warning", "whole-repo-severity: low"));
  EXPECT_EQ(whole.line, line_of("rules.yaml", "whole-repo-severity"));
  EXPECT_THAT(whole.message, HasSubstr("'whole-repo-severity' is 'low', not one of"));
}

TEST(PackLoader, BadIdAndName) {
  EXPECT_THAT(load_error(patched("rules.yaml", "id: T001", "id: t001")).message,
              HasSubstr("must look like KEP003"));
  EXPECT_THAT(load_error(patched("rules.yaml", "name: status-valid", "name: Status_Valid")).message,
              HasSubstr("must be kebab-case"));
}

TEST(PackLoader, AppliesToMismatch) {
  // A repository-level kind on a document.
  LoadError doc =
      load_error(patched("rules.yaml", "    applies-to: repository\n    description: PRR files",
                         "    applies-to: metadata\n    description: PRR files"));
  EXPECT_EQ(doc.file, "packs/test/rules.yaml");
  EXPECT_EQ(doc.line, line_of("rules.yaml", "description: PRR files") - 1);
  EXPECT_THAT(doc.message, HasSubstr("must be 'repository' for check kind 'orphan-documents'"));

  // A proposal-level kind on the repository.
  LoadError repo =
      load_error(patched("rules.yaml", "    applies-to: metadata\n    description: status is known",
                         "    applies-to: repository\n    description: status is known"));
  EXPECT_EQ(repo.line, line_of("rules.yaml", "description: status is known") - 1);
  EXPECT_THAT(repo.message,
              HasSubstr("must be 'proposal' or a document role for check kind 'one-of'"));

  // A role the layout does not declare.
  LoadError role =
      load_error(patched("rules.yaml", "    applies-to: metadata\n    description: status is known",
                         "    applies-to: metdata\n    description: status is known"));
  EXPECT_EQ(role.line, line_of("rules.yaml", "description: status is known") - 1);
  EXPECT_THAT(role.message,
              HasSubstr("must be 'proposal', 'repository', 'files' or a document role"));
}

TEST(PackLoader, BrokenConditionInARule) {
  LoadError e = load_error(patched("rules.yaml", "status: implementable\n", "status: {is: x}\n"));
  EXPECT_EQ(e.file, "packs/test/rules.yaml");
  EXPECT_EQ(e.line, line_of("rules.yaml", "status: implementable"));
  EXPECT_THAT(e.message, HasSubstr("unknown condition 'is'"));
}

TEST(PackLoader, YamlSyntaxErrorInARuleFile) {
  LoadError e =
      load_error(patched("rules.yaml", "values: [provisional,", "values: [provisional,,"));
  EXPECT_EQ(e.file, "packs/test/rules.yaml");
  EXPECT_GE(e.line, line_of("rules.yaml", "values: [provisional"));
}

TEST(PackLoader, ManifestProblems) {
  std::vector<PackFile> no_manifest = test_pack_files();
  no_manifest.erase(no_manifest.begin());
  LoadError missing = load_error(no_manifest);
  EXPECT_EQ(missing.file, "packs/test/pack.yaml");
  EXPECT_THAT(missing.message, HasSubstr("pack has no pack.yaml"));

  EXPECT_THAT(load_error(patched("pack.yaml", "format: markdown", "format: md")).message,
              HasSubstr("'format' is 'md', not one of: yaml, markdown, front-matter"));
  EXPECT_THAT(load_error(patched("pack.yaml", "    exclude: [\"keps/template\"]\n",
                                 "    exclude: [\"keps/template\"]\n    unit: directroy\n"))
                  .message,
              HasSubstr("'unit' is 'directroy', not one of: directory, file (did you mean "
                        "'directory'?)"));
  LoadError glob = load_error(patched("pack.yaml", "\"keps/template\"]", "\"keps/[0-9]*\"]"));
  EXPECT_EQ(glob.line, line_of("pack.yaml", "exclude: [\"keps/template\"]"));
  EXPECT_THAT(glob.message, HasSubstr("glob 'keps/[0-9]*' uses '['"));
  EXPECT_THAT(
      load_error(patched("pack.yaml", "family: \"prr/*/*.yaml\"", "family: \"prr/**.yaml\""))
          .message,
      HasSubstr("glob 'prr/**.yaml' has '**' inside the segment '**.yaml'"));
  EXPECT_THAT(load_error(patched("pack.yaml", "marker: \"keps/**/kep.yaml\"",
                                 "marker: \"keps/{a,b}/kep.yaml\""))
                  .message,
              HasSubstr("glob 'keps/{a,b}/kep.yaml' uses '{'"));
  EXPECT_THAT(
      load_error(patched("pack.yaml", "fallback: data/sigs.yaml", "fallback: data/x.yaml")).message,
      HasSubstr("names no data file in the pack: data/x.yaml"));
  EXPECT_THAT(
      load_error(patched("pack.yaml", "format: markdown}", "format: markdown, primary: true}"))
          .message,
      HasSubstr("only one primary document"));
  EXPECT_THAT(load_error(patched("pack.yaml", "    readme:", "    repository:")).message,
              HasSubstr("'repository' is a reserved role name"));
  LoadError url = load_error(patched("pack.yaml", "{id}-{name}", "{id}-{slug}"));
  EXPECT_EQ(url.line, line_of("pack.yaml", "docs-url:"));
  EXPECT_THAT(url.message,
              HasSubstr("pack: 'docs-url' uses {slug}, which is not a variable here (known: {id}, "
                        "{name}, {kep-lint-docs}"));
  LoadError top =
      load_error(patched("pack.yaml", "detect: [keps]\n", "detect: [keps]\nextra: 1\n"));
  EXPECT_EQ(top.line, line_of("pack.yaml", "detect:") + 1);
  EXPECT_THAT(top.message, HasSubstr("unknown key 'extra'"));
}

TEST(PackLoader, DataFileProblems) {
  LoadError e = load_error(patched("data/sigs.yaml", "values:", "valuez:"));
  EXPECT_EQ(e.file, "packs/test/data/sigs.yaml");
  EXPECT_THAT(e.message, HasSubstr("'values' is required"));
}

TEST(PackLoader, RuleFileMustListRules) {
  std::vector<PackFile> files = test_pack_files();
  files.push_back({"bad.yaml", "rules: {id: T100}\n"});
  LoadError e = load_error(files);
  EXPECT_EQ(e.file, "packs/test/bad.yaml");
  EXPECT_EQ(e.line, 1);
  EXPECT_THAT(e.message, HasSubstr("'rules' must be a list of rules"));
}

TEST(PackLoader, LoadsFromADirectory) {
  testing::TempDir tmp;
  testing::write_test_pack(tmp.path() / "test");
  Pack pack = load_pack_directory(tmp.path() / "test");
  EXPECT_EQ(pack.rules.size(), 7u);
  EXPECT_EQ(pack.rules.front().file, (tmp.path() / "test").generic_string() + "/rules.yaml");

  testing::write_file(tmp.path() / "test" / "broken.yaml", "rules:\n  - id: X1\n");
  try {
    load_pack_directory(tmp.path() / "test");
    ADD_FAILURE() << "loaded";
  } catch (const RuleError& e) {
    EXPECT_EQ(e.file(), (tmp.path() / "test").generic_string() + "/broken.yaml");
    EXPECT_EQ(e.position().line, 2);
  }
}

// A pack found by name must carry that name; one loaded from a directory given as such need not.
TEST(PackLoader, NameMustMatchTheDirectoryItIsFoundIn) {
  testing::TempDir tmp;
  testing::write_test_pack(tmp.path() / "other");
  EXPECT_EQ(load_pack_directory(tmp.path() / "other").name, "test");
  try {
    load_pack_directory(tmp.path() / "other", /*name_must_match=*/true);
    ADD_FAILURE() << "loaded";
  } catch (const RuleError& e) {
    EXPECT_EQ(e.file(), (tmp.path() / "other").generic_string() + "/pack.yaml");
    EXPECT_EQ(e.position().line, 1);
    EXPECT_EQ(e.position().column, 7);
    EXPECT_THAT(e.what(), HasSubstr("pack: 'name' is 'test', but the pack is found as 'other'"));
  }
  testing::write_test_pack(tmp.path() / "test");
  EXPECT_EQ(load_pack_directory(tmp.path() / "test/", true).name, "test");
  EXPECT_THAT(load_error(test_pack_files(), "renamed").message,
              HasSubstr("'name' is 'test', but the pack is found as 'renamed'"));
}

TEST(PackLoader, BuiltInKubernetesPackLoads) {
  std::vector<std::string> names = builtin_pack_names();
  EXPECT_NE(std::find(names.begin(), names.end(), "kubernetes"), names.end());
  Pack pack = load_builtin_pack("kubernetes");
  EXPECT_EQ(pack.name, "kubernetes");
  EXPECT_EQ(pack.origin, "built-in");
  EXPECT_GE(pack.rules.size(), 20u);
  ASSERT_NE(pack.find_rule("KEP003"), nullptr);
  EXPECT_EQ(pack.find_rule("KEP003")->name, "status-valid");
  EXPECT_EQ(pack.find_rule("KEP003")->docs_url, project_docs_url() + "/rules/KEP003.md");
  EXPECT_TRUE(std::is_sorted(pack.rules.begin(), pack.rules.end(),
                             [](const Rule& a, const Rule& b) { return a.id < b.id; }));
  EXPECT_EQ(pack.layout.key_of("keps/sig-node/1287-in-place-update"), "1287");
  for (const Rule& r : pack.rules) {
    EXPECT_NE(r.check, nullptr) << r.id;
    EXPECT_FALSE(r.description.empty()) << r.id;
  }
}

TEST(PackLoader, BuiltInPackMatchesTheSourceTree) {
  // The embedded copy is the directory in the source tree.
  Pack from_dir = load_pack_directory(std::string(KEP_LINT_SOURCE_DIR) + "/rules/kubernetes");
  Pack builtin = load_builtin_pack("kubernetes");
  ASSERT_EQ(from_dir.rules.size(), builtin.rules.size());
  for (std::size_t i = 0; i < builtin.rules.size(); ++i) {
    EXPECT_EQ(from_dir.rules[i].id, builtin.rules[i].id);
    EXPECT_EQ(from_dir.rules[i].line, builtin.rules[i].line);
  }
}

TEST(PackLoader, UnknownBuiltInPack) {
  try {
    load_builtin_pack("nope");
    ADD_FAILURE() << "loaded";
  } catch (const RuleError& e) {
    EXPECT_THAT(e.what(),
                HasSubstr("no built-in pack named 'nope' (built-in: cluster-api, gateway-api, "
                          "kubernetes, open-cluster-management, openshift)"));
  }
}

}  // namespace
}  // namespace keplint
