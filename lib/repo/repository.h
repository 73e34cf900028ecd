// The repository being linted: every read goes through here, so nothing outside the root is
// ever read (symlinks are resolved and checked) and file-size and binary limits apply everywhere.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "document/source_file.h"
#include "repo/git_tree.h"

namespace keplint {

struct ReadResult {
  enum class Status { Ok, NotFound, OutsideRepository, NotAFile, TooLarge, Binary, Unreadable };
  Status status = Status::NotFound;
  SourcePtr source;    // set when Ok
  std::string detail;  // human-readable reason when not Ok
  Position position;   // where the problem is, when it has a place (Binary: the first NUL byte)
  bool ok() const { return status == Status::Ok; }
};

class Repository {
 public:
  static constexpr std::size_t kDefaultMaxFileSize = 4u << 20;

  // `root` must exist; throws std::runtime_error otherwise.
  explicit Repository(const std::filesystem::path& root,
                      std::size_t max_file_size = kDefaultMaxFileSize);
  // The same repository as it was at a commit: every read comes from `tree` (git objects), none
  // from the working tree. `root` is still the checkout's root, for messages and path arguments.
  Repository(const std::filesystem::path& root, std::shared_ptr<const GitTree> tree,
             std::size_t max_file_size = kDefaultMaxFileSize);

  // The commit this view reads, empty for the working tree.
  std::string commit() const { return tree_ ? tree_->commit() : std::string(); }

  const std::filesystem::path& root() const { return root_; }
  // Files larger than this are not read (ReadResult::Status::TooLarge). Set it before the
  // first read of a file it should apply to: results are cached.
  void set_max_file_size(std::size_t bytes) { max_file_size_ = bytes; }
  std::size_t max_file_size() const { return max_file_size_; }

  // Reads a repo-relative file once and caches it; safe to call from several threads.
  ReadResult read(std::string_view relative_path) const;
  // True when the path names a regular file inside the repository (following in-repo symlinks).
  bool is_file(std::string_view relative_path) const;
  bool is_directory(std::string_view relative_path) const;
  // True when the path itself is a symbolic link, wherever (or whether) it leads.
  bool is_symlink(std::string_view relative_path) const;
  // Entries of a directory (names only, sorted); empty when it does not exist.
  std::vector<std::string> list_directory(std::string_view relative_dir) const;

  // Repo-relative paths of regular files (and file symlinks) under `relative_dir`, sorted.
  // Directory symlinks are not followed; `.git` is skipped. Walks are cached: discovery and the
  // repository-level rules ask for the same trees. Directories that cannot be listed are left
  // out and recorded in unreadable_directories().
  std::vector<std::string> walk(std::string_view relative_dir) const;
  // Directories walks could not list (repo-relative, "" for the root) and why; the run cannot
  // vouch for what they hold.
  std::map<std::string, std::string> unreadable_directories() const;

  // Maps an absolute or cwd-relative path given on the command line to a repo-relative one;
  // empty when it lies outside the repository.
  std::string relative_to_root(const std::filesystem::path& path) const;

 private:
  ReadResult read_uncached(const std::string& relative_path) const;
  std::string too_large(std::size_t size) const;
  std::vector<std::string> walk_uncached(std::string_view relative_dir) const;
  bool inside_root(const std::filesystem::path& canonical) const;
  // Whether a canonical path inside the root lies in (or is) a `.git` directory or file.
  bool inside_git_directory(const std::filesystem::path& canonical) const;
  bool real_directories_to(std::string_view relative_path) const;

  ReadResult read_from_tree(const std::string& relative_path) const;

  std::filesystem::path root_;           // canonical
  std::shared_ptr<const GitTree> tree_;  // set for a view of a commit
  std::size_t max_file_size_;
  mutable std::mutex mutex_;
  mutable std::map<std::string, ReadResult, std::less<>> cache_;
  mutable std::map<std::string, std::vector<std::string>, std::less<>> walks_;
  mutable std::set<std::string, std::less<>> real_directories_;  // checked: no symlink on the way
  mutable std::map<std::string, std::string> unreadable_directories_;
};

}  // namespace keplint
