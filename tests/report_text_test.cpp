#include "report/text_reporter.h"

#include <gtest/gtest.h>

#include "report_test_support.h"

namespace keplint::testing {
namespace {

ReporterOptions docs_options() {
  ReporterOptions options;
  options.docs_base_url = "https://kep-lint.example/rules";
  return options;
}

TEST(TextReporterTest, SampleReport) {
  EXPECT_EQ(render("text", sample_report(), docs_options()),
            "keps/prod-readiness/sig-node/1234.yaml:1:4: warning[KEP050] no PRR approver\n"
            "  = help: https://kep-lint.example/rules/KEP050\n"
            "keps/sig-node/1234-foo/README.md:1:10: warning[KEP010] heading 'feature' is not "
            "sentence case\n"
            " 1 | # Über 🚀 feature\n"
            "   |           ^~~~~~~\n"  // 🚀 takes two terminal columns
            "   = help: https://kep-lint.example/rules/KEP010\n"
            "keps/sig-node/1234-foo/README.md:3:1: info[KEP020] table of contents is out of date\n"
            " 3 | ## Summary\n"
            "   | ^\n"  // multi-line ranges: a caret at the start only
            "   = help: https://kep-lint.example/rules/KEP020\n"
            "keps/sig-node/1234-foo/kep.yaml:2:9: error[KEP003] status 'imlpemented' is not one "
            "of: provisional, implemented\n"
            " 2 | status: imlpemented\n"
            "   |         ^~~~~~~~~~~\n"
            "   = help: https://kep-lint.example/rules/KEP003\n"
            "keps/sig-node/5678-bar/kep.yaml: error[KEP001] kep.yaml is missing\n"
            "  = help: https://kep-lint.example/rules/KEP001\n"
            "\n"
            "2 errors, 2 warnings, 1 info in 3 proposals\n");
}

TEST(TextReporterTest, NoHelpLineWithoutDocs) {
  Report report = sample_report();
  report.findings.resize(1);
  EXPECT_EQ(render("text", report),
            "keps/prod-readiness/sig-node/1234.yaml:1:4: warning[KEP050] no PRR approver\n"
            "\n"
            "1 warning in 3 proposals\n");
}

TEST(TextReporterTest, Summaries) {
  Report empty;
  empty.proposals = {"keps/sig-node/1-a"};
  EXPECT_EQ(render("text", empty), "no findings in 1 proposal\n");
  empty.proposals.clear();
  EXPECT_EQ(render("text", empty), "no findings in 0 proposals\n");
}

TEST(TextReporterTest, ColorOnlyWhenAsked) {
  Report report = sample_report();
  report.findings = {report.findings[3]};  // KEP003 on kep.yaml
  ReporterOptions options = docs_options();
  options.color = true;
  EXPECT_EQ(render("text", report, options),
            "\x1b[1mkeps/sig-node/1234-foo/kep.yaml:2:9:\x1b[0m \x1b[1;31merror[KEP003]\x1b[0m "
            "status 'imlpemented' is not one of: provisional, implemented\n"
            "\x1b[1;34m 2 |\x1b[0m status: imlpemented\n"
            "\x1b[1;34m   |\x1b[0m \x1b[1;32m        ^~~~~~~~~~~\x1b[0m\n"
            "   \x1b[1;34m=\x1b[0m \x1b[1mhelp:\x1b[0m https://kep-lint.example/rules/KEP003\n"
            "\n"
            "\x1b[1m1 error in 3 proposals\x1b[0m\n");
  EXPECT_EQ(render("text", report).find('\x1b'), std::string::npos);
}

TEST(TextReporterTest, RepoTextCannotDriveTheTerminal) {
  auto source = make_source("keps/x/kep.yaml", "title: \x1b]0;owned\x07\tok\rstill line 1\n");
  Finding f = make_finding("KEP002", "title", Severity::Error, source, {{1, 19}, {1, 20}},
                           "bad title \x1b[2J\r\nfake: error[KEP000] \xC2\x9B\xFF");
  f.path = "keps/x/\x1b[8m.yaml";
  std::string out = render("text", single_finding_report(f));
  EXPECT_EQ(out,
            "keps/x/\\x1b[8m.yaml:1:19: error[KEP002] bad title \\x1b[2J\\r\\nfake: error[KEP000] "
            "\\u{009b}\\xff\n"
            " 1 | title: \\x1b]0;owned\\x07\tok\\rstill line 1\n"
            "   | " +
                std::string(23, ' ') + "\t^~\n" +  // escapes are as wide as shown
                "\n"
                "1 error in 0 proposals\n");
  for (char c : out) {
    auto u = static_cast<unsigned char>(c);
    EXPECT_TRUE(u >= 0x20 || c == '\n' || c == '\t') << "raw control " << int(u);
  }
}

TEST(TextReporterTest, CaretsCountCharactersNotBytes) {
  auto source = make_source("keps/x/README.md", "# 漢字 title\n");
  // "title" is at bytes 10..14, characters 6..10; 漢字 take two terminal columns each.
  Finding f = make_finding("KEP010", "heading", Severity::Warning, source, {{1, 10}, {1, 14}}, "m");
  EXPECT_EQ(render("text", single_finding_report(f)),
            "keps/x/README.md:1:6: warning[KEP010] m\n"
            " 1 | # 漢字 title\n"
            "   |        ^~~~~\n"
            "\n"
            "1 warning in 0 proposals\n");
}

TEST(TextReporterTest, RangePastTheEndOfTheLine) {
  auto source = make_source("keps/x/kep.yaml", "status:\n");
  Finding f = make_finding("KEP004", "value", Severity::Error, source, {{1, 8}, {1, 9}}, "empty");
  EXPECT_EQ(render("text", single_finding_report(f)),
            "keps/x/kep.yaml:1:8: error[KEP004] empty\n"
            " 1 | status:\n"
            "   |        ^~\n"
            "\n"
            "1 error in 0 proposals\n");
}

TEST(TextReporterTest, LineWithoutColumnAndLineBeyondTheFile) {
  auto source = make_source("keps/x/kep.yaml", "a: 1\n");
  Finding no_column =
      make_finding("KEP005", "r", Severity::Info, source, Range{{1, 0}, {1, 0}}, "m");
  Finding beyond = make_finding("KEP005", "r", Severity::Info, source, Range::line(40), "n");
  Report report = single_finding_report(no_column);
  report.findings.push_back(beyond);
  EXPECT_EQ(render("text", report),
            "keps/x/kep.yaml:1: info[KEP005] m\n"
            " 1 | a: 1\n"
            "keps/x/kep.yaml:40:1: info[KEP005] n\n"
            "\n"
            "2 infos in 0 proposals\n");
}

}  // namespace
}  // namespace keplint::testing
