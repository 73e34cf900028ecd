// answer-implies-fields: when an answer in a Markdown document matches a pattern, metadata fields
// must be set. KEPs: a README whose enablement answer ticks "Feature gate" needs feature-gates
// and disable-supported in kep.yaml.
//   document: readme   question: "How can this feature be enabled / disabled in a live cluster?"
//   section: "Feature Enablement and Rollback"   pattern: "\\[[xX]\\] *Feature gate"
//   fields: [feature-gates, disable-supported]
#include "checks/field_values.h"
#include "checks/markdown_outline.h"

namespace keplint {

namespace {

class AnswerImpliesFieldsCheck : public Check {
 public:
  explicit AnswerImpliesFieldsCheck(Params& p)
      : document_(p.string("document")),
        section_(p.string("section")),
        question_(p.string("question")),
        pattern_(p.regex("pattern")),
        fields_(p.strings("fields")) {}

  void check_proposal(ProposalContext& ctx) const override {
    const LoadedDocument* md = ctx.proposal().document(document_);
    const LoadedDocument* meta = ctx.proposal().primary();
    if (!md || !md->markdown || !meta || !meta->yaml_root()) return;
    const MarkdownDocument& doc = *md->markdown;
    const MarkdownHeading* heading = find_heading(doc, normalize_heading(section_));
    if (!heading) return;
    std::vector<Question> questions = questions_in(doc, section_of(doc, *heading));
    const Question* q = match_question(questions, normalize_heading(question_));
    if (!q) return;
    std::string_view raw = std::string_view(doc.source().text())
                               .substr(q->answer_begin, q->answer_end - q->answer_begin);
    if (!re2::RE2::PartialMatch(strip_html_comments(raw), *pattern_)) return;
    for (const std::string& field : fields_) {
      const YamlNode* value = meta->yaml_root()->get(field);
      if (value && !value->is_null()) continue;
      ctx.report(
          location_of(*meta, Range::line(1), field),
          {{"field", field},
           {"question", q->text},
           {"readme", md->path},
           {"line", std::to_string(q->line)}},
          "{field} is not set, but {readme}:{line} answers '{question}' with a feature gate");
    }
  }

 private:
  std::string document_;
  std::string section_;
  std::string question_;
  std::shared_ptr<const re2::RE2> pattern_;
  std::vector<std::string> fields_;
};

}  // namespace

std::unique_ptr<Check> make_answer_implies_fields_check(Params& p) {
  return std::make_unique<AnswerImpliesFieldsCheck>(p);
}

}  // namespace keplint
