#include "report/annotations_reporter.h"

#include "report/finding_view.h"
#include "report/json_output.h"
#include "report/utf8_text.h"

namespace keplint {

namespace {

std::string annotation_level(Severity severity) {
  switch (shown_severity(severity)) {
    case Severity::Error:
      return "failure";
    case Severity::Warning:
      return "warning";
    default:
      return "notice";
  }
}

}  // namespace

void AnnotationsReporter::write(const Report& report, std::ostream& out) {
  OrderedJson annotations = OrderedJson::array();
  for (const Finding& f : report.findings) {
    OutputRange r = output_range(f, ColumnUnit::Chars, false);
    OrderedJson a;
    a["path"] = to_valid_utf8(f.path);
    a["start_line"] = r.start_line;
    a["end_line"] = r.end_line;
    // The API rejects columns on multi-line annotations.
    if (r.has_columns && r.single_line()) {
      a["start_column"] = r.start_column;
      a["end_column"] = r.end_column;
    }
    a["annotation_level"] = annotation_level(annotation_severity(f));
    std::string title = to_valid_utf8(annotation_title(f));
    a["title"] = truncate_chars(title, kAnnotationTitleMaxChars, "…");
    // Limits are checked on valid UTF-8: U+FFFD is longer than the byte it replaces.
    std::string message = f.message.empty() ? title : to_valid_utf8(f.message);
    a["message"] = truncate_bytes(message, kAnnotationTextMaxBytes, "…");
    if (!f.raw_details.empty()) {
      a["raw_details"] = truncate_bytes(to_valid_utf8(f.raw_details), kAnnotationTextMaxBytes, "…");
    }
    annotations.push_back(std::move(a));
  }
  write_json(annotations, out);
}

}  // namespace keplint
