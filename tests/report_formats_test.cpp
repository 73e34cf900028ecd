// Properties every output format shares: the factory, and hygiene against hostile repo text.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "report/reporter.h"
#include "report/utf8_text.h"
#include "report_test_support.h"

namespace keplint::testing {
namespace {

TEST(ReporterFormatsTest, FactoryKnowsEveryListedFormat) {
  EXPECT_EQ(reporter_formats(),
            (std::vector<std::string_view>{"text", "json", "annotations", "github", "sarif",
                                           "junit", "rdjson", "markdown"}));
  for (std::string_view format : reporter_formats()) {
    EXPECT_NE(make_reporter(format, {}), nullptr) << format;
  }
  EXPECT_EQ(make_reporter("checkstyle", {}), nullptr);
  EXPECT_EQ(make_reporter("", {}), nullptr);
  EXPECT_EQ(make_reporter("TEXT", {}), nullptr);
}

// Repo text with every kind of trouble: invalid UTF-8, terminal escapes, NUL, CR/LF followed
// by workflow commands, bidi overrides, XML and Markdown syntax.
Report hostile_report() {
  const std::string nasty = std::string("\xFF\xC3 \x1b]8;;http://x\x07 nul:") + '\0' +
                            " \r\n::add-mask::secret\r::stop-commands::x\n" +
                            "\xE2\x80\xAE <b>&amp;</b> | ]]> %0A,:";
  auto source = make_source("keps/sig" + nasty + "/kep.yaml", "title: " + nasty + "\n");
  Finding f = make_finding("KEP003" + nasty, "name" + nasty, Severity::Error, source,
                           {{1, 8}, {1, 20}}, "message" + nasty);
  f.proposal = "keps/sig" + nasty;
  f.raw_details = nasty;
  f.anchor = nasty;
  f.docs_url = "https://x.example/" + nasty;
  Report report = single_finding_report(f);
  report.rules = {{f.rule_id, f.rule_name, Severity::Error, nasty, f.docs_url}};
  return report;
}

TEST(ReporterFormatsTest, HostileTextNeverEscapesAnyFormat) {
  Report report = hostile_report();
  for (std::string_view format : reporter_formats()) {
    for (bool color : {false, true}) {
      ReporterOptions options;
      options.color = color;
      std::string out = render(format, report, options);
      SCOPED_TRACE(std::string(format) + (color ? " (color)" : ""));
      EXPECT_EQ(to_valid_utf8(out), out);
      EXPECT_EQ(out.find('\0'), std::string::npos);
      EXPECT_EQ(out.find('\r'), std::string::npos);
      if (format == "text") {
        EXPECT_EQ(out.find("\xE2\x80\xAE"), std::string::npos);  // bidi override, escaped
      }
      if (!color || format != "text") {
        EXPECT_EQ(out.find('\x1b'), std::string::npos);
      }
      // No line of any format starts with a workflow command except GitHub's own.
      std::size_t line_start = 0;
      while (line_start < out.size()) {
        std::size_t end = out.find('\n', line_start);
        std::string_view line(out.data() + line_start,
                              (end == std::string::npos ? out.size() : end) - line_start);
        if (format == "github" && line_start == 0) {
          EXPECT_TRUE(line.starts_with("::error file=")) << line;
        } else {
          EXPECT_FALSE(line.find_first_not_of(" \t") != std::string_view::npos &&
                       line.substr(line.find_first_not_of(" \t")).starts_with("::"))
              << line;
        }
        line_start = end == std::string::npos ? out.size() : end + 1;
      }
      if (format == "json" || format == "annotations" || format == "sarif" || format == "rdjson") {
        EXPECT_TRUE(nlohmann::json::accept(out));
      }
    }
  }
}

}  // namespace
}  // namespace keplint::testing
