#include "repo/process.h"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string_view>

extern char** environ;

namespace keplint {
namespace {

// Closes on scope exit, so no error path leaks a descriptor.
class Fd {
 public:
  Fd() = default;
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() { reset(); }
  int get() const { return fd_; }
  int release() {
    int fd = fd_;
    fd_ = -1;
    return fd;
  }
  void reset(int fd = -1) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = fd;
  }

 private:
  int fd_ = -1;
};

struct Pipe {
  Fd read;
  Fd write;
};

#if defined(__APPLE__)
// Marks both descriptors close-on-exec, where pipe2/SOCK_CLOEXEC cannot (macOS): a child that
// another thread spawns in between may inherit them, which only delays its EOF.
void set_cloexec(const int fds[2]) {
  for (int i = 0; i < 2; ++i) ::fcntl(fds[i], F_SETFD, FD_CLOEXEC);
}
#endif

void open_pipe(Pipe& p) {
  int fds[2];
  // O_CLOEXEC: children spawned by other threads at the same time must not inherit our ends,
  // or our reads would never see EOF.
#if defined(__APPLE__)
  if (::pipe(fds) != 0) {
    throw ProcessError(std::string("cannot create a pipe: ") + std::strerror(errno));
  }
  set_cloexec(fds);
#else
  if (::pipe2(fds, O_CLOEXEC) != 0) {
    throw ProcessError(std::string("cannot create a pipe: ") + std::strerror(errno));
  }
#endif
  p.read.reset(fds[0]);
  p.write.reset(fds[1]);
}

std::string describe(const std::vector<std::string>& argv) {
  std::string s;
  for (const auto& a : argv) {
    if (!s.empty()) s += ' ';
    s += a;
  }
  return s;
}

// The inherited environment with overrides applied, as a NUL-terminated array for posix_spawn.
std::vector<std::string> build_environment(const std::map<std::string, std::string>& overrides) {
  std::vector<std::string> env;
  for (char** e = environ; e && *e; ++e) {
    std::string_view entry(*e);
    auto eq = entry.find('=');
    std::string name(entry.substr(0, eq));
    if (!overrides.contains(name)) env.emplace_back(entry);
  }
  for (const auto& [name, value] : overrides) env.push_back(name + "=" + value);
  return env;
}

std::vector<char*> c_strings(std::vector<std::string>& strings) {
  std::vector<char*> out;
  out.reserve(strings.size() + 1);
  for (auto& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

// Reads both pipes until both reach EOF; poll avoids the deadlock of a child blocked on a full
// stderr pipe while we block reading stdout.
void drain(Fd& out_fd, Fd& err_fd, std::string& out, std::string& err) {
  char buf[65536];
  while (out_fd.get() >= 0 || err_fd.get() >= 0) {
    pollfd fds[2] = {{out_fd.get(), POLLIN, 0}, {err_fd.get(), POLLIN, 0}};
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      throw ProcessError(std::string("poll failed: ") + std::strerror(errno));
    }
    Fd* fd_of[2] = {&out_fd, &err_fd};
    std::string* sink_of[2] = {&out, &err};
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      ssize_t n = ::read(fds[i].fd, buf, sizeof buf);
      if (n > 0) {
        sink_of[i]->append(buf, static_cast<size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        fd_of[i]->reset();  // EOF or a hard error: stop watching this pipe
      }
    }
  }
}

// Starts argv[0] (searched on PATH) with the given descriptors as its stdin, stdout and stderr
// (-1: /dev/null), in options.working_dir, with options' environment. Returns its pid.
pid_t spawn_with_stdio(const std::vector<std::string>& argv, const ProcessOptions& options,
                       int stdin_fd, int stdout_fd, int stderr_fd) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  int fds[3] = {stdin_fd, stdout_fd, stderr_fd};
  for (int target = 0; target < 3; ++target) {
    if (fds[target] >= 0) {
      posix_spawn_file_actions_adddup2(&actions, fds[target], target);
    } else {
      posix_spawn_file_actions_addopen(&actions, target, "/dev/null",
                                       target == STDIN_FILENO ? O_RDONLY : O_WRONLY, 0);
    }
  }
  std::string cwd = options.working_dir.string();
  if (!cwd.empty()) posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());
  std::vector<std::string> args(argv);
  std::vector<char*> c_args = c_strings(args);
  std::vector<std::string> env = build_environment(options.env_overrides);
  std::vector<char*> c_env = c_strings(env);
  pid_t pid = 0;
  int rc = ::posix_spawnp(&pid, c_args[0], &actions, nullptr, c_args.data(), c_env.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) {
    std::string where = cwd.empty() ? "" : " in " + cwd;
    throw ProcessError("cannot run '" + describe(argv) + "'" + where + ": " + std::strerror(rc));
  }
  return pid;
}

}  // namespace

ProcessResult run_process(const std::vector<std::string>& argv, const ProcessOptions& options) {
  if (argv.empty()) throw ProcessError("run_process: empty argument vector");

  Pipe out_pipe, err_pipe;
  open_pipe(out_pipe);
  open_pipe(err_pipe);

  pid_t pid = spawn_with_stdio(argv, options, -1, out_pipe.write.get(), err_pipe.write.get());
  // Our copies of the write ends must go, or the reads below never see EOF.
  out_pipe.write.reset();
  err_pipe.write.reset();

  ProcessResult result;
  try {
    drain(out_pipe.read, err_pipe.read, result.out, result.err);
  } catch (...) {
    // Close our ends first so a child blocked on a full pipe gets EPIPE instead of hanging,
    // then reap it: no zombie.
    out_pipe.read.reset();
    err_pipe.read.reset();
    ::waitpid(pid, nullptr, 0);
    throw;
  }

  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) throw ProcessError(std::string("waitpid failed: ") + std::strerror(errno));
  }
  if (WIFEXITED(status)) {
    result.exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    result.term_signal = WTERMSIG(status);
    result.exit_code = 128 + result.term_signal;
  }
  return result;
}

ConversingChild spawn_conversing(const std::vector<std::string>& argv,
                                 const ProcessOptions& options) {
  if (argv.empty()) throw ProcessError("spawn_conversing: empty argument vector");
  int sockets[2];
#if defined(__APPLE__)
  if (::socketpair(AF_UNIX, SOCK_STREAM, 0, sockets) != 0) {
    throw ProcessError(std::string("cannot create a socket pair: ") + std::strerror(errno));
  }
  set_cloexec(sockets);
  // No MSG_NOSIGNAL there: the socket itself is told not to raise SIGPIPE.
  int on = 1;
  ::setsockopt(sockets[0], SOL_SOCKET, SO_NOSIGPIPE, &on, sizeof on);
#else
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sockets) != 0) {
    throw ProcessError(std::string("cannot create a socket pair: ") + std::strerror(errno));
  }
#endif
  Fd ours(sockets[0]), theirs(sockets[1]);
  Pipe out_pipe;
  open_pipe(out_pipe);

  pid_t pid = spawn_with_stdio(argv, options, theirs.get(), out_pipe.write.get(), -1);
  ConversingChild child;
  child.pid = pid;
  child.to_child = ours.get();
  child.from_child = out_pipe.read.get();
  // Hand the descriptors over: the Fd guards must not close them.
  ours.release();
  out_pipe.read.release();
  return child;
}

}  // namespace keplint
