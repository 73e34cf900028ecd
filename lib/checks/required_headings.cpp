// required-headings: the README has every heading of the repository's template (matched on
// normalized text), except "(Optional)" ones and those the pack excludes. With
// `report: level` it instead reports headings present at another level than the template's
// (a shallower one is fine while the heading still nests below its template parent).
//   template: template            shared document
//   min-level: 2, max-level: 5    which template headings count (the title and ###### questions
//                                 are other rules' business)
//   exclude: [regex, ...]         template headings to skip (matched on their text)
//   exclude-under: [heading, ...] skip everything below these template headings
//   headings-by: status           a metadata field whose value picks which template headings
//   headings: {provisional: [Summary, Motivation], implementable: all}
//                                 are required (a value not listed: all of them), as the
//                                 process asks less of a KEP early in its life
// A missing heading is one finding: the template headings below it are not reported too. A README
// heading that is a near miss of a missing template heading (singular for plural, a changed
// word ending such as "Questions" for "Questionnaire") is reported once, at that heading, as
// the difference, and counts as the template's heading.
#include <map>
#include <optional>

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
    headings_by_ = p.string_or("headings-by", "");
    if (const YamlNode* headings = p.node("headings")) {
      if (headings_by_.empty()) p.fail("headings", "needs headings-by (the field it depends on)");
      if (!headings->is_mapping()) p.fail("headings", "must map field values to heading lists");
      for (const YamlEntry& e : headings->resolved().entries) {
        std::vector<std::string> list;
        if (e.value->is_scalar() && e.value->resolved().value == "all") {
          headings_.emplace(e.key->value, std::nullopt);
          continue;
        }
        if (!e.value->is_sequence()) p.fail_at(e.value, "must be a list of headings or 'all'");
        for (const YamlNode* h : e.value->resolved().items) {
          if (!h->is_scalar()) p.fail_at(h, "a heading must be text");
          list.push_back(normalize_heading(h->resolved().value));
        }
        headings_.emplace(e.key->value, std::move(list));
      }
    } else if (!headings_by_.empty()) {
      p.fail("headings-by", "goes with headings");
    }
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
    const std::vector<std::string>* only = required_subset(ctx);

    std::string previous;   // last required template heading, for "belongs after"
    int skip_below = 0;     // inside an excluded-under section until a heading this shallow
    int missing_below = 0;  // below a missing heading: its template children are not reported
    std::vector<const MarkdownHeading*> used;  // README headings taken as near misses
    for (std::size_t i = 0; i < theadings.size(); ++i) {
      const MarkdownHeading& t = theadings[i];
      if (skip_below && t.level > skip_below) continue;
      skip_below = 0;
      if (missing_below && t.level <= missing_below) missing_below = 0;
      std::string norm = normalize_heading(t.text);
      if (only && std::find(only->begin(), only->end(), norm) == only->end()) continue;
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
      if (!found && missing_below) continue;  // its missing parent was reported
      if (!found) {
        if (const MarkdownHeading* near = near_miss(doc, theadings, norm, used)) {
          used.push_back(near);
          if (!report_level_) {
            std::string written(static_cast<std::size_t>(near->level), '#');
            Range range = Range::line(near->line);
            range.end.column = static_cast<int>(doc.source().line_text(near->line).size());
            ctx.report(location_of(*readme, range, t.text),
                       {{"heading", written + " " + collapse_whitespace(near->text)},
                        {"expected", hashes + " " + t.text},
                        {"difference",
                         difference(norm, normalize_heading(near->text), near->level, t.level)}},
                       "heading '{heading}' should be '{expected}' as in the template "
                       "({difference})");
          }
          previous = hashes + " " + t.text;
          continue;
        }
        missing_below = t.level;
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
  // The normalized headings required for this proposal, or null for all of them.
  const std::vector<std::string>* required_subset(const ProposalContext& ctx) const {
    if (headings_by_.empty()) return nullptr;
    std::optional<std::string> value = ctx.variable(headings_by_);
    if (!value) return nullptr;
    auto it = headings_.find(*value);
    return it == headings_.end() || !it->second ? nullptr : &*it->second;
  }

  // Each word without a plural "s", so "Design Detail" and "Design Details" compare equal.
  static std::string singular_words(std::string_view text) {
    std::string out;
    std::size_t start = 0;
    while (start <= text.size()) {
      std::size_t end = std::min(text.find(' ', start), text.size());
      std::string_view word = text.substr(start, end - start);
      if (word.size() > 3 && word.back() == 's' && !word.ends_with("ss")) word.remove_suffix(1);
      out += std::string(word) + " ";
      start = end + 1;
    }
    return out;
  }

  static bool near(const std::string& wanted, const std::string& written) {
    if (singular_words(wanted) == singular_words(written)) return true;
    // A few letters apart on a long heading: a changed word ending, a typo.
    std::size_t limit = std::max<std::size_t>(1, wanted.size() / 6);
    std::size_t gap = wanted.size() > written.size() ? wanted.size() - written.size()
                                                     : written.size() - wanted.size();
    return gap <= limit && edit_distance(wanted, written) <= limit;
  }

  // A README heading that matches no template heading but nearly matches `wanted`.
  static const MarkdownHeading* near_miss(const MarkdownDocument& doc,
                                          const std::vector<MarkdownHeading>& theadings,
                                          const std::string& wanted,
                                          const std::vector<const MarkdownHeading*>& used) {
    for (const MarkdownHeading& h : doc.headings()) {
      if (std::find(used.begin(), used.end(), &h) != used.end()) continue;
      std::string written = normalize_heading(h.text);
      if (written.empty() || !near(wanted, written)) continue;
      bool is_template = std::any_of(theadings.begin(), theadings.end(), [&](const auto& t) {
        return normalize_heading(t.text) == written;
      });
      if (!is_template) return &h;
    }
    return nullptr;
  }

  static std::string difference(const std::string& wanted, const std::string& written, int level,
                                int expected_level) {
    std::string what = singular_words(wanted) == singular_words(written) ? "singular or plural"
                                                                         : "spelled differently";
    if (level != expected_level) {
      what += ", and at level " + std::to_string(level) + " instead of " +
              std::to_string(expected_level);
    }
    return what;
  }

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
  std::string headings_by_;
  std::map<std::string, std::optional<std::vector<std::string>>> headings_;
  bool report_level_ = false;
};

}  // namespace

std::unique_ptr<Check> make_required_headings_check(Params& p) {
  return std::make_unique<RequiredHeadingsCheck>(p);
}

}  // namespace keplint
