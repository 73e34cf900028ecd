// toc: the table of contents between the markers is exactly what the repository's TOC tool
// generates: mdtoc (`dialect: mdtoc`, the default: kubernetes runs `mdtoc --inplace
// --max-depth=5` and verifies it in CI) or doctoc (`dialect: doctoc`: cluster-api runs `doctoc`).
// Out-of-date TOCs are fixable.
#include "checks/field_values.h"
#include "parse/doctoc.h"
#include "parse/mdtoc.h"

namespace keplint {

namespace {

class TocCheck : public Check {
 public:
  explicit TocCheck(Params& p) {
    std::string dialect = p.string_or("dialect", "mdtoc");
    if (dialect != "mdtoc" && dialect != "doctoc") {
      p.fail("dialect", "dialect '" + dialect + "' is not one of: mdtoc, doctoc");
    }
    // Options of the other dialect are left unread, so the loader rejects them as unknown.
    doctoc_ = dialect == "doctoc";
    if (doctoc_) {
      doctoc_options_.max_level = p.integer("max-depth", 0, 1, 6);
      doctoc_options_.min_level = p.integer("min-depth", 1, 1, 6);
      doctoc_options_.notitle = p.boolean("notitle", false);
      doctoc_options_.title = p.string_or("title", "");
      return;
    }
    options_.start_marker = p.string_or("start-marker", options_.start_marker);
    options_.end_marker = p.string_or("end-marker", options_.end_marker);
    options_.max_depth = p.integer("max-depth", options_.max_depth, 1, 6);
  }

  void check_file(FileContext& ctx) const override {
    const LoadedDocument& doc = ctx.document();
    if (!doc.markdown) return;
    if (doctoc_) {
      check_doctoc(ctx, doc);
      return;
    }
    TocAnalysis toc = analyze_toc(*doc.markdown, options_);
    MessageVars vars{{"start-marker", options_.start_marker}, {"end-marker", options_.end_marker}};
    switch (toc.problem) {
      case TocProblem::kMissingStartMarker:
        ctx.report(location_of(doc, Range::line(1), "toc"), vars,
                   "no table of contents: the opening marker {start-marker} is missing",
                   toc.generated);
        return;
      case TocProblem::kMissingEndMarker:
        ctx.report(
            location_of(doc, marker_range(doc, toc.start_offset, options_.start_marker), "toc"),
            vars, "the table of contents has no closing marker {end-marker}", toc.generated);
        return;
      case TocProblem::kEndBeforeStart:
        ctx.report(location_of(doc, marker_range(doc, toc.end_offset, options_.end_marker), "toc"),
                   vars,
                   "the closing marker {end-marker} comes before the opening marker {start-marker}",
                   toc.generated);
        return;
      case TocProblem::kEndMarkerInToc:
        ctx.report(location_of(doc, marker_range(doc, toc.end_offset, options_.end_marker), "toc"),
                   vars,
                   "the table of contents cannot be generated: a heading's entry would contain "
                   "the closing marker {end-marker}",
                   toc.generated);
        return;
      case TocProblem::kHeadingTooComplex:
        vars["heading"] = toc.too_complex_heading;
        ctx.report(location_of(doc, marker_range(doc, toc.end_offset, options_.end_marker), "toc"),
                   vars,
                   "the table of contents cannot be generated: the heading `{heading}` has more "
                   "inline markup than kep-lint will parse");
        return;
      case TocProblem::kNone:
        break;
    }
    if (toc.up_to_date) return;
    bool missing = !toc.expected_line.empty() && toc.actual_line.empty();
    bool extra = toc.expected_line.empty();
    report_stale(ctx, doc, vars, toc.first_difference_line, missing, extra, toc.expected_line,
                 toc.actual_line, toc.generated, rewrite_toc(*doc.markdown, toc));
  }

 private:
  void check_doctoc(FileContext& ctx, const LoadedDocument& doc) const {
    DoctocAnalysis toc = analyze_doctoc(*doc.markdown, doctoc_options_);
    MessageVars vars{{"start-marker", std::string(kDoctocStartMarker)},
                     {"end-marker", std::string(kDoctocEndMarker)}};
    // A marker's "<!--" (or, at the closing marker's end, its "-->").
    auto at_offset = [&](std::size_t offset) {
      return location_of(doc, doc.source->range_of(offset, 4), "toc");
    };
    switch (toc.problem) {
      case TocProblem::kMissingStartMarker: {
        // doctoc would insert a TOC (and so does --fix).
        std::shared_ptr<const std::string> fixed;
        if (!toc.rewritten.empty()) {
          fixed = std::make_shared<const std::string>(std::move(toc.rewritten));
        }
        ctx.report(location_of(doc, Range::line(1), "toc"), vars,
                   "no table of contents: the opening marker {start-marker} is missing",
                   toc.generated, std::move(fixed));
        return;
      }
      case TocProblem::kMissingEndMarker:
        ctx.report(at_offset(toc.region_begin), vars,
                   "the table of contents has no closing marker {end-marker}");
        return;
      case TocProblem::kEndBeforeStart:
        ctx.report(at_offset(toc.region_begin), vars,
                   "the closing marker {end-marker} comes before the opening marker "
                   "{start-marker}");
        return;
      case TocProblem::kHeadingTooComplex:
        vars["heading"] = toc.too_complex_heading;
        ctx.report(at_offset(toc.region_end - 3), vars,
                   "the table of contents cannot be generated: kep-lint does not emulate "
                   "doctoc for the heading `{heading}` (an HTML heading, or too long)");
        return;
      case TocProblem::kEndMarkerInToc:
      case TocProblem::kNone:
        break;
    }
    if (toc.up_to_date) return;
    report_stale(ctx, doc, vars, toc.first_difference_line, toc.line_missing, toc.line_extra,
                 toc.expected_line, toc.actual_line, toc.generated, std::move(toc.rewritten));
  }

  // Either dialect's stale table: the first line that differs, and the whole rewrite as the fix.
  static void report_stale(FileContext& ctx, const LoadedDocument& doc, MessageVars vars,
                           int line_number, bool missing, bool extra, const std::string& expected,
                           const std::string& actual, const std::string& generated,
                           std::string rewritten) {
    Range at = Range::line(line_number);
    std::string_view line = doc.source->line_text(line_number);
    if (!line.empty()) at.end.column = static_cast<int>(line.size());
    std::string_view fallback =
        missing ? "the table of contents is out of date: missing line `{expected}` (run "
                  "kep-lint --fix)"
        : extra
            ? "the table of contents is out of date: this line should go (run kep-lint --fix)"
            : "the table of contents is out of date: expected `{expected}` (run kep-lint --fix)";
    vars["expected"] = expected;
    vars["actual"] = actual;
    ctx.report(location_of(doc, at, "toc"), vars, fallback, generated,
               std::make_shared<const std::string>(std::move(rewritten)));
  }

  static Range marker_range(const LoadedDocument& doc, std::size_t offset,
                            const std::string& marker) {
    return doc.source->range_of(offset, marker.size());
  }

  TocOptions options_;
  bool doctoc_ = false;
  DoctocOptions doctoc_options_;
};

}  // namespace

std::unique_ptr<Check> make_toc_check(Params& p) {
  return std::make_unique<TocCheck>(p);
}

}  // namespace keplint
