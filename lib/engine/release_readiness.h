// Freeze readiness for `kep-lint report --release v1.NN`: every proposal that targets the
// release (the pack's `release: targets:`), ready when no error from a rule tagged `freeze`.
#pragma once

#include <string>
#include <vector>

#include "engine/finding.h"
#include "engine/run_context.h"

namespace keplint {

struct ReleaseEntry {
  std::string proposal;  // repo-relative path
  std::string key;       // e.g. the KEP number
  std::string title;
  std::string owning_sig;
  std::string stage;
  std::string status;
  bool ready = true;
  std::vector<std::string> reasons;  // "KEP063 prr-question-unanswered (3)", in rule order
};

// `report` must come from a whole-repo lint of `run` with the `release` variable set.
std::vector<ReleaseEntry> release_readiness(const RunContext& run, const Report& report,
                                            const std::string& tag = "freeze");

}  // namespace keplint
