#include "report/markdown_reporter.h"

#include <fmt/format.h>

#include <vector>

#include "report/finding_view.h"
#include "report/utf8_text.h"

namespace keplint {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
constexpr std::size_t kCellMaxChars = 4096;  // one huge message must not crowd out the rest
constexpr std::size_t kNoteReserve = 256;    // room for the truncation note

// A link only for http(s) URLs, with characters that would end the link or the cell encoded.
std::string markdown_link(std::string_view label, std::string_view url) {
  if (!url.starts_with("https://") && !url.starts_with("http://")) return markdown_cell(label);
  std::string target;
  for (char ch : to_valid_utf8(url)) {
    auto c = static_cast<unsigned char>(ch);
    bool unsafe = c <= 0x20 || c == 0x7F ||
                  std::string_view("<>()|\\`\"[]").find(ch) != std::string_view::npos;
    target += unsafe ? fmt::format("%{:02X}", c) : std::string(1, ch);
  }
  return fmt::format("[{}]({})", markdown_cell(label), target);
}

std::string location_text(const Finding& f) {
  OutputRange r = output_range(f, ColumnUnit::Chars, false);
  std::string location = f.path;
  if (!r.whole_file) location += fmt::format(":{}", r.start_line);
  if (r.has_columns) location += fmt::format(":{}", r.start_column);
  return location;
}

}  // namespace

std::string markdown_cell(std::string_view raw) {
  std::string text = replace_controls(to_valid_utf8(raw), kReplacement, true);
  text = truncate_chars(text, kCellMaxChars, "…");
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      out += "<br>";
    } else if (std::string_view("\\`*_[]<>|~&!$#").find(c) != std::string_view::npos) {
      out += '\\';
      out += c;
    } else {
      out += c;
    }
  }
  return out;
}

void MarkdownReporter::write(const Report& report, std::ostream& out) {
  std::string head = "### kep-lint\n\n" + summary_line(report) + "\n";
  if (report.findings.empty()) {
    out << head;
    return;
  }
  const std::string table_head =
      "\n| Severity | Rule | Location | Message |\n| --- | --- | --- | --- |\n";
  std::vector<const Finding*> introduced = report_groups(report, false);
  std::vector<const Finding*> pre_existing = report_groups(report, true);
  if (!introduced.empty()) head += table_head;
  std::vector<std::string> rows;
  std::size_t total = head.size();
  auto add_rows = [&](const std::vector<const Finding*>& group) {
    for (const Finding* f : group) {
      rows.push_back(fmt::format("| {} | {} | {} | {} |\n",
                                 severity_name(shown_severity(f->severity)),
                                 markdown_link(finding_title(*f), docs_url(*f, report, options_)),
                                 markdown_cell(location_text(*f)), markdown_cell(f->message)));
      total += rows.back().size();
    }
  };
  add_rows(introduced);
  // Pre-existing findings follow under their own heading, which the row loop below prints
  // before the first of them.
  std::size_t first_pre_existing = rows.size();
  std::string pre_existing_head = fmt::format(
      "\n#### Pre-existing ({})\n\nThe base revision {} already had these; this change did not "
      "introduce them.\n{}",
      pre_existing.size(), short_commit(report.base_commit), table_head);
  if (!pre_existing.empty()) total += pre_existing_head.size();
  add_rows(pre_existing);
  std::size_t limit = options_.markdown_max_bytes;
  std::size_t shown = rows.size();
  if (total > limit) {
    // Keep whole rows only, and leave room for the note saying what was left out.
    std::size_t size =
        head.size() + kNoteReserve + (pre_existing.empty() ? 0 : pre_existing_head.size());
    shown = 0;
    while (shown < rows.size() && size + rows[shown].size() <= limit) size += rows[shown++].size();
  }
  out << head;
  for (std::size_t i = 0; i < shown; ++i) {
    if (i == first_pre_existing) out << pre_existing_head;
    out << rows[i];
  }
  if (shown < rows.size()) {
    out << fmt::format(
        "\n_{} not shown: the summary is limited to {} bytes. The job log has every finding._\n",
        count_noun(static_cast<int>(rows.size() - shown), "more finding"), limit);
  }
}

}  // namespace keplint
