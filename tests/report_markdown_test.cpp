#include "report/markdown_reporter.h"

#include <gtest/gtest.h>

#include "report/utf8_text.h"
#include "report_test_support.h"

namespace keplint::testing {
namespace {

TEST(MarkdownReporterTest, SampleReport) {
  ReporterOptions options;
  options.docs_base_url = "https://kep-lint.example/rules";
  EXPECT_EQ(render("markdown", sample_report(), options),
            "### kep-lint\n"
            "\n"
            "2 errors, 2 warnings, 1 info in 3 proposals\n"
            "\n"
            "| Severity | Rule | Location | Message |\n"
            "| --- | --- | --- | --- |\n"
            "| warning | [KEP050 prr-approver](https://kep-lint.example/rules/KEP050) | "
            "keps/prod-readiness/sig-node/1234.yaml:1:4 | no PRR approver |\n"
            "| warning | [KEP010 heading-case](https://kep-lint.example/rules/KEP010) | "
            "keps/sig-node/1234-foo/README.md:1:10 | heading 'feature' is not sentence case |\n"
            "| info | [KEP020 toc-up-to-date](https://kep-lint.example/rules/KEP020) | "
            "keps/sig-node/1234-foo/README.md:3:1 | table of contents is out of date |\n"
            "| error | [KEP003 status-valid](https://kep-lint.example/rules/KEP003) | "
            "keps/sig-node/1234-foo/kep.yaml:2:9 | status 'imlpemented' is not one of: "
            "provisional, implemented |\n"
            "| error | [KEP001 file-exists](https://kep-lint.example/rules/KEP001) | "
            "keps/sig-node/5678-bar/kep.yaml | kep.yaml is missing |\n");
}

TEST(MarkdownReporterTest, NoFindings) {
  Report report;
  report.proposals = {"keps/a", "keps/b"};
  EXPECT_EQ(render("markdown", report), "### kep-lint\n\nno findings in 2 proposals\n");
}

TEST(MarkdownReporterTest, CellsCannotBreakTheTable) {
  EXPECT_EQ(markdown_cell("a | b"), "a \\| b");
  EXPECT_EQ(markdown_cell("one\ntwo\r\nthree\rfour"), "one<br>two<br>three<br>four");
  EXPECT_EQ(markdown_cell("<img src=x onerror=alert(1)>"), "\\<img src=x onerror=alert(1)\\>");
  EXPECT_EQ(markdown_cell("[click](https://evil.example) ![i](x)"),
            "\\[click\\](https://evil.example) \\!\\[i\\](x)");
  EXPECT_EQ(markdown_cell("*a* _b_ `c` ~d~ $e$ &amp; \\ #"),
            "\\*a\\* \\_b\\_ \\`c\\` \\~d\\~ \\$e\\$ \\&amp; \\\\ \\#");
  EXPECT_EQ(markdown_cell("esc \x1b[1m bad \xFF"), "esc \uFFFD\\[1m bad \uFFFD");
}

TEST(MarkdownReporterTest, LinksOnlyForHttpUrlsAndEncoded) {
  auto source = make_source("keps/x/kep.yaml", "a: 1\n");
  Finding f = make_finding("KEP001", "r", Severity::Error, source, {{1, 1}, {1, 1}}, "m");
  f.docs_url = "javascript:alert(1)";
  std::string out = render("markdown", single_finding_report(f));
  EXPECT_NE(out.find("| error | KEP001 r | keps/x/kep.yaml:1:1 | m |\n"), std::string::npos) << out;
  f.docs_url = "https://x.example/a b)|c";
  out = render("markdown", single_finding_report(f));
  EXPECT_NE(out.find("| [KEP001 r](https://x.example/a%20b%29%7Cc) |"), std::string::npos) << out;
}

TEST(MarkdownReporterTest, StaysUnderTheSizeLimitWithANote) {
  Report report;
  auto source = make_source("keps/x/kep.yaml", "a: 1\n");
  for (int i = 0; i < 100; ++i) {
    report.findings.push_back(make_finding("KEP001", "r", Severity::Error, source, {{1, 1}, {1, 1}},
                                           std::string(100, 'm')));
  }
  ReporterOptions options;
  options.markdown_max_bytes = 4000;
  std::string out = render("markdown", report, options);
  EXPECT_LE(out.size(), 4000u);
  std::size_t rows = 0;
  for (std::size_t at = out.find("| error |"); at != std::string::npos;
       at = out.find("| error |", at + 1)) {
    ++rows;
  }
  EXPECT_GT(rows, 20u);
  EXPECT_NE(out.find("\n_" + std::to_string(100 - rows) +
                     " more findings not shown: the summary is limited to 4000 bytes. The job "
                     "log has every finding._\n"),
            std::string::npos)
      << out;
  options.markdown_max_bytes = 1024 * 1024;
  EXPECT_EQ(render("markdown", report, options).find("not shown"), std::string::npos);
}

TEST(MarkdownReporterTest, OneHugeMessageIsCut) {
  auto source = make_source("keps/x/kep.yaml", "a: 1\n");
  Finding f = make_finding("KEP001", "r", Severity::Error, source, {{1, 1}, {1, 1}},
                           std::string(2 * 1024 * 1024, 'm'));
  std::string out = render("markdown", single_finding_report(f));
  EXPECT_LT(out.size(), 5000u);
  EXPECT_NE(out.find("m… |\n"), std::string::npos);
}

}  // namespace
}  // namespace keplint::testing
