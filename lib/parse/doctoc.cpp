#include "parse/doctoc.h"

#include <cmark.h>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <vector>

#include "document/utf8.h"

namespace keplint {
namespace {

// ---- Code points: decoding, JavaScript's whitespace, lowercase and emoji. ----

std::u32string decode_utf8(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    auto b = static_cast<unsigned char>(s[i]);
    int len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
    char32_t cp = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
    bool ok = len > 0 && i + static_cast<std::size_t>(len) <= s.size();
    for (int k = 1; ok && k < len; ++k) {
      auto c = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
      if ((c & 0xC0) != 0x80) ok = false;
      cp = (cp << 6) | (c & 0x3F);
    }
    if (ok && ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
               cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))) {
      ok = false;
    }
    if (!ok) {  // Node reads invalid UTF-8 as U+FFFD, one per bad byte
      out += U'\uFFFD';
      ++i;
      continue;
    }
    out += cp;
    i += static_cast<std::size_t>(len);
  }
  return out;
}

std::string encode_utf8(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) append_utf8(out, c);
  return out;
}

// JavaScript's \s (and String.prototype.trim's whitespace).
bool js_space(char32_t c) {
  return (c >= 9 && c <= 13) || c == ' ' || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x3000 || c == 0xFEFF;
}

// JavaScript's \w is ASCII.
bool js_word(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

struct LowerRun {
  char32_t first;
  char32_t last;
  int delta;
  int stride;
};
constexpr LowerRun kLowerRuns[] = {
#include "parse/doctoc_lowercase.inc"
};

char32_t lower_one(char32_t c) {
  const LowerRun* end = std::end(kLowerRuns);
  const LowerRun* run = std::upper_bound(std::begin(kLowerRuns), end, c,
                                         [](char32_t v, const LowerRun& r) { return v < r.first; });
  if (run == std::begin(kLowerRuns)) return c;
  --run;
  if (c > run->last || (c - run->first) % static_cast<char32_t>(run->stride) != 0) return c;
  return static_cast<char32_t>(static_cast<int>(c) + run->delta);
}

bool cased_letter(char32_t c) {
  return lower_one(c) != c || (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0x24F && c != 0xF7) ||
         (c >= 0x3AC && c <= 0x3FF) || (c >= 0x430 && c <= 0x45F);
}

// String.prototype.toLowerCase as V8 does it: full Unicode, U+0130 to "i\u0307", and a capital
// sigma at the end of a word to the final sigma.
std::u32string js_lower(std::u32string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    char32_t c = s[i];
    if (c == 0x130) {
      out += U"i\u0307";
    } else if (c == 0x3A3) {
      bool after_letter = i > 0 && cased_letter(s[i - 1]);
      bool before_letter = i + 1 < s.size() && cased_letter(s[i + 1]);
      out += (after_letter && !before_letter) ? char32_t{0x3C2} : char32_t{0x3C3};
    } else {
      out += lower_one(c);
    }
  }
  return out;
}

struct CodeRange {
  char32_t first;
  char32_t last;
};
constexpr CodeRange kEmoji[] = {
#include "parse/doctoc_emoji.inc"
};

bool emoji(char32_t c) {
  const CodeRange* end = std::end(kEmoji);
  const CodeRange* r = std::upper_bound(std::begin(kEmoji), end, c,
                                        [](char32_t v, const CodeRange& x) { return v < x.first; });
  return r != std::begin(kEmoji) && c <= (r - 1)->last;
}

bool emoji_modifier(char32_t c) {
  return c == 0xFE0F || (c >= 0x1F3FB && c <= 0x1F3FF) || (c >= 0xE0020 && c <= 0xE007F) ||
         c == 0x20E3;
}

// text.replace(emojiRegex(), ''): an emoji with its variation selector, skin tone, tag sequence,
// zero-width-joined continuation; keycaps ("1\uFE0F\u20E3").
std::u32string strip_emoji(std::u32string_view s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    char32_t c = s[i];
    bool keycap_base = (c >= '0' && c <= '9') || c == '#' || c == '*';
    if (keycap_base) {
      std::size_t j = i + 1;
      if (j < s.size() && s[j] == 0xFE0F) ++j;
      if (j < s.size() && s[j] == 0x20E3) {
        i = j + 1;
        continue;
      }
    }
    if (!emoji(c)) {
      out += c;
      ++i;
      continue;
    }
    std::size_t j = i + 1;
    for (;;) {
      while (j < s.size() && emoji_modifier(s[j])) ++j;
      if (j + 1 < s.size() && s[j] == 0x200D && emoji(s[j + 1])) {
        j += 2;
        continue;
      }
      break;
    }
    i = j;
  }
  return out;
}

// ---- anchor-markdown-header 0.8.4, github.com mode. ----

bool in_set(char32_t c, std::u32string_view set) {
  return set.find(c) != std::u32string_view::npos;
}

bool hex_digit(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

std::u32string basic_github_id(std::u32string_view text) {
  std::u32string dashed(text);
  std::replace(dashed.begin(), dashed.end(), U' ', U'-');
  std::u32string no_escapes;  // /%([abcdef]|\d){2,2}/ig
  for (std::size_t i = 0; i < dashed.size(); ++i) {
    if (dashed[i] == '%' && i + 2 < dashed.size() && hex_digit(dashed[i + 1]) &&
        hex_digit(dashed[i + 2])) {
      i += 2;
      continue;
    }
    no_escapes += dashed[i];
  }
  static constexpr std::u32string_view kAscii = U"/\\?!%:[]`.,()*\"';{}+=<>~$|#@&\u2013\u2014";
  static constexpr std::u32string_view kCjk =
      U"\u3002\uFF1F\uFF01\uFF0C\u3001\uFF1B\uFF1A\u201C\u201D\u3010\u3011\uFF08\uFF09\u3014"
      U"\u3015\uFF3B\uFF3D\uFE43\uFE44\u201C \u201D\u2018\u2019\uFE41\uFE42\u2014\u2026\uFF0D"
      U"\uFF5E\u300A\u300B\u3008\u3009\u300C\u300D";
  static constexpr std::u32string_view kLatin1 =
      U"\u00A1\u00A2\u00A3\u00A4\u00A5\u00A6\u00A7\u00A8\u00A9\u00AB\u00AC\u00AE\u00AF\u00B0"
      U"\u00B1\u00B2\u00B3\u00B4\u00B6\u00B7\u00B8\u00B9\u00BB\u00BC\u00BD\u00BE\u00BF";
  std::u32string out;
  for (char32_t c : no_escapes) {
    if (!in_set(c, kAscii) && !in_set(c, kCjk) && !in_set(c, kLatin1)) out += c;
  }
  return out;
}

bool line_terminator(char32_t c) {
  return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029;
}

// remove-markdown 0.6.4 on a slug. basic_github_id has removed every character its rules key on
// (* [ ] ( ) ` < > ~ # = !) but '-' and '_', so these are the rules that can still apply.
std::u32string remove_markdown(std::u32string s) {
  // Horizontal rules: /^ {0,3}((?:-[\t ]*){3,}|(?:_[ \t]*){3,}|(?:\*[ \t]*){3,})(?:\n+|$)/gm.
  {
    std::u32string out;
    std::size_t i = 0;
    while (i < s.size() || (i == 0 && s.empty())) {
      std::size_t eol = s.find(U'\n', i);
      std::size_t line_end = eol == std::u32string::npos ? s.size() : eol;
      std::u32string_view line(s.data() + i, line_end - i);
      std::size_t p = 0;
      while (p < line.size() && p < 3 && line[p] == ' ') ++p;
      bool rule = false;
      for (char32_t mark : {U'-', U'_', U'*'}) {
        std::size_t q = p;
        int count = 0;
        while (q < line.size() && line[q] == mark) {
          ++count;
          ++q;
          while (q < line.size() && (line[q] == ' ' || line[q] == '\t')) ++q;
        }
        if (count >= 3 && q == line.size()) rule = true;
      }
      if (rule) {
        std::size_t next = line_end;
        while (next < s.size() && s[next] == '\n') ++next;
        i = next;
        if (i >= s.size()) break;
        continue;
      }
      out.append(line);
      if (eol == std::u32string::npos) break;
      out += U'\n';
      i = eol + 1;
      if (i == s.size()) break;
    }
    s = std::move(out);
  }
  // List leaders: /^([\s\t]*)([\*\-\+]|\d+\.)\s+/gm -> '$1' (here only '-' is left).
  {
    std::u32string out;
    std::size_t i = 0;
    bool line_start = true;
    while (i < s.size()) {
      if (line_start) {
        std::size_t p = i;
        while (p < s.size() && js_space(s[p])) ++p;
        std::size_t q = p;
        if (q < s.size() && s[q] == '-') {
          ++q;
          std::size_t r = q;
          while (r < s.size() && js_space(s[r])) ++r;
          if (r > q) {
            out.append(s, i, p - i);
            line_start = r > 0 && line_terminator(s[r - 1]);
            i = r;
            continue;
          }
        }
      }
      line_start = line_terminator(s[i]);
      out += s[i++];
    }
    s = std::move(out);
  }
  // Setext underlines: /^[=\-]{2,}\s*$/ over the whole string.
  {
    std::size_t p = 0;
    while (p < s.size() && (s[p] == '-' || s[p] == '=')) ++p;
    std::size_t q = p;
    while (q < s.size() && js_space(s[q])) ++q;
    if (p >= 2 && q == s.size()) s.clear();
  }
  // '_' emphasis: /(^|\W)([_]+)(\S)(.*?\S)??\2($|\W)/g -> '$1$3$4$5', with the regex engine's
  // backtracking order.
  {
    std::u32string out;
    std::size_t i = 0;
    while (i <= s.size()) {
      bool matched = false;
      std::size_t match_end = 0;
      std::u32string replacement;
      for (int alt = 0; alt < 2 && !matched; ++alt) {
        std::size_t p = i;
        std::u32string g1;
        if (alt == 0) {
          if (i != 0) continue;
        } else {
          if (i >= s.size() || js_word(s[i])) continue;
          g1 = s[i];
          p = i + 1;
        }
        std::size_t run = 0;
        while (p + run < s.size() && s[p + run] == '_') ++run;
        for (std::size_t n = run; n >= 1 && !matched; --n) {
          std::size_t c3 = p + n;
          if (c3 >= s.size() || js_space(s[c3])) continue;
          // (.*?\S)?? : first without it, then with .*? taking k = 0, 1, ... characters.
          for (std::size_t g4_end = c3 + 1; g4_end <= s.size() && !matched;) {
            std::size_t close = g4_end;
            bool underscores = close + n <= s.size();
            for (std::size_t k = 0; underscores && k < n; ++k) underscores = s[close + k] == '_';
            if (underscores) {
              std::size_t after = close + n;
              if (after == s.size()) {
                matched = true;
                match_end = after;
                replacement = g1 + s.substr(c3, close - c3);
              } else if (!js_word(s[after])) {
                matched = true;
                match_end = after + 1;
                replacement = g1 + s.substr(c3, close - c3) + s[after];
              }
            }
            if (matched) break;
            // Extend group 4 to end at the next non-space character, '.' not crossing a line.
            std::size_t next = g4_end;
            bool found = false;
            while (next < s.size() && !line_terminator(s[next])) {
              if (!js_space(s[next])) {
                found = true;
                break;
              }
              ++next;
            }
            if (!found) break;
            g4_end = next + 1;
          }
          if (n == 1) break;
        }
      }
      if (matched) {
        out += replacement;
        if (match_end == i) {  // an empty match cannot happen here, but never loop
          if (i < s.size()) out += s[i];
          ++i;
        } else {
          i = match_end;
        }
        continue;
      }
      if (i < s.size()) out += s[i];
      ++i;
    }
    s = std::move(out);
  }
  return s;
}

// encodeURI, keeping U+200D (GitHub does not encode the zero width joiner).
std::string encode_uri(std::u32string_view s) {
  static constexpr std::string_view kKeep = ";,/?:@&=+$-_.!~*'()#";
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char32_t c : s) {
    if (c < 0x80 && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                     kKeep.find(static_cast<char>(c)) != std::string_view::npos)) {
      out += static_cast<char>(c);
      continue;
    }
    if (c == 0x200D) {
      append_utf8(out, c);
      continue;
    }
    std::string bytes;
    append_utf8(bytes, c);
    for (unsigned char b : bytes) {
      out += '%';
      out += kHex[b >> 4];
      out += kHex[b & 15];
    }
  }
  return out;
}

std::u32string js_trim(std::u32string_view s) {
  std::size_t b = 0;
  std::size_t e = s.size();
  while (b < e && js_space(s[b])) ++b;
  while (e > b && js_space(s[e - 1])) --e;
  return std::u32string(s.substr(b, e - b));
}

// ---- The Markdown blocks doctoc looks at: the document's top-level children. ----

enum class BlockType { kFrontMatter, kHeading, kHtml, kList, kParagraph, kOther };

struct Block {
  BlockType type = BlockType::kOther;
  std::size_t begin = 0;
  std::size_t end = 0;
  int start_line = 0;
  int end_line = 0;
  int level = 0;
  bool setext = false;
};

struct CmarkNodeDeleter {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};

class Lines {
 public:
  explicit Lines(std::string_view text) : text_(text) {
    starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i) {
      bool lf = text[i] == '\n';
      bool lone_cr = text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n');
      if (lf || lone_cr) starts_.push_back(i + 1);
    }
  }
  int count() const { return static_cast<int>(starts_.size()); }
  std::size_t start(int line) const {
    if (line < 1) return 0;
    if (line > count()) return text_.size();
    return starts_[static_cast<std::size_t>(line - 1)];
  }
  // The line's end, before its line break.
  std::size_t end(int line) const {
    if (line < 1) return 0;
    if (line >= count()) return text_.size();
    std::size_t e = starts_[static_cast<std::size_t>(line)] - 1;
    if (e > 0 && text_[e] == '\n' && text_[e - 1] == '\r') --e;
    return e;
  }
  std::string_view text(int line) const {
    return text_.substr(start(line), end(line) - start(line));
  }

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;
};

bool spaces_only(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t'; });
}

// micromark-extension-frontmatter's YAML: a `---` line first, up to the next `---` line.
std::optional<int> front_matter_last_line(const Lines& lines) {
  auto fence = [&](int line) {
    std::string_view t = lines.text(line);
    return t.starts_with("---") && spaces_only(t.substr(3));
  };
  if (lines.count() < 2 || !fence(1)) return std::nullopt;
  for (int line = 2; line <= lines.count(); ++line) {
    if (fence(line)) return line;
  }
  return std::nullopt;
}

std::string_view trim_blanks(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool setext_underline(std::string_view line) {
  std::string_view t = trim_blanks(line);
  return !t.empty() && (t.find_first_not_of('=') == std::string_view::npos ||
                        t.find_first_not_of('-') == std::string_view::npos);
}

// A GFM table's delimiter row: `| --- | :-: |`, with at least one pipe.
bool table_delimiter_row(std::string_view line) {
  std::string_view t = trim_blanks(line);
  if (t.find('|') == std::string_view::npos) return false;
  if (t.starts_with('|')) t.remove_prefix(1);
  if (t.ends_with('|')) t.remove_suffix(1);
  for (;;) {
    std::size_t bar = t.find('|');
    std::string_view cell = trim_blanks(t.substr(0, bar));
    if (cell.starts_with(':')) cell.remove_prefix(1);
    if (cell.ends_with(':')) cell.remove_suffix(1);
    if (cell.empty() || cell.find_first_not_of('-') != std::string_view::npos) return false;
    if (bar == std::string_view::npos) return true;
    t.remove_prefix(bar + 1);
  }
}

std::vector<Block> top_level_blocks(std::string_view text, const Lines& lines) {
  std::vector<Block> blocks;
  std::string copy(text);
  int front_end = front_matter_last_line(lines).value_or(0);
  if (front_end > 0) {
    blocks.push_back({BlockType::kFrontMatter, 0, lines.end(front_end), 1, front_end, 0, false});
    for (std::size_t i = 0; i < lines.start(front_end + 1) && i < copy.size(); ++i) {
      if (copy[i] != '\n' && copy[i] != '\r') copy[i] = ' ';
    }
  }
  // cmark ends a line at a lone CR as Lines does; it reads the rest as CommonMark, as micromark.
  std::unique_ptr<cmark_node, CmarkNodeDeleter> root(
      cmark_parse_document(copy.data(), copy.size(), CMARK_OPT_SOURCEPOS));
  if (!root) return blocks;
  for (cmark_node* n = cmark_node_first_child(root.get()); n; n = cmark_node_next(n)) {
    Block b;
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_HEADING:
        b.type = BlockType::kHeading;
        b.level = cmark_node_get_heading_level(n);
        break;
      case CMARK_NODE_HTML_BLOCK:
        b.type = BlockType::kHtml;
        break;
      case CMARK_NODE_LIST:
        b.type = BlockType::kList;
        break;
      case CMARK_NODE_PARAGRAPH:
        b.type = BlockType::kParagraph;
        break;
      default:
        b.type = BlockType::kOther;
        break;
    }
    b.start_line = cmark_node_get_start_line(n);
    b.end_line = std::max(b.start_line, cmark_node_get_end_line(n));
    if (b.type == BlockType::kHeading && b.end_line > b.start_line) {
      // cmark's setext heading may run past its underline; and where micromark (GFM) sees a
      // table, there is no heading: cmark reads the table as the heading's text.
      int underline = b.start_line + 1;
      while (underline < b.end_line && !setext_underline(lines.text(underline))) ++underline;
      b.end_line = underline;
      b.setext = true;
      for (int line = b.start_line; line + 1 < underline; ++line) {
        if (lines.text(line).find('|') != std::string_view::npos &&
            table_delimiter_row(lines.text(line + 1))) {
          b.type = BlockType::kOther;
        }
      }
    }
    // Blocks start at their first non-blank character and end at their last line's end.
    std::size_t begin = lines.start(b.start_line);
    std::size_t first_end = lines.end(b.start_line);
    while (begin < first_end && (text[begin] == ' ' || text[begin] == '\t')) ++begin;
    // mdast's indented code starts at its line's start, indentation included.
    std::string_view from = text.substr(begin, first_end - begin);
    if (cmark_node_get_type(n) == CMARK_NODE_CODE_BLOCK && !from.starts_with("```") &&
        !from.starts_with("~~~")) {
      begin = lines.start(b.start_line);
    }
    b.begin = begin;
    std::size_t end = lines.end(b.end_line);
    if (b.type == BlockType::kParagraph) {
      while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
    }
    b.end = end;
    blocks.push_back(b);
  }
  return blocks;
}

// ---- A heading's entry text: its source, links replaced by their text, images by '*'. ----

bool ascii_punct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}

// The end of the code span opening at `i` (a backtick run), or npos.
std::size_t code_span_end(std::string_view s, std::size_t i) {
  std::size_t run = 0;
  while (i + run < s.size() && s[i + run] == '`') ++run;
  for (std::size_t j = i + run; j < s.size();) {
    if (s[j] != '`') {
      ++j;
      continue;
    }
    std::size_t k = 0;
    while (j + k < s.size() && s[j + k] == '`') ++k;
    if (k == run) return j + k;
    j += k;
  }
  return std::string_view::npos;
}

// An autolink `<scheme:...>` or `<user@host>` at `i`: its end, or npos.
std::size_t autolink_end(std::string_view s, std::size_t i) {
  std::size_t close = s.find('>', i + 1);
  if (close == std::string_view::npos) return close;
  std::string_view inner = s.substr(i + 1, close - i - 1);
  if (inner.find_first_of(" \t\r\n<") != std::string_view::npos || inner.empty()) {
    return std::string_view::npos;
  }
  std::size_t colon = inner.find(':');
  auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (colon != std::string_view::npos && colon >= 2 && colon <= 32 && alpha(inner[0])) {
    bool scheme =
        std::all_of(inner.begin(), inner.begin() + static_cast<std::ptrdiff_t>(colon), [&](char c) {
          return alpha(c) || (c >= '0' && c <= '9') || c == '+' || c == '.' || c == '-';
        });
    if (scheme) return close + 1;
  }
  std::size_t at = inner.find('@');
  if (at != std::string_view::npos && at > 0 && at + 1 < inner.size() &&
      inner.find('@', at + 1) == std::string_view::npos && inner.find('\\') == inner.npos) {
    return close + 1;
  }
  return std::string_view::npos;
}

// The `]` closing the bracket opened at `i`, skipping code spans, escapes and nested brackets.
std::size_t closing_bracket(std::string_view s, std::size_t i) {
  int depth = 0;
  for (std::size_t j = i; j < s.size(); ++j) {
    char c = s[j];
    if (c == '\\' && j + 1 < s.size() && ascii_punct(s[j + 1])) {
      ++j;
    } else if (c == '`') {
      std::size_t e = code_span_end(s, j);
      if (e != std::string_view::npos) {
        j = e - 1;
      } else {
        while (j + 1 < s.size() && s[j + 1] == '`') ++j;
      }
    } else if (c == '[') {
      ++depth;
    } else if (c == ']') {
      if (--depth == 0) return j;
    }
  }
  return std::string_view::npos;
}

// An inline link's `(destination "title")` at `i`: its end, or npos.
std::size_t inline_link_tail_end(std::string_view s, std::size_t i) {
  if (i >= s.size() || s[i] != '(') return std::string_view::npos;
  std::size_t j = i + 1;
  auto skip_ws = [&] {
    while (j < s.size() && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r')) ++j;
  };
  skip_ws();
  if (j < s.size() && s[j] == '<') {
    ++j;
    while (j < s.size() && s[j] != '>') {
      if (s[j] == '\n' || s[j] == '<') return std::string_view::npos;
      if (s[j] == '\\' && j + 1 < s.size()) ++j;
      ++j;
    }
    if (j >= s.size()) return std::string_view::npos;
    ++j;
  } else {
    int parens = 0;
    while (j < s.size()) {
      char c = s[j];
      if (c == '\\' && j + 1 < s.size() && ascii_punct(s[j + 1])) {
        j += 2;
        continue;
      }
      if (static_cast<unsigned char>(c) <= ' ') break;
      if (c == '(') ++parens;
      if (c == ')') {
        if (parens == 0) break;
        --parens;
      }
      ++j;
    }
    if (parens != 0) return std::string_view::npos;
  }
  std::size_t before_ws = j;
  skip_ws();
  if (j < s.size() && j > before_ws && (s[j] == '"' || s[j] == '\'' || s[j] == '(')) {
    char close = s[j] == '(' ? ')' : s[j];
    ++j;
    while (j < s.size() && s[j] != close) {
      if (s[j] == '\\' && j + 1 < s.size()) ++j;
      ++j;
    }
    if (j >= s.size()) return std::string_view::npos;
    ++j;
    skip_ws();
  }
  if (j < s.size() && s[j] == ')') return j + 1;
  return std::string_view::npos;
}

std::string normalize_label(std::string_view label) {
  std::string out = collapse_whitespace(label);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  return out;
}

struct LinkMatch {
  std::size_t text_begin = 0;
  std::size_t text_end = 0;
  std::size_t end = 0;
};

// A link (inline, full, collapsed or shortcut reference) whose text opens at `i` ('[').
using Labels = std::set<std::string, std::less<>>;  // the defined references, normalized

std::optional<LinkMatch> link_at(std::string_view s, std::size_t i, const Labels& labels) {
  std::size_t close = closing_bracket(s, i);
  if (close == std::string_view::npos) return std::nullopt;
  LinkMatch m{i + 1, close, 0};
  auto defined = [&](std::string_view label) {
    if (label.empty() || label.front() == '^') return false;  // `[^x]` is a footnote
    std::string want = normalize_label(label);
    if (want.empty()) return false;
    return labels.contains(want);
  };
  if (std::size_t e = inline_link_tail_end(s, close + 1); e != std::string_view::npos) {
    m.end = e;
    return m;
  }
  std::string_view text = s.substr(m.text_begin, m.text_end - m.text_begin);
  if (close + 1 < s.size() && s[close + 1] == '[') {
    std::size_t label_close = s.find(']', close + 2);
    if (label_close != std::string_view::npos) {
      std::string_view label = s.substr(close + 2, label_close - close - 2);
      if (label.empty() ? defined(text) : defined(label)) {
        m.end = label_close + 1;
        return m;
      }
    }
  }
  if (defined(text)) {
    m.end = close + 1;
    return m;
  }
  return std::nullopt;
}

std::string entry_text(std::string_view s, const Labels& labels, int depth = 0) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    char c = s[i];
    if (c == '\\' && i + 1 < s.size() && ascii_punct(s[i + 1])) {
      out.append(s.substr(i, 2));
      i += 2;
    } else if (c == '`') {
      std::size_t e = code_span_end(s, i);
      if (e == std::string_view::npos) {
        e = i;
        while (e < s.size() && s[e] == '`') ++e;
      }
      out.append(s.substr(i, e - i));
      i = e;
    } else if (c == '<' && autolink_end(s, i) != std::string_view::npos) {
      std::size_t e = autolink_end(s, i);
      out.append(s.substr(i + 1, e - i - 2));
      i = e;
    } else if (c == '!' && i + 1 < s.size() && s[i + 1] == '[') {
      if (std::optional<LinkMatch> m = link_at(s, i + 1, labels)) {
        out += '*';
        i = m->end;
      } else {
        out += c;
        ++i;
      }
    } else if (c == '[' && depth == 0) {
      if (std::optional<LinkMatch> m = link_at(s, i, labels)) {
        out += entry_text(s.substr(m->text_begin, m->text_end - m->text_begin), labels, depth + 1);
        i = m->end;
      } else {
        out += c;
        ++i;
      }
    } else {
      out += c;
      ++i;
    }
  }
  return out;
}

// The heading's inline source, as mdast's children cover it.
std::string_view heading_source(const Block& b, const Lines& lines, std::string_view text) {
  if (!b.setext) {
    std::string_view line = lines.text(b.start_line);
    std::size_t p = 0;
    while (p < line.size() && (line[p] == ' ' || line[p] == '\t')) ++p;
    while (p < line.size() && line[p] == '#') ++p;
    std::string_view rest = line.substr(p);
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
    while (!rest.empty() && (rest.back() == ' ' || rest.back() == '\t')) rest.remove_suffix(1);
    // A closing sequence: #s alone or after a space.
    std::size_t hashes = rest.size();
    while (hashes > 0 && rest[hashes - 1] == '#') --hashes;
    if (hashes < rest.size() &&
        (hashes == 0 || rest[hashes - 1] == ' ' || rest[hashes - 1] == '\t')) {
      rest = rest.substr(0, hashes);
      while (!rest.empty() && (rest.back() == ' ' || rest.back() == '\t')) rest.remove_suffix(1);
    }
    return rest;
  }
  std::size_t begin = lines.start(b.start_line);
  std::size_t end = lines.end(b.end_line - 1);
  while (begin < end && (text[begin] == ' ' || text[begin] == '\t')) ++begin;
  while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
  return text.substr(begin, end - begin);
}

// An HTML heading doctoc would list: `<hN` in an HTML block, N within the levels.
bool has_html_heading(std::string_view html, int min_level, int max_level) {
  for (std::size_t i = html.find('<'); i != std::string_view::npos; i = html.find('<', i + 1)) {
    if (i + 2 >= html.size() || (html[i + 1] != 'h' && html[i + 1] != 'H')) continue;
    char d = html[i + 2];
    if (d < '1' || d > '6') continue;
    if (i + 3 < html.size() && html[i + 3] != '>' && html[i + 3] != ' ' && html[i + 3] != '\t' &&
        html[i + 3] != '/' && html[i + 3] != '\n') {
      continue;
    }
    int level = d - '0';
    if (level >= min_level && level <= max_level) return true;
  }
  return false;
}

std::string detect_line_ending(std::string_view content) {
  std::string eol;
  for (std::size_t i = 0; i < content.size(); ++i) {
    std::string now;
    if (content[i] == '\r') {
      if (i + 1 < content.size() && content[i + 1] == '\n') {
        now = "\r\n";
        ++i;
      } else {
        now = "\r";
      }
    } else if (content[i] == '\n') {
      now = "\n";
    } else {
      continue;
    }
    if (!eol.empty() && eol != now) return "\n";
    eol = now;
  }
  return eol.empty() ? "\n" : eol;
}

std::vector<std::string_view> split_on(std::string_view text, std::string_view eol) {
  std::vector<std::string_view> out;
  for (;;) {
    std::size_t at = text.find(eol);
    out.push_back(text.substr(0, at));
    if (at == std::string_view::npos) break;
    text.remove_prefix(at + eol.size());
  }
  return out;
}

}  // namespace

std::string doctoc_entry_link(std::string_view header_text, int repetition) {
  std::u32string header = decode_utf8(header_text);
  // Extended heading ids: /^(.*?)[ \t]*\{:?#([^\s}]+)\}[ \t]*$/.
  for (std::size_t p = header.find(U'{'); p != std::u32string::npos; p = header.find(U'{', p + 1)) {
    std::size_t q = p + 1;
    if (q < header.size() && header[q] == ':') ++q;
    if (q >= header.size() || header[q] != '#') continue;
    std::size_t id_begin = ++q;
    while (q < header.size() && !js_space(header[q]) && header[q] != '}') ++q;
    if (q == id_begin || q >= header.size() || header[q] != '}') continue;
    std::size_t id_end = q++;
    while (q < header.size() && (header[q] == ' ' || header[q] == '\t')) ++q;
    if (q != header.size()) continue;
    if (std::any_of(header.begin(), header.begin() + static_cast<std::ptrdiff_t>(p),
                    line_terminator)) {
      break;
    }
    std::size_t text_end = p;
    while (text_end > 0 && (header[text_end - 1] == ' ' || header[text_end - 1] == '\t')) {
      --text_end;
    }
    return "[" + encode_utf8(header.substr(0, text_end)) + "](#" +
           encode_uri(header.substr(id_begin, id_end - id_begin)) + ")";
  }
  std::u32string id = basic_github_id(js_lower(js_trim(header)));
  if (repetition > 0) id += decode_utf8("-" + std::to_string(repetition));
  id = remove_markdown(strip_emoji(id));
  return "[" + std::string(header_text) + "](#" + encode_uri(id) + ")";
}

DoctocAnalysis analyze_doctoc(const MarkdownDocument& doc, const DoctocOptions& options) {
  DoctocAnalysis a;
  std::string content = doc.source().text();
  const std::string eol = detect_line_ending(content);

  std::size_t skip = content.find("<!-- DOCTOC SKIP -->" + eol);
  if (skip == 0 || (skip != std::string::npos && eol.size() == 1 && content[skip - 1] == eol[0])) {
    a.skipped = true;
    a.up_to_date = true;
    return a;
  }

  Lines lines(content);
  std::vector<Block> blocks = top_level_blocks(content, lines);

  // The markers: the first top-level HTML blocks holding `<!-- START doctoc ` / `<!-- END doctoc `.
  const Block* start = nullptr;
  const Block* end = nullptr;
  int marker_blocks = 0;
  for (const Block& b : blocks) {
    if (b.type != BlockType::kHtml) continue;
    std::string_view raw = std::string_view(content).substr(b.begin, b.end - b.begin);
    if (raw.find("<!-- START doctoc ") != std::string_view::npos) {
      ++marker_blocks;
      if (!start) start = &b;
    } else if (raw.find("<!-- END doctoc ") != std::string_view::npos) {
      ++marker_blocks;
      if (!end) end = &b;
    }
  }
  if (start) a.region_begin = start->begin;
  // No markers at all: doctoc inserts a TOC (`fresh`), which is still a finding, but fixable.
  bool fresh = false;
  if (!start || marker_blocks < 2) {
    a.problem = start ? TocProblem::kMissingEndMarker : TocProblem::kMissingStartMarker;
    if (marker_blocks != 0) return a;
    fresh = true;
  } else if (!end) {
    a.problem = TocProblem::kMissingEndMarker;
    return a;
  } else {
    a.region_end = end->end;
    if (end->begin < start->end) {
      a.problem = TocProblem::kEndBeforeStart;
      a.region_begin = end->begin;
      return a;
    }
  }
  const std::string marker_start =
      std::string(kDoctocStartMarker) + eol + std::string(kDoctocDontEdit);
  const std::size_t start_range_end = fresh ? 0 : start->begin + marker_start.size();
  const std::string end_raw =
      fresh ? std::string(kDoctocEndMarker) : content.substr(end->begin, end->end - end->begin);

  // Front matter: where the body starts, and doctoc's missing blank line after it (which it
  // inserts into the text without moving the positions it has already taken from the parse).
  int start_line = 0;
  std::size_t start_pos = 0;  // where a fresh TOC goes
  bool front_matter = !blocks.empty() && blocks.front().type == BlockType::kFrontMatter;
  bool has_body = blocks.size() > (front_matter ? 1u : 0u);
  if (front_matter && !has_body && fresh) return a;  // front matter only: not emulated
  if (front_matter && has_body) {
    start_line = blocks[1].start_line - 1;
    start_pos = blocks[1].begin;
    if (blocks[0].end_line + 1 == blocks[1].start_line) {
      content.insert(blocks[1].begin, eol);
      start_pos += eol.size();
    }
  }
  const std::size_t tocable_start = fresh ? start_pos : end->end;

  // The headings after the closing marker, top-level only.
  int max_level = options.max_level > 0 ? options.max_level : 6;
  int html_max_level = options.max_level > 0 ? options.max_level : 4;
  struct Entry {
    int rank;
    std::string name;
  };
  std::vector<Entry> headers;
  std::string_view text = doc.source().text();
  Labels labels;
  for (const LinkReferenceDefinition& def : doc.link_references()) {
    labels.insert(collapse_whitespace(def.id));
  }
  for (const Block& b : blocks) {
    if (b.end <= tocable_start) continue;
    if (b.type == BlockType::kHtml && has_html_heading(text.substr(b.begin, b.end - b.begin),
                                                       options.min_level, html_max_level)) {
      a.problem = TocProblem::kHeadingTooComplex;
      a.too_complex_heading = std::string(lines.text(b.start_line));
      return a;
    }
    if (b.type != BlockType::kHeading || b.level < options.min_level || b.level > max_level) {
      continue;
    }
    std::string_view source = heading_source(b, lines, text);
    // Brackets and the emphasis rule's backtracking are quadratic in a heading's length: no
    // real heading is this long.
    if (source.size() > 1024) {
      a.problem = TocProblem::kHeadingTooComplex;
      a.too_complex_heading = std::string(source.substr(0, 60)) + "...";
      return a;
    }
    std::string name = entry_text(source, labels);
    if (!name.empty()) headers.push_back({b.level, std::move(name)});
  }

  int min_lines = start_line + (fresh ? 0 : end->end_line - start->start_line + 2);
  std::string toc;
  if (!headers.empty() && blocks.back().end_line >= min_lines) {
    std::string title;
    if (options.notitle) {
      title.clear();
    } else if (!options.title.empty()) {
      title = options.title;
    } else if (fresh) {
      title =
          "**Table of Contents**  *generated with [DocToc](https://github.com/thlorenz/doctoc)*";
    } else {
      // The existing title: the last block between the opening marker and the TOC's list.
      std::optional<std::size_t> list_start;
      for (const Block& b : blocks) {
        if (b.type == BlockType::kList && b.begin > start->begin && b.end < end->end) {
          list_start = b.begin;
          break;
        }
      }
      if (list_start) {
        for (const Block& b : blocks) {
          if (b.begin >= start_range_end && b.end < *list_start) {
            title = std::string(text.substr(b.begin, b.end - b.begin));
          }
        }
      }
    }
    std::vector<std::string> toc_lines;
    if (!title.empty()) toc_lines.push_back(title);
    toc_lines.emplace_back();
    int lowest = 7;
    for (const Entry& h : headers) lowest = std::min(lowest, h.rank);
    std::map<std::string, int, std::less<>> instances;
    for (const Entry& h : headers) {
      std::string link = doctoc_entry_link(h.name, 0);
      // doctoc counts repeats by anchorLink.split('#')[1] minus its last character.
      std::size_t first = link.find('#');
      std::size_t second = link.find('#', first + 1);
      std::string key = link.substr(
          first + 1, second == std::string::npos ? std::string::npos : second - first - 1);
      if (!key.empty()) {
        std::size_t cut = key.size() - 1;
        while (cut > 0 && (static_cast<unsigned char>(key[cut]) & 0xC0) == 0x80) --cut;
        key.resize(cut);
      }
      auto [it, inserted] = instances.try_emplace(key, 0);
      if (!inserted) ++it->second;
      if (it->second > 0) link = doctoc_entry_link(h.name, it->second);
      toc_lines.push_back(std::string(static_cast<std::size_t>(2 * (h.rank - lowest)), ' ') + "- " +
                          link);
    }
    toc_lines.emplace_back();
    for (std::size_t i = 0; i < toc_lines.size(); ++i) {
      if (i > 0) toc += eol;
      toc += toc_lines[i];
    }
  }

  a.generated = marker_start + eol + (toc.empty() ? "" : toc + eol) + end_raw;
  if (fresh) {
    // doctoc's insertion: the text before minus one line break, the TOC, a blank line if there
    // is a body, the rest.
    std::vector<std::string> data;
    if (start_pos > 0)
      data.push_back(content.substr(0, start_pos - std::min(start_pos, eol.size())));
    data.push_back(a.generated);
    if (has_body) data.emplace_back();
    data.push_back(content.substr(std::min(start_pos, content.size())));
    for (std::size_t i = 0; i < data.size(); ++i) {
      if (i > 0) a.rewritten += eol;
      a.rewritten += data[i];
    }
    return a;
  }
  a.existing =
      content.substr(std::min(start->begin, content.size()),
                     std::min(end->end, content.size()) - std::min(start->begin, content.size()));
  a.up_to_date = a.existing == a.generated;
  if (a.up_to_date) return a;

  // doctoc's write: the text before the opening marker minus one line break, the TOC, and the
  // text after the closing marker minus one character, joined by line breaks.
  std::vector<std::string> data;
  if (start->begin > 0)
    data.push_back(content.substr(0, start->begin - std::min(start->begin, eol.size())));
  data.push_back(a.generated);
  // doctoc drops one character there, the '\r' of a CRLF file's "\r\n": its rewrite then mixes
  // line breaks and is never up to date again. We drop the whole line break.
  std::size_t after = end->end + (content.compare(end->end, eol.size(), eol) == 0 ? eol.size() : 1);
  data.push_back(after <= content.size() ? content.substr(after) : std::string());
  for (std::size_t i = 0; i < data.size(); ++i) {
    if (i > 0) a.rewritten += eol;
    a.rewritten += data[i];
  }

  std::vector<std::string_view> old_lines = split_on(a.existing, eol);
  std::vector<std::string_view> new_lines = split_on(a.generated, eol);
  std::size_t i = 0;
  while (i < old_lines.size() && i < new_lines.size() && old_lines[i] == new_lines[i]) ++i;
  a.first_difference_line = doc.source().position_of(start->begin).line + static_cast<int>(i);
  if (i < old_lines.size()) a.actual_line = std::string(old_lines[i]);
  if (i < new_lines.size()) a.expected_line = std::string(new_lines[i]);
  if (i >= old_lines.size()) a.first_difference_line = end->end_line;
  // A line missing there or one too many: the rest lines up again one line on; failing that,
  // the (non-blank) line found comes later in the TOC, or the one expected later in the file.
  using LineList = std::vector<std::string_view>;
  auto tails_equal = [](const LineList& x, std::size_t xi, const LineList& y, std::size_t yi) {
    return x.size() - std::min(xi, x.size()) == y.size() - std::min(yi, y.size()) &&
           std::equal(x.begin() + static_cast<std::ptrdiff_t>(std::min(xi, x.size())), x.end(),
                      y.begin() + static_cast<std::ptrdiff_t>(std::min(yi, y.size())));
  };
  auto later = [](const LineList& in, std::size_t from, std::string_view v) {
    return !v.empty() && from < in.size() &&
           std::find(in.begin() + static_cast<std::ptrdiff_t>(from), in.end(), v) != in.end();
  };
  a.line_missing = i >= old_lines.size() || tails_equal(old_lines, i, new_lines, i + 1);
  a.line_extra =
      !a.line_missing && (i >= new_lines.size() || tails_equal(old_lines, i + 1, new_lines, i));
  if (!a.line_missing && !a.line_extra) {
    a.line_missing = later(new_lines, i + 1, old_lines[i]);
    a.line_extra = !a.line_missing && later(old_lines, i + 1, new_lines[i]);
  }
  return a;
}

}  // namespace keplint
