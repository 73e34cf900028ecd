// A commit's tree as a read-only file system: the base revision a pull request is compared
// with, and the trusted source of its settings, read from git objects without a checkout.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "repo/git_blob_reader.h"

namespace keplint {

class GitTree {
 public:
  struct Entry {
    enum class Kind { File, Symlink, Submodule };
    Kind kind = Kind::File;
    std::string object_id;
    std::size_t size = 0;
  };

  // The tree of `commit` below `prefix` (the repository root's path from git's top level, ""
  // or "dir/"), with paths relative to that root. Throws GitError.
  static std::shared_ptr<GitTree> load(const std::filesystem::path& top_level,
                                       const std::string& commit, const std::string& prefix);

  const std::string& commit() const { return commit_; }

  // The entry at `path` after following symbolic links (of the file and of directories on the
  // way) inside the tree. `outside` is set when a link leads out of it (or into .git), `broken`
  // when a link leads nowhere or loops.
  struct Resolved {
    const Entry* entry = nullptr;  // a File or Submodule; null when absent or a directory
    std::string path;              // where the links led
    bool is_directory = false;
    bool outside = false;
    bool broken = false;
  };
  Resolved resolve(std::string_view path) const;

  bool has_directory(std::string_view path) const;
  // Whether `path` itself is a symbolic link (not followed).
  bool is_symlink(std::string_view path) const;
  // Paths of files (and symbolic links that are not directories) under `dir`, sorted.
  std::vector<std::string> files_under(std::string_view dir) const;
  // Names directly inside `dir`, sorted.
  std::vector<std::string> names_in(std::string_view dir) const;

  std::optional<std::string> read_blob(const Entry& entry) const;

 private:
  GitTree(std::string commit, std::unique_ptr<GitBlobReader> reader)
      : commit_(std::move(commit)), reader_(std::move(reader)) {}
  std::optional<std::string> link_target(std::string_view path) const;

  std::string commit_;
  std::map<std::string, Entry, std::less<>> entries_;  // by path
  std::set<std::string, std::less<>> directories_;     // every directory, "" for the root
  std::unique_ptr<GitBlobReader> reader_;
};

}  // namespace keplint
