// Readable gtest failure output for lib/repo value types.
#pragma once

#include <ostream>

#include "repo/changed_files.h"

namespace keplint {

inline void PrintTo(const ChangedFile& f, std::ostream* os) {
  *os << status_name(f.status) << " " << f.path;
  if (!f.old_path.empty()) *os << " <- " << f.old_path;
}

inline void PrintTo(const LineRange& r, std::ostream* os) {
  *os << r.first << "-" << r.last;
}

}  // namespace keplint
