#include "repo/git_blob_reader.h"

#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>

#include "repo/git.h"

namespace keplint {

namespace {
#if defined(MSG_NOSIGNAL)
constexpr int kSendFlags = MSG_NOSIGNAL;  // a dead git gives EPIPE, not SIGPIPE
#else
constexpr int kSendFlags = 0;  // the socket has SO_NOSIGPIPE (see spawn_conversing)
#endif
}  // namespace

GitBlobReader::GitBlobReader(const std::filesystem::path& top_level) {
  try {
    ConversingChild child =
        spawn_conversing(git_command({"cat-file", "--batch"}), git_process_options(top_level));
    pid_ = child.pid;
    to_git_ = child.to_child;
    from_git_ = child.from_child;
  } catch (const ProcessError& e) {
    throw GitError(e.what());
  }
}

GitBlobReader::~GitBlobReader() {
  // Closing git's input ends the batch; then reap it so no zombie is left.
  if (to_git_ >= 0) ::close(to_git_);
  if (from_git_ >= 0) ::close(from_git_);
  if (pid_ > 0) {
    while (::waitpid(pid_, nullptr, 0) < 0 && errno == EINTR) {
    }
  }
}

bool GitBlobReader::read_exact(std::string& out, std::size_t n) {
  out.clear();
  out.reserve(n);
  while (out.size() < n) {
    if (buffer_start_ < buffer_.size()) {
      std::size_t take = std::min(n - out.size(), buffer_.size() - buffer_start_);
      out.append(buffer_, buffer_start_, take);
      buffer_start_ += take;
      continue;
    }
    // Large blobs go straight into `out`, small reads through the buffer.
    std::size_t want = n - out.size();
    if (want >= 65536) {
      std::size_t old = out.size();
      out.resize(n);
      ssize_t got = ::read(from_git_, out.data() + old, want);
      if (got < 0 && errno == EINTR) {
        out.resize(old);
        continue;
      }
      if (got <= 0) return false;
      out.resize(old + static_cast<std::size_t>(got));
      continue;
    }
    if (!refill()) return false;
  }
  return true;
}

bool GitBlobReader::read_line(std::string& out) {
  out.clear();
  for (;;) {
    std::size_t nl = buffer_.find('\n', buffer_start_);
    if (nl != std::string::npos) {
      out.append(buffer_, buffer_start_, nl - buffer_start_);
      buffer_start_ = nl + 1;
      return true;
    }
    out.append(buffer_, buffer_start_, std::string::npos);
    if (!refill()) return false;
  }
}

bool GitBlobReader::refill() {
  for (;;) {
    buffer_.resize(65536);
    buffer_start_ = 0;
    ssize_t got = ::read(from_git_, buffer_.data(), buffer_.size());
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) {
      buffer_.clear();
      return false;
    }
    buffer_.resize(static_cast<std::size_t>(got));
    return true;
  }
}

std::optional<std::string> GitBlobReader::read(std::string_view object_id) {
  // Only hex ids are asked for: a name with a newline or a space would change the request.
  if (object_id.empty() || object_id.find_first_not_of("0123456789abcdef") != std::string::npos) {
    return std::nullopt;
  }
  std::lock_guard lock(mutex_);
  std::string request = std::string(object_id) + "\n";
  std::size_t sent = 0;
  while (sent < request.size()) {
    ssize_t n = ::send(to_git_, request.data() + sent, request.size() - sent, kSendFlags);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0)
      throw GitError("git cat-file stopped answering: " + std::string(std::strerror(errno)));
    sent += static_cast<std::size_t>(n);
  }
  // "<id> blob <size>\n<bytes>\n", or "<id> missing\n".
  std::string header;
  if (!read_line(header)) throw GitError("git cat-file stopped answering");
  std::size_t first_space = header.find(' ');
  std::size_t second_space =
      first_space == std::string::npos ? std::string::npos : header.find(' ', first_space + 1);
  if (second_space == std::string::npos) return std::nullopt;  // missing or ambiguous
  std::string_view type(header.data() + first_space + 1, second_space - first_space - 1);
  std::size_t size = 0;
  const char* size_begin = header.data() + second_space + 1;
  auto [end, ec] = std::from_chars(size_begin, header.data() + header.size(), size);
  if (ec != std::errc() || end != header.data() + header.size()) {
    throw GitError("git cat-file answered an unreadable header: " + header);
  }
  std::string content;
  std::string newline;
  if (!read_exact(content, size) || !read_exact(newline, 1)) {
    throw GitError("git cat-file stopped answering");
  }
  if (type != "blob") return std::nullopt;
  return content;
}

}  // namespace keplint
