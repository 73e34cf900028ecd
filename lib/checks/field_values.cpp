#include "checks/field_values.h"

#include <algorithm>
#include <cctype>

namespace keplint {

std::vector<std::string> read_field_params(Params& params) {
  bool one = params.has("field"), many = params.has("fields");
  if (one == many) params.fail(one ? "fields" : "field", "give exactly one of 'field' or 'fields'");
  if (one) return {params.field_path("field")};
  std::vector<std::string> fields = params.strings("fields");
  for (const std::string& f : fields) {
    std::string probe = fill_text_template(f, [](std::string_view) { return "x"; });
    std::string error = field_path_error(probe);
    if (!error.empty()) params.fail("fields", error);
  }
  return fields;
}

void for_each_field(const ProposalContext& ctx, const std::vector<std::string>& fields,
                    const std::function<void(const std::string&, const FieldLookup&)>& fn) {
  const LoadedDocument* doc = ctx.document();
  const YamlNode* root = doc ? doc->yaml_root() : ctx.proposal().metadata();
  if (!root) {
    // An empty document (nothing, or only comments) parses to no root: it has none of its
    // fields, and must not pass as if it had them all. A missing file, one that could not be
    // read and one with a syntax error are reported by other rules.
    const LoadedDocument* source = doc ? doc : ctx.proposal().primary();
    if (!source || !source->yaml || source->yaml->has_syntax_error()) return;
    static const YamlNode kEmptyMapping = [] {
      YamlNode n;
      n.kind = YamlKind::Mapping;
      n.range = Range::line(1);
      return n;
    }();
    root = &kEmptyMapping;
  }
  for (const std::string& field : fields) {
    std::optional<std::string> path = ctx.expand(field);
    if (!path) continue;
    fn(*path, lookup_field(root, *path));
  }
}

Range value_range(const FieldMatch& m) {
  if (m.node && m.node->kind != YamlKind::Null) return m.node->range;
  if (m.key) return m.key->range;
  return m.node ? m.node->range : Range{};
}

}  // namespace keplint
