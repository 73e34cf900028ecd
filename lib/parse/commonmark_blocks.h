// The block structure cmark (CommonMark 0.30) gives a document, reduced to what the Markdown rules
// need: headings and code blocks with their lines. It follows cmark's block algorithm line by line
// (containers, lazy continuation, HTML block kinds, tabs as columns) but builds no tree and parses
// no inline content, which is most of cmark's cost. tests/commonmark_blocks_differential_test.cpp
// compares it with cmark on every Markdown file of the corpus and on generated documents.
//
// Where it differs from cmark on purpose (to follow GitHub's rendering, the file's lines, or
// to keep one bad byte from hiding the rest of a file):
// - lines end at '\n' (or "\r\n") only, as SourceFile counts them; cmark also ends a line at a
//   lone '\r';
// - a setext heading under link reference definitions (`[a]: /u` / `Title` / `===`) starts at
//   its first text line; cmark reports the paragraph's first line, the definition's;
// - a leading UTF-8 byte order mark is skipped and columns count it (cmark's do not).
// - bytes that are not valid UTF-8 are characters like any other; cmark's scanners match only
//   valid UTF-8, so in cmark an HTML comment holding one does not end at its `-->` and takes
//   the rest of the file with it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace keplint {

struct BlockHeading {
  int level = 0;  // 1-6
  bool setext = false;
  int line = 0;      // 1-based first line
  int end_line = 0;  // the underline for setext headings, else `line`
  int column = 0;    // 1-based byte column of the first '#' (ATX) or of the text (setext)
  // Setext only: each text line without container prefixes and surrounding spaces, joined
  // with '\n'. (ATX content is cut from the line by the caller, as mdtoc does.)
  std::string setext_text;
};

struct BlockCode {
  int first_line = 0;  // including fences
  int last_line = 0;   // as cmark reports it: an indented block keeps its trailing blank lines
  bool fenced = false;
};

struct BlockOutline {
  std::vector<BlockHeading> headings;  // document order, nested ones included
  std::vector<BlockCode> code_blocks;  // document order
};

BlockOutline scan_commonmark_blocks(std::string_view text);

}  // namespace keplint
