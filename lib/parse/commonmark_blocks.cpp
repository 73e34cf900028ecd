#include "parse/commonmark_blocks.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <deque>

#include "document/utf8.h"

namespace keplint {
namespace {

constexpr int kTabStop = 4;
constexpr int kCodeIndent = 4;

enum class Kind : std::uint8_t {
  kDocument,
  kBlockQuote,
  kList,
  kItem,
  kCode,
  kHtml,
  kParagraph,
  kHeading,
  kThematicBreak,
};

bool can_contain(Kind parent, Kind child) {
  return parent == Kind::kDocument || parent == Kind::kBlockQuote || parent == Kind::kItem ||
         (parent == Kind::kList && child == Kind::kItem);
}
bool accepts_lines(Kind k) {
  return k == Kind::kParagraph || k == Kind::kHeading || k == Kind::kCode;
}

bool is_line_end(char c) {
  return c == '\n' || c == '\r';
}
bool space_or_tab(char c) {
  return c == ' ' || c == '\t';
}
// cmark_isspace
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_alnum(char c) {
  return is_alpha(c) || is_digit(c);
}
// cmark_ispunct: ASCII punctuation.
bool is_punct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}
char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}
bool starts_with_ci(std::string_view s, std::size_t at, std::string_view lower_word) {
  if (at + lower_word.size() > s.size()) return false;
  for (std::size_t i = 0; i < lower_word.size(); ++i) {
    if (lower(s[at + i]) != lower_word[i]) return false;
  }
  return true;
}

// CommonMark's block tag names (HTML block type 6), lowercase and sorted.
constexpr std::array<std::string_view, 62> kBlockTags = {
    "address",  "article",  "aside",    "base",       "basefont", "blockquote", "body",   "caption",
    "center",   "col",      "colgroup", "dd",         "details",  "dialog",     "dir",    "div",
    "dl",       "dt",       "fieldset", "figcaption", "figure",   "footer",     "form",   "frame",
    "frameset", "h1",       "h2",       "h3",         "h4",       "h5",         "h6",     "head",
    "header",   "hr",       "html",     "iframe",     "legend",   "li",         "link",   "main",
    "menu",     "menuitem", "nav",      "noframes",   "ol",       "optgroup",   "option", "p",
    "param",    "section",  "source",   "summary",    "table",    "tbody",      "td",     "tfoot",
    "th",       "thead",    "title",    "tr",         "track",    "ul"};

bool is_block_tag(std::string_view name) {
  if (name.empty() || name.size() > 10) return false;
  char buf[10];
  for (std::size_t i = 0; i < name.size(); ++i) buf[i] = lower(name[i]);
  return std::binary_search(kBlockTags.begin(), kBlockTags.end(),
                            std::string_view(buf, name.size()));
}

// Small fields are bytes: a Node is kept per open block, and a file of nothing but '>' opens one
// block per byte (issue 16: 56 bytes per level made a 30 MB README take 1.9 GB).
struct ListData {
  bool ordered = false;
  char marker = 0;                 // the bullet, or the delimiter ('.' or ')') of an ordered list
  std::uint8_t marker_offset = 0;  // the marker's indent: at most 3
  std::uint8_t padding = 0;        // marker, digits and spaces: at most 15
};

struct Node {
  int start_line = 0;
  int start_column = 0;
  int children = 0;  // cmark's "first_child != NULL" for list items
  int underline = 0;
  ListData list;
  Kind kind = Kind::kDocument;
  bool fenced = false;
  char fence_char = 0;
  std::uint8_t fence_length = 0;  // capped at 255, as cmark does
  std::uint8_t fence_offset = 0;  // the fence's indent: at most 3
  std::uint8_t html_type = 0;     // 1-7
  std::uint8_t level = 0;         // 1-6
  bool setext = false;
};
static_assert(sizeof(Node) <= 28);

// A line of the open paragraph: the bytes cmark adds to its content.
struct ParaLine {
  std::size_t begin = 0;  // offset in the text
  std::size_t end = 0;    // end of the line's content (before "\r\n" / "\n")
  int line = 0;
};

// ---- Scanners over one line (cmark's scanners.re); `s` always ends with '\n'. ----

// `#{1,6}` then spaces/tabs or the line end: the length matched, else 0.
int scan_atx_heading_start(std::string_view s, int p) {
  int i = p;
  while (i < static_cast<int>(s.size()) && s[i] == '#' && i - p < 6) ++i;
  if (i == p || i >= static_cast<int>(s.size())) return 0;
  if (space_or_tab(s[i])) {
    while (space_or_tab(s[i])) ++i;
    return i - p;
  }
  if (is_line_end(s[i])) return i + 1 - p;
  return 0;
}

// An opening fence: 3+ backticks (then no backtick on the line) or tildes; the run's length.
int scan_open_code_fence(std::string_view s, int p) {
  char c = s[p];
  int i = p;
  while (s[i] == c) ++i;
  int run = i - p;
  if (run < 3) return 0;
  if (c == '`' && s.find('`', i) != std::string_view::npos) return 0;
  return run;
}

// A closing fence: a run of 3+ of `c`, then only spaces/tabs; the run's length.
int scan_close_code_fence(std::string_view s, int p) {
  char c = s[p];
  if (c != '`' && c != '~') return 0;
  int i = p;
  while (s[i] == c) ++i;
  int run = i - p;
  if (run < 3) return 0;
  while (space_or_tab(s[i])) ++i;
  return is_line_end(s[i]) ? run : 0;
}

// `=+` or `-+`, then only spaces/tabs: the level (1 or 2), else 0.
int scan_setext_heading_line(std::string_view s, int p) {
  char c = s[p];
  if (c != '=' && c != '-') return 0;
  int i = p;
  while (s[i] == c) ++i;
  while (space_or_tab(s[i])) ++i;
  if (!is_line_end(s[i])) return 0;
  return c == '=' ? 1 : 2;
}

// On failure sets `kill_pos` to where the scan stopped: a later scan of the same line from
// before that point fails there too (the bytes up to it are `c` or blanks), so cmark skips it.
// Without that, "- - - ... x" rescans the rest of the line at each of its nesting levels.
bool scan_thematic_break(std::string_view s, int p, int& kill_pos) {
  char c = s[p];
  if (c != '*' && c != '-' && c != '_') {
    kill_pos = p;
    return false;
  }
  int count = 0;
  int i = p;
  for (; !is_line_end(s[i]); ++i) {
    if (s[i] == c) {
      ++count;
    } else if (!space_or_tab(s[i])) {
      kill_pos = i;
      return false;
    }
  }
  if (count < 3) kill_pos = i;
  return count >= 3;
}

bool is_html_space(char c) {  // cmark's spacechar
  return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r' || c == '\n';
}

// HTML block start conditions 1-6 at s[p] == '<': the block type, else 0.
int scan_html_block_start(std::string_view s, int p) {
  std::size_t i = static_cast<std::size_t>(p) + 1;
  if (s.compare(i, 3, "!--") == 0) return 2;
  if (i < s.size() && s[i] == '?') return 3;
  if (starts_with_ci(s, i, "![cdata[")) return 5;
  if (i + 1 < s.size() && s[i] == '!' && s[i + 1] >= 'A' && s[i + 1] <= 'Z') return 4;
  for (std::string_view name : {"script", "pre", "textarea", "style"}) {
    if (starts_with_ci(s, i, name)) {
      char after = i + name.size() < s.size() ? s[i + name.size()] : '\0';
      if (is_html_space(after) || after == '>') return 1;
    }
  }
  if (i < s.size() && s[i] == '/') ++i;
  std::size_t name_end = i;
  while (name_end < s.size() && is_alnum(s[name_end])) ++name_end;
  if (!is_block_tag(s.substr(i, name_end - i))) return 0;
  char after = name_end < s.size() ? s[name_end] : '\0';
  if (is_html_space(after) || after == '>') return 6;
  if (after == '/' && name_end + 1 < s.size() && s[name_end + 1] == '>') return 6;
  return 0;
}

// HTML block start condition 7: a complete open or closing tag alone on its line.
bool scan_html_block_start_7(std::string_view s, int p) {
  std::size_t i = static_cast<std::size_t>(p) + 1;
  std::size_t n = s.size();
  auto tag_name = [&](std::size_t& k) {
    if (k >= n || !is_alpha(s[k])) return false;
    while (k < n && (is_alnum(s[k]) || s[k] == '-')) ++k;
    return true;
  };
  auto spaces = [&](std::size_t& k) {
    std::size_t start = k;
    while (k < n && is_html_space(s[k])) ++k;
    return k > start;
  };
  if (i < n && s[i] == '/') {
    ++i;
    if (!tag_name(i)) return false;
    spaces(i);
    if (i >= n || s[i] != '>') return false;
    ++i;
  } else {
    if (!tag_name(i)) return false;
    while (true) {  // attributes
      std::size_t k = i;
      if (!spaces(k)) break;
      if (k >= n || !(is_alpha(s[k]) || s[k] == '_' || s[k] == ':')) break;
      while (k < n && (is_alnum(s[k]) || s[k] == '_' || s[k] == ':' || s[k] == '.' || s[k] == '-'))
        ++k;
      i = k;
      // an optional value
      spaces(k);
      if (k >= n || s[k] != '=') continue;
      ++k;
      spaces(k);
      if (k >= n) continue;
      if (s[k] == '"' || s[k] == '\'') {
        std::size_t close = s.find(s[k], k + 1);
        if (close == std::string_view::npos) continue;
        i = close + 1;
      } else {
        std::size_t start = k;
        while (k < n && !is_html_space(s[k]) && std::strchr("\"'=<>`", s[k]) == nullptr) ++k;
        if (k > start) i = k;
      }
    }
    spaces(i);
    if (i < n && s[i] == '/') ++i;
    if (i >= n || s[i] != '>') return false;
    ++i;
  }
  while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\f')) ++i;
  return i < n && is_line_end(s[i]);
}

// Whether a line of an HTML block of `type` (1-5) ends it, searching from `p`.
bool html_block_ends(std::string_view s, int p, int type) {
  std::string_view rest = s.substr(static_cast<std::size_t>(p));
  switch (type) {
    case 1:
      for (std::size_t at = rest.find("</"); at != std::string_view::npos;
           at = rest.find("</", at + 1)) {
        for (std::string_view name : {"script>", "pre>", "textarea>", "style>"}) {
          if (starts_with_ci(rest, at + 2, name)) return true;
        }
      }
      return false;
    case 2:
      return rest.find("-->") != std::string_view::npos;
    case 3:
      return rest.find("?>") != std::string_view::npos;
    case 4:
      return rest.find('>') != std::string_view::npos;
    case 5:
      return rest.find("]]>") != std::string_view::npos;
    default:
      return false;
  }
}

// ---- Link reference definitions (cmark_parse_reference_inline) on paragraph content. ----

std::size_t skip_spaces(std::string_view s, std::size_t i) {
  while (i < s.size() && space_or_tab(s[i])) ++i;
  return i;
}
// One line end ("\r\n", "\n" or "\r"); false unless there is one or the text ends.
bool skip_line_end(std::string_view s, std::size_t& i) {
  bool seen = false;
  if (i < s.size() && s[i] == '\r') {
    ++i;
    seen = true;
  }
  if (i < s.size() && s[i] == '\n') {
    ++i;
    seen = true;
  }
  return seen || i >= s.size();
}
std::size_t spnl(std::string_view s, std::size_t i) {
  i = skip_spaces(s, i);
  if (skip_line_end(s, i)) i = skip_spaces(s, i);
  return i;
}

// Length of a link destination at s[i], or -1.
long scan_link_url(std::string_view s, std::size_t offset) {
  std::size_t i = offset, n = s.size();
  if (i < n && s[i] == '<') {
    ++i;
    while (i < n) {
      if (s[i] == '>') {
        ++i;
        break;
      }
      if (s[i] == '\\') {
        i += 2;
      } else if (s[i] == '\n' || s[i] == '<') {
        return -1;
      } else {
        ++i;
      }
    }
    if (i >= n) return -1;
    return static_cast<long>(i - offset);
  }
  std::size_t parens = 0;
  while (i < n) {
    if (s[i] == '\\' && i + 1 < n && is_punct(s[i + 1])) {
      i += 2;
    } else if (s[i] == '(') {
      ++parens;
      ++i;
      if (parens > 32) return -1;
    } else if (s[i] == ')') {
      if (parens == 0) break;
      --parens;
      ++i;
    } else if (is_space(s[i])) {
      if (i == offset) return -1;
      break;
    } else {
      ++i;
    }
  }
  if (i >= n || parens != 0) return -1;
  return static_cast<long>(i - offset);
}

// Length of the longest link title at s[p] ("...", '...' or (...), backslash escapes), or 0.
// A backslash may also stand for itself, so every closing delimiter reachable either way counts.
std::size_t scan_link_title(std::string_view s, std::size_t p) {
  if (p >= s.size()) return 0;
  char open = s[p];
  char close = open == '(' ? ')' : open;
  if (open != '"' && open != '\'' && open != '(') return 0;
  std::size_t best = 0;
  // reachable[k % 3]: whether position k can be reached inside the title.
  std::array<bool, 3> reachable{};
  reachable[(p + 1) % 3] = true;
  for (std::size_t i = p + 1; i < s.size(); ++i) {
    bool here = reachable[i % 3];
    reachable[i % 3] = false;
    if (!here) {
      if (!reachable[(i + 1) % 3]) break;
      continue;
    }
    char c = s[i];
    if (c == close) {
      best = i + 1 - p;
      continue;
    }
    if (open == '(' && c == '(') continue;
    reachable[(i + 1) % 3] = true;
    if (c == '\\' && i + 1 < s.size() && is_punct(s[i + 1])) reachable[(i + 2) % 3] = true;
  }
  return best;
}

// The end of a link label `[...]` at s[start]: the index after `]`, or 0. A label of only
// whitespace is no label.
std::size_t link_label_end(std::string_view s, std::size_t start, bool& blank) {
  std::size_t i = start + 1;
  int length = 0;
  while (i < s.size() && s[i] != '[' && s[i] != ']') {
    if (s[i] == '\\') {
      ++i;
      ++length;
      if (i < s.size() && is_punct(s[i])) {
        ++i;
        ++length;
      }
    } else {
      ++i;
      ++length;
    }
    if (length > 1000) return 0;
  }
  if (i >= s.size() || s[i] != ']') return 0;
  blank = true;
  for (std::size_t k = start + 1; k < i && blank; ++k) blank = is_space(s[k]);
  return i + 1;
}

std::size_t link_label(std::string_view s, std::size_t start) {
  bool blank = false;
  std::size_t end = link_label_end(s, start, blank);
  return blank ? 0 : end;
}

// A link reference definition at the start of `s`: its length, else 0.
std::size_t parse_reference(std::string_view s) {
  std::size_t i = link_label(s, 0);
  if (i == 0 || i >= s.size() || s[i] != ':') return 0;
  i = spnl(s, i + 1);
  long url = scan_link_url(s, i);
  if (url < 0) return 0;
  i += static_cast<std::size_t>(url);
  std::size_t before_title = i;
  i = spnl(s, i);
  std::size_t title = i == before_title ? 0 : scan_link_title(s, i);
  if (title > 0) {
    i += title;
  } else {
    i = before_title;
  }
  i = skip_spaces(s, i);
  if (!skip_line_end(s, i)) {
    if (title == 0) return 0;
    i = skip_spaces(s, before_title);
    if (!skip_line_end(s, i)) return 0;
  }
  return i;
}

class BlockScanner {
 public:
  explicit BlockScanner(std::string_view text) : text_(text) {}

  BlockOutline run() {
    stack_.push_back({});
    stack_.back().start_line = 1;
    stack_.back().start_column = 1;
    std::size_t pos = byte_order_mark_length(text_);
    has_nul_ = text_.find('\0') != std::string_view::npos;
    while (pos < text_.size()) {
      std::size_t nl = text_.find('\n', pos);
      std::size_t end = nl == std::string_view::npos ? text_.size() : nl;
      std::size_t content_end = end;
      if (content_end > pos && text_[content_end - 1] == '\r') --content_end;
      process_line(pos, content_end, nl == std::string_view::npos ? text_.size() : nl + 1);
      pos = nl == std::string_view::npos ? text_.size() : nl + 1;
      pos = skip_comment_lines(pos);
    }
    eof_ = true;
    while (stack_.size() > 1) finalize_top();
    return std::move(out_);
  }

 private:
  // Inside an HTML comment block at the top level every line is the comment's, up to the one
  // holding "-->" (what the line-by-line path would find: nothing but that ends it). Skips to
  // that line, counting the lines passed; returns where to go on.
  std::size_t skip_comment_lines(std::size_t pos) {
    if (stack_.size() != 2 || stack_.back().kind != Kind::kHtml || stack_.back().html_type != 2 ||
        pos >= text_.size()) {
      return pos;
    }
    std::size_t close = text_.find("-->", pos);
    std::size_t stop = close == std::string_view::npos ? text_.size() : close;
    std::size_t line_start = pos;
    for (std::size_t nl = text_.find('\n', pos); nl < stop; nl = text_.find('\n', nl + 1)) {
      ++line_number_;
      line_start = nl + 1;
    }
    if (close == std::string_view::npos) {
      // The comment runs to the end: the last line counts if it has no line break.
      if (line_start < text_.size()) ++line_number_;
      return text_.size();
    }
    return line_start;
  }

  char peek(int i) const {
    return static_cast<std::size_t>(i) < cur_.size() ? cur_[static_cast<std::size_t>(i)] : '\0';
  }

  // `end`: where the line's content ends; `next`: where the next line starts.
  void process_line(std::size_t begin, std::size_t end, std::size_t next) {
    if (!has_nul_ && next > end && text_[next - 1] == '\n') {
      // The line as cmark reads it, in place: its bytes, then its line break ("\r\n" reads
      // like '\n': every scan stops at either).
      cur_ = text_.substr(begin, next - begin);
    } else {
      // The last line without a line break, or a line in a file with NUL bytes (cmark reads
      // NUL as U+FFFD, an ordinary character).
      line_buffer_.assign(text_.data() + begin, end - begin);
      std::replace(line_buffer_.begin(), line_buffer_.end(), '\0', '\x01');
      line_buffer_ += '\n';
      cur_ = line_buffer_;
    }
    line_begin_ = begin;
    line_shift_ = line_number_ == 0 ? static_cast<int>(begin) : 0;  // a byte order mark
    line_end_ = end;
    offset_ = column_ = thematic_break_kill_pos_ = 0;
    first_nonspace_ = first_nonspace_column_ = 0;
    blank_ = partially_consumed_tab_ = opened_ = false;
    ++line_number_;

    bool all_matched = false;
    int last_matched = check_open_blocks(all_matched);
    if (last_matched < 0) return;
    int container = last_matched;
    open_new_blocks(container, all_matched);
    add_text_to_container(container, last_matched);
  }

  // As in cmark, the scan is kept while the offset has not passed it: each nesting level would
  // otherwise rescan the same run of blanks (a deep list, then a line of a million spaces).
  void find_first_nonspace() {
    int chars_to_tab = kTabStop - (column_ % kTabStop);
    if (first_nonspace_ > offset_) {
      indent_ = first_nonspace_column_ - column_;
      blank_ = is_line_end(peek(first_nonspace_));
      return;
    }
    first_nonspace_ = offset_;
    first_nonspace_column_ = column_;
    while (true) {
      char c = peek(first_nonspace_);
      if (c == ' ') {
        ++first_nonspace_;
        ++first_nonspace_column_;
        if (--chars_to_tab == 0) chars_to_tab = kTabStop;
      } else if (c == '\t') {
        ++first_nonspace_;
        first_nonspace_column_ += chars_to_tab;
        chars_to_tab = kTabStop;
      } else {
        break;
      }
    }
    indent_ = first_nonspace_column_ - column_;
    blank_ = is_line_end(peek(first_nonspace_));
  }

  // Advances by `count` bytes, or by `count` columns (a tab may be consumed partially).
  void advance_offset(int count, bool columns) {
    while (count > 0) {
      char c = peek(offset_);
      if (c == '\0') break;
      if (c == '\t') {
        int chars_to_tab = kTabStop - (column_ % kTabStop);
        if (columns) {
          partially_consumed_tab_ = chars_to_tab > count;
          int advance = std::min(count, chars_to_tab);
          column_ += advance;
          offset_ += partially_consumed_tab_ ? 0 : 1;
          count -= advance;
        } else {
          partially_consumed_tab_ = false;
          column_ += chars_to_tab;
          offset_ += 1;
          count -= 1;
        }
      } else {
        partially_consumed_tab_ = false;
        ++offset_;
        ++column_;
        --count;
      }
    }
  }

  // The index of the last open block whose continuation the line matches; -1 when the line was
  // a closing code fence (nothing more to do with it).
  int check_open_blocks(bool& all_matched) {
    all_matched = false;
    std::size_t k = 1;
    for (; k < stack_.size(); ++k) {
      Node& n = stack_[k];
      find_first_nonspace();
      bool matched = true;
      switch (n.kind) {
        case Kind::kBlockQuote:
          matched = indent_ <= 3 && peek(first_nonspace_) == '>';
          if (matched) {
            advance_offset(indent_ + 1, true);
            if (space_or_tab(peek(offset_))) advance_offset(1, true);
          }
          break;
        case Kind::kItem:
          if (indent_ >= n.list.marker_offset + n.list.padding) {
            advance_offset(n.list.marker_offset + n.list.padding, true);
          } else if (blank_ && n.children > 0) {
            advance_offset(first_nonspace_ - offset_, false);
          } else {
            matched = false;
          }
          break;
        case Kind::kCode:
          if (!n.fenced) {
            if (indent_ >= kCodeIndent) {
              advance_offset(kCodeIndent, true);
            } else if (blank_) {
              advance_offset(first_nonspace_ - offset_, false);
            } else {
              matched = false;
            }
          } else {
            int close = 0;
            if (indent_ <= 3 && peek(first_nonspace_) == n.fence_char) {
              close = scan_close_code_fence(cur_, first_nonspace_);
            }
            if (close >= n.fence_length) {
              advance_offset(close, false);
              finalize_top();
              return -1;
            }
            for (int i = n.fence_offset; i > 0 && space_or_tab(peek(offset_)); --i) {
              advance_offset(1, true);
            }
          }
          break;
        case Kind::kHeading:
          matched = false;
          break;
        case Kind::kHtml:
          matched = n.html_type <= 5 || !blank_;
          break;
        case Kind::kParagraph:
          matched = !blank_;
          break;
        default:
          break;
      }
      if (!matched) break;
    }
    all_matched = k == stack_.size();
    return static_cast<int>(k) - 1;
  }

  void open_new_blocks(int& container, bool all_matched) {
    bool maybe_lazy = stack_.back().kind == Kind::kParagraph;
    Kind cont_type = stack_[container].kind;
    while (cont_type != Kind::kCode && cont_type != Kind::kHtml) {
      find_first_nonspace();
      bool indented = indent_ >= kCodeIndent;
      char c = peek(first_nonspace_);
      int matched = 0;
      ListData data;
      if (!indented && c == '>') {
        advance_offset(first_nonspace_ + 1 - offset_, false);
        if (space_or_tab(peek(offset_))) advance_offset(1, true);
        container = add_child(container, Kind::kBlockQuote, offset_ + 1);
      } else if (!indented && c == '#' &&
                 (matched = scan_atx_heading_start(cur_, first_nonspace_)) > 0) {
        int start = first_nonspace_;
        advance_offset(first_nonspace_ + matched - offset_, false);
        container = add_child(container, Kind::kHeading, start + 1);
        int level = 0;
        while (peek(start + level) == '#') ++level;
        stack_[container].level = static_cast<std::uint8_t>(level);
      } else if (!indented && (c == '`' || c == '~') &&
                 (matched = scan_open_code_fence(cur_, first_nonspace_)) > 0) {
        int fence_offset = first_nonspace_ - offset_;
        container = add_child(container, Kind::kCode, first_nonspace_ + 1);
        Node& n = stack_[container];
        n.fenced = true;
        n.fence_char = c;
        n.fence_length = static_cast<std::uint8_t>(std::min(matched, 255));
        n.fence_offset = static_cast<std::uint8_t>(fence_offset);
        advance_offset(first_nonspace_ + matched - offset_, false);
      } else if (!indented && c == '<' &&
                 ((matched = scan_html_block_start(cur_, first_nonspace_)) > 0 ||
                  (cont_type != Kind::kParagraph && !maybe_lazy &&
                   scan_html_block_start_7(cur_, first_nonspace_) && (matched = 7)))) {
        container = add_child(container, Kind::kHtml, first_nonspace_ + 1);
        stack_[container].html_type = static_cast<std::uint8_t>(matched);
        // the tag is part of the block's text: the offset stays
      } else if (!indented && cont_type == Kind::kParagraph && (c == '=' || c == '-') &&
                 (matched = scan_setext_heading_line(cur_, first_nonspace_)) > 0) {
        if (resolve_reference_definitions()) {
          Node& n = stack_[container];
          n.kind = Kind::kHeading;
          n.level = static_cast<std::uint8_t>(matched);
          n.setext = true;
          n.underline = line_number_;
          advance_offset(static_cast<int>(cur_.size()) - 1 - offset_, false);
        }
      } else if (!indented && !(cont_type == Kind::kParagraph && !all_matched) &&
                 thematic_break_kill_pos_ <= first_nonspace_ &&
                 scan_thematic_break(cur_, first_nonspace_, thematic_break_kill_pos_)) {
        container = add_child(container, Kind::kThematicBreak, first_nonspace_ + 1);
        advance_offset(static_cast<int>(cur_.size()) - 1 - offset_, false);
      } else if (indent_ < 4 && (matched = parse_list_marker(
                                     first_nonspace_, cont_type == Kind::kParagraph, data)) > 0) {
        advance_offset(first_nonspace_ + matched - offset_, false);
        bool saved_tab = partially_consumed_tab_;
        int saved_offset = offset_, saved_column = column_;
        while (column_ - saved_column <= 5 && space_or_tab(peek(offset_))) {
          advance_offset(1, true);
        }
        int spaces = column_ - saved_column;
        if (spaces >= 5 || spaces < 1 || is_line_end(peek(offset_))) {
          data.padding = static_cast<std::uint8_t>(matched + 1);
          offset_ = saved_offset;
          column_ = saved_column;
          partially_consumed_tab_ = saved_tab;
          if (spaces > 0) advance_offset(1, true);
        } else {
          data.padding = static_cast<std::uint8_t>(matched + spaces);
        }
        data.marker_offset = static_cast<std::uint8_t>(indent_);
        const ListData& open = stack_[container].list;
        if (cont_type != Kind::kList || open.ordered != data.ordered ||
            open.marker != data.marker) {
          container = add_child(container, Kind::kList, first_nonspace_ + 1);
          stack_[container].list = data;
        }
        container = add_child(container, Kind::kItem, first_nonspace_ + 1);
        stack_[container].list = data;
      } else if (indented && !maybe_lazy && !blank_) {
        advance_offset(kCodeIndent, true);
        container = add_child(container, Kind::kCode, offset_ + 1);
      } else {
        break;
      }
      if (accepts_lines(stack_[container].kind)) break;
      cont_type = stack_[container].kind;
      maybe_lazy = false;
    }
  }

  // A list marker at s[p]: its length, else 0. A marker that interrupts a paragraph needs
  // content after it, and an ordered one must be "1".
  int parse_list_marker(int p, bool interrupts_paragraph, ListData& data) {
    int i = p;
    char c = peek(i);
    auto content_follows = [&](int k) {
      while (space_or_tab(peek(k))) ++k;
      return !is_line_end(peek(k));
    };
    if (c == '*' || c == '-' || c == '+') {
      ++i;
      if (!is_space(peek(i))) return 0;
      if (interrupts_paragraph && !content_follows(i)) return 0;
      data.ordered = false;
      data.marker = c;
      return i - p;
    }
    if (!is_digit(c)) return 0;
    int start = 0, digits = 0;
    do {
      start = 10 * start + (peek(i) - '0');
      ++i;
      ++digits;
    } while (digits < 9 && is_digit(peek(i)));
    if (interrupts_paragraph && start != 1) return 0;
    c = peek(i);
    if (c != '.' && c != ')') return 0;
    ++i;
    if (!is_space(peek(i))) return 0;
    if (interrupts_paragraph && !content_follows(i)) return 0;
    data.ordered = true;
    data.marker = c;
    return i - p;
  }

  void add_text_to_container(int container, int last_matched) {
    find_first_nonspace();
    int top = static_cast<int>(stack_.size()) - 1;
    if (!opened_ && top != last_matched && !blank_ && stack_[top].kind == Kind::kParagraph) {
      add_paragraph_line(offset_);  // a lazy continuation line
      return;
    }
    while (static_cast<int>(stack_.size()) - 1 > container) finalize_top();
    Node& n = stack_[container];
    if (n.kind == Kind::kCode) return;
    if (n.kind == Kind::kHtml) {
      if (html_block_ends(cur_, first_nonspace_, n.html_type)) finalize_top();
      return;
    }
    if (blank_) return;
    if (accepts_lines(n.kind)) {
      advance_offset(first_nonspace_ - offset_, false);
      if (n.kind == Kind::kParagraph) add_paragraph_line(offset_);
      return;
    }
    add_child(container, Kind::kParagraph, first_nonspace_ + 1);
    advance_offset(first_nonspace_ - offset_, false);
    add_paragraph_line(offset_);
  }

  void add_paragraph_line(int offset) {
    std::size_t begin = line_begin_ + static_cast<std::size_t>(offset);
    paragraph_.push_back({std::min(begin, line_end_), line_end_, line_number_});
  }

  // Adds a child to stack_[parent] (closing the open blocks above it, and `parent` itself while
  // it cannot hold the child, as cmark's add_child and add_text_to_container do on this line).
  int add_child(int parent, Kind kind, int start_column) {
    while (static_cast<int>(stack_.size()) - 1 > parent) finalize_top();
    while (!can_contain(stack_[parent].kind, kind)) {
      finalize_top();
      --parent;
    }
    ++stack_[parent].children;
    Node n;
    n.kind = kind;
    n.start_line = line_number_;
    n.start_column = start_column + line_shift_;
    stack_.push_back(n);
    if (kind == Kind::kParagraph) paragraph_.clear();
    opened_ = true;
    return static_cast<int>(stack_.size()) - 1;
  }

  void finalize_top() {
    Node n = stack_.back();
    stack_.pop_back();
    int end_line = line_number_;
    if (!eof_ && !(n.kind == Kind::kCode && n.fenced) && !(n.kind == Kind::kHeading && n.setext)) {
      end_line = line_number_ - 1;
    }
    switch (n.kind) {
      case Kind::kParagraph:
        if (!resolve_reference_definitions() && !stack_.empty()) --stack_.back().children;
        break;
      case Kind::kCode:
        out_.code_blocks.push_back({n.start_line, end_line, n.fenced});
        break;
      case Kind::kHeading:
        out_.headings.push_back(heading_of(n));
        break;
      default:
        break;
    }
  }

  BlockHeading heading_of(const Node& n) const {
    BlockHeading h;
    h.level = n.level;
    h.setext = n.setext;
    h.line = n.start_line;
    h.end_line = n.setext ? n.underline : n.start_line;
    h.column = n.start_column;
    if (!n.setext || paragraph_.empty()) return h;
    if (paragraph_.front().line != n.start_line) {
      // Link reference definitions above the text were dropped: the heading starts below them.
      h.line = paragraph_.front().line;
      std::size_t line_start = paragraph_.front().begin;
      while (line_start > 0 && text_[line_start - 1] != '\n') --line_start;
      std::size_t first = paragraph_.front().begin;
      while (first < paragraph_.front().end && space_or_tab(text_[first])) ++first;
      h.column = static_cast<int>(first - line_start) + 1;
    }
    for (const ParaLine& l : paragraph_) {
      std::string_view t = text_.substr(l.begin, l.end - l.begin);
      while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
      while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
      if (&l != &paragraph_.front()) h.setext_text += '\n';
      h.setext_text.append(t);
    }
    return h;
  }

  // cmark's resolve_reference_link_definitions: drops the link reference definitions that open
  // the paragraph; false when nothing else is left. Definitions always end at a line end, so
  // whole lines go.
  bool resolve_reference_definitions() {
    if (paragraph_.empty()) return false;
    const ParaLine& first = paragraph_.front();
    if (first.begin >= first.end || text_[first.begin] != '[') return true;
    // Most such paragraphs are "[ ] task" or "[link](...)": when the label ends on the first
    // line, it must be followed by ':' for a definition (link_label reads the same either way).
    std::string first_line(text_.substr(first.begin, first.end - first.begin));
    first_line += '\n';
    bool blank = false;
    std::size_t label_end = link_label_end(first_line, 0, blank);
    if (label_end > 0 && (blank || first_line[label_end] != ':')) return true;
    std::string content;
    std::vector<std::size_t> line_ends;
    for (const ParaLine& l : paragraph_) {
      content.append(text_.substr(l.begin, l.end - l.begin));
      content += '\n';
      line_ends.push_back(content.size());
    }
    std::size_t pos = 0;
    while (pos < content.size() && content[pos] == '[') {
      std::size_t n = parse_reference(std::string_view(content).substr(pos));
      if (n == 0) break;
      pos += n;
    }
    std::size_t dropped = 0;
    while (dropped < line_ends.size() && line_ends[dropped] <= pos) ++dropped;
    paragraph_.erase(paragraph_.begin(), paragraph_.begin() + static_cast<long>(dropped));
    return !paragraph_.empty();
  }

  std::string_view text_;
  std::string_view cur_;  // the current line, ending with its line break
  std::string line_buffer_;
  bool has_nul_ = false;
  std::size_t line_begin_ = 0;
  std::size_t line_end_ = 0;
  int line_shift_ = 0;
  int line_number_ = 0;
  int offset_ = 0;
  int column_ = 0;
  int first_nonspace_ = 0;
  int first_nonspace_column_ = 0;
  int indent_ = 0;
  int thematic_break_kill_pos_ = 0;  // see scan_thematic_break
  bool blank_ = false;
  bool partially_consumed_tab_ = false;
  bool opened_ = false;  // a block was opened on this line
  bool eof_ = false;
  // The open blocks, document first. A deque: no reallocation copying the whole stack (nor twice
  // its size held at once) when a line opens a million blocks.
  std::deque<Node> stack_;
  std::vector<ParaLine> paragraph_;
  BlockOutline out_;
};

}  // namespace

BlockOutline scan_commonmark_blocks(std::string_view text) {
  return BlockScanner(text).run();
}

}  // namespace keplint
