#include "report/github_reporter.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
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
  // Ranked for GitHub's per-level budget: by severity, then in report order.
  EXPECT_EQ(render("github", sample_report()),
            "::error file=keps/sig-node/1234-foo/kep.yaml,line=2,endLine=2,col=9,endColumn=19,"
            "title=KEP003 status-valid::status 'imlpemented' is not one of: provisional, "
            "implemented\n"
            // Whole-file findings go on line 1.
            "::error file=keps/sig-node/5678-bar/kep.yaml,line=1,endLine=1,"
            "title=KEP001 file-exists::kep.yaml is missing\n"
            "::warning file=keps/prod-readiness/sig-node/1234.yaml,line=1,endLine=1,col=4,"
            "endColumn=6,title=KEP050 prr-approver::no PRR approver\n"
            // Columns in characters: "feature" is at bytes 14..20 after Ü and 🚀.
            "::warning file=keps/sig-node/1234-foo/README.md,line=1,endLine=1,col=10,"
            "endColumn=16,title=KEP010 heading-case::heading 'feature' is not sentence case\n"
            // Multi-line: no columns, which the runner would drop anyway.
            "::notice file=keps/sig-node/1234-foo/README.md,line=3,endLine=5,"
            "title=KEP020 toc-up-to-date::table of contents is out of date\n"
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
  EXPECT_EQ(annotation_command(f).message, "color \uFFFD[31mred, nul \uFFFD byte \uFFFD\\tend");
  // TAB and the Unicode line and paragraph separators are written out (issue 16, item 13).
  f.message = "a\tb\u2028c\u2029d";
  EXPECT_EQ(annotation_command(f).message, "a\\tb\\u{2028}c\\u{2029}d");
}

TEST(GithubReporterTest, ColumnsCountCharacters) {
  auto source = make_source("keps/x/README.md", "# 漢字 🚀 title\n");
  // "title" starts at byte 15: "# " + 漢字 (6 bytes) + " " + 🚀 (4 bytes) + " ".
  Finding f = make_finding("KEP010", "h", Severity::Warning, source, {{1, 15}, {1, 19}}, "m");
  EXPECT_EQ(
      format_workflow_command(annotation_command(f)),
      "::warning file=keps/x/README.md,line=1,endLine=1,col=8,endColumn=12,title=KEP010 h::m");
}

// What actions/runner's ActionCommandManager takes for a command: `::name ...::` at the start
// after trimming leading whitespace (TryParseV2), else the legacy `##[name ...]` anywhere in
// the line (TryParse). Returns the command name, or "" when the line is plain log text.
std::string runner_command(std::string_view line) {
  std::size_t start = line.find_first_not_of(" \t\v\f");
  if (start != std::string_view::npos && line.substr(start).starts_with("::")) {
    std::string_view rest = line.substr(start + 2);
    std::size_t end = rest.find("::");
    if (end != std::string_view::npos)
      return std::string(rest.substr(0, rest.find(' ') < end ? rest.find(' ') : end));
  }
  std::size_t legacy = line.find("##[");
  if (legacy != std::string_view::npos) {
    std::string_view rest = line.substr(legacy + 3);
    std::size_t end = rest.find(']');
    if (end != std::string_view::npos)
      return std::string(rest.substr(0, std::min(end, rest.find(' '))));
  }
  return "";
}

TEST(GithubReporterTest, InertLogLines) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"plain text", "plain text"},
      {"::add-mask::secret", "\\::add-mask::secret"},
      {"  \t::stop-commands::tok", "  \t\\::stop-commands::tok"},
      {"a ::error::not at the start", "a ::error::not at the start"},
      {"text ##[error]legacy", "text ##\\[error]legacy"},
      {"##[a]##[b]", "##\\[a]##\\[b]"},
      {"#[ok] #", "#[ok] #"},
      {"", ""},
  };
  for (const auto& [raw, inert] : cases) {
    EXPECT_EQ(inert_log_line(raw), inert) << raw;
    EXPECT_EQ(runner_command(inert_log_line(raw)), "") << raw;
  }
  EXPECT_EQ(runner_command("::add-mask::x"), "add-mask");  // the helper itself sees commands
  EXPECT_EQ(runner_command(" x ##[stop-commands]tok"), "stop-commands");
}

// Twelve errors on changed and unchanged lines of files with hostile names and messages.
Report hostile_overflow_report() {
  Report report;
  report.proposals = {"keps/a"};
  const std::vector<std::string> hostile = {
      "::add-mask::secret",     "  ::stop-commands::tok", "x\n::error::injected",
      "y\r::warning::injected", "msg ##[add-mask]secret", "\t::notice::x",
  };
  for (int i = 0; i < 12; ++i) {
    const std::string& h = hostile[static_cast<std::size_t>(i) % hostile.size()];
    auto source = make_source(h + "/kep" + std::to_string(i) + ".yaml", "a: b\n");
    Finding f = make_finding("KEP00" + std::to_string(i % 10), "r", Severity::Error, source,
                             {{1, 1}, {1, 1}}, "message " + h);
    f.on_changed_line = i >= 9;  // the last three in report order
    report.findings.push_back(f);
  }
  sort_findings(report.findings);
  return report;
}

TEST(GithubReporterTest, BudgetAnnotatesTenAndListsTheRestAsInertLines) {
  Report report = hostile_overflow_report();
  ReporterOptions options;
  options.step_summary = true;
  std::vector<std::string> lines = split_lines(render("github", report, options));
  ASSERT_EQ(lines.size(), 10u + 1u + 2u + 1u);
  std::vector<std::string> changed;
  for (const Finding& f : report.findings) {
    if (f.on_changed_line) changed.push_back(f.path);
  }
  for (std::size_t i = 0; i < 10; ++i) {
    EXPECT_EQ(runner_command(lines[i]), "error") << lines[i];
    EXPECT_TRUE(lines[i].starts_with("::error file=")) << lines[i];
  }
  // The findings on changed lines come first, whatever their place in report order. A TAB in
  // a path is written as \t, like in messages.
  for (std::size_t i = 0; i < changed.size(); ++i) {
    std::string path = changed[i];
    for (std::size_t tab = path.find('\t'); tab != std::string::npos; tab = path.find('\t'))
      path.replace(tab, 1, "\\t");
    EXPECT_TRUE(lines[i].starts_with("::error file=" + escape_command_property(path) + ","))
        << lines[i];
  }
  EXPECT_EQ(lines[10],
            "::notice title=kep-lint::2 more findings (2 errors) not annotated: GitHub shows 10 "
            "annotations per level per step. They are listed in the log below and in the step "
            "summary.");
  for (std::size_t i = 11; i < 13; ++i) {
    EXPECT_TRUE(lines[i].starts_with("  - ")) << lines[i];
    EXPECT_THAT(lines[i], ::testing::HasSubstr(": error[KEP00")) << lines[i];
    EXPECT_EQ(runner_command(lines[i]), "") << lines[i];
  }
  EXPECT_EQ(lines[13], "kep-lint: 12 errors in 1 proposal");
}

TEST(GithubReporterTest, NoLineOfTheOutputIsACommandTheReportDidNotMean) {
  Report report = hostile_overflow_report();
  for (int i = 0; i < 25; ++i) {  // warnings and notices too, to overflow every level
    Finding f = report.findings[static_cast<std::size_t>(i) % 12];
    f.severity = i % 2 ? Severity::Warning : Severity::Info;
    f.message += " " + std::to_string(i);
    report.findings.push_back(f);
  }
  std::string out = render("github", report);
  int commands = 0;
  for (const std::string& line : split_lines(out)) {
    std::string name = runner_command(line);
    if (name.empty()) continue;
    ++commands;
    EXPECT_TRUE(name == "error" || name == "warning" || name == "notice") << line;
    EXPECT_TRUE(line.starts_with("::" + name + " ")) << line;  // ours: never indented or legacy
  }
  EXPECT_EQ(commands, 10 + 10 + 10);  // nine notices and the overflow notice
}

TEST(GithubReporterTest, TextInAnActionsLogIsInert) {
  auto source = make_source("::warning::x/kep.yaml", "  ::add-mask::secret ##[stop-commands]t\n");
  Finding f = make_finding("KEP001", "r", Severity::Error, source, {{1, 3}, {1, 5}},
                           "value ##[error]legacy");
  ReporterOptions options;
  options.github_log = true;
  std::string out = render("text", single_finding_report(f), options);
  for (const std::string& line : split_lines(out)) {
    EXPECT_EQ(runner_command(line), "") << line;
  }
  EXPECT_NE(out.find("add-mask::secret"), std::string::npos) << out;  // still readable
  // Outside Actions the text is unchanged.
  EXPECT_NE(render("text", single_finding_report(f)).find("##[stop-commands]"), std::string::npos);
}

TEST(GithubReporterTest, MachineFormatsCarryNoLegacyCommands) {
  auto source = make_source("keps/##[add-mask]x/kep.yaml", "a: b\n");
  Finding f = make_finding("KEP001", "r", Severity::Error, source, {{1, 1}, {1, 1}},
                           "value ##[stop-commands]tok and ###[x]");
  f.proposal = "keps/##[add-mask]x";
  Report report = single_finding_report(f);
  for (std::string format : {"json", "sarif", "rdjson", "annotations", "junit", "markdown"}) {
    std::string out = render(format, report);
    for (const std::string& line : split_lines(out)) {
      EXPECT_EQ(runner_command(line), "") << format << ": " << line;
    }
  }
  // JSON still decodes to the original text.
  nlohmann::json json = nlohmann::json::parse(render("json", report));
  EXPECT_NE(json.dump().find("value ##[stop-commands]tok and ###[x]"), std::string::npos);
}

// git's messages span lines: each keeps its own line, escaped and inert, under "kep-lint: ".
TEST(DiagnosticText, KeepsLineBreaksEachLineSafe) {
  EXPECT_EQ(diagnostic_text("plain"), "kep-lint: plain\n");
  EXPECT_EQ(diagnostic_text("git merge-base failed: fatal: bad object\nhint: fetch it\n"),
            "kep-lint: git merge-base failed: fatal: bad object\n  hint: fetch it\n");
  EXPECT_EQ(diagnostic_text("a\r\n::error::x\n\x1b[31mred"),
            "kep-lint: a\n  \\::error::x\n  \\x1b[31mred\n");
}

}  // namespace
}  // namespace keplint::testing
