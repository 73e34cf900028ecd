#include "engine/release_readiness.h"

#include <map>

#include "engine/field_path.h"
#include "engine/proposal.h"

namespace keplint {

std::vector<ReleaseEntry> release_readiness(const RunContext& run, const Report& report,
                                            const std::string& tag) {
  std::vector<ReleaseEntry> out;
  const Pack& pack = run.pack();
  if (!pack.has_release_targets) return out;

  // Errors of the tagged rules, per proposal and rule.
  std::map<std::string, std::map<std::string, int>> blocking;
  for (const Finding& f : report.findings) {
    if (f.severity != Severity::Error || f.proposal.empty()) continue;
    const Rule* rule = pack.find_rule(f.rule_id);
    if (!rule || std::find(rule->tags.begin(), rule->tags.end(), tag) == rule->tags.end()) continue;
    ++blocking[f.proposal][f.rule_id + " " + f.rule_name];
  }

  for (const std::string& path : report.proposals) {
    Proposal proposal = load_proposal(run.repo(), run.layout(), path);
    const YamlNode* meta = proposal.metadata();
    if (!meta) continue;
    ConditionInput input;
    input.metadata = meta;
    input.variables = [&](std::string_view name) -> std::optional<std::string> {
      if (auto v = run.variable(name)) return v;
      return proposal.variable(name);
    };
    if (!pack.release_targets.evaluate(input)) continue;
    auto field = [&](std::string_view name) {
      const YamlNode* v = first_scalar(meta, name);
      return v ? v->value : std::string();
    };
    ReleaseEntry entry{path,           proposal.key,    field("title"), field("owning-sig"),
                       field("stage"), field("status"), true,           {}};
    if (auto it = blocking.find(path); it != blocking.end()) {
      entry.ready = false;
      for (const auto& [rule, count] : it->second) {
        entry.reasons.push_back(count > 1 ? rule + " (" + std::to_string(count) + ")" : rule);
      }
    }
    out.push_back(std::move(entry));
  }
  return out;
}

}  // namespace keplint
