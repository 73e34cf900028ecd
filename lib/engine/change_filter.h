// Which findings of a change-scoped run are reported, reviewdog's filter modes: findings on
// added lines, within the diff's hunks, in changed files, or all of them. Proposals in the
// change are always linted whole; the filter only decides what is reported (and so what fails
// the run).
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "engine/finding.h"
#include "repo/changed_files.h"

namespace keplint {

enum class FilterMode { Added, DiffContext, File, NoFilter };

std::string_view filter_mode_name(FilterMode mode);  // "added", "diff_context", "file", "nofilter"
std::optional<FilterMode> parse_filter_mode(std::string_view name);
std::vector<std::string_view> filter_mode_names();

// added and diff_context need the change's lines (a git diff), not just its file list.
bool filter_needs_lines(FilterMode mode);

// Marks the findings whose range touches an added line (Finding::on_changed_line).
void mark_changed_lines(std::vector<Finding>& findings, const AddedLines& added);

// Removes the findings `mode` hides and returns them, in report order. A finding without a
// line (line 0: a whole file) or about a missing file (an absent PRR file, shown on kep.yaml)
// cannot be on a changed line; it is kept when its proposal is in report.changed_proposals or
// its file changed. `changes` must carry lines for added and diff_context.
std::vector<Finding> filter_findings(Report& report, const ChangeSet& changes, FilterMode mode);

}  // namespace keplint
