// listed-in: each value of the rule's fields appears among the values of a field of another
// document of the same proposal (kep.yaml reviewers marked `# sig-node-assigned-reviewer` are
// in the KEP's OWNERS, and the other way round). Values are compared after stripping `strip`
// from both ends, and without case when `ignore-case` (GitHub handles). When the other
// document does not exist, every value is reported: nothing can list it.
#include <algorithm>
#include <cctype>
#include <set>

#include "checks/field_values.h"

namespace keplint {

namespace {

class ListedInCheck : public Check {
 public:
  explicit ListedInCheck(Params& p)
      : fields_(read_field_params(p)),
        strip_(p.string_or("strip", "")),
        ignore_case_(p.boolean("ignore-case", false)) {
    Params in = p.child("in");
    document_ = in.string("document");
    target_fields_ = read_field_params(in);
    in.finish();
  }

  void check_proposal(ProposalContext& ctx) const override {
    const LoadedDocument* target = ctx.proposal().document(document_);
    const bool missing = !target || !target->exists();
    // A target that exists but does not parse lists nothing we can trust; its syntax is another
    // rule's finding, and guessing here would report every value twice.
    if (!missing && (!target->yaml || target->yaml->has_syntax_error())) return;
    std::set<std::string, std::less<>> listed;
    if (!missing) {
      for (const std::string& field : target_fields_) {
        std::optional<std::string> path = ctx.expand(field);
        if (!path) continue;
        for (const FieldMatch& m : lookup_field(target->yaml_root(), *path).matches) {
          if (m.node && m.node->is_scalar()) listed.insert(normalize(m.node->resolved().value));
        }
      }
    }
    const std::string where = target ? target->path : document_;
    for_each_field(ctx, fields_, [&](const std::string&, const FieldLookup& found) {
      for (const FieldMatch& m : found.matches) {
        if (!m.node || !m.node->is_scalar()) continue;
        const std::string& value = m.node->resolved().value;
        if (!missing && listed.count(normalize(value))) continue;
        MessageVars vars{
            {"field", m.path},
            {"value", value},
            {"document", document_},
            {"path", where},
            {"target", join(target_fields_)},
            {"comment", m.node->comment},
            {"why", missing ? where + " does not exist"
                            : where + " does not list it under " + join(target_fields_)}};
        const LoadedDocument* doc = ctx.document() ? ctx.document() : ctx.proposal().primary();
        ctx.report(location_of(*doc, value_range(m), m.path), vars,
                   missing
                       ? "{field} '{value}' cannot be listed in {document}: {path} does not exist"
                       : "{field} '{value}' is not listed under {target} in {path}");
      }
    });
  }

 private:
  std::string normalize(std::string value) const {
    std::size_t b = value.find_first_not_of(strip_);
    std::size_t e = value.find_last_not_of(strip_);
    value = b == std::string::npos ? "" : value.substr(b, e - b + 1);
    if (ignore_case_) {
      std::transform(value.begin(), value.end(), value.begin(),
                     [](unsigned char c) { return std::tolower(c); });
    }
    return value;
  }

  std::vector<std::string> fields_;
  std::string strip_;
  bool ignore_case_;
  std::string document_;
  std::vector<std::string> target_fields_;
};

}  // namespace

std::unique_ptr<Check> make_listed_in_check(Params& p) {
  return std::make_unique<ListedInCheck>(p);
}

}  // namespace keplint
