// references: fields that name other proposals (see-also, replaces, superseded-by; a GEP's
// relationships) name proposals that exist, and declared reciprocal pairs agree. The set of
// proposals is the repository's own, discovered by the layout; values are matched by path
// ("/keps/sig-node/1234-foo", leading and trailing "/" ignored) or by a metadata field such as
// `number`. Absolute URLs point outside the repository and are skipped.
//   fields: ["see-also[]", "replaces[]"]            values that name proposals
//   key-field: number                               match values to this metadata field, not
//                                                   to proposal paths
//   ignore-values: [n/a, none, TBD]                 placeholders that name nothing
//   reciprocal:                                     A's first field names B  <=>  B's second
//     "relationships.extends[].number": "relationships.extendedBy[].number"   field names A
// A one-way relation is reported on the side that states it, naming the other proposal. Every
// proposal is read; findings go only on the proposals in the run's scope.
#include <algorithm>
#include <map>

#include "checks/field_values.h"
#include "checks/proposal_set.h"

namespace keplint {

namespace {

bool absolute_url(std::string_view v) {
  return v.find("://") != std::string_view::npos || v.starts_with("mailto:");
}

std::string_view trim_path(std::string_view v) {
  while (v.starts_with("./")) v.remove_prefix(2);
  while (v.starts_with('/')) v.remove_prefix(1);
  while (v.ends_with('/')) v.remove_suffix(1);
  return v;
}

class ReferencesCheck : public Check {
 public:
  explicit ReferencesCheck(Params& p)
      : fields_(read_field_params(p)),
        key_field_(p.field_path("key-field", true)),
        ignore_values_(p.strings("ignore-values", true)) {
    if (const YamlNode* pairs = p.node("reciprocal")) {
      if (!pairs->is_mapping()) p.fail_at(pairs, "reciprocal: expected a mapping of field pairs");
      for (const YamlEntry& e : pairs->resolved().entries) {
        if (!e.key->is_scalar() || !e.value->is_scalar()) {
          p.fail_at(e.key, "reciprocal: each entry maps one field path to another");
        }
        for (const YamlNode* n : {e.key, e.value}) {
          std::string error = field_path_error(n->resolved().value);
          if (!error.empty()) p.fail_at(n, "reciprocal: " + error);
        }
        reciprocal_.emplace_back(e.key->resolved().value, e.value->resolved().value);
      }
    }
  }

  void check_repository(RepositoryContext& ctx) const override {
    std::vector<ProposalMetadata> all = load_all_metadata(ctx.run());
    std::set<std::string> scope = proposals_in_scope(ctx.run());
    std::map<std::string, std::vector<const ProposalMetadata*>, std::less<>> by_key;
    std::vector<std::string> names;  // for "did you mean"
    for (const ProposalMetadata& p : all) {
      if (key_field_.empty()) {
        by_key[p.path].push_back(&p);
        names.push_back(p.path);
      } else if (const YamlNode* v = first_scalar(p.root(), key_field_)) {
        by_key[v->value].push_back(&p);
      }
    }
    // The proposals a value names; empty when none, nullopt when it names nothing to check.
    auto resolve =
        [&](const YamlNode* node) -> std::optional<std::vector<const ProposalMetadata*>> {
      if (!node->is_scalar()) return std::nullopt;
      const std::string& value = node->resolved().value;
      if (absolute_url(value) ||
          std::find(ignore_values_.begin(), ignore_values_.end(), value) != ignore_values_.end()) {
        return std::nullopt;
      }
      auto it = by_key.find(key_field_.empty() ? trim_path(value) : std::string_view(value));
      if (it == by_key.end()) return std::vector<const ProposalMetadata*>{};
      return it->second;
    };
    for (const ProposalMetadata& p : all) {
      if (!scope.count(p.path) || !p.root()) continue;
      for (const std::string& field : fields_) {
        for (const FieldMatch& m : lookup_field(p.root(), field).matches) {
          auto targets = resolve(m.node);
          if (!targets || !targets->empty()) continue;
          const std::string& value = m.node->resolved().value;
          std::string hint =
              key_field_.empty() ? suggest(std::string(trim_path(value)), names) : "";
          ctx.report(location_of(p.document, m.node, m.path),
                     {{"field", m.path},
                      {"value", value},
                      {"proposal", p.path},
                      {"key-field", key_field_},
                      {"hint", hint.empty() ? "" : " (" + hint + ")"}},
                     key_field_.empty()
                         ? "{field} '{value}' names no proposal in the repository{hint}"
                         : "{field} '{value}' names no proposal: none has {key-field} {value}");
        }
      }
      for (const auto& [forward, backward] : reciprocal_) {
        check_pair(ctx, p, forward, backward, resolve);
        check_pair(ctx, p, backward, forward, resolve);
      }
    }
  }

 private:
  template <typename Resolve>
  void check_pair(RepositoryContext& ctx, const ProposalMetadata& p, const std::string& field,
                  const std::string& reverse, const Resolve& resolve) const {
    for (const FieldMatch& m : lookup_field(p.root(), field).matches) {
      auto targets = resolve(m.node);
      if (!targets) continue;
      for (const ProposalMetadata* target : *targets) {
        if (target == &p || !target->root()) continue;
        bool back = false;
        for (const FieldMatch& r : lookup_field(target->root(), reverse).matches) {
          auto named = resolve(r.node);
          back = back || (named && std::find(named->begin(), named->end(), &p) != named->end());
        }
        if (back) continue;
        ctx.report(location_of(p.document, m.node, m.path),
                   {{"field", m.path},
                    {"value", m.node->resolved().value},
                    {"proposal", p.path},
                    {"target", target->path},
                    {"reverse", reverse},
                    {"target-file", target->document.path}},
                   "{field} names {target}, but {target} does not name {proposal} back in "
                   "{reverse} ({target-file})");
      }
    }
  }

  std::vector<std::string> fields_;
  std::string key_field_;
  std::vector<std::string> ignore_values_;
  std::vector<std::pair<std::string, std::string>> reciprocal_;
};

}  // namespace

std::unique_ptr<Check> make_references_check(Params& p) {
  return std::make_unique<ReferencesCheck>(p);
}

}  // namespace keplint
