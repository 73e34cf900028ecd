#include "report/github_reporter.h"

#include "report/finding_view.h"
#include "report/utf8_text.h"

namespace keplint {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

std::string escape(std::string_view text, bool property) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      case ':':
        out += property ? "%3A" : ":";
        break;
      case ',':
        out += property ? "%2C" : ",";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// CR and LF survive (escaped); other controls would reach the log viewer, which reads ANSI.
std::string clean(std::string_view text) {
  return replace_controls(to_valid_utf8(text), kReplacement, true);
}

std::string_view command_name(Severity severity) {
  switch (shown_severity(severity)) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    default:
      return "notice";
  }
}

}  // namespace

std::string escape_command_data(std::string_view text) {
  return escape(text, false);
}
std::string escape_command_property(std::string_view text) {
  return escape(text, true);
}

std::string format_workflow_command(const WorkflowCommand& command) {
  std::string line = "::" + command.name;
  bool first = true;
  for (const auto& [key, value] : command.properties) {
    if (value.empty()) continue;
    line += first ? ' ' : ',';
    line += key + "=" + escape_command_property(value);
    first = false;
  }
  return line + "::" + escape_command_data(command.message);
}

WorkflowCommand annotation_command(const Finding& finding) {
  OutputRange r = output_range(finding, ColumnUnit::Chars, false);
  WorkflowCommand command;
  command.name = command_name(finding.severity);
  command.properties.emplace_back("file", clean(finding.path));
  command.properties.emplace_back("line", std::to_string(r.start_line));
  command.properties.emplace_back("endLine", std::to_string(r.end_line));
  // The runner drops columns when endLine != line, so only single-line ranges carry them.
  if (r.has_columns && r.single_line()) {
    command.properties.emplace_back("col", std::to_string(r.start_column));
    command.properties.emplace_back("endColumn", std::to_string(r.end_column));
  }
  command.properties.emplace_back(
      "title", truncate_chars(clean(finding_title(finding)), kWorkflowTitleMaxChars, "…"));
  std::string message = finding.message.empty() ? finding_title(finding) : finding.message;
  command.message = truncate_chars(clean(message), kWorkflowMessageMaxChars, "…");
  return command;
}

void GithubReporter::write(const Report& report, std::ostream& out) {
  // Report order for now; a per-level budget (10 annotations each) will rank findings here.
  for (const Finding& f : report.findings) {
    out << format_workflow_command(annotation_command(f)) << '\n';
  }
  out << "kep-lint: " << summary_line(report) << '\n';
}

}  // namespace keplint
