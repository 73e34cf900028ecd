#include "report/junit_reporter.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <vector>

#include "report/finding_view.h"
#include "report/utf8_text.h"

namespace keplint {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

std::string xml_escape(std::string_view raw, bool attribute) {
  std::string text = replace_controls(to_valid_utf8(raw), kReplacement, true);
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    // U+FFFE and U+FFFF (EF BF BE/BF) are not XML characters.
    if (c == '\xEF' && i + 2 < text.size() && text[i + 1] == '\xBF' &&
        (text[i + 2] == '\xBE' || text[i + 2] == '\xBF')) {
      out += kReplacement;
      i += 2;
      continue;
    }
    // Line breaks are encoded in text too: every raw line of the file is then our markup,
    // never repo text that a log viewer (or `cat` in a CI step) could take for a command.
    std::string_view entity;
    switch (c) {
      case '&':
        entity = "&amp;";
        break;
      case '<':
        entity = "&lt;";
        break;
      case '>':
        entity = "&gt;";
        break;
      case '\r':
        entity = "&#13;";
        break;
      case '\n':
        entity = "&#10;";
        break;
      case '"':
        entity = attribute ? "&quot;" : "";
        break;
      case '\'':
        entity = attribute ? "&apos;" : "";
        break;
      case '\t':
        entity = attribute ? "&#9;" : "";
        break;  // parsers turn raw ones into spaces
      default:
        break;
    }
    // "##[" is GitHub's legacy workflow command syntax, recognised anywhere in a log line.
    if (c == '#' && i > 0 && text[i - 1] == '#' && i + 1 < text.size() && text[i + 1] == '[') {
      entity = "&#35;";
    }
    if (entity.empty()) {
      out += c;
    } else {
      out += entity;
    }
  }
  return out;
}

// "path:3:9: error[KEP003] message", columns in characters.
std::string finding_line(const Finding& f) {
  OutputRange r = output_range(f, ColumnUnit::Chars, false);
  std::string location = f.path;
  if (!r.whole_file) location += fmt::format(":{}", r.start_line);
  if (r.has_columns) location += fmt::format(":{}", r.start_column);
  return fmt::format("{}: {}[{}] {}", location, severity_name(shown_severity(f.severity)),
                     f.rule_id, f.message);
}

}  // namespace

std::string xml_escape_text(std::string_view text) {
  return xml_escape(text, false);
}
std::string xml_escape_attribute(std::string_view text) {
  return xml_escape(text, true);
}

void JunitReporter::write(const Report& report, std::ostream& out) {
  // Every linted proposal is a test case, passing when it has no findings; repo-level findings
  // get a test case named after their file.
  std::map<std::string, std::vector<const Finding*>> cases;
  for (const std::string& proposal : report.proposals) cases[proposal];
  for (const Finding& f : report.findings) {
    cases[f.proposal.empty() ? f.path : f.proposal].push_back(&f);
  }
  auto fails = [&](const Finding* f) {
    return finding_fails(*f, options_.fail_level, options_.pre_existing_fails);
  };

  int failures = 0;
  for (const auto& [name, findings] : cases) {
    if (std::any_of(findings.begin(), findings.end(), fails)) ++failures;
  }
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << fmt::format(
      "<testsuite name=\"kep-lint\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\">\n",
      cases.size(), failures);
  for (const auto& [name, findings] : cases) {
    out << "  <testcase name=\"" << xml_escape_attribute(name) << "\" classname=\"kep-lint\"";
    if (findings.empty()) {
      out << "/>\n";
      continue;
    }
    out << ">\n";
    std::string body;
    for (const Finding* f : findings) body += finding_line(*f) + "\n";
    auto first_failure = std::find_if(findings.begin(), findings.end(), fails);
    if (first_failure != findings.end()) {
      std::string message = finding_line(**first_failure);
      if (findings.size() > 1) message += fmt::format(" (and {} more)", findings.size() - 1);
      Severity worst = Severity::Info;
      for (const Finding* f : findings) worst = std::max(worst, shown_severity(f->severity));
      out << "    <failure message=\"" << xml_escape_attribute(message) << "\" type=\""
          << severity_name(worst) << "\">" << xml_escape_text(body) << "</failure>\n";
    } else {
      out << "    <system-out>" << xml_escape_text(body) << "</system-out>\n";
    }
    out << "  </testcase>\n";
  }
  out << "</testsuite>\n";
}

}  // namespace keplint
