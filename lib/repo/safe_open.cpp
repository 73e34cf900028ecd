#include "repo/safe_open.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace keplint {

namespace fs = std::filesystem;

FileDescriptor& FileDescriptor::operator=(FileDescriptor&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = other.fd_;
    other.fd_ = -1;
  }
  return *this;
}

FileDescriptor::~FileDescriptor() {
  if (fd_ >= 0) ::close(fd_);
}

FileDescriptor open_directory_beneath(const fs::path& root, std::string_view rel,
                                      std::string& error) {
  FileDescriptor dir(::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!dir.ok()) {
    error = "cannot open " + root.string() + ": " + std::strerror(errno);
    return {};
  }
  std::string walked;
  std::size_t pos = 0;
  while (pos < rel.size()) {
    std::size_t slash = rel.find('/', pos);
    if (slash == std::string_view::npos) slash = rel.size();
    std::string name(rel.substr(pos, slash - pos));
    pos = slash + 1;
    if (name.empty() || name == ".") continue;
    walked += (walked.empty() ? "" : "/") + name;
    if (name == "..") {
      error = "refusing to go up ('..') in " + std::string(rel);
      return {};
    }
    int fd = ::openat(dir.get(), name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
      int err = errno;
      struct stat st {};
      if (::fstatat(dir.get(), name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 &&
          S_ISLNK(st.st_mode)) {
        error = "refusing to follow symbolic link " + walked;
      } else {
        error = "cannot open directory " + walked + ": " + std::strerror(err);
      }
      return {};
    }
    dir = FileDescriptor(fd);
  }
  return dir;
}

FileDescriptor open_output_file(const std::string& path, bool append, const fs::path& checkout) {
  auto fail = [&](const std::string& why) {
    return std::runtime_error("cannot write " + path + ": " + why);
  };
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec).lexically_normal();
  if (ec || !absolute.has_filename()) throw fail("not a file name");
  std::string name = absolute.filename().string();
  fs::path parent = absolute.parent_path();

  FileDescriptor dir;
  std::string error;
  fs::path inside = checkout.empty() ? fs::path() : parent.lexically_relative(checkout);
  bool in_checkout =
      !checkout.empty() && !inside.empty() && !inside.generic_string().starts_with("..");
  if (in_checkout) {
    // The pull request controls every directory here: open them without following links.
    std::string rel = inside.generic_string();
    dir = open_directory_beneath(checkout, rel == "." ? "" : rel, error);
    if (!dir.ok()) throw fail(error);
  } else {
    dir = FileDescriptor(::open(parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!dir.ok()) throw fail(std::string("cannot open its directory: ") + std::strerror(errno));
  }
  int flags = O_WRONLY | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | (append ? O_APPEND : 0);
  FileDescriptor file(::openat(dir.get(), name.c_str(), flags, 0666));
  if (!file.ok()) {
    int err = errno;
    struct stat st {};
    bool link =
        ::fstatat(dir.get(), name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode);
    if (link) throw fail("refusing to write through a symbolic link");
    if (err == ENXIO) throw fail("not a regular file (a FIFO nobody reads)");
    throw fail(std::strerror(err));
  }
  struct stat st {};
  if (::fstat(file.get(), &st) != 0) throw fail(std::strerror(errno));
  if (!S_ISREG(st.st_mode)) throw fail("not a regular file");
  // O_NONBLOCK was for the open (a FIFO); the writes are ordinary blocking writes.
  ::fcntl(file.get(), F_SETFL, ::fcntl(file.get(), F_GETFL) & ~O_NONBLOCK);
  if (!append && ::ftruncate(file.get(), 0) != 0) throw fail(std::strerror(errno));
  return file;
}

void write_all(int fd, std::string_view text, const std::string& path) {
  std::size_t written = 0;
  while (written < text.size()) {
    ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw std::runtime_error("cannot write " + path + ": " + std::strerror(errno));
    }
    written += static_cast<std::size_t>(n);
  }
}

}  // namespace keplint
