// kep-lint's own model as JSON: every field of every finding, byte columns as stored.
#pragma once

#include "report/reporter.h"

namespace keplint {

class JsonReporter final : public Reporter {
 public:
  explicit JsonReporter(ReporterOptions options) : options_(std::move(options)) {}
  void write(const Report& report, std::ostream& out) override;

 private:
  ReporterOptions options_;
};

}  // namespace keplint
