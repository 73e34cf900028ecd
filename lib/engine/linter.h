// Runs a pack's rules over the proposals a run covers, in parallel, with deterministic output.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "engine/finding.h"
#include "engine/run_context.h"

namespace keplint {

struct LintOptions {
  // Repo-relative paths named on the command line (files or directories); empty = whole repo.
  std::vector<std::string> paths;
  // A changed-file set (repo-relative, deleted files included); replaces `paths`.
  std::optional<std::vector<std::string>> changed_files;
  int jobs = 0;                                        // 0 = one per core
  std::map<std::string, Severity> severity_overrides;  // by rule id or name
  std::vector<std::string> exclude;                    // globs of paths to drop
  // When set, only these proposals of the scope are linted (the rest of the scope, repository
  // rules included, is unchanged): the base comparison lints only what can differ.
  std::optional<std::set<std::string>> only_proposals;
};

// The `paths` (repo-relative) that name no proposal: a directory without one under or around it,
// a file that belongs to none and is shared by none. Linting them would silently pass.
std::vector<std::string> paths_without_proposals(const RunContext& run,
                                                 const std::vector<std::string>& paths);

// Whether the changed `files` belong to every proposal of the repository (pre-commit's
// --all-files passes every file): such a change is the whole repository.
bool files_cover_every_proposal(const RunContext& run, const std::vector<std::string>& files);

// Records the run's scope on `run`, then lints. Findings come back sorted.
Report lint(RunContext& run, const LintOptions& options);

}  // namespace keplint
