// A file's text with a line index, so any byte offset maps to a line and column.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace keplint {

// 1-based line; 1-based column counted in bytes. Outputs convert columns to their own units.
struct Position {
  int line = 0;
  int column = 0;
  bool valid() const { return line > 0; }
  auto operator<=>(const Position&) const = default;
};

// A span of source; `end` is inclusive of the last character (Checks API convention).
struct Range {
  Position start;
  Position end;
  static Range at(Position p) { return {p, p}; }
  static Range line(int l) { return {{l, 1}, {l, 1}}; }
  auto operator<=>(const Range&) const = default;
};

class SourceFile {
 public:
  SourceFile(std::string path, std::string text);

  const std::string& path() const { return path_; }  // repo-relative, '/' separators
  const std::string& text() const { return text_; }
  int line_count() const { return static_cast<int>(line_starts_.size()); }

  // Byte offset (0-based) to a 1-based position. Offsets past the end clamp to the end.
  Position position_of(std::size_t offset) const;
  // Start offset of a 1-based line; text().size() past the last line.
  std::size_t line_offset(int line) const;
  // The line's text without its terminator (LF or CRLF).
  std::string_view line_text(int line) const;
  // A range covering [offset, offset + length) on the source.
  Range range_of(std::size_t offset, std::size_t length) const;
  bool uses_crlf() const { return crlf_; }

 private:
  std::string path_;
  std::string text_;
  std::vector<std::size_t> line_starts_;
  bool crlf_ = false;
};

using SourcePtr = std::shared_ptr<const SourceFile>;

// Column conversions: a byte column (1-based) on `line` to characters (code points) or UTF-16
// units.
int byte_column_to_char_column(std::string_view line, int byte_column);
int byte_column_to_utf16_column(std::string_view line, int byte_column);

}  // namespace keplint
