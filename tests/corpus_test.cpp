// Lints the real kubernetes/enhancements snapshot when it is next to the source tree
// (../shared/corpus/kubernetes-enhancements); skipped elsewhere. Upstream CI accepts every
// kep.yaml in it, so kep-lint must parse them all, and it must find every KEP.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>

#include "corpus_dir.h"
#include "engine/linter.h"
#include "engine/release_readiness.h"
#include "engine/session.h"
#include "message_hygiene.h"

namespace keplint {
namespace {

namespace fs = std::filesystem;

const fs::path kCorpus = testing::corpus_dir();

// Upstream's verify-node-approvers passes on the snapshot, so the SIG Node approver rules must
// report nothing there: with the planned release derived from the repository, and given.
// Spelling reports the calibrated misspellings (docs/calibration.md), warnings in a whole run.
TEST(Corpus, NodeApproversAndSpellingMatchUpstream) {
  fs::path repo = kCorpus / "kubernetes-enhancements";
  if (!fs::is_directory(repo / "keps")) GTEST_SKIP() << "no corpus at " << repo;
  for (const char* release : {"", "v1.37"}) {
    SessionOptions options;
    options.repo_dir = repo;
    options.pack = "kubernetes";
    if (*release) options.variables["release"] = release;
    Session session = open_session(options);
    Report report = lint(*session.run, {});
    int spelling = 0;
    for (const Finding& f : report.findings) {
      bool node = f.rule_id >= "KEP090" && f.rule_id <= "KEP097";
      EXPECT_FALSE(node) << release << ": " << f.path << ":" << f.range.start.line << " "
                         << f.rule_id << " " << f.message;
      if (f.rule_id == "KEP100") {
        ++spelling;
        EXPECT_EQ(f.severity, Severity::Warning) << f.path;
      }
    }
    EXPECT_EQ(spelling, 70) << release;
  }
}

TEST(Corpus, LintsKubernetesEnhancements) {
  fs::path repo = kCorpus / "kubernetes-enhancements";
  if (!fs::is_directory(repo / "keps")) GTEST_SKIP() << "no corpus at " << repo;

  SessionOptions options;
  options.repo_dir = repo;
  options.pack = "kubernetes";
  fs::path sigs = kCorpus / "kubernetes-community" / "sigs.yaml";
  if (fs::is_regular_file(sigs)) options.dataset_files["sigs"] = sigs;
  Session session = open_session(options);
  Report report = lint(*session.run, {});

  // Every directory with a kep.yaml is a KEP, except the two templates (656 - 2).
  std::set<std::string> expected;
  for (const auto& entry : fs::recursive_directory_iterator(repo / "keps")) {
    if (entry.path().filename() != "kep.yaml") continue;
    std::string dir = entry.path().parent_path().lexically_relative(repo).generic_string();
    if (dir != "keps/NNNN-kep-template" &&
        dir != "keps/sig-cloud-provider/providers/0000-cloud-provider-template") {
      expected.insert(dir);
    }
  }
  std::set<std::string> found(report.proposals.begin(), report.proposals.end());
  EXPECT_EQ(found, expected);
  EXPECT_EQ(found.size(), 654u);
  EXPECT_FALSE(found.count("keps/NNNN-kep-template"));

  for (const Finding& f : report.findings) {
    bool metadata = f.path.size() >= 9 && f.path.compare(f.path.size() - 9, 9, "/kep.yaml") == 0;
    EXPECT_FALSE(metadata && (f.rule_id == "KEP001" || f.rule_id == "KEP002"))
        << f.path << ":" << f.range.start.line << ": " << f.rule_id << " " << f.message;
  }
  // Upstream's metadata test passes on the snapshot, so kep-lint's gate of upstream's PRR
  // algorithm (and the shapes upstream's parsers accept, `disable-supported: yes` among them)
  // reports nothing there.
  for (const Finding& f : report.findings) {
    for (const char* id :
         {"KEP008", "KEP040", "KEP041", "KEP043", "KEP044", "KEP047", "KEP048", "KEP049"}) {
      EXPECT_NE(f.rule_id, id) << f.path << ":" << f.range.start.line << ": " << f.message;
    }
    std::string problem = testing::message_problem(f);
    EXPECT_TRUE(problem.empty()) << f.path << ":" << f.range.start.line << " " << f.rule_id << " "
                                 << f.message << ": " << problem;
  }
  // The findings the calibration (docs/calibration.md) relies on are there.
  auto has = [&](const std::string& rule, const std::string& text) {
    return std::any_of(report.findings.begin(), report.findings.end(), [&](const Finding& f) {
      return f.rule_id == rule && f.message.find(text) != std::string::npos;
    });
  };
  EXPECT_TRUE(has("KEP003", "'imlpemented'"));
  EXPECT_TRUE(has("KEP003", "'implemented (alpha)'"));
  // Two kep.yaml files have impossible months (2023-14-05, 2025-30-01).
  EXPECT_EQ(std::count_if(report.findings.begin(), report.findings.end(),
                          [](const Finding& f) {
                            return f.rule_id == "KEP011" &&
                                   f.message.find("it has month ") != std::string::npos;
                          }),
            2);
}

// Every KEP linted as changed (every rule at its own severity, KEP060-KEP063 included): no message
// shows an unfilled placeholder or a raw regex.
TEST(Corpus, MessagesOfEveryRuleAreReadable) {
  fs::path repo = kCorpus / "kubernetes-enhancements";
  if (!fs::is_directory(repo / "keps")) GTEST_SKIP() << "no corpus at " << repo;
  SessionOptions options;
  options.repo_dir = repo;
  options.pack = "kubernetes";
  options.variables["release"] = "v1.37";
  Session session = open_session(options);
  LintOptions lint_options;
  lint_options.changed_files = session.repo->walk("keps");
  Report report = lint(*session.run, lint_options);
  std::set<std::string> rules;
  for (const Finding& f : report.findings) {
    rules.insert(f.rule_id);
    std::string problem = testing::message_problem(f);
    EXPECT_TRUE(problem.empty()) << f.path << ":" << f.range.start.line << " " << f.rule_id << " "
                                 << f.message << ": " << problem;
  }
  EXPECT_GT(rules.size(), 30u);  // the run exercised most of the pack
}

// `report --release v1.37` over the snapshot: the 92 KEPs that target it, linted by name, so the
// freeze rules that are off in whole-repo runs (KEP062, KEP063) count.
TEST(Corpus, ReleaseReadinessHoldsTargetedKepsToTheirOwnSeverity) {
  fs::path repo = kCorpus / "kubernetes-enhancements";
  if (!fs::is_directory(repo / "keps")) GTEST_SKIP() << "no corpus at " << repo;
  SessionOptions options;
  options.repo_dir = repo;
  options.pack = "kubernetes";
  options.variables["release"] = "v1.37";
  Session session = open_session(options);
  LintOptions lint_options;
  lint_options.paths = release_targets(*session.run, session.run->all_proposals());
  ASSERT_EQ(lint_options.paths.size(), 92u);
  Report report = lint(*session.run, lint_options);
  std::vector<ReleaseEntry> entries = release_readiness(*session.run, report);
  ASSERT_EQ(entries.size(), 92u);
  std::size_t not_ready = 0, by_questionnaire = 0;
  for (const ReleaseEntry& e : entries) {
    if (e.ready) continue;
    ++not_ready;
    EXPECT_FALSE(e.problems.empty()) << e.proposal;
    for (const ReleaseProblem& p : e.problems) {
      EXPECT_FALSE(p.message.empty()) << e.proposal;
      if (p.rule.starts_with("KEP063")) ++by_questionnaire;
    }
  }
  EXPECT_EQ(not_ready, 29u);  // docs/calibration.md, "Freeze v1.37"
  EXPECT_EQ(by_questionnaire, 38u);
}

}  // namespace
}  // namespace keplint
