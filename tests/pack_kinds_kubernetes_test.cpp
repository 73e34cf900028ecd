// The kubernetes pack's SIG Node approver rules and spelling rule on small repositories: what the
// txtar fixtures cannot show (a dataset that is missing, exact columns, the --fix text).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "engine/linter.h"
#include "engine/session.h"
#include "test_pack.h"

namespace keplint {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using testing::write_file;

class KubernetesPackTest : public ::testing::Test {
 protected:
  std::vector<Finding> run(const std::string& rule, std::string* note = nullptr) {
    SessionOptions so;
    so.repo_dir = root_;
    so.pack = "kubernetes";
    Session session = open_session(so);
    Report report = lint(*session.run, {});
    session.check_datasets();  // a missing optional dataset must not fail the run
    if (note) {
      for (const std::string& n : session.notes()) *note += n + "\n";
    }
    std::vector<Finding> out;
    for (const Finding& f : report.findings) {
      if (f.rule_id == rule) out.push_back(f);
    }
    return out;
  }
  void beta_kep() {
    write_file(root_ / "keps/sig-node/5301-beta/kep.yaml",
               "title: Beta\nkep-number: 5301\nowning-sig: sig-node\nstatus: implementable\n"
               "stage: beta\nlatest-milestone: \"v1.37\"\napprovers:\n  - \"@helper\"\n");
  }
  testing::TempDir tmp_;
  fs::path root_ = tmp_.path() / "repo";
};

// Fail closed: without OWNERS_ALIASES nobody can be shown to be a tech lead.
TEST_F(KubernetesPackTest, TechLeadRuleReportsAMissingOwnersAliases) {
  beta_kep();
  std::vector<Finding> f = run("KEP097");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_THAT(f[0].message, HasSubstr("cannot check approvers[]: dataset sig-node-tech-leads is "
                                      "unavailable (OWNERS_ALIASES"));
  EXPECT_EQ(f[0].path, "keps/sig-node/5301-beta/kep.yaml");
  EXPECT_EQ(f[0].range.start.line, 8);
}

TEST_F(KubernetesPackTest, TechLeadRuleReportsAMissingAlias) {
  beta_kep();
  write_file(root_ / "OWNERS_ALIASES",
             "aliases:\n  sig-node-leads:\n    - helper\n  prod-readiness-approvers:\n    - prr\n");
  std::vector<Finding> f = run("KEP097");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_THAT(f[0].message, HasSubstr("no values found for dataset 'sig-node-tech-leads'"));
}

TEST_F(KubernetesPackTest, TechLeadRulePassesWithATechLead) {
  beta_kep();
  write_file(
      root_ / "OWNERS_ALIASES",
      "aliases:\n  sig-node-tech-leads:\n    - HELPER\n  prod-readiness-approvers:\n    - prr\n");
  std::string note;
  EXPECT_TRUE(run("KEP097", &note).empty());
  // The planned release is derived only when a rule asks (an alpha KEP's rules do).
  EXPECT_THAT(note, ::testing::Not(HasSubstr("release being planned")));
  write_file(root_ / "keps/sig-node/5302-alpha/kep.yaml",
             "title: Alpha\nkep-number: 5302\nowning-sig: sig-node\nstatus: implementable\n"
             "stage: alpha\nlatest-milestone: \"v1.37\"\napprovers:\n  - \"@helper\"\n");
  note.clear();
  run("KEP095", &note);
  EXPECT_THAT(note, HasSubstr("assuming v1.37 is the release being planned"));
}

// A misspelling is reported at its word (line, byte columns), and the fix corrects every word
// of the file at once, keeping case; a stem keeps the word's own ending.
TEST_F(KubernetesPackTest, SpellingPositionsAndFix) {
  write_file(root_ / "keps/sig-node/5302-x/kep.yaml",
             "title: X\nkep-number: 5302\nowning-sig: sig-node\nstatus: provisional\n");
  write_file(root_ / "keps/sig-node/5302-x/README.md",
             "# KEP-5302: X\n\nIt héé Recieves `teh` data, seperately.\n");
  std::vector<Finding> f = run("KEP100");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].path, "keps/sig-node/5302-x/README.md");
  EXPECT_EQ(f[0].range.start.line, 3);
  EXPECT_EQ(f[0].range.start.column, 10);  // bytes: "héé" is 5 bytes
  EXPECT_EQ(f[0].range.end.column, 17);
  EXPECT_EQ(f[0].message, "'Recieves' is a misspelling of 'Receives'");
  EXPECT_EQ(f[1].range.start.column, 31);
  EXPECT_EQ(f[1].message, "'seperately' is a misspelling of 'separately'");
  ASSERT_NE(f[0].fixed_text, nullptr);
  EXPECT_EQ(*f[0].fixed_text, "# KEP-5302: X\n\nIt héé Receives `teh` data, separately.\n");
  EXPECT_EQ(f[1].fixed_text, f[0].fixed_text);
}

}  // namespace
}  // namespace keplint
