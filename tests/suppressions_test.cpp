// Inline suppressions through the linter (engine/suppressions.h): what they drop, when one is
// unused (only where its rule ran) or invalid, and how they meet severities, scope and excludes.
#include "engine/suppressions.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <time.h>

#include <climits>

#include "engine/linter.h"
#include "engine/rule_error.h"
#include "engine/session.h"
#include "test_pack.h"

namespace keplint {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using testing::write_file;
using testing::write_kep;

// Extra rules for these tests: a file-level Markdown rule, and one that is off in whole-repo runs.
const char* kExtraRules = R"(rules:
  - id: T008
    name: html-comments
    severity: error
    applies-to: files
    files: ["keps/**/*.md"]
    exclude: ["keps/sig-b/**"]
    description: comments are closed
    check: {kind: html-comments}

  - id: T009
    name: stage-set
    severity: error
    whole-repo-severity: off
    applies-to: metadata
    description: stage is set
    check: {kind: required, fields: [stage]}
)";

std::vector<std::string> describe(const Report& report) {
  std::vector<std::string> out;
  for (const Finding& f : report.findings) {
    out.push_back(f.path + ":" + std::to_string(f.range.start.line) + " " + f.rule_id + " " +
                  std::string(severity_name(f.severity)) + " " + f.message);
  }
  return out;
}

class SuppressionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = tmp_.path() / "repo";
    pack_dir_ = tmp_.path() / "pack";
    testing::write_test_pack(pack_dir_);
    write_file(pack_dir_ / "extra.yaml", kExtraRules);
    fs::create_directories(root_ / "keps");
  }
  Report run(LintOptions options = {}) {
    SessionOptions so;
    so.repo_dir = root_;
    so.rules_dir = pack_dir_;
    Session session = open_session(so);
    if (options.severity_overrides.empty()) options.severity_overrides = session.config.severities;
    Report report = lint(*session.run, options);
    session.check_datasets();
    return report;
  }
  void write(const std::string& rel, const std::string& text) { write_file(root_ / rel, text); }
  // A KEP the pack finds clean, with `kep` as its kep.yaml.
  void kep(const std::string& dir, const std::string& text, const std::string& readme = "# x\n") {
    write(dir + "/kep.yaml", text);
    write(dir + "/README.md", readme);
  }

  testing::TempDir tmp_;
  fs::path root_;
  fs::path pack_dir_;
};

const char* kBase = "title: one\nkep-number: 1\nowning-sig: sig-a\nauthors: ['@a']\nstage: alpha\n";

TEST_F(SuppressionTest, TrailingYamlCommentSuppressesItsLineById) {
  kep("keps/sig-a/1-one", std::string(kBase) + "status: bogus  # kep-lint: disable-line T001\n");
  EXPECT_THAT(describe(run()), IsEmpty());
}

TEST_F(SuppressionTest, OwnLineYamlCommentSuppressesTheNextLineByName) {
  kep("keps/sig-a/1-one", std::string(kBase) +
                              "# kep-lint: disable-line status-valid -- reason\n\n# note\n"
                              "status: bogus\n");
  EXPECT_THAT(describe(run()), IsEmpty());
}

TEST_F(SuppressionTest, OnlyTheNamedRuleAndTheCoveredLine) {
  kep("keps/sig-a/1-one",
      "title: one  # kep-lint: disable-line T001\n"
      "kep-number: 1\nowning-sig: sig-zz  # kep-lint: disable-line T001\nauthors: ['@a']\n"
      "stage: alpha\nstatus: bogus\n");
  EXPECT_THAT(describe(run()),
              ElementsAre(HasSubstr("kep.yaml:1 KL001 warning unused suppression: T001 "
                                    "(status-valid) reports nothing on line 1"),
                          HasSubstr("kep.yaml:3 T004 error"),  // column 13, before the comment
                          HasSubstr("kep.yaml:3 KL001 warning unused suppression: T001 "
                                    "(status-valid) reports nothing on line 3"),
                          HasSubstr("kep.yaml:6 T001 error")));
}

TEST_F(SuppressionTest, DisableFileCoversEveryLineAndSeveralRules) {
  write_kep(root_, "sig-a", "1", "one");
  kep("keps/sig-a/1-one",
      "# kep-lint: disable-file T001 T004 -- an imported KEP\n"
      "title: one\nkep-number: 1\nowning-sig: sig-zz\nauthors: ['@a']\nstage: alpha\n"
      "status: bogus\n");
  EXPECT_THAT(describe(run()), IsEmpty());
}

TEST_F(SuppressionTest, MissingReadmeIsSuppressedWhereItIsReported) {
  // T003 reports a missing README on kep.yaml's first line.
  write("keps/sig-a/1-one/kep.yaml",
        "title: one  # kep-lint: disable-line readme-exists -- in another repo\nkep-number: 1\n"
        "owning-sig: sig-a\nauthors: ['@a']\nstage: alpha\nstatus: provisional\n");
  EXPECT_THAT(describe(run()), IsEmpty());
}

TEST_F(SuppressionTest, MarkdownNextLineAndRanges) {
  kep("keps/sig-a/1-one", std::string(kBase) + "status: provisional\n",
      "# One\n"                                     // 1
      "<!-- kep-lint-disable-next-line T008 -->\n"  // 2
      "\n"                                          // 3
      "-->\n"                                       // 4: suppressed
      "<!-- kep-lint-disable T008 -->\n"            // 5
      "-->\n"                                       // 6: suppressed
      "<!-- kep-lint-enable T008 -->\n"             // 7
      "-->\n");                                     // 8: reported
  EXPECT_THAT(describe(run()), ElementsAre(HasSubstr("README.md:8 T008 error")));
}

TEST_F(SuppressionTest, UnterminatedDisableRunsToTheEndOfTheFile) {
  kep("keps/sig-a/1-one", std::string(kBase) + "status: provisional\n",
      "# One\n<!-- kep-lint-disable html-comments -->\n-->\n\ntext\n-->\n");
  EXPECT_THAT(describe(run()), IsEmpty());
}

TEST_F(SuppressionTest, UnusedOnlyWhereTheRuleRan) {
  std::string yaml =
      std::string(kBase) + "status: provisional  # kep-lint: disable-line T005 T006 T009\n";
  // T005 applies to implementable KEPs only, T006 is a repository rule, T009 is off in
  // whole-repo runs: none of them makes the suppression unused.
  kep("keps/sig-a/1-one", yaml);
  EXPECT_THAT(describe(run()), IsEmpty());
  // In a changed-set run T009 runs (and finds stage set): unused.
  LintOptions changed;
  changed.changed_files = std::vector<std::string>{"keps/sig-a/1-one/kep.yaml"};
  EXPECT_THAT(describe(run(changed)),
              ElementsAre(HasSubstr("KL001 warning unused suppression: T009 (stage-set)")));
  // A rule turned off never runs.
  changed.severity_overrides = {{"T009", Severity::Off}};
  EXPECT_THAT(describe(run(changed)), IsEmpty());
}

TEST_F(SuppressionTest, PartialRunsJudgeOnlyWhatTheyLinted) {
  kep("keps/sig-a/1-one",
      std::string(kBase) + "status: provisional  # kep-lint: disable-line T001\n");
  kep("keps/sig-a/2-two",
      "title: two\nkep-number: 2\nowning-sig: sig-a\nauthors: ['@a']\nstage: alpha\n"
      "status: provisional  # kep-lint: disable-line T001\n");
  LintOptions o;
  o.changed_files = std::vector<std::string>{"keps/sig-a/2-two/kep.yaml"};
  EXPECT_THAT(describe(run(o)), ElementsAre(HasSubstr("keps/sig-a/2-two/kep.yaml:6 KL001")));
  o.changed_files.reset();
  o.paths = {"keps/sig-a/1-one"};
  EXPECT_THAT(describe(run(o)), ElementsAre(HasSubstr("keps/sig-a/1-one/kep.yaml:6 KL001")));
  EXPECT_EQ(run().findings.size(), 2u);
}

TEST_F(SuppressionTest, FileLevelRuleThatSkipsTheFileLeavesItsSuppressionAlone) {
  // T008 excludes keps/sig-b/**: it never looks at this README.
  write("keps/sig-b/2-two/kep.yaml",
        "title: two\nkep-number: 2\nowning-sig: sig-b\nauthors: ['@a']\nstage: alpha\n"
        "status: provisional\n");
  write("keps/sig-b/2-two/README.md", "<!-- kep-lint-disable-file T008 -->\n# Two\n");
  EXPECT_THAT(describe(run()), IsEmpty());
  write("keps/sig-a/1-one/kep.yaml", std::string(kBase) + "status: provisional\n");
  write("keps/sig-a/1-one/README.md", "<!-- kep-lint-disable-file T008 -->\n# One\n");
  EXPECT_THAT(describe(run()),
              ElementsAre(HasSubstr("keps/sig-a/1-one/README.md:1 KL001 warning unused "
                                    "suppression: T008 (html-comments) reports nothing in this "
                                    "file")));
}

TEST_F(SuppressionTest, OrphanFileSuppressesRepositoryRule) {
  write_kep(root_, "sig-a", "1", "one");
  write("prr/sig-a/77.yaml", "# kep-lint: disable-file prr-orphan -- moved upstream\nx: 1\n");
  write("prr/sig-a/78.yaml", "x: 1\n");
  EXPECT_THAT(describe(run()), ElementsAre(HasSubstr("prr/sig-a/78.yaml:1 T006")));
}

TEST_F(SuppressionTest, InvalidDirectives) {
  kep("keps/sig-a/1-one",
      std::string(kBase) +
          "status: bogus  # kep-lint: disable-line\n"
          "# kep-lint: disable-line T01 KL001 status-vlid\n"
          "title2: x  # kep-lint: disable-line T001 -- reason\n",
      "# One\n<!-- kep-lint-enable T008 -->\n<!-- kep-lint-disable-line T008 -->\n");
  std::vector<std::string> d = describe(run());
  EXPECT_THAT(
      d,
      ElementsAre(HasSubstr("README.md:2 KL002 warning `kep-lint-enable T008` ends no "
                            "kep-lint-disable of T008 above it"),
                  HasSubstr("README.md:3 KL002 warning unknown directive `kep-lint-disable-line`"),
                  HasSubstr("kep.yaml:6 T001 error"),
                  HasSubstr("kep.yaml:6 KL002 warning `kep-lint: disable-line` names no rule"),
                  HasSubstr("kep.yaml:7 KL002 warning `KL001` is a kep-lint diagnostic"),
                  HasSubstr("kep.yaml:7 KL002 warning unknown rule `T01`"),
                  HasSubstr("kep.yaml:7 KL002 warning unknown rule `status-vlid` in "
                            "`kep-lint: disable-line` (did you mean 'status-valid'?)"),
                  HasSubstr("kep.yaml:8 KL001")));
}

TEST_F(SuppressionTest, EngineSeveritiesFromTheConfig) {
  kep("keps/sig-a/1-one",
      std::string(kBase) + "status: provisional  # kep-lint: disable-line T001 T0001\n");
  write(".kep-lint.yaml", "rules:\n  KL001: off\n  invalid-suppression: error\n");
  Report r = run();
  EXPECT_THAT(describe(r), ElementsAre(HasSubstr("KL002 error unknown rule `T0001`")));
  std::vector<std::string> ids;
  for (const RuleInfo& i : r.rules)
    ids.push_back(i.id + "=" + std::string(severity_name(i.severity)));
  EXPECT_THAT(ids, ::testing::Contains("KL002=error"));
  EXPECT_THAT(ids, ::testing::Not(::testing::Contains(HasSubstr("KL001"))));
}

TEST_F(SuppressionTest, ExcludedPathsReportNoDiagnostics) {
  kep("keps/sig-a/1-one", std::string(kBase) + "status: provisional  # kep-lint: disable-line\n");
  LintOptions o;
  o.exclude = {"keps/sig-a/**"};
  EXPECT_THAT(describe(run(o)), IsEmpty());
}

TEST_F(SuppressionTest, PackRulesCannotTakeEngineIds) {
  write_file(
      pack_dir_ / "extra.yaml",
      "rules:\n  - id: KL001\n    name: mine\n    severity: error\n    applies-to: metadata\n"
      "    description: d\n    check: {kind: required, fields: [title]}\n");
  try {
    run();
    FAIL() << "a pack rule named KL001 was accepted";
  } catch (const RuleError& e) {
    EXPECT_THAT(e.what(), HasSubstr("kep-lint's own diagnostics"));
  }
}

TEST_F(SuppressionTest, IdenticalForAnyThreadCount) {
  for (int i = 1; i <= 6; ++i) {
    std::string n = std::to_string(i);
    kep("keps/sig-a/" + n + "-k",
        "title: k\nkep-number: " + n + "\nowning-sig: sig-a\nauthors: ['@a']\nstage: alpha\n" +
            "status: bogus  # kep-lint: disable-line T001 T004\n",
        "# K\n<!-- kep-lint-disable-next-line T008 -->\n-->\n<!-- kep-lint-enable T008 -->\n");
  }
  LintOptions one, many;
  one.jobs = 1;
  many.jobs = 4;
  std::vector<std::string> a = describe(run(one));
  EXPECT_EQ(a.size(), 12u);
  EXPECT_EQ(a, describe(run(many)));
}

TEST(FrontMatterSuppression, YamlFormInFrontMatterHtmlFormInTheBody) {
  testing::TempDir tmp;
  fs::path root = tmp.path();
  write_file(root / "enhancements/README.md", "# Enhancements\n");
  std::string front =
      "---\ntitle: dns\nauthors: ['@a']\nreviewers: ['@b']\napprovers: ['@c']\n"
      "api-approvers: ['None']\n"
      "creation-date: 2024-02-30  # kep-lint: disable-line date-valid -- imported as is\n"
      "last-updated: 2024-02-31\n"
      "status: provisional\n---\n";
  write_file(root / "enhancements/net/dns.md",
             front +
                 "\n# DNS\n\n<!-- kep-lint-disable-file OSE006 -->\n"
                 "# kep-lint: disable-line OSE004\n");
  SessionOptions so;
  so.repo_dir = root;
  so.pack = "openshift";
  Session session = open_session(so);
  std::vector<std::string> d = describe(lint(*session.run, {}));
  // Line 8's date is still reported: the heading "# kep-lint: ..." in the body is Markdown, not
  // a YAML comment, and the HTML comment suppresses a rule that found nothing.
  EXPECT_THAT(d, ElementsAre(HasSubstr("dns.md:8 OSE004 error"),
                             HasSubstr("dns.md:14 KL001 warning unused suppression: OSE006 "
                                       "(unknown-key) reports nothing in this file")));
}

// ---- apply_suppressions directly: findings a run cannot easily produce ---------------------

class ApplySuppressionsTest : public ::testing::Test {
 protected:
  ApplySuppressionsTest()
      : pack_(load_pack("test", testing::test_pack_files())), coverage_(pack_) {}

  Finding finding(const std::string& rule, int line) {
    Finding f;
    f.rule_id = rule;
    f.path = "keps/a/kep.yaml";
    f.range = line == 0 ? Range{} : Range::line(line);
    return f;
  }
  std::vector<Finding> apply(const std::string& text, std::vector<Finding> findings) {
    auto source = std::make_shared<const SourceFile>("keps/a/kep.yaml", text);
    SuppressionFile file{"keps/a/kep.yaml", source, scan_suppressions(source), {"keps/a"}};
    apply_suppressions(findings, {file}, pack_, coverage_, {});
    return findings;
  }

  Pack pack_;
  RunCoverage coverage_;
};

TEST_F(ApplySuppressionsTest, WholeFileFindingsOnlyByDisableFile) {
  auto left = apply("a: 1  # kep-lint: disable-line T003\n", {finding("T003", 0)});
  ASSERT_EQ(left.size(), 1u);
  EXPECT_EQ(left[0].rule_id, "T003");
  left = apply("# kep-lint: disable-file T003\na: 1\n", {finding("T003", 0)});
  EXPECT_TRUE(left.empty());
}

TEST_F(ApplySuppressionsTest, UnusedNeedsCoverage) {
  // No rule ran on the proposal: nothing is unused.
  EXPECT_TRUE(apply("a: 1  # kep-lint: disable-line T001\n", {}).empty());
  coverage_.proposals["keps/a"] = std::vector<bool>(pack_.rules.size(), false);
  EXPECT_TRUE(apply("a: 1  # kep-lint: disable-line T001\n", {}).empty());
  coverage_.proposals["keps/a"][0] = true;  // T001 ran
  auto left = apply("a: 1  # kep-lint: disable-line T001\n", {});
  ASSERT_EQ(left.size(), 1u);
  EXPECT_EQ(left[0].rule_id, "KL001");
  EXPECT_EQ(left[0].anchor, "kep-lint: disable-line T001");
  EXPECT_EQ(left[0].proposal, "keps/a");
  // Used by one finding: quiet, and the finding is gone.
  EXPECT_TRUE(apply("a: 1  # kep-lint: disable-line T001\n", {finding("T001", 1)}).empty());
}

TEST_F(ApplySuppressionsTest, SeverityOffProducesNothing) {
  coverage_.proposals["keps/a"] = std::vector<bool>(pack_.rules.size(), true);
  auto source = std::make_shared<const SourceFile>("keps/a/kep.yaml",
                                                   "a: 1  # kep-lint: disable-line T001 T0\n");
  std::vector<Finding> findings;
  apply_suppressions(findings, {{"keps/a/kep.yaml", source, scan_suppressions(source), {"keps/a"}}},
                     pack_, coverage_, {Severity::Off, Severity::Off});
  EXPECT_TRUE(findings.empty());
}

TEST_F(ApplySuppressionsTest, ManySuppressionsOnManyFindingsTakeLinearTime) {
  // Issue 16: every finding of a file was compared with every suppression of the file.
  constexpr int kLines = 80000;
  coverage_.proposals["keps/a"] = std::vector<bool>(pack_.rules.size(), true);
  std::string text;
  std::vector<Finding> findings;
  for (int line = 1; line <= kLines; ++line) {
    text += "k" + std::to_string(line) + ": 1  # kep-lint: disable-line T001\n";
    if (line % 2 == 1) findings.push_back(finding("T001", line));  // suppressed
    findings.push_back(finding("T002", line));                     // another rule: kept
  }
  timespec start{}, end{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start);
  auto left = apply(text, std::move(findings));
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &end);
  double seconds = static_cast<double>(end.tv_sec - start.tv_sec) +
                   static_cast<double>(end.tv_nsec - start.tv_nsec) * 1e-9;
  int kept = 0, unused = 0;
  for (const Finding& f : left) {
    if (f.rule_id == "T002") ++kept;
    if (f.rule_id == "KL001") {
      ++unused;
      EXPECT_EQ(f.range.start.line % 2, 0) << f.message;  // the even lines had nothing
    }
    EXPECT_NE(f.rule_id, "T001");
  }
  EXPECT_EQ(kept, kLines);
  EXPECT_EQ(unused, kLines / 2);
  EXPECT_LT(seconds, 10.0);  // about a second; the pairwise loop took 6 s at half the size
}

}  // namespace
}  // namespace keplint
