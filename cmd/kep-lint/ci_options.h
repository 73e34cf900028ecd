// The command line's CI options: --ci, --no-ci-outputs and --filter-mode.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

#include "engine/change_filter.h"
#include "repo/ci_environment.h"

namespace keplint::cli {

struct CiArgs {
  std::string ci = "auto";
  bool no_ci_outputs = false;
  std::string filter_mode = "nofilter";
};

void add_ci_options(CLI::App& app, CiArgs& args);

// The environment, detected from the process's variables, with --ci's kind when not `auto`.
CiEnvironment ci_environment(const CiArgs& args);

FilterMode filter_mode(const CiArgs& args);

// Why `mode` cannot be used with these change options (a usage error), or nullopt.
std::optional<std::string> filter_mode_problem(FilterMode mode, const std::string& changed_from,
                                               const std::string& files_from);

}  // namespace keplint::cli
