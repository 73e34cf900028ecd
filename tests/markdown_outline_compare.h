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
  if (h.column != 1) return false;
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

// Everything the rules read, with setext text only where cmark's is reliable.
inline std::string comparable(const MarkdownDocument& doc) {
  std::ostringstream s;
  for (const MarkdownHeading& h : doc.headings()) {
    s << "h" << h.level << (h.setext ? " setext" : "") << " " << h.line << "-" << h.end_line << ":"
      << h.column << " " << h.begin << "-" << h.end << " " << h.body_end << "/" << h.section_end;
    if (!h.setext || plain_setext(doc, h)) {
      s << " [" << h.content << "] [" << h.text << "] [" << h.html << "] [" << h.anchor_text << "]";
    }
    s << "\n";
  }
  for (const CodeBlock& c : doc.code_blocks()) {
    s << "code " << c.first_line << "-" << c.last_line << (c.fenced ? " fenced " : " ") << c.begin
      << "-" << c.end << "\n";
  }
  for (const HtmlComment& c : doc.comments()) {
    s << "comment " << c.begin << ".." << c.end << (c.terminated ? "" : " open") << "\n";
  }
  for (std::size_t o : doc.stray_comment_closers()) s << "stray " << o << "\n";
  for (const LinkReferenceDefinition& r : doc.link_references()) {
    s << "ref " << r.id << " " << r.target.link << " " << r.target.title << " @" << r.offset
      << "\n";
  }
  return s.str();
}

// The scanner starts a setext heading below link reference definitions that open its paragraph;
// cmark at the definitions. Such a cmark heading is brought in line before comparing.
inline bool setext_under_definitions(const std::string& text) {
  return text.find("]:") != std::string::npos;
}

// What cmark is compared on: each byte of an invalid UTF-8 sequence becomes \x01 (the scanner
// differs there on purpose, see commonmark_blocks.h). The length stays, so offsets and columns
// hold; cmark's scanners match \x01 (as the block scanner takes the original byte), and, like
// the byte it replaces, it is no letter, space or punctuation to the inline rules (a letter
// would make `<\x99ttps://x>` an autolink).
inline std::string as_cmark_is_compared(std::string_view text) {
  std::string out(text);
  for (std::size_t i = 0; i < out.size();) {
    Utf8Char c = decode_utf8(out, i);
    if (!c.valid) out[i] = '\x01';
    i += c.valid ? c.length : 1;
  }
  return out;
}

// Empty when cmark and the block scanner build the same document from `text`, up to the
// scanner's documented differences; otherwise both outlines, for the failure message.
inline std::string outline_disagreement(const std::string& text) {
  auto source = std::make_shared<const SourceFile>("README.md", text);
  // cmark reads invalid UTF-8 differently on purpose: it gets the text with such bytes
  // replaced, and the scanner's outline is compared with the same change.
  MarkdownDocument reference(
      std::make_shared<const SourceFile>("README.md", as_cmark_is_compared(text)),
      MarkdownParser::kCmark);
  MarkdownDocument scanned(source, MarkdownParser::kBlockScanner);
  std::string expected = comparable(reference), actual = as_cmark_is_compared(comparable(scanned));
  if (expected == actual) return {};
  if (setext_under_definitions(text)) {
    // Compare again with each setext heading's first line taken from the scanner when cmark's
    // lies above it on definition lines only.
    const auto& a = reference.headings();
    const auto& b = scanned.headings();
    bool explained = a.size() == b.size();
    for (std::size_t i = 0; explained && i < a.size(); ++i) {
      if (a[i].line == b[i].line) continue;
      explained = a[i].setext && b[i].setext && a[i].line < b[i].line &&
                  a[i].end_line == b[i].end_line && a[i].level == b[i].level;
      for (int l = a[i].line; explained && l < b[i].line; ++l) {
        explained = source->line_text(l).find("]:") != std::string_view::npos ||
                    source->line_text(l).find_first_of("'\"()") != std::string_view::npos;
      }
    }
    if (explained) return {};
  }
  std::ostringstream report;
  report << "--- input (" << text.size() << " bytes) ---\n"
         << (text.size() < 3000 ? text : text.substr(0, 3000)) << "\n--- cmark ---\n"
         << describe(reference) << "--- scanner ---\n"
         << describe(scanned);
  return report.str();
}

}  // namespace keplint::testing
