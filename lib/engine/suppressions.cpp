#include "engine/suppressions.h"

#include <algorithm>
#include <climits>
#include <map>

// suggest(): the "did you mean" of the value checks, reused for misspelt rule names.
#include "checks/field_values.h"
#include "engine/engine_rules.h"
#include "engine/pack.h"
#include "engine/proposal.h"
#include "parse/front_matter.h"
#include "parse/markdown_document.h"

namespace keplint {

namespace {

const std::vector<std::string> kMarkdownVerbs = {"disable-next-line", "disable", "enable",
                                                 "disable-file"};
const std::vector<std::string> kYamlVerbs = {"disable-line", "disable-file"};

// How the directive was written, for messages: `kep-lint-disable`, `kep-lint: disable-line`.
std::string written(const DirectiveComment& d) {
  switch (d.style) {
    case DirectiveComment::Style::Markdown:
      return "kep-lint-" + d.verb;
    case DirectiveComment::Style::Yaml:
      return "kep-lint: " + d.verb;
    case DirectiveComment::Style::Bare:
      break;
  }
  return "kep-lint " + d.verb;
}

std::string spelled(const std::vector<std::string>& verbs, bool yaml) {
  std::string out;
  for (std::size_t i = 0; i < verbs.size(); ++i) {
    if (i) out += i + 1 == verbs.size() ? " or " : ", ";
    out += "`" + std::string(yaml ? "kep-lint: " : "kep-lint-") + verbs[i] + "`";
  }
  return out;
}

// One rule suppressed over some lines (or the whole file) by one directive.
struct Unit {
  std::string rule_id;
  bool whole_file = false;
  int first = 0;
  int last = 0;
  const DirectiveComment* directive = nullptr;
  bool used = false;

  bool covers(int line) const { return whole_file || (line > 0 && first <= line && line <= last); }
};

struct Resolved {
  const SuppressionFile* file = nullptr;
  std::vector<Unit> units;
};

class Resolver {
 public:
  Resolver(const Pack& pack, Severity invalid, std::vector<Finding>& out)
      : pack_(pack), invalid_(invalid), out_(out) {
    for (const Rule& r : pack.rules) {
      candidates_.push_back(r.id);
      candidates_.push_back(r.name);
    }
  }

  Resolved resolve(const SuppressionFile& file) {
    Resolved res{&file, {}};
    std::map<std::string, std::size_t> open;  // rule id -> its unit of an open kep-lint-disable
    for (const DirectiveComment& d : file.directives) {
      auto invalid = [&](const std::string& message) { report(file, d, message); };
      bool yaml = d.in_yaml;
      auto expected = yaml ? DirectiveComment::Style::Yaml : DirectiveComment::Style::Markdown;
      if (d.style != expected) {
        invalid(yaml ? "`" + written(d) +
                           "` is not a YAML suppression; in YAML write `# kep-lint: " +
                           "disable-line RULE` or `# kep-lint: disable-file RULE`"
                     : "`" + written(d) + "` is not a Markdown suppression; in Markdown write " +
                           "`<!-- kep-lint-disable-next-line RULE -->` (or -disable, -enable, " +
                           "-disable-file)");
        continue;
      }
      const std::vector<std::string>& verbs = yaml ? kYamlVerbs : kMarkdownVerbs;
      if (std::find(verbs.begin(), verbs.end(), d.verb) == verbs.end()) {
        invalid("unknown directive `" + written(d) + "`; " + (yaml ? "YAML" : "Markdown") +
                " suppressions are " + spelled(verbs, yaml));
        continue;
      }
      if (d.rules.empty()) {
        invalid("`" + written(d) +
                "` names no rule; kep-lint suppresses only the rules a comment names (ids or "
                "names, e.g. `" +
                written(d) + " KEP003 -- reason`)");
        continue;
      }
      int target = 0;
      if (d.verb == "disable-next-line" || d.verb == "disable-line") {
        target = d.verb == "disable-line" && d.trailing ? d.range.start.line : d.next_line;
        if (target == 0) {
          invalid("`" + written(d) + "` has no line after it to apply to");
          continue;
        }
      }
      for (const std::string& token : d.rules) {
        const Rule* rule = lookup(file, d, token);
        if (!rule) continue;
        Unit unit{rule->id, false, target, target, &d, false};
        if (d.verb == "disable-file") {
          unit.whole_file = true;
        } else if (d.verb == "disable") {
          if (auto it = open.find(rule->id); it != open.end()) {
            invalid("`" + token + "` is already disabled by the kep-lint-disable on line " +
                    std::to_string(res.units[it->second].first));
            continue;
          }
          unit.first = d.range.start.line;
          unit.last = INT_MAX;  // until kep-lint-enable, or the end of the file
          open[rule->id] = res.units.size();
        } else if (d.verb == "enable") {
          auto it = open.find(rule->id);
          if (it == open.end()) {
            invalid("`kep-lint-enable " + token + "` ends no kep-lint-disable of " + rule->id +
                    " above it");
            continue;
          }
          Unit& range = res.units[it->second];
          range.last = std::max(range.first, d.range.start.line - 1);
          open.erase(it);
          continue;  // enabling suppresses nothing itself
        }
        res.units.push_back(std::move(unit));
      }
    }
    return res;
  }

  void report(const SuppressionFile& file, const DirectiveComment& d, std::string message) {
    if (invalid_ == Severity::Off) return;
    Finding f = engine_finding(kInvalidSuppression, invalid_, std::move(message));
    f.path = file.path;
    f.range = d.range;
    f.source = file.source;
    f.proposal = file.proposals.empty() ? "" : file.proposals.front();
    f.anchor = d.text;
    out_.push_back(std::move(f));
  }

 private:
  const Rule* lookup(const SuppressionFile& file, const DirectiveComment& d,
                     const std::string& token) {
    if (const Rule* rule = pack_.find_rule(token)) return rule;
    if (find_engine_rule(token)) {
      report(file, d,
             "`" + token +
                 "` is a kep-lint diagnostic, not a rule of the pack; it cannot be suppressed "
                 "inline (set its severity in .kep-lint.yaml)");
      return nullptr;
    }
    std::string hint = suggest(token, candidates_);
    report(file, d,
           "unknown rule `" + token + "` in `" + written(d) + "`" +
               (hint.empty() ? " (rules are ids or names of the " + pack_.name + " pack)"
                             : " (" + hint + ")"));
    return nullptr;
  }

  const Pack& pack_;
  Severity invalid_;
  std::vector<Finding>& out_;
  std::vector<std::string> candidates_;
};

std::string where(const Unit& u) {
  if (u.whole_file) return "in this file";
  if (u.first == u.last) return "on line " + std::to_string(u.first);
  if (u.last == INT_MAX) return "from line " + std::to_string(u.first) + " to the end of the file";
  return "on lines " + std::to_string(u.first) + "-" + std::to_string(u.last);
}

bool ran_on(const RunCoverage& coverage, const SuppressionFile& file, const std::string& id) {
  if (file.proposals.empty()) return coverage.ran(id, "", file.path);
  return std::any_of(file.proposals.begin(), file.proposals.end(),
                     [&](const std::string& p) { return coverage.ran(id, p, file.path); });
}

// Drops the findings a unit covers and marks every unit that covers one as used. Findings and
// units meet per file and rule, as sorted lines, so 100k suppressions on a file with 100k
// findings cost a sort rather than 10^10 comparisons.
void mark_suppressed(std::vector<Finding>& findings,
                     const std::map<std::string, std::size_t, std::less<>>& by_path,
                     std::vector<Resolved>& resolved) {
  struct Group {
    std::vector<std::pair<int, std::size_t>> findings;  // (line, index in `findings`)
    std::vector<Unit*> ranges;                          // units over some lines
    bool whole_file = false;                            // a unit covers the whole file
  };
  std::map<std::pair<std::size_t, std::string_view>, Group> groups;
  for (std::size_t i = 0; i < findings.size(); ++i) {
    auto it = by_path.find(findings[i].path);
    if (it == by_path.end()) continue;
    groups[{it->second, findings[i].rule_id}].findings.emplace_back(findings[i].range.start.line,
                                                                    i);
  }
  for (std::size_t file = 0; file < resolved.size(); ++file) {
    for (Unit& u : resolved[file].units) {
      auto g = groups.find({file, u.rule_id});
      if (g == groups.end()) continue;  // nothing of its rule in its file: unused
      if (u.whole_file) {
        u.used = true;
        g->second.whole_file = true;
      } else {
        g->second.ranges.push_back(&u);
      }
    }
  }
  std::vector<char> suppressed(findings.size(), 0);
  for (auto& [key, group] : groups) {
    std::sort(group.findings.begin(), group.findings.end());
    std::sort(group.ranges.begin(), group.ranges.end(),
              [](const Unit* a, const Unit* b) { return a->first < b->first; });
    // A range unit is used when a finding's line (> 0) falls inside it.
    for (Unit* u : group.ranges) {
      auto at = std::lower_bound(group.findings.begin(), group.findings.end(),
                                 std::make_pair(std::max(u->first, 1), std::size_t{0}));
      if (at != group.findings.end() && at->first <= u->last) u->used = true;
    }
    // A finding is suppressed when a whole-file unit exists or a range reaches its line: sweep
    // the lines upwards, keeping the furthest end among the ranges that start at or above.
    std::size_t next = 0;
    int reach = 0;
    for (const auto& [line, index] : group.findings) {
      while (next < group.ranges.size() && group.ranges[next]->first <= line) {
        reach = std::max(reach, group.ranges[next]->last);
        ++next;
      }
      if (group.whole_file || (line > 0 && reach >= line)) suppressed[index] = 1;
    }
  }
  std::size_t kept = 0;
  for (std::size_t i = 0; i < findings.size(); ++i) {
    if (suppressed[i]) continue;
    if (kept != i) findings[kept] = std::move(findings[i]);
    ++kept;
  }
  findings.resize(kept);
}

}  // namespace

std::vector<DirectiveComment> scan_suppressions(const LoadedDocument& doc) {
  if (!doc.source || !mentions_kep_lint(doc.source->text())) return {};
  const SourceFile& src = *doc.source;
  if (!doc.markdown) return yaml_directives(src);
  std::vector<DirectiveComment> out;
  std::size_t body = 0;
  if (doc.spec && doc.spec->format == DocumentFormat::FrontMatter) {
    if (auto fm = split_front_matter(src.text()); fm && fm->closed) {
      out = yaml_directives(src, fm->yaml_offset, fm->yaml_length);
      body = fm->body_offset;
    }
  }
  for (DirectiveComment& d : markdown_directives(*doc.markdown, body)) out.push_back(std::move(d));
  return out;
}

std::vector<DirectiveComment> scan_suppressions(const SourcePtr& source) {
  if (!source || !mentions_kep_lint(source->text())) return {};
  const std::string& path = source->path();
  if (path.ends_with(".yaml") || path.ends_with(".yml")) return yaml_directives(*source);
  if (!path.ends_with(".md")) return {};
  return markdown_directives(MarkdownDocument(source));
}

void apply_suppressions(std::vector<Finding>& findings, std::vector<SuppressionFile> files,
                        const Pack& pack, const RunCoverage& coverage,
                        const SuppressionSeverities& severities) {
  std::map<std::string, std::size_t, std::less<>> by_path;
  for (std::size_t i = 0; i < files.size(); ++i) by_path.emplace(files[i].path, i);
  // Files seen only through a repository rule's finding (an orphan file): their directives
  // apply, but whether one is unused cannot be judged.
  for (const Finding& f : findings) {
    if (!f.source || by_path.count(f.path)) continue;
    // Proposal and file-level rules report on documents the run has scanned already.
    const Rule* rule = pack.find_rule(f.rule_id);
    if (!rule || !rule->repository_level()) continue;
    by_path.emplace(f.path, files.size());
    files.push_back({f.path, f.source, scan_suppressions(f.source), {}, false});
  }
  std::erase_if(files, [](const SuppressionFile& f) { return f.directives.empty(); });
  if (files.empty()) return;
  by_path.clear();
  for (std::size_t i = 0; i < files.size(); ++i) by_path.emplace(files[i].path, i);

  std::vector<Finding> diagnostics;
  Resolver resolver(pack, severities.invalid, diagnostics);
  std::vector<Resolved> resolved;
  for (const SuppressionFile& file : files) resolved.push_back(resolver.resolve(file));

  mark_suppressed(findings, by_path, resolved);

  if (severities.unused != Severity::Off) {
    for (const Resolved& r : resolved) {
      const SuppressionFile& file = *r.file;
      if (!file.linted) continue;
      for (const Unit& u : r.units) {
        const Rule* rule = pack.find_rule(u.rule_id);
        // A repository-level rule looks at what it chooses (orphans, stray files): that it
        // reported nothing here says nothing about the suppression.
        if (u.used || rule->repository_level() || !ran_on(coverage, file, u.rule_id)) continue;
        Finding f = engine_finding(kUnusedSuppression, severities.unused,
                                   "unused suppression: " + u.rule_id + " (" + rule->name +
                                       ") reports nothing " + where(u));
        f.path = file.path;
        f.range = u.directive->range;
        f.source = file.source;
        f.proposal = file.proposals.empty() ? "" : file.proposals.front();
        f.anchor = written(*u.directive) + " " + u.rule_id;
        diagnostics.push_back(std::move(f));
      }
    }
  }
  for (Finding& f : diagnostics) findings.push_back(std::move(f));
}

}  // namespace keplint
