#include "document/source_file.h"

#include <algorithm>
#include <cstring>

namespace keplint {

SourceFile::SourceFile(std::string path, std::string text)
    : path_(std::move(path)), text_(std::move(text)) {
  line_starts_.push_back(0);
  const char* begin = text_.data();
  const char* end = begin + text_.size();
  for (const char* p = begin; p < end;) {
    const char* nl =
        static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
    if (!nl) break;
    if (nl > begin && nl[-1] == '\r') crlf_ = true;
    if (nl + 1 < end) line_starts_.push_back(static_cast<std::size_t>(nl + 1 - begin));
    p = nl + 1;
  }
}

Position SourceFile::position_of(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  std::size_t index = static_cast<std::size_t>(it - line_starts_.begin()) - 1;
  return {static_cast<int>(index) + 1, static_cast<int>(offset - line_starts_[index]) + 1};
}

std::size_t SourceFile::line_offset(int line) const {
  if (line < 1) return 0;
  if (static_cast<std::size_t>(line) > line_starts_.size()) return text_.size();
  return line_starts_[line - 1];
}

std::string_view SourceFile::line_text(int line) const {
  if (line < 1 || line > line_count()) return {};
  std::size_t begin = line_starts_[line - 1];
  std::size_t end = line < line_count() ? line_starts_[line] : text_.size();
  std::string_view view(text_.data() + begin, end - begin);
  if (!view.empty() && view.back() == '\n') view.remove_suffix(1);
  if (!view.empty() && view.back() == '\r') view.remove_suffix(1);
  return view;
}

Range SourceFile::range_of(std::size_t offset, std::size_t length) const {
  Position start = position_of(offset);
  Position end = length == 0 ? start : position_of(offset + length - 1);
  return {start, end};
}

namespace {
bool is_continuation(unsigned char c) {
  return (c & 0xC0) == 0x80;
}
}  // namespace

int byte_column_to_char_column(std::string_view line, int byte_column) {
  int chars = 0;
  std::size_t limit = std::min<std::size_t>(line.size(), byte_column > 0 ? byte_column - 1 : 0);
  for (std::size_t i = 0; i < limit; ++i) {
    if (!is_continuation(static_cast<unsigned char>(line[i]))) ++chars;
  }
  // Columns past the end of the line (e.g. "end of line") keep their distance.
  if (byte_column - 1 > static_cast<int>(line.size()))
    chars += byte_column - 1 - static_cast<int>(line.size());
  return chars + 1;
}

int byte_column_to_utf16_column(std::string_view line, int byte_column) {
  int units = 0;
  std::size_t limit = std::min<std::size_t>(line.size(), byte_column > 0 ? byte_column - 1 : 0);
  for (std::size_t i = 0; i < limit; ++i) {
    auto c = static_cast<unsigned char>(line[i]);
    if (is_continuation(c)) continue;
    units += (c >= 0xF0) ? 2 : 1;  // 4-byte sequences are surrogate pairs in UTF-16
  }
  if (byte_column - 1 > static_cast<int>(line.size()))
    units += byte_column - 1 - static_cast<int>(line.size());
  return units + 1;
}

}  // namespace keplint
