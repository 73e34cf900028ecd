#include "report/utf8_text.h"

#include <fmt/format.h>

namespace keplint {

namespace {

bool in(unsigned char c, unsigned char lo, unsigned char hi) {
  return c >= lo && c <= hi;
}

// Terminal columns of a printable code point: 0 for combining marks, 2 for East Asian wide
// and emoji, 1 otherwise. An approximation of wcwidth, good enough to place a caret.
int display_width(char32_t c) {
  if ((c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
      (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF) ||
      (c >= 0xFE20 && c <= 0xFE2F) || (c >= 0x200B && c <= 0x200D) || c == 0xFE0F) {
    return 0;
  }
  if ((c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
      (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
      (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
      (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
      (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
      (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
      (c >= 0x1F680 && c <= 0x1F6FF) || (c >= 0x1FA70 && c <= 0x1FAFF) ||
      (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD)) {
    return 2;
  }
  return 1;
}

// Bidi embedding/override/isolate marks can reorder what a reviewer sees ("Trojan Source").
bool is_bidi_control(char32_t c) {
  return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

}  // namespace

Utf8Char decode_utf8(std::string_view text, std::size_t pos) {
  Utf8Char invalid{static_cast<unsigned char>(text[pos]), 1, false};
  auto b0 = static_cast<unsigned char>(text[pos]);
  if (b0 < 0x80) return {b0, 1, true};
  std::size_t length = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  char32_t cp = 0;
  if (in(b0, 0xC2, 0xDF)) {
    length = 2, cp = b0 & 0x1F;
  } else if (in(b0, 0xE0, 0xEF)) {
    length = 3, cp = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;  // overlong
    if (b0 == 0xED) hi = 0x9F;  // surrogates
  } else if (in(b0, 0xF0, 0xF4)) {
    length = 4, cp = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;  // overlong
    if (b0 == 0xF4) hi = 0x8F;  // > U+10FFFF
  } else {
    return invalid;
  }
  if (pos + length > text.size()) return invalid;
  for (std::size_t i = 1; i < length; ++i) {
    auto b = static_cast<unsigned char>(text[pos + i]);
    if (i == 1 ? !in(b, lo, hi) : !in(b, 0x80, 0xBF)) return invalid;
    cp = (cp << 6) | (b & 0x3F);
  }
  return {cp, length, true};
}

std::string to_valid_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    Utf8Char c = decode_utf8(text, i);
    if (c.valid) {
      out.append(text.substr(i, c.length));
    } else {
      append_utf8(out, 0xFFFD);
    }
    i += c.length;
  }
  return out;
}

std::size_t utf8_length(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); i += decode_utf8(text, i).length) ++count;
  return count;
}

std::string truncate_chars(std::string_view text, std::size_t max_chars, std::string_view marker) {
  if (utf8_length(text) <= max_chars) return std::string(text);
  // A limit too small for the marker gets a bare cut.
  std::size_t marker_chars = utf8_length(marker);
  bool with_marker = max_chars >= marker_chars;
  std::size_t keep = with_marker ? max_chars - marker_chars : max_chars;
  std::size_t end = 0;
  for (std::size_t n = 0; n < keep && end < text.size(); ++n) end += decode_utf8(text, end).length;
  std::string out(text.substr(0, end));
  if (with_marker) out += marker;
  return out;
}

std::string truncate_bytes(std::string_view text, std::size_t max_bytes, std::string_view marker) {
  if (text.size() <= max_bytes) return std::string(text);
  bool with_marker = max_bytes >= marker.size();
  std::size_t budget = with_marker ? max_bytes - marker.size() : max_bytes;
  std::size_t end = 0;
  while (end < text.size()) {
    std::size_t next = end + decode_utf8(text, end).length;
    if (next > budget) break;
    end = next;
  }
  std::string out(text.substr(0, end));
  if (with_marker) out += marker;
  return out;
}

std::string replace_controls(std::string_view text, std::string_view replacement,
                             bool keep_newlines) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    Utf8Char c = decode_utf8(text, i);
    char32_t cp = c.code_point;
    bool newline = cp == '\n' || cp == '\r';
    bool control = c.valid && ((cp < 0x20 && cp != '\t' && !(newline && keep_newlines)) ||
                               (cp >= 0x7F && cp <= 0x9F) || is_bidi_control(cp));
    if (control) {
      out += replacement;
    } else {
      out.append(text.substr(i, c.length));
    }
    i += c.length;
  }
  return out;
}

TerminalPiece terminal_piece(std::string_view text, std::size_t pos) {
  Utf8Char c = decode_utf8(text, pos);
  auto escaped = [&](std::string s) {
    int width = static_cast<int>(s.size());
    return TerminalPiece{std::move(s), c.length, width, false};
  };
  if (!c.valid) {
    return escaped(fmt::format("\\x{:02x}", static_cast<unsigned char>(text[pos])));
  }
  char32_t cp = c.code_point;
  if (cp == '\t') return {"\t", 1, 1, true};
  if (cp == '\n') return escaped("\\n");
  if (cp == '\r') return escaped("\\r");
  if (cp < 0x20 || cp == 0x7F) return escaped(fmt::format("\\x{:02x}", static_cast<unsigned>(cp)));
  // U+2028/U+2029 end a line in some viewers (and in JavaScript): one finding, one line.
  if ((cp >= 0x80 && cp <= 0x9F) || is_bidi_control(cp) || cp == 0x2028 || cp == 0x2029) {
    return escaped(fmt::format("\\u{{{:04x}}}", static_cast<unsigned>(cp)));
  }
  return {std::string(text.substr(pos, c.length)), c.length, display_width(cp), false};
}

std::string escape_for_terminal(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    // Printable ASCII stands for itself: copied a run at a time.
    std::size_t run = i;
    while (run < text.size() && is_printable_ascii(text[run])) ++run;
    if (run > i) {
      out.append(text.substr(i, run - i));
      i = run;
      continue;
    }
    TerminalPiece piece = terminal_piece(text, i);
    // In a message or path a TAB is shown as \t: it would look like spaces, and a log parser
    // may split on it. Source snippets keep it (make_full_snippet), to align their carets.
    out += piece.tab ? std::string("\\t") : piece.text;
    i += piece.consumed;
  }
  return out;
}

}  // namespace keplint
