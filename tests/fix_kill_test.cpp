// `--fix` killed at random moments never loses the user's text: after SIGKILL at any point the
// README is byte for byte the old version or the fixed one. Temporary files a kill leaves
// behind (".README.md.keplint-<digits>") are inert for lint runs and removed by the next --fix.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

#include "git_fixture.h"
#include "repo/process.h"

extern char** environ;

namespace keplint {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> leftovers(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::string name = entry.path().filename().string();
    if (name.starts_with(".README.md.keplint-")) names.push_back(name);
  }
  return names;
}

// Starts kep-lint with its output discarded; returns the pid.
pid_t spawn_kep_lint(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {KEP_LINT_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<char*> raw;
  for (std::string& a : argv) raw.push_back(a.data());
  raw.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  pid_t pid = -1;
  int rc = posix_spawn(&pid, raw[0], &actions, nullptr, raw.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("posix_spawn failed");
  return pid;
}

int wait_status(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return status;
}

TEST(FixKillTest, SigkillAtAnyMomentLeavesTheOldOrTheFixedFile) {
  testing::TempDir tmp;
  fs::path root = tmp.path() / "repo";
  fs::path dir = root / "keps/sig-node/1000-big";
  fs::path readme = dir / "README.md";
  testing::write_file(
      dir / "kep.yaml",
      "title: Big\nkep-number: \"1000\"\nauthors:\n  - \"@a\"\nowning-sig: sig-node\n"
      "status: provisional\ncreation-date: 2024-01-10\nreviewers:\n  - \"@b\"\n"
      "approvers:\n  - \"@c\"\n");
  // About 2 MB with 14000 headings: the TOC is stale (empty) and the fix rewrites it all.
  std::string old_text = "# KEP-1000: Big\n\n<!-- toc -->\n<!-- /toc -->\n\n";
  for (int i = 0; i < 14000; ++i) {
    old_text +=
        "## Section " + std::to_string(i) + "\n\n" + std::string(140, 'a' + i % 26) + "\n\n";
  }
  testing::write_file(readme, old_text);
  const std::vector<std::string> args = {"--repo", root.string(), "--fix", "-q"};

  // One uninterrupted run gives the fixed text and how long a run takes.
  auto start = Clock::now();
  int status = wait_status(spawn_kep_lint(args));
  auto full_run = Clock::now() - start;
  ASSERT_TRUE(WIFEXITED(status)) << status;
  std::string fixed_text = read_text(readme);
  ASSERT_NE(fixed_text, old_text);
  ASSERT_NE(fixed_text.find("- [Section 13999](#section-13999)"), std::string::npos);
  ASSERT_TRUE(leftovers(dir).empty());

  // The first kills are spread over a whole run; the rest aim at the window between the last
  // moment a kill found the old text and the first it found the fixed one: the write.
  std::mt19937 rng(12345);
  using Micros = std::chrono::microseconds;
  Micros lo{0}, hi = std::chrono::duration_cast<Micros>(full_run * 11 / 10);
  Micros last_old{0}, first_fixed = hi;
  int old_count = 0, fixed_count = 0, with_leftovers = 0;
  constexpr int kIterations = 60;
  for (int i = 0; i < kIterations; ++i) {
    if (i == kIterations / 3 && last_old < first_fixed) {
      Micros margin = (first_fixed - last_old) / 4 + Micros(2000);
      lo = std::max(Micros(0), last_old - margin);
      hi = first_fixed + margin;
    }
    Micros delay = lo + Micros(rng() % static_cast<unsigned>((hi - lo).count() + 1));
    testing::write_file(readme, old_text);
    pid_t pid = spawn_kep_lint(args);
    std::this_thread::sleep_for(delay);
    ::kill(pid, SIGKILL);
    wait_status(pid);
    std::string now = read_text(readme);
    ASSERT_TRUE(now == old_text || now == fixed_text)
        << "iteration " << i << ": README.md is neither the old nor the fixed text (" << now.size()
        << " bytes)";
    if (now == old_text) {
      ++old_count;
      last_old = std::max(last_old, delay);
    } else {
      ++fixed_count;
      first_fixed = std::min(first_fixed, delay);
    }
    if (!leftovers(dir).empty()) ++with_leftovers;
  }
  std::cout << "[ kill     ] " << kIterations << " kills, a run takes "
            << std::chrono::duration_cast<std::chrono::milliseconds>(full_run).count()
            << " ms, the write ends between " << last_old.count() / 1000 << " and "
            << first_fixed.count() / 1000 << " ms: " << old_count << " old, " << fixed_count
            << " fixed, " << with_leftovers << " with a temporary file left\n";
  // Both outcomes happened, or the test did not probe the interesting window.
  EXPECT_GT(old_count, 0);
  EXPECT_GT(fixed_count, 0);

  // Whatever was left behind: a plain lint run ignores it...
  testing::write_file(dir / ".README.md.keplint-123456", old_text.substr(0, 1000));
  ProcessResult lint = run_process({KEP_LINT_BINARY, "--repo", root.string(), "--format", "json"});
  EXPECT_EQ(lint.out.find("keplint-"), std::string::npos) << lint.out;
  // ...and the next --fix of the file removes it (a file that only looks similar stays).
  testing::write_file(dir / ".README.md.keplint-12x", "not ours");
  testing::write_file(readme, old_text);
  EXPECT_TRUE(WIFEXITED(wait_status(spawn_kep_lint(args))));
  EXPECT_EQ(read_text(readme), fixed_text);
  EXPECT_EQ(leftovers(dir), std::vector<std::string>{".README.md.keplint-12x"});
}

}  // namespace
}  // namespace keplint
