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

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      char x = static_cast<char>(std::tolower(static_cast<unsigned char>(a[i - 1])));
      char y = static_cast<char>(std::tolower(static_cast<unsigned char>(b[j - 1])));
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x == y ? 0 : 1)});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string suggest(std::string_view value, const std::vector<std::string>& candidates) {
  if (value.empty() || value.size() > 200) return "";
  std::string best;
  std::size_t best_distance = std::max<std::size_t>(2, value.size() / 3) + 1;
  for (const std::string& c : candidates) {
    std::size_t d = edit_distance(value, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best.empty() ? "" : "did you mean '" + best + "'?";
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out.append(separator);
    out.append(item);
  }
  return out;
}

}  // namespace keplint
