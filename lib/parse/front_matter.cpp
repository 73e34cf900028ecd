#include "parse/front_matter.h"

#include "document/utf8.h"

namespace keplint {

namespace {

std::string_view strip_eol(std::string_view line) {
  if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

bool is_fence(std::string_view line, bool closing) {
  line = strip_eol(line);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line == "---" || (closing && line == "...");
}

}  // namespace

std::optional<FrontMatter> split_front_matter(std::string_view text) {
  std::size_t pos = byte_order_mark_length(text);
  std::size_t eol = text.find('\n', pos);
  if (eol == std::string_view::npos || !is_fence(text.substr(pos, eol + 1 - pos), false)) {
    return std::nullopt;
  }
  FrontMatter fm;
  fm.yaml_offset = eol + 1;
  pos = fm.yaml_offset;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    std::size_t next = end == std::string_view::npos ? text.size() : end + 1;
    if (is_fence(text.substr(pos, next - pos), true)) {
      fm.yaml_length = pos - fm.yaml_offset;
      fm.body_offset = next;
      return fm;
    }
    pos = next;
  }
  fm.closed = false;
  fm.yaml_length = text.size() - fm.yaml_offset;
  fm.body_offset = text.size();
  return fm;
}

}  // namespace keplint
