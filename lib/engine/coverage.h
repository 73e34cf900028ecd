// What each rule of a run actually looked at. A suppression is "unused" and a baseline entry
// "stale" only where its rule ran: not where the rule was off, its `when:` did not hold, or a
// changed-file run did not lint the proposal or file at all.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace keplint {

struct Pack;

struct RunCoverage {
  std::vector<std::string> rule_ids;  // the pack's rules, by index (the pack's order)
  std::vector<bool> proposal_level;   // rules run per proposal (on a document or the whole)
  std::vector<bool> file_level;       // `applies-to: files` rules
  // Proposal -> rules (by index) that ran on it; path -> file-level rules that ran on it.
  std::map<std::string, std::vector<bool>, std::less<>> proposals;
  std::map<std::string, std::vector<bool>, std::less<>> files;
  std::vector<bool> file_level_active;  // file-level rules not off in this run
  std::vector<bool> repository;         // repository-level rules that ran
  bool whole_repo = true;
  std::set<std::string, std::less<>> scope_files;  // changed-file runs: what repository rules saw
  std::vector<std::string> exclude;                // config `exclude:` globs: never linted

  explicit RunCoverage(const Pack& pack);
  RunCoverage() = default;

  int rule_index(std::string_view id) const;  // -1 when the pack has no such rule
  bool excluded(std::string_view path) const;
  // Whether rule `id` ran on `proposal` (for proposal-level rules) or on `path` (file-level and
  // repository-level rules) in this run. Strict: what the rule did not look at, it did not run on.
  bool ran(std::string_view id, std::string_view proposal, std::string_view path) const;
  // Whether this run would have reported a finding of rule `id` at (proposal, path) if the
  // problem were still there: it ran there, or (whole-repository runs) the proposal or file is
  // gone, or the rule no longer exists. For baseline entries.
  bool checked(std::string_view id, std::string_view proposal, std::string_view path) const;
  // Whether the run linted the proposal or, for findings outside any proposal, the path (in a
  // whole-repository run: everything not excluded).
  bool linted(std::string_view proposal, std::string_view path) const;
};

}  // namespace keplint
