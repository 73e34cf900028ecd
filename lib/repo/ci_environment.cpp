#include "repo/ci_environment.h"
#include "repo/user_file.h"

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>

#include "repo/git.h"

namespace keplint {
namespace {

std::string get(const EnvLookup& env, std::string_view name) {
  return env(name).value_or("");
}

std::optional<BaseRevision> from_github_event(const std::string& event_path) {
  if (event_path.empty()) return std::nullopt;
  // GitHub caps webhook payloads at 25 MB.
  ReadResult read = read_user_file(event_path, 32u << 20);
  if (!read.ok()) {
    throw GitError("cannot read the GitHub event file $GITHUB_EVENT_PATH=" + event_path + ": " +
                   read.detail);
  }
  nlohmann::json event =
      nlohmann::json::parse(read.source->text(), nullptr, /*allow_exceptions=*/false);
  if (event.is_discarded()) {
    throw GitError("the GitHub event file " + event_path + " is not valid JSON");
  }
  // Only pull_request (and pull_request_target) events carry a base; pushes fall through.
  const auto* node = &event;
  for (const char* key : {"pull_request", "base", "sha"}) {
    if (!node->is_object() || !node->contains(key)) return std::nullopt;
    node = &(*node)[key];
  }
  if (!node->is_string() || node->get<std::string>().empty()) return std::nullopt;
  return BaseRevision{node->get<std::string>(), "pull_request.base.sha in " + event_path};
}

// On pull_request events actions/checkout checks out refs/pull/N/merge; its first parent is
// the base tip. The parents are read from the commit object, so a depth-1 clone still names
// the base and the later diff can explain which fetch depth is missing.
std::optional<BaseRevision> from_merge_head(const GitRepo& repo) {
  if (!repo.resolve_commit("HEAD")) return std::nullopt;
  auto parents = repo.recorded_parents("HEAD");
  if (parents.size() < 2) return std::nullopt;
  return BaseRevision{parents[0], "first parent of the merge commit HEAD"};
}

std::optional<BaseRevision> from_local_branches(const GitRepo& repo) {
  ProcessResult upstream =
      repo.run({"rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{upstream}"});
  if (upstream.ok()) {
    std::string name = upstream.out.substr(0, upstream.out.find('\n'));
    if (!name.empty() && repo.resolve_commit(name)) {
      return BaseRevision{name, "upstream of the current branch"};
    }
  }
  for (const char* candidate : {"origin/HEAD", "origin/main", "origin/master", "main", "master"}) {
    if (repo.resolve_commit(candidate))
      return BaseRevision{candidate, "first existing default branch"};
  }
  return std::nullopt;
}

}  // namespace

std::string_view ci_kind_name(CiKind kind) {
  switch (kind) {
    case CiKind::Local:
      return "local";
    case CiKind::GitHubActions:
      return "github";
    case CiKind::Prow:
      return "prow";
  }
  return "local";
}

std::optional<CiKind> parse_ci_kind(std::string_view name) {
  for (CiKind kind : {CiKind::Local, CiKind::GitHubActions, CiKind::Prow}) {
    if (ci_kind_name(kind) == name) return kind;
  }
  return std::nullopt;
}

EnvLookup process_environment() {
  return [](std::string_view name) -> std::optional<std::string> {
    const char* value = std::getenv(std::string(name).c_str());
    if (value == nullptr || *value == '\0') return std::nullopt;
    return std::string(value);
  };
}

EnvLookup environment_from_map(std::map<std::string, std::string> vars) {
  return [vars = std::move(vars)](std::string_view name) -> std::optional<std::string> {
    auto it = vars.find(std::string(name));
    if (it == vars.end() || it->second.empty()) return std::nullopt;
    return it->second;
  };
}

CiEnvironment detect_ci_environment(const EnvLookup& env, std::optional<CiKind> force) {
  CiEnvironment ci;
  if (get(env, "GITHUB_ACTIONS") == "true") {
    ci.kind = CiKind::GitHubActions;
    ci.github_actions_log = true;
  } else if (env("PROW_JOB_ID") || env("JOB_TYPE")) {
    ci.kind = CiKind::Prow;
  }
  if (force) ci.kind = *force;
  ci.github_event_path = get(env, "GITHUB_EVENT_PATH");
  ci.github_step_summary = get(env, "GITHUB_STEP_SUMMARY");
  ci.prow_pull_base_sha = get(env, "PULL_BASE_SHA");
  ci.prow_artifacts_dir = get(env, "ARTIFACTS");
  return ci;
}

BaseRevision detect_base_revision(const std::filesystem::path& dir, const CiEnvironment& ci) {
  GitRepo repo = GitRepo::open(dir);
  if (ci.kind == CiKind::GitHubActions) {
    if (auto base = from_github_event(ci.github_event_path)) return *base;
    if (auto base = from_merge_head(repo)) return *base;
  }
  if (ci.kind == CiKind::Prow && !ci.prow_pull_base_sha.empty()) {
    return {ci.prow_pull_base_sha, "$PULL_BASE_SHA"};
  }
  if (auto base = from_local_branches(repo)) return *base;

  std::string message =
      "cannot determine the base revision for --changed-from auto (" +
      std::string(ci_kind_name(ci.kind)) +
      "): no upstream branch, and none of origin/HEAD, origin/main, origin/master, main, master "
      "exists; pass --changed-from REV";
  if (repo.is_shallow()) {
    message += "; this is a shallow clone, so with actions/checkout also set `fetch-depth: 0`";
  }
  throw GitError(message);
}

}  // namespace keplint
