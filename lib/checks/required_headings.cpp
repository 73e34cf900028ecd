// required-headings: the README has every heading of the repository's template (matched on
// normalized text), except "(Optional)" ones and those the pack excludes. With
// `report: level` it instead reports headings present at another level than the template's
// (a shallower one is fine while the heading still nests below its template parent).
//   template: template            shared document
//   min-level: 2, max-level: 5    which template headings count (the title and ###### questions
//                                 are other rules' business)
//   exclude: [regex, ...]         template headings to skip (matched on their text)
//   exclude-under: [heading, ...] skip everything below these template headings
#include "checks/field_values.h"
#include "checks/markdown_outline.h"
#include "engine/run_context.h"

namespace keplint {

namespace {

class RequiredHeadingsCheck : public Check {
 public:
  explicit RequiredHeadingsCheck(Params& p)
      : template_(p.string("template")),
        min_level_(p.integer("min-level", 2, 1, 6)),
        max_level_(p.integer("max-level", 5, 1, 6)) {
    re2::RE2::Options options;
    options.set_log_errors(false);
    for (const std::string& pattern : p.strings("exclude", true)) {
      auto re = std::make_shared<re2::RE2>(pattern, options);
      if (!re->ok())
        p.fail("exclude", "'" + pattern + "' is not a valid RE2 pattern: " + re->error());
      exclude_.push_back(re);
    }
    for (const std::string& h : p.strings("exclude-under", true))
      exclude_under_.push_back(normalize_heading(h));
    std::string report = p.string_or("report", "missing");
    if (report != "missing" && report != "level") p.fail("report", "must be missing or level");
    report_level_ = report == "level";
  }

  void check_proposal(ProposalContext& ctx) const override {
    const LoadedDocument* readme = ctx.document();
    const LoadedDocument* tmpl = ctx.run().shared_document(template_);
    if (!readme || !readme->markdown || !tmpl || !tmpl->markdown) return;
    const MarkdownDocument& doc = *readme->markdown;
    const std::vector<MarkdownHeading>& theadings = tmpl->markdown->headings();

    std::string previous;  // last required template heading, for "belongs after"
    int skip_below = 0;    // inside an excluded-under section until a heading this shallow
    std::vector<std::size_t> missing;  // indexes into theadings
    std::vector<std::string> after;
    for (std::size_t i = 0; i < theadings.size(); ++i) {
      const MarkdownHeading& t = theadings[i];
      if (skip_below && t.level > skip_below) continue;
      skip_below = 0;
      std::string norm = normalize_heading(t.text);
      if (std::find(exclude_under_.begin(), exclude_under_.end(), norm) != exclude_under_.end()) {
        skip_below = t.level;
      }
      if (t.level < min_level_ || t.level > max_level_) continue;
      if (collapse_whitespace(t.text).find("(Optional)") != std::string::npos) continue;
      if (std::any_of(exclude_.begin(), exclude_.end(),
                      [&](const auto& re) { return re2::RE2::PartialMatch(t.text, *re); })) {
        continue;
      }
      const MarkdownHeading* found = find_heading(doc, norm);
      std::string hashes(static_cast<std::size_t>(t.level), '#');
      if (!found) {
        if (!report_level_) {
          MessageVars vars{{"heading", hashes + " " + t.text},
                           {"after", previous.empty() ? "the title" : "'" + previous + "'"}};
          ctx.report(location_of(*readme, where_missing(doc, theadings, i), t.text), vars,
                     "missing template heading '{heading}' (it belongs after {after})");
        }
      } else if (report_level_ && !level_fits(doc, theadings, i, *found)) {
        Range range = Range::line(found->line);
        range.end.column = static_cast<int>(doc.source().line_text(found->line).size());
        ctx.report(
            location_of(*readme, range, t.text),
            {{"heading", t.text},
             {"level", std::to_string(found->level)},
             {"expected", std::to_string(t.level)}},
            "heading '{heading}' is at level {level}; the template has it at level {expected}");
      }
      previous = hashes + " " + t.text;
    }
  }

 private:
  // Where a missing heading belongs: the README's copy of the next template heading, else the end.
  static Range where_missing(const MarkdownDocument& doc,
                             const std::vector<MarkdownHeading>& theadings, std::size_t index) {
    for (std::size_t j = index + 1; j < theadings.size(); ++j) {
      if (const MarkdownHeading* h = find_heading(doc, normalize_heading(theadings[j].text))) {
        return Range::line(h->line);
      }
    }
    return Range::line(std::max(1, doc.source().line_count()));
  }

  // A heading keeps the template's structure at the template's level, or shallower as long as it
  // stays below its template parent: `#### Unit tests` under `### Test Plan` nests like the
  // template's `##### Unit tests`.
  static bool level_fits(const MarkdownDocument& doc, const std::vector<MarkdownHeading>& theadings,
                         std::size_t index, const MarkdownHeading& found) {
    const MarkdownHeading& t = theadings[index];
    if (found.level == t.level) return true;
    if (found.level > t.level) return false;
    for (std::size_t j = index; j-- > 0;) {
      if (theadings[j].level >= t.level) continue;
      const MarkdownHeading* parent = find_heading(doc, normalize_heading(theadings[j].text));
      return parent && parent->level < found.level && parent->begin < found.begin;
    }
    return false;
  }

  std::string template_;
  int min_level_;
  int max_level_;
  std::vector<std::shared_ptr<re2::RE2>> exclude_;
  std::vector<std::string> exclude_under_;
  bool report_level_ = false;
};

}  // namespace

std::unique_ptr<Check> make_required_headings_check(Params& p) {
  return std::make_unique<RequiredHeadingsCheck>(p);
}

}  // namespace keplint
