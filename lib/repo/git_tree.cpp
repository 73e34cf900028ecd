#include "repo/git_tree.h"

#include <algorithm>
#include <charconv>

#include "repo/git.h"

namespace keplint {

namespace {

// Splits "a/./b/../c" into normalised components; false when ".." climbs above the start.
bool normalise(std::string_view path, std::vector<std::string>& parts) {
  std::size_t pos = 0;
  while (pos <= path.size()) {
    std::size_t slash = path.find('/', pos);
    if (slash == std::string_view::npos) slash = path.size();
    std::string_view part = path.substr(pos, slash - pos);
    if (part == "..") {
      if (parts.empty()) return false;
      parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.emplace_back(part);
    }
    pos = slash + 1;
  }
  return true;
}

std::string join_parts(const std::vector<std::string>& parts, std::size_t count) {
  std::string out;
  for (std::size_t i = 0; i < count; ++i) {
    if (i) out += '/';
    out += parts[i];
  }
  return out;
}

}  // namespace

std::shared_ptr<GitTree> GitTree::load(const std::filesystem::path& top_level,
                                       const std::string& commit, const std::string& prefix) {
  GitRepo repo = GitRepo::open(top_level);
  // -l gives sizes, so files over the size limit are refused before they are read. Paths are
  // from git's top level; the pathspec keeps a monorepo's other directories out.
  std::vector<std::string> args = {"ls-tree", "-r", "-z", "-l", "--full-tree", commit};
  if (!prefix.empty()) args.insert(args.end(), {"--", ":(literal)" + prefix});
  std::string listing = repo.run_checked(args);
  auto tree = std::shared_ptr<GitTree>(
      new GitTree(commit, std::make_unique<GitBlobReader>(repo.top_level())));
  tree->directories_.emplace("");
  std::size_t pos = 0;
  while (pos < listing.size()) {
    std::size_t end = listing.find('\0', pos);
    if (end == std::string::npos) end = listing.size();
    std::string_view record(listing.data() + pos, end - pos);
    pos = end + 1;
    // "<mode> <type> <id> <size>\t<path>"; the size is right-aligned with spaces.
    std::size_t tab = record.find('\t');
    if (tab == std::string_view::npos) continue;
    std::string_view meta = record.substr(0, tab);
    std::string path(record.substr(tab + 1));
    if (!prefix.empty()) {
      if (path.compare(0, prefix.size(), prefix) != 0) continue;
      path.erase(0, prefix.size());
    }
    std::size_t s1 = meta.find(' ');
    std::size_t s2 = meta.find(' ', s1 + 1);
    std::size_t s3 = meta.find(' ', s2 + 1);
    if (s1 == std::string_view::npos || s2 == std::string_view::npos ||
        s3 == std::string_view::npos) {
      continue;
    }
    std::string_view mode = meta.substr(0, s1);
    Entry entry;
    entry.object_id = std::string(meta.substr(s2 + 1, s3 - s2 - 1));
    std::string_view size = meta.substr(s3 + 1);
    while (!size.empty() && size.front() == ' ') size.remove_prefix(1);
    std::from_chars(size.data(), size.data() + size.size(), entry.size);
    if (mode == "120000") {
      entry.kind = Entry::Kind::Symlink;
    } else if (mode == "160000") {
      entry.kind = Entry::Kind::Submodule;
    }
    for (std::size_t slash = path.find('/'); slash != std::string::npos;
         slash = path.find('/', slash + 1)) {
      tree->directories_.emplace(path.substr(0, slash));
    }
    tree->entries_.emplace(std::move(path), std::move(entry));
  }
  return tree;
}

std::optional<std::string> GitTree::link_target(std::string_view path) const {
  auto it = entries_.find(path);
  if (it == entries_.end() || it->second.kind != Entry::Kind::Symlink) return std::nullopt;
  // A link's target is small; anything larger is not a path.
  if (it->second.size > 4096) return std::string("/");
  return reader_->read(it->second.object_id).value_or("/");
}

GitTree::Resolved GitTree::resolve(std::string_view path) const {
  Resolved out;
  std::vector<std::string> parts;
  if (!normalise(path, parts)) {
    out.outside = true;
    return out;
  }
  bool followed = false;
  // Each step either advances one component or replaces a link by its target; 40 links at most,
  // as the kernel allows, so a loop ends.
  int links = 0;
  std::size_t i = 0;
  while (i < parts.size()) {
    if (parts[i] == ".git") {
      out.outside = true;
      return out;
    }
    std::string prefix = join_parts(parts, i + 1);
    auto it = entries_.find(prefix);
    if (it != entries_.end() && it->second.kind == Entry::Kind::Symlink) {
      if (++links > 40) {
        out.broken = true;
        return out;
      }
      followed = true;
      std::string target = link_target(prefix).value_or("/");
      if (target.empty() || target.front() == '/') {
        out.outside = true;
        return out;
      }
      std::string rest = join_parts(parts, i);  // the link's directory
      std::vector<std::string> tail(parts.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                                    parts.end());
      std::string combined = rest.empty() ? target : rest + "/" + target;
      std::vector<std::string> next;
      if (!normalise(combined, next)) {
        out.outside = true;
        return out;
      }
      next.insert(next.end(), tail.begin(), tail.end());
      parts = std::move(next);
      i = 0;
      continue;
    }
    if (it != entries_.end() && i + 1 < parts.size()) {
      out.broken = followed;  // a file used as a directory
      return out;
    }
    if (it == entries_.end() && !directories_.contains(prefix)) {
      out.broken = followed;
      return out;
    }
    ++i;
  }
  out.path = join_parts(parts, parts.size());
  if (auto it = entries_.find(out.path); it != entries_.end()) {
    out.entry = &it->second;
  } else {
    out.is_directory = directories_.contains(out.path);
  }
  return out;
}

bool GitTree::has_directory(std::string_view path) const {
  Resolved r = resolve(path);
  return r.is_directory && !r.outside;
}

bool GitTree::is_symlink(std::string_view path) const {
  auto it = entries_.find(path);
  return it != entries_.end() && it->second.kind == Entry::Kind::Symlink;
}

std::vector<std::string> GitTree::files_under(std::string_view dir) const {
  std::vector<std::string> out;
  std::string prefix = dir.empty() ? std::string() : std::string(dir) + "/";
  for (auto it = entries_.lower_bound(prefix);
       it != entries_.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it) {
    if (it->second.kind == Entry::Kind::Submodule) continue;
    if (it->second.kind == Entry::Kind::Symlink && resolve(it->first).is_directory) continue;
    out.push_back(it->first);
  }
  return out;
}

std::vector<std::string> GitTree::names_in(std::string_view dir) const {
  std::set<std::string> names;
  std::string prefix = dir.empty() ? std::string() : std::string(dir) + "/";
  auto add = [&](const std::string& path) {
    if (path.empty() || path.compare(0, prefix.size(), prefix) != 0) return;
    std::string rest = path.substr(prefix.size());
    names.insert(rest.substr(0, rest.find('/')));
  };
  for (auto it = entries_.lower_bound(prefix);
       it != entries_.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it) {
    add(it->first);
  }
  for (auto it = directories_.lower_bound(prefix);
       it != directories_.end() && it->compare(0, prefix.size(), prefix) == 0; ++it) {
    add(*it);
  }
  return {names.begin(), names.end()};
}

std::optional<std::string> GitTree::read_blob(const Entry& entry) const {
  return reader_->read(entry.object_id);
}

}  // namespace keplint
