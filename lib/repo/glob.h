// Path globs for pack layouts: `*` and `?` stay within one path segment, `**` spans any
// number of segments (including none). Paths are repo-relative with '/' separators.
#pragma once

#include <string_view>

namespace keplint {

bool glob_match(std::string_view pattern, std::string_view path);

// The literal directory prefix of a pattern ("keps/prod-readiness/*/*.yaml" ->
// "keps/prod-readiness"), so a walk can start there instead of at the repo root.
std::string_view glob_literal_prefix(std::string_view pattern);

}  // namespace keplint
