// A rule pack: repository layout, datasets and rules for one kind of enhancements repository.
//
// rules/<pack>/pack.yaml     name, description, detection, layout, datasets
// rules/<pack>/*.yaml        rule files: `rules:` lists of rule instances
// rules/<pack>/data/*.yaml   pinned reference data (`source:` and `values:`)
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "engine/dataset.h"
#include "engine/rule.h"
#include "repo/layout.h"

namespace keplint {

struct PackFile {
  std::string path;  // relative to the pack directory, e.g. "pack.yaml", "metadata.yaml"
  std::string text;
};

struct Pack {
  std::string name;
  std::string description;
  std::string origin;               // "built-in" or the directory it was loaded from
  std::string docs_url;             // template with {id} and {name}
  std::vector<std::string> detect;  // repo paths; the pack applies when one exists
  Layout layout;
  std::vector<DatasetSpec> datasets;
  std::vector<Rule> rules;  // sorted by id
  // `release: {targets: <condition>}`: when a proposal targets the release given with
  // --release (the condition may use {release}); used by freeze checks and `report`.
  Condition release_targets;
  bool has_release_targets = false;
  // `release: {derive-from: latest-milestone}`: without --release, {planned-release} is the
  // highest version proposals name in this field (engine/planned_release.h).
  std::string release_derive_from;

  const Rule* find_rule(std::string_view id_or_name) const;
  Rule* find_rule(std::string_view id_or_name);
};

// Throws RuleError naming the file and line of the first problem. A pack found by its name (a
// directory of packs, a repository's pack) passes that name as `expected_name`: a manifest
// `name:` that differs is an error (a copied pack someone forgot to rename).
Pack load_pack(const std::string& origin, const std::vector<PackFile>& files,
               std::string_view expected_name = {});

std::vector<std::string> builtin_pack_names();
Pack load_builtin_pack(std::string_view name);  // throws RuleError for an unknown name
// `name_must_match`: the manifest's `name:` must be the directory's name.
Pack load_pack_directory(const std::filesystem::path& dir, bool name_must_match = false);

}  // namespace keplint
