// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
#pragma once

#include <string>
#include <string_view>

#include "report/reporter.h"

namespace keplint {

// A repo-relative path as a relative URI reference: everything but unreserved characters and
// '/' percent-encoded (so "a b:c" stays one path, never a scheme).
std::string sarif_uri(std::string_view path);

// 16 hex digits identifying a finding independently of line numbers: rule, path, and the
// anchor (YAML key path, heading), or the message when there is no anchor.
std::string finding_fingerprint(const Finding& finding);

class SarifReporter final : public Reporter {
 public:
  explicit SarifReporter(ReporterOptions options) : options_(std::move(options)) {}
  void write(const Report& report, std::ostream& out) override;

 private:
  ReporterOptions options_;
};

}  // namespace keplint
