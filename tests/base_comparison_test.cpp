// The base comparison (issue: block only what a pull request introduces) and the trust model
// (the pull request must not configure its own gate): the identity of findings, a commit's tree
// read from git objects, and kep-lint end to end on throw-away repositories built from the
// example repository.
#include "engine/base_comparison.h"
#include "kep_lint_runner.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "git_fixture.h"
#include "repo/process.h"
#include "repo/repository.h"
#include "test_files.h"

namespace keplint {
namespace {

namespace fs = std::filesystem;
using testing::commit_all;
using ::testing::ElementsAre;
using testing::git;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::write_file;

Finding finding_at(const std::string& rule, const std::string& path, int line,
                   const std::string& text_of_lines, const std::string& anchor = "") {
  Finding f;
  f.rule_id = rule;
  f.path = path;
  f.range = {{line, 1}, {line, 3}};
  f.anchor = anchor;
  f.message = "problem at line " + std::to_string(line);
  f.source = std::make_shared<SourceFile>(path, text_of_lines);
  return f;
}

TEST(FindingIdentity, IgnoresLineNumbersButNotTheOffendingText) {
  Finding base = finding_at("KEP003", "k/kep.yaml", 2, "a: 1\nstatus: bad\n");
  Finding moved = finding_at("KEP003", "k/kep.yaml", 5, "a: 1\n\n\n\n  status: bad\n");
  Finding changed = finding_at("KEP003", "k/kep.yaml", 2, "a: 1\nstatus: worse\n");
  EXPECT_EQ(finding_identity(base, base.path), finding_identity(moved, moved.path));
  EXPECT_NE(finding_identity(base, base.path), finding_identity(changed, changed.path));
  Finding other_rule = base;
  other_rule.rule_id = "KEP004";
  EXPECT_NE(finding_identity(base, base.path), finding_identity(other_rule, other_rule.path));
}

TEST(MarkPreExisting, EachBaseFindingAnswersForOneHeadFinding) {
  std::string text = "x: bad\nx: bad\n";
  std::vector<Finding> base = {finding_at("R1", "f.yaml", 1, text)};
  std::vector<Finding> head = {finding_at("R1", "f.yaml", 1, text),
                               finding_at("R1", "f.yaml", 2, text),
                               finding_at("R2", "f.yaml", 1, text)};
  BaseComparison result = mark_pre_existing(head, base, {});
  EXPECT_EQ(result.pre_existing, 1u);
  EXPECT_EQ(result.introduced, 2u);
  EXPECT_TRUE(head[0].pre_existing);
  EXPECT_FALSE(head[1].pre_existing);
  EXPECT_FALSE(head[2].pre_existing);
}

TEST(MarkPreExisting, ARenamedFileIsComparedUnderItsOldPath) {
  std::string text = "status: bad\n";
  std::vector<Finding> base = {finding_at("R1", "old/kep.yaml", 1, text)};
  std::vector<Finding> head = {finding_at("R1", "new/kep.yaml", 1, text)};
  mark_pre_existing(head, base, {{"new/kep.yaml", "old/kep.yaml"}});
  EXPECT_TRUE(head[0].pre_existing);
}

// ---- A commit's tree as a Repository --------------------------------------------------------

class GitTreeRepositoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::isolate_git_config();
    root_ = tmp_.path() / "repo";
    testing::init_repo(root_);
  }
  testing::TempDir tmp_;
  fs::path root_;
};

TEST_F(GitTreeRepositoryTest, ReadsTheCommitNotTheWorkingTree) {
  write_file(root_ / "keps/a/kep.yaml", "status: old\n");
  write_file(root_ / "keps/a/README.md", "# A\n");
  std::string base = commit_all(root_, "base");
  write_file(root_ / "keps/a/kep.yaml", "status: new\n");
  write_file(root_ / "keps/b/kep.yaml", "status: added\n");
  commit_all(root_, "head");
  write_file(root_ / "keps/a/kep.yaml", "status: uncommitted\n");

  Repository repo(root_, GitTree::load(root_, base, ""));
  EXPECT_EQ(repo.commit(), base);
  ReadResult r = repo.read("keps/a/kep.yaml");
  ASSERT_TRUE(r.ok()) << r.detail;
  EXPECT_EQ(r.source->text(), "status: old\n");
  EXPECT_FALSE(repo.is_file("keps/b/kep.yaml"));
  EXPECT_EQ(repo.read("keps/b/kep.yaml").status, ReadResult::Status::NotFound);
  EXPECT_TRUE(repo.is_directory("keps/a"));
  EXPECT_FALSE(repo.is_directory("keps/b"));
  EXPECT_THAT(repo.walk("keps"), ElementsAre("keps/a/README.md", "keps/a/kep.yaml"));
  EXPECT_THAT(repo.list_directory("keps/a"), ElementsAre("README.md", "kep.yaml"));
}

TEST_F(GitTreeRepositoryTest, SymlinksResolveInsideTheTreeAndNeverLeaveIt) {
  write_file(root_ / "data/real.yaml", "a: 1\n");
  fs::create_directories(root_ / "links");
  fs::create_symlink("../data/real.yaml", root_ / "links/inside.yaml");
  fs::create_symlink("../../outside.yaml", root_ / "links/outside.yaml");
  fs::create_symlink("/etc/passwd", root_ / "links/absolute.yaml");
  fs::create_symlink("../.git/config", root_ / "links/gitconfig.yaml");
  fs::create_symlink("loop2.yaml", root_ / "links/loop1.yaml");
  fs::create_symlink("loop1.yaml", root_ / "links/loop2.yaml");
  fs::create_symlink("missing.yaml", root_ / "links/dangling.yaml");
  fs::create_symlink("data", root_ / "linkdir");
  std::string base = commit_all(root_, "links");

  Repository repo(root_, GitTree::load(root_, base, ""));
  ReadResult inside = repo.read("links/inside.yaml");
  ASSERT_TRUE(inside.ok()) << inside.detail;
  EXPECT_EQ(inside.source->text(), "a: 1\n");
  EXPECT_EQ(repo.read("links/outside.yaml").status, ReadResult::Status::OutsideRepository);
  EXPECT_EQ(repo.read("links/absolute.yaml").status, ReadResult::Status::OutsideRepository);
  EXPECT_EQ(repo.read("links/gitconfig.yaml").status, ReadResult::Status::OutsideRepository);
  EXPECT_EQ(repo.read("links/loop1.yaml").status, ReadResult::Status::NotFound);
  EXPECT_EQ(repo.read("links/dangling.yaml").detail, "broken symbolic link");
  // A linked directory can be read through, but walks do not descend into it.
  EXPECT_TRUE(repo.read("linkdir/real.yaml").ok());
  std::vector<std::string> all = repo.walk("");
  EXPECT_THAT(all, Not(::testing::Contains("linkdir")));
  EXPECT_THAT(all, ::testing::Contains("links/inside.yaml"));
}

TEST_F(GitTreeRepositoryTest, LimitsApplyAsInTheWorkingTree) {
  write_file(root_ / "big.md", std::string(100, 'x'));
  write_file(root_ / "nul.yaml", std::string("a: 1\n# \0\n", 9));
  std::string base = commit_all(root_, "files");
  Repository repo(root_, GitTree::load(root_, base, ""), 50);
  EXPECT_EQ(repo.read("big.md").status, ReadResult::Status::TooLarge);
  ReadResult nul = repo.read("nul.yaml");
  EXPECT_EQ(nul.status, ReadResult::Status::Binary);
  EXPECT_EQ(nul.position.line, 2);
  EXPECT_EQ(repo.read("../x").status, ReadResult::Status::OutsideRepository);
}

TEST_F(GitTreeRepositoryTest, ARepositoryBelowTheTopLevelSeesItsOwnSubtree) {
  write_file(root_ / "enh/keps/a/kep.yaml", "status: x\n");
  write_file(root_ / "other/file.yaml", "a: 1\n");
  std::string base = commit_all(root_, "monorepo");
  Repository repo(root_ / "enh", GitTree::load(root_, base, "enh/"));
  EXPECT_TRUE(repo.is_file("keps/a/kep.yaml"));
  EXPECT_THAT(repo.walk(""), ElementsAre("keps/a/kep.yaml"));
}

// ---- kep-lint end to end: a pull request on the example repository ----------------------------

class PullRequestTest : public ::testing::Test {
 protected:
  static constexpr const char* kKep = "keps/sig-node/4021-pod-warmup-hints";

  void SetUp() override {
    testing::isolate_git_config();
    root_ = tmp_.path() / "enhancements";
    fs::copy(fs::path(KEP_LINT_SOURCE_DIR) / "examples/enhancements", root_,
             fs::copy_options::recursive);
    testing::init_repo(root_);
    base_ = commit_all(root_, "base: the example repository, planted mistakes and all");
    git(root_, {"checkout", "-q", "-b", "pr"});
  }

  ProcessResult lint(std::vector<std::string> args) {
    return testing::run_kep_lint(args, root_, tmp_.path());
  }

  // "RULE path:line" of every finding, marked "(pre)" when pre-existing.
  static std::vector<std::string> findings(const ProcessResult& r) {
    std::vector<std::string> out;
    if (!nlohmann::json::accept(r.out)) return {"not JSON: " + r.out + r.err};
    nlohmann::json json = nlohmann::json::parse(r.out);
    for (const auto& f : json["findings"]) {
      std::string line = f["rule"].get<std::string>() + " " + f["path"].get<std::string>() + ":" +
                         std::to_string(f["range"]["start"]["line"].get<int>());
      if (f.value("pre_existing", false)) line += " (pre)";
      out.push_back(line);
    }
    return out;
  }

  static int count_new(const std::vector<std::string>& list) {
    return static_cast<int>(std::count_if(list.begin(), list.end(), [](const std::string& s) {
      return s.find("(pre)") == std::string::npos;
    }));
  }

  void edit(const std::string& rel, const std::string& from, const std::string& to) {
    std::string text = testing::read_file(root_ / rel);
    std::size_t at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from << " not in " << rel;
    text.replace(at, from.size(), to);
    write_file(root_ / rel, text);
  }

  testing::TempDir tmp_;
  fs::path root_;
  std::string base_;
};

TEST_F(PullRequestTest, ATemplateEditThatRelintsEveryKepPassesOnPreExistingFindings) {
  edit("keps/NNNN-kep-template/README.md", "## Summary", "## Summary\n\nA new sentence.\n");
  commit_all(root_, "template edit");
  ProcessResult whole = lint({"--format", "json"});
  ASSERT_EQ(whole.exit_code, 1) << "the example has planted mistakes: " << whole.err;

  ProcessResult r = lint({"--changed-from", "main", "--format", "json"});
  std::vector<std::string> list = findings(r);
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_GT(list.size(), 0u) << "pre-existing findings stay visible";
  EXPECT_EQ(count_new(list), 0) << ::testing::PrintToString(list);
  EXPECT_THAT(r.err, HasSubstr("compared with the base revision " + base_.substr(0, 12)));

  // An option restores "everything fails".
  EXPECT_EQ(lint({"--changed-from", "main", "--fail-on-pre-existing", "-q"}).exit_code, 1);
  // Without the comparison every finding counts.
  EXPECT_EQ(lint({"--changed-from", "main", "--no-base-compare", "-q"}).exit_code, 1);
}

TEST_F(PullRequestTest, ANewMistakeFailsAndIsTheOnlyNewFinding) {
  edit(std::string(kKep) + "/kep.yaml", "status: implementable", "status: imlpemented");
  commit_all(root_, "typo");
  ProcessResult r = lint({"--changed-from", "main", "--format", "json"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  std::vector<std::string> list = findings(r);
  EXPECT_THAT(list, ::testing::Contains(std::string("KEP003 ") + kKep + "/kep.yaml:8"));
  for (const std::string& f : list) {
    if (f.find("(pre)") == std::string::npos) {
      EXPECT_THAT(f, ::testing::StartsWith("KEP003 ")) << "only the typo is new";
    }
  }
}

TEST_F(PullRequestTest, EditsAboveAPreExistingFindingDoNotMakeItNew) {
  // The sig-apps KEP has a planted misspelt status: lines inserted above move it.
  std::string kep = "keps/sig-apps/4102-rollout-pause-budget/kep.yaml";
  std::string text = testing::read_file(root_ / kep);
  write_file(root_ / kep, "# a comment\n# another\n" + text);
  commit_all(root_, "comments");
  ProcessResult r = lint({"--changed-from", "main", "--format", "json"});
  std::vector<std::string> list = findings(r);
  EXPECT_EQ(count_new(list), 0) << ::testing::PrintToString(list);
  EXPECT_EQ(r.exit_code, 0);
}

TEST_F(PullRequestTest, ADeletedSectionIsReportedWhateverTheFilterMode) {
  std::string readme = std::string(kKep) + "/README.md";
  std::string text = testing::read_file(root_ / readme);
  std::size_t at = text.find("## Summary");
  ASSERT_NE(at, std::string::npos);
  std::size_t next = text.find("## Motivation");
  text.erase(at, next - at);
  write_file(root_ / readme, text);
  commit_all(root_, "drop the summary");
  for (const char* mode : {"added", "diff_context", "file", "nofilter"}) {
    ProcessResult r = lint({"--changed-from", "main", "--filter-mode", mode, "--format", "json"});
    EXPECT_EQ(r.exit_code, 1) << mode << ": " << r.out << r.err;
    EXPECT_GT(count_new(findings(r)), 0) << mode;
  }
}

TEST_F(PullRequestTest, OutputsMarkWhatTheBaseHad) {
  edit("keps/NNNN-kep-template/README.md", "## Summary", "## Summary\n\nA new sentence.\n");
  edit(std::string(kKep) + "/kep.yaml", "status: implementable", "status: imlpemented");
  commit_all(root_, "template edit and a typo");
  ProcessResult sarif = lint({"--changed-from", "main", "--format", "sarif"});
  ASSERT_TRUE(nlohmann::json::accept(sarif.out)) << sarif.err;
  int fresh = 0, unchanged = 0;
  nlohmann::json log = nlohmann::json::parse(sarif.out);
  for (const auto& result : log["runs"][0]["results"]) {
    std::string state = result.value("baselineState", "");
    fresh += state == "new";
    unchanged += state == "unchanged";
  }
  EXPECT_EQ(fresh, 1);
  EXPECT_GT(unchanged, 0);

  ProcessResult text = lint({"--changed-from", "main", "--color", "never"});
  EXPECT_THAT(text.out, HasSubstr("Pre-existing: "));
  EXPECT_THAT(text.out, HasSubstr("1 error introduced in"));
  EXPECT_THAT(text.out, HasSubstr("pre-existing (also at base " + base_.substr(0, 12) + ")"));

  ProcessResult github = lint({"--changed-from", "main", "--format", "github"});
  EXPECT_THAT(github.out, HasSubstr("::error file=" + std::string(kKep) + "/kep.yaml,line=8"));
  EXPECT_THAT(github.out, HasSubstr("(pre-existing error)"));
  EXPECT_THAT(github.out, Not(HasSubstr("::error file=keps/sig-apps")));

  ProcessResult markdown = lint({"--changed-from", "main", "--format", "markdown"});
  EXPECT_THAT(markdown.out, HasSubstr("#### Pre-existing ("));

  ProcessResult json = lint({"--changed-from", "main", "--format", "json"});
  auto summary = nlohmann::json::parse(json.out)["summary"];
  EXPECT_EQ(summary["introduced"], 1);
  EXPECT_EQ(summary["base_commit"], base_);
}

// ---- The trust model: the pull request does not configure its own gate ------------------------

TEST_F(PullRequestTest, APullRequestConfigCannotTurnOffTheRuleThatJudgesIt) {
  edit(std::string(kKep) + "/kep.yaml", "status: implementable", "status: imlpemented");
  write_file(root_ / ".kep-lint.yaml", "rules:\n  KEP003: off\nexclude: [\"keps/**\"]\n");
  commit_all(root_, "typo and a config that hides it");
  ProcessResult r = lint({"--changed-from", "main", "--format", "json"});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_THAT(findings(r), ::testing::Contains(std::string("KEP003 ") + kKep + "/kep.yaml:8"));
  EXPECT_THAT(r.err, HasSubstr(".kep-lint.yaml is added by this change, but it configures the "
                               "gate: this run used the base revision's version"));
  // The working tree's settings, when asked for (a local run of the author's own config).
  EXPECT_EQ(lint({"--changed-from", "main", "--settings-from", "worktree", "-q"}).exit_code, 0);
}

TEST_F(PullRequestTest, APullRequestPackDoesNotReplaceTheBuiltInOne) {
  edit(std::string(kKep) + "/kep.yaml", "status: implementable", "status: imlpemented");
  write_file(root_ / "kubernetes/pack.yaml", "name: kubernetes\ndescription: empty\n");
  commit_all(root_, "typo and an empty pack named like the built-in one");
  EXPECT_EQ(lint({"--changed-from", "main", "-q"}).exit_code, 1);
  EXPECT_EQ(lint({"--changed-from", "main", "--pack", "kubernetes", "-q"}).exit_code, 1);
  // Whole-repository runs do not take it either: detection and --pack mean the built-in pack.
  EXPECT_EQ(lint({"--pack", "kubernetes", "-q"}).exit_code, 1);
  EXPECT_EQ(lint({"-q"}).exit_code, 1);
}

TEST_F(PullRequestTest, APullRequestBaselineAcceptsNothing) {
  edit(std::string(kKep) + "/kep.yaml", "status: implementable", "status: imlpemented");
  commit_all(root_, "typo");
  ASSERT_EQ(lint({"--write-baseline", "baseline.json", "-q"}).exit_code, 0);
  write_file(root_ / ".kep-lint.yaml", "baseline: baseline.json\n");
  commit_all(root_, "a baseline that accepts the typo");
  ProcessResult r = lint({"--changed-from", "main", "-q"});
  EXPECT_EQ(r.exit_code, 1) << r.out;
  // --baseline naming a file inside the repository reads it at the base revision, where it
  // does not exist.
  ProcessResult named = lint({"--changed-from", "main", "--baseline", "baseline.json", "-q"});
  EXPECT_EQ(named.exit_code, 2) << named.out << named.err;
  EXPECT_THAT(named.err, HasSubstr("baseline"));
}

TEST_F(PullRequestTest, APullRequestCannotAddItselfAsPrrApprover) {
  // The sig-node KEP's PRR approver, replaced by a handle that is not an approver, who is then
  // added to OWNERS_ALIASES by the same pull request.
  write_file(root_ / "keps/prod-readiness/sig-node/4021.yaml",
             "kep-number: 4021\nalpha:\n  approver: \"@mallory-example\"\nbeta:\n"
             "  approver: \"@mallory-example\"\n");
  edit("OWNERS_ALIASES", "prod-readiness-approvers:\n",
       "prod-readiness-approvers:\n    - mallory-example\n");
  commit_all(root_, "self-approval");
  ProcessResult r = lint({"--changed-from", "main", "--format", "json"});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_GT(count_new(findings(r)), 0);
  EXPECT_THAT(r.err, HasSubstr("OWNERS_ALIASES is modified by this change"));
}

TEST_F(PullRequestTest, AnExplicitConfigOutsideTheRepositoryIsUsed) {
  edit(std::string(kKep) + "/kep.yaml", "status: implementable", "status: imlpemented");
  commit_all(root_, "typo");
  write_file(tmp_.path() / "trusted.yaml", "rules:\n  KEP003: off\n");
  ProcessResult r = lint({"--changed-from", "main", "--config",
                          (tmp_.path() / "trusted.yaml").string(), "--format", "json"});
  EXPECT_THAT(findings(r), Not(::testing::Contains(std::string("KEP003 ") + kKep + "/kep.yaml:8")))
      << r.err;
}

}  // namespace
}  // namespace keplint
