#include "report/sarif_reporter.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>

#include "report/utf8_text.h"
#include "report_test_support.h"

namespace keplint::testing {
namespace {

// ci/validate-sarif.sh sets this to check every document these tests make against the schema.
std::string render_sarif(const Report& report, const ReporterOptions& options,
                         const std::string& name) {
  std::string out = render("sarif", report, options);
  if (const char* dir = std::getenv("KEP_LINT_SARIF_DUMP_DIR")) {
    std::ofstream(std::string(dir) + "/" + name + ".sarif") << out;
  }
  return out;
}

ReporterOptions sarif_options() {
  ReporterOptions options;
  options.docs_base_url = "https://kep-lint.example/rules";
  options.tool_url = "https://kep-lint.example";
  return options;
}

TEST(SarifReporterTest, ExactOutput) {
  Report report = sample_report();
  report.rules = {report.rules[1], report.rules[2]};           // KEP003, KEP010
  report.findings = {report.findings[1], report.findings[4]};  // KEP010 on README, KEP001 file
  EXPECT_EQ(render_sarif(report, sarif_options(), "exact"), R"json({
  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
  "version": "2.1.0",
  "runs": [
    {
      "tool": {
        "driver": {
          "name": "kep-lint",
          "version": "0.1.0",
          "informationUri": "https://kep-lint.example",
          "rules": [
            {
              "id": "KEP001",
              "name": "file-exists",
              "shortDescription": {
                "text": "file-exists"
              },
              "fullDescription": {
                "text": "file-exists"
              },
              "help": {
                "text": "file-exists\n\nDocumentation: https://kep-lint.example/rules/KEP001",
                "markdown": "file-exists\n\n[Rule documentation](https://kep-lint.example/rules/KEP001)"
              },
              "helpUri": "https://kep-lint.example/rules/KEP001",
              "defaultConfiguration": {
                "level": "error"
              }
            },
            {
              "id": "KEP003",
              "name": "status-valid",
              "shortDescription": {
                "text": "status is one of the allowed values."
              },
              "fullDescription": {
                "text": "status is one of the allowed values.\nSee the KEP process."
              },
              "help": {
                "text": "status is one of the allowed values.\nSee the KEP process.\n\nDocumentation: https://kep-lint.example/rules/KEP003",
                "markdown": "status is one of the allowed values.\nSee the KEP process.\n\n[Rule documentation](https://kep-lint.example/rules/KEP003)"
              },
              "helpUri": "https://kep-lint.example/rules/KEP003",
              "defaultConfiguration": {
                "level": "error"
              }
            },
            {
              "id": "KEP010",
              "name": "heading-case",
              "shortDescription": {
                "text": "Headings use sentence case."
              },
              "fullDescription": {
                "text": "Headings use sentence case."
              },
              "help": {
                "text": "Headings use sentence case.\n\nDocumentation: https://kep-lint.example/rules/KEP010",
                "markdown": "Headings use sentence case.\n\n[Rule documentation](https://kep-lint.example/rules/KEP010)"
              },
              "helpUri": "https://kep-lint.example/rules/KEP010",
              "defaultConfiguration": {
                "level": "warning"
              }
            }
          ]
        }
      },
      "columnKind": "utf16CodeUnits",
      "results": [
        {
          "ruleId": "KEP010",
          "ruleIndex": 2,
          "level": "warning",
          "message": {
            "text": "heading 'feature' is not sentence case"
          },
          "locations": [
            {
              "physicalLocation": {
                "artifactLocation": {
                  "uri": "keps/sig-node/1234-foo/README.md",
                  "uriBaseId": "%SRCROOT%"
                },
                "region": {
                  "startLine": 1,
                  "startColumn": 11,
                  "endLine": 1,
                  "endColumn": 18
                }
              },
              "logicalLocations": [
                {
                  "fullyQualifiedName": "Über 🚀 feature"
                }
              ]
            }
          ],
          "partialFingerprints": {
            "kepLintFindingHash/v1": "161ce1928e650db2:1"
          }
        },
        {
          "ruleId": "KEP001",
          "ruleIndex": 0,
          "level": "error",
          "message": {
            "text": "kep.yaml is missing"
          },
          "locations": [
            {
              "physicalLocation": {
                "artifactLocation": {
                  "uri": "keps/sig-node/5678-bar/kep.yaml",
                  "uriBaseId": "%SRCROOT%"
                },
                "region": {
                  "startLine": 1
                }
              }
            }
          ],
          "partialFingerprints": {
            "kepLintFindingHash/v1": "ea1ccf6e9b2ab44b:1"
          }
        }
      ]
    }
  ]
}
)json");
}

TEST(SarifReporterTest, SampleReportLevelsAndRuleIndexes) {
  auto j = nlohmann::json::parse(render_sarif(sample_report(), sarif_options(), "sample"));
  const auto& run = j["runs"][0];
  const auto& rules = run["tool"]["driver"]["rules"];
  ASSERT_EQ(rules.size(), 5u);  // four active rules plus KEP050, named only by a finding
  for (const auto& result : run["results"]) {
    EXPECT_EQ(rules[result["ruleIndex"].get<int>()]["id"], result["ruleId"]);
  }
  EXPECT_EQ(run["results"][2]["level"], "note");  // info
  EXPECT_EQ(rules[3]["defaultConfiguration"]["level"], "note");
  // Multi-line: columns kept, end exclusive.
  EXPECT_EQ(
      run["results"][2]["locations"][0]["physicalLocation"]["region"],
      nlohmann::json::parse(R"({"startLine": 3, "startColumn": 1, "endLine": 5, "endColumn": 4})"));
}

TEST(SarifReporterTest, ColumnsAreUtf16UnitsWithExclusiveEnd) {
  auto source = make_source("keps/x/README.md", "🚀é🚀 x\n");
  // The second 🚀: bytes 7..10; UTF-16 units: 🚀 = 2, é = 1, so it starts at 4 and ends before 6.
  Finding f = make_finding("KEP010", "h", Severity::Warning, source, {{1, 7}, {1, 7}}, "m");
  auto j = nlohmann::json::parse(render_sarif(single_finding_report(f), {}, "utf16"));
  EXPECT_EQ(
      j["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"],
      nlohmann::json::parse(R"({"startLine": 1, "startColumn": 4, "endLine": 1, "endColumn": 6})"));
}

TEST(SarifReporterTest, UrisArePercentEncoded) {
  EXPECT_EQ(sarif_uri("keps/sig-node/1234-foo/kep.yaml"), "keps/sig-node/1234-foo/kep.yaml");
  EXPECT_EQ(sarif_uri("keps/a b/c:d%e#f?.md"), "keps/a%20b/c%3Ad%25e%23f%3F.md");
  EXPECT_EQ(sarif_uri("keps/über.md"), "keps/%C3%BCber.md");
}

TEST(SarifReporterTest, FingerprintsSurviveLineShiftsButNotOtherChanges) {
  Report report = sample_report();
  Finding status = report.findings[3];
  Finding shifted = status;
  shifted.range = {{12, 3}, {12, 13}};
  EXPECT_EQ(finding_fingerprint(status), finding_fingerprint(shifted));
  Finding reworded = status;
  reworded.message = "another message";  // the anchor identifies it, not the message
  EXPECT_EQ(finding_fingerprint(status), finding_fingerprint(reworded));
  Finding other_key = status;
  other_key.anchor = "owning-sig";
  EXPECT_NE(finding_fingerprint(status), finding_fingerprint(other_key));
  Finding other_rule = status;
  other_rule.rule_id = "KEP004";
  EXPECT_NE(finding_fingerprint(status), finding_fingerprint(other_rule));
  Finding no_anchor = report.findings[4];  // keyed by message
  Finding no_anchor_reworded = no_anchor;
  no_anchor_reworded.message = "kep.yaml is gone";
  EXPECT_NE(finding_fingerprint(no_anchor), finding_fingerprint(no_anchor_reworded));
  EXPECT_EQ(finding_fingerprint(no_anchor).size(), 16u);
}

TEST(SarifReporterTest, RepeatedFingerprintsAreNumbered) {
  auto source = make_source("keps/x/kep.yaml", "a: 1\nb: 1\n");
  Finding first = make_finding("KEP007", "dup", Severity::Error, source, {{1, 1}, {1, 1}}, "same");
  Finding second = first;
  second.range = {{2, 1}, {2, 1}};
  Report report = single_finding_report(first);
  report.findings.push_back(second);
  auto results = nlohmann::json::parse(render_sarif(report, {}, "repeated"))["runs"][0]["results"];
  std::string a = results[0]["partialFingerprints"]["kepLintFindingHash/v1"];
  std::string b = results[1]["partialFingerprints"]["kepLintFindingHash/v1"];
  EXPECT_EQ(a, finding_fingerprint(first) + ":1");
  EXPECT_EQ(b, finding_fingerprint(first) + ":2");
}

TEST(SarifReporterTest, InvalidUtf8StaysValidJson) {
  auto source = make_source("keps/\xFF/kep.yaml", "a: \xFF\n");
  Finding f = make_finding("KEP003", "r\xFF", Severity::Error, source, {{1, 4}, {1, 4}},
                           "bad \xFF byte \x1b");
  f.anchor = "\xC3";
  Report report = single_finding_report(f);
  report.rules = {{"KEP003", "r", Severity::Error, "desc \xFF", ""}};
  std::string out = render_sarif(report, {}, "invalid-utf8");
  EXPECT_EQ(to_valid_utf8(out), out);
  auto j = nlohmann::json::parse(out);
  EXPECT_EQ(j["runs"][0]["results"][0]["message"]["text"], "bad \uFFFD byte \x1b");
  EXPECT_EQ(
      j["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
      "keps/%FF/kep.yaml");
}

TEST(SarifReporterTest, NoFindingsStillListsRules) {
  Report report = sample_report();
  report.findings.clear();
  auto j = nlohmann::json::parse(render_sarif(report, sarif_options(), "empty"));
  EXPECT_EQ(j["runs"][0]["results"], nlohmann::json::array());
  EXPECT_EQ(j["runs"][0]["tool"]["driver"]["rules"].size(), 4u);
}

}  // namespace
}  // namespace keplint::testing
