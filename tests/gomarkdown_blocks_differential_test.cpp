// Differential check of the gomarkdown block scanner against the pre-optimization scanner kept in
// gomarkdown_blocks_reference.h: same headings (level and inline source) and same link references
// on every corpus Markdown file, on mutated copies of them (lines deleted, duplicated, markers
// inserted) and on small random documents made of the characters the block rules look at.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "corpus_dir.h"
#include "gomarkdown_blocks_reference.h"
#include "line_mutation.h"
#include "parse/gomarkdown_blocks.h"
#include "test_files.h"

namespace keplint {
namespace {

namespace fs = std::filesystem;
using testing::files_with_extension;
using testing::read_file;

std::string describe(const GomarkdownOutline& o) {
  std::string s;
  for (const GomarkdownHeading& h : o.headings) {
    s += std::to_string(h.level) + " [" + h.content + "]\n";
  }
  for (const auto& [id, ref] : o.references) s += "ref " + id + " " + ref.link + " " + ref.title;
  return s;
}

bool same(const GomarkdownOutline& a, const GomarkdownOutline& b) {
  if (a.headings.size() != b.headings.size() || a.references.size() != b.references.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.headings.size(); ++i) {
    if (a.headings[i].level != b.headings[i].level ||
        a.headings[i].content != b.headings[i].content) {
      return false;
    }
  }
  auto r = b.references.begin();
  for (const auto& [id, ref] : a.references) {
    if (id != r->first || ref.link != r->second.link || ref.title != r->second.title) return false;
    ++r;
  }
  return true;
}

// Returns true when both scanners agree; on a mismatch, reports it with the input.
bool check(std::string_view text, const std::string& what) {
  GomarkdownOutline expected = gomarkdown_reference::scan_outline(text);
  GomarkdownOutline actual = scan_gomarkdown_outline(text);
  if (same(expected, actual)) return true;
  ADD_FAILURE() << what << ": outlines differ\n--- input (" << text.size() << " bytes) ---\n"
                << (text.size() < 4000 ? std::string(text) : std::string(text.substr(0, 4000)))
                << "\n--- expected ---\n"
                << describe(expected) << "--- actual ---\n"
                << describe(actual);
  return false;
}

// Fragments that start or end gomarkdown blocks.
const std::vector<std::string>& fragments() {
  static const std::vector<std::string> kFragments = {
      "- ",      "* ",        "+ ",       "1. ",  "2) ", ": ",      "```",
      "```go",   "~~~",       "    ",     "\t",   "> ",  ">",       "# ",
      "## ",     ".# ",       "###### x", "===",  "---", "***",     "|",
      "| a | b", "|---|---|", "`",        "``",   "\\|", "<div>",   "</div>",
      "<!--",    "-->",       "<hr>",     "$$",   "%%%", "[x]: /u", "[x]:\n  /u 'title'",
      "{#id}",   " #",        "\n",       "\n\n", "  ",  "-",       ":",
  };
  return kFragments;
}

std::string mutate(std::string_view text, std::mt19937& rng) {
  return testing::mutate_lines(text, fragments(), testing::markdown_line_edits(), 6, rng);
}

TEST(GomarkdownBlocksDifferentialTest, FixturesAndMutations) {
  std::mt19937 rng(20240611);
  int failures = 0;
  for (const fs::path& path :
       files_with_extension(fs::path(KEP_LINT_SOURCE_DIR) / "testdata", {".md"})) {
    std::string text = read_file(path);
    if (!check(text, path.string())) ++failures;
    for (int v = 0; v < 200 && failures < 5; ++v) {
      if (!check(mutate(text, rng), path.string() + " mutation " + std::to_string(v))) ++failures;
    }
  }
}

TEST(GomarkdownBlocksDifferentialTest, RandomDocuments) {
  // Mostly block-significant characters, so short documents hit the rare paths (unclosed fences,
  // tables without rows, list items ending at EOF, ...).
  static const std::string kAlphabet = "  \n\n\n-*+#>|`~:=.1)\t<>/![]x{}$%\\a";
  std::mt19937 rng(7);
  int failures = 0;
  for (int n = 0; n < 30000 && failures < 5; ++n) {
    std::string doc = testing::random_document(kAlphabet, fragments(), 120, rng);
    if (!check(doc, "random document " + std::to_string(n))) ++failures;
  }
}

// Documents of whole lines: a block prefix (heading, list item, quote, indentation, fence, ...)
// then a few tokens, so tables with code spans, headings inside tables and lists, etc. come up.
TEST(GomarkdownBlocksDifferentialTest, RandomLines) {
  static const std::vector<std::string> kPrefixes = {
      "",   "",     "",   "# ", "## ", "- ",  "  - ", "    - ", "1. ", "   2. ",
      "> ", "    ", "\t", ": ", "```", "~~~", "|",    "=",      "---", ".# "};
  static const std::vector<std::string> kTokens = {
      "word", " ",   " | ", "|",    "`c`",   "`|`",    "``a`b``",    "`",       "\\|", "---", ":--",
      "--:",  " # ", "#",   "{#i}", "<div>", "</div>", "<!-- x -->", "[r]: /u", "[r]", "$$",  "  "};
  std::mt19937 rng(11);
  int failures = 0;
  for (int n = 0; n < 20000 && failures < 5; ++n) {
    std::string doc = testing::random_lines({kPrefixes, 1, kTokens, 5, 10}, rng);
    if (!check(doc, "random lines " + std::to_string(n))) ++failures;
  }
}

TEST(GomarkdownBlocksDifferentialTest, CorpusAndMutations) {
  fs::path root = testing::corpus_dir() / "kubernetes-enhancements";
  std::vector<fs::path> files = files_with_extension(root / "keps", {".md"});
  if (files.empty()) GTEST_SKIP() << "corpus not found at " << root;
  std::mt19937 rng(1);
  int failures = 0;
  for (const fs::path& path : files) {
    if (failures >= 5) break;
    std::string text = read_file(path);
    std::string rel = fs::relative(path, root).generic_string();
    if (!check(text, rel)) ++failures;
    // Two mutated copies of each file keep the test at a couple of seconds.
    for (int v = 0; v < 2; ++v) {
      if (!check(mutate(text, rng), rel + " mutation " + std::to_string(v))) ++failures;
    }
  }
}

}  // namespace
}  // namespace keplint
