// The optional repo config `.kep-lint.yaml`:
//
//   pack: kubernetes            # a built-in pack, or a pack directory inside the repository
//   rules:                      # severity per rule id or name (error, warning, info, off)
//     KEP010: warning
//   exclude: ["keps/sig-foo/**"]  # globs of paths whose findings are dropped
//   datasets:
//     sigs: hack/sigs.yaml      # repo-relative dataset files
//   fail-level: error
//   baseline: .kep-lint-baseline.json   # repo-relative; the default for --baseline
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/finding.h"
#include "repo/repository.h"

namespace keplint {

struct Config {
  std::string file;  // where it was read from; empty when there is none
  std::string pack;
  std::map<std::string, Severity> severities;
  std::map<std::string, Position> severity_positions;  // where each rule is named, for errors
  std::vector<std::string> exclude;
  std::map<std::string, std::string> datasets;
  std::map<std::string, Position> dataset_positions;  // where each dataset path is, for errors
  std::optional<Severity> fail_level;
  std::string baseline;  // repo-relative baseline file, empty when none
  Position baseline_position;
};

// Reads `.kep-lint.yaml` (or `explicit_path`, repo-relative) when present. Throws RuleError.
Config load_config(const Repository& repo, const std::string& explicit_path = "");

}  // namespace keplint
