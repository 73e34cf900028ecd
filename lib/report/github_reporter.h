// GitHub Actions workflow commands (`::error file=...::message`), printed on a step's stdout;
// the runner turns them into annotations on the run and the pull request.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "report/reporter.h"

namespace keplint {

// The runner cuts longer messages; cutting first keeps the cut on a character boundary.
inline constexpr std::size_t kWorkflowMessageMaxChars = 4096;
inline constexpr std::size_t kWorkflowTitleMaxChars = 255;

// The runner's decoding, reversed: `%` first, then CR and LF (and `:` `,` in properties), so
// no text can end the command line or its property list.
std::string escape_command_data(std::string_view text);
std::string escape_command_property(std::string_view text);

struct WorkflowCommand {
  std::string name;                                             // error, warning, notice
  std::vector<std::pair<std::string, std::string>> properties;  // unescaped, in output order
  std::string message;                                          // unescaped
};

// One line, without its terminator. Empty property values are left out.
std::string format_workflow_command(const WorkflowCommand& command);

// The annotation command for one finding: columns (in characters) only on single-line ranges,
// whole-file findings on line 1, control characters and invalid UTF-8 replaced with U+FFFD.
WorkflowCommand annotation_command(const Finding& finding);

// A log line the runner cannot take for a command: it parses `::name ...::` at the start of a
// line after trimming leading whitespace, and the legacy `##[name ...]` anywhere in a line.
// Lines that would match get a backslash (`\::`, `##\[`); others are returned unchanged.
std::string inert_log_line(std::string_view line);

// kep-lint's own message for stderr: "kep-lint: " and the message, each line escaped for the
// terminal and made inert; a message of several lines (git's errors) keeps its line breaks, the
// lines after the first indented under it. Ends with a newline.
std::string diagnostic_text(std::string_view message);

// At most 10 annotations per level, the most important first (annotation_budget.h); the rest
// follow as inert plain lines after one notice saying how many there are.
class GithubReporter final : public Reporter {
 public:
  explicit GithubReporter(ReporterOptions options) : options_(std::move(options)) {}
  void write(const Report& report, std::ostream& out) override;

 private:
  ReporterOptions options_;
};

}  // namespace keplint
