#include "engine/planned_release.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "engine/pack.h"
#include "test_pack.h"

namespace keplint {
namespace {

using ::testing::HasSubstr;
using testing::write_file;

class PlannedReleaseTest : public ::testing::Test {
 protected:
  void kep(const std::string& dir, const std::string& milestone_line) {
    write_file(root_ / "keps" / dir / "kep.yaml", "title: x\n" + milestone_line + "\n");
  }
  PlannedRelease derive() {
    Repository repo(root_);
    return derive_planned_release(repo, pack_.layout, "latest-milestone");
  }
  testing::TempDir tmp_;
  std::filesystem::path root_ = tmp_.path() / "repo";
  Pack pack_ = load_pack("packs/test", testing::test_pack_files());
};

// The highest vX.Y wins by version order (v1.100 > v1.99), quoted or not; values that name no
// release (no "v", a date, a patch version, nested keys) are not counted.
TEST_F(PlannedReleaseTest, TakesTheHighestReleaseAnyProposalNames) {
  kep("sig-a/1-one", "latest-milestone: \"v1.99\"");
  kep("sig-a/2-two", "latest-milestone: v1.100  # next");
  kep("sig-a/3-three", "latest-milestone: \"1.200\"");
  kep("sig-a/4-four", "latest-milestone: 2031-01-01");
  kep("sig-a/5-five", "milestone:\n  latest-milestone: v1.300");
  kep("sig-a/6-six", "latest-milestone: v1.250.1");
  PlannedRelease p = derive();
  EXPECT_EQ(p.version, "v1.100");
  EXPECT_THAT(p.note, HasSubstr("assuming v1.100"));
  EXPECT_THAT(p.note, HasSubstr("keps/sig-a/2-two/kep.yaml"));
  EXPECT_THAT(p.note, HasSubstr("--release"));
}

TEST_F(PlannedReleaseTest, UnknownWhenNoProposalNamesOne) {
  kep("sig-a/1-one", "status: provisional");
  PlannedRelease p = derive();
  EXPECT_EQ(p.version, "");
  EXPECT_THAT(p.note, HasSubstr("unknown"));
}

}  // namespace
}  // namespace keplint
