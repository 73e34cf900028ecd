#include "parse/simple_yaml.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/mark.h>

#include <algorithm>
#include <array>
#include <string>

namespace keplint {
namespace {

constexpr int kMaxDepth = 48;  // deeper documents go to yaml-cpp (and its builder's limits)
// yaml-cpp drops a simple key more than 1024 bytes before its ':'; longer keys go to it.
constexpr std::size_t kMaxKey = 1000;

// yaml-cpp's character classes. The input holds no tab, '\r' or NUL (checked up front), so '\0'
// stands for the end of input.
bool is_blank(char c) {
  return c == ' ' || c == '\t';
}
bool is_break(char c) {
  return c == '\n' || c == '\r';
}
bool is_blank_or_break(char c) {
  return is_blank(c) || is_break(c);
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// yaml-cpp's Stream over the text: a cursor with its mark.
class Input {
 public:
  explicit Input(std::string_view text) : text_(text) {}

  bool ok() const { return pos_ < text_.size(); }  // yaml-cpp: `if (INPUT)`
  char peek(std::size_t ahead = 0) const {
    return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
  }
  bool at_end(std::size_t ahead) const { return pos_ + ahead >= text_.size(); }
  char get() {
    char c = text_[pos_++];
    if (c == '\n') {
      ++line_;
      column_ = 0;
    } else {
      ++column_;
    }
    return c;
  }
  void eat(int n) {
    while (n-- > 0 && ok()) get();
  }
  // Advances over a run of bytes that are none of `special` (and no line break): their count.
  std::size_t skip_ordinary(const std::array<bool, 256>& special) {
    std::size_t start = pos_;
    while (pos_ < text_.size() && !special[static_cast<unsigned char>(text_[pos_])]) ++pos_;
    column_ += static_cast<int>(pos_ - start);
    return pos_ - start;
  }
  std::string_view text_from(std::size_t begin) const { return text_.substr(begin, pos_ - begin); }
  int column() const { return column_; }
  int line() const { return line_; }
  std::size_t pos() const { return pos_; }
  // At the end of input yaml-cpp's mark is column 0 of the line after the last line break.
  YAML::Mark mark() const {
    YAML::Mark m;
    m.pos = static_cast<int>(pos_);
    m.line = line_;
    m.column = ok() ? column_ : 0;
    return m;
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
  int line_ = 0;
  int column_ = 0;
};

// The end patterns of yaml-cpp's scalar scans.
enum class End {
  kInputEnd,     // Exp::Empty (block scalars)
  kPlainBlock,   // Exp::ScanScalarEnd
  kPlainFlow,    // Exp::ScanScalarEndInFlow
  kSingleQuote,  // Exp::SingleQuoteEnd
  kDoubleQuote,  // Exp::DoubleQuoteEnd
};

// Length of the end pattern at the cursor, or -1.
int end_match(End end, const Input& in) {
  char c = in.peek();
  char next = in.peek(1);
  bool comment = is_blank_or_break(c) && next == '#';
  switch (end) {
    case End::kInputEnd:
      return in.ok() ? -1 : 0;
    case End::kPlainBlock:
      if (c == ':' && (is_blank_or_break(next) || in.at_end(1))) return 1;
      return comment ? 2 : -1;
    case End::kPlainFlow:
      if (c == ':' &&
          (is_blank_or_break(next) || in.at_end(1) || next == ',' || next == ']' || next == '}')) {
        return 1;
      }
      if (c == ',' || c == '?' || c == '[' || c == ']' || c == '{' || c == '}') return 1;
      return comment ? 2 : -1;
    case End::kSingleQuote:
      return c == '\'' && next != '\'' ? 1 : -1;
    case End::kDoubleQuote:
      return c == '"' ? 1 : -1;
  }
  return -1;
}

enum class Fold { kDont, kBlock, kFlow };
enum class Chomp { kStrip, kClip, kKeep };

struct ScanParams {
  End end = End::kInputEnd;
  bool eat_end = false;
  char escape = 0;
  int indent = 0;
  bool detect_indent = false;
  bool eat_leading_whitespace = false;
  bool trim_trailing_spaces = false;
  Chomp chomp = Chomp::kClip;
  Fold fold = Fold::kDont;
  bool leading_spaces = false;  // out: ended by a less indented line
  bool matched_end = false;     // out: ended by the end pattern
};

// Exp::Escape for the ASCII escapes; false for the others (left to yaml-cpp) and for unknown
// escapes (errors).
bool escape(Input& in, char esc, std::string& out) {
  if (in.at_end(1)) return false;
  in.get();
  char c = in.get();
  if (esc == '\'' && c == '\'') {
    out += '\'';
    return true;
  }
  switch (c) {
    case '0':
      out += '\0';
      return true;
    case 'a':
      out += '\x07';
      return true;
    case 'b':
      out += '\x08';
      return true;
    case 't':
      out += '\x09';
      return true;
    case 'n':
      out += '\x0A';
      return true;
    case 'v':
      out += '\x0B';
      return true;
    case 'f':
      out += '\x0C';
      return true;
    case 'r':
      out += '\x0D';
      return true;
    case 'e':
      out += '\x1B';
      return true;
    case ' ':
    case '"':
    case '\'':
    case '\\':
    case '/':
      out += c;
      return true;
    default:  // \N, \_, \L, \P (yaml-cpp 0.7 writes some of them as Latin-1), \x, \u, \U
      return false;
  }
}

// The bytes at which ScanScalar's first phase may do anything but append: line breaks, blanks
// (a comment may follow), ':' and flow indicators (end patterns), quotes and '\\' (ends and
// escapes), and the end of input.
constexpr auto kOrdinaryStop = [] {
  std::array<bool, 256> t{};
  for (char c : std::string_view("\n\r \t:#\"'\\,[]{}?")) t[static_cast<unsigned char>(c)] = true;
  t[0] = true;
  return t;
}();

// yaml-cpp's ScanScalar, line for line. False where yaml-cpp would throw.
bool scan_scalar(Input& in, ScanParams& p, std::string& scalar) {
  bool found_non_empty_line = false;
  bool past_opening_break = p.fold == Fold::kFlow;
  bool empty_line = false, more_indented = false;
  int folded_newline_count = 0;
  bool folded_newline_started_more_indented = false;
  std::size_t last_escaped_char = std::string::npos;
  p.leading_spaces = false;
  p.matched_end = false;

  while (in.ok()) {
    // Phase 1: to the line break.
    std::size_t last_non_whitespace = scalar.size();
    bool escaped_newline = false;
    while (true) {
      // Bytes that can neither end the scalar, start an escape nor break the line are copied
      // in bulk (what the byte-by-byte loop below would do with them).
      std::size_t begin = in.pos();
      if (in.skip_ordinary(kOrdinaryStop) > 0) {
        scalar.append(in.text_from(begin));
        last_non_whitespace = scalar.size();
        found_non_empty_line = true;
        past_opening_break = true;
      }
      if (end_match(p.end, in) >= 0 || is_break(in.peek())) break;
      if (!in.ok()) break;
      found_non_empty_line = true;
      past_opening_break = true;
      if (p.escape == '\\' && in.peek() == '\\' && is_break(in.peek(1))) {
        in.get();
        last_non_whitespace = scalar.size();
        last_escaped_char = scalar.size();
        escaped_newline = true;
        break;
      }
      if (p.escape != 0 && in.peek() == p.escape) {
        if (!escape(in, p.escape, scalar)) return false;
        last_non_whitespace = scalar.size();
        last_escaped_char = scalar.size();
        continue;
      }
      char ch = in.get();
      scalar += ch;
      if (ch != ' ' && ch != '\t') last_non_whitespace = scalar.size();
    }
    if (!in.ok()) {
      if (p.eat_end) return false;  // EOF inside a quoted scalar
      break;
    }
    if (int n = end_match(p.end, in); n >= 0) {
      if (p.eat_end) in.eat(n);
      p.matched_end = true;
      break;
    }
    if (p.fold == Fold::kFlow) scalar.erase(last_non_whitespace);

    // Phase 2: the line break.
    in.eat(1);

    // Phase 3: indentation, then the rest of the leading whitespace.
    while (in.peek() == ' ' &&
           (in.column() < p.indent || (p.detect_indent && !found_non_empty_line)) &&
           end_match(p.end, in) < 0) {
      in.eat(1);
    }
    if (p.detect_indent && !found_non_empty_line) p.indent = std::max(p.indent, in.column());
    while (is_blank(in.peek())) {
      if (!p.eat_leading_whitespace) break;
      if (end_match(p.end, in) >= 0) break;
      in.eat(1);
    }

    bool next_empty_line = is_break(in.peek());
    bool next_more_indented = is_blank(in.peek());
    if (p.fold == Fold::kBlock && folded_newline_count == 0 && next_empty_line) {
      folded_newline_started_more_indented = more_indented;
    }
    if (past_opening_break) {
      switch (p.fold) {
        case Fold::kDont:
          scalar += '\n';
          break;
        case Fold::kBlock:
          if (!empty_line && !next_empty_line && !more_indented && !next_more_indented &&
              in.column() >= p.indent) {
            scalar += ' ';
          } else if (next_empty_line) {
            ++folded_newline_count;
          } else {
            scalar += '\n';
          }
          if (!next_empty_line && folded_newline_count > 0) {
            scalar.append(static_cast<std::size_t>(folded_newline_count - 1), '\n');
            if (folded_newline_started_more_indented || next_more_indented ||
                !found_non_empty_line) {
              scalar += '\n';
            }
            folded_newline_count = 0;
          }
          break;
        case Fold::kFlow:
          if (next_empty_line) {
            scalar += '\n';
          } else if (!empty_line && !escaped_newline) {
            scalar += ' ';
          }
          break;
      }
    }
    empty_line = next_empty_line;
    more_indented = next_more_indented;
    past_opening_break = true;
    if (!empty_line && in.column() < p.indent) {
      p.leading_spaces = true;
      break;
    }
  }

  if (p.trim_trailing_spaces) {
    std::size_t pos = scalar.find_last_not_of(" \t");
    if (last_escaped_char != std::string::npos &&
        (pos < last_escaped_char || pos == std::string::npos)) {
      pos = last_escaped_char;
    }
    if (pos < scalar.size()) scalar.erase(pos + 1);
  }
  if (p.chomp == Chomp::kClip || p.chomp == Chomp::kStrip) {
    std::size_t pos = scalar.find_last_not_of('\n');
    if (last_escaped_char != std::string::npos &&
        (pos < last_escaped_char || pos == std::string::npos)) {
      pos = last_escaped_char;
    }
    if (pos == std::string::npos) {
      scalar.clear();
    } else if (p.chomp == Chomp::kClip && pos + 1 < scalar.size()) {
      scalar.erase(pos + 2);
    } else if (p.chomp == Chomp::kStrip && pos < scalar.size()) {
      scalar.erase(pos + 1);
    }
  }
  return true;
}

// yaml-cpp's IsNullString: such plain scalars are null events.
bool is_null_string(const std::string& s) {
  return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}

class Parser {
 public:
  Parser(std::string_view text, YAML::EventHandler& handler)
      : text_(text), in_(text), h_(handler) {}

  SimpleYamlResult run() {
    if (!plain_input()) return SimpleYamlResult::kUnsupported;
    skip_to_token();
    if (!in_.ok()) return SimpleYamlResult::kEmpty;
    h_.OnDocumentStart(in_.mark());
    if (!block_node(-1, false)) return SimpleYamlResult::kUnsupported;
    skip_to_token();
    if (in_.ok()) return SimpleYamlResult::kUnsupported;
    h_.OnDocumentEnd();
    return SimpleYamlResult::kDocument;
  }

 private:
  // Bytes and lines yaml-cpp treats specially are left to it: tabs, '\r', control characters,
  // invalid UTF-8, C1 controls, U+FEFF, U+2028/9, directives and document markers.
  bool plain_input() const {
    const auto* s = reinterpret_cast<const unsigned char*>(text_.data());
    std::size_t n = text_.size();
    bool line_start = true;
    for (std::size_t i = 0; i < n; ++i) {
      // Printable ASCII inside a line needs no look.
      if (!line_start) {
        while (i < n && s[i] >= 0x20 && s[i] < 0x7F) ++i;
        if (i >= n) break;
      }
      unsigned char c = s[i];
      if (line_start) {
        line_start = false;
        if (c == '%') return false;
        if ((c == '-' || c == '.') && i + 2 < n && s[i + 1] == c && s[i + 2] == c &&
            (i + 3 >= n || s[i + 3] == ' ' || s[i + 3] == '\n')) {
          return false;
        }
      }
      if (c >= 0x20 && c < 0x7F) continue;
      if (c == '\n') {
        line_start = true;
        continue;
      }
      if (c < 0x80) return false;  // controls, tab, '\r', DEL
      std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
      if (len == 0 || c > 0xF4 || i + len > n) return false;
      for (std::size_t k = 1; k < len; ++k) {
        if ((s[i + k] & 0xC0) != 0x80) return false;
      }
      unsigned cp = len == 2 ? ((c & 0x1Fu) << 6) | (s[i + 1] & 0x3Fu)
                    : len == 3
                        ? ((c & 0x0Fu) << 12) | ((s[i + 1] & 0x3Fu) << 6) | (s[i + 2] & 0x3Fu)
                        : ((c & 0x07u) << 18) | ((s[i + 1] & 0x3Fu) << 12) |
                              ((s[i + 2] & 0x3Fu) << 6) | (s[i + 3] & 0x3Fu);
      if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))) return false;
      if (cp < 0xA0 || (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFEFF || cp == 0x2028 ||
          cp == 0x2029) {
        return false;
      }
      i += len - 1;
    }
    return true;
  }

  // yaml-cpp's ScanToNextToken: spaces, a comment, line breaks.
  void skip_to_token() {
    while (true) {
      while (in_.peek() == ' ') in_.eat(1);
      if (in_.peek() == '#') {
        while (in_.ok() && in_.peek() != '\n') in_.eat(1);
      }
      if (in_.peek() != '\n') return;
      in_.eat(1);
    }
  }
  // Spaces and a comment on the current line; true when the line ends there (or the input).
  bool rest_of_line_empty() {
    while (in_.peek() == ' ') in_.eat(1);
    if (in_.peek() == '#') {
      while (in_.ok() && in_.peek() != '\n') in_.eat(1);
    }
    return !in_.ok() || in_.peek() == '\n';
  }

  bool block_entry_here() const {
    return in_.peek() == '-' && (is_blank_or_break(in_.peek(1)) || in_.at_end(1));
  }

  // Whether the token at the cursor is a mapping key on this line: a plain scalar ending with
  // ':' before the line does, or a one-line quoted scalar followed by ':'.
  bool key_here() const {
    std::size_t i = in_.pos();
    char c = text_[i];
    if (c == '"' || c == '\'') {
      std::size_t k = i + 1;
      while (k < text_.size() && text_[k] != '\n') {
        if (c == '"' && text_[k] == '\\') {
          k += 2;
          continue;
        }
        if (text_[k] == c) {
          if (c == '\'' && k + 1 < text_.size() && text_[k + 1] == '\'') {
            k += 2;
            continue;
          }
          break;
        }
        ++k;
      }
      if (k >= text_.size() || text_[k] != c || k - i >= kMaxKey) return false;
      for (++k; k < text_.size() && text_[k] == ' '; ++k) {
      }
      return k < text_.size() && text_[k] == ':' &&
             (k + 1 >= text_.size() || text_[k + 1] == ' ' || text_[k + 1] == '\n');
    }
    if (!plain_start(false)) return false;
    // The first end pattern of the scalar on this line decides: ": " (or ':' ending the line)
    // makes a key, " #" a comment.
    std::size_t eol = std::min(text_.find('\n', i), text_.size());
    std::size_t limit = std::min(eol, i + kMaxKey);
    // Searches stop at `limit` (and the '#' search at the colon): searching the whole rest of
    // the text for each key made a file of many keys and no '#' quadratic.
    const std::string_view head = text_.substr(0, limit);
    std::size_t colon = head.find(':', i);
    while (colon < limit && colon + 1 < text_.size() && text_[colon + 1] != ' ' &&
           text_[colon + 1] != '\n') {
      colon = head.find(':', colon + 1);
    }
    if (colon >= limit) return false;
    const std::string_view before_colon = text_.substr(0, colon);
    for (std::size_t hash = before_colon.find('#', i + 1); hash != std::string_view::npos;
         hash = before_colon.find('#', hash + 1)) {
      if (text_[hash - 1] == ' ') return false;
    }
    return true;
  }

  // Exp::PlainScalar / PlainScalarInFlow at the cursor.
  bool plain_start(bool flow) const {
    char c = in_.peek();
    char next = in_.peek(1);
    if (!in_.ok() || is_blank_or_break(c)) return false;
    std::string_view terminators =
        flow ? std::string_view("?,[]{}#&*!|>'\"%@`") : std::string_view(",[]{}#&*!|>'\"%@`");
    if (terminators.find(c) != std::string_view::npos) return false;
    if (flow) {
      // yaml-cpp scans a block entry ("-" then a blank, a break or the end; an error in a flow
      // collection) and a flow value (":" then that or ",]}") before it tries a plain scalar.
      bool ends = is_blank_or_break(next) || in_.at_end(1);
      if (c == '-' && ends) return false;
      if (c == ':' && (ends || std::string_view(",]}").find(next) != std::string_view::npos)) {
        return false;
      }
    } else {
      if ((c == '-' || c == '?' || c == ':') && (is_blank_or_break(next) || in_.at_end(1))) {
        return false;
      }
    }
    return true;
  }

  // A node whose first token is at the cursor (after skip_to_token or on the line of a "- "
  // or "key: "), inside a collection whose indentation is `parent_indent`. `inline_value`: the
  // node follows "key: " on its line (no nested block collection may start there).
  bool block_node(int parent_indent, bool inline_value) {
    if (++depth_ > kMaxDepth) return false;
    bool ok = block_node_inner(parent_indent, inline_value);
    --depth_;
    return ok;
  }

  bool block_node_inner(int parent_indent, bool inline_value) {
    char c = in_.peek();
    if (block_entry_here()) return !inline_value && block_sequence(in_.column());
    if (key_here()) return !inline_value && block_mapping(in_.column());
    if (c == '[' || c == '{') {
      if (!flow_node()) return false;
      return after_value_token();
    }
    if (c == '"' || c == '\'') {
      if (!quoted_scalar()) return false;
      return after_value_token();
    }
    if (c == '|' || c == '>') return block_scalar(parent_indent);
    if (!plain_start(false)) return false;
    YAML::Mark mark = in_.mark();
    int line = in_.line();
    ScanParams p;
    p.end = End::kPlainBlock;
    p.indent = parent_indent + 1;
    p.fold = Fold::kFlow;
    p.eat_leading_whitespace = true;
    p.trim_trailing_spaces = true;
    p.chomp = Chomp::kStrip;
    std::string value;
    if (!scan_scalar(in_, p, value)) return false;
    // A scalar ending at ": " is a key over several lines or a second key on a line: errors.
    if (p.matched_end && in_.peek() == ':') return false;
    (void)line;
    emit_plain(mark, value);
    return true;
  }

  // After a quoted scalar or flow collection: nothing but a comment may follow on its line.
  bool after_value_token() { return rest_of_line_empty(); }

  void emit_plain(const YAML::Mark& mark, const std::string& value) {
    if (is_null_string(value)) {
      h_.OnNull(mark, YAML::NullAnchor);
    } else {
      h_.OnScalar(mark, "?", YAML::NullAnchor, value);
    }
  }

  bool quoted_scalar() {
    YAML::Mark mark = in_.mark();
    char quote = in_.get();
    ScanParams p;
    p.end = quote == '\'' ? End::kSingleQuote : End::kDoubleQuote;
    p.eat_end = true;
    p.escape = quote == '\'' ? '\'' : '\\';
    p.indent = 0;
    p.fold = Fold::kFlow;
    p.eat_leading_whitespace = true;
    p.chomp = Chomp::kClip;
    std::string value;
    // Unclosed at the end of input: yaml-cpp accepts it; YamlDocument reports it, so leave it.
    if (!scan_scalar(in_, p, value) || !p.matched_end) return false;
    h_.OnScalar(mark, "!", YAML::NullAnchor, value);
    return true;
  }

  bool block_scalar(int parent_indent) {
    YAML::Mark mark = in_.mark();
    char indicator = in_.get();
    ScanParams p;
    p.indent = 1;
    p.detect_indent = true;
    p.fold = indicator == '>' ? Fold::kBlock : Fold::kDont;
    p.chomp = Chomp::kClip;
    char c0 = in_.peek(), c1 = in_.peek(1);
    int n = 0;
    if (c0 == '+' || c0 == '-') {
      n = is_digit(c1) ? 2 : 1;
    } else if (is_digit(c0)) {
      n = (c1 == '+' || c1 == '-') ? 2 : 1;
    }
    for (int i = 0; i < n; ++i) {
      char ch = in_.get();
      if (ch == '+') {
        p.chomp = Chomp::kKeep;
      } else if (ch == '-') {
        p.chomp = Chomp::kStrip;
      } else {
        if (ch == '0') return false;
        p.indent = ch - '0';
        p.detect_indent = false;
      }
    }
    while (in_.peek() == ' ') in_.eat(1);
    if (in_.peek() == '#') {
      while (in_.ok() && in_.peek() != '\n') in_.eat(1);
    }
    if (in_.ok() && in_.peek() != '\n') return false;
    if (parent_indent >= 0) p.indent += parent_indent;
    std::string value;
    if (!scan_scalar(in_, p, value)) return false;
    h_.OnScalar(mark, "!", YAML::NullAnchor, value);
    return true;
  }

  // The value after "key:" or "- " (the cursor just past the indicator), in a collection at
  // `indent`. `mapping`: an indentless sequence may follow at the same indentation.
  bool value_after_indicator(int indent, bool mapping) {
    if (!rest_of_line_empty()) {
      if (block_entry_here()) return false;  // "key: - x", "- - x": left to yaml-cpp
      if (mapping) return block_node(indent, true);
      return block_node(indent, false);
    }
    skip_to_token();
    if (!in_.ok()) {
      h_.OnNull(end_mark(indent, !mapping), YAML::NullAnchor);
      return true;
    }
    if (in_.column() > indent) return block_node(indent, false);
    if (mapping && in_.column() == indent && block_entry_here()) return block_sequence(indent);
    h_.OnNull(in_.mark(), YAML::NullAnchor);
    return true;
  }

  // The mark of the token that ends the collection at `indent` at the end of the input.
  // yaml-cpp closes the collections indented deeper than where the input ends (a sequence also
  // at the same column) there, and then the rest at column 0 (its EndStream resets the column).
  YAML::Mark end_mark(int indent, bool sequence) const {
    YAML::Mark mark = in_.mark();
    if (indent > in_.column() || (indent == in_.column() && sequence)) mark.column = in_.column();
    return mark;
  }

  bool block_mapping(int indent) {
    h_.OnMapStart(in_.mark(), "?", YAML::NullAnchor, YAML::EmitterStyle::Block);
    while (true) {
      if (!key_here()) return false;
      if (!mapping_key()) return false;
      in_.eat(1);  // ':'
      if (!value_after_indicator(indent, true)) return false;
      skip_to_token();
      if (!in_.ok() || in_.column() < indent) break;
      if (in_.column() > indent) return false;
    }
    h_.OnMapEnd();
    return true;
  }

  // A key on one line, the cursor left on its ':'.
  bool mapping_key() {
    YAML::Mark mark = in_.mark();
    int line = in_.line();
    char c = in_.peek();
    if (c == '"' || c == '\'') {
      if (!quoted_scalar() || in_.line() != line) return false;
      while (in_.peek() == ' ') in_.eat(1);
      return in_.peek() == ':' && (is_blank_or_break(in_.peek(1)) || in_.at_end(1));
    }
    ScanParams p;
    p.end = End::kPlainBlock;
    p.indent = in_.column() + 1;
    p.fold = Fold::kFlow;
    p.eat_leading_whitespace = true;
    p.trim_trailing_spaces = true;
    p.chomp = Chomp::kStrip;
    std::string key;
    if (!scan_scalar(in_, p, key) || !p.matched_end || in_.line() != line || in_.peek() != ':') {
      return false;
    }
    emit_plain(mark, key);
    return true;
  }

  bool block_sequence(int indent) {
    h_.OnSequenceStart(in_.mark(), "?", YAML::NullAnchor, YAML::EmitterStyle::Block);
    while (true) {
      in_.eat(1);  // '-'
      if (!value_after_indicator(indent, false)) return false;
      skip_to_token();
      if (!in_.ok() || in_.column() < indent) break;
      if (in_.column() > indent) return false;
      if (!block_entry_here()) break;  // the mapping around an indentless sequence goes on
    }
    h_.OnSequenceEnd();
    return true;
  }

  // ---- Flow collections (yaml-cpp does not check their indentation). ----

  void skip_flow_spaces() { skip_to_token(); }

  bool flow_node() {
    if (++depth_ > kMaxDepth) return false;
    bool ok = flow_node_inner();
    --depth_;
    return ok;
  }

  bool flow_node_inner() {
    char c = in_.peek();
    if (c == '[') return flow_sequence();
    if (c == '{') return flow_mapping();
    if (c == '"' || c == '\'') return quoted_scalar();
    if (!plain_start(true)) return false;
    YAML::Mark mark = in_.mark();
    ScanParams p;
    p.end = End::kPlainFlow;
    p.indent = 0;
    p.fold = Fold::kFlow;
    p.eat_leading_whitespace = true;
    p.trim_trailing_spaces = true;
    p.chomp = Chomp::kStrip;
    std::string value;
    if (!scan_scalar(in_, p, value) || !p.matched_end) return false;
    emit_plain(mark, value);
    return true;
  }

  bool flow_sequence() {
    h_.OnSequenceStart(in_.mark(), "?", YAML::NullAnchor, YAML::EmitterStyle::Flow);
    in_.eat(1);
    skip_flow_spaces();
    if (in_.peek() != ']') {
      while (true) {
        if (!flow_node()) return false;
        skip_flow_spaces();
        if (in_.peek() == ']') break;
        if (in_.peek() != ',') return false;  // a ':' here would make a one-pair mapping
        in_.eat(1);
        skip_flow_spaces();
        if (in_.peek() == ']' || in_.peek() == ',') return false;
      }
    }
    in_.eat(1);
    h_.OnSequenceEnd();
    return true;
  }

  bool flow_mapping() {
    h_.OnMapStart(in_.mark(), "?", YAML::NullAnchor, YAML::EmitterStyle::Flow);
    in_.eat(1);
    skip_flow_spaces();
    if (in_.peek() != '}') {
      while (true) {
        char c = in_.peek();
        if (c == '[' || c == '{') return false;  // collection keys
        int line = in_.line();                   // a key is on one line
        std::size_t start = in_.pos();
        if (!flow_node() || in_.line() != line || in_.pos() - start >= kMaxKey) return false;
        skip_flow_spaces();
        // The value indicator: ':' then a space (": x"), as written in the subset.
        if (in_.peek() != ':' || in_.peek(1) != ' ') return false;
        in_.eat(1);
        skip_flow_spaces();
        if (in_.peek() == ',' || in_.peek() == '}' || !flow_node()) return false;
        skip_flow_spaces();
        if (in_.peek() == '}') break;
        if (in_.peek() != ',') return false;
        in_.eat(1);
        skip_flow_spaces();
        if (in_.peek() == '}' || in_.peek() == ',') return false;
      }
    }
    in_.eat(1);
    h_.OnMapEnd();
    return true;
  }

  std::string_view text_;
  Input in_;
  YAML::EventHandler& h_;
  int depth_ = 0;
};

}  // namespace

SimpleYamlResult parse_simple_yaml(std::string_view text, YAML::EventHandler& handler) {
  return Parser(text, handler).run();
}

}  // namespace keplint
