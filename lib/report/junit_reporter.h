// JUnit XML for Prow: `$ARTIFACTS/junit_*.xml` is shown by Spyglass. One test case per linted
// proposal; findings at or above the fail level fail it, lower ones are listed in its output.
#pragma once

#include <string>
#include <string_view>

#include "report/reporter.h"

namespace keplint {

// XML 1.0 escaping on valid UTF-8, with characters XML cannot carry (C0 controls but tab, LF,
// CR; U+FFFE, U+FFFF) replaced by U+FFFD. LF and CR are encoded as character references, so
// repo text never starts a line of the file; attributes also encode tab and quotes.
std::string xml_escape_text(std::string_view text);
std::string xml_escape_attribute(std::string_view text);

class JunitReporter final : public Reporter {
 public:
  explicit JunitReporter(ReporterOptions options) : options_(std::move(options)) {}
  void write(const Report& report, std::ostream& out) override;

 private:
  ReporterOptions options_;
};

}  // namespace keplint
