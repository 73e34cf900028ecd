// The Markdown model every Markdown rule shares: one parse of a file's block structure, reduced to
// what the rules need (headings with their sections, HTML comments, code blocks, link references).
// The blocks come from a cmark-compatible block scanner (parse/commonmark_blocks.h); cmark itself
// gives the same outline (MarkdownParser::kCmark) at several times the cost, as it also parses
// every paragraph's inline content.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "document/source_file.h"
#include "parse/gomarkdown_inline.h"

namespace keplint {

struct MarkdownHeading {
  int level = 0;                // 1-6
  bool setext = false;          // underlined with === / ---
  std::string text;             // plain text (text + code-span content), whitespace-collapsed
  std::string html;             // inline content rendered as mdtoc renders TOC link text
  std::string anchor_text;      // mdtoc's asText(): text + code literals, uncollapsed
  std::string content;          // inline source as gomarkdown extracts it ("{#id}", closing #s cut)
  int line = 0;                 // 1-based first line
  int end_line = 0;             // last line (the underline for setext headings)
  int column = 0;               // byte column of the first '#' (ATX) or of the text (setext)
  std::size_t begin = 0;        // offset of the first line's start
  std::size_t end = 0;          // offset just past the last line (including its line break)
  std::size_t body_end = 0;     // start of the next heading of any level, or end of file
  std::size_t section_end = 0;  // start of the next heading of the same or higher level, or EOF
};

// An HTML comment `<!-- ... -->`; [begin, end) covers the markers. Unterminated comments run to
// the end of the file.
struct HtmlComment {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool terminated = true;
};

struct CodeBlock {
  int first_line = 0;  // 1-based, including fences
  int last_line = 0;
  bool fenced = false;
  std::size_t begin = 0;  // [begin, end) byte offsets of the lines
  std::size_t end = 0;
};

struct LinkReferenceDefinition {
  std::string id;  // lowercased
  LinkReference target;
  std::size_t offset = 0;  // start of the definition's line
};

enum class MarkdownParser {
  kBlockScanner,  // scan_commonmark_blocks: the default
  kCmark,         // cmark 0.30: the reference the scanner is tested against
};

class MarkdownDocument {
 public:
  explicit MarkdownDocument(SourcePtr source,
                            MarkdownParser parser = MarkdownParser::kBlockScanner);

  const SourceFile& source() const { return *source_; }
  const SourcePtr& source_ptr() const { return source_; }

  const std::vector<MarkdownHeading>& headings() const { return parsed().headings_; }
  const std::vector<HtmlComment>& comments() const { return parsed().comments_; }
  const std::vector<CodeBlock>& code_blocks() const { return parsed().code_blocks_; }
  const std::vector<LinkReferenceDefinition>& link_references() const {
    return parsed().references_;
  }
  // Offsets of `-->` outside any comment and outside code.
  const std::vector<std::size_t>& stray_comment_closers() const { return parsed().stray_closers_; }
  // Offset of the `<!--` that is never closed, if any.
  std::optional<std::size_t> unterminated_comment() const;

  // Text after a heading: up to the next heading (`whole_section` false) or to the next heading
  // of the same or higher level (`whole_section` true).
  std::string_view section_body(const MarkdownHeading& heading, bool whole_section = false) const;
  // The same with HTML comments removed (comments in code are kept: they are not comments).
  std::string section_text_without_comments(const MarkdownHeading& heading,
                                            bool whole_section = false) const;
  // Whether the byte offset lies inside a fenced or indented code block.
  bool in_code_block(std::size_t offset) const;

 private:
  // The parse runs on first use: a run whose rules only need the text (the TOC rule
  // scans it the way mdtoc does) never pays for it.
  const MarkdownDocument& parsed() const {
    std::call_once(parsed_flag_, [this] { const_cast<MarkdownDocument*>(this)->parse(); });
    return *this;
  }
  void parse();
  // For use during parse(): the public accessors would wait on the parse itself.
  bool offset_in_code(std::size_t offset) const;
  void scan_comments(const std::vector<std::pair<std::size_t, std::size_t>>& code_line_ranges);
  void scan_link_references();

  SourcePtr source_;
  MarkdownParser parser_;
  mutable std::once_flag parsed_flag_;
  std::vector<MarkdownHeading> headings_;
  std::vector<HtmlComment> comments_;
  std::vector<CodeBlock> code_blocks_;
  std::vector<LinkReferenceDefinition> references_;
  std::vector<std::size_t> stray_closers_;
};

// Removes every `<!-- ... -->` (the first `-->` closes; an unclosed `<!--` removes the rest).
std::string strip_html_comments(std::string_view text);

// Collapses runs of ASCII whitespace to one space and trims both ends.
std::string collapse_whitespace(std::string_view text);

}  // namespace keplint
