#include "repo/files_from.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "git_fixture.h"

namespace keplint {
namespace {

using Status = ChangedFile::Status;

class FilesFromTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::write_file(tmp_.path() / "a.md", "a\n");
    testing::write_file(tmp_.path() / "keps/sig-x/kep.yaml", "title: x\n");
    std::filesystem::create_symlink("nowhere", tmp_.path() / "dangling");
  }
  testing::TempDir tmp_;
};

TEST_F(FilesFromTest, ParsesAndNormalisesTheList) {
  std::string abs = (tmp_.path() / "keps/sig-x/kep.yaml").string();
  std::string text = "./a.md\r\n\n   \r\nkeps//sig-x/./kep.yaml\nmissing.md\n./a.md\n" + abs +
                     "\ndangling\nname with space.md";  // no final newline
  std::vector<ChangedFile> files = parse_files_from(text, tmp_.path());
  EXPECT_EQ(files, (std::vector<ChangedFile>{{"a.md", Status::Modified, ""},
                                             {"dangling", Status::Modified, ""},
                                             {"keps/sig-x/kep.yaml", Status::Modified, ""},
                                             {"missing.md", Status::Deleted, ""},
                                             {"name with space.md", Status::Deleted, ""}}));
}

TEST_F(FilesFromTest, EmptyListIsEmpty) {
  EXPECT_TRUE(parse_files_from("", tmp_.path()).empty());
  EXPECT_TRUE(parse_files_from("\n\r\n", tmp_.path()).empty());
}

TEST_F(FilesFromTest, PathsOutsideTheRepositoryAreRejected) {
  EXPECT_THROW(parse_files_from("../escape.md\n", tmp_.path()), FilesFromError);
  EXPECT_THROW(parse_files_from("keps/../../escape.md\n", tmp_.path()), FilesFromError);
  EXPECT_THROW(parse_files_from("/etc/passwd\n", tmp_.path()), FilesFromError);
  EXPECT_THROW(parse_files_from(".\n", tmp_.path()), FilesFromError);
}

TEST_F(FilesFromTest, ReadsFromAFileOrStdin) {
  auto list = tmp_.path() / "list.txt";
  testing::write_file(list, "a.md\n");
  std::istringstream unused;
  EXPECT_EQ(read_files_from(list.string(), tmp_.path(), unused).size(), 1u);

  std::istringstream in("a.md\nmissing.md\n");
  auto files = read_files_from("-", tmp_.path(), in);
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[1].status, Status::Deleted);

  EXPECT_THROW(read_files_from((tmp_.path() / "no-list.txt").string(), tmp_.path(), unused),
               FilesFromError);
}

}  // namespace
}  // namespace keplint
