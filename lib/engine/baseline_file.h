// Where a run's baseline comes from and goes to: `--baseline FILE` / `--write-baseline FILE`
// (the user's path, which may lie outside the repository) or `baseline:` in .kep-lint.yaml
// (repo-relative, read through the repository like every other repository file).
#pragma once

#include <optional>
#include <string>

#include "engine/baseline.h"
#include "engine/config.h"
#include "repo/repository.h"

namespace keplint {

// Reads the baseline file the user named. nullopt when it does not exist and `missing_ok`;
// throws RuleError (file:line of the problem) when it cannot be read or parsed.
std::optional<Baseline> read_baseline_file(const std::string& path, const Repository& repo,
                                           std::size_t max_file_size, bool missing_ok = false);

// The baseline of a lint run: `cli_path` when given, else the config's `baseline:`, else none.
// Both are settings: the config's, and a `cli_path` inside the repository, are read from
// `settings` (the base revision when a pull request is linted; else `repo` itself).
std::optional<Baseline> load_run_baseline(const std::string& cli_path, const Config& config,
                                          const Repository& repo, const Repository& settings,
                                          std::size_t max_file_size);

// Writes the entries to `path` atomically; throws std::runtime_error when it cannot.
void write_baseline_file(const std::string& path, const std::vector<BaselineEntry>& entries);

}  // namespace keplint
