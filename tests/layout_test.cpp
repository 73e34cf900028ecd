#include "repo/layout.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "engine/pack.h"
#include "test_pack.h"

namespace keplint {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using testing::write_file;
using testing::write_kep;

class LayoutTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = tmp_.path() / "repo";
    write_kep(root_, "sig-a", "1", "one", "implementable");
    write_kep(root_, "sig-a", "2", "two");
    write_kep(root_, "sig-b", "30", "nested/deeper");  // keps/sig-b/30-nested/deeper/kep.yaml
    write_kep(root_, "sig-b", "4", "four");
    write_file(root_ / "keps/template/kep.yaml", "title: template\n");
    write_file(root_ / "keps/README.md", "# KEPs\n");
    write_file(root_ / "keps/sig-a/README.md", "# sig-a\n");
    write_file(root_ / "keps/sig-a/notes/README.md", "# not a KEP\n");
    write_file(root_ / "prr/sig-a/1.yaml", "kep-number: 1\n");
    write_file(root_ / "prr/sig-b/4.yaml", "kep-number: 4\n");
    write_file(root_ / "prr/sig-b/999.yaml", "kep-number: 999\n");
  }
  Repository repo() const { return Repository(root_); }

  testing::TempDir tmp_;
  fs::path root_;
  Pack pack_ = load_pack("packs/test", testing::test_pack_files());
  const Layout& layout_ = pack_.layout;
};

TEST_F(LayoutTest, DocumentsAndPrimary) {
  ASSERT_NE(layout_.document("readme"), nullptr);
  EXPECT_EQ(layout_.document("readme")->format, DocumentFormat::Markdown);
  EXPECT_EQ(layout_.document("nope"), nullptr);
  EXPECT_EQ(layout_.primary()->role, "metadata");
  Layout no_primary = layout_;
  for (auto& d : no_primary.documents) d.primary = false;
  EXPECT_EQ(no_primary.primary()->role, no_primary.documents.front().role);
}

TEST_F(LayoutTest, DiscoverFindsEveryMarkerAndHonoursExcludes) {
  Repository r = repo();
  EXPECT_THAT(layout_.discover(r), ElementsAre("keps/sig-a/1-one", "keps/sig-a/2-two",
                                               "keps/sig-b/30-nested/deeper", "keps/sig-b/4-four"));
}

TEST_F(LayoutTest, DiscoverFileProposals) {
  Layout files = layout_;
  files.proposals.marker = "keps/**/*.md";
  files.proposals.file_is_proposal = true;
  files.proposals.exclude = {"keps/README.md", "keps/sig-a/notes/**"};
  Repository r = repo();
  EXPECT_THAT(files.discover(r),
              ElementsAre("keps/sig-a/1-one/README.md", "keps/sig-a/2-two/README.md",
                          "keps/sig-a/README.md", "keps/sig-b/30-nested/deeper/README.md",
                          "keps/sig-b/4-four/README.md"));
  EXPECT_EQ(files.proposal_containing(r, "keps/sig-a/README.md"), "keps/sig-a/README.md");
  EXPECT_EQ(files.proposal_containing(r, "keps/README.md"), "");
  EXPECT_EQ(files.proposal_containing(r, "keps/sig-a/1-one/kep.yaml"), "");
}

TEST_F(LayoutTest, ProposalContaining) {
  Repository r = repo();
  EXPECT_EQ(layout_.proposal_containing(r, "keps/sig-a/1-one/kep.yaml"), "keps/sig-a/1-one");
  EXPECT_EQ(layout_.proposal_containing(r, "keps/sig-a/1-one/README.md"), "keps/sig-a/1-one");
  EXPECT_EQ(layout_.proposal_containing(r, "keps/sig-a/1-one/img/a/b.png"), "keps/sig-a/1-one");
  EXPECT_EQ(layout_.proposal_containing(r, "keps/sig-a/1-one/missing-but-changed.md"),
            "keps/sig-a/1-one");
  // Nested: the innermost directory with a marker.
  EXPECT_EQ(layout_.proposal_containing(r, "keps/sig-b/30-nested/deeper/README.md"),
            "keps/sig-b/30-nested/deeper");
  EXPECT_EQ(layout_.proposal_containing(r, "keps/sig-b/30-nested/other.md"), "");
  EXPECT_EQ(layout_.proposal_containing(r, "keps/sig-a/README.md"), "");
  EXPECT_EQ(layout_.proposal_containing(r, "keps/sig-a/notes/README.md"), "");
  EXPECT_EQ(layout_.proposal_containing(r, "keps/README.md"), "");
  EXPECT_EQ(layout_.proposal_containing(r, "README.md"), "");
  EXPECT_EQ(layout_.proposal_containing(r, "prr/sig-a/1.yaml"), "");
  // Excluded proposals contain nothing.
  EXPECT_EQ(layout_.proposal_containing(r, "keps/template/kep.yaml"), "");
  // Outside the marker glob: a kep.yaml that is not under keps/.
  write_file(root_ / "other/x/kep.yaml", "title: x\n");
  EXPECT_EQ(layout_.proposal_containing(repo(), "other/x/README.md"), "");
}

TEST_F(LayoutTest, DeletedMarkerStillNamesItsProposal) {
  fs::remove(root_ / "keps/sig-a/2-two/kep.yaml");
  Repository r = repo();
  // The deleted marker itself names the proposal ...
  EXPECT_EQ(layout_.proposal_containing(r, "keps/sig-a/2-two/kep.yaml"), "keps/sig-a/2-two");
  // ... but other files in the directory no longer belong to one.
  EXPECT_EQ(layout_.proposal_containing(r, "keps/sig-a/2-two/README.md"), "");
}

TEST_F(LayoutTest, KeyOf) {
  EXPECT_EQ(layout_.key_of("keps/sig-a/1-one"), "1");
  EXPECT_EQ(layout_.key_of("keps/sig-node/1287-in-place"), "1287");
  EXPECT_EQ(layout_.key_of("keps/sig-b/30-nested/deeper"), "");  // base name has no number
  EXPECT_EQ(layout_.key_of("keps/sig-a/NNNN-template"), "");
  EXPECT_EQ(layout_.key_of("keps/sig-a/x-1-y"), "");  // anchored at the start
  Layout keyless = layout_;
  keyless.proposals.key_pattern = nullptr;
  EXPECT_EQ(keyless.key_of("keps/sig-a/1-one"), "");
}

TEST_F(LayoutTest, Excluded) {
  EXPECT_TRUE(layout_.excluded("keps/template"));
  EXPECT_FALSE(layout_.excluded("keps/template2"));
  EXPECT_FALSE(layout_.excluded("keps/sig-a/1-one"));
}

TEST_F(LayoutTest, MapChangedFileInAProposalDirectory) {
  Repository r = repo();
  ChangedMapping m = map_changed_files(layout_, r,
                                       {"keps/sig-a/1-one/README.md", "keps/sig-a/1-one/kep.yaml",
                                        "keps/sig-b/30-nested/deeper/img.png"},
                                       {});
  EXPECT_THAT(m.proposals, ElementsAre("keps/sig-a/1-one", "keps/sig-b/30-nested/deeper"));
  EXPECT_THAT(m.loose_files, IsEmpty());
  EXPECT_FALSE(m.everything);
}

TEST_F(LayoutTest, MapPrrFileToItsProposalThroughTheKey) {
  Repository r = repo();
  ChangedMapping m = map_changed_files(layout_, r, {"prr/sig-a/1.yaml", "prr/sig-b/4.yaml"}, {});
  EXPECT_THAT(m.proposals, ElementsAre("keps/sig-a/1-one", "keps/sig-b/4-four"));
  EXPECT_THAT(m.loose_files, IsEmpty());
  // Under the wrong SIG directory it still reaches the KEP with that number (which then reports
  // it), and a number no KEP has is a loose file.
  ChangedMapping wrong =
      map_changed_files(layout_, r, {"prr/sig-b/1.yaml", "prr/sig-b/999.yaml"}, {});
  EXPECT_THAT(wrong.proposals, ElementsAre("keps/sig-a/1-one"));
  EXPECT_THAT(wrong.loose_files, ElementsAre("prr/sig-b/999.yaml"));
}

TEST_F(LayoutTest, MapDeletedPrrFile) {
  fs::remove(root_ / "prr/sig-a/1.yaml");
  ChangedMapping m = map_changed_files(layout_, repo(), {"prr/sig-a/1.yaml"}, {});
  EXPECT_THAT(m.proposals, ElementsAre("keps/sig-a/1-one"));
}

TEST_F(LayoutTest, MapSharedFileMeansEverything) {
  Repository r = repo();
  ChangedMapping m = map_changed_files(layout_, r, {"keps/template/README.md"}, {});
  EXPECT_TRUE(m.everything);
  // Every proposal is affected, but none of them changed: the linter lints all of them at
  // whole-repo severities.
  EXPECT_TRUE(m.proposals.empty());
  EXPECT_TRUE(map_changed_files(layout_, r, {"SHARED"}, {}).everything);
  // Dataset files passed by the caller count as shared.
  ChangedMapping data = map_changed_files(layout_, r, {"hack/sigs.yaml"}, {"hack/sigs.yaml"});
  EXPECT_TRUE(data.everything);
  EXPECT_TRUE(data.proposals.empty());
  EXPECT_THAT(data.loose_files, IsEmpty());
}

TEST_F(LayoutTest, MapLooseFiles) {
  Repository r = repo();
  ChangedMapping m = map_changed_files(
      layout_, r,
      {"README.md", "keps/sig-a/notes/README.md", "prr/README.md", "prr/sig-a/x/1.yaml"}, {});
  EXPECT_THAT(m.proposals, IsEmpty());
  EXPECT_THAT(m.loose_files, ElementsAre("README.md", "keps/sig-a/notes/README.md", "prr/README.md",
                                         "prr/sig-a/x/1.yaml"));
  EXPECT_FALSE(m.everything);
  EXPECT_THAT(map_changed_files(layout_, r, {}, {}).proposals, IsEmpty());
}

}  // namespace
}  // namespace keplint
