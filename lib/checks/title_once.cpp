// title-once: the title heading (a level, default 1) appears once in the document; each further
// heading of that level is reported, naming the title's line.
//   level: 1
//   required: true      a document without any heading of the level is reported too
#include "checks/field_values.h"
#include "parse/markdown_document.h"

namespace keplint {

namespace {

class TitleOnceCheck : public Check {
 public:
  explicit TitleOnceCheck(Params& p)
      : level_(p.integer("level", 1, 1, 6)), required_(p.boolean("required", false)) {}

  void check_proposal(ProposalContext& ctx) const override {
    const LoadedDocument* doc = ctx.document();
    if (!doc || !doc->markdown) return;
    const MarkdownHeading* title = nullptr;
    for (const MarkdownHeading& h : doc->markdown->headings()) {
      if (h.level != level_) continue;
      if (!title) {
        title = &h;
        continue;
      }
      ctx.report(location_of(*doc, Range{{h.line, h.column}, {h.line, h.column}}, h.text),
                 {{"heading", h.text},
                  {"title", title->text},
                  {"line", std::to_string(title->line)},
                  {"level", std::to_string(level_)}},
                 "a second level-{level} heading '{heading}': the title '{title}' is on line "
                 "{line}");
    }
    if (!title && required_) {
      ctx.report(location_of(*doc, Range::line(1), "title"), {{"level", std::to_string(level_)}},
                 "the document has no level-{level} title heading");
    }
  }

 private:
  int level_;
  bool required_;
};

}  // namespace

std::unique_ptr<Check> make_title_once_check(Params& p) {
  return std::make_unique<TitleOnceCheck>(p);
}

}  // namespace keplint
