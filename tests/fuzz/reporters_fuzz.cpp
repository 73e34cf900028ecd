// Every output format on findings made of arbitrary bytes (paths, rule ids, messages, source
// lines, positions in and out of range): workflow commands stay one line per finding with no
// command but ours; JSON, SARIF, rdjson and annotations parse back; JUnit is well-formed XML;
// text has no terminal controls; everything is valid UTF-8.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "../output_checks.h"
#include "fuzz_support.h"
#include "report/reporter.h"

namespace keplint {
namespace {

Report make_report(fuzz::Bytes& in) {
  Report report;
  report.tool_version = in.string(16);
  auto source = std::make_shared<SourceFile>(in.string(64), in.string(2048));
  int findings = in.integer(0, 6);
  for (int i = 0; i < findings; ++i) {
    Finding f;
    f.rule_id = in.string(32);
    f.rule_name = in.string(32);
    f.severity = static_cast<Severity>(in.integer(0, 3));
    f.path = in.byte() % 4 ? source->path() : in.string(64);
    int lines = source->line_count();
    f.range.start = {in.integer(-1, lines + 1), in.integer(-1, 80)};
    f.range.end = {in.integer(-1, lines + 1), in.integer(-1, 80)};
    if (in.byte() % 8 == 0) f.range.start.column = in.integer(1 << 20, 1 << 30);
    f.message = in.string(600);
    if (in.byte() % 2) f.raw_details = in.string(200);
    f.proposal = in.string(32);
    if (in.byte() % 4 == 0) f.docs_url = in.string(64);
    f.anchor = in.string(32);
    if (in.byte() % 4) f.source = source;
    report.findings.push_back(std::move(f));
  }
  sort_findings(report.findings);
  int rules = in.integer(0, 3);
  for (int i = 0; i < rules; ++i) {
    RuleInfo r;
    r.id = in.string(16);
    r.name = in.string(16);
    r.severity = static_cast<Severity>(in.integer(0, 3));
    r.description = in.string(128);
    if (in.byte() % 2) r.docs_url = in.string(64);
    report.rules.push_back(std::move(r));
  }
  int proposals = in.integer(0, 2);
  for (int i = 0; i < proposals; ++i) report.proposals.push_back(in.string(32));
  return report;
}

std::string render(std::string_view format, const Report& report, const ReporterOptions& options) {
  std::unique_ptr<Reporter> reporter = make_reporter(format, options);
  FUZZ_CHECK(reporter != nullptr, format);
  std::ostringstream out;
  reporter->write(report, out);
  return out.str();
}

}  // namespace
}  // namespace keplint

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace keplint;
  fuzz::Bytes in(data, size);
  ReporterOptions options;
  options.docs_base_url = in.byte() % 2 ? "https://example.com/rules" : "";
  options.tool_url = "https://example.com";
  options.color = in.byte() % 2;
  options.fail_level = static_cast<Severity>(in.integer(1, 3));
  options.markdown_max_bytes = static_cast<std::size_t>(in.integer(0, 4096));
  Report report = make_report(in);

  for (std::string_view format : reporter_formats()) {
    std::string out = render(format, report, options);
    std::string name(format);
    auto bad = checks::invalid_utf8_at(out);
    FUZZ_CHECK(!bad, name + ": invalid UTF-8 at " + std::to_string(bad.value_or(0)));
    if (format == "text") {
      FUZZ_CHECK(!checks::terminal_control_at(out, options.color), "text: terminal control");
    } else if (format == "github") {
      auto problem = checks::check_workflow_commands(out, report.findings.size());
      FUZZ_CHECK(!problem, "github: " + problem.value_or(""));
    } else if (format == "junit") {
      auto problem = checks::check_xml(out);
      FUZZ_CHECK(!problem, "junit: " + problem.value_or(""));
    } else if (format == "json" || format == "sarif" || format == "rdjson" ||
               format == "annotations") {
      nlohmann::json parsed = nlohmann::json::parse(out, nullptr, false);
      FUZZ_CHECK(!parsed.is_discarded(), name + ": not JSON");
      if (format == "json") {
        FUZZ_CHECK(parsed["findings"].size() == report.findings.size(), "json: finding count");
        for (std::size_t i = 0; i < report.findings.size(); ++i) {
          const Finding& f = report.findings[i];
          // Valid UTF-8 text comes back exactly.
          if (checks::is_valid_utf8(f.message)) {
            FUZZ_CHECK(parsed["findings"][i]["message"] == f.message, "json: message changed");
          }
          if (checks::is_valid_utf8(f.path)) {
            FUZZ_CHECK(parsed["findings"][i]["path"] == f.path, "json: path changed");
          }
        }
      }
    } else if (format == "markdown") {
      FUZZ_CHECK(out.size() <= std::max<std::size_t>(options.markdown_max_bytes, 1024),
                 "markdown: over the size limit");
    }
  }
  return 0;
}
