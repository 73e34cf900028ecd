// The baseline ("grandfather") file: findings recorded once and then accepted, so only new ones
// are reported. JSON, written deterministically:
//
//   {
//     "version": 1,
//     "entries": [
//       {"rule": "KEP003", "proposal": "keps/sig-x/1-a", "path": "keps/sig-x/1-a/kep.yaml",
//        "anchor": "status", "count": 1},
//       ...
//     ]
//   }
//
// An entry is keyed by rule id, proposal, path and a stable anchor (the YAML key path or heading
// a finding names, else its message), never by line number, so edits elsewhere in a file do not
// invalidate it. `count`: how many findings with that key are accepted.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "engine/finding.h"

namespace keplint {

inline constexpr int kBaselineVersion = 1;

struct BaselineEntry {
  std::string rule;
  std::string proposal;
  std::string path;
  std::string anchor;
  int count = 1;
  Position position;  // where the entry starts in the baseline file; {0, 0} when not read

  bool same_key(const BaselineEntry& o) const {
    return rule == o.rule && proposal == o.proposal && path == o.path && anchor == o.anchor;
  }
};

struct Baseline {
  std::string file;                    // as shown in messages and findings
  SourcePtr source;                    // the text it was read from
  std::vector<BaselineEntry> entries;  // one per key (duplicates in the file are added up)
};

// Reads a baseline from `source` (named by source->path()). Throws RuleError with the line and
// column of the first problem: invalid JSON, an unknown version, a missing or mistyped field.
Baseline parse_baseline(const SourcePtr& source);

// The text of a baseline file holding `entries`: sorted by key, keys merged, 2-space indent,
// trailing newline. Entries with a count below 1 are left out.
std::string render_baseline(std::vector<BaselineEntry> entries);

// The anchor a finding is recorded under: its own anchor, else its message.
std::string baseline_anchor(const Finding& f);
BaselineEntry baseline_key(const Finding& f);

struct BaselineResult {
  std::size_t accepted = 0;          // findings the baseline accepted (removed from the report)
  std::vector<BaselineEntry> stale;  // entries that matched nothing where their rule ran
};

// Removes the findings `baseline` accepts from `report` (for each key, the first `count` in
// report order; later ones stay reported), and adds a KL003 finding on `baseline.file` for each
// stale entry, unless KL003 is off. Entries of proposals, files and rules the run did not look
// at (changed-file runs, rules off or not applying) are never stale. Keeps the report sorted.
BaselineResult apply_baseline(Report& report, const Baseline& baseline);

// The entries `--write-baseline` records: every finding of `report` (KL003 excepted), plus
// the entries of `previous` that this run could not have matched (proposals and files it did not
// lint, rules that did not run there).
std::vector<BaselineEntry> updated_baseline(const Report& report, const Baseline* previous);

}  // namespace keplint
