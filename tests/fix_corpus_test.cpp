// `--fix` over the real kubernetes corpus: a no-op on the untouched corpus, and it restores every
// TOC after the TOC bodies were emptied.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <tuple>

#include "corpus_dir.h"
#include "repo/process.h"

namespace keplint {
namespace {

namespace fs = std::filesystem;

const fs::path kCorpus = testing::corpus_dir() / "kubernetes-enhancements";

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::map<std::string, std::string> markdown_files(const fs::path& root) {
  std::map<std::string, std::string> out;
  for (auto& e : fs::recursive_directory_iterator(root / "keps")) {
    if (e.is_regular_file() && e.path().extension() == ".md") {
      out[e.path().lexically_relative(root).generic_string()] = read(e.path());
    }
  }
  return out;
}

class FixCorpusTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(kCorpus / "keps")) GTEST_SKIP() << "no corpus at " << kCorpus;
    copy_ = fs::temp_directory_path() / ("kep-lint-corpus-" + std::to_string(::getpid()));
    fs::remove_all(copy_);
    fs::create_directories(copy_);
    fs::copy(kCorpus / "keps", copy_ / "keps", fs::copy_options::recursive);
    fs::copy(kCorpus / "hack", copy_ / "hack", fs::copy_options::recursive);
    // The PRR approver check needs it; without it the run fails closed (exit 2).
    fs::copy(kCorpus / "OWNERS_ALIASES", copy_ / "OWNERS_ALIASES");
    original_ = markdown_files(copy_);
  }
  void TearDown() override {
    if (!copy_.empty()) fs::remove_all(copy_);
  }
  ProcessResult fix() {
    // The TOC rule is under test; the spelling rule (KEP100) would also fix the corpus's typos.
    std::ofstream(copy_ / ".kep-lint.yaml") << "pack: kubernetes\nrules:\n  KEP100: off\n";
    return run_process({KEP_LINT_BINARY, "--repo", copy_.string(), "--fix", "-q", "--format",
                        "json", "-o", (copy_ / "out.json").string()});
  }
  fs::path copy_;
  std::map<std::string, std::string> original_;
};

TEST_F(FixCorpusTest, FixOnUntouchedCorpusChangesNoByte) {
  fix();
  EXPECT_EQ(markdown_files(copy_), original_);
}

TEST_F(FixCorpusTest, RestoresEveryEmptiedToc) {
  int emptied = 0;
  std::map<std::string, std::string> canonical;  // what mdtoc would write after emptying
  for (const auto& [path, text] : original_) {
    std::size_t open = text.find("<!-- toc -->");
    std::size_t close = text.find("<!-- /toc -->");
    if (open == std::string::npos || close == std::string::npos || close < open) continue;
    std::size_t body = open + std::string("<!-- toc -->").size();
    std::string emptied_text = text.substr(0, body) + "\n" + text.substr(close);
    std::ofstream(copy_ / path, std::ios::binary) << emptied_text;
    ++emptied;
  }
  ASSERT_GT(emptied, 600);
  ProcessResult r = fix();
  ASSERT_LE(r.exit_code, 1) << r.err;
  int identical = 0, relaid = 0;
  for (const auto& [path, text] : original_) {
    std::string now = read(copy_ / path);
    if (now == text) {
      ++identical;
      continue;
    }
    // A few checked-in TOCs carry blank lines or trailing spaces around the list, which mdtoc
    // accepts (it compares trimmed text) but never writes. There the text outside the markers
    // must be untouched and the list equal once trimmed.
    const std::string open_marker = "<!-- toc -->", close_marker = "<!-- /toc -->";
    auto split = [&](const std::string& t) {
      std::size_t open = t.find(open_marker) + open_marker.size();
      std::size_t close = t.find(close_marker);
      std::string body = t.substr(open, close - open);
      std::size_t first = body.find_first_not_of(" \t\r\n");
      std::size_t last = body.find_last_not_of(" \t\r\n");
      body = first == std::string::npos ? "" : body.substr(first, last - first + 1);
      return std::make_tuple(t.substr(0, open), body, t.substr(close));
    };
    auto [before_was, body_was, after_was] = split(text);
    auto [before_now, body_now, after_now] = split(now);
    EXPECT_TRUE(before_now == before_was && after_now == after_was)
        << path << ": text outside the TOC changed";
    EXPECT_TRUE(body_now == body_was) << path << ": TOC differs\n" << body_now;
    ++relaid;
  }
  std::cout << "[ corpus ] " << emptied << " TOCs emptied; " << identical
            << " restored byte for byte, " << relaid << " in mdtoc's own layout\n";
  EXPECT_GE(identical, 650);
}

}  // namespace
}  // namespace keplint
