// toc: the table of contents between the markers is exactly what mdtoc generates (kubernetes
// runs `mdtoc --inplace --max-depth=5` and verifies it in CI). Out-of-date TOCs are fixable.
#include "checks/field_values.h"
#include "parse/mdtoc.h"

namespace keplint {

namespace {

class TocCheck : public Check {
 public:
  explicit TocCheck(Params& p) {
    options_.start_marker = p.string_or("start-marker", options_.start_marker);
    options_.end_marker = p.string_or("end-marker", options_.end_marker);
    options_.max_depth = p.integer("max-depth", options_.max_depth, 1, 6);
  }

  void check_file(FileContext& ctx) const override {
    const LoadedDocument& doc = ctx.document();
    if (!doc.markdown) return;
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
    Range at = Range::line(toc.first_difference_line);
    std::string_view line = doc.source->line_text(toc.first_difference_line);
    if (!line.empty()) at.end.column = static_cast<int>(line.size());
    std::string_view fallback;
    if (toc.expected_line.empty()) {
      fallback = "the table of contents is out of date: this line should go (run kep-lint --fix)";
    } else if (toc.actual_line.empty()) {
      fallback =
          "the table of contents is out of date: missing line `{expected}` (run kep-lint --fix)";
    } else {
      fallback = "the table of contents is out of date: expected `{expected}` (run kep-lint --fix)";
    }
    vars["expected"] = toc.expected_line;
    vars["actual"] = toc.actual_line;
    auto fixed = std::make_shared<const std::string>(rewrite_toc(*doc.markdown, toc));
    ctx.report(location_of(doc, at, "toc"), vars, fallback, toc.generated, std::move(fixed));
  }

 private:
  static Range marker_range(const LoadedDocument& doc, std::size_t offset,
                            const std::string& marker) {
    return doc.source->range_of(offset, marker.size());
  }

  TocOptions options_;
};

}  // namespace

std::unique_ptr<Check> make_toc_check(Params& p) {
  return std::make_unique<TocCheck>(p);
}

}  // namespace keplint
