#include "engine/baseline.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "engine/coverage.h"
#include "engine/engine_rules.h"
#include "engine/rule_error.h"
#include "test_pack.h"

namespace keplint {
namespace {

using ::testing::HasSubstr;

SourcePtr text(std::string s) {
  return std::make_shared<const SourceFile>("baseline.json", std::move(s));
}

std::string parse_error(const std::string& s) {
  try {
    parse_baseline(text(s));
  } catch (const RuleError& e) {
    return e.what();
  }
  return "(parsed)";
}

BaselineEntry entry(std::string rule, std::string proposal, std::string path, std::string anchor,
                    int count = 1) {
  BaselineEntry e;
  e.rule = std::move(rule);
  e.proposal = std::move(proposal);
  e.path = std::move(path);
  e.anchor = std::move(anchor);
  e.count = count;
  return e;
}

Finding finding(const std::string& rule, const std::string& proposal, const std::string& path,
                int line, const std::string& anchor, const std::string& message = "m") {
  Finding f;
  f.rule_id = rule;
  f.proposal = proposal;
  f.path = path;
  f.range = Range::line(line);
  f.anchor = anchor;
  f.message = message;
  return f;
}

TEST(Baseline, ParseErrorsNameTheLine) {
  EXPECT_THAT(parse_error("{\n  \"version\": 1,\n  \"entries\": [\n    {\"rule\": }\n  ]\n}\n"),
              HasSubstr("baseline.json:4:14: baseline is not valid JSON: syntax error"));
  EXPECT_THAT(parse_error("[]"), HasSubstr("baseline.json:1:1: baseline must be a JSON object"));
  EXPECT_THAT(parse_error("{\"version\": 2, \"entries\": []}"),
              HasSubstr("\"version\" must be 1, not 2"));
  EXPECT_THAT(parse_error("{\"entries\": []}"), HasSubstr("(it is missing)"));
  EXPECT_THAT(parse_error("{\"version\": 1, \"entries\": {}}"), HasSubstr("must be a list"));
  EXPECT_THAT(parse_error("{\"version\": 1, \"entries\": [], \"extra\": 1}"),
              HasSubstr("unknown field \"extra\""));
  std::string two =
      "{\n  \"version\": 1,\n  \"entries\": [\n"
      "    {\"rule\": \"A1\", \"proposal\": \"\", \"path\": \"p\", \"anchor\": \"a\"},\n"
      "    {\"rule\": \"A1\", \"proposal\": \"\", \"path\": \"p\", \"anchor\": \"a\", ";
  EXPECT_THAT(parse_error(two + "\"count\": 0}\n  ]\n}\n"),
              HasSubstr("baseline.json:5:5: baseline entry \"count\" must be a whole number"));
  EXPECT_THAT(parse_error(two + "\"line\": 3}\n  ]\n}\n"),
              HasSubstr("baseline.json:5:5: unknown field \"line\" in a baseline entry"));
  EXPECT_THAT(parse_error("{\"version\": 1, \"entries\": [\n {\"rule\": \"A1\", \"path\": \"p\", "
                          "\"anchor\": \"a\"}]}"),
              HasSubstr("baseline.json:2:2: baseline entry has no \"proposal\""));
  EXPECT_THAT(parse_error("{\"version\": 1, \"entries\": [\n {\"rule\": 1, \"path\": \"p\", "
                          "\"anchor\": \"a\", \"proposal\": \"\"}]}"),
              HasSubstr("field \"rule\" must be a string"));
  EXPECT_THAT(parse_error("{\"version\": 1, \"entries\": [\"x\"]}"),
              HasSubstr("baseline.json:1:27: baseline entry must be an object"));
  EXPECT_THAT(parse_error(""), HasSubstr("baseline.json:1:1: baseline is not valid JSON"));
}

TEST(Baseline, RenderIsSortedMergedAndReadsBack) {
  std::vector<BaselineEntry> entries = {
      entry("KEP003", "keps/b", "keps/b/kep.yaml", "status"),
      entry("KEP011", "keps/a", "keps/a/kep.yaml", "creation-date"),
      entry("KEP003", "keps/b", "keps/b/kep.yaml", "status", 2),
      entry("KEP046", "", "prr/x.yaml", "prr/x.yaml"),
      entry("KEP001", "keps/a", "keps/a/kep.yaml", "syntax", 0),  // dropped
  };
  std::string out = render_baseline(entries);
  EXPECT_EQ(out,
            "{\n"
            "  \"version\": 1,\n"
            "  \"entries\": [\n"
            "    {\n"
            "      \"rule\": \"KEP046\",\n"
            "      \"proposal\": \"\",\n"
            "      \"path\": \"prr/x.yaml\",\n"
            "      \"anchor\": \"prr/x.yaml\",\n"
            "      \"count\": 1\n"
            "    },\n"
            "    {\n"
            "      \"rule\": \"KEP011\",\n"
            "      \"proposal\": \"keps/a\",\n"
            "      \"path\": \"keps/a/kep.yaml\",\n"
            "      \"anchor\": \"creation-date\",\n"
            "      \"count\": 1\n"
            "    },\n"
            "    {\n"
            "      \"rule\": \"KEP003\",\n"
            "      \"proposal\": \"keps/b\",\n"
            "      \"path\": \"keps/b/kep.yaml\",\n"
            "      \"anchor\": \"status\",\n"
            "      \"count\": 3\n"
            "    }\n"
            "  ]\n"
            "}\n");
  Baseline back = parse_baseline(text(out));
  ASSERT_EQ(back.entries.size(), 3u);
  EXPECT_EQ(back.entries[2].count, 3);
  EXPECT_EQ(back.entries[2].position, (Position{18, 5}));
  EXPECT_EQ(render_baseline(back.entries), out) << "reading and writing again changes nothing";
  std::reverse(entries.begin(), entries.end());
  EXPECT_EQ(render_baseline(entries), out) << "order of the input does not matter";
  EXPECT_EQ(render_baseline({}), "{\n  \"version\": 1,\n  \"entries\": []\n}\n");
}

TEST(Baseline, DuplicateKeysInAFileAddUp) {
  Baseline b = parse_baseline(
      text("{\"version\": 1, \"entries\": ["
           "{\"rule\": \"A1\", \"proposal\": \"\", \"path\": \"p\", \"anchor\": \"a\"},"
           "{\"rule\": \"A1\", \"proposal\": \"\", \"path\": \"p\", \"anchor\": \"a\", "
           "\"count\": 2}]}"));
  ASSERT_EQ(b.entries.size(), 1u);
  EXPECT_EQ(b.entries[0].count, 3);
}

TEST(Baseline, AnchorFallsBackToTheMessageAndIsValidUtf8) {
  Finding f = finding("KEP001", "keps/a", "keps/a/kep.yaml", 3, "", "YAML syntax error");
  EXPECT_EQ(baseline_anchor(f), "YAML syntax error");
  f.anchor = "title \xff";
  BaselineEntry k = baseline_key(f);
  EXPECT_EQ(k.anchor, "title \xEF\xBF\xBD");
  Baseline back = parse_baseline(text(render_baseline({k})));
  EXPECT_EQ(back.entries.at(0).anchor, k.anchor) << "what is written is what is matched";
}

class BaselineApplyTest : public ::testing::Test {
 protected:
  BaselineApplyTest() : pack_(load_pack("test", testing::test_pack_files())) {
    auto coverage = std::make_shared<RunCoverage>(pack_);
    coverage->proposals["keps/a"] = std::vector<bool>(pack_.rules.size(), true);
    coverage->proposals["keps/b"] = std::vector<bool>(pack_.rules.size(), true);
    coverage_ = coverage.get();
    report_.coverage = std::move(coverage);
    report_.rules.push_back({"KL003", "stale-baseline-entry", Severity::Info, "", ""});
  }
  Baseline baseline(std::vector<BaselineEntry> entries) {
    return parse_baseline(text(render_baseline(std::move(entries))));
  }
  std::vector<std::string> remaining() const {
    std::vector<std::string> out;
    for (const Finding& f : report_.findings) {
      out.push_back(f.rule_id + " " + f.path + ":" + std::to_string(f.range.start.line));
    }
    return out;
  }

  Pack pack_;
  RunCoverage* coverage_;
  Report report_;
};

TEST_F(BaselineApplyTest, CountAcceptsTheFirstAndReportsTheRest) {
  for (int line : {3, 5, 9}) {
    report_.findings.push_back(finding("T001", "keps/a", "keps/a/kep.yaml", line, "status"));
  }
  report_.findings.push_back(finding("T004", "keps/a", "keps/a/kep.yaml", 4, "owning-sig"));
  BaselineResult r =
      apply_baseline(report_, baseline({entry("T001", "keps/a", "keps/a/kep.yaml", "status", 2)}));
  EXPECT_EQ(r.accepted, 2u);
  EXPECT_TRUE(r.stale.empty());
  EXPECT_THAT(remaining(),
              ::testing::ElementsAre("T004 keps/a/kep.yaml:4", "T001 keps/a/kep.yaml:9"));
}

TEST_F(BaselineApplyTest, StaleEntriesOnlyWhereTheRuleLooked) {
  coverage_->proposals["keps/b"][0] = false;  // T001 did not run on keps/b (its `when`)
  coverage_->whole_repo = false;              // a changed-file run of keps/a and keps/b
  Baseline b = baseline({
      entry("T001", "keps/a", "keps/a/kep.yaml", "status"),       // stale: T001 ran on keps/a
      entry("T001", "keps/b", "keps/b/kep.yaml", "status"),       // not: T001 did not run there
      entry("T001", "keps/c", "keps/c/kep.yaml", "status"),       // not: keps/c was not linted
      entry("T006", "", "prr/sig-a/9.yaml", "prr/sig-a/9.yaml"),  // not: repository rule, not run
      entry("KEP999", "keps/a", "keps/a/kep.yaml", "x"),          // a removed rule: stale
      entry("KEP999", "keps/c", "keps/c/kep.yaml", "x"),          // ... where linted only
  });
  BaselineResult r = apply_baseline(report_, b);
  // In file order (the file is sorted by proposal, path, rule, anchor).
  ASSERT_EQ(r.stale.size(), 2u);
  EXPECT_EQ(r.stale[0].rule, "KEP999");
  EXPECT_EQ(r.stale[0].proposal, "keps/a");
  EXPECT_EQ(r.stale[1].rule, "T001");
  EXPECT_EQ(r.stale[1].proposal, "keps/a");
  ASSERT_EQ(report_.findings.size(), 2u);
  const Finding& f = report_.findings[1];
  EXPECT_EQ(f.rule_id, "KL003");
  EXPECT_EQ(f.severity, Severity::Info);
  EXPECT_EQ(f.path, "baseline.json");
  EXPECT_EQ(f.range.start, r.stale[1].position);
  EXPECT_GT(f.range.start.line, 0);
  EXPECT_THAT(f.message, HasSubstr("T001 in keps/a/kep.yaml at 'status' is gone"));

  // The whole repository: a proposal that no longer exists has nothing left to match.
  report_.findings.clear();
  coverage_->whole_repo = true;
  r = apply_baseline(report_, b);
  std::vector<std::string> stale;
  for (const BaselineEntry& e : r.stale) stale.push_back(e.rule + " " + e.proposal);
  EXPECT_THAT(stale, ::testing::ElementsAre("KEP999 keps/a", "T001 keps/a", "KEP999 keps/c",
                                            "T001 keps/c"));
}

TEST_F(BaselineApplyTest, Kl003OffStillCountsStaleEntries) {
  report_.rules.clear();
  BaselineResult r =
      apply_baseline(report_, baseline({entry("T001", "keps/a", "keps/a/kep.yaml", "status")}));
  EXPECT_EQ(r.stale.size(), 1u);
  EXPECT_TRUE(report_.findings.empty());
}

TEST_F(BaselineApplyTest, UpdatedBaselineKeepsWhatTheRunDidNotLook) {
  coverage_->whole_repo = false;
  report_.findings.push_back(finding("T004", "keps/a", "keps/a/kep.yaml", 4, "owning-sig"));
  report_.findings.push_back(finding("T004", "keps/a", "keps/a/kep.yaml", 4, "owning-sig", "n"));
  report_.findings.push_back(finding("KL003", "", "baseline.json", 3, "x"));  // never recorded
  Baseline previous = baseline({
      entry("T001", "keps/a", "keps/a/kep.yaml", "status"),  // linted and gone: pruned
      entry("T001", "keps/c", "keps/c/kep.yaml", "status"),  // not linted: kept
  });
  std::string out = render_baseline(updated_baseline(report_, &previous));
  Baseline back = parse_baseline(text(out));
  ASSERT_EQ(back.entries.size(), 2u);
  EXPECT_EQ(back.entries[0].rule, "T004");
  EXPECT_EQ(back.entries[0].count, 2);
  EXPECT_EQ(back.entries[1].proposal, "keps/c");
}

}  // namespace
}  // namespace keplint
