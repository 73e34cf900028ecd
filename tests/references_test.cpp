// The references check kind: values that name proposals (by path or by a metadata field) name
// existing ones, and reciprocal relations are stated on both sides.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "generic_pack.h"

namespace keplint {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

class ReferencesTest : public testing::GenericPackTest {
 protected:
  void proposal(const std::string& dir, const std::string& yaml) {
    write("proposals/" + dir + "/metadata.yaml", yaml);
  }
};

TEST_F(ReferencesTest, PathsNameExistingProposals) {
  pack(rule("G001", "repository",
            "{kind: references, fields: [\"see-also[]\", replaces], ignore-values: [n/a]}"));
  proposal("1-alpha",
           "see-also:\n  - \"/proposals/2-beta\"\n  - proposals/2-beta/\n"
           "  - \"https://example.com/x\"\n  - n/a\n");
  proposal("2-beta",
           "see-also:\n  - \"/proposals/1-alpah\"\nreplaces: /proposals/9-removed-long-ago\n");
  EXPECT_THAT(run(),
              ElementsAre("proposals/2-beta/metadata.yaml:2:5 see-also[0] "
                          "'/proposals/1-alpah' names no proposal in the repository "
                          "(did you mean 'proposals/1-alpha'?)",
                          "proposals/2-beta/metadata.yaml:3:11 replaces "
                          "'/proposals/9-removed-long-ago' names no proposal in the repository"));
}

TEST_F(ReferencesTest, QuietWhenEveryReferenceResolves) {
  pack(rule("G001", "repository", "{kind: references, field: \"see-also[]\"}"));
  proposal("1-alpha", "see-also: [/proposals/2-beta]\n");
  proposal("2-beta", "see-also: [proposals/1-alpha/]\n");
  proposal("3-gamma", "title: no references\n");
  EXPECT_THAT(run(), IsEmpty());
}

TEST_F(ReferencesTest, ByNumberWithReciprocalPairs) {
  pack(rule("G001", "repository",
            "{kind: references, key-field: number, fields: ["
            "\"relationships.extends[].number\", \"relationships.extendedBy[].number\"], "
            "reciprocal: {\"relationships.extends[].number\": "
            "\"relationships.extendedBy[].number\"}}"));
  // 10 extends 20 and 20 says so; 30 extends 20 but 20 does not list it; 20 is extended by 40,
  // which does not say it extends 20; 10 also extends 99, which does not exist.
  proposal("gep-10",
           "number: 10\nrelationships:\n  extends:\n    - number: 20\n"
           "    - number: 99\n");
  proposal("gep-20",
           "number: 20\nrelationships:\n  extendedBy:\n    - number: 10\n"
           "    - number: 40\n");
  proposal("gep-30", "number: 30\nrelationships:\n  extends:\n    - number: 20\n");
  proposal("gep-40", "number: 40\n");
  EXPECT_THAT(
      run(),
      ElementsAre("proposals/gep-10/metadata.yaml:5:15 relationships.extends[1].number '99' "
                  "names no proposal: none has number 99",
                  "proposals/gep-20/metadata.yaml:5:15 relationships.extendedBy[1].number names "
                  "proposals/gep-40, but proposals/gep-40 does not name proposals/gep-20 back in "
                  "relationships.extends[].number (proposals/gep-40/metadata.yaml)",
                  "proposals/gep-30/metadata.yaml:4:15 relationships.extends[0].number names "
                  "proposals/gep-20, but proposals/gep-20 does not name proposals/gep-30 back in "
                  "relationships.extendedBy[].number (proposals/gep-20/metadata.yaml)"));
  // A pull request that touches only gep-30 hears only about gep-30.
  LintOptions changed;
  changed.changed_files = std::vector<std::string>{"proposals/gep-30/metadata.yaml"};
  EXPECT_THAT(run(changed),
              ElementsAre("proposals/gep-30/metadata.yaml:4:15 relationships.extends[0].number "
                          "names proposals/gep-20, but proposals/gep-20 does not name "
                          "proposals/gep-30 back in relationships.extendedBy[].number "
                          "(proposals/gep-20/metadata.yaml)"));
}

TEST_F(ReferencesTest, BadReciprocalParameterFailsTheLoad) {
  pack(rule("G001", "repository", "{kind: references, field: x, reciprocal: {\"a[\": b}}"));
  proposal("1-alpha", "x: 1\n");
  EXPECT_THAT(
      load_error(),
      ::testing::HasSubstr("rules.yaml:7:54: check kind 'references' of rule G001: reciprocal: "));
}

}  // namespace
}  // namespace keplint
