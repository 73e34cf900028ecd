// pattern: each value of the named fields matches an RE2 pattern (whole value), or with
// `forbid: true` must not contain a match (template leftovers such as "sig-xyz").
//   hints: {kep-number: "the enhancement issue's number", ...}   per field as listed in
//   `fields`, the message's {hint}: what to write instead
#include <algorithm>
#include <map>

#include "checks/field_values.h"

namespace keplint {

namespace {

class PatternCheck : public Check {
 public:
  explicit PatternCheck(Params& p)
      : fields_(read_field_params(p)),
        regex_(p.regex("regex")),
        forbid_(p.boolean("forbid", false)) {
    if (const YamlNode* hints = p.node("hints")) {
      if (!hints->is_mapping()) p.fail("hints", "must map fields to what to write instead");
      for (const YamlEntry& e : hints->resolved().entries) {
        if (std::find(fields_.begin(), fields_.end(), e.key->value) == fields_.end())
          p.fail_at(e.key, "'" + e.key->value + "' is not one of the rule's fields");
        if (!e.value->is_scalar()) p.fail_at(e.value, "a hint must be text");
        hints_[e.key->value] = e.value->resolved().value;
      }
      for (const std::string& f : fields_) {
        if (!hints_.count(f)) p.fail("hints", "has no hint for field '" + f + "'");
      }
    }
  }

  void check_proposal(ProposalContext& ctx) const override {
    for_each_field(ctx, fields_, [&](const std::string& field, const FieldLookup& found) {
      auto hint = hints_.find(field);
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
                     {{"field", m.path},
                      {"value", v.value},
                      {"pattern", regex_->pattern()},
                      {"hint", hint != hints_.end() ? hint->second : ""}},
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
  std::map<std::string, std::string> hints_;
};

}  // namespace

std::unique_ptr<Check> make_pattern_check(Params& p) {
  return std::make_unique<PatternCheck>(p);
}

}  // namespace keplint
