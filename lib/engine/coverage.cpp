#include "engine/coverage.h"

#include <algorithm>

#include "engine/pack.h"
#include "repo/glob.h"

namespace keplint {

RunCoverage::RunCoverage(const Pack& pack) {
  for (const Rule& rule : pack.rules) {
    rule_ids.push_back(rule.id);
    proposal_level.push_back(!rule.repository_level() && !rule.file_level());
    file_level.push_back(rule.file_level());
  }
  file_level_active.assign(rule_ids.size(), false);
  repository.assign(rule_ids.size(), false);
}

int RunCoverage::rule_index(std::string_view id) const {
  auto it = std::lower_bound(rule_ids.begin(), rule_ids.end(), id);
  if (it != rule_ids.end() && *it == id) return static_cast<int>(it - rule_ids.begin());
  // Packs keep rules sorted by id; fall back to a scan should one not be.
  it = std::find(rule_ids.begin(), rule_ids.end(), id);
  return it == rule_ids.end() ? -1 : static_cast<int>(it - rule_ids.begin());
}

bool RunCoverage::excluded(std::string_view path) const {
  std::string p(path);
  return std::any_of(exclude.begin(), exclude.end(), [&](const std::string& g) {
    return glob_match(g, p) || glob_match(g + "/**", p);
  });
}

bool RunCoverage::ran(std::string_view id, std::string_view proposal, std::string_view path) const {
  int i = rule_index(id);
  if (i < 0 || excluded(path)) return false;
  auto u = static_cast<std::size_t>(i);
  if (proposal_level[u]) {
    auto it = proposals.find(proposal);
    return it != proposals.end() && it->second[u];
  }
  if (file_level[u]) {
    auto it = files.find(path);
    return it != files.end() && it->second[u];
  }
  return repository[u] && (whole_repo || scope_files.count(path) > 0);
}

bool RunCoverage::checked(std::string_view id, std::string_view proposal,
                          std::string_view path) const {
  int i = rule_index(id);
  if (i < 0) return whole_repo ? !excluded(path) : linted(proposal, path);  // a removed rule
  if (excluded(path) || (!proposal.empty() && excluded(proposal))) return false;
  auto u = static_cast<std::size_t>(i);
  if (proposal_level[u]) {
    auto it = proposals.find(proposal);
    if (it == proposals.end()) return whole_repo;  // a whole-repository run: the proposal is gone
    return it->second[u];
  }
  if (file_level[u]) {
    auto it = files.find(path);
    if (it == files.end()) return whole_repo && file_level_active[u];  // gone, or not matched
    return it->second[u];
  }
  return repository[u] && (whole_repo || scope_files.count(path) > 0);
}

bool RunCoverage::linted(std::string_view proposal, std::string_view path) const {
  if (excluded(path) || (!proposal.empty() && excluded(proposal))) return false;
  if (!proposal.empty()) return whole_repo || proposals.count(proposal) > 0;
  return whole_repo || scope_files.count(path) > 0 || files.count(path) > 0;
}

}  // namespace keplint
