// What a rule reports, and the run-level report handed to every output format.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "document/source_file.h"

namespace keplint {

struct RunCoverage;

enum class Severity { Off = 0, Info = 1, Warning = 2, Error = 3 };

std::string_view severity_name(Severity s);  // "off", "info", "warning", "error"
std::optional<Severity> parse_severity(std::string_view text);

struct Finding {
  std::string rule_id;    // stable id, e.g. "KEP003"
  std::string rule_name;  // kebab-case, e.g. "status-valid"
  Severity severity = Severity::Error;
  std::string path;  // repo-relative, '/' separators
  Range range;       // byte columns; line 0 means the file as a whole
  std::string message;
  std::string raw_details;  // optional longer text (e.g. the expected TOC)
  std::string proposal;     // repo-relative path of the proposal, empty for repo-level findings
  std::string docs_url;
  std::string anchor;  // stable location independent of line numbers (YAML key path, heading)
  SourcePtr source;    // the file's text when it was read; null for missing files
  // For fixable findings: the whole file as `--fix` would write it.
  std::shared_ptr<const std::string> fixed_text;
  // About a file as a whole (a missing document), though shown at a line of another file
  // (kep.yaml); the filter modes treat it like a finding without a line.
  bool about_file = false;
  // A file that could not be linted at all (binary, too large, unreadable): whatever line it
  // points at, no filter mode hides it, since the file's real findings were never computed.
  bool never_filtered = false;
  // Set when the run knows the change's added lines and the range touches one: such findings
  // get GitHub's few annotation slots first.
  bool on_changed_line = false;
  // Set by the base comparison: the base revision has the same finding, so the change did not
  // introduce it. Reported apart, and does not fail the run unless asked.
  bool pre_existing = false;
};

// Whether a finding fails the run: at or above `fail_level`, and introduced by the change
// unless pre-existing findings fail too.
inline bool finding_fails(const Finding& f, Severity fail_level, bool pre_existing_fails) {
  Severity shown = f.severity == Severity::Off ? Severity::Info : f.severity;
  return shown >= fail_level && (!f.pre_existing || pre_existing_fails);
}

// Deterministic report order: path, line, column, rule id, message.
bool finding_less(const Finding& a, const Finding& b);
void sort_findings(std::vector<Finding>& findings);

struct RuleInfo {
  std::string id;
  std::string name;
  Severity severity = Severity::Error;
  std::string description;
  std::string docs_url;
};

struct Report {
  std::vector<Finding> findings;       // sorted
  std::vector<RuleInfo> rules;         // every active rule, sorted by id
  std::vector<std::string> proposals;  // proposals linted, sorted
  // The proposals the run's changed-file set or paths name, held to full severities (sorted);
  // empty for a whole-repository run.
  std::vector<std::string> changed_proposals;
  std::string tool_version;
  // The commit the findings were compared with (findings then carry pre_existing); empty when
  // there was no comparison.
  std::string base_commit;
  // What each rule ran on (for suppressions and baselines); null for reports not made by lint().
  std::shared_ptr<const RunCoverage> coverage;
};

}  // namespace keplint
