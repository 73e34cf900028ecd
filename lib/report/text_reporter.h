// Compiler-like text for people: location, severity and rule, the source line with a caret,
// a link to the rule's page, and a summary line.
#pragma once

#include "report/reporter.h"

namespace keplint {

class TextReporter final : public Reporter {
 public:
  explicit TextReporter(ReporterOptions options) : options_(std::move(options)) {}
  void write(const Report& report, std::ostream& out) override;

 private:
  void write_lines(const Report& report, std::ostream& out);
  void write_finding(const Report& report, const Finding& f, std::ostream& out);
  ReporterOptions options_;
};

}  // namespace keplint
