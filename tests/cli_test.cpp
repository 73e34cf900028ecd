// End-to-end tests of the kep-lint binary: exit codes, output formats, environment handling.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
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
using testing::Env;
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

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = tmp_.path() / "repo";
    pack_ = tmp_.path() / "pack";
    testing::write_test_pack(pack_);
    fs::create_directories(root_ / "keps");
  }

  // Runs kep-lint in the repository with exactly `env` (plus PATH and HOME) as its
  // environment: nothing leaks from the test's own environment (GITHUB_*, NO_COLOR, CI ...).
  ProcessResult kep_lint(std::vector<std::string> args, const Env& env = {}) {
    return testing::run_kep_lint(args, root_, tmp_.path(), env);
  }

  // With the test pack (--rules).
  ProcessResult lint(std::vector<std::string> args, const Env& env = {}) {
    args.insert(args.begin(), {"--rules", pack_.string()});
    return kep_lint(std::move(args), env);
  }
  void write(const std::string& rel, const std::string& text) { write_file(root_ / rel, text); }

  // One KEP with an error (bad status) and one with a warning (no README).
  void error_and_warning() {
    write_kep(root_, "sig-a", "1", "one", "bogus");
    warning_only();
  }
  void warning_only() {
    write_kep(root_, "sig-b", "2", "two");
    fs::remove(root_ / "keps/sig-b/2-two/README.md");
  }

  testing::TempDir tmp_;
  fs::path root_;
  fs::path pack_;
};

// ---- exit codes ----------------------------------------------------------------------------

TEST_F(CliTest, CleanRepositoryExitsZero) {
  write_kep(root_, "sig-a", "1", "one", "implementable");
  ProcessResult r = lint({});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
}

TEST_F(CliTest, WarningsOnlyExitZero) {
  warning_only();
  ProcessResult r = lint({});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_THAT(r.out, HasSubstr("T003"));
}

TEST_F(CliTest, ErrorsExitOne) {
  error_and_warning();
  ProcessResult r = lint({});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_THAT(r.out, AllOf(HasSubstr("T001"), HasSubstr("keps/sig-a/1-one/kep.yaml")));
}

TEST_F(CliTest, FailLevelWarningFailsOnWarnings) {
  warning_only();
  EXPECT_EQ(lint({"--fail-level", "warning"}).exit_code, 1);
  EXPECT_EQ(lint({"--fail-level", "error"}).exit_code, 0);
  write(".kep-lint.yaml", "fail-level: warning\n");
  EXPECT_EQ(lint({}).exit_code, 1);
  EXPECT_EQ(lint({"--fail-level", "error"}).exit_code, 0);  // the command line wins
}

TEST_F(CliTest, MaxWarnings) {
  warning_only();
  EXPECT_EQ(lint({"--max-warnings", "0"}).exit_code, 1);
  EXPECT_EQ(lint({"--max-warnings", "1"}).exit_code, 0);
}

TEST_F(CliTest, ExitZeroStillReports) {
  error_and_warning();
  ProcessResult r = lint({"--exit-zero"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_THAT(r.out, HasSubstr("T001"));
  EXPECT_EQ(lint({"--exit-zero", "--max-warnings", "0"}).exit_code, 0);
}

TEST_F(CliTest, ConfigSeverityOverride) {
  error_and_warning();
  write(".kep-lint.yaml", "rules:\n  status-valid: warning\n");
  EXPECT_EQ(lint({}).exit_code, 0);
  write(".kep-lint.yaml", "rules:\n  T003: error\n  T001: \"off\"\n");
  ProcessResult r = lint({});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, AllOf(HasSubstr("T003"), Not(HasSubstr("T001"))));
}

TEST_F(CliTest, UsageErrorsExitTwo) {
  ProcessResult unknown = lint({"--bogus"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_THAT(unknown.err, HasSubstr("--bogus"));

  ProcessResult format = lint({"--format", "xml"});
  EXPECT_EQ(format.exit_code, 2);
  EXPECT_THAT(format.err, HasSubstr("unknown format 'xml'"));
  EXPECT_THAT(format.out, IsEmpty());

  EXPECT_EQ(lint({"--color", "sometimes"}).exit_code, 2);
  EXPECT_EQ(lint({"--fail-level", "off"}).exit_code, 2);
  EXPECT_EQ(lint({"--jobs", "many"}).exit_code, 2);
  EXPECT_EQ(lint({"--output", "a.txt", "--format", "json", "--format", "text"}).exit_code, 2);
}

TEST_F(CliTest, BrokenConfigExitsTwoWithFileAndLine) {
  write_kep(root_, "sig-a", "1", "one");
  write(".kep-lint.yaml", "rules:\n  T001: warning\nexclud: [x]\n");
  ProcessResult r = lint({});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr(".kep-lint.yaml:3:1:"));
  EXPECT_THAT(r.err, HasSubstr("unknown key 'exclud'"));
  EXPECT_THAT(r.out, IsEmpty());

  write(".kep-lint.yaml", "rules:\n  T001: warning\n  T999: error\n");
  ProcessResult rule = lint({});
  EXPECT_EQ(rule.exit_code, 2);
  EXPECT_THAT(rule.err, HasSubstr(".kep-lint.yaml:3:3:"));
  EXPECT_THAT(rule.err, HasSubstr("unknown rule 'T999'"));
}

TEST_F(CliTest, ConfigDatasetProblemsPointAtTheirLine) {
  write_kep(root_, "sig-a", "1", "one");
  write(".kep-lint.yaml", "exclude: []\ndatasets:\n  sigs: hack/missing.yaml\n");
  ProcessResult missing = lint({});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_THAT(missing.err, HasSubstr(".kep-lint.yaml:3:9:"));
  EXPECT_THAT(missing.err, HasSubstr("dataset sigs 'hack/missing.yaml'"));

  write(".kep-lint.yaml", "datasets:\n  sigs: hack/sigs.yaml\n  owners: OWNERS\n");
  write("hack/sigs.yaml", "sigs: []\n");
  ProcessResult unknown = lint({});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_THAT(unknown.err, HasSubstr(".kep-lint.yaml:3:11:"));
  EXPECT_THAT(unknown.err, HasSubstr("has no dataset named 'owners'"));
}

TEST_F(CliTest, MissingSigsFileExitsTwo) {
  write_kep(root_, "sig-a", "1", "one");
  ProcessResult r = lint({"--sigs", (tmp_.path() / "missing-sigs.yaml").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("missing-sigs.yaml"));
  EXPECT_EQ(lint({"--dataset", "nope=x.yaml"}).exit_code, 2);
  EXPECT_EQ(lint({"--dataset", "noequals"}).exit_code, 2);
}

TEST_F(CliTest, SigsFileIsUsed) {
  write_kep(root_, "sig-c", "1", "one");
  EXPECT_EQ(lint({}).exit_code, 1);  // sig-c is not in the pinned list
  write_file(tmp_.path() / "sigs.yaml", "sigs:\n  - dir: sig-c\n");
  ProcessResult r = lint({"--sigs", (tmp_.path() / "sigs.yaml").string()});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  write_file(tmp_.path() / "bad-sigs.yaml", "sigs: [unclosed\n");
  ProcessResult bad = lint({"--sigs", (tmp_.path() / "bad-sigs.yaml").string()});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("bad-sigs.yaml:"));
}

TEST_F(CliTest, PathOutsideTheRepositoryExitsTwo) {
  write_kep(root_, "sig-a", "1", "one");
  ProcessResult r = lint({tmp_.path().string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("outside the repository"));
  EXPECT_EQ(lint({"../pack"}).exit_code, 2);
  ProcessResult missing = lint({"keps/sig-a/does-not-exist"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_THAT(missing.err, HasSubstr("does not exist"));
}

TEST_F(CliTest, BrokenRulesPackExitsTwoWithFileAndLine) {
  write_kep(root_, "sig-a", "1", "one");
  std::string rules = read_text(pack_ / "rules.yaml");
  rules.replace(rules.find("kind: one-of"), 12, "kind: one-off");
  write_file(pack_ / "rules.yaml", rules);
  ProcessResult r = lint({});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr((pack_ / "rules.yaml").string() + ":7:"));
  EXPECT_THAT(r.err, HasSubstr("names no check kind"));
  EXPECT_THAT(r.out, IsEmpty());
  EXPECT_EQ(kep_lint({"--rules", (tmp_.path() / "no-such-dir").string()}).exit_code, 2);
}

TEST_F(CliTest, PathsLimitTheRun) {
  error_and_warning();
  ProcessResult r = lint({"keps/sig-b"});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_THAT(r.out, AllOf(HasSubstr("T003"), Not(HasSubstr("T001"))));
  EXPECT_EQ(lint({(root_ / "keps/sig-a/1-one/kep.yaml").string()}).exit_code, 1);
}

// ---- formats -------------------------------------------------------------------------------

TEST_F(CliTest, EveryFormatProducesOutput) {
  error_and_warning();
  for (std::string format :
       {"text", "json", "annotations", "github", "sarif", "junit", "rdjson", "markdown"}) {
    ProcessResult r = lint({"--format", format});
    EXPECT_EQ(r.exit_code, 1) << format << ": " << r.err;
    EXPECT_THAT(r.out, HasSubstr("T001")) << format;
    if (format == "json" || format == "annotations" || format == "sarif" || format == "rdjson") {
      EXPECT_TRUE(nlohmann::json::accept(r.out)) << format << ":\n" << r.out;
    }
  }
}

TEST_F(CliTest, JsonAndSarifAreWellFormed) {
  error_and_warning();
  nlohmann::json json = nlohmann::json::parse(lint({"--format", "json"}).out);
  std::string dump = json.dump();
  EXPECT_THAT(dump, AllOf(HasSubstr("\"T001\""), HasSubstr("\"T003\""),
                          HasSubstr("keps/sig-a/1-one/kep.yaml")));

  nlohmann::json sarif = nlohmann::json::parse(lint({"--format", "sarif"}).out);
  EXPECT_EQ(sarif["version"], "2.1.0");
  ASSERT_EQ(sarif["runs"].size(), 1u);
  EXPECT_EQ(sarif["runs"][0]["results"].size(), 2u);

  nlohmann::json rdjson = nlohmann::json::parse(lint({"--format", "rdjson"}).out);
  EXPECT_EQ(rdjson["diagnostics"].size(), 2u);
}

TEST_F(CliTest, AnnotationsAreCheckRunObjects) {
  error_and_warning();
  ProcessResult r = lint({"--format", "annotations"});
  nlohmann::json a = nlohmann::json::parse(r.out);
  ASSERT_TRUE(a.is_array());
  ASSERT_EQ(a.size(), 2u);
  for (const auto& item : a) {
    for (const char* key :
         {"path", "start_line", "end_line", "annotation_level", "message", "title"}) {
      EXPECT_TRUE(item.contains(key)) << key << " in " << item.dump();
    }
    EXPECT_TRUE(item["start_line"].is_number_integer());
    EXPECT_GE(item["end_line"].get<int>(), item["start_line"].get<int>());
    EXPECT_THAT(item["title"].get<std::string>(),
                StartsWith(item["path"] == "keps/sig-a/1-one/kep.yaml" ? "T001" : "T003"));
  }
  EXPECT_EQ(a[0]["path"], "keps/sig-a/1-one/kep.yaml");
  EXPECT_EQ(a[0]["annotation_level"], "failure");
  EXPECT_EQ(a[0]["start_line"], 4);
  EXPECT_EQ(a[1]["annotation_level"], "warning");
}

TEST_F(CliTest, JunitHonoursTheFailLevel) {
  warning_only();
  ProcessResult plain = lint({"--format", "junit"});
  EXPECT_EQ(plain.exit_code, 0);
  EXPECT_THAT(plain.out, HasSubstr("failures=\"0\""));
  // With --fail-level warning the run fails, and the JUnit report must say why.
  ProcessResult strict = lint({"--format", "junit", "--fail-level", "warning"});
  EXPECT_EQ(strict.exit_code, 1);
  EXPECT_THAT(strict.out, HasSubstr("failures=\"1\""));
  EXPECT_THAT(strict.out, HasSubstr("<failure"));
  write(".kep-lint.yaml", "fail-level: warning\n");
  EXPECT_THAT(lint({"--format", "junit"}).out, HasSubstr("<failure"));
}

TEST_F(CliTest, SeveralFormatsToFilesInOneRun) {
  error_and_warning();
  fs::path json = tmp_.path() / "out" / "report.json";
  fs::path sarif = tmp_.path() / "report.sarif";
  fs::create_directories(json.parent_path());
  ProcessResult r =
      lint({"--format", "json:" + json.string(), "--format", "sarif:" + sarif.string()});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_THAT(r.out, IsEmpty());
  EXPECT_THAT(nlohmann::json::parse(read_text(json)).dump(), HasSubstr("T001"));
  EXPECT_EQ(nlohmann::json::parse(read_text(sarif))["version"], "2.1.0");

  // One to a file, one to stdout.
  ProcessResult mixed = lint({"--format", "json:" + json.string(), "--format", "github"});
  EXPECT_THAT(mixed.out, HasSubstr("::error "));
  EXPECT_EQ(nlohmann::json::parse(read_text(json)).dump(),
            nlohmann::json::parse(lint({"--format", "json"}).out).dump());
}

TEST_F(CliTest, OutputOption) {
  error_and_warning();
  fs::path out = tmp_.path() / "report.json";
  ProcessResult r = lint({"--format", "json", "--output", out.string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, IsEmpty());
  EXPECT_EQ(read_text(out), lint({"--format", "json"}).out);
  ProcessResult text = lint({"-o", out.string()});  // default format
  EXPECT_THAT(text.out, IsEmpty());
  EXPECT_THAT(read_text(out), HasSubstr("T001"));
  EXPECT_EQ(lint({"-o", (tmp_.path() / "no/such/dir/x").string()}).exit_code, 2);
}

TEST_F(CliTest, Colour) {
  error_and_warning();
  const std::string esc = "\x1b[";
  EXPECT_THAT(lint({}).out, Not(HasSubstr(esc)));  // not a terminal
  EXPECT_THAT(lint({}, {{"NO_COLOR", "1"}}).out, Not(HasSubstr(esc)));
  EXPECT_THAT(lint({"--color", "always"}).out, HasSubstr(esc));
  EXPECT_THAT(lint({"--color", "always"}, {{"NO_COLOR", "1"}}).out, HasSubstr(esc));
  EXPECT_THAT(lint({"--color", "never"}, {{"FORCE_COLOR", "1"}}).out, Not(HasSubstr(esc)));
  EXPECT_THAT(lint({}, {{"FORCE_COLOR", "1"}}).out, HasSubstr(esc));
  EXPECT_THAT(lint({}, {{"FORCE_COLOR", "1"}, {"NO_COLOR", "1"}}).out, Not(HasSubstr(esc)));
  // Colour is for text only.
  EXPECT_THAT(lint({"--color", "always", "--format", "json"}).out, Not(HasSubstr(esc)));
}

TEST_F(CliTest, ListRules) {
  ProcessResult r = lint({"--list-rules"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("pack test"));
  EXPECT_THAT(r.out, HasSubstr("7 rules"));
  EXPECT_THAT(r.out, HasSubstr("T002  people-listed  [error, whole repo: warning]"));

  ProcessResult k8s = kep_lint({"--list-rules"});  // detected from keps/
  EXPECT_EQ(k8s.exit_code, 0) << k8s.err;
  EXPECT_THAT(k8s.out, AllOf(HasSubstr("pack kubernetes (built-in)"), HasSubstr("KEP003")));
}

TEST_F(CliTest, NoPackAppliesExitsTwo) {
  fs::remove_all(root_ / "keps");
  ProcessResult r = kep_lint({});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("no rule pack applies"));
}

// ---- changed-file sets ---------------------------------------------------------------------

TEST_F(CliTest, FilesFrom) {
  error_and_warning();
  write("changed.txt", "keps/sig-b/2-two/kep.yaml\n");
  ProcessResult r = lint({"--files-from", "changed.txt"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_THAT(r.out, AllOf(HasSubstr("T003"), Not(HasSubstr("T001"))));
  write("changed.txt", "keps/sig-a/1-one/README.md\n");
  EXPECT_EQ(lint({"--files-from", "changed.txt"}).exit_code, 1);
  EXPECT_EQ(lint({"--files-from", "changed.txt", "keps"}).exit_code, 2);  // not both
  EXPECT_EQ(lint({"--files-from", "missing.txt"}).exit_code, 2);
}

TEST_F(CliTest, ChangedFromOnAGitRepository) {
  testing::isolate_git_config();
  testing::init_repo(root_);
  write_kep(root_, "sig-a", "1", "one", "bogus");  // already broken on main
  write_kep(root_, "sig-b", "2", "two");
  testing::commit_all(root_, "base");
  testing::git(root_, {"checkout", "-q", "-b", "feature"});
  fs::remove(root_ / "keps/sig-b/2-two/README.md");  // the change: a warning
  write_kep(root_, "sig-b", "3", "three", "implementable");
  testing::commit_all(root_, "change");
  write("keps/sig-b/3-three/kep.yaml",
        "title: t\nkep-number: 3\nowning-sig: sig-b\nstatus: nope\n"
        "authors: [a]\n");  // uncommitted

  ProcessResult r = lint({"--changed-from", "main", "--format", "json"});
  ASSERT_NE(r.exit_code, 2) << r.err;
  std::string out = nlohmann::json::parse(r.out).dump();
  EXPECT_THAT(out, HasSubstr("keps/sig-b/2-two"));
  EXPECT_THAT(out, HasSubstr("keps/sig-b/3-three/kep.yaml"));
  EXPECT_THAT(out, Not(HasSubstr("keps/sig-a/1-one")));
  EXPECT_EQ(r.exit_code, 1);  // the uncommitted bad status

  ProcessResult bad = lint({"--changed-from", "no-such-branch"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("no-such-branch"));
}

// A user's slip gets the nearest valid name, for options, config keys and rule ids alike.
TEST_F(CliTest, DidYouMean) {
  error_and_warning();
  ProcessResult option = lint({"--fail-levle", "error"});
  EXPECT_EQ(option.exit_code, 2);
  EXPECT_THAT(option.err, HasSubstr("unknown option --fail-levle: did you mean --fail-level?"));

  write(".kep-lint.yaml", "fail-levle: error\n");
  ProcessResult key = lint({});
  EXPECT_EQ(key.exit_code, 2);
  EXPECT_THAT(key.err, HasSubstr(".kep-lint.yaml:1:1"));
  EXPECT_THAT(key.err, HasSubstr("did you mean 'fail-level'?"));

  write(".kep-lint.yaml", "rules:\n  T0001: off\n");
  ProcessResult rule = lint({});
  EXPECT_EQ(rule.exit_code, 2);
  EXPECT_THAT(rule.err, HasSubstr(".kep-lint.yaml:2:3"));
  EXPECT_THAT(rule.err, HasSubstr("unknown rule 'T0001'"));
  EXPECT_THAT(rule.err, HasSubstr("did you mean 'T001'?"));

  ProcessResult page = kep_lint({"explain", "KEP03"});
  EXPECT_EQ(page.exit_code, 2);
  EXPECT_THAT(page.err, HasSubstr("did you mean 'KEP003'?"));
}

// `explain` prints the rule's page from the binary: the same text as docs/rules/.
TEST_F(CliTest, ExplainPrintsTheRulePageOffline) {
  ProcessResult by_id = kep_lint({"explain", "KEP003"});
  EXPECT_EQ(by_id.exit_code, 0) << by_id.err;
  EXPECT_EQ(by_id.out, read_text(fs::path(KEP_LINT_SOURCE_DIR) / "docs/rules/KEP003.md"));
  ProcessResult by_name = kep_lint({"explain", "--pack", "kubernetes", "status-valid"});
  EXPECT_EQ(by_name.out, by_id.out);
  // Several packs name a rule status-valid: the id, or --pack, says which.
  ProcessResult ambiguous = kep_lint({"explain", "status-valid"});
  EXPECT_EQ(ambiguous.exit_code, 2);
  EXPECT_THAT(ambiguous.err, HasSubstr("KEP003 (kubernetes)"));
  EXPECT_THAT(ambiguous.err, HasSubstr("give its id, or --pack NAME"));
  ProcessResult engine = kep_lint({"explain", "KL001"});
  EXPECT_EQ(engine.out, read_text(fs::path(KEP_LINT_SOURCE_DIR) / "docs/rules/KL001.md"));
}

// `--changed-from auto` says which base it chose.
TEST_F(CliTest, ChangedFromAutoNamesItsBase) {
  testing::isolate_git_config();
  testing::init_repo(root_);
  write_kep(root_, "sig-a", "1", "one");
  testing::commit_all(root_, "base");
  testing::git(root_, {"checkout", "-q", "-b", "feature"});
  testing::git(root_, {"branch", "-q", "--set-upstream-to", "main"});
  write_kep(root_, "sig-a", "2", "two", "bogus");
  ProcessResult r = lint({"--changed-from", "auto"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_THAT(r.err, HasSubstr("--changed-from auto: the base is main (upstream of the current "
                               "branch), merge base "));
  EXPECT_THAT(r.err, HasSubstr("; 2 changed files"));
}

// ---- determinism and CI environments -------------------------------------------------------

TEST_F(CliTest, OutputBytesDoNotDependOnThreads) {
  for (int i = 1; i <= 24; ++i) {
    write_kep(root_, i % 2 ? "sig-a" : "sig-zz", std::to_string(i), "k" + std::to_string(i),
              i % 3 ? "implementable" : "bogus");
    if (i % 4 == 0)
      fs::remove(root_ / ("keps/" + std::string(i % 2 ? "sig-a" : "sig-zz") + "/" +
                          std::to_string(i) + "-k" + std::to_string(i) + "/README.md"));
  }
  for (std::string format : {"text", "json", "sarif"}) {
    ProcessResult one = lint({"-j", "1", "--format", format});
    ASSERT_EQ(one.exit_code, 1) << one.err;
    for (int round = 0; round < 2; ++round) {
      ProcessResult four = lint({"-j", "4", "--format", format});
      EXPECT_EQ(four.out, one.out) << format;
      EXPECT_EQ(four.exit_code, one.exit_code);
    }
  }
}

TEST_F(CliTest, GithubActionsSelectsWorkflowCommands) {
  error_and_warning();
  ProcessResult local = lint({});
  EXPECT_THAT(local.out, Not(HasSubstr("::error")));
  ProcessResult gha = lint({}, {{"GITHUB_ACTIONS", "true"}});
  EXPECT_EQ(gha.exit_code, 1);
  EXPECT_THAT(gha.out, HasSubstr("::error file=keps/sig-a/1-one/kep.yaml,line=4"));
  EXPECT_THAT(gha.out, HasSubstr("::warning "));
  EXPECT_EQ(gha.out, lint({"--format", "github"}).out);
  // An explicit format wins.
  EXPECT_THAT(lint({"--format", "text"}, {{"GITHUB_ACTIONS", "true"}}).out,
              Not(HasSubstr("::error")));
  EXPECT_THAT(lint({}, {{"GITHUB_ACTIONS", "false"}}).out, Not(HasSubstr("::error")));
}

// Sets an environment variable of the test process for one scope.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    ::setenv(name, value, 1);
  }
  ~ScopedEnv() {
    if (old_) {
      ::setenv(name_, old_->c_str(), 1);
    } else {
      ::unsetenv(name_);
    }
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

TEST_F(CliTest, NothingLeaksFromTheTestsOwnEnvironment) {
  error_and_warning();
  ScopedEnv gha("GITHUB_ACTIONS", "true");
  ScopedEnv color("FORCE_COLOR", "1");
  ProcessResult r = lint({});
  EXPECT_THAT(r.out,
              AllOf(HasSubstr("error[T001]"), Not(HasSubstr("::error")), Not(HasSubstr("\x1b["))));
}

// ---- the built-in pack and hostile repositories --------------------------------------------

TEST_F(CliTest, SymlinkOutOfTheRepositoryIsAFindingNeverItsContent) {
  fs::create_directories(root_ / "keps/sig-node/1-x");
  fs::create_symlink("/etc/passwd", root_ / "keps/sig-node/1-x/kep.yaml");
  write("keps/sig-node/1-x/README.md", "# x\n");
  for (std::string format : {"text", "json", "sarif", "github"}) {
    ProcessResult r = kep_lint({"--format", format});
    EXPECT_EQ(r.exit_code, 1) << format << r.err;
    EXPECT_THAT(r.out, HasSubstr("KEP032")) << format;
    EXPECT_THAT(r.out, HasSubstr("outside the repository")) << format;
    EXPECT_THAT(r.out + r.err, AllOf(Not(HasSubstr("root:")), Not(HasSubstr("/bin/")))) << format;
  }
}

TEST_F(CliTest, PackInsideTheRepositoryCannotReadOutside) {
  // `pack: local` loads ./local/ from the repository; a symlinked rule file must not pull in
  // a file from outside it.
  write_kep(root_, "sig-a", "1", "one");
  testing::write_test_pack(root_ / "local");
  write_file(tmp_.path() / "outside-rules.yaml",
             "rules:\n  - id: X001\n    name: outside\n    severity: error\n"
             "    applies-to: metadata\n    description: SECRET-OUTSIDE-RULE\n"
             "    check: {kind: required, field: nothing-has-this}\n");
  fs::create_symlink(tmp_.path() / "outside-rules.yaml", root_ / "local" / "extra.yaml");
  write(".kep-lint.yaml", "pack: local\n");
  ProcessResult r = kep_lint({"--list-rules"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("local/extra.yaml:1:1: cannot read pack file: symbolic link points "
                               "outside the repository"));
  EXPECT_THAT(r.out + r.err, Not(HasSubstr("SECRET-OUTSIDE-RULE")));
  EXPECT_THAT(r.out + r.err, Not(HasSubstr("X001")));

  // Without the link the local pack is used once its name is its directory's, and wins over a
  // built-in of the same name.
  fs::remove(root_ / "local" / "extra.yaml");
  ProcessResult misnamed = kep_lint({"--list-rules"});
  EXPECT_EQ(misnamed.exit_code, 2);
  EXPECT_THAT(misnamed.err, HasSubstr("local/pack.yaml:1:7: pack: 'name' is 'test', but the pack "
                                      "is found as 'local'"));
  auto rename = [&](const std::string& dir) {
    std::string manifest = read_text(root_ / dir / "pack.yaml");
    write(dir + "/pack.yaml", "name: " + dir + manifest.substr(manifest.find('\n')));
  };
  rename("local");
  ProcessResult ok = kep_lint({"--list-rules"});
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_THAT(ok.out,
              HasSubstr("pack local (" + fs::canonical(root_).string() + "/local): 7 rules"));
  write(".kep-lint.yaml", "pack: kubernetes\n");
  testing::write_test_pack(root_ / "kubernetes");
  rename("kubernetes");
  EXPECT_THAT(kep_lint({"--list-rules"}).out,
              HasSubstr("pack kubernetes (" + fs::canonical(root_).string() + "/kubernetes)"));
}

}  // namespace
}  // namespace keplint
