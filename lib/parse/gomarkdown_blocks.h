// Finds headings the way mdtoc's Markdown parser (gomarkdown, a Blackfriday descendant) does.
//
// mdtoc must be matched byte for byte, and gomarkdown's block rules are not CommonMark's: a list
// item only holds headings when it "contains a block", an unclosed fence is no code block, a fence
// at column 0 ends a list, HTML blocks run to the matching closing tag, `#` must start its line,
// only the last line of a setext paragraph is the heading, `.# x` is a level-1 heading, ... cmark
// (MarkdownDocument) cannot be bent into all of that, so the TOC code scans the text after the
// closing marker with this block scanner instead (mdtoc parses only that part too).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "parse/gomarkdown_inline.h"

namespace keplint {

struct GomarkdownHeading {
  int level = 0;
  std::string content;  // the inline source gomarkdown hands to its inline parser
};

struct GomarkdownOutline {
  std::vector<GomarkdownHeading> headings;  // document order, nested ones included
  LinkReferenceMap references;              // `[id]: link "title"`; a later definition wins
};

GomarkdownOutline scan_gomarkdown_outline(std::string_view text);

}  // namespace keplint
