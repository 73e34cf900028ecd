// date: each value is a real calendar date written YYYY-MM-DD (no 2021-13-01, no 2023-02-29).
#include "checks/field_values.h"

namespace keplint {

namespace {

bool leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

// Returns "" for a valid date, else why not.
std::string date_problem(const std::string& s) {
  static const re2::RE2 shape("([0-9]{4})-([0-9]{2})-([0-9]{2})");
  int y = 0, m = 0, d = 0;
  if (!re2::RE2::FullMatch(s, shape, &y, &m, &d)) return "is not written YYYY-MM-DD";
  if (m < 1 || m > 12) return "has month " + std::to_string(m);
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int max = days[m - 1] + (m == 2 && leap(y) ? 1 : 0);
  if (d < 1 || d > max)
    return "has day " + std::to_string(d) + " in a month of " + std::to_string(max);
  return "";
}

class DateCheck : public Check {
 public:
  explicit DateCheck(Params& p) : fields_(read_field_params(p)) {}

  void check_proposal(ProposalContext& ctx) const override {
    for_each_field(ctx, fields_, [&](const std::string&, const FieldLookup& found) {
      for (const FieldMatch& m : found.matches) {
        if (m.node->is_null()) continue;
        const YamlNode& v = m.node->resolved();
        std::string value = v.kind == YamlKind::Scalar ? v.value : "(not a single value)";
        std::string problem = v.kind == YamlKind::Scalar ? date_problem(v.value) : "is not a date";
        if (problem.empty()) continue;
        ctx.report(location_of(*ctx.document(), value_range(m), m.path),
                   {{"field", m.path}, {"value", value}, {"problem", problem}},
                   "{field} '{value}' is not a real date: it {problem}");
      }
    });
  }

 private:
  std::vector<std::string> fields_;
};

}  // namespace

std::unique_ptr<Check> make_date_check(Params& p) {
  return std::make_unique<DateCheck>(p);
}

}  // namespace keplint
