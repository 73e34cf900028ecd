// The index check kind: a shared document (a YAML nav list, a Markdown table) lists the
// proposals it should, with the fields they have, and only proposals that exist.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "generic_pack.h"

namespace keplint {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

class IndexTest : public testing::GenericPackTest {
 protected:
  void SetUp() override {
    GenericPackTest::SetUp();
    write("proposals/gep-1/metadata.yaml", "number: 1\nstatus: Standard\n");
    write("proposals/gep-2/metadata.yaml", "number: 2\nstatus: Experimental\n");
    write("proposals/gep-3/metadata.yaml", "number: 3\nstatus: Declined\n");
  }
  static constexpr const char* kNavRule =
      "{kind: index, file: nav.yml, entry: '^\\s+- "
      "(?P<proposal>proposals/gep-[0-9]+)/index\\.md$', "
      "section: '^    - (?P<status>[A-Za-z]+):$', listed: {status: {in: [Standard, "
      "Experimental]}}}";
};

TEST_F(IndexTest, QuietWhenTheNavListsEveryProposalUnderItsStatus) {
  pack(rule("G001", "repository", kNavRule));
  write("nav.yml",
        "nav:\n  - Enhancements:\n    - Experimental:\n      - proposals/gep-2/index.md\n"
        "    - Standard:\n      - proposals/gep-1/index.md\n");
  EXPECT_THAT(run(), IsEmpty());
}

TEST_F(IndexTest, ReportsMissingUnknownAndMisfiledEntries) {
  pack(rule("G001", "repository", kNavRule));
  write("nav.yml",
        "nav:\n  - Enhancements:\n    - Standard:\n      - proposals/gep-2/index.md\n"
        "      - proposals/gep-9/index.md\n");
  EXPECT_THAT(run(), ElementsAre("nav.yml:3:7 nav.yml lists proposals/gep-2 with status "
                                 "'Standard', but proposals/gep-2/metadata.yaml says "
                                 "'Experimental'",
                                 "nav.yml:5:9 nav.yml lists 'proposals/gep-9', which names no "
                                 "proposal",
                                 "proposals/gep-1/metadata.yaml:1:1 proposals/gep-1 is not "
                                 "listed in nav.yml"));
  // A change to gep-1 alone hears only that it is missing.
  LintOptions changed;
  changed.changed_files = std::vector<std::string>{"proposals/gep-1/metadata.yaml"};
  EXPECT_THAT(run(changed), ElementsAre("proposals/gep-1/metadata.yaml:1:1 proposals/gep-1 is "
                                        "not listed in nav.yml"));
}

TEST_F(IndexTest, MarkdownTableByNumberWithFieldsInTheRow) {
  pack(rule("G001", "repository",
            "{kind: index, file: README.md, key-field: number, entry: '^\\| "
            "*\\[(?P<proposal>[0-9]+)\\]\\([^)]*\\) *\\| *(?P<status>[^|]*)\\|'}"));
  write("README.md",
        "# Proposals\n\n| number | status |\n|---|---|\n| [1](proposals/gep-1) | Standard |\n"
        "| [2](proposals/gep-2) | Standard |\n");
  EXPECT_THAT(run(), ElementsAre("README.md:6:26 README.md lists proposals/gep-2 with status "
                                 "'Standard', but proposals/gep-2/metadata.yaml says "
                                 "'Experimental'",
                                 "proposals/gep-3/metadata.yaml:1:1 proposals/gep-3 is not "
                                 "listed in README.md"));
}

TEST_F(IndexTest, MissingIndexIsReportedAndEntryNeedsAProposalGroup) {
  pack(rule("G001", "repository", kNavRule));
  EXPECT_THAT(run(), ElementsAre("nav.yml:0:0 cannot check the index nav.yml: file not found"));
  pack(rule("G001", "repository", "{kind: index, file: nav.yml, entry: '^- (.*)$'}"));
  EXPECT_THAT(load_error(), ::testing::HasSubstr("needs a named group (?P<proposal>...)"));
}

}  // namespace
}  // namespace keplint
