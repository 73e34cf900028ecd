// A unified diff between two versions of a file, for `--fix --dry-run`.
#pragma once

#include <string>
#include <string_view>

namespace keplint {

// `--- a/<path>`, `+++ b/<path>`, then `@@ -l,n +l,n @@` hunks with `context` lines around each
// change (GNU diff conventions, including "\ No newline at end of file"). Empty when the texts
// are equal. Paths with control characters, quotes or backslashes are quoted as git quotes
// them; a CR inside a line (not ending it) is shown as the two characters "\r", so every line
// of the diff stays one line in a CI log.
std::string unified_diff(std::string_view old_text, std::string_view new_text,
                         std::string_view path, int context = 3);

}  // namespace keplint
