// A hand-built Report shared by the output format tests: a YAML file, a README with non-ASCII
// text, a missing file, and a repo-level finding without source.
#pragma once

#include <memory>
#include <sstream>
#include <string>

#include "engine/finding.h"
#include "report/reporter.h"

namespace keplint::testing {

inline SourcePtr make_source(std::string path, std::string text) {
  return std::make_shared<const SourceFile>(std::move(path), std::move(text));
}

inline Finding make_finding(std::string rule_id, std::string rule_name, Severity severity,
                            SourcePtr source, Range range, std::string message) {
  Finding f;
  f.rule_id = std::move(rule_id);
  f.rule_name = std::move(rule_name);
  f.severity = severity;
  f.path = source ? source->path() : std::string();
  f.range = range;
  f.message = std::move(message);
  f.source = std::move(source);
  return f;
}

// Byte columns: "status: imlpemented" -> value at 9..19. "# Über 🚀 feature" -> "feature" at
// bytes 14..20, characters 10..16, UTF-16 units 11..17.
inline Report sample_report() {
  auto kep = make_source("keps/sig-node/1234-foo/kep.yaml",
                         "title: Foo\nstatus: imlpemented\nowning-sig: sig-node\n");
  auto readme =
      make_source("keps/sig-node/1234-foo/README.md", "# Über 🚀 feature\n\n## Summary\n- a\n- b\n");
  Report report;
  report.tool_version = "0.1.0";
  report.proposals = {"keps/sig-node/1234-foo", "keps/sig-node/5678-bar", "keps/sig-node/9999-ok"};
  report.rules = {
      {"KEP001", "file-exists", Severity::Error, "Every proposal has a kep.yaml.", ""},
      {"KEP003", "status-valid", Severity::Error,
       "status is one of the allowed values.\nSee the KEP process.",
       "https://kep-lint.example/rules/KEP003"},
      {"KEP010", "heading-case", Severity::Warning, "Headings use sentence case.", ""},
      {"KEP020", "toc-up-to-date", Severity::Info, "The table of contents matches.", ""},
  };

  Finding status = make_finding("KEP003", "status-valid", Severity::Error, kep, {{2, 9}, {2, 19}},
                                "status 'imlpemented' is not one of: provisional, implemented");
  status.proposal = "keps/sig-node/1234-foo";
  status.anchor = "status";
  status.docs_url = "https://kep-lint.example/rules/KEP003";

  Finding heading = make_finding("KEP010", "heading-case", Severity::Warning, readme,
                                 {{1, 14}, {1, 20}}, "heading 'feature' is not sentence case");
  heading.proposal = "keps/sig-node/1234-foo";
  heading.anchor = "Über 🚀 feature";

  Finding toc = make_finding("KEP020", "toc-up-to-date", Severity::Info, readme, {{3, 1}, {5, 3}},
                             "table of contents is out of date");
  toc.proposal = "keps/sig-node/1234-foo";
  toc.raw_details = "- [Summary](#summary)\n";

  Finding missing =
      make_finding("KEP001", "file-exists", Severity::Error, nullptr, {}, "kep.yaml is missing");
  missing.path = "keps/sig-node/5678-bar/kep.yaml";
  missing.proposal = "keps/sig-node/5678-bar";

  Finding repo_level = make_finding("KEP050", "prr-approver", Severity::Warning, nullptr,
                                    {{1, 4}, {1, 6}}, "no PRR approver");
  repo_level.path = "keps/prod-readiness/sig-node/1234.yaml";

  report.findings = {status, heading, toc, missing, repo_level};
  sort_findings(report.findings);
  return report;
}

inline std::string render(std::string_view format, const Report& report,
                          const ReporterOptions& options = {}) {
  auto reporter = make_reporter(format, options);
  if (!reporter) return "<unknown format>";
  std::ostringstream out;
  reporter->write(report, out);
  return out.str();
}

// A report with one finding on `source`, for escaping and column tests.
inline Report single_finding_report(Finding finding) {
  Report report;
  report.tool_version = "0.1.0";
  if (!finding.proposal.empty()) report.proposals = {finding.proposal};
  report.findings = {std::move(finding)};
  return report;
}

}  // namespace keplint::testing
