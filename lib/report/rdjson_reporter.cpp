#include "report/rdjson_reporter.h"

#include "report/finding_view.h"
#include "report/json_output.h"

namespace keplint {

namespace {

std::string rdjson_severity(Severity severity) {
  switch (shown_severity(severity)) {
    case Severity::Error:
      return "ERROR";
    case Severity::Warning:
      return "WARNING";
    default:
      return "INFO";
  }
}

OrderedJson position_json(int line, int column, bool has_column) {
  OrderedJson p;
  p["line"] = line;
  if (has_column) p["column"] = column;
  return p;
}

OrderedJson source_json(const ReporterOptions& options) {
  OrderedJson source;
  source["name"] = "kep-lint";
  if (!options.tool_url.empty()) source["url"] = options.tool_url;
  return source;
}

}  // namespace

void RdjsonReporter::write(const Report& report, std::ostream& out) {
  OrderedJson diagnostics = OrderedJson::array();
  Severity worst = Severity::Off;
  for (const Finding& f : report.findings) {
    worst = std::max(worst, shown_severity(f.severity));
    OutputRange r = output_range(f, ColumnUnit::Bytes, true);
    OrderedJson location;
    location["path"] = f.path;
    // No range means the whole file to reviewdog.
    if (!r.whole_file) {
      location["range"] = {{"start", position_json(r.start_line, r.start_column, r.has_columns)},
                           {"end", position_json(r.end_line, r.end_column, r.has_columns)}};
    }
    OrderedJson d;
    d["message"] = f.message.empty() ? finding_title(f) : f.message;
    d["location"] = std::move(location);
    d["severity"] = rdjson_severity(f.severity);
    OrderedJson code;
    code["value"] = f.rule_id;
    if (std::string url = docs_url(f, report, options_); !url.empty()) code["url"] = url;
    d["code"] = std::move(code);
    diagnostics.push_back(std::move(d));
  }
  OrderedJson document;
  document["source"] = source_json(options_);
  // The overall severity is the worst diagnostic's; there is none without diagnostics.
  if (worst != Severity::Off) document["severity"] = rdjson_severity(worst);
  document["diagnostics"] = std::move(diagnostics);
  write_json(document, out);
}

}  // namespace keplint
