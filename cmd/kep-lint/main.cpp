// kep-lint's command line: parses options and wires the library together.
#include <strings.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "build_info.h"
#include "ci_options.h"
#include "document/text.h"
#include "engine/base_comparison.h"
#include "engine/baseline_file.h"
#include "engine/change_filter.h"
#include "engine/engine_rules.h"
#include "engine/fixer.h"
#include "engine/linter.h"
#include "engine/pack_test.h"
#include "engine/release_readiness.h"
#include "engine/rule_error.h"
#include "engine/session.h"
#include "engine/version.h"
#include "parse/mdtoc.h"
#include "repo/byte_size.h"
#include "repo/change_source.h"
#include "repo/changed_files.h"
#include "repo/ci_environment.h"
#include "repo/files_from.h"
#include "repo/safe_open.h"
#include "repo/user_file.h"
#include "report/finding_view.h"
#include "report/github_reporter.h"
#include "report/output_plan.h"
#include "report/release_table.h"
#include "report/reporter.h"
#include "report/rule_docs.h"
#include "report/utf8_text.h"

namespace fs = std::filesystem;
using namespace keplint;

namespace {

constexpr const char* kVersion = KEP_LINT_VERSION;

// `kep-lint --version`: the version, the commit it was built from and the packs it carries.
std::string version_text() {
  std::string packs;
  for (const std::string& name : builtin_pack_names()) packs += (packs.empty() ? "" : ", ") + name;
  return std::string("kep-lint ") + KEP_LINT_VERSION + "\ncommit: " + KEP_LINT_GIT_COMMIT +
         "\nbuilt-in packs: " + packs + "\nhome: " + KEP_LINT_HOMEPAGE;
}

struct LintArgs {
  std::string repo;  // empty: found from the current directory
  std::string config;
  std::string rules_dir;
  std::string pack;
  std::string sigs;
  std::vector<std::string> datasets;  // NAME=FILE
  std::string changed_from;
  std::string files_from;
  std::vector<std::string> formats;
  std::string output;
  std::string fail_level;
  int max_warnings = -1;
  bool exit_zero = false;
  int jobs = 0;
  std::string color = "auto";
  std::string release;
  bool quiet = false;
  bool list_rules = false;
  bool fix = false;
  bool dry_run = false;
  std::optional<std::string> max_file_size;  // set, even to "", when given
  std::string baseline;
  std::string write_baseline;
  bool no_base_compare = false;
  bool fail_on_pre_existing = false;
  std::string settings_from = "base";
  bool pre_commit = false;  // `paths` are the files pre-commit passes: a changed-file set
  std::vector<std::string> paths;
  cli::CiArgs ci;
};

struct TocArgs {
  std::vector<std::string> files;
  int max_depth = 5;
};

// Messages can carry repository text (paths, config values, YAML errors): see diagnostic_text.
void print_error(std::string_view message) {
  std::cerr << diagnostic_text(message);
}

[[noreturn]] void usage_error(const std::string& message) {
  print_error(message);
  std::exit(2);
}

// A directory the run could not list may hold proposals nobody linted: that is not a pass.
bool report_unreadable_directories(const Repository& repo) {
  std::map<std::string, std::string> unreadable = repo.unreadable_directories();
  for (const auto& [dir, why] : unreadable) {
    print_error("cannot read directory " + (dir.empty() ? std::string(".") : dir) + ": " + why);
  }
  return !unreadable.empty();
}

bool use_color(const std::string& mode, const std::string& path) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  if (const char* no = std::getenv("NO_COLOR"); no && *no) return false;
  if (const char* force = std::getenv("FORCE_COLOR"); force && *force && std::string(force) != "0")
    return true;
  return path.empty() && isatty(STDOUT_FILENO);
}

// The run's changed-file set, when it has one. Lines cost a full diff: only a filter mode on
// lines, or the GitHub annotations' ranking, needs them.
std::optional<ResolvedChanges> run_changes(const LintArgs& args, const fs::path& root,
                                           const CiEnvironment& ci, bool want_lines) {
  if (args.pre_commit) {
    std::string list;
    for (const std::string& p : args.paths) list += p + "\n";
    ResolvedChanges out;
    out.set.files = parse_files_from(list, root);
    return out;
  }
  if (args.changed_from.empty() && args.files_from.empty()) return std::nullopt;
  ChangeRequest request;
  request.changed_from = args.changed_from;
  request.files_from = args.files_from;
  request.detail = want_lines ? LineDetail::FilesAndLines : LineDetail::FilesOnly;
  return resolve_changes(request, root, ci, std::cin);
}

// The text of --list-rules.
void list_rules_to(const Pack& pack, std::ostream& out) {
  out << "pack " << escape_for_terminal(pack.name) << " (" << escape_for_terminal(pack.origin)
      << "): " << pack.rules.size() << " rules\n";
  for (const Rule& r : pack.rules) {
    out << "  " << escape_for_terminal(r.id) << "  " << escape_for_terminal(r.name) << "  ["
        << severity_name(r.severity);
    if (r.whole_repo_severity) out << ", whole repo: " << severity_name(*r.whole_repo_severity);
    out << "]  " << escape_for_terminal(r.description) << "\n";
  }
  const Pack& engine = engine_pack();
  out << "kep-lint's own diagnostics: " << engine.rules.size() << " rules\n";
  for (const Rule& r : engine.rules) {
    out << "  " << r.id << "  " << r.name << "  [" << severity_name(r.severity) << "]  "
        << r.description << "\n";
  }
}

void list_rules(const Pack& pack) {
  // A pack can come from the repository: its text is escaped like findings, and each line
  // made inert for CI logs.
  std::ostringstream out;
  list_rules_to(pack, out);
  std::istringstream lines(out.str());
  for (std::string line; std::getline(lines, line);) std::cout << inert_log_line(line) << "\n";
}

// A path argument, relative to the current directory like every command-line tool's, or, when
// nothing is there, to --repo (so `kep-lint --repo X keps/sig-node/...` works from anywhere).
std::string repo_path_argument(const Repository& repo, const std::string& arg) {
  fs::path path(arg);
  if (path.is_relative() && !fs::exists(path) && fs::exists(repo.root() / path)) {
    path = repo.root() / path;
  }
  if (!fs::exists(path)) usage_error("path '" + arg + "' does not exist");
  std::string rel = repo.relative_to_root(path);
  if (rel.empty() && fs::weakly_canonical(fs::absolute(path)) != repo.root()) {
    usage_error("path '" + arg + "' is outside the repository " + repo.root().string());
  }
  return rel;
}

LintOptions make_lint_options(const LintArgs& args, const Session& session,
                              const std::optional<ResolvedChanges>& changes) {
  LintOptions lint_options;
  lint_options.jobs = args.jobs;
  lint_options.severity_overrides = session.config.severities;
  lint_options.exclude = session.config.exclude;
  if (changes) {
    if (!args.paths.empty() && !args.pre_commit) {
      usage_error("give paths or a changed-file set, not both");
    }
    std::vector<std::string> paths;
    for (const ChangedFile& f : changes->set.files) paths.push_back(f.path);
    lint_options.changed_files = std::move(paths);
  }
  for (const std::string& p : args.paths) {
    if (args.pre_commit) break;
    lint_options.paths.push_back(repo_path_argument(*session.repo, p));
  }
  // The root (`kep-lint .`) is the whole repository, at whole-repo severities.
  if (std::count(lint_options.paths.begin(), lint_options.paths.end(), "")) {
    lint_options.paths.clear();
  }
  for (const std::string& p : paths_without_proposals(*session.run, lint_options.paths)) {
    usage_error("path '" + p + "' is not part of any proposal");
  }
  return lint_options;
}

// Settings files the change edits are not what judged it (the base's were): say so.
std::vector<std::string> settings_edit_notes(const Session& session, const ChangeSet& changes) {
  std::vector<std::string> notes;
  if (!session.settings_from_base()) return notes;
  for (const ChangedFile& f : changes.files) {
    for (const std::string& setting : session.settings_paths) {
      bool match = setting.ends_with('/') ? f.path.starts_with(setting) : f.path == setting;
      if (!match) continue;
      notes.push_back(f.path + " is " + std::string(status_name(f.status)) +
                      " by this change, but it configures the gate: this run used the base "
                      "revision's version (" +
                      session.base_repo->commit().substr(0, 12) +
                      "); the change takes effect after merge (--settings-from worktree uses "
                      "the working tree's)");
      break;
    }
  }
  return notes;
}

// `kep-lint toc FILE...`: print the TOC mdtoc would generate, like mdtoc without --inplace.
int run_toc(const TocArgs& args) {
  int status = 0;
  for (const std::string& file : args.files) {
    ReadResult read = read_user_file(file, Repository::kDefaultMaxFileSize);
    if (!read.ok()) {
      print_error("cannot read " + file + ": " + read.detail);
      status = 2;
      continue;
    }
    MarkdownDocument doc(read.source);
    TocOptions options;
    options.max_depth = args.max_depth;
    TocAnalysis toc = analyze_toc(doc, options);
    // Without markers there is no skip-prefix: every heading counts.
    bool generated = toc.problem == TocProblem::kNone || toc.problem == TocProblem::kEndMarkerInToc;
    std::string too_complex = toc.too_complex_heading;
    std::string out = generated || !too_complex.empty()
                          ? toc.generated
                          : generate_toc(doc, 0, args.max_depth, &too_complex);
    if (!too_complex.empty()) {
      print_error(file + ": the heading `" + too_complex +
                  "` has more inline markup than kep-lint will parse");
      status = 2;
      continue;
    }
    std::cout << out;
  }
  return status;
}

// `kep-lint explain RULE`: the rule's documentation page, the same Markdown as docs/rules/, from
// the packs compiled into the binary (offline, and for this binary's version). Ids are unique
// across packs; a name several packs use needs --pack.
int run_explain(const std::string& wanted, const std::string& only_pack) {
  std::vector<std::string> known;
  std::vector<std::unique_ptr<const Pack>> packs;
  std::vector<std::pair<const Rule*, const Pack*>> found;
  auto look_in = [&](const Pack& pack) {
    for (const Rule& rule : pack.rules) {
      known.insert(known.end(), {rule.id, rule.name});
      if (rule.name == wanted || strcasecmp(rule.id.c_str(), wanted.c_str()) == 0) {
        found.emplace_back(&rule, &pack);
      }
    }
  };
  for (const std::string& name : builtin_pack_names()) {
    if (only_pack.empty() || only_pack == name) {
      packs.push_back(std::make_unique<const Pack>(load_builtin_pack(name)));
      look_in(*packs.back());
    }
  }
  look_in(engine_pack());
  if (found.size() == 1) {
    std::cout << render_rule_doc(*found.front().first, *found.front().second);
    return 0;
  }
  if (found.size() > 1) {
    std::string which;
    for (const auto& [rule, pack] : found) {
      which += (which.empty() ? "" : ", ") + rule->id + " (" + pack->name + ")";
    }
    usage_error("several packs have a rule named '" + wanted + "': " + which +
                "; give its id, or --pack NAME");
  }
  std::string hint = suggest(wanted, known);
  usage_error("no built-in rule is named '" + wanted + "'" +
              (hint.empty() ? " (kep-lint --list-rules lists a pack's rules)" : " (" + hint + ")"));
}

// CLI11 says which argument it did not expect; add the nearest option name, like git does.
void suggest_options(const CLI::App& app, int argc, char** argv) {
  std::vector<std::string> names;
  auto collect = [&](const CLI::App& a) {
    for (const CLI::Option* opt : a.get_options()) {
      for (const std::string& n : opt->get_lnames()) names.push_back("--" + n);
    }
  };
  collect(app);
  for (const CLI::App* sub : app.get_subcommands({})) {
    collect(*sub);
    names.push_back(sub->get_name());
  }
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (!arg.starts_with("--")) continue;
    arg = arg.substr(0, arg.find('='));
    if (std::find(names.begin(), names.end(), arg) != names.end()) continue;
    std::string best = nearest(arg, names);
    if (!best.empty()) print_error("unknown option " + arg + ": did you mean " + best + "?");
  }
}

SessionOptions session_options(const LintArgs& args) {
  SessionOptions options;
  options.repo_dir = args.repo.empty() ? "." : args.repo;
  options.find_root = args.repo.empty();
  options.config_path = args.config;
  options.rules_dir = args.rules_dir;
  options.pack = args.pack;
  if (!args.sigs.empty()) options.dataset_files["sigs"] = args.sigs;
  for (const std::string& d : args.datasets) {
    std::size_t eq = d.find('=');
    if (eq == std::string::npos || eq == 0)
      usage_error("--dataset takes NAME=FILE, got '" + d + "'");
    options.dataset_files[d.substr(0, eq)] = d.substr(eq + 1);
  }
  if (!args.release.empty()) {
    // Milestones are compared as written ("v1.33"); "1.33" would silently match nothing.
    if (args.release.front() != 'v' || !parse_version(args.release)) {
      usage_error("--release takes a release written like v1.33, got '" + args.release + "'");
    }
    options.variables["release"] = args.release;
  }
  if (args.max_file_size) {
    options.max_file_size = parse_byte_size(*args.max_file_size);
    if (!options.max_file_size || *options.max_file_size == 0 ||
        *options.max_file_size > kMaxFileSizeCeiling) {
      usage_error("--max-file-size takes a size from 1 byte to 1G, e.g. 4194304, 512k or 8M");
    }
  }
  return options;
}

// `kep-lint report --release v1.NN`: which proposals target the release, and are they ready.
int run_report(const LintArgs& args) {
  if (args.release.empty()) usage_error("report needs --release, e.g. --release v1.37");
  std::string format = args.formats.empty() ? "text" : args.formats.front();
  if (format != "text" && format != "markdown" && format != "json") {
    usage_error("report --format takes text, markdown or json");
  }
  Session session = open_session(session_options(args));
  if (!session.pack->has_release_targets) {
    usage_error("pack " + session.pack->name + " declares no `release: targets:`");
  }
  LintOptions lint_options;
  lint_options.jobs = args.jobs;
  lint_options.severity_overrides = session.config.severities;
  lint_options.exclude = session.config.exclude;
  // Lint the targeted proposals (under the path arguments) by name, so each rule applies at the
  // severity it has for a KEP a change touches: a freeze rule off in whole-repo runs still counts.
  std::vector<std::string> scope = session.run->all_proposals();
  if (!args.paths.empty()) {
    std::vector<std::string> paths, unmatched;
    for (const std::string& p : args.paths) paths.push_back(repo_path_argument(*session.repo, p));
    scope = proposals_under(scope, paths, &unmatched);
    if (!unmatched.empty()) usage_error("path '" + unmatched.front() + "' holds no proposal");
  }
  lint_options.paths = release_targets(*session.run, scope);
  Report report;
  if (!lint_options.paths.empty()) report = lint(*session.run, lint_options);
  session.check_datasets();
  std::vector<ReleaseEntry> entries = release_readiness(*session.run, report);
  std::ostringstream table;
  write_release_table(entries, args.release, format, args.output.empty() ? std::cout : table);
  if (!args.output.empty()) {
    FileDescriptor file = open_output_file(args.output, false, session.repo->root());
    write_all(file.get(), table.str(), args.output);
  }
  if (report_unreadable_directories(*session.repo)) return 2;
  bool all_ready =
      std::all_of(entries.begin(), entries.end(), [](const ReleaseEntry& e) { return e.ready; });
  return all_ready || args.exit_zero ? 0 : 1;
}

int run_lint(const LintArgs& args) {
  SessionOptions options = session_options(args);
  CiEnvironment ci = cli::ci_environment(args.ci);
  OutputPlan outputs = plan_outputs({args.formats, args.output, !args.ci.no_ci_outputs}, ci);
  FilterMode filter = cli::filter_mode(args.ci);
  if (auto problem = cli::filter_mode_problem(filter, args.changed_from, args.files_from)) {
    usage_error(*problem);
  }
  bool annotations = std::any_of(outputs.outputs.begin(), outputs.outputs.end(),
                                 [](const OutputSpec& o) { return o.format == "github"; });
  bool want_lines = filter_needs_lines(filter) || annotations;

  // The change is resolved first: its base revision is where the gate's settings come from.
  std::optional<ResolvedChanges> changes;
  if (!args.list_rules) {
    changes = run_changes(args, Repository(session_root(options)).root(), ci, want_lines);
    if (changes && !changes->set.base_commit.empty() &&
        (!args.no_base_compare || args.settings_from == "base")) {
      options.base_commit = changes->set.base_commit;
      options.settings_from_worktree = args.settings_from == "worktree";
    }
  }
  Session session = open_session(options);
  if (args.list_rules) {
    list_rules(*session.pack);
    return 0;
  }
  if (args.pre_commit && changes) {
    std::vector<std::string> files;
    for (const ChangedFile& f : changes->set.files) files.push_back(f.path);
    // `pre-commit run --all-files` passes every file: that is the whole repository, linted once
    // at whole-repository severities, not a change that touches every proposal.
    if (files_cover_every_proposal(*session.run, files)) changes.reset();
  }
  LintOptions lint_options = make_lint_options(args, session, changes);

  if (args.fix) {
    std::set<std::string> fixed_files;  // a file fixed in two rounds is named once
    // Fix, then lint again: a fix is a whole-file rewrite computed from the text it saw, so
    // a file with two fixable findings takes two rounds. Each round starts a fresh session
    // because the repository caches file contents.
    for (int round = 0; round < 4; ++round) {
      Report before = lint(*session.run, lint_options);
      session.check_datasets();
      FixOutcome outcome = apply_fixes(*session.repo, before.findings, args.dry_run, std::cout);
      for (const std::string& e : outcome.errors) print_error(e);
      if (args.dry_run) return outcome.fixed.empty() && outcome.errors.empty() ? 0 : 1;
      fixed_files.insert(outcome.fixed.begin(), outcome.fixed.end());
      if (outcome.fixed.empty()) break;
      session = open_session(options);
      if (changes) changes = run_changes(args, session.repo->root(), ci, want_lines);
      lint_options = make_lint_options(args, session, changes);
    }
    if (!args.quiet) {
      for (const std::string& path : fixed_files) print_error("fixed " + path);
    }
  }

  Report report = lint(*session.run, lint_options);
  report.tool_version = kVersion;
  session.check_datasets();
  if (!args.quiet) {
    for (const std::string& note : session.notes()) print_error(note);
    if (changes) {
      for (const std::string& note : settings_edit_notes(session, changes->set)) print_error(note);
    }
  }
  if (changes && !args.quiet && args.changed_from == "auto") {
    print_error("--changed-from auto: the base is " + changes->base + ", merge base " +
                short_commit(changes->set.base_commit) + "; " +
                count_noun(static_cast<int>(changes->set.files.size()), "changed file"));
  }
  if (session.base_run && !args.no_base_compare) {
    BaseComparison result =
        compare_with_base(*session.base_run, lint_options, changes->set, report);
    if (!args.quiet) {
      std::cerr << "kep-lint: compared with the base revision " << short_commit(report.base_commit)
                << ": " << count_noun(static_cast<int>(result.introduced), "finding")
                << " introduced by the change, " << result.pre_existing
                << " pre-existing (reported apart; they fail the run only with "
                   "--fail-on-pre-existing)\n";
    }
  }

  if (!args.write_baseline.empty()) {
    // Entries of what this run did not lint are kept from the file being replaced.
    std::optional<Baseline> previous =
        read_baseline_file(args.write_baseline, *session.repo, session.repo->max_file_size(), true);
    std::vector<BaselineEntry> entries = updated_baseline(report, previous ? &*previous : nullptr);
    write_baseline_file(args.write_baseline, entries);
    if (!args.quiet) {
      std::cerr << "kep-lint: wrote " << args.write_baseline << ": " << report.findings.size()
                << " finding" << (report.findings.size() == 1 ? "" : "s") << " of this run, "
                << entries.size() - std::min(entries.size(), report.findings.size())
                << " kept from what it did not lint\n";
    }
    return 0;
  }
  if (std::optional<Baseline> baseline =
          load_run_baseline(args.baseline, session.config, *session.repo, *session.settings,
                            session.repo->max_file_size())) {
    BaselineResult result = apply_baseline(report, *baseline);
    if (!args.quiet) {
      std::ostringstream note;
      note << "baseline " << baseline->file << ": " << result.accepted << " finding"
           << (result.accepted == 1 ? "" : "s") << " accepted";
      if (!result.stale.empty()) {
        note << "; " << result.stale.size() << " entr"
             << (result.stale.size() == 1 ? "y matches" : "ies match")
             << " no finding any more (KL003): --write-baseline " << baseline->file
             << " prunes them";
      }
      print_error(note.str());
    }
  }

  Severity fail_level = Severity::Error;
  if (!args.fail_level.empty()) {
    auto s = parse_severity(args.fail_level);
    if (!s || *s == Severity::Off) usage_error("--fail-level must be error, warning or info");
    fail_level = *s;
  } else if (session.config.fail_level) {
    fail_level = *session.config.fail_level;
  }

  if (changes) {
    if (changes->has_lines) mark_changed_lines(report.findings, changes->set.added_lines);
    std::vector<Finding> hidden = filter_findings(report, changes->set, filter);
    if (!args.quiet && !hidden.empty()) {
      std::cerr << "kep-lint: --filter-mode " << filter_mode_name(filter) << " hid "
                << count_noun(static_cast<int>(hidden.size()), "finding") << " ("
                << counts_text(count_severities(hidden)) << ") outside the change\n";
    }
  }

  if (!args.quiet) {
    for (const std::string& note : outputs.notes) print_error(note);
  }
  bool step_summary = std::any_of(outputs.outputs.begin(), outputs.outputs.end(),
                                  [](const OutputSpec& o) { return o.append; });
  for (const OutputSpec& spec : outputs.outputs) {
    ReporterOptions ro;
    ro.color = spec.format == "text" && use_color(args.color, spec.path);
    ro.fail_level = fail_level;  // JUnit fails the cases the exit code fails on
    ro.pre_existing_fails = args.fail_on_pre_existing;
    ro.github_log =
        spec.path.empty() && (ci.github_actions_log || ci.kind == CiKind::GitHubActions);
    ro.step_summary = step_summary;
    std::optional<std::string> note =
        write_output(spec, report, ro, std::cout, session.repo->root());
    if (note && !args.quiet) print_error(*note);
  }

  if (report_unreadable_directories(*session.repo)) return 2;

  int failing = 0, warnings = 0;
  for (const Finding& f : report.findings) {
    if (finding_fails(f, fail_level, args.fail_on_pre_existing)) ++failing;
    if (f.severity == Severity::Warning && (!f.pre_existing || args.fail_on_pre_existing)) {
      ++warnings;
    }
  }
  if (args.exit_zero) return 0;
  if (failing > 0) return 1;
  if (args.max_warnings >= 0 && warnings > args.max_warnings) return 1;
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"kep-lint: lint enhancement proposals (KEPs, GEPs, CAEPs, ...) and their metadata"};
  app.set_version_flag("--version", version_text());
  LintArgs args;
  app.add_option("paths", args.paths,
                 "Files or directories to lint (default: the whole repository)");
  app.add_option("--repo", args.repo,
                 "Repository root (default: the nearest directory up from here with .git, "
                 ".kep-lint.yaml or a pack's markers)");
  app.add_option("--config", args.config,
                 "Config file, relative to the repository (default .kep-lint.yaml)");
  app.add_option("--rules", args.rules_dir,
                 "Load rule packs from this directory instead of the built-in ones");
  app.add_option("--pack", args.pack, "Rule pack to use (default: from config, else detected)");
  app.add_option("--sigs", args.sigs, "sigs.yaml to check SIG names against (dataset 'sigs')");
  app.add_option("--dataset", args.datasets, "Dataset file, NAME=FILE (repeatable)");
  app.add_option(
      "--changed-from", args.changed_from,
      "Lint what changed since the merge base with REV (or 'auto'), including uncommitted files");
  app.add_option("--files-from", args.files_from,
                 "Lint the changed files listed in FILE ('-' for stdin)");
  app.add_option("--format", args.formats, "Output format, optionally FMT:PATH (repeatable)");
  app.add_option("--output,-o", args.output, "Write the single output format to PATH");
  app.add_option("--fail-level", args.fail_level,
                 "Lowest severity that fails the run (error, warning, info)");
  app.add_option("--max-warnings", args.max_warnings,
                 "Fail when there are more warnings than this");
  app.add_flag("--exit-zero", args.exit_zero, "Exit 0 even when findings fail the run");
  app.add_option("--jobs,-j", args.jobs, "Threads (default: one per core)");
  app.add_option("--color", args.color,
                 "auto, always or never (NO_COLOR and FORCE_COLOR are honoured)")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_option("--release", args.release, "Release being planned, e.g. v1.33 (freeze checks)");
  app.add_flag("--quiet,-q", args.quiet, "Do not print notes on stderr");
  app.add_option("--max-file-size", args.max_file_size,
                 "Largest file read, e.g. 8M (default 4M); larger files are reported, not read");
  app.add_flag("--list-rules", args.list_rules, "List the active pack's rules and exit");
  app.add_flag("--fix", args.fix,
               "Rewrite what can be fixed (out-of-date TOCs), then report what remains");
  app.add_option("--baseline", args.baseline,
                 "Accept the findings recorded in FILE (default: `baseline:` in .kep-lint.yaml)");
  app.add_option(
      "--write-baseline", args.write_baseline,
      "Record this run's findings in FILE (kept: entries of what it did not lint), exit 0");
  app.add_flag("--dry-run", args.dry_run,
               "With --fix: print a unified diff, write nothing, exit 1 if anything would change");
  app.add_flag("--no-base-compare", args.no_base_compare,
               "With --changed-from: do not lint the base revision; every finding of the "
               "change's proposals counts as introduced by it");
  app.add_flag("--fail-on-pre-existing", args.fail_on_pre_existing,
               "Findings the base revision already had fail the run too");
  app.add_option("--settings-from", args.settings_from,
                 "With --changed-from: read the repository's config, pack, datasets, baseline "
                 "and template from the base revision (default) or the working tree")
      ->check(CLI::IsMember({"base", "worktree"}))
      ->capture_default_str();
  app.add_flag("--pre-commit", args.pre_commit,
               "The paths are the files pre-commit passes: lint the proposals they belong to "
               "(all of them: the whole repository)");
  cli::add_ci_options(app, args.ci);

  CLI::App* report = app.add_subcommand(
      "report",
      "Freeze readiness: one line per proposal targeting --release (text, markdown, json)");
  report->fallthrough();  // --release, --repo, --format ... are the main command's options
  report->footer(
      "Options (given before or after `report`):\n"
      "  --release v1.NN      the release being planned (required)\n"
      "  --format FORMAT      text (default), markdown or json\n"
      "  --output,-o FILE     write the table to FILE\n"
      "  --repo DIR           the repository (default: found from the current directory)\n"
      "  --config FILE, --sigs FILE, --dataset NAME=FILE, --jobs N\n"
      "  --exit-zero          exit 0 even when a proposal is not ready\n"
      "  PATH...              only the proposals under these paths\n"
      "Exit status: 0 all ready, 1 some not ready, 2 usage or repository error.");

  TocArgs toc_args;
  CLI::App* toc =
      app.add_subcommand("toc", "Print the table of contents mdtoc would generate for FILE...");
  toc->add_option("files", toc_args.files, "Markdown files")->required();
  toc->add_option("--max-depth", toc_args.max_depth, "Deepest heading level included")
      ->capture_default_str()
      ->check(CLI::Range(1, 6));

  std::string explain_rule;
  CLI::App* explain = app.add_subcommand(
      "explain", "Print a rule's documentation page (offline, from the built-in packs)");
  explain->add_option("rule", explain_rule, "Rule id or name, e.g. KEP003 or status-valid")
      ->required();
  explain->fallthrough();  // --pack picks among packs that share a rule name

  // `kep-lint pack test DIR`: a pack's rules against their own examples (engine/pack_test.h).
  std::string pack_test_dir;
  CLI::App* pack_cmd = app.add_subcommand("pack", "Work on a rule pack");
  CLI::App* pack_test = pack_cmd->add_subcommand(
      "test",
      "Run each rule of the pack in DIR on its own examples: wrong ones must fire, right "
      "ones stay quiet (exit 0 all pass, 1 some fail, 2 the pack does not load)");
  pack_test->add_option("dir", pack_test_dir, "The pack's directory")->required();
  pack_cmd->require_subcommand(1);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    if (code != 0) suggest_options(app, argc, argv);
    return code == 0 ? 0 : 2;
  }
  if (args.pre_commit && (!args.changed_from.empty() || !args.files_from.empty())) {
    std::cerr << "kep-lint: --pre-commit takes the changed files as arguments, not with "
                 "--changed-from or --files-from\n";
    return 2;
  }
  if (args.dry_run && !args.fix) {
    std::cerr << "kep-lint: --dry-run goes with --fix\n";
    return 2;
  }
  if (!args.baseline.empty() && !args.write_baseline.empty()) {
    std::cerr << "kep-lint: give --baseline or --write-baseline, not both\n";
    return 2;
  }
  try {
    if (pack_test->parsed()) {
      Pack pack = load_pack_directory(pack_test_dir, /*name_must_match=*/true);
      fs::path scratch =
          fs::temp_directory_path() / ("kep-lint-pack-test-" + std::to_string(getpid()));
      PackTestReport result = test_pack_examples(pack, scratch);
      std::error_code ec;
      fs::remove_all(scratch, ec);
      std::cout << format_pack_test(result);
      return result.passed() ? 0 : 1;
    }
    if (toc->parsed()) return run_toc(toc_args);
    if (explain->parsed()) return run_explain(explain_rule, args.pack);
    if (report->parsed()) return run_report(args);
    return run_lint(args);
  } catch (const RuleError& e) {
    print_error(e.what());
    return 2;
  } catch (const std::exception& e) {
    print_error(e.what());
    return 2;
  }
}
