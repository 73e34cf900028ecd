// Reading a file the user named on the command line, which may lie outside the repository (a
// baseline file): the repository's limits still apply (regular file, size cap, no NUL bytes).
#pragma once

#include <cstddef>
#include <string>

#include "repo/repository.h"

namespace keplint {

// `path` as given (absolute or relative to the current directory); the SourceFile is named so.
ReadResult read_user_file(const std::string& path, std::size_t max_file_size);

}  // namespace keplint
