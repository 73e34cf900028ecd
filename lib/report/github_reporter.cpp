#include "report/github_reporter.h"

#include <fmt/format.h>

#include "report/annotation_budget.h"
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
// TAB, U+2028 and U+2029 are written as text (\t, \u{2028}, \u{2029}), as the text output
// writes them in messages: the runner does not decode them and viewers may break lines there.
std::string clean(std::string_view text) {
  std::string kept = replace_controls(to_valid_utf8(text), kReplacement, true);
  std::string out;
  out.reserve(kept.size());
  for (std::size_t i = 0; i < kept.size(); ++i) {
    std::string_view rest = std::string_view(kept).substr(i);
    if (rest[0] == '\t') {
      out += "\\t";
    } else if (rest.starts_with("\u2028") || rest.starts_with("\u2029")) {
      out += rest[2] == '\xA8' ? "\\u{2028}" : "\\u{2029}";
      i += 2;
    } else {
      out += rest[0];
    }
  }
  return out;
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
  command.name = command_name(annotation_severity(finding));
  command.properties.emplace_back("file", clean(finding.path));
  command.properties.emplace_back("line", std::to_string(r.start_line));
  command.properties.emplace_back("endLine", std::to_string(r.end_line));
  // The runner drops columns when endLine != line, so only single-line ranges carry them.
  if (r.has_columns && r.single_line()) {
    command.properties.emplace_back("col", std::to_string(r.start_column));
    command.properties.emplace_back("endColumn", std::to_string(r.end_column));
  }
  command.properties.emplace_back(
      "title", truncate_chars(clean(annotation_title(finding)), kWorkflowTitleMaxChars, "…"));
  std::string message = finding.message.empty() ? finding_title(finding) : finding.message;
  command.message = truncate_chars(clean(message), kWorkflowMessageMaxChars, "…");
  return command;
}

std::string diagnostic_text(std::string_view message) {
  while (!message.empty() && message.back() == '\n') message.remove_suffix(1);
  std::string out;
  std::string_view prefix = "kep-lint: ";
  for (std::size_t start = 0;;) {
    std::size_t end = message.find('\n', start);
    std::string_view line =
        message.substr(start, end == std::string_view::npos ? end : end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    out += inert_log_line(std::string(prefix) + escape_for_terminal(line)) + "\n";
    if (end == std::string_view::npos) break;
    start = end + 1;
    prefix = "  ";
  }
  return out;
}

std::string inert_log_line(std::string_view line) {
  std::string out;
  std::size_t start = line.find_first_not_of(" \t\v\f");
  if (start != std::string_view::npos && line.substr(start).starts_with("::")) {
    out.append(line.substr(0, start));
    out += '\\';
    line.remove_prefix(start);
  }
  for (std::size_t at = line.find("##["); at != std::string_view::npos; at = line.find("##[")) {
    out.append(line.substr(0, at + 2));
    out += '\\';
    line.remove_prefix(at + 2);
  }
  out.append(line);
  return out;
}

namespace {

// "path:3:9: error[KEP003] message" on one line, like `text`, behind "  - " so that no repo
// text starts the line.
std::string plain_line(const Finding& f) {
  OutputRange r = output_range(f, ColumnUnit::Chars, false);
  std::string location = escape_for_terminal(f.path);
  if (!r.whole_file) location += fmt::format(":{}", r.start_line);
  if (r.has_columns) location += fmt::format(":{}", r.start_column);
  return inert_log_line(
      fmt::format("  - {}: {}[{}] {}", location, severity_name(shown_severity(f.severity)),
                  escape_for_terminal(f.rule_id), escape_for_terminal(f.message)));
}

std::string overflow_notice(const Report& report, const AnnotationPlan& plan, bool step_summary) {
  std::vector<Finding> rest;
  for (std::size_t i : plan.rest) rest.push_back(report.findings[i]);
  return fmt::format(
      "{} ({}) not annotated: GitHub shows {} annotations per level per step. They are listed "
      "in the log below{}.",
      count_noun(static_cast<int>(plan.rest.size()), "more finding"),
      counts_text(count_severities(rest)), kAnnotationsPerLevel,
      step_summary ? " and in the step summary" : "");
}

}  // namespace

void GithubReporter::write(const Report& report, std::ostream& out) {
  AnnotationPlan plan = plan_annotations(report.findings);
  for (std::size_t i : plan.annotated) {
    out << format_workflow_command(annotation_command(report.findings[i])) << '\n';
  }
  if (plan.needs_overflow_notice()) {
    WorkflowCommand notice{
        "notice", {{"title", "kep-lint"}}, overflow_notice(report, plan, options_.step_summary)};
    out << format_workflow_command(notice) << '\n';
    for (std::size_t i : plan.rest) out << plain_line(report.findings[i]) << '\n';
  }
  out << inert_log_line("kep-lint: " + summary_line(report)) << '\n';
}

}  // namespace keplint
