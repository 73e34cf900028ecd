#include "repo/user_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "repo/git_dir_guard.h"
namespace keplint {

ReadResult read_user_file(const std::string& path, std::size_t max_file_size) {
  ReadResult r;
  if (resolves_into_git_directory(path)) {
    r.status = ReadResult::Status::OutsideRepository;
    r.detail = std::string(kInsideGitMessage);
    return r;
  }
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    r.status = errno == ENOENT ? ReadResult::Status::NotFound : ReadResult::Status::Unreadable;
    r.detail =
        errno == ENOENT ? "file not found" : std::string("cannot open: ") + std::strerror(errno);
    return r;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    r.status = ReadResult::Status::NotAFile;
    r.detail = "not a regular file";
    return r;
  }
  std::string text;
  char buffer[65536];
  while (true) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ::close(fd);
      r.status = ReadResult::Status::Unreadable;
      r.detail = std::string("read failed: ") + std::strerror(errno);
      return r;
    }
    if (n == 0) break;
    text.append(buffer, static_cast<std::size_t>(n));
    if (text.size() > max_file_size) {
      ::close(fd);
      r.status = ReadResult::Status::TooLarge;
      r.detail = "file is over the size limit of " + std::to_string(max_file_size) + " bytes";
      return r;
    }
  }
  ::close(fd);
  if (text.find('\0') != std::string::npos) {
    r.status = ReadResult::Status::Binary;
    r.detail = "file contains NUL bytes (binary data)";
    return r;
  }
  r.status = ReadResult::Status::Ok;
  r.source = std::make_shared<SourceFile>(path, std::move(text));
  return r;
}

}  // namespace keplint
