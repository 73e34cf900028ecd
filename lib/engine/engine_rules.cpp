#include "engine/engine_rules.h"

#include <stdexcept>

#include "engine/baseline.h"
#include "engine/project_home.h"

namespace keplint {

namespace {


Rule make_rule(const char* id, const char* name, Severity severity, const char* applies_to,
               const char* description, const char* rationale, std::vector<RuleExample> wrong,
               std::vector<RuleExample> right) {
  Rule r;
  r.id = id;
  r.name = name;
  r.severity = severity;
  r.applies_to = applies_to;
  r.kind = "engine";
  r.description = description;
  r.rationale = rationale;
  r.docs_url = project_docs_url() + "/rules/" + id + ".md";
  r.wrong = std::move(wrong);
  r.right = std::move(right);
  r.file = "lib/engine/engine_rules.cpp";
  return r;
}

Pack build_engine_pack() {
  // The example baseline is rendered by the code that writes baselines, so it cannot go stale.
  BaselineEntry stale;
  stale.rule = "KEP003";
  stale.proposal = "keps/sig-node/1234-fast-pods";
  stale.path = "keps/sig-node/1234-fast-pods/kep.yaml";
  stale.anchor = "status";
  Pack pack;
  pack.name = "engine";
  pack.description =
      "Diagnostics of kep-lint itself, in every pack: suppression comments and the baseline file";
  pack.origin = "built-in";
  pack.docs_url = project_docs_url() + "/rules/{id}.md";
  pack.rules.push_back(make_rule(
      "KL001", "unused-suppression", Severity::Warning, "files with kep-lint suppression comments",
      "A suppression comment names a rule that ran on the file and reported nothing where the "
      "comment applies.",
      "A suppression outlives the problem it hid, then hides the next one. Reported only when the "
      "rule really ran on the file in this run: a rule turned off, a `when:` that does not hold, "
      "or a changed-file run that did not lint the file never makes a suppression unused. "
      "Suppressions of repository-level rules are never reported as unused.",
      {{"kep.yaml",
        "title: Volume health\nstatus: implementable  # kep-lint: disable-line KEP003\n"},
       {"README.md",
        "<!-- kep-lint-disable-next-line KEP070 -- the title is fine now -->\n"
        "# KEP-3001: Volume health\n"}},
      {{"kep.yaml", "title: Volume health\nstatus: implementable\n"},
       {"README.md", "# KEP-3001: Volume health\n"}}));
  pack.rules.push_back(make_rule(
      "KL002", "invalid-suppression", Severity::Warning, "files with kep-lint suppression comments",
      "A suppression comment kep-lint cannot use: it names no rule, an unknown rule or a kep-lint "
      "diagnostic, uses an unknown directive or the other file type's spelling, enables a rule "
      "that no kep-lint-disable above it disabled, or has no line after it to apply to.",
      "A suppression that silently does nothing leaves the finding in place and the author "
      "puzzled; one that names no rule would hide every rule. kep-lint requires explicit rule ids "
      "or names (as written in the pack, case-sensitive).",
      {{"README.md", "<!-- kep-lint-disable-next-line -->\n## Summry\n"},
       {"kep.yaml", "status: implemntable  # kep-lint: disable-line KEP999\n"}},
      {{"README.md",
        "<!-- kep-lint-disable-next-line KEP061 -- kept as in the original proposal -->\n"
        "### Summary\n"},
       {"kep.yaml", "stage: alpha  # kep-lint: disable-line KEP014 -- approved by SIG Node\n"}}));
  pack.rules.push_back(make_rule(
      "KL003", "stale-baseline-entry", Severity::Info, "the baseline file (`--baseline`)",
      "A baseline entry matches no finding of a rule that ran on its proposal or file in this "
      "run: the problem it recorded is gone.",
      "Stale entries would silently accept the same problem if it came back. Entries of "
      "proposals and files the run did not lint (changed-file runs) are never stale; "
      "`--write-baseline` prunes stale entries and keeps the others.",
      {{".kep-lint-baseline.json", render_baseline({stale})},
       {"keps/sig-node/1234-fast-pods/kep.yaml", "status: implementable\n"}},
      {{".kep-lint-baseline.json", render_baseline({})}}));
  return pack;
}

}  // namespace

const Pack& engine_pack() {
  static const Pack pack = build_engine_pack();
  return pack;
}

const Rule* find_engine_rule(std::string_view id_or_name) {
  return engine_pack().find_rule(id_or_name);
}

const Rule& engine_rule(std::string_view id) {
  const Rule* rule = find_engine_rule(id);
  if (!rule) throw std::logic_error("no engine rule " + std::string(id));
  return *rule;
}

Severity engine_rule_severity(const Rule& rule, const std::map<std::string, Severity>& overrides) {
  if (auto it = overrides.find(rule.id); it != overrides.end()) return it->second;
  if (auto it = overrides.find(rule.name); it != overrides.end()) return it->second;
  return rule.severity;
}

Finding engine_finding(std::string_view id, Severity severity, std::string message) {
  const Rule& rule = engine_rule(id);
  Finding f;
  f.rule_id = rule.id;
  f.rule_name = rule.name;
  f.severity = severity;
  f.docs_url = rule.docs_url;
  f.message = std::move(message);
  return f;
}

}  // namespace keplint
