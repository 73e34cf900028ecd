#include "engine/linter.h"

#include <algorithm>
#include <atomic>
#include <set>
#include <thread>
#include <tuple>

#include "engine/coverage.h"
#include "engine/engine_rules.h"
#include "engine/proposal.h"
#include "engine/rule.h"
#include "engine/suppressions.h"
#include "repo/glob.h"

namespace keplint {

namespace {

struct Scope {
  std::vector<std::string> proposals;
  // Proposals the user's change touches: held to the rules' full severities. The others (a
  // whole-repo run, or proposals re-linted because a shared file changed) get
  // `whole-repo-severity`.
  std::set<std::string> changed;
  std::vector<std::string> files;  // for repository-level rules; unused when whole_repo
  bool whole_repo = true;
};

Scope resolve_scope(const RunContext& run, const LintOptions& options) {
  Scope scope;
  const Layout& layout = run.layout();
  if (!options.changed_files && options.paths.empty()) {
    scope.proposals = run.all_proposals();
    return scope;
  }
  std::vector<std::string> files;
  std::set<std::string> proposals;
  auto add_files = [&](const std::vector<std::string>& list) {
    for (const std::string& f : list) files.push_back(f);
  };
  if (options.changed_files) {
    add_files(*options.changed_files);
  } else {
    for (const std::string& p : options.paths) {
      if (run.repo().is_directory(p)) {
        // A directory names every proposal under it, or the proposal it lies in.
        std::string prefix = p.empty() ? p : p + "/";
        for (const std::string& proposal : run.all_proposals()) {
          if (proposal == p || proposal.rfind(prefix, 0) == 0) proposals.insert(proposal);
        }
        std::string containing = layout.proposal_containing(run.repo(), p + "/.");
        if (!containing.empty()) proposals.insert(containing);
        add_files(run.repo().walk(p));
      } else {
        files.push_back(p);
      }
    }
  }
  std::vector<std::string> dataset_files;
  for (const DatasetSpec& d : run.pack().datasets) {
    if (!d.repo_file.empty()) dataset_files.push_back(d.repo_file);
  }
  ChangedMapping mapping = map_changed_files(layout, run.repo(), files, dataset_files);
  proposals.insert(mapping.proposals.begin(), mapping.proposals.end());
  scope.changed = proposals;
  if (mapping.everything) {
    // A shared file (the template, OWNERS_ALIASES, a dataset) changed: all is affected, and
    // repository-level rules see the whole repository.
    scope.proposals = run.all_proposals();
    return scope;
  }
  scope.proposals.assign(proposals.begin(), proposals.end());
  scope.whole_repo = false;
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  for (const std::string& f : files) {
    if (run.repo().is_file(f)) scope.files.push_back(f);
  }
  return scope;
}

Severity effective_severity(const Rule& rule, const LintOptions& options, bool in_changed_set) {
  auto by_id = options.severity_overrides.find(rule.id);
  if (by_id != options.severity_overrides.end()) return by_id->second;
  auto by_name = options.severity_overrides.find(rule.name);
  if (by_name != options.severity_overrides.end()) return by_name->second;
  if (!in_changed_set && rule.whole_repo_severity) return *rule.whole_repo_severity;
  return rule.severity;
}

// A file-level rule with its exclusions resolved for this run.
struct FileRule {
  const Rule* rule;
  std::set<std::string> listed;  // paths named in the rule's exclude-list file

  bool matches(const std::string& path) const {
    auto any = [&](const std::vector<std::string>& globs) {
      return std::any_of(globs.begin(), globs.end(),
                         [&](const std::string& g) { return glob_match(g, path); });
    };
    return any(rule->files) && !any(rule->exclude) && !listed.count(path);
  }
};

std::vector<FileRule> file_rules(const RunContext& run) {
  std::vector<FileRule> out;
  for (const Rule& rule : run.pack().rules) {
    if (!rule.file_level()) continue;
    FileRule fr{&rule, {}};
    if (!rule.exclude_list.empty()) {
      if (ReadResult r = run.settings_repo().read(rule.exclude_list); r.ok()) {
        for (int line = 1; line <= r.source->line_count(); ++line) {
          std::string_view text = r.source->line_text(line);
          while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
            text.remove_suffix(1);
          while (!text.empty() && text.substr(0, 2) == "./") text.remove_prefix(2);
          if (!text.empty() && text.front() != '#') fr.listed.emplace(text);
        }
      }
    }
    out.push_back(std::move(fr));
  }
  return out;
}

// What linting one proposal produced; merged in proposal order, so the result does not depend on
// which thread linted what.
struct ProposalResult {
  std::vector<Finding> findings;
  std::vector<std::pair<const Rule*, std::string>> files_done;  // file rules matched (run or not)
  std::vector<bool> ran;                                        // proposal-level rules that ran
  std::vector<std::pair<std::size_t, std::string>> files_ran;   // file-level rules that ran
  std::vector<SuppressionFile> suppressions;  // documents with kep-lint directives
};

std::size_t rule_index(const RunContext& run, const Rule& rule) {
  return static_cast<std::size_t>(&rule - run.pack().rules.data());
}

void run_file_rule(const RunContext& run, const FileRule& fr, const LoadedDocument& doc,
                   const std::string& proposal, Severity severity, std::vector<Finding>& out) {
  std::size_t first = out.size();
  FileContext ctx(*fr.rule, run, out, doc, proposal);
  fr.rule->check->check_file(ctx);
  for (std::size_t i = first; i < out.size(); ++i) out[i].severity = severity;
}

// One finding per problem: a rule's finding removes the findings of the rules it supersedes at
// the same file and start position.
void drop_superseded(const Pack& pack, std::vector<Finding>& findings) {
  std::set<std::tuple<std::string, std::string, Position>> dropped;  // rule id, path, start
  for (const Finding& f : findings) {
    const Rule* rule = pack.find_rule(f.rule_id);
    if (!rule) continue;
    for (const std::string& other : rule->supersedes) {
      dropped.emplace(other, f.path, f.range.start);
    }
  }
  if (dropped.empty()) return;
  std::erase_if(findings, [&](const Finding& f) {
    return dropped.count({f.rule_id, f.path, f.range.start}) > 0;
  });
}

void lint_proposal(const RunContext& run, const Proposal& proposal, const LintOptions& options,
                   const std::vector<FileRule>& files, ProposalResult& result) {
  std::vector<Finding>& out = result.findings;
  result.ran.assign(run.pack().rules.size(), false);
  ConditionInput input;
  input.metadata = proposal.metadata();
  input.in_changed_set = proposal.in_changed_set;
  if (run.pack().has_release_targets) input.release_targets = &run.pack().release_targets;
  input.variables = [&](std::string_view name) -> std::optional<std::string> {
    if (auto v = run.variable(name)) return v;
    return proposal.variable(name);
  };
  for (const Rule& rule : run.pack().rules) {
    if (rule.repository_level()) continue;
    Severity severity = effective_severity(rule, options, proposal.in_changed_set);
    if (severity == Severity::Off) continue;
    const LoadedDocument* doc = nullptr;
    if (rule.applies_to != "proposal") {
      doc = proposal.document(rule.applies_to);
      if (!doc || !doc->exists()) continue;
    }
    if (!rule.when.always()) {
      // Conditions read metadata; without it (missing or unparsable) they cannot hold.
      if (!input.metadata || !rule.when.evaluate(input)) continue;
    }
    result.ran[rule_index(run, rule)] = true;
    std::size_t first = out.size();
    ProposalContext ctx(rule, run, out, proposal, doc);
    rule.check->check_proposal(ctx);
    for (std::size_t i = first; i < out.size(); ++i) out[i].severity = severity;
  }
  drop_superseded(run.pack(), out);
  // File-level rules on this proposal's own documents, while they are parsed.
  for (const FileRule& fr : files) {
    Severity severity = effective_severity(*fr.rule, options, proposal.in_changed_set);
    for (const LoadedDocument& doc : proposal.documents) {
      if (doc.path.empty() || !fr.matches(doc.path)) continue;
      result.files_done.emplace_back(fr.rule, doc.path);
      if (severity == Severity::Off || !doc.exists()) continue;
      result.files_ran.emplace_back(rule_index(run, *fr.rule), doc.path);
      run_file_rule(run, fr, doc, proposal.path, severity, out);
    }
  }
  // Suppression comments, read while the documents are at hand (and only from those that
  // mention kep-lint at all).
  for (const LoadedDocument& doc : proposal.documents) {
    if (doc.path.empty() || !doc.exists()) continue;
    std::vector<DirectiveComment> directives = scan_suppressions(doc);
    if (directives.empty()) continue;
    result.suppressions.push_back({doc.path, doc.source, std::move(directives), {proposal.path}});
  }
}

bool excluded(const std::string& path, const std::vector<std::string>& globs) {
  return std::any_of(globs.begin(), globs.end(), [&](const std::string& g) {
    return glob_match(g, path) || glob_match(g + "/**", path);
  });
}

}  // namespace

bool files_cover_every_proposal(const RunContext& run, const std::vector<std::string>& files) {
  ChangedMapping m = map_changed_files(run.layout(), run.repo(), files, {});
  const std::vector<std::string>& all = run.all_proposals();
  return !all.empty() && std::all_of(all.begin(), all.end(), [&](const std::string& p) {
    return m.proposals.count(p) > 0;
  });
}

std::vector<std::string> paths_without_proposals(const RunContext& run,
                                                 const std::vector<std::string>& paths) {
  std::vector<std::string> dataset_files;
  for (const DatasetSpec& d : run.pack().datasets) {
    if (!d.repo_file.empty()) dataset_files.push_back(d.repo_file);
  }
  std::vector<std::string> out;
  for (const std::string& p : paths) {
    if (p.empty()) continue;
    bool found = false;
    for (const std::string& proposal : run.all_proposals()) {
      found =
          found || proposal == p || proposal.starts_with(p + "/") || p.starts_with(proposal + "/");
    }
    if (!found && !run.repo().is_directory(p)) {
      ChangedMapping m = map_changed_files(run.layout(), run.repo(), {p}, dataset_files);
      found = m.everything || !m.proposals.empty();
      // A file some rule looks at on its own: a Markdown page (TOC), a PRR file of no KEP.
      for (const Rule& rule : run.pack().rules) {
        for (const std::string& g : rule.files) found = found || glob_match(g, p);
      }
      for (const DocumentSpec& d : run.layout().documents) {
        found = found || (!d.family.empty() && glob_match(d.family, p));
      }
    }
    if (!found) out.push_back(p);
  }
  return out;
}

Report lint(RunContext& run, const LintOptions& options) {
  Scope scope = resolve_scope(run, options);
  if (!scope.whole_repo) run.set_scope_files(scope.files);

  std::vector<std::string> proposals;
  for (const std::string& p : scope.proposals) {
    if (options.only_proposals && !options.only_proposals->contains(p)) continue;
    if (!excluded(p, options.exclude)) proposals.push_back(p);
  }

  std::vector<FileRule> files = file_rules(run);
  std::vector<ProposalResult> per_proposal(proposals.size());
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < proposals.size(); i = next++) {
      Proposal proposal = load_proposal(run.repo(), run.layout(), proposals[i]);
      proposal.in_changed_set = scope.changed.count(proposal.path) > 0;
      for (const LoadedDocument& doc : proposal.documents) {
        if (!doc.path.empty()) run.record_claim(doc.path, proposal.path);
      }
      lint_proposal(run, proposal, options, files, per_proposal[i]);
    }
  };
  int jobs =
      options.jobs > 0 ? options.jobs : static_cast<int>(std::thread::hardware_concurrency());
  jobs = std::clamp(jobs, 1, std::max(1, static_cast<int>(proposals.size())));
  if (jobs == 1) {
    worker();
  } else {
    std::vector<std::thread> threads;
    for (int t = 0; t < jobs; ++t) threads.emplace_back(worker);
    for (auto& t : threads) t.join();
  }

  Report report;
  auto coverage = std::make_shared<RunCoverage>(run.pack());
  coverage->whole_repo = scope.whole_repo;
  coverage->scope_files.insert(scope.files.begin(), scope.files.end());
  coverage->exclude = options.exclude;
  const std::size_t rule_count = run.pack().rules.size();
  auto file_ran = [&](std::size_t rule, const std::string& path) {
    std::vector<bool>& bits = coverage->files[path];
    bits.resize(rule_count, false);
    bits[rule] = true;
  };
  std::map<std::string, SuppressionFile> suppressions;
  auto add_suppressions = [&](SuppressionFile file) {
    auto [it, inserted] = suppressions.try_emplace(file.path, file);
    if (!inserted) {
      // A document two proposals share (a PRR file both name): one set of directives, used by
      // either.
      for (std::string& p : file.proposals) it->second.proposals.push_back(std::move(p));
    }
  };
  std::set<std::pair<const Rule*, std::string>> covered;
  for (std::size_t i = 0; i < proposals.size(); ++i) {
    ProposalResult& result = per_proposal[i];
    for (auto& f : result.findings) report.findings.push_back(std::move(f));
    covered.insert(result.files_done.begin(), result.files_done.end());
    coverage->proposals[proposals[i]] = std::move(result.ran);
    for (const auto& [rule, path] : result.files_ran) file_ran(rule, path);
    for (SuppressionFile& s : result.suppressions) add_suppressions(std::move(s));
  }
  // File-level rules on the matching files no proposal covered (pages such as keps/README.md).
  for (const FileRule& fr : files) {
    Severity severity = effective_severity(*fr.rule, options, !scope.whole_repo);
    if (severity == Severity::Off) continue;
    coverage->file_level_active[rule_index(run, *fr.rule)] = true;
    std::set<std::string> candidates;
    for (const std::string& glob : fr.rule->files) {
      for (std::string& f : run.files_in_scope(glob)) candidates.insert(std::move(f));
    }
    for (const std::string& path : candidates) {
      if (!fr.matches(path) || covered.count({fr.rule, path})) continue;
      if (options.only_proposals) {
        // A page of a proposal left out on purpose is left out here too.
        std::string owner = run.layout().proposal_containing(run.repo(), path);
        if (!owner.empty() && !options.only_proposals->contains(owner)) continue;
      }
      LoadedDocument doc = load_file_document(run.repo(), path);
      if (!doc.exists()) continue;
      file_ran(rule_index(run, *fr.rule), path);
      run_file_rule(run, fr, doc, run.claimed_by(path).value_or(""), severity, report.findings);
      if (!suppressions.count(path)) {
        std::vector<DirectiveComment> directives = scan_suppressions(doc);
        if (!directives.empty()) add_suppressions({path, doc.source, std::move(directives), {}});
      }
    }
  }

  for (const Rule& rule : run.pack().rules) {
    if (!rule.repository_level()) continue;
    Severity severity = effective_severity(rule, options, !scope.whole_repo);
    if (severity == Severity::Off) continue;
    coverage->repository[rule_index(run, rule)] = true;
    std::size_t first = report.findings.size();
    RepositoryContext ctx(rule, run, report.findings);
    rule.check->check_repository(ctx);
    for (std::size_t i = first; i < report.findings.size(); ++i) {
      report.findings[i].severity = severity;
    }
  }

  SuppressionSeverities suppression_severities{
      engine_rule_severity(engine_rule(kUnusedSuppression), options.severity_overrides),
      engine_rule_severity(engine_rule(kInvalidSuppression), options.severity_overrides)};
  std::vector<SuppressionFile> suppression_files;
  for (auto& [_, file] : suppressions) suppression_files.push_back(std::move(file));
  apply_suppressions(report.findings, std::move(suppression_files), run.pack(), *coverage,
                     suppression_severities);

  std::erase_if(report.findings,
                [&](const Finding& f) { return excluded(f.path, options.exclude); });
  sort_findings(report.findings);
  report.findings.erase(std::unique(report.findings.begin(), report.findings.end(),
                                    [](const Finding& a, const Finding& b) {
                                      return a.path == b.path && a.range == b.range &&
                                             a.rule_id == b.rule_id && a.message == b.message;
                                    }),
                        report.findings.end());

  for (const Rule& rule : run.pack().rules) {
    Severity severity = effective_severity(rule, options, !scope.whole_repo);
    if (severity == Severity::Off) continue;
    report.rules.push_back({rule.id, rule.name, severity, rule.description, rule.docs_url});
  }
  // The engine's own diagnostics (suppressions, baseline) are rules of every run.
  for (const Rule& rule : engine_pack().rules) {
    Severity severity = engine_rule_severity(rule, options.severity_overrides);
    if (severity == Severity::Off) continue;
    report.rules.push_back({rule.id, rule.name, severity, rule.description, rule.docs_url});
  }
  std::sort(report.rules.begin(), report.rules.end(),
            [](const RuleInfo& a, const RuleInfo& b) { return a.id < b.id; });
  report.coverage = std::move(coverage);
  report.proposals = std::move(proposals);
  report.changed_proposals.assign(scope.changed.begin(), scope.changed.end());
  return report;
}

}  // namespace keplint
