// Nothing under `.git` is ever read: a pull request can point a symlink, a config path or a
// baseline at `.git/config`, which holds the checkout's credentials (http.<url>.extraheader).
#pragma once

#include <filesystem>
#include <string_view>

namespace keplint {

// The reason given, in findings and errors, for a path refused by the checks below.
inline constexpr std::string_view kInsideGitMessage = "refusing to read inside .git";

// True when any '/'-separated component of `path` is ".git" (the directory, or the `.git`
// file of a worktree or submodule).
bool names_git_directory(std::string_view path);

// The same for where `path` really leads: symlinks are resolved as far as the path exists.
bool resolves_into_git_directory(const std::filesystem::path& path);

}  // namespace keplint
