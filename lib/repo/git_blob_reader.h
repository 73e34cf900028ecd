// Reads blobs from a git object database through one long-lived `git cat-file --batch`, so a
// run that lints a base revision pays for one process, not one per file.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace keplint {

class GitBlobReader {
 public:
  // Starts `git cat-file --batch` in `top_level`; throws GitError when git cannot be started.
  explicit GitBlobReader(const std::filesystem::path& top_level);
  GitBlobReader(const GitBlobReader&) = delete;
  GitBlobReader& operator=(const GitBlobReader&) = delete;
  ~GitBlobReader();

  // The blob's bytes; nullopt when the object is missing or is not a blob. Throws GitError when
  // git stops answering. Safe to call from several threads (requests are serialised).
  std::optional<std::string> read(std::string_view object_id);

 private:
  bool read_exact(std::string& out, std::size_t n);
  bool read_line(std::string& out);
  // Replaces the (consumed) buffer with git's next output; false at EOF or on an error.
  bool refill();

  std::mutex mutex_;
  pid_t pid_ = -1;
  int to_git_ = -1;    // a socket: writes to a dead git give EPIPE, not SIGPIPE
  int from_git_ = -1;  // git's stdout
  std::string buffer_;
  std::size_t buffer_start_ = 0;
};

}  // namespace keplint
