#include "repo/ci_environment.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "git_fixture.h"
#include "repo/changed_files.h"

namespace keplint {
namespace {

using testing::commit_all;
using ::testing::ElementsAre;
using testing::git;
using ::testing::HasSubstr;
using testing::write_file;

std::vector<std::string> paths_of(const ChangeSet& set) {
  std::vector<std::string> out;
  for (const auto& f : set.files) out.push_back(f.path);
  return out;
}

std::string base_error(const std::filesystem::path& dir, const CiEnvironment& ci) {
  try {
    detect_base_revision(dir, ci);
  } catch (const GitError& e) {
    return e.what();
  }
  return "";
}

TEST(CiEnvironment, DetectsTheKindFromTheEnvironment) {
  auto kind = [](std::map<std::string, std::string> vars) {
    return detect_ci_environment(environment_from_map(std::move(vars))).kind;
  };
  EXPECT_EQ(kind({}), CiKind::Local);
  EXPECT_EQ(kind({{"GITHUB_ACTIONS", "true"}}), CiKind::GitHubActions);
  EXPECT_EQ(kind({{"GITHUB_ACTIONS", "false"}}), CiKind::Local);
  EXPECT_EQ(kind({{"PROW_JOB_ID", "1234-abcd"}}), CiKind::Prow);
  EXPECT_EQ(kind({{"JOB_TYPE", "presubmit"}}), CiKind::Prow);
  EXPECT_EQ(kind({{"JOB_TYPE", ""}}), CiKind::Local);  // set but empty counts as unset
  EXPECT_EQ(kind({{"CI", "true"}}), CiKind::Local);    // generic CI: no base information
}

TEST(CiEnvironment, CallerCanForceTheKind) {
  auto env = environment_from_map({{"GITHUB_ACTIONS", "true"}, {"PULL_BASE_SHA", "abc"}});
  CiEnvironment ci = detect_ci_environment(env, CiKind::Prow);
  EXPECT_EQ(ci.kind, CiKind::Prow);
  EXPECT_EQ(ci.prow_pull_base_sha, "abc");
  // Whatever kind is forced, stdout is still an Actions log that must stay inert.
  EXPECT_TRUE(ci.github_actions_log);
  EXPECT_TRUE(detect_ci_environment(env, CiKind::Local).github_actions_log);
  EXPECT_FALSE(
      detect_ci_environment(environment_from_map({}), CiKind::GitHubActions).github_actions_log);
  EXPECT_EQ(parse_ci_kind("github"), CiKind::GitHubActions);
  EXPECT_EQ(parse_ci_kind("prow"), CiKind::Prow);
  EXPECT_EQ(parse_ci_kind("local"), CiKind::Local);
  EXPECT_EQ(parse_ci_kind("jenkins"), std::nullopt);
}

TEST(CiEnvironment, ReadsOutputLocations) {
  CiEnvironment gh = detect_ci_environment(environment_from_map(
      {{"GITHUB_ACTIONS", "true"}, {"GITHUB_STEP_SUMMARY", "/runner/summary.md"}}));
  EXPECT_EQ(gh.github_step_summary, "/runner/summary.md");
  CiEnvironment prow = detect_ci_environment(
      environment_from_map({{"PROW_JOB_ID", "x"}, {"ARTIFACTS", "/logs/artifacts"}}));
  EXPECT_EQ(prow.prow_artifacts_dir, "/logs/artifacts");
}

TEST(CiEnvironment, ProcessEnvironmentReadsRealVariables) {
  ::setenv("KEPLINT_CI_TEST_VAR", "value", 1);
  ::setenv("KEPLINT_CI_TEST_EMPTY", "", 1);
  EnvLookup env = process_environment();
  EXPECT_EQ(env("KEPLINT_CI_TEST_VAR"), "value");
  EXPECT_EQ(env("KEPLINT_CI_TEST_EMPTY"), std::nullopt);
  EXPECT_EQ(env("KEPLINT_CI_TEST_UNSET_XYZ"), std::nullopt);
}

// origin/main: base ─ main2 ─ MERGE(HEAD, detached), MERGE's second parent is the PR branch
// (base ─ pr). This is the refs/pull/N/merge commit actions/checkout gives a pull_request run.
class CiRepoTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::isolate_git_config();
    repo_ = tmp_.path() / "repo";
    testing::init_repo(repo_);
  }

  void make_test_merge() {
    write_file(repo_ / "README.md", "base\n");
    base_ = commit_all(repo_, "base");
    git(repo_, {"checkout", "-q", "-b", "pr"});
    write_file(repo_ / "keps/sig-x/1-foo/kep.yaml", "title: Foo\n");
    commit_all(repo_, "the pull request");
    git(repo_, {"checkout", "-q", "main"});
    write_file(repo_ / "other.md", "merged meanwhile\n");
    main_tip_ = commit_all(repo_, "main moved on");
    git(repo_, {"checkout", "-q", "--detach", "main"});
    git(repo_, {"-c", "commit.gpgsign=false", "merge", "-q", "--no-ff", "-m", "test merge", "pr"});
  }

  std::string write_event(const std::string& json) {
    auto path = tmp_.path() / "event.json";
    write_file(path, json);
    return path.string();
  }

  CiEnvironment github(std::map<std::string, std::string> extra = {}) {
    extra["GITHUB_ACTIONS"] = "true";
    return detect_ci_environment(environment_from_map(std::move(extra)));
  }

  testing::TempDir tmp_;
  std::filesystem::path repo_;
  std::string base_, main_tip_;
};

TEST_F(CiRepoTest, GitHubBaseFromThePullRequestEvent) {
  make_test_merge();
  std::string event = write_event(
      R"({"action":"synchronize","number":7,"pull_request":{"base":{"ref":"main","sha":")" + base_ +
      R"("},"head":{"sha":"ffff"}}})");
  BaseRevision base = detect_base_revision(repo_, github({{"GITHUB_EVENT_PATH", event}}));
  EXPECT_EQ(base.rev, base_);
  EXPECT_THAT(base.source, HasSubstr("pull_request.base.sha"));
}

TEST_F(CiRepoTest, GitHubBaseIsTheFirstParentOfTheTestMerge) {
  make_test_merge();
  // A push event has no pull_request; the merge commit's first parent is the base tip.
  std::string event = write_event(R"({"ref":"refs/heads/main","before":"0000"})");
  BaseRevision base = detect_base_revision(repo_, github({{"GITHUB_EVENT_PATH", event}}));
  EXPECT_EQ(base.rev, main_tip_);
  EXPECT_THAT(base.source, HasSubstr("first parent"));
  // Only the pull request's own change, not what main merged meanwhile.
  EXPECT_THAT(paths_of(collect_changes(repo_, base.rev)), ElementsAre("keps/sig-x/1-foo/kep.yaml"));
  // Without an event file at all the answer is the same.
  EXPECT_EQ(detect_base_revision(repo_, github()).rev, main_tip_);
}

TEST_F(CiRepoTest, GitHubEventFileProblemsAreClearErrors) {
  make_test_merge();
  std::string event = write_event("{not json");
  EXPECT_THAT(base_error(repo_, github({{"GITHUB_EVENT_PATH", event}})),
              HasSubstr("is not valid JSON"));
  EXPECT_THAT(base_error(repo_, github({{"GITHUB_EVENT_PATH", "/nonexistent/event.json"}})),
              HasSubstr("cannot read the GitHub event file"));
}

TEST_F(CiRepoTest, GitHubShallowTestMergeNamesTheBaseAndExplainsTheFetchDepth) {
  make_test_merge();
  git(repo_, {"branch", "-q", "-f", "merged", "HEAD"});
  auto clone = tmp_.path() / "clone";
  git(tmp_.path(), {"clone", "-q", "--depth", "1", "--branch", "merged", "file://" + repo_.string(),
                    clone.string()});

  // actions/checkout's default: one commit. The parent is named but not present.
  BaseRevision base = detect_base_revision(clone, github());
  EXPECT_EQ(base.rev, main_tip_);
  try {
    collect_changes(clone, base.rev);
    ADD_FAILURE() << "expected a GitError";
  } catch (const GitError& e) {
    EXPECT_THAT(e.what(), HasSubstr("shallow"));
    EXPECT_THAT(e.what(), HasSubstr("fetch-depth: 2"));
  }

  // fetch-depth: 2 is enough for a merge commit.
  git(clone, {"fetch", "-q", "--deepen=1"});
  EXPECT_THAT(paths_of(collect_changes(clone, base.rev)), ElementsAre("keps/sig-x/1-foo/kep.yaml"));
}

TEST_F(CiRepoTest, ProwBaseFromPullBaseSha) {
  make_test_merge();
  CiEnvironment ci =
      detect_ci_environment(environment_from_map({{"JOB_TYPE", "presubmit"},
                                                  {"PROW_JOB_ID", "abc-123"},
                                                  {"PULL_BASE_REF", "main"},
                                                  {"PULL_BASE_SHA", main_tip_},
                                                  {"ARTIFACTS", "/logs/artifacts"}}));
  EXPECT_EQ(ci.kind, CiKind::Prow);
  BaseRevision base = detect_base_revision(repo_, ci);
  EXPECT_EQ(base.rev, main_tip_);
  EXPECT_EQ(base.source, "$PULL_BASE_SHA");
  EXPECT_THAT(paths_of(collect_changes(repo_, base.rev)), ElementsAre("keps/sig-x/1-foo/kep.yaml"));
}

TEST_F(CiRepoTest, ProwWithoutPullBaseShaFallsBackToBranches) {
  write_file(repo_ / "README.md", "x\n");
  commit_all(repo_, "base");
  CiEnvironment ci = detect_ci_environment(environment_from_map({{"JOB_TYPE", "periodic"}}));
  EXPECT_EQ(detect_base_revision(repo_, ci).rev, "main");
}

TEST_F(CiRepoTest, LocalUsesOriginHeadOfAClone) {
  write_file(repo_ / "README.md", "x\n");
  std::string base = commit_all(repo_, "base");
  auto clone = tmp_.path() / "clone";
  git(tmp_.path(), {"clone", "-q", "file://" + repo_.string(), clone.string()});
  git(clone, {"checkout", "-q", "-b", "my-kep"});  // no upstream
  write_file(clone / "keps/sig-x/2-bar/README.md", "# Bar\n");
  commit_all(clone, "draft");

  CiEnvironment local = detect_ci_environment(environment_from_map({}));
  BaseRevision found = detect_base_revision(clone, local);
  EXPECT_EQ(found.rev, "origin/HEAD");
  ChangeSet set = collect_changes(clone, found.rev);
  EXPECT_EQ(set.base_commit, base);
  EXPECT_THAT(paths_of(set), ElementsAre("keps/sig-x/2-bar/README.md"));
}

TEST_F(CiRepoTest, LocalPrefersTheUpstreamOfTheCurrentBranch) {
  write_file(repo_ / "README.md", "x\n");
  commit_all(repo_, "base");
  git(repo_, {"branch", "-q", "release-1.0"});
  auto clone = tmp_.path() / "clone";
  git(tmp_.path(), {"clone", "-q", "file://" + repo_.string(), clone.string()});
  git(clone, {"checkout", "-q", "-b", "backport", "--track", "origin/release-1.0"});

  BaseRevision found = detect_base_revision(clone, detect_ci_environment(environment_from_map({})));
  EXPECT_EQ(found.rev, "origin/release-1.0");
  EXPECT_THAT(found.source, HasSubstr("upstream"));
}

TEST_F(CiRepoTest, LocalWithoutRemoteUsesMainOrMaster) {
  write_file(repo_ / "README.md", "x\n");
  commit_all(repo_, "base");
  git(repo_, {"branch", "-q", "-m", "main", "master"});
  git(repo_, {"checkout", "-q", "-b", "topic"});
  EXPECT_EQ(detect_base_revision(repo_, detect_ci_environment(environment_from_map({}))).rev,
            "master");
}

TEST_F(CiRepoTest, NothingToCompareAgainstIsAClearError) {
  write_file(repo_ / "README.md", "x\n");
  commit_all(repo_, "base");
  git(repo_, {"branch", "-q", "-m", "main", "trunk"});
  std::string message = base_error(repo_, detect_ci_environment(environment_from_map({})));
  EXPECT_THAT(message, HasSubstr("cannot determine the base revision"));
  EXPECT_THAT(message, HasSubstr("--changed-from REV"));
}

}  // namespace
}  // namespace keplint
