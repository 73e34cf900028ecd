// End-to-end tests of kep-lint in CI environments: --ci, the step summary and Prow's JUnit
// file, --filter-mode on throw-away git repositories, the annotation budget, shallow clones.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "git_fixture.h"
#include "kep_lint_runner.h"
#include "repo/process.h"
#include "test_pack.h"

namespace keplint {
namespace {

namespace fs = std::filesystem;
using ::testing::AllOf;
using testing::commit_all;
using ::testing::ElementsAre;
using testing::Env;
using testing::git;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::StartsWith;
using testing::write_file;
using testing::write_kep;

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

class CliCiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::isolate_git_config();
    root_ = tmp_.path() / "repo";
    pack_ = tmp_.path() / "pack";
    testing::write_test_pack(pack_);
    testing::init_repo(root_);
  }

  // kep-lint with the test pack, in the repository, with exactly `env` (plus PATH and HOME):
  // nothing leaks from the test's own environment (GITHUB_*, PROW_*, NO_COLOR ...).
  ProcessResult lint(std::vector<std::string> args, const Env& env = {}, const fs::path& dir = {}) {
    args.insert(args.begin(), {"--rules", pack_.string()});
    return testing::run_kep_lint(args, dir.empty() ? root_ : dir, tmp_.path(), env);
  }

  // The rule ids and lines of --format json's findings: "T001 keps/sig-a/1-one/kep.yaml:12".
  static std::vector<std::string> findings(const ProcessResult& r) {
    std::vector<std::string> out;
    if (!nlohmann::json::accept(r.out)) return {"not JSON: " + r.out + r.err};
    nlohmann::json json = nlohmann::json::parse(r.out);
    for (const auto& f : json["findings"]) {
      out.push_back(f["rule"].get<std::string>() + " " + f["path"].get<std::string>() + ":" +
                    std::to_string(f["range"]["start"]["line"].get<int>()));
    }
    return out;
  }

  void write(const std::string& rel, const std::string& text) { write_file(root_ / rel, text); }

  // A kep.yaml with `owning-sig` on line 10 and `status` on line 12, filler in between, so
  // that changing one line leaves the other outside git's three lines of context, or not.
  void write_spaced_kep(const std::string& dir, const std::string& number, const std::string& title,
                        const std::string& sig, const std::string& status) {
    write(dir + "/kep.yaml", "title: " + title + "\nkep-number: " + number +
                                 "\nauthors: ['@someone']\n# 4\n# 5\n# 6\n# 7\n# 8\n# 9\n"
                                 "owning-sig: " +
                                 sig + "\n# 11\nstatus: " + status + "\n");
  }

  testing::TempDir tmp_;
  fs::path root_;
  fs::path pack_;
};

// ---- GitHub Actions: step summary -----------------------------------------------------------

TEST_F(CliCiTest, GithubAppendsTheFindingsTableToTheStepSummary) {
  write_kep(root_, "sig-a", "1", "one", "bogus");
  fs::path summary = tmp_.path() / "step_summary.md";
  write_file(summary, "Earlier output of this step\n");
  Env env = {{"GITHUB_ACTIONS", "true"}, {"GITHUB_STEP_SUMMARY", summary.string()}};

  ProcessResult r = lint({}, env);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_THAT(r.out, HasSubstr("::error file=keps/sig-a/1-one/kep.yaml,line=4"));
  std::string once = read_text(summary);
  EXPECT_THAT(once, StartsWith("Earlier output of this step\n\n### kep-lint\n"));
  EXPECT_THAT(once, HasSubstr("| error | [T001 status-valid]"));

  // A second run in the same step appends again; nothing is overwritten.
  lint({}, env);
  std::string twice = read_text(summary);
  EXPECT_THAT(twice, StartsWith(once));
  EXPECT_GT(twice.size(), once.size() + 100);

  // An explicit --format changes stdout only; the summary is still appended.
  write_file(summary, "");
  ProcessResult text = lint({"--format", "text"}, env);
  EXPECT_THAT(text.out, AllOf(HasSubstr("error[T001]"), Not(HasSubstr("::error"))));
  EXPECT_THAT(read_text(summary), StartsWith("### kep-lint\n"));

  // Asking for the summary explicitly writes it once.
  write_file(summary, "");
  lint({"--format", "github", "--format", "markdown:" + summary.string()}, env);
  std::string explicit_summary = read_text(summary);
  EXPECT_EQ(explicit_summary.find("### kep-lint"), explicit_summary.rfind("### kep-lint"));

  // --no-ci-outputs: no summary.
  write_file(summary, "");
  ProcessResult off = lint({"--no-ci-outputs"}, env);
  EXPECT_THAT(off.out, HasSubstr("::error "));
  EXPECT_EQ(read_text(summary), "");
}

TEST_F(CliCiTest, CiFlagOverridesTheEnvironment) {
  write_kep(root_, "sig-a", "1", "one", "bogus");
  fs::path summary = tmp_.path() / "step_summary.md";
  Env env = {{"GITHUB_ACTIONS", "true"}, {"GITHUB_STEP_SUMMARY", summary.string()}};
  ProcessResult local = lint({"--ci", "local"}, env);
  EXPECT_THAT(local.out, AllOf(HasSubstr("error[T001]"), Not(HasSubstr("::error"))));
  EXPECT_FALSE(fs::exists(summary));

  ProcessResult forced = lint({"--ci", "github"});
  EXPECT_THAT(forced.out, HasSubstr("::error file="));
  EXPECT_THAT(forced.err, HasSubstr("$GITHUB_STEP_SUMMARY is not set"));
  EXPECT_THAT(lint({"--ci", "github", "-q"}).err, IsEmpty());

  ProcessResult bad = lint({"--ci", "jenkins"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("--ci"));
}

// ---- Prow: JUnit in $ARTIFACTS -------------------------------------------------------------

TEST_F(CliCiTest, ProwWritesJunitToArtifacts) {
  write_kep(root_, "sig-a", "1", "one", "bogus");
  write_kep(root_, "sig-b", "2", "two");
  fs::path artifacts = tmp_.path() / "logs" / "artifacts";  // not there yet
  Env env = {{"PROW_JOB_ID", "0c1f"}, {"JOB_TYPE", "presubmit"}, {"ARTIFACTS", artifacts.string()}};
  ProcessResult r = lint({}, env);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_THAT(r.out, HasSubstr("error[T001]"));  // text in the build log
  std::string junit = read_text(artifacts / "junit_kep-lint.xml");
  EXPECT_THAT(junit, StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite"));
  EXPECT_THAT(junit, HasSubstr("tests=\"2\" failures=\"1\""));
  EXPECT_THAT(junit, HasSubstr("<testcase name=\"keps/sig-a/1-one\""));
  EXPECT_THAT(junit, HasSubstr("<testcase name=\"keps/sig-b/2-two\" classname=\"kep-lint\"/>"));

  fs::remove(artifacts / "junit_kep-lint.xml");
  lint({"--no-ci-outputs"}, env);
  EXPECT_FALSE(fs::exists(artifacts / "junit_kep-lint.xml"));

  ProcessResult no_artifacts = lint({}, {{"JOB_TYPE", "presubmit"}});
  EXPECT_EQ(no_artifacts.exit_code, 1);
  EXPECT_THAT(no_artifacts.err, HasSubstr("$ARTIFACTS is not set"));
}

TEST_F(CliCiTest, ProwChangedFromAutoUsesPullBaseSha) {
  write_kep(root_, "sig-a", "1", "one", "bogus");  // broken before the pull request
  std::string base = commit_all(root_, "base");
  git(root_, {"checkout", "-q", "-b", "pr"});
  write_kep(root_, "sig-b", "2", "two");
  fs::remove(root_ / "keps/sig-b/2-two/README.md");
  commit_all(root_, "pr");
  git(root_, {"checkout", "-q", "main"});
  git(root_, {"merge", "-q", "--no-ff", "-m", "merge", "pr"});  // Prow's checkout

  Env env = {{"JOB_TYPE", "presubmit"}, {"PULL_BASE_SHA", base}};
  ProcessResult r = lint({"--changed-from", "auto", "--format", "json", "--no-ci-outputs"}, env);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(findings(r), ElementsAre("T003 keps/sig-b/2-two/kep.yaml:1"));
}

// ---- --filter-mode ---------------------------------------------------------------------------

// On main: keps/sig-a/1-one with an unknown owning-sig (line 10) and no README; keps/sig-b/2-two
// with an unknown owning-sig; keps/sig-a/3-three without README. The change sets 1-one's status
// (line 12) to a bad value and retitles 2-two (line 1). So:
//   T001 1-one:12  on an added line
//   T004 1-one:10  within 3 lines of it
//   T003 1-one     the missing README of a changed KEP (shown at kep.yaml:1, about no line)
//   T004 2-two:10  in a changed file, 9 lines from the change
//   T003 3-three   a KEP the change does not touch (linted because SHARED changed)
class CliFilterModeTest : public CliCiTest {
 protected:
  void SetUp() override {
    CliCiTest::SetUp();
    write_spaced_kep("keps/sig-a/1-one", "1", "one", "sig-nope", "provisional");
    write_kep(root_, "sig-b", "2", "two");
    write_spaced_kep("keps/sig-b/2-two", "2", "two", "sig-nope", "provisional");
    write_kep(root_, "sig-a", "3", "three");
    fs::remove(root_ / "keps/sig-a/3-three/README.md");
    write("SHARED", "v1\n");
    commit_all(root_, "base");
    git(root_, {"checkout", "-q", "-b", "change"});
    write_spaced_kep("keps/sig-a/1-one", "1", "one", "sig-nope", "bogus");
    write_spaced_kep("keps/sig-b/2-two", "2", "Two", "sig-nope", "provisional");
    write("SHARED", "v2\n");
    commit_all(root_, "change");
  }

  ProcessResult run(const std::string& mode, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"--changed-from", "main",          "--format",
                                     "json",           "--filter-mode", mode};
    args.insert(args.end(), extra.begin(), extra.end());
    return lint(args);
  }
};

TEST_F(CliFilterModeTest, NoFilterReportsEverythingLinted) {
  ProcessResult r = run("nofilter");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_THAT(findings(r),
              ElementsAre("T003 keps/sig-a/1-one/kep.yaml:1", "T004 keps/sig-a/1-one/kep.yaml:10",
                          "T001 keps/sig-a/1-one/kep.yaml:12", "T003 keps/sig-a/3-three/kep.yaml:1",
                          "T004 keps/sig-b/2-two/kep.yaml:10"));
  EXPECT_THAT(r.err, Not(HasSubstr("hid")));
}

TEST_F(CliFilterModeTest, FileReportsFindingsInChangedFiles) {
  ProcessResult r = run("file");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_THAT(
      findings(r),
      ElementsAre("T003 keps/sig-a/1-one/kep.yaml:1", "T004 keps/sig-a/1-one/kep.yaml:10",
                  "T001 keps/sig-a/1-one/kep.yaml:12", "T004 keps/sig-b/2-two/kep.yaml:10"));
  EXPECT_THAT(r.err, HasSubstr("--filter-mode file hid 1 finding (1 warning) outside the change"));
}

TEST_F(CliFilterModeTest, DiffContextReportsFindingsWithinTheHunks) {
  ProcessResult r = run("diff_context");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_THAT(findings(r),
              ElementsAre("T003 keps/sig-a/1-one/kep.yaml:1", "T004 keps/sig-a/1-one/kep.yaml:10",
                          "T001 keps/sig-a/1-one/kep.yaml:12"));
  EXPECT_THAT(r.err, HasSubstr("hid 2 findings (1 error, 1 warning)"));
}

TEST_F(CliFilterModeTest, AddedReportsFindingsOnAddedLinesAndDecidesTheExitCode) {
  ProcessResult r = run("added");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_THAT(findings(r),
              ElementsAre("T003 keps/sig-a/1-one/kep.yaml:1", "T001 keps/sig-a/1-one/kep.yaml:12"));
  EXPECT_THAT(r.err, HasSubstr("hid 3 findings (2 errors, 1 warning)"));
  EXPECT_THAT(run("added", {"-q"}).err, IsEmpty());

  // Fix the added line: what is left outside the change no longer fails the run.
  write_spaced_kep("keps/sig-a/1-one", "1", "one", "sig-nope", "implemented");
  commit_all(root_, "fix");
  ProcessResult fixed = run("added");
  EXPECT_THAT(findings(fixed), ElementsAre("T003 keps/sig-a/1-one/kep.yaml:1"));
  EXPECT_EQ(fixed.exit_code, 0) << fixed.out << fixed.err;  // T003 is a warning
  // The unknown SIGs were there before the change: they fail only when asked.
  EXPECT_EQ(run("nofilter").exit_code, 0);
  EXPECT_EQ(run("nofilter", {"--fail-on-pre-existing"}).exit_code, 1);
  EXPECT_EQ(run("nofilter", {"--no-base-compare"}).exit_code, 1);
}

TEST_F(CliFilterModeTest, FilterModesNeedAChangedFileSet) {
  ProcessResult none = lint({"--filter-mode", "added"});
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_THAT(none.err, HasSubstr("--filter-mode added needs a changed-file set"));
  EXPECT_THAT(none.out, IsEmpty());
  EXPECT_EQ(lint({"--filter-mode", "file", "keps/sig-a"}).exit_code, 2);
  EXPECT_EQ(lint({"--filter-mode", "nofilter"}).exit_code, 1);
  EXPECT_EQ(lint({"--filter-mode", "everything"}).exit_code, 2);

  write("changed.txt", "keps/sig-a/1-one/kep.yaml\n");
  ProcessResult lines = lint({"--files-from", "changed.txt", "--filter-mode", "diff_context"});
  EXPECT_EQ(lines.exit_code, 2);
  EXPECT_THAT(lines.err, HasSubstr("use --changed-from"));
  ProcessResult file =
      lint({"--files-from", "changed.txt", "--filter-mode", "file", "--format", "json"});
  EXPECT_EQ(file.exit_code, 1) << file.err;
  EXPECT_THAT(findings(file),
              ElementsAre("T003 keps/sig-a/1-one/kep.yaml:1", "T004 keps/sig-a/1-one/kep.yaml:10",
                          "T001 keps/sig-a/1-one/kep.yaml:12"));
}

// ---- the annotation budget end to end --------------------------------------------------------

TEST_F(CliCiTest, AnnotationsGoToTheChangedLinesFirst) {
  // Twelve KEPs broken on main; the change adds one more, last in report order.
  for (int i = 10; i < 22; ++i) {
    write_kep(root_, "sig-a", std::to_string(i), "old" + std::to_string(i), "bogus");
  }
  commit_all(root_, "base");
  git(root_, {"checkout", "-q", "-b", "change"});
  write_kep(root_, "sig-b", "99", "new", "bogus");
  write("SHARED", "changed\n");  // every KEP is linted, only sig-z's lines are added
  commit_all(root_, "change");

  // Without the base comparison, all thirteen are errors competing for ten slots.
  ProcessResult r =
      lint({"--changed-from", "main", "--no-base-compare"}, {{"GITHUB_ACTIONS", "true"}});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  std::vector<std::string> lines = lines_of(r.out);
  ASSERT_GE(lines.size(), 14u) << r.out;
  EXPECT_THAT(lines[0], StartsWith("::error file=keps/sig-b/99-new/kep.yaml,line=4,"));
  int errors = 0, plain = 0;
  for (const std::string& line : lines) {
    errors += line.starts_with("::error ");
    plain += line.starts_with("  - ");
  }
  EXPECT_EQ(errors, 10);
  EXPECT_EQ(plain, 3);
  EXPECT_THAT(r.out,
              HasSubstr("::notice title=kep-lint::3 more findings (3 errors) not annotated"));
  EXPECT_EQ(lines.back(), "kep-lint: 13 errors in 13 proposals");

  // With it, the one the change introduced is the only error; the twelve it found on main are
  // notices (nine slots, the tenth is the overflow notice's).
  ProcessResult compared = lint({"--changed-from", "main"}, {{"GITHUB_ACTIONS", "true"}});
  EXPECT_EQ(compared.exit_code, 1) << compared.err;
  lines = lines_of(compared.out);
  ASSERT_GE(lines.size(), 14u) << compared.out;
  EXPECT_THAT(lines[0], StartsWith("::error file=keps/sig-b/99-new/kep.yaml,line=4,"));
  int notices = 0;
  errors = plain = 0;
  for (const std::string& line : lines) {
    errors += line.starts_with("::error ");
    notices +=
        line.starts_with("::notice ") && line.find("(pre-existing error)") != std::string::npos;
    plain += line.starts_with("  - ");
  }
  EXPECT_EQ(errors, 1);
  EXPECT_EQ(notices, 9);
  EXPECT_EQ(plain, 3);
  EXPECT_THAT(lines.back(), StartsWith("kep-lint: 1 error introduced in 13 proposals; 12 errors "
                                       "pre-existing (also at base "));
}

// ---- shallow clones --------------------------------------------------------------------------

TEST_F(CliCiTest, ShallowCloneSaysWhichFetchDepthIsNeeded) {
  write_kep(root_, "sig-a", "1", "one");
  std::string base = commit_all(root_, "base");
  git(root_, {"checkout", "-q", "-b", "pr"});
  write_kep(root_, "sig-a", "2", "two", "bogus");
  commit_all(root_, "pr 1");
  write_kep(root_, "sig-a", "3", "three");
  commit_all(root_, "pr 2");
  git(root_, {"checkout", "-q", "main"});
  write("other.md", "main moved on\n");
  commit_all(root_, "main moved on");
  git(root_, {"checkout", "-q", "-b", "merge", "main"});
  git(root_, {"merge", "-q", "--no-ff", "-m", "test merge", "pr"});

  // actions/checkout's default depth 1 on the test merge commit.
  fs::path clone = tmp_.path() / "clone";
  git(tmp_.path(), {"clone", "-q", "--depth", "1", "--branch", "merge", "file://" + root_.string(),
                    clone.string()});
  Env env = {{"GITHUB_ACTIONS", "true"}};
  ProcessResult r = lint({"--changed-from", "auto"}, env, clone);
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_THAT(r.err, AllOf(HasSubstr("shallow"), HasSubstr("fetch-depth: 0"),
                           HasSubstr("fetch-depth: 2"), HasSubstr("git fetch --deepen")));
  EXPECT_THAT(r.out, IsEmpty());

  // The pull request's head checked out at depth 1, with the base from the event file.
  fs::path head = tmp_.path() / "head";
  git(tmp_.path(),
      {"clone", "-q", "--depth", "1", "--branch", "pr", "file://" + root_.string(), head.string()});
  fs::path event = tmp_.path() / "event.json";
  write_file(event, R"({"pull_request":{"base":{"sha":")" + base + R"("}}})");
  env["GITHUB_EVENT_PATH"] = event.string();
  ProcessResult pr = lint({"--changed-from", "auto"}, env, head);
  EXPECT_EQ(pr.exit_code, 2) << pr.out;
  EXPECT_THAT(pr.err, AllOf(HasSubstr("is not in this clone"), HasSubstr("fetch-depth: 0")));

  // Deepened enough, the same command works.
  git(head, {"fetch", "-q", "--deepen=2"});
  ProcessResult deep = lint({"--changed-from", "auto"}, env, head);
  EXPECT_EQ(deep.exit_code, 1) << deep.err;
  EXPECT_THAT(deep.out, HasSubstr("::error file=keps/sig-a/2-two/kep.yaml"));
}

}  // namespace
}  // namespace keplint
