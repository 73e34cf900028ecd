// required: each named field is present and not empty (an empty list counts as empty unless
// `allow-empty-list: true`).
#include "checks/field_values.h"

namespace keplint {

namespace {

class RequiredCheck : public Check {
 public:
  explicit RequiredCheck(Params& p)
      : fields_(read_field_params(p)), allow_empty_list_(p.boolean("allow-empty-list", false)) {}

  void check_proposal(ProposalContext& ctx) const override {
    for_each_field(ctx, fields_, [&](const std::string& field, const FieldLookup& found) {
      if (found.matches.empty()) {
        // Point at the parent key when there is one, else at the top of the file.
        Range at = found.last_key ? found.last_key->range : Range::line(1);
        ctx.report(location_of(*ctx.document(), at, field),
                   {{"field", field}, {"problem", "missing"}},
                   "required field '{field}' is missing");
        return;
      }
      for (const FieldMatch& m : found.matches) {
        const YamlNode& v = m.node->resolved();
        bool empty = m.node->is_null() || (v.kind == YamlKind::Scalar && v.value.empty()) ||
                     (v.kind == YamlKind::Sequence && v.items.empty() && !allow_empty_list_) ||
                     (v.kind == YamlKind::Mapping && v.entries.empty());
        if (empty) {
          ctx.report(location_of(*ctx.document(), value_range(m), m.path),
                     {{"field", m.path}, {"problem", "empty"}},
                     "required field '{field}' is empty");
        }
      }
    });
  }

 private:
  std::vector<std::string> fields_;
  bool allow_empty_list_;
};

}  // namespace

std::unique_ptr<Check> make_required_check(Params& p) {
  return std::make_unique<RequiredCheck>(p);
}

}  // namespace keplint
