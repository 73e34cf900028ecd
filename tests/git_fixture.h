// Throw-away git repositories for tests of lib/repo.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "repo/process.h"

namespace keplint::testing {

namespace fs = std::filesystem;

// A fresh directory under the system temp dir, removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "keplint-git-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// Runs git in `dir` and fails the test when git fails; returns stdout without the final newline.
inline std::string git(const fs::path& dir, std::vector<std::string> args) {
  // Identity and signing are set per call so commits work in clones too.
  args.insert(args.begin(), {"git", "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false", "-c",
                             "user.name=Test", "-c", "user.email=test@example.com"});
  ProcessOptions options;
  options.working_dir = dir;
  ProcessResult r = run_process(args, options);
  EXPECT_TRUE(r.ok()) << "git failed in " << dir << ": " << r.err;
  if (!r.out.empty() && r.out.back() == '\n') r.out.pop_back();
  return r.out;
}

inline void write_file(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

// Tests must not depend on the machine's ~/.gitconfig (default branch, prefixes, colours).
inline void isolate_git_config() {
  ::setenv("GIT_CONFIG_GLOBAL", "/dev/null", 1);
  ::setenv("GIT_CONFIG_NOSYSTEM", "1", 1);
}

// `git init` on branch main with a local identity.
inline void init_repo(const fs::path& dir) {
  fs::create_directories(dir);
  git(dir, {"init", "-q", "-b", "main"});
  git(dir, {"config", "user.name", "Test"});
  git(dir, {"config", "user.email", "test@example.com"});
}

inline std::string commit_all(const fs::path& dir, const std::string& message) {
  git(dir, {"add", "-A"});
  git(dir, {"commit", "-q", "-m", message});
  return git(dir, {"rev-parse", "HEAD"});
}

}  // namespace keplint::testing
