// The optional repo config `.kep-lint.yaml`:
//
//   pack: kubernetes            # a built-in pack, or a pack directory inside the repository
//   rules:                      # severity per rule id or name (error, warning, info, off)
//     KEP010: warning
//   exclude: ["keps/sig-foo/**"]  # globs of paths whose findings are dropped
//   datasets:
//     sigs: hack/sigs.yaml      # repo-relative dataset files
//   fail-level: error
//   max-file-size: 8M           # files larger than this are reported, not read (default 4M)
//   baseline: .kep-lint-baseline.json   # repo-relative; the default for --baseline
#pragma once

#include <cstddef>
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
  // Datasets whose absence only skips the rules that need them; any other dataset a rule needs
  // and cannot find fails the run (exit 2).
  std::vector<std::string> optional_datasets;
  std::optional<Severity> fail_level;
  std::optional<std::size_t> max_file_size;
  std::string baseline;  // repo-relative baseline file, empty when none
  Position baseline_position;
};

// The most `max-file-size` (config or --max-file-size) may be: beyond it, a file is not worth
// holding in memory several times over (text, line index, parse) on a CI runner.
constexpr std::size_t kMaxFileSizeCeiling = std::size_t{1} << 30;

// Reads `.kep-lint.yaml` (or `explicit_path`, repo-relative) when present. Throws RuleError.
Config load_config(const Repository& repo, const std::string& explicit_path = "");
// The config in `source` (named by its path). Throws RuleError.
Config parse_config(const SourcePtr& source);

}  // namespace keplint
