// Applies the fixes fixable findings carry (`--fix`), or shows them as a diff (`--dry-run`).
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "engine/finding.h"
#include "repo/repository.h"

namespace keplint {

struct FixOutcome {
  std::vector<std::string> fixed;   // files rewritten (or that would be, with dry_run)
  std::vector<std::string> errors;  // files that could not be written, with the reason
};

// One fix per file per call: a file with several fixable findings gets the first, and the
// caller lints again (fixes are whole-file rewrites computed from the text as it was).
// Files whose text changed since it was read are left alone.
FixOutcome apply_fixes(const Repository& repo, const std::vector<Finding>& findings, bool dry_run,
                       std::ostream& diff_out);

}  // namespace keplint
