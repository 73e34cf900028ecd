// UTF-8 encoding shared by the Markdown renderer and the output encoders.
#pragma once

#include <string>

namespace keplint {

// Appends the UTF-8 encoding of a code point.
void append_utf8(std::string& out, char32_t code_point);

}  // namespace keplint
