// Table-of-contents generation and verification that agrees byte for byte with mdtoc v1.4.0
// (`mdtoc --inplace --max-depth=5`, skip-prefix on), which kubernetes/enhancements runs in CI.
#pragma once

#include <cstddef>
#include <string>

#include "document/source_file.h"
#include "parse/markdown_document.h"

namespace keplint {

struct TocOptions {
  std::string start_marker = "<!-- toc -->";  // matched ASCII case-insensitively
  std::string end_marker = "<!-- /toc -->";
  int max_depth = 5;  // headings deeper than this are left out; <= 0 means no limit
};

enum class TocProblem {
  kNone,
  kMissingStartMarker,
  kMissingEndMarker,
  kEndBeforeStart,
  kEndMarkerInToc,  // a heading's entry would contain the closing marker: no fixed point
  // A heading's inline markup exceeds the inline parser's work budget (RenderedInline::complete):
  // its entry cannot be computed in reasonable time. `too_complex_heading` names it.
  kHeadingTooComplex,
};

struct TocAnalysis {
  TocProblem problem = TocProblem::kNone;
  // Offsets of the first occurrence of each marker (npos when absent) and their positions.
  std::size_t start_offset = std::string::npos;
  std::size_t end_offset = std::string::npos;
  Position start_position;
  Position end_position;

  std::string generated;            // the TOC mdtoc would write: lines each ending in "\n"
  std::string too_complex_heading;  // kHeadingTooComplex: the start of the heading's text
  std::string existing;             // the bytes between the opening marker and the closing marker
  bool up_to_date = false;

  // For an out-of-date TOC: the first differing line (1-based; the closing marker's line when
  // lines are missing), the line expected there (empty when an extra line should go) and the
  // line found there (empty when a line is missing).
  int first_difference_line = 0;
  std::string expected_line;
  std::string actual_line;
};

// mdtoc's GenerateTOC over the headings from `from_offset` on (mdtoc parses only from the
// closing marker). Exposed for tests and for callers without markers. When a heading is too
// complex to render (kHeadingTooComplex), `too_complex` (if given) receives the start of its text
// and the TOC returned is incomplete.
std::string generate_toc(const MarkdownDocument& doc, std::size_t from_offset, int max_depth,
                         std::string* too_complex = nullptr);

TocAnalysis analyze_toc(const MarkdownDocument& doc, const TocOptions& options = {});

// The file text `mdtoc --inplace` would write: everything through the opening marker, a newline,
// the TOC lines, then everything from the closing marker on. CRLF files keep CRLF line breaks.
// Returns the text unchanged when the TOC is up to date or the markers are missing/misordered.
std::string rewrite_toc(const MarkdownDocument& doc, const TocAnalysis& analysis);
std::string rewrite_toc(const MarkdownDocument& doc, const TocOptions& options = {});

}  // namespace keplint
