// Rule documentation generated from rule metadata (Ruff style): one Markdown page per rule
// (docs/rules/<ID>.md) and an index (docs/rules/README.md), all from the pack's YAML: id, name,
// severities, applies-to, check kind and parameters, `when:`, description, rationale, and the
// `examples: {wrong: [...], right: [...]}` of each rule.
#pragma once

#include <string>

#include "engine/pack.h"

namespace keplint {

// The page for one rule of `pack`.
std::string render_rule_doc(const Rule& rule, const Pack& pack);

// The index of every rule in `pack`, linking to the pages above (same directory).
std::string render_rules_index(const Pack& pack);

}  // namespace keplint
