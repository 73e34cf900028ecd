#include "parse/markdown_document.h"

#include <cmark.h>

#include <algorithm>
#include <array>

#include "document/utf8.h"
#include "parse/commonmark_blocks.h"
#include "parse/link_definition.h"

namespace keplint {
namespace {

struct CmarkNodeDeleter {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
using CmarkDocument = std::unique_ptr<cmark_node, CmarkNodeDeleter>;

bool is_blank(std::string_view line) {
  return std::all_of(line.begin(), line.end(), [](char c) { return c == ' ' || c == '\t'; });
}

std::string_view trim_spaces(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

bool backslash_escaped(std::string_view s, std::size_t i) {
  std::size_t backslashes = 0;
  while (i > backslashes && s[i - backslashes - 1] == '\\') ++backslashes;
  return backslashes % 2 == 1;
}

struct AtxParts {
  int level = 0;
  std::string_view content;
};

// An ATX heading line from its first '#': the level and the content the way gomarkdown (and so
// mdtoc) extracts it: "{#id}" and all after it removed, closing '#'s removed (even without a space
// before them), surrounding spaces trimmed.
AtxParts split_atx(std::string_view line) {
  AtxParts parts;
  std::size_t level = 0;
  while (level < line.size() && level < 6 && line[level] == '#') ++level;
  parts.level = static_cast<int>(level);
  std::size_t i = level;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  std::size_t end = line.size();
  std::size_t id_open = line.find("{#", i);
  if (id_open != std::string_view::npos && id_open + 1 < end) {
    std::size_t id_close = line.find('}', id_open + 1);
    if (id_close != std::string_view::npos) {
      end = id_open;
      while (end > 0 && line[end - 1] == ' ') --end;
    }
  }
  while (end > 0 && line[end - 1] == '#' && !backslash_escaped(line, end - 1)) --end;
  while (end > 0 && line[end - 1] == ' ') --end;
  parts.content = end > i ? line.substr(i, end - i) : std::string_view();
  return parts;
}

// Strips what a container put in front of a line: "> " for quotes, indentation otherwise.
std::string_view strip_container_prefix(std::string_view line, cmark_node_type parent) {
  if (parent == CMARK_NODE_DOCUMENT) return line;
  if (parent == CMARK_NODE_BLOCK_QUOTE) {
    std::size_t gt = line.find('>');
    if (gt != std::string_view::npos && is_blank(line.substr(0, gt))) {
      line.remove_prefix(gt + 1);
      if (!line.empty() && line[0] == ' ') line.remove_prefix(1);
      return line;
    }
  }
  while (!line.empty() && line[0] == ' ') line.remove_prefix(1);
  return line;
}

}  // namespace

std::string collapse_whitespace(std::string_view text) {
  auto space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  };
  // Usually there is nothing to collapse: words separated by single spaces.
  bool plain = text.empty() || (text.front() != ' ' && text.back() != ' ');
  for (std::size_t k = 0; plain && k < text.size(); ++k) {
    plain = text[k] == ' ' ? text[k + 1] != ' ' : !space(text[k]);
  }
  if (plain) return std::string(text);
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && space(text[i])) ++i;
    std::size_t word = i;
    while (i < text.size() && !space(text[i])) ++i;
    if (i == word) break;
    if (!out.empty()) out += ' ';
    out.append(text.substr(word, i - word));
  }
  return out;
}

std::string strip_html_comments(std::string_view text) {
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t open = text.find("<!--", pos);
    if (open == std::string_view::npos) break;
    out.append(text.substr(pos, open - pos));
    std::size_t close = text.find("-->", open + 4);
    if (close == std::string_view::npos) return out;
    pos = close + 3;
  }
  if (pos < text.size()) out.append(text.substr(pos));
  return out;
}

MarkdownDocument::MarkdownDocument(SourcePtr source, MarkdownParser parser)
    : source_(std::move(source)), parser_(parser) {
  if (!source_) source_ = std::make_shared<const SourceFile>("", "");
}

namespace {
// cmark ends a line at a lone CR; SourceFile (and so every finding's line) only at LF. cmark
// gets the text with each lone CR as a space (same length, so offsets agree), else its line
// numbers would run past the file's.
std::string_view text_for_cmark(const std::string& text, std::string& copy) {
  std::size_t cr = text.find('\r');
  while (cr != std::string::npos && cr + 1 < text.size() && text[cr + 1] == '\n') {
    cr = text.find('\r', cr + 1);
  }
  if (cr == std::string::npos) return text;
  copy = text;
  for (std::size_t i = cr; i < copy.size(); ++i) {
    if (copy[i] == '\r' && (i + 1 >= copy.size() || copy[i + 1] != '\n')) copy[i] = ' ';
  }
  return copy;
}

// cmark's end line of the setext heading that starts on `line`.
int setext_end_line(std::string_view text, int line) {
  CmarkDocument root(cmark_parse_document(text.data(), text.size(), CMARK_OPT_SOURCEPOS));
  int end = 0;
  cmark_iter* iter = cmark_iter_new(root.get());
  for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(iter);
    if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_HEADING &&
        cmark_node_get_start_line(node) == line) {
      end = cmark_node_get_end_line(node);
    }
  }
  cmark_iter_free(iter);
  return end;
}

// The outline as cmark 0.30 parses it (MarkdownParser::kCmark): kept as the reference the block
// scanner is tested against.
BlockOutline cmark_block_outline(const SourceFile& source, std::string_view text) {
  BlockOutline out;
  CmarkDocument root(cmark_parse_document(text.data(), text.size(), CMARK_OPT_SOURCEPOS));
  if (!root) return out;
  int lines_read = static_cast<int>(std::count(text.begin(), text.end(), '\n'));
  if (!text.empty() && text.back() != '\n') ++lines_read;
  cmark_iter* iter = cmark_iter_new(root.get());
  for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* node = cmark_iter_get_node(iter);
    cmark_node_type type = cmark_node_get_type(node);
    if (type == CMARK_NODE_CODE_BLOCK) {
      BlockCode block;
      block.first_line = cmark_node_get_start_line(node);
      block.last_line = std::max(block.first_line, cmark_node_get_end_line(node));
      // cmark 0.30 has no public "is fenced" accessor. A fenced block starts with its fence at
      // the start column, and its fence line is not part of its content (an indented block's
      // first line is).
      std::string_view first = source.line_text(block.first_line);
      int column = cmark_node_get_start_column(node);
      std::size_t start = column > 0 ? static_cast<std::size_t>(column - 1) : 0;
      std::string_view at = start < first.size() ? first.substr(start) : std::string_view();
      const char* literal = cmark_node_get_literal(node);
      std::string_view content = literal ? literal : "";
      content = content.substr(0, content.find('\n'));
      const char* info = cmark_node_get_fence_info(node);
      block.fenced =
          (at.starts_with("```") || at.starts_with("~~~")) && ((info && *info) || content != at);
      out.code_blocks.push_back(block);
      continue;
    }
    if (type != CMARK_NODE_HEADING) continue;

    BlockHeading heading;
    heading.level = cmark_node_get_heading_level(node);
    heading.line = cmark_node_get_start_line(node);
    heading.end_line = std::max(heading.line, cmark_node_get_end_line(node));
    heading.setext = heading.end_line > heading.line;
    heading.column = cmark_node_get_start_column(node);
    if (heading.setext) {
      cmark_node* parent = cmark_node_parent(node);
      cmark_node_type parent_type = parent ? cmark_node_get_type(parent) : CMARK_NODE_DOCUMENT;
      // cmark 0.30 reports the line after the underline as the end (the heading closes when
      // that line is read), or the underline itself when it is the last line. On the last line
      // it takes one more line to tell.
      if (heading.end_line == lines_read) {
        std::string longer =
            std::string(text) + (text.empty() || text.back() == '\n' ? "\n" : "\n\n");
        if (setext_end_line(longer, heading.line) > lines_read) ++heading.end_line;
      }
      heading.end_line = std::max(heading.line + 1, heading.end_line - 1);
      // Every text line above the underline, without container prefixes.
      for (int l = heading.line; l < heading.end_line; ++l) {
        if (!heading.setext_text.empty()) heading.setext_text += '\n';
        heading.setext_text +=
            trim_spaces(strip_container_prefix(source.line_text(l), parent_type));
      }
    }
    out.headings.push_back(std::move(heading));
  }
  cmark_iter_free(iter);
  return out;
}

}  // namespace

void MarkdownDocument::parse() {
  const std::string& text = source_->text();
  std::string copy;
  std::string_view block_text = text_for_cmark(text, copy);
  BlockOutline blocks = parser_ == MarkdownParser::kCmark
                            ? cmark_block_outline(*source_, block_text)
                            : scan_commonmark_blocks(block_text);

  std::vector<std::pair<std::size_t, std::size_t>> code_ranges;
  code_blocks_.reserve(blocks.code_blocks.size());
  for (const BlockCode& b : blocks.code_blocks) {
    CodeBlock block;
    block.first_line = b.first_line;
    block.last_line = b.last_line;
    block.fenced = b.fenced;
    block.begin = source_->line_offset(block.first_line);
    block.end = source_->line_offset(block.last_line + 1);
    code_ranges.emplace_back(block.begin, block.end);
    code_blocks_.push_back(block);
  }

  headings_.reserve(blocks.headings.size());
  for (BlockHeading& b : blocks.headings) {
    MarkdownHeading heading;
    heading.level = b.level;
    heading.line = b.line;
    heading.end_line = b.end_line;
    heading.setext = b.setext;
    if (!heading.setext) {
      std::string_view line = source_->line_text(heading.line);
      std::size_t hash = b.column > 0 ? static_cast<std::size_t>(b.column - 1) : 0;
      if (hash >= line.size() || line[hash] != '#') hash = line.find('#');
      if (hash == std::string_view::npos) hash = 0;
      heading.column = static_cast<int>(hash) + 1;
      heading.content = std::string(split_atx(line.substr(hash)).content);
    } else {
      heading.content = std::move(b.setext_text);
      heading.column = std::max(b.column, 1);
    }
    heading.begin = source_->line_offset(heading.line);
    heading.end = source_->line_offset(heading.end_line + 1);
    headings_.push_back(std::move(heading));
  }

  std::sort(headings_.begin(), headings_.end(),
            [](const MarkdownHeading& a, const MarkdownHeading& b) { return a.begin < b.begin; });
  for (std::size_t i = 0; i < headings_.size(); ++i) {
    MarkdownHeading& h = headings_[i];
    h.body_end = i + 1 < headings_.size() ? headings_[i + 1].begin : text.size();
    h.section_end = text.size();
    for (std::size_t j = i + 1; j < headings_.size(); ++j) {
      if (headings_[j].level <= h.level) {
        h.section_end = headings_[j].begin;
        break;
      }
    }
  }

  scan_comments(code_ranges);
  scan_link_references();

  LinkReferenceMap refs;
  for (const auto& def : references_) refs.emplace(def.id, def.target);  // first definition wins
  for (MarkdownHeading& h : headings_) {
    RenderedInline rendered = render_gomarkdown_inline(h.content, refs);
    h.html = std::move(rendered.html);
    h.anchor_text = std::move(rendered.anchor_text);
    h.text = collapse_whitespace(h.anchor_text);
  }
}

// A linear scan of the raw text: comments do not nest and the first `-->` closes one, wherever
// it is (a comment can span blocks). Code blocks and code spans are skipped when outside a
// comment, since `<!--` shown as code is not a comment.
void MarkdownDocument::scan_comments(
    const std::vector<std::pair<std::size_t, std::size_t>>& code_ranges) {
  std::string_view text = source_->text();
  // The next '<', '>' and '`' at or after a position, each found with memchr and kept until
  // passed: only these bytes can start something here. A stray `-->` is found at its '>' (the
  // two bytes before it are checked).
  struct Next {
    std::string_view text;
    char c;
    std::size_t at = 0;
    bool fresh = false;
    std::size_t from(std::size_t pos) {
      if (!fresh || at < pos) {
        at = std::min(text.find(c, pos), text.size());
        fresh = true;
      }
      return at;
    }
  };
  Next lt{text, '<'}, gt{text, '>'}, tick{text, '`'};
  std::size_t paragraph_end = 0;  // the first "\n\n" at or after the last search's start
  bool paragraph_end_fresh = false;
  std::size_t range_index = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    while (range_index < code_ranges.size() && code_ranges[range_index].second <= i) ++range_index;
    if (range_index < code_ranges.size() && code_ranges[range_index].first <= i) {
      i = code_ranges[range_index].second;
      continue;
    }
    std::size_t limit =
        range_index < code_ranges.size() ? code_ranges[range_index].first : text.size();
    std::size_t j = std::min({lt.from(i), gt.from(i), tick.from(i)});
    if (j >= limit) {
      i = limit;
      continue;
    }
    char c = text[j];
    if (c == '>') {
      // `i` only ever stops after a construct or a byte that cannot be part of `-->`.
      if (j >= i + 2 && text[j - 2] == '-' && text[j - 1] == '-') stray_closers_.push_back(j - 2);
      i = j + 1;
      continue;
    }
    i = j;
    if (c == '<') {
      if (text.substr(i, 4) != "<!--") {
        ++i;
        continue;
      }
      std::size_t close = text.find("-->", i + 4);
      HtmlComment comment{i, close == std::string_view::npos ? text.size() : close + 3,
                          close != std::string_view::npos};
      comments_.push_back(comment);
      i = comment.end;
      continue;
    }
    // c == '`'
    std::size_t run_end = i;
    while (run_end < text.size() && text[run_end] == '`') ++run_end;
    std::size_t run = run_end - i;
    // A code span closes with a run of the same length before the paragraph ends. The end is
    // kept until passed, like the bytes above: searched again for every run of backticks,
    // "`a`a`a..." made this quadratic.
    if (!paragraph_end_fresh || paragraph_end < run_end) {
      paragraph_end = std::min(text.find("\n\n", run_end), text.size());
      paragraph_end_fresh = true;
    }
    std::size_t span_limit = paragraph_end;
    span_limit = std::min(span_limit, limit);
    std::size_t k = run_end;
    std::size_t span_end = std::string_view::npos;
    while (k < span_limit) {
      k = std::min(text.find('`', k), span_limit);
      if (k >= span_limit) break;
      std::size_t m = k;
      while (m < text.size() && text[m] == '`') ++m;
      if (m - k == run) {
        span_end = m;
        break;
      }
      k = m;
    }
    i = span_end == std::string_view::npos ? run_end : span_end;
  }
}

void MarkdownDocument::scan_link_references() {
  // Only lines holding "]:" can define a reference.
  std::string_view all = source_->text();
  int last_line = 0;
  for (std::size_t at = all.find("]:"); at != std::string_view::npos; at = all.find("]:", at + 2)) {
    int line = source_->position_of(at).line;
    if (line == last_line) continue;
    last_line = line;
    std::string_view text = source_->line_text(line);
    std::size_t offset = source_->line_offset(line);
    if (offset_in_code(offset)) continue;  // not in_code_block(): we are inside parse()
    if (line == 1) {                       // a byte order mark is not text
      std::size_t bom = byte_order_mark_length(text);
      text.remove_prefix(bom);
      offset += bom;
    }
    std::optional<LinkDefinitionLine> def = parse_link_definition_line(text);
    if (!def) continue;
    for (char& c : def->id) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    references_.push_back(
        {std::move(def->id), {std::move(def->link), std::move(def->title)}, offset});
  }
}

std::optional<std::size_t> MarkdownDocument::unterminated_comment() const {
  const auto& all = comments();
  if (!all.empty() && !all.back().terminated) return all.back().begin;
  return std::nullopt;
}

bool MarkdownDocument::in_code_block(std::size_t offset) const {
  parsed();
  return offset_in_code(offset);
}

bool MarkdownDocument::offset_in_code(std::size_t offset) const {
  // Code blocks are in document order and never overlap.
  auto after = std::upper_bound(code_blocks_.begin(), code_blocks_.end(), offset,
                                [](std::size_t o, const CodeBlock& b) { return o < b.begin; });
  return after != code_blocks_.begin() && offset < std::prev(after)->end;
}

std::string_view MarkdownDocument::section_body(const MarkdownHeading& heading,
                                                bool whole_section) const {
  std::string_view text = source_->text();
  std::size_t begin = std::min(heading.end, text.size());
  std::size_t end =
      std::clamp(whole_section ? heading.section_end : heading.body_end, begin, text.size());
  return text.substr(begin, end - begin);
}

std::string MarkdownDocument::section_text_without_comments(const MarkdownHeading& heading,
                                                            bool whole_section) const {
  std::string_view body = section_body(heading, whole_section);
  std::size_t base = static_cast<std::size_t>(body.data() - source_->text().data());
  std::size_t limit = base + body.size();
  std::string out;
  std::size_t pos = base;
  for (const HtmlComment& c : comments()) {
    if (c.end <= pos || c.begin >= limit) continue;
    if (c.begin > pos) out.append(source_->text(), pos, c.begin - pos);
    pos = std::min(c.end, limit);
  }
  if (pos < limit) out.append(source_->text(), pos, limit - pos);
  return out;
}

}  // namespace keplint
