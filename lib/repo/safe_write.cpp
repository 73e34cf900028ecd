#include "repo/safe_write.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>
#include <string_view>
#include <vector>

#include "repo/safe_open.h"
namespace keplint {
namespace {

std::string errno_text(const std::string& what, const std::string& path) {
  return what + " " + path + ": " + std::strerror(errno);
}

std::string directory_of(const std::string& path) {
  std::size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

std::string base_name(const std::string& path) {
  std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Closes the descriptor and removes the temporary file unless released after the rename.
// `path` is relative to `dir_fd` (AT_FDCWD: to the current directory).
class TempFile {
 public:
  TempFile(int fd, std::string path, int dir_fd = AT_FDCWD)
      : fd_(fd), dir_fd_(dir_fd), path_(std::move(path)) {}
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  ~TempFile() {
    close();
    if (!path_.empty()) ::unlinkat(dir_fd_, path_.c_str(), 0);
  }
  int fd() const { return fd_; }
  const std::string& path() const { return path_; }
  bool close() {
    if (fd_ < 0) return true;
    int rc = ::close(fd_);
    fd_ = -1;
    return rc == 0;
  }
  void release() { path_.clear(); }

 private:
  int fd_;
  int dir_fd_;
  std::string path_;
};

std::string temp_prefix(const std::string& path) {
  return "." + base_name(path) + ".keplint-";
}

// Temporary files of `name` left behind in `dir_fd` by a write that was killed (SIGKILL, power
// loss) before its rename: ".<name>.keplint-<digits>", regular files only.
void remove_leftover_temp_files(int dir_fd, const std::string& name) {
  std::string prefix = temp_prefix(name);
  int list_fd = ::dup(dir_fd);
  if (list_fd < 0) return;
  DIR* d = ::fdopendir(list_fd);
  if (!d) {
    ::close(list_fd);
    return;
  }
  std::vector<std::string> leftovers;
  while (const dirent* entry = ::readdir(d)) {
    std::string_view entry_name(entry->d_name);
    if (!entry_name.starts_with(prefix) || entry_name.size() == prefix.size()) continue;
    std::string_view suffix = entry_name.substr(prefix.size());
    if (suffix.find_first_not_of("0123456789") != std::string_view::npos) continue;
    leftovers.emplace_back(entry_name);
  }
  ::closedir(d);
  for (const std::string& leftover : leftovers) {
    struct stat st;
    if (::fstatat(dir_fd, leftover.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode))
      ::unlinkat(dir_fd, leftover.c_str(), 0);
  }
}

// replace_file_atomically inside an open directory: every step names the file relative to
// `dir_fd`, so the directory cannot be swapped for a link between the checks and the rename.
// `shown` is the path used in messages.
WriteResult replace_in_directory(int dir_fd, const std::string& name, const std::string& shown,
                                 std::string_view contents) {
  try {
    struct stat st;
    if (::fstatat(dir_fd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0)
      return {false, errno_text("cannot stat", shown)};
    if (S_ISLNK(st.st_mode)) return {false, "refusing to write through symlink " + shown};
    if (!S_ISREG(st.st_mode)) return {false, "not a regular file: " + shown};
    mode_t mode = st.st_mode & 07777;

    remove_leftover_temp_files(dir_fd, name);
    std::random_device rd;
    std::mt19937_64 rng(rd());
    int fd = -1;
    std::string temp_name;
    for (int attempt = 0; attempt < 100 && fd < 0; ++attempt) {
      temp_name = temp_prefix(name) + std::to_string(rng() % 1000000000);
      fd = ::openat(dir_fd, temp_name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW,
                    0600);
      if (fd < 0 && errno != EEXIST)
        return {false, errno_text("cannot create a temporary file for", shown)};
    }
    if (fd < 0) return {false, "cannot create a temporary file next to " + shown};
    TempFile temp(fd, temp_name, dir_fd);

    // Same permission bits as the original (fchmod, so the umask does not interfere).
    if (::fchmod(temp.fd(), mode) != 0)
      return {false, errno_text("cannot chmod the temporary file for", shown)};
    std::size_t written = 0;
    while (written < contents.size()) {
      ssize_t n = ::write(temp.fd(), contents.data() + written, contents.size() - written);
      if (n < 0) {
        if (errno == EINTR) continue;
        return {false, errno_text("cannot write the temporary file for", shown)};
      }
      written += static_cast<std::size_t>(n);
    }
    if (::fsync(temp.fd()) != 0)
      return {false, errno_text("cannot fsync the temporary file for", shown)};
    if (!temp.close()) return {false, errno_text("cannot close the temporary file for", shown)};

    // The target may have been swapped for a symlink meanwhile: check again just before.
    if (::fstatat(dir_fd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode)) {
      return {false, "file changed while writing: " + shown};
    }
    if (::renameat(dir_fd, temp_name.c_str(), dir_fd, name.c_str()) != 0) {
      return {false, errno_text("cannot rename over", shown)};
    }
    temp.release();
    ::fsync(dir_fd);  // persist the rename itself
    return {true, {}};
  } catch (const std::exception& e) {
    return {false, std::string("cannot write ") + shown + ": " + e.what()};
  }
}

}  // namespace

WriteResult replace_file_atomically(const std::string& path, std::string_view contents) {
  std::string dir = directory_of(path);
  FileDescriptor dir_fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!dir_fd.ok()) return {false, errno_text("cannot open the directory of", path)};
  return replace_in_directory(dir_fd.get(), base_name(path), path, contents);
}

WriteResult replace_file_beneath(const std::filesystem::path& root, const std::string& relative,
                                 std::string_view contents) {
  std::size_t slash = relative.rfind('/');
  std::string dir = slash == std::string::npos ? std::string() : relative.substr(0, slash);
  std::string error;
  FileDescriptor dir_fd = open_directory_beneath(root, dir, error);
  if (!dir_fd.ok()) return {false, relative + ": " + error};
  return replace_in_directory(dir_fd.get(), base_name(relative), relative, contents);
}

WriteResult write_file_atomically(const std::string& path, std::string_view contents) {
  struct stat st;
  if (::lstat(path.c_str(), &st) == 0 || errno != ENOENT) {
    return replace_file_atomically(path, contents);
  }
  try {
    std::string dir = directory_of(path);
    std::random_device rd;
    std::mt19937_64 rng(rd());
    int fd = -1;
    std::string temp_path;
    for (int attempt = 0; attempt < 100 && fd < 0; ++attempt) {
      temp_path = dir + "/." + base_name(path) + ".keplint-" + std::to_string(rng() % 1000000000);
      fd = ::open(temp_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0666);
      if (fd < 0 && errno != EEXIST) return {false, errno_text("cannot create", temp_path)};
    }
    if (fd < 0) return {false, "cannot create a temporary file next to " + path};
    TempFile temp(fd, temp_path);
    std::size_t written = 0;
    while (written < contents.size()) {
      ssize_t n = ::write(temp.fd(), contents.data() + written, contents.size() - written);
      if (n < 0) {
        if (errno == EINTR) continue;
        return {false, errno_text("cannot write", temp_path)};
      }
      written += static_cast<std::size_t>(n);
    }
    if (::fsync(temp.fd()) != 0) return {false, errno_text("cannot fsync", temp_path)};
    if (!temp.close()) return {false, errno_text("cannot close", temp_path)};
    // link() fails when the name exists: a file created meanwhile is not overwritten.
    if (::link(temp_path.c_str(), path.c_str()) != 0) {
      return {false, errno_text("cannot create", path)};
    }
    int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir_fd >= 0) {
      ::fsync(dir_fd);
      ::close(dir_fd);
    }
    return {true, {}};  // the temporary name is removed when `temp` goes
  } catch (const std::exception& e) {
    return {false, std::string("cannot write ") + path + ": " + e.what()};
  }
}

}  // namespace keplint
