// UTF-8 helpers for outputs: repo text may be invalid UTF-8 or carry control characters, and
// every format must stay valid (JSON, XML) and harmless (terminals, CI logs).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "document/utf8.h"

namespace keplint {

// One decoded character. Invalid bytes (overlong forms, surrogates, > U+10FFFF, truncated
// sequences, stray continuation bytes) decode as one byte with valid == false.
struct Utf8Char {
  char32_t code_point = 0;
  std::size_t length = 1;
  bool valid = false;
};
Utf8Char decode_utf8(std::string_view text, std::size_t pos);

// Every invalid byte becomes U+FFFD, so the result is valid UTF-8.
std::string to_valid_utf8(std::string_view text);

// Code points in valid UTF-8 (each invalid byte counts as one).
std::size_t utf8_length(std::string_view text);

// Keeps `text` when it fits; otherwise a prefix cut on a character boundary plus `marker`,
// together at most `max_chars` code points (or `max_bytes` bytes). Expects valid UTF-8.
std::string truncate_chars(std::string_view text, std::size_t max_chars, std::string_view marker);
std::string truncate_bytes(std::string_view text, std::size_t max_bytes, std::string_view marker);

// Replaces C0 controls (except tab), DEL, C1 controls and bidi overrides/isolates with
// `replacement`, and removes nothing else. For formats whose syntax forbids them (XML 1.0) or
// whose viewers interpret them (ANSI in CI logs, reordered text in web pages). Invalid bytes
// are kept: callers pass valid UTF-8.
std::string replace_controls(std::string_view text, std::string_view replacement,
                             bool keep_newlines);

// Terminal-safe text: C0 controls but tab, DEL, C1 controls, bidi overrides and invalid bytes
// become visible escapes (\n, \r, \x1b, \u{202e}), so a KEP cannot drive the terminal.
std::string escape_for_terminal(std::string_view text);
// The same, one character at a time, with its width for aligning carets under source lines.
struct TerminalPiece {
  std::string text;  // what to print for the character at `pos`
  std::size_t consumed = 1;
  int width = 1;  // terminal columns, for caret alignment
  bool tab = false;
};
TerminalPiece terminal_piece(std::string_view text, std::size_t pos);
// A byte terminal_piece() prints as itself, one column wide.
inline bool is_printable_ascii(char c) {
  return c >= 0x20 && c < 0x7F;
}

}  // namespace keplint
