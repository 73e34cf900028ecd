// Path globs for pack layouts: `*` and `?` stay within one path segment, `**` spans any
// number of segments (including none). Paths are repo-relative with '/' separators.
#pragma once

#include <string>
#include <string_view>

namespace keplint {

bool glob_match(std::string_view pattern, std::string_view path);

// Why `pattern` is not a glob of this dialect ("" when it is one): character classes (`[0-9]`),
// alternatives (`{a,b}`), escapes and `**` inside a segment would match literally, so a pack
// that uses them has a rule that silently never fires.
std::string glob_error(std::string_view pattern);

// The literal directory prefix of a pattern ("keps/prod-readiness/*/*.yaml" ->
// "keps/prod-readiness"), so a walk can start there instead of at the repo root.
std::string_view glob_literal_prefix(std::string_view pattern);

}  // namespace keplint
