// The Markdown outline and the mdtoc TOC on arbitrary bytes: offsets and lines stay inside the
// text; `--fix`'s rewrite keeps every byte outside the TOC markers, and a rewritten file is up
// to date; the optimized gomarkdown scanner agrees with the reference scanner, and the
// CommonMark block scanner with cmark (up to its documented differences). The doctoc TOC stays
// inside the text and its rewrite holds the TOC it generated (doctoc's own rewrite is not always
// a fixed point, see DoctocTest.FixturesMatchDoctoc, so that is not asked of ours).
#include <cstdint>
#include <string>

#include "../gomarkdown_blocks_reference.h"
#include "../markdown_outline_compare.h"
#include "fuzz_support.h"
#include "parse/doctoc.h"
#include "parse/gomarkdown_blocks.h"
#include "parse/markdown_document.h"
#include "parse/mdtoc.h"

namespace keplint {
namespace {

void check_outline(const MarkdownDocument& doc) {
  const SourceFile& source = doc.source();
  std::size_t size = source.text().size();
  int lines = source.line_count();
  for (const MarkdownHeading& h : doc.headings()) {
    FUZZ_CHECK(h.level >= 1 && h.level <= 6, "heading level");
    FUZZ_CHECK(h.line >= 1 && h.line <= h.end_line && h.end_line <= lines, "heading lines");
    FUZZ_CHECK(h.column >= 1, "heading column");
    FUZZ_CHECK(h.begin <= h.end && h.end <= h.body_end, "heading offsets");
    FUZZ_CHECK(h.body_end <= h.section_end && h.section_end <= size, "heading section");
    (void)doc.section_body(h, true);
    (void)doc.section_text_without_comments(h, false);
  }
  for (const HtmlComment& c : doc.comments()) {
    FUZZ_CHECK(c.begin < c.end && c.end <= size, "comment offsets");
  }
  for (const CodeBlock& b : doc.code_blocks()) {
    FUZZ_CHECK(b.first_line >= 1 && b.first_line <= b.last_line && b.last_line <= lines,
               "code block lines");
    FUZZ_CHECK(b.begin <= b.end && b.end <= size, "code block offsets");
  }
  for (std::size_t closer : doc.stray_comment_closers()) FUZZ_CHECK(closer < size, "stray -->");
  if (auto open = doc.unterminated_comment()) FUZZ_CHECK(*open < size, "unterminated comment");
}

void check_toc(const MarkdownDocument& doc, int max_depth) {
  const std::string& text = doc.source().text();
  TocOptions options;
  options.max_depth = max_depth;
  TocAnalysis toc = analyze_toc(doc, options);
  std::string rewritten = rewrite_toc(doc, toc);
  if (toc.problem != TocProblem::kNone || toc.up_to_date) {
    FUZZ_CHECK(rewritten == text, "a file without a fixable TOC was changed");
    return;
  }
  FUZZ_CHECK(
      toc.first_difference_line >= 1 && toc.first_difference_line <= doc.source().line_count(),
      "first difference line");
  // Everything up to the opening marker and from the closing marker on is kept byte for byte.
  std::size_t body_begin = toc.start_offset + options.start_marker.size();
  FUZZ_CHECK(rewritten.compare(0, body_begin, text, 0, body_begin) == 0, "text before the TOC");
  std::size_t tail = text.size() - toc.end_offset;
  FUZZ_CHECK(rewritten.size() >= tail &&
                 rewritten.compare(rewritten.size() - tail, tail, text, toc.end_offset, tail) == 0,
             "text after the TOC");
  // A second run finds nothing to do (the fixer relies on reaching a fixed point).
  MarkdownDocument again(std::make_shared<SourceFile>("fuzz.md", rewritten));
  TocAnalysis second = analyze_toc(again, options);
  FUZZ_CHECK(second.problem == TocProblem::kNone && second.up_to_date, "rewrite not up to date");
}

void check_doctoc(const MarkdownDocument& doc) {
  const std::string& text = doc.source().text();
  DoctocAnalysis toc = analyze_doctoc(doc);
  if (toc.region_begin != std::string::npos) {
    FUZZ_CHECK(toc.region_begin < text.size(), "doctoc region start");
  }
  if (toc.problem != TocProblem::kNone || toc.up_to_date) return;
  FUZZ_CHECK(toc.region_begin < toc.region_end && toc.region_end <= text.size(), "doctoc region");
  FUZZ_CHECK(
      toc.first_difference_line >= 1 && toc.first_difference_line <= doc.source().line_count(),
      "doctoc first difference line");
  FUZZ_CHECK(toc.rewritten.find(toc.generated) != std::string::npos, "doctoc rewrite");
}

void check_gomarkdown(std::string_view text) {
  GomarkdownOutline expected = gomarkdown_reference::scan_outline(text);
  GomarkdownOutline actual = scan_gomarkdown_outline(text);
  FUZZ_CHECK(expected.headings.size() == actual.headings.size(), "gomarkdown heading count");
  for (std::size_t i = 0; i < expected.headings.size(); ++i) {
    FUZZ_CHECK(expected.headings[i].level == actual.headings[i].level, "gomarkdown level");
    FUZZ_CHECK(expected.headings[i].content == actual.headings[i].content, "gomarkdown content");
  }
  FUZZ_CHECK(expected.references.size() == actual.references.size(), "gomarkdown references");
  auto r = actual.references.begin();
  for (const auto& [id, ref] : expected.references) {
    FUZZ_CHECK(id == r->first && ref.link == r->second.link && ref.title == r->second.title,
               "gomarkdown reference");
    ++r;
  }
}

}  // namespace
}  // namespace keplint

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace keplint;
  std::string text(reinterpret_cast<const char*>(data), size);
  MarkdownDocument doc(std::make_shared<SourceFile>("fuzz.md", text));
  check_outline(doc);
  check_toc(doc, 5);
  check_toc(doc, size % 7);  // 0 means no depth limit
  check_doctoc(doc);
  check_gomarkdown(text);
  std::string disagreement = testing::outline_disagreement(text);
  FUZZ_CHECK(disagreement.empty(), disagreement);
  return 0;
}
