// Freeze readiness for `kep-lint report --release v1.NN`: every proposal that targets the
// release (the pack's `release: targets:`), ready when no rule tagged `freeze` reports an error
// on it. The lint behind it names the targeted proposals, so every rule applies at the severity
// it has for a proposal a change touches, not its `whole-repo-severity`.
#pragma once

#include <string>
#include <vector>

#include "engine/finding.h"
#include "engine/run_context.h"

namespace keplint {

// One blocking finding, as the report shows it.
struct ReleaseProblem {
  std::string rule;  // "KEP063 prr-question-unanswered"
  std::string path;
  int line = 0;
  std::string message;
};

struct ReleaseEntry {
  std::string proposal;  // repo-relative path
  std::string key;       // e.g. the KEP number
  std::string title;
  std::string owning_sig;
  std::string stage;
  std::string status;
  bool ready = true;
  std::vector<std::string> reasons;      // "KEP063 prr-question-unanswered (3)", in rule order
  std::vector<ReleaseProblem> problems;  // every blocking finding, in report order
};

// The proposals among `proposals` that target the release in the run's `release` variable.
std::vector<std::string> release_targets(const RunContext& run,
                                         const std::vector<std::string>& proposals);

// The proposals among `all` that lie under one of `paths` (repo-relative; "" is the root), or
// that contain one of them. Sets `unmatched` to the paths that name no proposal.
std::vector<std::string> proposals_under(const std::vector<std::string>& all,
                                         const std::vector<std::string>& paths,
                                         std::vector<std::string>* unmatched);

// `report` must come from a lint of `run`, with the `release` variable set, that named the
// targeted proposals.
std::vector<ReleaseEntry> release_readiness(const RunContext& run, const Report& report,
                                            const std::string& tag = "freeze");

}  // namespace keplint
