#include "engine/fixer.h"
#include "repo/user_file.h"

#include <fstream>
#include <set>
#include <sstream>

#include "document/unified_diff.h"
#include "repo/safe_write.h"

namespace keplint {

namespace {

// The file as it is on disk now, to refuse fixing a file edited since the run read it.
bool unchanged_on_disk(const std::string& full_path, const std::string& expected) {
  ReadResult now = read_user_file(full_path, expected.size());
  return now.ok() && now.source->text() == expected;
}

}  // namespace

FixOutcome apply_fixes(const Repository& repo, const std::vector<Finding>& findings, bool dry_run,
                       std::ostream& diff_out) {
  FixOutcome outcome;
  std::set<std::string> done;
  for (const Finding& f : findings) {
    if (!f.fixed_text || !f.source || done.count(f.path)) continue;
    done.insert(f.path);
    if (*f.fixed_text == f.source->text()) continue;
    std::string full = (repo.root() / f.path).string();
    if (!unchanged_on_disk(full, f.source->text())) {
      outcome.errors.push_back(f.path + ": changed while kep-lint ran; not fixed");
      continue;
    }
    if (dry_run) {
      diff_out << unified_diff(f.source->text(), *f.fixed_text, f.path);
      outcome.fixed.push_back(f.path);
      continue;
    }
    WriteResult written = replace_file_beneath(repo.root(), f.path, *f.fixed_text);
    if (written) {
      outcome.fixed.push_back(f.path);
    } else {
      outcome.errors.push_back(written.error);
    }
  }
  return outcome;
}

}  // namespace keplint
