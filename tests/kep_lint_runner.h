// Runs the kep-lint binary the way CI would: in `dir`, with exactly PATH, HOME (a test-owned
// directory), git's global and system config switched off, and the `env` given, so nothing
// leaks from the test's own environment (GITHUB_*, PROW_*, NO_COLOR, a developer's git config).
// Under `timeout -s KILL 60`, so a hang fails its test instead of blocking the suite.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "repo/process.h"

namespace keplint::testing {

using Env = std::map<std::string, std::string>;

inline ProcessResult run_kep_lint(const std::vector<std::string>& args,
                                  const std::filesystem::path& dir,
                                  const std::filesystem::path& home, const Env& env = {}) {
  std::vector<std::string> argv = {"timeout", "-s", "KILL", "60", "env", "-i"};
  const char* path = std::getenv("PATH");
  argv.push_back(std::string("PATH=") + (path ? path : "/usr/bin:/bin"));
  argv.push_back("HOME=" + home.string());
  argv.push_back("GIT_CONFIG_GLOBAL=/dev/null");
  argv.push_back("GIT_CONFIG_NOSYSTEM=1");
  for (const auto& [name, value] : env) argv.push_back(name + "=" + value);
  argv.push_back(KEP_LINT_BINARY);
  argv.insert(argv.end(), args.begin(), args.end());
  ProcessOptions options;
  options.working_dir = dir;
  return run_process(argv, options);
}

}  // namespace keplint::testing
