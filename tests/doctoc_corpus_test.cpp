// cluster-api's TOCs were written by doctoc (hack/scripts/docs/generate-doctoc.sh); we must agree
// with every one of them, except the three that doctoc 2.5.0 itself would rewrite (upstream's
// verify-doctoc skips when doctoc is not installed, so they drifted). What doctoc 2.5.0 writes
// for those three is checked in under testdata/doctoc/cluster-api-drift/, produced once by
// running `doctoc .` (2.5.0) over a copy of the corpus; so is what it inserts into the four
// proposals without markers (testdata/doctoc/cluster-api-insert/).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <set>

#include "corpus_dir.h"
#include "parse/doctoc.h"
#include "parse/markdown_document.h"
#include "test_files.h"

namespace keplint {
namespace {

namespace fs = std::filesystem;
using testing::read_file;

TEST(DoctocCorpusTest, EveryCheckedInTocMatchesExceptTheKnownDrift) {
  fs::path root = testing::corpus_dir() / "kubernetes-sigs-cluster-api";
  if (!fs::exists(root / "docs" / "proposals")) GTEST_SKIP() << "corpus not found at " << root;

  std::vector<std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file() && entry.path().extension() == ".md") {
      files.push_back(fs::relative(entry.path(), root).generic_string());
    }
  }
  std::sort(files.begin(), files.end());
  ASSERT_GE(files.size(), 40u);

  const std::set<std::string> expected_drift = {
      "docs/proposals/20200330-spot-instances.md",    // a repeated heading's anchor: -2
      "docs/proposals/20220414-lifecycle-hooks.md",   // entries missing
      "docs/proposals/20250513-propogate-taints.md",  // a blank line too many
  };
  const std::set<std::string> expected_without_markers = {
      "docs/proposals/20240807-in-place-updates-implementation-notes.md",
      "docs/proposals/20250513-chained-and-efficient-upgrades-for-clusters-with-managed-"
      "topologies.md",
      "docs/proposals/20260701-code-organization.md",
      "docs/proposals/20260706-worker-version-pinning.md",
  };
  std::set<std::string> drift;
  std::set<std::string> without_markers;
  int identical = 0;
  for (const std::string& rel : files) {
    std::string text = read_file(root / rel);
    MarkdownDocument doc(std::make_shared<const SourceFile>(rel, text));
    DoctocAnalysis a = analyze_doctoc(doc);
    if (a.problem == TocProblem::kMissingStartMarker) {
      without_markers.insert(rel);
      // doctoc inserts a TOC there (after the front matter): the one checked in under
      // testdata/doctoc/cluster-api-insert/, written by doctoc 2.5.0.
      fs::path oracle = fs::path(KEP_LINT_SOURCE_DIR) / "testdata" / "doctoc" /
                        "cluster-api-insert" / fs::path(rel).filename().replace_extension(".toc");
      std::string expected = read_file(oracle);
      ASSERT_FALSE(expected.empty()) << oracle;
      expected.pop_back();  // the file's final newline
      EXPECT_EQ(a.generated, expected) << rel;
      // Inserted before the first block after the front matter (or at the top), with a blank
      // line after it.
      std::string want = expected + "\n\n" + text;
      if (text.starts_with("---\n")) {
        std::size_t at = text.find("\n---\n") + 5;
        want = text.substr(0, at) + "\n" + expected + "\n\n" + text.substr(at + 1);
      }
      EXPECT_EQ(a.rewritten, want) << rel;
      MarkdownDocument fixed(std::make_shared<const SourceFile>(rel, a.rewritten));
      EXPECT_TRUE(analyze_doctoc(fixed).up_to_date) << rel;
      continue;
    }
    ASSERT_EQ(a.problem, TocProblem::kNone) << rel;
    if (a.up_to_date) {
      ++identical;
      continue;
    }
    drift.insert(rel);
    if (!expected_drift.contains(rel)) {
      ADD_FAILURE() << rel << " line " << a.first_difference_line
                    << "\n  expected: " << a.expected_line << "\n  actual:   " << a.actual_line;
      continue;
    }
    // What doctoc 2.5.0 writes there, and the file as it writes it.
    fs::path oracle = fs::path(KEP_LINT_SOURCE_DIR) / "testdata" / "doctoc" / "cluster-api-drift" /
                      fs::path(rel).filename().replace_extension(".toc");
    std::string expected = read_file(oracle);
    ASSERT_FALSE(expected.empty()) << oracle;
    expected.pop_back();  // the file's final newline
    EXPECT_EQ(a.generated, expected) << rel;
    EXPECT_EQ(a.rewritten, text.substr(0, a.region_begin) + expected + text.substr(a.region_end))
        << rel;
    // The rewrite is a fixed point.
    MarkdownDocument fixed(std::make_shared<const SourceFile>(rel, a.rewritten));
    EXPECT_TRUE(analyze_doctoc(fixed).up_to_date) << rel;
  }
  std::cout << "[ corpus   ] " << identical << " doctoc TOCs identical, " << drift.size()
            << " drifted, " << without_markers.size() << " files without markers\n";
  EXPECT_EQ(drift, expected_drift);
  EXPECT_EQ(without_markers, expected_without_markers);
  EXPECT_GE(identical, 30);
}

}  // namespace
}  // namespace keplint
