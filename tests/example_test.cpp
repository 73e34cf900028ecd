// Runs the kep-lint binary on examples/enhancements and checks that every planted mistake is
// reported by the intended rule at the intended place, and that the clean KEPs stay clean.
// examples/enhancements/README.md lists the mistakes; keep the two in step.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "git_fixture.h"
#include "repo/process.h"

namespace keplint {
namespace {

const std::string kExample = std::string(KEP_LINT_SOURCE_DIR) + "/examples/enhancements";

// Runs the binary with a clean, predictable environment (no CI auto-detection, no colour).
ProcessResult run_kep_lint(std::vector<std::string> args) {
  args.insert(args.begin(), KEP_LINT_BINARY);
  ProcessOptions options;
  options.working_dir = kExample;
  options.env_overrides = {{"GITHUB_ACTIONS", ""}, {"NO_COLOR", "1"}};
  return run_process(args, options);
}

struct Seen {
  std::string rule;
  std::string severity;
  std::string path;
  int line = 0;
  std::string message;
};

std::vector<Seen> findings_of(const ProcessResult& r) {
  nlohmann::json doc = nlohmann::json::parse(r.out);
  std::vector<Seen> out;
  for (const auto& f : doc.at("findings")) {
    out.push_back({f.at("rule").get<std::string>(), f.at("severity").get<std::string>(),
                   f.at("path").get<std::string>(), f.at("range").at("start").at("line").get<int>(),
                   f.at("message").get<std::string>()});
  }
  return out;
}

std::string describe(const std::vector<Seen>& findings) {
  std::string s;
  for (const Seen& f : findings) {
    s += "  " + f.path + ":" + std::to_string(f.line) + " " + f.severity + "[" + f.rule + "] " +
         f.message + "\n";
  }
  return s;
}

struct Planted {
  const char* what;
  const char* rule;
  const char* severity;
  const char* path;
  int line;         // 0 = about the file as a whole
  const char* say;  // a piece of the message
};

// One row per finding examples/enhancements/README.md promises.
const Planted kPlanted[] = {
    {"misspelled status", "KEP003", "error", "keps/sig-apps/4102-rollout-pause-budget/kep.yaml", 6,
     "did you mean 'implemented'?"},
    {"impossible date", "KEP011", "error", "keps/sig-apps/4102-rollout-pause-budget/kep.yaml", 7,
     "2023-02-30"},
    {"unknown owning SIG", "KEP009", "error",
     "keps/sig-network/2950-endpoint-hints-dry-run/kep.yaml", 5, "did you mean 'sig-network'?"},
    {"owning SIG differs from its directory", "KEP014", "warning",
     "keps/sig-network/2950-endpoint-hints-dry-run/kep.yaml", 5, "sig-netwrok"},
    {"PRR file under the wrong SIG", "KEP046", "error", "keps/prod-readiness/sig-apps/3311.yaml", 1,
     "keps/prod-readiness/sig-cli/3311.yaml"},
    {"PRR file missing where the KEP expects it", "KEP040", "error",
     "keps/sig-cli/3311-kubectl-explain-examples/kep.yaml", 6,
     "keps/prod-readiness/sig-cli/3311.yaml"},
    // KEP012 has whole-repo-severity: warning (ZeroPaddedNumberIsAnErrorOnAChangedKep checks the
    // error).
    {"zero-padded kep-number", "KEP012", "warning",
     "keps/sig-scheduling/998-queue-fairness-hints/kep.yaml", 2, "0998"},
    {"kep-number differs from its directory", "KEP013", "error",
     "keps/sig-scheduling/998-queue-fairness-hints/kep.yaml", 2, "('998')"},
    {"stale table of contents", "KEP050", "error",
     "keps/sig-apps/4102-rollout-pause-budget/README.md", 17,
     "expected `  - [Version Skew Strategy](#version-skew-strategy)`"},
    {"missing README", "KEP030", "error", "keps/sig-scheduling/998-queue-fairness-hints/kep.yaml",
     1, "README.md does not exist"},
    {"UNRESOLVED block never closed", "KEP066", "error",
     "keps/sig-network/2950-endpoint-hints-dry-run/README.md", 41,
     "UNRESOLVED block is never closed"},
};

// Everything under these paths must be free of errors.
const char* const kClean[] = {
    "keps/sig-node/4021-pod-warmup-hints/",
    "keps/prod-readiness/sig-node/4021.yaml",
    "keps/sig-instrumentation/3500-structured-event-counters/",
    "keps/prod-readiness/sig-instrumentation/3500.yaml",
    "keps/sig-storage/3877-volume-snapshot-labels/",
    "keps/sig-auth/4210-token-audience-hints/",
    "keps/prod-readiness/sig-auth/4210.yaml",
    "keps/NNNN-kep-template/",
    "OWNERS_ALIASES",
};

// The whole-repository run the first three tests examine, made once.
const ProcessResult& whole_repository_run() {
  static const ProcessResult result = run_kep_lint({"--format", "json", "--quiet"});
  return result;
}

bool under(const std::string& path, const std::string& prefix) {
  return prefix.back() == '/' ? path.rfind(prefix, 0) == 0 : path == prefix;
}

TEST(Example, WholeRepositoryReportsEveryPlantedMistake) {
  const ProcessResult& r = whole_repository_run();
  ASSERT_EQ(r.exit_code, 1) << "findings at error level must fail the run\n" << r.err;
  std::vector<Seen> findings = findings_of(r);
  for (const Planted& p : kPlanted) {
    bool found = false;
    for (const Seen& f : findings) {
      if (f.rule == p.rule && f.path == p.path && f.line == p.line && f.severity == p.severity &&
          f.message.find(p.say) != std::string::npos) {
        found = true;
      }
    }
    EXPECT_TRUE(found) << p.what << ": expected " << p.severity << "[" << p.rule << "] at "
                       << p.path << ":" << p.line << " saying \"" << p.say << "\"; got\n"
                       << describe(findings);
  }
}

TEST(Example, CleanKepsHaveNoErrors) {
  const ProcessResult& r = whole_repository_run();
  std::vector<Seen> bad;
  for (const Seen& f : findings_of(r)) {
    if (f.severity != "error") continue;
    for (const char* prefix : kClean) {
      if (under(f.path, prefix)) bad.push_back(f);
    }
  }
  EXPECT_TRUE(bad.empty()) << "errors in KEPs meant to be clean:\n" << describe(bad);
}

TEST(Example, EveryErrorIsAPlantedOne) {
  // A new rule that fires on the example must be documented there (or the example fixed).
  const ProcessResult& r = whole_repository_run();
  std::vector<Seen> unexpected;
  for (const Seen& f : findings_of(r)) {
    bool planted = false;
    for (const Planted& p : kPlanted) {
      if (f.rule == p.rule && f.path == p.path && f.line == p.line) planted = true;
    }
    if (!planted && f.severity == "error") unexpected.push_back(f);
  }
  EXPECT_TRUE(unexpected.empty()) << "errors examples/enhancements/README.md does not explain:\n"
                                  << describe(unexpected);
}

// `--files-from -` would read stdin, which run_process ties to /dev/null: use a list file.
ProcessResult run_on_changed_files(const std::vector<std::string>& files) {
  testing::TempDir dir;
  std::filesystem::path list = dir.path() / "changed.txt";
  {
    std::ofstream out(list);
    for (const std::string& f : files) out << f << "\n";
  }
  return run_kep_lint({"--format", "json", "--quiet", "--files-from", list.string()});
}

TEST(Example, OneCleanKepFromAChangedFileListPasses) {
  ProcessResult r = run_on_changed_files({"keps/sig-node/4021-pod-warmup-hints/kep.yaml",
                                          "keps/sig-node/4021-pod-warmup-hints/README.md"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(findings_of(r).empty()) << r.out;
}

// The README rules against the template (KEP060-KEP063) are off on whole-repository runs: only a
// KEP a change touches must answer the PRR questions its stage requires.
TEST(Example, UnansweredPrrQuestionIsAnErrorOnlyOnAChangedKep) {
  const char* readme = "keps/sig-cli/3311-kubectl-explain-examples/README.md";
  auto unanswered = [&](const std::vector<Seen>& findings) {
    int n = 0;
    for (const Seen& f : findings) {
      if (f.rule == "KEP063" && f.path == readme && f.line == 70 && f.severity == "error" &&
          f.message.find("Can the feature be disabled once it has been enabled?") !=
              std::string::npos) {
        ++n;
      }
    }
    return n;
  };
  ProcessResult r = run_on_changed_files({readme});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  std::vector<Seen> changed = findings_of(r);
  EXPECT_EQ(unanswered(changed), 1) << describe(changed);
  for (const Seen& f : findings_of(whole_repository_run())) {
    EXPECT_NE(f.rule, "KEP063") << "KEP063 is off on whole-repository runs: " << f.path << ":"
                                << f.line;
  }
}

TEST(Example, ZeroPaddedNumberIsAnErrorOnAChangedKep) {
  ProcessResult r = run_on_changed_files({"keps/sig-scheduling/998-queue-fairness-hints/kep.yaml"});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  bool reported = false;
  for (const Seen& f : findings_of(r)) {
    if (f.rule == "KEP012" && f.severity == "error" && f.line == 2) reported = true;
  }
  EXPECT_TRUE(reported) << r.out;
}

TEST(Example, OneBrokenKepFromAChangedFileListReportsOnlyThatKep) {
  ProcessResult r = run_on_changed_files({"keps/sig-apps/4102-rollout-pause-budget/kep.yaml"});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  std::vector<Seen> findings = findings_of(r);
  bool status_reported = false;
  for (const Seen& f : findings) {
    if (f.rule == "KEP003") status_reported = true;
    EXPECT_EQ(f.path.rfind("keps/sig-apps/4102-rollout-pause-budget/", 0), 0u)
        << "a one-KEP change reports only on that KEP:\n"
        << describe(findings);
  }
  EXPECT_TRUE(status_reported) << describe(findings);
}

}  // namespace
}  // namespace keplint
