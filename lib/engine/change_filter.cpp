#include "engine/change_filter.h"

#include <algorithm>

namespace keplint {

namespace {

constexpr FilterMode kModes[] = {FilterMode::Added, FilterMode::DiffContext, FilterMode::File,
                                 FilterMode::NoFilter};

// A reversed range counts as its start line, as the outputs show it.
int last_line(const Finding& f) {
  return std::max(f.range.start.line, f.range.end.line);
}

}  // namespace

std::string_view filter_mode_name(FilterMode mode) {
  switch (mode) {
    case FilterMode::Added:
      return "added";
    case FilterMode::DiffContext:
      return "diff_context";
    case FilterMode::File:
      return "file";
    case FilterMode::NoFilter:
      return "nofilter";
  }
  return "nofilter";
}

std::optional<FilterMode> parse_filter_mode(std::string_view name) {
  for (FilterMode mode : kModes) {
    if (filter_mode_name(mode) == name) return mode;
  }
  return std::nullopt;
}

std::vector<std::string_view> filter_mode_names() {
  std::vector<std::string_view> names;
  for (FilterMode mode : kModes) names.push_back(filter_mode_name(mode));
  return names;
}

bool filter_needs_lines(FilterMode mode) {
  return mode == FilterMode::Added || mode == FilterMode::DiffContext;
}

void mark_changed_lines(std::vector<Finding>& findings, const AddedLines& added) {
  for (Finding& f : findings) {
    f.on_changed_line =
        f.range.start.line > 0 && added.overlaps(f.path, f.range.start.line, last_line(f));
  }
}

std::vector<Finding> filter_findings(Report& report, const ChangeSet& changes, FilterMode mode) {
  std::vector<Finding> hidden;
  if (mode == FilterMode::NoFilter) return hidden;
  std::set<std::string> files;
  for (const ChangedFile& f : changes.files) files.insert(f.path);
  std::set<std::string> proposals(report.changed_proposals.begin(), report.changed_proposals.end());

  auto keep = [&](const Finding& f) {
    // What the change introduced is its own, wherever it points (a deleted heading's finding
    // lands on no added line).
    if (!report.base_commit.empty() && !f.pre_existing) return true;
    if (f.never_filtered) return true;
    if (f.range.start.line <= 0 || f.about_file) {
      return (!f.proposal.empty() && proposals.count(f.proposal) > 0) || files.count(f.path) > 0;
    }
    // A changed file git showed no hunk of: none of its lines is known to be untouched.
    bool no_hunks = changes.without_hunks.count(f.path) > 0;
    switch (mode) {
      case FilterMode::Added:
        return no_hunks || changes.added_lines.overlaps(f.path, f.range.start.line, last_line(f));
      case FilterMode::DiffContext:
        return no_hunks || changes.context_lines.overlaps(f.path, f.range.start.line, last_line(f));
      case FilterMode::File:
        return files.count(f.path) > 0;
      case FilterMode::NoFilter:
        break;
    }
    return true;
  };
  std::vector<Finding> kept;
  for (Finding& f : report.findings) {
    (keep(f) ? kept : hidden).push_back(std::move(f));
  }
  report.findings = std::move(kept);
  return hidden;
}

}  // namespace keplint
