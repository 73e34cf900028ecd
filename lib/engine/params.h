// Typed access to a YAML mapping from a pack or config file. Every key that is read is
// remembered, so `finish()` can reject unknown keys with their file and line: a typo in a rule
// file stops the run instead of silently disabling a check.
#pragma once

#include <re2/re2.h>

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "engine/rule_error.h"
#include "parse/yaml_document.h"

namespace keplint {

class Params {
 public:
  // `node` must be a mapping (checked); `file` names the pack file for errors; `what` names the
  // mapping in messages ("check kind 'one-of'", "rule KEP003").
  Params(const YamlNode* node, std::string file, std::string what);

  bool has(std::string_view key) const;
  std::string string(std::string_view key);  // required, scalar
  std::optional<std::string> optional_string(std::string_view key);
  std::string string_or(std::string_view key, std::string fallback);
  // A scalar or a list of scalars; required unless `optional`.
  std::vector<std::string> strings(std::string_view key, bool optional = false);
  bool boolean(std::string_view key, bool fallback);
  int integer(std::string_view key, int fallback, int min, int max);
  // A compiled re2 pattern; errors name the pattern.
  std::shared_ptr<const re2::RE2> regex(std::string_view key, bool optional = false);
  std::string field_path(std::string_view key, bool optional = false);
  const YamlNode* node(std::string_view key);  // raw access, marks the key used
  Params child(std::string_view key);          // a nested mapping (required)
  // A glob or a list of globs of repo/glob.h's dialect (anything else is an error at the glob).
  std::vector<std::string> globs(std::string_view key, bool optional = false);
  // An optional scalar that must be one of `allowed` (did-you-mean on a typo); `fallback` if unset.
  std::string choice(std::string_view key, const std::vector<std::string>& allowed,
                     std::string fallback);

  [[noreturn]] void fail(std::string_view key, const std::string& message) const;
  [[noreturn]] void fail_at(const YamlNode* node, const std::string& message) const;
  // Throws for the first key that was never read.
  void finish() const;

  const std::string& file() const { return file_; }
  const std::string& what() const { return what_; }
  const YamlNode* mapping() const { return node_; }
  // Every key read so far, set or not (tests compare it with the kinds' declarations).
  const std::set<std::string, std::less<>>& used() const { return used_; }

 private:
  const YamlNode* value(std::string_view key);
  const YamlNode* node_;
  std::string file_;
  std::string what_;
  std::set<std::string, std::less<>> used_;
};

}  // namespace keplint
