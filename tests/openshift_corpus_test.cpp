// Lints the real openshift/enhancements snapshot when it is next to the source tree
// (../shared/corpus/openshift-enhancements); skipped elsewhere. No pack is named: the repository
// must be recognised as openshift's, every enhancement must be found (enhancements/**/*.md but
// README.md files and the study attached to the direct-OIDC enhancements: 606 - 2), and the
// findings the calibration (docs/calibration.md) relies on must be there.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>

#include "corpus_dir.h"
#include "engine/linter.h"
#include "engine/session.h"

namespace keplint {
namespace {

namespace fs = std::filesystem;

const fs::path kCorpus = testing::corpus_dir();

TEST(Corpus, LintsOpenshiftEnhancements) {
  fs::path repo = kCorpus / "openshift-enhancements";
  if (!fs::is_directory(repo / "enhancements")) GTEST_SKIP() << "no corpus at " << repo;

  SessionOptions options;
  options.repo_dir = repo;  // no pack: detected from enhancements/README.md and the template
  Session session = open_session(options);
  ASSERT_EQ(session.pack->name, "openshift");
  Report report = lint(*session.run, {});

  std::set<std::string> expected;
  for (const auto& entry : fs::recursive_directory_iterator(repo / "enhancements")) {
    if (!entry.is_regular_file() || entry.path().extension() != ".md") continue;
    if (entry.path().filename() == "README.md") continue;
    std::string path = entry.path().lexically_relative(repo).generic_string();
    if (path.rfind("enhancements/authentication/direct-oidc-study/", 0) == 0) continue;
    expected.insert(path);
  }
  std::set<std::string> found(report.proposals.begin(), report.proposals.end());
  EXPECT_EQ(found, expected);
  EXPECT_EQ(found.size(), 604u);
  EXPECT_FALSE(found.count("guidelines/enhancement_template.md"));

  // Every finding is about an enhancement, from the openshift pack.
  for (const Finding& f : report.findings) {
    EXPECT_TRUE(found.count(f.path)) << f.path << ": " << f.rule_id << " " << f.message;
    EXPECT_EQ(f.rule_id.rfind("OSE", 0), 0u) << f.path << ": " << f.rule_id;
  }
  auto count = [&](const std::string& rule, const std::string& text) {
    return std::count_if(report.findings.begin(), report.findings.end(), [&](const Finding& f) {
      return f.rule_id == rule && f.message.find(text) != std::string::npos;
    });
  };
  // The findings the calibration (docs/calibration.md) relies on.
  EXPECT_EQ(count("OSE001", "no YAML front matter"), 5);  // 3 start with a blank line
  EXPECT_EQ(count("OSE001", "duplicate key 'see-also'"), 1);
  EXPECT_EQ(count("OSE001", "YAML syntax error"), 32);
  EXPECT_EQ(count("OSE003", "status 'draft'"), 1);
  EXPECT_EQ(count("OSE003", "status 'superseded'"), 1);
  EXPECT_EQ(count("OSE004", "'yyyy-mm-dd'"), 9);
  EXPECT_EQ(count("OSE004", "it has month "), 5);  // 2020-23-01 (2), 2021-21-01 (2), 2025-28-25
  EXPECT_EQ(count("OSE006", "'Superseded-by'"), 1);
}

}  // namespace
}  // namespace keplint
