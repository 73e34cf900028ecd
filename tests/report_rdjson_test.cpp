#include "report/rdjson_reporter.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "report/utf8_text.h"
#include "report_test_support.h"

namespace keplint::testing {
namespace {

TEST(RdjsonReporterTest, ExactOutput) {
  Report report = sample_report();
  // KEP010: UTF-8 byte columns; KEP020: multi-line; KEP001: whole file.
  report.findings = {report.findings[1], report.findings[2], report.findings[4]};
  ReporterOptions options;
  options.tool_url = "https://kep-lint.example";
  EXPECT_EQ(render("rdjson", report, options), R"json({
  "source": {
    "name": "kep-lint",
    "url": "https://kep-lint.example"
  },
  "severity": "ERROR",
  "diagnostics": [
    {
      "message": "heading 'feature' is not sentence case",
      "location": {
        "path": "keps/sig-node/1234-foo/README.md",
        "range": {
          "start": {
            "line": 1,
            "column": 14
          },
          "end": {
            "line": 1,
            "column": 21
          }
        }
      },
      "severity": "WARNING",
      "code": {
        "value": "KEP010"
      }
    },
    {
      "message": "table of contents is out of date",
      "location": {
        "path": "keps/sig-node/1234-foo/README.md",
        "range": {
          "start": {
            "line": 3,
            "column": 1
          },
          "end": {
            "line": 5,
            "column": 4
          }
        }
      },
      "severity": "INFO",
      "code": {
        "value": "KEP020"
      }
    },
    {
      "message": "kep.yaml is missing",
      "location": {
        "path": "keps/sig-node/5678-bar/kep.yaml"
      },
      "severity": "ERROR",
      "code": {
        "value": "KEP001"
      }
    }
  ]
}
)json");
}

TEST(RdjsonReporterTest, ByteColumnsEndExclusiveAfterAMultiByteCharacter) {
  auto source = make_source("keps/x/README.md", "a𐐀b\n");
  // reviewdog's own example: 𐐀 starts at column 2 and b at 6; the range "𐐀" ends before 6.
  Finding f = make_finding("KEP010", "h", Severity::Warning, source, {{1, 2}, {1, 2}}, "m");
  ReporterOptions options;
  options.docs_base_url = "https://kep-lint.example/rules";
  auto j = nlohmann::json::parse(render("rdjson", single_finding_report(f), options));
  EXPECT_EQ(j["diagnostics"][0]["location"]["range"],
            nlohmann::json::parse(R"({"start": {"line": 1, "column": 2},
                                      "end": {"line": 1, "column": 6}})"));
  EXPECT_EQ(j["diagnostics"][0]["code"]["url"], "https://kep-lint.example/rules/KEP010");
  EXPECT_EQ(j["severity"], "WARNING");
}

TEST(RdjsonReporterTest, LineWithoutColumnsIsLinewise) {
  auto source = make_source("keps/x/kep.yaml", "a: 1\n");
  Finding f = make_finding("KEP005", "r", Severity::Info, source, {{1, 0}, {1, 0}}, "m");
  auto j = nlohmann::json::parse(render("rdjson", single_finding_report(f)));
  EXPECT_EQ(j["diagnostics"][0]["location"]["range"],
            nlohmann::json::parse(R"({"start": {"line": 1}, "end": {"line": 1}})"));
}

TEST(RdjsonReporterTest, EmptyAndInvalidUtf8) {
  EXPECT_EQ(nlohmann::json::parse(render("rdjson", Report{})),
            nlohmann::json::parse(R"({"source": {"name": "kep-lint"}, "diagnostics": []})"));
  auto source = make_source("keps/x/kep.yaml", "a: 1\n");
  Finding f = make_finding("KEP005", "r", Severity::Error, source, {{1, 1}, {1, 1}}, "\xFF\x1b");
  std::string out = render("rdjson", single_finding_report(f));
  EXPECT_EQ(to_valid_utf8(out), out);
  EXPECT_EQ(nlohmann::json::parse(out)["diagnostics"][0]["message"], "\uFFFD\x1b");
}

}  // namespace
}  // namespace keplint::testing
