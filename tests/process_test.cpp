#include "repo/process.h"

#include <gtest/gtest.h>

#include "git_fixture.h"

namespace keplint {
namespace {

TEST(Process, CapturesStdoutStderrAndExitCode) {
  ProcessResult r = run_process({"sh", "-c", "echo out; echo err >&2; exit 3"});
  EXPECT_EQ(r.out, "out\n");
  EXPECT_EQ(r.err, "err\n");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.term_signal, 0);
  EXPECT_FALSE(r.ok());
}

TEST(Process, PassesArgumentsVerbatimWithoutAShell) {
  // Spaces, quotes, globs and $ would all be mangled by a shell.
  ProcessResult r = run_process({"printf", "%s|", "a b", "'q'", "*", "$HOME", ""});
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(r.out, "a b|'q'|*|$HOME||");
}

TEST(Process, RunsInTheWorkingDirectory) {
  testing::TempDir dir;
  ProcessOptions options;
  options.working_dir = dir.path();
  ProcessResult r = run_process({"pwd", "-P"}, options);
  EXPECT_EQ(r.out, std::filesystem::canonical(dir.path()).string() + "\n");
}

TEST(Process, LargeOutputOnBothStreamsDoesNotHang) {
  // Far more than a pipe buffer on each stream, stderr first: a sequential reader deadlocks.
  ProcessResult r = run_process(
      {"sh", "-c", "head -c 3000000 /dev/zero >&2; head -c 5000000 /dev/zero; echo done >&2"});
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(r.out.size(), 5000000u);
  EXPECT_EQ(r.err.size(), 3000000u + 5);
}

TEST(Process, StdinIsEmptySoTheChildNeverWaitsForInput) {
  ProcessResult r = run_process({"cat"});
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(r.out, "");
}

TEST(Process, InheritsEnvironmentAndAppliesOverrides) {
  ::setenv("KEPLINT_PROCESS_TEST_INHERITED", "kept", 1);
  ProcessOptions options;
  options.env_overrides = {{"KEPLINT_PROCESS_TEST_SET", "new"}, {"HOME", "/nowhere"}};
  ProcessResult r = run_process(
      {"sh", "-c", "echo $KEPLINT_PROCESS_TEST_INHERITED $KEPLINT_PROCESS_TEST_SET $HOME"},
      options);
  EXPECT_EQ(r.out, "kept new /nowhere\n");
}

TEST(Process, ReportsDeathBySignal) {
  ProcessResult r = run_process({"sh", "-c", "kill -9 $$"});
  EXPECT_EQ(r.term_signal, 9);
  EXPECT_EQ(r.exit_code, 128 + 9);
  EXPECT_FALSE(r.ok());
}

TEST(Process, MissingProgramThrows) {
  EXPECT_THROW(run_process({"keplint-no-such-program-xyz"}), ProcessError);
  EXPECT_THROW(run_process({}), ProcessError);
}

TEST(Process, MissingWorkingDirectoryThrows) {
  ProcessOptions options;
  options.working_dir = "/nonexistent/keplint/dir";
  EXPECT_THROW(run_process({"true"}, options), ProcessError);
}

}  // namespace
}  // namespace keplint
