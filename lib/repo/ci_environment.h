// Where kep-lint runs (GitHub Actions, Prow, a developer's machine) and, from that, which
// revision a change is measured against: what `--changed-from auto` uses.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace keplint {

enum class CiKind { Local, GitHubActions, Prow };
std::string_view ci_kind_name(CiKind kind);  // "local", "github", "prow"
std::optional<CiKind> parse_ci_kind(std::string_view name);

// Environment access is injected so tests (and callers) can fake it.
using EnvLookup = std::function<std::optional<std::string>(std::string_view)>;
EnvLookup process_environment();  // the real environment; unset and empty both read as nullopt
EnvLookup environment_from_map(std::map<std::string, std::string> vars);

// What the environment says; no git involved.
struct CiEnvironment {
  CiKind kind = CiKind::Local;
  // GITHUB_ACTIONS=true, whatever kind was forced: stdout is a log the runner scans for
  // workflow commands, so outputs there must keep repo text inert.
  bool github_actions_log = false;
  std::string github_event_path;    // $GITHUB_EVENT_PATH: JSON with pull_request.base.sha
  std::string github_step_summary;  // $GITHUB_STEP_SUMMARY: Markdown appended here is shown
  std::string prow_pull_base_sha;   // $PULL_BASE_SHA: the base the pulls were merged into
  std::string prow_artifacts_dir;   // $ARTIFACTS: where junit_*.xml is picked up
};

// GitHub Actions when GITHUB_ACTIONS=true, Prow when PROW_JOB_ID or JOB_TYPE is set, else
// local. `force` overrides the detected kind (the variables are still read).
CiEnvironment detect_ci_environment(const EnvLookup& env, std::optional<CiKind> force = {});

struct BaseRevision {
  std::string rev;     // a commit id or ref name; the change set starts at merge-base(rev, HEAD)
  std::string source;  // how it was found, for --verbose and error messages
};

// The revision to compare against for the repository containing `dir`:
//   GitHub: pull_request.base.sha from the event file, else HEAD's first parent when HEAD is a
//           merge commit (the pull request's test merge);
//   Prow:   $PULL_BASE_SHA;
//   then, and locally: the current branch's upstream, else the first of origin/HEAD,
//   origin/main, origin/master, main, master that exists.
// Throws GitError when nothing applies or the event file cannot be read.
BaseRevision detect_base_revision(const std::filesystem::path& dir, const CiEnvironment& ci);

}  // namespace keplint
