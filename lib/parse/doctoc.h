// Table-of-contents generation and verification that agrees byte for byte with doctoc 2.5.0
// (https://github.com/thlorenz/doctoc), github.com mode, legacy pragma style, as cluster-api's
// hack/scripts/docs/generate-doctoc.sh runs it: `doctoc <files and directories>` with no
// options, from whatever doctoc is installed (the script pins no version, so we follow the
// latest release, 2.5.0). The options doctoc's command line has for the TOC's content
// (--notitle, --title, --maxlevel, --minlevel) are DoctocOptions.
//
// What doctoc does, and so what this does:
// - It parses the file with @textlint/markdown-to-ast (micromark: CommonMark plus GFM and YAML
//   front matter) and looks only at the document's top-level blocks: headings in lists or block
//   quotes are not in the TOC, nor are headings before the closing marker.
// - The markers are the first top-level HTML blocks containing `<!-- START doctoc ` and
//   `<!-- END doctoc `. The TOC is rewritten from the opening marker's start to the closing
//   marker's end: the two-line opening marker, the title (the paragraph found there before,
//   else the default title; none with --notitle), a blank line, the entries, a blank line.
// - An entry is `[text](#anchor)`, indented two spaces per level below the shallowest heading.
//   Its text is the heading's Markdown source with top-level links replaced by their text and
//   images by `*`; its anchor is anchor-markdown-header 0.8.4's GitHub slug of that text (Unicode
//   lowercase; spaces to '-'; punctuation, emoji and leftover emphasis removed; URI-encoded), with
//   "-1", "-2", ... for repeats.
// HTML headings (`<h1>`, `<h2>` in HTML blocks) are not supported: a file whose TOC would list
// one reports TocProblem::kHeadingTooComplex rather than a wrong TOC.
#pragma once

#include <cstddef>
#include <string>

#include "parse/markdown_document.h"
#include "parse/mdtoc.h"

namespace keplint {

struct DoctocOptions {
  bool notitle = false;  // --notitle: no title line
  std::string title;     // --title: the title line (empty: keep the existing one or the default)
  int max_level = 0;     // --maxlevel: deeper headings are left out; 0 means no limit
  int min_level = 1;     // --minlevel: shallower headings are left out
};

inline constexpr std::string_view kDoctocStartMarker =
    "<!-- START doctoc generated TOC please keep comment here to allow auto update -->";
inline constexpr std::string_view kDoctocDontEdit =
    "<!-- DON'T EDIT THIS SECTION, INSTEAD RE-RUN doctoc TO UPDATE -->";
inline constexpr std::string_view kDoctocEndMarker =
    "<!-- END doctoc generated TOC please keep comment here to allow auto update -->";

struct DoctocAnalysis {
  // kNone, kMissingStartMarker, kMissingEndMarker, kEndBeforeStart, or kHeadingTooComplex (an
  // HTML heading, or a heading too long to slug; `too_complex_heading` names it).
  TocProblem problem = TocProblem::kNone;
  bool skipped = false;  // the file has doctoc's `<!-- DOCTOC SKIP -->` line: nothing to check
  // [region_begin, region_end): from the opening marker's start to the closing marker's end.
  std::size_t region_begin = std::string::npos;
  std::size_t region_end = std::string::npos;
  std::string generated;  // what doctoc writes over the region: markers, title, entries
  std::string existing;   // the region's text now
  std::string too_complex_heading;
  bool up_to_date = false;
  // As TocAnalysis: the first differing line, the expected and the actual line there.
  int first_difference_line = 0;
  std::string expected_line;
  std::string actual_line;
  bool line_missing = false;  // the TOC has a line too few there (expected_line goes in)
  bool line_extra = false;    // the TOC has a line too many there (actual_line should go)
  // The whole file as doctoc writes it: when the TOC is not up to date, and when the file has
  // no markers at all (kMissingStartMarker), into which doctoc inserts a TOC (after the front
  // matter, with its default title).
  std::string rewritten;
};

DoctocAnalysis analyze_doctoc(const MarkdownDocument& doc, const DoctocOptions& options = {});

// anchor-markdown-header 0.8.4 in github.com mode for `header` and its repetition (0: first):
// the entry `[header](#slug)` doctoc writes. Exposed for tests.
std::string doctoc_entry_link(std::string_view header, int repetition);

}  // namespace keplint
