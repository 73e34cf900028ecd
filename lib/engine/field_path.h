// Field paths into YAML: "owning-sig", "milestone.alpha", "feature-gates[].name", "aliases.x[]".
// `[]` visits every item of a sequence, `[#text]` the items whose trailing comment is `text`
// (`approvers[#sig-node-assigned-approver]`); a missing step simply yields no match.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "parse/yaml_document.h"

namespace keplint {

struct FieldMatch {
  const YamlNode* node = nullptr;  // the value
  const YamlNode* key = nullptr;   // the mapping key that led to it (null for sequence items)
  std::string path;                // concrete path, e.g. "feature-gates[1].name"
};

struct FieldLookup {
  std::vector<FieldMatch> matches;
  // Where the path stopped when it did not resolve: the last node reached and its key, so a
  // "missing field" finding can point at the parent mapping.
  const YamlNode* last_node = nullptr;
  const YamlNode* last_key = nullptr;
};

FieldLookup lookup_field(const YamlNode* root, std::string_view path);

// Validates path syntax for rule loading; returns an error message or "".
std::string field_path_error(std::string_view path);

// The scalar text of the first match, if it is a non-null scalar.
const YamlNode* first_scalar(const YamlNode* root, std::string_view path);

}  // namespace keplint
