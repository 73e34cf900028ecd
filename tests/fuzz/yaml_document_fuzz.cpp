// YamlDocument on arbitrary bytes: never throws or crashes, and every position it reports (nodes,
// problems) lies inside the text, 1-based, so findings built from them point somewhere real.
// A first byte 0x01 makes it parse from the second line on, as front matter does. Wherever the
// fast path (parse/simple_yaml.h) takes the input, it emits exactly yaml-cpp's events.
#include <cstdint>
#include <string>

#include "../simple_yaml_compare.h"
#include "fuzz_support.h"
#include "parse/yaml_document.h"

namespace keplint {
namespace {

void check_position(const SourceFile& source, Position p, const char* what) {
  FUZZ_CHECK(p.line >= 1 && p.line <= source.line_count(), what);
  FUZZ_CHECK(p.column >= 1, what);
  // One past the end of the line is where "missing value at end of line" points.
  FUZZ_CHECK(static_cast<std::size_t>(p.column) <= source.line_text(p.line).size() + 1, what);
}

void check_node(const SourceFile& source, const YamlNode& node, int depth) {
  FUZZ_CHECK(depth <= 200, "nesting beyond the depth limit");
  check_position(source, node.range.start, "node start");
  check_position(source, node.range.end, "node end");
  FUZZ_CHECK(node.range.start <= node.range.end, "node range reversed");
  if (node.kind == YamlKind::Alias) {
    (void)node.resolved();  // bounded, and must not loop
    return;
  }
  FUZZ_CHECK(node.kind != YamlKind::Sequence || node.entries.empty(), "sequence with entries");
  FUZZ_CHECK(node.kind != YamlKind::Mapping || node.items.empty(), "mapping with items");
  for (const YamlNode* item : node.items) check_node(source, *item, depth + 1);
  for (const YamlEntry& e : node.entries) {
    FUZZ_CHECK(e.key && e.value, "entry without key or value");
    check_node(source, *e.key, depth + 1);
    check_node(source, *e.value, depth + 1);
  }
}

}  // namespace
}  // namespace keplint

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace keplint;
  std::string text(reinterpret_cast<const char*>(data), size);
  std::size_t offset = 0;
  // Front matter slices start at a line start: the line after the first.
  if (!text.empty() && text[0] == '\x01') {
    std::size_t eol = text.find('\n');
    offset = eol == std::string::npos ? text.size() : eol + 1;
  }
  auto source = std::make_shared<SourceFile>("fuzz.yaml", text);
  YamlDocument doc = YamlDocument::parse(source, offset, std::string::npos, {});
  for (const YamlProblem& p : doc.problems()) {
    check_position(*source, p.range.start, "problem position");
    FUZZ_CHECK(!p.message.empty(), "problem without a message");
    if (p.kind == YamlProblem::Kind::DuplicateKey) {
      FUZZ_CHECK(doc.root() != nullptr || doc.has_syntax_error(), "duplicate key, no document");
    }
  }
  if (doc.root()) {
    FUZZ_CHECK(!doc.has_syntax_error(), "a root despite a syntax error");
    check_node(*source, *doc.root(), 0);
    // Positions from the slice never point before it.
    FUZZ_CHECK(doc.root()->range.start >= source->position_of(offset), "root before the slice");
  }
  testing::SimpleYamlComparison fast_path = testing::compare_simple_yaml(text.substr(offset));
  FUZZ_CHECK(fast_path.disagreement.empty(), fast_path.disagreement);
  return 0;
}
