#include "engine/version.h"

#include <algorithm>
#include <cctype>

namespace keplint {

std::strong_ordering Version::operator<=>(const Version& other) const {
  std::size_t n = std::max(parts.size(), other.parts.size());
  for (std::size_t i = 0; i < n; ++i) {
    int a = i < parts.size() ? parts[i] : 0;
    int b = i < other.parts.size() ? other.parts[i] : 0;
    if (a != b) return a <=> b;
  }
  if (prerelease != other.prerelease)
    return prerelease ? std::strong_ordering::less : std::strong_ordering::greater;
  return std::strong_ordering::equal;
}

std::optional<Version> parse_version(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  if (!text.empty() && (text.front() == 'v' || text.front() == 'V')) text.remove_prefix(1);
  if (text.empty()) return std::nullopt;
  Version v;
  int current = -1;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c >= '0' && c <= '9') {
      if (current > 100000) return std::nullopt;
      current = (current < 0 ? 0 : current * 10) + (c - '0');
    } else if (c == '.' && current >= 0) {
      v.parts.push_back(current);
      current = -1;
    } else if ((c == '-' || c == '+') && current >= 0 && v.parts.size() == 2) {
      // A pre-release or build suffix after the third number; only a pre-release orders.
      std::string_view suffix = text.substr(i + 1);
      if (suffix.empty()) return std::nullopt;
      for (char s : suffix) {
        if (!std::isalnum(static_cast<unsigned char>(s)) && s != '-' && s != '.' && s != '+') {
          return std::nullopt;
        }
      }
      v.parts.push_back(current);
      v.prerelease = c == '-';
      return v;
    } else {
      return std::nullopt;
    }
  }
  if (current < 0) return std::nullopt;
  v.parts.push_back(current);
  return v;
}

}  // namespace keplint
