// Path templates such as "keps/prod-readiness/{owning-sig}/{kep-number}.yaml".
// Filling refuses values that would leave their path segment (so metadata like
// `owning-sig: ../../etc` can never point outside the repository); matching runs the other way,
// extracting the variables from a concrete path.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace keplint {

using VariableLookup = std::function<std::optional<std::string>(std::string_view name)>;

struct FilledPath {
  std::string path;          // set on success
  std::string missing;       // name of a variable with no value
  std::string bad_variable;  // name of a variable whose value is not a safe path segment
  std::string bad_value;
  bool ok() const { return missing.empty() && bad_variable.empty(); }
};

// `path_variables` name variables that hold whole repo-relative paths (the proposal's own
// directory); their values may span segments but must still be safe relative paths.
FilledPath fill_path_template(std::string_view tmpl, const VariableLookup& lookup,
                              const std::vector<std::string>& path_variables = {});

// Plain text substitution for messages and parameters: unknown variables stay as written.
std::string fill_text_template(std::string_view tmpl, const VariableLookup& lookup);

// Variable names in order of appearance.
std::vector<std::string> template_variables(std::string_view tmpl);

// Matches a concrete path against a template; each variable matches one non-empty run of
// characters without '/'. Returns the variables on a match.
std::optional<std::map<std::string, std::string>> match_path_template(std::string_view tmpl,
                                                                      std::string_view path);

// A repo-relative path with no "..", no absolute start, no empty segments, no NUL.
bool is_safe_relative_path(std::string_view path);

// Joins and normalises "a/b/../c" lexically; nullopt when it would climb above the root.
std::optional<std::string> normalize_relative_path(std::string_view path);

}  // namespace keplint
