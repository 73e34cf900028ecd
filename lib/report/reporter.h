// Output formats: every format turns the same Report into bytes on a stream.
#pragma once

#include <cstddef>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "engine/finding.h"

namespace keplint {

struct ReporterOptions {
  bool color = false;  // ANSI colours in `text`; the caller decides (TTY, NO_COLOR, FORCE_COLOR)
  // Where rule pages live, for findings and rules without a docs_url: "<base>/<RULE_ID>".
  std::string docs_base_url;
  // The tool's home page (SARIF informationUri, rdjson source.url); left out when empty.
  std::string tool_url;
  // Findings at or above this level fail a JUnit test case; lower ones are only listed.
  Severity fail_level = Severity::Error;
  // Pre-existing findings (Finding::pre_existing) fail like the others (--fail-on-pre-existing).
  bool pre_existing_fails = false;
  // $GITHUB_STEP_SUMMARY accepts at most 1 MiB per step.
  std::size_t markdown_max_bytes = 1024 * 1024;
  // The output is a GitHub Actions log, which the runner scans for workflow commands: `text`
  // then makes every line inert (`github` always does).
  bool github_log = false;
  // The run also appends the findings table to $GITHUB_STEP_SUMMARY (`github` says so).
  bool step_summary = false;
};

class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void write(const Report& report, std::ostream& out) = 0;
};

// nullptr when `format` is not one of reporter_formats().
std::unique_ptr<Reporter> make_reporter(std::string_view format, const ReporterOptions& options);
std::vector<std::string_view> reporter_formats();

}  // namespace keplint
