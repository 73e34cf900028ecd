// Shared by the Markdown check kinds: headings matched on normalized text, sections, and the
// PRR-style questions inside a section (`###### Question?` headings, or the pre-2021 form
// `* **Question?**` bullets), each with the answer text that follows it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parse/markdown_document.h"

namespace keplint {

// Case-folded, whitespace-collapsed, without trailing punctuation or an "(Optional)" suffix, so
// "Feature enablement and rollback:" matches "Feature Enablement and Rollback".
std::string normalize_heading(std::string_view text);

// Similarity of two normalized texts by shared words (0..1), for question wording that changed
// between template versions.
double word_similarity(std::string_view a, std::string_view b);

// The first heading whose normalized text equals `normalized`, or null.
const MarkdownHeading* find_heading(const MarkdownDocument& doc, std::string_view normalized);

// Byte range [begin, end) of a heading's whole section (up to the next heading of the same or
// a higher level).
struct Section {
  const MarkdownHeading* heading = nullptr;
  std::size_t begin = 0;  // just after the heading line
  std::size_t end = 0;
};
Section section_of(const MarkdownDocument& doc, const MarkdownHeading& heading);

struct Question {
  std::string text;        // as written (bold markers and '#'s removed)
  std::string normalized;  // normalize_heading(text)
  int line = 0;
  std::size_t answer_begin = 0;  // the answer runs to the next question or the section end
  std::size_t answer_end = 0;
};

// Questions in a section: headings deeper than the section's own; in a section without such
// headings, bold bullets whose bold text ends with '?'.
std::vector<Question> questions_in(const MarkdownDocument& doc, const Section& section);

// An answer's visible content: HTML comments removed, whitespace collapsed.
std::string answer_text(const MarkdownDocument& doc, const Question& q);

// The question in `candidates` that best matches `wanted` (exact normalized text first, then
// word similarity >= 0.6); null when none does.
const Question* match_question(const std::vector<Question>& candidates, std::string_view wanted);

}  // namespace keplint
