// write_file_atomically: like replace_file_atomically, but may create the file (a baseline).
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "git_fixture.h"
#include "repo/safe_write.h"

namespace keplint {
namespace {

namespace fs = std::filesystem;

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::size_t entries(const fs::path& dir) {
  return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), {}));
}

TEST(WriteFileAtomically, CreatesAMissingFileWithTheUmasksMode) {
  testing::TempDir tmp;
  fs::path file = tmp.path() / "baseline.json";
  mode_t old = ::umask(022);
  WriteResult r = write_file_atomically(file.string(), "{}\n");
  ::umask(old);
  ASSERT_TRUE(r) << r.error;
  EXPECT_EQ(read(file), "{}\n");
  struct stat st;
  ASSERT_EQ(::stat(file.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0644u);
  EXPECT_EQ(entries(tmp.path()), 1u) << "no temporary file left behind";
}

TEST(WriteFileAtomically, ReplacesAnExistingFileAndKeepsItsMode) {
  testing::TempDir tmp;
  fs::path file = tmp.path() / "baseline.json";
  std::ofstream(file) << "old";
  ASSERT_EQ(::chmod(file.c_str(), 0600), 0);
  ASSERT_TRUE(write_file_atomically(file.string(), "new"));
  EXPECT_EQ(read(file), "new");
  struct stat st;
  ASSERT_EQ(::stat(file.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0600u);
  EXPECT_EQ(entries(tmp.path()), 1u);
}

TEST(WriteFileAtomically, RefusesSymlinksAndMissingDirectories) {
  testing::TempDir tmp;
  fs::path target = tmp.path() / "target";
  std::ofstream(target) << "keep";
  fs::create_symlink(target, tmp.path() / "link");
  EXPECT_FALSE(write_file_atomically((tmp.path() / "link").string(), "x"));
  EXPECT_EQ(read(target), "keep");
  // A dangling symlink is not "missing": it is refused too, never followed.
  fs::create_symlink(tmp.path() / "nowhere", tmp.path() / "dangling");
  EXPECT_FALSE(write_file_atomically((tmp.path() / "dangling").string(), "x"));
  EXPECT_FALSE(fs::exists(tmp.path() / "nowhere"));
  WriteResult r = write_file_atomically((tmp.path() / "no" / "dir.json").string(), "x");
  EXPECT_FALSE(r);
  EXPECT_NE(r.error.find("cannot create"), std::string::npos) << r.error;
}

}  // namespace
}  // namespace keplint
