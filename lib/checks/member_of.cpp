// member-of: each value is in a dataset (SIG ids, PRR approvers), compared after stripping the
// `strip` characters from both ends (so "@ alice" matches "alice"), or after removing
// `strip-prefix` once from the start (upstream's strings.TrimPrefix: "@alice" is "alice",
// "@ alice" is " alice"), without case when
// `ignore-case`. With `require: any`, at least one value must be a member (an approver who is a
// tech lead); such a rule fails closed: a dataset that is missing or empty is a finding, since
// nobody could be a member of it.
#include <algorithm>
#include <cctype>

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
        strip_prefix_(p.string_or("strip-prefix", "")),
        ignore_case_(p.boolean("ignore-case", false)) {
    std::string require = p.string_or("require", "all");
    if (require != "all" && require != "any") p.fail("require", "must be 'all' or 'any'");
    any_ = require == "any";
  }

  void check_proposal(ProposalContext& ctx) const override {
    const Dataset* data = ctx.dataset(dataset_);
    if (any_) {
      check_any(ctx, data);
      return;
    }
    if (!data || !data->available) return;  // the CLI warns once that the dataset is missing
    std::set<std::string, std::less<>> folded = fold(*data);
    for_each_field(ctx, fields_, [&](const std::string&, const FieldLookup& found) {
      for (const FieldMatch& m : found.matches) {
        if (m.node->is_null()) continue;
        const YamlNode& v = m.node->resolved();
        if (v.kind != YamlKind::Scalar) continue;
        std::string value = normalize(v.value);
        if (ignore_case_ ? folded.count(value) : data->values.count(value)) continue;
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
  // `require: any`: one finding, at the first field (or where it should be), when no value is a
  // member or the dataset cannot tell.
  void check_any(ProposalContext& ctx, const Dataset* data) const {
    const LoadedDocument* doc = ctx.document() ? ctx.document() : ctx.proposal().primary();
    if (!doc) return;
    std::set<std::string, std::less<>> folded;
    if (data && data->available) folded = fold(*data);
    bool member = false, first = true;
    Range at = Range::line(1);
    std::string path = fields_.front();
    std::vector<std::string> values;
    for_each_field(ctx, fields_, [&](const std::string& field, const FieldLookup& found) {
      for (const FieldMatch& m : found.matches) {
        if (first) {
          at = value_range(m);
          path = field;
          first = false;
        }
        if (!m.node->is_scalar()) continue;
        const std::string& raw = m.node->resolved().value;
        values.push_back(raw);
        std::string value = normalize(raw);
        if (ignore_case_ ? folded.count(value) : data && data->values.count(value)) member = true;
      }
      if (first && found.last_key) at = found.last_key->range;
    });
    if (member) return;
    MessageVars vars{{"field", path},
                     {"values", values.empty() ? "(none)" : join(values)},
                     {"dataset", dataset_},
                     {"source", data ? data->source : ""},
                     {"hint", ""}};
    if (!data || !data->available || data->values.empty()) {
      std::string why = !data              ? "is not declared"
                        : !data->available ? "is unavailable (" + data->error + ")"
                                           : "is empty (" + data->source + ")";
      ctx.report_unchecked(location_of(*doc, at, path), vars,
                           "cannot check {field}: dataset {dataset} " + why);
      return;
    }
    ctx.report(location_of(*doc, at, path), vars,
               "{field} has no member of {dataset} from {source} (has: {values})");
  }

  std::string normalize(std::string value) const {
    std::size_t b = value.find_first_not_of(strip_);
    std::size_t e = value.find_last_not_of(strip_);
    value = b == std::string::npos ? "" : value.substr(b, e - b + 1);
    if (!strip_prefix_.empty() && value.starts_with(strip_prefix_)) {
      value.erase(0, strip_prefix_.size());
    }
    if (ignore_case_) lower(value);
    return value;
  }
  static void lower(std::string& s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  }
  // The dataset's values as compared: case-folded when `ignore-case` (empty otherwise).
  std::set<std::string, std::less<>> fold(const Dataset& data) const {
    std::set<std::string, std::less<>> out;
    if (!ignore_case_) return out;
    for (std::string v : data.values) out.insert(normalize(std::move(v)));
    return out;
  }

  std::vector<std::string> fields_;
  std::string dataset_;
  std::string strip_;
  std::string strip_prefix_;
  bool ignore_case_;
  bool any_ = false;
};

}  // namespace

std::unique_ptr<Check> make_member_of_check(Params& p) {
  return std::make_unique<MemberOfCheck>(p);
}

}  // namespace keplint
