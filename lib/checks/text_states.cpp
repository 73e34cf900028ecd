// text-states: a value the Markdown text states ("* Status: Standard" under a GEP's title)
// agrees with the metadata field it repeats. The first line outside code blocks and HTML
// comments that matches `pattern` is the statement; its one group is the stated value.
//   pattern: '^\* Status: *(.*?) *$'
//   field: status
//   required: true        a document without the statement is reported too
#include <algorithm>

#include "checks/field_values.h"
#include "parse/markdown_document.h"

namespace keplint {

namespace {

class TextStatesCheck : public Check {
 public:
  explicit TextStatesCheck(Params& p)
      : pattern_(p.regex("pattern")),
        field_(p.field_path("field")),
        required_(p.boolean("required", false)) {
    if (pattern_->NumberOfCapturingGroups() != 1)
      p.fail("pattern", "must have exactly one capturing group: the stated value");
  }

  void check_proposal(ProposalContext& ctx) const override {
    const LoadedDocument* doc = ctx.document();
    if (!doc || !doc->markdown) return;
    std::optional<std::string> field = ctx.expand(field_);
    if (!field) return;
    const YamlNode* value = first_scalar(ctx.proposal().metadata(), *field);
    if (!value) return;  // a missing field is `required`'s business
    const MarkdownDocument& md = *doc->markdown;
    const SourceFile& source = md.source();
    for (int line = 1; line <= source.line_count(); ++line) {
      std::size_t offset = source.line_offset(line);
      if (md.in_code_block(offset) ||
          std::any_of(md.comments().begin(), md.comments().end(),
                      [&](const HtmlComment& c) { return c.begin <= offset && offset < c.end; })) {
        continue;
      }
      std::string_view text = source.line_text(line);
      re2::StringPiece stated;
      if (!RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *pattern_, &stated)) {
        continue;
      }
      std::string said(stated.data(), stated.size());
      if (said == value->value) return;
      std::size_t at = offset + static_cast<std::size_t>(stated.data() - text.data());
      ctx.report(
          location_of(*doc, source.range_of(at, std::max<std::size_t>(1, said.size())), *field),
          {{"field", *field},
           {"stated", said},
           {"value", value->value},
           {"metadata", ctx.proposal().primary()->path}},
          "the text states {field} '{stated}', but {metadata} says '{value}'");
      return;
    }
    if (required_) {
      ctx.report(location_of(*doc, Range::line(1), *field),
                 {{"field", *field}, {"value", value->value}},
                 "the text does not state {field} (the metadata says '{value}')");
    }
  }

 private:
  std::shared_ptr<const re2::RE2> pattern_;
  std::string field_;
  bool required_;
};

}  // namespace

std::unique_ptr<Check> make_text_states_check(Params& p) {
  return std::make_unique<TextStatesCheck>(p);
}

}  // namespace keplint
