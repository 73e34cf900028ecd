// The CI packaging files (action.yml, the example workflow, the Prow job, the pre-commit hook)
// parse, have the keys their consumers need, use only options kep-lint has, and their command
// lines work when run the way GitHub, Prow and pre-commit would run them.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include <fstream>
#include <set>
#include <sstream>

#include "git_fixture.h"
#include "repo/process.h"

namespace keplint {
namespace {

namespace fs = std::filesystem;
using testing::commit_all;
using testing::git;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::StartsWith;
using testing::write_file;

const fs::path kSource = KEP_LINT_SOURCE_DIR;

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every `--long-option` named in `text`.
std::set<std::string> long_options(const std::string& text) {
  std::set<std::string> out;
  re2::StringPiece input(text);
  std::string option;
  static const RE2 pattern("(?:^|[\\s\\[(=\"'])(--[a-z][a-z0-9-]*)");
  while (RE2::FindAndConsume(&input, pattern, &option)) out.insert(option);
  return out;
}

// The options `kep-lint --help` lists.
const std::set<std::string>& kep_lint_options() {
  static const std::set<std::string> options = [] {
    ProcessResult r = run_process({KEP_LINT_BINARY, "--help"});
    EXPECT_EQ(r.exit_code, 0);
    return long_options(r.out);
  }();
  return options;
}

void expect_known_options(const std::string& command_text, const std::string& where) {
  std::set<std::string> used = long_options(command_text);
  EXPECT_FALSE(used.empty()) << where;
  for (const std::string& option : used) {
    EXPECT_TRUE(kep_lint_options().count(option))
        << where << " uses " << option << ", which kep-lint --help does not list";
  }
}

// The lines of a shell script that run kep-lint (the binary is the first word) or build its
// argument array.
std::string kep_lint_lines(const std::string& script) {
  std::string out;
  std::istringstream in(script);
  for (std::string line; std::getline(in, line);) {
    std::string first = line.substr(0, line.find(' '));
    std::size_t start = first.find_first_not_of(' ');
    first = start == std::string::npos ? "" : first.substr(start);
    bool runs = first.ends_with("kep-lint") || first.ends_with("kep-lint\"") ||
                line.find("\"$KEP_LINT\"") != std::string::npos;
    bool builds =
        line.find("args=(") != std::string::npos || line.find("args+=(") != std::string::npos;
    if (runs || builds) out += line + "\n";
  }
  return out;
}

TEST(KepLintHelp, ListsTheCiOptions) {
  for (const char* option : {"--ci", "--no-ci-outputs", "--filter-mode", "--changed-from",
                             "--format", "--fail-level", "--sigs", "--repo", "--config"}) {
    EXPECT_TRUE(kep_lint_options().count(option)) << option;
  }
  EXPECT_FALSE(kep_lint_options().count("--no-such-option"));
}

// The example repository as a git repository with a pull request's test merge checked out:
// the PR changes one KEP's kep.yaml. Returns the base commit.
std::string make_pull_request_repo(const fs::path& repo) {
  fs::create_directories(repo.parent_path());
  fs::copy(kSource / "examples/enhancements", repo, fs::copy_options::recursive);
  testing::isolate_git_config();
  testing::init_repo(repo);
  std::string base = commit_all(repo, "base");
  git(repo, {"checkout", "-q", "-b", "pr"});
  fs::path kep = repo / "keps/sig-network/2950-endpoint-hints-dry-run/kep.yaml";
  write_file(kep, read_text(kep) + "# a change\n");
  commit_all(repo, "the pull request");
  git(repo, {"checkout", "-q", "--detach", "main"});
  git(repo, {"merge", "-q", "--no-ff", "-m", "test merge", "pr"});
  return base;
}

// ---- action.yml ------------------------------------------------------------------------------

TEST(ActionYaml, IsACompositeActionWithTheInputsAndACachedBuild) {
  YAML::Node action = YAML::LoadFile((kSource / "action.yml").string());
  EXPECT_EQ(action["name"].as<std::string>(), "kep-lint");
  EXPECT_FALSE(action["description"].as<std::string>().empty());
  for (const char* input :
       {"path", "changed-from", "config", "sigs", "fail-level", "filter-mode", "format", "args"}) {
    ASSERT_TRUE(action["inputs"][input]) << input;
    EXPECT_FALSE(action["inputs"][input]["description"].as<std::string>().empty()) << input;
    EXPECT_TRUE(action["inputs"][input]["default"]) << input;
  }
  EXPECT_EQ(action["runs"]["using"].as<std::string>(), "composite");
  YAML::Node steps = action["runs"]["steps"];
  ASSERT_TRUE(steps.IsSequence());

  bool installs = false, caches = false, builds = false;
  YAML::Node lint;
  for (const YAML::Node& step : steps) {
    std::string run = step["run"] ? step["run"].as<std::string>() : "";
    if (step["run"]) {
      EXPECT_EQ(step["shell"].as<std::string>(), "bash") << run;
    }
    installs |= run.find("ci/install-deps.sh") != std::string::npos;
    builds |= run.find("cmake --build") != std::string::npos;
    if (step["uses"] && step["uses"].as<std::string>().starts_with("actions/cache@")) {
      caches = true;
      EXPECT_THAT(step["with"]["path"].as<std::string>(), HasSubstr("build"));
      EXPECT_THAT(step["with"]["key"].as<std::string>(), HasSubstr("steps.key.outputs.key"));
    }
    if (step["id"] && step["id"].as<std::string>() == "lint") lint = step;
  }
  EXPECT_TRUE(installs && caches && builds);
  ASSERT_TRUE(lint);

  // At a release tag the binary is downloaded and verified, and nothing is installed or built;
  // every build step is for other refs only.
  bool downloads = false;
  for (const YAML::Node& step : steps) {
    std::string run = step["run"] ? step["run"].as<std::string>() : "";
    std::string when = step["if"] ? step["if"].as<std::string>() : "";
    if (run.find("ci/fetch-release.sh") != std::string::npos) {
      downloads = true;
      EXPECT_EQ(when, "startsWith(github.action_ref, 'v')");
      EXPECT_EQ(run.find("${{"), std::string::npos) << "the ref reaches the script as data";
    }
    bool build_step =
        run.find("install-deps.sh") != std::string::npos ||
        run.find("cmake --build") != std::string::npos ||
        (step["uses"] && step["uses"].as<std::string>().starts_with("actions/cache@"));
    if (build_step) {
      EXPECT_EQ(when, "${{ !startsWith(github.action_ref, 'v') }}") << run;
    }
  }
  EXPECT_TRUE(downloads);

  // Every input reaches the lint step as an environment variable, never pasted into the script.
  std::string script = lint["run"].as<std::string>();
  EXPECT_EQ(script.find("${{"), std::string::npos) << script;
  std::set<std::string> passed;
  for (const auto& env : lint["env"]) passed.insert(env.second.as<std::string>());
  for (const auto& input : action["inputs"]) {
    std::string name = input.first.as<std::string>();
    EXPECT_TRUE(passed.count("${{ inputs." + name + " }}")) << name;
  }
  expect_known_options(kep_lint_lines(script), "action.yml");
}

TEST(ActionYaml, TheLintStepRunsLikeOnAPullRequest) {
  YAML::Node action = YAML::LoadFile((kSource / "action.yml").string());
  YAML::Node lint;
  for (const YAML::Node& step : action["runs"]["steps"]) {
    if (step["id"] && step["id"].as<std::string>() == "lint") lint = step;
  }
  ASSERT_TRUE(lint);
  testing::TempDir tmp;
  fs::path workspace = tmp.path() / "workspace";
  make_pull_request_repo(workspace / "enhancements");
  fs::path summary = tmp.path() / "step_summary.md";

  // The step's script with the inputs' defaults, as the runner would run it (bash -e).
  std::vector<std::string> argv = {"env",
                                   "-i",
                                   "PATH=/usr/bin:/bin",
                                   "GIT_CONFIG_GLOBAL=/dev/null",
                                   "GIT_CONFIG_NOSYSTEM=1",
                                   "GITHUB_ACTIONS=true",
                                   "GITHUB_STEP_SUMMARY=" + summary.string(),
                                   std::string("KEP_LINT=") + KEP_LINT_BINARY};
  for (const auto& env : lint["env"]) {
    std::string name = env.first.as<std::string>();
    std::string value = env.second.as<std::string>();
    if (name == "KEP_LINT") continue;
    std::string input = value.substr(value.find("inputs.") + 7);
    input = input.substr(0, input.find(' '));
    std::string default_value = action["inputs"][input]["default"].as<std::string>();
    if (input == "path") default_value = "enhancements";
    argv.push_back(name + "=" + default_value);
  }
  argv.insert(argv.end(), {"bash", "-e", "-c", lint["run"].as<std::string>()});
  ProcessOptions options;
  options.working_dir = workspace;
  ProcessResult r = run_process(argv, options);
  // The example's KEP has planted mistakes, which the pull request did not introduce: they
  // are annotated as notices and do not fail the step.
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_THAT(r.out, HasSubstr("::notice file=keps/sig-network/2950-endpoint-hints-dry-run/"));
  EXPECT_THAT(r.out, HasSubstr("(pre-existing error)"));
  EXPECT_THAT(r.out, ::testing::Not(HasSubstr("::error ")));
  EXPECT_THAT(r.out, ::testing::Not(HasSubstr("sig-apps")));  // only the changed KEP
  EXPECT_THAT(read_text(summary), StartsWith("### kep-lint\n"));
}

// ---- the example workflow -------------------------------------------------------------------

TEST(ExampleWorkflow, ChecksOutTheWholeHistoryAndUsesTheAction) {
  fs::path path = kSource / "ci/github/kep-lint.yml";
  YAML::Node workflow = YAML::LoadFile(path.string());
  EXPECT_TRUE(workflow["on"]["pull_request"]);
  YAML::Node action = YAML::LoadFile((kSource / "action.yml").string());
  bool full_history = false, uses_action = false;
  for (const auto& job : workflow["jobs"]) {
    for (const YAML::Node& step : job.second["steps"]) {
      std::string uses = step["uses"] ? step["uses"].as<std::string>() : "";
      if (uses.starts_with("actions/checkout@") && step["with"]["fetch-depth"]) {
        full_history |= step["with"]["fetch-depth"].as<int>() == 0;
      }
      if (uses.starts_with("kep-lint/kep-lint@")) {
        uses_action = true;
        for (const auto& with : step["with"]) {
          EXPECT_TRUE(action["inputs"][with.first.as<std::string>()])
              << "the action has no input " << with.first.as<std::string>();
        }
      }
    }
  }
  EXPECT_TRUE(full_history);
  EXPECT_TRUE(uses_action);
  // The SARIF upload is there, commented out (it needs security-events: write).
  EXPECT_THAT(read_text(path), HasSubstr("# - uses: github/codeql-action/upload-sarif@"));
}

// ---- the Prow job ----------------------------------------------------------------------------

TEST(ProwJob, IsAPresubmitForKubernetesEnhancements) {
  YAML::Node config = YAML::LoadFile((kSource / "ci/prow/kep-lint-presubmit.yaml").string());
  YAML::Node jobs = config["presubmits"]["kubernetes/enhancements"];
  ASSERT_TRUE(jobs.IsSequence());
  ASSERT_EQ(jobs.size(), 1u);
  YAML::Node job = jobs[0];
  EXPECT_EQ(job["name"].as<std::string>(), "pull-enhancements-kep-lint");
  std::string run_if_changed = job["run_if_changed"].as<std::string>();
  EXPECT_TRUE(RE2::PartialMatch("keps/sig-node/1234-foo/kep.yaml", run_if_changed));
  // Shared files that change results trigger the job too.
  EXPECT_TRUE(RE2::PartialMatch("keps/NNNN-kep-template/README.md", run_if_changed));
  EXPECT_TRUE(RE2::PartialMatch("OWNERS_ALIASES", run_if_changed));
  EXPECT_FALSE(RE2::PartialMatch("README.md", run_if_changed));
  // A build cluster, dashboard and image a test-infra reviewer accepts: not `default`, the
  // enhancements dashboard that exists, no Docker Hub image, no build or apt per run.
  EXPECT_EQ(job["cluster"].as<std::string>(), "eks-prow-build-cluster");
  EXPECT_EQ(job["annotations"]["testgrid-dashboards"].as<std::string>(), "sig-arch-enhancements");
  EXPECT_FALSE(
      job["extra_refs"].IsDefined() &&
      std::any_of(job["extra_refs"].begin(), job["extra_refs"].end(),
                  [](const YAML::Node& r) { return r["repo"].as<std::string>() == "kep-lint"; }));
  EXPECT_TRUE(job["decorate"].as<bool>());
  YAML::Node container = job["spec"]["containers"][0];
  EXPECT_FALSE(container["image"].as<std::string>().empty());
  EXPECT_TRUE(container["command"].IsSequence());
  EXPECT_TRUE(container["args"].IsSequence());
  for (const char* kind : {"requests", "limits"}) {
    EXPECT_TRUE(container["resources"][kind]["cpu"]) << kind;
    EXPECT_TRUE(container["resources"][kind]["memory"]) << kind;
  }
  std::string image = container["image"].as<std::string>();
  EXPECT_TRUE(image.starts_with("ghcr.io/") || image.starts_with("registry.k8s.io/")) << image;
  EXPECT_THAT(image, ::testing::MatchesRegex(".*:v[0-9]+\\.[0-9]+\\.[0-9]+.*")) << "pinned";
  std::string script = container["args"][0].as<std::string>();
  EXPECT_THAT(script, ::testing::Not(HasSubstr("install-deps")));
  EXPECT_THAT(script, ::testing::Not(HasSubstr("cmake")));
  EXPECT_THAT(container["command"][0].as<std::string>(), "bash");
  expect_known_options(kep_lint_lines(script), "the Prow job");
}

TEST(ProwJob, TheKepLintCommandRunsLikeInAPresubmit) {
  YAML::Node config = YAML::LoadFile((kSource / "ci/prow/kep-lint-presubmit.yaml").string());
  std::string script =
      config["presubmits"]["kubernetes/enhancements"][0]["spec"]["containers"][0]["args"][0]
          .as<std::string>();
  std::string line = kep_lint_lines(script);
  ASSERT_FALSE(line.empty());
  line = line.substr(0, line.find('\n'));

  testing::TempDir tmp;
  fs::path repo = tmp.path() / "enhancements";
  std::string base = make_pull_request_repo(repo);
  fs::path sigs = tmp.path() / "sigs.yaml";
  write_file(sigs, "sigs:\n  - dir: sig-node\n  - dir: sig-apps\n");
  fs::path artifacts = tmp.path() / "artifacts";

  // The job's words, with the binary and the extra ref's sigs.yaml put where they are here.
  std::vector<std::string> argv = {"env",
                                   "-i",
                                   "PATH=/usr/bin:/bin",
                                   "GIT_CONFIG_GLOBAL=/dev/null",
                                   "GIT_CONFIG_NOSYSTEM=1",
                                   "CI=true",
                                   "JOB_TYPE=presubmit",
                                   "PROW_JOB_ID=0f1e",
                                   "PULL_BASE_SHA=" + base,
                                   "ARTIFACTS=" + artifacts.string()};
  std::istringstream words(line);
  for (std::string word; words >> word;) {
    if (word.ends_with("/kep-lint")) word = KEP_LINT_BINARY;
    if (word.ends_with("/kubernetes/community/sigs.yaml")) word = sigs.string();
    argv.push_back(word);
  }
  ProcessOptions options;
  options.working_dir = repo;
  ProcessResult r = run_process(argv, options);
  // The pull request introduced nothing: its KEP's planted mistakes are pre-existing.
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_THAT(r.out, HasSubstr("Pre-existing: 3 findings"));
  EXPECT_THAT(r.out, HasSubstr("keps/sig-network/2950-endpoint-hints-dry-run/"));
  EXPECT_THAT(r.out, ::testing::Not(HasSubstr("::error")));
  EXPECT_THAT(read_text(artifacts / "junit_kep-lint.xml"),
              HasSubstr("<testcase name=\"keps/sig-network/2950-endpoint-hints-dry-run\""));
}

// ---- the pre-commit hook ---------------------------------------------------------------------

TEST(PreCommitHook, RunsKepLintFromPathOnTheStagedFiles) {
  YAML::Node hooks = YAML::LoadFile((kSource / ".pre-commit-hooks.yaml").string());
  ASSERT_TRUE(hooks.IsSequence());
  ASSERT_EQ(hooks.size(), 1u);
  YAML::Node hook = hooks[0];
  EXPECT_EQ(hook["id"].as<std::string>(), "kep-lint");
  EXPECT_FALSE(hook["name"].as<std::string>().empty());
  std::string language = hook["language"].as<std::string>();
  EXPECT_TRUE(language == "system" || language == "script") << language;
  std::string entry = hook["entry"].as<std::string>();
  EXPECT_THAT(entry, StartsWith("kep-lint"));
  if (entry.find("--") != std::string::npos) expect_known_options(entry, "the pre-commit hook");
  EXPECT_TRUE(!hook["pass_filenames"] || hook["pass_filenames"].as<bool>());
  std::string files = hook["files"].as<std::string>();
  EXPECT_TRUE(RE2::PartialMatch("keps/sig-network/2950-endpoint-hints-dry-run/kep.yaml", files));
  EXPECT_TRUE(RE2::PartialMatch("enhancements/dns/a.md", files));
  EXPECT_FALSE(RE2::PartialMatch("hack/verify.sh", files));

  // What pre-commit runs: the entry plus the staged file names, at the repository root.
  testing::TempDir tmp;
  fs::path repo = tmp.path() / "enhancements";
  make_pull_request_repo(repo);
  std::vector<std::string> argv = {"env", "-i", "PATH=/usr/bin:/bin", KEP_LINT_BINARY};
  std::istringstream words(entry.substr(std::string("kep-lint").size()));
  for (std::string word; words >> word;) argv.push_back(word);
  argv.push_back("keps/sig-network/2950-endpoint-hints-dry-run/kep.yaml");
  ProcessOptions options;
  options.working_dir = repo;
  ProcessResult r = run_process(argv, options);
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_THAT(r.out, HasSubstr("keps/sig-network/2950-endpoint-hints-dry-run/"));
  EXPECT_THAT(r.out, ::testing::Not(HasSubstr("sig-apps")));
}

}  // namespace
}  // namespace keplint

namespace keplint {
namespace {

// `pre-commit run --all-files` passes every file (in one batch, with require_serial): the
// result is the whole repository's, once, not a change that touches every proposal.
TEST(PreCommitHook, AllFilesIsTheWholeRepository) {
  testing::TempDir tmp;
  fs::path repo = tmp.path() / "enhancements";
  make_pull_request_repo(repo);
  ProcessOptions options;
  options.working_dir = repo;
  ProcessResult files = run_process({"git", "ls-files"}, options);
  ASSERT_EQ(files.exit_code, 0) << files.err;
  std::vector<std::string> argv = {KEP_LINT_BINARY, "--color", "never", "--pre-commit"};
  std::istringstream lines(files.out);
  for (std::string line; std::getline(lines, line);) {
    if (RE2::PartialMatch(line, "^(keps/|enhancements/|OWNERS_ALIASES$)")) argv.push_back(line);
  }
  ProcessResult all = run_process(argv, options);
  ProcessResult whole = run_process({KEP_LINT_BINARY, "--color", "never"}, options);
  EXPECT_EQ(all.exit_code, whole.exit_code);
  EXPECT_EQ(all.out, whole.out);
  EXPECT_THAT(whole.out, HasSubstr("in 8 proposals"));

  // One staged KEP is a change of that KEP only.
  ProcessResult one =
      run_process({KEP_LINT_BINARY, "--color", "never", "--pre-commit", "keps/sig-apps/README.md",
                   "keps/sig-network/2950-endpoint-hints-dry-run/kep.yaml"},
                  options);
  EXPECT_THAT(one.out, HasSubstr("in 1 proposal"));
}

// The project's home is defined once (CMakeLists.txt's HOMEPAGE_URL); every integration that
// names the project (the action, the workflows, the Prow image, the release fetch, the pre-commit
// example, the binary's help links) names that one.
TEST(ProjectHome, EveryIntegrationNamesTheOneHome) {
  std::string cmake = read_text(kSource / "CMakeLists.txt");
  std::string owner, name;
  ASSERT_TRUE(RE2::PartialMatch(
      cmake, R"re(HOMEPAGE_URL "https://github\.com/([\w.-]+)/([\w.-]+)")re", &owner, &name));
  std::string slug = owner + "/" + name;
  ProcessResult version = run_process({KEP_LINT_BINARY, "--version"});
  EXPECT_THAT(version.out, HasSubstr("home: https://github.com/" + slug));
  ProcessResult page = run_process({KEP_LINT_BINARY, "explain", "KEP003"});
  EXPECT_EQ(page.exit_code, 0) << page.err;

  int mentions = 0;
  for (const char* file :
       {"action.yml", "README.md", "ci/github/kep-lint.yml", "ci/prow/kep-lint-presubmit.yaml",
        "ci/fetch-release.sh", "ci/docker/Dockerfile", ".github/workflows/release.yml",
        ".pre-commit-hooks.yaml", "rules/kubernetes/pack.yaml", "rules/openshift/pack.yaml",
        "rules/gateway-api/pack.yaml", "rules/cluster-api/pack.yaml",
        "rules/open-cluster-management/pack.yaml"}) {
    std::string text = read_text(kSource / file);
    re2::StringPiece input(text);
    std::string host, found;
    static const RE2 named(R"((github\.com/|ghcr\.io/|uses: )([\w.-]+/kep-lint)\b)");
    while (RE2::FindAndConsume(&input, named, &host, &found)) {
      ++mentions;
      EXPECT_EQ(found, slug) << file << " names " << host << found;
    }
  }
  EXPECT_GE(mentions, 6);
}

}  // namespace
}  // namespace keplint
