// path-matches: a field equals the part of the proposal's path captured by `pattern`
// (kep-number vs the directory's number prefix, owning-sig vs the SIG directory).
#include "checks/field_values.h"

namespace keplint {

namespace {

class PathMatchesCheck : public Check {
 public:
  explicit PathMatchesCheck(Params& p)
      : field_(p.field_path("field")), pattern_(p.regex("pattern")) {
    if (pattern_->NumberOfCapturingGroups() != 1)
      p.fail("pattern", "must have exactly one capturing group");
  }

  void check_proposal(ProposalContext& ctx) const override {
    std::string captured;
    if (!re2::RE2::PartialMatch(ctx.proposal().path, *pattern_, &captured)) return;
    const YamlNode* root = ctx.document() ? ctx.document()->yaml_root() : nullptr;
    const YamlNode* node = first_scalar(root, field_);
    if (!node || node->value == captured) return;
    ctx.report(location_of(*ctx.document(), node->range, field_),
               {{"field", field_},
                {"value", node->value},
                {"expected", captured},
                {"path", ctx.proposal().path}},
               "{field} '{value}' does not match the path {path} (expected '{expected}')");
  }

 private:
  std::string field_;
  std::shared_ptr<const re2::RE2> pattern_;
};

}  // namespace

std::unique_ptr<Check> make_path_matches_check(Params& p) {
  return std::make_unique<PathMatchesCheck>(p);
}

}  // namespace keplint
