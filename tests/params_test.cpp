#include "engine/params.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <deque>

namespace keplint {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

class ParamsTest : public ::testing::Test {
 protected:
  Params params(const std::string& text) {
    docs_.push_back(YamlDocument::parse(std::make_shared<SourceFile>("pack/rules.yaml", text)));
    EXPECT_TRUE(docs_.back().problems().empty()) << text;
    return Params(docs_.back().root(), "pack/rules.yaml", "check kind 'one-of'");
  }
  template <typename Fn>
  std::string error(Fn fn) {
    try {
      fn();
    } catch (const RuleError& e) {
      EXPECT_EQ(e.file(), "pack/rules.yaml");
      return e.what();
    }
    return "";
  }
  std::deque<YamlDocument> docs_;
};

TEST_F(ParamsTest, ReadsTypedValues) {
  Params p = params(
      "field: status\nvalues: [a, b]\none: x\nflag: true\ncount: 7\nre: '^a+$'\n"
      "path: 'milestone.{stage}'\nnested: {k: v}\nempty:\n");
  EXPECT_EQ(p.string("field"), "status");
  EXPECT_THAT(p.strings("values"), ElementsAre("a", "b"));
  EXPECT_THAT(p.strings("one"), ElementsAre("x"));
  EXPECT_TRUE(p.boolean("flag", false));
  EXPECT_EQ(p.integer("count", 0, 0, 10), 7);
  auto re = p.regex("re");
  ASSERT_NE(re, nullptr);
  EXPECT_TRUE(re2::RE2::FullMatch("aaa", *re));
  EXPECT_EQ(p.field_path("path"), "milestone.{stage}");
  Params nested = p.child("nested");
  EXPECT_EQ(nested.string("k"), "v");
  nested.finish();
  EXPECT_TRUE(p.has("field"));
  EXPECT_FALSE(p.has("empty"));  // null counts as absent
  EXPECT_FALSE(p.has("nope"));
  EXPECT_EQ(p.string_or("empty", "fallback"), "fallback");
  EXPECT_NO_THROW(p.finish());
}

TEST_F(ParamsTest, DefaultsForOptionalKeys) {
  Params p = params("x: 1\n");
  EXPECT_EQ(p.optional_string("a"), std::nullopt);
  EXPECT_EQ(p.string_or("b", "dflt"), "dflt");
  EXPECT_TRUE(p.strings("c", true).empty());
  EXPECT_FALSE(p.boolean("d", false));
  EXPECT_EQ(p.integer("e", 3, 0, 10), 3);
  EXPECT_EQ(p.regex("f", true), nullptr);
  EXPECT_EQ(p.field_path("g", true), "");
  p.string("x");
  EXPECT_NO_THROW(p.finish());
}

TEST_F(ParamsTest, UnknownKeysAreRejectedWithTheirLine) {
  Params p = params("field: status\nvalus: [a]\n");
  p.string("field");
  std::string e = error([&] { p.finish(); });
  EXPECT_THAT(e, HasSubstr("pack/rules.yaml:2:1: check kind 'one-of': unknown key 'valus'"));
}

TEST_F(ParamsTest, AKeyReadAsOptionalCountsAsKnown) {
  Params p = params("a: 1\nb: 2\n");
  p.string("a");
  p.optional_string("b");
  EXPECT_NO_THROW(p.finish());
}

TEST_F(ParamsTest, RequiredKeyMissing) {
  Params p = params("a: 1\n");
  EXPECT_THAT(error([&] { p.string("field"); }),
              HasSubstr("pack/rules.yaml:1:1: check kind 'one-of': 'field' is required"));
  EXPECT_THAT(error([&] { p.strings("values"); }), HasSubstr("'values' is required"));
  EXPECT_THAT(error([&] { p.child("nested"); }), HasSubstr("'nested' is required"));
}

TEST_F(ParamsTest, TypeErrorsPointAtTheValue) {
  Params p = params("a: [x]\nb: {k: v}\nc: yes\nd: 12x\ne: 99\nf: [x, [y]]\ng: [1]\nh: ok\n");
  EXPECT_THAT(error([&] { p.string("a"); }),
              HasSubstr("pack/rules.yaml:1:4: check kind 'one-of': 'a' must be a single value"));
  EXPECT_THAT(error([&] { p.strings("b"); }),
              HasSubstr(":2:4: check kind 'one-of': 'b' must be a value or a list of values"));
  EXPECT_THAT(error([&] { p.boolean("c", false); }),
              HasSubstr(":3:4: check kind 'one-of': 'c' must be true or false"));
  EXPECT_THAT(error([&] { p.integer("d", 0, 0, 100); }),
              HasSubstr(":4:4: check kind 'one-of': 'd' must be a whole number from 0 to 100"));
  EXPECT_THAT(error([&] { p.integer("e", 0, 0, 10); }), HasSubstr(":5:4:"));
  EXPECT_THAT(error([&] { p.strings("f"); }),
              HasSubstr(":6:8: check kind 'one-of': 'f' items must be single values"));
  EXPECT_THAT(error([&] { p.child("g"); }),
              HasSubstr(":7:4: check kind 'one-of' g: expected a mapping"));
  EXPECT_THAT(error([&] { p.child("h"); }), HasSubstr(":8:4:"));
}

TEST_F(ParamsTest, BadRegexNamesThePattern) {
  Params p = params("x: 1\npattern: '(unclosed'\n");
  std::string e = error([&] { p.regex("pattern"); });
  EXPECT_THAT(e,
              HasSubstr("pack/rules.yaml:2:10: check kind 'one-of': 'pattern' is not a valid RE2"));
  EXPECT_THAT(e, HasSubstr("missing )"));
}

TEST_F(ParamsTest, FieldPathsAreValidatedAroundPlaceholders) {
  Params p = params("ok: '{stage}.approver'\nbad: 'a..b'\nbad2: 'a[0]'\n");
  EXPECT_EQ(p.field_path("ok"), "{stage}.approver");
  EXPECT_THAT(error([&] { p.field_path("bad"); }), HasSubstr(":2:6:"));
  EXPECT_THAT(error([&] { p.field_path("bad2"); }), HasSubstr("'[]' may only end a step"));
}

TEST_F(ParamsTest, NonMappingIsRejectedAtConstruction) {
  std::string e = error([&] {
    auto doc = YamlDocument::parse(std::make_shared<SourceFile>("pack/rules.yaml", "\n\n- a\n"));
    Params p(doc.root(), "pack/rules.yaml", "rule KEP001");
  });
  EXPECT_THAT(e, HasSubstr("pack/rules.yaml:3:1: rule KEP001: expected a mapping"));
  EXPECT_THAT(error([] { Params p(nullptr, "pack/rules.yaml", "rule"); }),
              HasSubstr("pack/rules.yaml:1:1: rule: expected a mapping"));
}

TEST_F(ParamsTest, NonScalarKeysAreRejected) {
  Params p = params("a: 1\n? [x]\n: 2\n");
  p.string("a");
  EXPECT_THAT(error([&] { p.finish(); }), HasSubstr("keys must be plain names"));
}

}  // namespace
}  // namespace keplint
