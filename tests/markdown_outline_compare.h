// Compares the two ways MarkdownDocument finds a document's blocks, cmark and the block scanner
// (parse/commonmark_blocks.h), on everything the rules read. Shared by
// commonmark_blocks_differential_test.cpp and the markdown fuzz target.
#pragma once

#include <memory>
#include <sstream>
#include <string>
#include <string_view>

#include "parse/markdown_document.h"
#include "report/utf8_text.h"

namespace keplint::testing {

// cmark's setext text comes from a heuristic that strips one container prefix (see
// markdown_document.cpp) applied to the file's lines; it is only reliable for a heading whose
// lines hold no container syntax and no lone CR (which cmark never sees: MarkdownDocument gives
// it a space there), so text is compared for those.
inline bool plain_setext(const MarkdownDocument& doc, const MarkdownHeading& h) {
  bool after_mark = h.line == 1 && doc.source().text().starts_with("\xEF\xBB\xBF");
  if (h.column != (after_mark ? 4 : 1)) return false;
  for (int l = h.line; l <= h.end_line; ++l) {
    std::string_view line = doc.source().line_text(l);
    if (line.find_first_of(">\t") != std::string_view::npos) return false;
    std::size_t cr = line.find('\r');
    if (cr != std::string_view::npos && cr + 1 < line.size()) return false;
    std::size_t first = line.find_first_not_of(' ');
    if (first != std::string_view::npos &&
        std::string_view("-*+0123456789").find(line[first]) != std::string_view::npos) {
      return false;
    }
  }
  return true;
}

inline std::string describe(const MarkdownDocument& doc) {
  std::ostringstream s;
  for (const MarkdownHeading& h : doc.headings()) {
    s << "h" << h.level << (h.setext ? " setext" : "") << " " << h.line << "-" << h.end_line << ":"
      << h.column << " [" << h.content << "] text=[" << h.text << "] section " << h.begin << ".."
      << h.body_end << "/" << h.section_end << "\n";
  }
  for (const CodeBlock& c : doc.code_blocks()) {
    s << "code " << c.first_line << "-" << c.last_line << (c.fenced ? " fenced" : "") << "\n";
  }
  for (const HtmlComment& c : doc.comments()) {
    s << "comment " << c.begin << ".." << c.end << (c.terminated ? "" : " open") << "\n";
  }
  for (std::size_t o : doc.stray_comment_closers()) s << "stray --> " << o << "\n";
  for (const LinkReferenceDefinition& r : doc.link_references()) {
    s << "ref " << r.id << " " << r.target.link << " @" << r.offset << "\n";
  }
  return s.str();
}

// Everything the rules read, with setext text only where cmark's is reliable; without
// `with_text`, only where things are (lines, columns, offsets). `shift` is added to offsets
// (but a line start at 0, the start of the file) and to columns on line 1: the outline of a file
// without its byte order mark, as the scanner must report it with the mark.
inline std::string comparable(const MarkdownDocument& doc, bool with_text = true,
                              std::size_t shift = 0) {
  auto line_start = [shift](std::size_t offset) { return offset == 0 ? 0 : offset + shift; };
  std::ostringstream s;
  for (const MarkdownHeading& h : doc.headings()) {
    s << "h" << h.level << (h.setext ? " setext" : "") << " " << h.line << "-" << h.end_line << ":"
      << h.column + (h.line == 1 ? static_cast<int>(shift) : 0) << " " << line_start(h.begin) << "-"
      << h.end + shift << " " << h.body_end + shift << "/" << h.section_end + shift;
    if (with_text && (!h.setext || plain_setext(doc, h))) {
      s << " [" << h.content << "] [" << h.text << "] [" << h.html << "] [" << h.anchor_text << "]";
    }
    s << "\n";
  }
  for (const CodeBlock& c : doc.code_blocks()) {
    s << "code " << c.first_line << "-" << c.last_line << (c.fenced ? " fenced " : " ")
      << line_start(c.begin) << "-" << c.end + shift << "\n";
  }
  for (const HtmlComment& c : doc.comments()) {
    s << "comment " << c.begin + shift << ".." << c.end + shift << (c.terminated ? "" : " open")
      << "\n";
  }
  for (std::size_t o : doc.stray_comment_closers()) s << "stray " << o + shift << "\n";
  for (const LinkReferenceDefinition& r : doc.link_references()) {
    if (with_text) s << "ref " << r.id << " " << r.target.link << " " << r.target.title;
    s << " @" << r.offset + shift << "\n";
  }
  return s.str();
}

// The scanner starts a setext heading below link reference definitions that open its paragraph;
// cmark at the definitions. Such a cmark heading is brought in line before comparing.
inline bool setext_under_definitions(const std::string& text) {
  return text.find("]:") != std::string::npos;
}

// Each byte of an invalid UTF-8 sequence becomes \x01. The length stays, so offsets and
// columns hold; cmark's scanners match \x01 (they stop at invalid UTF-8), and, like the byte it
// replaces, it is no letter, space or punctuation to the inline rules (a letter would make
// `<\x99ttps://x>` an autolink).
inline std::string invalid_utf8_replaced(std::string_view text) {
  std::string out(text);
  for (std::size_t i = 0; i < out.size();) {
    Utf8Char c = decode_utf8(out, i);
    if (!c.valid) out[i] = '\x01';
    i += c.valid ? c.length : 1;
  }
  return out;
}

inline std::string outline_report(const std::string& text, const char* first_name,
                                  const MarkdownDocument& first, const char* second_name,
                                  const MarkdownDocument& second) {
  std::ostringstream report;
  report << "--- input (" << text.size() << " bytes) ---\n"
         << (text.size() < 3000 ? text : text.substr(0, 3000)) << "\n--- " << first_name << " ---\n"
         << describe(first) << "--- " << second_name << " ---\n"
         << describe(second);
  return report.str();
}

// Empty when cmark and the block scanner build the same document from `text`, up to the
// scanner's documented differences; otherwise both outlines, for the failure message.
inline std::string outline_disagreement(const std::string& text) {
  auto source = std::make_shared<const SourceFile>("README.md", text);
  // The scanner takes invalid UTF-8 as bytes like any other, cmark does not (a deliberate
  // difference, see commonmark_blocks.h): the scanner must find the same blocks where such
  // bytes are \x01, and that text is what is compared with cmark.
  // A leading byte order mark: the scanner skips it and counts it in columns and offsets (cmark
  // counts it nowhere), so it must report the outline of the rest shifted by three bytes, and
  // the rest is what is compared with cmark.
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (text.starts_with(kBom)) {
    std::string rest = text.substr(kBom.size());
    MarkdownDocument with_mark(source, MarkdownParser::kBlockScanner);
    MarkdownDocument without(std::make_shared<const SourceFile>("README.md", rest),
                             MarkdownParser::kBlockScanner);
    if (comparable(with_mark) != comparable(without, true, kBom.size())) {
      return outline_report(text, "scanner", with_mark, "scanner, without the mark", without);
    }
    return outline_disagreement(rest);
  }
  std::string valid = invalid_utf8_replaced(text);
  if (valid != text) {
    MarkdownDocument original(source, MarkdownParser::kBlockScanner);
    MarkdownDocument replaced(std::make_shared<const SourceFile>("README.md", valid),
                              MarkdownParser::kBlockScanner);
    if (comparable(original, false) != comparable(replaced, false)) {
      return outline_report(text, "scanner", original, "scanner, invalid UTF-8 as \\x01", replaced);
    }
    return outline_disagreement(valid);
  }
  MarkdownDocument reference(source, MarkdownParser::kCmark);
  MarkdownDocument scanned(source, MarkdownParser::kBlockScanner);
  std::string expected = comparable(reference), actual = comparable(scanned);
  if (expected == actual) return {};
  if (setext_under_definitions(text)) {
    // Compare again with each setext heading's first line taken from the scanner when cmark's
    // lies above it on definition lines only (a definition's label and title may span lines).
    const auto& a = reference.headings();
    const auto& b = scanned.headings();
    bool explained = a.size() == b.size();
    for (std::size_t i = 0; explained && i < a.size(); ++i) {
      if (a[i].line == b[i].line) continue;
      explained = a[i].setext && b[i].setext && a[i].line < b[i].line &&
                  a[i].end_line == b[i].end_line && a[i].level == b[i].level;
      for (int l = a[i].line; explained && l < b[i].line; ++l) {
        explained = source->line_text(l).find("]:") != std::string_view::npos ||
                    source->line_text(l).find_first_of("'\"()[") != std::string_view::npos;
      }
    }
    if (explained) return {};
  }
  return outline_report(text, "cmark", reference, "scanner", scanned);
}

}  // namespace keplint::testing
