// The unique check kind: a field shared by proposals is reported on each of them, naming the
// others; a changed-set run reports only its own proposals but compares against all.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "generic_pack.h"

namespace keplint {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

class UniqueTest : public testing::GenericPackTest {
 protected:
  void proposal(const std::string& dir, const std::string& yaml) {
    write("proposals/" + dir + "/metadata.yaml", yaml);
  }
};

TEST_F(UniqueTest, ReportsEachDuplicateNamingTheOthers) {
  pack(rule("G001", "repository", "{kind: unique, field: number}"));
  proposal("a", "title: A\nnumber: 7\n");
  proposal("b", "title: B\nstatus: x\nnumber: 7\n");
  proposal("c", "title: C\nnumber: 8\n");
  EXPECT_THAT(run(), ElementsAre("proposals/a/metadata.yaml:2:9 number '7' is not unique: also "
                                 "in proposals/b (proposals/b/metadata.yaml:3)",
                                 "proposals/b/metadata.yaml:3:9 number '7' is not unique: also "
                                 "in proposals/a (proposals/a/metadata.yaml:2)"));
}

TEST_F(UniqueTest, QuietWhenEveryValueIsUnique) {
  pack(rule("G001", "repository", "{kind: unique, field: title}"));
  proposal("a", "title: A\nnumber: 7\n");
  proposal("b", "title: B\nnumber: 7\n");
  proposal("c", "title: a\n");
  proposal("d", "number: 1\n");  // no title at all is `required`'s business
  EXPECT_THAT(run(), IsEmpty());
}

TEST_F(UniqueTest, IgnoreCaseIgnoreValuesAndAmong) {
  pack(rule("G001", "repository",
            "{kind: unique, field: title, ignore-case: true, ignore-values: [TBD], "
            "among: {status: {not-in: [replaced]}}}"));
  proposal("a", "title: Fast Path\n");
  proposal("b", "title: fast path\n");
  proposal("c", "title: TBD\n");
  proposal("d", "title: TBD\n");
  proposal("e", "title: FAST PATH\nstatus: replaced\n");
  EXPECT_THAT(run(), ElementsAre("proposals/a/metadata.yaml:1:8 title 'Fast Path' is not unique: "
                                 "also in proposals/b (proposals/b/metadata.yaml:1)",
                                 "proposals/b/metadata.yaml:1:8 title 'fast path' is not unique: "
                                 "also in proposals/a (proposals/a/metadata.yaml:1)"));
}

TEST_F(UniqueTest, ListItemsEachCountAndRepeatsInOneProposalDoNot) {
  pack(rule("G001", "repository", "{kind: unique, field: \"aliases[]\"}"));
  proposal("a", "aliases: [x, y, x]\n");
  proposal("b", "aliases:\n  - z\n  - y\n");
  EXPECT_THAT(run(), ElementsAre("proposals/a/metadata.yaml:1:14 aliases[1] 'y' is not unique: "
                                 "also in proposals/b (proposals/b/metadata.yaml:3)",
                                 "proposals/b/metadata.yaml:3:5 aliases[1] 'y' is not unique: "
                                 "also in proposals/a (proposals/a/metadata.yaml:1)"));
}

TEST_F(UniqueTest, ChangedSetReportsOnlyItsProposalsAgainstAll) {
  pack(rule("G001", "repository", "{kind: unique, field: number}"));
  proposal("a", "number: 7\n");
  proposal("b", "number: 7\n");
  proposal("c", "number: 7\n");
  proposal("d", "number: 9\n");
  LintOptions changed;
  changed.changed_files = std::vector<std::string>{"proposals/c/metadata.yaml"};
  EXPECT_THAT(run(changed),
              ElementsAre("proposals/c/metadata.yaml:1:9 number '7' is not unique: also in "
                          "proposals/a (proposals/a/metadata.yaml:1), proposals/b "
                          "(proposals/b/metadata.yaml:1)"));
  changed.changed_files = std::vector<std::string>{"proposals/d/metadata.yaml"};
  EXPECT_THAT(run(changed), IsEmpty());
}

TEST_F(UniqueTest, FrontMatterProposals) {
  pack(rule("G001", "repository", "{kind: unique, field: title}"),
       testing::kFrontMatterPackManifest);
  write("docs/proposals/20200101-one.md", "---\ntitle: Same\n---\n# One\n");
  write("docs/proposals/20200202-two.md", "---\ntitle: Same\n---\n# Two\n");
  EXPECT_THAT(run(), ElementsAre("docs/proposals/20200101-one.md:2:8 title 'Same' is not unique: "
                                 "also in docs/proposals/20200202-two.md "
                                 "(docs/proposals/20200202-two.md:2)",
                                 "docs/proposals/20200202-two.md:2:8 title 'Same' is not unique: "
                                 "also in docs/proposals/20200101-one.md "
                                 "(docs/proposals/20200101-one.md:2)"));
}

}  // namespace
}  // namespace keplint
