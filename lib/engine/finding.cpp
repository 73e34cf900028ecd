#include "engine/finding.h"

#include <algorithm>
#include <tuple>

namespace keplint {

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::Off:
      return "off";
    case Severity::Info:
      return "info";
    case Severity::Warning:
      return "warning";
    case Severity::Error:
      return "error";
  }
  return "error";
}

std::optional<Severity> parse_severity(std::string_view text) {
  if (text == "off") return Severity::Off;
  if (text == "info") return Severity::Info;
  if (text == "warning") return Severity::Warning;
  if (text == "error") return Severity::Error;
  return std::nullopt;
}

bool finding_less(const Finding& a, const Finding& b) {
  return std::tie(a.path, a.range.start.line, a.range.start.column, a.rule_id, a.message) <
         std::tie(b.path, b.range.start.line, b.range.start.column, b.rule_id, b.message);
}

void sort_findings(std::vector<Finding>& findings) {
  std::stable_sort(findings.begin(), findings.end(), finding_less);
}

}  // namespace keplint
