#include "engine/config.h"

#include "engine/params.h"
#include "parse/yaml_document.h"
#include "repo/byte_size.h"

namespace keplint {

Config load_config(const Repository& repo, const std::string& explicit_path) {
  std::string path = explicit_path.empty() ? ".kep-lint.yaml" : explicit_path;
  ReadResult r = repo.read(path);
  if (!r.ok()) {
    if (r.status == ReadResult::Status::NotFound && explicit_path.empty()) return Config{};
    throw RuleError(path, {1, 1}, "cannot read config: " + r.detail);
  }
  return parse_config(r.source);
}

Config parse_config(const SourcePtr& source) {
  Config config;
  const std::string& path = source->path();
  config.file = path;
  YamlDocument doc = YamlDocument::parse(source);
  for (const YamlProblem& p : doc.problems()) throw RuleError(path, p.range.start, p.message);
  if (!doc.root()) return config;  // an empty file is an empty config
  Params p(doc.root(), path, "config");
  config.pack = p.string_or("pack", "");
  if (const YamlNode* rules = p.node("rules")) {
    if (!rules->is_mapping()) p.fail("rules", "must map rule ids or names to severities");
    for (const YamlEntry& e : rules->resolved().entries) {
      auto sev = e.value->is_scalar() ? parse_severity(e.value->resolved().value) : std::nullopt;
      if (!sev) {
        throw RuleError(path, e.value->range.start,
                        "severity for '" + e.key->value + "' must be error, warning, info or off");
      }
      config.severities[e.key->value] = *sev;
      config.severity_positions.emplace(e.key->value, e.key->range.start);
    }
  }
  config.exclude = p.strings("exclude", true);
  if (const YamlNode* datasets = p.node("datasets")) {
    if (!datasets->is_mapping()) p.fail("datasets", "must map dataset names to files");
    for (const YamlEntry& e : datasets->resolved().entries) {
      if (!e.value->is_scalar())
        throw RuleError(path, e.value->range.start, "dataset path must be a string");
      config.datasets[e.key->value] = e.value->resolved().value;
      config.dataset_positions[e.key->value] = e.value->range.start;
    }
  }
  config.optional_datasets = p.strings("optional-datasets", true);
  if (auto level = p.optional_string("fail-level")) {
    config.fail_level = parse_severity(*level);
    if (!config.fail_level || *config.fail_level == Severity::Off) {
      p.fail("fail-level", "must be error, warning or info");
    }
  }
  if (auto size = p.optional_string("max-file-size")) {
    config.max_file_size = parse_byte_size(*size);
    if (!config.max_file_size || *config.max_file_size == 0 ||
        *config.max_file_size > kMaxFileSizeCeiling) {
      p.fail("max-file-size", "must be a size from 1 byte to 1G, e.g. 4194304, 512k or 8M");
    }
  }
  config.baseline = p.string_or("baseline", "");
  if (const YamlNode* b = p.node("baseline")) config.baseline_position = b->range.start;
  p.finish();
  return config;
}

}  // namespace keplint
