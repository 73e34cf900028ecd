// The change a run is scoped to: from git (`--changed-from REV|auto`) or from a list
// (`--files-from`), with the base revision found from the CI environment for `auto`.
#pragma once

#include <filesystem>
#include <istream>
#include <string>

#include "repo/changed_files.h"
#include "repo/ci_environment.h"

namespace keplint {

struct ChangeRequest {
  std::string changed_from;  // a revision, or "auto"; empty when files_from is used
  std::string files_from;    // a file listing changed paths, "-" for stdin
  LineDetail detail = LineDetail::FilesOnly;
};

struct ResolvedChanges {
  ChangeSet set;
  bool has_lines = false;  // added and context lines are known (git, LineDetail::FilesAndLines)
  std::string base;        // "REV (how it was found)", empty for a file list
};

// Throws GitError (no base, shallow clone without the base: the message names the fetch depth)
// or FilesFromError.
ResolvedChanges resolve_changes(const ChangeRequest& request, const std::filesystem::path& root,
                                const CiEnvironment& ci, std::istream& stdin_stream);

}  // namespace keplint
