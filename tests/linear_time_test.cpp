// Issue 16, items 5 and 12: no input may make a parser run for minutes. Each test generates a
// pathological input at two sizes, N and 4N bytes, and requires the CPU time to grow about
// linearly (at most 8x for 4x the bytes, where a quadratic parser takes 16x) and to stay under a
// generous bound per MiB. CPU time of this thread, not wall time: the machines running the suite
// are shared.
#include <gtest/gtest.h>

#include <malloc.h>
#include <time.h>

#include <algorithm>
#include <functional>
#include <memory>
#include <string>

#include "document/source_file.h"
#include "parse/markdown_document.h"
#include "parse/mdtoc.h"
#include "parse/suppression_comments.h"
#include "parse/yaml_document.h"

namespace keplint {
namespace {

double thread_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// `make(bytes)` builds an input of about that many bytes; `process` runs the code under test.
// The best of three runs counts, to keep out scheduling noise.
double seconds_for(const std::function<std::string(std::size_t)>& make, std::size_t bytes,
                   const std::function<void(const std::string&)>& process) {
  const std::string input = make(bytes);
  double best = 1e9;
  for (int run = 0; run < 3; ++run) {
    double start = thread_seconds();
    process(input);
    best = std::min(best, thread_seconds() - start);
  }
  return best;
}

constexpr std::size_t kSmall = 256 * 1024;
constexpr std::size_t kLarge = 4 * kSmall;  // 1 MiB

#if defined(__SANITIZE_ADDRESS__)
constexpr double kSlowdown = 5;  // ASan builds (CI runs the suite under ASan + UBSan)
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr double kSlowdown = 5;
#else
constexpr double kSlowdown = 1;
#endif
#else
constexpr double kSlowdown = 1;
#endif

void keep_freed_memory() {
#ifdef __GLIBC__
  // Freed blocks stay in the heap instead of going back to the system: otherwise every run at
  // 1 MiB pays for fresh pages that the 256 KiB runs reuse, and the ratio measures page faults.
  static const bool once = [] {
    mallopt(M_MMAP_THRESHOLD, 512 << 20);
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
    return true;
  }();
  (void)once;
#endif
}

void expect_linear(const std::function<std::string(std::size_t)>& make,
                   const std::function<void(const std::string&)>& process) {
  keep_freed_memory();
  SCOPED_TRACE("input starting " + testing::PrintToString(make(64).substr(0, 24)));
  double small = seconds_for(make, kSmall, process);
  double large = seconds_for(make, kLarge, process);
  // Slack of 0.15 s: at these sizes a linear parser takes milliseconds, where timer granularity
  // and cache effects dominate the ratio. The quadratic parsers took seconds to minutes here.
  EXPECT_LT(large, 8 * small + 0.15 * kSlowdown)
      << "256 KiB: " << small << " s, 1 MiB: " << large << " s";
  EXPECT_LT(large, 2.0 * kSlowdown) << "1 MiB took " << large << " s";
}

std::string repeat(std::string_view unit, std::size_t bytes) {
  std::string out;
  out.reserve(bytes + unit.size());
  while (out.size() < bytes) out.append(unit);
  return out;
}

// Everything a Markdown file goes through: the outline, comments, link references, the TOC
// (gomarkdown's block scanner and inline parser) and suppression comments.
void process_markdown(const std::string& text) {
  auto source = std::make_shared<const SourceFile>("README.md", text);
  MarkdownDocument doc(source);
  std::size_t sink = doc.headings().size() + doc.comments().size() + doc.link_references().size() +
                     doc.code_blocks().size() + doc.stray_comment_closers().size();
  sink += generate_toc(doc, 0, 6).size();
  sink += markdown_directives(doc).size();
  EXPECT_GE(sink, 0u);
}

void process_yaml(const std::string& text) {
  auto source = std::make_shared<const SourceFile>("kep.yaml", text);
  YamlDocument doc = YamlDocument::parse(source);
  std::size_t sink = doc.problems().size() + yaml_directives(*source).size();
  EXPECT_GE(sink, 0u);
}

TEST(LinearTime, NestedListMarkersOnOneLine) {
  // "- - - ... x": the CommonMark scanner looked for a thematic break at every level.
  expect_linear([](std::size_t n) { return repeat("- ", n) + "x\n"; }, process_markdown);
  expect_linear([](std::size_t n) { return repeat("* ", n) + "x\n"; }, process_markdown);
  expect_linear([](std::size_t n) { return "# " + repeat("- ", n) + "x\n"; }, process_markdown);
}

TEST(LinearTime, DeepListThenALongRunOfBlanks) {
  // Each level of the list rescanned the same blanks for the first non-blank.
  expect_linear(
      [](std::size_t n) { return repeat("- ", n / 2) + "x\n" + std::string(n / 2, ' ') + "y\n"; },
      process_markdown);
}

TEST(LinearTime, NestedBlockQuotes) {
  expect_linear([](std::size_t n) { return repeat(">", n) + " x\n"; }, process_markdown);
  expect_linear([](std::size_t n) { return repeat("> ", n / 2) + "x\n" + repeat(">", n / 2); },
                process_markdown);
}

TEST(LinearTime, UnclosedBracketsInAHeading) {
  // Every '[' looked for its ']' to the end of the heading.
  expect_linear([](std::size_t n) { return "# " + repeat("[", n) + "\n"; }, process_markdown);
  expect_linear([](std::size_t n) { return "# " + repeat("![", n) + "\n"; }, process_markdown);
  expect_linear([](std::size_t n) { return "# " + repeat("[a](", n) + "\n"; }, process_markdown);
  expect_linear([](std::size_t n) { return "# " + repeat("[a][", n) + "\n"; }, process_markdown);
}

TEST(LinearTime, EmphasisRunsInAHeading) {
  expect_linear([](std::size_t n) { return "# " + repeat("*a ", n) + "\n"; }, process_markdown);
  expect_linear([](std::size_t n) { return "# " + repeat("_a ", n) + "\n"; }, process_markdown);
  expect_linear([](std::size_t n) { return "# " + repeat("**a ", n) + "\n"; }, process_markdown);
  expect_linear([](std::size_t n) { return "# " + repeat("***a ", n) + "\n"; }, process_markdown);
  expect_linear([](std::size_t n) { return "# " + repeat("~~a ", n) + "\n"; }, process_markdown);
  expect_linear([](std::size_t n) { return "# a" + repeat("*", n) + "\n"; }, process_markdown);
}

TEST(LinearTime, BackticksAndAnglesInAHeading) {
  expect_linear([](std::size_t n) { return "# " + repeat("`a", n) + "\n"; }, process_markdown);
  expect_linear(
      [](std::size_t n) {
        std::string out = "# ";
        for (std::size_t run = 1; out.size() < n; ++run) out += std::string(run, '`') + " ";
        return out + "\n";
      },
      process_markdown);
  expect_linear([](std::size_t n) { return "# " + repeat("<a ", n) + "\n"; }, process_markdown);
  expect_linear([](std::size_t n) { return "# " + repeat("<!--", n) + "\n"; }, process_markdown);
  expect_linear([](std::size_t n) { return "# " + repeat("&a", n) + "\n"; }, process_markdown);
  expect_linear([](std::size_t n) { return "# " + repeat("http://a ", n) + "\n"; },
                process_markdown);
  expect_linear([](std::size_t n) { return "# " + repeat("$a", n) + "\n"; }, process_markdown);
}

TEST(LinearTime, ManyLinesOfMarkdownConstructs) {
  for (std::string_view unit :
       {"[a]: b\n", "[a]:\n", "[\n", "<!--\n", "-->\n", "<div>\n", "```\n", "# a\n", "a\n===\n",
        "- a\n  - b\n", "<!-- kep-lint-disable-next-line KEP050 -- why -->\nx\n"}) {
    expect_linear([unit](std::size_t n) { return repeat(unit, n); }, process_markdown);
  }
}

TEST(LinearTime, SuppressionComments) {
  // Directives sharing a line, then blank lines: each searched the blanks for its next line.
  expect_linear(
      [](std::size_t n) {
        return repeat("<!-- kep-lint-disable-next-line KEP050 -->", n / 2) + "\n" +
               std::string(n / 2, '\n') + "x\n";
      },
      process_markdown);
  // A YAML file of nothing but directive comments: each searched the rest for its next line.
  expect_linear([](std::size_t n) { return repeat("# kep-lint: disable-line KEP001\n", n); },
                process_yaml);
}

TEST(LinearTime, YamlShapes) {
  // Values of 24 bytes keep 1 MiB under the 200,000-node limit, past which yaml-cpp (slower,
  // but linear) takes over. Each key searched the rest of the file for a '#'.
  expect_linear(
      [](std::size_t n) {
        std::string out;
        for (std::size_t i = 0; out.size() < n; ++i) {
          out += "k" + std::to_string(i) + ": value-of-twenty-four-b\n";
        }
        return out;
      },
      process_yaml);
  expect_linear([](std::size_t n) { return "key: " + std::string(n, 'x') + "\n"; }, process_yaml);
  expect_linear([](std::size_t n) { return "key: \"" + std::string(n, 'x') + "\"\n"; },
                process_yaml);
  expect_linear([](std::size_t n) { return "- " + repeat("[", n); }, process_yaml);
  expect_linear([](std::size_t n) { return repeat("- value-of-twenty-four-b\n", n); },
                process_yaml);
}

}  // namespace
}  // namespace keplint
