// Atomic replacement of a file's contents, for --fix: readers see the old file or the new one,
// never a half-written one, and a failure leaves the original untouched.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace keplint {

struct WriteResult {
  bool ok = false;
  std::string error;  // why it failed, naming the path; empty on success
  explicit operator bool() const { return ok; }
};

// Replaces the regular file at `path` with `contents`: writes a temporary file created
// exclusively (O_EXCL) in the same directory with the original's permission bits, fsyncs it,
// renames it over the original and fsyncs the directory. Refuses symlinks and non-regular
// files. On any failure the temporary file is removed. Never throws.
//
// The temporary file is ".<name>.keplint-<digits>" next to the file. A process killed between
// creating it and the rename (SIGKILL, power loss) leaves it behind, with the original intact;
// the next write of the same file removes such leftovers first. Lint runs ignore them (no rule
// matches the name).
WriteResult replace_file_atomically(const std::string& path, std::string_view contents);

// The same for `relative` ('/'-separated) under the repository root, for --fix: the directories
// from `root` down are opened one by one without following symlinks (open_directory_beneath),
// and the file is checked, written and renamed relative to its directory's descriptor. A KEP
// directory swapped for a link out of the repository after it was read is refused, not written
// through.
WriteResult replace_file_beneath(const std::filesystem::path& root, const std::string& relative,
                                 std::string_view contents);

// The same, but the file may not exist yet: then it is created (permissions 0666 minus the
// umask) by linking a complete temporary file into place, so it appears whole or not at all,
// and never replaces a file created meanwhile. For files kep-lint owns (a baseline).
WriteResult write_file_atomically(const std::string& path, std::string_view contents);

}  // namespace keplint
