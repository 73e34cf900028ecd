#include "engine/version.h"

#include <algorithm>

namespace keplint {

std::strong_ordering Version::operator<=>(const Version& other) const {
  std::size_t n = std::max(parts.size(), other.parts.size());
  for (std::size_t i = 0; i < n; ++i) {
    int a = i < parts.size() ? parts[i] : 0;
    int b = i < other.parts.size() ? other.parts[i] : 0;
    if (a != b) return a <=> b;
  }
  return std::strong_ordering::equal;
}

std::optional<Version> parse_version(std::string_view text) {
  if (!text.empty() && (text.front() == 'v' || text.front() == 'V')) text.remove_prefix(1);
  if (text.empty()) return std::nullopt;
  Version v;
  int current = -1;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      if (current > 100000) return std::nullopt;
      current = (current < 0 ? 0 : current * 10) + (c - '0');
    } else if (c == '.' && current >= 0) {
      v.parts.push_back(current);
      current = -1;
    } else {
      return std::nullopt;
    }
  }
  if (current < 0) return std::nullopt;
  v.parts.push_back(current);
  return v;
}

}  // namespace keplint
