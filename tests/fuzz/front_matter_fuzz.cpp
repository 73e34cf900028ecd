// Front matter splitting on arbitrary bytes, then its YAML: the split's offsets are ordered and
// inside the text, and positions from the YAML slice refer to the whole file.
#include <cstdint>
#include <string>

#include "fuzz_support.h"
#include "parse/front_matter.h"
#include "parse/markdown_document.h"
#include "parse/yaml_document.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace keplint;
  std::string text(reinterpret_cast<const char*>(data), size);
  std::optional<FrontMatter> fm = split_front_matter(text);
  if (!fm) {
    bool bom = text.starts_with("\xEF\xBB\xBF");
    FUZZ_CHECK(!text.substr(bom ? 3 : 0).starts_with("---\n"), "missed front matter");
    return 0;
  }
  FUZZ_CHECK(fm->yaml_offset >= 4 && fm->yaml_offset <= text.size(), "yaml offset");
  FUZZ_CHECK(text[fm->yaml_offset - 1] == '\n', "yaml does not start on a line");
  FUZZ_CHECK(fm->yaml_offset + fm->yaml_length <= fm->body_offset, "yaml overlaps the body");
  FUZZ_CHECK(fm->body_offset <= text.size(), "body offset");
  FUZZ_CHECK(fm->closed || fm->body_offset == text.size(), "unclosed front matter has a body");

  auto source = std::make_shared<SourceFile>("fuzz.md", text);
  YamlDocument doc = YamlDocument::parse(source, fm->yaml_offset, fm->yaml_length);
  Position first = source->position_of(fm->yaml_offset);
  Position last = source->position_of(fm->body_offset);
  for (const YamlProblem& p : doc.problems()) {
    FUZZ_CHECK(p.range.start.line >= 1 && p.range.start.line <= source->line_count(),
               "problem line");
  }
  if (doc.root()) {
    FUZZ_CHECK(doc.root()->range.start.line >= first.line, "yaml node before the front matter");
    FUZZ_CHECK(doc.root()->range.start.line <= std::max(last.line, first.line),
               "yaml node after the front matter");
  }
  // The body is Markdown like any other.
  MarkdownDocument body(source);
  for (const MarkdownHeading& h : body.headings()) {
    FUZZ_CHECK(h.section_end <= text.size(), "heading past the end");
  }
  return 0;
}
