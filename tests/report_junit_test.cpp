#include "report/junit_reporter.h"

#include <gtest/gtest.h>

#include <vector>

#include "report/utf8_text.h"
#include "report_test_support.h"

namespace keplint::testing {
namespace {

// A small well-formedness check for what this reporter writes: tags balance, text and
// attribute values hold no raw '<' or '>', every '&' starts a known entity, and no character
// XML 1.0 forbids appears.
::testing::AssertionResult well_formed_xml(std::string_view xml) {
  if (to_valid_utf8(xml) != xml) return ::testing::AssertionFailure() << "invalid UTF-8";
  for (char c : xml) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\n' && c != '\t' && c != '\r') {
      return ::testing::AssertionFailure() << "control character " << int(u);
    }
  }
  if (xml.find("\xEF\xBF\xBE") != std::string_view::npos ||
      xml.find("\xEF\xBF\xBF") != std::string_view::npos) {
    return ::testing::AssertionFailure() << "U+FFFE/U+FFFF";
  }
  std::vector<std::string> open;
  std::size_t i = xml.find("?>") + 2;  // after the declaration
  auto check_entities = [](std::string_view text) {
    for (std::size_t at = text.find('&'); at != std::string_view::npos;
         at = text.find('&', at + 1)) {
      std::string_view rest = text.substr(at);
      bool known = false;
      for (std::string_view e :
           {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#10;", "&#13;", "&#9;"}) {
        known = known || rest.starts_with(e);
      }
      if (!known) return false;
    }
    return true;
  };
  while (i < xml.size()) {
    std::size_t lt = xml.find('<', i);
    std::string_view text = xml.substr(i, lt == std::string_view::npos ? xml.npos : lt - i);
    if (text.find('>') != std::string_view::npos || !check_entities(text)) {
      return ::testing::AssertionFailure() << "bad text: " << text;
    }
    if (lt == std::string_view::npos) break;
    // Attribute values are quoted with '"', and escaped, so the tag ends at the first '>'.
    std::size_t gt = xml.find('>', lt);
    std::string_view tag = xml.substr(lt + 1, gt - lt - 1);
    if (tag.find('<') != std::string_view::npos || !check_entities(tag)) {
      return ::testing::AssertionFailure() << "bad tag: " << tag;
    }
    std::string name(tag.substr(0, tag.find_first_of(" />")));
    if (tag.starts_with("/")) {
      if (open.empty() || open.back() != tag.substr(1)) {
        return ::testing::AssertionFailure() << "unbalanced </" << tag.substr(1) << ">";
      }
      open.pop_back();
    } else if (!tag.ends_with("/")) {
      open.push_back(name);
    }
    i = gt + 1;
  }
  if (!open.empty()) return ::testing::AssertionFailure() << "unclosed <" << open.back() << ">";
  return ::testing::AssertionSuccess();
}

TEST(JunitReporterTest, SampleReport) {
  std::string out = render("junit", sample_report());
  EXPECT_EQ(out,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<testsuite name=\"kep-lint\" tests=\"4\" failures=\"2\" errors=\"0\" skipped=\"0\">\n"
            // A repo-level finding: a test case named after its file; a warning does not fail.
            "  <testcase name=\"keps/prod-readiness/sig-node/1234.yaml\" classname=\"kep-lint\">\n"
            "    <system-out>keps/prod-readiness/sig-node/1234.yaml:1:4: warning[KEP050] no PRR "
            "approver&#10;</system-out>\n"
            "  </testcase>\n"
            "  <testcase name=\"keps/sig-node/1234-foo\" classname=\"kep-lint\">\n"
            "    <failure message=\"keps/sig-node/1234-foo/kep.yaml:2:9: error[KEP003] status "
            "&apos;imlpemented&apos; is not one of: provisional, implemented (and 2 more)\" "
            "type=\"error\">"
            "keps/sig-node/1234-foo/README.md:1:10: warning[KEP010] heading 'feature' is not "
            "sentence case&#10;"
            "keps/sig-node/1234-foo/README.md:3:1: info[KEP020] table of contents is out of "
            "date&#10;"
            "keps/sig-node/1234-foo/kep.yaml:2:9: error[KEP003] status 'imlpemented' is not one "
            "of: provisional, implemented&#10;</failure>\n"
            "  </testcase>\n"
            "  <testcase name=\"keps/sig-node/5678-bar\" classname=\"kep-lint\">\n"
            "    <failure message=\"keps/sig-node/5678-bar/kep.yaml: error[KEP001] kep.yaml is "
            "missing\" type=\"error\">keps/sig-node/5678-bar/kep.yaml: error[KEP001] kep.yaml is "
            "missing&#10;</failure>\n"
            "  </testcase>\n"
            "  <testcase name=\"keps/sig-node/9999-ok\" classname=\"kep-lint\"/>\n"
            "</testsuite>\n");
  EXPECT_TRUE(well_formed_xml(out));
}

TEST(JunitReporterTest, FailLevelDecidesWhatFails) {
  ReporterOptions options;
  options.fail_level = Severity::Warning;
  std::string out = render("junit", sample_report(), options);
  EXPECT_NE(out.find("failures=\"3\""), std::string::npos);
  EXPECT_NE(out.find("<failure message=\"keps/prod-readiness/sig-node/1234.yaml:1:4: "
                     "warning[KEP050] no PRR approver\" type=\"warning\">"),
            std::string::npos);
  EXPECT_EQ(out.find("<system-out>"), std::string::npos);
}

TEST(JunitReporterTest, EscapingFunctions) {
  EXPECT_EQ(xml_escape_text("a < b && c > \"d\" 'e'"), "a &lt; b &amp;&amp; c &gt; \"d\" 'e'");
  EXPECT_EQ(xml_escape_attribute("a<\"b\">&'\n\t\r"),
            "a&lt;&quot;b&quot;&gt;&amp;&apos;&#10;&#9;&#13;");
  EXPECT_EQ(xml_escape_text(std::string("nul") + '\0' + "esc\x1b del\x7f"),
            "nul\uFFFDesc\uFFFD del\uFFFD");
  EXPECT_EQ(xml_escape_text("\xEF\xBF\xBF\xEF\xBF\xBE\xFF"), "\uFFFD\uFFFD\uFFFD");
  EXPECT_EQ(xml_escape_text("line\r\nnext"), "line&#13;&#10;next");
  EXPECT_EQ(xml_escape_text("]]>"), "]]&gt;");
}

TEST(JunitReporterTest, HostileTextStaysWellFormed) {
  auto source = make_source("keps/<x>&\"y\"/kep.yaml", "a: b\n");
  Finding f = make_finding(
      "KEP003", "r", Severity::Error, source, {{1, 1}, {1, 1}},
      std::string("</failure><testcase name=\"x\">\x1b[31m") + '\0' + "\xFF\xEF\xBF\xBF]]>");
  f.proposal = "keps/<x>&\"y\"";
  std::string out = render("junit", single_finding_report(f));
  EXPECT_TRUE(well_formed_xml(out)) << out;
  EXPECT_NE(out.find("<testcase name=\"keps/&lt;x&gt;&amp;&quot;y&quot;\""), std::string::npos);
  EXPECT_NE(
      out.find("&lt;/failure&gt;&lt;testcase name=\"x\"&gt;\uFFFD[31m\uFFFD\uFFFD\uFFFD]]&gt;"),
      std::string::npos)
      << out;
}

TEST(JunitReporterTest, NoProposalsNoFindings) {
  EXPECT_EQ(render("junit", Report{}),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<testsuite name=\"kep-lint\" tests=\"0\" failures=\"0\" errors=\"0\" skipped=\"0\">\n"
            "</testsuite>\n");
}

}  // namespace
}  // namespace keplint::testing
