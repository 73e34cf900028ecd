#include "parse/suppression_comments.h"

#include <cstring>

#include "document/utf8.h"
#include "parse/markdown_document.h"

namespace keplint {

namespace {

constexpr std::string_view kTool = "kep-lint";

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

std::string_view take_word(std::string_view& s) {
  std::size_t end = 0;
  while (end < s.size() && !is_space(s[end])) ++end;
  std::string_view word = s.substr(0, end);
  s.remove_prefix(end);
  return word;
}

std::string one_line(std::string_view s) {
  std::string out;
  for (char c : trim(s)) {
    if (is_space(c)) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// Reads a comment's text as a directive; false when it is an ordinary comment. Accepts both
// spellings (and `kep-lint VERB`) wherever they appear: the engine says which one belongs where.
bool parse_directive(std::string_view body, DirectiveComment& out) {
  std::string_view rest = trim(body);
  if (rest.substr(0, kTool.size()) != kTool) return false;
  rest.remove_prefix(kTool.size());
  if (rest.empty()) return false;
  if (rest.front() == '-') {
    out.style = DirectiveComment::Style::Markdown;
    rest.remove_prefix(1);
  } else if (rest.front() == ':') {
    out.style = DirectiveComment::Style::Yaml;
    rest = trim(rest.substr(1));
  } else if (is_space(rest.front())) {
    // "kep-lint disable ..." (yamllint's spelling) is a directive written wrongly; any other
    // sentence that starts with the tool's name is prose.
    std::string_view word = trim(rest);
    if (word.substr(0, 7) != "disable" && word.substr(0, 6) != "enable") return false;
    out.style = DirectiveComment::Style::Bare;
    rest = word;
  } else {
    return false;
  }
  out.verb = std::string(take_word(rest));
  // The reason starts at the first "--" that stands alone.
  std::string_view rules = rest;
  for (std::size_t i = 0; i + 1 < rest.size(); ++i) {
    if (rest[i] != '-' || rest[i + 1] != '-') continue;
    bool before = i == 0 || is_space(rest[i - 1]);
    bool after = i + 2 == rest.size() || is_space(rest[i + 2]);
    if (before && after) {
      rules = rest.substr(0, i);
      out.reason = one_line(rest.substr(i + 2));
      break;
    }
    while (i + 1 < rest.size() && rest[i + 1] == '-') ++i;  // "---" is not a separator
  }
  std::string token;
  for (char c : rules) {
    if (is_space(c) || c == ',') {
      if (!token.empty()) out.rules.push_back(std::move(token));
      token.clear();
    } else {
      token.push_back(c);
    }
  }
  if (!token.empty()) out.rules.push_back(std::move(token));
  out.text = one_line(body);
  return true;
}

bool blank(std::string_view line) {
  return trim(line).empty();
}

int count_indent(std::string_view line) {
  int n = 0;
  while (static_cast<std::size_t>(n) < line.size() && line[static_cast<std::size_t>(n)] == ' ') ++n;
  return n;
}

// Whether a quote at `i` opens a quoted scalar: it must start a token (line start, or after
// `[`, `{`, `,`, or `:`, `-`, `?` and a space). In `don't` it is part of a plain scalar.
bool quote_can_start(std::string_view line, std::size_t i) {
  std::size_t j = i;
  while (j > 0 && (line[j - 1] == ' ' || line[j - 1] == '\t')) --j;
  if (j == 0) return true;
  char p = line[j - 1];
  if (p == '[' || p == '{' || p == ',') return true;
  return (p == ':' || p == '-' || p == '?') && j < i;
}

// For a line whose content (comment removed) ends in a block scalar indicator (`|`, `>-`, `|2`),
// the indentation its content lines must exceed; -1 when it opens no block scalar.
int block_scalar_parent_indent(std::string_view content) {
  std::string_view t = content;
  while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.remove_suffix(1);
  std::size_t start = t.size();
  while (start > 0 && t[start - 1] != ' ' && t[start - 1] != '\t') --start;
  std::string_view token = t.substr(start);
  if (token.empty() || (token[0] != '|' && token[0] != '>')) return -1;
  for (char c : token.substr(1)) {
    if (c != '+' && c != '-' && (c < '0' || c > '9')) return -1;
  }
  std::string_view before = t.substr(0, start);
  while (!before.empty() && (before.back() == ' ' || before.back() == '\t'))
    before.remove_suffix(1);
  if (!before.empty() && before.back() != ':' && before.back() != '-') return -1;
  // The parent node starts after the indentation and any "- " sequence entries.
  std::size_t pos = static_cast<std::size_t>(count_indent(t));
  std::size_t last_dash = std::string_view::npos;
  while (pos < start && t[pos] == '-' && pos + 1 < t.size() && t[pos + 1] == ' ') {
    last_dash = pos;
    pos += 2;
    while (pos < t.size() && t[pos] == ' ') ++pos;
  }
  if (pos == start) {
    // `- |`: the scalar is the entry itself; its content is indented past the dash.
    return last_dash == std::string_view::npos ? count_indent(t) - 1 : static_cast<int>(last_dash);
  }
  return static_cast<int>(pos);
}

}  // namespace

// Every linted file passes through here, so it must cost next to nothing: memchr (vectorised)
// for the rare first letter beats memmem's general search about fivefold on KEP text.
bool mentions_kep_lint(std::string_view text) {
  const char* p = text.data();
  const char* end = p + text.size();
  while (static_cast<std::size_t>(end - p) >= kTool.size()) {
    p = static_cast<const char*>(std::memchr(p, 'k', static_cast<std::size_t>(end - p)));
    if (!p || static_cast<std::size_t>(end - p) < kTool.size()) return false;
    if (std::memcmp(p, kTool.data(), kTool.size()) == 0) return true;
    ++p;
  }
  return false;
}

std::vector<DirectiveComment> markdown_directives(const MarkdownDocument& doc, std::size_t from) {
  std::vector<DirectiveComment> out;
  const SourceFile& src = doc.source();
  std::string_view text = src.text();
  for (const HtmlComment& c : doc.comments()) {
    if (c.begin < from || !c.terminated) continue;
    std::string_view body = text.substr(c.begin + 4, c.end - 3 - (c.begin + 4));
    DirectiveComment d;
    if (!mentions_kep_lint(body) || !parse_directive(body, d)) continue;
    d.range = src.range_of(c.begin, c.end - c.begin);
    if (!out.empty() && out.back().range.end.line == d.range.end.line) {
      // Comments sharing a line share the answer: searching again for each of many directives
      // on one line before a long run of blank lines was quadratic.
      d.next_line = out.back().next_line;
    } else {
      for (int line = d.range.end.line + 1; line <= src.line_count(); ++line) {
        if (!blank(src.line_text(line))) {
          d.next_line = line;
          break;
        }
      }
    }
    out.push_back(std::move(d));
  }
  return out;
}

std::vector<DirectiveComment> yaml_directives(const SourceFile& source, std::size_t offset,
                                              std::size_t length) {
  std::vector<DirectiveComment> out;
  const std::string& text = source.text();
  offset = std::min(offset, text.size());
  length = std::min(length, text.size() - offset);
  if (length == 0) return out;
  int first = source.position_of(offset).line;
  int last = source.position_of(offset + length - 1).line;

  // Lines that a directive on a line of its own skips: blank lines and comment-only lines.
  std::vector<bool> skippable(static_cast<std::size_t>(last - first + 1), false);
  char quote = 0;         // inside a quoted scalar that continues on the next line
  int block_parent = -1;  // inside a block scalar whose content is indented past this
  for (int l = first; l <= last; ++l) {
    std::string_view line = source.line_text(l);
    std::size_t bom = l == 1 ? byte_order_mark_length(line) : 0;  // not content
    line.remove_prefix(bom);
    std::size_t slot = static_cast<std::size_t>(l - first);
    if (block_parent >= 0) {
      if (blank(line) || count_indent(line) > block_parent) continue;  // scalar content
      block_parent = -1;
    }
    if (quote == 0 && blank(line)) {
      skippable[slot] = true;
      continue;
    }
    std::size_t hash = std::string_view::npos;
    for (std::size_t i = 0; i < line.size(); ++i) {
      char c = line[i];
      if (quote == '"') {
        if (c == '\\') {
          ++i;
        } else if (c == '"') {
          quote = 0;
        }
        continue;
      }
      if (quote == '\'') {
        if (c == '\'') {
          if (i + 1 < line.size() && line[i + 1] == '\'') {
            ++i;
          } else {
            quote = 0;
          }
        }
        continue;
      }
      if (c == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
        hash = i;
        break;
      }
      if ((c == '"' || c == '\'') && quote_can_start(line, i)) quote = c;
    }
    std::string_view content = line.substr(0, hash == std::string_view::npos ? line.size() : hash);
    if (hash != std::string_view::npos) {
      bool trailing = !blank(content);
      if (!trailing) skippable[slot] = true;
      std::string_view body = line.substr(hash + 1);
      DirectiveComment d;
      d.in_yaml = true;
      if (mentions_kep_lint(body) && parse_directive(body, d)) {
        d.range = source.range_of(source.line_offset(l) + bom + hash, line.size() - hash);
        d.trailing = trailing;
        out.push_back(std::move(d));
      }
    }
    if (quote == 0) block_parent = block_scalar_parent_indent(content);
  }
  // The next line that is not skippable, from the end: searched forward for each directive, a
  // file of nothing but directive comments was quadratic.
  std::vector<int> next_kept(skippable.size() + 1, 0);
  for (std::size_t slot = skippable.size(); slot-- > 0;) {
    next_kept[slot] = skippable[slot] ? next_kept[slot + 1] : first + static_cast<int>(slot);
  }
  for (DirectiveComment& d : out) {
    std::size_t after = static_cast<std::size_t>(d.range.start.line + 1 - first);
    d.next_line = after < next_kept.size() ? next_kept[after] : 0;
  }
  return out;
}

}  // namespace keplint
