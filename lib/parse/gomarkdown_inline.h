// Renders a heading's inline Markdown the way mdtoc does: mdtoc parses with gomarkdown (a
// Blackfriday descendant, not CommonMark), so its link text and anchors follow gomarkdown's inline
// rules (code spans trimmed, bare URLs linked, entities kept, `$math$`, ...). cmark's inline tree
// differs in enough places that we reimplement the subset of gomarkdown's behaviour that a single
// heading line can exercise.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace keplint {

// A link reference definition `[id]: link "title"`, keyed by lowercased id.
struct LinkReference {
  std::string link;
  std::string title;
};
using LinkReferenceMap = std::map<std::string, LinkReference, std::less<>>;

struct RenderedInline {
  std::string html;         // gomarkdown's HTML renderer output, surrounding whitespace trimmed
  std::string anchor_text;  // mdtoc's asText(): Text and Code literals concatenated, as is
  // False when the parse ran out of its work budget (see kInlineWorkPerByte): gomarkdown's
  // inline rules rescan the rest of the text from many positions, so a crafted heading
  // ("# [[[[..." of 80 KB) would take minutes. `html` and `anchor_text` are then incomplete and
  // must not be used.
  bool complete = true;
};

// The inline parser's budget: this many bytes looked at per byte of content, plus
// kInlineWorkFloor. Headings of real documents use a small fraction of it.
inline constexpr std::size_t kInlineWorkPerByte = 64;
inline constexpr std::size_t kInlineWorkFloor = std::size_t{1} << 22;

RenderedInline render_gomarkdown_inline(std::string_view content, const LinkReferenceMap& refs);

// Go's strings.TrimSpace: strips ASCII whitespace and Unicode White_Space (NBSP, U+2000..., ...).
std::string_view go_trim_space(std::string_view s);

// mdtoc's GitHub-style anchor for `anchor_text` before de-duplication: lowercase (Go's
// strings.ToLower), drop every character that is not ASCII [A-Za-z0-9_- ], spaces become '-'.
std::string mdtoc_anchor_slug(std::string_view anchor_text);

}  // namespace keplint
