#include "repo/added_lines.h"

#include <algorithm>
#include <charconv>
#include <optional>

namespace keplint {
namespace {

// Parses a decimal number at the start of `s` and advances past it.
std::optional<int> take_int(std::string_view& s) {
  int value = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc()) return std::nullopt;
  s.remove_prefix(static_cast<size_t>(end - s.data()));
  return value;
}

// "start[,count]"; a missing count means 1.
bool take_span(std::string_view& s, int& start, int& count) {
  auto first = take_int(s);
  if (!first) return false;
  start = *first;
  count = 1;
  if (s.starts_with(',')) {
    s.remove_prefix(1);
    auto n = take_int(s);
    if (!n) return false;
    count = *n;
  }
  return true;
}

struct HunkHeader {
  int old_count = 0;
  int new_start = 0;
  int new_count = 0;
};

// "@@ -12,3 +14,5 @@ optional section heading"
std::optional<HunkHeader> parse_hunk_header(std::string_view line) {
  if (!line.starts_with("@@ -")) return std::nullopt;
  line.remove_prefix(4);
  HunkHeader h;
  int old_start = 0;
  if (!take_span(line, old_start, h.old_count) || !line.starts_with(" +")) return std::nullopt;
  line.remove_prefix(2);
  if (!take_span(line, h.new_start, h.new_count)) return std::nullopt;
  return h;
}

// The path of a "+++ " line; empty for /dev/null (a deletion).
std::string new_side_path(std::string_view name) {
  if (name == "/dev/null") return {};
  std::string path;
  if (name.starts_with('"')) {
    path = unquote_git_path(name);
  } else {
    // git appends a tab to names containing a space, for patch(1); a real tab would be quoted.
    if (name.ends_with('\t')) name.remove_suffix(1);
    path = std::string(name);
  }
  if (path.starts_with("b/")) path.erase(0, 2);
  return path;
}

}  // namespace

void AddedLines::add(const std::string& path, LineRange range) {
  auto& ranges = ranges_[path];
  // Diffs arrive in line order, so extending the last range is the common case.
  if (ranges.empty() || range.first > ranges.back().last + 1) {
    ranges.push_back(range);
    return;
  }
  if (range.first >= ranges.back().first) {
    ranges.back().last = std::max(ranges.back().last, range.last);
    return;
  }
  // Out of order: insert, then merge overlapping or adjacent ranges.
  ranges.push_back(range);
  std::sort(ranges.begin(), ranges.end());
  std::vector<LineRange> merged;
  for (const auto& r : ranges) {
    if (!merged.empty() && r.first <= merged.back().last + 1) {
      merged.back().last = std::max(merged.back().last, r.last);
    } else {
      merged.push_back(r);
    }
  }
  ranges = std::move(merged);
}

const std::vector<LineRange>* AddedLines::find(const std::string& path) const {
  auto it = ranges_.find(path);
  return it == ranges_.end() ? nullptr : &it->second;
}

bool AddedLines::touches(const std::string& path, int line, int context) const {
  const auto* ranges = find(path);
  if (!ranges) return false;
  // The first range that ends at or after line - context is the only candidate.
  auto it = std::lower_bound(ranges->begin(), ranges->end(), line - context,
                             [](const LineRange& r, int value) { return r.last < value; });
  return it != ranges->end() && it->first <= line + context;
}

bool AddedLines::overlaps(const std::string& path, int first, int last) const {
  const auto* ranges = find(path);
  if (!ranges || last < first) return false;
  auto it = std::lower_bound(ranges->begin(), ranges->end(), first,
                             [](const LineRange& r, int value) { return r.last < value; });
  return it != ranges->end() && it->first <= last;
}

AddedLines parse_unified_diff(std::string_view diff) {
  return parse_diff_lines(diff).added;
}

DiffLines parse_diff_lines(std::string_view diff) {
  DiffLines result;
  std::string path;
  int old_left = 0, new_left = 0, new_line = 0;
  size_t pos = 0;
  while (pos < diff.size()) {
    size_t eol = diff.find('\n', pos);
    if (eol == std::string_view::npos) eol = diff.size();
    std::string_view line = diff.substr(pos, eol - pos);
    pos = eol + 1;

    // Inside a hunk the header's counts say how many lines belong to it, so content such as
    // "+++" or "@@" on an added line is never mistaken for a header.
    if (old_left > 0 || new_left > 0) {
      char kind = line.empty() ? ' ' : line[0];
      if (kind == '+') {
        if (!path.empty()) result.added.add(path, {new_line, new_line});
        ++new_line;
        --new_left;
      } else if (kind == '-') {
        --old_left;
      } else if (kind == ' ') {
        --old_left;
        --new_left;
        ++new_line;
      } else if (kind != '\\') {  // "\ No newline at end of file" counts for neither side
        old_left = new_left = 0;  // malformed: resynchronise on the next header
      }
      continue;
    }
    if (line.starts_with("diff ")) {
      path.clear();
    } else if (line.starts_with("+++ ")) {
      path = new_side_path(line.substr(4));
    } else if (auto hunk = parse_hunk_header(line)) {
      old_left = hunk->old_count;
      new_left = hunk->new_count;
      new_line = hunk->new_start;
      if (!path.empty() && hunk->new_count > 0) {
        result.in_hunks.add(path, {hunk->new_start, hunk->new_start + hunk->new_count - 1});
      }
    }
  }
  return result;
}

std::string unquote_git_path(std::string_view text) {
  if (text.size() < 2 || text.front() != '"') return std::string(text);
  std::string out;
  for (size_t i = 1; i < text.size(); ++i) {
    char c = text[i];
    if (c == '"') break;
    if (c != '\\' || i + 1 >= text.size()) {
      out += c;
      continue;
    }
    char e = text[++i];
    switch (e) {
      case 'a':
        out += '\a';
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'v':
        out += '\v';
        break;
      default:
        if (e >= '0' && e <= '7' && i + 2 < text.size()) {
          // Three octal digits: one raw byte (UTF-8 is quoted byte by byte).
          int value = (e - '0') * 64 + (text[i + 1] - '0') * 8 + (text[i + 2] - '0');
          out += static_cast<char>(value);
          i += 2;
        } else {
          out += e;  // \" and \\ and anything unexpected
        }
    }
  }
  return out;
}

}  // namespace keplint
