// Where the corpus-backed tests find the real repositories: $KEP_LINT_CORPUS when set, else
// ../shared/corpus beside the source tree (the layout CI provides). Without it they skip, and
// say where they looked: the corpus is data we may test against but not ship.
#pragma once

#include <cstdlib>
#include <filesystem>

namespace keplint::testing {

inline std::filesystem::path corpus_dir() {
  if (const char* dir = std::getenv("KEP_LINT_CORPUS"); dir && *dir) return dir;
  return std::filesystem::path(KEP_LINT_SOURCE_DIR) / ".." / "shared" / "corpus";
}

}  // namespace keplint::testing
