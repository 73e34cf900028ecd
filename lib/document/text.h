// Small text helpers every layer uses: joining lists for messages and "did you mean" hints.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace keplint {

std::string join(const std::vector<std::string>& items, std::string_view separator = ", ");

// Levenshtein distance, ASCII case-insensitive.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate nearest to `value` when it is a plausible typo of it, or "".
std::string nearest(std::string_view value, const std::vector<std::string>& candidates);
// "did you mean 'x'?" for a near miss, or "".
std::string suggest(std::string_view value, const std::vector<std::string>& candidates);

}  // namespace keplint
