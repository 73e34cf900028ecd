// consistency: relations between fields.
//   relation: equals            field equals `expected` (a template: "{kep-number}", "{key}")
//   relation: version-order     the `fields` that are set are versions in ascending order
//   relation: version-at-least  field is a version >= `than` (a template: "{milestone.{stage}}")
#include "checks/field_values.h"
#include "engine/version.h"

namespace keplint {

namespace {

enum class Relation { Equals, VersionOrder, VersionAtLeast };

class ConsistencyCheck : public Check {
 public:
  explicit ConsistencyCheck(Params& p) {
    std::string relation = p.string("relation");
    if (relation == "equals") {
      relation_ = Relation::Equals;
      fields_ = {p.field_path("field")};
      expected_ = p.string("expected");
    } else if (relation == "version-order") {
      relation_ = Relation::VersionOrder;
      fields_ = p.strings("fields");
      if (fields_.size() < 2) p.fail("fields", "needs at least two fields");
    } else if (relation == "version-at-least") {
      relation_ = Relation::VersionAtLeast;
      fields_ = {p.field_path("field")};
      expected_ = p.string("than");
    } else {
      p.fail("relation", "must be equals, version-order or version-at-least");
    }
  }

  void check_proposal(ProposalContext& ctx) const override {
    if (relation_ == Relation::VersionOrder) return check_order(ctx);
    std::optional<std::string> expected = expand_nested(ctx, expected_);
    if (!expected || expected->empty()) return;
    for_each_field(ctx, fields_, [&](const std::string&, const FieldLookup& found) {
      for (const FieldMatch& m : found.matches) {
        if (!m.node->is_scalar()) continue;
        const std::string& value = m.node->resolved().value;
        MessageVars vars{{"field", m.path}, {"value", value}, {"expected", *expected}};
        Location at = location_of(*ctx.document(), value_range(m), m.path);
        if (relation_ == Relation::Equals) {
          if (value != *expected)
            ctx.report(at, vars, "{field} is '{value}' but should be '{expected}'");
          continue;
        }
        auto actual = parse_version(value);
        auto limit = parse_version(*expected);
        if (actual && limit && *actual < *limit) {
          ctx.report(at, vars, "{field} {value} is older than {expected}");
        }
      }
    });
  }

 private:
  // "{milestone.{stage}}": inner placeholders first, then the outer one.
  static std::optional<std::string> expand_nested(const ProposalContext& ctx,
                                                  const std::string& tmpl) {
    std::string text = tmpl;
    for (int round = 0; round < 3; ++round) {
      std::size_t close = text.find('}');
      if (close == std::string::npos) return text;
      std::size_t open = text.rfind('{', close);
      if (open == std::string::npos) return text;
      std::optional<std::string> v = ctx.variable(text.substr(open + 1, close - open - 1));
      if (!v) return std::nullopt;
      text.replace(open, close - open + 1, *v);
    }
    return text;
  }

  void check_order(ProposalContext& ctx) const {
    const YamlNode* root = ctx.document() ? ctx.document()->yaml_root() : nullptr;
    std::optional<Version> previous;
    std::string previous_field, previous_value;
    for (const std::string& field : fields_) {
      const YamlNode* node = first_scalar(root, field);
      if (!node) continue;
      std::optional<Version> v = parse_version(node->value);
      if (!v) continue;  // malformed versions are the pattern rule's business
      if (previous && *v < *previous) {
        ctx.report(location_of(*ctx.document(), node->range, field),
                   {{"field", field},
                    {"value", node->value},
                    {"earlier-field", previous_field},
                    {"earlier-value", previous_value}},
                   "{field} {value} comes before {earlier-field} {earlier-value}");
      }
      if (!previous || *v >= *previous) {
        previous = v;
        previous_field = field;
        previous_value = node->value;
      }
    }
  }

  Relation relation_ = Relation::Equals;
  std::vector<std::string> fields_;
  std::string expected_;
};

}  // namespace

std::unique_ptr<Check> make_consistency_check(Params& p) {
  return std::make_unique<ConsistencyCheck>(p);
}

}  // namespace keplint
