// Every TOC in the kubernetes/enhancements snapshot was written by mdtoc; we must agree with all.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "corpus_dir.h"
#include "parse/markdown_document.h"
#include "parse/mdtoc.h"
#include "test_files.h"

namespace keplint {
namespace {

namespace fs = std::filesystem;
using testing::read_file;

// The files upstream's hack/verify-toc.sh checks: keps/**/*.md minus hack/.notableofcontents.
std::vector<std::string> toc_files(const fs::path& root) {
  std::set<std::string> excluded;
  std::istringstream list(read_file(root / "hack" / ".notableofcontents"));
  for (std::string line; std::getline(list, line);) {
    if (!line.empty()) excluded.insert(line);
  }
  std::vector<std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(root / "keps")) {
    if (!entry.is_regular_file() || entry.path().extension() != ".md") continue;
    std::string rel = fs::relative(entry.path(), root).generic_string();
    if (!excluded.contains(rel)) files.push_back(rel);
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(MdtocCorpusTest, EveryCheckedInTocMatches) {
  fs::path root = testing::corpus_dir() / "kubernetes-enhancements";
  if (!fs::exists(root / "keps")) GTEST_SKIP() << "corpus not found at " << root;

  std::vector<std::string> files = toc_files(root);
  ASSERT_GT(files.size(), 600u);
  int identical = 0;
  int restored_exactly = 0;
  for (const std::string& rel : files) {
    std::string text = read_file(root / rel);
    MarkdownDocument doc(std::make_shared<const SourceFile>(rel, text));
    TocAnalysis analysis = analyze_toc(doc);
    ASSERT_EQ(analysis.problem, TocProblem::kNone) << rel;

    bool ok = true;
    std::string_view existing = go_trim_space(analysis.existing);
    std::string_view generated = go_trim_space(analysis.generated);
    EXPECT_TRUE(existing == generated) << rel << ": generated TOC differs";
    ok &= existing == generated;
    EXPECT_TRUE(analysis.up_to_date) << rel << " line " << analysis.first_difference_line
                                     << " expected: " << analysis.expected_line;
    ok &= analysis.up_to_date;
    std::string rewritten = rewrite_toc(doc, analysis);
    EXPECT_TRUE(rewritten == text) << rel << ": rewrite changed the file";
    ok &= rewritten == text;

    // With the TOC body blanked out, the rewrite must restore the file: exactly, unless the
    // checked-in TOC has extra whitespace around it (mdtoc accepts that but writes none).
    std::size_t body_begin = analysis.start_offset + TocOptions{}.start_marker.size();
    std::string head = text.substr(0, body_begin);
    std::string tail = text.substr(analysis.end_offset);
    std::string canonical = head + "\n" + analysis.generated + tail;
    MarkdownDocument blank_doc(std::make_shared<const SourceFile>(rel, head + "\n" + tail));
    TocAnalysis blank_analysis = analyze_toc(blank_doc);
    EXPECT_EQ(blank_analysis.up_to_date, generated.empty()) << rel;
    std::string restored = rewrite_toc(blank_doc, blank_analysis);
    if (!blank_analysis.up_to_date) {
      EXPECT_TRUE(restored == canonical) << rel << ": rewrite of the blanked TOC differs";
      ok &= restored == canonical;
    }
    if (restored == text) ++restored_exactly;
    if (ok) ++identical;
  }
  std::cout << "[ corpus   ] " << identical << "/" << files.size() << " TOCs identical to mdtoc's; "
            << restored_exactly
            << " files restored byte for byte from a blanked TOC (the others have extra "
               "whitespace around their TOC, which mdtoc accepts)\n";
  EXPECT_EQ(identical, static_cast<int>(files.size()));
}

}  // namespace
}  // namespace keplint
