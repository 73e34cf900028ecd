// allowed-keys: strict keys per mapping, like a schema.
//   keys: [title, kep-number, milestone, ...]      allowed at the top level
//   nested: {milestone: [alpha, beta, stable], "feature-gates[]": [name, components]}
#include "checks/field_values.h"

namespace keplint {

namespace {

class AllowedKeysCheck : public Check {
 public:
  explicit AllowedKeysCheck(Params& p) : top_(p.strings("keys")) {
    if (const YamlNode* nested = p.node("nested")) {
      if (!nested->is_mapping()) p.fail("nested", "must map field paths to key lists");
      for (const YamlEntry& e : nested->resolved().entries) {
        std::vector<std::string> keys;
        if (!e.value->is_sequence()) p.fail_at(e.value, "nested keys must be a list");
        for (const YamlNode* k : e.value->resolved().items) {
          if (!k->is_scalar()) p.fail_at(k, "nested keys must be names");
          keys.push_back(k->resolved().value);
        }
        nested_.emplace_back(e.key->value, std::move(keys));
      }
    }
  }

  void check_proposal(ProposalContext& ctx) const override {
    const YamlNode* root = ctx.document()->yaml_root();
    if (!root) return;
    check_mapping(ctx, *root, "", top_);
    for (const auto& [path, keys] : nested_) {
      for (const FieldMatch& m : lookup_field(root, path).matches) {
        check_mapping(ctx, *m.node, m.path, keys);
      }
    }
  }

 private:
  void check_mapping(ProposalContext& ctx, const YamlNode& node, const std::string& where,
                     const std::vector<std::string>& allowed) const {
    if (!node.is_mapping()) return;  // types are `value-type`'s business
    for (const YamlEntry& e : node.resolved().entries) {
      const std::string& key = e.key->value;
      if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
      std::string hint = suggest(key, allowed);
      std::string path = where.empty() ? key : where + "." + key;
      ctx.report(location_of(*ctx.document(), e.key->range, path),
                 {{"key", key},
                  {"field", path},
                  {"where", where.empty() ? "the top level" : "'" + where + "'"},
                  {"allowed", join(allowed)},
                  {"hint", hint.empty() ? "" : " (" + hint + ")"}},
                 "unknown key '{key}' at {where}{hint}");
    }
  }

  std::vector<std::string> top_;
  std::vector<std::pair<std::string, std::vector<std::string>>> nested_;
};

}  // namespace

std::unique_ptr<Check> make_allowed_keys_check(Params& p) {
  return std::make_unique<AllowedKeysCheck>(p);
}

}  // namespace keplint
