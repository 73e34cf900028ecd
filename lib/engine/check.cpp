#include "engine/check.h"

#include <algorithm>

#include "engine/rule.h"
#include "engine/run_context.h"

namespace keplint {

Location location_of(const LoadedDocument& doc, Range range, std::string anchor) {
  return {doc.path, range, doc.source, std::move(anchor)};
}

Location location_of(const LoadedDocument& doc, const YamlNode* node, std::string anchor) {
  Range range = node ? node->range : Range{};
  return {doc.path, range, doc.source, std::move(anchor)};
}

const Dataset* CheckContext::dataset(std::string_view name) const {
  const Dataset* data = run_.dataset(name);
  // A rule that cannot check without it must not pass silently (see Session::check_datasets).
  if (!data || !data->available) run_.note_unavailable_dataset(name);
  return data;
}

std::optional<std::string> CheckContext::variable(std::string_view name) const {
  if (name == "rule") return rule_.id;
  return run_.variable(name);
}

std::optional<std::string> CheckContext::expand(std::string_view tmpl) const {
  bool missing = false;
  std::string out = fill_text_template(tmpl, [&](std::string_view name) {
    std::optional<std::string> v = variable(name);
    if (!v) missing = true;
    return v;
  });
  if (missing) return std::nullopt;
  return out;
}

namespace {

// Values quoted in messages come from the repository and can be megabytes long (a one-line
// YAML value up to the file size limit); a message needs their start, not all of them.
constexpr std::size_t kMessageValueMaxBytes = 512;

std::string shorten_value(const std::string& value) {
  if (value.size() <= kMessageValueMaxBytes) return value;
  std::size_t cut = kMessageValueMaxBytes;
  // Back up to a character boundary (no UTF-8 continuation byte at the cut).
  while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;
  return value.substr(0, cut) + "… (" + std::to_string(value.size()) + " bytes)";
}

}  // namespace

void CheckContext::report(const Location& where, const MessageVars& vars,
                          std::string_view fallback_message, std::string raw_details,
                          std::shared_ptr<const std::string> fixed_text) {
  std::string_view tmpl =
      rule_.message.empty() ? fallback_message : std::string_view(rule_.message);
  emit(where, vars, tmpl, std::move(raw_details), std::move(fixed_text));
}

void CheckContext::report_unchecked(const Location& where, const MessageVars& vars,
                                    std::string_view message) {
  emit(where, vars, message, "", nullptr);
}

void CheckContext::emit(const Location& where, const MessageVars& vars, std::string_view tmpl,
                        std::string raw_details, std::shared_ptr<const std::string> fixed_text) {
  Finding f;
  f.rule_id = rule_.id;
  f.rule_name = rule_.name;
  f.severity = rule_.severity;  // the runner applies overrides and the scope ratchet
  f.path = where.path;
  f.range = where.range;
  f.source = where.source;
  f.anchor = where.anchor;
  f.about_file = where.about_file;
  f.never_filtered = where.never_filtered;
  f.proposal = proposal_path();
  f.docs_url = rule_.docs_url;
  f.raw_details = std::move(raw_details);
  f.fixed_text = std::move(fixed_text);
  f.message = fill_text_template(tmpl, [&](std::string_view name) -> std::optional<std::string> {
    auto it = vars.find(name);
    if (it != vars.end()) return shorten_value(it->second);
    std::optional<std::string> v = variable(name);
    if (v) return shorten_value(*v);
    return v;
  });
  out_.push_back(std::move(f));
}

std::optional<std::string> ProposalContext::variable(std::string_view name) const {
  if (std::optional<std::string> v = proposal_.variable(name)) return v;
  return CheckContext::variable(name);
}

std::vector<std::string> RepositoryContext::files_in_scope(std::string_view glob) const {
  return run().files_in_scope(glob);
}

const CheckKind* find_check_kind(std::string_view name) {
  for (const CheckKind& k : check_kinds()) {
    if (k.name == name) return &k;
  }
  return nullptr;
}

}  // namespace keplint
