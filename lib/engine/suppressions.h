// Inline suppressions: kep-lint directives in the linted files' own comments.
//   Markdown: <!-- kep-lint-disable-next-line RULE[,RULE...] -- reason -->
//             <!-- kep-lint-disable RULE... --> ... <!-- kep-lint-enable RULE... -->
//             <!-- kep-lint-disable-file RULE... -->
//   YAML:     key: value  # kep-lint: disable-line RULE -- reason   (its own line)
//             # kep-lint: disable-line RULE                       (the next line with content)
//             # kep-lint: disable-file RULE
// YAML front matter of a Markdown file takes the YAML form. Rules are ids or names of the pack.
#pragma once

#include <string>
#include <vector>

#include "engine/coverage.h"
#include "engine/finding.h"
#include "parse/suppression_comments.h"

namespace keplint {

struct LoadedDocument;
struct Pack;

// The directive comments of one file. `proposals` are the proposals that linted it as one of
// their documents (empty for files seen only through a finding).
struct SuppressionFile {
  std::string path;
  SourcePtr source;
  std::vector<DirectiveComment> directives;
  std::vector<std::string> proposals;
  bool linted = true;  // false: seen only through a finding, so "unused" cannot be judged
};

// The directives of a loaded document, in source order: YAML comments in YAML files and front
// matter, HTML comments in Markdown. Empty unless the text mentions kep-lint.
std::vector<DirectiveComment> scan_suppressions(const LoadedDocument& doc);
// The same for a file known only by its path and text (the extension decides the syntax).
std::vector<DirectiveComment> scan_suppressions(const SourcePtr& source);

struct SuppressionSeverities {
  Severity unused = Severity::Warning;   // KL001
  Severity invalid = Severity::Warning;  // KL002
};

// Drops the findings the files' directives suppress, then appends KL001 (suppressions that
// suppressed nothing where their rule ran) and KL002 (directives that cannot be used). Findings
// on files not in `files` whose text mentions kep-lint are scanned too. Not sorted.
void apply_suppressions(std::vector<Finding>& findings, std::vector<SuppressionFile> files,
                        const Pack& pack, const RunCoverage& coverage,
                        const SuppressionSeverities& severities);

}  // namespace keplint
