// `kep-lint --fix` end to end: the binary rewrites stale TOCs safely and only those files.
#include <sys/stat.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "repo/process.h"

namespace keplint {
namespace {

namespace fs = std::filesystem;

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

class FixTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("kep-lint-fix-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    write(root_ / "keps/sig-node/123-foo/kep.yaml",
          "title: Foo\nkep-number: \"123\"\nstatus: provisional\nowning-sig: sig-node\n"
          "authors: [\"@a\"]\napprovers: [\"@b\"]\n");
  }
  void TearDown() override { fs::remove_all(root_); }

  ProcessResult kep_lint(std::vector<std::string> args) {
    args.insert(args.begin(),
                {KEP_LINT_BINARY, "--repo", root_.string(), "-q", "--color", "never"});
    return run_process(args);
  }

  fs::path readme() const { return root_ / "keps/sig-node/123-foo/README.md"; }
  fs::path root_;
};

const char* kStale =
    "# KEP-123: Foo\n\n<!-- toc -->\n- [Summary](#summary)\n- [Old](#old)\n<!-- /toc -->\n\n"
    "## Summary\n\ntext\n\n## Motivation\n\n### Goals\n";
const char* kFixed =
    "# KEP-123: Foo\n\n<!-- toc -->\n- [Summary](#summary)\n- [Motivation](#motivation)\n"
    "  - [Goals](#goals)\n<!-- /toc -->\n\n## Summary\n\ntext\n\n## Motivation\n\n### Goals\n";

TEST_F(FixTest, RewritesStaleTocKeepsModeAndIsIdempotent) {
  write(readme(), kStale);
  ::chmod(readme().c_str(), 0640);
  ProcessResult before = kep_lint({});
  EXPECT_EQ(before.exit_code, 1);
  EXPECT_NE(before.out.find("README.md:5:1: error[KEP050]"), std::string::npos) << before.out;

  // Without -q: the files it changed are named on stderr.
  ProcessResult fixed =
      run_process({KEP_LINT_BINARY, "--repo", root_.string(), "--color", "never", "--fix"});
  EXPECT_EQ(fixed.exit_code, 0) << fixed.out << fixed.err;
  EXPECT_EQ(read(readme()), kFixed);
  EXPECT_NE(fixed.err.find("kep-lint: fixed keps/sig-node/123-foo/README.md\n"), std::string::npos)
      << fixed.err;
  struct stat st {};
  ASSERT_EQ(::stat(readme().c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0640u);

  ProcessResult again = kep_lint({"--fix"});
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_EQ(read(readme()), kFixed);
  // No temp files left behind.
  int entries = 0;
  for ([[maybe_unused]] auto& e : fs::directory_iterator(readme().parent_path())) ++entries;
  EXPECT_EQ(entries, 2);
}

TEST_F(FixTest, DryRunPrintsDiffAndWritesNothing) {
  write(readme(), kStale);
  ProcessResult r = kep_lint({"--fix", "--dry-run"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("--- a/keps/sig-node/123-foo/README.md"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("+  - [Goals](#goals)"), std::string::npos);
  EXPECT_NE(r.out.find("-- [Old](#old)"), std::string::npos);
  EXPECT_EQ(read(readme()), kStale);
}

TEST_F(FixTest, DryRunOnCleanRepoExitsZero) {
  write(readme(), kFixed);
  ProcessResult r = kep_lint({"--fix", "--dry-run"});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(r.out, "");
}

TEST_F(FixTest, KeepsCrlfLineEndings) {
  std::string crlf;
  for (const char* c = kStale; *c; ++c) {
    if (*c == '\n') crlf += '\r';
    crlf += *c;
  }
  write(readme(), crlf);
  EXPECT_EQ(kep_lint({"--fix"}).exit_code, 0);
  std::string out = read(readme());
  EXPECT_NE(out.find("- [Motivation](#motivation)\r\n  - [Goals](#goals)\r\n"), std::string::npos);
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i] == '\n') {
      ASSERT_TRUE(i > 0 && out[i - 1] == '\r') << "bare LF at " << i;
    }
  }
}

TEST_F(FixTest, MissingMarkersAreReportedNotGuessed) {
  std::string text = "# KEP-123: Foo\n\n<!-- /toc -->\n<!-- toc -->\n\n## Summary\n";
  write(readme(), text);
  ProcessResult r = kep_lint({"--fix"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("comes before the opening marker"), std::string::npos) << r.out;
  EXPECT_EQ(read(readme()), text);
}

TEST_F(FixTest, NeverWritesThroughASymlink) {
  fs::path target = root_ / "elsewhere.md";
  write(target, kStale);
  fs::create_symlink(target, readme());
  ProcessResult r = kep_lint({"--fix"});
  EXPECT_EQ(read(target), kStale);
  EXPECT_TRUE(fs::is_symlink(readme()));
  EXPECT_NE(r.exit_code, 0);
}

TEST(TocCommand, PrintsGeneratedToc) {
  fs::path file =
      fs::temp_directory_path() / ("kep-lint-toc-" + std::to_string(::getpid()) + ".md");
  write(file, kStale);
  ProcessResult r = run_process({KEP_LINT_BINARY, "toc", file.string()});
  fs::remove(file);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "- [Summary](#summary)\n- [Motivation](#motivation)\n  - [Goals](#goals)\n");
}

}  // namespace
}  // namespace keplint
