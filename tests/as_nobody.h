// Permission errors in-process, also as root (CI runs as root, and root reads and writes
// everything): the code under test runs in a forked child that first drops to the uid and gid of
// `nobody` (65534). Files it should fail on must be out of nobody's reach by their mode bits, on
// a path nobody can traverse.
#pragma once

#include <grp.h>
#include <sys/wait.h>
#include <unistd.h>

#include <functional>
#include <string>

namespace keplint::testing {

constexpr uid_t kNobody = 65534;

struct ChildRun {
  bool ran = false;    // false: the child could not drop its privileges (see `output`)
  std::string output;  // what `fn` returned, or why it did not run
};

// Runs `fn` as the current user when not root, else in a child as nobody; returns its result.
inline ChildRun run_unprivileged(const std::function<std::string()>& fn) {
  if (::geteuid() != 0) return {true, fn()};
  int fds[2];
  if (::pipe(fds) != 0) return {false, "pipe failed"};
  pid_t pid = ::fork();
  if (pid < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    return {false, "fork failed"};
  }
  if (pid == 0) {
    ::close(fds[0]);
    std::string out;
    int code = 0;
    if (::setgroups(0, nullptr) != 0 || ::setresgid(kNobody, kNobody, kNobody) != 0 ||
        ::setresuid(kNobody, kNobody, kNobody) != 0) {
      out = "cannot switch to uid/gid 65534";
      code = 3;
    } else {
      out = fn();
    }
    for (std::size_t done = 0; done < out.size();) {
      ssize_t n = ::write(fds[1], out.data() + done, out.size() - done);
      if (n <= 0) break;
      done += static_cast<std::size_t>(n);
    }
    ::_exit(code);  // no atexit handlers or gtest teardown in the child
  }
  ::close(fds[1]);
  ChildRun run;
  char buf[4096];
  for (ssize_t n; (n = ::read(fds[0], buf, sizeof buf)) > 0;) run.output.append(buf, n);
  ::close(fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  run.ran = WIFEXITED(status) && WEXITSTATUS(status) == 0;
  if (!run.ran && WIFEXITED(status) && WEXITSTATUS(status) != 3) {
    run.output = "child failed: " + run.output;
  }
  return run;
}

}  // namespace keplint::testing
