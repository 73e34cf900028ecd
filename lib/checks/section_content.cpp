// section-content: what a README section says.
//   mode: filled       the section (with its subsections) has content beyond headings, comments
//                      and the template's own text
//   mode: forbid       no line of the section (comments removed) matches `patterns` (template
//                      placeholders such as "- `<package>`: `<date>` - `<test coverage>`")
//   section: "Test Plan"   template: template (for `filled`, optional)
#include <sstream>

#include "checks/field_values.h"
#include "checks/markdown_outline.h"
#include "engine/run_context.h"

namespace keplint {

namespace {

class SectionContentCheck : public Check {
 public:
  explicit SectionContentCheck(Params& p)
      : section_(p.string("section")), template_(p.string_or("template", "")) {
    std::string mode = p.string("mode");
    if (mode != "filled" && mode != "forbid") p.fail("mode", "must be filled or forbid");
    forbid_ = mode == "forbid";
    if (forbid_) {
      re2::RE2::Options options;
      options.set_log_errors(false);
      for (const std::string& pattern : p.strings("patterns")) {
        auto re = std::make_shared<re2::RE2>(pattern, options);
        if (!re->ok())
          p.fail("patterns", "'" + pattern + "' is not a valid RE2 pattern: " + re->error());
        patterns_.push_back(re);
      }
    }
  }

  void check_proposal(ProposalContext& ctx) const override {
    const LoadedDocument* readme = ctx.document();
    if (!readme || !readme->markdown) return;
    const MarkdownDocument& doc = *readme->markdown;
    const MarkdownHeading* heading = find_heading(doc, normalize_heading(section_));
    if (!heading) return;  // a missing section is required-headings' finding
    Section section = section_of(doc, *heading);
    MessageVars vars{{"section", heading->text}};
    if (forbid_) {
      report_placeholders(ctx, *readme, section, vars);
      return;
    }
    std::string mine = visible_text(doc, section);
    std::string seed;
    if (const LoadedDocument* tmpl =
            template_.empty() ? nullptr : ctx.run().shared_document(template_)) {
      if (tmpl->markdown) {
        if (const MarkdownHeading* t = find_heading(*tmpl->markdown, normalize_heading(section_))) {
          seed = visible_text(*tmpl->markdown, section_of(*tmpl->markdown, *t));
        }
      }
    }
    if (mine.empty() || mine == seed) {
      Range range = Range::line(heading->line);
      range.end.column = static_cast<int>(doc.source().line_text(heading->line).size());
      ctx.report(location_of(*readme, range, heading->text), vars,
                 mine.empty() ? "section '{section}' is empty"
                              : "section '{section}' still holds only the template's text");
    }
  }

 private:
  // The section's text without comments and without its subsection headings' lines.
  static std::string visible_text(const MarkdownDocument& doc, const Section& s) {
    std::string out;
    const SourceFile& src = doc.source();
    std::string text =
        strip_html_comments(std::string_view(src.text()).substr(s.begin, s.end - s.begin));
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
      std::string trimmed = collapse_whitespace(line);
      if (trimmed.empty() || trimmed.front() == '#') continue;
      out += trimmed;
      out += '\n';
    }
    return out;
  }

  void report_placeholders(ProposalContext& ctx, const LoadedDocument& readme, const Section& s,
                           MessageVars vars) const {
    const MarkdownDocument& doc = *readme.markdown;
    const SourceFile& src = doc.source();
    int first = src.position_of(s.begin).line,
        last = src.position_of(s.end > 0 ? s.end - 1 : 0).line;
    for (int line = first; line <= last; ++line) {
      std::size_t offset = src.line_offset(line);
      if (offset < s.begin || offset >= s.end || inside_comment(doc, offset)) continue;
      std::string_view text = src.line_text(line);
      for (const auto& re : patterns_) {
        if (!re2::RE2::PartialMatch(text, *re)) continue;
        vars["line"] = collapse_whitespace(text);
        Range range = Range::line(line);
        range.end.column = static_cast<int>(text.size());
        ctx.report(location_of(readme, range, s.heading->text), vars,
                   "section '{section}' still holds a template placeholder: {line}");
        break;
      }
    }
  }

  static bool inside_comment(const MarkdownDocument& doc, std::size_t offset) {
    for (const HtmlComment& c : doc.comments()) {
      if (c.begin <= offset && offset < c.end) return true;
    }
    return false;
  }

  std::string section_;
  std::string template_;
  bool forbid_ = false;
  std::vector<std::shared_ptr<re2::RE2>> patterns_;
};

}  // namespace

std::unique_ptr<Check> make_section_content_check(Params& p) {
  return std::make_unique<SectionContentCheck>(p);
}

}  // namespace keplint
