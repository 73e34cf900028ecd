// Opening paths inside the checkout without following symbolic links a pull request may have
// committed: every directory from the repository root down is opened with O_NOFOLLOW
// (openat, one component at a time), so a link anywhere on the way is refused, not followed.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace keplint {

// An open descriptor, closed when it goes; -1 when opening failed, with `error` saying why.
class FileDescriptor {
 public:
  FileDescriptor() = default;
  explicit FileDescriptor(int fd) : fd_(fd) {}
  FileDescriptor(FileDescriptor&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  FileDescriptor& operator=(FileDescriptor&& other) noexcept;
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor();
  int get() const { return fd_; }
  bool ok() const { return fd_ >= 0; }

 private:
  int fd_ = -1;
};

// The directory `relative_dir` ('/'-separated, "" for the root itself) under `root`, opened
// component by component with O_NOFOLLOW | O_DIRECTORY. On failure the result is not ok() and
// `error` names the component: "refusing to follow symbolic link keps/x" or the system's reason.
FileDescriptor open_directory_beneath(const std::filesystem::path& root,
                                      std::string_view relative_dir, std::string& error);

// Opens `path` (as given on the command line or in the environment) to write a report: created
// when missing, truncated unless `append`. The last component is never followed (O_NOFOLLOW),
// and when the path lies inside `checkout` (skipped when empty), neither is any directory
// between the two. O_NONBLOCK and a regular-file check keep a FIFO or a device from hanging the
// run. Throws std::runtime_error "cannot write PATH: WHY".
FileDescriptor open_output_file(const std::string& path, bool append,
                                const std::filesystem::path& checkout);

// Writes all of `text` to `fd`; throws std::runtime_error naming `path` on failure.
void write_all(int fd, std::string_view text, const std::string& path);

}  // namespace keplint
