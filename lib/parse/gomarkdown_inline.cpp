#include "parse/gomarkdown_inline.h"

#include "document/utf8.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <memory>
#include <vector>

namespace keplint {
namespace {

// --- character classes, as gomarkdown defines them (ASCII only) ---
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool is_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_alnum(char c) {
  return is_letter(c) || is_digit(c);
}
bool is_punctuation(char c) {
  return std::string_view("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~").find(c) != std::string_view::npos;
}
char ascii_lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}

std::size_t skip_char(std::string_view d, std::size_t i, char c) {
  while (i < d.size() && d[i] == c) ++i;
  return i;
}
std::size_t skip_space(std::string_view d, std::size_t i) {
  while (i < d.size() && is_space(d[i])) ++i;
  return i;
}

// Go's string(rune(x)): invalid code points become U+FFFD.
void append_go_rune(std::string& out, std::int64_t r) {
  if (r < 0 || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF)) r = 0xFFFD;
  append_utf8(out, static_cast<char32_t>(r));
}

// gomarkdown's EscapeHTML: & < > " only (not ').
void escape_html(std::string& out, std::string_view s) {
  auto special = [](char c) { return c == '&' || c == '<' || c == '>' || c == '"'; };
  out.reserve(out.size() + s.size());
  for (std::size_t i = 0; i < s.size();) {
    std::size_t run = i;
    while (run < s.size() && !special(s[run])) ++run;
    out.append(s.substr(i, run - i));
    if (run >= s.size()) break;
    i = run + 1;
    switch (s[run]) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      default:  // '"'
        out += "&quot;";
        break;
    }
  }
}

// Go's html.UnescapeString for the entities that plausibly occur in headings: numeric references
// and the common named ones. (Go knows all HTML5 names; rarer names are kept as written.)
std::string html_unescape(std::string_view s) {
  static const std::map<std::string_view, std::string_view> kNamed = {
      {"amp", "&"},
      {"lt", "<"},
      {"gt", ">"},
      {"quot", "\""},
      {"apos", "'"},
      {"nbsp", "\xC2\xA0"},
      {"copy", "\xC2\xA9"},
      {"reg", "\xC2\xAE"},
      {"trade", "\xE2\x84\xA2"},
      {"hellip", "\xE2\x80\xA6"},
      {"mdash", "\xE2\x80\x94"},
      {"ndash", "\xE2\x80\x93"},
      {"rarr", "\xE2\x86\x92"},
      {"larr", "\xE2\x86\x90"},
      {"le", "\xE2\x89\xA4"},
      {"ge", "\xE2\x89\xA5"},
      {"times", "\xC3\x97"},
  };
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    if (s[i] != '&') {
      out += s[i++];
      continue;
    }
    std::size_t j = i + 1;
    if (j < s.size() && s[j] == '#') {
      ++j;
      bool hex = j < s.size() && (s[j] == 'x' || s[j] == 'X');
      if (hex) ++j;
      std::size_t k = j;
      std::int64_t value = 0;
      while (k < s.size() &&
             (hex ? std::isxdigit(static_cast<unsigned char>(s[k])) : is_digit(s[k]))) {
        if (value < 0x110000) {
          int digit = is_digit(s[k]) ? s[k] - '0' : (ascii_lower(s[k]) - 'a' + 10);
          value = value * (hex ? 16 : 10) + digit;
        }
        ++k;
      }
      if (k > j) {
        if (k < s.size() && s[k] == ';') ++k;
        if (value == 0) value = 0xFFFD;
        append_go_rune(out, value);
        i = k;
        continue;
      }
    } else {
      std::size_t k = j;
      while (k < s.size() && is_alnum(s[k])) ++k;
      if (k < s.size() && s[k] == ';') {
        auto it = kNamed.find(s.substr(j, k - j));
        if (it != kNamed.end()) {
          out += it->second;
          i = k + 1;
          continue;
        }
      }
    }
    out += s[i++];
  }
  return out;
}

// escLink: unescape entities, then escape.
void escape_link(std::string& out, std::string_view s) {
  escape_html(out, html_unescape(s));
}

// gomarkdown's unescapeText: drop each backslash, keep the character after it.
std::string unescape_text(std::string_view src) {
  std::string out;
  std::size_t i = 0;
  while (i < src.size()) {
    std::size_t org = i;
    while (i < src.size() && src[i] != '\\') ++i;
    out.append(src.substr(org, i - org));
    if (i + 1 >= src.size()) break;
    out += src[i + 1];
    i += 2;
  }
  return out;
}

enum class Kind { kText, kCode, kEmph, kStrong, kDel, kLink, kImage, kHtmlSpan, kMath };

struct Node {
  Kind kind;
  std::string literal;
  std::string destination;
  std::string title;
  std::vector<std::unique_ptr<Node>> children;
};
using NodePtr = std::unique_ptr<Node>;

NodePtr make(Kind kind, std::string_view literal = {}) {
  auto n = std::make_unique<Node>();
  n->kind = kind;
  n->literal = std::string(literal);
  return n;
}

// The parser proper: one handler per trigger character, each returning how many bytes it consumed
// (0 = not a construct here) and optionally a node, like gomarkdown's inline callbacks.
class InlineParser {
 public:
  InlineParser(const LinkReferenceMap& refs, std::string_view text, std::size_t budget)
      : refs_(refs), root_(text), budget_(budget) {}

  bool exhausted() const { return exhausted_; }

  void parse(Node& parent, std::string_view data) {
    if (nesting_ >= kMaxNesting || data.empty() || exhausted_) return;
    ++nesting_;
    std::size_t beg = 0, end = 0;
    while (end < data.size() && !exhausted_) {
      auto [consumed, node] = dispatch(data, end);
      if (consumed == 0) {
        ++end;
        continue;
      }
      append_text(parent, data.substr(beg, end - beg));
      if (node) parent.children.push_back(std::move(node));
      beg = end + consumed;
      end = beg;
    }
    if (exhausted_) {  // the result is thrown away
      --nesting_;
      return;
    }
    if (beg < data.size()) {
      if (data[end - 1] == '\n') --end;
      append_text(parent, data.substr(beg, end > beg ? end - beg : 0));
    }
    --nesting_;
  }

 private:
  static constexpr int kMaxNesting = 16;
  using Result = std::pair<std::size_t, NodePtr>;

  // Counts bytes a handler may look at. Each charge bounds the handler's own scanning (its
  // nested parses charge for themselves), so the whole parse does at most the budget's work.
  void charge(std::size_t bytes) {
    used_ += bytes + 1;
    if (used_ > budget_) exhausted_ = true;
  }

  static void append_text(Node& parent, std::string_view text) {
    parent.children.push_back(make(Kind::kText, text));
  }

  Result dispatch(std::string_view data, std::size_t offset) {
    const std::size_t rest = data.size() - offset;
    switch (data[offset]) {
      case '*':
      case '_':
      case '~':
        return emphasis(data, offset);  // find_emph_char charges what it scans
      case '`':
        charge(rest);
        return code_span(data, offset);
      case '[':
        return link(data, offset);  // charges its scans itself
      case '<':
        charge(rest);
        return left_angle(data, offset);
      case '\\':
        return escape(data, offset);
      case '&':
        return entity(data, offset);
      case '!':
      case '^':
        if (offset + 1 < data.size() && data[offset + 1] == '[') return link(data, offset);
        return {0, nullptr};
      case 'h':
      case 'm':
      case 'f':
      case 'H':
      case 'M':
      case 'F':
        return maybe_autolink(data, offset);
      case '$':
        charge(rest);
        return math(data, offset);
      default:
        return {0, nullptr};
    }
  }

  Result emphasis(std::string_view data, std::size_t offset) {
    data = data.substr(offset);
    char c = data[0];
    std::size_t n = data.size();
    if (n > 2 && data[1] != c) {
      if (is_space(data[1])) return {0, nullptr};
      auto [ret, node] = helper_emphasis(data.substr(1), c);
      if (ret == 0) return {0, nullptr};
      return {ret + 1, std::move(node)};
    }
    if (n > 3 && data[1] == c && data[2] != c) {
      if (is_space(data[2])) return {0, nullptr};
      auto [ret, node] = helper_double_emphasis(data.substr(2), c);
      if (ret == 0) return {0, nullptr};
      return {ret + 2, std::move(node)};
    }
    if (n > 4 && data[1] == c && data[2] == c && data[3] != c) {
      if (c == '~' || is_space(data[3])) return {0, nullptr};
      auto [ret, node] = helper_triple_emphasis(data, 3, c);
      if (ret == 0) return {0, nullptr};
      return {ret + 3, std::move(node)};
    }
    return {0, nullptr};
  }

  // Next occurrence of the emphasis character, skipping code spans and links. It may look far
  // past what it returns (to the end of an unclosed code span), so it charges what it scanned.
  std::size_t find_emph_char(std::string_view data, char c) {
    std::size_t scanned = 0;
    std::size_t found = scan_emph_char(data, c, scanned);
    charge(scanned);
    return found;
  }

  static std::size_t scan_emph_char(std::string_view data, char c, std::size_t& i) {
    while (i < data.size()) {
      while (i < data.size() && data[i] != c && data[i] != '`' && data[i] != '[') ++i;
      if (i >= data.size()) return 0;
      if (i != 0 && data[i - 1] == '\\') {
        ++i;
        continue;
      }
      if (data[i] == c) return i;
      if (data[i] == '`') {
        std::size_t tmp = 0;
        ++i;
        while (i < data.size() && data[i] != '`') {
          if (tmp == 0 && data[i] == c) tmp = i;
          ++i;
        }
        if (i >= data.size()) return tmp;
        ++i;
      } else {  // '['
        std::size_t tmp = 0;
        ++i;
        while (i < data.size() && data[i] != ']') {
          if (tmp == 0 && data[i] == c) tmp = i;
          ++i;
        }
        ++i;
        while (i < data.size() && (data[i] == ' ' || data[i] == '\n')) ++i;
        if (i >= data.size()) return tmp;
        if (data[i] != '[' && data[i] != '(') {
          if (tmp > 0) return tmp;
          continue;
        }
        char cc = data[i];
        ++i;
        while (i < data.size() && data[i] != cc) {
          if (tmp == 0 && data[i] == c) return i;
          ++i;
        }
        if (i >= data.size()) return tmp;
        ++i;
      }
    }
    return 0;
  }

  Result helper_emphasis(std::string_view data, char c) {
    std::size_t i = 0;
    if (data.size() > 1 && data[0] == c && data[1] == c) i = 1;
    while (i < data.size()) {
      std::size_t length = find_emph_char(data.substr(i), c);
      if (length == 0) return {0, nullptr};
      i += length;
      if (i >= data.size()) return {0, nullptr};
      if (i + 1 < data.size() && data[i + 1] == c) {
        ++i;
        continue;
      }
      if (data[i] == c && !is_space(data[i - 1])) {
        // NoIntraEmphasis: the closing delimiter must end a word.
        if (!(i + 1 == data.size() || is_space(data[i + 1]) || is_punctuation(data[i + 1]))) {
          continue;
        }
        auto emph = make(Kind::kEmph);
        parse(*emph, data.substr(0, i));
        return {i + 1, std::move(emph)};
      }
    }
    return {0, nullptr};
  }

  Result helper_double_emphasis(std::string_view data, char c) {
    std::size_t i = 0;
    while (i < data.size()) {
      std::size_t length = find_emph_char(data.substr(i), c);
      if (length == 0) return {0, nullptr};
      i += length;
      if (i + 1 < data.size() && data[i] == c && data[i + 1] == c && i > 0 &&
          !is_space(data[i - 1])) {
        auto node = make(c == '~' ? Kind::kDel : Kind::kStrong);
        parse(*node, data.substr(0, i));
        return {i + 2, std::move(node)};
      }
      ++i;
    }
    return {0, nullptr};
  }

  Result helper_triple_emphasis(std::string_view orig, std::size_t offset, char c) {
    std::string_view data = orig.substr(offset);
    std::size_t i = 0;
    while (i < data.size()) {
      std::size_t length = find_emph_char(data.substr(i), c);
      if (length == 0) return {0, nullptr};
      i += length;
      if (data[i] != c || is_space(data[i - 1])) continue;
      if (i + 2 < data.size() && data[i + 1] == c && data[i + 2] == c) {
        auto strong = make(Kind::kStrong);
        auto em = make(Kind::kEmph);
        parse(*em, data.substr(0, i));
        strong->children.push_back(std::move(em));
        return {i + 3, std::move(strong)};
      }
      if (i + 1 < data.size() && data[i + 1] == c) {
        auto [len, node] = helper_emphasis(orig.substr(offset - 2), c);
        if (len == 0) return {0, nullptr};
        return {len - 2, std::move(node)};
      }
      auto [len, node] = helper_double_emphasis(orig.substr(offset - 1), c);
      if (len == 0) return {0, nullptr};
      return {len - 1, std::move(node)};
    }
    return {0, nullptr};
  }

  // Code spans: the content is trimmed of all surrounding spaces (CommonMark strips one).
  Result code_span(std::string_view data, std::size_t offset) {
    data = data.substr(offset);
    std::size_t nb = skip_char(data, 0, '`');
    std::size_t i = 0, end = nb;
    for (; end < data.size() && i < nb; ++end) i = data[end] == '`' ? i + 1 : 0;
    if (i < nb && end >= data.size()) return {0, nullptr};
    std::size_t f_begin = nb;
    while (f_begin < end && data[f_begin] == ' ') ++f_begin;
    std::size_t f_end = end - nb;
    while (f_end > f_begin && data[f_end - 1] == ' ') --f_end;
    if (f_begin >= f_end) return {end, nullptr};  // empty span: consumed, renders nothing
    return {end, make(Kind::kCode, data.substr(f_begin, f_end - f_begin))};
  }

  const LinkReference* find_ref(std::string_view id) const {
    std::string key(id);
    for (char& ch : key) ch = ascii_lower(ch);
    auto it = refs_.find(key);
    return it == refs_.end() ? nullptr : &it->second;
  }

  // The text of a link at data[0] ends at the first ']' where the bracket level, counting from
  // 1 after data[0], drops to 0 ('[' and ']' after a backslash do not count, a line break never
  // does): its index, or data.size() when there is none. The scan to the end for each '[' made
  // "[[[[..." quadratic; the table answers from every position of the text at once.
  std::size_t closing_bracket(std::string_view data, bool& text_has_nl) {
    const char* base = root_.data();
    if (data.data() < base || data.data() + data.size() > base + root_.size()) {
      return closing_bracket_by_scan(data, text_has_nl);  // not part of the text (never so)
    }
    if (close_.empty()) build_bracket_table();
    const std::size_t p = static_cast<std::size_t>(data.data() - base);
    const std::size_t q = close_[p];
    if (q == kNoPosition || q >= p + data.size()) return data.size();
    text_has_nl = next_newline_[p + 1] < q;
    return q - p;
  }

  static std::size_t closing_bracket_by_scan(std::string_view data, bool& text_has_nl) {
    std::size_t i = 1;
    for (int level = 1; level > 0 && i < data.size(); ++i) {
      if (data[i] == '\n') {
        text_has_nl = true;
      } else if (data[i - 1] == '\\') {
        continue;
      } else if (data[i] == '[') {
        ++level;
      } else if (data[i] == ']') {
        if (--level <= 0) --i;
      }
    }
    return i;
  }

  // With w(q) = +1 for a counted '[' at q, -1 for a counted ']', 0 otherwise (whether q counts
  // does not depend on where the scan started) and S its prefix sums, the scan from p ends at the
  // first q > p with S(q) = S(p) - 1. One pass from the right finds it for every p.
  void build_bracket_table() {
    const std::string_view d = root_;
    const std::size_t n = d.size();
    auto weight = [&](std::size_t q) {
      if (q == 0 || d[q] == '\n' || d[q - 1] == '\\') return 0;
      return d[q] == '[' ? 1 : d[q] == ']' ? -1 : 0;
    };
    // S from the right: S(p - 1) = S(p) - w(p). Only its range needs a slot in `first_at`.
    std::int64_t level = 0, low = 0, high = 0;
    for (std::size_t q = 1; q < n; ++q) {
      level += weight(q);
      low = std::min(low, level);
      high = std::max(high, level);
    }
    // first_at[S - low + 1]: the smallest q seen so far (to the right) with that S; slot 0 stands
    // for S = low - 1, which no q has.
    std::vector<std::uint32_t> first_at(static_cast<std::size_t>(high - low) + 2, kNoPosition);
    close_.assign(n, kNoPosition);
    next_newline_.assign(n + 1, kNoPosition);
    for (std::size_t p = n; p-- > 0;) {
      const std::size_t key = static_cast<std::size_t>(level - low + 1);
      close_[p] = first_at[key - 1];
      first_at[key] = static_cast<std::uint32_t>(p);
      next_newline_[p] = d[p] == '\n' ? static_cast<std::uint32_t>(p) : next_newline_[p + 1];
      level -= weight(p);
    }
  }

  Result link(std::string_view data, std::size_t offset) {
    if (inside_link_ && ((offset > 0 && data[offset - 1] == '[') ||
                         (data.size() - 1 > offset && data[offset + 1] == '^'))) {
      return {0, nullptr};
    }
    bool image = false;
    if (data[offset] == '!') {
      image = true;
      ++offset;
    }
    data = data.substr(offset);

    bool text_has_nl = false;
    std::size_t i = closing_bracket(data, text_has_nl);
    if (i >= data.size()) return {0, nullptr};
    std::size_t txt_e = i;
    ++i;
    i = skip_space(data, i);

    std::string link_dest, title;
    bool have_link = false;
    if (i < data.size() && data[i] == '(') {
      ++i;
      i = skip_space(data, i);
      std::size_t link_b = i;
      int brace = 0;
      bool done = false;
      while (i < data.size() && !done) {
        char ch = data[i];
        if (ch == '\\') {
          i += 2;
        } else if (ch == '(') {
          ++brace;
          ++i;
        } else if (ch == ')') {
          if (brace <= 0) {
            done = true;
          } else {
            --brace;
            ++i;
          }
        } else if (ch == '\'' || ch == '"') {
          done = true;
        } else {
          ++i;
        }
      }
      charge(i - link_b);
      if (i >= data.size()) return {0, nullptr};
      std::size_t link_e = i;
      std::size_t title_b = 0, title_e = 0;
      if (data[i] == '\'' || data[i] == '"') {
        ++i;
        title_b = i;
        bool end_char_found = false;
        while (i < data.size()) {
          if (data[i] == '\\') {
            ++i;
          } else if (data[i] == data[title_b - 1]) {
            end_char_found = true;
          } else if (end_char_found && data[i] == ')') {
            break;
          }
          ++i;
        }
        charge(i - title_b);
        if (i >= data.size()) return {0, nullptr};
        title_e = i - 1;
        while (title_e > title_b && is_space(data[title_e])) --title_e;
        if (data[title_e] != '\'' && data[title_e] != '"') {
          title_b = title_e = 0;
          link_e = i;
        }
      }
      while (link_e > link_b && is_space(data[link_e - 1])) --link_e;
      if (link_b < data.size() && data[link_b] == '<') ++link_b;
      if (link_e > 0 && data[link_e - 1] == '>') --link_e;
      if (link_e > link_b) {
        link_dest = std::string(data.substr(link_b, link_e - link_b));
        have_link = true;
      }
      if (title_e > title_b) title = std::string(data.substr(title_b, title_e - title_b));
      ++i;
    } else if (i + 1 < data.size() && data[i] == '[' && data[i + 1] != '^') {
      // reference style: [text][id] or [text][]
      ++i;
      std::size_t link_b = i;
      while (i < data.size() && data[i] != ']') ++i;
      charge(i - link_b + txt_e);
      if (i >= data.size()) return {0, nullptr};
      std::size_t link_e = i;
      std::string id = link_b == link_e ? collapse_id(data, txt_e, text_has_nl)
                                        : std::string(data.substr(link_b, link_e - link_b));
      const LinkReference* ref = find_ref(id);
      if (!ref) return {0, nullptr};
      link_dest = ref->link;
      have_link = !link_dest.empty();
      title = ref->title;
      ++i;
    } else {
      // shortcut reference: [id]
      if (refs_.empty()) return {0, nullptr};  // without building the id ("[[[[...]]]]")
      charge(txt_e);
      const LinkReference* ref = find_ref(collapse_id(data, txt_e, text_has_nl));
      if (!ref) return {0, nullptr};
      link_dest = ref->link;
      have_link = !link_dest.empty();
      title = ref->title;
      i = txt_e + 1;
    }

    std::string u_link = have_link ? unescape_text(link_dest) : std::string();
    if (u_link.empty() || (!image && txt_e <= 1)) return {0, nullptr};

    if (image) {
      auto node = make(Kind::kImage);
      node->destination = u_link;
      node->title = title;
      node->children.push_back(make(Kind::kText, data.substr(1, txt_e - 1)));
      return {i + 1, std::move(node)};
    }
    auto node = make(Kind::kLink);
    node->destination = u_link;
    node->title = title;
    bool saved = inside_link_;
    inside_link_ = true;
    parse(*node, data.substr(1, txt_e - 1));
    inside_link_ = saved;
    return {i, std::move(node)};
  }

  static std::string collapse_id(std::string_view data, std::size_t txt_e, bool text_has_nl) {
    if (!text_has_nl) return std::string(data.substr(1, txt_e - 1));
    std::string id;
    for (std::size_t j = 1; j < txt_e; ++j) {
      if (data[j] != '\n') {
        id += data[j];
      } else if (data[j - 1] != ' ') {
        id += ' ';
      }
    }
    return id;
  }

  // Length of an HTML tag or <autolink> at data[0]; see gomarkdown's tagLength, including its
  // habit of ending an unclosed tag where the name ends.
  enum class Autolink { kNone, kNormal, kEmail };

  static std::size_t mailto_autolink_length(std::string_view data) {
    int at_signs = 0;
    for (std::size_t i = 0; i < data.size(); ++i) {
      char c = data[i];
      if (is_alnum(c)) continue;
      if (c == '@') {
        ++at_signs;
      } else if (c == '>') {
        return at_signs == 1 ? i + 1 : 0;
      } else if (c != '-' && c != '.' && c != '_') {
        return 0;
      }
    }
    return 0;
  }

  static std::pair<Autolink, std::size_t> tag_length(std::string_view data) {
    if (data.size() < 3 || data[0] != '<') return {Autolink::kNone, 0};
    std::size_t i = data[1] == '/' ? 2 : 1;
    if (!is_alnum(data[i])) return {Autolink::kNone, 0};
    Autolink kind = Autolink::kNone;
    while (i < data.size() &&
           (is_alnum(data[i]) || data[i] == '.' || data[i] == '+' || data[i] == '-')) {
      ++i;
    }
    if (i > 1 && i < data.size() && data[i] == '@') {
      if (std::size_t j = mailto_autolink_length(data.substr(i)); j != 0) {
        return {Autolink::kEmail, i + j};
      }
    }
    if (i > 2 && i < data.size() && data[i] == ':') {
      kind = Autolink::kNormal;
      ++i;
    }
    if (i >= data.size()) {
      kind = Autolink::kNone;
    } else if (kind != Autolink::kNone) {
      std::size_t j = i;
      while (i < data.size()) {
        if (data[i] == '\\') {
          i += 2;
        } else if (data[i] == '>' || data[i] == '\'' || data[i] == '"' || is_space(data[i])) {
          break;
        } else {
          ++i;
        }
      }
      if (i >= data.size()) return {kind, 0};
      if (i > j && data[i] == '>') return {kind, i + 1};
      kind = Autolink::kNone;
    }
    // No '>' found: gomarkdown adds IndexByte's -1, ending the "tag" just before position i.
    std::size_t gt = data.find('>', i);
    if (gt == std::string_view::npos) return {kind, i};
    return {kind, gt + 1};
  }

  static std::size_t html_comment_length(std::string_view data) {
    if (data.size() < 5 || data.substr(0, 4) != "<!--") return 0;
    std::size_t i = 5;
    while (i < data.size() && !(data[i - 2] == '-' && data[i - 1] == '-' && data[i] == '>')) ++i;
    return i >= data.size() ? 0 : i + 1;
  }

  Result left_angle(std::string_view data, std::size_t offset) {
    data = data.substr(offset);
    auto [kind, end] = tag_length(data);
    if (std::size_t size = html_comment_length(data); size > 0) end = size;
    if (end <= 2) return {end, nullptr};
    if (kind == Autolink::kNone) return {end, make(Kind::kHtmlSpan, data.substr(0, end))};
    std::string u_link = unescape_text(data.substr(1, end - 2));
    if (u_link.empty()) return {end, nullptr};
    auto node = make(Kind::kLink);
    node->destination = kind == Autolink::kEmail ? "mailto:" + u_link : u_link;
    std::string_view shown = u_link;
    if (shown.starts_with("mailto://")) {
      shown.remove_prefix(9);
    } else if (shown.starts_with("mailto:")) {
      shown.remove_prefix(7);
    }
    node->children.push_back(make(Kind::kText, shown));
    return {end, std::move(node)};
  }

  Result escape(std::string_view data, std::size_t offset) {
    data = data.substr(offset);
    if (data.size() <= 1) return {2, nullptr};  // a trailing backslash vanishes
    static constexpr std::string_view kEscapable = "\\`*_{}[]()#+-.!:|&<>~^";
    if (kEscapable.find(data[1]) == std::string_view::npos) return {0, nullptr};
    return {2, make(Kind::kText, data.substr(1, 1))};
  }

  // `&name;` stays as written (so the renderer escapes its '&'), `&amp;` becomes '&', and
  // gomarkdown converts "numeric" entities by parsing from the third character on.
  Result entity(std::string_view data, std::size_t offset) {
    data = data.substr(offset);
    std::size_t end = 1;
    if (end < data.size() && data[end] == '#') ++end;
    while (end < data.size() && is_alnum(data[end])) ++end;
    if (end >= data.size() || data[end] != ';') return {0, nullptr};
    ++end;
    std::string_view ent = data.substr(0, end);
    if (ent == "&amp;") return {end, make(Kind::kText, "&")};
    if (ent.size() < 4) return {end, make(Kind::kText, ent)};
    bool hex = ent[2] == 'x' || ent[2] == 'X';
    std::string_view digits = hex ? ent.substr(3, ent.size() - 4) : ent.substr(2, ent.size() - 3);
    std::uint64_t value = 0;
    bool ok = !digits.empty();
    for (char ch : digits) {
      int digit;
      if (is_digit(ch)) {
        digit = ch - '0';
      } else if (hex && std::isxdigit(static_cast<unsigned char>(ch))) {
        digit = ascii_lower(ch) - 'a' + 10;
      } else {
        ok = false;
        break;
      }
      std::uint64_t base = hex ? 16 : 10;
      if (value > (UINT64_MAX - digit) / base) {
        ok = false;  // strconv.ParseUint range error
        break;
      }
      value = value * base + digit;
    }
    if (!ok) return {end, make(Kind::kText, ent)};
    std::string text;
    append_go_rune(text, static_cast<std::int32_t>(static_cast<std::uint32_t>(value)));
    return {end, make(Kind::kText, text)};
  }

  static bool is_safe_url(std::string_view url) {
    for (std::string_view path : {"/", "./", "../"}) {
      if (url.size() >= path.size() && url.substr(0, path.size()) == path) {
        if (url.size() == path.size() || is_alnum(url[path.size()])) return true;
      }
    }
    for (std::string_view prefix : {"http://", "https://", "ftp://", "mailto:"}) {
      if (url.size() > prefix.size()) {
        bool match = true;
        for (std::size_t k = 0; k < prefix.size(); ++k) {
          if (ascii_lower(url[k]) != prefix[k]) match = false;
        }
        if (match && is_alnum(url[prefix.size()])) return true;
      }
    }
    return false;
  }

  Result maybe_autolink(std::string_view data, std::size_t offset) {
    if (inside_link_ || data.size() < offset + 6) return {0, nullptr};
    std::string_view head = data.substr(offset, 8);
    for (std::string_view prefix : {"http://", "https://", "ftp://", "file://", "mailto:"}) {
      if (head.size() < prefix.size()) continue;
      bool match = true;
      for (std::size_t k = 0; k < prefix.size(); ++k) {
        if (prefix[k] != head[k] && prefix[k] != static_cast<char>(head[k] + ('a' - 'A'))) {
          match = false;
        }
      }
      if (match) {
        charge(data.size());  // autolink also looks back to the line's start
        return autolink(data, offset);
      }
    }
    return {0, nullptr};
  }

  Result autolink(std::string_view orig, std::size_t offset) {
    // Inside an <a href="url">url</a> the URL text is passed through.
    std::size_t anchor_start = offset;
    std::size_t from_anchor = 0;
    while (anchor_start > 0 && orig[anchor_start] != '<') {
      --anchor_start;
      ++from_anchor;
    }
    static const re2::RE2 kAnchor(
        R"(^(<a\shref="((https?|ftp):\/\/|\/)[-A-Za-z0-9+&@#\/%?=~_|!:,.;\(\)]+"(\stitle="[^"<>]+")?\s?>((https?|ftp):\/\/|\/)[-A-Za-z0-9+&@#\/%?=~_|!:,.;\(\)]+<\/a>))");
    re2::StringPiece whole;
    if (RE2::PartialMatch(orig.substr(anchor_start), kAnchor, &whole) &&
        whole.size() > from_anchor) {
      std::string_view rest(whole.data() + from_anchor, whole.size() - from_anchor);
      return {rest.size(), make(Kind::kHtmlSpan, rest)};
    }

    std::size_t rewind = 0;
    while (offset - rewind > 0 && rewind <= 7 && is_letter(orig[offset - rewind - 1])) ++rewind;
    if (rewind > 6) return {0, nullptr};
    std::string_view data = orig.substr(offset - rewind);
    if (!is_safe_url(data)) return {0, nullptr};

    std::size_t link_end = 0;
    while (link_end < data.size() && !is_space(data[link_end]) && data[link_end] != '<') {
      ++link_end;
    }
    if (link_end >= 2 && (data[link_end - 1] == '.' || data[link_end - 1] == ',') &&
        data[link_end - 2] != '\\') {
      --link_end;
    }
    if (link_end >= 2 && data[link_end - 1] == ';' && data[link_end - 2] != '\\' &&
        !ends_with_entity(data.substr(0, link_end))) {
      --link_end;
    }
    char closer = link_end > 0 ? data[link_end - 1] : 0;
    char opener = 0;
    switch (closer) {
      case '"':
        opener = '"';
        break;
      case '\'':
        opener = '\'';
        break;
      case ')':
        opener = '(';
        break;
      case ']':
        opener = '[';
        break;
      case '}':
        opener = '{';
        break;
      default:
        break;
    }
    if (opener != 0) {
      // Is the closing punctuation balanced by an opener before the URL on this line?
      std::int64_t buf_end = static_cast<std::int64_t>(offset - rewind + link_end) - 2;
      int open = 1;
      while (buf_end >= 0 && orig[buf_end] != '\n' && open != 0) {
        if (orig[buf_end] == closer) ++open;
        if (orig[buf_end] == opener) --open;
        --buf_end;
      }
      if (open == 0) --link_end;
    }
    std::string u_link = unescape_text(data.substr(0, link_end));
    if (u_link.empty()) return {link_end, nullptr};
    auto node = make(Kind::kLink);
    node->destination = u_link;
    node->children.push_back(make(Kind::kText, u_link));
    return {link_end, std::move(node)};
  }

  // Does the last match of gomarkdown's `&[a-z]{2,5};` end exactly at the end of `s`?
  static bool ends_with_entity(std::string_view s) {
    std::size_t last_end = std::string_view::npos;
    std::size_t i = 0;
    while (i < s.size()) {
      if (s[i] != '&') {
        ++i;
        continue;
      }
      std::size_t j = i + 1;
      while (j < s.size() && s[j] >= 'a' && s[j] <= 'z') ++j;
      std::size_t letters = j - i - 1;
      if (letters >= 2 && letters <= 5 && j < s.size() && s[j] == ';') {
        last_end = j + 1;
        i = j + 1;
      } else {
        ++i;
      }
    }
    return last_end == s.size();
  }

  Result math(std::string_view data, std::size_t offset) {
    data = data.substr(offset);
    if (data.size() <= 2 || data[1] == '$') return {0, nullptr};
    std::size_t end = data.find('$', 1);
    if (end == std::string_view::npos) return {0, nullptr};
    return {end + 1, make(Kind::kMath, data.substr(1, end - 1))};
  }

  static constexpr std::uint32_t kNoPosition = UINT32_MAX;
  const LinkReferenceMap& refs_;
  std::string_view root_;                    // the text parsed: every `data` is a slice of it
  std::vector<std::uint32_t> close_;         // see build_bracket_table
  std::vector<std::uint32_t> next_newline_;  // the first '\n' at or after each position
  bool inside_link_ = false;
  int nesting_ = 0;
  std::size_t budget_;
  std::size_t used_ = 0;
  bool exhausted_ = false;
};

// gomarkdown's HTML renderer for inline nodes (flags 0). Text directly under a link goes through
// escLink (unescape, then escape); everything else through EscapeHTML.
class Renderer {
 public:
  void render(const Node& node, const Node* parent) {
    switch (node.kind) {
      case Kind::kText:
        if (parent && parent->kind == Kind::kLink) {
          escape_link(out_, node.literal);
        } else {
          escape_html(out_, node.literal);
        }
        break;
      case Kind::kCode:
        outs("<code>");
        escape_html(out_, node.literal);
        outs("</code>");
        break;
      case Kind::kEmph:
        wrap(node, "<em>", "</em>");
        break;
      case Kind::kStrong:
        wrap(node, "<strong>", "</strong>");
        break;
      case Kind::kDel:
        wrap(node, "<del>", "</del>");
        break;
      case Kind::kHtmlSpan:
        outs(node.literal);
        break;
      case Kind::kMath:
        outs("<span class=\"math inline\">\\(");
        escape_html(out_, node.literal);
        outs("\\)</span>");
        break;
      case Kind::kLink: {
        std::string tag = "<a href=\"";
        escape_link(tag, node.destination);
        tag += '"';
        if (!node.title.empty()) {
          tag += " title=\"";
          escape_html(tag, node.title);
          tag += '"';
        }
        tag += '>';
        wrap(node, tag, "</a>");
        break;
      }
      case Kind::kImage: {
        if (disable_tags_ == 0) {
          outs("<img src=\"");
          escape_link(out_, node.destination);
          outs("\" alt=\"");
        }
        ++disable_tags_;
        for (const auto& child : node.children) render(*child, &node);
        --disable_tags_;
        if (disable_tags_ == 0) {
          if (!node.title.empty()) {
            outs("\" title=\"");
            escape_html(out_, node.title);
          }
          outs("\" />");
        }
        break;
      }
    }
  }
  const std::string& output() const { return out_; }

 private:
  void wrap(const Node& node, std::string_view open, std::string_view close) {
    outs(open);
    for (const auto& child : node.children) render(*child, &node);
    outs(close);
  }
  // While inside an image, tags written by the renderer are dropped (alt text must be plain).
  void outs(std::string_view s) {
    if (disable_tags_ == 0) {
      out_ += s;
      return;
    }
    static const re2::RE2 kTag(R"(<[^>]*>)");
    std::string stripped(s);
    RE2::GlobalReplace(&stripped, kTag, "");
    out_ += stripped;
  }

  std::string out_;
  int disable_tags_ = 0;
};

void collect_text(const Node& node, std::string& out) {
  if (node.kind == Kind::kText || node.kind == Kind::kCode) out += node.literal;
  for (const auto& child : node.children) collect_text(*child, out);
}

// Go's strings.TrimSpace: ASCII whitespace plus the Unicode White_Space characters.
std::size_t unicode_space_length(std::string_view s, std::size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || (c >= '\t' && c <= '\r')) return 1;
  auto at = [&](std::size_t k) {
    return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0;
  };
  if (c == 0xC2 && (at(1) == 0x85 || at(1) == 0xA0)) return 2;
  if (c == 0xE1 && at(1) == 0x9A && at(2) == 0x80) return 3;
  if (c == 0xE2 && at(1) == 0x80 &&
      ((at(2) >= 0x80 && at(2) <= 0x8A) || at(2) == 0xA8 || at(2) == 0xA9 || at(2) == 0xAF)) {
    return 3;
  }
  if (c == 0xE2 && at(1) == 0x81 && at(2) == 0x9F) return 3;
  if (c == 0xE3 && at(1) == 0x80 && at(2) == 0x80) return 3;
  return 0;
}

}  // namespace

std::string_view go_trim_space(std::string_view s) {
  while (!s.empty()) {
    std::size_t n = unicode_space_length(s, 0);
    if (n == 0) break;
    s.remove_prefix(n);
  }
  while (!s.empty()) {
    // Find the start of the last code point and test it.
    std::size_t start = s.size() - 1;
    while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80 &&
           s.size() - start < 4) {
      --start;
    }
    std::size_t n = unicode_space_length(s, start);
    if (n == 0 || start + n != s.size()) break;
    s.remove_suffix(n);
  }
  return s;
}

RenderedInline render_gomarkdown_inline(std::string_view content, const LinkReferenceMap& refs) {
  // Most headings are plain words: without a byte that starts an inline construct (':' for
  // autolinks), the parse is one text node.
  static constexpr auto kInlineStart = [] {
    std::array<bool, 256> t{};
    for (char c : std::string_view("*_~`[<\\&!^$:\n")) t[static_cast<unsigned char>(c)] = true;
    return t;
  }();
  if (std::none_of(content.begin(), content.end(),
                   [](char c) { return kInlineStart[static_cast<unsigned char>(c)]; })) {
    std::string html;
    escape_html(html, content);
    return {std::string(go_trim_space(html)), std::string(content)};
  }
  Node root;
  root.kind = Kind::kEmph;  // any container kind; never rendered itself
  InlineParser parser(refs, content, kInlineWorkFloor + kInlineWorkPerByte * content.size());
  parser.parse(root, content);
  if (parser.exhausted()) return {{}, {}, false};
  Renderer renderer;
  std::string text;
  for (const auto& child : root.children) {
    renderer.render(*child, nullptr);
    collect_text(*child, text);
  }
  return {std::string(go_trim_space(renderer.output())), std::move(text)};
}

std::string mdtoc_anchor_slug(std::string_view text) {
  // Written into a buffer of the input's size (the slug is never longer): this runs for every
  // heading of every TOC, and per-character push_back dominated it.
  std::string out(text.size(), '\0');
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      char lower = ascii_lower(static_cast<char>(c));
      if (is_alnum(lower) || lower == '_' || lower == '-') out[n++] = lower;
      if (lower == ' ') out[n++] = '-';
      continue;
    }
    // Non-ASCII disappears, except the two code points whose Unicode lowercase is ASCII:
    // U+212A KELVIN SIGN -> 'k' and U+0130 LATIN CAPITAL LETTER I WITH DOT ABOVE -> 'i'.
    if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x84 &&
        static_cast<unsigned char>(text[i + 2]) == 0xAA) {
      out[n++] = 'k';
      i += 2;
    } else if (c == 0xC4 && i + 1 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) == 0xB0) {
      out[n++] = 'i';
      i += 1;
    }
  }
  out.resize(n);
  return out;
}

}  // namespace keplint
