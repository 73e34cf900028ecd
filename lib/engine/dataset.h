// Reference data rules check against: SIG ids from a sigs.yaml, PRR approvers from the repo's
// OWNERS_ALIASES. A pack declares where each comes from; nothing is downloaded.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "parse/yaml_document.h"
#include "repo/repository.h"

namespace keplint {

struct DatasetSpec {
  std::string name;  // "sigs"
  std::string description;
  std::string repo_file;            // repo-relative default source ("OWNERS_ALIASES"), may be empty
  std::vector<std::string> select;  // field paths whose scalar values form the set ("sigs[].dir")
  std::vector<std::string> fallback_values;  // the pack's pinned list, used when no file is given
  std::string fallback_source;               // how to describe the pinned list in findings
  // `required: false`: a repository file without the selected values leaves the dataset
  // unavailable instead of failing the run (rules that need it report that themselves).
  bool values_required = true;
};

struct Dataset {
  std::string name;
  std::set<std::string, std::less<>> values;
  std::string source;  // where the values came from, for messages: "sigs.yaml at PATH"
  bool available = false;
  std::string error;   // why it is unavailable
  bool fatal = false;  // a file the user named could not be used: the run must fail (exit 2)
};

// A dataset file the user named, read and parsed ahead of time: that can start before the pack
// is loaded, which only says what to select from it.
struct DatasetFile {
  std::optional<YamlDocument> doc;
  std::string error;  // why the file could not be read (then no doc)
};
std::shared_ptr<const DatasetFile> read_dataset_file(const std::string& name,
                                                     const std::filesystem::path& file);

// `user_file`: given with --dataset/--sigs or the repo config (absolute or cwd-relative);
// `preread`: that file already read by read_dataset_file.
// Throws std::runtime_error (with file:line) when a given file cannot be read or parsed.
Dataset load_dataset(const DatasetSpec& spec, const Repository& repo,
                     const std::optional<std::filesystem::path>& user_file,
                     const DatasetFile* preread = nullptr);

}  // namespace keplint
