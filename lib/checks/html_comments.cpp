// html-comments: an unterminated `<!--` hides the rest of the page on GitHub, and a stray `-->`
// at the start of a line shows up as text, usually where an author deleted half a comment.
#include "checks/field_values.h"
#include "parse/markdown_document.h"

namespace keplint {

namespace {

bool starts_line(const SourceFile& src, std::size_t offset) {
  Position p = src.position_of(offset);
  std::string_view before = src.line_text(p.line).substr(0, static_cast<std::size_t>(p.column - 1));
  return before.find_first_not_of(" \t") == std::string_view::npos;
}

class HtmlCommentsCheck : public Check {
 public:
  explicit HtmlCommentsCheck(Params&) {}

  void check_file(FileContext& ctx) const override {
    const LoadedDocument& file = ctx.document();
    if (!file.markdown) return;
    const MarkdownDocument& doc = *file.markdown;
    if (std::optional<std::size_t> open = doc.unterminated_comment()) {
      ctx.report(location_of(file, doc.source().range_of(*open, 4), "comment"), {},
                 "this <!-- comment is never closed: GitHub hides everything after it");
    }
    for (std::size_t offset : doc.stray_comment_closers()) {
      // "A --> B" in prose is an arrow; a closer that starts its line is a leftover.
      if (!starts_line(doc.source(), offset)) continue;
      ctx.report(location_of(file, doc.source().range_of(offset, 3), "comment"), {},
                 "--> closes no comment (half of a deleted comment?)");
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_html_comments_check(Params& p) {
  return std::make_unique<HtmlCommentsCheck>(p);
}

}  // namespace keplint
