// Turns command-line choices into a ready run: repository, config, pack, datasets.
#pragma once

#include <atomic>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "engine/config.h"
#include "engine/pack.h"
#include "engine/planned_release.h"
#include "engine/run_context.h"
#include "repo/repository.h"

namespace keplint {

struct SessionOptions {
  std::filesystem::path repo_dir = ".";
  // No --repo given: the root is the nearest directory, from repo_dir up, that holds `.git`,
  // `.kep-lint.yaml` or a pack's detection markers (as git finds its work tree), so a run from
  // a subdirectory still sees OWNERS_ALIASES and the layout.
  bool find_root = false;
  // --config: a path as given (absolute or relative to the current directory, else to the
  // repository); default .kep-lint.yaml in the repository when present.
  std::string config_path;
  std::filesystem::path rules_dir;  // load packs from here instead of the built-in ones
  std::string pack;                 // overrides the config and detection
  std::map<std::string, std::filesystem::path> dataset_files;  // --sigs, --dataset NAME=FILE
  std::map<std::string, std::string> variables;                // e.g. release
  // --max-file-size; else the config's max-file-size; else Repository::kDefaultMaxFileSize.
  std::optional<std::size_t> max_file_size;
  // The base revision of a change (a commit id). When set, the session can lint the base too
  // (base_run), and, unless settings_from_worktree, everything that configures the gate (a
  // repository pack, the config, datasets and baseline inside the repository, shared documents
  // such as the template, exclude lists) is read from this commit: a pull request's edits to
  // its own gate take effect once merged, not in the run that judges it.
  std::string base_commit;
  bool settings_from_worktree = false;
};

struct Session {
  std::unique_ptr<Repository> repo;
  // The base revision, read from git objects; null without SessionOptions::base_commit.
  std::unique_ptr<Repository> base_repo;
  // Where settings were read: base_repo when trusted, else repo.
  const Repository* settings = nullptr;
  Config config;
  std::unique_ptr<Pack> pack;
  std::unique_ptr<RunContext> run;
  // The same pack, settings and datasets over base_repo; null without a base.
  std::unique_ptr<RunContext> base_run;
  // Repo-relative files and directories (ending in '/') that configure the gate: the config,
  // a repository pack, datasets, the baseline, shared documents, exclude lists. A change to
  // them takes effect after merge when settings come from the base.
  std::vector<std::string> settings_paths;
  bool settings_from_base() const { return settings && settings == base_repo.get(); }

  // {planned-release} derived on first use when --release was not given; its note says how.
  struct DerivedRelease {
    std::once_flag once;
    PlannedRelease value;
    std::atomic<bool> done{false};
  };
  std::shared_ptr<DerivedRelease> derived_release;
  // Things the user should know (dataset sources, fallbacks); waits for the datasets.
  std::vector<std::string> notes() const;
  // Throws std::runtime_error when a dataset file the user named could not be used.
  void check_datasets() const;
};

// The repository root a session with these options lints (see SessionOptions::find_root).
std::filesystem::path session_root(const SessionOptions& options);

// Throws RuleError (broken config or pack) or std::runtime_error (unusable input).
Session open_session(const SessionOptions& options);

}  // namespace keplint
