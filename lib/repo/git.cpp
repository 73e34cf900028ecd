#include "repo/git.h"

#include <utility>

namespace keplint {
namespace {

std::string trim_newline(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  return s;
}

std::string join(const std::vector<std::string>& args) {
  std::string s;
  for (const auto& a : args) {
    if (!s.empty()) s += ' ';
    s += a;
  }
  return s;
}

}  // namespace

std::vector<std::string> git_command(const std::vector<std::string>& args) {
  // Raw paths and no colour, whatever the user's configuration says.
  std::vector<std::string> argv = {"git", "-c", "core.quotepath=off", "-c", "color.ui=never"};
  argv.insert(argv.end(), args.begin(), args.end());
  return argv;
}

ProcessOptions git_process_options(const std::filesystem::path& dir) {
  ProcessOptions options;
  options.working_dir = dir;
  options.env_overrides = {
      {"LC_ALL", "C"},               // English messages, so errors read the same everywhere
      {"GIT_TERMINAL_PROMPT", "0"},  // never ask for credentials
      {"GIT_OPTIONAL_LOCKS", "0"},   // a linter must not take index.lock behind an editor's back
  };
  return options;
}

ProcessResult run_git(const std::filesystem::path& dir, const std::vector<std::string>& args) {
  try {
    return run_process(git_command(args), git_process_options(dir));
  } catch (const ProcessError& e) {
    throw GitError(e.what());
  }
}

GitRepo GitRepo::open(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    throw GitError("not a git repository: " + dir.string() + " is not a directory");
  }
  ProcessResult r = run_git(dir, {"rev-parse", "--show-toplevel"});
  if (!r.ok()) {
    if (r.err.find("not a git repository") != std::string::npos) {
      throw GitError("not a git repository: " + dir.string());
    }
    throw GitError("git rev-parse failed in " + dir.string() + ": " + trim_newline(r.err));
  }
  return GitRepo(std::filesystem::path(trim_newline(r.out)));
}

ProcessResult GitRepo::run(const std::vector<std::string>& args) const {
  return run_git(top_level_, args);
}

std::string GitRepo::run_checked(const std::vector<std::string>& args) const {
  ProcessResult r = run(args);
  if (!r.ok()) throw GitError("git " + join(args) + " failed: " + trim_newline(r.err));
  return std::move(r.out);
}

std::optional<std::string> GitRepo::resolve_commit(std::string_view rev) const {
  // A leading '-' would be read as an option; no revision we accept starts with one.
  if (rev.empty() || rev.front() == '-') return std::nullopt;
  ProcessResult r = run({"rev-parse", "--verify", "--quiet", std::string(rev) + "^{commit}"});
  if (!r.ok()) return std::nullopt;
  return trim_newline(r.out);
}

bool GitRepo::is_shallow() const {
  return trim_newline(run_checked({"rev-parse", "--is-shallow-repository"})) == "true";
}

std::vector<std::string> GitRepo::recorded_parents(std::string_view commit) const {
  std::string raw = run_checked({"cat-file", "commit", std::string(commit)});
  std::vector<std::string> parents;
  size_t pos = 0;
  // Headers end at the first empty line; "parent <id>" lines follow "tree <id>".
  while (pos < raw.size() && raw[pos] != '\n') {
    size_t eol = raw.find('\n', pos);
    if (eol == std::string::npos) eol = raw.size();
    std::string_view line(raw.data() + pos, eol - pos);
    if (line.starts_with("parent ")) parents.emplace_back(line.substr(7));
    pos = eol + 1;
  }
  return parents;
}

}  // namespace keplint
