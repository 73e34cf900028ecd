#include "repo/path_template.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <random>

namespace keplint {
namespace {

using ::testing::ElementsAre;
using ::testing::Pair;
using Vars = std::map<std::string, std::string>;

VariableLookup lookup(Vars vars) {
  return [vars = std::move(vars)](std::string_view name) -> std::optional<std::string> {
    auto it = vars.find(std::string(name));
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

constexpr const char* kPrr = "keps/prod-readiness/{owning-sig}/{kep-number}.yaml";

TEST(FillPathTemplate, FillsEveryVariable) {
  FilledPath f =
      fill_path_template(kPrr, lookup({{"owning-sig", "sig-node"}, {"kep-number", "42"}}));
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f.path, "keps/prod-readiness/sig-node/42.yaml");
  EXPECT_EQ(fill_path_template("no/variables.yaml", lookup({})).path, "no/variables.yaml");
}

TEST(FillPathTemplate, NamesTheMissingVariable) {
  FilledPath f = fill_path_template(kPrr, lookup({{"owning-sig", "sig-node"}}));
  EXPECT_FALSE(f.ok());
  EXPECT_EQ(f.missing, "kep-number");
  EXPECT_EQ(f.path, "");
}

TEST(FillPathTemplate, RefusesValuesThatLeaveTheirSegment) {
  for (const std::string& bad :
       std::vector<std::string>{"../../etc", "..", ".", "", "a/b", "/etc", "a\\b",
                                std::string("a\0b", 3), "a\nb", "a\rb"}) {
    FilledPath f = fill_path_template(kPrr, lookup({{"owning-sig", bad}, {"kep-number", "42"}}));
    EXPECT_FALSE(f.ok()) << bad;
    EXPECT_EQ(f.bad_variable, "owning-sig") << bad;
    EXPECT_EQ(f.bad_value, bad);
    EXPECT_EQ(f.path, "") << "a refused value must not leave a partial path";
  }
}

TEST(FillPathTemplate, AcceptsOrdinarySegmentValues) {
  for (std::string ok : {"sig-node", "...", "a..b", ".hidden", "x y", "ünïcode"}) {
    FilledPath f = fill_path_template(kPrr, lookup({{"owning-sig", ok}, {"kep-number", "1"}}));
    EXPECT_TRUE(f.ok()) << ok;
    EXPECT_EQ(f.path, "keps/prod-readiness/" + ok + "/1.yaml");
  }
}

TEST(FillPathTemplate, PathVariablesMaySpanSegmentsButStayInside) {
  std::vector<std::string> path_vars = {"dir"};
  FilledPath f =
      fill_path_template("{dir}/kep.yaml", lookup({{"dir", "keps/sig-a/1-x"}}), path_vars);
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f.path, "keps/sig-a/1-x/kep.yaml");

  for (const std::string& bad : std::vector<std::string>{
           "../x", "keps/../../x", "/etc", "a//b", "a/./b", "", "a/", std::string("a/\0b", 4)}) {
    FilledPath g = fill_path_template("{dir}/kep.yaml", lookup({{"dir", bad}}), path_vars);
    EXPECT_FALSE(g.ok()) << bad;
    EXPECT_EQ(g.bad_variable, "dir");
  }
  // Without being declared a path variable, the same value is refused.
  EXPECT_EQ(fill_path_template("{dir}/kep.yaml", lookup({{"dir", "keps/sig-a"}})).bad_variable,
            "dir");
}

TEST(FillPathTemplate, StopsAtTheFirstProblem) {
  FilledPath f = fill_path_template("{a}/{b}", lookup({{"a", ".."}}));
  EXPECT_EQ(f.bad_variable, "a");
  EXPECT_EQ(f.missing, "");
}

TEST(FillTextTemplate, UnknownVariablesStayAsWritten) {
  EXPECT_EQ(fill_text_template("{rule}: {field} is {unknown}",
                               lookup({{"rule", "KEP003"}, {"field", "status"}})),
            "KEP003: status is {unknown}");
  EXPECT_EQ(fill_text_template("no braces", lookup({})), "no braces");
  EXPECT_EQ(fill_text_template("unclosed {brace", lookup({{"brace", "x"}})), "unclosed {brace");
  // Values are not rescanned.
  EXPECT_EQ(fill_text_template("{a}", lookup({{"a", "{b}"}, {"b", "no"}})), "{b}");
}

TEST(TemplateVariables, InOrderOfAppearance) {
  EXPECT_THAT(template_variables(kPrr), ElementsAre("owning-sig", "kep-number"));
  EXPECT_THAT(template_variables("{dir}/x/{dir}"), ElementsAre("dir", "dir"));
  EXPECT_TRUE(template_variables("plain").empty());
}

TEST(MatchPathTemplate, ExtractsTheVariables) {
  auto m = match_path_template(kPrr, "keps/prod-readiness/sig-node/1234.yaml");
  ASSERT_TRUE(m);
  EXPECT_THAT(*m, ElementsAre(Pair("kep-number", "1234"), Pair("owning-sig", "sig-node")));
  auto d = match_path_template("keps/{sig}/{number}-{slug}/kep.yaml",
                               "keps/sig-node/1234-in-place-update/kep.yaml");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->at("number"), "1234");
  EXPECT_EQ(d->at("slug"), "in-place-update");
}

TEST(MatchPathTemplate, VariablesNeverCrossASlashAndAreNeverEmpty) {
  EXPECT_FALSE(match_path_template(kPrr, "keps/prod-readiness/sig-node/extra/1234.yaml"));
  EXPECT_FALSE(match_path_template(kPrr, "keps/prod-readiness//1234.yaml"));
  EXPECT_FALSE(match_path_template(kPrr, "keps/prod-readiness/sig-node/.yaml"));
  EXPECT_FALSE(match_path_template(kPrr, "keps/prod-readiness/sig-node/1234.yml"));
  EXPECT_FALSE(match_path_template(kPrr, "keps/prod-readiness/sig-node/1234.yaml.bak"));
  EXPECT_FALSE(match_path_template(kPrr, "other/prod-readiness/sig-node/1234.yaml"));
  EXPECT_FALSE(match_path_template("{a}", "x/y"));
  EXPECT_TRUE(match_path_template("{a}", "x"));
}

TEST(MatchPathTemplate, AVariableMayContainItsFollowingLiteral) {
  // "each variable matches one non-empty run of characters without '/'": the literal that
  // follows a variable may also occur inside its value.
  auto m = match_path_template(kPrr, "keps/prod-readiness/sig-node/1234.old.yaml");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->at("kep-number"), "1234.old");
  auto n = match_path_template("docs/{name}.md", "docs/a.md.md");
  ASSERT_TRUE(n);
  EXPECT_EQ(n->at("name"), "a.md");
  auto s = match_path_template("keps/{sig}-x/{n}", "keps/a-x-x/1");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->at("sig"), "a-x");
}

TEST(MatchPathTemplate, RoundTripsWithFill) {
  Vars vars = {{"owning-sig", "sig-api-machinery"}, {"kep-number", "2885"}};
  FilledPath f = fill_path_template(kPrr, lookup(vars));
  ASSERT_TRUE(f.ok());
  auto m = match_path_template(kPrr, f.path);
  ASSERT_TRUE(m);
  EXPECT_EQ(*m, vars);
}

// The matcher before it was a table (shortest-first backtracking over every variable's length):
// the reference for which values are extracted. Exponential in the number of adjacent
// variables, so it only sees short inputs here.
namespace reference {

struct Piece {
  bool is_var;
  std::string text;
};

bool match_pieces(const std::vector<Piece>& pieces, std::size_t i, std::string_view path,
                  std::size_t pos, std::map<std::string, std::string>& vars) {
  if (i == pieces.size()) return pos == path.size();
  const Piece& piece = pieces[i];
  if (!piece.is_var) {
    return path.substr(pos, piece.text.size()) == piece.text &&
           match_pieces(pieces, i + 1, path, pos + piece.text.size(), vars);
  }
  std::size_t limit = path.find('/', pos);
  if (limit == std::string_view::npos) limit = path.size();
  for (std::size_t end = pos + 1; end <= limit; ++end) {
    if (match_pieces(pieces, i + 1, path, end, vars)) {
      vars[piece.text] = std::string(path.substr(pos, end - pos));
      return true;
    }
  }
  return false;
}

}  // namespace reference

TEST(MatchPathTemplate, AgreesWithTheBacktrackingMatcherOnRandomInputs) {
  std::mt19937 rng(16);
  const std::vector<std::string> names = {"a", "b", "c"};
  const std::string chars = "xy-/";
  int matches = 0;
  for (int n = 0; n < 100000; ++n) {
    std::vector<reference::Piece> pieces;
    std::string tmpl;
    std::size_t count = 1 + rng() % 5;
    for (std::size_t k = 0; k < count; ++k) {
      if (rng() % 2 == 0) {
        std::string name = names[rng() % names.size()];
        pieces.push_back({true, name});
        tmpl += "{" + name + "}";
      } else {
        std::string lit;
        for (std::size_t len = 1 + rng() % 2; len > 0; --len) lit += chars[rng() % chars.size()];
        if (!pieces.empty() && !pieces.back().is_var) {
          pieces.back().text += lit;
        } else {
          pieces.push_back({false, lit});
        }
        tmpl += lit;
      }
    }
    std::string path;
    for (std::size_t len = rng() % 8; len > 0; --len) path += chars[rng() % chars.size()];
    std::map<std::string, std::string> want;
    bool matched = reference::match_pieces(pieces, 0, path, 0, want);
    auto got = match_path_template(tmpl, path);
    ASSERT_EQ(got.has_value(), matched) << tmpl << " vs " << path;
    if (matched) {
      ++matches;
      ASSERT_EQ(*got, want) << tmpl << " vs " << path;
    }
  }
  EXPECT_GT(matches, 1000);
}

TEST(MatchPathTemplate, AdjacentVariablesTakePolynomialTime) {
  // Issue 16: "{a}{b}{c}...x" against a long segment without the final literal made the
  // backtracking matcher try every split of the segment among the variables.
  std::string tmpl;
  for (int i = 0; i < 30; ++i) tmpl += "{v" + std::to_string(i) + "}";
  tmpl += ".yaml";
  std::string path(200, 'x');
  auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(match_path_template(tmpl, path + ".yml"));
  auto m = match_path_template(tmpl, path + ".yaml");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->at("v0"), "x");
  EXPECT_EQ(m->at("v29"), std::string(171, 'x'));
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 2.0);
}

TEST(SafeRelativePath, AcceptsPlainPathsOnly) {
  EXPECT_TRUE(is_safe_relative_path("keps/sig-a/1-x/kep.yaml"));
  EXPECT_TRUE(is_safe_relative_path("a"));
  EXPECT_TRUE(is_safe_relative_path(".kep-lint.yaml"));
  EXPECT_TRUE(is_safe_relative_path("a/..b/c"));
  for (const std::string& bad :
       std::vector<std::string>{"", "/etc/passwd", "../x", "a/../b", "a/..", "./a", "a/./b", "a//b",
                                "a/", std::string("a\0b", 3)}) {
    EXPECT_FALSE(is_safe_relative_path(bad)) << bad;
  }
}

TEST(NormalizeRelativePath, ResolvesDotsLexically) {
  EXPECT_EQ(normalize_relative_path("a/b/../c"), "a/c");
  EXPECT_EQ(normalize_relative_path("./a//b/./c/"), "a/b/c");
  EXPECT_EQ(normalize_relative_path("a/.."), "");
  EXPECT_EQ(normalize_relative_path(""), "");
  EXPECT_EQ(normalize_relative_path("/a/b"), "a/b");
  EXPECT_EQ(normalize_relative_path("a/b/../../c/d/.."), "c");
}

TEST(NormalizeRelativePath, NeverClimbsAboveTheRoot) {
  EXPECT_FALSE(normalize_relative_path(".."));
  EXPECT_FALSE(normalize_relative_path("../a"));
  EXPECT_FALSE(normalize_relative_path("a/../../b"));
  EXPECT_FALSE(normalize_relative_path("a/../b/../../c"));
  EXPECT_FALSE(normalize_relative_path(std::string("a/\0/b", 5)));
}

}  // namespace
}  // namespace keplint
