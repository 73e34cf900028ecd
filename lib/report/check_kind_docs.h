// Reference pages for the check kinds (docs/check-kinds/<kind>.md and an index), generated from
// each kind's declaration in checks/registry.cpp: summary, scope, parameters and an example, plus
// the built-in rules that use the kind.
#pragma once

#include <string>
#include <vector>

#include "engine/check.h"
#include "engine/pack.h"

namespace keplint {

// The page for one kind; `packs` supply the "used by" list (rules of that kind).
std::string render_check_kind_doc(const CheckKind& kind, const std::vector<Pack>& packs);

// The index of every kind, linking to the pages above (same directory).
std::string render_check_kinds_index();

}  // namespace keplint
