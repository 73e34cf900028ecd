#include "repo/files_from.h"
#include "repo/user_file.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>

namespace keplint {
namespace {

namespace fs = std::filesystem;

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

bool leaves_root(const fs::path& relative) {
  return relative.empty() || *relative.begin() == "..";
}

// Repo-relative, '/'-separated form of one listed path.
std::string normalize(std::string_view line, const fs::path& root) {
  fs::path p = fs::path(std::string(line)).lexically_normal();
  if (p.is_absolute()) {
    fs::path rel = p.lexically_relative(root.lexically_normal());
    if (leaves_root(rel)) {
      // The root may have been given through a symlink (e.g. /tmp on macOS); try its real path.
      std::error_code ec;
      fs::path real_root = fs::weakly_canonical(root, ec);
      rel = ec ? fs::path() : p.lexically_relative(real_root);
    }
    p = rel;
  }
  // lexically_normal already folded "./a", "a//b" and "a/../b".
  if (leaves_root(p) || p == ".") {
    throw FilesFromError("--files-from: '" + std::string(line) + "' is outside the repository " +
                         root.string());
  }
  return p.generic_string();
}

}  // namespace

std::vector<ChangedFile> parse_files_from(std::string_view text, const fs::path& root) {
  std::vector<ChangedFile> files;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    pos = eol + 1;
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (is_blank(line)) continue;

    ChangedFile f;
    f.path = normalize(line, root);
    std::error_code ec;
    // symlink_status: a dangling symlink is still a file that changed, not a deletion.
    bool exists = fs::exists(fs::symlink_status(root / f.path, ec));
    f.status = exists ? ChangedFile::Status::Modified : ChangedFile::Status::Deleted;
    files.push_back(std::move(f));
  }
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end(),
                          [](const auto& a, const auto& b) { return a.path == b.path; }),
              files.end());
  return files;
}

std::vector<ChangedFile> read_files_from(const std::string& file, const fs::path& root,
                                         std::istream& stdin_stream) {
  std::string text;
  if (file == "-") {
    text.assign(std::istreambuf_iterator<char>(stdin_stream), std::istreambuf_iterator<char>());
  } else {
    ReadResult read = read_user_file(file, Repository::kDefaultMaxFileSize);
    if (!read.ok()) throw FilesFromError("--files-from: cannot read " + file + ": " + read.detail);
    text = read.source->text();
  }
  return parse_files_from(text, root);
}

}  // namespace keplint
