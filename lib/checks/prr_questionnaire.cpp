// prr-questionnaire: the production readiness questions the KEP's stage requires are present and
// answered. Sections and questions come from the repository's own template, so kep-lint follows
// when upstream edits it; the pack only says which section is required from which stage.
//   template: template                       shared document (the README template)
//   stage-field: stage                       metadata field holding the stage
//   stages: [alpha, beta, stable]            their order
//   sections: {"Feature Enablement and Rollback": alpha, "Scalability": beta, ...}
//   report: sections | questions             missing sections, or missing/unanswered questions
#include <map>

#include "checks/field_values.h"
#include "checks/markdown_outline.h"
#include "engine/run_context.h"

namespace keplint {

namespace {

class PrrQuestionnaireCheck : public Check {
 public:
  explicit PrrQuestionnaireCheck(Params& p)
      : template_(p.string("template")),
        stage_field_(p.string_or("stage-field", "stage")),
        stages_(p.strings("stages")) {
    const YamlNode* sections = p.node("sections");
    if (!sections || !sections->is_mapping())
      p.fail("sections", "must map section headings to stages");
    for (const YamlEntry& e : sections->resolved().entries) {
      std::string stage = e.value->is_scalar() ? e.value->resolved().value : "";
      auto it = std::find(stages_.begin(), stages_.end(), stage);
      if (it == stages_.end()) p.fail_at(e.value, "stage must be one of: " + join(stages_));
      sections_.push_back({e.key->value, static_cast<int>(it - stages_.begin())});
    }
    std::string report = p.string_or("report", "questions");
    if (report != "sections" && report != "questions")
      p.fail("report", "must be sections or questions");
    report_sections_ = report == "sections";
  }

  void check_proposal(ProposalContext& ctx) const override {
    const LoadedDocument* readme = ctx.document();
    const LoadedDocument* tmpl = ctx.run().shared_document(template_);
    if (!readme || !readme->markdown || !tmpl || !tmpl->markdown) return;
    std::optional<std::string> stage = ctx.variable(stage_field_);
    if (!stage) return;
    auto at = std::find(stages_.begin(), stages_.end(), *stage);
    if (at == stages_.end()) return;
    int stage_index = static_cast<int>(at - stages_.begin());
    const MarkdownDocument& doc = *readme->markdown;
    const MarkdownDocument& tdoc = *tmpl->markdown;

    for (const auto& [name, from] : sections_) {
      if (from > stage_index) continue;
      std::string wanted = normalize_heading(name);
      const MarkdownHeading* theading = find_heading(tdoc, wanted);
      const MarkdownHeading* heading = find_heading(doc, wanted);
      MessageVars vars{{"section", name}, {"stage", *stage}, {"required-from", stages_[from]}};
      if (!heading) {
        if (report_sections_) {
          ctx.report(location_of(*readme, where_missing(doc, tdoc, theading), name), vars,
                     "PRR section '{section}' is missing (required from {required-from}; this KEP "
                     "targets {stage})");
        }
        continue;
      }
      if (report_sections_ || !theading) continue;
      std::vector<Question> asked = questions_in(tdoc, section_of(tdoc, *theading));
      std::vector<Question> answered = questions_in(doc, section_of(doc, *heading));
      for (const Question& q : asked) {
        vars["question"] = q.text;
        const Question* mine = match_question(answered, q.normalized);
        if (!mine) {
          ctx.report(location_of(*readme, Range::line(heading->line), name + "/" + q.text), vars,
                     "PRR question missing from '{section}': {question}");
          continue;
        }
        std::string answer = answer_text(doc, *mine);
        if (answer.empty() || answer == answer_text(tdoc, q)) {
          Range range = Range::line(mine->line);
          range.end.column = static_cast<int>(doc.source().line_text(mine->line).size());
          ctx.report(location_of(*readme, range, name + "/" + q.text), vars,
                     answer.empty()
                         ? "PRR question not answered: {question}"
                         : "PRR question not answered (still the template's text): {question}");
        }
      }
    }
  }

 private:
  // A missing section belongs before the README's copy of the template heading that follows it.
  static Range where_missing(const MarkdownDocument& doc, const MarkdownDocument& tdoc,
                             const MarkdownHeading* theading) {
    if (theading) {
      bool after = false;
      for (const MarkdownHeading& t : tdoc.headings()) {
        if (&t == theading) {
          after = true;
          continue;
        }
        if (!after || t.level > theading->level) continue;
        if (const MarkdownHeading* h = find_heading(doc, normalize_heading(t.text))) {
          return Range::line(h->line);
        }
      }
    }
    return Range::line(std::max(1, doc.source().line_count()));
  }

  struct SectionStage {
    std::string name;
    int from;
  };
  std::string template_;
  std::string stage_field_;
  std::vector<std::string> stages_;
  std::vector<SectionStage> sections_;
  bool report_sections_ = false;
};

}  // namespace

std::unique_ptr<Check> make_prr_questionnaire_check(Params& p) {
  return std::make_unique<PrrQuestionnaireCheck>(p);
}

}  // namespace keplint
