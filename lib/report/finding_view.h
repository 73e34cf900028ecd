// What every format derives from a Finding the same way: positions in the format's column
// unit, counts, titles and documentation links.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/finding.h"
#include "report/reporter.h"

namespace keplint {

enum class ColumnUnit { Bytes, Chars, Utf16 };

// A finding's range as an output shows it. Whole-file findings (line 0) get line 1 and no
// columns; a reversed range collapses to its start. Columns are 0 when has_columns is false.
struct OutputRange {
  int start_line = 1;
  int start_column = 0;
  int end_line = 1;
  int end_column = 0;
  bool whole_file = false;
  bool has_columns = false;
  bool single_line() const { return start_line == end_line; }
};

// `end_exclusive`: the end column points one past the last character (SARIF, rdjson) instead of
// at it (workflow commands, Checks API). Columns are converted with the finding's source lines;
// without a source, byte columns are kept.
OutputRange output_range(const Finding& finding, ColumnUnit unit, bool end_exclusive);

// Off never reaches a report in practice; outputs treat it like Info rather than drop it.
Severity shown_severity(Severity severity);

struct SeverityCounts {
  int errors = 0;
  int warnings = 0;
  int infos = 0;
  int total() const { return errors + warnings + infos; }
};
SeverityCounts count_severities(const std::vector<Finding>& findings);

// "1 error", "2 warnings".
std::string count_noun(int count, std::string_view noun);
// "3 errors, 1 warning" or "no findings".
std::string counts_text(const SeverityCounts& counts);
// "3 errors, 1 warning in 2 proposals" or "no findings in 2 proposals"; after a base
// comparison "1 error introduced in 2 proposals; 3 errors pre-existing (also at base
// 0123abcd4567)".
std::string summary_line(const Report& report);
std::string short_commit(const std::string& commit);
// The report's findings that are (or are not) pre-existing, in report order.
std::vector<const Finding*> report_groups(const Report& report, bool pre_existing);

// "KEP003 status-valid" (just the id when the rule has no name).
std::string finding_title(const Finding& finding);

// The level a finding is annotated at on GitHub: a pre-existing one is only a notice, so that a
// pull request's checks show as errors what it introduced and nothing else.
Severity annotation_severity(const Finding& finding);
// finding_title, marked "(pre-existing)" when it is.
std::string annotation_title(const Finding& finding);

// The finding's docs_url, else its rule's, else "<docs_base_url>/<rule id>", else "".
std::string docs_url(const Finding& finding, const Report& report, const ReporterOptions& options);
std::string rule_docs_url(const RuleInfo& rule, const ReporterOptions& options);

}  // namespace keplint
