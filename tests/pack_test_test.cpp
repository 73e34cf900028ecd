// `kep-lint pack test` (engine/pack_test.h): a pack's rules against their own examples.
#include "engine/pack_test.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "git_fixture.h"
#include "repo/process.h"

namespace keplint {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

const fs::path kBroken = fs::path(KEP_LINT_SOURCE_DIR) / "testdata" / "pack-test" / "broken";

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
