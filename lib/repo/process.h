// Running an external program (git) without a shell and capturing its output.
#pragma once

#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace keplint {

// The program could not be started at all (not found, not executable, bad working directory).
class ProcessError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ProcessResult {
  int exit_code = 0;    // the program's exit status, or 128 + signal number when killed
  int term_signal = 0;  // the signal that killed it, 0 if it exited
  std::string out;      // everything written to stdout
  std::string err;      // everything written to stderr
  bool ok() const { return exit_code == 0 && term_signal == 0; }
};

struct ProcessOptions {
  std::filesystem::path working_dir;                 // empty: the caller's
  std::map<std::string, std::string> env_overrides;  // set on top of the inherited environment
};

// Runs argv[0] (looked up on PATH) with argv; stdin is /dev/null so the child can never wait on
// a terminal. Both pipes are drained concurrently, so any amount of output is safe.
// Throws ProcessError when the program cannot be started.
ProcessResult run_process(const std::vector<std::string>& argv, const ProcessOptions& options = {});

// A child the caller converses with: it writes requests to `to_child` and reads answers from
// `from_child` (the child's stdout); the child's stderr goes to /dev/null. `to_child` is a
// socket, so writing to a child that died fails with EPIPE (sent with MSG_NOSIGNAL) instead of
// killing the caller with SIGPIPE. The caller closes both descriptors and reaps `pid`.
struct ConversingChild {
  int pid = -1;
  int to_child = -1;
  int from_child = -1;
};
// Throws ProcessError when the program cannot be started.
ConversingChild spawn_conversing(const std::vector<std::string>& argv,
                                 const ProcessOptions& options = {});

}  // namespace keplint
