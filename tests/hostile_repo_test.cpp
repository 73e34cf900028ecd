// kep-lint against a repository built to break it: a "billion laughs" kep.yaml, nesting far
// past the limits, a 10 MB one-line README and one over the size limit, NUL bytes, invalid
// UTF-8, BOM and CRLF, empty files, terminal escapes and workflow commands in values and in a
// directory name, a FIFO, symlinks and path templates that lead out of the repository.
// The files are generated here at test time (nothing big is committed). The real binary runs
// over them once with every output format, under a timeout and a memory limit, and must report
// each file with its finding, exit 1 and keep every output valid and inert.
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "git_fixture.h"
#include "output_checks.h"
#include "repo/process.h"

namespace keplint {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::write_file;
using namespace std::string_literals;

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

// Generous bounds: a normal run over this repository takes well under a second. Sanitizers
// slow everything down several times and reserve terabytes of address space.
constexpr int kTimeLimitSeconds = kSanitized ? 60 : 10;
constexpr long kMemoryLimitBytes = 2L << 30;  // address space, unsanitized builds only
constexpr long kMaxRssKiB = 1L << 20;         // 1 GiB resident, measured

constexpr const char* kFormats[] = {"text",  "json",  "annotations", "github",
                                    "sarif", "junit", "rdjson",      "markdown"};
constexpr const char* kSecret = "SECRET-OUTSIDE-THE-REPOSITORY";

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string kep_yaml(const std::string& number, const std::string& extra = "",
                     const std::string& status = "provisional") {
  return "title: Hostile input " + number + "\nkep-number: \"" + number +
         "\"\nauthors:\n  - \"@alice\"\nowning-sig: sig-node\nstatus: " + status +
         "\ncreation-date: 2024-01-10\nreviewers:\n  - \"@bob\"\napprovers:\n  - \"@carol\"\n" +
         extra;
}

std::string readme(const std::string& number) {
  return "# KEP-" + number +
         ": Hostile input\n\n<!-- toc -->\n- [Summary](#summary)\n"
         "<!-- /toc -->\n\n## Summary\n\nText.\n";
}

// What the run must report: the finding's file, line (0 = the file as a whole) and rule, and a
// piece of its message.
struct Expected {
  std::string path;
  int line;
  std::string rule;
  std::string message_part;
};

class HostileRepoTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new testing::TempDir();
    // World-traversable, so the unprivileged-user test can use the same layout.
    fs::permissions(tmp_->path(), fs::perms::owner_all | fs::perms::group_read |
                                      fs::perms::group_exec | fs::perms::others_read |
                                      fs::perms::others_exec);
    root_ = tmp_->path() / "repo";
    build_repository();
    run_all_formats();
  }
  static void TearDownTestSuite() {
    if (std::getenv("KEP_LINT_KEEP_HOSTILE")) return;  // leave it for a look
    delete tmp_;
    tmp_ = nullptr;
  }

  static void write(const std::string& rel, const std::string& text) {
    write_file(root_ / rel, text);
  }
  static std::string kep_dir(const std::string& number, const std::string& slug) {
    return "keps/sig-node/" + number + "-" + slug + "/";
  }
  static void expect(std::string path, int line, std::string rule, std::string part = "") {
    expected_.push_back({std::move(path), line, std::move(rule), std::move(part)});
  }

  static void build_repository() {
    write(".kep-lint.yaml", "pack: kubernetes\nmax-file-size: 16M\n");
    // The PRR approver check needs it: without it the run fails closed (exit 2).
    write("OWNERS_ALIASES", "aliases:\n  prod-readiness-approvers:\n    - alice\n");
    write_file(tmp_->path() / "outside" / "secret.yaml", std::string(kSecret) + ": 1\n");
    write_file(tmp_->path() / "outside" / "README.md", std::string("# ") + kSecret + "\n");

    // A well-formed KEP, so the run has something ordinary too.
    write(kep_dir("1000", "ordinary") + "kep.yaml", kep_yaml("1000"));
    write(kep_dir("1000", "ordinary") + "README.md", readme("1000"));

    // Billion laughs: nine levels of nine aliases each. Aliases are never expanded.
    std::string laughs = "lol0: &l0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n";
    for (int i = 1; i <= 9; ++i) {
      std::string prev = "*l" + std::to_string(i - 1);
      laughs += "lol" + std::to_string(i) + ": &l" + std::to_string(i) + " [";
      for (int k = 0; k < 9; ++k) laughs += (k ? ", " : "") + prev;
      laughs += "]\n";
    }
    std::string dir = kep_dir("1001", "billion-laughs");
    write(dir + "kep.yaml", kep_yaml("1001", laughs));
    write(dir + "README.md", readme("1001"));
    expect(dir + "kep.yaml", 12, "KEP007", "unknown key 'lol0'");

    // Nesting: 100000 flow sequences, and 5000 block mappings.
    dir = kep_dir("1002", "deep-nesting");
    write(dir + "kep.yaml",
          kep_yaml("1002", "deep: " + std::string(100000, '[') + std::string(100000, ']') + "\n"));
    write(dir + "README.md", readme("1002"));
    expect(dir + "kep.yaml", 12, "KEP001", "nesting is deeper than 100 levels");
    // 5000 nested block mappings in the PRR file of a KEP that needs one.
    dir = kep_dir("1019", "deep-prr");
    write(dir + "kep.yaml", kep_yaml("1019",
                                     "stage: alpha\nlatest-milestone: \"v1.30\"\n"
                                     "milestone:\n  alpha: \"v1.30\"\n"));
    write(dir + "README.md", readme("1019"));
    std::string block;
    for (int i = 0; i < 5000; ++i) block += std::string(static_cast<std::size_t>(i), ' ') + "k:\n";
    write("keps/prod-readiness/sig-node/1019.yaml", block);
    expect("keps/prod-readiness/sig-node/1019.yaml", 101, "KEP041", "nesting is deeper");

    // A 10 MB README on one line, under the configured 16M limit; and one over it.
    dir = kep_dir("1003", "long-line");
    write(dir + "kep.yaml", kep_yaml("1003"));
    write(dir + "README.md", "# KEP-1003: " + std::string(10u << 20, 'x'));
    expect(dir + "README.md", 1, "KEP050", "opening marker <!-- toc --> is missing");
    dir = kep_dir("1004", "too-large");
    write(dir + "kep.yaml", kep_yaml("1004"));
    write(dir + "README.md", "# KEP-1004\n" + std::string(17u << 20, 'y') + "\n");
    expect(dir + "README.md", 0, "KEP032", "over the limit of 16 MiB");

    // NUL bytes: a README with one on line 4, and a binary kep.yaml.
    dir = kep_dir("1005", "nul-byte");
    write(dir + "kep.yaml", kep_yaml("1005"));
    write(dir + "README.md", "# KEP-1005: NUL\n\nText\nbefore\0after\n"s);
    expect(dir + "README.md", 4, "KEP032", "NUL bytes");
    dir = kep_dir("1006", "binary-metadata");
    std::string binary;
    for (int i = 0; i < 4096; ++i) binary += static_cast<char>((i * 7919) % 256);
    write(dir + "kep.yaml", binary);
    write(dir + "README.md", readme("1006"));
    expect(dir + "kep.yaml", 1, "KEP032", "NUL bytes");

    // Invalid UTF-8 in a value, and BOM plus CRLF line breaks.
    dir = kep_dir("1007", "invalid-utf8");
    write(dir + "kep.yaml", kep_yaml("1007", "", "\"impl\xff\xfe\xc3\x28mented\""));
    write(dir + "README.md", readme("1007"));
    expect(dir + "kep.yaml", 6, "KEP003", "");
    dir = kep_dir("1008", "bom-crlf");
    std::string crlf;
    for (char c : "\xEF\xBB\xBF" + kep_yaml("1008", "", "bogus")) {
      if (c == '\n') crlf += '\r';
      crlf += c;
    }
    write(dir + "kep.yaml", crlf);
    write(dir + "README.md", readme("1008"));
    expect(dir + "kep.yaml", 6, "KEP003", "bogus");

    // Empty files.
    dir = kep_dir("1009", "empty");
    write(dir + "kep.yaml", "");
    write(dir + "README.md", "");
    expect(dir + "kep.yaml", 1, "KEP005", "required field 'title' is missing");

    // Terminal escapes, a lone CR and workflow commands inside values (YAML escapes make the
    // control characters real ones in the parsed value).
    dir = kep_dir("1010", "controls");
    write(dir + "kep.yaml",
          kep_yaml("1010", "",
                   "\"bogus\\e]0;pwned\\a\\e[2J\\r::warning::cr-injected\\n::add-mask::lf-injected "
                   "%0A::error::percent \\u202e\\x9b\"") +
              "extra-\x1b[31m-key: 1\n");
    write(dir + "README.md", readme("1010"));
    expect(dir + "kep.yaml", 6, "KEP003", "bogus");

    // Out of the repository: a symlinked README, and a PRR path template filled with "..".
    dir = kep_dir("1011", "symlink-out");
    write(dir + "kep.yaml", kep_yaml("1011"));
    fs::create_symlink("/etc/passwd", root_ / dir / "README.md");
    expect(dir + "README.md", 0, "KEP032", "outside the repository");
    dir = kep_dir("1012", "template-out");
    std::string escape = kep_yaml("1012", "stage: alpha\nlatest-milestone: \"v1.30\"\n");
    escape.replace(escape.find("owning-sig: sig-node"), 20, "owning-sig: ../../../outside");
    escape.replace(escape.find("kep-number: \"1012\""), 18, "kep-number: secret");
    write(dir + "kep.yaml", escape);
    write(dir + "README.md", readme("1012"));
    expect(dir + "kep.yaml", 5, "KEP014", "owning-sig '../../../outside'");

    // Not regular files: a FIFO as kep.yaml (opening it must not block) and a directory
    // named README.md.
    dir = kep_dir("1013", "fifo");
    fs::create_directories(root_ / dir);
    write(dir + "README.md", readme("1013"));
    if (::mkfifo((root_ / dir / "kep.yaml").c_str(), 0644) != 0) throw std::runtime_error("mkfifo");
    expect(dir + "kep.yaml", 0, "KEP032", "not a regular file");
    dir = kep_dir("1014", "directory-readme");
    write(dir + "kep.yaml", kep_yaml("1014"));
    fs::create_directories(root_ / dir / "README.md");
    expect(dir + "README.md", 0, "KEP032", "not a regular file");

    // A directory name that carries a workflow command after a newline.
    dir = "keps/sig-node/1015-x\n::error file=pwned::name-injected/";
    write(dir + "kep.yaml", kep_yaml("1015", "", "bogus"));
    write(dir + "README.md", readme("1015"));
    expect(dir + "kep.yaml", 6, "KEP003", "bogus");

    // Markdown built to be slow: deep block quotes and lists, bracket and emphasis runs,
    // unclosed comments, and a TOC of 100000 headings.
    dir = kep_dir("1016", "markdown-bombs");
    write(dir + "kep.yaml", kep_yaml("1016"));
    std::string md = readme("1016") + std::string(50000, '>') + " quote\n\n";
    for (int i = 0; i < 2000; ++i)
      md += std::string(static_cast<std::size_t>(2 * i), ' ') + "- item\n";
    md += std::string(50000, '[') + std::string(50000, '*') + std::string(50000, '`') + "\n\n";
    for (int i = 0; i < 20000; ++i) md += "<!-- ";
    md += "\n\n";
    for (int i = 0; i < 100000; ++i) md += "## h" + std::to_string(i % 10) + "\n";
    write(dir + "README.md", md);
    expect(dir + "README.md", 2014, "KEP069", "never closed");

    // YAML with more nodes than the limit, and a value of 3 MB on one line.
    dir = kep_dir("1017", "many-nodes");
    std::string many = "list: [";
    for (int i = 0; i < 300000; ++i) many += "1,";
    write(dir + "kep.yaml", kep_yaml("1017", many + "1]\n"));
    write(dir + "README.md", readme("1017"));
    expect(dir + "kep.yaml", 12, "KEP001", "more than 200000 nodes");
    dir = kep_dir("1018", "long-value");
    write(dir + "kep.yaml", kep_yaml("1018", "", std::string(3u << 20, 's')));
    write(dir + "README.md", readme("1018"));
    expect(dir + "kep.yaml", 6, "KEP003", "bytes)");
  }

  // One run, every format: each to its file, and `github` also to stdout.
  static void run_all_formats() {
    std::vector<std::string> argv = {"timeout", "-s", "KILL", std::to_string(kTimeLimitSeconds)};
    if (!kSanitized) {
      argv.insert(argv.end(), {"prlimit", "--as=" + std::to_string(kMemoryLimitBytes), "--"});
    }
    argv.insert(argv.end(), {KEP_LINT_BINARY, "--repo", root_.string(), "--format", "github"});
    for (const char* format : kFormats) {
      argv.push_back("--format");
      argv.push_back(std::string(format) + ":" +
                     (tmp_->path() / (std::string(format) + ".out")).string());
    }
    auto start = std::chrono::steady_clock::now();
    result_ = run_process(argv);
    seconds_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    rusage usage{};
    ::getrusage(RUSAGE_CHILDREN, &usage);
    max_rss_kib_ = usage.ru_maxrss;
    for (const char* format : kFormats) {
      outputs_[format] = read_text(tmp_->path() / (std::string(format) + ".out"));
    }
  }

  static testing::TempDir* tmp_;
  static fs::path root_;
  static std::vector<Expected> expected_;
  static ProcessResult result_;
  static double seconds_;
  static long max_rss_kib_;
  static std::map<std::string, std::string> outputs_;
};

testing::TempDir* HostileRepoTest::tmp_ = nullptr;
fs::path HostileRepoTest::root_;
std::vector<Expected> HostileRepoTest::expected_;
ProcessResult HostileRepoTest::result_;
double HostileRepoTest::seconds_ = 0;
long HostileRepoTest::max_rss_kib_ = 0;
std::map<std::string, std::string> HostileRepoTest::outputs_;

TEST_F(HostileRepoTest, ExitsOneWithinTimeAndMemory) {
  EXPECT_EQ(result_.exit_code, 1) << "signal " << result_.term_signal << "\n" << result_.err;
  EXPECT_LT(seconds_, kTimeLimitSeconds);
  EXPECT_LT(max_rss_kib_, kMaxRssKiB);
  std::cout << "[ hostile  ] " << seconds_ << " s, max RSS " << max_rss_kib_ / 1024 << " MiB\n";
}

TEST_F(HostileRepoTest, EveryHostileFileGetsItsFinding) {
  nlohmann::json json = nlohmann::json::parse(outputs_["json"]);
  for (const Expected& e : expected_) {
    bool found = false;
    std::string reported;
    for (const auto& f : json["findings"]) {
      if (f["path"] == e.path) {
        reported += "\n  " + std::to_string(int(f["range"]["start"]["line"])) + ": " +
                    std::string(f["rule"]) + " " + std::string(f["message"]).substr(0, 160);
      }
      if (f["path"] == e.path && f["rule"] == e.rule && f["range"]["start"]["line"] == e.line &&
          std::string(f["message"]).find(e.message_part) != std::string::npos) {
        found = true;
      }
    }
    EXPECT_TRUE(found) << e.path << ":" << e.line << ": " << e.rule << " \"" << e.message_part
                       << "\" not reported; reported there:" << reported;
  }
}

TEST_F(HostileRepoTest, EveryOutputIsValidAndInert) {
  for (const auto& [format, out] : outputs_) {
    ASSERT_FALSE(out.empty()) << format;
    auto bad = checks::invalid_utf8_at(out);
    EXPECT_FALSE(bad) << format << ": invalid UTF-8 at byte " << *bad;
  }
  for (const char* format : {"json", "annotations", "sarif", "rdjson"}) {
    EXPECT_FALSE(nlohmann::json::parse(outputs_[format], nullptr, false).is_discarded()) << format;
  }
  auto xml = checks::check_xml(outputs_["junit"]);
  EXPECT_FALSE(xml) << "junit: " << *xml;
  auto control = checks::terminal_control_at(outputs_["text"]);
  EXPECT_FALSE(control) << "text: control character at byte " << *control;

  std::size_t findings = nlohmann::json::parse(outputs_["json"])["findings"].size();
  auto commands = checks::check_workflow_commands(result_.out, findings);
  EXPECT_FALSE(commands) << *commands;
  EXPECT_EQ(result_.out, outputs_["github"]);
  // Nothing injected reaches the start of a line, in any format, nor of stderr's.
  for (const auto& [format, out] : outputs_) {
    for (std::string_view line : checks::runner_lines(out)) {
      std::size_t first = line.find_first_not_of(" \t");
      if (first == std::string_view::npos) continue;
      std::string_view trimmed = line.substr(first);
      if (format == "github" &&
          (trimmed.starts_with("::error ") || trimmed.starts_with("::warning ") ||
           trimmed.starts_with("::notice "))) {
        continue;
      }
      EXPECT_FALSE(trimmed.starts_with("::")) << format << ": " << line.substr(0, 200);
    }
  }
  for (std::string_view line : checks::runner_lines(result_.err)) {
    EXPECT_FALSE(line.starts_with("::")) << "stderr: " << line;
  }
}

TEST_F(HostileRepoTest, NothingFromOutsideTheRepositoryIsRead) {
  std::string passwd = read_text("/etc/passwd");
  std::string first_line = passwd.substr(0, passwd.find('\n'));
  for (const auto& [format, out] : outputs_) {
    EXPECT_THAT(out, Not(HasSubstr(kSecret))) << format;
    if (!first_line.empty()) {
      EXPECT_THAT(out, Not(HasSubstr(first_line))) << format;
    }
  }
  EXPECT_THAT(result_.err, Not(HasSubstr(kSecret)));
}

}  // namespace
}  // namespace keplint
