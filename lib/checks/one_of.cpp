// one-of: each value of the named fields is one of a fixed list.
#include "checks/field_values.h"

namespace keplint {

namespace {

class OneOfCheck : public Check {
 public:
  explicit OneOfCheck(Params& p) : fields_(read_field_params(p)), values_(p.strings("values")) {}

  void check_proposal(ProposalContext& ctx) const override {
    for_each_field(ctx, fields_, [&](const std::string&, const FieldLookup& found) {
      for (const FieldMatch& m : found.matches) {
        if (m.node->is_null()) continue;  // emptiness is `required`'s business
        const YamlNode& v = m.node->resolved();
        std::string value = v.kind == YamlKind::Scalar ? v.value : "(not a single value)";
        if (v.kind == YamlKind::Scalar &&
            std::find(values_.begin(), values_.end(), value) != values_.end()) {
          continue;
        }
        std::string hint = suggest(value, values_);
        ctx.report(location_of(*ctx.document(), value_range(m), m.path),
                   {{"field", m.path},
                    {"value", value},
                    {"values", join(values_)},
                    {"hint", hint.empty() ? "" : " (" + hint + ")"}},
                   "{field} '{value}' is not one of: {values}{hint}");
      }
    });
  }

 private:
  std::vector<std::string> fields_;
  std::vector<std::string> values_;
};

}  // namespace

std::unique_ptr<Check> make_one_of_check(Params& p) {
  return std::make_unique<OneOfCheck>(p);
}

}  // namespace keplint
