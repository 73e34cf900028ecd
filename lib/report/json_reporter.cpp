#include "report/json_reporter.h"

#include "report/finding_view.h"
#include "report/json_output.h"

namespace keplint {

namespace {

OrderedJson position_json(Position p) {
  return {{"line", p.line}, {"column", p.column}};
}

}  // namespace

void JsonReporter::write(const Report& report, std::ostream& out) {
  OrderedJson findings = OrderedJson::array();
  for (const Finding& f : report.findings) {
    OrderedJson j;
    j["rule"] = f.rule_id;
    j["name"] = f.rule_name;
    j["severity"] = std::string(severity_name(f.severity));
    j["path"] = f.path;
    // The model as stored: 1-based lines, 1-based byte columns, end inclusive, line 0 = file.
    j["range"] = {{"start", position_json(f.range.start)}, {"end", position_json(f.range.end)}};
    j["message"] = f.message;
    j["proposal"] = f.proposal;
    j["docs"] = docs_url(f, report, options_);
    if (!f.raw_details.empty()) j["raw_details"] = f.raw_details;
    if (!f.anchor.empty()) j["anchor"] = f.anchor;
    // Only after a base comparison: whether the base revision already had it.
    if (!report.base_commit.empty()) j["pre_existing"] = f.pre_existing;
    findings.push_back(std::move(j));
  }
  SeverityCounts counts = count_severities(report.findings);
  OrderedJson document;
  document["version"] = report.tool_version;
  document["findings"] = std::move(findings);
  document["summary"] = {{"errors", counts.errors},
                         {"warnings", counts.warnings},
                         {"infos", counts.infos},
                         {"proposals", report.proposals.size()}};
  if (!report.base_commit.empty()) {
    int pre_existing = static_cast<int>(report_groups(report, true).size());
    document["summary"]["base_commit"] = report.base_commit;
    document["summary"]["introduced"] = static_cast<int>(report.findings.size()) - pre_existing;
    document["summary"]["pre_existing"] = pre_existing;
  }
  write_json(document, out);
}

}  // namespace keplint
