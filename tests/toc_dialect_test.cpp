// The toc check kind's `dialect` parameter: doctoc's TOCs checked and fixed through a pack.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "generic_pack.h"

namespace keplint {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

class TocDialectTest : public testing::GenericPackTest {};

constexpr const char* kFiles = "files\n    files: [\"proposals/*/README.md\"]";

constexpr const char* kStart =
    "<!-- START doctoc generated TOC please keep comment here to allow auto update -->\n"
    "<!-- DON'T EDIT THIS SECTION, INSTEAD RE-RUN doctoc TO UPDATE -->\n";
constexpr const char* kEnd =
    "<!-- END doctoc generated TOC please keep comment here to allow auto update -->\n";

TEST_F(TocDialectTest, DoctocTocsAreCheckedAndFixed) {
  pack(rule("G001", kFiles, "{kind: toc, dialect: doctoc}"));
  write("proposals/a/metadata.yaml", "title: A\n");
  // Up to date (as doctoc 2.5.0 writes it: a repeat gets "-1").
  write("proposals/a/README.md", std::string("# A\n\n") + kStart +
                                     "\n- [Goals](#goals)\n- [Goals](#goals-1)\n\n" + kEnd +
                                     "\n## Goals\n## Goals\n");
  write("proposals/b/metadata.yaml", "title: B\n");
  // Out of date: the repeat's suffix is missing.
  std::string b = std::string("# B\n\n") + kStart + "\n- [Goals](#goals)\n- [Goals](#goals)\n\n" +
                  kEnd + "\n## Goals\n## Goals\n";
  write("proposals/b/README.md", b);
  write("proposals/c/metadata.yaml", "title: C\n");
  write("proposals/c/README.md", "# C\n\n## Goals\n");  // no markers
  EXPECT_THAT(run(), ElementsAre("proposals/b/README.md:7:1 the table of contents is out of "
                                 "date: expected `- [Goals](#goals-1)` (run kep-lint --fix)",
                                 "proposals/c/README.md:1:1 no table of contents: the opening "
                                 "marker <!-- START doctoc generated TOC please keep comment "
                                 "here to allow auto update --> is missing"));

  SessionOptions so;
  so.repo_dir = root_;
  so.rules_dir = pack_;
  Session session = open_session(so);
  Report report = lint(*session.run, {});
  ASSERT_EQ(report.findings.size(), 2u);
  ASSERT_TRUE(report.findings[0].fixed_text);
  std::string fixed = b;
  fixed.replace(fixed.find("(#goals)\n\n"), 8, "(#goals-1)");
  EXPECT_EQ(*report.findings[0].fixed_text, fixed);
  // No markers: doctoc would insert a TOC at the top (with its default title), and so does --fix.
  ASSERT_TRUE(report.findings[1].fixed_text);
  EXPECT_EQ(*report.findings[1].fixed_text,
            std::string(kStart) +
                "**Table of Contents**  *generated with [DocToc](https://github.com/thlorenz/"
                "doctoc)*\n\n- [C](#c)\n  - [Goals](#goals)\n\n" +
                kEnd + "\n# C\n\n## Goals\n");

  // A blank line too many: that line should go.
  write("proposals/b/README.md", std::string("# B\n\n") + kStart +
                                     "\n- [Goals](#goals)\n\n- [Goals](#goals-1)\n\n" + kEnd +
                                     "\n## Goals\n## Goals\n");
  EXPECT_EQ(run().front(),
            "proposals/b/README.md:7:1 the table of contents is out of date: this "
            "line should go (run kep-lint --fix)");

  // The mdtoc dialect (the default) knows nothing of doctoc's markers.
  pack(rule("G001", kFiles, "{kind: toc}"));
  EXPECT_EQ(run().size(), 3u);
}

TEST_F(TocDialectTest, DoctocOptions) {
  pack(rule("G001", kFiles, "{kind: toc, dialect: doctoc, notitle: true, max-depth: 2}"));
  write("proposals/a/metadata.yaml", "title: A\n");
  write("proposals/a/README.md", std::string("# A\n\n") + kStart + "**Old title**\n\n" +
                                     "- [Goals](#goals)\n\n" + kEnd + "\n## Goals\n### Deep\n");
  EXPECT_THAT(run(), ElementsAre("proposals/a/README.md:5:1 the table of contents is out of "
                                 "date: this line should go (run kep-lint --fix)"));
  pack(rule("G001", kFiles, "{kind: toc, dialect: doctoc, max-depth: 2}"));
  EXPECT_THAT(run(), IsEmpty());
}

TEST_F(TocDialectTest, UnknownDialectIsALoadError) {
  pack(rule("G001", kFiles, "{kind: toc, dialect: markdown-toc}"));
  write("proposals/a/metadata.yaml", "title: A\n");
  EXPECT_THAT(
      load_error(),
      HasSubstr("8:33: rule G001 check: 'dialect' is 'markdown-toc', not one of: mdtoc, doctoc"));
  // Each dialect's own options only.
  pack(rule("G001", kFiles, "{kind: toc, dialect: doctoc, start-marker: '<!-- x -->'}"));
  EXPECT_THAT(load_error(), HasSubstr("start-marker"));
  pack(rule("G001", kFiles, "{kind: toc, notitle: true}"));
  EXPECT_THAT(load_error(), HasSubstr("notitle"));
}

}  // namespace
}  // namespace keplint
