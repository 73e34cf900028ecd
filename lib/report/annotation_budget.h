// GitHub shows at most 10 error, 10 warning and 10 notice annotations per step and drops the
// rest silently. kep-lint spends those slots on the findings that matter most and lists the
// rest in the log.
#pragma once

#include <cstddef>
#include <vector>

#include "engine/finding.h"

namespace keplint {

inline constexpr int kAnnotationsPerLevel = 10;

struct AnnotationPlan {
  std::vector<std::size_t> annotated;  // indices into the findings, most important first
  std::vector<std::size_t> rest;       // the others, in report order
  // One notice says how many findings are not annotated; it takes a notice slot itself.
  bool needs_overflow_notice() const { return !rest.empty(); }
};

// Ranks findings (on changed lines first, then by severity, then in report order) and takes at
// most `per_level` per annotation level (error, warning, notice), leaving a notice slot for the
// overflow notice when anything is left over.
AnnotationPlan plan_annotations(const std::vector<Finding>& findings,
                                int per_level = kAnnotationsPerLevel);

}  // namespace keplint
