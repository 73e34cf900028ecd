#include "report/annotation_budget.h"

#include <algorithm>
#include <array>

#include "report/finding_view.h"

namespace keplint {

namespace {

// 0 error, 1 warning, 2 notice: the runner's three annotation levels.
std::size_t level_of(const Finding& f) {
  switch (annotation_severity(f)) {
    case Severity::Error:
      return 0;
    case Severity::Warning:
      return 1;
    default:
      return 2;
  }
}

}  // namespace

AnnotationPlan plan_annotations(const std::vector<Finding>& findings, int per_level) {
  std::vector<std::size_t> order(findings.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const Finding& x = findings[a];
    const Finding& y = findings[b];
    if (x.on_changed_line != y.on_changed_line) return x.on_changed_line;
    return annotation_severity(x) > annotation_severity(y);
  });

  auto limit = static_cast<std::size_t>(std::max(per_level, 0));
  std::array<std::size_t, 3> count{};
  for (const Finding& f : findings) ++count[level_of(f)];
  std::array<std::size_t, 3> budget{limit, limit, limit};
  // The overflow notice needs a notice slot whenever something does not fit, including when
  // notices fill all their slots and only that notice would overflow them.
  bool overflow = count[0] > limit || count[1] > limit || count[2] > limit;
  if (overflow && budget[2] > 0) --budget[2];

  AnnotationPlan plan;
  std::vector<bool> taken(findings.size(), false);
  for (std::size_t i : order) {
    std::size_t level = level_of(findings[i]);
    if (budget[level] == 0) continue;
    --budget[level];
    taken[i] = true;
    plan.annotated.push_back(i);
  }
  for (std::size_t i = 0; i < findings.size(); ++i) {
    if (!taken[i]) plan.rest.push_back(i);
  }
  return plan;
}

}  // namespace keplint
