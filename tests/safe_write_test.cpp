#include "repo/safe_write.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "as_nobody.h"

namespace keplint {
namespace {

namespace fs = std::filesystem;

class SafeWriteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("keplint-safe-write-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::permissions(dir_, fs::perms::owner_all, ec);
    fs::remove_all(dir_, ec);
  }
  static void write(const fs::path& p, const std::string& s) {
    std::ofstream(p, std::ios::binary) << s;
  }
  static std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  std::size_t entries() const {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir_), {}));
  }
  fs::path dir_;
};

TEST_F(SafeWriteTest, ReplacesContentsAndKeepsMode) {
  fs::path file = dir_ / "README.md";
  write(file, "old\n");
  ASSERT_EQ(::chmod(file.c_str(), 0640), 0);
  WriteResult r = replace_file_atomically(file.string(), "new contents\n");
  ASSERT_TRUE(r) << r.error;
  EXPECT_EQ(read(file), "new contents\n");
  struct stat st;
  ASSERT_EQ(::stat(file.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0640u);
  EXPECT_EQ(entries(), 1u);  // no temporary file left behind
}

TEST_F(SafeWriteTest, WritesEmptyAndBinaryContents) {
  fs::path file = dir_ / "f";
  write(file, "x");
  ASSERT_TRUE(replace_file_atomically(file.string(), ""));
  EXPECT_EQ(read(file), "");
  std::string binary("a\0b\xFF", 4);
  ASSERT_TRUE(replace_file_atomically(file.string(), binary));
  EXPECT_EQ(read(file), binary);
}

TEST_F(SafeWriteTest, RefusesSymlinks) {
  fs::path target = dir_ / "target.md";
  fs::path link = dir_ / "link.md";
  write(target, "target\n");
  fs::create_symlink(target, link);
  WriteResult r = replace_file_atomically(link.string(), "evil\n");
  EXPECT_FALSE(r);
  EXPECT_NE(r.error.find("symlink"), std::string::npos) << r.error;
  EXPECT_EQ(read(target), "target\n");
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_EQ(entries(), 2u);
}

TEST_F(SafeWriteTest, MissingFileAndDirectoryFail) {
  WriteResult missing = replace_file_atomically((dir_ / "nope.md").string(), "x");
  EXPECT_FALSE(missing);
  EXPECT_NE(missing.error.find("nope.md"), std::string::npos);
  WriteResult directory = replace_file_atomically(dir_.string(), "x");
  EXPECT_FALSE(directory);
  EXPECT_NE(directory.error.find("not a regular file"), std::string::npos);
}

TEST_F(SafeWriteTest, UnwritableDirectoryFailsCleanly) {
  fs::path file = dir_ / "README.md";
  write(file, "old\n");
  // As root, the write runs as nobody, who then owns the file and the read-only directory.
  if (::geteuid() == 0) {
    ASSERT_EQ(::chown(dir_.c_str(), testing::kNobody, testing::kNobody), 0);
    ASSERT_EQ(::chown(file.c_str(), testing::kNobody, testing::kNobody), 0);
  }
  fs::permissions(dir_, fs::perms::owner_read | fs::perms::owner_exec);
  testing::ChildRun run = testing::run_unprivileged([&] {
    WriteResult r = replace_file_atomically(file.string(), "new\n");
    return std::string(r ? "written" : "failed: ") + r.error;
  });
  fs::permissions(dir_, fs::perms::owner_all);
  ASSERT_TRUE(run.ran) << run.output;
  EXPECT_EQ(run.output.rfind("failed: ", 0), 0u) << run.output;
  EXPECT_NE(run.output.find("cannot create"), std::string::npos) << run.output;
  EXPECT_EQ(read(file), "old\n");
  EXPECT_EQ(entries(), 1u);
}

}  // namespace
}  // namespace keplint
