#include "report/annotations_reporter.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "report/utf8_text.h"
#include "report_test_support.h"

namespace keplint::testing {
namespace {

TEST(AnnotationsReporterTest, SampleReport) {
  EXPECT_EQ(render("annotations", sample_report()), R"([
  {
    "path": "keps/prod-readiness/sig-node/1234.yaml",
    "start_line": 1,
    "end_line": 1,
    "start_column": 4,
    "end_column": 6,
    "annotation_level": "warning",
    "title": "KEP050 prr-approver",
    "message": "no PRR approver"
  },
  {
    "path": "keps/sig-node/1234-foo/README.md",
    "start_line": 1,
    "end_line": 1,
    "start_column": 10,
    "end_column": 16,
    "annotation_level": "warning",
    "title": "KEP010 heading-case",
    "message": "heading 'feature' is not sentence case"
  },
  {
    "path": "keps/sig-node/1234-foo/README.md",
    "start_line": 3,
    "end_line": 5,
    "annotation_level": "notice",
    "title": "KEP020 toc-up-to-date",
    "message": "table of contents is out of date",
    "raw_details": "- [Summary](#summary)\n"
  },
  {
    "path": "keps/sig-node/1234-foo/kep.yaml",
    "start_line": 2,
    "end_line": 2,
    "start_column": 9,
    "end_column": 19,
    "annotation_level": "failure",
    "title": "KEP003 status-valid",
    "message": "status 'imlpemented' is not one of: provisional, implemented"
  },
  {
    "path": "keps/sig-node/5678-bar/kep.yaml",
    "start_line": 1,
    "end_line": 1,
    "annotation_level": "failure",
    "title": "KEP001 file-exists",
    "message": "kep.yaml is missing"
  }
]
)");
}

TEST(AnnotationsReporterTest, RespectsTheApiLimits) {
  auto source = make_source("keps/x/kep.yaml", "a: b\n");
  std::string huge;
  for (int i = 0; i < 40000; ++i) huge += "é";  // 80,000 bytes
  Finding f = make_finding("KEP003", std::string(300, 'n'), Severity::Error, source,
                           {{1, 1}, {1, 1}}, huge);
  f.raw_details = huge;
  auto a = nlohmann::json::parse(render("annotations", single_finding_report(f)))[0];
  std::string title = a["title"], message = a["message"], details = a["raw_details"];
  EXPECT_EQ(utf8_length(title), kAnnotationTitleMaxChars);
  EXPECT_TRUE(title.starts_with("KEP003 nnn"));
  EXPECT_LE(message.size(), kAnnotationTextMaxBytes);
  EXPECT_GT(message.size(), kAnnotationTextMaxBytes - 4);
  EXPECT_TRUE(message.ends_with("…"));
  EXPECT_LE(details.size(), kAnnotationTextMaxBytes);
}

TEST(AnnotationsReporterTest, InvalidUtf8AndEmptyMessages) {
  auto source = make_source("keps/x/kep.yaml", "a: b\n");
  Finding f = make_finding("KEP003", "r", Severity::Info, source, {{1, 1}, {1, 1}}, "");
  f.path = "keps/\xFF.yaml";
  std::string out = render("annotations", single_finding_report(f));
  EXPECT_EQ(to_valid_utf8(out), out);
  auto a = nlohmann::json::parse(out)[0];
  EXPECT_EQ(a["path"], "keps/\uFFFD.yaml");
  EXPECT_EQ(a["message"], "KEP003 r");  // the API requires a message
  EXPECT_FALSE(a.contains("raw_details"));
}

TEST(AnnotationsReporterTest, EmptyReportIsAnEmptyArray) {
  EXPECT_EQ(render("annotations", Report{}), "[]\n");
}

}  // namespace
}  // namespace keplint::testing
