// Which lines of which files a change added, for the `added` and `diff_context` filter modes.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace keplint {

// Inclusive, 1-based lines on the new side of a change.
struct LineRange {
  int first = 0;
  int last = 0;
  auto operator<=>(const LineRange&) const = default;
};

// Added or changed lines per repo-relative path; each path's ranges are sorted, disjoint and
// not adjacent. Files without added lines (deleted, pure deletions, pure renames, binary)
// have no entry.
class AddedLines {
 public:
  void add(const std::string& path, LineRange range);
  const std::map<std::string, std::vector<LineRange>>& by_path() const { return ranges_; }
  // Null when the path has no added lines.
  const std::vector<LineRange>* find(const std::string& path) const;
  // True when `line` is within `context` lines of an added line (context 0: the line itself
  // was added or changed).
  bool touches(const std::string& path, int line, int context = 0) const;
  // True when any line from `first` to `last` (inclusive) is listed.
  bool overlaps(const std::string& path, int first, int last) const;

 private:
  std::map<std::string, std::vector<LineRange>> ranges_;
};

// Reads the new-side lines marked '+' in unified diff text as git prints it (any context size,
// a/ b/ prefixes, C-quoted paths for names with special characters).
AddedLines parse_unified_diff(std::string_view diff);

// The same, plus every new-side line a hunk covers: the added lines and the context lines
// around them (and around pure deletions), as many as the diff was made with (-U).
struct DiffLines {
  AddedLines added;
  AddedLines in_hunks;
};
DiffLines parse_diff_lines(std::string_view diff);

// Undoes git's C-style quoting of a path ("a\tb\303\274" → a<TAB>bü); unquoted text is returned
// as is.
std::string unquote_git_path(std::string_view text);

}  // namespace keplint
