// Real-looking pull requests on the kubernetes/enhancements corpus (../shared/corpus), as the
// repository's CI would run kep-lint: the corpus committed as master, an edit on a branch,
// `--changed-from master`. The corpus passes upstream's gate, so edits that introduce nothing
// must pass kep-lint's too, whatever the KEPs they re-lint already hold. Skipped without it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "corpus_dir.h"
#include "git_fixture.h"
#include "repo/process.h"
#include "test_files.h"

namespace keplint {
namespace {

namespace fs = std::filesystem;
using testing::commit_all;
using testing::git;
using testing::write_file;

const fs::path kCorpus = testing::corpus_dir();

class CorpusPullRequestTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    fs::path source = kCorpus / "kubernetes-enhancements";
    if (!fs::is_directory(source / "keps")) return;
    testing::isolate_git_config();
    shared_ = new testing::TempDir();
    fs::path base = shared_->path() / "base";
    fs::copy(source, base, fs::copy_options::recursive);
    for (auto& entry : fs::recursive_directory_iterator(base)) {
      fs::permissions(entry.path(), fs::perms::owner_write, fs::perm_options::add);
    }
    testing::init_repo(base);
    commit_all(base, "the corpus");
    git(base, {"branch", "-M", "master"});
  }
  static void TearDownTestSuite() {
    delete shared_;
    shared_ = nullptr;
  }

  void SetUp() override {
    if (!shared_) GTEST_SKIP() << "no corpus at " << kCorpus;
    // Each test gets its own clone of the committed corpus (hard links: cheap).
    root_ = tmp_.path() / "enhancements";
    git(tmp_.path(), {"clone", "-q", (shared_->path() / "base").string(), root_.string()});
    git(root_, {"config", "user.name", "Test"});
    git(root_, {"config", "user.email", "test@example.com"});
    git(root_, {"checkout", "-q", "-b", "pr"});
  }

  ProcessResult lint(std::vector<std::string> args) {
    std::vector<std::string> argv = {KEP_LINT_BINARY,
                                     "--changed-from",
                                     "origin/master",
                                     "--sigs",
                                     (kCorpus / "kubernetes-community/sigs.yaml").string(),
                                     "--format",
                                     "json"};
    argv.insert(argv.end(), args.begin(), args.end());
    ProcessOptions options;
    options.working_dir = root_;
    return run_process(argv, options);
  }

  // Rule ids of the findings the change introduced.
  static std::vector<std::string> introduced(const ProcessResult& r) {
    std::vector<std::string> out;
    if (!nlohmann::json::accept(r.out)) return {"not JSON: " + r.out + r.err};
    nlohmann::json json = nlohmann::json::parse(r.out);
    for (const auto& f : json["findings"]) {
      if (!f.value("pre_existing", true)) {
        out.push_back(f["rule"].get<std::string>() + " " + f["path"].get<std::string>());
      }
    }
    return out;
  }

  static int pre_existing(const ProcessResult& r) {
    if (!nlohmann::json::accept(r.out)) return -1;
    return nlohmann::json::parse(r.out)["summary"].value("pre_existing", -1);
  }

  void edit(const std::string& rel, const std::string& from, const std::string& to) {
    std::string text = testing::read_file(root_ / rel);
    std::size_t at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from << " not in " << rel;
    text.replace(at, from.size(), to);
    write_file(root_ / rel, text);
  }

  static testing::TempDir* shared_;
  testing::TempDir tmp_;
  fs::path root_;
};

testing::TempDir* CorpusPullRequestTest::shared_ = nullptr;

// An old KEP whose README predates today's template: a date bump passes.
TEST_F(CorpusPullRequestTest, ATwoLineChangeToAnOldKepPasses) {
  // A 2019 KEP (its README has no "KEP-N:" title, no PRR questionnaire...).
  std::string kep = "keps/sig-api-machinery/1152-less-object-serializations/kep.yaml";
  std::string text = testing::read_file(root_ / kep);
  std::size_t at = text.find("last-updated:");
  ASSERT_NE(at, std::string::npos);
  std::size_t eol = text.find('\n', at);
  write_file(root_ / kep, text.substr(0, at) + "last-updated: \"2026-12-01\"" + text.substr(eol));
  commit_all(root_, "bump last-updated");
  ProcessResult r = lint({});
  EXPECT_EQ(r.exit_code, 0) << ::testing::PrintToString(introduced(r)) << r.err;
  EXPECT_THAT(introduced(r), ::testing::IsEmpty());
}

TEST_F(CorpusPullRequestTest, ATemplateEditThatRelintsEveryKepPasses) {
  edit("keps/NNNN-kep-template/README.md", "## Summary", "## Summary\n\n<!-- a new hint -->\n");
  commit_all(root_, "template");
  ProcessResult r = lint({});
  EXPECT_EQ(r.exit_code, 0) << ::testing::PrintToString(introduced(r));
  EXPECT_GT(pre_existing(r), 100) << "every KEP was linted, and their findings stay visible";
}

TEST_F(CorpusPullRequestTest, AnOwnersAliasesEditPasses) {
  edit("OWNERS_ALIASES", "prod-readiness-approvers:\n",
       "prod-readiness-approvers:\n    - newcomer\n");
  commit_all(root_, "a new PRR approver");
  ProcessResult r = lint({});
  EXPECT_EQ(r.exit_code, 0) << ::testing::PrintToString(introduced(r));
}

TEST_F(CorpusPullRequestTest, AStatusTypoFailsWithOneNewFinding) {
  std::string kep = "keps/sig-node/1287-in-place-update-pod-resources/kep.yaml";
  std::string text = testing::read_file(root_ / kep);
  std::size_t at = text.find("\nstatus: ");
  ASSERT_NE(at, std::string::npos);
  std::size_t eol = text.find('\n', at + 1);
  write_file(root_ / kep, text.substr(0, at) + "\nstatus: imlpemented" + text.substr(eol));
  commit_all(root_, "typo");
  ProcessResult r = lint({});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(introduced(r), ::testing::Contains(std::string("KEP003 ") + kep));
}

}  // namespace
}  // namespace keplint
