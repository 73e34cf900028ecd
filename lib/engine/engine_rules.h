// Diagnostics of kep-lint itself, not of a pack: suppression comments that suppress nothing or
// cannot be read, and baseline entries that match nothing. They have stable ids and doc pages like
// pack rules, are listed in every report, and their severities are set in .kep-lint.yaml.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "engine/pack.h"

namespace keplint {

inline constexpr std::string_view kUnusedSuppression = "KL001";
inline constexpr std::string_view kInvalidSuppression = "KL002";
inline constexpr std::string_view kStaleBaselineEntry = "KL003";

// A pack named "engine" holding the engine's rules (kind "engine"), sorted by id. It has no
// layout; only its rules and description are meant to be used (docs, lookups).
const Pack& engine_pack();
const Rule* find_engine_rule(std::string_view id_or_name);
const Rule& engine_rule(std::string_view id);

// The rule's severity after `.kep-lint.yaml` overrides (by id or name).
Severity engine_rule_severity(const Rule& rule, const std::map<std::string, Severity>& overrides);

// A finding of an engine rule at `severity`; the caller fills the location.
Finding engine_finding(std::string_view id, Severity severity, std::string message);

}  // namespace keplint
