// Files and directories kep-lint may not read. Root reads everything, so when the tests run as
// root (CI does) the binary runs as `nobody` through setpriv (util-linux), on a repository
// under a world-traversable directory.
#include <sys/stat.h>
#include <unistd.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "git_fixture.h"
#include "repo/process.h"

namespace keplint {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using testing::write_file;

constexpr const char* kKep =
    "title: T\nkep-number: \"NUM\"\nauthors:\n  - \"@a\"\nowning-sig: sig-node\n"
    "status: provisional\ncreation-date: 2024-01-10\nreviewers:\n  - \"@b\"\n"
    "approvers:\n  - \"@c\"\n";

class UnreadableTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (::geteuid() == 0) {
      prefix_ = {"setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"};
      ProcessResult probe;
      try {
        probe = run_process(
            {"setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--", "true"});
      } catch (const ProcessError& e) {
        GTEST_SKIP() << "running as root and setpriv cannot be started: " << e.what();
      }
      if (!probe.ok()) {
        GTEST_SKIP() << "running as root and setpriv cannot switch to nobody: " << probe.err;
      }
    }
    fs::permissions(tmp_.path(), fs::perms::owner_all | fs::perms::group_read |
                                     fs::perms::group_exec | fs::perms::others_read |
                                     fs::perms::others_exec);
    root_ = tmp_.path() / "repo";
    old_umask_ = ::umask(022);  // files nobody can read unless locked on purpose
    add_kep("1", "readable");
  }
  void TearDown() override {
    // Let the TempDir remove everything again.
    for (const fs::path& p : locked_) fs::permissions(p, fs::perms::owner_all);
    if (old_umask_) ::umask(*old_umask_);
  }

  void add_kep(const std::string& number, const std::string& slug) {
    std::string kep = kKep;
    kep.replace(kep.find("NUM"), 3, number);
    fs::path dir = root_ / "keps/sig-node" / (number + "-" + slug);
    write_file(dir / "kep.yaml", kep);
    write_file(dir / "README.md", "# KEP-" + number + ": T\n");
  }
  void lock(const fs::path& path) {
    fs::permissions(path, fs::perms::none);
    locked_.push_back(path);
  }
  ProcessResult kep_lint(std::vector<std::string> args) {
    std::vector<std::string> argv = prefix_;
    argv.insert(argv.end(), {KEP_LINT_BINARY, "--repo", root_.string()});
    argv.insert(argv.end(), args.begin(), args.end());
    return run_process(argv);
  }

  testing::TempDir tmp_;
  fs::path root_;
  std::vector<std::string> prefix_;
  std::vector<fs::path> locked_;
  std::optional<mode_t> old_umask_;
};

TEST_F(UnreadableTest, UnreadableFileIsAFindingWithItsReason) {
  add_kep("2", "locked-readme");
  lock(root_ / "keps/sig-node/2-locked-readme/README.md");
  ProcessResult r = kep_lint({"--format", "json"});
  ASSERT_EQ(r.exit_code, 1) << r.err;
  nlohmann::json out = nlohmann::json::parse(r.out);
  bool found = false;
  for (const auto& f : out["findings"]) {
    if (f["rule"] == "KEP032" && f["path"] == "keps/sig-node/2-locked-readme/README.md") {
      EXPECT_THAT(std::string(f["message"]), HasSubstr("cannot open: Permission denied"));
      found = true;
    }
  }
  EXPECT_TRUE(found) << r.out;
}

TEST_F(UnreadableTest, UnreadableDirectoryFailsTheRunNamingIt) {
  add_kep("3", "locked-directory");
  lock(root_ / "keps/sig-node/3-locked-directory");
  ProcessResult r = kep_lint({"--format", "json"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("cannot read directory keps/sig-node/3-locked-directory: "
                               "Permission denied"));
  // The rest of the repository was still linted and reported.
  EXPECT_FALSE(nlohmann::json::parse(r.out, nullptr, false).is_discarded()) << r.out;
}

TEST_F(UnreadableTest, UnreadableConfigIsAnErrorWithItsPath) {
  write_file(root_ / ".kep-lint.yaml", "pack: kubernetes\n");
  lock(root_ / ".kep-lint.yaml");
  ProcessResult r = kep_lint({});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr(".kep-lint.yaml:1:1: cannot read config: cannot open: Permission "
                               "denied"));
}

TEST_F(UnreadableTest, UnreadableRepositoryRootIsAnError) {
  lock(root_);
  ProcessResult r = kep_lint({});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("kep-lint: "));
  EXPECT_EQ(r.out, "");
}

}  // namespace
}  // namespace keplint
