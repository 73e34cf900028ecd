#include "repo/repository.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

#include "as_nobody.h"
#include "git_fixture.h"

namespace keplint {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::write_file;
using Status = ReadResult::Status;

class RepositoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = tmp_.path() / "repo";
    outside_ = tmp_.path() / "outside";
    fs::create_directories(root_);
    write_file(outside_ / "secret.txt", "TOP SECRET\n");
    write_file(outside_ / "dir" / "kep.yaml", "title: outside\n");
  }
  void write(const std::string& rel, const std::string& text) { write_file(root_ / rel, text); }
  void link(const fs::path& target, const std::string& rel) {
    fs::create_directories((root_ / rel).parent_path());
    fs::create_symlink(target, root_ / rel);
  }

  testing::TempDir tmp_;
  fs::path root_;
  fs::path outside_;
};

TEST_F(RepositoryTest, RootMustBeADirectory) {
  EXPECT_THROW(Repository(tmp_.path() / "missing"), std::runtime_error);
  write("file", "x");
  EXPECT_THROW(Repository(root_ / "file"), std::runtime_error);
  Repository repo(root_ / "." / "");
  EXPECT_EQ(repo.root(), fs::canonical(root_));
}

TEST_F(RepositoryTest, ReadsFilesInsideTheRoot) {
  write("keps/sig-a/1-x/kep.yaml", "title: x\nstatus: y\n");
  Repository repo(root_);
  ReadResult r = repo.read("keps/sig-a/1-x/kep.yaml");
  ASSERT_TRUE(r.ok()) << r.detail;
  EXPECT_EQ(r.source->text(), "title: x\nstatus: y\n");
  EXPECT_EQ(r.source->path(), "keps/sig-a/1-x/kep.yaml");
  // Cached: the same source object comes back.
  EXPECT_EQ(repo.read("keps/sig-a/1-x/kep.yaml").source, r.source);
  EXPECT_TRUE(repo.is_file("keps/sig-a/1-x/kep.yaml"));
  EXPECT_FALSE(repo.is_file("keps/sig-a/1-x"));
  EXPECT_TRUE(repo.is_directory("keps/sig-a/1-x"));
  EXPECT_TRUE(repo.is_directory(""));
  EXPECT_FALSE(repo.is_directory("keps/sig-a/1-x/kep.yaml"));
}

TEST_F(RepositoryTest, EmptyFileIsReadable) {
  write("empty.yaml", "");
  Repository repo(root_);
  ReadResult r = repo.read("empty.yaml");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.source->text(), "");
}

TEST_F(RepositoryTest, MissingFiles) {
  Repository repo(root_);
  EXPECT_EQ(repo.read("nope.yaml").status, Status::NotFound);
  EXPECT_EQ(repo.read("a/b/c.yaml").status, Status::NotFound);
  EXPECT_FALSE(repo.is_file("nope.yaml"));
  EXPECT_FALSE(repo.is_directory("nope"));
  EXPECT_TRUE(repo.list_directory("nope").empty());
  EXPECT_TRUE(repo.walk("nope").empty());
}

TEST_F(RepositoryTest, PathsThatLeaveTheRootAreRefusedWithoutTouchingTheDisk) {
  Repository repo(root_);
  for (std::string bad :
       {"../outside/secret.txt", "/etc/passwd", "a/../../outside/secret.txt", "./x", "", "a//b"}) {
    ReadResult r = repo.read(bad);
    EXPECT_EQ(r.status, Status::OutsideRepository) << bad;
    EXPECT_EQ(r.source, nullptr);
    EXPECT_FALSE(repo.is_file(bad)) << bad;
  }
  EXPECT_FALSE(repo.is_directory("../outside"));
  EXPECT_TRUE(repo.list_directory("../outside").empty());
  EXPECT_TRUE(repo.walk("../outside").empty());
}

TEST_F(RepositoryTest, SymlinkToEtcPasswdIsOutsideAndNeverRead) {
  link("/etc/passwd", "keps/sig-a/1-x/kep.yaml");
  Repository repo(root_);
  ReadResult r = repo.read("keps/sig-a/1-x/kep.yaml");
  EXPECT_EQ(r.status, Status::OutsideRepository);
  EXPECT_EQ(r.source, nullptr);
  EXPECT_THAT(r.detail, HasSubstr("outside the repository"));
  EXPECT_THAT(r.detail, ::testing::Not(HasSubstr("root:")));
  EXPECT_FALSE(repo.is_file("keps/sig-a/1-x/kep.yaml"));
}

TEST_F(RepositoryTest, RelativeSymlinkOutsideTheRoot) {
  link("../../outside/secret.txt", "keps/secret.txt");
  link("../outside/secret.txt", "top.txt");
  Repository repo(root_);
  EXPECT_EQ(repo.read("keps/secret.txt").status, Status::OutsideRepository);
  EXPECT_EQ(repo.read("top.txt").status, Status::OutsideRepository);
  EXPECT_FALSE(repo.is_file("top.txt"));
}

TEST_F(RepositoryTest, SymlinkedDirectoryOutsideIsNeitherReadNorWalked) {
  link(outside_ / "dir", "keps/linked");
  write("keps/real/kep.yaml", "title: in\n");
  Repository repo(root_);
  EXPECT_THAT(repo.walk("keps"), ElementsAre("keps/real/kep.yaml"));
  EXPECT_THAT(repo.walk(""), ElementsAre("keps/real/kep.yaml"));
  EXPECT_TRUE(repo.walk("keps/linked").empty());
  ReadResult r = repo.read("keps/linked/kep.yaml");
  EXPECT_EQ(r.status, Status::OutsideRepository);
  EXPECT_EQ(r.source, nullptr);
  EXPECT_FALSE(repo.is_directory("keps/linked"));
  EXPECT_TRUE(repo.list_directory("keps/linked").empty());
}

TEST_F(RepositoryTest, SymlinkedDirectoryInsideIsNotWalkedTwice) {
  write("keps/real/kep.yaml", "title: in\n");
  link("real", "keps/alias");
  Repository repo(root_);
  EXPECT_THAT(repo.walk(""), ElementsAre("keps/real/kep.yaml"));
  // Reading through an in-repo link is fine: it stays inside.
  EXPECT_TRUE(repo.read("keps/alias/kep.yaml").ok());
}

TEST_F(RepositoryTest, SymlinkedFileInsideIsListedAndRead) {
  write("keps/a.md", "hello\n");
  link("a.md", "keps/b.md");
  link("missing.md", "keps/broken.md");
  Repository repo(root_);
  EXPECT_THAT(repo.walk("keps"), ElementsAre("keps/a.md", "keps/b.md", "keps/broken.md"));
  ReadResult r = repo.read("keps/b.md");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.source->text(), "hello\n");
  EXPECT_EQ(r.source->path(), "keps/b.md");
  // Present but unreadable: a dangling link must not read as an absent file (issue 16, item 10).
  EXPECT_EQ(repo.read("keps/broken.md").status, Status::Unreadable);
}

TEST_F(RepositoryTest, SizeLimit) {
  write("small.md", std::string(100, 'a'));
  write("big.md", std::string(101, 'a'));
  Repository repo(root_, 100);
  EXPECT_TRUE(repo.read("small.md").ok());
  ReadResult r = repo.read("big.md");
  EXPECT_EQ(r.status, Status::TooLarge);
  EXPECT_EQ(r.source, nullptr);
  EXPECT_THAT(r.detail, HasSubstr("101 bytes"));
  EXPECT_THAT(r.detail, HasSubstr("100"));
}

TEST_F(RepositoryTest, NulByteMeansBinary) {
  write("bin.yaml", std::string("title: x\0y\n", 11));
  Repository repo(root_);
  ReadResult r = repo.read("bin.yaml");
  EXPECT_EQ(r.status, Status::Binary);
  EXPECT_EQ(r.source, nullptr);
  EXPECT_THAT(r.detail, HasSubstr("NUL"));
}

TEST_F(RepositoryTest, DirectoriesAndSpecialFilesAreNotFiles) {
  fs::create_directories(root_ / "dir");
  ASSERT_EQ(::mkfifo((root_ / "fifo").c_str(), 0600), 0);
  Repository repo(root_);
  EXPECT_EQ(repo.read("dir").status, Status::NotAFile);
  // A FIFO would block a plain open(); it must come back at once as "not a file".
  EXPECT_EQ(repo.read("fifo").status, Status::NotAFile);
  EXPECT_FALSE(repo.is_file("fifo"));
}

TEST_F(RepositoryTest, UnreadableFile) {
  write("locked.yaml", "title: x\n");
  fs::permissions(root_ / "locked.yaml", fs::perms::none);
  // As root, the read runs as nobody: the repository must be on a path nobody can traverse.
  fs::permissions(tmp_.path(), fs::perms::owner_all | fs::perms::others_exec);
  testing::ChildRun run = testing::run_unprivileged([&] {
    Repository repo(root_);
    ReadResult r = repo.read("locked.yaml");
    std::string out = r.status == Status::Unreadable
                          ? "unreadable"
                          : "status " + std::to_string(static_cast<int>(r.status));
    return out + (r.source ? " with source" : "") + ": " + r.detail;
  });
  fs::permissions(root_ / "locked.yaml", fs::perms::owner_all);
  ASSERT_TRUE(run.ran) << run.output;
  EXPECT_THAT(run.output, HasSubstr("unreadable: "));
  EXPECT_THAT(run.output, HasSubstr("cannot open"));
  EXPECT_THAT(run.output, Not(HasSubstr("with source")));
}

TEST_F(RepositoryTest, WalkIsSortedSkipsGitAndListsOnlyFiles) {
  write("b/2.md", "");
  write("b/1.md", "");
  write("a.md", "");
  write(".git/HEAD", "ref\n");
  write("sub/.git", "gitdir: elsewhere\n");
  write("sub/x.md", "");
  fs::create_directories(root_ / "emptydir");
  Repository repo(root_);
  EXPECT_THAT(repo.walk(""), ElementsAre("a.md", "b/1.md", "b/2.md", "sub/x.md"));
  // Nothing under .git is read, listings included (issue 16, item 4).
  EXPECT_THAT(repo.list_directory(""), ElementsAre("a.md", "b", "emptydir", "sub"));
  EXPECT_THAT(repo.list_directory("b"), ElementsAre("1.md", "2.md"));
}

TEST_F(RepositoryTest, WalkCacheAnswersSubdirectories) {
  write("keps/sig-a/1-x/kep.yaml", "");
  write("keps/sig-a/2-y/kep.yaml", "");
  write("keps/sig-ab/3-z/kep.yaml", "");
  write("other.md", "");
  Repository repo(root_);
  ASSERT_THAT(repo.walk(""), ElementsAre("keps/sig-a/1-x/kep.yaml", "keps/sig-a/2-y/kep.yaml",
                                         "keps/sig-ab/3-z/kep.yaml", "other.md"));
  // Files added after the first walk are not seen: the answer comes from the cache.
  write("keps/sig-a/4-new/kep.yaml", "");
  EXPECT_THAT(repo.walk("keps/sig-a"),
              ElementsAre("keps/sig-a/1-x/kep.yaml", "keps/sig-a/2-y/kep.yaml"));
  EXPECT_THAT(repo.walk("keps"), ElementsAre("keps/sig-a/1-x/kep.yaml", "keps/sig-a/2-y/kep.yaml",
                                             "keps/sig-ab/3-z/kep.yaml"));
  EXPECT_TRUE(repo.walk("keps/sig").empty());  // a name prefix is not a directory
  // A fresh repository sees the new file.
  Repository fresh(root_);
  EXPECT_THAT(fresh.walk("keps/sig-a"),
              ElementsAre("keps/sig-a/1-x/kep.yaml", "keps/sig-a/2-y/kep.yaml",
                          "keps/sig-a/4-new/kep.yaml"));
}

TEST_F(RepositoryTest, SubdirectoryWalkCacheDoesNotAnswerForItsParent) {
  write("keps/sig-a/1-x/kep.yaml", "");
  write("keps/sig-b/2-y/kep.yaml", "");
  Repository repo(root_);
  EXPECT_THAT(repo.walk("keps/sig-a"), ElementsAre("keps/sig-a/1-x/kep.yaml"));
  EXPECT_THAT(repo.walk("keps"), ElementsAre("keps/sig-a/1-x/kep.yaml", "keps/sig-b/2-y/kep.yaml"));
}

TEST_F(RepositoryTest, WalkThroughALinkedParentStaysInside) {
  // "keps/linked" points outside; walking a directory below it must not list outside files.
  link(outside_, "keps/linked");
  Repository repo(root_);
  EXPECT_TRUE(repo.walk("keps/linked/dir").empty());
}

TEST_F(RepositoryTest, RelativeToRoot) {
  write("keps/a.md", "");
  Repository repo(root_);
  EXPECT_EQ(repo.relative_to_root(root_ / "keps" / "a.md"), "keps/a.md");
  EXPECT_EQ(repo.relative_to_root(root_ / "keps"), "keps");
  EXPECT_EQ(repo.relative_to_root(root_), "");
  EXPECT_EQ(repo.relative_to_root(root_ / "keps" / ".." / "keps" / "a.md"), "keps/a.md");
  EXPECT_EQ(repo.relative_to_root(outside_ / "secret.txt"), "");
  EXPECT_EQ(repo.relative_to_root(root_ / ".." / "outside"), "");
  EXPECT_EQ(repo.relative_to_root(tmp_.path() / "repo2" / "x"), "");
}

}  // namespace
}  // namespace keplint
