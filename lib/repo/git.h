// Running git against one repository with settings that make its output parseable.
#pragma once

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "repo/process.h"

namespace keplint {

// Anything that stops us from computing a change set: not a repository, unknown revision,
// history missing from a shallow clone, git not installed. The message is meant for users.
class GitError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class GitRepo {
 public:
  // Finds the repository containing `dir`; throws GitError "not a git repository: DIR".
  static GitRepo open(const std::filesystem::path& dir);

  const std::filesystem::path& top_level() const { return top_level_; }

  // Runs `git <args>` in the top level; ok() tells success. Throws GitError only when git
  // itself cannot be started.
  ProcessResult run(const std::vector<std::string>& args) const;
  // Like run() but throws GitError with git's stderr when git fails.
  std::string run_checked(const std::vector<std::string>& args) const;

  // The full commit id `rev` names, or nullopt when it names no commit in this clone.
  std::optional<std::string> resolve_commit(std::string_view rev) const;
  bool is_shallow() const;
  // Parent ids recorded in the commit object itself; unlike HEAD^1 this still works at the
  // boundary of a shallow clone, where the parents are named but not present.
  std::vector<std::string> recorded_parents(std::string_view commit) const;

 private:
  explicit GitRepo(std::filesystem::path top_level) : top_level_(std::move(top_level)) {}
  std::filesystem::path top_level_;
};

// The command line and environment every git call uses: fixed settings that make its output
// parseable and its behaviour independent of the user's configuration.
std::vector<std::string> git_command(const std::vector<std::string>& args);
ProcessOptions git_process_options(const std::filesystem::path& dir);

// Runs `git <args>` in `dir` with the same fixed settings GitRepo uses.
ProcessResult run_git(const std::filesystem::path& dir, const std::vector<std::string>& args);

}  // namespace keplint
