// The release being planned, for rules that compare milestones with it ({planned-release}).
// `--release` names it; without it kep-lint guesses offline from the repository: the highest
// version any proposal names in the pack's `release: derive-from:` field (latest-milestone).
// Upstream asks GitHub for kubernetes/sig-release's newest release-X.Y directory, which is
// created when a cycle starts, as are the first KEPs that name that cycle's milestone.
#pragma once

#include <optional>
#include <string>

#include "repo/layout.h"
#include "repo/repository.h"

namespace keplint {

struct PlannedRelease {
  std::string version;  // "v1.37"; empty when nothing names one
  std::string note;     // which release was assumed and why, for stderr
};

// Scans the primary document of every proposal for a top-level `field: vX.Y` line (a text scan:
// no YAML parse, so it costs one read per proposal).
PlannedRelease derive_planned_release(const Repository& repo, const Layout& layout,
                                      const std::string& field);

}  // namespace keplint
