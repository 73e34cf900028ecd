#include "repo/changed_files.h"

#include <fstream>
#include <map>
#include <optional>

namespace keplint {
namespace {

namespace fs = std::filesystem;
using Status = ChangedFile::Status;

std::string fetch_hint() {
  return "fetch more history: with actions/checkout set `fetch-depth: 0` (or `fetch-depth: 2` "
         "when HEAD is a pull request's merge commit); elsewhere run `git fetch --deepen=<n>` "
         "or `git fetch --unshallow`";
}

// Splits git's -z output into its NUL-terminated fields.
std::vector<std::string_view> split_nul(std::string_view text) {
  std::vector<std::string_view> fields;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\0', pos);
    if (end == std::string_view::npos) end = text.size();
    fields.push_back(text.substr(pos, end - pos));
    pos = end + 1;
  }
  return fields;
}

// Options every diff here shares: renames detected on purpose, and no user configuration
// (external diff drivers, textconv, colour) can change what we parse.
std::vector<std::string> diff_args() {
  return {"diff", "-M", "--no-color", "--no-ext-diff", "--no-textconv"};
}

// `git diff --name-status -z -M BASE`: BASE against the working tree, which covers commits
// since BASE plus staged and unstaged changes to tracked files.
void add_tracked_changes(const GitRepo& repo, const std::string& base,
                         std::map<std::string, ChangedFile>& files) {
  std::vector<std::string> args = diff_args();
  args.insert(args.end(), {"--name-status", "-z", base, "--"});
  std::string out = repo.run_checked(args);  // owns the text the fields point into
  auto fields = split_nul(out);
  for (size_t i = 0; i < fields.size();) {
    char code = fields[i].empty() ? '?' : fields[i][0];
    ++i;
    if ((code == 'R' || code == 'C') && i + 1 < fields.size()) {
      std::string from(fields[i]), to(fields[i + 1]);
      i += 2;
      if (code == 'R') {
        files[to] = {to, Status::Renamed, from};
        files[from] = {from, Status::Deleted, ""};
      } else {
        files[to] = {to, Status::Added, ""};  // a copy leaves its source untouched
      }
      continue;
    }
    if (i >= fields.size()) break;
    std::string path(fields[i++]);
    Status status = code == 'A' ? Status::Added : code == 'D' ? Status::Deleted : Status::Modified;
    files[path] = {path, status, ""};
  }
}

std::vector<std::string> untracked_files(const GitRepo& repo) {
  std::vector<std::string> paths;
  std::string out = repo.run_checked({"ls-files", "--others", "--exclude-standard", "-z"});
  for (auto field : split_nul(out)) {
    // A nested repository is listed as "dir/"; it is not a file we can lint.
    if (!field.empty() && !field.ends_with('/')) paths.emplace_back(field);
  }
  return paths;
}

// Every line of a new file is an added line. Symlinks are not followed (they may leave the
// repository); like git, we count a symlink as one line, its target.
void add_whole_file(const fs::path& root, const std::string& path, AddedLines& lines) {
  std::error_code ec;
  fs::path full = root / path;
  fs::file_status status = fs::symlink_status(full, ec);
  if (fs::is_symlink(status)) {
    lines.add(path, {1, 1});
    return;
  }
  // Only a regular file is read: a FIFO would block the run.
  if (!fs::is_regular_file(status)) return;
  std::ifstream in(full, std::ios::binary);
  int count = 0;
  char last = '\n';
  char buf[65536];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    std::string_view chunk(buf, static_cast<size_t>(in.gcount()));
    for (char c : chunk) count += c == '\n';
    last = chunk.back();
  }
  if (last != '\n') ++count;  // a final line without a newline
  if (count > 0) lines.add(path, {1, count});
}

// `dir` relative to git's top level ("enh" for `--repo enh` in a monorepo), "" at the top.
std::string directory_below_top_level(const GitRepo& repo, const fs::path& dir) {
  std::error_code ec;
  fs::path real = fs::canonical(dir, ec);
  if (ec) return {};
  std::string rel = real.lexically_relative(fs::canonical(repo.top_level(), ec)).generic_string();
  return rel == "." || rel.starts_with("..") ? std::string() : rel;
}

// The path under `prefix/`, without it; nullopt for paths outside it.
std::optional<std::string> below(const std::string& prefix, const std::string& path) {
  if (path.size() <= prefix.size() + 1 || !path.starts_with(prefix) || path[prefix.size()] != '/')
    return std::nullopt;
  return path.substr(prefix.size() + 1);
}

AddedLines rebase_lines(const AddedLines& lines, const std::string& prefix) {
  AddedLines out;
  for (const auto& [path, ranges] : lines.by_path()) {
    if (auto rel = below(prefix, path)) {
      for (const LineRange& r : ranges) out.add(*rel, r);
    }
  }
  return out;
}

// git names paths from its top level; the run's repository may be a directory below it. Paths
// are made relative to that directory and changes outside it are dropped.
void rebase_onto(ChangeSet& set, const std::string& prefix) {
  if (prefix.empty()) return;
  std::vector<ChangedFile> files;
  for (ChangedFile& f : set.files) {
    auto rel = below(prefix, f.path);
    if (!rel) continue;
    f.path = *rel;
    if (!f.old_path.empty()) {
      auto old = below(prefix, f.old_path);
      if (old) {
        f.old_path = *old;
      } else {  // moved in from outside: new here
        f.old_path.clear();
        f.status = Status::Added;
      }
    }
    files.push_back(std::move(f));
  }
  set.files = std::move(files);
  set.added_lines = rebase_lines(set.added_lines, prefix);
  set.context_lines = rebase_lines(set.context_lines, prefix);
  std::set<std::string> without_hunks;
  for (const std::string& path : set.without_hunks) {
    if (auto rel = below(prefix, path)) without_hunks.insert(*rel);
  }
  set.without_hunks = std::move(without_hunks);
}

}  // namespace

std::string_view status_name(ChangedFile::Status s) {
  switch (s) {
    case Status::Added:
      return "added";
    case Status::Modified:
      return "modified";
    case Status::Deleted:
      return "deleted";
    case Status::Renamed:
      return "renamed";
  }
  return "modified";
}

std::string merge_base(const GitRepo& repo, std::string_view rev) {
  auto head = repo.resolve_commit("HEAD");
  if (!head)
    throw GitError("HEAD does not name a commit in " + repo.top_level().string() +
                   " (no commits yet?)");
  auto base = repo.resolve_commit(rev);
  if (!base) {
    if (repo.is_shallow()) {
      throw GitError("base revision '" + std::string(rev) +
                     "' is not in this clone: the clone is shallow and the base commit was not "
                     "fetched; " +
                     fetch_hint());
    }
    throw GitError("unknown revision '" + std::string(rev) + "': no such commit in " +
                   repo.top_level().string());
  }
  ProcessResult r = repo.run({"merge-base", *base, *head});
  std::string out = r.out.substr(0, r.out.find('\n'));
  if (r.ok() && !out.empty()) return out;
  // Exit status 1 with no output: the histories do not meet, at least not in this clone.
  if (repo.is_shallow()) {
    throw GitError("cannot find the merge base of '" + std::string(rev) +
                   "' and HEAD: the clone is shallow and stops before their common ancestor; " +
                   fetch_hint());
  }
  if (r.exit_code == 1 && r.err.empty()) {
    throw GitError("'" + std::string(rev) + "' and HEAD have no common ancestor");
  }
  throw GitError("git merge-base failed: " + r.err);
}

ChangeSet collect_changes(const fs::path& dir, std::string_view rev, LineDetail detail) {
  GitRepo repo = GitRepo::open(dir);
  ChangeSet set;
  set.base_commit = merge_base(repo, rev);
  set.head_commit = repo.resolve_commit("HEAD").value_or("");

  std::map<std::string, ChangedFile> files;
  add_tracked_changes(repo, set.base_commit, files);
  std::vector<std::string> untracked = untracked_files(repo);
  for (const auto& path : untracked) {
    auto [it, inserted] = files.try_emplace(path, ChangedFile{path, Status::Added, ""});
    // Removed from the index but still on disk (`git rm --cached`): it changed, it is not gone.
    if (!inserted && it->second.status == Status::Deleted) it->second.status = Status::Modified;
  }
  for (auto& [path, file] : files) set.files.push_back(std::move(file));

  if (detail == LineDetail::FilesAndLines) {
    std::vector<std::string> args = diff_args();
    // Explicit context, prefixes and zero inter-hunk context override diff.context,
    // diff.noprefix, diff.mnemonicPrefix and diff.interHunkContext. Three lines of context is
    // git's default, which is what diff_context means. --text: a NUL byte or a `-diff`
    // attribute in the pull request must not turn its lines into "Binary files differ".
    args.insert(args.end(), {"--text", "-U3", "--inter-hunk-context=0", "--src-prefix=a/",
                             "--dst-prefix=b/", set.base_commit, "--"});
    DiffLines lines = parse_diff_lines(repo.run_checked(args));
    set.added_lines = std::move(lines.added);
    set.context_lines = std::move(lines.in_hunks);
    for (const auto& path : untracked) {
      add_whole_file(repo.top_level(), path, set.added_lines);
      add_whole_file(repo.top_level(), path, set.context_lines);
    }
    for (const ChangedFile& f : set.files) {
      if (f.status != Status::Deleted && !set.context_lines.find(f.path)) {
        set.without_hunks.insert(f.path);
      }
    }
  }
  rebase_onto(set, directory_below_top_level(repo, dir));
  return set;
}

}  // namespace keplint
