// PRR-style questions in a README section (lib/checks/markdown_outline.h).
#include "checks/markdown_outline.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace keplint {
namespace {

MarkdownDocument doc_of(std::string text) {
  return MarkdownDocument(std::make_shared<const SourceFile>("README.md", std::move(text)));
}

std::vector<Question> questions_of(const MarkdownDocument& doc, const std::string& section) {
  const MarkdownHeading* h = find_heading(doc, normalize_heading(section));
  EXPECT_NE(h, nullptr) << section;
  if (!h) return {};
  return questions_in(doc, section_of(doc, *h));
}

TEST(MarkdownOutline, HeadingQuestionsKeepBoldBulletsInTheirAnswers) {
  MarkdownDocument doc = doc_of(
      "### Troubleshooting\n"
      "\n"
      "###### What are other known failure modes?\n"
      "\n"
      "- **Livelock under pressure**\n"
      "  - Detection: the pressure metric stays high.\n"
      "- **Is the kernel too old?**\n"
      "\n"
      "###### What steps should be taken if SLOs are not being met?\n"
      "\n"
      "Check the kubelet log.\n");
  std::vector<Question> qs = questions_of(doc, "Troubleshooting");
  ASSERT_EQ(qs.size(), 2u);
  EXPECT_EQ(qs[0].text, "What are other known failure modes?");
  EXPECT_EQ(answer_text(doc, qs[0]),
            "- **Livelock under pressure** - Detection: the pressure metric stays high. - **Is "
            "the kernel too old?**");
  EXPECT_EQ(qs[1].line, 9);
}

TEST(MarkdownOutline, BoldBulletQuestionsEndWithAQuestionMark) {
  MarkdownDocument doc = doc_of(
      "### Feature Enablement and Rollback\n"
      "\n"
      "* **How can this feature be enabled / disabled in a live cluster?**\n"
      "  - **Feature gate**: FastPods\n"
      "* **Can the feature be disabled once it has been enabled (i.e. can we roll back\n"
      "  the enablement)?** Yes.\n");
  std::vector<Question> qs = questions_of(doc, "Feature Enablement and Rollback");
  ASSERT_EQ(qs.size(), 2u);
  EXPECT_EQ(qs[0].line, 3);
  EXPECT_EQ(answer_text(doc, qs[0]), "- **Feature gate**: FastPods");
  EXPECT_EQ(qs[1].text,
            "Can the feature be disabled once it has been enabled (i.e. can we roll back the "
            "enablement)?");
  EXPECT_EQ(answer_text(doc, qs[1]), "Yes.");
}

}  // namespace
}  // namespace keplint
