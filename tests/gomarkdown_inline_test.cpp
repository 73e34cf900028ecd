#include "parse/gomarkdown_inline.h"

#include <gtest/gtest.h>

#include <random>

namespace keplint {
namespace {

TEST(GomarkdownInlineTest, PlainHeadingIsOneTextNode) {
  RenderedInline r = render_gomarkdown_inline("  Risks \"and\" > Mitigations ", {});
  EXPECT_EQ(r.html, "Risks &quot;and&quot; &gt; Mitigations");
  EXPECT_EQ(r.anchor_text, "  Risks \"and\" > Mitigations ");
}

// Plain content skips the inline parser. A trailing '\n' sends the same content through it
// (the parser drops a final line break), so both paths must agree.
TEST(GomarkdownInlineTest, PlainFastPathMatchesTheParser) {
  static const std::string kAlphabet =
      "abc hmf HMF \"'>#{}()-./,;?=+%|0123456789\t\xC2\xA0\xE2\x80\x83";
  std::mt19937 rng(42);
  for (int n = 0; n < 20000; ++n) {
    std::string s;
    std::size_t len = rng() % 40;
    for (std::size_t i = 0; i < len; ++i) s += kAlphabet[rng() % kAlphabet.size()];
    RenderedInline fast = render_gomarkdown_inline(s, {});
    RenderedInline parsed = render_gomarkdown_inline(s + "\n", {});
    ASSERT_EQ(fast.html, parsed.html) << "[" << s << "]";
    ASSERT_EQ(fast.anchor_text, parsed.anchor_text) << "[" << s << "]";
  }
}

}  // namespace
}  // namespace keplint
