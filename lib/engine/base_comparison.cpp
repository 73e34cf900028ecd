#include "engine/base_comparison.h"

#include <cctype>
#include <set>
#include <unordered_map>

namespace keplint {

namespace {

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  return text;
}

// Messages may quote line numbers ("first defined at line 12"): those move with edits.
std::string without_numbers(std::string_view message) {
  std::string out;
  out.reserve(message.size());
  for (std::size_t i = 0; i < message.size(); ++i) {
    if (std::isdigit(static_cast<unsigned char>(message[i]))) {
      if (out.empty() || out.back() != '#') out += '#';
      continue;
    }
    out += message[i];
  }
  return out;
}

}  // namespace

std::string finding_identity(const Finding& f, const std::string& path) {
  std::string id = f.rule_id;
  id += '\0';
  id += path;
  id += '\0';
  id += f.anchor.empty() ? without_numbers(f.message) : f.anchor;
  id += '\0';
  int line = f.range.start.line;
  if (line > 0 && f.source && line <= f.source->line_count()) {
    id += trimmed(f.source->line_text(line));
  }
  return id;
}

BaseComparison mark_pre_existing(std::vector<Finding>& head, const std::vector<Finding>& base,
                                 const std::map<std::string, std::string>& renamed) {
  std::unordered_map<std::string, int> in_base;
  for (const Finding& f : base) ++in_base[finding_identity(f, f.path)];
  BaseComparison result;
  for (Finding& f : head) {
    auto old = renamed.find(f.path);
    auto it = in_base.find(finding_identity(f, old == renamed.end() ? f.path : old->second));
    f.pre_existing = it != in_base.end() && it->second > 0;
    if (f.pre_existing) {
      --it->second;
      ++result.pre_existing;
    } else {
      ++result.introduced;
    }
  }
  return result;
}

BaseComparison compare_with_base(RunContext& base_run, LintOptions options,
                                 const ChangeSet& changes, Report& head) {
  std::set<std::string> changed_files;
  std::map<std::string, std::string> renamed;
  for (const ChangedFile& f : changes.files) {
    changed_files.insert(f.path);
    if (f.status == ChangedFile::Status::Renamed) renamed[f.path] = f.old_path;
  }
  // What can differ: the proposals the change touches, and any proposal with a finding in a
  // changed file.
  std::set<std::string> differ(head.changed_proposals.begin(), head.changed_proposals.end());
  for (const Finding& f : head.findings) {
    if (!f.proposal.empty() && changed_files.contains(f.path)) differ.insert(f.proposal);
  }
  options.only_proposals = differ;
  Report base = lint(base_run, options);

  std::vector<Finding> compared;
  std::vector<std::size_t> where;
  BaseComparison result;
  for (std::size_t i = 0; i < head.findings.size(); ++i) {
    Finding& f = head.findings[i];
    if (!f.proposal.empty() && !differ.contains(f.proposal)) {
      f.pre_existing = true;
      ++result.pre_existing;
      continue;
    }
    where.push_back(i);
    compared.push_back(std::move(f));
  }
  BaseComparison matched = mark_pre_existing(compared, base.findings, renamed);
  for (std::size_t k = 0; k < where.size(); ++k) head.findings[where[k]] = std::move(compared[k]);
  result.pre_existing += matched.pre_existing;
  result.introduced = matched.introduced;
  head.base_commit = base_run.repo().commit();
  return result;
}

}  // namespace keplint
