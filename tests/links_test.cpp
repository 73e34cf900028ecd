// The links check kind: relative links and images in a proposal's Markdown resolve to files of
// the repository, and #anchors to headings (GitHub's anchors); absolute URLs are skipped.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "generic_pack.h"

namespace keplint {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

class LinksTest : public testing::GenericPackTest {
 protected:
  void SetUp() override {
    GenericPackTest::SetUp();
    write("proposals/a/metadata.yaml", "title: A\n");
    write("proposals/b/metadata.yaml", "title: B\n");
    write("proposals/b/README.md",
          "# B\n\n## Design Details\n\n## Design Details\n\n"
          "<a name=\"legacy-anchor\"></a>\n");
    write("proposals/a/diagram.png", "png");
    write("docs/guide.md", "# Guide\n");
  }
};

TEST_F(LinksTest, QuietOnLinksThatResolve) {
  pack(rule("G001", "readme", "{kind: links}"));
  write("proposals/a/README.md",
        "# A: the “best” proposal\n\n"
        "## Motivation & Goals\n\n"
        "See [B](../b/README.md#design-details), [again](../b/README.md#design-details-1),\n"
        "[legacy](../b/README.md#Legacy-Anchor), [dir](../b/), [root](/docs/guide.md),\n"
        "[here](#motivation--goals), [title](#a-the-best-proposal), ![d](diagram.png \"D\"),\n"
        "[web](https://example.com/x), [mail](mailto:a@b.c), [proto](//cdn.example/x),\n"
        "[escaped](<../b/README.md>), [spaced](../b/README%2Emd).\n\n"
        "[ref]: ./diagram.png\n\n"
        "<img src=\"diagram.png\" width=\"10\">\n");
  EXPECT_THAT(run(), IsEmpty());
}

TEST_F(LinksTest, ReportsMissingFilesAndAnchorsWhereTheyAre) {
  pack(rule("G001", "readme", "{kind: links}"));
  write("proposals/a/README.md",
        "# A\n\n"
        "## Goals\n\n"
        "See [B](../b/READ.md) and [x](../b/README.md#design-detail).\n"
        "Up [out](../../../etc/passwd), [self](#goal).\n\n"
        "[![badge](missing.svg)](diagram.png)\n\n"
        "[ref]: ./gone.png\n\n"
        "<a href=\"../c/README.md\">c</a>\n\n"
        "```\n[in code](nowhere.md)\n```\n\n"
        "Inline `[code](nowhere.md)` and <!-- [comment](nowhere.md) -->.\n"
        "[Not a link]([not a destination](also-missing.md \"t\") [t](x.md 'y' z).\n");
  EXPECT_THAT(
      run(),
      ElementsAre(
          "proposals/a/README.md:5:9 link '../b/READ.md' points at proposals/b/READ.md, which is "
          "not in the repository",
          "proposals/a/README.md:5:31 link '../b/README.md#design-detail': proposals/b/README.md "
          "has no heading or anchor '#design-detail' (did you mean 'design-details'?)",
          "proposals/a/README.md:6:10 link '../../../etc/passwd' points outside the repository",
          "proposals/a/README.md:6:39 link '#goal': proposals/a/README.md has no heading or "
          "anchor '#goal' (did you mean 'goals'?)",
          "proposals/a/README.md:8:11 link 'missing.svg' points at proposals/a/missing.svg, which "
          "is not in the repository",
          "proposals/a/README.md:10:8 link './gone.png' points at proposals/a/gone.png, which is "
          "not in the repository",
          "proposals/a/README.md:12:10 link '../c/README.md' points at proposals/c/README.md, "
          "which is not in the repository",
          "proposals/a/README.md:19:34 link 'also-missing.md' points at "
          "proposals/a/also-missing.md, which is not in the repository"));
}

TEST_F(LinksTest, AnchorsOffAndIgnore) {
  pack(rule("G001", "readme", "{kind: links, anchors: false, ignore: \"^generated/\"}"));
  write("proposals/a/README.md",
        "# A\n\n[x](#nowhere) [y](generated/api.md) [z](../b/README.md#nowhere) [w](nope.md)\n");
  EXPECT_THAT(run(), ElementsAre("proposals/a/README.md:3:69 link 'nope.md' points at "
                                 "proposals/a/nope.md, which is not in the repository"));
}

TEST_F(LinksTest, CrlfFiles) {
  pack(rule("G001", "readme", "{kind: links}"));
  // A blank CRLF line ends the paragraph: "[a ... b](gone.md)" is no link.
  write("proposals/a/README.md",
        "# A\r\n\r\n[a\r\n\r\nb](gone.md) [c](missing.md)\r\n[d](diagram.png)\r\n"
        "[e](\r\nmissing-too.md\r\n)\r\n");
  EXPECT_THAT(run(), ElementsAre("proposals/a/README.md:5:17 link 'missing.md' points at "
                                 "proposals/a/missing.md, which is not in the repository",
                                 "proposals/a/README.md:8:1 link 'missing-too.md' points at "
                                 "proposals/a/missing-too.md, which is not in the repository"));
}

}  // namespace
}  // namespace keplint
