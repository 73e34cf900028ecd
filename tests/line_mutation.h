// Mutating text line by line the way a careless edit would, so that the differential tests
// compare a fast parser with its reference on near-misses of real documents, not only on the
// documents themselves.
#pragma once

#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace keplint::testing {

// Lines with their '\n' (the last one may lack it).
inline std::vector<std::string_view> split_lines_keep(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    std::size_t nl = text.find('\n');
    std::size_t n = nl == std::string_view::npos ? text.size() : nl + 1;
    lines.push_back(text.substr(0, n));
    text.remove_prefix(n);
  }
  return lines;
}

enum class LineEdit {
  kDelete,          // delete a line (never the only one)
  kDuplicate,       // repeat a line
  kPrefixFragment,  // a fragment at the start of a line
  kInsertFragment,  // a fragment anywhere in a line
  kFragmentLine,    // a new line holding the fragment
  kReindent,        // one space less, or one or two more
  kDeleteByte,      // one byte of a line removed
};

// The edits for Markdown: lines lost, repeated, or given a fragment (a marker, a fence, ...).
inline const std::vector<LineEdit>& markdown_line_edits() {
  static const std::vector<LineEdit> kEdits = {LineEdit::kDelete, LineEdit::kDuplicate,
                                               LineEdit::kPrefixFragment, LineEdit::kInsertFragment,
                                               LineEdit::kFragmentLine};
  return kEdits;
}

// Applies 1 to `max_edits` edits, each picked from `edits` with a fragment from `fragments`,
// and drops the final newline one time in four.
inline std::string mutate_lines(std::string_view text, const std::vector<std::string>& fragments,
                                const std::vector<LineEdit>& edits, int max_edits,
                                std::mt19937& rng) {
  std::vector<std::string> lines;
  for (std::string_view l : split_lines_keep(text)) lines.emplace_back(l);
  if (lines.empty()) lines.emplace_back();
  int count = 1 + static_cast<int>(rng() % static_cast<unsigned>(max_edits));
  for (int e = 0; e < count; ++e) {
    std::size_t at = rng() % lines.size();
    const std::string& frag = fragments[rng() % fragments.size()];
    std::string& line = lines[at];
    switch (edits[rng() % edits.size()]) {
      case LineEdit::kDelete:
        if (lines.size() > 1) lines.erase(lines.begin() + static_cast<long>(at));
        break;
      case LineEdit::kDuplicate:
        lines.insert(lines.begin() + static_cast<long>(at), line);
        break;
      case LineEdit::kPrefixFragment:
        line.insert(0, frag);
        break;
      case LineEdit::kInsertFragment:
        line.insert(rng() % (line.size() + 1), frag);
        break;
      case LineEdit::kFragmentLine:
        lines.insert(lines.begin() + static_cast<long>(at), frag + "\n");
        break;
      case LineEdit::kReindent:
        if (!line.empty() && line[0] == ' ') {
          line.erase(0, 1);
        } else {
          line.insert(0, rng() % 2 ? " " : "  ");
        }
        break;
      case LineEdit::kDeleteByte:
        if (!line.empty()) line.erase(rng() % line.size(), 1);
        break;
    }
  }
  std::string out;
  for (const std::string& l : lines) out += l;
  if (rng() % 4 == 0 && !out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

// A document of fewer than `max_length` bytes: characters of `alphabet` and, one time in three,
// a fragment.
inline std::string random_document(std::string_view alphabet,
                                   const std::vector<std::string>& fragments,
                                   std::size_t max_length, std::mt19937& rng) {
  std::string doc;
  std::size_t length = rng() % max_length;
  while (doc.size() < length) {
    if (rng() % 3 == 0) {
      doc += fragments[rng() % fragments.size()];
    } else {
      doc += alphabet[rng() % alphabet.size()];
    }
  }
  return doc;
}

// A document of 1 to `max_lines` lines, one in five blank, the others 1 to `max_prefixes`
// block prefixes followed by fewer than `max_tokens` tokens; one time in four without a final
// newline.
struct RandomLineShape {
  const std::vector<std::string>& prefixes;
  int max_prefixes;
  const std::vector<std::string>& tokens;
  int max_tokens;
  int max_lines;
};

inline std::string random_lines(const RandomLineShape& shape, std::mt19937& rng) {
  auto below = [&rng](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  std::string doc;
  int lines = 1 + below(shape.max_lines);
  for (int l = 0; l < lines; ++l) {
    if (rng() % 5 == 0) {
      doc += "\n";
      continue;
    }
    int prefixes = shape.max_prefixes > 1 ? 1 + below(shape.max_prefixes) : 1;
    for (int p = 0; p < prefixes; ++p) doc += shape.prefixes[rng() % shape.prefixes.size()];
    int tokens = below(shape.max_tokens);
    for (int t = 0; t < tokens; ++t) doc += shape.tokens[rng() % shape.tokens.size()];
    doc += "\n";
  }
  if (rng() % 4 == 0) doc.pop_back();
  return doc;
}

}  // namespace keplint::testing
