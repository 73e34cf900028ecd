// `--files-from FILE|-`: an explicit changed-file list instead of asking git.
#pragma once

#include <filesystem>
#include <istream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "repo/changed_files.h"

namespace keplint {

// An unreadable list or a listed path that leaves the repository.
class FilesFromError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// One path per line; blank lines ignored, CRLF tolerated, leading "./" stripped, absolute paths
// under `root` made relative. Each entry is Modified, or Deleted when nothing exists at the path
// (a dangling symlink exists). Sorted, each path once. Throws FilesFromError for a path outside
// `root`.
std::vector<ChangedFile> parse_files_from(std::string_view text, const std::filesystem::path& root);

// Reads the list from `file`, or from `stdin_stream` when `file` is "-".
std::vector<ChangedFile> read_files_from(const std::string& file, const std::filesystem::path& root,
                                         std::istream& stdin_stream);

}  // namespace keplint
