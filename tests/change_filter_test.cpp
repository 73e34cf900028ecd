#include "engine/change_filter.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "report_test_support.h"

namespace keplint::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// keps/a (changed): kep.yaml lines 3 and 10 added; README.md unchanged. keps/b: not changed.
class ChangeFilterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    changes_.files = {{"keps/a/kep.yaml", ChangedFile::Status::Modified, ""}};
    changes_.added_lines.add("keps/a/kep.yaml", {3, 3});
    changes_.added_lines.add("keps/a/kep.yaml", {10, 10});
    changes_.context_lines.add("keps/a/kep.yaml", {1, 13});
  }

  Finding at(const std::string& id, const std::string& path, int line, int end_line = 0) {
    Finding f;
    f.rule_id = id;
    f.path = path;
    f.proposal = path.substr(0, path.find('/', 5));
    f.range = {{line, line ? 1 : 0}, {end_line ? end_line : line, line ? 1 : 0}};
    return f;
  }

  Report report() {
    Report r;
    r.changed_proposals = {"keps/a"};
    r.findings = {
        at("ADDED", "keps/a/kep.yaml", 3),        at("SPANS_ADDED", "keps/a/kep.yaml", 8, 11),
        at("CONTEXT", "keps/a/kep.yaml", 12),     at("FAR", "keps/a/kep.yaml", 20),
        at("README", "keps/a/README.md", 5),      at("WHOLE_FILE", "keps/a/README.md", 0),
        at("MISSING_PRR", "prr/sig-x/1.yaml", 0), at("OTHER", "keps/b/kep.yaml", 3),
        at("OTHER_WHOLE", "keps/b/README.md", 0), at("MISSING_README", "keps/a/kep.yaml", 1),
    };
    r.findings.back().about_file = true;  // a missing file, shown on kep.yaml's first line
    r.findings[6].proposal = "keps/a";    // a missing PRR file of keps/a, outside its directory
    return r;
  }

  std::vector<std::string> kept(FilterMode mode, std::vector<std::string>* hidden_ids = nullptr) {
    Report r = report();
    std::vector<Finding> hidden = filter_findings(r, changes_, mode);
    EXPECT_EQ(r.findings.size() + hidden.size(), report().findings.size());
    if (hidden_ids) {
      for (const Finding& f : hidden) hidden_ids->push_back(f.rule_id);
    }
    std::vector<std::string> ids;
    for (const Finding& f : r.findings) ids.push_back(f.rule_id);
    return ids;
  }

  ChangeSet changes_;
};

TEST_F(ChangeFilterTest, NoFilterKeepsEverything) {
  std::vector<std::string> hidden;
  EXPECT_EQ(kept(FilterMode::NoFilter, &hidden).size(), 10u);
  EXPECT_THAT(hidden, IsEmpty());
}

TEST_F(ChangeFilterTest, FileKeepsFindingsInChangedFiles) {
  std::vector<std::string> hidden;
  EXPECT_THAT(kept(FilterMode::File, &hidden),
              ElementsAre("ADDED", "SPANS_ADDED", "CONTEXT", "FAR", "WHOLE_FILE", "MISSING_PRR",
                          "MISSING_README"));
  EXPECT_THAT(hidden, ElementsAre("README", "OTHER", "OTHER_WHOLE"));
}

TEST_F(ChangeFilterTest, DiffContextKeepsFindingsInTheHunks) {
  EXPECT_THAT(kept(FilterMode::DiffContext),
              ElementsAre("ADDED", "SPANS_ADDED", "CONTEXT", "WHOLE_FILE", "MISSING_PRR",
                          "MISSING_README"));
}

TEST_F(ChangeFilterTest, AddedKeepsFindingsOnAddedLines) {
  // A multi-line finding counts when any of its lines was added.
  EXPECT_THAT(kept(FilterMode::Added),
              ElementsAre("ADDED", "SPANS_ADDED", "WHOLE_FILE", "MISSING_PRR", "MISSING_README"));
}

TEST_F(ChangeFilterTest, WholeFileFindingsOfChangedProposalsAreKeptInEveryMode) {
  for (FilterMode mode : {FilterMode::Added, FilterMode::DiffContext, FilterMode::File}) {
    std::vector<std::string> ids = kept(mode);
    EXPECT_NE(std::find(ids.begin(), ids.end(), "MISSING_PRR"), ids.end());
    EXPECT_NE(std::find(ids.begin(), ids.end(), "WHOLE_FILE"), ids.end());
    EXPECT_NE(std::find(ids.begin(), ids.end(), "MISSING_README"), ids.end());
    EXPECT_EQ(std::find(ids.begin(), ids.end(), "OTHER_WHOLE"), ids.end());
  }
  // A whole-file finding without a proposal stays when its own file changed.
  Report r;
  r.findings = {at("REPO", "keps/a/kep.yaml", 0), at("REPO_OTHER", "OWNERS", 0)};
  r.findings[0].proposal.clear();
  r.findings[1].proposal.clear();
  filter_findings(r, changes_, FilterMode::Added);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].rule_id, "REPO");
}

TEST_F(ChangeFilterTest, MarksFindingsOnAddedLines) {
  Report r = report();
  mark_changed_lines(r.findings, changes_.added_lines);
  std::vector<std::string> marked;
  for (const Finding& f : r.findings) {
    if (f.on_changed_line) marked.push_back(f.rule_id);
  }
  EXPECT_THAT(marked, ElementsAre("ADDED", "SPANS_ADDED"));
}

TEST(FilterModeTest, NamesRoundTrip) {
  for (auto name : filter_mode_names()) {
    auto mode = parse_filter_mode(name);
    ASSERT_TRUE(mode.has_value()) << name;
    EXPECT_EQ(filter_mode_name(*mode), name);
  }
  EXPECT_THAT(filter_mode_names(), ElementsAre("added", "diff_context", "file", "nofilter"));
  EXPECT_EQ(parse_filter_mode("diff-context"), std::nullopt);
  EXPECT_TRUE(filter_needs_lines(FilterMode::Added));
  EXPECT_TRUE(filter_needs_lines(FilterMode::DiffContext));
  EXPECT_FALSE(filter_needs_lines(FilterMode::File));
  EXPECT_FALSE(filter_needs_lines(FilterMode::NoFilter));
}

// Issue 16 item 2: a changed file git showed no hunk of (binary to git, a mode change) keeps all
// its findings under the line filters, and a file that could not be linted is always reported.
TEST_F(ChangeFilterTest, FilesWithoutHunksAndUnlintableFilesAreNotFiltered) {
  changes_.files.push_back({"keps/a/README.md", ChangedFile::Status::Modified, ""});
  changes_.without_hunks.insert("keps/a/README.md");
  for (FilterMode mode : {FilterMode::Added, FilterMode::DiffContext}) {
    EXPECT_THAT(kept(mode), ::testing::IsSupersetOf({"README", "WHOLE_FILE"}))
        << filter_mode_name(mode);
  }
  Report r;
  r.findings = {at("BINARY", "keps/b/kep.yaml", 7)};  // a proposal outside the change
  r.findings[0].never_filtered = true;
  for (FilterMode mode : {FilterMode::Added, FilterMode::DiffContext, FilterMode::File}) {
    Report copy = r;
    EXPECT_THAT(filter_findings(copy, changes_, mode), IsEmpty()) << filter_mode_name(mode);
  }
}

}  // namespace
}  // namespace keplint::testing
