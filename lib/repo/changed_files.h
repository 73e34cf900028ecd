// The set of files (and lines) a change touches, from git or from an explicit list.
#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "repo/added_lines.h"
#include "repo/git.h"

namespace keplint {

struct ChangedFile {
  enum class Status { Added, Modified, Deleted, Renamed };
  std::string path;  // repo-relative, '/' separators
  Status status = Status::Modified;
  std::string old_path;  // the source path of a rename; it is also listed on its own as Deleted
  auto operator<=>(const ChangedFile&) const = default;
};

std::string_view status_name(ChangedFile::Status s);  // "added", "modified", "deleted", "renamed"

struct ChangeSet {
  std::string base_commit;         // the merge base of the requested revision and HEAD
  std::vector<ChangedFile> files;  // sorted by path, each path once
  AddedLines added_lines;
  // New-side lines inside the diff's hunks with git's default 3 lines of context (reviewdog's
  // diff_context); added lines are among them.
  AddedLines context_lines;
  // Changed files (not deleted) for which git showed no hunk: a mode-only change, a pure
  // rename, or content git would not show. No line of theirs is known to be untouched, so the
  // line filters keep all their findings.
  std::set<std::string> without_hunks;
  std::string head_commit;  // HEAD when the change set was taken
};

// Everything that differs between merge-base(rev, HEAD) and the working tree of the repository
// containing `dir`: commits since the merge base, staged and unstaged changes, and untracked
// files that are not ignored. Paths are relative to `dir`, which may lie below git's top level
// (`--repo enh` in a monorepo); changes outside it are left out. Renames are detected (-M): the new
// path is Renamed with its old_path, and the old path is listed as Deleted, so proposals on both
// sides get linted. Added lines cost a full `git diff -U0`; ask for them only when a filter mode
// needs them. Throws GitError (not a repository, unknown revision, base missing from a shallow
// clone).
enum class LineDetail { FilesOnly, FilesAndLines };
ChangeSet collect_changes(const std::filesystem::path& dir, std::string_view rev,
                          LineDetail detail = LineDetail::FilesAndLines);

// The merge base of `rev` and HEAD, with the errors above.
std::string merge_base(const GitRepo& repo, std::string_view rev);

}  // namespace keplint
