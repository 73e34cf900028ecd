#include "report/finding_view.h"

#include <algorithm>

#include "report/utf8_text.h"

namespace keplint {

namespace {

int convert_column(std::string_view line, int byte_column, ColumnUnit unit) {
  switch (unit) {
    case ColumnUnit::Bytes:
      return byte_column;
    case ColumnUnit::Chars:
      return byte_column_to_char_column(line, byte_column);
    case ColumnUnit::Utf16:
      return byte_column_to_utf16_column(line, byte_column);
  }
  return byte_column;
}

// Bytes taken by the character at a 1-based byte column; 1 past the end of the line.
int char_bytes_at(std::string_view line, int byte_column) {
  auto index = static_cast<std::size_t>(byte_column - 1);
  if (index >= line.size()) return 1;
  return static_cast<int>(decode_utf8(line, index).length);
}

}  // namespace

OutputRange output_range(const Finding& finding, ColumnUnit unit, bool end_exclusive) {
  OutputRange out;
  Position start = finding.range.start;
  Position end = finding.range.end;
  if (start.line <= 0) {
    out.whole_file = true;
    return out;
  }
  if (end.line < start.line || (end.line == start.line && end.column < start.column)) end = start;
  out.start_line = start.line;
  out.end_line = end.line;
  if (start.column <= 0) return out;
  if (end.column <= 0) {
    if (end.line != start.line) return out;
    end.column = start.column;
  }
  auto line_text = [&](int line) {
    return finding.source ? finding.source->line_text(line) : std::string_view();
  };
  std::string_view start_text = line_text(start.line);
  std::string_view end_text = line_text(end.line);
  int end_byte = end.column;
  if (end_exclusive) end_byte += char_bytes_at(end_text, end.column);
  out.has_columns = true;
  out.start_column = convert_column(start_text, start.column, unit);
  out.end_column = convert_column(end_text, end_byte, unit);
  return out;
}

Severity shown_severity(Severity severity) {
  return severity == Severity::Off ? Severity::Info : severity;
}

SeverityCounts count_severities(const std::vector<Finding>& findings) {
  SeverityCounts counts;
  for (const Finding& f : findings) {
    switch (shown_severity(f.severity)) {
      case Severity::Error:
        ++counts.errors;
        break;
      case Severity::Warning:
        ++counts.warnings;
        break;
      default:
        ++counts.infos;
        break;
    }
  }
  return counts;
}

std::string count_noun(int count, std::string_view noun) {
  std::string out = std::to_string(count) + " " + std::string(noun);
  if (count != 1) out += 's';
  return out;
}

std::string counts_text(const SeverityCounts& counts) {
  if (counts.total() == 0) return "no findings";
  std::string out;
  auto add = [&](int count, std::string_view noun) {
    if (count == 0) return;
    if (!out.empty()) out += ", ";
    out += count_noun(count, noun);
  };
  add(counts.errors, "error");
  add(counts.warnings, "warning");
  add(counts.infos, "info");
  return out;
}

std::string summary_line(const Report& report) {
  std::string where = " in " + count_noun(static_cast<int>(report.proposals.size()), "proposal");
  if (report.base_commit.empty()) return counts_text(count_severities(report.findings)) + where;
  std::vector<Finding> introduced, pre_existing;
  for (const Finding& f : report.findings)
    (f.pre_existing ? pre_existing : introduced).push_back(f);
  SeverityCounts added = count_severities(introduced);
  std::string line = (added.total() == 0 ? std::string("no findings") : counts_text(added)) +
                     " introduced" + where;
  if (!pre_existing.empty()) {
    line += "; " + counts_text(count_severities(pre_existing)) + " pre-existing (also at base " +
            short_commit(report.base_commit) + ")";
  }
  return line;
}

std::string short_commit(const std::string& commit) {
  return commit.substr(0, 12);
}

std::vector<const Finding*> report_groups(const Report& report, bool pre_existing) {
  std::vector<const Finding*> out;
  for (const Finding& f : report.findings) {
    if (f.pre_existing == pre_existing) out.push_back(&f);
  }
  return out;
}

std::string finding_title(const Finding& finding) {
  if (finding.rule_name.empty()) return finding.rule_id;
  return finding.rule_id + " " + finding.rule_name;
}

Severity annotation_severity(const Finding& finding) {
  return finding.pre_existing ? Severity::Info : shown_severity(finding.severity);
}

std::string annotation_title(const Finding& finding) {
  if (!finding.pre_existing) return finding_title(finding);
  return finding_title(finding) + " (pre-existing " +
         std::string(severity_name(shown_severity(finding.severity))) + ")";
}

std::string rule_docs_url(const RuleInfo& rule, const ReporterOptions& options) {
  if (!rule.docs_url.empty()) return rule.docs_url;
  if (options.docs_base_url.empty() || rule.id.empty()) return {};
  std::string base = options.docs_base_url;
  if (base.back() != '/') base += '/';
  return base + rule.id;
}

std::string docs_url(const Finding& finding, const Report& report, const ReporterOptions& options) {
  if (!finding.docs_url.empty()) return finding.docs_url;
  auto rule = std::find_if(report.rules.begin(), report.rules.end(),
                           [&](const RuleInfo& r) { return r.id == finding.rule_id; });
  if (rule != report.rules.end()) return rule_docs_url(*rule, options);
  RuleInfo unlisted;
  unlisted.id = finding.rule_id;
  return rule_docs_url(unlisted, options);
}

}  // namespace keplint
