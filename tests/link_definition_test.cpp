// parse_link_definition_line against the regular expression it replaces, on every line of the
// corpus that could be a definition and on generated lines.
#include "parse/link_definition.h"
#include "corpus_dir.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

namespace keplint {
namespace {

namespace fs = std::filesystem;

const re2::RE2& reference() {
  static const re2::RE2 kDefinition(
      R"re(^ {0,3}\[([^\]]+)\]:[ \t]*<?([^\s>]+)>?(?:[ \t]+(?:"([^"]*)"|'([^']*)'|\(([^)]*)\)))?[ \t]*$)re");
  return kDefinition;
}

void check(std::string_view line) {
  std::string id, link, t1, t2, t3;
  bool expected = RE2::FullMatch(line, reference(), &id, &link, &t1, &t2, &t3);
  std::optional<LinkDefinitionLine> actual = parse_link_definition_line(line);
  ASSERT_EQ(actual.has_value(), expected) << "[" << line << "]";
  if (!expected) return;
  EXPECT_EQ(actual->id, id) << "[" << line << "]";
  EXPECT_EQ(actual->link, link) << "[" << line << "]";
  EXPECT_EQ(actual->title, t1 + t2 + t3) << "[" << line << "]";
}

TEST(LinkDefinitionTest, Examples) {
  auto def = parse_link_definition_line("  [KEP-1]: https://k8s.io/x \"Title\"  ");
  ASSERT_TRUE(def.has_value());
  EXPECT_EQ(def->id, "KEP-1");
  EXPECT_EQ(def->link, "https://k8s.io/x");
  EXPECT_EQ(def->title, "Title");
  EXPECT_FALSE(parse_link_definition_line("    [a]: /u").has_value());  // code, not a definition
  EXPECT_FALSE(parse_link_definition_line("[a]: /u \"t\" x").has_value());
  for (const char* line : {"[a]: <b>",
                           "[a]: <b",
                           "[a]: <>",
                           "[a]: <<b>>",
                           "[a]:b",
                           "[a]:",
                           "[]: /u",
                           "[a] : /u",
                           "[a]: /u 't'",
                           "[a]: /u (t)",
                           "[a]: /u (t",
                           "[a]: /u \"t\"\"",
                           "[a]:\t/u\t\"t\"\t",
                           "[[a]]: /u",
                           "[a]: /u>",
                           "[a]: /u>x",
                           "[a]: /u\"t\"",
                           "[a]: /u \"\"",
                           "[a]: \"/u\"",
                           "[a]: /u \"a (b) 'c'\"",
                           "[a]: /u\r",
                           "[a]: /u \"t\"\r"}) {
    check(line);
  }
}

TEST(LinkDefinitionTest, GeneratedLines) {
  static const std::string kAlphabet = "[]:<> \t\"'()ab/.\\\r";
  std::mt19937 rng(12);
  for (int n = 0; n < 200000; ++n) {
    std::string line;
    if (rng() % 2) line = std::string(rng() % 5, ' ') + "[a]:";
    std::size_t len = rng() % 16;
    for (std::size_t i = 0; i < len; ++i) line += kAlphabet[rng() % kAlphabet.size()];
    check(line);
    if (HasFailure()) return;
  }
}

TEST(LinkDefinitionTest, CorpusLines) {
  fs::path corpus = testing::corpus_dir();
  if (!fs::exists(corpus)) GTEST_SKIP() << "corpus not found at " << corpus;
  int lines = 0;
  for (const auto& entry : fs::recursive_directory_iterator(corpus)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".md") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    for (std::string line; std::getline(in, line);) {
      if (line.find("]:") == std::string::npos) continue;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      ++lines;
      check(line);
      if (HasFailure()) return;
    }
  }
  EXPECT_GT(lines, 1000);
}

}  // namespace
}  // namespace keplint
