#include "report/json_reporter.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "report/utf8_text.h"
#include "report_test_support.h"

namespace keplint::testing {
namespace {

TEST(JsonReporterTest, ExactOutputInModelUnits) {
  Report report = sample_report();
  // KEP003 (anchor, docs), KEP020 (multi-line, raw details), KEP001 (whole file).
  report.findings = {report.findings[2], report.findings[3], report.findings[4]};
  EXPECT_EQ(render("json", report), R"({
  "version": "0.1.0",
  "findings": [
    {
      "rule": "KEP020",
      "name": "toc-up-to-date",
      "severity": "info",
      "path": "keps/sig-node/1234-foo/README.md",
      "range": {
        "start": {
          "line": 3,
          "column": 1
        },
        "end": {
          "line": 5,
          "column": 3
        }
      },
      "message": "table of contents is out of date",
      "proposal": "keps/sig-node/1234-foo",
      "docs": "",
      "raw_details": "- [Summary](#summary)\n"
    },
    {
      "rule": "KEP003",
      "name": "status-valid",
      "severity": "error",
      "path": "keps/sig-node/1234-foo/kep.yaml",
      "range": {
        "start": {
          "line": 2,
          "column": 9
        },
        "end": {
          "line": 2,
          "column": 19
        }
      },
      "message": "status 'imlpemented' is not one of: provisional, implemented",
      "proposal": "keps/sig-node/1234-foo",
      "docs": "https://kep-lint.example/rules/KEP003",
      "anchor": "status"
    },
    {
      "rule": "KEP001",
      "name": "file-exists",
      "severity": "error",
      "path": "keps/sig-node/5678-bar/kep.yaml",
      "range": {
        "start": {
          "line": 0,
          "column": 0
        },
        "end": {
          "line": 0,
          "column": 0
        }
      },
      "message": "kep.yaml is missing",
      "proposal": "keps/sig-node/5678-bar",
      "docs": ""
    }
  ],
  "summary": {
    "errors": 2,
    "warnings": 0,
    "infos": 1,
    "proposals": 3
  }
}
)");
}

TEST(JsonReporterTest, DocsFallBackToTheBaseUrl) {
  ReporterOptions options;
  options.docs_base_url = "https://kep-lint.example/rules/";
  auto j = nlohmann::json::parse(render("json", sample_report(), options));
  EXPECT_EQ(j["findings"][0]["docs"], "https://kep-lint.example/rules/KEP050");
  EXPECT_EQ(j["findings"][3]["docs"], "https://kep-lint.example/rules/KEP003");
}

TEST(JsonReporterTest, InvalidUtf8StaysValidJson) {
  auto source = make_source("keps/x/kep.yaml", "a: \xFF\n");
  Finding f = make_finding("KEP003", "r", Severity::Error, source, {{1, 4}, {1, 4}},
                           "bad \xFF\xC3 byte and \x1b escape");
  f.path = "keps/\xE9t\xE9/kep.yaml";  // Latin-1 file name
  f.raw_details = "\xED\xA0\x80";
  std::string out = render("json", single_finding_report(f));
  EXPECT_EQ(to_valid_utf8(out), out);
  auto j = nlohmann::json::parse(out);
  EXPECT_EQ(j["findings"][0]["message"], "bad \uFFFD\uFFFD byte and \x1b escape");
  EXPECT_EQ(j["findings"][0]["path"], "keps/\uFFFDt\uFFFD/kep.yaml");
  EXPECT_NE(out.find("\\u001b"), std::string::npos);  // controls are escaped, never raw
  EXPECT_EQ(out.find('\x1b'), std::string::npos);
}

TEST(JsonReporterTest, EmptyReport) {
  EXPECT_EQ(nlohmann::json::parse(render("json", Report{})),
            nlohmann::json::parse(R"({"version": "", "findings": [],
              "summary": {"errors": 0, "warnings": 0, "infos": 0, "proposals": 0}})"));
}

}  // namespace
}  // namespace keplint::testing
