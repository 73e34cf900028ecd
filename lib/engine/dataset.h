// Reference data rules check against: SIG ids from a sigs.yaml, PRR approvers from the repo's
// OWNERS_ALIASES. A pack declares where each comes from; nothing is downloaded.
#pragma once

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "repo/repository.h"

namespace keplint {

struct DatasetSpec {
  std::string name;  // "sigs"
  std::string description;
  std::string repo_file;            // repo-relative default source ("OWNERS_ALIASES"), may be empty
  std::vector<std::string> select;  // field paths whose scalar values form the set ("sigs[].dir")
  std::vector<std::string> fallback_values;  // the pack's pinned list, used when no file is given
  std::string fallback_source;               // how to describe the pinned list in findings
};

struct Dataset {
  std::string name;
  std::set<std::string, std::less<>> values;
  std::string source;  // where the values came from, for messages: "sigs.yaml at PATH"
  bool available = false;
  std::string error;   // why it is unavailable
  bool fatal = false;  // a file the user named could not be used: the run must fail (exit 2)
};

// `user_file`: given with --dataset/--sigs or the repo config (absolute or cwd-relative).
// Throws std::runtime_error (with file:line) when a given file cannot be read or parsed.
Dataset load_dataset(const DatasetSpec& spec, const Repository& repo,
                     const std::optional<std::filesystem::path>& user_file);

}  // namespace keplint
