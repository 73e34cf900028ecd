#include "engine/pack_test.h"

#include <fstream>
#include <future>
#include <map>
#include <sstream>
#include <stdexcept>

#include "engine/coverage.h"
#include "engine/dataset.h"
#include "engine/linter.h"
#include "engine/run_context.h"
#include "repo/path_template.h"
#include "repo/repository.h"

namespace keplint {

namespace fs = std::filesystem;

namespace {

// The document `{dir}/NAME` of the layout, or null.
const DocumentSpec* document_named(const Layout& layout, const std::string& name) {
  for (const DocumentSpec& d : layout.documents) {
    if (d.path_template == "{dir}/" + name) return &d;
  }
  return nullptr;
}

// The example proposal directory: from the first example whose path fills `{dir}/...`.
std::string example_proposal(const Pack& pack) {
  for (const Rule& rule : pack.rules) {
    for (const auto* list : {&rule.wrong, &rule.right}) {
      for (const RuleExample& ex : *list) {
        if (ex.file.find('/') == std::string::npos || ex.file.back() == '/') continue;
        for (const DocumentSpec& d : pack.layout.documents) {
          // `{dir}/NAME`: the example's path ends in /NAME, and the rest is the proposal.
          if (d.path_template.rfind("{dir}/", 0) != 0) continue;
          std::string tail = d.path_template.substr(5);
          if (tail.find('{') != std::string::npos || ex.file.size() <= tail.size()) continue;
          if (ex.file.compare(ex.file.size() - tail.size(), tail.size(), tail) == 0) {
            return ex.file.substr(0, ex.file.size() - tail.size());
          }
        }
      }
    }
  }
  return "";
}

void write(const fs::path& root, const std::string& rel, const std::string& text) {
  fs::path file = root / rel;
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << text;
}

// Where the example goes (repo-relative), or "" with `why` set.
std::string place(const Pack& pack, const std::string& proposal, const RuleExample& ex,
                  std::string& why) {
  if (ex.file.find('/') != std::string::npos) {
    return ex.file;
  }
  // A bare name that is no `{dir}/NAME` document is a file at the repository root
  // (OWNERS_ALIASES).
  if (!document_named(pack.layout, ex.file)) return ex.file;
  if (proposal.empty()) {
    why = "the pack has no example with a full path to take the proposal directory from";
    return "";
  }
  return proposal + "/" + ex.file;
}

struct ExampleRun {
  std::vector<Finding> findings;  // the rule's
  bool ran = false;               // the rule looked at the example (its `when:` held, ...)
};

// Writes `ex` at `path` under `root`: a file, or for a directory example (`path` ends in '/')
// its listing: per line a file created empty, or `NAME -> TARGET` a symbolic link; ` #` starts a
// comment.
void write_example(const fs::path& root, const std::string& path, const RuleExample& ex) {
  if (path.back() != '/') {
    write(root, path, ex.text);
    return;
  }
  fs::create_directories(root / path);
  auto trimmed = [](std::string s) {
    const auto first = s.find_first_not_of(" \t\r");
    if (first == std::string::npos) return std::string();
    return s.substr(first, s.find_last_not_of(" \t\r") + 1 - first);
  };
  std::istringstream lines(ex.text);
  for (std::string line; std::getline(lines, line);) {
    if (auto comment = line.find(" #"); comment != std::string::npos) line.erase(comment);
    line = trimmed(line);
    if (line.empty()) continue;
    if (auto arrow = line.find(" -> "); arrow != std::string::npos) {
      fs::path link = root / (path + trimmed(line.substr(0, arrow)));
      fs::create_directories(link.parent_path());
      fs::create_symlink(trimmed(line.substr(arrow + 4)), link);
    } else {
      write(root, path + line, "");
    }
  }
}

// The rule's findings on `ex` written, with the rule's context files, into a fresh repository at
// `root`.
ExampleRun run_example(const Pack& pack, const Rule& rule, const fs::path& root,
                       const std::string& proposal, const std::string& path,
                       const RuleExample& ex) {
  fs::remove_all(root);
  fs::create_directories(root);
  for (const RuleExample& c : rule.example_context) {
    std::string why;
    std::string at = place(pack, proposal, c, why);
    if (at.empty()) throw std::runtime_error("context file " + c.file + ": " + why);
    write_example(root, at, c);
  }
  write_example(root, path, ex);
  // The proposal must exist: give it an empty primary document when the example is another
  // file. A directory example lists the whole directory, so it gets none.
  const DocumentSpec* primary = pack.layout.primary();
  if (primary && !pack.layout.proposals.file_is_proposal && path.back() != '/') {
    std::string dir = path.substr(0, path.rfind('/'));
    auto filled = fill_path_template(primary->path_template,
                                     [&](std::string_view name) -> std::optional<std::string> {
                                       if (name == "dir" || name == "proposal") return dir;
                                       return std::nullopt;
                                     },
                                     {"dir", "proposal"});
    if (filled.ok() && !fs::exists(root / filled.path)) write(root, filled.path, "");
  }
  Repository repo(root);
  std::shared_future<RunContext::Datasets> datasets =
      std::async(std::launch::deferred, [&pack, &repo] {
        RunContext::Datasets out;
        for (const DatasetSpec& spec : pack.datasets) {
          Dataset data;
          try {
            data = load_dataset(spec, repo, std::nullopt);
          } catch (const std::exception& e) {
            data.name = spec.name;
            data.error = e.what();
          }
          out.emplace(spec.name, std::move(data));
        }
        return out;
      }).share();
  std::map<std::string, std::string> variables;
  if (!rule.example_release.empty()) {
    variables["release"] = rule.example_release;
    variables["planned-release"] = rule.example_release;
  }
  RunContext run(repo, pack, datasets, variables);
  LintOptions options;
  options.jobs = 1;
  // The rule's own severity, not its whole-repo one: a rule that is off outside the change set
  // still runs on its examples.
  options.severity_overrides[rule.id] = rule.severity;
  Report report = lint(run, options);
  ExampleRun out;
  for (Finding& f : report.findings) {
    if (f.rule_id == rule.id) out.findings.push_back(std::move(f));
  }
  if (report.coverage) {
    out.ran = report.coverage->ran(rule.id, "", path);
    for (const std::string& p : report.proposals) {
      out.ran = out.ran || report.coverage->ran(rule.id, p, path);
    }
  }
  return out;
}

}  // namespace

PackTestReport test_pack_examples(const Pack& pack, const fs::path& scratch) {
  PackTestReport report;
  const std::string proposal = example_proposal(pack);
  fs::path root = scratch / "repo";
  for (const Rule& rule : pack.rules) {
    if (rule.wrong.empty() && rule.right.empty()) continue;
    ++report.rules_tested;
    bool failed = false;
    for (const auto* list : {&rule.wrong, &rule.right}) {
      const bool wrong = list == &rule.wrong;
      for (const RuleExample& ex : *list) {
        ExampleOutcome o{rule.id, rule.name, wrong, ex.file, false, ""};
        std::string path = place(pack, proposal, ex, o.detail);
        if (!path.empty()) {
          try {
            ExampleRun result = run_example(pack, rule, root, proposal, path, ex);
            const std::vector<Finding>& found = result.findings;
            // A right example proves something only if the rule looked at it.
            o.passed = wrong ? !found.empty() : found.empty() && result.ran;
            if (!found.empty()) {
              o.detail = path + ":" + std::to_string(found.front().range.start.line) + ": " +
                         found.front().message;
            } else if (wrong) {
              o.detail = "the rule reported nothing";
            } else if (!result.ran) {
              o.detail =
                  "the rule did not run on it (no proposal there, or its `when:` does "
                  "not hold)";
            }
          } catch (const std::exception& e) {
            o.detail = e.what();
          }
        }
        failed = failed || !o.passed;
        report.outcomes.push_back(std::move(o));
      }
    }
    if (failed) ++report.rules_failed;
  }
  std::error_code ec;
  fs::remove_all(root, ec);
  return report;
}

std::string format_pack_test(const PackTestReport& report) {
  std::string out;
  std::size_t i = 0;
  while (i < report.outcomes.size()) {
    std::size_t end = i;
    int wrong = 0, right = 0;
    bool ok = true;
    while (end < report.outcomes.size() &&
           report.outcomes[end].rule_id == report.outcomes[i].rule_id) {
      (report.outcomes[end].wrong ? wrong : right)++;
      ok = ok && report.outcomes[end].passed;
      ++end;
    }
    out += std::string(ok ? "ok   " : "FAIL ") + report.outcomes[i].rule_id + " " +
           report.outcomes[i].rule_name + " (" + std::to_string(wrong) + " wrong, " +
           std::to_string(right) + " right)\n";
    for (std::size_t k = i; k < end; ++k) {
      const ExampleOutcome& o = report.outcomes[k];
      if (o.passed) continue;
      out += std::string("       ") + (o.wrong ? "wrong" : "right") + " example " + o.file + ": " +
             (o.wrong ? "should fire: " : "should stay quiet: ") + o.detail + "\n";
    }
    i = end;
  }
  out += std::to_string(report.rules_tested - report.rules_failed) + " of " +
         std::to_string(report.rules_tested) + " rules pass their examples\n";
  return out;
}

}  // namespace keplint
