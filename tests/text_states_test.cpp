// The text-states and title-once check kinds: a "Status:" line agrees with the metadata, and the
// title heading appears once.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "generic_pack.h"

namespace keplint {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

class TextStatesTest : public testing::GenericPackTest {};

TEST_F(TextStatesTest, StatusLineAgreesWithMetadata) {
  pack(rule("G001", "readme",
            "{kind: text-states, pattern: '^\\* Status: *(.*?) *$', field: status}"));
  write("proposals/a/metadata.yaml", "status: Declined\n");
  write("proposals/a/README.md",
        "---\ntitle: A\n---\n\n<!--\n* Status: Standard\n-->\n```\n* Status: Standard\n```\n"
        "* Issue: #1\n* Status: Provisional\n\n* Status: Declined\n");
  write("proposals/b/metadata.yaml", "status: Standard\n");
  write("proposals/b/README.md", "* Status: Standard  \n");
  write("proposals/c/metadata.yaml", "status: Standard\n");
  write("proposals/c/README.md", "# C\n");  // states nothing: fine unless required
  write("proposals/d/metadata.yaml", "title: no status\n");
  write("proposals/d/README.md", "* Status: Standard\n");  // no field: `required`'s business
  EXPECT_THAT(run(), ElementsAre("proposals/a/README.md:12:11 the text states status "
                                 "'Provisional', but proposals/a/metadata.yaml says 'Declined'"));
  pack(rule("G001", "readme",
            "{kind: text-states, pattern: '^\\* Status: *(.*?) *$', field: status, required: "
            "true}"));
  EXPECT_THAT(run(), ElementsAre("proposals/a/README.md:12:11 the text states status "
                                 "'Provisional', but proposals/a/metadata.yaml says 'Declined'",
                                 "proposals/c/README.md:1:1 the text does not state status (the "
                                 "metadata says 'Standard')"));
}

TEST_F(TextStatesTest, PatternNeedsOneGroup) {
  pack(rule("G001", "readme", "{kind: text-states, pattern: '^Status: .*$', field: status}"));
  write("proposals/a/metadata.yaml", "status: x\n");
  EXPECT_THAT(load_error(), ::testing::HasSubstr("must have exactly one capturing group"));
}

TEST_F(TextStatesTest, TitleOnce) {
  pack(rule("G001", "readme", "{kind: title-once}"));
  write("proposals/a/metadata.yaml", "title: A\n");
  write("proposals/a/README.md",
        "# A\n\n## Summary\n\n```\n# not a heading\n```\n\n# Again\n\nB\n=\n");
  write("proposals/b/metadata.yaml", "title: B\n");
  write("proposals/b/README.md", "# B\n\n## One\n\n## Two\n");
  write("proposals/c/metadata.yaml", "title: C\n");
  write("proposals/c/README.md", "no heading\n");
  EXPECT_THAT(run(), ElementsAre("proposals/a/README.md:9:1 a second level-1 heading 'Again': "
                                 "the title 'A' is on line 1",
                                 "proposals/a/README.md:11:1 a second level-1 heading 'B': the "
                                 "title 'A' is on line 1"));
  pack(rule("G001", "readme", "{kind: title-once, level: 2, required: true}"));
  EXPECT_THAT(run(), ElementsAre("proposals/b/README.md:5:1 a second level-2 heading 'Two': the "
                                 "title 'One' is on line 3",
                                 "proposals/c/README.md:1:1 the document has no level-2 title "
                                 "heading"));
}

}  // namespace
}  // namespace keplint
