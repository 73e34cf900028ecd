// The file size cap through the binary: --max-file-size and max-file-size in .kep-lint.yaml,
// which one wins, the finding for a file over the cap, and bad values (exit 2, with the place).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "git_fixture.h"
#include "repo/process.h"

namespace keplint {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using testing::write_file;

class CliMaxFileSizeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = tmp_.path() / "repo";
    std::string dir = "keps/sig-node/1-x/";
    write_file(root_ / dir / "kep.yaml",
               "title: X\nkep-number: \"1\"\nauthors:\n  - \"@a\"\nowning-sig: sig-node\n"
               "status: provisional\ncreation-date: 2024-01-10\nreviewers:\n  - \"@b\"\n"
               "approvers:\n  - \"@c\"\n");
    std::string readme = "# KEP-1: X\n\n";
    while (readme.size() < 3000) readme += "word ";
    readme += "\n";
    readme_size_ = readme.size();
    write_file(root_ / dir / "README.md", readme);
  }

  ProcessResult lint(std::vector<std::string> args) {
    std::vector<std::string> argv = {KEP_LINT_BINARY, "--repo",  root_.string(), "--pack",
                                     "kubernetes",    "--quiet", "--format",     "json"};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_process(argv);
  }

  // The messages of KEP032 findings about the size cap, by path.
  static std::map<std::string, std::string> size_findings(const ProcessResult& r) {
    std::map<std::string, std::string> out;
    nlohmann::json j = nlohmann::json::parse(r.out, nullptr, false);
    if (j.is_discarded()) return {{"not JSON", r.out + r.err}};
    for (const auto& f : j["findings"]) {
      std::string message = f["message"];
      if (message.find("over the limit") != std::string::npos) out[f["path"]] = message;
    }
    return out;
  }

  testing::TempDir tmp_;
  fs::path root_;
  std::size_t readme_size_ = 0;
};

TEST_F(CliMaxFileSizeTest, FileOverTheCapIsAFindingNamingTheLimit) {
  ProcessResult r = lint({"--max-file-size", "1k"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  auto found = size_findings(r);
  ASSERT_EQ(found.size(), 1u) << r.out;
  EXPECT_THAT(
      found["keps/sig-node/1-x/README.md"],
      HasSubstr("file is " + std::to_string(readme_size_) + " bytes, over the limit of 1 KiB"));
  // The default cap (4 MiB) reads it.
  EXPECT_TRUE(size_findings(lint({})).empty());
}

TEST_F(CliMaxFileSizeTest, ConfigSetsTheCapAndTheCommandLineWins) {
  write_file(root_ / ".kep-lint.yaml", "pack: kubernetes\nmax-file-size: 2K\n");
  auto from_config = size_findings(lint({}));
  ASSERT_EQ(from_config.size(), 1u);
  EXPECT_THAT(from_config.begin()->second, HasSubstr("over the limit of 2 KiB"));
  EXPECT_TRUE(size_findings(lint({"--max-file-size", "8k"})).empty());
}

TEST_F(CliMaxFileSizeTest, BadValuesAreUsageErrors) {
  for (const char* bad : {"12x", "0", "2G", ""}) {
    ProcessResult r = lint({"--max-file-size", bad});
    EXPECT_EQ(r.exit_code, 2) << bad;
    EXPECT_THAT(r.err, HasSubstr("--max-file-size")) << bad;
  }
  write_file(root_ / ".kep-lint.yaml", "pack: kubernetes\nmax-file-size: lots\n");
  ProcessResult r = lint({});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr(".kep-lint.yaml:2:"));
  EXPECT_THAT(r.err, HasSubstr("max-file-size"));
}

}  // namespace
}  // namespace keplint
