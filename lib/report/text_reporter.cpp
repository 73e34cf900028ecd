#include "report/text_reporter.h"

#include <fmt/format.h>

#include <algorithm>
#include <sstream>

#include "report/finding_view.h"
#include "report/github_reporter.h"
#include "report/utf8_text.h"

namespace keplint {

namespace {

class Painter {
 public:
  explicit Painter(bool color) : color_(color) {}
  std::string operator()(std::string_view sgr, std::string_view text) const {
    if (!color_) return std::string(text);
    return fmt::format("\x1b[{}m{}\x1b[0m", sgr, text);
  }

 private:
  bool color_;
};

std::string_view severity_sgr(Severity severity) {
  switch (shown_severity(severity)) {
    case Severity::Error:
      return "1;31";
    case Severity::Warning:
      return "1;33";
    default:
      return "1;36";
  }
}

struct Snippet {
  std::string source;  // the escaped line
  std::string marks;   // "^~~~" aligned under the range
};

// `first`/`last` are 1-based byte columns, `last` inclusive. Alignment follows what the
// terminal shows: escapes are wider than the byte they replace, tabs are mirrored as tabs.
Snippet make_full_snippet(std::string_view line, int first, int last) {
  Snippet s;
  std::string pad;
  std::size_t i = 0;
  while (i < line.size()) {
    int column = static_cast<int>(i) + 1;
    if (is_printable_ascii(line[i])) {  // the common case, without a TerminalPiece
      s.source += line[i];
      if (column < first) {
        pad += ' ';
      } else if (column <= last) {
        s.marks += s.marks.empty() ? '^' : '~';
      }
      ++i;
      continue;
    }
    TerminalPiece piece = terminal_piece(line, i);
    s.source += piece.text;
    if (column < first) {
      pad += piece.tab ? std::string("\t") : std::string(piece.width, ' ');
    } else if (column <= last) {
      int width = std::max(piece.width, 1);
      s.marks += s.marks.empty() ? "^" + std::string(width - 1, '~') : std::string(width, '~');
    }
    i += piece.consumed;
  }
  // Columns past the line's end (e.g. "missing value at end of line") still get a mark.
  int end_column = static_cast<int>(line.size()) + 1;
  if (first >= end_column) {
    pad += std::string(first - end_column, ' ');
    s.marks = "^" + std::string(last - first, '~');
  } else if (last >= end_column) {
    s.marks += std::string(last - end_column + 1, '~');
  }
  s.marks = pad + s.marks;
  return s;
}

// Longer lines (minified text, a whole file on one line) are shown as a window of this many
// bytes around the range, so a finding prints a few hundred bytes, not the megabytes of its line.
constexpr std::size_t kSnippetMaxBytes = 240;
constexpr std::size_t kSnippetLeadBytes = 60;  // shown before the range's start

bool utf8_continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

Snippet make_snippet(std::string_view line, int first, int last) {
  // A range that ends at the line break may mark one column past the line; columns further out
  // (a corrupt position) are clamped there, so the marks stay as short as the line.
  int end_column = static_cast<int>(line.size()) + 1;
  first = std::clamp(first, 1, end_column);
  last = std::clamp(last, first, end_column + 1);
  if (line.size() <= kSnippetMaxBytes) return make_full_snippet(line, first, last);
  auto start = static_cast<std::size_t>(first - 1);
  std::size_t lo = start > kSnippetLeadBytes ? start - kSnippetLeadBytes : 0;
  lo = std::min(lo, line.size());
  while (lo > 0 && lo < line.size() && utf8_continuation(line[lo])) --lo;
  std::size_t hi = std::min(line.size(), lo + kSnippetMaxBytes);
  while (hi > lo && hi < line.size() && utf8_continuation(line[hi])) --hi;
  int shift = static_cast<int>(lo);
  int window_last = std::min(last - shift, static_cast<int>(hi - lo));
  Snippet s = make_full_snippet(line.substr(lo, hi - lo), first - shift,
                                std::max(window_last, first - shift));
  if (lo > 0) {
    s.source = "…" + s.source;
    s.marks = " " + s.marks;
  }
  if (hi < line.size()) s.source += "…";
  return s;
}

}  // namespace

void TextReporter::write(const Report& report, std::ostream& out) {
  if (options_.github_log) {
    // Source lines and messages are repo text: in an Actions log no line may read as a command.
    std::ostringstream text;
    write_lines(report, text);
    std::istringstream lines(text.str());
    for (std::string line; std::getline(lines, line);) out << inert_log_line(line) << '\n';
    return;
  }
  write_lines(report, out);
}

void TextReporter::write_lines(const Report& report, std::ostream& out) {
  Painter paint(options_.color);
  for (const Finding* f : report_groups(report, false)) write_finding(report, *f, out);
  std::vector<const Finding*> pre_existing = report_groups(report, true);
  if (!pre_existing.empty()) {
    if (pre_existing.size() != report.findings.size()) out << '\n';
    out << paint("1", fmt::format("Pre-existing: {} the base revision {} already had (not "
                                  "introduced by this change):",
                                  count_noun(static_cast<int>(pre_existing.size()), "finding"),
                                  short_commit(report.base_commit)))
        << "\n\n";
    for (const Finding* f : pre_existing) write_finding(report, *f, out);
  }
  if (!report.findings.empty()) out << '\n';
  out << paint("1", summary_line(report)) << '\n';
}

void TextReporter::write_finding(const Report& report, const Finding& f, std::ostream& out) {
  Painter paint(options_.color);
  {
    OutputRange r = output_range(f, ColumnUnit::Chars, false);
    std::string location = escape_for_terminal(f.path);
    if (!r.whole_file) location += fmt::format(":{}", r.start_line);
    if (r.has_columns) location += fmt::format(":{}", r.start_column);
    std::string label = fmt::format("{}[{}]", severity_name(shown_severity(f.severity)),
                                    escape_for_terminal(f.rule_id));
    out << paint("1", location + ":") << ' ' << paint(severity_sgr(f.severity), label) << ' '
        << escape_for_terminal(f.message) << '\n';

    int line = f.range.start.line;
    bool has_line = !r.whole_file && f.source && line <= f.source->line_count();
    std::string gutter(has_line ? fmt::formatted_size("{}", line) + 1 : 1, ' ');
    if (has_line) {
      int first = std::max(f.range.start.column, 1);
      // Multi-line ranges get a caret at their start only.
      int last = r.single_line() && r.has_columns ? std::max(f.range.end.column, first) : first;
      Snippet s = make_snippet(f.source->line_text(line), first, last);
      out << paint("1;34", fmt::format("{:>{}} |", line, gutter.size())) << ' ' << s.source << '\n';
      if (r.has_columns) {
        out << paint("1;34", gutter + " |") << ' ' << paint("1;32", s.marks) << '\n';
      }
    }
    std::string url = docs_url(f, report, options_);
    if (!url.empty()) {
      out << gutter << ' ' << paint("1;34", "=") << ' ' << paint("1", "help:") << ' '
          << escape_for_terminal(url) << '\n';
    }
  }
}

}  // namespace keplint
