#include "report/output_plan.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "git_fixture.h"
#include "report_test_support.h"

namespace keplint::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::StartsWith;

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

CiEnvironment github(const std::string& summary) {
  return detect_ci_environment(
      environment_from_map({{"GITHUB_ACTIONS", "true"}, {"GITHUB_STEP_SUMMARY", summary}}));
}

CiEnvironment prow(const std::string& artifacts) {
  return detect_ci_environment(environment_from_map(
      {{"PROW_JOB_ID", "1"}, {"JOB_TYPE", "presubmit"}, {"ARTIFACTS", artifacts}}));
}

OutputRequest request(std::vector<std::string> formats, std::string output = "",
                      bool ci_outputs = true) {
  OutputRequest r;
  r.formats = std::move(formats);
  r.output = std::move(output);
  r.ci_outputs = ci_outputs;
  return r;
}

std::vector<std::string> describe(const OutputPlan& plan) {
  std::vector<std::string> out;
  for (const OutputSpec& s : plan.outputs) {
    out.push_back(s.format + (s.path.empty() ? "" : ":" + s.path) + (s.append ? " append" : "") +
                  (s.automatic ? " auto" : ""));
  }
  return out;
}

TEST(OutputPlanTest, LocalIsTextOnStdout) {
  OutputPlan plan = plan_outputs(request({}), detect_ci_environment(environment_from_map({})));
  EXPECT_THAT(describe(plan), ElementsAre("text"));
  EXPECT_THAT(plan.notes, IsEmpty());
}

TEST(OutputPlanTest, GithubAddsTheStepSummary) {
  EXPECT_THAT(describe(plan_outputs(request({}), github("/s/summary.md"))),
              ElementsAre("github", "markdown:/s/summary.md append auto"));
  // Explicit formats replace the stdout default; the summary is still added.
  EXPECT_THAT(describe(plan_outputs(request({"text", "sarif:out.sarif"}), github("/s/summary.md"))),
              ElementsAre("text", "sarif:out.sarif", "markdown:/s/summary.md append auto"));
  // Asking for it explicitly writes it once, appended.
  EXPECT_THAT(describe(plan_outputs(request({"github", "markdown:/s/../s/summary.md"}),
                                    github("/s/summary.md"))),
              ElementsAre("github", "markdown:/s/../s/summary.md append"));
  // --no-ci-outputs: nothing automatic, but an explicit summary is still appended.
  EXPECT_THAT(describe(plan_outputs(request({}, "", false), github("/s/summary.md"))),
              ElementsAre("github"));
  EXPECT_THAT(describe(plan_outputs(request({"markdown:/s/summary.md"}, "", false),
                                    github("/s/summary.md"))),
              ElementsAre("markdown:/s/summary.md append"));
  // Forced to GitHub without a summary file: said on stderr.
  OutputPlan plan = plan_outputs(request({}), github(""));
  EXPECT_THAT(describe(plan), ElementsAre("github"));
  EXPECT_THAT(plan.notes, ElementsAre(HasSubstr("$GITHUB_STEP_SUMMARY is not set")));
}

TEST(OutputPlanTest, ProwAddsJunitInArtifacts) {
  EXPECT_THAT(describe(plan_outputs(request({}), prow("/logs/artifacts"))),
              ElementsAre("text", "junit:/logs/artifacts/junit_kep-lint.xml auto"));
  EXPECT_THAT(describe(plan_outputs(request({"junit:/logs/artifacts/junit_kep-lint.xml"}),
                                    prow("/logs/artifacts"))),
              ElementsAre("junit:/logs/artifacts/junit_kep-lint.xml"));
  EXPECT_THAT(describe(plan_outputs(request({}, "", false), prow("/logs/artifacts"))),
              ElementsAre("text"));
  OutputPlan plan = plan_outputs(request({}), prow(""));
  EXPECT_THAT(describe(plan), ElementsAre("text"));
  EXPECT_THAT(plan.notes, ElementsAre(HasSubstr("$ARTIFACTS is not set")));
}

TEST(OutputPlanTest, UsageErrors) {
  CiEnvironment local = detect_ci_environment(environment_from_map({}));
  EXPECT_THROW(plan_outputs(request({"xml"}), local), std::invalid_argument);
  EXPECT_THROW(plan_outputs(request({"json", "text"}, "out"), local), std::invalid_argument);
  EXPECT_THROW(plan_outputs(request({"json:a"}, "out"), local), std::invalid_argument);
  EXPECT_THAT(describe(plan_outputs(request({"json"}, "out"), local)), ElementsAre("json:out"));
}

class WriteOutputTest : public ::testing::Test {
 protected:
  TempDir tmp_;
};

TEST_F(WriteOutputTest, StepSummaryIsAppendedNotOverwritten) {
  fs::path summary = tmp_.path() / "summary.md";
  write_file(summary, "## Earlier step output\n");
  OutputSpec spec{"markdown", summary.string(), true, true};
  EXPECT_EQ(write_output(spec, sample_report(), {}, std::cout), std::nullopt);
  std::string once = read_text(summary);
  EXPECT_THAT(once, StartsWith("## Earlier step output\n\n### kep-lint\n"));
  EXPECT_THAT(once, HasSubstr("| error | [KEP003 status-valid]"));
  write_output(spec, sample_report(), {}, std::cout);
  std::string twice = read_text(summary);
  EXPECT_EQ(twice.size(), once.size() + (once.size() - 23));  // the table again, after "\n"
  EXPECT_THAT(twice, StartsWith(once));
}

TEST_F(WriteOutputTest, StepSummaryStaysWithinOneMebibyte) {
  Report report;
  auto source = make_source("keps/x/kep.yaml", "a: 1\n");
  for (int i = 0; i < 500; ++i) {
    report.findings.push_back(make_finding("KEP001", "r", Severity::Error, source, {{1, 1}, {1, 1}},
                                           std::string(200, 'm')));
  }
  fs::path summary = tmp_.path() / "summary.md";
  std::string earlier(kStepSummaryMaxBytes - 50'000, 'e');
  write_file(summary, earlier);
  OutputSpec spec{"markdown", summary.string(), true, true};
  EXPECT_EQ(write_output(spec, report, {}, std::cout), std::nullopt);
  std::string text = read_text(summary);
  EXPECT_LE(text.size(), kStepSummaryMaxBytes);
  EXPECT_GT(text.size(), kStepSummaryMaxBytes - 1000);  // most of what was left is used
  EXPECT_THAT(text, StartsWith(earlier + "\n### kep-lint\n"));
  EXPECT_THAT(text, HasSubstr("more findings not shown"));

  // Nearly full: nothing is added, and the caller is told why.
  write_file(summary, std::string(kStepSummaryMaxBytes - 100, 'e'));
  std::optional<std::string> note = write_output(spec, report, {}, std::cout);
  ASSERT_TRUE(note.has_value());
  EXPECT_THAT(*note, HasSubstr("1 MiB"));
  EXPECT_EQ(fs::file_size(summary), kStepSummaryMaxBytes - 100);
}

TEST_F(WriteOutputTest, AutomaticOutputsCreateTheirDirectory) {
  fs::path junit = tmp_.path() / "artifacts" / "nested" / "junit_kep-lint.xml";
  OutputSpec spec{"junit", junit.string(), false, true};
  write_output(spec, sample_report(), {}, std::cout);
  EXPECT_THAT(read_text(junit), StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"));
  // Explicit paths are the user's: a missing directory is an error.
  OutputSpec explicit_spec{"junit", (tmp_.path() / "no" / "x.xml").string(), false, false};
  EXPECT_THROW(write_output(explicit_spec, sample_report(), {}, std::cout), std::runtime_error);
}

TEST_F(WriteOutputTest, StdoutWhenThereIsNoPath) {
  std::ostringstream out;
  write_output({"json", "", false, false}, sample_report(), {}, out);
  EXPECT_THAT(out.str(), StartsWith("{\n"));
}

}  // namespace
}  // namespace keplint::testing
