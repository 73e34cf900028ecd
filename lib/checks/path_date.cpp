// path-date: a date field agrees with the date in the proposal's file or directory name
// (cluster-api names proposals YYYYMMDD-slug.md and states creation-date in the front matter).
// Names without a date, and values that are not dates written YYYY-MM-DD, are other rules'
// business.
//   field: creation-date
//   pattern: "^([0-9]{4})([0-9]{2})([0-9]{2})-"   three groups (year, month, day) matched in the
//                                                  proposal's base name; this is the default
#include "checks/field_values.h"

namespace keplint {

namespace {

class PathDateCheck : public Check {
 public:
  explicit PathDateCheck(Params& p)
      : field_(p.field_path("field")), pattern_(p.regex("pattern", true)) {
    if (!pattern_) {
      pattern_ = std::make_shared<const re2::RE2>("^([0-9]{4})([0-9]{2})([0-9]{2})-");
    }
    if (pattern_->NumberOfCapturingGroups() != 3) {
      p.fail("pattern", "needs three groups: year, month and day");
    }
  }

  void check_proposal(ProposalContext& ctx) const override {
    const LoadedDocument* doc = ctx.document() ? ctx.document() : ctx.proposal().primary();
    const YamlNode* root = doc ? doc->yaml_root() : nullptr;
    if (!root) return;
    const std::string& path = ctx.proposal().path;
    std::size_t slash = path.rfind('/');
    std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
    std::string y, m, d;
    if (!re2::RE2::PartialMatch(name, *pattern_, &y, &m, &d)) return;
    std::optional<std::string> field = ctx.expand(field_);
    if (!field) return;
    const YamlNode* v = first_scalar(root, *field);
    static const re2::RE2 shape("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    if (!v || !re2::RE2::FullMatch(v->value, shape)) return;
    std::string named = y + "-" + m + "-" + d;
    if (v->value == named) return;
    ctx.report(location_of(*doc, v, *field),
               {{"field", *field}, {"value", v->value}, {"name", name}, {"name-date", named}},
               "{field} {value} does not agree with the date in the name {name} ({name-date})");
  }

 private:
  std::string field_;
  std::shared_ptr<const re2::RE2> pattern_;
};

}  // namespace

std::unique_ptr<Check> make_path_date_check(Params& p) {
  return std::make_unique<PathDateCheck>(p);
}

}  // namespace keplint
