// Lints the real gateway-api, cluster-api and open-cluster-management snapshots when they are next
// to the source tree (../shared/corpus/); skipped elsewhere. No pack is named: each repository
// must be recognised, every proposal found, and the findings per rule must be the ones the
// calibration (docs/calibration.md) read by hand. A second run lints every proposal as changed,
// where the template-heading rules (off on whole-repository runs) apply.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "corpus_dir.h"
#include "engine/linter.h"
#include "engine/session.h"

namespace keplint {
namespace {

namespace fs = std::filesystem;

const fs::path kCorpus = testing::corpus_dir();

std::map<std::string, int> count_by_rule(const Report& report) {
  std::map<std::string, int> counts;
  for (const Finding& f : report.findings) ++counts[f.rule_id];
  return counts;
}

int count(const Report& report, const std::string& rule, const std::string& text) {
  int n = 0;
  for (const Finding& f : report.findings) {
    if (f.rule_id == rule && f.message.find(text) != std::string::npos) ++n;
  }
  return n;
}

struct CorpusRun {
  Report whole;
  Report changed;  // every file under `tree` as changed
};

// Lints `repo` twice, whole and with every file under `tree` as changed; the pack is detected
// and must be `pack`.
bool lint_corpus(const fs::path& repo, const std::string& pack, const std::string& tree,
                 CorpusRun& out) {
  SessionOptions options;
  options.repo_dir = repo;
  Session session = open_session(options);
  EXPECT_EQ(session.pack->name, pack);
  if (session.pack->name != pack) return false;
  out.whole = lint(*session.run, {});
  LintOptions changed;
  changed.changed_files = session.repo->walk(tree);
  out.changed = lint(*session.run, changed);
  return true;
}

TEST(Corpus, LintsGatewayApiGeps) {
  fs::path repo = kCorpus / "kubernetes-sigs-gateway-api";
  if (!fs::is_directory(repo / "geps")) GTEST_SKIP() << "no corpus at " << repo;
  CorpusRun run;
  ASSERT_TRUE(lint_corpus(repo, "gateway-api", "geps", run));

  // 61 geps/gep-N directories, less the template GEP-696; _history/ is not under geps/.
  std::set<std::string> found(run.whole.proposals.begin(), run.whole.proposals.end());
  EXPECT_EQ(found.size(), 60u);
  EXPECT_FALSE(found.count("geps/gep-696"));
  EXPECT_TRUE(found.count("geps/gep-1748"));

  std::map<std::string, int> expected{{"GEP004", 1}, {"GEP005", 1}, {"GEP006", 4},
                                      {"GEP009", 4}, {"GEP013", 3}, {"GEP015", 2}};
  EXPECT_EQ(count_by_rule(run.whole), expected);
  EXPECT_EQ(count(run.whole, "GEP005", "status 'Accepted'"), 1);
  EXPECT_EQ(count(run.whole, "GEP006", "at the top level"),
            4);  // extends, extendedBy, seeAlso, type
  EXPECT_EQ(count(run.whole, "GEP004", "v1alpha2"), 1);
  EXPECT_EQ(count(run.whole, "GEP009", "names no proposal"), 3);  // 1426, 4274, 4271
  EXPECT_EQ(count(run.whole, "GEP009", "does not name geps/gep-1294 back"), 1);
  EXPECT_EQ(count(run.whole, "GEP015", "says 'Declined'"), 1);

  expected["GEP014"] = 159;
  EXPECT_EQ(count_by_rule(run.changed), expected);
}

TEST(Corpus, LintsClusterApiProposals) {
  fs::path repo = kCorpus / "kubernetes-sigs-cluster-api";
  if (!fs::is_directory(repo / "docs" / "proposals")) GTEST_SKIP() << "no corpus at " << repo;
  CorpusRun run;
  ASSERT_TRUE(lint_corpus(repo, "cluster-api", "docs/proposals", run));

  // 41 Markdown files, less the template, the two archived proposals and the implementation
  // notes attached to the in-place updates proposal.
  std::set<std::string> found(run.whole.proposals.begin(), run.whole.proposals.end());
  EXPECT_EQ(found.size(), 38u);
  EXPECT_FALSE(found.count("docs/proposals/YYYYMMDD-template.md"));
  EXPECT_TRUE(found.count("docs/proposals/20250124-From CAPD(docker) to CAPD(dev) .md"));

  std::map<std::string, int> expected{{"CAEP001", 5}, {"CAEP002", 1}, {"CAEP006", 1},
                                      {"CAEP008", 5}, {"CAEP011", 1}, {"CAEP013", 76},
                                      {"CAEP014", 3}, {"CAEP015", 7}};
  EXPECT_EQ(count_by_rule(run.whole), expected);
  // doctoc 2.5.0 would rewrite 3 tables (tests/doctoc_corpus_test.cpp) and insert 4.
  EXPECT_EQ(count(run.whole, "CAEP015", "no table of contents"), 4);
  EXPECT_EQ(count(run.whole, "CAEP001", "no YAML front matter"), 1);
  EXPECT_EQ(count(run.whole, "CAEP001", "YAML syntax error"), 4);
  EXPECT_EQ(count(run.whole, "CAEP002", "'last-updated' is missing"), 1);
  // The snapshot leaves out images and the book: 48 image and 19 book links point at files that
  // exist upstream. The rest are broken there too: 8 links to a proposal moved to archived/ and a
  // doctoc anchor with the heading's trailing space.
  EXPECT_EQ(count(run.whole, "CAEP013", "20230407-flexible-managed-k8s-endpoints.md"), 8);
  EXPECT_EQ(count(run.whole, "CAEP013", "'#improper-assumptions-'"), 1);

  expected["CAEP010"] = 59;
  EXPECT_EQ(count_by_rule(run.changed), expected);
}

TEST(Corpus, LintsOpenClusterManagementEnhancements) {
  fs::path repo = kCorpus / "open-cluster-management-io-enhancements";
  if (!fs::is_directory(repo / "enhancements")) GTEST_SKIP() << "no corpus at " << repo;
  CorpusRun run;
  ASSERT_TRUE(lint_corpus(repo, "open-cluster-management", "enhancements", run));

  // 64 directories, one without metadata.yaml (OCM011 reports its README).
  std::set<std::string> found(run.whole.proposals.begin(), run.whole.proposals.end());
  EXPECT_EQ(found.size(), 63u);

  std::map<std::string, int> expected{{"OCM002", 2},  {"OCM003", 2}, {"OCM004", 6},  {"OCM006", 1},
                                      {"OCM007", 1},  {"OCM009", 1}, {"OCM010", 2},  {"OCM011", 1},
                                      {"OCM013", 15}, {"OCM014", 4}, {"OCM015", 25}, {"OCM016", 4}};
  EXPECT_EQ(count_by_rule(run.whole), expected);
  EXPECT_EQ(count(run.whole, "OCM003", "'implemeted'"), 1);
  EXPECT_EQ(count(run.whole, "OCM003", "'provisionable'"), 1);
  EXPECT_EQ(count(run.whole, "OCM006", "'neat-enhancement-idea'"), 1);
  // Titles copied from another enhancement: 4 + 3 + 2 + 2 + 2 + 2 enhancements.
  EXPECT_EQ(count(run.whole, "OCM013", "'update-managedcluster-status-to-include-clusterinfo'"), 4);
  EXPECT_EQ(count(run.whole, "OCM014", "'/enhancements/8-addon-framework'"), 1);
  // 24 of the 25 point at images and example manifests the snapshot leaves out; one is a URL
  // wrapped in [ ], a relative link on GitHub.
  EXPECT_EQ(count(run.whole, "OCM015", "'[https://"), 1);
  EXPECT_EQ(count(run.whole, "OCM016", "no level-1 title"), 4);

  expected["OCM012"] = 113;
  EXPECT_EQ(count_by_rule(run.changed), expected);
}

}  // namespace
}  // namespace keplint
