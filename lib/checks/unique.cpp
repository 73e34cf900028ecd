// unique: a metadata field's value belongs to one proposal only (a number, a title). Every
// proposal of the repository takes part; findings go on each proposal in the run's scope that
// shares a value, naming the other proposals (path and line). In a changed-set run a new
// proposal that reuses a number is reported, the proposal it collides with is not.
//   field: kep-number                          the value to compare (a field path; list items
//                                              each count)
//   ignore-case: true                          "Foo Bar" and "foo bar" collide
//   ignore-values: [NNNN, TBD]                 placeholders that many proposals may share
//   among: {status: {not-in: [replaced]}}      only proposals where this condition holds take
//                                              part (a replaced KEP keeps its successor's number)
#include <algorithm>
#include <cctype>
#include <map>

#include "checks/field_values.h"
#include "checks/proposal_set.h"

namespace keplint {

namespace {

struct Occurrence {
  const ProposalMetadata* proposal;
  const YamlNode* node;
  std::string path;  // concrete field path
  std::string value;
};

class UniqueCheck : public Check {
 public:
  explicit UniqueCheck(Params& p)
      : field_(p.field_path("field")),
        ignore_case_(p.boolean("ignore-case", false)),
        ignore_values_(p.strings("ignore-values", true)),
        among_(Condition::parse(p.node("among"), p.file())) {}

  void check_repository(RepositoryContext& ctx) const override {
    std::vector<ProposalMetadata> all = load_all_metadata(ctx.run());
    std::set<std::string> scope = proposals_in_scope(ctx.run());
    std::map<std::string, std::vector<Occurrence>> by_value;
    for (const ProposalMetadata& p : all) {
      if (!p.root() || !condition_holds(among_, p)) continue;
      std::set<std::string> seen;  // a value repeated inside one proposal is not a collision
      for (const FieldMatch& m : lookup_field(p.root(), field_).matches) {
        if (!m.node->is_scalar()) continue;
        const std::string& value = m.node->resolved().value;
        if (std::find(ignore_values_.begin(), ignore_values_.end(), value) !=
            ignore_values_.end()) {
          continue;
        }
        std::string key = normalize(value);
        if (!seen.insert(key).second) continue;
        by_value[key].push_back({&p, m.node, m.path, value});
      }
    }
    for (const auto& [key, list] : by_value) {
      if (list.size() < 2) continue;
      for (const Occurrence& here : list) {
        if (!scope.count(here.proposal->path)) continue;
        std::vector<std::string> others;
        for (const Occurrence& other : list) {
          if (&other == &here) continue;
          others.push_back(other.proposal->path + " (" + other.proposal->document.path + ":" +
                           std::to_string(other.node->range.start.line) + ")");
        }
        ctx.report(location_of(here.proposal->document, here.node, here.path),
                   {{"field", here.path},
                    {"value", here.value},
                    {"proposal", here.proposal->path},
                    {"others", join(others)}},
                   "{field} '{value}' is not unique: also in {others}");
      }
    }
  }

 private:
  std::string normalize(const std::string& value) const {
    if (!ignore_case_) return value;
    std::string out = value;
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  }

  std::string field_;
  bool ignore_case_;
  std::vector<std::string> ignore_values_;
  Condition among_;
};

}  // namespace

std::unique_ptr<Check> make_unique_check(Params& p) {
  return std::make_unique<UniqueCheck>(p);
}

}  // namespace keplint
