// member-of: each value is in a dataset (SIG ids, PRR approvers), compared after stripping the
// `strip` characters from both ends (so "@ alice" matches "alice"), or after removing
// `strip-prefix` once from the start (upstream's strings.TrimPrefix: "@alice" is "alice",
// "@ alice" is " alice").
#include "checks/field_values.h"
#include "engine/dataset.h"

namespace keplint {

namespace {

class MemberOfCheck : public Check {
 public:
  explicit MemberOfCheck(Params& p)
      : fields_(read_field_params(p)),
        dataset_(p.string("dataset")),
        strip_(p.string_or("strip", "")),
        strip_prefix_(p.string_or("strip-prefix", "")) {}

  void check_proposal(ProposalContext& ctx) const override {
    const Dataset* data = ctx.dataset(dataset_);
    if (!data || !data->available) return;  // the CLI warns once that the dataset is missing
    for_each_field(ctx, fields_, [&](const std::string&, const FieldLookup& found) {
      for (const FieldMatch& m : found.matches) {
        if (m.node->is_null()) continue;
        const YamlNode& v = m.node->resolved();
        if (v.kind != YamlKind::Scalar) continue;
        std::string value = v.value;
        std::size_t b = value.find_first_not_of(strip_);
        std::size_t e = value.find_last_not_of(strip_);
        value = b == std::string::npos ? "" : value.substr(b, e - b + 1);
        if (!strip_prefix_.empty() && value.starts_with(strip_prefix_)) {
          value.erase(0, strip_prefix_.size());
        }
        if (data->values.count(value)) continue;
        std::string hint = suggest(value, {data->values.begin(), data->values.end()});
        ctx.report(location_of(*ctx.document(), value_range(m), m.path),
                   {{"field", m.path},
                    {"value", v.value},
                    {"dataset", dataset_},
                    {"source", data->source},
                    {"hint", hint.empty() ? "" : " (" + hint + ")"}},
                   "{field} '{value}' is not in {dataset} from {source}{hint}");
      }
    });
  }

 private:
  std::vector<std::string> fields_;
  std::string dataset_;
  std::string strip_;
  std::string strip_prefix_;
};

}  // namespace

std::unique_ptr<Check> make_member_of_check(Params& p) {
  return std::make_unique<MemberOfCheck>(p);
}

}  // namespace keplint
