// A named rule: an instance of a check kind with parameters, from a pack's YAML.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/check.h"
#include "engine/condition.h"
#include "engine/finding.h"

namespace keplint {

struct RuleExample {
  std::string file;  // e.g. "kep.yaml"
  std::string text;
};

struct Rule {
  std::string id;    // "KEP003"
  std::string name;  // "status-valid"
  Severity severity = Severity::Error;
  // The scope ratchet: severity for proposals outside the changed set (whole-repo runs), so
  // rules that old proposals predate can be errors on new work and warnings elsewhere.
  std::optional<Severity> whole_repo_severity;
  std::string description;
  std::string rationale;
  std::string applies_to;  // a document role, "proposal", "repository" or "files"
  // For `applies-to: files`: which files, minus globs and the paths listed in a repository file
  // (kubernetes lists pages without a TOC in hack/.notableofcontents).
  std::vector<std::string> files;
  std::vector<std::string> exclude;
  std::string exclude_list;
  Condition when;
  std::string kind;
  std::unique_ptr<Check> check;
  std::string message;
  std::vector<std::string> tags;  // e.g. "freeze": the release team's checks for `report --release`
  // Rules whose findings at the same place (file and start position) this rule's finding
  // replaces: a template placeholder is one problem, not also an unknown SIG and a bad number.
  std::vector<std::string> supersedes;
  std::string docs_url;
  std::vector<RuleExample> wrong;  // for the generated docs page
  std::vector<RuleExample> right;
  // What every example needs around it (`examples: context:`), written into the scratch
  // repository before each example, and the `--release` the examples are linted with
  // (`examples: release:`).
  std::vector<RuleExample> example_context;
  std::string example_release;
  std::string file;  // pack file that defines it
  int line = 0;
  bool repository_level() const { return applies_to == "repository"; }
  bool file_level() const { return applies_to == "files"; }
};

}  // namespace keplint
