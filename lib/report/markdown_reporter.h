// A Markdown summary (for $GITHUB_STEP_SUMMARY and release reports): counts and a table of
// findings, cut with a note before it outgrows options.markdown_max_bytes.
#pragma once

#include <string>
#include <string_view>

#include "report/reporter.h"

namespace keplint {

// Repo text inside a table cell renders as the same text: Markdown punctuation and HTML are
// backslash-escaped, pipes cannot split the cell and line breaks become <br>.
std::string markdown_cell(std::string_view text);

class MarkdownReporter final : public Reporter {
 public:
  explicit MarkdownReporter(ReporterOptions options) : options_(std::move(options)) {}
  void write(const Report& report, std::ostream& out) override;

 private:
  ReporterOptions options_;
};

}  // namespace keplint
