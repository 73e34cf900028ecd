#include "engine/config.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "engine/rule_error.h"
#include "git_fixture.h"

namespace keplint {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Pair;

class ConfigTest : public ::testing::Test {
 protected:
  void write(const std::string& rel, const std::string& text) {
    testing::write_file(tmp_.path() / rel, text);
  }
  Config load(const std::string& explicit_path = "") {
    Repository repo(tmp_.path());
    return load_config(repo, explicit_path);
  }
  // "file:line:col: message" of the RuleError, or "" when the config loaded.
  std::string error(const std::string& text, const std::string& explicit_path = "") {
    write(explicit_path.empty() ? ".kep-lint.yaml" : explicit_path, text);
    try {
      load(explicit_path);
    } catch (const RuleError& e) {
      return e.what();
    }
    return "";
  }
  testing::TempDir tmp_;
};

TEST_F(ConfigTest, NoConfigIsAnEmptyConfig) {
  Config c = load();
  EXPECT_EQ(c.file, "");
  EXPECT_EQ(c.pack, "");
  EXPECT_TRUE(c.severities.empty());
  EXPECT_TRUE(c.exclude.empty());
  EXPECT_FALSE(c.fail_level);
}

TEST_F(ConfigTest, EmptyFileIsAnEmptyConfig) {
  write(".kep-lint.yaml", "# nothing yet\n");
  Config c = load();
  EXPECT_EQ(c.file, ".kep-lint.yaml");
  EXPECT_TRUE(c.severities.empty());
}

TEST_F(ConfigTest, ReadsEveryKey) {
  write(".kep-lint.yaml", R"(pack: kubernetes
rules:
  KEP010: warning
  status-valid: "off"
  KEP001: info
exclude: ["keps/sig-foo/**", keps/old]
datasets:
  sigs: hack/sigs.yaml
fail-level: warning
)");
  Config c = load();
  EXPECT_EQ(c.file, ".kep-lint.yaml");
  EXPECT_EQ(c.pack, "kubernetes");
  EXPECT_THAT(c.severities,
              ElementsAre(Pair("KEP001", Severity::Info), Pair("KEP010", Severity::Warning),
                          Pair("status-valid", Severity::Off)));
  EXPECT_THAT(c.exclude, ElementsAre("keps/sig-foo/**", "keps/old"));
  EXPECT_THAT(c.datasets, ElementsAre(Pair("sigs", "hack/sigs.yaml")));
  EXPECT_EQ(c.fail_level, Severity::Warning);
}

TEST_F(ConfigTest, RemembersWhereEachRuleIsNamed) {
  write(".kep-lint.yaml", "pack: x\nrules:\n  KEP010: warning\n    \n  status-valid: info\n");
  Config c = load();
  EXPECT_EQ(c.severity_positions.at("KEP010"), (Position{3, 3}));
  EXPECT_EQ(c.severity_positions.at("status-valid"), (Position{5, 3}));
}

TEST_F(ConfigTest, ExcludeMayBeASingleString) {
  write(".kep-lint.yaml", "exclude: keps/old/**\n");
  EXPECT_THAT(load().exclude, ElementsAre("keps/old/**"));
}

TEST_F(ConfigTest, ExplicitPath) {
  write("ci/lint.yaml", "pack: other\n");
  Config c = load("ci/lint.yaml");
  EXPECT_EQ(c.file, "ci/lint.yaml");
  EXPECT_EQ(c.pack, "other");
}

TEST_F(ConfigTest, MissingExplicitConfigIsAnError) {
  try {
    load("ci/missing.yaml");
    ADD_FAILURE() << "loaded";
  } catch (const RuleError& e) {
    EXPECT_EQ(e.file(), "ci/missing.yaml");
    EXPECT_THAT(e.what(), HasSubstr("cannot read config"));
  }
}

TEST_F(ConfigTest, ExplicitConfigOutsideTheRepositoryIsRefused) {
  testing::write_file(tmp_.path().parent_path() / (tmp_.path().filename().string() + "-cfg.yaml"),
                      "pack: x\n");
  std::string outside = "../" + tmp_.path().filename().string() + "-cfg.yaml";
  try {
    load(outside);
    ADD_FAILURE() << "loaded";
  } catch (const RuleError& e) {
    EXPECT_THAT(e.what(), HasSubstr("cannot read config"));
  }
  fs::remove(tmp_.path().parent_path() / (tmp_.path().filename().string() + "-cfg.yaml"));
}

TEST_F(ConfigTest, UnknownKeyWithItsLine) {
  EXPECT_THAT(error("pack: kubernetes\nexlude: [x]\n"),
              HasSubstr(".kep-lint.yaml:2:1: config: unknown key 'exlude'"));
}

TEST_F(ConfigTest, BadSeverityWithItsLine) {
  EXPECT_THAT(
      error("rules:\n  KEP001: warn\n"),
      HasSubstr(".kep-lint.yaml:2:11: severity for 'KEP001' must be error, warning, info or off"));
  EXPECT_THAT(error("rules:\n  KEP001: [error]\n"), HasSubstr(".kep-lint.yaml:2:11:"));
  EXPECT_THAT(error("rules:\n  KEP001:\n"), HasSubstr("severity for 'KEP001'"));
}

TEST_F(ConfigTest, ShapeErrorsWithTheirLines) {
  EXPECT_THAT(
      error("rules: [KEP001]\n"),
      HasSubstr(".kep-lint.yaml:1:8: config: 'rules' must map rule ids or names to severities"));
  EXPECT_THAT(error("datasets: hack/sigs.yaml\n"),
              HasSubstr(".kep-lint.yaml:1:11: config: 'datasets' must map"));
  EXPECT_THAT(error("datasets:\n  sigs: [a, b]\n"),
              HasSubstr(".kep-lint.yaml:2:9: dataset path must be a string"));
  EXPECT_THAT(error("pack: [a]\n"),
              HasSubstr(".kep-lint.yaml:1:7: config: 'pack' must be a single value"));
  EXPECT_THAT(error("exclude: {a: b}\n"), HasSubstr(".kep-lint.yaml:1:10:"));
  EXPECT_THAT(error("- pack\n"), HasSubstr(".kep-lint.yaml:1:1: config: expected a mapping"));
}

TEST_F(ConfigTest, FailLevel) {
  EXPECT_THAT(
      error("fail-level: off\n"),
      HasSubstr(".kep-lint.yaml:1:13: config: 'fail-level' must be error, warning or info"));
  EXPECT_THAT(error("fail-level: critical\n"), HasSubstr("'fail-level' must be"));
  EXPECT_EQ(error("fail-level: info\n"), "");
}

TEST_F(ConfigTest, YamlProblemsWithTheirLines) {
  EXPECT_THAT(error("pack: a\nrules:\n  KEP001: error\n  KEP001: off\n"),
              HasSubstr(".kep-lint.yaml:4:3:"));
  std::string syntax = error("pack: a\nrules: [unclosed\n");
  EXPECT_THAT(syntax, HasSubstr(".kep-lint.yaml:"));
  EXPECT_THAT(syntax, ::testing::Not(HasSubstr(".kep-lint.yaml:1:")));
}

}  // namespace
}  // namespace keplint
