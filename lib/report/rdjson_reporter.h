// reviewdog's diagnostic format (rdjson): columns in UTF-8 bytes, end exclusive.
#pragma once

#include "report/reporter.h"

namespace keplint {

class RdjsonReporter final : public Reporter {
 public:
  explicit RdjsonReporter(ReporterOptions options) : options_(std::move(options)) {}
  void write(const Report& report, std::ostream& out) override;

 private:
  ReporterOptions options_;
};

}  // namespace keplint
