// `kep-lint pack test DIR`: runs every rule's own `examples:` against the rule. Each `wrong`
// example, written into a scratch repository, must make the rule report at least one finding;
// each `right` example must leave it quiet, and the rule must have run on it (a rule whose
// `when:` does not hold there proves nothing).
//
// Where an example's file goes: a path with a '/' is repo-relative as written; a bare file name
// is the layout document whose path template is `{dir}/NAME`, inside the pack's example proposal
// (the directory of the first example of the pack whose path fills a `{dir}/...` template). A
// proposal with no primary document gets an empty one, so it exists.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "engine/pack.h"

namespace keplint {

struct ExampleOutcome {
  std::string rule_id;
  std::string rule_name;
  bool wrong = false;  // a `wrong` example (must fire), else a `right` one (must stay quiet)
  std::string file;    // as the example names it
  bool passed = false;
  std::string detail;  // why it failed, or what fired
};

struct PackTestReport {
  std::vector<ExampleOutcome> outcomes;  // rule by rule, wrong examples first
  int rules_tested = 0;
  int rules_failed = 0;
  bool passed() const { return rules_failed == 0; }
};

// Lints each example of each rule of `pack` in its own directory under `scratch` (created and
// removed).
PackTestReport test_pack_examples(const Pack& pack, const std::filesystem::path& scratch);

// One line per rule ("ok   KEP003 status-valid (1 wrong, 1 right)" or "FAIL ..." with a line
// per failed example), then a total.
std::string format_pack_test(const PackTestReport& report);

}  // namespace keplint
