// pattern: each value of the named fields matches an RE2 pattern (whole value), or with
// `forbid: true` must not contain a match (template leftovers such as "sig-xyz").
#include "checks/field_values.h"

namespace keplint {

namespace {

class PatternCheck : public Check {
 public:
  explicit PatternCheck(Params& p)
      : fields_(read_field_params(p)),
        regex_(p.regex("regex")),
        forbid_(p.boolean("forbid", false)) {}

  void check_proposal(ProposalContext& ctx) const override {
    for_each_field(ctx, fields_, [&](const std::string&, const FieldLookup& found) {
      for (const FieldMatch& m : found.matches) {
        if (m.node->is_null()) continue;
        const YamlNode& v = m.node->resolved();
        if (v.kind != YamlKind::Scalar) {
          if (forbid_) continue;
          ctx.report(location_of(*ctx.document(), value_range(m), m.path),
                     {{"field", m.path},
                      {"value", "(not a single value)"},
                      {"pattern", regex_->pattern()}},
                     "{field} must be a single value matching {pattern}");
          continue;
        }
        bool bad = forbid_ ? re2::RE2::PartialMatch(v.value, *regex_)
                           : !re2::RE2::FullMatch(v.value, *regex_);
        if (bad) {
          ctx.report(location_of(*ctx.document(), value_range(m), m.path),
                     {{"field", m.path}, {"value", v.value}, {"pattern", regex_->pattern()}},
                     forbid_ ? "{field} '{value}' matches the forbidden pattern {pattern}"
                             : "{field} '{value}' does not match {pattern}");
        }
      }
    });
  }

 private:
  std::vector<std::string> fields_;
  std::shared_ptr<const re2::RE2> regex_;
  bool forbid_;
};

}  // namespace

std::unique_ptr<Check> make_pattern_check(Params& p) {
  return std::make_unique<PatternCheck>(p);
}

}  // namespace keplint
