#include "report/annotation_budget.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>

#include "report_test_support.h"

namespace keplint::testing {
namespace {

using ::testing::ElementsAre;

// `n` findings of one severity on consecutive lines of one file, in report order.
void add_findings(std::vector<Finding>& out, Severity severity, int n, const std::string& path) {
  auto source = make_source(path, std::string(static_cast<std::size_t>(n), '\n'));
  for (int i = 1; i <= n; ++i) {
    out.push_back(make_finding("R" + std::to_string(static_cast<int>(severity)), "r", severity,
                               source, {{i, 1}, {i, 1}}, "m" + std::to_string(i)));
  }
}

std::map<Severity, int> annotated_per_severity(const std::vector<Finding>& findings,
                                               const AnnotationPlan& plan) {
  std::map<Severity, int> count;
  for (std::size_t i : plan.annotated) ++count[findings[i].severity];
  return count;
}

TEST(AnnotationBudgetTest, AtMostTenPerLevelAndTheOverflowNoticeTakesANoticeSlot) {
  std::vector<Finding> findings;
  add_findings(findings, Severity::Error, 12, "a.yaml");
  add_findings(findings, Severity::Warning, 11, "b.yaml");
  add_findings(findings, Severity::Info, 15, "c.yaml");
  AnnotationPlan plan = plan_annotations(findings);
  auto count = annotated_per_severity(findings, plan);
  EXPECT_EQ(count[Severity::Error], 10);
  EXPECT_EQ(count[Severity::Warning], 10);
  EXPECT_EQ(count[Severity::Info], 9);  // the tenth notice says what was left out
  EXPECT_TRUE(plan.needs_overflow_notice());
  EXPECT_EQ(plan.rest.size(), 2u + 1u + 6u);
  // The rest stays in report order; annotated and rest together are every finding once.
  EXPECT_TRUE(std::is_sorted(plan.rest.begin(), plan.rest.end()));
  std::vector<std::size_t> all = plan.annotated;
  all.insert(all.end(), plan.rest.begin(), plan.rest.end());
  std::sort(all.begin(), all.end());
  for (std::size_t i = 0; i < all.size(); ++i) EXPECT_EQ(all[i], i);
  // Within a level, report order decides: the first ten errors.
  EXPECT_EQ(plan.rest[0], 10u);
  EXPECT_EQ(plan.rest[1], 11u);
}

TEST(AnnotationBudgetTest, ExactlyTenNoticesFitWhenNothingElseOverflows) {
  std::vector<Finding> findings;
  add_findings(findings, Severity::Info, 10, "c.yaml");
  add_findings(findings, Severity::Error, 10, "a.yaml");
  AnnotationPlan plan = plan_annotations(findings);
  EXPECT_EQ(plan.annotated.size(), 20u);
  EXPECT_FALSE(plan.needs_overflow_notice());

  // One error too many: the notice needs a slot, so one notice finding moves to the log too.
  add_findings(findings, Severity::Error, 1, "z.yaml");
  plan = plan_annotations(findings);
  auto count = annotated_per_severity(findings, plan);
  EXPECT_EQ(count[Severity::Error], 10);
  EXPECT_EQ(count[Severity::Info], 9);
  EXPECT_EQ(plan.rest.size(), 2u);
}

TEST(AnnotationBudgetTest, FindingsOnChangedLinesWinTheirLevelsSlots) {
  std::vector<Finding> findings;
  add_findings(findings, Severity::Error, 14, "a.yaml");
  add_findings(findings, Severity::Warning, 3, "b.yaml");
  for (std::size_t i : {11u, 12u, 13u, 16u}) findings[i].on_changed_line = true;
  AnnotationPlan plan = plan_annotations(findings);
  // Ranked: changed lines first (errors before warnings), then severity, then report order.
  ASSERT_EQ(plan.annotated.size(), 13u);
  EXPECT_THAT(std::vector<std::size_t>(plan.annotated.begin(), plan.annotated.begin() + 6),
              ElementsAre(11u, 12u, 13u, 16u, 0u, 1u));
  EXPECT_EQ(plan.annotated[11], 14u);  // the warnings not on changed lines come last
  EXPECT_THAT(plan.rest, ElementsAre(7u, 8u, 9u, 10u));
}

TEST(AnnotationBudgetTest, NothingToRank) {
  AnnotationPlan plan = plan_annotations({});
  EXPECT_TRUE(plan.annotated.empty());
  EXPECT_FALSE(plan.needs_overflow_notice());
}

}  // namespace
}  // namespace keplint::testing
