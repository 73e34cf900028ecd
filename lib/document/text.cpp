#include "document/text.h"

#include <algorithm>
#include <cctype>

namespace keplint {

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out.append(separator);
    out.append(item);
  }
  return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      char x = static_cast<char>(std::tolower(static_cast<unsigned char>(a[i - 1])));
      char y = static_cast<char>(std::tolower(static_cast<unsigned char>(b[j - 1])));
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x == y ? 0 : 1)});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string nearest(std::string_view value, const std::vector<std::string>& candidates) {
  if (value.empty() || value.size() > 200) return "";
  std::string best;
  std::size_t best_distance = std::max<std::size_t>(2, value.size() / 3) + 1;
  for (const std::string& c : candidates) {
    std::size_t d = edit_distance(value, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best;
}

std::string suggest(std::string_view value, const std::vector<std::string>& candidates) {
  std::string best = nearest(value, candidates);
  return best.empty() ? "" : "did you mean '" + best + "'?";
}

}  // namespace keplint
