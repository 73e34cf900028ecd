#include "report/sarif_reporter.h"

#include <fmt/format.h>

#include <cstdint>
#include <map>

#include "report/finding_view.h"
#include "report/json_output.h"
#include "report/utf8_text.h"

namespace keplint {

namespace {

constexpr std::string_view kSchema = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr std::string_view kFingerprintKey = "kepLintFindingHash/v1";

std::string sarif_level(Severity severity) {
  switch (severity) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Info:
      return "note";
    case Severity::Off:
      return "none";
  }
  return "error";
}

// FNV-1a: stable across platforms and builds, unlike std::hash.
std::uint64_t fnv1a(std::string_view data, std::uint64_t hash = 0xcbf29ce484222325ULL) {
  for (char c : data) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

// Every rule the report mentions: the active rules, plus any rule only a finding names
// (results must point into the rules array).
std::vector<RuleInfo> sarif_rules(const Report& report) {
  std::map<std::string, RuleInfo> by_id;
  for (const RuleInfo& rule : report.rules) by_id.emplace(rule.id, rule);
  for (const Finding& f : report.findings) {
    by_id.emplace(f.rule_id, RuleInfo{.id = f.rule_id,
                                      .name = f.rule_name,
                                      .severity = f.severity,
                                      .description = {},
                                      .docs_url = f.docs_url});
  }
  std::vector<RuleInfo> rules;
  for (auto& [id, rule] : by_id) rules.push_back(std::move(rule));
  return rules;
}

OrderedJson rule_json(const RuleInfo& rule, const ReporterOptions& options) {
  std::string full = to_valid_utf8(rule.description);
  if (full.empty()) full = rule.name.empty() ? rule.id : rule.name;
  std::string short_text = full.substr(0, full.find('\n'));
  std::string url = rule_docs_url(rule, options);
  OrderedJson j;
  j["id"] = rule.id;
  if (!rule.name.empty()) j["name"] = rule.name;
  j["shortDescription"] = {{"text", short_text}};
  j["fullDescription"] = {{"text", full}};
  j["help"] = {{"text", url.empty() ? full : full + "\n\nDocumentation: " + url},
               {"markdown", url.empty() ? full : full + "\n\n[Rule documentation](" + url + ")"}};
  if (!url.empty()) j["helpUri"] = url;
  j["defaultConfiguration"] = {{"level", sarif_level(rule.severity)}};
  return j;
}

OrderedJson region_json(const Finding& f) {
  // SARIF columns: UTF-16 code units, endColumn one past the last character.
  OutputRange r = output_range(f, ColumnUnit::Utf16, true);
  OrderedJson region;
  region["startLine"] = r.start_line;
  if (r.whole_file) return region;
  if (r.has_columns) region["startColumn"] = r.start_column;
  region["endLine"] = r.end_line;
  if (r.has_columns) region["endColumn"] = r.end_column;
  return region;
}

}  // namespace

std::string sarif_uri(std::string_view path) {
  std::string out;
  for (char ch : path) {
    auto c = static_cast<unsigned char>(ch);
    bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    out += unreserved ? std::string(1, ch) : fmt::format("%{:02X}", c);
  }
  return out;
}

std::string finding_fingerprint(const Finding& f) {
  std::uint64_t h = fnv1a(f.rule_id);
  h = fnv1a(std::string_view("\0", 1), h);
  h = fnv1a(f.path, h);
  h = fnv1a(
      f.anchor.empty() ? std::string_view("\0message\0", 9) : std::string_view("\0anchor\0", 8), h);
  h = fnv1a(f.anchor.empty() ? f.message : f.anchor, h);
  return fmt::format("{:016x}", h);
}

void SarifReporter::write(const Report& report, std::ostream& out) {
  std::vector<RuleInfo> rules = sarif_rules(report);
  std::map<std::string, std::size_t> rule_index;
  OrderedJson rules_json = OrderedJson::array();
  for (const RuleInfo& rule : rules) {
    rule_index.emplace(rule.id, rules_json.size());
    rules_json.push_back(rule_json(rule, options_));
  }

  OrderedJson results = OrderedJson::array();
  std::map<std::string, int> occurrences;  // same fingerprint twice: ":1", ":2", like GitHub's
  for (const Finding& f : report.findings) {
    OrderedJson location;
    location["physicalLocation"] = {
        {"artifactLocation", {{"uri", sarif_uri(f.path)}, {"uriBaseId", "%SRCROOT%"}}},
        {"region", region_json(f)}};
    if (!f.anchor.empty()) {
      location["logicalLocations"] = OrderedJson::array({{{"fullyQualifiedName", f.anchor}}});
    }
    std::string fingerprint = finding_fingerprint(f);
    int occurrence = ++occurrences[fingerprint];

    OrderedJson result;
    result["ruleId"] = f.rule_id;
    result["ruleIndex"] = rule_index.at(f.rule_id);
    result["level"] = sarif_level(shown_severity(f.severity));
    result["message"] = {{"text", f.message.empty() ? finding_title(f) : f.message}};
    // SARIF's own word for "the base revision had it too".
    if (!report.base_commit.empty()) result["baselineState"] = f.pre_existing ? "unchanged" : "new";
    result["locations"] = OrderedJson::array({std::move(location)});
    result["partialFingerprints"] = {
        {std::string(kFingerprintKey), fmt::format("{}:{}", fingerprint, occurrence)}};
    results.push_back(std::move(result));
  }

  OrderedJson driver;
  driver["name"] = "kep-lint";
  if (!report.tool_version.empty()) driver["version"] = report.tool_version;
  if (!options_.tool_url.empty()) driver["informationUri"] = options_.tool_url;
  driver["rules"] = std::move(rules_json);

  OrderedJson run;
  run["tool"] = {{"driver", std::move(driver)}};
  run["columnKind"] = "utf16CodeUnits";
  run["results"] = std::move(results);

  OrderedJson document;
  document["$schema"] = std::string(kSchema);
  document["version"] = "2.1.0";
  document["runs"] = OrderedJson::array({std::move(run)});
  write_json(document, out);
}

}  // namespace keplint
