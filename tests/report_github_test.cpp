#include "report/github_reporter.h"

#include <gtest/gtest.h>

#include <vector>

#include "report/utf8_text.h"
#include "report_test_support.h"

namespace keplint::testing {
namespace {

// What the runner does to a property value or message (actions/runner's ActionCommand):
// the escapes other than %25 first, so "%250A" stays "%0A".
std::string runner_unescape(std::string text, bool property) {
  auto replace_all = [&](std::string_view from, std::string_view to) {
    for (std::size_t at = text.find(from); at != std::string::npos;
         at = text.find(from, at + to.size())) {
      text.replace(at, from.size(), to);
    }
  };
  replace_all("%0D", "\r");
  replace_all("%0A", "\n");
  if (property) {
    replace_all("%3A", ":");
    replace_all("%2C", ",");
  }
  replace_all("%25", "%");
  return text;
}

std::vector<std::string> split_lines(std::string_view text) {  // like .NET ReadLine: CR, LF, CRLF
  std::vector<std::string> lines;
  std::string line;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' || text[i] == '\n') {
      lines.push_back(line);
      line.clear();
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      line += text[i];
    }
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

struct EscapeCase {
  std::string raw;
  std::string data;
  std::string property;
};

TEST(GithubReporterTest, EscapingTable) {
  const std::vector<EscapeCase> cases = {
      {"plain text", "plain text", "plain text"},
      {"%", "%25", "%25"},
      {"\r", "%0D", "%0D"},
      {"\n", "%0A", "%0A"},
      {"\r\n", "%0D%0A", "%0D%0A"},
      {":", ":", "%3A"},
      {",", ",", "%2C"},
      {"literal %0A stays", "literal %250A stays", "literal %250A stays"},
      {"%3A%2C%25", "%253A%252C%2525", "%253A%252C%2525"},
      {"keps/sig x/a,b:c%d.md", "keps/sig x/a,b:c%25d.md", "keps/sig x/a%2Cb%3Ac%25d.md"},
      {"a::b", "a::b", "a%3A%3Ab"},
      {"Über 🚀", "Über 🚀", "Über 🚀"},
      {"", "", ""},
  };
  for (const EscapeCase& c : cases) {
    EXPECT_EQ(escape_command_data(c.raw), c.data) << c.raw;
    EXPECT_EQ(escape_command_property(c.raw), c.property) << c.raw;
    EXPECT_EQ(runner_unescape(escape_command_data(c.raw), false), c.raw);
    EXPECT_EQ(runner_unescape(escape_command_property(c.raw), true), c.raw);
  }
}

TEST(GithubReporterTest, SampleReport) {
  EXPECT_EQ(render("github", sample_report()),
            "::warning file=keps/prod-readiness/sig-node/1234.yaml,line=1,endLine=1,col=4,"
            "endColumn=6,title=KEP050 prr-approver::no PRR approver\n"
            // Columns in characters: "feature" is at bytes 14..20 after Ü and 🚀.
            "::warning file=keps/sig-node/1234-foo/README.md,line=1,endLine=1,col=10,"
            "endColumn=16,title=KEP010 heading-case::heading 'feature' is not sentence case\n"
            // Multi-line: no columns, which the runner would drop anyway.
            "::notice file=keps/sig-node/1234-foo/README.md,line=3,endLine=5,"
            "title=KEP020 toc-up-to-date::table of contents is out of date\n"
            "::error file=keps/sig-node/1234-foo/kep.yaml,line=2,endLine=2,col=9,endColumn=19,"
            "title=KEP003 status-valid::status 'imlpemented' is not one of: provisional, "
            "implemented\n"
            // Whole-file findings go on line 1.
            "::error file=keps/sig-node/5678-bar/kep.yaml,line=1,endLine=1,"
            "title=KEP001 file-exists::kep.yaml is missing\n"
            "kep-lint: 2 errors, 2 warnings, 1 info in 3 proposals\n");
}

TEST(GithubReporterTest, EscapesPathsTitlesAndMessages) {
  auto source = make_source("keps/sig x/1,2:3%/kep.yaml", "status: x\n");
  Finding f = make_finding("KEP003", "status, valid: yes", Severity::Error, source,
                           {{1, 9}, {1, 9}}, "100% wrong:\r\nline two, literal %0A here");
  EXPECT_EQ(format_workflow_command(annotation_command(f)),
            "::error file=keps/sig x/1%2C2%3A3%25/kep.yaml,line=1,endLine=1,col=9,endColumn=9,"
            "title=KEP003 status%2C valid%3A yes::100%25 wrong:%0D%0Aline two, literal %250A here");
}

TEST(GithubReporterTest, EmptyPropertiesAreLeftOut) {
  Finding f;
  f.rule_id = "KEP000";
  f.severity = Severity::Info;
  f.message = "no file";
  EXPECT_EQ(format_workflow_command(annotation_command(f)),
            "::notice line=1,endLine=1,title=KEP000::no file");
  WorkflowCommand bare{"warning", {{"file", ""}, {"title", ""}}, "m"};
  EXPECT_EQ(format_workflow_command(bare), "::warning::m");
}

TEST(GithubReporterTest, RepoTextCannotInjectCommands) {
  const std::string hostile = "x\n::add-mask::secret\r\n::stop-commands::x\r::error::y";
  auto source = make_source("keps/a" + hostile + "/kep.yaml", "a: b\n");
  Finding f = make_finding("KEP003" + hostile, "name" + hostile, Severity::Error, source,
                           {{1, 1}, {1, 1}}, "message" + hostile);
  f.raw_details = hostile;
  std::string out = render("github", single_finding_report(f));
  std::vector<std::string> lines = split_lines(out);
  ASSERT_EQ(lines.size(), 2u) << out;
  EXPECT_TRUE(lines[0].starts_with("::error file=keps/a")) << lines[0];
  EXPECT_FALSE(lines[1].starts_with("::")) << lines[1];
  // The hostile text still arrives intact after the runner's decoding.
  std::size_t separator = lines[0].find("::", 2);
  EXPECT_EQ(runner_unescape(lines[0].substr(separator + 2), false), "message" + hostile);
}

TEST(GithubReporterTest, MessagesAreCutTo4096CharactersOnACharacterBoundary) {
  auto source = make_source("keps/x/kep.yaml", "a: b\n");
  std::string long_message;
  for (int i = 0; i < 5000; ++i) long_message += "é";  // 2 bytes each: a byte cut would split one
  Finding f =
      make_finding("KEP001", "r", Severity::Warning, source, {{1, 1}, {1, 1}}, long_message);
  WorkflowCommand command = annotation_command(f);
  EXPECT_EQ(utf8_length(command.message), kWorkflowMessageMaxChars);
  EXPECT_EQ(to_valid_utf8(command.message), command.message);
  EXPECT_TRUE(command.message.ends_with("é…"));
  f.message = std::string(4096, 'm');
  EXPECT_EQ(annotation_command(f).message, f.message);  // exactly at the limit: untouched
}

TEST(GithubReporterTest, ControlCharactersAndInvalidUtf8AreReplaced) {
  auto source = make_source("keps/x/kep.yaml", "a: b\n");
  std::string message = std::string("color \x1b[31mred, nul ") + '\0' + " byte \xFF\tend";
  Finding f = make_finding("KEP001", "r", Severity::Warning, source, {{1, 1}, {1, 1}}, message);
  EXPECT_EQ(annotation_command(f).message, "color \uFFFD[31mred, nul \uFFFD byte \uFFFD\tend");
}

TEST(GithubReporterTest, ColumnsCountCharacters) {
  auto source = make_source("keps/x/README.md", "# 漢字 🚀 title\n");
  // "title" starts at byte 15: "# " + 漢字 (6 bytes) + " " + 🚀 (4 bytes) + " ".
  Finding f = make_finding("KEP010", "h", Severity::Warning, source, {{1, 15}, {1, 19}}, "m");
  EXPECT_EQ(
      format_workflow_command(annotation_command(f)),
      "::warning file=keps/x/README.md,line=1,endLine=1,col=8,endColumn=12,title=KEP010 h::m");
}

}  // namespace
}  // namespace keplint::testing
