#include "parse/markdown_document.h"

#include <cmark.h>
#include <re2/re2.h>

#include <algorithm>

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

// A CommonMark setext underline: up to 3 spaces, a run of '=' or '-', trailing whitespace.
bool is_setext_underline(std::string_view line) {
  std::size_t i = 0;
  while (i < 3 && i < line.size() && line[i] == ' ') ++i;
  if (i >= line.size() || (line[i] != '=' && line[i] != '-')) return false;
  char c = line[i];
  while (i < line.size() && line[i] == c) ++i;
  return is_blank(line.substr(i));
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
  std::string out;
  bool pending_space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
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

MarkdownDocument::MarkdownDocument(SourcePtr source) : source_(std::move(source)) {
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

}  // namespace

void MarkdownDocument::parse() {
  const std::string& text = source_->text();
  std::string copy;
  std::string_view cmark_text = text_for_cmark(text, copy);
  CmarkDocument root(
      cmark_parse_document(cmark_text.data(), cmark_text.size(), CMARK_OPT_SOURCEPOS));
  if (!root) return;

  std::vector<std::pair<std::size_t, std::size_t>> code_ranges;
  cmark_iter* iter = cmark_iter_new(root.get());
  for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* node = cmark_iter_get_node(iter);
    cmark_node_type type = cmark_node_get_type(node);
    if (type == CMARK_NODE_CODE_BLOCK) {
      CodeBlock block;
      block.first_line = cmark_node_get_start_line(node);
      block.last_line = std::max(block.first_line, cmark_node_get_end_line(node));
      // cmark 0.30 has no public "is fenced" accessor; a fenced block's first line is its fence.
      std::string_view first = source_->line_text(block.first_line);
      int column = cmark_node_get_start_column(node);
      std::size_t indent = column > 0 ? static_cast<std::size_t>(column - 1) : 0;
      if (indent >= first.size() || (first[indent] != '`' && first[indent] != '~')) {
        indent = first.find_first_not_of(" >\t");
      }
      block.fenced = indent != std::string_view::npos &&
                     (first.substr(indent, 3) == "```" || first.substr(indent, 3) == "~~~");
      block.begin = source_->line_offset(block.first_line);
      block.end = source_->line_offset(block.last_line + 1);
      code_ranges.emplace_back(block.begin, block.end);
      code_blocks_.push_back(block);
      continue;
    }
    if (type != CMARK_NODE_HEADING) continue;

    MarkdownHeading heading;
    heading.level = cmark_node_get_heading_level(node);
    heading.line = cmark_node_get_start_line(node);
    heading.end_line = std::max(heading.line, cmark_node_get_end_line(node));
    heading.setext = heading.end_line > heading.line;
    cmark_node* parent = cmark_node_parent(node);
    cmark_node_type parent_type = parent ? cmark_node_get_type(parent) : CMARK_NODE_DOCUMENT;
    int cmark_column = cmark_node_get_start_column(node);

    if (!heading.setext) {
      std::string_view line = source_->line_text(heading.line);
      std::size_t hash = cmark_column > 0 ? static_cast<std::size_t>(cmark_column - 1) : 0;
      if (hash >= line.size() || line[hash] != '#') hash = line.find('#');
      if (hash == std::string_view::npos) hash = 0;
      heading.column = static_cast<int>(hash) + 1;
      AtxParts parts = split_atx(line.substr(hash));
      heading.content = std::string(parts.content);
    } else {
      // cmark 0.30 may report the line after the underline as the end: find the underline.
      for (int l = heading.line + 1; l <= heading.end_line; ++l) {
        if (is_setext_underline(strip_container_prefix(source_->line_text(l), parent_type))) {
          heading.end_line = l;
          break;
        }
      }
      // Every text line above the underline, without container prefixes.
      std::string content;
      for (int l = heading.line; l < heading.end_line; ++l) {
        if (!content.empty()) content += '\n';
        content += trim_spaces(strip_container_prefix(source_->line_text(l), parent_type));
      }
      heading.content = std::move(content);
      heading.column = std::max(cmark_column, 1);
    }
    heading.begin = source_->line_offset(heading.line);
    heading.end = source_->line_offset(heading.end_line + 1);
    headings_.push_back(std::move(heading));
  }
  cmark_iter_free(iter);

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
  std::size_t range_index = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    while (range_index < code_ranges.size() && code_ranges[range_index].second <= i) ++range_index;
    if (range_index < code_ranges.size() && code_ranges[range_index].first <= i) {
      i = code_ranges[range_index].second;
      continue;
    }
    char c = text[i];
    if (c == '<' && text.substr(i, 4) == "<!--") {
      std::size_t close = text.find("-->", i + 4);
      HtmlComment comment{i, close == std::string_view::npos ? text.size() : close + 3,
                          close != std::string_view::npos};
      comments_.push_back(comment);
      i = comment.end;
      continue;
    }
    if (c == '-' && text.substr(i, 3) == "-->") {
      stray_closers_.push_back(i);
      i += 3;
      continue;
    }
    if (c == '`') {
      std::size_t run_end = i;
      while (run_end < text.size() && text[run_end] == '`') ++run_end;
      std::size_t run = run_end - i;
      // A code span closes with a run of the same length before the paragraph ends.
      std::size_t limit = text.find("\n\n", run_end);
      if (limit == std::string_view::npos) limit = text.size();
      if (range_index < code_ranges.size()) limit = std::min(limit, code_ranges[range_index].first);
      std::size_t j = run_end;
      std::size_t span_end = std::string_view::npos;
      while (j < limit) {
        if (text[j] != '`') {
          ++j;
          continue;
        }
        std::size_t k = j;
        while (k < text.size() && text[k] == '`') ++k;
        if (k - j == run) {
          span_end = k;
          break;
        }
        j = k;
      }
      i = span_end == std::string_view::npos ? run_end : span_end;
      continue;
    }
    ++i;
  }
}

void MarkdownDocument::scan_link_references() {
  static const re2::RE2 kDefinition(
      R"re(^ {0,3}\[([^\]]+)\]:[ \t]*<?([^\s>]+)>?(?:[ \t]+(?:"([^"]*)"|'([^']*)'|\(([^)]*)\)))?[ \t]*$)re");
  for (int line = 1; line <= source_->line_count(); ++line) {
    std::string_view text = source_->line_text(line);
    if (text.empty() || text.find("]:") == std::string_view::npos) continue;
    std::size_t offset = source_->line_offset(line);
    if (offset_in_code(offset)) continue;  // not in_code_block(): we are inside parse()
    std::string id, link, t1, t2, t3;
    if (!RE2::FullMatch(text, kDefinition, &id, &link, &t1, &t2, &t3)) continue;
    for (char& c : id) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    references_.push_back({id, {link, t1 + t2 + t3}, offset});
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
  return std::any_of(code_blocks_.begin(), code_blocks_.end(),
                     [&](const CodeBlock& b) { return b.begin <= offset && offset < b.end; });
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
