#include "report/utf8_text.h"

#include <gtest/gtest.h>

namespace keplint {
namespace {

TEST(Utf8TextTest, DecodesValidSequences) {
  EXPECT_EQ(decode_utf8("a", 0).code_point, U'a');
  Utf8Char umlaut = decode_utf8("\xC3\x9C", 0);
  EXPECT_TRUE(umlaut.valid);
  EXPECT_EQ(umlaut.code_point, U'Ü');
  EXPECT_EQ(umlaut.length, 2u);
  Utf8Char rocket = decode_utf8("\xF0\x9F\x9A\x80", 0);
  EXPECT_TRUE(rocket.valid);
  EXPECT_EQ(rocket.code_point, U'🚀');
  EXPECT_EQ(rocket.length, 4u);
}

TEST(Utf8TextTest, RejectsOverlongSurrogateTruncatedAndOutOfRange) {
  for (std::string_view bad : {"\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80",
                               "\xE2\x82", "\x80", "\xFF", "\xF0\x9F\x9A"}) {
    Utf8Char c = decode_utf8(bad, 0);
    EXPECT_FALSE(c.valid) << ::testing::PrintToString(std::string(bad));
    EXPECT_EQ(c.length, 1u);
  }
}

TEST(Utf8TextTest, ToValidUtf8ReplacesEachInvalidByte) {
  EXPECT_EQ(to_valid_utf8("ok \xC3\x9C"), "ok \xC3\x9C");
  EXPECT_EQ(to_valid_utf8("a\xFF"
                          "b\xE2\x82"),
            "a\uFFFD"
            "b\uFFFD\uFFFD");
  EXPECT_EQ(to_valid_utf8("\xED\xA0\x80"), "\uFFFD\uFFFD\uFFFD");  // a surrogate, CESU style
}

TEST(Utf8TextTest, TruncatesOnCharacterBoundaries) {
  EXPECT_EQ(truncate_chars("abc", 3, "…"), "abc");
  EXPECT_EQ(truncate_chars("abcd", 3, "…"), "ab…");
  EXPECT_EQ(truncate_chars("ÜÜÜÜ", 3, "…"), "ÜÜ…");
  EXPECT_EQ(utf8_length(truncate_chars(std::string(5000, 'x'), 4096, "…")), 4096u);
  // 🚀 is 4 bytes: 9 bytes leave room for one rocket plus the 3-byte marker, not two.
  EXPECT_EQ(truncate_bytes("🚀🚀🚀", 9, "…"), "🚀…");
  EXPECT_EQ(truncate_bytes("🚀🚀🚀", 12, "…"), "🚀🚀🚀");
  EXPECT_EQ(truncate_bytes("abcdef", 2, "…"), "ab");
}

TEST(Utf8TextTest, ReplacesControls) {
  EXPECT_EQ(replace_controls("a\x1b[31mb\tc\r\nd\x7f", "?", true), "a?[31mb\tc\r\nd?");
  EXPECT_EQ(replace_controls("a\r\nb", "?", false), "a??b");
  // C1 controls (8-bit CSI) and bidi overrides too; other non-ASCII text stays.
  EXPECT_EQ(replace_controls("a\xc2\x9b"
                             "2Jb\xe2\x80\xae"
                             "c\xe2\x81\xa6"
                             "d\xc3\xa9",
                             "?", true),
            "a?2Jb?c?d\xc3\xa9");
}

TEST(Utf8TextTest, EscapesEverythingATerminalWouldInterpret) {
  // A TAB in a message is shown as \t (terminal_piece keeps it, for source snippets).
  EXPECT_EQ(escape_for_terminal("plain Über\ttab"), "plain Über\\ttab");
  EXPECT_EQ(escape_for_terminal("a\u2028b\u2029c"), "a\\u{2028}b\\u{2029}c");
  EXPECT_TRUE(terminal_piece("\t", 0).tab);
  EXPECT_EQ(escape_for_terminal("\x1b]0;pwned\x07"), "\\x1b]0;pwned\\x07");
  EXPECT_EQ(escape_for_terminal("a\r\nb"), "a\\r\\nb");
  EXPECT_EQ(escape_for_terminal("\x7f\xC2\x9B"
                                "31m"),
            "\\x7f\\u{009b}31m");  // DEL, C1 CSI
  EXPECT_EQ(escape_for_terminal("\xE2\x80\xAE"
                                "txt"),
            "\\u{202e}txt");                              // RLO
  EXPECT_EQ(escape_for_terminal("bad\x9B"), "bad\\x9b");  // a lone byte a Latin-1 tty reads as CSI
}

TEST(Utf8TextTest, TerminalPieceWidths) {
  EXPECT_EQ(terminal_piece("漢", 0).width, 2);
  EXPECT_EQ(terminal_piece("\xCC\x81", 0).width, 0);  // combining acute
  EXPECT_EQ(terminal_piece("\x1b", 0).width, 4);
  EXPECT_TRUE(terminal_piece("\t", 0).tab);
}

}  // namespace
}  // namespace keplint
