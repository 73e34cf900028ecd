#include "engine/linter.h"
#include "engine/project_home.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

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

// "path:line:col rule severity message": one finding per line, easy to compare and read.
std::vector<std::string> describe(const Report& report) {
  std::vector<std::string> out;
  for (const Finding& f : report.findings) {
    out.push_back(f.path + ":" + std::to_string(f.range.start.line) + ":" +
                  std::to_string(f.range.start.column) + " " + f.rule_id + " " +
                  std::string(severity_name(f.severity)) + " " + f.message);
  }
  return out;
}

std::vector<std::string> ids(const Report& report) {
  std::vector<std::string> out;
  for (const Finding& f : report.findings) out.push_back(f.rule_id + " " + f.path);
  return out;
}

class LinterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = tmp_.path() / "repo";
    pack_dir_ = tmp_.path() / "pack";
    testing::write_test_pack(pack_dir_);
    fs::create_directories(root_ / "keps");
  }
  Report run(LintOptions options = {}) {
    SessionOptions so;
    so.repo_dir = root_;
    so.rules_dir = pack_dir_;
    Session session = open_session(so);
    Report report = lint(*session.run, options);
    session.check_datasets();
    return report;
  }
  void write(const std::string& rel, const std::string& text) { write_file(root_ / rel, text); }

  testing::TempDir tmp_;
  fs::path root_;
  fs::path pack_dir_;
};

TEST_F(LinterTest, CleanRepository) {
  write_kep(root_, "sig-a", "1", "one", "implementable");
  write_kep(root_, "sig-b", "2", "two");
  Report r = run();
  EXPECT_THAT(describe(r), IsEmpty());
  EXPECT_THAT(r.proposals, ElementsAre("keps/sig-a/1-one", "keps/sig-b/2-two"));
  // The pack's seven rules and kep-lint's own diagnostics (KL001-KL003), sorted by id.
  std::vector<std::string> rule_ids;
  for (const RuleInfo& i : r.rules) rule_ids.push_back(i.id);
  EXPECT_THAT(rule_ids, ElementsAre("KL001", "KL002", "KL003", "T001", "T002", "T003", "T004",
                                    "T005", "T006", "T007"));
  EXPECT_EQ(r.rules[3].docs_url, "https://example.com/rules/T001-status-valid");
  EXPECT_EQ(r.rules[0].docs_url, project_docs_url() + "/rules/KL001.md");
}

TEST_F(LinterTest, FindingsCarryRulePositionAndProposal) {
  write_kep(root_, "sig-a", "1", "one");
  write("keps/sig-a/1-one/kep.yaml",
        "title: one\nkep-number: 1\nowning-sig: sig-zz\nstatus: implemntable\nauthors: [a]\n");
  Report r = run();
  EXPECT_THAT(describe(r),
              ElementsAre(HasSubstr("keps/sig-a/1-one/kep.yaml:3:13 T004 error owning-sig 'sig-zz' "
                                    "is not in sigs from the pinned test list"),
                          HasSubstr("keps/sig-a/1-one/kep.yaml:4:9 T001 error")));
  ASSERT_EQ(r.findings.size(), 2u);
  const Finding& f = r.findings[1];
  EXPECT_EQ(f.rule_name, "status-valid");
  EXPECT_EQ(f.proposal, "keps/sig-a/1-one");
  EXPECT_EQ(f.docs_url, "https://example.com/rules/T001-status-valid");
  EXPECT_EQ(f.range.end, (Position{4, 20}));
  ASSERT_NE(f.source, nullptr);
  EXPECT_EQ(f.source->path(), "keps/sig-a/1-one/kep.yaml");
}

TEST_F(LinterTest, ConditionsSelectRules) {
  // Implementable without a PRR file: T005 fires at the status key; provisional does not.
  write_kep(root_, "sig-a", "1", "one", "implementable");
  write_kep(root_, "sig-a", "2", "two", "provisional");
  fs::remove(root_ / "prr/sig-a/1.yaml");
  EXPECT_THAT(describe(run()), ElementsAre("keps/sig-a/1-one/kep.yaml:4:1 T005 error prr file "
                                           "prr/sig-a/1.yaml does not exist"));
}

TEST_F(LinterTest, SeverityOverrideById) {
  write_kep(root_, "sig-a", "1", "one", "bogus");
  LintOptions o;
  o.severity_overrides["T001"] = Severity::Warning;
  Report r = run(o);
  EXPECT_THAT(describe(r), ElementsAre(HasSubstr("T001 warning")));
  auto rule = std::find_if(r.rules.begin(), r.rules.end(),
                           [](const RuleInfo& i) { return i.id == "T001"; });
  ASSERT_NE(rule, r.rules.end());
  EXPECT_EQ(rule->severity, Severity::Warning);
}

TEST_F(LinterTest, SeverityOverrideByNameAndOff) {
  write_kep(root_, "sig-a", "1", "one", "bogus");
  LintOptions o;
  o.severity_overrides["status-valid"] = Severity::Off;
  Report r = run(o);
  EXPECT_THAT(describe(r), IsEmpty());
  EXPECT_EQ(r.rules.size(), 9u);  // an "off" rule is not active (6 of the pack, 3 of kep-lint)
  o.severity_overrides = {{"status-valid", Severity::Info}};
  EXPECT_THAT(describe(run(o)), ElementsAre(HasSubstr("T001 info")));
}

TEST_F(LinterTest, OverrideByIdWinsOverName) {
  write_kep(root_, "sig-a", "1", "one", "bogus");
  LintOptions o;
  o.severity_overrides = {{"status-valid", Severity::Off}, {"T001", Severity::Info}};
  EXPECT_THAT(describe(run(o)), ElementsAre(HasSubstr("T001 info")));
}

TEST_F(LinterTest, WholeRepoSeverityAppliesOnlyToWholeRepoRuns) {
  write_kep(root_, "sig-a", "1", "one");
  write("keps/sig-a/1-one/kep.yaml",
        "title: one\nkep-number: 1\nowning-sig: sig-a\n"
        "status: provisional\n");
  write_kep(root_, "sig-a", "2", "two");
  // Whole repository: T002's whole-repo-severity (warning).
  EXPECT_THAT(describe(run()),
              ElementsAre(HasSubstr("keps/sig-a/1-one/kep.yaml:1:1 T002 warning")));
  // The proposal named explicitly: its normal severity (error).
  LintOptions paths;
  paths.paths = {"keps/sig-a/1-one"};
  Report named = run(paths);
  EXPECT_THAT(describe(named), ElementsAre(HasSubstr("T002 error")));
  EXPECT_THAT(named.proposals, ElementsAre("keps/sig-a/1-one"));
  // A changed-file set.
  LintOptions changed;
  changed.changed_files = std::vector<std::string>{"keps/sig-a/1-one/kep.yaml"};
  EXPECT_THAT(describe(run(changed)), ElementsAre(HasSubstr("T002 error")));
  // An explicit override beats both.
  LintOptions over;
  over.severity_overrides["T002"] = Severity::Info;
  EXPECT_THAT(describe(run(over)), ElementsAre(HasSubstr("T002 info")));
  over.paths = {"keps/sig-a/1-one"};
  EXPECT_THAT(describe(run(over)), ElementsAre(HasSubstr("T002 info")));
}

TEST_F(LinterTest, Excludes) {
  write_kep(root_, "sig-a", "1", "one", "bogus");
  write_kep(root_, "sig-b", "2", "two", "bogus");
  write_kep(root_, "sig-b", "3", "three", "bogus");
  LintOptions o;
  o.exclude = {"keps/sig-b/**"};
  Report r = run(o);
  EXPECT_THAT(ids(r), ElementsAre("T001 keps/sig-a/1-one/kep.yaml"));
  EXPECT_THAT(r.proposals, ElementsAre("keps/sig-a/1-one"));
  // A directory glob excludes what lies below it.
  o.exclude = {"keps/sig-b/2-two"};
  EXPECT_THAT(ids(run(o)),
              ElementsAre("T001 keps/sig-a/1-one/kep.yaml", "T001 keps/sig-b/3-three/kep.yaml"));
  // Findings of repository-level rules are dropped too.
  write("keps/sig-a/stray/README.md", "# stray\n");
  o.exclude = {"keps/sig-a/**"};
  EXPECT_THAT(ids(run(o)),
              ElementsAre("T001 keps/sig-b/2-two/kep.yaml", "T001 keps/sig-b/3-three/kep.yaml"));
}

TEST_F(LinterTest, RepositoryLevelRules) {
  write_kep(root_, "sig-a", "1", "one", "implementable");
  write("keps/README.md", "# index\n");          // excluded by the rule
  write("keps/sig-a/stray/README.md", "# x\n");  // in no KEP
  write("prr/sig-a/77.yaml", "kep-number: 77\n");
  write("prr/sig-b/1.yaml", "kep-number: 1\n");  // KEP 1 is sig-a's
  write("prr/loose.yaml", "x: 1\n");             // not in the family
  EXPECT_THAT(describe(run()),
              ElementsAre("keps/sig-a/stray/README.md:0:0 T007 error keps/sig-a/stray/README.md is "
                          "not part of a proposal: keps/sig-a/stray has no metadata file "
                          "(keps/**/kep.yaml)",
                          "prr/sig-a/77.yaml:1:1 T006 error prr/sig-a/77.yaml belongs to no "
                          "proposal: none has kep-number 77",
                          "prr/sig-b/1.yaml:1:1 T006 error prr/sig-b/1.yaml is not where "
                          "keps/sig-a/1-one expects its prr file (prr/sig-a/1.yaml)"));
}

TEST_F(LinterTest, OrphanCheckWithTwoProposalsSharingAKey) {
  // Two KEPs numbered 5 (a renumbering in progress); the PRR file belongs to the second one.
  write_kep(root_, "sig-a", "5", "first");
  write_kep(root_, "sig-b", "5", "second", "implementable");
  LintOptions o;
  o.exclude = {"keps/**"};  // nothing linted per proposal: the orphan check loads them itself
  EXPECT_THAT(describe(run(o)), IsEmpty());
}

TEST_F(LinterTest, OrphanCheckReportsEveryProposalSharingTheKeyWhenNoneClaimsIt) {
  write_kep(root_, "sig-a", "5", "first");
  write_kep(root_, "sig-b", "5", "second");
  write("prr/sig-c/5.yaml", "kep-number: 5\n");
  EXPECT_THAT(describe(run()),
              ElementsAre(HasSubstr("not where keps/sig-a/5-first expects its prr file "
                                    "(prr/sig-a/5.yaml)"),
                          HasSubstr("not where keps/sig-b/5-second expects its prr file "
                                    "(prr/sig-b/5.yaml)")));
}

TEST_F(LinterTest, ChangedSetLimitsProposalsAndRepositoryFiles) {
  write_kep(root_, "sig-a", "1", "one", "bogus");
  write_kep(root_, "sig-a", "2", "two", "bogus");
  write("keps/sig-a/stray/README.md", "# x\n");
  write("keps/sig-b/stray/README.md", "# y\n");
  LintOptions o;
  o.changed_files = std::vector<std::string>{
      "keps/sig-a/2-two/README.md", "keps/sig-b/stray/README.md", "keps/sig-a/9-deleted/kep.yaml"};
  Report r = run(o);
  EXPECT_THAT(ids(r),
              ElementsAre("T001 keps/sig-a/2-two/kep.yaml", "T007 keps/sig-b/stray/README.md"));
  // The deleted proposal is named by its marker but has nothing left to lint.
  EXPECT_THAT(r.proposals, ElementsAre("keps/sig-a/2-two", "keps/sig-a/9-deleted"));
}

TEST_F(LinterTest, DirectoryPathsNameTheProposalsBelowThem) {
  write_kep(root_, "sig-a", "1", "one", "bogus");
  write_kep(root_, "sig-a", "2", "two", "bogus");
  write_kep(root_, "sig-b", "3", "three", "bogus");
  LintOptions o;
  o.paths = {"keps/sig-a"};
  EXPECT_THAT(run(o).proposals, ElementsAre("keps/sig-a/1-one", "keps/sig-a/2-two"));
  o.paths = {"keps/sig-b/3-three/README.md"};
  EXPECT_THAT(run(o).proposals, ElementsAre("keps/sig-b/3-three"));
  o.paths = {"keps/sig-b/3-three/img"};  // a directory inside a proposal
  fs::create_directories(root_ / "keps/sig-b/3-three/img");
  EXPECT_THAT(run(o).proposals, ElementsAre("keps/sig-b/3-three"));
  o.paths = {""};
  EXPECT_EQ(run(o).proposals.size(), 3u);
}

TEST_F(LinterTest, UnreadableMetadataSkipsItsRules) {
  write_kep(root_, "sig-a", "1", "one");
  fs::remove(root_ / "keps/sig-a/1-one/kep.yaml");
  fs::create_symlink("/etc/passwd", root_ / "keps/sig-a/1-one/kep.yaml");
  Report r = run();
  EXPECT_THAT(r.proposals, ElementsAre("keps/sig-a/1-one"));
  for (const Finding& f : r.findings) {
    EXPECT_EQ(f.source, nullptr) << f.rule_id;
    EXPECT_THAT(f.message, ::testing::Not(HasSubstr("root:")));
  }
}

// ~50 generated KEPs with a mix of problems, for the determinism tests.
void write_many_keps(const fs::path& root) {
  const char* statuses[] = {"provisional", "implementable", "bogus", "implemented"};
  for (int i = 1; i <= 50; ++i) {
    std::string sig = i % 7 == 0 ? "sig-zz" : (i % 2 ? "sig-a" : "sig-b");
    std::string num = std::to_string(i);
    write_kep(root, sig, num, "kep" + num, statuses[i % 4]);
    std::string dir = "keps/" + sig + "/" + num + "-kep" + num;
    if (i % 5 == 0) fs::remove(root / dir / "README.md");
    if (i % 6 == 0) {
      write_file(root / dir / "kep.yaml", "title: t\nkep-number: " + num + "\nowning-sig: " + sig +
                                              "\nstatus: implementable\n");
    }
    if (i % 9 == 0) write_file(root / "prr" / "sig-b" / (num + "0.yaml"), "kep-number: 1\n");
  }
}

TEST_F(LinterTest, OutputIsIdenticalForAnyThreadCount) {
  write_many_keps(root_);
  LintOptions one;
  one.jobs = 1;
  std::vector<std::string> expected = describe(run(one));
  ASSERT_GT(expected.size(), 40u);
  for (int round = 0; round < 4; ++round) {
    LintOptions many;
    many.jobs = 8;
    Report r = run(many);
    EXPECT_EQ(describe(r), expected) << "round " << round;
    EXPECT_EQ(r.proposals.size(), 50u);
  }
  LintOptions automatic;  // jobs = 0: one per core
  EXPECT_EQ(describe(run(automatic)), expected);
}

TEST_F(LinterTest, FindingsAreSortedByPathLineColumnRule) {
  write_many_keps(root_);
  Report r = run();
  EXPECT_TRUE(std::is_sorted(r.findings.begin(), r.findings.end(), finding_less));
  for (std::size_t i = 1; i < r.findings.size(); ++i) {
    const Finding& a = r.findings[i - 1];
    const Finding& b = r.findings[i];
    EXPECT_FALSE(a.path == b.path && a.range == b.range && a.rule_id == b.rule_id &&
                 a.message == b.message)
        << "duplicate finding " << a.rule_id << " " << a.path;
  }
}

}  // namespace
}  // namespace keplint
