// `kep-lint pack test` (engine/pack_test.h): a pack's rules against their own examples.
#include "engine/pack_test.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "engine/rule_error.h"
#include "git_fixture.h"
#include "repo/process.h"

namespace keplint {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

const fs::path kBroken = fs::path(KEP_LINT_SOURCE_DIR) / "testdata" / "pack-test" / "broken";
const fs::path kContext = fs::path(KEP_LINT_SOURCE_DIR) / "testdata" / "pack-test" / "context";

// The context pack's files, with `from` replaced by `to` in rules.yaml (which must contain it).
std::vector<PackFile> context_pack(const std::string& from = "", const std::string& to = "") {
  std::vector<PackFile> files;
  for (const char* name : {"pack.yaml", "rules.yaml"}) {
    std::ifstream in(kContext / name, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!from.empty() && std::string(name) == "rules.yaml") {
      std::size_t at = text.find(from);
      EXPECT_NE(at, std::string::npos) << from;
      if (at != std::string::npos) text.replace(at, from.size(), to);
    }
    files.push_back({name, text});
  }
  return files;
}

std::string load_error(const std::vector<PackFile>& files) {
  try {
    load_pack("context", files, "context");
  } catch (const RuleError& e) {
    return e.what();
  }
  return "the pack loaded";
}

TEST(PackTest, AWrongExampleThatDoesNotFireAndARightOneThatDoesFail) {
  testing::TempDir tmp;
  PackTestReport report = test_pack_examples(load_pack_directory(kBroken, true), tmp.path());
  EXPECT_EQ(report.rules_tested, 2);
  EXPECT_EQ(report.rules_failed, 1);
  EXPECT_FALSE(report.passed());
  ASSERT_EQ(report.outcomes.size(), 4u);
  EXPECT_TRUE(report.outcomes[0].passed);  // B001 wrong: fires
  EXPECT_THAT(report.outcomes[0].detail,
              HasSubstr("proposals/example/meta.yaml:1: status 'drfat' is not one of"));
  EXPECT_TRUE(report.outcomes[1].passed);  // B001 right: placed in proposals/example, quiet
  EXPECT_FALSE(report.outcomes[2].passed);
  EXPECT_FALSE(report.outcomes[3].passed);
  EXPECT_EQ(format_pack_test(report),
            "ok   B001 status-known (1 wrong, 1 right)\n"
            "FAIL B002 stage-known (1 wrong, 1 right)\n"
            "       wrong example meta.yaml: should fire: the rule reported nothing\n"
            "       right example meta.yaml: should stay quiet: proposals/example/meta.yaml:1: "
            "status 'gamma' is not one of: alpha, beta\n"
            "1 of 2 rules pass their examples\n");
}

TEST(PackTest, ExamplesCarryContextFilesAReleaseAndDirectoryListings) {
  testing::TempDir tmp;
  Pack pack = load_pack("context", context_pack(), "context");
  ASSERT_EQ(pack.rules.size(), 3u);
  EXPECT_EQ(pack.rules[0].example_release, "v1.2");
  ASSERT_EQ(pack.rules[1].example_context.size(), 2u);
  EXPECT_EQ(pack.rules[1].example_context[0].file, "meta.yaml");
  EXPECT_EQ(pack.rules[1].example_context[1].file, "TEMPLATE.md");
  PackTestReport report = test_pack_examples(pack, tmp.path());
  EXPECT_TRUE(report.passed()) << format_pack_test(report);
  EXPECT_EQ(report.rules_tested, 3);
  ASSERT_EQ(report.outcomes.size(), 6u);
  EXPECT_THAT(report.outcomes[0].detail, HasSubstr("proposals/example/meta.yaml:1:"));
  EXPECT_THAT(report.outcomes[2].detail, HasSubstr("proposals/example/README.md"));
  EXPECT_THAT(report.outcomes[4].detail, HasSubstr("proposals/example/"));
}

TEST(PackTest, WithoutTheirContextTheExamplesFail) {
  testing::TempDir tmp;
  // No release: C001 never runs, so its wrong example is quiet and its right one proves nothing.
  PackTestReport no_release = test_pack_examples(
      load_pack("context", context_pack("      release: v1.2\n", ""), "context"), tmp.path());
  EXPECT_EQ(no_release.rules_failed, 1);
  EXPECT_FALSE(no_release.outcomes[0].passed);
  EXPECT_FALSE(no_release.outcomes[1].passed);
  // No metadata saying `status: done`: C002's `when:` does not hold.
  PackTestReport no_metadata = test_pack_examples(
      load_pack("context",
                context_pack("        - {file: meta.yaml, text: \"status: done\\n\"}\n", ""),
                "context"),
      tmp.path());
  EXPECT_EQ(no_metadata.rules_failed, 1);
  EXPECT_FALSE(no_metadata.outcomes[2].passed);
  EXPECT_FALSE(no_metadata.outcomes[3].passed);
  EXPECT_THAT(no_metadata.outcomes[3].detail, HasSubstr("did not run"));
  // A context file the example names again: the example's text wins.
  PackTestReport overridden = test_pack_examples(
      load_pack(
          "context",
          context_pack("      right: [{file: README.md, text: \"# Example\\n\\n## Summary\\n\\n## "
                       "Design\\n\"}]",
                       "      right: [{file: meta.yaml, text: \"status: draft\\n\"}]"),
          "context"),
      tmp.path());
  EXPECT_FALSE(overridden.outcomes[3].passed);
}

TEST(PackTest, ExampleKeysAreValidated) {
  EXPECT_THAT(load_error(context_pack("      release: v1.2", "      release: 1.2")),
              HasSubstr("examples: 'release' must be a release written like v1.33"));
  EXPECT_THAT(load_error(context_pack("      release: v1.2", "      relase: v1.2")),
              HasSubstr("examples: unknown key 'relase' (did you mean 'release'? accepted: "
                        "context, release, right, wrong)"));
  EXPECT_THAT(load_error(context_pack("        - {file: meta.yaml, text:",
                                      "        - {file: meta.yaml, txt:")),
              HasSubstr("'text' is required"));
  EXPECT_THAT(load_error(context_pack("      context:\n        - {file: meta.yaml, text: \"status: "
                                      "done\\n\"}\n",
                                      "      context: meta.yaml\n      wrong2:\n")),
              HasSubstr("'context' must be a list of {file, text}"));
}

TEST(PackTest, TheOpenshiftPackPassesItsExamples) {
  testing::TempDir tmp;
  PackTestReport report = test_pack_examples(
      load_pack_directory(fs::path(KEP_LINT_SOURCE_DIR) / "rules" / "openshift", true), tmp.path());
  EXPECT_TRUE(report.passed()) << format_pack_test(report);
  EXPECT_GE(report.rules_tested, 6);
}

TEST(PackTest, Command) {
  ProcessResult broken = run_process({KEP_LINT_BINARY, "pack", "test", kBroken.string()});
  EXPECT_EQ(broken.exit_code, 1);
  EXPECT_THAT(broken.out, HasSubstr("FAIL B002 stage-known"));
  ProcessResult ok = run_process(
      {KEP_LINT_BINARY, "pack", "test", std::string(KEP_LINT_SOURCE_DIR) + "/rules/openshift"});
  EXPECT_EQ(ok.exit_code, 0) << ok.out << ok.err;
  EXPECT_THAT(ok.out, HasSubstr("6 of 6 rules pass their examples"));
  ProcessResult missing = run_process({KEP_LINT_BINARY, "pack", "test", kBroken.string() + "x"});
  EXPECT_EQ(missing.exit_code, 2);
}

}  // namespace
}  // namespace keplint
