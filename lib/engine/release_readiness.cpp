#include "engine/release_readiness.h"

#include <algorithm>
#include <map>

#include "engine/field_path.h"
#include "engine/proposal.h"

namespace keplint {

namespace {

bool targets(const RunContext& run, const Proposal& proposal) {
  const YamlNode* meta = proposal.metadata();
  if (!meta) return false;
  ConditionInput input;
  input.metadata = meta;
  input.variables = [&](std::string_view name) -> std::optional<std::string> {
    if (auto v = run.variable(name)) return v;
    return proposal.variable(name);
  };
  return run.pack().release_targets.evaluate(input);
}

}  // namespace

std::vector<std::string> release_targets(const RunContext& run,
                                         const std::vector<std::string>& proposals) {
  std::vector<std::string> out;
  if (!run.pack().has_release_targets) return out;
  for (const std::string& path : proposals) {
    if (targets(run, load_proposal(run.repo(), run.layout(), path))) out.push_back(path);
  }
  return out;
}

std::vector<std::string> proposals_under(const std::vector<std::string>& all,
                                         const std::vector<std::string>& paths,
                                         std::vector<std::string>* unmatched) {
  std::vector<std::string> out;
  for (const std::string& p : paths) {
    bool any = false;
    for (const std::string& proposal : all) {
      bool inside = p.empty() || proposal == p || proposal.starts_with(p + "/") ||
                    p.starts_with(proposal + "/");
      if (!inside) continue;
      any = true;
      if (std::find(out.begin(), out.end(), proposal) == out.end()) out.push_back(proposal);
    }
    if (!any && unmatched) unmatched->push_back(p);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<ReleaseEntry> release_readiness(const RunContext& run, const Report& report,
                                            const std::string& tag) {
  std::vector<ReleaseEntry> out;
  const Pack& pack = run.pack();
  if (!pack.has_release_targets) return out;

  // Errors of the tagged rules, per proposal and rule.
  std::map<std::string, std::map<std::string, int>> blocking;
  std::map<std::string, std::vector<ReleaseProblem>> problems;
  for (const Finding& f : report.findings) {
    if (f.severity != Severity::Error || f.proposal.empty()) continue;
    const Rule* rule = pack.find_rule(f.rule_id);
    if (!rule || std::find(rule->tags.begin(), rule->tags.end(), tag) == rule->tags.end()) continue;
    std::string name = f.rule_id + " " + f.rule_name;
    ++blocking[f.proposal][name];
    problems[f.proposal].push_back({name, f.path, f.range.start.line, f.message});
  }

  for (const std::string& path : report.proposals) {
    Proposal proposal = load_proposal(run.repo(), run.layout(), path);
    if (!targets(run, proposal)) continue;
    const YamlNode* meta = proposal.metadata();
    auto field = [&](std::string_view name) {
      const YamlNode* v = first_scalar(meta, name);
      return v ? v->value : std::string();
    };
    ReleaseEntry entry{path,
                       proposal.key,
                       field("title"),
                       field("owning-sig"),
                       field("stage"),
                       field("status"),
                       true,
                       {},
                       {}};
    if (auto it = blocking.find(path); it != blocking.end()) {
      entry.ready = false;
      for (const auto& [rule, count] : it->second) {
        entry.reasons.push_back(count > 1 ? rule + " (" + std::to_string(count) + ")" : rule);
      }
      entry.problems = problems[path];
    }
    out.push_back(std::move(entry));
  }
  return out;
}

}  // namespace keplint
