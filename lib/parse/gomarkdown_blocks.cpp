#include "parse/gomarkdown_blocks.h"

#include <algorithm>
#include <set>

namespace keplint {
namespace {

using Index = long;  // signed, so "end - 1" style arithmetic stays simple

// Bounds-checked byte access: gomarkdown would panic where we read '\0' instead.
char at(std::string_view d, Index i) {
  return i >= 0 && i < static_cast<Index>(d.size()) ? d[static_cast<std::size_t>(i)] : '\0';
}
Index size(std::string_view d) {
  return static_cast<Index>(d.size());
}
std::string_view from(std::string_view d, Index i) {
  return i >= size(d) ? std::string_view()
                      : d.substr(static_cast<std::size_t>(std::max<Index>(i, 0)));
}
std::string_view slice(std::string_view d, Index b, Index e) {
  b = std::clamp<Index>(b, 0, size(d));
  e = std::clamp<Index>(e, b, size(d));
  return d.substr(static_cast<std::size_t>(b), static_cast<std::size_t>(e - b));
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool is_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
Index skip_char(std::string_view d, Index i, char c) {
  while (i < size(d) && at(d, i) == c) ++i;
  return i;
}
Index skip_char_n(std::string_view d, Index i, char c, int max) {
  while (i < size(d) && max > 0 && at(d, i) == c) {
    ++i;
    --max;
  }
  return i;
}
Index skip_until(std::string_view d, Index i, char c) {
  if (i >= size(d)) return i;
  std::size_t found = d.find(c, static_cast<std::size_t>(std::max<Index>(i, 0)));
  return found == std::string_view::npos ? size(d) : static_cast<Index>(found);
}
// The end of the line holding d[i - 1]: the first j >= i with d[j - 1] == '\n', else the end.
Index line_end_after(std::string_view d, Index i) {
  if (i <= 0 || i >= size(d) || at(d, i - 1) == '\n') return i;
  return std::min(skip_until(d, i, '\n') + 1, size(d));
}
bool backslash_escaped(std::string_view d, Index i) {
  Index n = 0;
  while (i - n - 1 >= 0 && at(d, i - n - 1) == '\\') ++n;
  return n % 2 == 1;
}

// A line of only spaces/tabs: its length including one '\n', else 0.
Index is_empty(std::string_view d) {
  if (d.empty()) return 0;
  Index i = 0;
  for (; i < size(d) && at(d, i) != '\n'; ++i) {
    if (at(d, i) != ' ' && at(d, i) != '\t') return 0;
  }
  return skip_char_n(d, i, '\n', 1);
}

bool is_hrule(std::string_view d) {
  Index i = 0;
  while (i < 3 && at(d, i) == ' ') ++i;
  char c = at(d, i);
  if (c != '*' && c != '-' && c != '_') return false;
  int n = 0;
  for (; i < size(d) && at(d, i) != '\n'; ++i) {
    if (at(d, i) == c) {
      ++n;
    } else if (at(d, i) != ' ') {
      return false;
    }
  }
  return n >= 3;
}

Index uli_prefix(std::string_view d) {
  Index i = skip_char_n(d, 0, ' ', 3);
  if (i >= size(d) - 1) return 0;
  char c = at(d, i), next = at(d, i + 1);
  if ((c != '*' && c != '+' && c != '-') || (next != ' ' && next != '\t')) return 0;
  return i + 2;
}
Index oli_prefix(std::string_view d) {
  Index i = skip_char_n(d, 0, ' ', 3);
  Index start = i;
  while (i < size(d) && at(d, i) >= '0' && at(d, i) <= '9') ++i;
  if (start == i || i >= size(d) - 1) return 0;
  if ((at(d, i) != '.' && at(d, i) != ')') || !(at(d, i + 1) == ' ' || at(d, i + 1) == '\t')) {
    return 0;
  }
  return i + 2;
}
Index dli_prefix(std::string_view d) {
  if (d.size() < 2 || d[0] != ':' || (d[1] != ' ' && d[1] != '\t')) return 0;
  return skip_char(d, 0, ' ') + 2;
}
Index quote_prefix(std::string_view d) {
  Index i = 0;
  while (i < 3 && at(d, i) == ' ') ++i;
  if (at(d, i) != '>') return 0;
  return at(d, i + 1) == ' ' ? i + 2 : i + 1;
}
Index code_prefix(std::string_view d) {
  if (!d.empty() && d[0] == '\t') return 1;
  if (d.size() >= 4 && d.substr(0, 4) == "    ") return 4;
  return 0;
}

bool is_prefix_heading(std::string_view d) {
  if (at(d, 0) != '#') return false;
  Index level = skip_char_n(d, 0, '#', 6);
  return level != size(d) && at(d, level) == ' ';  // SpaceHeadings
}
// gomarkdown checks `extensions|Mmark == 0`, which is never true, so `.# Title` always counts.
bool is_prefix_special_heading(std::string_view d) {
  return d.size() >= 4 && d[0] == '.' && d[1] == '#' && d[2] == ' ';
}

// A fence line (``` or ~~~, 3+ long, up to 3 spaces in): its length including '\n' and the
// marker; 0 if not. With `old_marker` set it must be a closing fence of exactly that marker.
std::pair<Index, std::string_view> fence_line(std::string_view d, std::string_view old_marker) {
  Index i = 0, n = size(d);
  while (i < n && i < 3 && at(d, i) == ' ') ++i;
  if (i >= n || (at(d, i) != '~' && at(d, i) != '`')) return {0, {}};
  char c = at(d, i);
  Index run = 0;
  while (i < n && at(d, i) == c) {
    ++run;
    ++i;
  }
  if (run < 3) return {0, {}};
  std::string_view marker = slice(d, i - run, i);
  if (!old_marker.empty() && marker != old_marker) return {0, {}};
  if (old_marker.empty()) {
    i = skip_char(d, i, ' ');
    if (i >= n) return i == n ? std::pair{i, marker} : std::pair<Index, std::string_view>{0, {}};
    // the info string: "{...}" or a run of non-space characters
    if (at(d, i) == '{') {
      ++i;
      while (i < n && at(d, i) != '}' && at(d, i) != '\n') ++i;
      if (i >= n || at(d, i) != '}') return {0, {}};
      ++i;
    } else {
      while (i < n && !is_space(at(d, i))) ++i;
    }
  }
  i = skip_char(d, i, ' ');
  if (i >= n) return {i, marker};
  if (at(d, i) != '\n') return {0, {}};
  return {i + 1, marker};
}

// Length of a fenced code block at the start of `d` (an unclosed fence is no code block).
Index fenced_code_block(std::string_view d) {
  auto [beg, marker] = fence_line(d, {});
  if (beg == 0 || beg >= size(d)) return 0;
  while (true) {
    auto [fence_end, unused] = fence_line(from(d, beg), marker);
    if (fence_end != 0) return beg + fence_end;
    Index end = skip_until(d, beg, '\n') + 1;
    if (end >= size(d)) return 0;
    beg = end;
  }
}

// gomarkdown's code-span length test, used by the table header scan.
Index code_span_length(std::string_view d) {
  Index nb = skip_char(d, 0, '`');
  if (nb == 0) return 0;
  // The span ends after the first run of `nb` backticks (gomarkdown counts consecutive
  // backticks and stops at nb); `find` does the same scan without a byte-at-a-time loop.
  std::size_t close =
      d.find(std::string(static_cast<std::size_t>(nb), '`'), static_cast<std::size_t>(nb));
  if (close == std::string_view::npos) return 0;
  return static_cast<Index>(close) + nb;
}

// Whether tableHeader's scan of the header row (which jumps over code spans, possibly past the
// newline) meets a '|'. If it does not, its column count stays 1 and there is no table. Most
// lines are rejected here with a few memchr calls, without the bookkeeping of the full scan.
bool header_row_has_pipe(std::string_view d) {
  std::size_t i = 0;
  while (true) {
    std::size_t eol = std::min(d.find('\n', i), d.size());
    std::size_t tick = d.substr(0, eol).find('`', i);
    std::size_t stop = std::min(tick, eol);
    if (d.substr(i, stop - i).find('|') != std::string_view::npos) return true;
    if (tick == std::string_view::npos) return false;
    Index code = code_span_length(d.substr(tick));
    i = tick + static_cast<std::size_t>(std::max<Index>(code, 1));
  }
}

// gomarkdown's tableHeader: a header row with '|' followed by a delimiter row. Returns the
// length of the two lines (0 if not a table).
Index table_header(std::string_view d) {
  if (!header_row_has_pipe(d)) return 0;
  Index i = 0, col_count = 1;
  bool header_is_underline = true, header_is_empty = true;
  for (; i < size(d) && at(d, i) != '\n'; ++i) {
    // code_span_length is 0 unless d[i] is a backtick.
    if (at(d, i) == '`') {
      if (Index code = code_span_length(from(d, i)); code > 0) i += code - 1;
    }
    char c = at(d, i);
    if (c == '|' && !backslash_escaped(d, i)) ++col_count;
    if (c != '-' && c != ' ' && c != ':' && c != '|') header_is_underline = false;
    if (c != ' ' && c != '|') header_is_empty = false;
  }
  if (col_count == 1) return 0;
  Index j = skip_char_n(d, i, '\n', 1);
  std::string_view header = slice(d, 0, j);
  if (at(d, 0) == '|') --col_count;
  while (!header.empty() && (header.back() == '\n' || header.back() == ' ')) {
    header.remove_suffix(1);
  }
  if (header.size() > 2 && header.back() == '|' && !backslash_escaped(header, size(header) - 1)) {
    --col_count;
  }
  i = header_is_underline && !header_is_empty ? 0 : i + 1;
  if (i >= size(d)) return 0;
  if (at(d, i) == '|' && !backslash_escaped(d, i)) ++i;
  i = skip_char(d, i, ' ');
  Index col = 0, n = size(d);
  while (i < n && at(d, i) != '\n') {
    int dashes = 0;
    if (at(d, i) == ':') {
      ++i;
      ++dashes;
    }
    while (i < n && at(d, i) == '-') {
      ++i;
      ++dashes;
    }
    if (i < n && at(d, i) == ':') {
      ++i;
      ++dashes;
    }
    while (i < n && at(d, i) == ' ') ++i;
    if (i == n) return 0;
    if (dashes < 3) return 0;
    if (at(d, i) == '|' && !backslash_escaped(d, i)) {
      ++col;
      ++i;
      while (i < n && at(d, i) == ' ') ++i;
      if (col >= col_count && i < n && at(d, i) != '\n') return 0;
    } else if (col + 1 < col_count) {
      return 0;
    } else if (at(d, i) == '\n') {
      ++col;
    } else {
      return 0;
    }
  }
  if (col != col_count) return 0;
  return skip_char_n(d, i, '\n', 1);
}

const std::set<std::string_view>& block_tags() {
  static const std::set<std::string_view> kTags = {
      "blockquote", "del",     "dd",       "div",     "dl",     "dt",     "fieldset", "form",
      "h1",         "h2",      "h3",       "h4",      "h5",     "h6",     "iframe",   "ins",
      "li",         "math",    "noscript", "ol",      "pre",    "p",      "script",   "style",
      "table",      "ul",      "address",  "article", "aside",  "canvas", "details",  "dialog",
      "figcaption", "figure",  "footer",   "header",  "hgroup", "main",   "nav",      "output",
      "progress",   "section", "video"};
  return kTags;
}

Index inline_html_comment(std::string_view d) {
  if (d.size() < 5 || d.substr(0, 4) != "<!--") return 0;
  // The first "-->" whose '>' is at index 5 or later.
  std::size_t close = d.find("-->", 3);
  return close == std::string_view::npos ? 0 : static_cast<Index>(close) + 3;
}

// An HTML block at the start of `d`: a block tag up to its closing tag on a line of its own that
// is followed by a blank line, a comment followed by a blank rest of line, or an <hr>.
Index html_block(std::string_view d) {
  if (at(d, 0) != '<') return 0;
  Index name_end = 1;
  while (name_end < size(d) && is_alnum(at(d, name_end))) ++name_end;
  std::string_view tag = slice(d, 1, name_end);
  if (!block_tags().contains(tag)) {
    Index comment = inline_html_comment(d);
    if (Index blank = is_empty(from(d, comment)); comment > 0 && blank > 0) return comment + blank;
    // <hr>
    if (d.size() >= 4 && (d[1] == 'h' || d[1] == 'H') && (d[2] == 'r' || d[2] == 'R') &&
        (d[3] == ' ' || d[3] == '/' || d[3] == '>')) {
      Index i = 3;
      while (i < size(d) && at(d, i) != '>' && at(d, i) != '\n') ++i;
      if (i < size(d) && at(d, i) == '>') {
        ++i;
        if (Index blank = is_empty(from(d, i)); blank > 0) return i + blank;
      }
    }
    return 0;
  }
  if (tag == "ins" || tag == "del") return 0;
  std::string close = "</" + std::string(tag) + ">";
  Index i = 1;
  while (i < size(d)) {
    ++i;
    // to just after the next "</" that starts at i - 1 or later
    std::size_t open = d.find("</", static_cast<std::size_t>(i - 1));
    i = open == std::string_view::npos ? size(d) : static_cast<Index>(open) + 1;
    if (i + 2 + size(tag) >= size(d)) break;
    std::string_view rest = from(d, i - 1);
    if (!rest.starts_with(close)) continue;
    Index j = size(close);
    Index blank = is_empty(from(rest, j));
    if (blank == 0) continue;
    j += blank;
    if (j < size(rest)) {
      Index after = is_empty(from(rest, j));
      if (after == 0) continue;  // the closing tag must be followed by a blank line
      j += after;
    }
    return i + j - 1;
  }
  return 0;
}

// A link reference definition at the start of `d`: its length up to the end of its line (or of
// its title line), 0 if none. Records the reference.
Index reference_definition(std::string_view d, LinkReferenceMap* refs) {
  if (d.size() < 4) return 0;
  Index i = 0;
  while (i < 3 && at(d, i) == ' ') ++i;
  if (at(d, i) != '[') return 0;
  ++i;
  Index id_begin = i;
  while (i < size(d) && at(d, i) != '\n' && at(d, i) != '\r' && at(d, i) != ']') ++i;
  if (i >= size(d) || at(d, i) != ']' || i == id_begin) return 0;
  Index id_end = i;
  ++i;
  if (at(d, i) != ':') return 0;
  ++i;
  while (at(d, i) == ' ' || at(d, i) == '\t') ++i;
  if (at(d, i) == '\n' || at(d, i) == '\r') {
    ++i;
    if (at(d, i) == '\n' && at(d, i - 1) == '\r') ++i;
  }
  while (at(d, i) == ' ' || at(d, i) == '\t') ++i;
  if (i >= size(d)) return 0;

  if (at(d, i) == '<') ++i;
  Index link_begin = i;
  while (i < size(d) && at(d, i) != ' ' && at(d, i) != '\t' && at(d, i) != '\n' &&
         at(d, i) != '\r') {
    ++i;
  }
  Index link_end = i;
  if (link_end < size(d) && at(d, link_begin) == '<' && at(d, link_end - 1) == '>') {
    ++link_begin;
    --link_end;
  }
  while (at(d, i) == ' ' || at(d, i) == '\t') ++i;
  char c = at(d, i);
  if (i < size(d) && c != '\n' && c != '\r' && c != '\'' && c != '"' && c != '(') return 0;
  Index line_end = 0, title_begin = 0, title_end = 0;
  if (i >= size(d) || c == '\r' || c == '\n') line_end = i;
  if (i + 1 < size(d) && c == '\r' && at(d, i + 1) == '\n') ++line_end;
  if (line_end > 0) {
    i = line_end + 1;
    while (at(d, i) == ' ' || at(d, i) == '\t') ++i;
  }
  if (i + 1 < size(d) && (at(d, i) == '\'' || at(d, i) == '"' || at(d, i) == '(')) {
    ++i;
    title_begin = i;
    while (i < size(d) && at(d, i) != '\n' && at(d, i) != '\r') ++i;
    title_end = (i + 1 < size(d) && at(d, i) == '\n' && at(d, i + 1) == '\r') ? i + 1 : i;
    --i;
    while (i > title_begin && (at(d, i) == ' ' || at(d, i) == '\t')) --i;
    if (i > title_begin && (at(d, i) == '\'' || at(d, i) == '"' || at(d, i) == ')')) {
      line_end = title_end;
      title_end = i;
    }
  }
  if (line_end == 0) return 0;
  std::string id(slice(d, id_begin, id_end));
  for (char& ch : id) ch = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch + 32) : ch;
  LinkReference ref{
      std::string(slice(d, link_begin, link_end)),
      title_end > title_begin ? std::string(slice(d, title_begin, title_end)) : std::string()};
  (*refs)[id] = std::move(ref);
  return line_end;
}

enum ListFlags : unsigned {
  kOrdered = 1,
  kDefinition = 2,
  kTerm = 4,
  kContainsBlock = 8,
  kEndOfList = 16,
};

class BlockScanner {
 public:
  GomarkdownOutline outline;

  void block(std::string_view data) {
    if (nesting_ >= kMaxNesting) return;
    ++nesting_;
    while (!data.empty()) {
      Index consumed = one_block(data);
      if (consumed <= 0) consumed = std::max<Index>(1, skip_until(data, 0, '\n'));  // safety
      data = from(data, consumed);
    }
    --nesting_;
  }

 private:
  static constexpr int kMaxNesting = 16;

  Index one_block(std::string_view data) {
    if (Index n = title_hook(data); n > 0) return n;
    if (is_prefix_heading(data)) return prefix_heading(data, false);
    if (is_prefix_special_heading(data)) return prefix_heading(data, true);
    if (at(data, 0) == '<') {
      if (Index n = html_block(data); n > 0) return n;
    }
    if (Index n = is_empty(data); n > 0) return n;
    if (code_prefix(data) > 0) return indented_code(data);
    if (Index n = fenced_code_block(data); n > 0) return n;
    if (is_hrule(data)) return skip_until(data, 0, '\n');
    if (quote_prefix(data) > 0) return quote(data);
    if (Index n = table(data); n > 0) return n;
    if (uli_prefix(data) > 0) return list(data, 0);
    if (oli_prefix(data) > 0) return list(data, kOrdered);
    if (dli_prefix(data) > 0) return list(data, kDefinition);
    if (Index n = block_math(data); n > 0) return n;
    return paragraph(data);
  }

  // mmark's title block: %%% ... %%% (TOML), never part of the TOC.
  static Index title_hook(std::string_view d) {
    if (d.size() < 4 || d.substr(0, 4) != "%%%\n") return 0;
    for (Index i = 3; i < size(d) - 3; ++i) {
      if (d.substr(static_cast<std::size_t>(i), 4) == "%%%\n") return i + 3;
    }
    return 0;
  }

  Index prefix_heading(std::string_view d, bool special) {
    Index level = special ? 1 : skip_char_n(d, 0, '#', 6);
    Index i = skip_char(d, special ? 2 : level, ' ');
    Index end = skip_until(d, i, '\n');
    Index skip = end;
    // j: the first "{#" starting before end - 1 (else end - 1); k: the first '}' after j.
    Index j = end - 1, k = 0;
    if (i < end - 1) {
      std::size_t id = slice(d, 0, end).find("{#", static_cast<std::size_t>(i));
      if (id != std::string_view::npos) j = static_cast<Index>(id);
    } else {
      j = std::max(i, end - 1);
    }
    for (k = j + 1; k < end && at(d, k) != '}'; ++k) {
    }
    if (j < end && k < end) {
      end = j;
      skip = k + 1;
      while (end > 0 && at(d, end - 1) == ' ') --end;
    }
    while (end > 0 && at(d, end - 1) == '#' && !backslash_escaped(d, end - 1)) --end;
    while (end > 0 && at(d, end - 1) == ' ') --end;
    if (end > i) {
      outline.headings.push_back({static_cast<int>(level), std::string(slice(d, i, end))});
    }
    return skip;
  }

  static Index indented_code(std::string_view d) {
    Index i = 0;
    while (i < size(d)) {
      Index beg = i;
      i = skip_until(d, i, '\n');
      i = skip_char_n(d, i, '\n', 1);
      std::string_view line = slice(d, beg, i);
      if (code_prefix(line) == 0 && is_empty(line) == 0) return beg;
    }
    return i;
  }

  static Index block_math(std::string_view d) {
    if (d.size() <= 4 || d[0] != '$' || d[1] != '$' || d[2] == '$') return 0;
    Index end = 2;
    while (end + 1 < size(d) && !(at(d, end) == '$' && at(d, end + 1) == '$')) ++end;
    if (end + 1 == size(d)) return 0;
    return end + 2;
  }

  static Index table(std::string_view d) {
    Index i = table_header(d);
    if (i == 0) return 0;
    while (i < size(d)) {
      Index row_start = i;
      int pipes = 0;
      for (; i < size(d) && at(d, i) != '\n'; ++i) {
        if (at(d, i) == '|') ++pipes;
      }
      if (pipes == 0) return row_start;
      i = skip_char_n(d, i, '\n', 1);
    }
    return i;
  }

  Index quote(std::string_view d) {
    std::string raw;
    Index beg = 0, end = 0;
    while (beg < size(d)) {
      end = beg;
      while (end < size(d) && at(d, end) != '\n') {
        // (a fence starts with a space or its marker character)
        char c = at(d, end);
        Index n = c == ' ' || c == '`' || c == '~' ? fenced_code_block(from(d, end)) : 0;
        if (n > 0) {
          end += n - 1;
          break;
        }
        ++end;
      }
      end = skip_char_n(d, end, '\n', 1);
      if (Index pre = quote_prefix(from(d, beg)); pre > 0) {
        beg += pre;
      } else if (terminates_quote(d, beg, end)) {
        break;
      }
      raw.append(slice(d, beg, end));
      beg = end;
    }
    block(raw);
    return end;
  }

  static bool terminates_quote(std::string_view d, Index beg, Index end) {
    if (is_empty(from(d, beg)) <= 0) return false;
    if (end >= size(d)) return true;
    return quote_prefix(from(d, end)) == 0 && is_empty(from(d, end)) == 0;
  }

  Index list(std::string_view d, unsigned flags) {
    Index i = 0;
    while (i < size(d)) {
      Index skip = list_item(from(d, i), flags);
      i += skip;
      if (skip == 0 || (flags & kEndOfList)) break;
    }
    return i;
  }

  static bool list_type_changed(std::string_view chunk, unsigned flags) {
    if (dli_prefix(chunk) > 0 && !(flags & kDefinition)) return true;
    if (oli_prefix(chunk) > 0 && !(flags & kOrdered)) return true;
    return uli_prefix(chunk) > 0 && (flags & (kOrdered | kDefinition));
  }

  Index list_item(std::string_view d, unsigned& flags) {
    Index item_indent = 0;
    if (at(d, 0) == '\t') {
      item_indent = 4;
    } else {
      while (item_indent < 3 && at(d, item_indent) == ' ') ++item_indent;
    }
    Index i = uli_prefix(d);
    if (i == 0) i = oli_prefix(d);
    if (i == 0) {
      i = dli_prefix(d);
      if (i > 0) flags &= ~kTerm;
    }
    if (i == 0) {
      if (!(flags & kDefinition)) return 0;
      flags |= kTerm;
    }
    i = skip_char(d, i, ' ');
    Index line = i;
    i = line_end_after(d, i);
    std::string raw(slice(d, line, i));
    line = i;

    bool contains_blank = false;
    std::size_t sublist = 0;
    while (line < size(d)) {
      i = line_end_after(d, i + 1);
      if (is_empty(slice(d, line, i)) > 0) {
        contains_blank = true;
        line = i;
        continue;
      }
      Index indent = 0, indent_index = 0;
      if (at(d, line) == '\t') {
        indent_index = 1;
        indent = 4;
      } else {
        while (indent < 4 && line + indent < i && at(d, line + indent) == ' ') {
          ++indent;
          ++indent_index;
        }
      }
      std::string_view chunk = slice(d, line + indent_index, i);

      // A fence at column 0 ends the list (gomarkdown after 2022; the corpus depends on it).
      if (!(flags & kDefinition) && indent == 0 && fence_line(chunk, {}).first > 0) {
        flags |= kEndOfList;
        break;
      }

      bool stop = false;
      if ((uli_prefix(chunk) > 0 && !is_hrule(chunk)) || oli_prefix(chunk) > 0 ||
          dli_prefix(chunk) > 0) {
        if (indent_index >= 4 && dli_prefix(chunk) <= 0) {
          Index leading = skip_char(chunk, 0, ' ');
          chunk = slice(d, line + indent_index - (leading + 1), i);
        }
        if (indent <= item_indent) {
          if (list_type_changed(chunk, flags)) {
            flags |= kEndOfList;
          } else if (contains_blank) {
            flags |= kContainsBlock;
          }
          break;
        }
        if (contains_blank) flags |= kContainsBlock;
        if (sublist == 0) {
          sublist = raw.size();
          if (dli_prefix(chunk) > 0) {
            std::size_t nl = raw.empty() ? std::string::npos : raw.rfind('\n', raw.size() - 1);
            sublist = nl == std::string::npos ? 0 : nl;
          }
        }
      } else if (is_prefix_heading(chunk) || is_prefix_special_heading(chunk)) {
        if (contains_blank && indent < 4) {
          flags |= kEndOfList;
          stop = true;
        } else {
          flags |= kContainsBlock;
        }
      } else if (contains_blank && indent < 4) {
        if ((flags & kDefinition) && i < size(d) - 1) {
          Index next = skip_until(d, i, '\n');
          while (next < size(d) - 1 && at(d, next) == '\n') ++next;
          if (i < size(d) - 1 && at(d, i) != ':' && next < size(d) - 1 && at(d, next) != ':') {
            flags |= kEndOfList;
          }
        } else {
          flags |= kEndOfList;
        }
        stop = true;
      } else if (contains_blank) {
        raw += '\n';
        flags |= kContainsBlock;
      }
      if (stop) break;
      if (contains_blank) {
        contains_blank = false;
        raw += '\n';
      }
      raw.append(chunk);
      line = i;
    }

    std::string_view content = raw;
    if ((flags & kContainsBlock) && !(flags & kTerm)) {
      if (sublist > 0) {
        block(content.substr(0, sublist));
        block(content.substr(sublist));
      } else {
        block(content);
      }
    } else if (sublist > 0) {
      // The item's own text is an inline paragraph (no headings); only a nested list is blocks.
      block(content.substr(sublist));
    }
    return line;
  }

  // A paragraph, ending at a blank line or where another block starts; an underline turns its
  // last line into a setext heading.
  Index paragraph(std::string_view d) {
    Index prev = 0, line = 0, i = 0;
    while (i < size(d)) {
      prev = line;
      std::string_view current = from(d, i);
      line = i;
      if (Index ref_end = reference_definition(current, &outline.references); ref_end > 0) {
        return i + ref_end;
      }
      if (Index n = is_empty(current); n > 0) {
        if (i < size(d) - 1 && at(d, i + 1) == ':') return prev + list(from(d, prev), kDefinition);
        return i + n;
      }
      if (i > 0) {
        if (int level = underline_level(current); level > 0) {
          Index eol = i - 1;
          while (prev < eol && at(d, prev) == ' ') ++prev;
          while (eol > prev && at(d, eol - 1) == ' ') --eol;
          outline.headings.push_back({level, std::string(slice(d, prev, eol))});
          return skip_until(d, i, '\n');
        }
      }
      if (is_prefix_heading(current) || is_prefix_special_heading(current) || is_hrule(current) ||
          quote_prefix(current) > 0 || fenced_code_block(current) > 0 ||
          table_header(current) > 0) {
        return i;
      }
      if (dli_prefix(current) != 0) return prev + list(from(d, prev), kDefinition);
      Index nl = skip_until(d, i, '\n');
      i = nl < size(d) ? nl + 1 : size(d);
    }
    return i;
  }

  static int underline_level(std::string_view d) {
    char c = at(d, 0);
    if (c != '=' && c != '-') return 0;
    Index i = skip_char(d, 1, c);
    i = skip_char(d, i, ' ');
    return i < size(d) && at(d, i) == '\n' ? (c == '=' ? 1 : 2) : 0;
  }

  int nesting_ = 0;
};

}  // namespace

GomarkdownOutline scan_gomarkdown_outline(std::string_view text) {
  BlockScanner scanner;
  scanner.block(text);
  return std::move(scanner.outline);
}

}  // namespace keplint
