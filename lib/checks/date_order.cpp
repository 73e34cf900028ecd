// date-order: one date field is not before another (last-updated >= creation-date). Values that
// are not dates written YYYY-MM-DD are left to the `date` kind; a missing field to `required`.
//   earlier: creation-date
//   later: last-updated
//   strict: true            the later date must be after the earlier one, not the same day
#include "checks/field_values.h"

namespace keplint {

namespace {

const YamlNode* date_value(const YamlNode* root, const std::string& field) {
  const YamlNode* v = first_scalar(root, field);
  static const re2::RE2 shape("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  return v && re2::RE2::FullMatch(v->value, shape) ? v : nullptr;
}

class DateOrderCheck : public Check {
 public:
  explicit DateOrderCheck(Params& p)
      : earlier_(p.field_path("earlier")),
        later_(p.field_path("later")),
        strict_(p.boolean("strict", false)) {}

  void check_proposal(ProposalContext& ctx) const override {
    const LoadedDocument* doc = ctx.document() ? ctx.document() : ctx.proposal().primary();
    const YamlNode* root = doc ? doc->yaml_root() : nullptr;
    if (!root) return;
    std::optional<std::string> earlier_path = ctx.expand(earlier_), later_path = ctx.expand(later_);
    if (!earlier_path || !later_path) return;
    const YamlNode* earlier = date_value(root, *earlier_path);
    const YamlNode* later = date_value(root, *later_path);
    if (!earlier || !later) return;
    // Zero-padded YYYY-MM-DD compares as text.
    if (later->value > earlier->value || (!strict_ && later->value == earlier->value)) return;
    ctx.report(location_of(*doc, later, *later_path),
               {{"earlier", *earlier_path},
                {"later", *later_path},
                {"earlier-value", earlier->value},
                {"later-value", later->value},
                {"line", std::to_string(earlier->range.start.line)},
                {"relation", strict_ ? "after" : "on or after"}},
               "{later} {later-value} is not {relation} {earlier} {earlier-value} (line {line})");
  }

 private:
  std::string earlier_;
  std::string later_;
  bool strict_;
};

}  // namespace

std::unique_ptr<Check> make_date_order_check(Params& p) {
  return std::make_unique<DateOrderCheck>(p);
}

}  // namespace keplint
