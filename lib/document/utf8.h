// UTF-8 helpers shared by the parsers, the Markdown renderer and the output encoders.
#pragma once

#include <string>
#include <string_view>

namespace keplint {

// Appends the UTF-8 encoding of a code point.
void append_utf8(std::string& out, char32_t code_point);

// 3 when `text` starts with a UTF-8 byte order mark, else 0: the mark is not content, but
// positions in the file count its bytes.
inline std::size_t byte_order_mark_length(std::string_view text) {
  return text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
}

}  // namespace keplint
