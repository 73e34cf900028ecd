// Which findings a change introduced. A change-scoped run also lints the base revision (the
// same pack and settings, read from git objects); a finding of the head whose identity the base
// also has is pre-existing. Identity ignores line numbers, which shift with every edit above.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "engine/finding.h"
#include "engine/linter.h"
#include "repo/changed_files.h"

namespace keplint {

// Rule, file, the finding's anchor (YAML key path or heading; else its message with numbers
// blanked) and the text of the line it points at, trimmed. `path` is the file's path in the
// revision the finding is compared in (a renamed file's old path on the head side).
std::string finding_identity(const Finding& f, const std::string& path);

struct BaseComparison {
  std::size_t pre_existing = 0;
  std::size_t introduced = 0;
};

// Marks the findings of `head` that `base` has too (each base finding answers for one head
// finding). `renamed` maps a head path to its path in the base.
BaseComparison mark_pre_existing(std::vector<Finding>& head, const std::vector<Finding>& base,
                                 const std::map<std::string, std::string>& renamed);

// Lints `base_run` (the merge base, with the head run's pack, settings and datasets) and marks
// the findings of `head` it already had. Both runs share everything but the repository's
// files, so a proposal none of whose files changed has the same inputs at both revisions and
// the same findings: those are pre-existing without being linted again (a template change
// re-lints every KEP at the head, not twice). Sets head.base_commit.
BaseComparison compare_with_base(RunContext& base_run, LintOptions options,
                                 const ChangeSet& changes, Report& head);

}  // namespace keplint
