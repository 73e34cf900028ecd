#include "report/reporter.h"

#include "report/annotations_reporter.h"
#include "report/github_reporter.h"
#include "report/json_reporter.h"
#include "report/junit_reporter.h"
#include "report/markdown_reporter.h"
#include "report/rdjson_reporter.h"
#include "report/sarif_reporter.h"
#include "report/text_reporter.h"

namespace keplint {

std::unique_ptr<Reporter> make_reporter(std::string_view format, const ReporterOptions& options) {
  if (format == "text") return std::make_unique<TextReporter>(options);
  if (format == "json") return std::make_unique<JsonReporter>(options);
  if (format == "annotations") return std::make_unique<AnnotationsReporter>();
  if (format == "github") return std::make_unique<GithubReporter>(options);
  if (format == "sarif") return std::make_unique<SarifReporter>(options);
  if (format == "junit") return std::make_unique<JunitReporter>(options);
  if (format == "rdjson") return std::make_unique<RdjsonReporter>(options);
  if (format == "markdown") return std::make_unique<MarkdownReporter>(options);
  return nullptr;
}

std::vector<std::string_view> reporter_formats() {
  return {"text", "json", "annotations", "github", "sarif", "junit", "rdjson", "markdown"};
}

}  // namespace keplint
