// The checkers the hardening tests rely on must themselves reject what they are meant to catch.
#include "output_checks.h"

#include <gtest/gtest.h>

namespace keplint::checks {
namespace {

TEST(OutputChecksTest, Utf8) {
  EXPECT_TRUE(is_valid_utf8("plain, é, 漢, 😀"));
  EXPECT_FALSE(is_valid_utf8("\xff"));
  EXPECT_FALSE(is_valid_utf8("\xc0\xaf"));          // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xed\xa0\x80"));      // surrogate
  EXPECT_FALSE(is_valid_utf8("\xf4\x90\x80\x80"));  // > U+10FFFF
  EXPECT_FALSE(is_valid_utf8("ab\xe2\x82"));        // truncated
  EXPECT_EQ(invalid_utf8_at("ab\x80"), 2u);
}

TEST(OutputChecksTest, TerminalControls) {
  EXPECT_FALSE(terminal_control_at("tab\tand\nnewline").has_value());
  EXPECT_EQ(terminal_control_at("a\x1b[31mred"), 1u);
  EXPECT_FALSE(terminal_control_at("a\x1b[1;31mred\x1b[0m", true).has_value());
  EXPECT_EQ(terminal_control_at("a\x1b]0;title\x07", true), 1u);
  EXPECT_EQ(terminal_control_at("cr\r"), 2u);
  EXPECT_EQ(terminal_control_at("bell\x07"), 4u);
  EXPECT_EQ(terminal_control_at("c1\xc2\x9b"), 2u);
  EXPECT_EQ(terminal_control_at("bidi\xe2\x80\xae"), 4u);
  EXPECT_EQ(terminal_control_at("isolate\xe2\x81\xa6"), 7u);
}

TEST(OutputChecksTest, WorkflowCommands) {
  EXPECT_FALSE(check_workflow_commands("::error file=a,line=1::m\nkep-lint: 1 error\n", 1));
  EXPECT_FALSE(check_workflow_commands("kep-lint: no findings\n", 0));
  // A message that breaks out onto its own line, with LF or with a lone CR.
  EXPECT_TRUE(check_workflow_commands("::error file=a::m\n::add-mask::x\nkep-lint: s\n", 1));
  EXPECT_TRUE(check_workflow_commands("::error file=a::m\r::stop-commands::t\nkep-lint: s\n", 1));
  EXPECT_TRUE(check_workflow_commands("::set-output name=a::b\nkep-lint: s\n", 1));
  EXPECT_TRUE(check_workflow_commands("::error file=a::m\n", 1));  // no summary
  // Past the annotation budget: the overflow notice, then plain lines.
  EXPECT_FALSE(check_workflow_commands(
      "::error file=a::m\n::notice title=kep-lint::1 more finding not annotated\n  - b: error\n"
      "kep-lint: 2 errors\n",
      2));
  EXPECT_TRUE(check_workflow_commands(
      "::notice title=kep-lint::1 more finding not annotated\n  ::add-mask::x\nkep-lint: s\n", 1));
  EXPECT_TRUE(check_workflow_commands("::error file=a::m\n  - b: error\nkep-lint: s\n", 2));
}

TEST(OutputChecksTest, XmlAcceptsWellFormedDocuments) {
  EXPECT_FALSE(check_xml("<a/>"));
  EXPECT_FALSE(
      check_xml("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a x='1' y=\"&lt;&#10;\">"
                "t &amp; &#x1F600; <b/><!-- c --><![CDATA[<raw>]]></a>\n"));
}

TEST(OutputChecksTest, XmlRejectsMalformedDocuments) {
  for (const char* bad : {
           "",                        // no root
           "<a>",                     // unclosed
           "<a></b>",                 // mismatched
           "<a/><b/>",                // two roots
           "text<a/>",                // text outside
           "<a x=1/>",                // unquoted attribute
           "<a x='1' x='2'/>",        // duplicate attribute
           "<a x='<'/>",              // '<' in attribute
           "<a>&bogus;</a>",          // unknown entity
           "<a>& </a>",               // bare ampersand
           "<a>&#0;</a>",             // NUL reference
           "<a>&#xFFFE;</a>",         // non-character reference
           "<a>\x01</a>",             // raw control
           "<a>\xef\xbf\xbe</a>",     // raw U+FFFE
           "<a>\xff</a>",             // invalid UTF-8
           "<a>]]></a>",              // CDATA end in text
           "<a><!-- x -- y --></a>",  // '--' in comment
           "<!DOCTYPE a><a/>",        // DTD
           "<a x='1'y='2'/>",         // no space between attributes
       }) {
    EXPECT_TRUE(check_xml(bad).has_value()) << bad;
  }
}

}  // namespace
}  // namespace keplint::checks
