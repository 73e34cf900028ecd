// Rule fixtures: one small synthetic repository per rule, testdata/rules/<pack>/<RULE_ID>.txtar,
// with the expected findings written next to the offending lines.
//
// Bundle format (txtar-like): free text, then files, each introduced by a line `-- PATH --`.
//   -- keps/sig-node/1234-foo/kep.yaml --      a file (repo-relative)
//   -- ../outside.md --                        a file next to the repository, not inside it
//   -- keps/sig-node/1234-foo/README.md -> T --  a symbolic link to T (the section stays empty)
//   -- keps/sig-node/1234-foo/README.md (binary) --  `\x00` in the text becomes a NUL byte
//   -- expect --                               expectations that cannot be written inline
// Inline expectations (only the rule under test may be named):
//   status: imlpemented  # expect: KEP003 "did you mean"
//   # expect-next-line: KEP003
//   text <!-- expect: KEP030 -->      <!-- expect-next-line: KEP030 "substring" -->
// In the `expect` section: `path:line: RULE "substring"` (line 0 = the file as a whole).
// In YAML front matter of a Markdown file (the openshift pack) use the YAML form `# expect:`.
// The fixture's directory names the pack it is linted with (testdata/rules/openshift/OSE001.txtar
// runs the openshift pack); lines are lines of the file, front matter included. Fixtures of
// kep-lint's own diagnostics (KL001...) live in testdata/rules/engine/ and run the kubernetes pack
// unless the preamble says `pack: NAME`. A `baseline:` in the fixture's .kep-lint.yaml is applied
// as the command line applies it.
//
// Free-text lines before the first file may set run variables, as the command line would:
//   release: v1.37                             like `--release v1.37` (rules with
//                                              `targets-release: true` run only with it)
//   pack: openshift                            the pack (engine fixtures only)
//
// The repository is linted twice, whole (old proposals: `whole-repo-severity`) and as a
// changed-file set of every file; both must report the same (path, line) findings of the rule,
// and those must be exactly the expected ones. A rule with `whole-repo-severity: off` must report
// nothing in the whole-repo run, and the expected findings in the changed-set run.
#include <gtest/gtest.h>
#include <re2/re2.h>
#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "engine/baseline_file.h"
#include "engine/engine_rules.h"
#include "engine/linter.h"
#include "engine/pack.h"
#include "engine/proposal.h"
#include "engine/session.h"
#include "message_hygiene.h"
#include "test_files.h"

namespace keplint {
namespace {

namespace fs = std::filesystem;
using testing::read_file;

const fs::path kFixtureRoot = fs::path(KEP_LINT_SOURCE_DIR) / "testdata" / "rules";

struct FixtureFile {
  std::string path;            // relative to the repository root ("../x" lies outside it)
  std::string text;            // contents (escapes decoded for binary files)
  std::string symlink_target;  // set for `-- path -> target --`
  int header_line = 0;         // line of the header in the bundle
};

struct Expectation {
  std::string path;
  int line = 0;
  std::string rule;
  std::vector<std::string> substrings;
  int fixture_line = 0;  // where the bundle states it
};

using Key = std::tuple<std::string, int, std::string>;  // path, line, rule

struct Fixture {
  std::string rule_id;
  std::vector<FixtureFile> files;
  std::map<Key, Expectation> expected;
  std::map<std::string, std::string> variables;  // from the preamble: `release: v1.37`
  std::string pack;                              // from the preamble: `pack: openshift`
  std::vector<std::string> errors;               // malformed annotations, bad paths
};

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    lines.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return lines;
}

std::string decode_nul(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 4, "\\x00") == 0) {
      out.push_back('\0');
      i += 3;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

bool safe_path(const std::string& path) {
  if (path.empty() || path.front() == '/') return false;
  std::string rest = path.rfind("../", 0) == 0 ? path.substr(3) : path;
  std::stringstream parts(rest);
  std::string part;
  while (std::getline(parts, part, '/')) {
    if (part.empty() || part == "." || part == "..") return false;
  }
  return true;
}

void add_expectation(Fixture& f, Expectation e) {
  Key key{e.path, e.line, e.rule};
  auto [it, inserted] = f.expected.emplace(key, e);
  if (!inserted) {
    for (auto& s : e.substrings) it->second.substrings.push_back(s);
  }
}

// Parses `KEP003 "substring", KEP003` into (rule, substring) pairs; false on leftover text.
bool parse_expect_payload(const std::string& payload,
                          std::vector<std::pair<std::string, std::string>>& out) {
  static const re2::RE2 item(R"re(\s*,?\s*([A-Z][A-Z0-9-]*[0-9]+)(?:\s+"([^"]*)")?)re");
  re2::StringPiece in(payload);
  std::string rule, substring;
  while (!in.empty()) {
    substring.clear();
    if (!re2::RE2::Consume(&in, item, &rule, &substring)) break;
    out.emplace_back(rule, substring);
  }
  return !out.empty() && std::all_of(in.begin(), in.end(), [](char c) { return c == ' '; });
}

Fixture parse_fixture(const fs::path& file) {
  Fixture f;
  f.rule_id = file.stem().string();
  static const re2::RE2 header(R"re(-- (.+) --)re");
  static const re2::RE2 symlink(R"re((\S+) -> (\S+))re");
  static const re2::RE2 binary(R"re((\S+) \(binary\))re");
  static const re2::RE2 inline_expect(
      R"re((?:#|<!--)\s*expect(-next-line)?:\s*(.*?)\s*(?:-->\s*)?$)re");
  static const re2::RE2 section_expect(R"re((\S+):([0-9]+):\s*(.*?)\s*)re");
  static const re2::RE2 preamble_variable(R"re((release|pack):\s*(\S+)\s*)re");

  std::vector<std::string> lines = split_lines(read_file(file));
  FixtureFile* current = nullptr;
  bool in_expect = false, current_binary = false;
  int file_line = 0;  // line number inside the current file
  auto fail = [&](int line, const std::string& message) {
    f.errors.push_back(file.filename().string() + ":" + std::to_string(line) + ": " + message);
  };
  auto add_from = [&](int line, const std::string& path, int at, const std::string& payload) {
    std::vector<std::pair<std::string, std::string>> items;
    if (!parse_expect_payload(payload, items)) {
      fail(line, "cannot read expectation '" + payload + "' (want RULE [\"substring\"], ...)");
      return;
    }
    for (auto& [rule, substring] : items) {
      if (rule != f.rule_id) {
        fail(line, "expectation names " + rule + ", but this fixture tests " + f.rule_id);
        continue;
      }
      Expectation e{path, at, rule, {}, line};
      if (!substring.empty()) e.substrings.push_back(substring);
      add_expectation(f, std::move(e));
    }
  };

  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    int bundle_line = static_cast<int>(i) + 1;
    std::string name;
    if (re2::RE2::FullMatch(line, header, &name)) {
      in_expect = name == "expect";
      current = nullptr;
      current_binary = false;
      if (in_expect) continue;
      FixtureFile ff;
      ff.header_line = bundle_line;
      std::string path = name, target, bin_path;
      if (re2::RE2::FullMatch(name, symlink, &path, &target)) {
        ff.symlink_target = target;
      } else if (re2::RE2::FullMatch(name, binary, &bin_path)) {
        path = bin_path;
        current_binary = true;
      }
      if (!safe_path(path)) fail(bundle_line, "unsafe path '" + path + "'");
      ff.path = path;
      f.files.push_back(std::move(ff));
      current = &f.files.back();
      file_line = 0;
      continue;
    }
    if (in_expect) {
      std::string path, rest;
      int at = 0;
      if (line.empty() || line[0] == '#') continue;
      if (!re2::RE2::FullMatch(line, section_expect, &path, &at, &rest)) {
        fail(bundle_line, "expect lines are `path:line: RULE \"substring\"`");
        continue;
      }
      add_from(bundle_line, path, at, rest);
      continue;
    }
    if (!current) {  // the free-text description, which may set variables
      std::string var, value;
      if (f.files.empty() && re2::RE2::FullMatch(line, preamble_variable, &var, &value)) {
        if (var == "pack") {
          f.pack = value;
        } else {
          f.variables[var] = value;
        }
      }
      continue;
    }
    ++file_line;
    if (!current->symlink_target.empty()) {
      if (!line.empty()) fail(bundle_line, "a symbolic link section must be empty");
      continue;
    }
    current->text += (current_binary ? decode_nul(line) : line) + "\n";
    std::string next_line, payload;
    if (re2::RE2::PartialMatch(line, inline_expect, &next_line, &payload)) {
      add_from(bundle_line, current->path, next_line.empty() ? file_line : file_line + 1, payload);
    }
  }
  return f;
}

// A fresh directory holding `repo/` (the repository) and whatever the bundle puts next to it.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "kep-lint-fixture-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    path_ = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

void write_fixture(const Fixture& f, const fs::path& repo) {
  fs::create_directories(repo);
  for (const FixtureFile& file : f.files) {
    fs::path p = (repo / file.path).lexically_normal();
    fs::create_directories(p.parent_path());
    if (!file.symlink_target.empty()) {
      fs::create_symlink(file.symlink_target, p);
      continue;
    }
    std::ofstream out(p, std::ios::binary);
    out << file.text;
  }
}

struct LintRun {
  std::vector<Finding> findings;  // of the rule under test
  std::vector<std::string> proposals;
  std::map<std::string, std::set<std::string>> proposal_files;  // proposal -> its documents
};

LintRun run_lint(const fs::path& repo, const std::string& pack, const Fixture& fx,
                 bool changed_set) {
  const std::string& rule_id = fx.rule_id;
  SessionOptions options;
  options.repo_dir = repo;
  options.pack = pack;
  options.variables = fx.variables;
  if (fs::is_regular_file(repo / "sigs.yaml")) options.dataset_files["sigs"] = repo / "sigs.yaml";
  Session s = open_session(options);
  LintOptions lint_options;
  lint_options.jobs = 2;
  if (changed_set) lint_options.changed_files = s.repo->walk("");
  Report report = lint(*s.run, lint_options);
  if (auto baseline =
          load_run_baseline("", s.config, *s.repo, *s.settings, s.repo->max_file_size())) {
    apply_baseline(report, *baseline);
  }
  LintRun out;
  for (Finding& f : report.findings) {
    // Every rule's message in every fixture, not only the rule under test.
    std::string problem = testing::message_problem(f);
    EXPECT_TRUE(problem.empty()) << f.path << ":" << f.range.start.line << " " << f.rule_id << " "
                                 << f.message << ": " << problem;
    if (f.rule_id == rule_id) out.findings.push_back(std::move(f));
  }
  out.proposals = s.run->all_proposals();
  for (const std::string& p : out.proposals) {
    Proposal proposal = load_proposal(*s.repo, s.pack->layout, p);
    for (const LoadedDocument& d : proposal.documents) {
      if (!d.path.empty()) out.proposal_files[p].insert(d.path);
    }
  }
  return out;
}

std::map<Key, std::vector<const Finding*>> by_key(const std::vector<Finding>& findings) {
  std::map<Key, std::vector<const Finding*>> out;
  for (const Finding& f : findings) out[{f.path, f.range.start.line, f.rule_id}].push_back(&f);
  return out;
}

std::string show(const Key& k) {
  return std::get<0>(k) + ":" + std::to_string(std::get<1>(k)) + ": " + std::get<2>(k);
}

std::string show_finding(const Finding& f) {
  return f.path + ":" + std::to_string(f.range.start.line) + ": " + f.rule_id + " [" +
         std::string(severity_name(f.severity)) + "] " + f.message;
}

// Empty when the findings are exactly the expected ones, else a readable diff.
std::string compare(const Fixture& fx, const std::vector<Finding>& findings) {
  auto actual = by_key(findings);
  std::ostringstream missing, unexpected, wrong_message;
  for (const auto& [key, e] : fx.expected) {
    auto it = actual.find(key);
    if (it == actual.end()) {
      missing << "  - " << show(key);
      for (const auto& s : e.substrings) missing << " \"" << s << "\"";
      missing << "   (fixture line " << e.fixture_line << ")\n";
      continue;
    }
    for (const std::string& s : e.substrings) {
      bool found = std::any_of(it->second.begin(), it->second.end(), [&](const Finding* f) {
        return f->message.find(s) != std::string::npos;
      });
      if (!found) {
        wrong_message << "  ~ " << show(key) << ": no message contains \"" << s
                      << "\" (fixture line " << e.fixture_line << "); got:\n";
        for (const Finding* f : it->second) wrong_message << "      " << f->message << "\n";
      }
    }
  }
  for (const auto& [key, list] : actual) {
    if (fx.expected.count(key)) continue;
    for (const Finding* f : list) unexpected << "  + " << show_finding(*f) << "\n";
  }
  std::string out;
  if (!missing.str().empty()) out += "expected but not reported:\n" + missing.str();
  if (!unexpected.str().empty()) out += "reported but not expected:\n" + unexpected.str();
  if (!wrong_message.str().empty()) out += "message mismatch:\n" + wrong_message.str();
  if (!out.empty()) {
    out += "all " + fx.rule_id + " findings:\n";
    for (const Finding& f : findings) out += "    " + show_finding(f) + "\n";
    if (findings.empty()) out += "    (none)\n";
  }
  return out;
}

std::vector<std::string> fixture_files() {
  std::vector<std::string> out;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(kFixtureRoot, ec), end; !ec && it != end;
       it.increment(ec)) {
    if (it->is_regular_file() && it->path().extension() == ".txtar") {
      out.push_back(it->path().lexically_relative(kFixtureRoot).generic_string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

class RuleFixture : public ::testing::TestWithParam<std::string> {};

TEST_P(RuleFixture, ReportsExactlyTheAnnotatedFindings) {
  const fs::path file = kFixtureRoot / GetParam();
  std::string pack_name = fs::path(GetParam()).parent_path().string();
  Fixture fx = parse_fixture(file);
  for (const std::string& e : fx.errors) ADD_FAILURE() << e;
  ASSERT_TRUE(fx.errors.empty());
  bool engine = pack_name == "engine";
  if (engine) pack_name = fx.pack.empty() ? "kubernetes" : fx.pack;

  Pack pack = load_builtin_pack(pack_name);
  const Rule* rule = engine ? find_engine_rule(fx.rule_id) : pack.find_rule(fx.rule_id);
  ASSERT_NE(rule, nullptr) << "no rule " << fx.rule_id << " in pack " << pack_name;

  TempDir tmp;
  fs::path repo = tmp.path() / "repo";
  write_fixture(fx, repo);
  LintRun whole = run_lint(repo, pack_name, fx, /*changed_set=*/false);
  LintRun changed = run_lint(repo, pack_name, fx, /*changed_set=*/true);

  bool configured = fs::exists(repo / ".kep-lint.yaml");
  bool off_in_whole_repo = !configured && rule->whole_repo_severity == Severity::Off;
  if (off_in_whole_repo) {
    // Old proposals are not held to the rule: only the changed-set run reports.
    for (const Finding& f : whole.findings) {
      ADD_FAILURE() << GetParam() << ": whole-repo-severity is off, yet the whole-repo run "
                    << "reported " << show_finding(f);
    }
    std::string diff = compare(fx, changed.findings);
    EXPECT_TRUE(diff.empty()) << GetParam() << " (changed-set run):\n" << diff;
    whole.findings = changed.findings;  // the checks below look at what the rule reports
  } else {
    std::string diff = compare(fx, whole.findings);
    EXPECT_TRUE(diff.empty()) << GetParam() << " (whole-repo run):\n" << diff;

    // The changed-set run must find the same places, at the rule's own severity.
    auto whole_keys = by_key(whole.findings), changed_keys = by_key(changed.findings);
    std::ostringstream pass_diff;
    for (const auto& [k, _] : whole_keys) {
      if (!changed_keys.count(k)) pass_diff << "  only in the whole-repo run: " << show(k) << "\n";
    }
    for (const auto& [k, _] : changed_keys) {
      if (!whole_keys.count(k)) pass_diff << "  only in the changed-set run: " << show(k) << "\n";
    }
    EXPECT_TRUE(pass_diff.str().empty()) << GetParam() << ":\n" << pass_diff.str();
  }

  if (!configured && !off_in_whole_repo) {
    Severity old = rule->whole_repo_severity.value_or(rule->severity);
    for (const Finding& f : whole.findings) {
      EXPECT_EQ(f.severity, old) << "whole-repo run: " << show_finding(f);
    }
  }
  if (!configured) {
    for (const Finding& f : changed.findings) {
      EXPECT_EQ(f.severity, rule->severity) << "changed-set run: " << show_finding(f);
    }
  }

  // A fixture must prove both that the rule fires and that it stays quiet on a good proposal.
  EXPECT_FALSE(fx.expected.empty()) << GetParam() << " expects no finding";
  int quiet = 0;
  for (const std::string& p : whole.proposals) {
    const auto& docs = whole.proposal_files[p];
    bool noisy = std::any_of(whole.findings.begin(), whole.findings.end(), [&](const Finding& f) {
      return f.proposal == p || f.path.rfind(p + "/", 0) == 0 || docs.count(f.path);
    });
    if (!noisy) ++quiet;
  }
  EXPECT_GT(quiet, 0) << GetParam() << " has no proposal without a " << fx.rule_id
                      << " finding (proposals: " << whole.proposals.size() << ")";
}

std::string test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = fs::path(info.param).replace_extension().generic_string();
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Rules, RuleFixture, ::testing::ValuesIn(fixture_files()), test_name);

TEST(RuleFixtures, EveryBuiltinRuleHasAFixture) {
  std::vector<std::string> packs = builtin_pack_names();
  ASSERT_FALSE(packs.empty());
  packs.push_back("engine");
  for (const std::string& name : packs) {
    Pack pack = name == "engine" ? Pack{} : load_builtin_pack(name);
    for (const Rule& rule : name == "engine" ? engine_pack().rules : pack.rules) {
      fs::path file = kFixtureRoot / name / (rule.id + ".txtar");
      EXPECT_TRUE(fs::is_regular_file(file))
          << "rule " << rule.id << " (" << rule.name << ") of pack " << name << " has no fixture "
          << file.lexically_relative(KEP_LINT_SOURCE_DIR).generic_string();
    }
  }
}

TEST(RuleFixtures, EveryFixtureNamesARuleAndExpectsAFinding) {
  std::vector<std::string> packs = builtin_pack_names();
  for (const std::string& rel : fixture_files()) {
    std::string pack_name = fs::path(rel).parent_path().string();
    Fixture fx = parse_fixture(kFixtureRoot / rel);
    if (pack_name == "engine") {
      EXPECT_NE(find_engine_rule(fx.rule_id), nullptr) << rel << ": no engine rule " << fx.rule_id;
      pack_name = fx.pack.empty() ? "kubernetes" : fx.pack;
    }
    ASSERT_TRUE(std::find(packs.begin(), packs.end(), pack_name) != packs.end())
        << rel << ": no built-in pack " << pack_name;
    Pack pack = load_builtin_pack(pack_name);
    if (fs::path(rel).parent_path() != "engine") {
      EXPECT_NE(pack.find_rule(fx.rule_id), nullptr) << rel << ": no rule " << fx.rule_id;
    }
    EXPECT_FALSE(fx.expected.empty()) << rel << " expects no finding";
    EXPECT_TRUE(fx.errors.empty()) << rel << ": " << (fx.errors.empty() ? "" : fx.errors[0]);
  }
}

// The harness itself: annotations of every form land on the right lines.
TEST(RuleFixtures, ParsesAnnotations) {
  TempDir tmp;
  fs::path file = tmp.path() / "KEP003.txtar";
  std::ofstream(file) << "about\n"
                         "release: v1.37\n"
                         "-- a/kep.yaml --\n"
                         "title: x\n"
                         "status: bad  # expect: KEP003 \"did you mean\"\n"
                         "# expect-next-line: KEP003\n"
                         "status: worse\n"
                         "-- a/README.md --\n"
                         "# Title <!-- expect: KEP003 -->\n"
                         "<!-- expect-next-line: KEP003 \"m\", KEP003 \"n\" -->\n"
                         "text\n"
                         "-- a/bin.png (binary) --\n"
                         "x\\x00y\n"
                         "-- a/link.md -> ../elsewhere.md --\n"
                         "-- expect --\n"
                         "a/missing.yaml:0: KEP003 \"missing\"\n";
  Fixture fx = parse_fixture(file);
  EXPECT_TRUE(fx.errors.empty());
  EXPECT_EQ(fx.variables, (std::map<std::string, std::string>{{"release", "v1.37"}}));
  ASSERT_EQ(fx.files.size(), 4u);
  EXPECT_EQ(fx.files[0].text,
            "title: x\nstatus: bad  # expect: KEP003 \"did you mean\"\n# expect-next-line: "
            "KEP003\nstatus: worse\n");
  EXPECT_EQ(fx.files[2].text, std::string("x\0y\n", 4));
  EXPECT_EQ(fx.files[3].symlink_target, "../elsewhere.md");
  std::vector<Key> keys;
  for (const auto& [k, e] : fx.expected) keys.push_back(k);
  std::vector<Key> want = {{"a/README.md", 1, "KEP003"},
                           {"a/README.md", 3, "KEP003"},
                           {"a/kep.yaml", 2, "KEP003"},
                           {"a/kep.yaml", 4, "KEP003"},
                           {"a/missing.yaml", 0, "KEP003"}};
  EXPECT_EQ(keys, want);
  EXPECT_EQ(fx.expected[want[1]].substrings, (std::vector<std::string>{"m", "n"}));
  EXPECT_EQ(fx.expected[want[2]].substrings, (std::vector<std::string>{"did you mean"}));
}

TEST(RuleFixtures, RejectsMalformedAnnotations) {
  TempDir tmp;
  fs::path file = tmp.path() / "KEP003.txtar";
  std::ofstream(file) << "-- a/kep.yaml --\n"
                         "release: v1.37\n"
                         "status: x  # expect: KEP004\n"
                         "stage: y  # expect: KEP003 oops\n"
                         "-- /etc/passwd --\n"
                         "-- expect --\n"
                         "no colon here\n";
  Fixture fx = parse_fixture(file);
  EXPECT_EQ(fx.errors.size(), 4u);
  EXPECT_TRUE(fx.variables.empty()) << "`release:` inside a file is the file's text";
}

// The comparison reports all three kinds of difference.
TEST(RuleFixtures, ComparisonShowsMissingUnexpectedAndWrongMessages) {
  Fixture fx;
  fx.rule_id = "KEP003";
  fx.expected[{"a.yaml", 1, "KEP003"}] = {"a.yaml", 1, "KEP003", {"did you mean"}, 5};
  fx.expected[{"a.yaml", 2, "KEP003"}] = {"a.yaml", 2, "KEP003", {}, 6};
  std::vector<Finding> findings(2);
  findings[0].rule_id = "KEP003";
  findings[0].path = "a.yaml";
  findings[0].range = Range::line(1);
  findings[0].message = "status 'x' is not one of: a, b";
  findings[1] = findings[0];
  findings[1].range = Range::line(3);
  std::string diff = compare(fx, findings);
  EXPECT_NE(diff.find("expected but not reported:\n  - a.yaml:2: KEP003"), std::string::npos)
      << diff;
  EXPECT_NE(diff.find("reported but not expected:\n  + a.yaml:3: KEP003"), std::string::npos)
      << diff;
  EXPECT_NE(diff.find("no message contains \"did you mean\""), std::string::npos) << diff;
  fx.expected.erase({"a.yaml", 2, "KEP003"});
  fx.expected[{"a.yaml", 3, "KEP003"}] = {"a.yaml", 3, "KEP003", {"not one of"}, 7};
  fx.expected[{"a.yaml", 1, "KEP003"}].substrings = {"is not"};
  EXPECT_EQ(compare(fx, findings), "");
}

}  // namespace
}  // namespace keplint
