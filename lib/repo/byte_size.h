// Sizes written by people: "4194304", "512k", "4M", "4MiB", "1G" (binary multiples).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace keplint {

// nullopt for anything else (no number, an unknown suffix, overflow).
std::optional<std::size_t> parse_byte_size(std::string_view text);

// "4 MiB", "512 KiB", "1000 bytes": exact, for messages.
std::string format_byte_size(std::size_t bytes);

}  // namespace keplint
