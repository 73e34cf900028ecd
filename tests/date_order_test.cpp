// The date-order and path-date check kinds: dates in order, and in agreement with the date in a
// proposal's file name (cluster-api's YYYYMMDD-slug.md).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "generic_pack.h"

namespace keplint {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

class DatesTest : public testing::GenericPackTest {
 protected:
  void proposal(const std::string& name, const std::string& front_matter) {
    write("docs/proposals/" + name, "---\n" + front_matter + "---\n\n# Title\n");
  }
};

TEST_F(DatesTest, LaterDateBeforeEarlierDate) {
  pack(rule("G001", "metadata", "{kind: date-order, earlier: creation-date, later: last-updated}"),
       testing::kFrontMatterPackManifest);
  proposal("a.md", "creation-date: 2024-03-01\nlast-updated: 2024-02-29\n");
  proposal("b.md", "creation-date: 2024-03-01\nlast-updated: 2024-03-01\n");
  proposal("c.md", "creation-date: 2024-03-01\nlast-updated: 2025-01-01\n");
  proposal("d.md", "creation-date: 2024-03-01\nlast-updated: yyyy-mm-dd\n");  // `date`'s job
  proposal("e.md", "last-updated: 2020-01-01\n");                             // `required`'s
  EXPECT_THAT(run(), ElementsAre("docs/proposals/a.md:3:15 last-updated 2024-02-29 is not on or "
                                 "after creation-date 2024-03-01 (line 2)"));
}

TEST_F(DatesTest, StrictRejectsTheSameDay) {
  pack(rule("G001", "metadata",
            "{kind: date-order, earlier: creation-date, later: last-updated, strict: true}"),
       testing::kFrontMatterPackManifest);
  proposal("b.md", "creation-date: 2024-03-01\nlast-updated: \"2024-03-01\"\n");
  proposal("c.md", "creation-date: 2024-03-01\nlast-updated: 2024-03-02\n");
  EXPECT_THAT(run(), ElementsAre("docs/proposals/b.md:3:15 last-updated 2024-03-01 is not after "
                                 "creation-date 2024-03-01 (line 2)"));
}

TEST_F(DatesTest, CreationDateAgreesWithTheFileName) {
  pack(rule("G001", "metadata", "{kind: path-date, field: creation-date}"),
       testing::kFrontMatterPackManifest);
  proposal("20191017-kubeadm.md", "title: t\ncreation-date: 2019-10-18\n");
  proposal("20200101-ok.md", "creation-date: 2020-01-01\n");
  proposal("YYYYMMDD-template.md", "creation-date: yyyy-mm-dd\n");  // no date in the name
  proposal("20200202-nodate.md", "creation-date: 2020-2-2\n");      // `date`'s job
  EXPECT_THAT(run(), ElementsAre("docs/proposals/20191017-kubeadm.md:3:16 creation-date "
                                 "2019-10-18 does not agree with the date in the name "
                                 "20191017-kubeadm.md (2019-10-17)"));
}

TEST_F(DatesTest, PathDatePatternFromThePack) {
  pack(rule("G001", "metadata",
            "{kind: path-date, field: created, pattern: \"^([0-9]{4})-([0-9]{2})-([0-9]{2})_\"}"));
  write("proposals/2021-05-06_x/metadata.yaml", "created: 2021-05-07\n");
  write("proposals/2021-05-06_y/metadata.yaml", "created: 2021-05-06\n");
  EXPECT_THAT(run(), ElementsAre("proposals/2021-05-06_x/metadata.yaml:1:10 created 2021-05-07 "
                                 "does not agree with the date in the name 2021-05-06_x "
                                 "(2021-05-06)"));
}

TEST_F(DatesTest, PathDatePatternNeedsThreeGroups) {
  pack(rule("G001", "metadata", "{kind: path-date, field: created, pattern: \"^([0-9]{8})-\"}"));
  write("proposals/x/metadata.yaml", "created: 2021-05-07\n");
  EXPECT_THAT(load_error(), ::testing::HasSubstr("needs three groups: year, month and day"));
}

}  // namespace
}  // namespace keplint
