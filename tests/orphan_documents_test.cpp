// The orphan-documents check kind, in runs the rule fixtures do not cover: proposals that share
// a key, and proposals left out of the run (so nothing has claimed their documents yet).
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "engine/linter.h"
#include "engine/session.h"

namespace keplint {
namespace {

namespace fs = std::filesystem;

class OrphanDocuments : public testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "kep-lint-orphans-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    root_ = tmpl;
    // Two KEPs share the number 2133: the old one was replaced by the new one, which owns the
    // PRR file. The replaced one sorts first.
    write("keps/sig-cloud-provider/2133-old/kep.yaml",
          "title: Old\nkep-number: 2133\nowning-sig: sig-cloud-provider\nstatus: replaced\n");
    write("keps/sig-node/2133-new/kep.yaml",
          "title: New\nkep-number: 2133\nowning-sig: sig-node\nstatus: implementable\n");
    write("keps/prod-readiness/sig-node/2133.yaml", "kep-number: 2133\n");
    write("keps/prod-readiness/template/nnnn.yaml", "kep-number: NNNN\n");
    write("keps/prod-readiness/sig-node/77.yaml", "kep-number: 77\n");
  }
  void TearDown() override { fs::remove_all(root_); }

  void write(const std::string& path, const std::string& text) {
    fs::create_directories((root_ / path).parent_path());
    std::ofstream(root_ / path) << text;
  }

  std::vector<std::string> orphans(const LintOptions& options) {
    SessionOptions so;
    so.repo_dir = root_;
    so.pack = "kubernetes";
    Session s = open_session(so);
    Report r = lint(*s.run, options);
    std::vector<std::string> out;
    for (const Finding& f : r.findings) {
      if (f.rule_name == "prr-orphan") out.push_back(f.path + ": " + f.message);
    }
    return out;
  }

  fs::path root_;
};

TEST_F(OrphanDocuments, SharedKeyIsClaimedByAnyOwner) {
  const std::vector<std::string> only_orphan = {
      "keps/prod-readiness/sig-node/77.yaml: keps/prod-readiness/sig-node/77.yaml belongs to no "
      "proposal: none has kep-number 77"};
  EXPECT_EQ(orphans({}), only_orphan);
  // The owning KEP is left out of the run, so it never claims its PRR file while linting; the
  // check must still find it instead of blaming the replaced KEP that sorts first.
  LintOptions without_owner;
  without_owner.exclude = {"keps/sig-node/2133-new"};
  EXPECT_EQ(orphans(without_owner), only_orphan);
  LintOptions changed;
  changed.changed_files = std::vector<std::string>{"keps/prod-readiness/sig-node/2133.yaml",
                                                   "keps/prod-readiness/template/nnnn.yaml"};
  EXPECT_EQ(orphans(changed), std::vector<std::string>{});
}

TEST_F(OrphanDocuments, WrongDirectoryNamesEveryOwner) {
  // Filed under a SIG that owns neither KEP.
  fs::create_directories(root_ / "keps/prod-readiness/sig-apps");
  fs::rename(root_ / "keps/prod-readiness/sig-node/2133.yaml",
             root_ / "keps/prod-readiness/sig-apps/2133.yaml");
  std::vector<std::string> found = orphans({});
  ASSERT_EQ(found.size(), 3u);
  EXPECT_NE(found[0].find("is not where keps/sig-cloud-provider/2133-old expects its prr file "
                          "(keps/prod-readiness/sig-cloud-provider/2133.yaml)"),
            std::string::npos)
      << found[0];
  EXPECT_NE(found[1].find("is not where keps/sig-node/2133-new expects its prr file "
                          "(keps/prod-readiness/sig-node/2133.yaml)"),
            std::string::npos)
      << found[1];
}

}  // namespace
}  // namespace keplint
