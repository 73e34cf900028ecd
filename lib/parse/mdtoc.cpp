#include "parse/mdtoc.h"

#include <algorithm>
#include <map>
#include <vector>

#include "parse/gomarkdown_blocks.h"

namespace keplint {
namespace {

char ascii_lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}

std::size_t find_case_insensitive(std::string_view text, std::string_view needle) {
  if (needle.empty() || needle.size() > text.size()) return std::string::npos;
  char first = ascii_lower(needle[0]);
  bool caseless_first = first < 'a' || first > 'z';  // "<" for the default markers
  std::size_t last = text.size() - needle.size();
  for (std::size_t i = 0; i <= last; ++i) {
    // Jump to the next byte that can start a match (memchr when it has only one case).
    if (caseless_first) {
      i = text.find(first, i);
      if (i == std::string_view::npos || i > last) return std::string::npos;
    } else if (ascii_lower(text[i]) != first) {
      continue;
    }
    std::size_t k = 1;
    while (k < needle.size() && ascii_lower(text[i + k]) == ascii_lower(needle[k])) ++k;
    if (k == needle.size()) return i;
  }
  return std::string::npos;
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    std::size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
  return lines;
}

// CRLF pairs to LF; a lone CR is text and stays, so a rewrite reads back as it was written.
// The first `bytes` of a heading for a message, not cutting a UTF-8 sequence, "..." if cut.
std::string utf8_prefix(std::string_view text, std::size_t bytes) {
  if (text.size() <= bytes) return std::string(text);
  while (bytes > 0 && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80) --bytes;
  return std::string(text.substr(0, bytes)) + "...";
}

std::string crlf_to_lf(std::string_view text) {
  std::string lf;
  lf.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r' || i + 1 >= text.size() || text[i + 1] != '\n') lf += text[i];
  }
  return lf;
}

std::string to_crlf(std::string_view lf_text) {
  std::string out;
  out.reserve(lf_text.size() + lf_text.size() / 16);
  for (char c : lf_text) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

}  // namespace

// mdtoc parses only the text from the closing marker on, with gomarkdown, whose block rules
// differ from CommonMark's (see gomarkdown_blocks.h); so this suffix is scanned on its own here
// rather than taken from the document's cmark parse.
std::string generate_toc(const MarkdownDocument& doc, std::size_t from_offset, int max_depth,
                         std::string* too_complex) {
  std::string_view text = doc.source().text();
  std::string_view suffix = text.substr(std::min(from_offset, text.size()));
  // CRLF files are read as LF (mdtoc would leave '\r' in heading text; we keep CRLF on rewrite).
  std::string lf;
  if (doc.source().uses_crlf()) {
    lf = crlf_to_lf(suffix);
    suffix = lf;
  }
  GomarkdownOutline outline = scan_gomarkdown_outline(suffix);

  int base_level = 7;  // over all headings, whatever max_depth says
  for (const GomarkdownHeading& h : outline.headings) base_level = std::min(base_level, h.level);

  std::string toc;
  std::map<std::string, int, std::less<>> anchors;
  for (const GomarkdownHeading& h : outline.headings) {
    if (max_depth > 0 && h.level > max_depth) continue;
    RenderedInline rendered = render_gomarkdown_inline(h.content, outline.references);
    if (!rendered.complete) {
      if (too_complex) *too_complex = utf8_prefix(h.content, 60);
      return toc;
    }
    std::string anchor = mdtoc_anchor_slug(rendered.anchor_text);
    int seen = anchors[anchor]++;
    if (seen > 0) anchor += "-" + std::to_string(seen);
    toc.append(static_cast<std::size_t>(2 * (h.level - base_level)), ' ');
    toc += "- [";
    toc += rendered.html;
    toc += "](#";
    toc += anchor;
    toc += ")\n";
  }
  return toc;
}

TocAnalysis analyze_toc(const MarkdownDocument& doc, const TocOptions& options) {
  TocAnalysis a;
  const SourceFile& source = doc.source();
  std::string_view text = source.text();
  a.start_offset = find_case_insensitive(text, options.start_marker);
  a.end_offset = find_case_insensitive(text, options.end_marker);
  if (a.start_offset != std::string::npos) a.start_position = source.position_of(a.start_offset);
  if (a.end_offset != std::string::npos) a.end_position = source.position_of(a.end_offset);
  if (a.start_offset == std::string::npos) {
    a.problem = TocProblem::kMissingStartMarker;
    return a;
  }
  if (a.end_offset == std::string::npos) {
    a.problem = TocProblem::kMissingEndMarker;
    return a;
  }
  std::size_t body_begin = a.start_offset + options.start_marker.size();
  if (a.end_offset < body_begin) {
    a.problem = TocProblem::kEndBeforeStart;
    return a;
  }

  a.generated = generate_toc(doc, a.end_offset, options.max_depth, &a.too_complex_heading);
  if (!a.too_complex_heading.empty()) {
    a.problem = TocProblem::kHeadingTooComplex;
    return a;
  }
  // Written, such a TOC would close itself early: the next run would find it out of date and
  // each --fix would grow the file.
  if (find_case_insensitive(a.generated, options.end_marker) != std::string::npos) {
    a.problem = TocProblem::kEndMarkerInToc;
    return a;
  }
  a.existing = std::string(text.substr(body_begin, a.end_offset - body_begin));

  // mdtoc compares after trimming surrounding whitespace. In a CRLF file we compare with the
  // line breaks normalized, as the rewrite writes CRLF lines there (mdtoc itself would not).
  std::string existing_lf = source.uses_crlf() ? crlf_to_lf(a.existing) : a.existing;
  std::string_view old_toc = go_trim_space(existing_lf);
  std::string_view new_toc = go_trim_space(a.generated);
  a.up_to_date = old_toc == new_toc;
  if (a.up_to_date) return a;

  // Locate the first differing line in the source.
  std::string_view existing_trimmed = go_trim_space(a.existing);
  std::size_t first_offset =
      body_begin + static_cast<std::size_t>(existing_trimmed.data() - a.existing.data());
  std::vector<std::string_view> old_lines = split_lines(existing_trimmed);
  std::vector<std::string_view> new_lines = split_lines(new_toc);
  std::size_t i = 0;
  while (i < old_lines.size() && i < new_lines.size() && old_lines[i] == new_lines[i]) ++i;
  if (i < old_lines.size()) {
    int line = source.position_of(first_offset).line + static_cast<int>(i);
    a.first_difference_line = line;
    a.actual_line = std::string(old_lines[i]);
  } else {
    a.first_difference_line = a.end_position.line;
  }
  if (i < new_lines.size()) a.expected_line = std::string(new_lines[i]);
  return a;
}

std::string rewrite_toc(const MarkdownDocument& doc, const TocAnalysis& analysis) {
  const std::string& text = doc.source().text();
  // mdtoc leaves an up-to-date file alone, even if its TOC is surrounded by unusual whitespace.
  if (analysis.problem != TocProblem::kNone || analysis.up_to_date) return text;
  std::size_t body_begin = analysis.end_offset - analysis.existing.size();
  bool crlf = doc.source().uses_crlf();
  std::string out = text.substr(0, body_begin);
  out += crlf ? "\r\n" : "\n";
  out += crlf ? to_crlf(analysis.generated) : analysis.generated;
  out.append(text, analysis.end_offset, std::string::npos);
  return out;
}

std::string rewrite_toc(const MarkdownDocument& doc, const TocOptions& options) {
  return rewrite_toc(doc, analyze_toc(doc, options));
}

}  // namespace keplint
