// Repository reads and file tests through symlinks: in-repository links are followed, links that
// leave the root are refused, broken links are not found (the fast path for plain paths must not
// change any of that).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "repo/repository.h"

namespace keplint {
namespace {

namespace fs = std::filesystem;
using Status = ReadResult::Status;

class RepositorySymlinkTest : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = fs::temp_directory_path() /
            ("keplint-repo-symlink-" + std::to_string(std::random_device{}()));
    fs::create_directories(base_ / "repo" / "keps" / "sig-a" / "1-x");
    fs::create_directories(base_ / "outside" / "dir");
    write(base_ / "repo" / "keps" / "sig-a" / "1-x" / "kep.yaml", "title: x\n");
    write(base_ / "outside" / "secret.yaml", "secret: 1\n");
    write(base_ / "outside" / "dir" / "kep.yaml", "title: outside\n");
    fs::path keps = base_ / "repo" / "keps";
    fs::create_symlink("1-x/kep.yaml", keps / "sig-a" / "inside-link.yaml");
    fs::create_symlink(base_ / "outside" / "secret.yaml", keps / "sig-a" / "outside-link.yaml");
    fs::create_symlink("missing.yaml", keps / "sig-a" / "dangling.yaml");
    fs::create_directory_symlink("sig-a", keps / "sig-b");
    fs::create_directory_symlink(base_ / "outside" / "dir", keps / "sig-c");
    repo_ = std::make_unique<Repository>(base_ / "repo");
  }
  void TearDown() override {
    repo_.reset();
    fs::remove_all(base_);
  }
  static void write(const fs::path& p, const std::string& text) { std::ofstream(p) << text; }

  fs::path base_;
  std::unique_ptr<Repository> repo_;
};

TEST_F(RepositorySymlinkTest, Reads) {
  EXPECT_EQ(repo_->read("keps/sig-a/1-x/kep.yaml").status, Status::Ok);
  EXPECT_EQ(repo_->read("keps/sig-a/inside-link.yaml").status, Status::Ok);
  EXPECT_EQ(repo_->read("keps/sig-b/1-x/kep.yaml").status, Status::Ok);
  EXPECT_EQ(repo_->read("keps/sig-a/outside-link.yaml").status, Status::OutsideRepository);
  EXPECT_EQ(repo_->read("keps/sig-c/kep.yaml").status, Status::OutsideRepository);
  ReadResult dangling = repo_->read("keps/sig-a/dangling.yaml");
  // Present but unreadable, not absent: a dangling kep.yaml must not make its KEP pass.
  EXPECT_EQ(dangling.status, Status::Unreadable);
  EXPECT_EQ(dangling.detail, "broken symbolic link (its target does not exist)");
  ReadResult missing = repo_->read("keps/sig-a/none.yaml");
  EXPECT_EQ(missing.status, Status::NotFound);
  EXPECT_EQ(missing.detail, "file not found");
  EXPECT_EQ(repo_->read("keps/none/none.yaml").status, Status::NotFound);
  EXPECT_EQ(repo_->read("keps/sig-a").status, Status::NotAFile);
  EXPECT_EQ(repo_->read("keps/sig-a/1-x/kep.yaml/x").status, Status::NotFound);
  EXPECT_EQ(repo_->read("keps/../keps/sig-a/1-x/kep.yaml").status, Status::OutsideRepository);
  auto ok = repo_->read("keps/sig-b/1-x/kep.yaml");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok.source->path(), "keps/sig-b/1-x/kep.yaml");
  EXPECT_EQ(ok.source->text(), "title: x\n");
}

TEST_F(RepositorySymlinkTest, IsFile) {
  EXPECT_TRUE(repo_->is_file("keps/sig-a/1-x/kep.yaml"));
  EXPECT_TRUE(repo_->is_file("keps/sig-a/inside-link.yaml"));
  EXPECT_TRUE(repo_->is_file("keps/sig-b/1-x/kep.yaml"));
  EXPECT_FALSE(repo_->is_file("keps/sig-a/outside-link.yaml"));
  EXPECT_FALSE(repo_->is_file("keps/sig-c/kep.yaml"));
  EXPECT_FALSE(repo_->is_file("keps/sig-a/dangling.yaml"));
  EXPECT_FALSE(repo_->is_file("keps/sig-a/none.yaml"));
  EXPECT_FALSE(repo_->is_file("keps/sig-a"));
}

TEST_F(RepositorySymlinkTest, WalkListsFilesAndFileLinksNotLinkedDirectories) {
  std::vector<std::string> expected = {"keps/sig-a/1-x/kep.yaml", "keps/sig-a/dangling.yaml",
                                       "keps/sig-a/inside-link.yaml",
                                       "keps/sig-a/outside-link.yaml"};
  EXPECT_EQ(repo_->walk("keps"), expected);
}

}  // namespace
}  // namespace keplint
