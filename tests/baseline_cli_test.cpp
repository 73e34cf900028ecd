// The baseline and inline suppressions end to end, through the kep-lint binary.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "git_fixture.h"
#include "kep_lint_runner.h"
#include "repo/process.h"
#include "test_pack.h"

namespace keplint {
namespace {

namespace fs = std::filesystem;
using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::write_file;
using testing::write_kep;

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

class BaselineCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = tmp_.path() / "repo";
    pack_ = tmp_.path() / "pack";
    testing::write_test_pack(pack_);
    fs::create_directories(root_ / "keps");
    // sig-a/1: bad status (T001 error); sig-b/2: no README (T003 warning).
    write_kep(root_, "sig-a", "1", "one", "bogus");
    write_kep(root_, "sig-b", "2", "two");
    fs::remove(root_ / "keps/sig-b/2-two/README.md");
  }

  // kep-lint with the test pack, run in the repository with a clean environment.
  ProcessResult lint(std::vector<std::string> args) {
    args.insert(args.begin(), {"--rules", pack_.string()});
    return testing::run_kep_lint(args, root_, tmp_.path());
  }

  void write(const std::string& rel, const std::string& text) { write_file(root_ / rel, text); }
  std::string baseline() { return read_text(root_ / "bl.json"); }

  testing::TempDir tmp_;
  fs::path root_;
  fs::path pack_;
};

TEST_F(BaselineCliTest, RoundTrip) {
  ProcessResult before = lint({});
  EXPECT_EQ(before.exit_code, 1) << before.out << before.err;

  ProcessResult w = lint({"--write-baseline", "bl.json"});
  EXPECT_EQ(w.exit_code, 0) << w.err;
  EXPECT_EQ(w.out, "") << "writing a baseline reports nothing";
  EXPECT_THAT(w.err, HasSubstr("wrote bl.json: 2 findings of this run"));
  std::string text = baseline();
  EXPECT_THAT(text, AllOf(HasSubstr("\"version\": 1"), HasSubstr("\"rule\": \"T001\""),
                          HasSubstr("\"anchor\": \"status\""), HasSubstr("\"rule\": \"T003\""),
                          Not(HasSubstr("\"line\""))));
  ASSERT_FALSE(text.empty());
  EXPECT_EQ(text.back(), '\n');

  // Linting again with it: clean.
  ProcessResult again = lint({"--baseline", "bl.json"});
  EXPECT_EQ(again.exit_code, 0) << again.out << again.err;
  EXPECT_THAT(again.out, HasSubstr("no findings"));
  EXPECT_THAT(again.err, HasSubstr("baseline bl.json: 2 findings accepted"));
  // The config names it: the same without the flag.
  write(".kep-lint.yaml", "baseline: bl.json\n");
  EXPECT_EQ(lint({}).exit_code, 0);

  // A new problem shows, the accepted ones stay accepted.
  write("keps/sig-a/1-one/kep.yaml",
        "title: one\nkep-number: 1\nowning-sig: sig-zz\nstatus: bogus\nauthors: ['@someone']\n");
  ProcessResult changed = lint({"--format", "json", "-q"});
  EXPECT_EQ(changed.exit_code, 1) << changed.err;
  nlohmann::json j = nlohmann::json::parse(changed.out);
  ASSERT_EQ(j["findings"].size(), 1u) << changed.out;
  EXPECT_EQ(j["findings"][0]["rule"], "T004");

  // Fixing one makes its entry stale: KL003 (info) on the baseline, and a note.
  write("keps/sig-a/1-one/kep.yaml",
        "title: one\nkep-number: 1\nowning-sig: sig-a\nstatus: provisional\n"
        "authors: ['@someone']\n");
  ProcessResult fixed = lint({});
  EXPECT_EQ(fixed.exit_code, 0) << fixed.out << fixed.err;
  EXPECT_THAT(fixed.out, HasSubstr("bl.json:4:5: info[KL003] baseline entry matches no finding: "
                                   "T001 in keps/sig-a/1-one/kep.yaml at 'status' is gone"));
  EXPECT_THAT(fixed.err, HasSubstr("1 entry matches no finding any more (KL003): "
                                   "--write-baseline bl.json prunes them"));
  EXPECT_EQ(lint({"--fail-level", "info"}).exit_code, 1);
}

TEST_F(BaselineCliTest, PartialRunsKeepWhatTheyDidNotLint) {
  ASSERT_EQ(lint({"--write-baseline", "bl.json"}).exit_code, 0);
  std::string whole = baseline();
  // Fix sig-a's KEP, then a run over sig-b only: sig-a's entry is neither stale nor pruned.
  write("keps/sig-a/1-one/kep.yaml",
        "title: one\nkep-number: 1\nowning-sig: sig-a\nstatus: provisional\n"
        "authors: ['@someone']\n");
  ProcessResult b = lint({"--baseline", "bl.json", "keps/sig-b"});
  EXPECT_EQ(b.exit_code, 0) << b.out << b.err;
  EXPECT_THAT(b.out, Not(HasSubstr("KL003")));
  ASSERT_EQ(lint({"--write-baseline", "bl.json", "keps/sig-b"}).exit_code, 0);
  EXPECT_EQ(baseline(), whole);
  // A run over sig-a prunes its entry and keeps sig-b's.
  ASSERT_EQ(lint({"--write-baseline", "bl.json", "keps/sig-a"}).exit_code, 0);
  EXPECT_THAT(baseline(), AllOf(Not(HasSubstr("T001")), HasSubstr("\"rule\": \"T003\"")));
}

TEST_F(BaselineCliTest, Deterministic) {
  ASSERT_EQ(lint({"--write-baseline", "bl.json", "-j", "1"}).exit_code, 0);
  std::string one = baseline();
  fs::remove(root_ / "bl.json");
  ASSERT_EQ(lint({"--write-baseline", "bl.json", "-j", "4"}).exit_code, 0);
  EXPECT_EQ(baseline(), one);
  ASSERT_EQ(lint({"--write-baseline", "bl.json"}).exit_code, 0);
  EXPECT_EQ(baseline(), one) << "rewriting an up-to-date baseline changes nothing";
}

TEST_F(BaselineCliTest, BrokenOrUnusableBaselines) {
  write("bl.json", "{\n  \"version\": 1,\n  \"entries\": [\n    {\"rule\": \"T001\"}\n  ]\n}\n");
  ProcessResult r = lint({"--baseline", "bl.json"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("bl.json:4:5: baseline entry has no \"proposal\""));

  write("bl.json", "{\"version\": 1, \"entries\": [}\n");
  r = lint({"--baseline", "bl.json"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("bl.json:1:28: baseline is not valid JSON"));
  // --write-baseline does not overwrite a file it cannot read.
  r = lint({"--write-baseline", "bl.json"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(baseline(), "{\"version\": 1, \"entries\": [}\n");

  r = lint({"--baseline", "missing.json"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("missing.json:1:1: cannot read baseline: file not found"));

  write(".kep-lint.yaml", "fail-level: error\nbaseline: nowhere.json\n");
  r = lint({});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr(".kep-lint.yaml:2:11: baseline 'nowhere.json': file not found"));
  fs::remove(root_ / ".kep-lint.yaml");

  // Over the size cap: refused like any oversized input.
  write_file(tmp_.path() / "big.json", std::string(5u << 20, ' '));
  r = lint({"--baseline", (tmp_.path() / "big.json").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("over the size limit"));

  r = lint({"--baseline", "a.json", "--write-baseline", "b.json"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("not both"));
}

TEST_F(BaselineCliTest, BaselineOutsideTheRepository) {
  std::string outside = (tmp_.path() / "outside" / "bl.json").string();
  fs::create_directories(tmp_.path() / "outside");
  ASSERT_EQ(lint({"--write-baseline", outside}).exit_code, 0);
  EXPECT_FALSE(fs::exists(root_ / "bl.json"));
  ProcessResult r = lint({"--baseline", outside});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  // Stale entries point at the file as the user named it.
  write("keps/sig-a/1-one/kep.yaml",
        "title: one\nkep-number: 1\nowning-sig: sig-a\nstatus: provisional\n"
        "authors: ['@someone']\n");
  r = lint({"--baseline", outside, "-q"});
  EXPECT_THAT(r.out, HasSubstr(outside + ":4:5: info[KL003]"));
}

TEST_F(BaselineCliTest, SuppressionsThroughTheCli) {
  write("keps/sig-a/1-one/kep.yaml",
        "title: one\nkep-number: 1\nowning-sig: sig-a\n"
        "status: bogus  # kep-lint: disable-line T001 -- waiting for the new status\n"
        "authors: ['@someone']  # kep-lint: disable-line T002\n");
  ProcessResult r = lint({"--format", "sarif", "-q"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  nlohmann::json sarif = nlohmann::json::parse(r.out);
  const auto& run = sarif["runs"][0];
  ASSERT_EQ(run["results"].size(), 2u) << r.out;  // T003 for sig-b, KL001 for sig-a
  std::set<std::string> results;
  for (const auto& res : run["results"]) results.insert(res["ruleId"].get<std::string>());
  EXPECT_EQ(results, (std::set<std::string>{"KL001", "T003"}));
  std::set<std::string> rules;
  for (const auto& rule : run["tool"]["driver"]["rules"]) rules.insert(rule["id"]);
  EXPECT_TRUE(rules.count("KL001") && rules.count("KL002") && rules.count("KL003"));

  // The severity of kep-lint's own diagnostics is configured like any rule's.
  write(".kep-lint.yaml", "rules:\n  unused-suppression: error\n");
  EXPECT_EQ(lint({}).exit_code, 1);
  write(".kep-lint.yaml", "rules:\n  KL001: off\n");
  r = lint({"-q"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_THAT(r.out, Not(HasSubstr("KL001")));

  ProcessResult list = lint({"--list-rules"});
  EXPECT_THAT(list.out, HasSubstr("KL002  invalid-suppression  [warning]"));
}

}  // namespace
}  // namespace keplint
