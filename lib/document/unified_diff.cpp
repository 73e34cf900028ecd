#include "document/unified_diff.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace keplint {
namespace {

struct Line {
  std::string_view text;  // without the '\n'
  bool has_newline = true;
  bool operator==(const Line& o) const { return text == o.text && has_newline == o.has_newline; }
};

std::vector<Line> split(std::string_view text) {
  std::vector<Line> lines;
  while (!text.empty()) {
    std::size_t nl = text.find('\n');
    if (nl == std::string_view::npos) {
      lines.push_back({text, false});
      break;
    }
    lines.push_back({text.substr(0, nl), true});
    text.remove_prefix(nl + 1);
  }
  return lines;
}

// git's quoting of unusual paths: `"a/x\ny"` with C escapes, so a path stays on its line.
std::string header_path(std::string_view prefix, std::string_view path) {
  bool plain = std::none_of(path.begin(), path.end(), [](char c) {
    auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7F || c == '"' || c == '\\';
  });
  if (plain) return std::string(prefix) + std::string(path);
  std::string out = "\"" + std::string(prefix);
  for (char c : path) {
    auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (u < 0x20 || u == 0x7F) {
      const char* digits = "01234567";
      out += '\\';
      out += digits[(u >> 6) & 7];
      out += digits[(u >> 3) & 7];
      out += digits[u & 7];
    } else {
      out += c;
    }
  }
  return out + "\"";
}

// A line's text with every CR that does not end it shown as "\r": CI runners end a log line at
// a lone CR, so a file's text could otherwise start a line of its own (a workflow command).
// Such a diff no longer applies as a patch; it only shows what --fix would do.
void append_line_text(std::string& out, std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size()) {
      out += "\\r";
    } else {
      out += text[i];
    }
  }
}

enum class Op : char { kKeep = ' ', kDelete = '-', kInsert = '+' };
struct Edit {
  Op op;
  const Line* line;
};

// Edit script: common prefix and suffix are kept; the middle is aligned by longest common
// subsequence when small enough, otherwise replaced whole (fixes touch a small region).
std::vector<Edit> edit_script(const std::vector<Line>& a, const std::vector<Line>& b) {
  std::size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) {
    ++suffix;
  }
  std::vector<Edit> edits;
  for (std::size_t i = 0; i < prefix; ++i) edits.push_back({Op::kKeep, &a[i]});

  std::size_t n = a.size() - prefix - suffix, m = b.size() - prefix - suffix;
  constexpr std::uint64_t kMaxCells = 16'000'000;
  if (n > 0 && m > 0 && static_cast<std::uint64_t>(n + 1) * (m + 1) <= kMaxCells) {
    // lcs[i][j] = LCS length of a-middle[i..] and b-middle[j..]
    std::vector<std::uint32_t> lcs((n + 1) * (m + 1), 0);
    auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return lcs[i * (m + 1) + j]; };
    for (std::size_t i = n; i-- > 0;) {
      for (std::size_t j = m; j-- > 0;) {
        at(i, j) = a[prefix + i] == b[prefix + j] ? at(i + 1, j + 1) + 1
                                                  : std::max(at(i + 1, j), at(i, j + 1));
      }
    }
    std::size_t i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[prefix + i] == b[prefix + j]) {
        edits.push_back({Op::kKeep, &a[prefix + i]});
        ++i;
        ++j;
      } else if (i < n && (j == m || at(i + 1, j) >= at(i, j + 1))) {
        edits.push_back({Op::kDelete, &a[prefix + i]});  // deletions first, as diff prints them
        ++i;
      } else {
        edits.push_back({Op::kInsert, &b[prefix + j]});
        ++j;
      }
    }
  } else {
    for (std::size_t i = 0; i < n; ++i) edits.push_back({Op::kDelete, &a[prefix + i]});
    for (std::size_t j = 0; j < m; ++j) edits.push_back({Op::kInsert, &b[prefix + j]});
  }
  for (std::size_t i = a.size() - suffix; i < a.size(); ++i) edits.push_back({Op::kKeep, &a[i]});
  return edits;
}

std::string range(std::size_t start, std::size_t count) {
  // GNU: "l" for one line, "l,n" otherwise; an empty range names the line before it.
  if (count == 1) return std::to_string(start);
  return std::to_string(count == 0 ? start - 1 : start) + "," + std::to_string(count);
}

}  // namespace

std::string unified_diff(std::string_view old_text, std::string_view new_text,
                         std::string_view path, int context) {
  if (old_text == new_text) return {};
  std::vector<Line> a = split(old_text), b = split(new_text);
  std::vector<Edit> edits = edit_script(a, b);
  std::size_t ctx = static_cast<std::size_t>(std::max(context, 0));

  std::string out;
  out += "--- " + header_path("a/", path);
  out += "\n+++ " + header_path("b/", path);
  out += "\n";

  std::size_t k = 0;
  while (k < edits.size()) {
    // Find the next change, then extend the hunk while changes are within 2*ctx of each other.
    while (k < edits.size() && edits[k].op == Op::kKeep) ++k;
    if (k == edits.size()) break;
    std::size_t begin = k >= ctx ? k - ctx : 0;
    std::size_t end = k;
    while (true) {
      while (end < edits.size() && edits[end].op != Op::kKeep) ++end;
      std::size_t next = end;
      while (next < edits.size() && edits[next].op == Op::kKeep) ++next;
      if (next < edits.size() && next - end <= 2 * ctx) {
        end = next;
        continue;
      }
      end = std::min(edits.size(), end + ctx);
      break;
    }
    // Line numbers (1-based) where the hunk starts on each side.
    std::size_t old_line = 1, new_line = 1;
    for (std::size_t i = 0; i < begin; ++i) {
      if (edits[i].op != Op::kInsert) ++old_line;
      if (edits[i].op != Op::kDelete) ++new_line;
    }
    std::size_t old_count = 0, new_count = 0;
    for (std::size_t i = begin; i < end; ++i) {
      if (edits[i].op != Op::kInsert) ++old_count;
      if (edits[i].op != Op::kDelete) ++new_count;
    }
    out += "@@ -" + range(old_line, old_count) + " +" + range(new_line, new_count) + " @@\n";
    for (std::size_t i = begin; i < end; ++i) {
      out += static_cast<char>(edits[i].op);
      append_line_text(out, edits[i].line->text);
      out += '\n';
      if (!edits[i].line->has_newline) out += "\\ No newline at end of file\n";
    }
    k = end;
  }
  return out;
}

}  // namespace keplint
