#include "repo/glob.h"

namespace keplint {

namespace {

bool match_segment(std::string_view pat, std::string_view text) {
  // Iterative wildcard match with backtracking on the last '*'.
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

std::string_view next_segment(std::string_view& rest) {
  std::size_t slash = rest.find('/');
  std::string_view seg = rest.substr(0, slash);
  rest = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash + 1);
  return seg;
}

bool match_from(std::string_view pattern, std::string_view path, bool path_done) {
  while (!pattern.empty()) {
    std::string_view pseg = next_segment(pattern);
    if (pseg == "**") {
      if (pattern.empty()) return true;  // trailing ** matches everything below
      // Try to match the rest of the pattern at every remaining segment boundary.
      std::string_view rest = path;
      bool done = path_done;
      while (true) {
        if (match_from(pattern, rest, done)) return true;
        if (done || rest.empty()) return false;
        std::size_t slash = rest.find('/');
        if (slash == std::string_view::npos) {
          rest = {};
          done = true;
        } else {
          rest = rest.substr(slash + 1);
        }
      }
    }
    if (path_done) return false;
    std::size_t slash = path.find('/');
    std::string_view tseg = path.substr(0, slash);
    if (!match_segment(pseg, tseg)) return false;
    if (slash == std::string_view::npos) {
      path = {};
      path_done = true;
    } else {
      path = path.substr(slash + 1);
    }
  }
  return path_done;
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
  if (path.empty()) return pattern.empty();
  return match_from(pattern, path, false);
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
