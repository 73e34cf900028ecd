#include "repo/repository.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <system_error>

#include "repo/byte_size.h"
#include "repo/git_dir_guard.h"
#include "repo/path_template.h"

namespace keplint {

namespace fs = std::filesystem;

Repository::Repository(const fs::path& root, std::size_t max_file_size)
    : max_file_size_(max_file_size) {
  std::error_code ec;
  root_ = fs::canonical(root, ec);
  if (ec || !fs::is_directory(root_)) {
    throw std::runtime_error("repository root '" + root.string() + "' is not a directory");
  }
}

Repository::Repository(const fs::path& root, std::shared_ptr<const GitTree> tree,
                       std::size_t max_file_size)
    : Repository(root, max_file_size) {
  tree_ = std::move(tree);
}

ReadResult Repository::read_from_tree(const std::string& rel) const {
  ReadResult r;
  GitTree::Resolved at = tree_->resolve(rel);
  if (at.outside) {
    r.status = ReadResult::Status::OutsideRepository;
    r.detail = "symbolic link points outside the repository";
    return r;
  }
  if (!at.entry) {
    r.status = ReadResult::Status::NotFound;
    r.detail = at.is_directory ? "not a regular file"
               : at.broken     ? "broken symbolic link"
                               : "file not found";
    if (at.is_directory) r.status = ReadResult::Status::NotAFile;
    return r;
  }
  if (at.entry->kind != GitTree::Entry::Kind::File) {
    r.status = ReadResult::Status::NotAFile;
    r.detail = "not a regular file";
    return r;
  }
  if (at.entry->size > max_file_size_) {
    r.status = ReadResult::Status::TooLarge;
    r.detail = too_large(at.entry->size);
    return r;
  }
  std::optional<std::string> text = tree_->read_blob(*at.entry);
  if (!text) {
    r.status = ReadResult::Status::Unreadable;
    r.detail = "object " + at.entry->object_id + " is missing from the clone";
    return r;
  }
  if (std::size_t nul = text->find('\0'); nul != std::string::npos) {
    r.status = ReadResult::Status::Binary;
    r.detail = "file contains NUL bytes (binary data)";
    r.position = SourceFile(rel, text->substr(0, nul + 1)).position_of(nul);
    return r;
  }
  r.status = ReadResult::Status::Ok;
  r.source = std::make_shared<SourceFile>(rel, std::move(*text));
  return r;
}

bool Repository::inside_root(const fs::path& canonical) const {
  auto [root_end, _] =
      std::mismatch(root_.begin(), root_.end(), canonical.begin(), canonical.end());
  return root_end == root_.end();
}

bool Repository::inside_git_directory(const fs::path& canonical) const {
  return names_git_directory(canonical.lexically_relative(root_).generic_string());
}

ReadResult Repository::read(std::string_view relative_path) const {
  {
    std::lock_guard lock(mutex_);
    auto it = cache_.find(relative_path);
    if (it != cache_.end()) return it->second;
  }
  ReadResult result = read_uncached(std::string(relative_path));
  std::lock_guard lock(mutex_);
  return cache_.emplace(std::string(relative_path), std::move(result)).first->second;
}

// Whether each directory from the root down to the one holding `rel` is a real directory, not a
// symlink: then root_/rel (a plain path) is canonical up to its last component. Only successes
// are cached; files share their directories, so this costs one lstat per directory per run.
bool Repository::real_directories_to(std::string_view rel) const {
  std::size_t slash = rel.rfind('/');
  if (slash == std::string_view::npos) return true;
  std::string_view dir = rel.substr(0, slash);
  {
    std::lock_guard lock(mutex_);
    if (real_directories_.contains(dir)) return true;
  }
  if (!real_directories_to(dir)) return false;
  struct stat st {};
  if (::lstat((root_ / dir).c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) return false;
  std::lock_guard lock(mutex_);
  real_directories_.emplace(dir);
  return true;
}

std::string Repository::too_large(std::size_t size) const {
  return "file is " + std::to_string(size) + " bytes, over the limit of " +
         format_byte_size(max_file_size_) +
         " (--max-file-size, or max-file-size in .kep-lint.yaml)";
}

ReadResult Repository::read_uncached(const std::string& rel) const {
  ReadResult r;
  if (names_git_directory(rel)) {
    r.status = ReadResult::Status::OutsideRepository;
    r.detail = std::string(kInsideGitMessage);
    return r;
  }
  if (!is_safe_relative_path(rel)) {
    r.status = ReadResult::Status::OutsideRepository;
    r.detail = "path '" + rel + "' is not a plain path inside the repository";
    return r;
  }
  if (tree_) return read_from_tree(rel);
  fs::path full = root_ / rel;
  // Fast path for the usual case, without resolving every component of the path: no symlink on
  // the way and none at the end (O_NOFOLLOW). Anything else takes the checks below.
  int fd = -1;
  if (real_directories_to(rel)) {
    fd = ::open(full.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW);
  }
  if (fd < 0) {
    std::error_code ec;
    fs::file_status link_status = fs::symlink_status(full, ec);
    if (ec || !fs::exists(link_status)) {
      r.status = ReadResult::Status::NotFound;
      r.detail = "file not found";
      return r;
    }
    fs::path canonical = fs::canonical(full, ec);
    if (ec) {
      // A dangling link or a loop: the file is there but cannot be linted, which is not the
      // same as absent (that would let its proposal pass unread).
      r.status = ReadResult::Status::Unreadable;
      r.detail = ec == std::errc::too_many_symbolic_link_levels ? "symbolic link loop"
                 : ec == std::errc::no_such_file_or_directory
                     ? "broken symbolic link (its target does not exist)"
                     : "cannot resolve symbolic link: " + ec.message();
      return r;
    }
    if (!inside_root(canonical)) {
      r.status = ReadResult::Status::OutsideRepository;
      r.detail = "symbolic link points outside the repository";
      return r;
    }
    if (inside_git_directory(canonical)) {
      r.status = ReadResult::Status::OutsideRepository;
      r.detail = std::string(kInsideGitMessage);
      return r;
    }
    fd = ::open(canonical.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  }
  if (fd < 0) {
    r.status = ReadResult::Status::Unreadable;
    r.detail = std::string("cannot open: ") + std::strerror(errno);
    return r;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    r.status = ReadResult::Status::NotAFile;
    r.detail = "not a regular file";
    return r;
  }
  if (static_cast<std::size_t>(st.st_size) > max_file_size_) {
    ::close(fd);
    r.status = ReadResult::Status::TooLarge;
    r.detail = too_large(static_cast<std::size_t>(st.st_size));
    return r;
  }
  // One spare byte, so the read that returns 0 at the end does not have to grow (reallocate and
  // copy) the whole buffer first.
  std::string text;
  text.resize(static_cast<std::size_t>(st.st_size) + 1);
  std::size_t got = 0;
  while (true) {
    if (got == text.size()) text.resize(text.size() + 4096);  // file grew while reading
    ssize_t n = ::read(fd, text.data() + got, text.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ::close(fd);
      r.status = ReadResult::Status::Unreadable;
      r.detail = std::string("read failed: ") + std::strerror(errno);
      return r;
    }
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
    if (got > max_file_size_) {
      ::close(fd);
      r.status = ReadResult::Status::TooLarge;
      r.detail =
          "file grew over the limit of " + format_byte_size(max_file_size_) + " while it was read";
      return r;
    }
  }
  ::close(fd);
  text.resize(got);
  if (std::size_t nul = text.find('\0'); nul != std::string::npos) {
    r.status = ReadResult::Status::Binary;
    r.detail = "file contains NUL bytes (binary data)";
    r.position = SourceFile(rel, text.substr(0, nul + 1)).position_of(nul);
    return r;
  }
  r.status = ReadResult::Status::Ok;
  r.source = std::make_shared<SourceFile>(rel, std::move(text));
  return r;
}

bool Repository::is_file(std::string_view rel) const {
  if (!is_safe_relative_path(rel) || names_git_directory(rel)) return false;
  if (tree_) {
    GitTree::Resolved at = tree_->resolve(rel);
    return !at.outside && at.entry && at.entry->kind == GitTree::Entry::Kind::File;
  }
  // Fast path: no symlink on the way and a regular file (not a symlink) at the end.
  struct stat st {};
  if (real_directories_to(rel) && ::lstat((root_ / fs::path(rel)).c_str(), &st) == 0 &&
      S_ISREG(st.st_mode)) {
    return true;
  }
  std::error_code ec;
  fs::path canonical = fs::canonical(root_ / fs::path(rel), ec);
  return !ec && inside_root(canonical) && !inside_git_directory(canonical) &&
         fs::is_regular_file(canonical, ec);
}

bool Repository::is_symlink(std::string_view rel) const {
  if (!is_safe_relative_path(rel) || names_git_directory(rel)) return false;
  if (tree_) return tree_->is_symlink(rel);
  struct stat st {};
  return ::lstat((root_ / fs::path(rel)).c_str(), &st) == 0 && S_ISLNK(st.st_mode);
}

bool Repository::is_directory(std::string_view rel) const {
  if (rel.empty()) return true;
  if (!is_safe_relative_path(rel) || names_git_directory(rel)) return false;
  if (tree_) return tree_->has_directory(rel);
  std::error_code ec;
  fs::path canonical = fs::canonical(root_ / fs::path(rel), ec);
  return !ec && inside_root(canonical) && !inside_git_directory(canonical) &&
         fs::is_directory(canonical, ec);
}

std::vector<std::string> Repository::list_directory(std::string_view rel) const {
  std::vector<std::string> names;
  if (!is_directory(rel)) return names;
  if (tree_) return tree_->names_in(tree_->resolve(rel).path);
  std::error_code ec;
  for (fs::directory_iterator it(root_ / fs::path(rel), ec), end; !ec && it != end;
       it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name != ".git") names.push_back(std::move(name));
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<std::string> Repository::walk(std::string_view rel) const {
  std::lock_guard lock(mutex_);
  // A cached walk of an enclosing directory answers for its subdirectories too.
  for (const auto& [dir, files] : walks_) {
    bool encloses =
        dir.empty() || rel == dir ||
        (rel.size() > dir.size() && rel.substr(0, dir.size()) == dir && rel[dir.size()] == '/');
    if (!encloses) continue;
    if (rel == dir) return files;
    std::string prefix = std::string(rel) + "/";
    auto first = std::lower_bound(files.begin(), files.end(), prefix);
    std::vector<std::string> out;
    for (auto it = first; it != files.end() && it->compare(0, prefix.size(), prefix) == 0; ++it) {
      out.push_back(*it);
    }
    return out;
  }
  return walks_.emplace(std::string(rel), walk_uncached(rel)).first->second;
}

std::vector<std::string> Repository::walk_uncached(std::string_view rel) const {
  std::vector<std::string> files;
  if (!rel.empty() && (!is_safe_relative_path(rel) || names_git_directory(rel))) return files;
  if (tree_) {
    // Like the working-tree walk: a linked directory is not descended into.
    GitTree::Resolved at = tree_->resolve(rel);
    if (rel.empty() || (at.is_directory && at.path == rel)) return tree_->files_under(rel);
    return files;
  }
  fs::path start = rel.empty() ? root_ : root_ / fs::path(rel);
  std::error_code ec;
  if (!fs::is_directory(fs::symlink_status(start, ec))) return files;
  // symlink_status only looks at the last step: a linked parent ("keps/linked/dir") may still
  // lead out of the repository.
  fs::path canonical = fs::canonical(start, ec);
  if (ec || !inside_root(canonical) || inside_git_directory(canonical)) return files;
  // readdir directly: std::filesystem's iterator builds and splits a path per entry, which
  // cost more than everything else here. ".git" is never entered. A directory that cannot be
  // listed is recorded (and reported by the caller), neither skipped silently nor ending the walk.
  std::string root = root_.string();
  std::vector<std::string> pending{rel.empty() ? std::string() : std::string(rel) + "/"};
  while (!pending.empty()) {
    std::string dir_rel = std::move(pending.back());
    pending.pop_back();
    std::string dir_abs = root + "/" + dir_rel;
    auto record_unreadable = [&](int error) {
      std::string_view name = dir_rel;
      if (!name.empty() && name.back() == '/') name.remove_suffix(1);
      unreadable_directories_.emplace(std::string(name), std::generic_category().message(error));
    };
    DIR* dir = ::opendir(dir_abs.c_str());
    if (!dir) {
      record_unreadable(errno);
      continue;
    }
    for (;;) {
      errno = 0;
      const dirent* entry = ::readdir(dir);
      if (!entry) {
        if (errno != 0) record_unreadable(errno);
        break;
      }
      std::string_view name = entry->d_name;
      if (name == "." || name == ".." || name == ".git") continue;
      std::string entry_rel = dir_rel + std::string(name);
      unsigned char type = entry->d_type;
      if (type == DT_UNKNOWN) {  // the listing did not say: ask
        struct stat st {};
        if (::lstat((dir_abs + std::string(name)).c_str(), &st) != 0) continue;
        type = S_ISDIR(st.st_mode) ? DT_DIR : S_ISLNK(st.st_mode) ? DT_LNK : DT_REG;
      }
      if (type == DT_DIR) {
        pending.push_back(entry_rel + "/");
        continue;
      }
      if (type == DT_LNK) {
        // A link to a directory is not descended into; a link to a file is listed and checked
        // on read.
        struct stat st {};
        if (::stat((dir_abs + std::string(name)).c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
          continue;
        }
      }
      files.push_back(std::move(entry_rel));
    }
    ::closedir(dir);
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::map<std::string, std::string> Repository::unreadable_directories() const {
  std::lock_guard lock(mutex_);
  return unreadable_directories_;
}

std::string Repository::relative_to_root(const fs::path& path) const {
  std::error_code ec;
  fs::path absolute = fs::weakly_canonical(fs::absolute(path, ec), ec);
  if (ec) return {};
  auto [root_end, _] = std::mismatch(root_.begin(), root_.end(), absolute.begin(), absolute.end());
  if (root_end != root_.end()) return {};
  std::string rel = absolute.lexically_relative(root_).generic_string();
  return rel == "." ? std::string() : rel;
}

}  // namespace keplint
