// heading-matches: the first heading of a level (the README title) matches a pattern whose one
// capture group equals an expected value: `# KEP-1234: Title` against kep-number.
#include "checks/field_values.h"
#include "parse/markdown_document.h"

namespace keplint {

namespace {

class HeadingMatchesCheck : public Check {
 public:
  explicit HeadingMatchesCheck(Params& p)
      : level_(p.integer("level", 1, 1, 6)),
        pattern_(p.regex("pattern")),
        expected_(p.string("expected")) {
    if (pattern_->NumberOfCapturingGroups() != 1)
      p.fail("pattern", "must have exactly one capturing group");
  }

  void check_proposal(ProposalContext& ctx) const override {
    const LoadedDocument* readme = ctx.document();
    if (!readme || !readme->markdown) return;
    std::optional<std::string> expected = ctx.expand(expected_);
    if (!expected) return;
    const MarkdownHeading* title = nullptr;
    for (const MarkdownHeading& h : readme->markdown->headings()) {
      if (h.level == level_) {
        title = &h;
        break;
      }
    }
    MessageVars vars{{"expected", *expected}, {"pattern", pattern_->pattern()}};
    if (!title) {
      ctx.report(location_of(*readme, Range::line(1), "title"), vars,
                 "no level-" + std::to_string(level_) + " heading (the title) found");
      return;
    }
    Range range = Range::line(title->line);
    range.end.column = static_cast<int>(readme->source->line_text(title->line).size());
    vars["title"] = title->text;
    std::string captured;
    if (!re2::RE2::PartialMatch(title->text, *pattern_, &captured)) {
      ctx.report(location_of(*readme, range, "title"), vars,
                 "title '{title}' does not match {pattern}");
    } else if (captured != *expected) {
      vars["value"] = captured;
      ctx.report(location_of(*readme, range, "title"), vars,
                 "title '{title}' names {value}, but the metadata says {expected}");
    }
  }

 private:
  int level_;
  std::shared_ptr<const re2::RE2> pattern_;
  std::string expected_;
};

}  // namespace

std::unique_ptr<Check> make_heading_matches_check(Params& p) {
  return std::make_unique<HeadingMatchesCheck>(p);
}

}  // namespace keplint
