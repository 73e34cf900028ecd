// Finds the comments that look like kep-lint suppression directives, as written: Markdown
// `<!-- kep-lint-disable-next-line RULE -- reason -->` and YAML `# kep-lint: disable-line RULE`.
// Rule names are not resolved here (the engine knows the pack); this only reads the text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "document/source_file.h"

namespace keplint {

class MarkdownDocument;

struct DirectiveComment {
  enum class Style {
    Markdown,  // written `kep-lint-VERB`
    Yaml,      // written `kep-lint: VERB`
    Bare,      // written `kep-lint VERB` (yamllint's spelling): always wrong
  };
  Style style = Style::Markdown;
  bool in_yaml = false;            // found in a YAML comment (false: in a Markdown HTML comment)
  std::string verb;                // as written, e.g. "disable-next-line"; may be unknown or empty
  std::vector<std::string> rules;  // rule ids or names as written, in order
  std::string reason;              // text after " -- ", trimmed; may be empty
  std::string text;                // the directive as written (comment markers dropped), one line
  Range range;                     // the comment, markers included
  // YAML: the comment follows content on its own line (`key: value  # kep-lint: ...`).
  bool trailing = false;
  // The next line that is not blank (Markdown) or neither blank nor a comment (YAML) after the
  // comment; 0 when there is none (in YAML: none inside the YAML region).
  int next_line = 0;
};

// Cheap pre-check: whether the text mentions kep-lint at all (a memmem, no parsing).
bool mentions_kep_lint(std::string_view text);

// Directive comments among the document's HTML comments (code blocks and code spans are not
// comments) that start at or after `from` (the body of a file with front matter).
// Unterminated comments are skipped: they are another rule's finding.
std::vector<DirectiveComment> markdown_directives(const MarkdownDocument& doc,
                                                  std::size_t from = 0);

// Directive comments in the YAML of [offset, offset + length) of `source` (a whole YAML file,
// or a front-matter slice). A `#` inside a quoted or block scalar is not a comment.
std::vector<DirectiveComment> yaml_directives(const SourceFile& source, std::size_t offset = 0,
                                              std::size_t length = std::string::npos);

}  // namespace keplint
