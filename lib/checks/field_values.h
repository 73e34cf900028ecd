// Shared by the field-based check kinds: which fields a rule names, and their values.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "document/text.h"
#include "engine/check.h"
#include "engine/field_path.h"

namespace keplint {

// Reads `field:` (one path) or `fields:` (a list); exactly one must be given.
std::vector<std::string> read_field_params(Params& params);

// Resolves each field (placeholders such as {stage} filled from the proposal) in the rule's
// document and calls `fn` for every match. Fields whose placeholders have no value are skipped.
void for_each_field(const ProposalContext& ctx, const std::vector<std::string>& fields,
                    const std::function<void(const std::string& field, const FieldLookup&)>& fn);

// The position to report a value at: the value itself, or its key when the value is empty.
Range value_range(const FieldMatch& m);

}  // namespace keplint
