// Shared by the JSON-based formats: deterministic key order, valid UTF-8 whatever the input.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>

namespace keplint {

// Keys keep insertion order, so output is byte-for-byte reproducible.
using OrderedJson = nlohmann::ordered_json;

// Pretty-printed with a trailing newline; invalid UTF-8 becomes U+FFFD instead of throwing.
// No line contains "##[" (GitHub's legacy workflow command syntax).
void write_json(const OrderedJson& document, std::ostream& out);

}  // namespace keplint
