#include "repo/glob.h"

#include <algorithm>
#include <vector>

namespace keplint {

namespace {

// Wildcard match within one segment. The classic "retry from the last '*'" loop: at most
// O(|pat| * |text|) steps, never exponential, and segments are short (file names).
bool match_segment(std::string_view pat, std::string_view text) {
  std::size_t p = 0, t = 0, star = std::string_view::npos, mark = 0;
  while (t < text.size()) {
    if (p < pat.size() && (pat[p] == '?' || pat[p] == text[t])) {
      ++p;
      ++t;
    } else if (p < pat.size() && pat[p] == '*') {
      star = p++;
      mark = t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pat.size() && pat[p] == '*') ++p;
  return p == pat.size();
}

// Pattern segments: a trailing empty segment ("a/") is dropped, inner ones ("a//b") are kept.
std::vector<std::string_view> pattern_segments(std::string_view pattern) {
  std::vector<std::string_view> segs;
  while (!pattern.empty()) {
    std::size_t slash = pattern.find('/');
    segs.push_back(pattern.substr(0, slash));
    pattern = slash == std::string_view::npos ? std::string_view{} : pattern.substr(slash + 1);
  }
  return segs;
}

}  // namespace

// A set-of-states simulation over pattern segments (an NFA without backtracking): each path
// segment is compared with each pattern segment at most once, so "**/**/**/.../x" against a deep
// path costs O(pattern segments x path segments), not exponential time. Semantics as before:
// `**` spans zero or more whole segments (but not a final empty one, as in "a/"), and a trailing
// `**` matches everything below, the directory itself included.
bool glob_match(std::string_view pattern, std::string_view path) {
  if (path.empty()) return pattern.empty();
  const std::vector<std::string_view> pat = pattern_segments(pattern);
  const std::size_t n = pat.size();
  std::vector<char> live(n + 1, 0), next(n + 1, 0);
  // Adds state i and its epsilon closure (a `**` may match no segment); true when a trailing
  // `**` is reached, which matches whatever is left.
  auto add = [&](std::vector<char>& set, std::size_t i) {
    for (; i <= n; ++i) {
      if (set[i]) return false;
      set[i] = 1;
      if (i == n || pat[i] != "**") return false;
      if (i + 1 == n) return true;
    }
    return false;
  };
  if (add(live, 0)) return true;
  std::string_view rest = path;
  while (true) {
    std::size_t slash = rest.find('/');
    const bool last = slash == std::string_view::npos;
    const std::string_view seg = rest.substr(0, slash);
    std::fill(next.begin(), next.end(), 0);
    bool any = false;
    for (std::size_t i = 0; i < n; ++i) {
      if (!live[i]) continue;
      if (pat[i] == "**") {
        if (last && seg.empty()) continue;  // `**` never consumes a final empty segment
        if (add(next, i)) return true;
        any = true;
      } else if (match_segment(pat[i], seg)) {
        if (add(next, i + 1)) return true;
        any = true;
      }
    }
    if (!any) return false;
    live.swap(next);
    if (last) break;
    rest = rest.substr(slash + 1);
  }
  return live[n] != 0;
}

std::string glob_error(std::string_view pattern) {
  if (pattern.empty()) return "is empty";
  if (pattern.front() == '/') return "must be relative to the repository root (no leading '/')";
  if (std::size_t at = pattern.find_first_of("[]{}\\"); at != std::string_view::npos) {
    return std::string("uses '") + pattern[at] +
           "', which globs here do not support (only '*', '?' and '**' as a whole segment)";
  }
  for (std::string_view seg : pattern_segments(pattern)) {
    if (seg != "**" && seg.find("**") != std::string_view::npos) {
      return "has '**' inside the segment '" + std::string(seg) +
             "': '**' must be a whole segment (a/**/b); use '*' within a segment";
    }
  }
  return "";
}

std::string_view glob_literal_prefix(std::string_view pattern) {
  std::size_t end = 0;
  std::size_t pos = 0;
  while (pos < pattern.size()) {
    std::size_t slash = pattern.find('/', pos);
    if (slash == std::string_view::npos) break;
    std::string_view seg = pattern.substr(pos, slash - pos);
    if (seg.find_first_of("*?[") != std::string_view::npos) break;
    end = slash;
    pos = slash + 1;
  }
  return pattern.substr(0, end);
}

}  // namespace keplint
