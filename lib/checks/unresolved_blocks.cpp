// unresolved-blocks: `<<[UNRESOLVED ...]>>` ... `<<[/UNRESOLVED]>>` markers outside comments and
// code. `report: unbalanced` finds openers without closers and the reverse; `report: present`
// finds every block left (for KEPs that claim to be settled).
#include "checks/field_values.h"
#include "parse/markdown_document.h"

namespace keplint {

namespace {

class UnresolvedBlocksCheck : public Check {
 public:
  explicit UnresolvedBlocksCheck(Params& p)
      : open_(p.string_or("open", "<<[UNRESOLVED")),
        close_(p.string_or("close", "<<[/UNRESOLVED]>>")) {
    std::string report = p.string_or("report", "unbalanced");
    if (report != "unbalanced" && report != "present")
      p.fail("report", "must be unbalanced or present");
    present_ = report == "present";
  }

  void check_proposal(ProposalContext& ctx) const override {
    const LoadedDocument* readme = ctx.document();
    if (!readme || !readme->markdown) return;
    const MarkdownDocument& doc = *readme->markdown;
    const std::string& text = doc.source().text();
    struct Marker {
      std::size_t offset;
      bool opens;
    };
    std::vector<Marker> markers;
    for (std::size_t at = text.find("<<["); at != std::string::npos;
         at = text.find("<<[", at + 3)) {
      bool opens = text.compare(at, open_.size(), open_) == 0;
      bool closes = text.compare(at, close_.size(), close_) == 0;
      if ((!opens && !closes) || ignored(doc, at)) continue;
      if (opens && !starts_line(doc.source(), at)) continue;
      markers.push_back({at, opens});
    }
    std::vector<std::size_t> stack;
    for (const Marker& m : markers) {
      Range range = doc.source().range_of(m.offset, m.opens ? open_.size() : close_.size());
      if (m.opens) {
        if (present_) {
          ctx.report(location_of(*readme, range, "unresolved"), {},
                     "an UNRESOLVED block is still open in this proposal");
        }
        stack.push_back(m.offset);
      } else if (!stack.empty()) {
        stack.pop_back();
      } else if (!present_) {
        ctx.report(location_of(*readme, range, "unresolved"), {{"marker", close_}},
                   "{marker} closes no UNRESOLVED block");
      }
    }
    if (present_) return;
    for (std::size_t offset : stack) {
      ctx.report(location_of(*readme, doc.source().range_of(offset, open_.size()), "unresolved"),
                 {{"marker", close_}}, "UNRESOLVED block is never closed with {marker}");
    }
  }

 private:
  // Markers are written on their own lines; "<<[UNRESOLVED]>>" inside a sentence is a mention.
  static bool starts_line(const SourceFile& src, std::size_t offset) {
    Position p = src.position_of(offset);
    std::string_view before =
        src.line_text(p.line).substr(0, static_cast<std::size_t>(p.column - 1));
    return before.find_first_not_of(" \t>*-") == std::string_view::npos;
  }

  static bool ignored(const MarkdownDocument& doc, std::size_t offset) {
    if (doc.in_code_block(offset)) return true;
    for (const HtmlComment& c : doc.comments()) {
      if (c.begin <= offset && offset < c.end) return true;
    }
    return false;
  }

  std::string open_;
  std::string close_;
  bool present_ = false;
};

}  // namespace

std::unique_ptr<Check> make_unresolved_blocks_check(Params& p) {
  return std::make_unique<UnresolvedBlocksCheck>(p);
}

}  // namespace keplint
