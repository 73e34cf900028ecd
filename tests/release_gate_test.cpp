// The gate a repository can switch on (issue 13): release readiness at each KEP's own severity,
// one finding per template placeholder, failing closed on missing datasets and paths, and the
// repository root found from a subdirectory. Library tests with the kubernetes pack, then the
// command line end to end.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <stdexcept>

#include "engine/linter.h"
#include "engine/release_readiness.h"
#include "engine/session.h"
#include "git_fixture.h"
#include "repo/process.h"

namespace keplint {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::write_file;

// The parts of the KEP template the README rules compare against.
constexpr const char* kTemplate =
    "# KEP-NNNN: Your short, descriptive title\n\n## Summary\n\n## Motivation\n\n"
    "## Production Readiness Review Questionnaire\n\n### Feature Enablement and Rollback\n\n"
    "###### How can this feature be enabled / disabled in a live cluster?\n\n"
    "<!-- Pick one of these -->\n- [ ] Feature gate\n\n"
    "###### Does enabling the feature change any default behavior?\n\n"
    "<!-- Any change of default behavior may be surprising -->\n";

class GateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = tmp_.path() / "repo";
    write("keps/NNNN-kep-template/README.md", kTemplate);
    write("keps/NNNN-kep-template/kep.yaml", "title: KEP Template\n");
    write("OWNERS_ALIASES", "aliases:\n  prod-readiness-approvers:\n    - alice\n");
  }
  void write(const std::string& rel, const std::string& text) { write_file(root_ / rel, text); }
  // An implementable alpha KEP of sig-node with its PRR approval.
  void kep(const std::string& number, const std::string& slug, const std::string& milestone,
           const std::string& readme) {
    std::string dir = "keps/sig-node/" + number + "-" + slug;
    write(dir + "/kep.yaml", "title: " + slug + "\nkep-number: " + number +
                                 "\nowning-sig: sig-node\nstatus: implementable\nstage: alpha\n"
                                 "latest-milestone: \"" +
                                 milestone + "\"\nmilestone:\n  alpha: \"" + milestone + "\"\n");
    write(dir + "/README.md", readme);
    write("keps/prod-readiness/sig-node/" + number + ".yaml",
          "kep-number: " + number + "\nalpha:\n  approver: \"@alice\"\n");
  }
  Session session(const std::string& release = "") {
    SessionOptions options;
    options.repo_dir = root_;
    options.pack = "kubernetes";
    if (!release.empty()) options.variables["release"] = release;
    return open_session(options);
  }

  testing::TempDir tmp_;
  fs::path root_;
};

std::string answered(const std::string& number) {
  return "# KEP-" + number +
         ": Answered\n\n## Summary\n\n## Motivation\n\n"
         "## Production Readiness Review Questionnaire\n\n### Feature Enablement and Rollback\n\n"
         "###### How can this feature be enabled / disabled in a live cluster?\n\n"
         "- [x] Feature gate\n  - Feature gate name: FastPods\n\n"
         "###### Does enabling the feature change any default behavior?\n\nNo.\n";
}

TEST_F(GateTest, ReleaseReportHoldsTargetedKepsToTheirOwnSeverity) {
  // KEP063 is off in whole-repo runs: a template-blank README passed the report before.
  kep("5001", "blank", "v1.37", std::string(kTemplate));
  kep("5002", "answered", "v1.37", answered("5002"));
  kep("5003", "other-release", "v1.36", std::string(kTemplate));
  Session s = session("v1.37");
  std::vector<std::string> targets = release_targets(*s.run, s.run->all_proposals());
  EXPECT_THAT(targets, ElementsAre("keps/sig-node/5001-blank", "keps/sig-node/5002-answered"));
  LintOptions options;
  options.paths = targets;
  Report report = lint(*s.run, options);
  std::vector<ReleaseEntry> entries = release_readiness(*s.run, report);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_FALSE(entries[0].ready);
  ASSERT_FALSE(entries[0].problems.empty());
  EXPECT_EQ(entries[0].problems[0].rule, "KEP063 prr-question-unanswered");
  EXPECT_THAT(entries[0].problems[0].message, HasSubstr("PRR question not answered"));
  EXPECT_EQ(entries[0].problems[0].path, "keps/sig-node/5001-blank/README.md");
  EXPECT_GT(entries[0].problems[0].line, 0);
  EXPECT_TRUE(entries[1].ready) << (entries[1].problems.empty() ? ""
                                                                : entries[1].problems[0].message);
}

TEST_F(GateTest, ProposalsUnderPathsAndUnmatchedPaths) {
  std::vector<std::string> all = {"keps/sig-a/1-one", "keps/sig-a/2-two", "keps/sig-b/3-three"};
  std::vector<std::string> unmatched;
  EXPECT_THAT(proposals_under(all, {"keps/sig-a"}, &unmatched),
              ElementsAre("keps/sig-a/1-one", "keps/sig-a/2-two"));
  EXPECT_THAT(proposals_under(all, {"keps/sig-b/3-three/README.md"}, &unmatched),
              ElementsAre("keps/sig-b/3-three"));
  EXPECT_TRUE(unmatched.empty());
  EXPECT_THAT(proposals_under(all, {""}, &unmatched).size(), 3u);
  EXPECT_TRUE(proposals_under(all, {"keps/sig-c", "keps/sig-a/1"}, &unmatched).empty());
  EXPECT_THAT(unmatched, ElementsAre("keps/sig-c", "keps/sig-a/1"));
}

TEST_F(GateTest, PathsThatNameNoProposal) {
  kep("5001", "one", "v1.37", answered("5001"));
  write("docs/notes.txt", "not a KEP\n");
  write("keps/sig-node/notes.md", "# Notes\n");
  Session s = session();
  EXPECT_THAT(paths_without_proposals(
                  *s.run, {"keps/sig-node", "keps/sig-node/5001-one/kep.yaml", "OWNERS_ALIASES",
                           "keps/sig-node/notes.md", "keps/prod-readiness/sig-node/5001.yaml",
                           "docs", "docs/notes.txt", ""}),
              ElementsAre("docs", "docs/notes.txt"));
}

TEST_F(GateTest, TemplatePlaceholderIsOneFindingThatSaysWhatToWrite) {
  write("keps/sig-node/5004-copied/kep.yaml",
        "title: Copied\nkep-number: NNNN\nowning-sig: sig-xyz\nstatus: provisional\n"
        "authors:\n  - \"@jane.doe\"\ncreation-date: yyyy-mm-dd\n");
  write("keps/sig-node/5004-copied/README.md",
        "# KEP-5004: Copied\n\n## Summary\n\n## Motivation\n");
  Session s = session();
  Report report = lint(*s.run, {});
  std::map<int, std::vector<std::string>> by_line;
  for (const Finding& f : report.findings) {
    if (f.path != "keps/sig-node/5004-copied/kep.yaml") continue;
    by_line[f.range.start.line].push_back(f.rule_id);
    if (f.rule_id == "KEP022") {
      EXPECT_THAT(f.message, HasSubstr(": write "));
    }
  }
  EXPECT_THAT(by_line[2], ElementsAre("KEP022"));  // not also KEP012 and KEP013
  EXPECT_THAT(by_line[3], ElementsAre("KEP022"));  // not also KEP009 and KEP014
  EXPECT_THAT(by_line[6], ElementsAre("KEP022"));  // not also KEP023
  EXPECT_THAT(by_line[7], ElementsAre("KEP022"));  // not also KEP011
}

TEST_F(GateTest, MissingDatasetARuleNeedsFailsTheRunUnlessOptional) {
  kep("5001", "one", "v1.37", answered("5001"));
  fs::remove(root_ / "OWNERS_ALIASES");
  {
    Session s = session();
    lint(*s.run, {});
    EXPECT_THROW(
        {
          try {
            s.check_datasets();
          } catch (const std::runtime_error& e) {
            EXPECT_THAT(e.what(), HasSubstr("prr-approvers is needed but unavailable"));
            throw;
          }
        },
        std::runtime_error);
  }
  write(".kep-lint.yaml", "optional-datasets: [prr-approvers]\n");
  Session s = session();
  lint(*s.run, {});
  EXPECT_NO_THROW(s.check_datasets());
}

TEST_F(GateTest, NoRuleNeedsTheDatasetNoFailure) {
  write("keps/sig-node/5005-provisional/kep.yaml",
        "title: P\nkep-number: 5005\nowning-sig: sig-node\nstatus: provisional\n");
  write("keps/sig-node/5005-provisional/README.md", "# KEP-5005: P\n");
  fs::remove(root_ / "OWNERS_ALIASES");
  Session s = session();
  lint(*s.run, {});
  EXPECT_NO_THROW(s.check_datasets());
}

TEST_F(GateTest, FindsTheRepositoryRootFromASubdirectory) {
  kep("5001", "one", "v1.37", answered("5001"));
  SessionOptions options;
  options.repo_dir = root_ / "keps" / "sig-node" / "5001-one";
  options.find_root = true;
  Session s = open_session(options);
  EXPECT_EQ(fs::weakly_canonical(s.repo->root()), fs::weakly_canonical(root_));
  EXPECT_EQ(s.pack->name, "kubernetes");
  // A `.git` nearer than the pack's markers wins, as git finds its work tree.
  fs::create_directories(root_ / "keps" / "sig-node" / ".git");
  options.repo_dir = root_ / "keps" / "sig-node" / "5001-one";
  EXPECT_THROW(open_session(options), std::runtime_error);  // no pack applies there
}

// End to end: what the command line says and returns.
class GateCliTest : public GateTest {
 protected:
  ProcessResult kep_lint(std::vector<std::string> args, const fs::path& cwd) {
    std::vector<std::string> argv = {"env", "-i", "PATH=/usr/bin:/bin", KEP_LINT_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());
    ProcessOptions options;
    options.working_dir = cwd;
    return run_process(argv, options);
  }
};

TEST_F(GateCliTest, ReportOptionsAndVerdicts) {
  kep("5001", "blank", "v1.37", std::string(kTemplate));
  kep("5002", "answered", "v1.37", answered("5002"));
  ProcessResult bad = kep_lint({"report", "--release", "1.37"}, root_);
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("--release takes a release written like v1.33, got '1.37'"));

  ProcessResult help = kep_lint({"report", "--help"}, root_);
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_THAT(help.out, HasSubstr("--release v1.NN"));
  EXPECT_THAT(help.out, HasSubstr("--format"));

  ProcessResult all = kep_lint({"report", "--release", "v1.37"}, root_ / "keps" / "sig-node");
  EXPECT_EQ(all.exit_code, 1) << all.err;
  EXPECT_THAT(all.out, HasSubstr("NOT READY  keps/sig-node/5001-blank"));
  EXPECT_THAT(all.out, HasSubstr("KEP063 prr-question-unanswered  "
                                 "keps/sig-node/5001-blank/README.md:"));
  EXPECT_THAT(all.out, HasSubstr("2 proposals target v1.37: 1 ready, 1 not ready"));

  ProcessResult one =
      kep_lint({"report", "--release", "v1.37", "keps/sig-node/5002-answered"}, root_);
  EXPECT_EQ(one.exit_code, 0) << one.out << one.err;
  EXPECT_THAT(one.out, HasSubstr("1 proposal target v1.37: 1 ready, 0 not ready"));

  ProcessResult none = kep_lint({"report", "--release", "v1.37", "OWNERS_ALIASES"}, root_);
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_THAT(none.err, HasSubstr("path 'OWNERS_ALIASES' holds no proposal"));
}

TEST_F(GateCliTest, PathsAndTheRoot) {
  kep("5001", "blank", "v1.37", std::string(kTemplate));
  write("docs/notes.md", "# Notes\n");
  ProcessResult docs = kep_lint({"docs"}, root_);
  EXPECT_EQ(docs.exit_code, 2);
  EXPECT_THAT(docs.err, HasSubstr("path 'docs' is not part of any proposal"));

  // `kep-lint .` at the root is the whole repository (whole-repo severities: KEP063 is off).
  ProcessResult dot = kep_lint({".", "--format", "json"}, root_);
  ProcessResult whole = kep_lint({"--format", "json"}, root_);
  EXPECT_EQ(dot.exit_code, whole.exit_code);
  EXPECT_EQ(dot.out, whole.out);
  EXPECT_THAT(whole.out, ::testing::Not(HasSubstr("KEP063")));
  // From a subdirectory the root is found, so OWNERS_ALIASES is read.
  ProcessResult sub = kep_lint({"--format", "json"}, root_ / "keps" / "sig-node" / "5001-blank");
  EXPECT_EQ(sub.exit_code, whole.exit_code) << sub.err;
  EXPECT_EQ(sub.out, whole.out);
}

}  // namespace
}  // namespace keplint
