// Turns command-line choices into a ready run: repository, config, pack, datasets.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/config.h"
#include "engine/pack.h"
#include "engine/run_context.h"
#include "repo/repository.h"

namespace keplint {

struct SessionOptions {
  std::filesystem::path repo_dir = ".";
  std::string config_path;          // repo-relative; default .kep-lint.yaml when present
  std::filesystem::path rules_dir;  // load packs from here instead of the built-in ones
  std::string pack;                 // overrides the config and detection
  std::map<std::string, std::filesystem::path> dataset_files;  // --sigs, --dataset NAME=FILE
  std::map<std::string, std::string> variables;                // e.g. release
  // --max-file-size; else the config's max-file-size; else Repository::kDefaultMaxFileSize.
  std::optional<std::size_t> max_file_size;
};

struct Session {
  std::unique_ptr<Repository> repo;
  Config config;
  std::unique_ptr<Pack> pack;
  std::unique_ptr<RunContext> run;
  std::string release_note;  // how {planned-release} was chosen when --release was not given
  // Things the user should know (dataset sources, fallbacks); waits for the datasets.
  std::vector<std::string> notes() const;
  // Throws std::runtime_error when a dataset file the user named could not be used.
  void check_datasets() const;
};

// Throws RuleError (broken config or pack) or std::runtime_error (unusable input).
Session open_session(const SessionOptions& options);

}  // namespace keplint
