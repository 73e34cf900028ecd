// The binary's output, every format byte for byte, does not depend on the thread count or on the
// run: the example repository (planted mistakes in several proposals) linted with --jobs 1 and
// with more threads than proposals, run after run.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "git_fixture.h"
#include "repo/process.h"

namespace keplint {
namespace {

namespace fs = std::filesystem;

constexpr const char* kFormats[] = {"text",  "json",  "annotations", "github",
                                    "sarif", "junit", "rdjson",      "markdown"};

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// format -> output, plus "exit" and "stderr".
std::map<std::string, std::string> run_all_formats(const fs::path& out_dir,
                                                   const std::string& jobs) {
  fs::create_directories(out_dir);
  std::vector<std::string> argv = {KEP_LINT_BINARY,
                                   "--repo",
                                   std::string(KEP_LINT_SOURCE_DIR) + "/examples/enhancements",
                                   "--color",
                                   "never",
                                   "--jobs",
                                   jobs};
  for (const char* format : kFormats) {
    argv.push_back("--format");
    argv.push_back(std::string(format) + ":" + (out_dir / format).string());
  }
  ProcessResult r = run_process(argv);
  std::map<std::string, std::string> outputs;
  outputs["exit"] = std::to_string(r.exit_code);
  outputs["stderr"] = r.err;
  for (const char* format : kFormats) outputs[format] = read_text(out_dir / format);
  return outputs;
}

TEST(CliDeterminismTest, EveryFormatIsIdenticalForAnyThreadCountRunAfterRun) {
  testing::TempDir tmp;
  std::map<std::string, std::string> expected = run_all_formats(tmp.path() / "base", "1");
  ASSERT_EQ(expected["exit"], "1") << expected["stderr"];
  for (const char* format : kFormats) {
    ASSERT_FALSE(expected[format].empty()) << format;
  }
  int round = 0;
  for (const char* jobs : {"1", "16", "3", "16", "2"}) {
    std::map<std::string, std::string> again =
        run_all_formats(tmp.path() / std::to_string(++round), jobs);
    for (const auto& [what, text] : expected) {
      EXPECT_EQ(again[what], text)
          << what << " differs with --jobs " << jobs << " (round " << round << ")";
    }
  }
}

}  // namespace
}  // namespace keplint
